"""Session 26's faster forms give exactly what their plain forms give: routing.dkim_verify's
``_compressed`` (dkimpy's ``compress_whitespace`` replacing only the runs that change) and
``canonical_body`` with it, on bytes drawn from the characters that matter and on long runs;
routing.classify's ``_points_to_html`` (the pattern searched only around each "html") against the
whole-text search; routing.stages's ``_named_stage`` (the pattern tried only where its literals stand) against the
whole-text search."""

from __future__ import annotations

from dkim.canonicalization import CanonicalizationPolicy, compress_whitespace
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import classify, dkim_verify, stages

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


def test_speed_compressed_long_runs_are_dkimpys() -> None:
    # (long runs, as a hostile body holds them: the same bytes; the speed is measured in bench/, not here)
    for body in (b" " * 200_000 + b"x", b"a " * 200_000, b"\t" * 200_000, b" \t" * 100_000 + b"x\r\n"):
        assert dkim_verify._compressed(body) == compress_whitespace(body)


HTML_PIECES = ["HTML", "html", "Html", "hTmL", "HTML-", "HTML ", "version", "Version", "versión en ", "versão em ",
               "versione ", "format", "part", "view", "Fassung", "Ansicht", "版", "형식", "バージョン", ".html", "a",
               " ", "\n", "İ", "x" * 30, "-", "_"]


def _plain_points_to_html(text: str) -> bool:
    return ("HTML" in text or "html" in text or "Html" in text) and classify._HTML_POINTER.search(text) is not None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=14))
def test_speed_points_to_html_is_the_whole_text_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert classify._points_to_html(text) == _plain_points_to_html(text)


def test_speed_points_to_html_examples() -> None:
    for text in ("see the HTML version", "Consulte la versión en HTML", "Veja a versão em HTML", "die HTML-Fassung",
                 "HTML 버전", "xHTML version", "page.html", "versión en HTMLversion", "İ HTML version", "html"):
        assert classify._points_to_html(text) == _plain_points_to_html(text), text


STAGE_PIECES = ["before the ", "by the ", "no later than the ", "prior to the ", "ahead of the ",
                "end of support date", "end of standard support", "end of extended support", "retirement date",
                "avant la fin du support", " standard", "antes del fin del soporte", "antes do fim do suporte padrão",
                "prima della fine del supporto", "vor dem ende des standard-supports", "x", " ", "\n", "a", "-", "ı",
                "before the end of life date"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(STAGE_PIECES), max_size=30))
def test_speed_named_stage_is_the_whole_text_search(pieces: list[str]) -> None:
    lowered = "".join(pieces)
    found, plain = stages._named_stage(lowered), stages._NAMED_STAGE.search(lowered)
    assert (found and (found.span(), found.groups())) == (plain and (plain.span(), plain.groups()))
