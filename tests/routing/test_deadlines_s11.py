"""Session 11 (issue 12, items 3 and 7): the deadline read's cheap tests and the pick by the role a notice type expects.

The literal pre-scans of :mod:`routing.dateroles` (``_by_near_date``, ``_imperative_line``) find exactly what the
plain whole-text regexes find, on varied texts built from the pieces those regexes read."""

from __future__ import annotations

import random
from datetime import date

import pytest

from routing import dateroles
from routing.deadline import find_deadline

# the pieces a text is built of: by-leads (9 languages), dates and their starts, CJK day marks, white space, line
# breaks, imperatives, near misses ("bypass", "abis", "d'icile", "1 日前"), and plain words
_PIECES = ("by ", "By ", "before ", "no later than ", "prior to ", "not later than ", "bis ", "bis zum ", "vor dem ",
           "spätestens ", "avant le ", "au plus tard le ", "d'ici le ", "d’ici le ", "dici le ", "antes de ",
           "antes del ", "a más tardar el ", "a mais tardar em ", "entro il ", "prima del ", "non oltre il ", "até ",
           "bypass ", "abis ", "standby ", "hobby", "12:00 utc ", "23:59:59 pst on ", "monday, ", "friday ",
           "march 3, 2027", "mär 3", "déc. 4", "4 ", "2027-01-05", "2027年1月5日", "2027년 1월 5일", "5 日", "5日",
           "5일", "일", "日", " (月)", " (월) ", "までに", "まで", "까지", "이전", "之前", "前", "より前", "\n", "\n  ",
           " ", "  ", "\t", ".", ", ", "update ", "Update ", "rotate ", "back up ", "sauvegardez ", "mettez ",
           "please ", "the instance ", "x", "ez", "\u3000", "\x1c", "١", "\n\n", "take action ", "é")


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(8))
def test_by_near_date_prescan_finds_what_the_regex_finds(seed: int) -> None:
    for text in _texts(3000, seed):
        for variant in (text, text.lower()):
            assert dateroles._by_near_date(variant) == (dateroles._BY_NEAR_DATE.search(variant) is not None), variant


@pytest.mark.parametrize("seed", range(8))
def test_imperative_line_finds_what_the_regex_finds(seed: int) -> None:
    for text in _texts(3000, seed + 100):
        for variant in (text, text.lower()):
            assert dateroles._imperative_line(variant) == (dateroles._IMPERATIVE_LINE.search(variant) is not None), \
                variant


@pytest.mark.parametrize(("text", "want"), [
    ("please upgrade by march 3, 2027.", True),
    ("bitte bis zum 3. märz 2027 aktualisieren.", True),
    ("veuillez migrer d'ici le 3 mars 2027.", True),
    ("2027年3月3日 (水) までに更新してください。", True),
    ("2027년 3월 3일 까지 업데이트하십시오.", True),
    ("this bypass was used by the team.", False),  # a by-lead, no date after it
    ("please read the notes. nothing is due.", False),
])
def test_may_hold_act_by(text: str, want: bool) -> None:
    assert dateroles.may_hold_act_by(text) is want


MAIL_DATE = date(2027, 3, 1)


@pytest.mark.parametrize(("text", "want"), [
    # the rotation's start, not when AWS completes it nor when the old authority expires (en, ja; es and fr: the
    # same pick as before, kept as guards)
    ("Amazon MQ will rotate the TLS certificates of your brokers. The rotation begins on April 12, 2027 and is "
     "completed for every broker by April 30, 2027. The previous authority expires on July 1, 2027.", "2027-04-12"),
    ("La rotación de certificados de Amazon DocumentDB comienza el 12 de abril de 2027 y se completará para todos "
     "los clústeres a más tardar el 30 de abril de 2027. La autoridad actual caduca el 1 de julio de 2027.",
     "2027-04-12"),
    ("La rotation des certificats Amazon Neptune commence le 12 avril 2027 et sera achevée pour toutes les instances "
     "au plus tard le 30 avril 2027. L'autorité actuelle expire le 1 juillet 2027.", "2027-04-12"),
    ("Amazon ElastiCache の証明書のローテーションは 2027年4月12日 に開始し、2027年4月30日 までに完了します。"
     "現在の認証局は 2027年7月1日 に期限切れになります。", "2027-04-12"),
])
def test_certificate_rotation_wants_its_start(text: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE, "health.certificate_rotation") == want


@pytest.mark.parametrize("text", [
    # a usage alert that names when its free-tier offer ends: no deadline (en, de, pt, zh)
    "Your AWS account 123456789012 has used 85% of the AWS Free Tier usage limit for Amazon SNS this month. "
    "Your 12-month Free Tier offer ends on November 30, 2027.",
    "Ihr AWS-Konto hat 85 % des Free-Tier-Nutzungslimits für Amazon S3 erreicht. Ihr 12-monatiges Free-Tier-Angebot "
    "endet am 30.11.2027.",
    "Sua conta da AWS usou 85% do limite do nível gratuito do Amazon SQS. Sua oferta do nível gratuito vence em "
    "30 de novembro de 2027.",
    "您的 AWS 账户已使用 Amazon SQS 免费套餐限额的 85%。您的 12 个月免费套餐将于 2027年11月30日到期。",
])
def test_usage_alert_names_no_deadline_in_its_offer_end(text: str) -> None:
    assert find_deadline(text, MAIL_DATE, "cost.free_tier_alert") is None


@pytest.mark.parametrize(("text", "want"), [
    # the end of the offer stays the deadline when the mail asks an act before it (en, fr), or when it is what the
    # mail announces, not a usage report (de)
    ("Ihr kostenloses AWS-Angebot für Amazon S3 läuft am 20. März 2027 ab.", "2027-03-20"),
    ("Your AWS Free Tier offer ends on March 20, 2027. Upgrade your plan before this date to keep your resources.",
     "2027-03-20"),
    ("L'offre gratuite de votre compte se termine le 20 mars 2027. Choisissez une offre payante avant cette date.",
     "2027-03-20"),
])
def test_offer_end_stays_a_deadline_when_asked(text: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE, "cost.free_tier_alert") == want
