"""Session 56, in our own words (none of these sentences is in a fixture), about fictitious accounts and the fictitious
Amazon Quokka. Round 146's main misses (measured only in session 55): the inviting account of an Organizations
invitation named as the subject of a Korean, Japanese or Chinese sentence (its active verb last, or first in Chinese),
its role in parentheses after it, is not the reader's; the invited one, the object, is. A Trust & Safety mail whose
subject says the reader's account may be compromised, or whose body says a third party may have gained access, is
suspicious activity, not an abuse report."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
ORGS = "no-reply-aws@amazon.com"
TRUST = "trustandsafety@support.aws.com"


# the inviting account as a sentence's subject, its verb last (ko, ja) or first (zh)

@pytest.mark.parametrize("sentence", [
    "AWS 계정 517203948861(조직 o-7kq2m1x9zz의 관리 계정)이 AWS 계정 640118273955을(를) 조직에 초대했습니다.",
    "AWS アカウント 517203948861（組織 o-7kq2m1x9zz の管理アカウント）が、AWS アカウント 640118273955 を組織に"
    "招待しました。",
    "AWS 账户 517203948861（组织 o-7kq2m1x9zz 的管理账户）已邀请 AWS 账户 640118273955 加入该组织。",
    "AWS アカウント 517203948861 から、AWS アカウント 640118273955 への組織の招待が届きました。",
])
def test_the_inviting_account_as_a_sentences_subject_is_not_the_readers(sentence: str) -> None:
    found = extract_identifiers("", f"{sentence}\n\n招待 ID: h-0a1b2c3d4e5f6a7b\n", {}, None)
    assert found.aws_account_id == "640118273955"


@pytest.mark.parametrize("sentence", [
    # the guards: the reader's account invited (the passive), named first, is the reader's
    "귀하의 AWS 계정 640118273955이(가) 조직 o-7kq2m1x9zz에 초대되었습니다. 관리 계정: 517203948861",
    "お客様の AWS アカウント 640118273955 は、組織 o-7kq2m1x9zz に招待されました。管理アカウント: 517203948861",
    "您的 AWS 账户 640118273955 已被邀请加入组织 o-7kq2m1x9zz。管理账户：517203948861",
])
def test_the_invited_account_said_in_the_passive_stays_the_readers(sentence: str) -> None:
    found = extract_identifiers("", sentence + "\n", {}, None)
    assert found.aws_account_id == "640118273955"


def test_a_korean_invitation_with_its_inviter_first_reads_the_invited_account() -> None:
    body = ("안녕하세요,\n\nAWS 계정 517203948861(조직 o-7kq2m1x9zz의 관리 계정)이 AWS 계정 640118273955을(를) 조직에 "
            "초대했습니다.\n\n이 초대는 2027년 3월 17일까지 유효합니다.\n\nAWS Organizations")
    notice = classify(ORGS, "AWS Organizations 초대", body, date=MAR_3)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.aws_account_id == "640118273955"


# the reader's account may be compromised: suspicious activity, though Trust & Safety sends it

def test_a_subject_saying_the_readers_account_may_be_compromised_is_suspicious_activity() -> None:
    body = ("Hello,\n\nOn March 1, 2027 a new IAM user created in your account launched 30 Quokka clusters in two "
            "Regions.\n\nWithin 5 days, rotate the root password, remove the users you did not create and reply to the "
            "support case for account 640118273955.\n\nAWS Trust & Safety")
    notice = classify(TRUST, "Your AWS account ********3955 may be compromised", body, date=MAR_3)
    assert notice.notice_type == "security.suspicious_activity"


def test_a_third_party_that_may_have_gained_access_is_suspicious_activity() -> None:
    body = ("Hello,\n\nWe observed Quokka activity in your AWS account 640118273955 that suggests a third party may "
            "have gained access.\n\nPlease review your IAM users and reply within 5 days.\n\nAWS Trust & Safety")
    notice = classify(TRUST, "Action required on your AWS account", body, date=MAR_3)
    assert notice.notice_type == "security.suspicious_activity"


def test_an_abuse_report_that_says_the_reporters_host_may_be_compromised_stays_abuse() -> None:
    # the guard: the hint that the reader's instance may be compromised, in an abuse report's subject and body
    body = ("Hello,\n\nWe received a report that your Quokka instance 203.0.113.9 sent unsolicited traffic, in "
            "breach of the AWS Acceptable Use Policy. If you were not aware of this activity, your instance may be "
            "compromised.\n\nAWS Trust & Safety")
    notice = classify(TRUST, "Your EC2 Abuse Report [640118273955]", body, date=MAR_3)
    assert notice.notice_type == "abuse.report"


# round 147's main misses

def test_a_traditional_chinese_registrant_verification_is_no_suspension_warning() -> None:
    # "註冊人" (the registrant, a person), and the domain's contact: the registrar's verification, though it says the
    # domain will be suspended if the address is not confirmed
    body = ("您好，\n\n您透過 Amazon Route 53 註冊了網域 quokka-garden.example。我們需要確認註冊人的電子郵件地址。\n\n"
            "請在 2027/03/18 前點選確認連結，否則此網域將被暫停。\n\nAmazon Route 53")
    notice = classify("noreply@registrar.amazon.com", "請確認網域 quokka-garden.example 的聯絡人電子郵件地址", body,
                      date=MAR_3)
    assert notice.notice_type == "verification.route53_registrant"


def test_a_chinese_maintenance_scheduled_time_field_is_its_date_beside_the_limit_to_change_it() -> None:
    body = ("您好：\n\nAmazon Quokka 將對您的叢集套用必要的軟體更新。\n\n排定時間：2027/03/20 (六) 02:00 UTC\n\n"
            "如需變更時間，請在 2027/03/18 之前透過主控台調整每週維護時段。\n\nAmazon Web Services")
    notice = classify("health@aws.com", "[排定的維護] Amazon Quokka 軟體更新", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert str(notice.deadline) == "2027-03-20"


def test_a_link_valid_for_hours_counted_from_the_mail_is_no_deadline() -> None:
    body = ("Hello,\n\nWe have a request to issue an SSL/TLS certificate for quokka.example.org.\n\n"
            "To approve it, open the approvals page: https://us-east-1.certificates.amazon.com/approvals?code=1234\n\n"
            "The link stays valid for 72 hours from the time this message was sent.\n\nAmazon Web Services")
    notice = classify("no-reply@certificates.amazon.com", "Certificate approval for quokka.example.org", body,
                      date=MAR_3)
    assert notice.notice_type == "verification.acm_approval"
    assert notice.deadline is None


def test_a_japanese_request_received_on_a_day_is_no_deadline() -> None:
    body = ("ドメイン quokka.example.jp の証明書リクエストを承認するため、以下をご確認ください。\n\n"
            "このリクエストは 2027年3月4日 に受け付けました。承認する場合は次のリンクを開いてください。\n"
            "https://ap-northeast-1.certificates.amazon.com/approvals?code=5678\n\nAmazon Web Services")
    notice = classify("no-reply@certificates.amazon.com", "証明書の承認: quokka.example.jp", body, date=MAR_3)
    assert notice.deadline is None


def test_an_invitation_sent_on_a_weekday_and_date_expires_on_its_own() -> None:
    body = ("Hello,\n\nThe AWS account 517203948861 has invited your AWS account 640118273955 to join its "
            "organization.\n\nThe invitation was sent on Wednesday, March 3, 2027 and expires on Thursday, March 18, "
            "2027.\n\nAWS Organizations")
    notice = classify(ORGS, "AWS Organizations invitation", body, date=MAR_3)
    assert notice.notice_type == "verification.organizations_invite"
    assert str(notice.deadline) == "2027-03-18"


# an end of standard support whose mail also names the maintenance window of the upgrade after it (round 146's held-out
# theme: its own mails not read, these are ours)

@pytest.mark.parametrize("body", [
    "お客様\n\nAmazon Quokka エンジンバージョン 1.2 の標準サポートは 2027年3月31日 に終了します。この日以降、"
    "1.2 のままのクラスターは次回のメンテナンスウィンドウで 1.4 に自動的にアップグレードされます。\n\n"
    "Amazon Web Services",
    "您好：\n\nAmazon Quokka 引擎版本 1.2 的标准支持将于 2027 年 3 月 31 日结束。之后，集群将在维护时段内自动升级。\n\n"
    "Amazon Web Services",
    "Hallo,\n\nder Standard-Support für die Amazon Quokka Engine-Version 1.2 läuft am 31. März 2027 aus. Danach werden "
    "Cluster im nächsten Wartungsfenster automatisch aktualisiert.\n\nAmazon Web Services",
])
def test_an_end_of_standard_support_beside_a_maintenance_window_is_an_end_of_support(body: str) -> None:
    notice = classify("health@aws.com", "", body, date=MAR_3)
    assert notice.notice_type == "health.end_of_support"
    assert str(notice.deadline) == "2027-03-31"


# round 148's main misses

def test_a_spanish_suspension_done_on_the_mails_day_is_no_deadline_the_condition_to_reactivate_is() -> None:
    body = ("Estimado cliente:\n\nEl 3 de marzo de 2027 suspendimos la cuenta de AWS 640118273955 porque el saldo de "
            "Amazon Quokka sigue sin pagarse.\n\nSi abona el saldo antes del 2 de abril de 2027, reactivaremos la "
            "cuenta.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "Su cuenta de AWS ha sido suspendida", body, date=MAR_3)
    assert notice.notice_type == "account.suspended"
    assert str(notice.deadline) == "2027-04-02"


def test_a_subject_saying_aws_opened_a_numbered_case_on_your_behalf_is_a_case_opened_by_aws() -> None:
    body = ("Hello,\n\nWe opened support case 178340192238741 for AWS account 640118273955 because a Quokka endpoint "
            "you own answers with an expired certificate.\n\nPlease reply to this case within 7 days of this message."
            "\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "Amazon Web Services has opened case 178340192238741 on your behalf",
                      body, date=MAR_3)
    assert notice.notice_type == "support.case_opened_by_aws"


def test_a_maintenance_that_asks_to_move_its_window_before_the_date_indicated_two_sentences_on_has_that_date() -> None:
    body = ("Olá,\n\nO cluster Amazon Quokka da sua conta receberá uma atualização durante a janela de manutenção "
            "semanal, a partir de sábado, 20 de março de 2027, às 03:00 UTC. Durante a atualização, o cluster pode "
            "ficar indisponível por alguns minutos.\n\nSe esse horário não for adequado, altere a janela de manutenção "
            "antes da data indicada.\n\nAtenciosamente,\nAmazon Web Services")
    notice = classify("health@aws.com", "Manutenção programada do Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert str(notice.deadline) == "2027-03-20"


def test_an_announced_charge_that_will_apply_from_a_date_without_a_subject_is_a_policy_change() -> None:
    body = ("On January 20, 2027, we announced [1] that a charge for retaining Amazon Quokka snapshots beyond five "
            "years will apply starting June 1, 2027.\n\nTo see how much you retain today, open the Quokka console.\n\n"
            "[1] https://aws.amazon.com/about-aws/whats-new/")
    notice = classify("no-reply-aws@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert str(notice.deadline) == "2027-06-01"


def test_when_aws_expects_its_own_work_to_complete_is_no_deadline() -> None:
    body = ("Hello,\n\nWe've updated your AWS Support case 31549704701.\n\nThe import of your Quokka archive started "
            "on March 2, 2027; we expect it to complete within two business days. There is nothing you need to do at "
            "this time.\n\nTo see the full case or reply, go to the Support Center.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "RE: [Case ID 31549704701] Quokka import", body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline is None


def test_a_traditional_chinese_thanks_for_contacting_support_with_a_case_created_is_a_case_opened() -> None:
    body = ("您好：\n\n感謝您聯絡 AWS Support。我們已為您建立支援案例，詳細資訊如下：\n\n案例 ID：90092542504\n"
            "主旨：Amazon Quokka 叢集無法連線\nAWS 帳戶：640118273955\n\n若要新增資訊，請前往支援中心：\n"
            "https://console.aws.amazon.com/support/home#/case/?displayId=90092542504\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened"


# round 149's main misses

def test_a_commitments_end_date_field_is_its_deadline() -> None:
    body = ("Hello,\n\nA Quokka Savings Plan in your AWS account 640118273955 is about to expire.\n\n"
            "Start date: April 2, 2026\nEnd date: 2 April 2027\n\nAfter the end date, the usage it covered is billed "
            "at On-Demand rates. To keep your savings, queue a replacement before the plan ends.\n\nAWS Savings Plans")
    notice = classify("no-reply-aws@amazon.com", "Your AWS Savings Plans are expiring soon", body, date=MAR_3)
    assert notice.notice_type == "cost.commitment_expiry"
    assert str(notice.deadline) == "2027-04-02"


def test_a_marketplace_agreements_end_date_field_stays_no_deadline() -> None:
    # the guard: a purchase's agreement period, its end a field, asks nothing (the 11 labelled so carry none)
    body = ("Thank you for your AWS Marketplace purchase.\n\nYour AWS account 640118273955 is now subscribed to Quokka "
            "Planner.\n\nStart date: March 3, 2027\nEnd date: March 2, 2028\n\nAWS Marketplace")
    notice = classify("no-reply@marketplace.aws", "Your AWS Marketplace subscription: Quokka Planner", body, date=MAR_3)
    assert notice.deadline is None


def test_a_traditional_chinese_closure_whose_reopen_period_names_aws_support_is_a_closure() -> None:
    body = ("您好：\n\n您的 AWS 帳戶 6401-1827-3955 已於 2027 年 3 月 3 日關閉。\n\n關閉後 90 天內，您仍可聯絡 AWS "
            "支援重新開啟帳戶；期間結束後帳戶將永久關閉。\n\n感謝您使用 Amazon Web Services。")
    notice = classify("no-reply-aws@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type == "account.closed"
    assert notice.deadline is None


# round 150's main misses (round 150 was measured on the session's final rules first; round 151 then measured these)

def test_a_link_that_works_for_hours_after_the_mail_is_no_deadline() -> None:
    body = ("Hello,\n\nWe received a request to issue a certificate for quokka.example.org. To approve it, open the "
            "link below. The link works for 72 hours after this message was sent.\n\n"
            "https://eu-central-1.certificates.amazon.com/approvals?code=1234\n\nAmazon Web Services")
    notice = classify("no-reply@certificates.amazon.com", "Certificate approval for quokka.example.org", body,
                      date=MAR_3)
    assert notice.deadline is None


@pytest.mark.parametrize("sentence", [
    "若您在 2027年3月10日 之前没有回复，本案例将自动解决，您之后仍可随时重新打开。",
    "2027年3月10日 (水) までにご返信がない場合、本ケースは解決済みとして自動的にクローズされます。",
    "2027년 3월 10일까지 회신이 없으면 케이스가 자동으로 종료됩니다.",
    "If you do not reply by March 10, 2027, this case will be resolved automatically.",
])
def test_the_date_a_case_closes_itself_by_is_no_deadline(sentence: str) -> None:
    body = (f"Hello,\n\nWe raised your Amazon Quokka quota in account 640118273955.\n\n{sentence}\n\n"
            "To see or reply to this case, go to the Support Center.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "RE: [CASE 19027745310] Quokka quota", body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline is None


def test_a_case_reply_that_asks_for_an_answer_by_a_date_keeps_it() -> None:
    # the guard: an ask, not a closing
    body = ("Hello,\n\nTo continue, please send us the Quokka logs by March 10, 2027.\n\n"
            "To see or reply to this case, go to the Support Center.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "RE: [CASE 19027745310] Quokka logs", body, date=MAR_3)
    assert str(notice.deadline) == "2027-03-10"


def test_a_korean_notice_posted_on_a_day_to_the_dashboard_is_no_deadline() -> None:
    body = ("안녕하세요.\n\nAmazon Quokka 의 기본 형식이 2027년 3월 1일부터 바뀌었음을 알려드립니다. "
            "고객님께서 조치하실 사항은 없습니다.\n\n이 안내는 2027년 3월 3일에 AWS Health Dashboard에 "
            "게시되었습니다.\n\nAmazon Web Services")
    notice = classify("health@aws.com", "[알림] Amazon Quokka 기본 형식 변경", body, date=MAR_3)
    assert notice.deadline is None


def test_a_french_notices_own_publication_date_field_is_no_deadline() -> None:
    body = ("Bonjour,\n\nLe certificat TLS des points de terminaison Amazon Quokka sera remplacé. À compter du\n"
            "15 avril 2027, les clients qui n'approuvent que l'ancienne autorité ne pourront plus se connecter.\n\n"
            "Date de publication de ce premier avis : 3 mars 2027\n\nAction requise : mettez à jour le magasin de "
            "confiance avant cette date.\n\nAmazon Web Services")
    notice = classify("health@aws.com", "[Action requise] Amazon Quokka : renouvellement du certificat TLS", body,
                      date=MAR_3)
    assert str(notice.deadline) == "2027-04-15"
