"""The SMTP edge: receiver handler, message store, ledger entry and task publication.

This package never imports parsing, classification or helpdesk code: it validates, stores durably,
records, enqueues by task name and answers. Everything else happens in the worker.
"""
