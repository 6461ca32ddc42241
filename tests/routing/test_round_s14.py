"""Session 14's round after the first run of unseen41/42, in our own words (none of these sentences is in a fixture):
a sentence that opens "On that date" describes the date before it; accounts that have not used a service are new to
it; the account an SES verification link names; unusual activity in the reader's account under an "[AWS ID …]" tag;
a window's start and end rows without colons; what took place on a past date; a free plan that ends; a Reiwa year; a
payment that was declined; a period a Support engineer asks the reader to act in; a past date that selects records."""

from __future__ import annotations

import pytest

from routing.deadline import arabic_cjk_dates
from tests.routing.mailbuild import classify

HEALTH = "no-reply-aws@amazon.com"


def test_the_sentence_after_a_date_that_opens_on_that_date_describes_it() -> None:
    body = ("Hello,\n\nWe are retiring Amazon Widget Studio. Starting January 15, 2027, accounts that have not used "
            "Widget Studio can no longer create projects. Current users may go on rendering scenes until "
            "June 30, 2027. On that date the service is turned off and its APIs stop answering. "
            "Account 302918475566.\n")
    notice = classify(HEALTH, None, body)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-06-30"


@pytest.mark.parametrize("opening", ["From that date", "After that date", "Ab diesem Datum", "À cette date"])
def test_only_an_anaphora_carries_the_next_sentence(opening: str) -> None:
    body = ("Hello,\n\nCurrent users of Amazon Widget Studio may go on rendering scenes until June 30, 2027. "
            f"{opening} the service is shut down. Account 302918475566.\n")
    assert classify(HEALTH, "Amazon Widget Studio end of support", body).deadline == "2027-06-30"


@pytest.mark.parametrize(("link", "account"), [
    ("https://email-verification.ap-southeast-2.amazonaws.com/?Context=508811274903&X-Amz-Date=20261201T100000Z"
     "&Identity.IdentityName=billing%40example.org", "508811274903"),
    ("https://email-verification.us-west-2.amazonaws.com/?Namespace=Bacon&amp;Context=508811274904&amp;X-Amz-Date=1",
     "508811274904"),
    ("https://email-verification.us-west-2.amazonaws.com/?Context=000000000000&X-Amz-Date=1", None),
])
def test_the_account_an_ses_verification_link_names(link: str, account: str | None) -> None:
    body = ("Dear Amazon SES customer,\n\nWe received a request to authorize this email address for use with "
            f"Amazon SES in the region Asia Pacific (Sydney). To confirm, open this link:\n{link}\n\n"
            "The link is valid for 24 hours.\n")
    notice = classify("no-reply-aws@amazon.com", "Amazon SES Address Verification Request in region Asia Pacific",
                      body)
    assert notice.notice_type == "verification.ses_identity"
    assert notice.aws_account_id == account


def test_unusual_activity_in_the_readers_account_under_an_aws_id_tag_is_no_abuse_report() -> None:
    body = ("Hello,\n\nSome activity in your AWS account does not match the way the account is normally used: "
            "44 instances were started in two Regions in one night.\n\nPlease review the instances and rotate the "
            "keys you do not recognise.\n")
    notice = classify("no-reply-aws@amazon.com", "Unusual activity detected in your AWS account [AWS ID 629301847755]",
                      body)
    assert notice.notice_type == "security.suspicious_activity"
    paraphrase = ("Hello,\n\nWe noticed activity in your AWS account that does not match its usual pattern: new access "
                  "keys were used from three countries.\n")
    assert classify("no-reply-aws@amazon.com", "Your AWS account [AWS ID 629301847756]",
                    paraphrase).notice_type == "security.suspicious_activity"


@pytest.mark.parametrize(("start", "end"), [
    ("시작 (KST) 2027년 1월 20일 (수) 오전 2:00", "종료 (KST) 2027년 1월 20일 (수) 오전 6:00"),
    ("Beginn (MEZ) 20.01.2027 02:00", "Ende (MEZ) 20.01.2027 06:00 – Wartung des Geräts für Ihre Verbindung"),
    ("Start (UTC) January 20, 2027 02:00", "End (UTC) January 20, 2027 06:00"),
])
def test_a_windows_start_and_end_rows_without_colons(start: str, end: str) -> None:
    body = ("Planned maintenance will restart the router that terminates your connection dxcon-ab12cd34 in account "
            f"330198475521.\n{start}\n{end}\nMove your traffic to the redundant connection before the window.\n")
    notice = classify(HEALTH, "[AWS Direct Connect] Planned maintenance", body)
    assert notice.deadline == "2027-01-20"


