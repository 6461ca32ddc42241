"""Session 15's round, after the first run of unseen49/50, in our own words (none of these sentences is in a
fixture): Traditional Chinese read through the Simplified rules (:mod:`routing.hanzi`), with Taiwan's own words
(執行個體, 支援, 憑證); a window field whose value is a range ("Ventana programada: del D al D"); a passed date when
something became available; a past in a condition ("if you believe it was removed"); a no-action only some readers
get; a case AWS opened for the Korean customer named as 고객님; a volume the hardware lost; "account AWS N" in an
Italian subject."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import best_deadline, evidenced
from routing.hanzi import TRADITIONAL_TO_SIMPLIFIED, fold_traditional
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
MAIL_DATE = date(2026, 12, 2)

#: per notice type, a body in Traditional Chinese as Taiwan writes it (the words differ from Simplified Chinese's too)
TAIWAN = {
    "billing.payment_failed": (
        "我們無法從您的信用卡收取 2026 年 11 月的 AWS 費用（412.80 美元）。請在帳單主控台中更新您的付款方式。"
    ),
    "billing.suspension_warning": (
        "您的 AWS 帳戶有 412.80 美元的逾期餘額。如果未支付此餘額，您的帳戶將被暫停。"
    ),
    "billing.invoice": (
        "您 2026 年 11 月的 AWS 發票現已可供使用。發票號碼：2026118842。總金額：412.80 美元。"
        "您可以從帳單主控台下載發票。"
    ),
    "health.end_of_support": (
        "Amazon Widget Engine 第 2 版的標準支援將於 2027年6月30日結束。請在此之前將您的叢集升級至第 3 版。"
    ),
    "health.instance_retirement": (
        "我們偵測到託管您 Amazon EC2 執行個體 i-0a1b2c3d4e5f60718 的基礎硬體發生降級。"
        "此執行個體排定於 2027年1月20日淘汰。"
    ),
    "health.certificate_rotation": (
        "您的 Amazon RDS 資料庫執行個體所使用的憑證授權單位 rds-ca-2019 將於 2027年1月20日到期。"
        "請將您的資料庫執行個體輪換至憑證授權單位 rds-ca-rsa2048-g1。"
    ),
    "security.exposed_credentials": (
        "我們發現您的 AWS 存取金鑰 AKIAZ7EXAMPLE3QK2RWX 及其私密金鑰在 GitHub 上公開可見。"
        "請刪除此金鑰並檢查您的帳戶是否有未經授權的使用。"
    ),
    "security.suspicious_activity": (
        "我們在您的 AWS 帳戶中偵測到可疑活動：在您從未使用過的區域中啟動了執行個體。請檢查您的帳戶並保護您的憑證。"
    ),
    "abuse.report": (
        "我們收到報告指出，您的 EC2 執行個體 i-0a1b2c3d4e5f60718 被用於傳送未經請求的大量電子郵件（垃圾郵件）。"
        "此濫用行為違反了 AWS 可接受使用政策。請停止此活動並回覆此郵件。"
    ),
    "support.case_correspondence": (
        "您的支援案例 173304455661（eu-west-1 中的 Lambda 逾時）中有新的回覆。請登入支援中心檢視並回覆。"
    ),
    "ses.sending_review": (
        "您在美國東部（維吉尼亞北部）區域的 Amazon SES 帳戶因退信率達到 8% 而正在接受審查。如果退信率沒有改善，"
        "我們可能會暫停您傳送電子郵件的功能。"
    ),
    "verification.organizations_invite": (
        "AWS 帳戶 480112957733 已邀請您的 AWS 帳戶加入其在 AWS Organizations 中的組織。若要接受或拒絕，"
        "請開啟 Organizations 主控台。"
    ),
    "credentials.password_reset": (
        "我們收到重設您 AWS 帳戶根使用者密碼的請求。若要設定新密碼，請使用此連結："
        "https://signin.aws.amazon.com/resetpassword?token=Zk3VbQm8TnW2pXr7"
    ),
    "cost.budget_alert": (
        "您的 AWS 預算「Monthly-Prod」已超過其警示閾值：實際成本為 1,240.00 美元，預算金額為 1,000.00 美元。"
    ),
}


@pytest.mark.parametrize("notice_type", sorted(TAIWAN))
def test_the_body_alone_places_the_notice_in_traditional_chinese(notice_type: str) -> None:
    notice = classify(GENERAL, None, f"您好：\n\n{TAIWAN[notice_type]}\n\nAmazon Web Services\n")
    assert notice.notice_type == notice_type


def test_a_free_plan_that_ends_in_traditional_chinese() -> None:
    body = ("您好：\n\n您的 AWS 帳戶 551209387718 的免費方案即將結束。\n\n方案開始日期：2026年3月2日\n方案結束日期："
            "2027年3月1日\n\n"
            "自 2027年3月2日 起，仍在執行的資源將依隨用隨付費率計費。如果您不想產生費用，"
            "請在免費方案結束前刪除不需要的資源。\n")
    notice = classify("freetier@costalerts.amazonaws.com", "您的 AWS 免費方案即將結束", body)
    assert notice.notice_type == "cost.free_tier_alert"
    assert notice.deadline in ("2027-03-01", "2027-03-02")


def test_the_fold_keeps_offsets_and_leaves_japanese_alone() -> None:
    taiwan = "請在 2027年3月1日 之前為根使用者註冊 MFA 裝置，帳戶將於屆時受到保護。"
    folded = fold_traditional(taiwan)
    assert len(folded) == len(taiwan) and folded != taiwan
    assert "账户" in folded and "请" in folded
    japanese = "請求書の発行日は 2027年1月1日 です。設定を確認してください。"
    assert fold_traditional(japanese) == japanese  # (kanji read as written where kana are: Japanese)
    assert fold_traditional("(?:证书|憑證).{0,20}到期") == "(?:证书|凭证).{0,20}到期"
    assert fold_traditional("請求書.{0,20}をご確認") == "請求書.{0,20}をご確認"
    # one character for one, no chains: a folded character is never folded again
    assert not set(TRADITIONAL_TO_SIMPLIFIED.values()) & set(TRADITIONAL_TO_SIMPLIFIED)


@pytest.mark.parametrize("window", [
    "Scheduled window: from January 14, 2027 03:00 UTC to January 14, 2027 07:00 UTC.",
    "Ventana programada: del 14/01/2027 a las 03:00 UTC al 14/01/2027 a las 07:00 UTC.",
    "Fenêtre planifiée : du 14/01/2027 à 03h00 UTC au 14/01/2027 à 07h00 UTC.",
    "Janela programada: de 14/01/2027 às 03:00 UTC a 14/01/2027 às 07:00 UTC.",
    "Finestra programmata: dal 14/01/2027 alle 03:00 UTC al 14/01/2027 alle 07:00 UTC.",
    "Geplantes Wartungsfenster: vom 14.01.2027 03:00 UTC bis 14.01.2027 07:00 UTC.",
    "计划窗口：从 2027年1月14日 03:00 UTC 至 2027年1月14日 07:00 UTC。",
])
def test_a_window_field_whose_value_is_a_range(window: str) -> None:
    text = (f"Notice\nWidget Gateway maintenance.\n\n{window}\n\n"
            "The update has been available since November 20, 2026.\n")
    found = best_deadline(text, MAIL_DATE, "health.scheduled_maintenance")
    assert found is not None and found.date == "2027-01-14", found


@pytest.mark.parametrize("available", [
    "Amazon Widget DB will apply mandatory patches to your clusters in account 551209387718.\n\nIf you prefer another "
    "time, you can apply the patch yourself before the window starts. The patch has been available since November 20, "
    "2026.",
    "Amazon Widget DB realizará un mantenimiento obligatorio en sus clústeres de la cuenta 551209387718.\n\nSi "
    "prefiere "
    "otro momento, puede aplicar la actualización usted mismo antes del inicio de la ventana. La actualización está "
    "disponible desde el 20/11/2026.",
    "O Amazon Widget DB realizará uma manutenção obrigatória nos seus clusters da conta 551209387718.\n\nSe preferir "
    "outro momento, pode aplicar a atualização antes do início da janela. A atualização está disponível desde "
    "20/11/2026.",
    "Amazon Widget DB effectuera une maintenance obligatoire sur vos clusters du compte 551209387718.\n\nSi vous "
    "préférez un autre moment, vous pouvez appliquer la mise à jour avant le début de la fenêtre. La mise à jour est "
    "disponible depuis le 20/11/2026.",
    "Amazon Widget DB eseguirà una manutenzione obbligatoria sui cluster dell'account 551209387718.\n\nSe preferisce "
    "un "
    "altro momento, può applicare l'aggiornamento prima dell'inizio della finestra. L'aggiornamento è disponibile dal "
    "20/11/2026.",
])
def test_a_passed_date_when_something_became_available_is_no_deadline(available: str) -> None:
    found = best_deadline(f"Notice\n{available}\n", MAIL_DATE, "health.scheduled_maintenance")
    assert found is None, found


def test_a_past_in_a_condition_is_no_fact() -> None:
    body = ("Hello,\n\nWe sent a notice on December 20, 2026 about files in your account 551209387718 that a rights "
            "holder reported.\n\nPlease take the files down, or send us a counter-notice if you believe they were "
            "taken down in error, by January 12, 2027. If we do not hear from you by then, we may suspend the bucket."
            "\n\nAWS Trust & Safety\n")
    notice = classify("trustandsafety@support.aws.com", "RE: Your AWS Abuse Report [20571938846]", body)
    assert notice.notice_type == "abuse.report"
    assert notice.deadline == "2027-01-12"


@pytest.mark.parametrize("text", [
    "Notice\nStarting March 15, 2027, the root user of this account must use MFA to sign in. Please register an MFA "
    "device for the root user before March 15, 2027. If your organization manages root access centrally, no action is "
    "required.",
    "Notice\n自 2027年3月15日 起，此账户的根用户每次登录时都必须使用 MFA。请在 2027年3月15日 之前为根用户注册 MFA "
    "设备。"
    "若您的组织已集中管理根访问权限，则无需采取任何动作。",
])
def test_a_no_action_that_only_some_readers_get_leaves_the_deadline(text: str) -> None:
    found = best_deadline(text, MAIL_DATE, "policy.change_notice", evidence=True)
    assert found is not None and found.date == "2027-03-15" and not found.no_action
    assert evidenced(found, "policy.change_notice")


def test_a_case_aws_opened_for_the_korean_customer() -> None:
    body = ("안녕하세요,\n\nAmazon Web Services에서 고객님을 대신하여 새 지원 케이스를 열었습니다.\n\n케이스 ID: "
            "177093320146\n"
            "계정: 551209387718\n\n위젯 게이트웨이에서 다른 계정에 부여된 권한이 확인되었습니다. 의도한 것인지 회신해 "
            "주십시오.\n")
    assert classify(GENERAL, "Amazon Web Services: 새 지원 케이스: 177093320146", body).notice_type \
        == "support.case_opened_by_aws"


@pytest.mark.parametrize("lost", [
    "Your Amazon EBS volume vol-0a1b2c3d4e5f60718 in account 551209387718 experienced a failure of the underlying "
    "hardware. The volume is now in the error state and its data cannot be recovered.",
    "Ihr Amazon EBS-Volume vol-0a1b2c3d4e5f60718 im Konto 551209387718 ist durch einen Ausfall der zugrunde liegenden "
    "Hardware betroffen. Das Volume kann nicht wiederhergestellt werden.",
    "Su volumen de Amazon EBS vol-0a1b2c3d4e5f60718 de la cuenta 551209387718 sufrió un fallo del hardware subyacente. "
    "No es posible recuperar el volumen; el volumen está en estado error.",
    "Votre volume Amazon EBS vol-0a1b2c3d4e5f60718 du compte 551209387718 a subi une défaillance du matériel "
    "sous-jacent. Le volume ne peut pas être récupéré.",
    "Amazon EBS ボリューム vol-0a1b2c3d4e5f60718（アカウント 551209387718）で基盤ハードウェアの障害が発生しました。"
    "このボリュームは復旧できません。",
    "您账户 551209387718 中的 Amazon EBS 卷 vol-0a1b2c3d4e5f60718 因底层硬件故障而受到影响，该卷无法恢复。",
    "계정 551209387718의 Amazon EBS 볼륨 vol-0a1b2c3d4e5f60718에 기본 하드웨어 장애가 발생했습니다. 이 볼륨은 복구할 "
    "수 없습니다.",
])
def test_a_volume_the_hardware_lost_is_an_issue_not_a_retirement(lost: str) -> None:
    assert classify(HEALTH, None, f"Hello,\n\n{lost}\n").notice_type == "health.operational_issue"


def test_an_italian_subject_names_the_account_after_the_noun() -> None:
    body = "Gentile cliente,\n\nil saldo della fattura di novembre risulta ancora non pagato.\n"
    notice = classify(GENERAL, "Avviso: possibile sospensione dell'account AWS 551209387718", body)
    assert notice.aws_account_id == "551209387718"


def test_a_deadline_read_in_the_html_part_quotes_the_mail_as_written() -> None:
    from email.message import EmailMessage

    from routing.classify import NoticeClassifier
    from routing.parse import parse_mail

    message = EmailMessage()
    message["From"] = "Amazon Web Services <no-reply-aws@amazon.com>"
    message["To"] = "root@tenant.example"
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0000"
    message["Subject"] = "[需要採取行動] 請更新您的用戶端"
    message.set_content("請以 HTML 檢視此郵件。")
    message.add_alternative("<p>您的 AWS 帳戶 551209387718 中的用戶端必須更新。</p>"
                            "<p>請在 2027年3月15日 之前更新您的用戶端應用程式，以避免服務中斷。</p>", subtype="html")
    notice = NoticeClassifier().classify(parse_mail(message.as_bytes()))
    assert notice.deadline == "2027-03-15"
    assert notice.deadline_source is not None and "請在" in notice.deadline_source  # (not the fold's "请在")


@pytest.mark.parametrize("text", [
    "Notice\nA partir del 15 de marzo de 2027, las facturas se enviarán solo en PDF. Este cambio se aplicará a todas "
    "las cuentas y no se requiere ninguna acción por su parte.",
    "Notice\nAb dem 15. März 2027 werden Rechnungen nur noch als PDF versendet. Keine Aktion ist erforderlich.",
])
def test_a_no_action_for_every_reader_still_voids_a_policy_changes_date(text: str) -> None:
    found = best_deadline(text, MAIL_DATE, "policy.change_notice", evidence=True)
    assert found is None or found.no_action, found
