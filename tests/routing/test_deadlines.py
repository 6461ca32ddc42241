"""Deadlines as a support engineer means them: the date action is needed by, or cost or impact starts.

Phrasings and formats of the issue, relative dates against the mail's Date, and the choice among
several dates (the one tied to the action; the others are not the deadline)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from routing import deadline
from routing.deadline import best_deadline, find_deadline
from routing.patterns import matches_from_starts

MAIL_DATE = date(2025, 4, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Standard support for Kubernetes 1.30 will end on September 1, 2025.", "2025-09-01"),
        ("End of standard support: 1 September 2025", "2025-09-01"),
        ("Please migrate no later than 2025-09-01.", "2025-09-01"),
        ("Rotate the certificates before Sep 1st to avoid connection failures.", "2025-09-01"),
        ("Upgrade by September 1, 2025.", "2025-09-01"),
        ("The update is applied on or after September 1, 2025.", "2025-09-01"),
        ("Starting September 1, 2025, a new charge applies to public IPv4 addresses.", "2025-09-01"),
        ("We will stop your instance after 2025-09-01 09:00 UTC.", "2025-09-01"),
        ("The CA certificate expires on September 1, 2025.", "2025-09-01"),
        ("2025年9月1日までにアップグレードしてください。", "2025-09-01"),
        ("AWS Lambda は 2025年9月1日 に Python 3.9 のサポートを終了します。", "2025-09-01"),
        ("Please respond within 5 days, or your account may be suspended.", "2025-04-12"),
        ("You must act within 14 calendar days.", "2025-04-21"),
        ("Starting 1 February 2026, clusters still on 4.0 are enrolled in Extended Support and billed a fee.",
         "2026-02-01"),  # when extended support starts to cost
        ("Version 1.29 will remain in extended support until 23 March 2026.", None),
        ("Die Standardunterstützung für Kubernetes 1.30 endet am 23. Juli 2025.", "2025-07-23"),
        ("La prise en charge se termine avant le 1er décembre 2025.", "2025-12-01"),
        ("Your Reserved Instance expired on 2025-03-01.", None),  # a fact, not a deadline
        ("The event starts 2025-09-01.", None),  # a date, not a deadline
        ("Version 3.9 was released on October 5, 2020.", None),
        ("", None),
    ],
)
def test_phrasings_and_formats(text: str, expected: str | None) -> None:
    assert find_deadline(text, MAIL_DATE) == expected


def test_end_of_standard_support_beats_the_later_forced_upgrade() -> None:
    text = ("Standard support for Kubernetes version 1.31 in Amazon EKS will end on November 26, 2025.\n"
            "Kubernetes version 1.31 will remain in extended support until November 26, 2026.\n"
            "After November 26, 2026 all clusters running 1.31 will no longer be supported and will be "
            "automatically updated to 1.32.\n")
    found = best_deadline(text, MAIL_DATE)
    assert found is not None and found.date == "2025-11-26"
    assert "will end on November 26, 2025" in found.source


def test_the_date_tied_to_the_action_wins_over_earlier_and_later_facts() -> None:
    text = ("Node.js 16 reached end of life on September 11, 2023. We are ending support for Node.js 16 in "
            "Lambda on June 12, 2025. You will be unable to update functions on October 9, 2025. "
            "Upgrade your functions before June 12, 2025.")
    assert find_deadline(text, MAIL_DATE) == "2025-06-12"


def test_the_recommended_date_before_the_hard_expiry() -> None:
    text = ("The current CA expires on March 5, 2026, requiring updates to all client applications. "
            "We strongly recommend that you complete your updates before February 5, 2026.")
    assert find_deadline(text, MAIL_DATE) == "2026-02-05"


def test_a_date_already_passed_is_not_chosen_over_an_upcoming_one() -> None:
    text = "On March 1, 2025 we announced the change. Update your clients before June 30, 2025."
    assert find_deadline(text, MAIL_DATE) == "2025-06-30"


def test_relative_dates_need_the_mails_date() -> None:
    assert find_deadline("Respond within 5 days.", None) is None


def test_source_is_the_phrase_not_the_whole_mail() -> None:
    found = best_deadline("Hello,\n\nYour Savings Plan will expire on 2025-06-01. Buy a new one.\n", MAIL_DATE)
    assert found is not None
    assert found.date == "2025-06-01" and found.source.endswith("expire on 2025-06-01")
    assert "Hello" not in found.source and len(found.source) <= 160


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the date grammars of AWS's localized templates (the text is not plain ASCII)
        ("El soporte estándar de Elasticsearch 6.x finalizará el 1 de septiembre de 2025.", "2025-09-01"),
        ("Le recomendamos actualizar antes del 1º de septiembre de 2025.", "2025-09-01"),
        ("O suporte padrão do RDS para MySQL 8.0 terminará em 11 de março de 2026.", "2026-03-11"),
        ("Atualize suas instâncias até 1 de setembro de 2025.", "2025-09-01"),
        ("Il supporto standard terminerà il 1 settembre 2025.", "2025-09-01"),
        ("Effettua il pagamento entro il 12 maggio 2026 per evitare la sospensione.", "2026-05-12"),
        ("Wenn die Beträge nicht bis zum 15. März 2026 beglichen werden, wird das Konto geschlossen.", "2026-03-15"),
        ("Votre instance sera arrêtée le 15 mars 2026.", "2026-03-15"),
        ("このインスタンスは 2026年3月11日 に停止されます。", "2026-03-11"),
        ("Lambda 将于 2026年9月1日 终止对 Node.js 18 运行时的支持。", "2026-09-01"),
        ("유지 관리는 2026년 5월 7일 이후 자동으로 적용됩니다.", "2026-05-07"),
        # slash dates: US order in English mail, day first where the first number is over 12 or the
        # mail is localized; a path segment of a link is no date
        ("Migrate your environments before 04/15/2026.", "2026-04-15"),
        ("Migrate your environments before 03/04/2026.", "2026-03-04"),
        ("Migrate your environments before 15/04/2026.", "2026-04-15"),
        ("Actualización: migre sus entornos antes del 03/04/2026.", "2026-04-03"),
        ("Migre sus entornos antes del 15 de abril de 2026.", "2026-04-15"),  # plain ASCII, still Spanish
        ("See https://aws.amazon.com/blogs/aws/04/15/2026/ before you act.", None),
        # day-first dotted dates of localized mail, also in plain-ASCII German
        ("Bitte aktualisieren Sie Ihre Datenbanken bis zum 15.03.2026.", "2026-03-15"),
        ("Veuillez mettre à jour vos clusters d'ici le 15 mars 2026.", "2026-03-15"),
        ("Version 8.0.35 wurde am 1.2.2024 veröffentlicht.", None),
        # a localized past tense makes the date a fact (what happened), not a deadline
        ("El dispositivo MFA de su usuario raíz fue desactivado el 3 de septiembre de 2025.", None),
        ("Le dispositif MFA de l'utilisateur racine a été désactivé le 3 septembre 2025.", None),
        ("Das MFA-Gerät des Root-Benutzers wurde am 3. September 2025 deaktiviert.", None),
        ("Il dispositivo MFA dell'utente root è stato disattivato il 3 settembre 2025.", None),
        ("O dispositivo MFA do usuário raiz foi removido em 3 de setembro de 2025.", None),
        ("ルートユーザーの MFA デバイスは 2025年9月3日 に削除されました。", None),
        ("ルートユーザーのアクセスキーが2025年9月3日に無効化されました。", None),
        # ... while the same words in the future keep their deadline
        ("The legacy MFA method will be deactivated on September 3, 2025.", "2025-09-03"),
        ("Se ha programado un mantenimiento obligatorio para el 3 de septiembre de 2025.", "2025-09-03"),
        ("Se ha desactivado el dispositivo MFA de su cuenta el 3 de septiembre de 2025.", None),
        ("Das Konto wird am 3. September 2025 für die weitere Nutzung gesperrt.", "2025-09-03"),
        ("このアクセスキーは 2025年9月3日 に無効化されます。", "2025-09-03"),
        ("2025年9月3日に終了することが決定しました。", "2025-09-03"),
    ],
)
def test_localized_and_slash_dates(text: str, expected: str | None) -> None:
    assert find_deadline(text, MAIL_DATE) == expected


def test_a_localized_date_already_passed_is_a_fact() -> None:
    text = "El soporte estándar finalizó el 1 de septiembre de 2024. Actualice antes del 1 de octubre de 2025."
    assert find_deadline(text, MAIL_DATE) == "2025-10-01"


def test_english_month_words_inside_localized_words_are_no_dates() -> None:
    # "mar" of "marzo" must not be read as March with the year lost
    assert find_deadline("Actualice antes del 3 de marzo de 2026 á.", MAIL_DATE) == "2026-03-03"
    assert find_deadline("Atualize antes de 3 de maio de 2026 ã.", MAIL_DATE) == "2026-05-03"


# ---------------------------------------------------------------- the fast scans equal the plain ones

_WORDS = ("within", "in", "in the next", "the next", " ", "  ", "\n", "5", "14", "one", "thirty", "days", "day",
          "calendar", "business", "was", "were", "reached", "since", "released", "last updated", "invoice date",
          "billing period", "statement date", "announced", "launched", "wasn't", "swas", "support", "x", ".")
_texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=4)), max_size=30).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(text=_texts)
def test_relative_scan_finds_what_finditer_finds(text: str) -> None:
    lowered = text.lower()
    plain = [(m.start(), m.end()) for m in deadline._RELATIVE.finditer(lowered)]
    fast = [(m.start(), m.end()) for m in matches_from_starts(deadline._RELATIVE, deadline._RELATIVE_AT, lowered)]
    assert fast == plain


_DATE_PIECES = ("2026", "12026", "-", "/", "09", "9", "1", "31", "年", " ", "  ", "\n", ".", ",", "st", "nd", "th",
                "er", "jan", "janu", "mar", "march", "may", "sept", "september", "dec", "decide", "summary", "mayo",
                "x")
_date_texts = st.lists(st.one_of(st.sampled_from(_DATE_PIECES), st.text(alphabet="0123456789-/ .", max_size=4)),
                       max_size=30).map("".join)


def _starts(pattern: re.Pattern[str], text: str) -> list[int]:
    out, pos = [], 0
    while (found := pattern.search(text, pos)) is not None:
        out.append(found.start())
        pos = found.start() + 1
    return out


@settings(max_examples=500, deadline=None)
@given(text=_date_texts)
def test_english_date_scan_finds_what_finditer_finds(text: str) -> None:
    """The literal-led month scan and the factored digit pattern give _DATE's own matches."""
    lowered = text.lower()
    assert [m.span() for m in deadline._english_dates(lowered)] == [m.span() for m in deadline._DATE.finditer(lowered)]
    assert _starts(deadline._DIGIT_AT, lowered) == _starts(deadline._DATE_AT[0], lowered)


