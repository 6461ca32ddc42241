"""Session 17's third round, after the first runs of unseen75-78, in our own words (none of these sentences is in a
fixture): a date without its year from the recent past; "by Friday, the 4th of December"; an act "required by" a
date in a Japanese table head; a change of certificate authority or trust store in a subject; new orders no longer
accepted (Korean); a retirement line of a timeline with dotted leaders and a weekday; a maintenance's "実施日時" label
on the line above; operations that may fail during a maintenance; the date a key was found; a broker's service
software update (代理) is no agent; a request to change the support plan; a service named after "AWS" signed up for;
SES sending paused in the other languages; a general sender's mail about the reader's resources in a Region."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = date(2026, 12, 1)  # a Tuesday


def test_a_date_without_its_year_from_the_recent_past_is_a_fact() -> None:
    body = ("We have not received payment for your invoice of October 3rd. We tried to charge your card on November "
            "2nd and November 16th. Unless we receive payment by December 10th, your account may be suspended.")
    notice = classify(GENERAL, "Final reminder: unpaid AWS charges", f"Hello,\n\n{body}\n")
    assert notice.deadline == "2026-12-10"


def test_a_weekday_then_the_ordinal_date() -> None:
    body = ("Correspondence:\nHello,\n\nTo continue, we need the expected monthly usage. Please reply to this case by "
            "Friday, the 4th of December 2026. If we do not hear from you by then, we will close the request.\n")
    notice = classify(GENERAL, "Amazon Web Services: New Support case: 170022334455", body)
    assert notice.deadline == "2026-12-04"


def test_an_act_required_by_a_date_in_a_japanese_table_head_and_a_trust_store_subject() -> None:
    body = ("Amazon MSK は、クライアント認証で信頼する認証局を更新します。\n\n"
            "クラスター名 現在の発行元 2027年2月15日(月) までに必要な対応\n\n"
            "orders-prd Example Root G2 クライアント証明書を新しい認証局の発行に切り替え\n\n"
            "2027年2月15日(月) 以降、旧認証局の証明書による接続は拒否されます。"
            "旧信頼ストアは 2027年3月15日(月) に完全に削除されます。")
    notice = classify(HEALTH, "[要対応] Amazon MSK のクライアント認証で信頼する認証局の変更", f"お客様各位\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-02-15")


def test_new_orders_no_longer_accepted_are_a_first_step_in_korean() -> None:
    body = ("2026년 12월 20일(일)부터 이전 세대 디바이스의 신규 주문을 받지 않으며, 2027년 5월 31일(월) 이후에는 해당 "
            "디바이스에 대한 지원이 종료됩니다.")
    notice = classify(HEALTH, "[조치 필요] AWS Snowcone 지원 종료", f"안녕하세요.\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-05-31")


def test_a_retirement_line_of_a_timeline_with_dotted_leaders() -> None:
    body = ("Der Anbieter stellt dieses Gerät auf Amazon Braket ein. Der Zeitplan:\n\n"
            "  Angekündigt ............... Dienstag, 1. Dezember 2026\n"
            "  Abschaltung ............... Freitag, 15. Januar 2027, 00:00 Uhr UTC\n"
            "  Entfernung ................ Montag, 15. Februar 2027\n")
    notice = classify(HEALTH, "[Handlung erforderlich] Amazon Braket: Einstellung eines Geräts", f"Hallo,\n\n{body}")
    assert notice.deadline == "2027-01-15"


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("[AWS Glue] 計画メンテナンスのお知らせ",
     "下記の日程で計画メンテナンスを実施いたします。\n\n■ 実施日時\n"
     "　2026年12月16日(水) 午前1時00分～午前3時00分 (日本時間)\n\n"
     "メンテナンス中は、新しいジョブを開始できません。お客様による対応は不要です。", None),
    ("AWS Glue 计划维护通知",
     "维护时段：2026年12月16日（星期三）上午 1:00 至上午 3:00（UTC）\n\n"
     "在维护时段内，作业的启动操作可能会失败，请于维护结束后重试。"
     "您无需采取任何行动。", None),
    ("Scheduled maintenance for AWS Glue",
     "Maintenance window: December 16, 2026, 1:00 AM - 3:00 AM UTC\n\nDuring the window, job start requests may fail. "
     "No action is required.", None),
])
def test_a_maintenance_whose_operations_may_fail_or_whose_window_is_labelled_above(subject: str, body: str,
                                                                                   expected: str | None) -> None:
    # (since session 41 a maintenance that asks nothing of the reader has no deadline, as the examiner brief, samples/19
    # and most such labels read it: these three said "no action is required" and kept their window's date until then)
    notice = classify(HEALTH, subject, f"Hello,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", expected)


def test_the_date_a_key_was_found_is_a_fact() -> None:
    text = ("The AWS Access Key AKIAIOSFODNN7EXAMPLE is publicly available online at https://example.com/p/1 "
            "(found on 2026-12-01 at 09:10 UTC). Please rotate the key.")
    assert find_deadline(text, SENT, "security.exposed_credentials") is None


def test_a_brokers_service_software_update_is_no_agent_end_of_support() -> None:
    body = ("您的 Amazon MSK 集群有可用的服务软件更新。\n"
            "消息：代理服务软件更新 K3.2026-12-R1 已可用。如果未采取任何操作，"
            "更新将在 2027-01-20T09:30:00Z 之后自动安装。")
    notice = classify(HEALTH, "Amazon MSK 服务软件更新可用", f"您好：\n\n{body}\n")
    assert notice.notice_type == "health.scheduled_maintenance"


def test_a_request_to_change_the_support_plan_is_no_case() -> None:
    body = ("We have received your request to change the AWS Support plan of account 551209387718 from Business to "
            "Developer.\n\nEffective: January 1, 2027")
    assert classify(GENERAL, "AWS Support plan change confirmation", f"Hello,\n\n{body}\n").notice_type \
        == "support.other"


def test_a_service_named_after_aws_signed_up_for() -> None:
    body = "Thank you for signing up for AWS IoT FleetWise. Your fleet has been created and is ready to use."
    notice = classify(GENERAL, "Thank you for signing up for AWS IoT FleetWise", f"Hello,\n\n{body}\n")
    assert notice.notice_type == "onboarding.service_setup"


@pytest.mark.parametrize("body", [
    "Amazon SES: el envío de correo de su cuenta en la región Europa (España) ha sido pausado hasta que resuelva el "
    "problema.",
    "Amazon SES: o envio de e-mails da sua conta na região América do Sul foi pausado.",
    "Amazon SES : l'envoi d'e-mails de votre compte dans la région Europe (Paris) a été suspendu.",
    "Amazon SES: l'invio di e-mail del suo account nella regione Europa (Milano) è stato sospeso.",
    "Amazon SES: der E-Mail-Versand Ihres Kontos in der Region Europa (Frankfurt) wurde pausiert.",
    "Amazon SES のアジアパシフィック (東京) リージョンでのメール送信を一時停止しました。",
    "您在亚太区域（新加坡）的 Amazon SES 发送功能已暂停。",
    "아시아 태평양(서울) 리전의 Amazon SES 이메일 전송이 일시 중지되었습니다.",
])
def test_ses_sending_paused_in_the_other_languages(body: str) -> None:
    assert classify(GENERAL, None, f"{body}\n").notice_type == "ses.sending_review"


def test_a_general_senders_mail_about_the_readers_resources_in_a_region() -> None:
    body = ("You are running Redis OSS 6.0 on one or more of your Amazon ElastiCache clusters in the\n"
            "EU-WEST-1 Region. "
            "An upgrade is not required, but we recommend moving to Valkey 8.")
    assert classify(GENERAL, "Amazon ElastiCache: recommended engine upgrade", f"Hello,\n\n{body}\n").notice_type \
        == "health.other"
