"""Session 24's round, in our own words (none of these sentences is in a fixture): a cost monitor "for" the management
account beside a member-account field; a Chinese payment that could not be collected; an Italian billing statement;
what a service will no longer accept from a date written as an ISO date (en, zh, ja, ko); a retirement date on each
instance's row (it, fr)."""

from __future__ import annotations

from datetime import date

from routing.deadline import best_deadline, find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)
GENERAL = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"


def test_a_cost_monitor_for_the_management_account_beside_a_member_field() -> None:
    text = ("Cost Anomaly Detection found unusual spend through monitor team-spend for the management account "
            "4410-2281-9075.\nAnomaly start date  Mar 2nd, 2027\nMember Account  263548190774 (data-lake)\n"
            "Total Impact  $88.10\n")
    assert extract_identifiers("", text, (), DAY).aws_account_id == "441022819075"
    # (the same in Portuguese and French: the monitor's account, not its member's)
    text = ("Uma anomalia foi encontrada pelo monitor gastos-time para a conta de gestão 4410-2281-9075.\n"
            "Conta-membro: 263548190774\n")
    assert extract_identifiers("", text, (), DAY).aws_account_id == "441022819075"
    text = ("Une anomalie a été détectée par le moniteur depenses-equipe pour le compte de gestion 4410 2281 9075.\n"
            "Compte membre : 263548190774\n")
    assert extract_identifiers("", text, (), DAY).aws_account_id == "441022819075"


def test_a_member_field_alone_is_still_the_account() -> None:
    # guard: without the management account named in prose, the member field is the account the mail is about
    text = "Cost Anomaly Detection found unusual spend.\nMember Account  263548190774 (data-lake)\n"
    assert extract_identifiers("", text, (), DAY).aws_account_id == "263548190774"


def test_a_chinese_payment_that_could_not_be_collected() -> None:
    body = ("尊敬的客户：\n\n我们未能通过您设置的默认付款方式收取 AWS 账户 5520-1187-3364 在 2027年1月 产生的费用，"
            "金额为 USD 96.20。\n\n请在 2027年2月25日 之前更新付款信息并完成付款，以免服务中断。\n")
    notice = classify(BILLING, "AWS 账单付款提醒", body, date=SENT)
    assert notice.notice_type == "billing.payment_failed"
    notice = classify(BILLING, "您的 AWS 账户已逾期付款", "尊敬的客户：\n\n请尽快登录账单控制台完成付款。\n", date=SENT)
    assert notice.notice_type == "billing.payment_failed"


def test_an_italian_billing_statement() -> None:
    body = ("Gentile cliente,\n\nil rendiconto di fatturazione di febbraio 2027 è ora disponibile nella console.\n\n"
            "Account pagante: 552011873364\nImporto: EUR 412,30\n\nNon è richiesta alcuna azione.\n")
    notice = classify("invoicing@aws.com", "Il tuo rendiconto di fatturazione AWS è disponibile", body, date=SENT)
    assert notice.notice_type == "billing.statement"


def test_what_a_service_will_no_longer_accept_from_an_iso_date() -> None:
    body = ("Hello,\n\nSome Amazon MQ brokers in your account still accept TLS 1.0 connections.\n\nStarting "
            "2027-03-15, Amazon MQ will no longer accept TLS 1.0 or TLS 1.1 connections. Update your clients to "
            "TLS 1.2 before then.\n")
    notice = classify(GENERAL, "", body, date=SENT)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-03-15"
    body = ("您好：\n\n您账户中的部分 Amazon MQ 代理仍接受 TLS 1.0 连接。\n\n自 2027-03-15 起，Amazon MQ 将不再接受 "
            "TLS 1.0 或 TLS 1.1 连接。请在此日期之前将客户端更新为 TLS 1.2。\n")
    assert classify(GENERAL, "", body, date=SENT).notice_type == "policy.change_notice"
    body = ("お客様各位\n\n2027-03-15 以降、Amazon MQ は TLS 1.0 および TLS 1.1 の接続を受け付けなくなります。"
            "それまでにクライアントを TLS 1.2 に更新してください。\n")
    assert classify(GENERAL, "", body, date=SENT).notice_type == "policy.change_notice"
    body = ("안녕하세요.\n\n2027년 3월 15일부터 Amazon MQ는 TLS 1.0 및 TLS 1.1 연결을 더 이상 허용하지 "
            "않습니다. 그 전에 클라이언트를 TLS 1.2로 업데이트하십시오.\n")
    assert classify(GENERAL, "", body, date=SENT).notice_type == "policy.change_notice"


