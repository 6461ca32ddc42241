"""Session 22's round, in our own words (none of these sentences is in a fixture): a date the next sentence asks an act
by ("… before that time"), what then fails with an error; "até ao dia" and the day named after an act-by lead (pt, es,
it); a Support plan that will be discontinued; a welcome to a service and a service's free trial in the other
languages; AWS that will start to charge, in them; a tax registration that could not be verified."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
BILLING = "invoicing@aws.com"
SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)


def test_a_date_the_next_sentence_asks_an_act_before() -> None:
    text = ("Subject\nFrom 10:00 AM Central European Time on Thursday, the 11th of March 2027, Amazon MQ brokers will "
            "accept only clients that present a certificate. To keep your clients connected, upload a certificate to "
            "each broker before that time.\n")
    assert find_deadline(text, DAY, "health.other") == "2027-03-11"
    # a permission by then asks nothing; a field's date is not the one "then" points at
    text = "Subject\nStarting March 11, 2027, the console shows a new layout. You can try it before then.\n"
    assert find_deadline(text, DAY, "health.other") is None
    text = ("Subject\nReview start: 2027-02-08\nReview end: 2027-02-22\n\nPlease lower the bounce rate before the "
            "review ends; by then we decide on your sending.\n")
    assert find_deadline(text, DAY, "ses.sending_review") == "2027-02-22"


def test_what_then_fails_with_an_error() -> None:
    text = ("Subject\nStarting March 11, 2027, Amazon MQ accepts only clients that present a certificate. After that "
            "time, a connection without one fails with an error.\n")
    assert find_deadline(text, DAY, "health.other") == "2027-03-11"


def test_the_day_named_after_an_act_by_lead() -> None:
    bodies = [
        "Olá,\n\nNão conseguimos validar o cartão da sua conta AWS.\nAtualize-o na consola até ao dia 12 de março de "
        "2027.\n",
        "Olá,\n\nNão conseguimos validar o cartão da sua conta AWS.\nAtualize-o no console até o dia 12 de março de "
        "2027.\n",
        "Hola:\n\nNo pudimos validar la tarjeta de su cuenta de AWS.\nActualice la tarjeta en la consola hasta el "
        "día 12 de marzo de 2027.\n",
        "Salve,\n\nnon siamo riusciti a convalidare la carta del suo account AWS.\nAggiorni la carta nella console "
        "entro il giorno 12 marzo 2027.\n",
    ]
    for body in bodies:
        assert classify(BILLING, "AWS", body, date=SENT).deadline == "2027-03-12", body
    text = "Assunto\nAtualize o cartão até à meia-noite (UTC) de 12 de março de 2027.\n"
    assert find_deadline(text, DAY, "billing.other") == "2027-03-12"


def test_a_support_plan_that_will_be_discontinued() -> None:
    body = ("Hello,\n\nAWS Developer Support will be discontinued on April 1, 2027. Choose another plan before "
            "April 1, 2027 on the Support plans page.\n")
    notice = classify(GENERAL, "Your AWS Support plan", body, date=SENT)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline in ("2027-03-31", "2027-04-01")
    # a service's end of support stays one
    body = "Hello,\n\nStandard support for Amazon EKS Kubernetes version 1.31 will end on April 1, 2027.\n"
    assert classify(HEALTH, "Amazon EKS", body, date=SENT).notice_type == "health.end_of_support"


def test_a_welcome_to_a_service_in_the_other_languages() -> None:
    subjects = ["Amazon Inspector へようこそ", "Amazon Inspector에 오신 것을 환영합니다", "欢迎使用 Amazon Inspector",
                "Bienvenue dans Amazon Inspector", "Willkommen bei Amazon Inspector", "Bienvenido a Amazon Inspector",
                "Benvenuto in Amazon Inspector", "Bem-vindo ao Amazon Inspector"]
    for subject in subjects:
        notice = classify(GENERAL, subject, "Amazon Inspector: 903221458106\n", date=SENT)
        assert notice.notice_type == "onboarding.service_setup", subject
    # a welcome to AWS itself stays the welcome
    notice = classify(GENERAL, "アマゾン ウェブ サービスへようこそ", "AWS アカウント: 903221458106\n", date=SENT)
    assert notice.notice_type == "onboarding.welcome"


def test_a_service_free_trial_in_the_other_languages() -> None:
    bodies = [
        "Amazon Inspector の 15 日間の無料トライアルが始まりました。トライアルは 2027年2月23日 に終了します。\n",
        "Amazon Inspector 的 15 天免费试用已开始，将于 2027 年 2 月 23 日结束。\n",
        "Ha comenzado su prueba gratuita de 15 días de Amazon Inspector. Termina el 23 de febrero de 2027.\n",
        "Votre essai gratuit de 15 jours d'Amazon Inspector a commencé. Il se termine le 23 février 2027.\n",
        "La sua prova gratuita di 15 giorni di Amazon Inspector è iniziata e termina il 23 febbraio 2027.\n",
    ]
    for body in bodies:
        assert classify(GENERAL, None, body, date=SENT).notice_type == "onboarding.service_setup", body


def test_aws_will_start_to_charge_in_the_other_languages() -> None:
    bodies = [
        "您好：\n\nAWS 將開始收取 Amazon Q index 查詢費用，此費用將自 2027 年 4 月 1 日起生效。\n",
        "Hola:\n\nA partir del 1 de abril de 2027, AWS comenzará a cobrar las consultas de Amazon Q index.\n",
        "Olá,\n\nA partir de 1 de abril de 2027, a AWS passará a cobrar as consultas do Amazon Q index.\n",
        "Bonjour,\n\nÀ partir du 1er avril 2027, AWS commencera à facturer les requêtes Amazon Q index.\n",
    ]
    for body in bodies:
        notice = classify(GENERAL, None, body, date=SENT)
        assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-04-01"), body


def test_a_tax_registration_that_could_not_be_verified() -> None:
    bodies = [
        "안녕하세요.\n\nAWS 계정 231044889175의 세금 설정에 있는 사업자 등록번호를 확인할 수 없었습니다. "
        "2027년 3월 1일까지 수정하지 않으면 세금계산서가 발행되지 않습니다.\n",
        "Hello,\n\nWe could not validate the VAT number in the tax settings of AWS account 231044889175. Correct it by "
        "March 1, 2027, or your invoices will include VAT.\n",
        "Hallo,\n\ndie USt-IdNr. in den Steuereinstellungen des AWS-Kontos 231044889175 konnte nicht verifiziert "
        "werden. Korrigieren Sie sie bis zum 1. März 2027, sonst enthält Ihre Rechnung Umsatzsteuer.\n",
    ]
    for body in bodies:
        notice = classify(BILLING, "Amazon Web Services Account Alert", body, date=SENT)
        assert (notice.notice_type, notice.deadline) == ("billing.other", "2027-03-01"), body
