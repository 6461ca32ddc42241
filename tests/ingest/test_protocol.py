"""The protocol's fast address path gives exactly what aiosmtpd's RFC 5322 parser gives."""

from __future__ import annotations

import pytest
from aiosmtpd.smtp import SMTP
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.protocol import PLAIN_ANGLE_ADDR, RootmailSMTP

STOCK = SMTP(None)
OURS = RootmailSMTP(None)

ATOM = st.text("abcXYZ019!#$%&'*+/=?^_`{|}~-", min_size=1, max_size=6)
LABEL = st.text("abz09-", min_size=1, max_size=6)
PLAIN = st.builds(lambda local, domain, rest: f"<{'.'.join(local)}@{'.'.join(domain)}>{rest}",
                  st.lists(ATOM, min_size=1, max_size=3), st.lists(LABEL, min_size=1, max_size=3),
                  st.sampled_from(["", " SIZE=10", "  BODY=8BITMIME SMTPUTF8", "\tX", " (c) X", "(c)", " "]))
ANY = st.text("<>@.()\"[] \tab-\\é:", max_size=20)


@settings(max_examples=600, deadline=None)
@given(PLAIN | ANY)
def test_fast_path_agrees_with_aiosmtpd(arg: str) -> None:
    try:
        expected = STOCK._getaddr(arg)
    except Exception:  # the stdlib parser crashes on some input ("<", ".@["): ours says malformed
        expected = (None, None)
    assert OURS._getaddr(arg) == expected


@pytest.mark.parametrize("arg", ["<bounce@amazonses.com>", "<aws-root+acme-prod@roots.example.com> SIZE=5120",
                                 "<A.B@Example.COM>"])
def test_common_addresses_take_the_fast_path(arg: str) -> None:
    assert PLAIN_ANGLE_ADDR.match(arg)
    assert OURS._getaddr(arg) == STOCK._getaddr(arg)


def test_local_part_limit_is_kept() -> None:
    long_local = "<" + "a" * 65 + "@example.com>"
    ours, stock = RootmailSMTP(None), SMTP(None)
    ours.local_part_limit = stock.local_part_limit = 64
    assert ours._getaddr(long_local) == stock._getaddr(long_local) == (None, None)
