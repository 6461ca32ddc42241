"""The account id of a mail that names only its organization's management account (issue 12 item 4).

A mail that says "the instance … of management account 2944…" or "the organization whose management account is
4722…" does not say that the management account is the reader's: a member account gets such mail too (an
organization's changes, a removal from it). So the extractor does not take it for the concerned account; the
classifier takes the recipient's own account only when every account the mail names is the recipient's
(routing.classify._recipient_account), so the management account's own root address gets its id and a member's
gets none.
"""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.identifiers import extract_identifiers
from routing.parse import parse_mail
from routing.types import Account, Customer, Recipient

CLASSIFIER = NoticeClassifier()
MANAGEMENT = "448120937765"
BODIES = (
    f"Starting May 20, 2026, IAM Identity Center will require MFA in the instance ssoins-0000 of management "
    f"account {MANAGEMENT}.",
    f"Beginning May 20, 2026, tag policies are enforced for the organization whose management account is "
    f"{MANAGEMENT}.",
)


def _mail(body: str) -> bytes:
    return ("From: Amazon Web Services <no-reply@signin.aws>\r\nTo: root+x@aws.example.org\r\n"
            "Date: Mon, 02 Mar 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n").encode()


def _recipient(account_id: str) -> Recipient:
    return Recipient("root+x@aws.example.org", Account(account_id, "x", "acme", "root+x@aws.example.org"),
                     Customer("acme", "Acme Corp"))


@pytest.mark.parametrize("body", BODIES)
def test_a_lone_management_account_is_not_taken_for_the_readers(body: str) -> None:
    found = extract_identifiers("", body)
    assert found.aws_account_id is None
    assert found.identifiers["aws_account_ids"] == [MANAGEMENT]


@pytest.mark.parametrize("body", BODIES)
def test_the_management_accounts_own_root_address_gets_its_id_a_members_none(body: str) -> None:
    parsed = parse_mail(_mail(body))
    assert CLASSIFIER.classify(parsed, _recipient(MANAGEMENT)).aws_account_id == MANAGEMENT
    assert CLASSIFIER.classify(parsed, _recipient("123456789012")).aws_account_id is None


def test_your_organizations_management_account_stays_the_readers() -> None:
    found = extract_identifiers("", f"Your organization (management account {MANAGEMENT}) will change on 2026-05-20.")
    assert found.aws_account_id == MANAGEMENT