@settings(max_examples=400, deadline=None)
@given(text=_texts)
def test_context_needles_never_skip_a_match(text: str) -> None:
    lowered = text.lower()
    for (pattern, _), needles in zip(deadline._CONTEXT, deadline._CONTEXT_NEEDLES, strict=True):
        if needles is not None and pattern.search(lowered):
            assert any(needle in lowered for needle in needles), pattern.pattern


def test_context_needles_are_computed_for_the_past_pattern() -> None:
    """The \\b-led pattern of facts ("was", "released") is the one the pre-check is for."""
    past = [needles for (_, weight), needles in zip(deadline._CONTEXT, deadline._CONTEXT_NEEDLES, strict=True)
            if weight == deadline._PAST]
    assert past and past[0] is not None and "was" in past[0]
    assert best_deadline("The feature was released on June 1, 2030.", date(2030, 1, 1)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Release Date: 2025-04-01, AWS Recommended Apply By Date: 2025-05-02, Auto-Update after Due Date: yes",
         "2025-05-02"),
        ("Responda a través del Centro de soporte en un plazo de 5 días.", "2025-04-12"),
        ("Veuillez répondre dans un délai de 10 jours à compter de ce message.", "2025-04-17"),
        ("Bitte antworten Sie innerhalb von 7 Tagen über das Support Center.", "2025-04-14"),
        ("サポートセンターから 14日以内 にご返信ください。", "2025-04-21"),
        ("Responda no prazo de 7 dias pelo Support Center.", "2025-04-14"),  # localized, plain ASCII
        # "end of support" written with hyphens, as a lead and as what the sentence says
        ("Amazon Neptune engine 1.1 reaches end-of-standard-support on 2025-09-30; plan your upgrade.", "2025-09-30"),
        ("The end-of-support date for the Python 3.9 runtime is June 12, 2025.", "2025-06-12"),
        ("SDK v2 goes end-of-support after 1 July 2025, so move your scripts to v3.", "2025-07-01"),
    ],
)
def test_apply_by_and_localized_relative_dates(text: str, expected: str | None) -> None:
    assert find_deadline(text, MAIL_DATE) == expected


