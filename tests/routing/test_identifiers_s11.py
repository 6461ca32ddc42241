"""Account ids, session 11 (issue 12, item 4): ids written in another script's digits are given in ASCII, and the
account of an SNS topic the mail calls the reader's. Our own wordings, not those of any fixture set."""

from __future__ import annotations

import pytest

from routing.htmltables import table_accounts
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify


@pytest.mark.parametrize("text", [
    "AWS アカウント ３０１８４７７２６６１５ の 2027 年 4 月分のご請求書を発行しました。",
    "お客様の AWS アカウント：３０１８-４７７２-６６１５",
    "账户 ID：３０１８ ４７７２ ６６１５",
    "Account ID: ٣٠١٨٤٧٧٢٦٦١٥",
])
def test_an_account_id_in_other_digits_is_given_in_ascii(text: str) -> None:
    found = extract_identifiers("", text, (), None)
    assert found.aws_account_id == "301847726615"
    assert found.aws_account_id.isascii()


def test_a_masked_id_and_a_table_id_in_full_width_digits_are_ascii() -> None:
    masked = extract_identifiers("", "The charge was made to AWS account ending in ６６１５.", (), None)
    assert masked.identifiers.get("aws_account_id_last4") == "6615"
    assert table_accounts("<table><tr><th>Account ID</th></tr><tr><td>３０１８４７７２６６１５</td></tr></table>").own \
        == ("301847726615",)


def test_a_full_width_id_in_a_whole_mail() -> None:
    notice = classify("no-reply-aws@amazon.com", "AWS ご請求書",
                      "AWS アカウント ３０１８４７７２６６１５ の請求書です。")
    assert notice.aws_account_id == "301847726615"


@pytest.mark.parametrize(("text", "want"), [
    ("We could not deliver the alert to your SNS topic arn:aws:sns:us-west-2:440918273645:budget-alerts because its "
     "access policy denies publishing.", "440918273645"),
    ("Publishing to your Amazon SNS topic ARN arn:aws:sns:ap-south-1:440918273645:health-events failed.",
     "440918273645"),
    # a subscription confirmation names the topic owner's account, often another one: still no id
    ("You have chosen to subscribe to the topic:\narn:aws:sns:us-east-1:558120394411:orders\n", None),
    ("The topic arn:aws:sns:us-east-1:558120394411:orders sent this message.", None),
])
def test_an_sns_topic_the_mail_calls_the_readers(text: str, want: str | None) -> None:
    assert extract_identifiers("", text, (), None).aws_account_id == want
