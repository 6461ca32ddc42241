"""Session 12's round after the first run of unseen29/30, in our own words (none of these sentences is in a fixture):
types the evidence cues place (hard-wrapped phrases, a behaviour that changes from a date, an MFA device removed, a
connectivity issue, a move to a new CA, a service a provider stops offering, a Korean case AWS opened), and deadlines
(a sent date is no deadline, a written-out number before its digits, a table's Start and End cells, a plain part that
points at the HTML part, an imperative after a condition, what AWS did on a date, the end of an agreement's term)."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

import pytest

from routing.classify import NoticeClassifier
from routing.htmltext import html_to_text
from routing.parse import parse_mail
from tests.routing.mailbuild import DATE, build

CLASSIFIER = NoticeClassifier()
HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SUPPORT = "no-reply-support@amazon.com"
MARKETPLACE = "no-reply@marketplace.aws"


def _notice(sender: str, subject: str | None, body: str, html: bool = False):  # type: ignore[no-untyped-def]
    return CLASSIFIER.classify(parse_mail(build(sender, subject, body, html)))


TYPES = [
    # a phrase hard-wrapped over two lines is one phrase
    (GENERAL, None, "Hello,\n\nThe agent version 3 that account 301928475614 runs reaches end of\nsupport on "
     "14 March 2027. Move each host to version 4 before then.\n", "health.end_of_support"),
    # a provider that stops offering something (es)
    (GENERAL, "Aviso: Amazon Widget Studio", "Le escribimos porque su cuenta 301928475615 usa Amazon Widget Studio. "
     "A partir del 2 de agosto de 2027, AWS dejará de ofrecer las sesiones interactivas; le recomendamos trasladar "
     "sus flujos antes de esa fecha.\n", "health.end_of_support"),
    # a behaviour that changes from a date, without the word "default"
    (GENERAL, None, "Hello,\n\nStarting June 3, 2027, Amazon Widget Queue will keep messages for 7 days instead of 14 "
     "in account 301928475616. The change applies to queues created before that date too.\n", "policy.change_notice"),
    # an MFA device removed (de), from the general sender, ending with "contact AWS Support"
    (GENERAL, "Sicherheitshinweis", "Am 3. Juni 2027 wurde ein Sicherheitsschlüssel (MFA) vom Root-Benutzer des "
     "Kontos 301928475617 entfernt. Wenn Sie das nicht waren, wenden Sie sich an den AWS Support.\n",
     "credentials.mfa_deactivated"),
    # a connectivity issue that is over
    (HEALTH, "[RESOLVED] Amazon Widget Sync [EU-WEST-3]", "Between 1:05 and 2:40 PM UTC on 4 May 2027, some sync jobs "
     "in EU-WEST-3 could not connect to their targets and failed with connection time-outs. The issue is resolved.\n",
     "health.operational_issue"),
    # a move to a new CA, no "rotation" word
    (HEALTH, "Amazon Widget endpoints", "Amazon Widget endpoints in US-EAST-1 will present certificates from a new "
     "intermediate certificate authority. Clients that pin the current one must trust the new CA first.\n",
     "health.certificate_rotation"),
    # a Support case AWS opened on the reader's behalf, Korean "사례"
    (SUPPORT, "새 지원 사례: 17710293847",
     "고객님을 대신하여 지원 사례를 열었습니다.\n사례 ID: 17710293847\n"
     "계정 ID: 301928475618\n세금계산서 설정을 확인해 주세요.\n",
     "support.case_opened_by_aws"),
]


@pytest.mark.parametrize(("sender", "subject", "body", "want"), TYPES, ids=[case[3] for case in TYPES])
def test_types_of_the_s12_round(sender: str, subject: str | None, body: str, want: str) -> None:
    assert _notice(sender, subject, body).notice_type == want


def test_a_date_an_invitation_was_sent_on_is_no_deadline_zh() -> None:
    body = ("管理账户 301928475619 邀请您的 AWS 账户加入其组织。\n"
            "此邀请发送于 2026年12月1日，将于 2026年12月16日 过期。\n如需接受邀请，请登录控制台。\n")
    assert _notice(GENERAL, "AWS Organizations 邀请", body).deadline in (None, "2026-12-16")
    hant = "AWS 帳戶 301928475620 邀請您的帳戶加入其組織。此邀請於 2026年12月1日 發出，將於 2026年12月16日 失效。\n"
    assert _notice(GENERAL, "邀請您加入 AWS 組織", hant).deadline in (None, "2026-12-16")


def test_a_number_written_out_before_its_digits_it() -> None:
    body = ("La chiave di accesso AKIAEXAMPLEKEY000001 dell'account 301928475621 è esposta pubblicamente. Rispondi al "
            "caso 17710293848 entro sette (7) giorni da questo messaggio.\n")
    assert _notice(GENERAL, "[Action Required] Your AWS Access Key is Exposed", body).deadline == "2026-12-08"


def test_the_start_and_end_cells_of_a_table_row_are_a_window() -> None:
    html = ("<p>Amazon Widget Relay will perform maintenance on the relay fleet of account 301928475622. Each relay "
            "can be unavailable for a minute.</p><table><tr><th>Start</th><th>End</th><th>Relay</th></tr>"
            "<tr><td>2027-01-09 02:00 UTC</td><td>2027-01-09 05:00 UTC</td><td>relay-a</td></tr></table>")
    notice = _notice(HEALTH, "[Scheduled] Amazon Widget Relay maintenance", html, html=True)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-01-09"


def test_header_cells_are_kept_apart() -> None:
    assert html_to_text("<table><tr><th>Start</th><th>End</th></tr></table>") == "Start End"


def _alternative(text: str, html: str) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = f"Amazon Web Services <{HEALTH}>"
    message["To"] = "root@tenant.example"
    message["Date"] = DATE
    message["Subject"] = "[Action may be required] Amazon Widget endpoints move to a new CA [AWS Account: 301928475623]"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message.as_bytes()


def test_a_plain_part_that_points_at_the_html_part_reads_its_dates() -> None:
    text = ("Hello,\n\nAmazon Widget endpoints will present certificates from a new intermediate certificate "
            "authority. The HTML version of this message lists the dates and the certificate details, which your "
            "clients may need.\n\nSincerely,\nAmazon Web Services\n")
    html = ("<p>Amazon Widget endpoints will present certificates from a new intermediate certificate authority.</p>"
            "<p>Endpoints switch to the new intermediate March 2, 2027</p>"
            "<p>Current intermediate expires May 30, 2027</p>"
            "<p>If your clients pin the intermediate, add the new intermediate to their trust store before "
            "March 2, 2027.</p>")
    notice = CLASSIFIER.classify(parse_mail(_alternative(text, html)))
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-03-02"  # the act-by date of an imperative after a condition, not the expiry


def test_what_aws_did_on_a_date_is_no_deadline() -> None:
    body = ("On December 1, 2026 we suspended AWS account 301928475624 because its invoice is still unpaid. If the "
            "balance is not paid, we will close the account on or after January 5, 2027.\n")
    assert _notice("billing@aws.com", "Your AWS account has been suspended", body).deadline == "2027-01-05"


def test_the_end_of_an_agreements_term_de() -> None:
    body = ("Ihre Vereinbarung für das Produkt Widget Pro läuft bald aus.\n\nKäuferkonto 301928475625\n\n"
            "Laufzeitbeginn 1. Februar 2026\n\nLaufzeitende 31. Januar 2027\n\nWenn Sie das Produkt weiter nutzen "
            "möchten, verlängern Sie die Vereinbarung, bevor sie endet.\n")
    notice = _notice(MARKETPLACE, "Ihre AWS Marketplace-Vereinbarung endet bald", body)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == "2027-01-31"