def test_a_retirement_date_on_each_instances_row() -> None:
    # "→ ritiro: D", "→ retrait : D": a row's label as the timelines' "Außerbetriebnahme: D" (it, fr)
    text = ("Ritiro pianificato di istanze\nAbbiamo rilevato un guasto dell'hardware sottostante. Le istanze verranno "
            "ritirate alle date seguenti.\n\n  - i-0b1c2d3e4f5a60718 (c6i.large)  →  ritiro: giovedì 4 marzo 2027\n"
            "  - i-0c2d3e4f5a6b70819 (c6i.xlarge)  →  ritiro: sabato 6 marzo 2027\n\nSostituisca ogni istanza prima "
            "della sua data.\n")
    assert find_deadline(text, DAY, "health.instance_retirement") == "2027-03-04"
    text = ("Retrait planifié d'instances\nNous avons détecté une panne du matériel sous-jacent. Les instances seront "
            "retirées aux dates suivantes.\n\n  - i-0b1c2d3e4f5a60718 (c6i.large)  →  retrait : jeudi 4 mars 2027\n"
            "  - i-0c2d3e4f5a6b70819 (c6i.xlarge)  →  retrait : samedi 6 mars 2027\n\nRemplacez chaque instance "
            "avant sa date.\n")
    assert find_deadline(text, DAY, "health.instance_retirement") == "2027-03-04"


# ---- second round: unseen187-190 main folders' misses, in our own words

HEALTH = "health@aws.com"


def test_a_period_written_out_in_words() -> None:
    body = ("Hello,\n\nWe received a report that your instance was used to scan other hosts. Please stop the activity "
            "and reply within six days of this notice with what you changed.\n")
    notice = classify("abuse@amazonaws.com", "Your AWS Abuse Report [99120034-ab1]", body, date=SENT)
    assert notice.deadline == "2027-02-14"
    text = "Subject\nPlease reply within fourteen days of this message.\n"
    assert find_deadline(text, DAY, "abuse.report") == "2027-02-22"  # (not read as "four")


def test_a_charge_the_issuer_declined() -> None:
    body = ("Hello,\n\nWe tried to charge the card on file for AWS account 330211874456, and your issuer declined "
            "the charge. We will try again on February 15, 2027.\n")
    notice = classify(GENERAL, "We could not collect payment for your AWS invoice", body, date=SENT)
    assert notice.notice_type == "billing.payment_failed"


def test_a_certificate_authority_named_alone_or_by_its_event_type() -> None:
    body = ("Hello,\n\nAWS replaces the CA behind Amazon OpenSearch Service endpoints every few years. The CA in use "
            "now expires on May 3, 2027. Add the new CA to the trust stores of your clients before April 20, 2027.\n")
    assert classify(GENERAL, "Action required for your domains", body, date=SENT).notice_type == \
        "health.certificate_rotation"
    body = ("Olá,\n\nVeja os detalhes.\n\nhttps://health.aws.amazon.com/health/home#/event-log?eventID=arn:aws:health:"
            "sa-east-1::event/IOT/AWS_IOT_CERTIFICATE_AUTHORITY_CHANGE/AWS_IOT_CA_0001\n")
    assert classify(HEALTH, "Aviso do AWS Health", body, date=SENT).notice_type == "health.certificate_rotation"


def test_the_management_account_whose_address_is_verified() -> None:
    text = ("Before your organization can invite accounts, the email address of the management account "
            "(550217348806) must be verified.\n")
    assert extract_identifiers("", text, (), DAY).aws_account_id == "550217348806"


def test_new_registrations_that_stop_are_a_first_stage() -> None:
    text = ("Agent retirement\nStarting March 31, 2027, you will no longer be able to register new servers that run "
            "agent 2.x. On September 30, 2027 we will retire agent 2.x, and deployments to servers still running it "
            "will fail.\n")
    assert find_deadline(text, DAY, "health.end_of_support") == "2027-09-30"


