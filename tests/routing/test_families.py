"""Sender families: AWS address families by domain (and local part), never a look-alike domain."""

from __future__ import annotations

import pytest

from routing.families import CREDENTIAL_FAMILIES, sender_family


@pytest.mark.parametrize(("address", "family"), [
    ("password-reset-no-reply@verify.signin.aws", "credentials"),
    ("no-reply@signin.aws", "credentials"),
    ("no-reply@signup.aws", "verification"),
    ("health@aws.com", "health"),
    ("invoicing@aws.com", "billing"),
    ("ec2-abuse@amazon.com", "abuse"),
    ("trustandsafety@support.aws.com", "abuse"),
    ("budgets@costalerts.amazonaws.com", "cost"),
    ("no-reply@sns.amazonaws.com", "notification"),
    ("no-reply-aws@amazon.com", "general"),
    ("no-reply@mail.aws.com", "general"),
])
def test_aws_address_families(address: str, family: str) -> None:
    assert sender_family(address) == family


@pytest.mark.parametrize("address", [
    "x@aws.com.evil.example", "x@amazon.com.evil.example", "no-reply@signin.aws.evil.example",
    "x@evilaws.com", "x@notamazon.com", "health@aws.com.", "no-reply", "@aws.com", "",
])
def test_look_alike_or_broken_addresses_have_no_family(address: str) -> None:
    assert sender_family(address) is None


def test_credential_families_are_the_default_deny_ones() -> None:
    assert {"credentials", "verification"} <= CREDENTIAL_FAMILIES
