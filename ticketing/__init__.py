"""Celery tasks and everything after the store: pipeline, ledger updates, rendering, threading,
helpdesk clients, quarantine and reconciliation."""
