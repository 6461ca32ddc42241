"""Session 20's eighth round, in our own words (none of these sentences is in a fixture): the account a resource share
comes from is not the reader's; the reader's management account in Spanish, "de AWS" before its id; German price and
reservation words in the singular; a Japanese payment method that could not be verified, under a payment subject;
French access keys in the plural; new resources no longer created beside existing ones that keep running; an end of
support in Traditional Chinese; resources "launched from" a product are no past event."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
SENT = "Mon, 12 Apr 2027 09:00:00 +0000"


def test_the_account_a_share_comes_from_is_not_the_readers() -> None:
    body = ("The share rs-analytics (shared by account 550199887766) is pending because your account 220311049905 is "
            "outside the owner's organization.\n")
    notice = classify(GENERAL, "RE: [CASE 177900112299] Resource share from account 550199887766 not visible",
                      f"Hello,\n\nWe have updated your case:\n{body}", date=SENT)
    assert notice.aws_account_id == "220311049905"


def test_the_readers_management_account_in_spanish() -> None:
    body = ("No hemos podido cobrar los cargos de marzo de su cuenta de administración de AWS 220311049905 (cuenta "
            "pagadora). La cuenta miembro 660788089909 generó la mayoría de ellos.\n")
    notice = classify(GENERAL, "Su cuenta de AWS tiene un pago vencido", f"Hola:\n\n{body}", date=SENT)
    assert notice.aws_account_id == "220311049905"


def test_german_price_and_reservation_words_in_the_singular() -> None:
    body = ("wir informieren Sie über eine Änderung der Preise für Amazon Comprehend, gültig ab 1. Juni 2027.\n"
            "Sie müssen nichts unternehmen.\n")
    assert classify(GENERAL, None, f"Guten Tag,\n\n{body}", date=SENT).notice_type == "policy.change_notice"
    body = "Ihre Reservierung für Amazon RDS läuft am 30. Mai 2027 ab. Danach gelten On-Demand-Preise.\n"
    assert classify(GENERAL, "Hinweis zu Ihrem AWS-Konto", f"Guten Tag,\n\n{body}",
                    date=SENT).notice_type == "cost.commitment_expiry"


def test_a_japanese_payment_method_not_verified_under_a_payment_subject() -> None:
    body = "ご登録のお支払い方法（末尾 1234）を確認できませんでした。2027年4月30日までに更新してください。\n"
    notice = classify(GENERAL, "お支払い方法に関するお知らせ", f"お客様各位\n\n{body}", date=SENT)
    assert notice.notice_type == "billing.payment_method_unverified"


def test_french_access_keys_in_the_plural() -> None:
    body = ("Les clés d'accès suivantes de votre compte, avec leurs clés secrètes, sont accessibles publiquement sur "
            "un dépôt de code. Ce dépôt enfreint le contrat client AWS.\n")
    notice = classify(GENERAL, "Votre compte AWS", f"Bonjour,\n\n{body}", date=SENT)
    assert notice.notice_type == "security.exposed_credentials"


def test_new_resources_no_longer_created_beside_existing_ones_that_run() -> None:
    text = ("What happens and when\n- New pipelines can no longer be created as of May 3, 2027.\n- Existing pipelines "
            "keep running until 23:59 UTC on September 30, 2027; after that they are deleted.\n")
    assert find_deadline(text, date(2027, 4, 12), "health.end_of_support") == "2027-09-30"


def test_an_end_of_support_in_traditional_chinese() -> None:
    body = ("您的帳戶中仍有舊版代理程式。\n停止支援日期：2027年6月30日\n請在停止支援日期之前更新代理程式。\n")
    notice = classify("health@aws.com", "代理程式停止支援", f"您好：\n\n{body}", date=SENT)
    assert notice.deadline == "2027-06-30"


def test_resources_launched_from_a_product_are_no_past_event() -> None:
    text = ("The new price applies beginning 1 July 2027 to all instances launched from this product. If you do not "
            "accept it, cancel the subscription before that date.")
    assert find_deadline(text, date(2027, 4, 12), "marketplace.subscription") == "2027-07-01"
