"""Deadline and account-id round on the batches unseen23/unseen24 (issue 12, items 3 and 4): routing/deadline.py,
routing/dateroles.py, routing/identifiers.py and routing/htmltables.py.

Our own wordings (not those of any fixture set), one family each, in the 9 languages where the family has a form
there: a date without a year that opens a range whose second date has one (its year, not the next such date after
the mail's), a year-first dotted date ("2027. 4. 9."), what was done or sent on a date with a time between the date
and its verb (a fact), the end of a review period named by a table's column header (a fact beside it: when it was
measured, when it started), a maintenance window dated as a range (its start is when the impact starts), the
"AWS ID" label of a subject, an account named only in the HTML part's prose, and the management account of the
organization the reader created. And the account-id pre-check of routing/classify.py (ids grouped by no-break
spaces)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from routing import classify
from routing import identifiers as ids
from routing.deadline import MAINTENANCE, best_deadline, evidenced, find_deadline
from routing.identifiers import extract_identifiers, with_table_accounts
from tests.routing.mailbuild import classify as classify_built
from tests.routing.test_identifier_gates import _covered, _parser

MAIL_DATE = date(2027, 3, 14)


@pytest.mark.parametrize("text", [
    "Between March 10 and March 12, 2027, an access key of this account created fleets in Regions it had not used, "
    "which may require action. Please reply within 7 days of the date of this message.",
    "From March 10 to March 12, 2027 we saw sign-ins that require action from unknown networks. Please contact us "
    "within 7 days.",
    "Zwischen dem 10. März und dem 12. März 2027 hat ein Zugriffsschlüssel Ressourcen erstellt, die wir stoppen "
    "müssen. Bitte antworten Sie innerhalb von 7 Tagen.",
    "Entre le 10 mars et le 12 mars 2027, une clé d'accès a créé des ressources que nous pourrions arrêter. Veuillez "
    "répondre dans un délai de 7 jours.",
    "Entre el 10 de marzo y el 12 de marzo de 2027, una clave de acceso creó recursos que podríamos detener. Responda "
    "en un plazo de 7 días.",
    "Entre 10 de março e 12 de março de 2027, uma chave de acesso criou recursos que podemos interromper. Responda no "
    "prazo de 7 dias.",
    "Tra il 10 marzo e il 12 marzo 2027 una chiave di accesso ha creato risorse che potremmo arrestare. Risponda "
    "entro 7 giorni.",
])
def test_a_range_without_its_first_year_is_in_the_second_dates_year(text: str) -> None:
    # ("March 10" was read as 2028-03-10, the next March 10 after the mail; the range is this year's, already
    # passed: the reply is due seven days after the mail)
    assert find_deadline(text, date(2027, 3, 14), "security.suspicious_activity") == "2027-03-21"


def test_a_range_across_the_new_year() -> None:
    text = "The test window runs from December 29 to January 4, 2028; migrate your clients before it opens."
    assert find_deadline(text, date(2027, 12, 1), "health.other") == "2027-12-29"


@pytest.mark.parametrize(("text", "notice_type", "want"), [
    ("납부 기한: 2027. 4. 20.(화)\n\n기한까지 납부되지 않으면 계정이 정지될 수 있습니다.", "billing.suspension_warning",
     "2027-04-20"),
    ("새 인증서를 신뢰 저장소에 추가해 주십시오. 이 작업은 2027. 4. 2.(금)까지 완료해 주십시오.",
     "health.certificate_rotation", "2027-04-02"),
    ("请在 2027.04.20 之前完成付款，否则您的账户可能会被暂停。", "billing.suspension_warning", "2027-04-20"),
    ("お支払期限: 2027.4.20\n\n期限までにお支払いがない場合、アカウントが停止されることがあります。",
     "billing.suspension_warning", "2027-04-20"),
])
def test_year_first_dotted_dates(text: str, notice_type: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE, notice_type) == want


@pytest.mark.parametrize("text", [
    # what was done on the mail's own date, a time and its zone between the date and the verb
    "ルートユーザーの MFA デバイスが 2027年3月14日 09:05 (JST) に削除されました。"
    "心当たりがない場合は、サポートにご連絡ください。",
    "루트 사용자의 MFA 디바이스가 2027년 3월 14일 09:05 (KST)에 삭제되었습니다. "
    "본인이 아니라면 지원 팀에 문의해 주세요.",
    "根用户的 MFA 设备已于 2027年3月14日 09:05 (UTC+8) 删除。如果不是您本人操作，请联系支持团队。",
    "The MFA device of the root user was removed on March 14, 2027 at 09:05 UTC. If this was not you, contact us.",
])
def test_a_fact_with_a_time_between_is_no_deadline(text: str) -> None:
    assert find_deadline(text, MAIL_DATE, "credentials.mfa_deactivated") is None


@pytest.mark.parametrize("text", [
    # a reminder: when the first notice was sent (already passed), and a reply window in hours
    "2027年3月9日 に最初のご案内をお送りしています。48 時間以内にご返信ください。",
    "2027년 3월 9일에 첫 번째 안내를 보내 드렸습니다. 48시간 이내에 회신해 주십시오.",
    "我们已于 2027年3月9日 发送了第一份通知。请在 48 小时内回复。",
    "We sent you the first notice about this on March 9, 2027. Please reply within 48 hours.",
    "Wir haben Ihnen den ersten Hinweis am 9. März 2027 gesendet. Bitte antworten Sie innerhalb von 48 Stunden.",
    "Nous vous avons envoyé le premier avis le 9 mars 2027. Veuillez répondre sous 48 heures.",
    "Le enviamos el primer aviso el 9 de marzo de 2027. Responda en un plazo de 48 horas.",
    "Enviamos o primeiro aviso em 9 de março de 2027. Responda em até 48 horas.",
    "Le abbiamo inviato il primo avviso il 9 marzo 2027. Risponda entro 48 ore.",
])
def test_when_a_first_notice_was_sent_is_no_deadline(text: str) -> None:
    # (the reply window of two days is the deadline since session 18, as the blind batches label it: not the first
    # notice's date)
    assert find_deadline(text, MAIL_DATE, "abuse.report") == (MAIL_DATE + timedelta(days=2)).isoformat()


@pytest.mark.parametrize("text", [
    # a table whose first column labels its rows (its cells joined as the HTML part's text gives them)
    "Your account is under review.\n\nMeasured onReview startedReview period ends\n\nDate 2027-03-12 2027-03-14 "
    "2027-04-13\n\nFix the cause before the review period ends.",
    "Ihr Konto wird überprüft.\n\nGemessen amPrüfung begonnenEnde des Prüfzeitraums\n\nDatum 2027-03-12 2027-03-14 "
    "2027-04-13",
    "Votre compte est en cours d'examen.\n\nMesuré leExamen commencé leFin de la période d'examen\n\nDate 2027-03-12 "
    "2027-03-14 2027-04-13",
    "Su cuenta está en revisión.\n\nMedido elRevisión iniciadaFin del período de revisión\n\nFecha 2027-03-12 "
    "2027-03-14 2027-04-13",
    "Sua conta está em análise.\n\nMedido emAnálise iniciadaFim do período de análise\n\nData 2027-03-12 2027-03-14 "
    "2027-04-13",
    "Il tuo account è in revisione.\n\nMisurato ilRevisione iniziataFine del periodo di revisione\n\nData 2027-03-12 "
    "2027-03-14 2027-04-13",
    "アカウントは審査中です。\n\n測定日審査期間終了\n\n日付 2027-03-12 2027-04-13",
    "您的账户正在审核中。\n\n测量日期审核期结束\n\n日期 2027-03-12 2027-04-13",
    "계정이 검토 중입니다.\n\n측정일검토 기간 종료\n\n날짜 2027-03-12 2027-04-13",
])
def test_a_review_period_end_column(text: str) -> None:
    assert find_deadline(text, MAIL_DATE, "ses.sending_review") == "2027-04-13"


@pytest.mark.parametrize(("text", "want"), [
    # a maintenance window dated as a range of two dates: its start, though no restart is named
    ("The maintenance window of cluster reports-2 runs from April 6, 2027 to April 8, 2027.", "2027-04-06"),
    ("Maintenance window: 2027-04-06 03:00 - 2027-04-08 03:00 UTC", "2027-04-06"),
    ("Das Wartungsfenster für den Cluster reports-2 dauert vom 06.04.2027 bis 08.04.2027.", "2027-04-06"),
    ("La fenêtre de maintenance du cluster reports-2 s'étend du 6 avril 2027 au 8 avril 2027.", "2027-04-06"),
    ("La ventana de mantenimiento del clúster reports-2 va del 6 de abril de 2027 al 8 de abril de 2027.",
     "2027-04-06"),
    ("Janela de manutenção: 6 de abril de 2027 a 8 de abril de 2027 (cluster reports-2).", "2027-04-06"),
    ("La finestra di manutenzione del cluster reports-2 va dal 6 aprile 2027 all'8 aprile 2027.", "2027-04-06"),
    ("メンテナンス期間: 2027年4月6日 03:00 から 2027年4月8日 03:00 (UTC)", "2027-04-06"),
    ("维护窗口：2027年4月6日 03:00 至 2027年4月8日 03:00 (UTC)", "2027-04-06"),
    ("유지 관리 기간: 2027년 4월 6일 03:00 ~ 2027년 4월 8일 03:00 (UTC)", "2027-04-06"),
])
def test_a_maintenance_window_dated_as_a_range(text: str, want: str) -> None:
    found = best_deadline(text, MAIL_DATE, MAINTENANCE, True)
    assert found is not None and found.date == want and evidenced(found, MAINTENANCE)


@pytest.mark.parametrize("text", [
    # one day, a time range: no window start taken (no restart, no range of dates)
    "Janela: 06/04/2027, 03:00-05:00 UTC. O cluster pode ficar indisponível por alguns minutos.",
    # a range the mail says needs nothing of the reader
    "The maintenance from April 6, 2027 to April 8, 2027 was cancelled. We will tell you when it is rescheduled.",
    "La maintenance prévue du 6 avril 2027 au 8 avril 2027 a été annulée.",
])
def test_maintenance_without_a_window_start(text: str) -> None:
    found = best_deadline(text, MAIL_DATE, MAINTENANCE, True)
    assert found is None or not evidenced(found, MAINTENANCE)


@pytest.mark.parametrize("subject", [
    "Your AWS Abuse Report [7712093-1] - AWS ID: 3120 4471 9985",
    "Informe de abuso de AWS [7712093-1] - ID de AWS: 312044719985",
    "Rapport d'abus AWS [7712093-1] - ID AWS : 312044719985",
])
def test_the_aws_id_label_of_a_subject(subject: str) -> None:
    notice = classify_built("abuse@amazonaws.com", subject, "We received a report about your instance. Please reply.")
    assert notice.aws_account_id == "312044719985"


_HTML = ("<html><body><p>Hello,</p><p>The root user of AWS account {id} still has an active access key.</p>"
         "<table><tr><th>Access key</th><th>Created</th></tr><tr><td>AKIA****7Q2P</td><td>2020-01-02</td></tr>"
         "</table></body></html>")


@pytest.mark.parametrize(("html", "want"), [
    (_HTML.format(id="6120-4471-9985"), "612044719985"),
    (_HTML.format(id="6120\u00a04471\u00a09985"), "612044719985"),
    (_HTML.format(id="6120&nbsp;4471&nbsp;9985"), "612044719985"),
    (_HTML.replace("AWS account {id}", "Konto {id}").format(id="612044719985"), "612044719985"),
    # another account's, named in the HTML part only: never the recipient's
    (_HTML.replace("AWS account {id}", "the management account {id}").format(id="612044719985"), None),
])
def test_an_account_named_only_in_the_html_parts_prose(html: str, want: str | None) -> None:
    text = "The root user of your AWS account still has an active access key. The HTML version lists the key."
    extracted = with_table_accounts(extract_identifiers("Root access key", text), html)
    assert extracted.aws_account_id == want


def test_the_text_parts_account_stays() -> None:
    text = "The root user of AWS account 700011112222 still has an active access key."
    extracted = with_table_accounts(extract_identifiers("Root access key", text), _HTML.format(id="612044719985"))
    assert extracted.aws_account_id == "700011112222"


@pytest.mark.parametrize("text", [
    "You created an organization whose management account is 2291 4403 8877. Verify this email address.",
    "Vous avez créé une organisation AWS dont le compte de gestion est 229144038877. Vérifiez cette adresse.",
    "Ha creado una organización cuya cuenta de administración es 229144038877. Verifique esta dirección.",
    "Você criou uma organização cuja conta de gerenciamento é 229144038877. Verifique este endereço.",
    "Hai creato un'organizzazione il cui account di gestione è 229144038877. Verifica questo indirizzo.",
    "Sie haben eine Organisation erstellt, deren Verwaltungskonto 229144038877 ist. Bestätigen Sie die Adresse.",
    "お客様が作成した組織の管理アカウントは 229144038877 です。メールアドレスを確認してください。",
    "您创建的组织的管理账户为 229144038877。请验证此电子邮件地址。",
    "귀하가 생성한 조직의 관리 계정은 229144038877 입니다. 이메일 주소를 확인해 주십시오.",
])
def test_the_management_account_of_the_organization_the_reader_created(text: str) -> None:
    assert extract_identifiers("", text).aws_account_id == "229144038877"


def test_an_inviting_organizations_management_account_stays_another() -> None:
    text = "You have been invited to join an organization whose management account is 229144038877."
    assert extract_identifiers("", text).aws_account_id is None


def test_the_created_organizations_gate_hides_no_match() -> None:
    # every match of the pattern holds one of its needles (the gate test of routing/identifiers.py's other patterns)
    gated = ids._OWN_CREATED
    assert gated.needles is not None
    assert _covered(list(_parser.parse(gated.pattern.pattern, gated.pattern.flags)), gated.needles)


@pytest.mark.parametrize("written", ["2085\u00a06613\u00a09047", "208\u202f566\u202f139\u202f047"])
def test_the_id_pre_check_accepts_no_break_space_groups(written: str) -> None:
    assert classify._ID_DIGITS.fullmatch(written) is not None
