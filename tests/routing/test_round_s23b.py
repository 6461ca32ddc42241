"""Session 23's second round, in our own words (none of these sentences is in a fixture): "before this time" in
Korean after the date it names; a list of linked accounts under a header beside the payer's statement; a version
upgraded automatically (zh, ja, ko; a French automatic upgrade keeps its date); reserved database instances that
expire (es); a root sign-in that "will come to require" MFA (pt)."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)
GENERAL = "no-reply-aws@amazon.com"


def test_before_this_time_in_korean_refers_to_the_date_named_before() -> None:
    text = ("제목\n2027-03-20 02:00 UTC 이후 이 호스트의 인스턴스를 중지합니다. "
            "이 시각 전에 인스턴스를 옮겨 주십시오.\n\n"
            "교체용 호스트는 2027-03-12까지 배송될 예정입니다. 준비되면 인스턴스를 새 호스트에서 시작하십시오.\n")
    assert find_deadline(text, DAY, "health.instance_retirement") == "2027-03-20"


def test_linked_accounts_listed_under_a_header_beside_the_payers_statement() -> None:
    text = ("Your consolidated bill for January 2027 for payer account 6120 4471 9035 is ready.\n\n"
            "Usage per linked account\n  2210 9384 5571   $120.00\n  6120 4471 9035   $15.10\n"
            "  8830 1265 4409   $3.45\n")
    assert extract_identifiers("", text, (), DAY).aws_account_id == "612044719035"
    # a linked-account field beside a payer field still names the linked account
    text = "Linked account: 2210 9384 5571\nPayer account: 6120 4471 9035\nYour budget was exceeded.\n"
    assert extract_identifiers("", text, (), DAY).aws_account_id == "221093845571"


def test_a_version_upgraded_automatically() -> None:
    bodies = [
        "您好：\n\n您的 AWS 账户 445120983376 中的 Amazon OpenSearch 域将于 2027 年 4 月 6 日"
        "自动升级到 OpenSearch 2.17。\n",
        "お客様の AWS アカウント 445120983376 の Amazon OpenSearch ドメインは 2027 年 4 月 6 日に"
        "自動的にアップグレードされます。\n",
        "AWS 계정 445120983376의 Amazon OpenSearch 도메인은 2027년 4월 6일에 자동으로 업그레이드됩니다.\n",
    ]
    for body in bodies:
        notice = classify(GENERAL, None, body, date=SENT)
        assert notice.notice_type == "health.scheduled_maintenance", body
        assert notice.deadline == "2027-04-06", body
    body = ("Bonjour,\n\nLa mise à niveau automatique de vos domaines Amazon OpenSearch vers la version 2.17 "
            "commencera dans 30 jours.\n")
    notice = classify("health@aws.com", "Amazon OpenSearch : mise à niveau automatique", body, date=SENT)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-10"


def test_reserved_database_instances_that_expire_in_spanish() -> None:
    body = ("Hola:\n\nLas instancias de base de datos reservadas de Amazon Aurora de su cuenta 445120983376 caducan "
            "el 1 de marzo de 2027.\n")
    notice = classify(GENERAL, "Aviso de Amazon Aurora", body, date=SENT)
    assert notice.notice_type == "cost.commitment_expiry"


def test_a_root_sign_in_that_will_come_to_require_mfa() -> None:
    body = ("Olá,\n\nA partir de 2 de maio de 2027, entrar como utilizador raiz na conta 445120983376 vai exigir a "
            "MFA. Registe um dispositivo antes dessa data.\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == "security.root_review"
