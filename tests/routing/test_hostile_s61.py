"""Session 61's new patterns on hostile input. Every gap they leave between two literals is bounded, and mails made of
their cues repeated many times, or among long runs of blanks, still read as the mails they imitate. Nothing here is
timed (test_hostile_complexity's rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing.deadline import _CHARGES_FROM, _END_DATE_FIELD, _LEADS
from routing.identifiers import _INCLUDED_BEFORE
from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

MAR_2 = format_datetime(datetime.fromisoformat("2027-03-02T08:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
HEALTH = "health@aws.com"
#: a literal of each pattern session 61 added to the rules
NEW_LITERALS = (
    "\\)?\\s?の(?!解約|閉鎖))", "\\)?\\s?(?:中|下|里|裡|内|內)?的)", "\\)?\\s?의)",
    "(?:usage )?(?:charges|costs)\\b[^.\\n]{0,60}?\\bbilling (?:period|cycle)", "\\bmandatory (?:[\\w-]+ ){0,2}?patch",
    "\\bverpflichtende[nrs]? (?:[\\w-]+ )?(?:Patch",
    "suspension prochaine|prochaine suspension", "(?:[\\w.-]+ ){0,4}class(?:es)?\\b",
    "\\bvai retirar (?:os |as |o |a )?",
    "\\britiro (?:della |delle |dei |del |dell.)", "\\bretirada (?:de la |de las", "\\bretrait (?:de la |des |du )",
    "(?:introduces|will introduce|is introducing)", "(?:can|may) (?:now )?be (?:viewed|seen",
    "\\bdue for (?:a |an |the )?(?:required |mandatory )?", "(?:適用|更新)されていない場合",
    "\\bcertificates?\\b[^.]{0,120}\\b(?:is|are) being (?:replaced|rotated|renewed)",
    "(?:someone|somebody|a third party)(?: other than you| else)\\b[^.\\n]{0,20}?",
    "(?:may|might|could) have been (?:accessed|used) by", "\\)?\\s?에서 평소와 다른 활동",
    "pela (?:sua )?assinatura)", "because (?:you|your (?:AWS )?accounts?) (?:have |has )?(?:used|uses?)",
    "\\b(?:revis(?:es|ing|ed)|updat(?:es|ing|ed)|amend(?:s|ing|ed)) (?:to )?(?:the |our |its )?",
)
#: the alternatives session 61 added to the deadline reader's and the account reader's patterns
FRAGMENTS = ((_END_DATE_FIELD, "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?[ \\t]*)?\\Z"),
             (_INCLUDED_BEFORE, "|\\bcover(?:s|ing)?|\\bcopr(?:e|ono|endo)|\\bcubr(?:e|en|iendo)"),
             (_CHARGES_FROM, "\\bbecomes? (?:billable|chargeable)\\b"),
             (next(lead for lead, _ in _LEADS if "becomes? (?:billable" in lead.pattern),
              "\\bbecomes? (?:billable|chargeable)(?: on| from| as of| starting)?|"))


def test_the_new_patterns_are_found() -> None:
    assert len(new_pattern_sources(NEW_LITERALS, FRAGMENTS)) >= len(NEW_LITERALS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS, FRAGMENTS)) == []


@pytest.mark.parametrize("blank", BLANKS)
def test_an_account_and_its_closure_apart_by_a_long_blank_run_are_no_closed_account(blank: str) -> None:
    for body in ("AWS 계정 604418827391" + blank * 20_000 + "해지되었습니다.",
                 "AWS アカウント 604418827391" + blank * 20_000 + "解約されました。",
                 "AWS 账户 604418827391" + blank * 20_000 + "已关闭。"):
        assert classify(AWS, None, body, date=MAR_2).notice_type != "account.closed"


def test_many_things_of_the_account_cancelled_stay_no_closed_account() -> None:
    body = ("AWS 계정 604418827391의 Savings Plan이 해지되었습니다. AWS 账户 604418827391 的 Savings Plan 已关闭。"
            "AWS アカウント 604418827391 の Savings Plans が解約されました。") * 2_000
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "account.closed"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_summary_of_charges_and_a_billing_period_apart_by_a_long_blank_run_are_no_statement(blank: str) -> None:
    body = "Here is a summary of your AWS charges" + blank * 20_000 + "for the billing period of March 2027."
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "billing.statement"


def test_many_summaries_of_charges_stay_one_statement() -> None:
    body = "This note summarises the charges on your account for the billing period March 2027. " * 2_000
    assert classify(BILLING, None, body, date=MAR_2).notice_type == "billing.statement"


@pytest.mark.parametrize("blank", BLANKS)
def test_mandatory_and_patch_apart_by_a_long_blank_run_are_no_maintenance(blank: str) -> None:
    body = "Applying the mandatory" + blank * 20_000 + "patch is up to you."
    assert classify(HEALTH, None, body, date=MAR_2).notice_type != "health.scheduled_maintenance"


def test_an_end_date_field_and_its_weekday_far_from_the_date_are_no_deadline() -> None:
    body = ("Hello,\n\nOne of your Savings Plans ends soon.\n\nEnd date: Wednesday," + " " * 20_000
            + "June 2, 2027\n\nAfter the end date, usage is billed at On-Demand rates.")
    notice = classify(BILLING, "Your AWS Savings Plan is expiring soon", body, date=MAR_2)
    assert notice.notice_type == "cost.commitment_expiry"
    assert notice.deadline_source is None or "End date" not in notice.deadline_source


@pytest.mark.parametrize("blank", BLANKS)
def test_a_certificate_and_its_replacement_apart_by_a_long_blank_run_are_no_rotation(blank: str) -> None:
    body = "The certificate of your Quokka portal" + blank * 20_000 + "is being replaced by a new login page."
    assert classify(HEALTH, None, body, date=MAR_2).notice_type != "health.certificate_rotation"


@pytest.mark.parametrize("blank", BLANKS)
def test_somebody_else_and_the_credentials_apart_by_a_long_blank_run_are_no_suspicious_activity(blank: str) -> None:
    body = "If somebody other than you" + blank * 20_000 + "holds the password, change it."
    assert classify("aws-verification@amazon.com", None, body, date=MAR_2).notice_type \
        != "security.suspicious_activity"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_statement_and_its_viewing_apart_by_a_long_blank_run_are_no_statement(blank: str) -> None:
    body = "Your billing statement for March" + blank * 20_000 + "can now be viewed, the invoice says."
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "billing.statement"


def test_many_linked_accounts_a_commitment_covers_are_read_in_bounded_time() -> None:
    body = ("Il Savings Plan dell'account pagante 604418827391 scade il 30 aprile 2027. "
            + "Copre anche l'account collegato 771204556310. " * 2_000)
    notice = classify(BILLING, "Il tuo Savings Plan sta per scadere", body, date=MAR_2)
    assert notice.notice_type == "cost.commitment_expiry"


def test_many_monitors_and_linked_accounts_stay_a_cost_anomaly() -> None:
    body = "Le moniteur « q » du compte 604418827391 a détecté une anomalie.\nCompte lié : 771204556310\n" * 2_000
    notice = classify("anomalydetection@costalerts.amazonaws.com", None, body, date=MAR_2)
    assert notice.notice_type == "cost.anomaly"


@pytest.mark.parametrize("blank", BLANKS)
def test_what_becomes_billable_and_a_date_apart_by_a_long_blank_run_are_read_in_bounded_time(blank: str) -> None:
    body = "Vended logs become billable on" + blank * 20_000 + "July 1, 2027."
    notice = classify(AWS, "Upcoming pricing change for Amazon Quokka vended logs", body, date=MAR_2)
    assert notice.deadline_source is None or "billable" not in notice.deadline_source


@pytest.mark.parametrize("blank", BLANKS)
def test_a_revision_and_its_terms_apart_by_a_long_blank_run_stay_a_newsletter(blank: str) -> None:
    body = "We are revising the agenda of the Quokka Summit" + blank * 20_000 + "terms and conditions apply."
    notice = classify("aws-marketing-email-replies@amazon.com", "Quokka Summit", body, date=MAR_2)
    assert notice.notice_type == "marketing.newsletter"
