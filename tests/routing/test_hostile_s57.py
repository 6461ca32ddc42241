"""Session 57's new patterns on hostile input. Every gap they leave between two literals is bounded (no ``.*``,
``[^…]*`` or ``[^…]+`` that may run over a whole body), and mails made of their cues among long runs of blanks, or
repeated many times, still read as the mails they imitate. Nothing here is timed (test_hostile_complexity's rule);
bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing import deadline, identifiers
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

JAN_20 = format_datetime(datetime.fromisoformat("2027-01-20T09:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
#: a literal of each pattern session 57 added to the rules
NEW_LITERALS = (
    "which (?:was|has been|is|remains|is still) (?:temporarily )?suspended",
    "(?:即将|将于[^。\\n]{0,20})(?:到期|过期)的", "(?:凭证授权单位|证书颁发机构|CA ?(?:证书|凭证))[^。\\n]{0,30}?",
    "(?:認証局|認証機関|CA ?証明書)[^。\\n]{0,30}?", "(?:인증 기관|CA ?인증서)[^.\\n]{0,30}?",
    "per (?:il )?(?:tuo|vostro|suo) account", "(?:aperto da|abierto por|aberto pela|ouvert par|eröffnet von)",
    "von (?:AWS|Amazon Web Services) (?:eröffnete", "required (?:security )?service updates? for",
    "scheduled to receive (?:a |an |the )?", "\\bTLS ?v?1\\.[01]\\b[^.\\n]{0,60}?", "TLS ?v?1\\.[01][^。\\n]{0,40}?",
    "(?:结束|终止|停止)对[^。；;\\n]{0,40}?的支[持援]", "停用[^。；;\\n]{0,30}?(?:节点类型",
    "(?:节点类型|实例类型|实例系列|实例族)[^。；;\\n]{0,20}?",
    "\\bwe (?:have )?suspended (?:your |the )?(?:AWS )?account",
    "(?:^|[.!?:;][^\\S\\n]*+(?:\\n[^\\S\\n]*+)*+|\\n[^\\S\\n]*+)", "アカウント[^。\\n]{0,60}?(?:引き続き|現在も)",
    "(?:仍|仍然|依然|目前仍)(?:处于|處於)", "계정(?:[^.\\n]|(?<=\\d)\\.(?=\\d)){0,60}?",
    "\\bclaves? de acceso\\b[^.\\n]{0,120}?", "(?:访问|存取|API ?)(?:密钥|金钥)[^。\\n]{0,60}?",
    "(?:公共|公开)[^。\\n]{0,10}?", "(?:found|committed|uploaded|appeared|discovered|spotted|detected|seen)",
    "account.s )?(?:ability", "\\bno (?:further )?steps? (?:is |are |will be )?",
    "\\bcase opened (?:on your behalf", "for (?:AWS )?account|about|regarding",
)
#: the alternatives session 57 added to the Python patterns, each in the pattern named beside it
NEW_FRAGMENTS = (
    (identifiers._ACCOUNT_TIERS[1].pattern, "|\\b(?:su|tu)\\s+ID\\s+de\\s+cuenta(?:\\s+de\\s+AWS)?"),
    (identifiers._OWNER_FIELD_L10N, "|\\bconta\\s+(?:propriet[áa]ria|do\\s+propriet[áa]rio)"),
    (deadline._RELATIVE_FOREIGN, "entro(?: i prossimi)?"),
    (deadline._RELATIVE_FOREIGN, "\\)?\\s+(?:prochains\\s+)?"),
    (deadline._NO_ACTION, "\\bno (?:further )?steps? (?:is |are |will be )?(?:required|needed|necessary)|"),
)


def test_the_new_patterns_are_found() -> None:
    assert new_pattern_sources(NEW_LITERALS, NEW_FRAGMENTS)
    assert "(?:\\s*[「『\\\"“])?" in identifiers._OPEN_ID


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    sources = [*new_pattern_sources(NEW_LITERALS, NEW_FRAGMENTS), identifiers._OWNER_FIELD_L10N.pattern,
               identifiers._OPEN_ID]
    assert unbounded_gaps(sources) == []


def test_the_past_of_a_registration_looks_ahead_a_bounded_way() -> None:
    # (the foreign registration's guard against a future in its sentence reads at most 200 characters)
    past = next(pattern.pattern for pattern, weight in deadline._CONTEXT if "registrado|transferido" in pattern.pattern)
    assert "{0,200}?(?:r[aá]n?|ront" in past


@pytest.mark.parametrize("blank", BLANKS)
def test_a_suspended_account_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"Hola:{run}Su cuenta de AWS 730215948806 sigue suspendida porque la factura de Quokka está impaga."
            f"{run}Amazon Web Services")
    assert classify(AWS, None, body, date=JAN_20).notice_type == "account.suspended"


@pytest.mark.parametrize("blank", BLANKS)
def test_an_exposed_key_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"Bonjour,{run}Nous avons trouvé la clé d'accès AKIAQUOKKA7EXAMPLE de votre compte 730215948806 dans un "
            f"dépôt public.{run}AWS Security")
    notice = classify("aws-security@amazon.com", None, body, date=JAN_20)
    assert notice.notice_type == "security.exposed_credentials"


def test_a_body_of_repeated_state_cues_after_conditions_is_no_suspended_account() -> None:
    # each state after "si": never at its sentence's start
    body = "Los datos se podrán eliminar si la cuenta sigue suspendida, " * 3_000
    assert classify(AWS, "Aviso de Quokka", body, date=JAN_20).notice_type != "account.suspended"


def test_a_body_of_repeated_key_and_public_words_without_a_finding_is_no_exposed_key() -> None:
    body = "La clé d'accès n'est jamais nécessaire pour un site web public. " * 3_000
    assert classify(AWS, "Quokka", body, date=JAN_20).notice_type != "security.exposed_credentials"


def test_a_body_of_repeated_owner_fields_without_a_payer_keeps_the_first_account() -> None:
    body = "".join(f"Conta proprietária do monitor: 7302159488{n:02d}\n" for n in range(50)) * 20
    assert extract_identifiers("", body, {}, None).aws_account_id == "730215948800"


def test_a_body_of_repeated_registrations_keeps_its_period() -> None:
    body = ("Ha registrado o transferido el dominio quokka.example. " * 2_000
            + "\n\nHaga clic en el enlace dentro de los próximos 15 días.")
    notice = classify("noreply@registrar.amazon.com", "Verify the email address of the registrant contact for "
                      "quokka.example", body, date=JAN_20)
    assert str(notice.deadline) == "2027-02-04"
