"""Session 23's round, in our own words (none of these sentences is in a fixture): a stage an ask names by its place
("before the final stage", "antes de la última fecha", "bis zum letzten Stichtag", "最後の日付までに"); a maintenance
window given only in a calendar invitation; new registrations that stop as a first stage; "before then" in the date's
own sentence; a kind of image (blueprints) retired; APIs that stop answering; activity that differs from the
account's usual pattern; a Korean bill not paid."""

from __future__ import annotations

from datetime import date
from email.message import EmailMessage
from email.policy import SMTP

from routing.calparts import calendar_lines
from routing.deadline import find_deadline
from routing.parse import parse_mail
from tests.routing.mailbuild import CLASSIFIER, classify

HEALTH = "health@aws.com"
SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)
EOS = "health.end_of_support"


def test_the_last_stage_an_ask_names_by_its_place() -> None:
    texts = [
        "Subject\nPhase A (March 15, 2027): no new fleets.\nPhase B (August 2, 2027): fleets are stopped.\n\n"
        "Copy your recordings elsewhere before the final stage.\n",
        "Asunto\nCalendario:\n  - 15/03/2027: no se pueden crear flotas nuevas\n"
        "  - 02/08/2027: se detienen las flotas\n\n"
        "Copie sus grabaciones antes de la última fecha del calendario.\n",
        "Betreff\nAb 15.03.2027: keine neuen Flotten. Ab 02.08.2027: Flotten werden gestoppt.\n\n"
        "Sichern Sie Ihre Aufnahmen bis zum letzten Stichtag.\n",
        "Objet\nLe 15/03/2027 : plus de nouvelles flottes. Le 02/08/2027 : les flottes sont arrêtées.\n\n"
        "Copiez vos enregistrements avant la dernière étape.\n",
        "件名\n2027年3月15日: 新しいフリートは作成できません。\n2027年8月2日: フリートは停止されます。\n\n"
        "最後の日付までに録画をコピーしてください。\n",
        "主题\n2027年3月15日：无法创建新的队列。\n2027年8月2日：队列将停止。\n\n请在最后一个日期之前复制您的录像。\n",
        "제목\n2027년 3월 15일: 새 플릿을 만들 수 없습니다.\n2027년 8월 2일: 플릿이 중지됩니다.\n\n"
        "마지막 날짜 전에 녹화를 복사하십시오.\n",
    ]
    for text in texts:
        assert find_deadline(text, DAY, EOS) == "2027-08-02", text


def test_the_nth_stage_and_a_column_named_by_its_place() -> None:
    text = ("Subject\nStep 1 - April 1, 2027: read-only consoles.\nStep 2 - June 1, 2027: APIs off.\n"
            "Step 3 - December 1, 2027: data removed.\n\nExport what you need before the second step.\n")
    assert find_deadline(text, DAY, EOS) == "2027-06-01"
    text = ("Subject\nWhat changes | from April 1, 2027 | from June 1, 2027\nNew fleets | not possible | not possible\n"
            "Existing fleets | run | stopped\n\nMove your fleets by the date in the right-hand column.\n")
    assert find_deadline(text, DAY, EOS) == "2027-06-01"


def test_what_lasts_until_a_stage_is_no_ask() -> None:
    # the explicit ask's date stands: "keep answering until the second step" asks nothing
    text = ("Subject\nFrom April 14, 2027 no new bots can be made; from May 14, 2027 calls to old bots fail. "
            "Your bots keep answering until the second step. Migrate your bots before April 14, 2027.\n")
    assert find_deadline(text, DAY, EOS) == "2027-04-14"


def test_a_first_stage_where_new_registrations_stop() -> None:
    text = ("Subject\nTimeline:\n  May 3rd, 2027 - new sensor registrations are no longer accepted\n"
            "  Nov 3rd, 2027 - end of support: sensors stop reporting\n\nPlease move your sensors before end of "
            "support.\n")
    assert find_deadline(text, DAY, EOS) == "2027-11-03"


