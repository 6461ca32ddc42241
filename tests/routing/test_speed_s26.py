"""Session 26's faster forms give exactly what their plain forms give: routing.dkim_verify's
``_compressed`` (dkimpy's ``compress_whitespace`` replacing only the runs that change) and
``canonical_body`` with it, on bytes drawn from the characters that matter and on long runs."""

from __future__ import annotations

import time

from dkim.canonicalization import CanonicalizationPolicy, compress_whitespace
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dkim_verify

BODY_PIECES = [b" ", b"  ", b"\t", b" \t", b"\t ", b"\r\n", b"\n", b"\r", b"a", b"word", b"<p>", b"\x00", b"\xa0"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), max_size=40))
def test_speed_compressed_is_dkimpys_compress_whitespace(pieces: list[bytes]) -> None:
    body = b"".join(pieces)
    assert dkim_verify._compressed(body) == compress_whitespace(body)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), max_size=40))
def test_speed_relaxed_body_is_dkimpys(pieces: list[bytes]) -> None:
    body = b"".join(pieces)
    for c_value in (b"relaxed/relaxed", b"simple/relaxed", b"relaxed/simple"):
        policy = CanonicalizationPolicy.from_c_value(c_value)
        assert dkim_verify.canonical_body(policy, body) == bytes(policy.canonicalize_body(body))


def test_speed_compressed_long_runs_stay_linear() -> None:
    for body in (b" " * 200_000 + b"x", b"a " * 200_000, b"\t" * 200_000, b" \t" * 100_000 + b"x\r\n"):
        started = time.process_time()
        assert dkim_verify._compressed(body) == compress_whitespace(body)
        assert time.process_time() - started < 2.0
