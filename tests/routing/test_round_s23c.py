"""Session 23's third round, in our own words (none of these sentences is in a fixture): a stage that only warns;
"we advise you to … ahead of D"; support "coming to an end"; "the ID of your account is" in Chinese, Japanese and
Korean; a Portuguese day written as an ordinal before an abbreviated month; a period in hours counted from "the time
this notice was sent"; a Support case that closes itself; a change to the reader's invoices (es) that asks nothing,
beside a price change that asks nothing but costs from its date (de)."""

from __future__ import annotations

from datetime import date

from routing.deadline import best_deadline, find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)
GENERAL = "no-reply-aws@amazon.com"
EOS = "health.end_of_support"


def test_a_stage_that_only_warns_is_no_deadline() -> None:
    text = ("Subject\nStarting March 1, 2027, calls to the v1 query API include a deprecation warning field. From "
            "June 7, 2027, the v1 query API rejects every call with an error. Please move your callers to v2 before "
            "June 7, 2027.\n")
    assert find_deadline(text, DAY, EOS) == "2027-06-07"


def test_we_advise_you_to_act_ahead_of_a_date() -> None:
    body = ("Hello,\n\nSupport for Apache Kafka 2.8 on Amazon MSK is coming to an end. From April 12, 2027 we stop "
            "shipping fixes for it. From May 31, 2027 you can no longer create clusters on it.\n\nWe advise you to "
            "upgrade your clusters ahead of April 12, 2027.\n")
    notice = classify(GENERAL, None, body, date=SENT)
    assert notice.notice_type == EOS
    assert notice.deadline == "2027-04-12"


def test_the_id_of_your_account_is_in_chinese_japanese_and_korean() -> None:
    for text in ("欢迎！您的 AWS 账户 ID 是：530219477861", "お客様の AWS アカウント ID は 530219477861 です。",
                 "귀하의 AWS 계정 ID는 530219477861입니다."):
        assert extract_identifiers("", text, (), DAY).aws_account_id == "530219477861", text


def test_a_portuguese_ordinal_day_before_an_abbreviated_month() -> None:
    text = "Assunto\nData de encerramento: ter., 7º set. 2027\nMigre os seus relatórios antes dessa data.\n"
    assert find_deadline(text, DAY, EOS) == "2027-09-07"


def test_hours_counted_from_the_time_this_notice_was_sent() -> None:
    text = ("Subject\nPlease rotate the key no later than 96 hours after the time this notice was sent. We first saw "
            "the key on 2027-02-07.\n")
    assert find_deadline(text, DAY, "security.exposed_credentials") == "2027-02-12"


def test_a_support_case_that_closes_itself_is_no_deadline() -> None:
    body = ("Hello,\n\nThe quota increase is live in eu-west-3. If we do not hear from you within 10 days, the case "
            "will be resolved automatically. Thank you for using AWS Support.\n")
    assert classify(GENERAL, "RE: [CASE 17703311] Quota increase", body, date=SENT).deadline is None
    # an ask with its own date stays
    body = ("Hello,\n\nPlease send the VPC flow logs by February 19, 2027. If we do not hear back from you within 10 "
            "days, this case will be closed automatically.\n")
    assert classify(GENERAL, "RE: [CASE 17703311] Packet loss", body, date=SENT).deadline == "2027-02-19"


def test_a_change_to_the_readers_invoices_that_asks_nothing() -> None:
    body = ("Hola:\n\nA partir del 1 de julio de 2027, sus facturas de AWS incluirán un código de verificación. Las "
            "facturas emitidas hasta el 30 de junio de 2027 no cambian. No necesita hacer nada.\n")
    notice = classify(GENERAL, "Cambios en sus facturas de AWS", body, date=SENT)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None
    # a price that changes from a date costs from it, though the mail asks nothing
    text = "Betreff\nab 1. Juni 2027 kostet jede Abfrage 0,02 USD statt 0,01 USD. Sie müssen nichts tun.\n"
    found = best_deadline(text, DAY, "policy.change_notice", evidence=True)
    assert found is not None and found.date == "2027-06-01" and not found.no_action