@pytest.mark.parametrize("sentence", ["마지막 유지 관리는 2026년 10월 2일에 있었습니다.",
                                      "前回のメンテナンスは 2026年10月2日にありました。"])
def test_what_took_place_on_a_past_date_is_no_deadline(sentence: str) -> None:
    body = f"Amazon Widget Link のメンテナンスのお知らせ。アカウント 330198475522。\n{sentence}\n"
    assert classify(HEALTH, "[AWS Health] Widget Link maintenance", body).deadline is None


def test_a_free_plan_that_ends_is_an_alert_not_a_closed_account() -> None:
    body = ("Hello,\n\nAWS account 330198475523 has been on the Free plan since July 2, 2026. Your free plan ends on "
            "January 2, 2027, and USD 12.10 of your credits are left.\n\nUpgrade to a paid plan before then to keep "
            "your resources. Accounts that do not upgrade are closed, and deleted after the post-closure period.\n")
    notice = classify("freetier@costalerts.amazonaws.com", "Your AWS Free plan ends soon", body)
    assert notice.notice_type == "cost.free_tier_alert"
    assert notice.deadline == "2027-01-02"


def test_a_reiwa_year_is_read_as_its_gregorian_year() -> None:
    assert arabic_cjk_dates("お支払期日: 令和9年3月31日、令和元年5月1日") == "お支払期日: 2027年3月31日、2019年5月1日"
    body = ("AWS アカウント 330198475524 の請求書をお送りします。\nご請求額: 52,100 円\nお支払方法: 銀行振込\n"
            "お支払期日: 令和9年1月29日\n")
    notice = classify("aws-billing@amazon.com", "Amazon Web Services 請求書", body)
    assert notice.deadline == "2027-01-29"


def test_a_payment_that_was_declined_and_a_card_we_could_not_charge() -> None:
    body = ("Hello,\n\nWe could not charge the Mastercard ending in 5521 for EUR 310.02 for account 330198475525. We "
            "will retry on December 4, 2026. Please pay the balance no later than December 12, 2026.\n")
    notice = classify("aws-billing@amazon.com", "Your payment for AWS was declined", body)
    assert notice.notice_type == "billing.payment_failed"
    assert notice.deadline == "2026-12-12"


@pytest.mark.parametrize(("sentence", "deadline"), [
    ("Please send us the HAR file of the failing request within 7 days.", "2026-12-08"),
    ("Bitte senden Sie uns die HAR-Datei innerhalb von 7 Tagen.", "2026-12-08"),
    ("Veuillez nous envoyer le fichier HAR dans un délai de 7 jours.", "2026-12-08"),
    # what is left to the reader is no deadline
    ("You can reopen this case within 14 days if the issue comes back.", None),
    ("Bei Bedarf können Sie den Fall innerhalb von 14 Tagen erneut öffnen.", None),
])
def test_a_period_a_support_engineer_asks_the_reader_to_act_in(sentence: str, deadline: str | None) -> None:
    body = (f"Hello,\n\nA new correspondence was added to case 173304455661 for account 330198475526.\n\n{sentence}\n\n"
            "Best regards,\nAmazon Web Services\n")
    notice = classify("no-reply-aws@amazon.com", "Amazon Web Services Support: Update to case 173304455661", body)
    assert notice.notice_type in ("support.case_correspondence", "support.case_resolved")
    assert notice.deadline == deadline


@pytest.mark.parametrize("step", ["CloudTrail 에서 2026년 11월 29일 이후의 API 호출을 확인하십시오.",
                                  "CloudTrail で 2026年11月29日以降の API 呼び出しを確認してください。",
                                  "请在 CloudTrail 中检查 2026年11月29日之后的 API 调用。"])
def test_a_past_date_that_selects_the_records_to_review_is_no_deadline(step: str) -> None:
    body = ("AWS account 330198475527: the access key AKIAZ9EXAMPLE7QK2RWX was published on a public page.\n"
            f"1. Rotate the key.\n2. {step}\n")
    notice = classify("no-reply-aws@amazon.com", "Your AWS Access Key is Exposed for AWS account 330198475527", body)
    assert notice.notice_type == "security.exposed_credentials"
    assert notice.deadline is None
