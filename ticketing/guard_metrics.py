"""Prometheus metrics of the root-account guard (issue 15): alarms, windows, alert deliveries, escrow.

No label ever carries an account id, an address or a secret: only kinds, channels and results.
"""

from __future__ import annotations

from prometheus_client import Counter

ALARMS = Counter("rootmail_guard_alarms_total", "Root-guard alarms raised, by kind.", ["kind"])
DEDUPLICATED = Counter("rootmail_guard_alarms_deduplicated_total",
                       "Root-guard alarms not raised again within the dedupe window, by kind.", ["kind"])
EXPECTED = Counter("rootmail_guard_expected_total",
                   "Root-credential mail that arrived inside an open expectation window (no alarm).")
RESOLVED = Counter("rootmail_guard_alarms_resolved_total",
                   "Alarms resolved by a window declared after the fact (rootmail expect --covers).")
DELIVERIES = Counter("rootmail_guard_alert_deliveries_total", "Alert deliveries by channel and result.",
                     ["channel", "result"])
ESCROW = Counter("rootmail_escrow_total", "Escrow events: store, reveal, reveal_denied, expire.", ["event"])