def test_a_row_under_a_start_column_of_a_window_the_paragraph_describes() -> None:
    """The header row in the same block as its rows ("Instance ID  Start (UTC)  End (UTC)"), the window
    described by the paragraph before: the start is the deadline. A start column alone is not."""
    text = ("Your instances require a reboot so that we can apply updates. The reboot is scheduled in the window "
            "below:\n\nInstance ID            Start (UTC)            End (UTC)\n"
            "i-07f1a2b3c4d5e6f70    2025-12-03 06:00       2025-12-03 08:00\n\nRegards")
    assert find_deadline(text, MAIL_DATE) == "2025-12-03"
    assert find_deadline(text.replace("Start (UTC)", "Column (UTC)"), MAIL_DATE) is None
    assert find_deadline("Your report is ready.\n\nName  Start\nx  2025-12-03\n\nRegards", MAIL_DATE) is None


def test_a_time_between_a_cjk_date_and_its_cue() -> None:
    text = "インスタンスは 2026年2月9日 10:00 (UTC) 以降に停止されます。"
    assert find_deadline(text, date(2026, 1, 26)) == "2026-02-09"
    assert find_deadline("维护将于 2026年3月1日 08:00 UTC 开始。", date(2026, 1, 26)) == "2026-03-01"


def test_a_table_row_reads_its_header() -> None:
    text = ("Your instances are scheduled for a reboot.\n\nInstance ID Start time Deadline\n\n"
            "i-0123456789abcdef0 2025-05-04 02:00 UTC 2025-05-11 02:00 UTC\n\nThank you.")
    assert find_deadline(text, MAIL_DATE) == "2025-05-04"
    # a bare date line under a paragraph that says nothing of a deadline stays a date
    assert find_deadline("Thank you for using AWS.\n\n2025-05-04\n\nRegards", MAIL_DATE) is None


