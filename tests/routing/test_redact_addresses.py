"""routing.redact reads plain From/Sender values without email.utils.getaddresses: the same addresses
(so default-deny by sender family decides as before), and values it cannot read plainly go to
getaddresses."""

from __future__ import annotations

import email.utils

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import redact, secrets

ADDRESS = r"[A-Za-z0-9_+-]{1,6}(\.[A-Za-z0-9_+-]{1,4}){0,2}@[A-Za-z0-9-]{1,6}(\.[A-Za-z0-9-]{1,5}){0,3}"
PLAIN = st.from_regex(
    r'\A *(([A-Za-z0-9_+-]{1,5}( +[A-Za-z0-9_+-]{1,5}){0,3}|"[^"\\\r\n]{0,12}") *)?<' + ADDRESS + r"> *\Z"
    + r"|\A *" + ADDRESS + r" *\Z")
PIECES = ["a", "Amazon", " ", "  ", "<", ">", "@", ".", "..", ",", ";", ":", '"', "\\", "(", ")", "[", "]", "-",
          "no-reply", "aws.com", "@aws.com", "\t", "\r\n ", "é", "ı", "=?utf-8?q?x?=", "<a@b.c>", "a@b", "@a,@b:"]


def _plain_addresses(values: list[str]) -> list[str]:
    return [address for _, address in email.utils.getaddresses(values) if address]


@settings(max_examples=800, deadline=None)
@given(st.lists(PLAIN, min_size=1, max_size=3))
def test_plain_values_give_getaddresses_addresses(values: list[str]) -> None:
    assert redact.simple_addresses(values) == _plain_addresses(values)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | PLAIN, max_size=3))
def test_any_value_read_plainly_gives_getaddresses_addresses(values: list[str]) -> None:
    found = redact.simple_addresses(values)
    if found is not None:
        assert found == _plain_addresses(values)


def test_the_usual_forms_are_read_plainly() -> None:
    assert redact.simple_addresses(["Amazon Web Services <no-reply-aws@amazon.com>",
                                    '"Amazon Web Services, Inc." <no-reply-aws@amazon.com>',
                                    "budget-alerts <no-reply@sns.amazonaws.com>", "health@aws.com"]) == \
        ["no-reply-aws@amazon.com", "no-reply-aws@amazon.com", "no-reply@sns.amazonaws.com", "health@aws.com"]
    assert redact.simple_addresses(["AWS <a@b.com>, Other <c@d.com>"]) is None  # two addresses: getaddresses
    assert redact.simple_addresses(["=?utf-8?q?AWS?= <a@b.com>"]) is None


def test_no_invisible_character_is_ascii() -> None:
    # find_secrets skips the invisible-character scan for ASCII text
    assert not any(secrets._INVISIBLE.match(chr(code)) for code in range(128))
