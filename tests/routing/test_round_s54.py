"""Session 54, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round
139 (measured only in session 53) and round 140: an invoice whose linked accounts are named in the plural beside its
payer is the payer's; a column of several accounts under a payer field lists what the payer's bill covers; a bill that
CJK names as a management account's ("管理帳戶 N 的 … 帳單") is that account's; "Your account number is N" names the
reader's account; a French or Italian access key said to have been published is an exposed key; a Chinese date whose
verb says that what the mail is about was made then ("此要求於 D 建立。") is no deadline. Round 142: an account's number
in the subject ("[アカウント番号: N]"); the day the reader registered a domain ("您於 D … 註冊…的網域") is no
deadline; a Japanese move to the new generation is no new-only clause; an SNS subscription's link validity is no
deadline."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from routing.identifiers import extract_identifiers, invoice_payer
from tests.routing.mailbuild import classify

MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
FEB_12 = format_datetime(datetime.fromisoformat("2027-02-12T09:00:00+00:00"))


# round 139: an invoice's linked accounts in the plural

def test_a_portuguese_invoice_with_plural_linked_accounts_is_the_payers() -> None:
    text = ("Olá,\n\nA fatura de Quokka de fevereiro de 2027 da conta pagadora 3055 1884 2290 está disponível.\n\n"
            "Total: R$ 88,10\n\nEstão incluídas as contas vinculadas: 396697557002 e 478812203345.\n")
    assert invoice_payer("Sua fatura da AWS", text) == "305518842290"


def test_an_english_invoice_with_plural_linked_accounts_is_the_payers() -> None:
    text = ("Hello,\n\nThe Amazon Quokka invoice is attached.\n\nPaying account 305518842290\n"
            "Member accounts on this invoice: 396697557002, 478812203345\n")
    assert invoice_payer("Your AWS invoice", text) == "305518842290"


def test_plural_linked_accounts_without_a_payer_name_no_payer() -> None:
    # the guard: no payer field, no payer
    text = "Hello,\n\nLinked accounts: 396697557002, 478812203345\n\nAmazon Quokka charges: USD 12.00\n"
    assert invoice_payer("Your AWS invoice", text) is None


# round 140: a column of several accounts under a payer field

def test_a_column_of_several_accounts_under_a_payer_field_is_the_payers_bill() -> None:
    text = ("Hallo,\n\nIhre Quokka-Abrechnung für Februar 2027 ist verfügbar.\n\n"
            "Zahlerkonto: 305518842290\n\n"
            "Konto            Betrag\n"
            "3966-9755-7002   EUR 40,10\n"
            "4788-1220-3345   EUR 12,00\n"
            "3055-1884-2290   EUR  0,00\n")
    assert extract_identifiers("Ihre AWS-Abrechnung", text).aws_account_id == "305518842290"


def test_a_column_of_several_accounts_without_a_payer_field_stays_its_first_row() -> None:
    # the guard: no payer field, the column's first row as before
    text = ("Hallo,\n\nIhre Quokka-Kosten der Woche.\n\n"
            "Konto            Betrag\n"
            "3966-9755-7002   EUR 40,10\n"
            "4788-1220-3345   EUR 12,00\n")
    assert extract_identifiers("Amazon Quokka", text).aws_account_id == "396697557002"


# round 140: the management account's bill, named before it

def test_a_traditional_chinese_bill_of_the_management_account_is_that_accounts() -> None:
    text = ("您好：\n\n管理帳戶 305518842290 的 2027年2月 Quokka 帳單已可查看。\n\n"
            "396697557002（連結帳戶） USD 40.10\n\n478812203345（連結帳戶） USD 12.00\n")
    assert extract_identifiers("AWS 帳單通知", text).aws_account_id == "305518842290"


def test_a_korean_statement_of_the_management_account_is_that_accounts() -> None:
    text = ("안녕하세요.\n\n관리 계정 305518842290의 2027년 2월 Quokka 사용 명세서가 준비되었습니다.\n\n"
            "396697557002 (연결된 계정) USD 40.10\n")
    assert extract_identifiers("AWS 명세서", text).aws_account_id == "305518842290"


def test_a_management_accounts_organization_is_no_bill_of_it() -> None:
    # the guard: "管理帳戶 N 的組織" names the organization, not a bill; the member account stays the one concerned
    text = ("您好：\n\n此帳戶屬於管理帳戶 305518842290 的組織。"
            "您帳戶 396697557002 中的 Quokka 預留執行個體即將到期。\n")
    assert extract_identifiers("Amazon Quokka 預留", text).aws_account_id == "396697557002"


# round 140: the reader's account number

def test_your_account_number_is_names_the_readers_account() -> None:
    body = ("Hello,\n\nYour new AWS account is ready. Your account number is 3055-1884-2290; keep it for Amazon "
            "Quokka.\n\nThe Amazon Web Services Team")
    notice = classify("no-reply@signup.aws", "Welcome to Amazon Web Services", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


# round 140: a key said to have been published

def test_a_french_key_that_has_been_published_is_an_exposed_key() -> None:
    body = ("Bonjour,\n\nLa clé d’accès AKIA****************QK7Q de votre compte 305518842290 a été publiée dans "
            "un dépôt de code Quokka accessible à tous.\n\nSupprimez-la et créez-en une nouvelle.\n\nAmazon Web "
            "Services")
    notice = classify("no-reply-aws@amazon.com", "Action requise pour votre compte AWS", body, date=MAR_3)
    assert notice.notice_type == "security.exposed_credentials"


def test_an_italian_key_that_has_been_published_is_an_exposed_key() -> None:
    body = ("Salve,\n\nla chiave di accesso AKIA****************QK7Q dell'account 305518842290 è stata pubblicata "
            "in un archivio Quokka pubblico.\n\nEliminala e creane una nuova.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "Azione richiesta per il tuo account AWS", body, date=MAR_3)
    assert notice.notice_type == "security.exposed_credentials"


def test_a_french_key_whose_documentation_is_published_is_no_exposed_key() -> None:
    # the guard: what is published is a guide, and it is said in the present
    body = ("Bonjour,\n\nUn guide sur la rotation des clés d’accès est publié sur le site de Quokka.\n\n"
            "Amazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "Nouveautés Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type != "security.exposed_credentials"


# round 140: the date a request was made

def test_a_chinese_request_made_on_the_mails_day_gives_way_to_its_period() -> None:
    body = ("您好：\n\n您透過 Amazon Route 53 註冊了網域 quokka-shop.example。\n\n請在 15 天內點選以下連結完成驗證：\n"
            "https://registrar.amazon.com/email-verification?token=QuokkaToken1234\n\n此要求於 2027年2月12日 建立。\n")
    notice = classify("noreply@registrar.amazon.com", "請驗證 quokka-shop.example 網域的聯絡人電子郵件地址", body,
                      date=FEB_12)
    assert str(notice.deadline) == "2027-02-27"


def test_a_chinese_date_by_which_the_reader_creates_something_stays_a_deadline() -> None:
    # the guard: "請於 D 建立，" asks the reader to create it by D
    body = ("您好：\n\n您的 Amazon Quokka 叢集將於 2027年3月20日 停用。請於 2027年3月15日 建立，以免服務中斷。\n")
    notice = classify("health@aws.com", "Amazon Quokka 叢集停用通知", body, date=MAR_3)
    assert notice.deadline is not None


# round 142: an account's number in the subject

def test_a_japanese_subject_with_the_account_number_names_the_account() -> None:
    text = "お客様\n\n請求書を発行しました。\n\n支払いアカウント 305518842290\n\nリンクされたアカウント 396697557002\n"
    found = extract_identifiers("Amazon Quokka 請求書のお知らせ [アカウント番号: 305518842290]", text)
    assert found.aws_account_id == "305518842290"


def test_an_english_subject_with_the_account_number_names_the_account() -> None:
    found = extract_identifiers("Your Amazon Quokka invoice [Account number: 305518842290]",
                                "Hello,\n\nLinked account 396697557002\n")
    assert found.aws_account_id == "305518842290"


def test_a_subject_with_another_number_names_no_account() -> None:
    # the guard: an invoice number in brackets is no account
    found = extract_identifiers("Your Amazon Quokka invoice [Invoice number: 305518842290]",
                                "Hello,\n\nLinked account 396697557002\n")
    assert found.aws_account_id == "396697557002"


# round 142: the day the reader registered what the mail is about

def test_a_chinese_domain_registered_on_a_day_gives_way_to_its_verification_deadline() -> None:
    body = ("親愛的客戶：\n\n您於 2027 年 3 月 3 日透過 AWS 帳戶 305518842290 註冊的網域 quokka.example.tw "
            "需要驗證。\n\n請在 2027年4月2日之前 點選以下連結完成驗證。\n")
    notice = classify("noreply@registrar.amazon.com", "請驗證 quokka.example.tw 網域的電子郵件地址", body, date=MAR_3)
    assert str(notice.deadline) == "2027-04-02"


def test_a_chinese_day_by_which_the_reader_is_asked_to_register_stays_a_deadline() -> None:
    # the guard: "請您於 D 前完成註冊的…" asks for it by D
    body = "您好：\n\n請您於 2027年4月2日 前完成註冊的網域驗證，以免網域被暫停。\n"
    notice = classify("noreply@registrar.amazon.com", "請驗證 quokka.example.tw 網域", body, date=MAR_3)
    assert str(notice.deadline) == "2027-04-02"


# round 142: a migration's target is no new-only clause

def test_a_japanese_move_to_the_new_generation_by_a_date_is_the_deadline() -> None:
    body = ("Amazon Quokka Q1 は今後容量を確保できなくなるため、2027年8月31日（火）までに新しい世代の Q2 へ"
            "ワークロードを移行していただくようお願いしております。\n")
    notice = classify("health@aws.com", "Amazon Quokka Q1 の提供終了について", body, date=MAR_3)
    assert str(notice.deadline) == "2027-08-31"


def test_a_japanese_day_after_which_new_accounts_cannot_start_is_no_shutdown() -> None:
    # the guard: new accounts lose it first; the running ones on the later date
    body = ("2027年6月1日以降、新しいアカウントでは Amazon Quokka を利用できなくなります。"
            "既存のお客様は 2027年12月31日までにデータを移行してください。\n")
    notice = classify("health@aws.com", "Amazon Quokka の提供終了について", body, date=MAR_3)
    assert str(notice.deadline) == "2027-12-31"


# round 142: a subscription link valid for some days

def test_a_korean_sns_subscription_valid_for_three_days_has_no_deadline() -> None:
    body = ("다음 주제에 대한 구독을 요청하셨습니다:\narn:aws:sns:ap-northeast-2:305518842290:quokka-alerts\n\n"
            "이 구독을 확인하려면 링크를 클릭하십시오(3일 이내에 확인하지 않으면 다시 구독해야 합니다):\n"
            "https://sns.ap-northeast-2.amazonaws.com/confirmation.html?TopicArn=arn:aws:sns:ap-northeast-2:"
            "305518842290:quokka-alerts&Token=abc\n")
    notice = classify("no-reply@sns.amazonaws.com", None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("verification.sns_subscription", None)