# ---------------------------------------------------------------- families of issue 12 item 3 (variants-own8)

OWN8_DATE = date(2026, 8, 3)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # day-month-year with dashes, and the ordinal degree sign of Italian and Spanish mail
        ("Amazon RDS for MySQL 5.7 reaches end of life on 31-Aug-2026.", "2026-08-31"),
        ("Instances will auto-upgrade on 01-Sep-2026 during your maintenance window.", "2026-09-01"),
        ("A partire dal 1° settembre 2026 le istanze passeranno al supporto esteso, con costi aggiuntivi.",
         "2026-09-01"),
        # the "30" of a version number before a month is no day
        ("Standard support ends\n\n1.30 Sep 1st, 2026 Mar 1st, 2027\n\nUpgrade your clusters.", "2026-09-01"),
        # a time between the lead phrase and the date
        ("Rotate the certificates by 23:59 UTC on August 22, 2026.", "2026-08-22"),
        ("Apply the patch no later than 09:00 am on Monday, August 31, 2026.", "2026-08-31"),
        # lead phrases: "you have until", "end of life on", "will be cancelled effective", "<date> onward"
        ("You have until 2026-09-12T23:59:00Z to lower the bounce rate.", "2026-09-12"),
        ("Your subscription will be cancelled effective 2026-09-30.", "2026-09-30"),
        ("From November 3, 2026 onward, tasks that request platform version 1.3.0 fail to launch.", "2026-11-03"),
        ("Python 3.9 reaches its end-of-life date on 2026/09/01.", "2026-09-01"),
        # the other dates of such mail are facts: publication, a period that began
        ("Published: August 3, 2026\n\nUpgrades must be completed before Tuesday, September 1, 2026.", "2026-09-01"),
        ("Sending was paused after the review period that began on August 20, 2026.", None),
        # relative deadlines counted from the notice; business days skip the weekend
        ("If payment is not received no later than 7 days after the date of this notice, your account may be "
         "suspended.", "2026-08-10"),
        ("Please pay the outstanding balance within 10 business days to avoid an interruption.", "2026-08-17"),
        ("Respond within 3 working days.", "2026-08-06"),
        ("Bitte antworten Sie innerhalb von 5 Werktagen, sonst sperren wir die Instanz.", "2026-08-10"),
        ("Responda en un plazo de 10 días hábiles.", "2026-08-17"),
        ("3営業日以内にご対応ください。", "2026-08-06"),
        # a reply window in hours stays a response time (shared samples 18, 49, 50)
        ("Please reply within 24 hours with the action you took.", None),
        # retirement in French, Spanish, Italian, Portuguese wordings ("mise hors service")
        ("Votre instance sera mise hors service le 1er septembre 2026.", "2026-09-01"),
        ("Su instancia quedará fuera de servicio el 1 de septiembre de 2026.", "2026-09-01"),
        ("L'istanza sarà messa fuori servizio il 1° settembre 2026.", "2026-09-01"),
    ],
)
def test_own8_families(text: str, expected: str | None) -> None:
    assert find_deadline(text, OWN8_DATE) == expected


