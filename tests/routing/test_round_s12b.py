"""Session 12's second round, after the first run of unseen31/32, in our own words (none of these sentences is in a
fixture): a retirement of named checks and an MFA requirement placed by the evidence cues; deadlines in a German
end of support, a French maintenance the reader prepares for, Spanish dashed dates, German calendar days, a
Portuguese "até o dia", a Korean switch date, an upstream end of life beside AWS's own date; dates that are none (a
date AWS first wrote on, a resolved event's end); an account under a plain-text table's column."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.parse import parse_mail
from tests.routing.mailbuild import build

CLASSIFIER = NoticeClassifier()
HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SUPPORT = "no-reply-support@amazon.com"
BILLING = "billing@aws.com"


def _notice(sender: str, subject: str | None, body: str):  # type: ignore[no-untyped-def]
    return CLASSIFIER.classify(parse_mail(build(sender, subject, body)))


def test_checks_that_will_be_retired_are_an_end_of_support() -> None:
    body = ("Hello,\n\nAWS Trusted Advisor will retire these 3 checks on 2 February 2027: Widget Idle Volumes, Widget "
            "Old Snapshots and Widget Unused Keys. From that day they stop appearing in the console and in the AWS "
            "Support API. The check reference names the replacement for each.\n")
    assert _notice(GENERAL, None, body).notice_type == "health.end_of_support"


def test_a_root_user_asked_to_register_mfa_is_a_root_review_zh_hant() -> None:
    body = ("您的 AWS 帳戶 301928475640 的根使用者尚未註冊 MFA 裝置。\n"
            "請在 2027 年 4 月 1 日之前為根使用者註冊 MFA 裝置。若組織已集中管理根存取權，則無需採取動作。\n")
    assert _notice(GENERAL, "請為根使用者註冊 MFA", body).notice_type == "security.root_review"


@pytest.mark.parametrize(("sender", "subject", "body", "want"), [
    (HEALTH, "Amazon Widget Forecast: Ende des Supports [AWS-Konto: 301928475641]",
     "Guten Tag,\n\nZum 30.09.2027 endet der Support für Amazon Widget Forecast. Danach ist die API nicht mehr "
     "erreichbar.\n", "2027-09-30"),
    (HEALTH, "Maintenance planifiée Amazon Widget Relay [Compte AWS : 301928475642]",
     "Une maintenance planifiée aura lieu pour le compte 301928475642.\n\nDébut de la fenêtre : lundi 7 juin 2027, "
     "01:00 UTC\n\nFin de la fenêtre : lundi 7 juin 2027, 03:00 UTC\n\nBasculez vos flux vers une autre zone avant le "
     "début de la fenêtre.\n", "2027-06-07"),
    (BILLING, "Acción necesaria: pago vencido",
     "No hemos podido cobrar su factura del 01-11-2026 para la cuenta 301928475643. Actualice su método de pago a más "
     "tardar el 15-12-2026.\n", "2026-12-15"),
    ("abuse@amazonaws.com", "Ihr AWS-Missbrauchsbericht [20977310649] [AWS-ID 301928475644]",
     "Wir haben eine Meldung zu Ihrer Instanz i-0abc1234def567891 erhalten. Bitte antworten Sie binnen 5 "
     "Kalendertagen mit den ergriffenen Maßnahmen.\n", "2026-12-06"),
    (GENERAL, "Amazon SES: período de revisão da conta 301928475645",
     "Sua conta foi colocada em período de revisão do Amazon SES. Corrija a causa das devoluções até o dia "
     "20/12/2026, quando o período de revisão termina.\n", "2026-12-20"),
    (HEALTH, "[조치 필요] Amazon Widget 서버 인증서 교체 안내",
     "Amazon Widget 엔드포인트의 서버 인증서가 교체됩니다. 이 변경은 2026년 12월 1일에 처음 공지되었습니다.\n\n"
     "계정: 3019 2847 5646\n교체 일자: 2027-03-08(월) 10:00 KST\n\n교체 일자 전에 신뢰 저장소를 업데이트해 주십시오.\n",
     "2027-03-08"),
    # an upstream project's community end of life is the cause; AWS's own date is the deadline
    (HEALTH, "[조치 필요] Python 3.12 런타임에 대한 AWS Lambda 지원 종료 [AWS 계정: 301928475647]",
     "Python 3.12는 2028년 10월 2일에 커뮤니티 지원이 종료됩니다. 이에 따라 AWS Lambda도 지원을 종료합니다.\n\n"
     "2028년 10월 9일부터 Lambda는 Python 3.12 런타임에 보안 패치를 더 이상 적용하지 않습니다.\n\n"
     "2028년 10월 9일 이전에 함수를 업그레이드하실 것을 권장합니다.\n", "2028-10-09"),
])
def test_deadlines_of_the_second_round(sender: str, subject: str, body: str, want: str) -> None:
    assert _notice(sender, subject, body).deadline == want


def test_the_date_aws_first_wrote_on_is_no_deadline() -> None:
    body = ("This is the last reminder about the exposed access key AKIAV5QZ3M8TLRC2XN7F in account 301928475648. "
            "Restrictions stay in place until you delete it. We first contacted you about it on November 20, 2026.\n")
    assert _notice(SUPPORT, "RE: [CASE 176630218809155] Exposed AWS access key - final reminder", body).deadline \
        is None


def test_a_resolved_event_has_no_deadline_zh() -> None:
    body = ("[已解决] AWS Widget 部署延迟\n\n账户 301928475649\n\n开始时间 2026年12月1日 14:05 (UTC+8)\n\n"
            "结束时间 2026年12月1日 16:40 (UTC+8)\n\n问题已于 16:40 完全解决，服务运行正常。\n")
    assert _notice(HEALTH, "[已解决] AWS Widget 运行问题 [AWS 账户: 301928475649] [AP-SOUTHEAST-1]", body).deadline \
        is None


def test_an_account_under_a_plain_text_tables_column() -> None:
    body = ("Ihre folgenden Reserved Instances laufen in 7 Tagen ab:\n\nKonto             Region          Anzahl\n"
            "3019-2847-5650    eu-central-1    3\n")
    assert _notice(GENERAL, "Ihre Reserved Instances laufen ab", body).aws_account_id == "301928475650"