def test_before_then_in_the_dates_own_sentence() -> None:
    text = ("Subject\nThe slot our engineers set aside for the restore is released on Tuesday, 9 March 2027; please "
            "confirm in this case before then, or the snapshot stays where it is.\n")
    assert find_deadline(text, DAY, "support.case_correspondence") == "2027-03-09"


def _with_invitation(ics: str) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = f"Amazon Web Services <{HEALTH}>"
    message["To"] = "root@tenant.example"
    message["Date"] = SENT
    message["Subject"] = "Amazon MQ planned maintenance notification"
    message.set_content("Hello,\n\nYour broker b-71c2 is scheduled for maintenance. The window is in the attached "
                        "invitation. Connections may drop for a few minutes.\n")
    message.add_attachment(ics.encode(), maintype="text", subtype="calendar", filename="window.ics")
    return message.as_bytes()


ICS = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:mq-1\r\nDTSTAMP:20270208T090000Z\r\n"
       "DTSTART:20270223T\r\n 030000Z\r\nDTEND:20270223T050000Z\r\nSUMMARY:broker maintenance\r\nEND:VEVENT\r\n"
       "END:VCALENDAR\r\n")


def test_a_window_given_only_in_a_calendar_invitation() -> None:
    parsed = parse_mail(_with_invitation(ICS))
    assert parsed.calendar == "Start: 2027-02-23 03:00 UTC\nEnd: 2027-02-23 05:00 UTC"  # (a folded line read whole)
    notice = CLASSIFIER.classify(parsed)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-02-23"
    assert notice.deadline_source == "Start: 2027-02-23"


def test_calendar_lines_read_local_times_dates_and_todos_and_stop_at_a_broken_component() -> None:
    ics = ("BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE;VALUE=DATE:20270309\nEND:VTODO\nBEGIN:VEVENT\n"
           "DTSTART;TZID=Europe/Berlin:20270310T220000\nEND:VEVENT\nBEGIN:VEVENT\nDTSTART:20270401T000000Z\n")
    assert calendar_lines(ics) == ["Due: 2027-03-09", "Start: 2027-03-10 22:00 (Europe/Berlin)"]
    # a calendar part that is not one is read as nothing, and the mail as before
    parsed = parse_mail(_with_invitation("not a calendar\r\n"))
    assert parsed.calendar == ""
    assert CLASSIFIER.classify(parsed).deadline is None


def test_kinds_of_images_retired_apis_that_stop_answering() -> None:
    body = ("Hello,\n\nAmazon Lightsail will retire the instance bundles based on Ubuntu 18.04 on September 30, 2027. "
            "Instances already running keep running.\n")
    notice = classify(HEALTH, "[Retirement Notification] Amazon Lightsail bundles", body, date=SENT)
    assert notice.notice_type == EOS
    assert notice.deadline == "2027-09-30"
    body = ("Hello,\n\nThe Places v1 APIs will stop responding on August 1, 2027. Move your calls to the v2 APIs no "
            "later than July 31, 2027.\n")
    notice = classify("no-reply-aws@amazon.com", None, body, date=SENT)
    assert notice.notice_type == EOS
    assert notice.deadline == "2027-07-31"


def test_activity_that_differs_from_the_accounts_usual_pattern() -> None:
    body = ("Hello,\n\nWe noticed activity in your AWS account 4410 2290 7731 that deviates from its normal pattern: "
            "many Lambda functions were created overnight. If you did not do this, rotate your credentials.\n")
    assert classify("no-reply-aws@amazon.com", None, body, date=SENT).notice_type == "security.suspicious_activity"


def test_a_korean_bill_not_paid() -> None:
    body = ("안녕하십니까,\n\nAWS 계정 441022907731의 1월 청구서 금액이 결제되지 않았습니다. "
            "결제 기한은 2027년 2월 20일입니다.\n")
    notice = classify("aws-billing@amazon.com", "AWS 청구서 안내", body, date=SENT)
    assert notice.notice_type == "billing.payment_failed"