def test_a_field_line_is_read_by_its_own_field() -> None:
    """"Payment due:" is the deadline; the "Invoice date:" line above it makes its own date a fact,
    not every date of the block."""
    text = ("Hello,\n\nInvoice date: Jul 1st, 2026\nAccount: 664455021873\nAmount: USD 90.00\n"
            "Payment due: Jul 31st, 2026\n\nPlease pay by the due date.")
    found = best_deadline(text, date(2026, 7, 9))
    assert found is not None and found.date == "2026-07-31" and found.source.endswith("Payment due: Jul 31st, 2026")
    # the invoice date alone is still no deadline
    assert find_deadline("Invoice date: Jul 1st, 2026\nAccount: 664455021873", date(2026, 6, 1)) is None


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_FORMATS = (
    lambda d: f"{d.day}-{_MONTH_NAMES[d.month - 1][:3]}-{d.year}",
    lambda d: f"{d.day:02d}-{_MONTH_NAMES[d.month - 1][:3]}-{d.year}",
    lambda d: f"{_MONTH_NAMES[d.month - 1][:3]} {d.day}{_ORDINAL.get(d.day, 'th')}, {d.year}",
    lambda d: f"{_WEEKDAYS[d.weekday()]}, {_MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.year}/{d.month:02d}/{d.day:02d}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}T23:59:00Z",
    lambda d: f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}",
)
_LEAD_PHRASES = ("no later than {}", "by 23:59 UTC on {}", "you have until {} to", "before {}",
                 "will be retired on {}", "end of life on {}", "will be cancelled effective {}")


