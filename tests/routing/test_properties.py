"""Property tests: nothing in classify/authenticate/redact raises on arbitrary input."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routing.authenticate import AwsDomains, authenticate
from routing.classify import NoticeClassifier
from routing.dns import StaticResolver
from routing.parse import UnparseableMail, parse_mail
from routing.redact import redact_text, render
from routing.secrets import find_secrets
from tests.conftest import FIXTURES

CLASSIFIER = NoticeClassifier()
AWS = AwsDomains.of(CLASSIFIER.taxonomy.aws_sender_domains)
SEED = (FIXTURES / "notices" / "password-reset-qp-softwrap.eml").read_bytes()


def _full(raw: bytes) -> None:
    try:
        parsed = parse_mail(raw)
    except UnparseableMail:
        return
    notice = CLASSIFIER.classify(parsed)
    auth = authenticate(parsed, raw, lookup=StaticResolver({}), aws_domains=AWS)
    render(parsed, notice, auth)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4000))
def test_classify_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    _full(raw)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=len(SEED)))
def test_classify_never_raises_on_mangled_mail(noise: bytes, at: int) -> None:
    _full(SEED[:at] + noise + SEED[at:])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2000))
def test_redaction_never_raises_and_removes_what_it_finds(text: str) -> None:
    redacted = redact_text(text)
    for secret in find_secrets(text):
        value = text[secret.start:secret.end]
        if len(value) >= 12:
            assert value not in redacted