def test_a_price_change_whose_subject_names_the_service() -> None:
    body = ("Hello,\n\nStarting April 1, 2027, Amazon Kinesis Video Streams will charge for each HLS session minute. "
            "No action is required on your part. To avoid these charges, end your sessions before April 1, 2027.\n")
    notice = classify(GENERAL, "Upcoming change to Amazon Kinesis Video Streams pricing", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-04-01")


def test_an_announcement_date_field_and_an_end_of_support_field_in_chinese() -> None:
    text = ("AWS 通知\n重要日期：\n  公告日：2027年2月8日\n  停止支援：2027年5月31日（星期一）\n\n"
            "請在停止支援之前完成遷移。\n")
    assert find_deadline(text, DAY, "health.end_of_support") == "2027-05-31"
    text = ("AWS 通知\n重要日期：\n  公告日：民國116年2月8日\n  终止支持：民國116年5月31日\n")
    assert find_deadline(text, DAY, "health.end_of_support") == "2027-05-31"


def test_the_end_of_a_subscription_as_a_field() -> None:
    text = ("Sua assinatura termina em breve\n  Início da assinatura: 10/03/2026\n  Fim da assinatura: 10/03/2027\n"
            "Depois do fim da assinatura, o acesso termina.\n")
    assert find_deadline(text, DAY, "marketplace.subscription") == "2027-03-10"
    text = ("Su suscripción termina pronto\n  Inicio: 10/03/2026\n  Fin de la suscripción: 10/03/2027\n")
    assert find_deadline(text, DAY, "marketplace.subscription") == "2027-03-10"


def test_a_heading_over_one_window_per_row() -> None:
    text = ("Maintenance planifiée\nNous remplacerons les points de terminaison de vos pare-feu, zone par zone.\n\n"
            "Pare-feu concernés :\n  - fw-a (vpc-0123456789abcdef0)\n  - fw-b (vpc-0fedcba9876543210)\n"
            "  - fw-c (vpc-0a1b2c3d4e5f67890)\n\nFenêtres (heure UTC) :\n"
            "  Zone eu-west-1a : lundi 22/02/2027, 03:00 – 05:00\n"
            "  Zone eu-west-1b : mercredi 24/02/2027, 03:00 – 05:00\n\nAucune action n'est requise.\n")
    assert best_deadline(text, DAY, "health.scheduled_maintenance", True) is not None
    assert find_deadline(text, DAY, "health.scheduled_maintenance") == "2027-02-22"
    text = ("Scheduled maintenance\nWe will replace the endpoints of your firewalls, one zone at a time. Nothing is "
            "asked of you, and the list of firewalls is in the console for your review.\n\nWindows (UTC):\n"
            "  us-east-1a: Monday, February 22, 2027, 03:00 - 05:00\n  us-east-1b: Wednesday, February 24, 2027, "
            "03:00 - 05:00\n")
    assert find_deadline(text, DAY, "health.scheduled_maintenance") == "2027-02-22"


def test_payment_terms_counted_from_the_month_after_the_invoice() -> None:
    text = ("Invoice available\nInvoice date February 8, 2027\nPayment method Bank transfer\nPayment terms Due on the "
            "20th day of the month following the invoice date\n")
    assert find_deadline(text, DAY, "billing.invoice") == "2027-03-20"


# ---- third round: two of the main folders' misses left by the second


def test_the_last_day_to_do_something_as_a_field() -> None:
    text = ("A product you subscribe to is being withdrawn\nThe seller will withdraw the product.\n\n"
            "Withdrawal announced Feb 5, 2027\n\nLast day to start new instances Apr 30, 2027\n\n"
            "Running instances are not affected.\n")
    assert find_deadline(text, DAY, "marketplace.subscription") == "2027-04-30"


def test_the_end_of_a_usage_month_in_a_usage_alert_is_no_deadline() -> None:
    body = ("Dear AWS customer,\n\nYour AWS account 552011873364 has used 90% of the Amazon S3 Free Tier this "
            "month.\n\nThe usage month ends on February 28, 2027; usage above the limit is charged at standard "
            "rates.\n")
    assert classify("freetier@costalerts.amazonaws.com", "AWS Free Tier usage alert", body, date=SENT).deadline is None
    body = ("Estimado cliente:\n\nSu cuenta de AWS 552011873364 ha usado el 90 % de la capa gratuita de Amazon S3 este "
            "mes.\n\nEl mes de uso termina el 28 de febrero de 2027; el uso por encima del límite se cobra a las "
            "tarifas estándar.\n")
    assert classify("freetier@costalerts.amazonaws.com", "Alerta de uso de la capa gratuita de AWS", body,
                    date=SENT).deadline is None
    # guard: the Free Tier offer's own end, in a mail about it, stays the deadline
    body = ("Hello,\n\nYour 12-month AWS Free Tier offer ends on February 28, 2027. After that date, usage is charged "
            "at standard rates.\n")
    assert classify("freetier@costalerts.amazonaws.com", "Your AWS Free Tier period is ending", body,
                    date=SENT).deadline == "2027-02-28"