@settings(max_examples=300, deadline=None)
@given(when=st.dates(min_value=date(2026, 8, 4), max_value=date(2099, 12, 31)),
       form=st.sampled_from(_FORMATS), lead=st.sampled_from(_LEAD_PHRASES))
def test_every_date_form_after_every_lead_phrase(when: date, form: object, lead: str) -> None:
    """The grammar of the date forms: any date, written in any of them after any deadline phrase, is read."""
    assert callable(form)
    text = f"Hello,\n\nPlease act: your resources {lead.format(form(when))}.\n\nThank you."
    assert find_deadline(text, OWN8_DATE) == when.isoformat()


@settings(max_examples=300, deadline=None)
@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2090, 1, 1)), days=st.integers(1, 60))
def test_business_days_land_on_a_weekday_after_that_many_weekdays(start: date, days: int) -> None:
    end = deadline._add_business_days(start, days)
    weekdays = sum(1 for offset in range(1, (end - start).days + 1)
                   if date.fromordinal(start.toordinal() + offset).weekday() < 5)
    assert end.weekday() < 5 and weekdays == days


_AFTER_WORDS = ("7", "10", "one", "days", "day", "business", "calendar", "after", "from", "of", "the date of this",
                "notice", "receiving", "receipt", "this message", " ", "x", ".")


@settings(max_examples=400, deadline=None)
@example(text="no later than 7 business days after the date of this notice")
@given(text=st.lists(st.one_of(st.sampled_from(_AFTER_WORDS), st.text(max_size=3)), max_size=20).map(" ".join))
def test_the_cues_of_days_after_never_skip_a_match(text: str) -> None:
    lowered = text.lower()
    if deadline._RELATIVE_AFTER.search(lowered):
        assert " day" in lowered
        assert any(cue in lowered for cue in deadline._RELATIVE_AFTER_CUES)


@settings(max_examples=400, deadline=None)
@example(text="avant le 1er mars")
@given(text=st.lists(st.one_of(st.sampled_from((" de ", "del", "el", " il ", "le", "zum", "von", " ", "x")),
                               st.text(max_size=3)), max_size=20).map("".join))
def test_the_ascii_cue_search_equals_the_literal_tests(text: str) -> None:
    assert (deadline._ASCII_CUE.search(text) is not None) == any(cue in text for cue in deadline._ASCII_CUES)


_MONTH_END_PIECES = ("end of", "the end of", "last day of", "el último día de", "el ultimo dia de", "o último dia de",
                     "a fin de", "al final de", "o fim de", "fin de", "fin", "fine", "fine di", "ende",
                     "letzten tag im", "l'ultimo giorno di", "l.ultimo giorno di", "dernier jour de", "finales de",
                     "march", "marzo", "mars", "märz", "2027", " ", ",", " de ", " of ", "x", "\n", "fi", "ú")


@settings(max_examples=600, deadline=None)
@example(text="al final de marzo de 2027, el último día de marzo 2027 and the end of march 2027")
@given(text=st.lists(st.one_of(st.sampled_from(_MONTH_END_PIECES), st.text(max_size=3)), max_size=24).map("".join))
def test_the_month_end_matches_tried_at_their_anchors_are_those_of_a_full_scan(text: str) -> None:
    lowered = text.lower()
    assert [m.span() for m in deadline._month_end_matches(lowered)] == \
        [m.span() for m in deadline._MONTH_END.finditer(lowered)]


