"""Session 23's fourth round, in our own words (none of these sentences is in a fixture): a change from a date whose
weekday stands in brackets (ko, ja), that says in Korean it asks nothing; a charge said to apply from a date."""

from __future__ import annotations

from tests.routing.mailbuild import classify

SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
GENERAL = "no-reply-aws@amazon.com"
POLICY = "policy.change_notice"


def test_a_change_from_a_date_with_its_weekday_in_brackets() -> None:
    body = ("안녕하세요.\n\n2027년 5월 3일(월)부터 Amazon SQS는 새 대기열의 메시지 보존 기간을 기본으로 "
            "7일로 설정합니다. 2027년 4월 20일(화)까지 콘솔에서 미리 시험해 볼 수 있습니다. 필수 조치는 아닙니다.\n")
    notice = classify(GENERAL, "[AWS] Amazon SQS 기본값 안내", body, date=SENT)
    assert notice.notice_type == POLICY
    assert notice.deadline is None  # (it asks nothing: "필수 조치는 아닙니다")
    body = ("2027年5月3日（月）以降、Amazon SQS の新しいキューのメッセージ保持期間は 7 日に変更されます。\n")
    assert classify(GENERAL, "Amazon SQS のお知らせ", body, date=SENT).notice_type == POLICY


def test_a_charge_said_to_apply_from_a_date() -> None:
    body = ("Hello,\n\nAmazon EventBridge Pipes will charge for each enrichment call beyond the first million a month. "
            "The charge applies from June 1, 2027.\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == POLICY
