"""Session 28's rounds, in our own words (none of these sentences is in a fixture): a relative day in apposition to
the date it names ("expire tomorrow, Friday, D") leaves the date led by what precedes it."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"


def _sent(day: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(f"{day}T10:00:00+00:00"))


@pytest.mark.parametrize("phrase", [
    "expire tomorrow, Thursday, March 4, 2027",
    "expire tomorrow, 4 March 2027",
    "will expire tomorrow, 2027-03-04",
])
def test_a_relative_day_in_apposition_to_its_date(phrase: str) -> None:
    body = (f"Your Amazon Quokka reserved capacity blocks below {phrase} at 06:00 UTC. After that, the matching "
            "usage is billed at On-Demand rates.\n\nTo keep the lower rate, buy a new reservation before then.")
    notice = classify(NO_REPLY, "Your Amazon Quokka reserved capacity expires soon", body, date=_sent("2027-03-03"))
    assert notice.deadline == "2027-03-04"


@pytest.mark.parametrize("field", ["Accept by:", "Accept by :", "Confirm by:"])
def test_an_act_by_field_with_a_colon_dates_the_offer(field: str) -> None:
    body = ("Quokka Analytics Ltd extended a private offer for \"Quokka Lake Pro\" to AWS account 413355724610.\n\n"
            "Offer reference: offer-q9z8y7x6w5v4\n"
            "Offer published: March 2, 2027\n"
            f"{field} March 19, 2027\n"
            "Service start if accepted: April 1, 2027 (24 months)\n\n"
            "Once that date has passed the offer lapses and list prices apply.")
    notice = classify("no-reply@marketplace.aws", "Private offer from Quokka Analytics", body,
                      date=_sent("2027-03-02"))
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-03-19")


def test_a_field_that_names_who_acted_is_no_act_by_field() -> None:
    body = ("Your subscription to \"Quokka Lake Pro\" in AWS account 413355724610 is active.\n\n"
            "Subscription reference: sub-q9z8y7x6w5v4\n"
            "Approved by: procurement-admin\n"
            "Start date: April 1, 2027\n\n"
            "You can view the agreement in AWS Marketplace.")
    notice = classify("no-reply@marketplace.aws", "Your AWS Marketplace subscription is active", body,
                      date=_sent("2027-03-02"))
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", None)


@pytest.mark.parametrize("phrase", [
    "Automatic upgrades of Amazon Quokka Streams applications start on the first Monday of March 2027",
    "Las actualizaciones automáticas de Amazon Quokka Streams comenzarán el primer lunes de marzo de 2027",
    "Les mises à niveau automatiques d'Amazon Quokka Streams commenceront le premier lundi de mars 2027",
    "Die automatischen Upgrades von Amazon Quokka Streams beginnen am ersten Montag im März 2027",
    "As atualizações automáticas do Amazon Quokka Streams começarão na primeira segunda-feira de março de 2027",
    "Gli aggiornamenti automatici di Amazon Quokka Streams inizieranno il primo lunedì di marzo 2027",
])
def test_the_nth_weekday_of_a_month_is_the_date_it_names(phrase: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka Streams", f"{phrase}. Test your applications on version 2 before then.",
                      date=_sent("2027-01-12"))
    assert notice.deadline == "2027-03-01"


@pytest.mark.parametrize(("phrase", "written"), [
    ("the last Friday of April 2027", "april 30, 2027"),
    ("the second Tuesday in May", "may 11, 2027"),  # (no year: the next one after the mail's date)
    ("the last Sunday of December 2027", "december 26, 2027"),
    ("le dernier vendredi d'avril", "30 avril 2027"),
])
def test_the_nth_weekday_with_last_and_without_a_year(phrase: str, written: str) -> None:
    from datetime import date

    from routing.deadline import MONTHS
    from routing.nthweekday import NthWeekdays

    text = f"please migrate before {phrase}.".lower()
    rewritten = NthWeekdays(MONTHS).rewrite(text, date(2027, 1, 12))
    assert len(rewritten) == len(text) and rewritten.strip().endswith(f"{written}.")


@pytest.mark.parametrize("phrase", [
    "the fifth Monday of March 2027",  # (no such ordinal is read)
    "the first Monday after the release",  # (no month)
])
def test_what_is_not_an_nth_weekday_of_a_month_stays(phrase: str) -> None:
    from datetime import date

    from routing.deadline import MONTHS
    from routing.nthweekday import NthWeekdays

    text = f"please migrate before {phrase}."
    assert NthWeekdays(MONTHS).rewrite(text.lower(), date(2027, 1, 12)) == text.lower()


@pytest.mark.parametrize("condition", [
    "If the bucket policy is not corrected by then, the export is paused.",
    "If the role still does not trust the service by then, we pause the export.",
    "Si la política del bucket no se corrige para esa fecha, la exportación se detiene.",
])
def test_a_condition_that_something_is_not_done_by_then(condition: str) -> None:
    body = ("Amazon Quokka Exports could not write export quokka-daily of account 413355724610 to the bucket "
            "quokka-finops-exports because its policy denies s3:PutObject.\n\nFirst failed delivery: 2027-02-22 "
            f"04:00 UTC\n\nWe will keep retrying until 2027-03-01 00:00 UTC. {condition}")
    notice = classify("no-reply@costalerts.amazonaws.com", "Amazon Quokka Exports: delivery failure", body,
                      date=_sent("2027-02-24"))
    assert notice.deadline == "2027-03-01"


def test_what_aws_does_not_have_by_then_is_not_read_back_to_a_listed_date() -> None:
    body = ("To keep the migration slot we reserved for you on April 9, 2027, we need these answers by Friday, "
            "March 26, 2027:\n\n  - the document count per index,\n  - the query rate seen since the case was opened "
            "on 2027-03-19,\n  - whether the domain may be read-only during the slot.\n\nIf we do not have them by "
            "then, we will release the slot.")
    notice = classify("no-reply-aws@amazon.com", "Amazon Web Services Support: Case 17455100001 has been updated",
                      body, date=_sent("2027-03-19"))
    assert notice.deadline == "2027-03-26"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account has been suspended",
     "AWS account 413355724610 was suspended on 12/18/2026 because the balance of USD 318.40 for the October 2026 "
     "invoice is unpaid.\n\nIf the balance is not paid within 30 days of the suspension date, the account may be "
     "closed and its resources deleted."),
    ("A sua conta AWS foi suspensa",
     "A conta AWS 413355724610 foi suspensa em 18/12/2026 por falta de pagamento do saldo de EUR 318,40.\n\nSe o "
     "saldo não for pago no prazo de 30 dias a contar da data de suspensão, a conta poderá ser encerrada."),
    ("Su cuenta de AWS ha sido suspendida",
     "La cuenta de AWS 413355724610 fue suspendida el 18/12/2026 por falta de pago de un saldo de 318,40 EUR.\n\nSi "
     "el saldo no se paga en un plazo de 30 días desde la fecha de suspensión, la cuenta podrá cerrarse."),
])
def test_a_period_counted_from_the_suspension_date_the_mail_names(subject: str, body: str) -> None:
    notice = classify(BILLING, subject, body, date=_sent("2026-12-21"))
    assert (notice.notice_type, notice.deadline) == ("account.suspended", "2027-01-17")


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS Support plan change is confirmed",
     "Account 413355724610 now moves from Developer Support to Business Support+. The new plan takes effect on May 1, "
     "2027 and is billed from that date."),
    ("AWS Support",
     "This confirms the upgrade of your AWS Support plan for account 413355724610 to Enterprise Support. It takes "
     "effect on May 1, 2027."),
])
def test_the_readers_support_plan_change_confirmed_is_a_support_matter(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=_sent("2027-04-20"))
    assert (notice.notice_type, notice.deadline) == ("support.other", None)


def test_a_support_plan_aws_changes_stays_a_policy_change() -> None:
    body = ("Starting June 1, 2027, the Developer Support plan will no longer be offered. Accounts on it will move to "
            "Business Support+ unless you choose another plan before that date.")
    notice = classify(NO_REPLY, "Upcoming changes to AWS Support plans", body, date=_sent("2027-04-20"))
    assert notice.notice_type == "policy.change_notice"


@pytest.mark.parametrize("body", [
    "Thank you for subscribing to AWS Quokka Shield. The subscription for account 413355724610 is now active "
    "(start: March 4, 2027).\n\nIt renews automatically on March 4, 2028 unless you turn off automatic renewal.",
    "The subscription for account 413355724610 to Amazon Quokka Guard is now active. The monthly fee appears on your "
    "invoice from March 2027.",
])
def test_a_service_subscription_now_active_is_a_set_up(body: str) -> None:
    notice = classify(NO_REPLY, "Your AWS Quokka Shield subscription is active", body, date=_sent("2027-03-04"))
    assert (notice.notice_type, notice.deadline) == ("onboarding.service_setup", None)


@pytest.mark.parametrize(("sentence", "ask"), [
    ("Ihr bestehendes Abonnement bleibt bis zum 28. Februar 2027 gültig.",
     "Bitte wechseln Sie vor diesem Datum zu einem anderen Produkt."),
    ("Votre abonnement existant reste valable jusqu'au 28 février 2027.",
     "Veuillez migrer vers un autre produit avant cette date."),
    ("Su suscripción actual sigue vigente hasta el 28 de febrero de 2027.",
     "Migre a otro producto antes de esa fecha."),
    ("A sua subscrição atual continua válida até 28 de fevereiro de 2027.",
     "Migre para outro produto antes dessa data."),
    ("L'abbonamento esistente resta valido fino al 28 febbraio 2027.",
     "Migri a un altro prodotto prima di tale data."),
    ("您现有的订阅将继续有效至2027年2月28日。", "请在此日期之前迁移到其他产品。"),
    ("既存のサブスクリプションは2027年2月28日まで有効です。", "その日までに別の製品へ移行してください。"),
])
def test_a_localized_before_that_date_in_the_next_sentence(sentence: str, ask: str) -> None:
    body = f"Quokka Software stellt „Quokka Log Guard“ ein / discontinues Quokka Log Guard.\n\n{sentence} {ask}"
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace", body, date=_sent("2026-12-29"))
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-02-28")


@pytest.mark.parametrize("text", [
    "Instances réservées   r6g.large.search 6\n\nAprès l'expiration, elles sont facturées.",
    "Nombre : 4 après la fin du terme",
])
def test_a_number_before_a_word_that_opens_like_a_month_is_no_date(text: str) -> None:
    from datetime import date

    from routing.deadline import _dated

    assert _dated(text.lower(), date(2027, 3, 4), True) == []


def test_a_field_written_key_equals_value_is_a_field() -> None:
    body = ("We will replace the hosts behind one of your Amazon Quokka Streams groups in Asia Pacific (Sydney).\n\n"
            "  group        = qsg-7Hq2Tz\n"
            "  window       = Thursday, 21 January 2027, 09:00 - 11:00 AEDT (UTC+11)\n\n"
            "During the window, active sessions on a host being replaced end after a warning.\n\n"
            "If the window does not suit you, move the group's maintenance preference before the window begins.")
    notice = classify(HEALTH, "Amazon Quokka Streams planned maintenance", body, date=_sent("2027-01-11"))
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-01-21")


def test_an_equals_sign_in_prose_is_no_field() -> None:
    from routing.deadline import _EQUALS_FIELD

    assert _EQUALS_FIELD.sub(r"\1:", "the ratio a = b holds\n  x = 1") == "the ratio a = b holds\n  x : 1"


@pytest.mark.parametrize(("label", "weekday"), [
    ("Letzter Supporttag", "Mittwoch, 31.03.2027"),
    ("Dernier jour de support", "mercredi 31/03/2027"),
    ("Último día de soporte", "miércoles, 31/03/2027"),
])
def test_a_timeline_label_over_a_blank_line_names_its_date(label: str, weekday: str) -> None:
    body = ("Amazon Quokka Boards 10.4\n\n"
            "Ankündigung / Annonce / Anuncio\n\n18.01.2027\n→\n"
            f"{label}\n\n{weekday}\n→\n"
            "Automatische Aktualisierung / Mise à jour automatique / Actualización automática\n\n01.06.2027\n\n"
            "Bitte aktualisieren Sie / Veuillez mettre à jour / Actualice sus espacios de trabajo.")
    notice = classify(HEALTH, "End of support for Amazon Quokka Boards 10.4", body, date=_sent("2027-02-01"))
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-03-31")


@pytest.mark.parametrize("subject", [
    "AWS 액세스 키 노출 알림",
    "AWS アクセスキーの公開に関するお知らせ",
    "AWS 访问密钥泄露通知",
    "Aviso: clave de acceso de AWS expuesta",
])
def test_a_localized_subject_that_names_an_exposed_key_outranks_unauthorized_use_words(subject: str) -> None:
    body = ("계정의 아래 AWS 액세스 키가 공개된 컨테이너 이미지 안에 포함되어 있습니다.\n\n"
            " 액세스 키  ****-****-Q9QK\n\n"
            "무단 사용을 막기 위해 계정에서 EC2 인스턴스를 시작하는 기능을 일시적으로 제한했습니다. "
            "무단 사용의 일부만 제한됩니다.")
    notice = classify(NO_REPLY, subject, body, date=_sent("2027-03-02"))
    assert notice.notice_type == "security.exposed_credentials"


@pytest.mark.parametrize(("subject", "body"), [
    ("Aktualisierung des AWS-Datenschutzhinweises",
     "wir aktualisieren den AWS-Datenschutzhinweis. Die neue Fassung gilt ab dem 1. April 2027. Sie müssen nichts "
     "tun."),
    ("Mise à jour de l'Avis de confidentialité AWS",
     "Nous mettons à jour l'Avis de confidentialité AWS. La nouvelle version s'applique à partir du 1er avril 2027."),
    ("Actualización del Aviso de privacidad de AWS",
     "Actualizamos el Aviso de privacidad de AWS. La nueva versión se aplica a partir del 1 de abril de 2027."),
])
def test_a_localized_privacy_notice_update_is_a_policy_change(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=_sent("2026-11-30"))
    assert notice.notice_type == "policy.change_notice"


def test_working_days_written_the_taiwanese_way() -> None:
    body = ("我們收到報告，指出您帳戶中的 Amazon Quokka 物件正被用來散布惡意軟體。\n\n"
            "請移除該物件，並在收到此通知後 3 個工作天內回覆本郵件，說明您採取的措施。")
    notice = classify("trustandsafety@support.aws.com", "您的 AWS 濫用報告 [10602270001]", body,
                      date=_sent("2027-03-17"))
    assert (notice.notice_type, notice.deadline) == ("abuse.report", "2027-03-22")


@pytest.mark.parametrize("body", [
    "帳戶 413355724610 中的下列 Amazon Quokka 伺服器所在的主機出現無法修復的問題，已排程退役。\n\n"
    "退役時間：2027/04/09 09:00",
    "账户 413355724610 中的 Amazon Quokka 执行个体将于 2027/04/09 退役。",
])
def test_an_instance_or_its_host_retired_in_chinese(body: str) -> None:
    notice = classify(HEALTH, "[需要採取行動] Amazon Quokka", body, date=_sent("2027-03-25"))
    assert notice.notice_type == "health.instance_retirement"


@pytest.mark.parametrize("body", [
    "Le certificat racine des passerelles Amazon Quokka sera remplacé.\n\nÉtape   Date\n\n"
    "Publication du micrologiciel 2.6   lundi 25 janvier 2027\n\n"
    "Bascule vers le nouveau certificat   lundi 15 mars 2027, 09 h 00 UTC\n\n"
    "Mettez à jour vos passerelles avant la bascule.",
    "The root certificate Amazon Quokka gateways trust will be replaced.\n\nStep   Date\n\n"
    "Firmware 2.6 released   Monday, January 25, 2027\n\n"
    "Switch to the new certificate   Monday, March 15, 2027, 09:00 UTC\n\n"
    "Update your gateways before the switch.",
])
def test_a_table_row_named_by_the_switch_dates_it(body: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka certificate rotation", body, date=_sent("2027-02-09"))
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-03-15")


@pytest.mark.parametrize("body", [
    "Amazon Quokka Bus will start charging for events delivered to another Region; the charge applies from April 1, "
    "2027, as announced [1] on November 19, 2026.",
    "On November 17, 2026, we announced [1] a new hourly charge for Amazon Quokka attachments that carry no traffic "
    "for a month; it will apply from April 1, 2027.",
])
def test_a_charge_from_a_date_beside_its_dated_announcement(body: str) -> None:
    notice = classify(NO_REPLY, "", f"{body}\n\nThe new prices are on the pricing page.", date=_sent("2026-12-08"))
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-04-01")


def test_a_charge_announced_without_a_date_of_its_own_is_still_a_fact() -> None:
    body = ("The hourly charge for Amazon Quokka attachments was announced and applied from April 1, 2026.\n\n"
            "Your invoice shows it.")
    notice = classify(NO_REPLY, "Amazon Quokka charges", body, date=_sent("2026-12-08"))
    assert notice.deadline is None


def test_if_we_have_no_reply_by_a_date_asks_a_reply_by_it() -> None:
    body = ("=====\nPAUSED\n=====\nEmail sending for AWS account 413355724610, for which you are listed as owner, "
            "has been paused in Europe (Frankfurt) on Tuesday, March 30, 2027. The account was under review for its "
            "bounce rate since Friday, February 26, 2027 and the rate did not come down.\n\n=====\nNEXT STEPS\n"
            "=====\nReply to the case with the changes you made. If we have no reply by Tuesday, April 13, 2027, we "
            "will return the account to the sandbox.")
    notice = classify(NO_REPLY, "Amazon SES Sending Pause for AWS Account 413355724610", body, date=_sent("2027-03-30"))
    assert (notice.notice_type, notice.deadline) == ("ses.sending_review", "2027-04-13")


def test_before_the_end_of_support_in_one_german_word() -> None:
    body = ("Der Support für die Amazon-Quokka-Plattformversion 1.3 endet am 8. März 2027. Ab diesem Tag erhalten "
            "Aufgaben auf 1.3 keine Sicherheitskorrekturen mehr.\nDienste, deren Aufgaben danach noch auf 1.3 laufen, "
            "werden ab dem 22. März 2027 schrittweise durch Aufgaben auf 1.4 ersetzt; dabei werden die Aufgaben neu "
            "gestartet.\n\nWir empfehlen, die Dienste vor dem Supportende selbst auf 1.4 zu aktualisieren.")
    notice = classify(HEALTH, "Amazon Quokka: Support für Version 1.3 endet", body, date=_sent("2027-01-15"))
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-03-08")


@pytest.mark.parametrize("condition", ["If we have no reply by", "If we receive no response by"])
def test_a_condition_that_aws_lacks_a_reply_is_an_act_by_date(condition: str) -> None:
    from datetime import date

    from routing.deadline import best_deadline

    text = f"{condition} Tuesday, April 13, 2027, we will return the account to the sandbox."
    found = best_deadline(text, date(2027, 3, 30), "ses.sending_review", evidence=True)
    assert found is not None and (found.date, found.act_by) == ("2027-04-13", True)


@pytest.mark.parametrize("body", [
    "Une maintenance d'Amazon Quokka Imaging est prévue en Europe (Irlande).\n\nFenêtre : mardi 16 mars 2027, de "
    "23 h 00 à 3 h 00 (heure de Paris)\n\nPendant la fenêtre, les tâches d'importation peuvent être mises en file "
    "d'attente et reprendront à la fin de la maintenance.",
    "Maintenance of Amazon Quokka Imaging is planned in Europe (Ireland).\n\nWindow: Tuesday, March 16, 2027, 23:00 to "
    "03:00 (Paris time)\n\nDuring the window, import jobs may be queued and resume when the maintenance ends.",
])
def test_a_window_that_holds_the_readers_jobs_in_a_queue_opens_on_its_date(body: str) -> None:
    body += "\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED"
    notice = classify(HEALTH, "Amazon Quokka Imaging maintenance", body, date=_sent("2027-02-25"))
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-16")


@pytest.mark.parametrize(("subject", "body"), [
    ("Alerte de compte : votre moyen de paiement n'a pas pu être vérifié",
     "Le mandat de prélèvement SEPA enregistré pour le compte AWS 413355724610 n'a pas pu être vérifié par votre "
     "banque le 24 février 2027.\n\nMerci de vérifier ce moyen de paiement au plus tard le vendredi 12 mars 2027."),
    ("Alerta de cuenta: su método de pago no se pudo verificar",
     "Su método de pago de la cuenta 413355724610 no se pudo verificar.\n\nVerifíquelo a más tardar el 12 de marzo de "
     "2027."),
])
def test_a_payment_method_not_verified_said_in_the_passive(subject: str, body: str) -> None:
    notice = classify(BILLING, subject, body, date=_sent("2027-02-26"))
    assert notice.notice_type == "billing.payment_method_unverified"


def test_aws_support_that_opened_a_case_on_behalf_of_the_account() -> None:
    body = ("AWS Support has opened case 177203930001 on behalf of your account 413355724610.\n\nThe application "
            "\"quokka-lite\" that your account shares publicly contains a hard-coded token. Please make it private by "
            "February 15, 2027.")
    notice = classify(NO_REPLY, "Case 177203930001 - public application needs your attention", body,
                      date=_sent("2027-02-01"))
    assert (notice.notice_type, notice.deadline) == ("support.case_opened_by_aws", "2027-02-15")


def test_before_that_date_a_table_away_from_its_date() -> None:
    body = ("You have Amazon Quokka distributions in a location that we are consolidating. Starting Thursday, February "
            "18, 2027, requests routed through eu-west-2 will instead be sent to eu-west-1. Your origin may then see "
            "requests from new addresses.\n\nDistribution   Location   Enabled on\n\nE2KQ7Z0RW4NHXB   eu-west-2   "
            "2024-06-03\n\nE1VJ39TTD6PLMA   eu-west-2   2025-09-22\n\nIf your origin restricts inbound traffic by "
            "source address, add the new ranges before that date. No action is needed if your origin accepts all "
            "addresses.")
    notice = classify(HEALTH, "Amazon Quokka location change", body, date=_sent("2027-01-12"))
    assert notice.deadline == "2027-02-18"


def test_a_past_in_what_the_reader_is_asked_to_confirm_is_no_fact() -> None:
    body = ("While reviewing sign-in activity for AWS account 413355724610 we noticed root user sign-ins from new "
            "locations on April 2 and April 4, 2027.\n\nPlease, within 7 days:\n - confirm whether these sign-ins "
            "were yours,\n - change the root password and enable MFA.\n\nIf you do not review the account in that "
            "time, we may restrict some operations.")
    notice = classify("aws-security@amazon.com", "[Action Required] Please review your AWS Account and credentials",
                      body, date=_sent("2027-04-06"))
    assert (notice.notice_type, notice.deadline) == ("security.root_review", "2027-04-13")


def test_a_feature_named_recording_is_no_webinar_recording() -> None:
    body = ("On November 3, 2026, we announced [1] a new charge per configuration item for Amazon Quokka periodic "
            "recording that applies starting January 1, 2027. Your account 413355724610 used periodic recording in "
            "the last 30 days.")
    notice = classify(NO_REPLY, "", body, date=_sent("2026-11-16"))
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-01-01")


def test_the_recording_of_a_webinar_is_still_no_deadline() -> None:
    body = ("Join our webinar on the new Amazon Quokka pricing. The recording of the session will be available from "
            "January 12, 2027.")
    notice = classify("aws-marketing-email-replies@amazon.com", "Amazon Quokka pricing webinar", body,
                      date=_sent("2026-11-16"))
    assert notice.deadline is None


@pytest.mark.parametrize("subject", [
    "[Action Required] Amazon Quokka default domain CA update",
    "[Azione richiesta] Aggiornamento della CA delle API di Amazon Quokka",
    "[Acción requerida] Amazon Quokka: actualización de CA",
    "[Action requise] Amazon Quokka : mise à jour de l'AC",
])
def test_a_ca_named_by_its_abbreviation_in_the_subject_is_a_rotation(subject: str) -> None:
    body = ("Please act before March 29, 2027 to avoid an interruption of clients of Amazon Quokka.\n\nFollowing "
            "industry practice, AWS renews this authority on a regular schedule.\n\n"
            "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT")
    notice = classify(HEALTH, subject, body, date=_sent("2027-01-08"))
    assert notice.notice_type == "health.certificate_rotation"


def test_a_certificate_update_event_code_is_a_rotation() -> None:
    body = ("Update the trust of your remote-write clients by 22/03/2027.\n\n"
            "https://health.aws.amazon.com/health/home#/event-log?eventID=arn:aws:health:eu-south-2::event/QUOKKA/"
            "AWS_QUOKKA_CERTIFICATE_UPDATE/AWS_QUOKKA_CERTIFICATE_UPDATE_0A1B2C3D4E5F")
    notice = classify(HEALTH, "Amazon Quokka", body, date=_sent("2027-02-03"))
    assert notice.notice_type == "health.certificate_rotation"


def test_a_first_stage_for_accounts_that_do_not_use_it_yet() -> None:
    body = ("Your account uses the legacy discovery mode of Amazon Quokka. We are retiring this mode in stages:\n\n"
            "  - As of January 15, 2027, the legacy mode can no longer be enabled in accounts that do not use it "
            "today.\n  - On June 30, 2027, legacy discovery ends; data for your instances stops updating.\n\n"
            "To keep reporting, switch to organization-wide discovery before June 30, 2027.\n\n"
            "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT")
    notice = classify(HEALTH, "Amazon Quokka legacy discovery ends", body, date=_sent("2026-11-30"))
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")


def test_an_account_that_may_be_suspended_in_german() -> None:
    body = ("für Ihr AWS-Konto 413355724610 sind trotz mehrerer Erinnerungen Rechnungen offen.\n\nBitte begleichen "
            "Sie den Betrag binnen 14 Kalendertagen. Geht bis dahin keine Zahlung ein, sperren wir Ihr Konto.\n\n"
            "Der letzte Einzug per SEPA-Lastschrift wurde von Ihrer Bank zurückgegeben.")
    notice = classify(BILLING, "Dringend: Ihr AWS-Konto wird möglicherweise gesperrt", body, date=_sent("2027-01-15"))
    assert notice.notice_type == "billing.suspension_warning"


def test_a_request_that_stays_open_until_a_date() -> None:
    body = ("The management account 532339260001 of organization o-q2p9x7w3qz wants to enable all features and asks "
            "your member account 413355724610 to approve.\n\nTo approve, open AWS Organizations > Invitations: "
            "https://console.aws.amazon.com/organizations/v2/home/invitations\n\nThe request stays open for 90 days, "
            "until February 28, 2027.")
    notice = classify(NO_REPLY, "Request to enable all features in your AWS organization", body,
                      date=_sent("2026-11-30"))
    assert (notice.notice_type, notice.deadline) == ("verification.organizations_invite", "2027-02-28")


def test_a_reserved_instance_listing_sold_is_a_cost_matter() -> None:
    body = ("Part of your Reserved Instance Marketplace listing for account 413355724610 has sold.\n\nInstances sold: "
            "2 x m6i.large\nProceeds: USD 1,118.60, less a 12% service fee\nSale date: March 4, 2027")
    notice = classify(NO_REPLY, "Your Reserved Instance listing has sold", body, date=_sent("2027-03-05"))
    assert (notice.notice_type, notice.deadline) == ("cost.other", None)


def test_the_hardware_under_an_instance_that_is_degrading_retires_it() -> None:
    body = ("EC2 has found that the physical hardware under your Amazon EC2 instance (instance-ID: "
            "i-0a93d5c17e2f40001) in the eu-west-3 region is degrading. The instance will be stopped after "
            "2027-01-28 06:00 UTC.")
    notice = classify(NO_REPLY, "", body, date=_sent("2027-01-14"))
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-01-28")


def test_a_support_case_aws_opened_about_taxes_is_no_abuse_report() -> None:
    body = ("Amazon Web Services has opened case 177630940001 on your behalf concerning the tax registration of "
            "account ********0001. We need a copy of your VAT registration certificate.\n\nPlease upload it in the "
            "Support Center.")
    notice = classify(NO_REPLY, "Amazon Web Services: New Support case: 177630940001 [AWS ID 413355724610]", body,
                      date=_sent("2026-11-19"))
    assert notice.notice_type == "support.case_opened_by_aws"


def test_an_abuse_case_aws_opened_stays_an_abuse_report() -> None:
    body = ("Amazon Web Services has opened case 177630940002 on your behalf. We received a report that your instance "
            "sends spam, which violates the AWS Acceptable Use Policy.")
    notice = classify(NO_REPLY, "Amazon Web Services: New Support case: 177630940002 [AWS ID 413355724610]", body,
                      date=_sent("2026-11-19"))
    assert notice.notice_type == "abuse.report"


def test_a_payment_not_processed_on_an_expired_card_failed() -> None:
    body = ("We tried to charge the February 2027 balance of USD 2,318.40 for account 413355724610 on March 6, 2027, "
            "but the card ending in 4471 expired at the end of February.\n\nWe will try the charge again on March 15, "
            "2027. Add a valid card before then.")
    notice = classify(BILLING, "We couldn't process your AWS payment", body, date=_sent("2027-03-08"))
    assert (notice.notice_type, notice.deadline) == ("billing.payment_failed", "2027-03-15")


def test_a_portuguese_welcome_written_boas_vindas() -> None:
    body = ("Olá,\n\nSua conta da AWS está pronta. Obrigado por escolher a Amazon Web Services.\n\n"
            "ID da conta 413355724610")
    notice = classify("aws-marketing-email-replies@amazon.com", "Boas-vindas à Amazon Web Services", body,
                      date=_sent("2026-12-14"))
    assert notice.notice_type == "onboarding.welcome"


def test_an_italian_familiar_ask_before_that_date_two_sentences_on() -> None:
    body = ("dal 1° marzo 2027 la quota predefinita di richieste per Amazon Quokka Pipes passerà da 1.000 a 500 al "
            "secondo. Il tuo account 413355724610 ha superato 500 richieste al secondo negli ultimi 30 giorni.\n"
            "Se ti serve una quota più alta, richiedi un aumento tramite Service Quotas prima di quella data.")
    notice = classify(HEALTH, "Modifica delle quote predefinite di Amazon Quokka Pipes", body, date=_sent("2027-01-26"))
    assert notice.deadline == "2027-03-01"


@pytest.mark.parametrize("body", [
    "El 2 de marzo de 2027 a las 20:07 (UTC) se eliminó el dispositivo MFA \"llave\" del usuario raíz de la cuenta "
    "413355724610.\n\nSi no reconoces este cambio, cambia la contraseña de inmediato.",
    "Em 2 de março de 2027 às 20:07 (UTC) foi removido o dispositivo MFA \"chave\" do usuário raiz da conta "
    "413355724610.\n\nSe não reconhecer esta alteração, altere a senha imediatamente.",
])
def test_a_localized_past_after_the_date_and_its_time_is_a_fact(body: str) -> None:
    notice = classify(NO_REPLY, "MFA", body, date=_sent("2027-03-02"))
    assert notice.deadline is None