# issue 12 item 3: the deadline families of the examiners' unseen7 / unseen6-heldout misses, in our own
# wordings (tests/fixtures/notices/variants-own11 holds whole mails of each family)
TABLE_DATE = date(2026, 7, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an HTML table's cells arrive joined: each date of the row takes its column's meaning
        ("Your Savings Plans end soon.\n\nPlan IDBoughtPurchasedEnds on\n\nsp-1 2025-08-02 2026-08-02\n\nThanks",
         None),  # no deadline column ("ends on" is no header word here): the row says nothing
        ("Your reservations are ending.\n\nReservationPurchasedExpiration date\n\nr-9 2023-08-20 2026-08-20\n\nBye",
         "2026-08-20"),
        ("Fatura emitida.\n\nNúmeroEmissãoVencimentoValor\n\nNF-22 01/07/2026 15/07/2026 R$ 10,00\n\nObrigado",
         "2026-07-15"),
        ("New patches are ready.\n\nNodeRelease dateApply by\n\nn-1 2026-06-20 2026-07-25\n\nThanks", "2026-07-25"),
        ("Domains that need a change.\n\nDomainPolicyChange required by\n\nwww.example.com TLS_1_0 Aug 4, 2026\n\nOK",
         "2026-08-04"),
        # a start column is the deadline when the paragraph before says what the window is for (apply it
        # yourself before it), not under a bare report
        ("The patch is applied automatically in the windows below; you can apply it yourself before.\n\n"
         "NodeScheduled startScheduled end\n\nn-1 2026-07-09T01:00:00Z 2026-07-09T03:00:00Z\n\nThanks", "2026-07-09"),
        ("Your usage report.\n\nNodeScheduled startScheduled end\n\nn-1 2026-07-09T01:00:00Z 2026-07-09T03:00:00Z"
         "\n\nThanks", None),
        # a sentence is no header: its words do not make the next line's date a deadline
        ("This is due to a change. We expire old keys.\n\nkey-1 2026-07-30\n\nThanks", None),
    ],
)
def test_a_table_row_takes_its_columns_meaning(text: str, expected: str | None) -> None:
    assert find_deadline(text, TABLE_DATE) == expected


