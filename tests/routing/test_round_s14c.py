"""Session 14's third round, after the first run of unseen45/46, in our own words (none of these sentences is in a
fixture): a rule that changes on a date ("must", "will block", its localized forms) is a policy change whose date
is its deadline unless the mail says no action is needed; an SES set-up said complete without "successfully"; a
"Scheduled deletion" field and a reply asked before it; a date written 15/abr/2027; an imperative with its pronoun
("Envie-nos", "Envíenos", "Ci invii"); "nothing you need to do" voids a date the reader would act by."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"


def test_a_policy_that_must_hold_from_a_date() -> None:
    body = ("Hello,\n\nAmazon S3 is changing how bucket policies are evaluated for cross-account access points. "
            "Beginning May 3, 2027, a bucket policy must name every access point account it trusts. Account "
            "551209387712 has buckets that rely on the old behavior.\n")
    notice = classify(GENERAL, "Change to Amazon S3 bucket policy evaluation", body)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-05-03"


def test_what_carriers_will_block_from_a_date_across_a_line_break() -> None:
    body = ("Hello,\n\nUS carriers require every short code that sends SMS to be re-registered. Starting\n"
            "May 3, 2027, carriers will block messages from short codes that are not re-registered. Account "
            "551209387713.\n")
    notice = classify(GENERAL, "[Action required] Re-register your short codes", body)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-05-03"


@pytest.mark.parametrize("sentence", [
    "A partir del 3 de mayo de 2027, los operadores bloquearán los mensajes de códigos cortos sin registro.",
    "A partir de 3 de maio de 2027, as operadoras bloquearão as mensagens de códigos curtos sem registro.",
    "À partir du 3 mai 2027, les opérateurs bloqueront les messages des codes courts non enregistrés.",
    "A partire dal 3 maggio 2027, gli operatori bloccheranno i messaggi dei codici brevi non registrati.",
    "Ab dem 3. Mai 2027 werden Nachrichten von nicht registrierten Kurzwahlnummern blockiert.",
    "2027年5月3日以降、登録されていない短縮コードからのメッセージはブロックされます。",
    "自2027年5月3日起，来自未注册短代码的消息将被阻止。",
    "2027년 5월 3일부터 등록되지 않은 단축 코드의 메시지가 차단됩니다.",
])
def test_what_will_be_blocked_from_a_date_in_other_languages(sentence: str) -> None:
    notice = classify(GENERAL, None, f"AWS 551209387714\n\n{sentence}\n")
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-05-03"


def test_a_policy_change_that_needs_no_action_has_no_deadline() -> None:
    body = ("Hello,\n\nStarting May 3, 2027, AWS will require TLS 1.3 on the new widget endpoint. No action is "
            "required: your SDKs already negotiate it. If you pin cipher suites, review them before May 3, 2027.\n")
    notice = classify(GENERAL, "Upcoming change to the widget endpoint", body)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


@pytest.mark.parametrize("sentence", [
    "A configuração do Easy DKIM para o domínio exemplo.com.br foi concluída.",
    "La configuración de Easy DKIM para el dominio ejemplo.es se ha completado.",
    "La configuration d'Easy DKIM pour le domaine exemple.fr est terminée.",
    "La configurazione di Easy DKIM per il dominio esempio.it è stata completata.",
    "Die Einrichtung von Easy DKIM für die Domäne beispiel.de ist abgeschlossen.",
])
def test_an_ses_set_up_said_complete_without_successfully(sentence: str) -> None:
    notice = classify(GENERAL, None, f"Amazon SES\n\n{sentence}\n\nAWS 551209387715\n")
    assert notice.notice_type == "ses.identity_verified"


def test_a_scheduled_deletion_field_and_a_reply_asked_before_it() -> None:
    body = ("Amazon Web Services has opened case 177834501200999 on your behalf.\n\nThe Widget Lake instance wl-1a2b "
            "in account 551209387716 has been idle for 200 days.\n\n  Last activity:        2026-09-02T08:14:00Z\n"
            "  Scheduled deletion:   2027-01-15T23:59:59Z\n\nTo keep it, reply to this case before the scheduled "
            "deletion time.\n")
    notice = classify(GENERAL, "Amazon Web Services: New Support case: 177834501200999", body)
    assert notice.deadline == "2027-01-15"


def test_a_date_written_with_slashes_and_a_month_name() -> None:
    body = ("Hola:\n\nSu cuenta de AWS que termina en ********7716 tiene un saldo vencido de USD 310,00. Si no "
            "recibimos el pago antes del 15/ene/2027, suspenderemos su cuenta.\n")
    notice = classify("aws-billing@amazon.com", "Su cuenta de AWS podría ser suspendida", body)
    assert notice.deadline == "2027-01-15"


@pytest.mark.parametrize("sentence", [
    "Envie-nos os registos até sexta-feira, 11 de dezembro de 2026.",
    "Envíenos los registros antes del 11 de diciembre de 2026.",
    "Ci invii i log entro l'11 dicembre 2026.",
])
def test_an_imperative_with_its_pronoun_asks_by_the_date(sentence: str) -> None:
    body = (f"Olá / Hola / Salve,\n\nCaso 176610093346, conta 551209387717.\n\n{sentence}\n\nAmazon Web Services\n")
    notice = classify(GENERAL, "RE: [CASE 176610093346] Widget Relay", body)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline == "2026-12-11"


def test_nothing_you_need_to_do_voids_a_by_date() -> None:
    body = ("Hello,\n\nThank you for your patience. The missing recommendations should appear by December 11, 2026; "
            "there is nothing you need to do on your side. Please reply if they do not.\n\nAmazon Web Services\n")
    notice = classify(GENERAL, "RE: [CASE 176610093347] Widget Optimizer", body)
    assert notice.deadline is None