def test_a_number_before_a_month_day_year_date_is_not_its_day() -> None:
    """"TLS_1_0 Sep 15, 2026", "4 Oct 3, 2026": the number before is a table cell, the date is Sep 15."""
    assert [m.group(0) for m in deadline._dates("tls_1_0 sep 15, 2026")] == ["sep 15, 2026"]
    assert [m.group(0) for m in deadline._dates("count 4 oct 3, 2026 x")] == ["oct 3, 2026"]
    assert [m.group(0) for m in deadline._dates("on 1 sep 2026 and 30 june 15:00")] == ["1 sep 2026", "30 june"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change that a date makes effective, saying what changes
        ("Effective 12 October 2026, the legacy endpoint will only accept signed requests.", "2026-10-12"),
        ("Starting Nov 2, 2026, calls to the v1 API will be rejected.", "2026-11-02"),
        ("As of 2026-09-01, traffic will be routed to the new fleet.", "2026-09-01"),
        ("Effective 12 October 2026, our new office address is 1 Main St.", None),  # nothing the reader meets
        # a removal on a date (own11-heldout's one miss, as a family)
        ("Amazon Foo will remove the legacy console on 2026-09-09.", "2026-09-09"),
        ("The v1 dashboards are scheduled for removal on Sep 9, 2026.", "2026-09-09"),
        # an auto-renewal on a date
        ("Your plan is set to auto-renew on 2026-11-03 for twelve months.", "2026-11-03"),
        ("Your contract renews automatically on December 9, 2026.", "2026-12-09"),
        ("Votre contrat sera renouvelé automatiquement le 9 décembre 2026.", "2026-12-09"),
        ("Ihr Vertrag verlängert sich automatisch am 9. Dezember 2026.", "2026-12-09"),
        # an invoice's due date in other words and languages
        ("This bill is payable on or before 2026-08-05.", "2026-08-05"),
        ("Rechnungsdatum: 1.7.2026\nFällig am: 31.7.2026\n\nDanke.", "2026-07-31"),
        ("Fecha de emisión: 01/07/2026\nFecha de vencimiento: 31/07/2026", "2026-07-31"),
        # extended support that starts to cost on a date, localized charge words
        ("A partir del 1 de octubre de 2026 se cobrarán cargos de Extended Support por vCPU.", "2026-10-01"),
        ("A partir de 1 de outubro de 2026, aplicam-se cobranças do Extended Support.", "2026-10-01"),
    ],
)
def test_deadline_families_of_unseen7(text: str, expected: str | None) -> None:
    assert find_deadline(text, TABLE_DATE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past event in Korean and Chinese (as the Japanese に…されました): what happened, no deadline
        ("계정의 루트 사용자 액세스 키가 2026년 7월 3일에 삭제되었습니다.", None),
        ("루트 사용자 암호가 2026년 7월 3일에 변경됐습니다.", None),
        ("您的根用户访问密钥已于 2026年7月3日删除。", None),
        ("根用户密码已在 2026年7月3日更改。", None),
        # ... while a date the reader must act by keeps its deadline in the same languages
        ("2026년 7월 20일까지 결제 수단을 업데이트하십시오.", "2026-07-20"),
        ("请于 2026年7月20日 之前更新付款方式。", "2026-07-20"),
        # a service's end of service is its end of support
        ("The Amazon Foo service reaches its end of service on 2026-07-15.", "2026-07-15"),
    ],
)
def test_deadline_families_of_unseen8(text: str, expected: str | None) -> None:
    assert find_deadline(text, TABLE_DATE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date that picks which resources ("tasks started before ...") is no deadline; the retirement is
        ("Workers started before 2026-08-03 are scheduled for retirement. Retirement of these workers begins on "
         "2026-08-24.", "2026-08-24"),
        ("Jobs started after Mon, 03 Aug 2026 10:00 GMT are not affected by the retirement; the others will be "
         "retired on 2026-08-24.", "2026-08-24"),
        # a fact in an earlier clause ("has released") does not make the date of what "will" happen a fact
        ("AWS Foo has released a new runtime and will begin to retire old workers starting at Mon, 24 Aug "
         "2026 10:00 GMT.", "2026-08-24"),
        # a table whose header names a retirement column beside a notice date (a fact)
        ("Our hosts are degraded.\n\nResource Notice date Retirement date\n\nr-1 2026-07-01 Monday, August 24, "
         "2026\n\nAct before then.", "2026-08-24"),
        # a deletion or closure on a date, localized
        ("Der Schlüssel wird am 24. August 2026 endgültig gelöscht.", "2026-08-24"),
        ("O Amazon Foo será encerrado em 24 de agosto de 2026.", "2026-08-24"),
        ("Il servizio resterà disponibile fino al 24 agosto 2026.", "2026-08-24"),
        # a Japanese change "from" a date (より)
        ("2026年8月24日 より、既定の設定が変更されます。", "2026-08-24"),
    ],
)
def test_deadline_families_of_unseen9(text: str, expected: str | None) -> None:
    assert find_deadline(text, TABLE_DATE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a key set for deletion on a date ("scheduled for deletion on", "pending deletion", "permanently deleted on")
        ("The Foo key is scheduled for deletion on 2026-08-24. You can cancel it until then.", "2026-08-24"),
        ("Your Foo authority will be permanently deleted on August 24, 2026.", "2026-08-24"),
        # a closure: the later shutdown, not the earlier date only new accounts or projects lose (en, pt)
        ("Amazon Foo will end support on 2027-01-31. Starting 2026-08-24 new accounts can no longer be created.",
         "2027-01-31"),
        ("O Foo deixará de estar disponível em 31 de janeiro de 2027. A partir de 24 de agosto de 2026 não será "
         "mais possível criar novos projetos.", "2027-01-31"),
        # a default or a limit lowered from a date: a sentence led by "From", a limit that a dated change reduces
        ("From 2026-08-24, the default quota of Foo rules will be lowered.", "2026-08-24"),
        ("Effective 2026-08-24, AWS Foo will reduce the maximum number of rules per set.", "2026-08-24"),
        # a localized "within N days" ("em até 10 dias")
        ("Efetue o pagamento em até 10 dias para evitar a suspensão.", "2026-07-11"),
    ],
)
def test_deadline_families_of_unseen10(text: str, expected: str | None) -> None:
    assert find_deadline(text, TABLE_DATE) == expected
