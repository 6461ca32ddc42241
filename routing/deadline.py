"""Deadlines: the date by which a mail says action is needed, or after which cost or impact starts.

Owns date recognition ("September 1, 2025", "1 September 2025", "01-Sep-2025", "2025-09-01", "Sep 1st",
"2025年9月1日", "1° settembre", "27.08.27" (a two-digit year), "within 5 days", "within 10 business days",
"no later than 7 days after the date of this notice") and the choice among the dates of one mail: every date is a
candidate, scored by the phrase right before it ("no later than", "before", "by 23:59 UTC on", "will end on",
"on or after", "starting", "after … UTC", "expires on", "you have until", "end of life on", "まで") or
right after it ("onward"), and by what its sentence says (support ends, retirement, maintenance,
charges, suspension, an action asked of the reader; for a field line such as "Payment due: …", its
own field; for a bare table row, the column its header names: "Expires", "Apply by", "Vencimento"), less
what marks it as no deadline (extended support, a date already reached, a release
or publication date; a date passed when the mail was sent that its sentence states as a fact is none even alone). The
earliest date of the best-scored group wins, dates not before the mail's date first, so a mail that
names the end of standard support, then a later forced upgrade, gives the end of standard support
(when extra charges start). When two dates or more qualify, their roles choose first
(:mod:`routing.dateroles`, :func:`_by_role`): a date the reader is asked to act by beats the others, a
fact, a cause, a conditional date, an extended support's end, or what the notice type (passed by the
classifier) does not expect (a maintenance window's end, a certificate rotation's completion) gives way to any other
date, a date of the role the type expects (a rotation's start) comes next after an act-by date, and a usage alert's
offer end is no deadline even alone unless the mail asks an act; the scores break ties.
A date the mail names beside its deadline (the cause it cites, "following the end of support of Amazon
Linux 2 on …"; a closure's first step, "from … no new queues can be created") is the deadline only when
no other date is. Dates without a year and relative dates are read
against the mail's Date, which the caller passes in: no clock here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice

from routing.dateroles import (
    ACT_BY,
    BEFORE_THAT_DATE,
    CJK_DATE_TAIL,
    DUE_DATE_ASK,
    EXTENDED_END,
    START,
    THEN_ANAPHOR,
    WEEKDAY_NAMES_FOREIGN,
    WEEKDAY_WORD,
    acts_by_then,
    after_condition,
    asks_by_then,
    by_then_in,
    expected_roles,
    may_act_by,
    may_ask,
    may_hold_act_by,
    never_deadline_roles,
    not_deadline_roles,
    reports_usage,
    role_of,
    starts_at,
)
from routing.deadline_branches import Branches, needled_branches, search_any
from routing.hanzi import fold_traditional
from routing.nthweekday import WEEKDAY_NAMES, NthWeekdays
from routing.patterns import (
    literal_branches,
    literal_needles,
    literal_positions,
    matches_at,
    matches_from_starts,
    without_superstrings,
)
from routing.stages import referred_stage

MONTHS = {
    name: index
    for index, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
# German and French month names (AWS sends Health mail in the account's language): only those the
# English prefixes above do not already cover
MONTHS.update({"januar": 1, "janvier": 1, "februar": 2, "février": 2, "fevrier": 2, "märz": 3, "mars": 3,
               "avril": 4, "mai": 5, "juni": 6, "juin": 6, "juli": 7, "juillet": 7, "août": 8, "aout": 8,
               "septembre": 9, "okt": 10, "oktober": 10, "octobre": 10, "novembre": 11, "dez": 12,
               "dezember": 12, "décembre": 12, "decembre": 12})
# the localized abbreviations of _FOREIGN_FORMS' abbreviated month (es, pt, it, fr, de)
MONTHS.update({"ene": 1, "gen": 1, "janv": 1, "févr": 2, "fevr": 2, "fev": 2, "mär": 3, "abr": 4, "avr": 4, "mag": 5,
               "giu": 6, "lug": 7, "juil": 7, "ago": 8, "set": 9, "ott": 10, "out": 10, "dic": 12})
# Spanish, Portuguese and Italian month names (AWS's localized templates: "7 de noviembre de 2025",
# "11 de março de 2026", "23 luglio 2026")
MONTHS.update({"enero": 1, "gennaio": 1, "janeiro": 1, "febrero": 2, "fevereiro": 2, "febbraio": 2,
               "marzo": 3, "março": 3, "marco": 3, "abril": 4, "aprile": 4, "mayo": 5, "maio": 5, "maggio": 5,
               "junio": 6, "junho": 6, "giugno": 6, "julio": 7, "julho": 7, "luglio": 7, "agosto": 8,
               "septiembre": 9, "setiembre": 9, "setembro": 9, "settembre": 9, "octubre": 10, "outubro": 10,
               "ottobre": 10, "noviembre": 11, "novembro": 11, "diciembre": 12, "dezembro": 12, "dicembre": 12})
_MONTH = r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MONTH_ALL = r"(?P<{}>jan(?:uary|uar|vier)?|f[eé]v(?:rier)?|feb(?:ruary|ruar)?|mar(?:ch|s)?|märz|apr(?:il)?|avril|" \
             r"may|mai|june?|juni|juin|july?|juli|juillet|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember|embre)?)?|" \
             r"o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d[eé][cz](?:ember|embre)?|" \
             r"enero|gennaio|janeiro|febrero|fevereiro|febbraio|marzo|mar[cç]o|abril|aprile|mayo|maio|maggio|" \
             r"junio|junho|giugno|julio|julho|luglio|agosto|septiembre|setiembre|setembro|settembre|octubre|outubro|" \
             r"ottobre|noviembre|novembro|diciembre|dezembro|dicembre)\.?"


def _date_forms(month: str) -> str:
    return "(?:" + "|".join(f"(?:{form})" for form in (
        # 2025-06-30, 2025/06/30 (optionally followed by a time)
        r"(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})(?!\d)",
        # June 30, 2025 / June 30 2025 / June 30th / Sep 1st
        r"(?<![^\W\d_])" + month.format("m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{4}))?(?!\d)",
        # 30 June 2025 / 30 Jun, 2025 / Tue, 10 Feb 2026 / 1st September / the 1st of June (an ordinal only: not
        # "1 of may") / 23. Juli 2025 / 1er août 2025 / 1° settembre 2026 / 01-Sep-2026 (not the "30" of a version
        # "1.30" before a month, nor a number before "Sep 15, 2026": a table row's "TLS_1_0 Sep 15, 2026", "4 Oct 3,
        # 2026")
        # (and 22/mar/2027, as Spanish mail may write it)
        r"(?<!\d)(?<!\d\.)(?P<d2>\d{1,2})(?:(?:st|nd|rd|th)\s+of\s+|(?:st|nd|rd|th|er|º|°)?(?:\.?\s+|[-/]))"
        + month.format("m2")
        + r"(?![^\W\d_])(?!\s+\d{1,2}(?:st|nd|rd|th)?(?:,|\s+\d{4}))(?:(?:,?\s+|[-/])(?P<y2>\d{4}))?(?!\d)",
        # 2025年6月30日
        r"(?P<jy>\d{4})\s*年\s*(?P<jm>\d{1,2})\s*月\s*(?P<jd>\d{1,2})\s*日",
        # 04/15/2026, 04/15/26 (US order; day first when the first number is over 12 or in localized mail: see
        # _resolve; a two-digit year is 20yy)
        r"(?<![\d/.])(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?P<sy>\d{4}|\d\d)(?![\d/])",
    )) + ")"


# the localized forms (only for text that is not plain ASCII): 7 de noviembre de 2025 / 1º de março
# de 2026, 2026년 5월 7일
_FOREIGN_FORMS = (
    r"(?<!\d)(?P<d3>\d{1,2})(?:\.?º|°|o)?\s+de\s+" + _MONTH_ALL.format("m3")
    + r"(?!\w)(?:\s+del?\s+(?P<y3>\d{4}))?(?!\d)",
    r"(?P<ky>\d{4})\s*년\s*(?P<km>\d{1,2})\s*월\s*(?P<kd>\d{1,2})\s*일",
    # 15.03.2026, 15.03.26 (day first, as German, French, Spanish and Italian mail writes it; a two-digit year is
    # 20yy)
    # (a two-digit year only after a two-digit day and month, "15.03.27": "10.6.18" is a version, no date)
    r"(?<![\d.])(?P<pd>\d{1,2})\.(?P<pm>\d{1,2})\.(?P<py>\d{4}|(?<=\d\d\.\d\d\.)\d\d)(?!\d|\.\d)",
    # 12-05-2027 (day first with dashes, as Spanish, Portuguese and Italian mail may write it; a four-digit year only:
    # "98109-5210" and part numbers are no dates)
    r"(?<![\d-])(?P<hd>\d{1,2})-(?P<hm>\d{1,2})-(?P<hy>(?:19|20)\d\d)(?![\d-])",
    # 2027. 3. 14. / 2027.03.14 (year first, dotted, as Korean mail writes it; also Chinese and Japanese mail)
    r"(?<![\d.])(?P<dy>(?:19|20)\d\d)\.\s?(?P<dm>\d{1,2})\.\s?(?P<dd>\d{1,2})(?!\d|\.\d)\.?",
    # 15/ene/2027, 15 abr. 2027, 3 de set. de 2027, 11 gen 2027 (a localized month abbreviated: es, pt, it, fr, de;
    # its year required, as "out", "set" or "ago" alone are words)
    # (the day written as an ordinal, "1º set. 2027", "1.º set. 2027", "1° set 2027")
    r"(?<!\d)(?P<d5>\d{1,2})(?:\.?º|°)?(?:\.?\s+|[-/])(?:de\s+)?(?P<m5>ene|gen|abr|mag|giu|lug|ago|set|ott|out|dic|janv|f[eé]vr|"
    r"avr|juil|m[aä]r|fev|mai|okt|dez)\.?(?:\s+de)?(?:\s+|[-/])(?P<y5>\d{4})(?!\d)",
    # 3月15日, 3월 15일 (a CJK date without its year, as a timeline under a year's heading writes it; a date with its
    # year starts at the year and is read whole)
    r"(?<![\d年년])(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일]",
)


_DATE = re.compile(_date_forms(_MONTH))  # applied to lower-cased text
_ENGLISH_MONTH = re.compile(_MONTH.format("m"))
# German and French month names too: only for text that is not plain ASCII (such mail always is not;
# the English scan stays as fast as it was)
_DATE_ALL = re.compile(_date_forms(_MONTH_ALL)[:-1] + "|" + "|".join(f"(?:{f})" for f in _FOREIGN_FORMS) + ")")
# where a date may start (every match of _DATE matches one of these at its start): found by re's
# fast first-character scan, where _DATE itself (a branch led by look-behinds) is tried at every position
_MONTH_START = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DATE_AT = (re.compile(r"\d(?:\d{3}[-/]\d|\d{3}\s*年|\d?/\d|\d?(?:st|nd|rd|th|er)?(?:\.?\s+(?:of\s+)?|[-/])"
                       + _MONTH_START + ")"),
            re.compile(_MONTH_START + r"[a-z]*\.?\s+\d"))
# _DATE_AT[0] with its branches factored by their second character (the same matches: re tries the
# branches of a digit once instead of backing up to it per branch; tests/routing/test_deadlines.py)
_DIGIT_AT = re.compile(r"\d(?:\d(?:\d\d(?:[-/]\d|\s*年)|/\d|(?:st|nd|rd|th|er)?(?:\.?\s+(?:of\s+)?|[-/])"
                       + _MONTH_START + r")|/\d|(?:st|nd|rd|th|er)?(?:\.?\s+(?:of\s+)?|[-/])" + _MONTH_START + ")")
# the literals _DATE_AT[1] begins with: it is tried only where str.find sees one (re would try its
# branch at every j, f, m, a, s, o, n and d)
_MONTH_LITERALS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_START_ALL = ("(?:jan|feb|fév|fev|mar|mär|apr|avr|may|mai|jun|jui|jul|aug|aoû|aou|sep|oct|okt|nov|dec|déc|dez|"
                    "ene|gen|abr|mag|giu|lug|ago|set|se?t|out|ott|dic)")
_DATE_AT_ALL = (re.compile(r"\d(?:\d?\s*[月월]|\d{3}[-/]\d|\d{3}\s*[年년]|\d{3}\.\s?\d|\d?/\d|\d?\.\d\d?\.\d\d|"
                           r"\d?-\d\d?-\d{4}|"
                           r"\d?(?:º|°|o)?\s+de\s|"
                           r"\d?(?:st|nd|rd|th|er|º|°)?(?:\.?\s+(?:of\s+)?|[-/])" + _MONTH_START_ALL + ")"),
                re.compile(_MONTH_START_ALL + r"[a-z]*\.?\s+\d"))

# the phrase right before a date (lower-cased text, at the end of the text before the date)
# a time may stand between the lead and the date ("by 23:59 UTC on August 22, 2026")
# and a zone after it ("before 5:00 pm pst on january 8, 2027")
_FILLER = (r"(?:\s+(?:the|on|of|at|week)\b|"
           # (a relative day in apposition to the date it names: "expire tomorrow, Friday, February 12, 2027")
           r"\s+(?:tomorrow|today|tonight),|\s+midnight(?:\s*\(?(?:utc|gmt|[pmce][sd]t)\)?)?|"
           # ("no later than the end of the day on D")
           r"\s+end\s+of\s+(?:the\s+)?(?:business\s+)?day\b|"
           # ("by close of business, Pacific Time, on Wednesday, D")
           r"\s+close\s+of\s+business\b|,?\s+(?:pacific|eastern|central|mountain)\s+time,?(?=\s)|"
           r"\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?"
           r"(?:\s*(?:utc|gmt|[pmce][sd]t|[jki]st|cet|cest|bst|aest)(?:\s*[+-]\d{1,2}(?::?\d\d)?)?"
           # (or the zone written out: "5:00 PM Pacific Standard Time on Friday, D")
           r"|\s+(?:pacific|eastern|central|mountain|atlantic|alaska|hawaii|central european|eastern european|"
           r"western european|british|india|japan|korea|china|singapore|australian eastern|greenwich mean|"
           r"coordinated universal)(?:\s+(?:standard|daylight|summer))?\s+time)?)*\s*"
           # (the date in parentheses after what it dates: "before the end of the review period (March 2, 2027)")
           r"(?:\(\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*(?:the\s+)?)?\Z")


def _word_led(words: str) -> str:
    r"""``(?:words)``, as ``\b(?:…)`` when every top-level alternative opens with ``\b`` (the same
    matches: re then tests the word boundary once per position, not once per alternative)."""
    alternatives: list[str] = []
    depth = start = 0
    for index, char in enumerate(words):  # split at the top-level bars (no escaped parentheses here)
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            alternatives.append(words[start:index])
            start = index + 1
    alternatives.append(words[start:])
    if all(alternative.startswith(r"\b") for alternative in alternatives) and words.count(r"\b") == len(alternatives):
        return r"\b(?:" + "|".join(alternative[2:] for alternative in alternatives) + ")"
    return "(?:" + words + ")"


# the last day to do something, as a field or in prose ("Last day to launch new instances Jun 30, 2027", "the last date
# for renewals is"); not the last day to create or register new ones, a first stage before the end ("Last day to
# register a new appliance 2026-11-30" over "End of support 2027-05-31")
_LAST_DAY_TO_WORDS = (r"\blast (?:day|date) (?:to|for) (?!(?:create|creating|register|registering|add|adding|onboard|"
                      r"sign|purchase|buy)\b)(?:[\w-]+\s+){0,5}?[\w-]+(?: is)?:?")


_LEADS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(_word_led(words) + _FILLER), weight) for words, weight in (
        (r"\bno later than|\bon or before|\bprior to|\bbefore|\bby(?: date)?(?:[ \t]*:)?|\bdeadline(?: is)?:?|"
         r"\bdue(?: date| on| by)?:?|"
         r"\bexpires?(?: on)?|\bexpiring(?: on)?|\bwill expire(?: on)?|\bend(?:s|ing)?(?: on)?|\bwill end(?: on)?|"
         r"\bretired? on|\bretires(?: on)?|\bretiring (?:it |them )?on|\bretire (?:it |them )on|\bretirement date:?|"
         r"\bscheduled for|\bon or after|\bafter|"
         # (as "after": "Once 2027-03-09 00:00 UTC has passed, the instance … will be terminated")
         r"\bonce|"
         # (when a new rate starts to cost, as a field or in prose: "New rate applies from: D", "the new price takes
         # effect on D")
         r"\b(?:new )?(?:rates?|prices?|pricing|charges?|fees?) (?:applies|apply|takes? effect|(?:is |are )?effective)"
         r"(?: from| on| as of)?:?|"
         # (or the charge named before: "a new hourly charge for idle attachments; it will apply from March 1, 2027")
         r"\b(?:it|this|which) will (?:apply|take effect|be charged|be billed)(?: from| on| as of| starting)?|"
         # (or what becomes billable: "Vended logs delivered by Amazon Quokka become billable on July 1, 2027")
         r"\bbecomes? (?:billable|chargeable)(?: on| from| as of| starting)?|"
         # (when a switch starts, as a field or in prose: "Certificate switch begins: Tuesday, D", "the cutover starts
         # on D")
         r"\b(?:switch|cutover|changeover|rotation|migration|transition) (?:begins|starts|will (?:begin|start))"
         r"(?: on)?:?|"
         # (a window that restarts or patches, dated "between D1 and D2": "scheduled for a system reboot between D1 …")
         r"\b(?:reboot|restart|maintenance|patching|update) (?:window )?between|"
         # (the date a required update is applied, as a field: "Apply date: January 10, 2027")
         r"\bapply date:?|"
         # (the date of an impact, as a field: "Suspension date: D", "Closure date: D")
         r"\b(?:suspension|closure|termination|deactivation|shutdown|shut-?off|cut-?off|deletion|disconnection) date:?|"
         r"\bnot (?:be )?later than|\bahead of|"
         # (a certificate's expiry field, as X.509 names it: "Not after ........ D")
         r"\bnot after:|"
         # the end of a term as a field ("Trial ends: D", "Subscription expires: D")
         r"\b(?:trial|period|term|subscription|offer|agreement|contract|plan)\s+(?:ends|expires)\s*:|"
         # (a period that closes: "The review period closes D", "the window closes on D")
         r"\b(?:period|window|review)\s+(?:closes|will close)(?: on)?|"
         r"\bend[- ]of[- ](?:standard[- ])?support(?: date)?(?: is| on)?:?|\blast day of (?:standard )?support:?|"
         # (the last day to do something: _LAST_DAY_TO_WORDS)
         + _LAST_DAY_TO_WORDS + "|"
         # "you have until", "end of life on", "auto-upgrade on", "will be cancelled effective"
         r"\btakes? effect(?: on)?|\bgo(?:es)? into effect(?: on)?|\bcomes? into effect(?: on)?|"
         r"\bhave until|\bend[- ]of[- ]life(?: date)?(?: is| on)?:?|\bauto-?(?:upgrade|update|patch)(?:s|d)?(?: on)?|"
         r"\bwill (?:be )?(?:cancell?ed|closed|deleted|discontinued|suspended|disabled|deactivated|removed|retired|"
         r"stopped|terminated)(?: on| effective| as of| starting| beginning)|"
         # the new date of what was moved ("has been moved to", "postponed until", "will now take place on")
         r"\b(?:moved|postponed|rescheduled|deferred|delayed|pushed back) (?:to|until)|"
         r"\bnow (?:take place|happen|occur|be) on|"
         # the end of a period ("by the end of the review period on", "at the end of the trial on")
         r"\bend\s+of\s+(?:(?:the|your|this)\s+)?(?:[\w-]+\s+){0,2}?(?:period|window|trial|term)(?:\s+on)?", 3),
        (r"\bwith effect from|\buntil|\bthrough|\bstarting(?: on| from)?|"
         r"\bbeginning(?: on)?|\bbegins?(?: on)?|\beffective(?: on| from)?|\bwill (?:start|begin|commence)(?: on)?|"
         r"\bstarts? on|"
         r"\bas of|\bbetween|\bwill (?:be )?(?:stopped|terminated|retired|upgraded|updated|applied) on|"
         r"\bonward from|\bcommencing(?: on)?|"
         # what will begin to be done from a date ("will begin retiring pods that still run on … from Fri, D")
         r"\bwill (?:begin|start|commence) [a-z]+ing\b(?:[^.;:\n]|\n(?!\n)){0,60}? from", 2),
        (r"\bon|\bfrom|\bat|:", 1),
    )
)
# a term's end as a field, localized, at the start of its line ("Ende : D", "Fin : D", "Fim: D", "Fine: D"), or an
# English "Ends:" (a field aligned with spaces after its colon: "Ends:           March 15, 2027"; "Your access ends: D")
# (or what lasts until then, as a field: "Access until:          April 11, 2027", "Available until: D")
_END_FIELD_LOCAL = re.compile(r"(?:\A|\n)[ \t]*(?:ende|fin|fim|fine|(?:[^\W\d_]+ ){0,3}ends|"
                              r"(?:[^\W\d_]+ )?(?:access|available|active|usable) until)[ \t]*[:：][ \t]*\Z")
# an auto-renewal on a date ("is set to auto-renew on", "renews automatically on") or a bill "payable on or
# before" one: weight 3, searched only where "renew" or "payable" stands before the date (the big lead
# alternation above is tried at every position of every date's lead text)
_LEAD_RENEW = re.compile(r"(?:\bauto-?renew(?:s|al)?(?: on)?|\brenew(?:s|ed)?(?: automatically)? on|"
                         r"\bpayable(?: on or before| by| on)?)" + _FILLER)
# a key, secret or resource set for deletion ("is scheduled for deletion on", "pending deletion until", "will be
# permanently deleted on"): weight 3, searched only where "delet" stands before the date
_LEAD_DELETE = re.compile(r"(?:\b(?:scheduled|pending|set|planned) for deletion(?: on)?|"
                          r"\b(?:scheduled|planned) deletion(?: date| time)?:?|"
                          r"\bpending deletion(?: on| until)?|"
                          r"\b(?:will|(?:scheduled|set|due) to) be (?:permanently |automatically )?deleted"
                          r"(?: on| after)?)" + _FILLER)
# an expiry field or a validity ("Expiration date Thursday, December 31, 2026", "valid until September 30"): weight 3,
# searched only where "expir", "valid" or "end date" stands before the date (as _LEAD_RENEW)
# (and a commitment's own end date: "the Savings Plan reaches its end date, D", "the reservation's end date is D")
_LEAD_EXPIRY = re.compile(r"\b(?:expiration date|expiry date|valid (?:until|through)|(?:its|their|(?:plan|commitment|"
                          r"reservation|term|contract|subscription)['’]s) end date)(?::|,|\s+is)?" + _FILLER)
# what keeps working only until then ("your subscription keeps working until", "remains active until": a retired
# Marketplace product), or a localized change that starts that day ("a troca começa em", "el cambio comienza el"):
# weight 3, searched only where one of _UNTIL_CUES stands before the date (as _LEAD_RENEW)
_LEAD_UNTIL = re.compile(r"(?:\b(?:keeps?|remains?|stays?) (?:working|active|available|open|valid|pending)"
                         # (how long first: "The request stays open for 90 days, until D")
                         r"(?: for (?:\d{1,3}|[a-z]+) (?:days|hours|weeks|months))?,? until|"
                         r"\bcomeça(?:rá|rão|m)? (?:em|n[ao])|"
                         # (what is supported until a date ends support then: "ActiveMQ 5.16 is supported until D",
                         # a "Supported until D" column)
                         r"\b(?:supported|maintained) (?:until|through):?|"
                         # (what AWS keeps doing for at least that long: "we will keep releasing security fixes … until
                         # at least D")
                         r"\buntil at least|"
                         # (and their plurals: "comenzarán el", "commenceront le", "inizieranno il", "beginnen am")
                         r"\bcomenzar[áa]n? el|\bcomienzan? el|\bcommence(?:ra|nt|ront)? le|\biniziano il|\binizia il|"
                         r"\binizier(?:à|anno) il|\bbeginnen am|"
                         r"\bbeginnt am)" + _FILLER)
# the end of a review, grace or notice period written as a range on its field line ("Review period ....... D1 -> D2",
# "Grace period: D1 to D2"): when the period ends, what the mail says follows it (a pause, a suspension) starts; weight
# 3, searched only where "period" stands before the date (a billing period's end is none: its words are a fact's)
_PERIOD_RANGE_END = re.compile(r"(?:\A|\n)[ \t]*(?:review|grace|notice|probation(?:ary)?|evaluation|cure|remediation)"
                               r"[ \t]+period\b[^\n\d]{0,40}\d[^\n]{0,30}?[ \t]*(?:->|→|–|—|\bto\b|\buntil\b|"
                               r"\bthrough\b|~)[ \t]*\Z")
# the maintenance's own name before a start or end field's word ("维护开始：", "維護開始：", "メンテナンス開始:",
# "점검 시작:", "유지 관리 종료:"), read folded to Simplified or as written
_MAINTENANCE_NAME = r"(?:维护|維護|メンテナンス|유지 ?관리 ?|점검 ?)"
# a labelled start line ("Start: …", "Beginn:", "Inicio:", "Début :", "Início:", "Inizio:", "開始:", "开始：", "시작:"):
# when a window (a maintenance) starts; weight 3, searched only where one of _START_CUES stands before the date
# (the start word may follow the maintenance's own name: "Maintenance start:", "維護開始時間：",
# "メンテナンス開始日時：", "유지 관리 시작:", read folded to Simplified)
_LEAD_START = re.compile(r"(?:\A|\n)[ \t]*"
                         r"(?:scheduled |maintenance |window |" + _MAINTENANCE_NAME + r")?"
                         r"(?:start|beginn|inicio|début|início|inizio|開始|开始|시작)"
                         r"(?:[ \t]*(?:time|date|日時|時刻|时间|시간|일시))?(?:[ \t]*\([^)\n]{1,20}\))?"
                         # (then a weekday, as in _LEAD_WINDOW: "Início:  sábado, 22/05/2027"; not an English one: a
                         # Health event's "Start time: Tue, D" is when the event began)
                         r"[ \t]*[:：][ \t]*(?:(?!mon|tue|wed|thu|fri|sat|sun)[^\W\d_]+(?:-feira)?\.?,?[ \t]+)?\Z")
_START_CUES = ("start", "beginn", "inicio", "début", "início", "inizio", "開始", "开始", "시작")
# a labelled maintenance window line ("Maintenance window: D1 - D2", "维护窗口：D1 至 D2", "Wartungsfenster: …",
# "유지 관리 기간: …"): its first date is when the window starts; weight 3 as _LEAD_START, searched only where one of
# _WINDOW_CUES stands before the date
# (a window said scheduled without the word maintenance, "Ventana programada: del D al D", and its value a range that
# opens with "from", "del", "du", "vom", "dal", "de", "从" …: its first date is the window's start)
_LEAD_WINDOW = re.compile(r"(?:\A|\n)[ \t]*"
                          # (the window said scheduled in Chinese before its label: "排定的維護時段：D",
                          # "计划的维护窗口：")
                          r"(?:(?:排定|计划|预定|安排)的?(?=维护|維護))?"
                          r"(?:(?:scheduled |planned )?maintenance windows?|"
                          r"(?:scheduled|planned) windows?|windows?|"
                          # (a heading over one window per row, plural: "Fenêtres (heure UTC) :" over "Zone eu-west-3a :
                          # mardi D, 04:00 – 06:00")
                          # (and one window, a field: "Fenêtre : mardi D, de 23 h 00 à 3 h 00")
                          r"fen[êe]tres?|ventanas?|janelas?|finestr[ae]|"
                          r"(?:geplantes )?wartungsfenster|(?:geplantes )?zeitfenster|"
                          r"ventana (?:de mantenimiento|programada|planificada)|"
                          r"fen[êe]tre (?:de maintenance|planifi[ée]e|programm[ée]e)|"
                          r"janela (?:de manuten[çc][ãa]o|programada|agendada|planejada)|"
                          r"finestra (?:di manutenzione|programmata|pianificata)|"
                          r"メンテナンス(?:ウィンドウ|期間|時間帯|時間)|"
                          r"维护窗口|维护时段|維護時段|維護窗口|(?:计划|計劃|排定|预定|預定)(?:的)?(?:窗口|时段|時段)|维护时间|維護時間|"
                          r"メンテナンス日時|"
                          # (the time it is scheduled for, as a field: "排定時間：D (六) 02:00 UTC", "计划时间：",
                          # "実施予定日時：", "작업 예정 일시:")
                          r"(?:排定|计划|計劃|预定|預定)(?:的)?(?:时间|時間)|(?:実施|作業|メンテナンス)?予定日時|"
                          r"(?:작업 )?예정 (?:일시|시간)|"
                          # (the label's colon, or the spaces of a field aligned without one: "Window (UTC)      D")
                          # (or the work's schedule as a field: "일정 : D", "作業日程：D", "维护日程：D")
                          r"유지 ?관리 (?:기간|창|시간)|(?:작업 |유지 관리 )?일정|(?:作業|メンテナンス|维护|維護)日程)"
                          r"(?:[ \t]*\([^)\n]{1,20}\))?(?:[ \t]*[:：]|[ \t]{2,})"
                          # (on the next line, perhaps after the row's own label: "Zone eu-west-3a : D")
                          # (an ideographic space too: "メンテナンス期間 (日本時間):\n\u3000D")
                          r"(?:[ \t\u3000]*\n[ \t\u3000]*(?:[^\n:：]{1,40}?[ \t]*[:：][ \t]*)?|[ \t]*)"
                          r"(?:(?:from|between|vom|von|du|del|de|desde(?: el)?|dal|entre(?: el| le| o)?|从|自)"
                          # (then a weekday: "Finestra di manutenzione: martedì D")
                          r"[ \t]*)?(?:[^\W\d_]+(?:-feira)?,?[ \t]+)?\Z")
# a "When:" field ("When: Saturday, February 20, 2027, from 11:00 PM", "Quand : dans la nuit du jeudi 4 au vendredi 5
# février 2027", "Cuándo: …", "Quando: …", "Wann: in der Nacht vom …"): when what the mail announces happens, a
# maintenance's window among them (weight 3, as _LEAD_WINDOW); its value may open with the night it spans, "from" or a
# weekday
_LEAD_WHEN = re.compile(r"(?:\A|\n)[ \t]*(?:when|quand|cu[áa]ndo|quando|wann)[ \t]*[:：][ \t]*"
                        r"(?:(?:(?:in |on )?the night of|(?:dans )?la nuit du|(?:en )?la noche del|(?:na )?noite de|"
                        r"(?:nella )?notte (?:tra|fra|del)|in der nacht (?:vom|von))[ \t]+)?"
                        r"(?:(?:from|between|vom|von|du|del|de|desde(?: el)?|dal|entre(?: el| le| o)?)[ \t]+)?"
                        r"(?:[^\W\d_]+(?:-feira)?,?[ \t]+)?\Z")
_WHEN_CUES = ("when", "quand", "cuándo", "cuando", "quando", "wann")
# a window named by its date, in prose or as a table's column header ("during the maintenance window of Tuesday,
# D", "Fenêtre du mardi D, 01:00–05:00", "la ventana del D", "a janela de D", "la finestra del D", "im Wartungsfenster
# am D"): the window opens then (weight 3, as _LEAD_WINDOW)
_WINDOW_NOUN = (r"(?:\bwindow|\bfen[êe]tre(?: de maintenance)?|\bventana(?: de mantenimiento)?|"
                r"\bjanela(?: de manuten[çc][ãa]o)?|\bfinestra(?: di manutenzione)?|wartungsfenster)")
_WINDOW_OF_DATE = re.compile(_WINDOW_NOUN + r"[ \t]+(?:of|on|du|del|de|da|do|della|del giorno|am|vom)[ \t]+"
                             r"(?:[^\W\d_]+(?:-feira)?,?[ \t]+)?\Z")
# a window's opening said with a verb ("the window starts on D", "la ventana empieza el sábado, D", "la fenêtre
# commence le D", "a janela começa no D"): when the window opens, but no more than a deadline (weight 3 in all): an
# act-by date the mail names beside it ("apply the patch yourself no later than D") keeps its place
# (a relative pronoun between: "during a window that opens on Wednesday, March 10, 2027", "una ventana que empieza el
# D")
_WINDOW_OPENS = re.compile(_WINDOW_NOUN + r"(?:[ \t]+(?:that|which|que|qui|che|die|das))?"
                           r"[ \t]+(?:starts|begins|opens|will (?:start|begin|open)|"
                           r"empieza|comienza|comenzar[aá]|"
                           r"empezar[aá]|se abre|commence(?:ra)?|d[ée]bute(?:ra)?|s.ouvre|beginnt|startet|öffnet|"
                           r"inizia|inizier[aà]|comincia|si apre|come[cç]a|come[cç]ar[aá]|inicia(?:r[aá])?|abre)"
                           r"(?:[ \t]+(?:on|el|le|am|il|em|no|na|a))?[ \t]+(?:[^\W\d_]+(?:-feira)?,?[ \t]+)?\Z")
# a sentence that announces the date below it, at the end of its paragraph ("on the following date:", "en la fecha
# siguiente:", "à la date suivante :", "am folgenden Datum:", "na seguinte data:", "nella data seguente:",
# "次の日付:", "以下日期：", "다음 날짜:"), and the words of a calendar's head under it ("Día Mes Año")
_FOLLOWING_DATE = re.compile(r"(?:following date|following day|fecha siguiente|siguiente fecha|date suivante|"
                             r"folgenden datum|folgenden tag|seguinte data|data seguinte|data seguente|seguente data|"
                             r"次の日付|以下の日付|以下日期|下列日期|다음 날짜)(?:\s*\([^)\n]{0,30}\))?\s*[:：]\s*"
                             r"(?:[^\W\d_]+\s+){0,3}\Z")
_FOLLOWING_CUES = ("following d", "siguiente", "suivante", "folgenden", "seguinte", "seguente", "次の日", "以下の日",
                   "以下日期", "下列日期", "다음 날짜")
# a switch's date field ("교체 일시:", "切り替え日:", "轮换日期：", "Rotation date:", "Wechseldatum:", "Date de
# changement :", "Fecha de cambio:", "Data de troca:", "Data di sostituzione:") in a mail that asks the reader to act
# before the switch (:data:`_BEFORE_SWITCH`): its date is the act-by date, not a later expiry the mail also names
_SWITCH_LABEL = re.compile(r"(?:(?:교체|전환) ?(?:일자|날짜|일시|시작(?:일)?)|(?:切り替え|切替|交換)(?:開始)?日時?|"
                           r"(?:轮换|更换|切换|輪換|更換|切換)(?:日期|时间|時間)|"
                           r"\b(?:rotation|switch(?:over)?|cut-?over|replacement|change) date|"
                           r"\bdate (?:de|du|de la) (?:rotation|changement|remplacement|bascule)|"
                           r"\bfecha (?:de|del|de la) (?:rotaci[oó]n|cambio|reemplazo|sustituci[oó]n)|"
                           r"\bdata (?:de|da|do) (?:rota[cç][aã]o|troca|substitui[cç][aã]o)|"
                           r"\bdata (?:di|della|del) (?:rotazione|sostituzione|cambio)|"
                           r"\b(?:wechsel|rotations|austausch|umstellungs)datum)"
                           # (a weekday may follow the colon: "Data da substituição: terça-feira, D")
                           r"[ \t]*(?:\([^)\n]{1,12}\))?[ \t]*[:：]?\s*(?:[^\W\d_]+(?:-feira)?,?[ \t]+)?\Z")
# a table row or line that opens with the switch itself, its date at its end ("Bascule vers le nouveau certificat
# lundi 15 mars 2027", "Switch to the new certificate   Monday, March 15, 2027"): en, fr, es, pt, it, de
_SWITCH_ROW = re.compile(r"\n[ \t]*(?:switch(?:over)? to|cut-?over to|rotation to|change to|bascule (?:vers|sur)|"
                         r"passage (?:au|à la|vers)|cambio (?:a|al)|rotaci[oó]n (?:a|al)|troca (?:para|pelo)|"
                         r"passaggio (?:a|al)|wechsel (?:zu|auf)|umstellung auf)\b[^\n]{0,50}?[ \t]"
                         r"(?:[^\W\d_]+(?:-feira)?,?[ \t]+)?\Z")
_BEFORE_SWITCH = ("교체 전", "전환 전", "교체 시작일 전", "교체 시작 전", "전환 시작 전",
                  "切り替え前", "切り替えの前", "交換前", "轮换之前", "轮换前", "更换之前",
                  "更换前", "切换之前", "切换前", "before the rotation", "before the switch", "before the cutover",
                  "before the change", "before the replacement", "vor dem wechsel", "vor der umstellung",
                  "vor der rotation", "vor dem austausch", "avant la rotation", "avant le changement",
                  "avant le remplacement", "avant la bascule", "antes de la rotación", "antes del cambio",
                  "antes del reemplazo", "antes da rotação", "antes da troca", "antes da substituição",
                  "prima della rotazione", "prima della sostituzione", "prima del cambio",
                  # before the date of the switch ("antes da data da substituição", "avant la date du remplacement")
                  "antes da data da", "antes da data de", "antes de la fecha de", "antes de la fecha del",
                  "avant la date du", "avant la date de", "prima della data di", "prima della data della",
                  "vor dem datum des", "vor dem datum der")


@lru_cache(maxsize=4)
def _asks_before_switch(text: str) -> bool:
    """Whether ``text`` asks an act before the switch (:data:`_BEFORE_SWITCH`): once per text, not once per date."""
    return any(map(text.__contains__, _BEFORE_SWITCH))


# what AWS imposes when a condition still holds on a date (:func:`best_deadline`)
# (the present too, in the clause after the condition: "If the mandate is not confirmed within 14 days of this message,
# we remove the bank account")
# (AWS or its service the actor: "we will pause", "SES will mark the identity as not verified and will stop sending")
_IMPOSED = re.compile(r"\b(?:we|aws|amazon ses|ses) (?:will |may |might )?(?:then )?(?:pause|suspend|stop|disable|"
                      r"deactivate|delete|terminate|block|close|restrict|remove|revoke|"
                      r"mark (?:the |your |this )?\w+ as (?:not verified|unverified|failed|inactive))\b")
# a condition that opens a clause of the sentence ("…, but if …", "…; if …"; the sentence's own "If …" is read apart)
_CONDITION_OPENS = re.compile(r"(?:[,;:]\s+(?:but\s+|and\s+)?|\bbut\s+)if\s")


def _imposed_if(lowered: str, left: int, end: int, right: int) -> bool:
    """Whether the sentence ``lowered[left:right]`` opens a condition (:data:`_CONDITION_OPENS`, also as its clause:
    "…, but if the records are not back by D, SES will …") and says, after the date or period that ends at ``end``,
    what AWS imposes if it still holds then (:data:`_IMPOSED`): a date the reader must have acted by."""
    return (lowered[left:right].lstrip().startswith("if ") or (
        "if " in lowered[left:end] and _CONDITION_OPENS.search(lowered, left, end) is not None)) \
        and _IMPOSED.search(lowered, end, right) is not None


# the last day to do something, before its date (a deadline lead of _LEADS; an act-by lead, :func:`best_deadline`)
_LAST_DAY_TO = re.compile(_LAST_DAY_TO_WORDS + r"\s*\Z")
# (anywhere, then a date: worth_looking's test)
_LAST_DAY_TO_DATE = re.compile(_LAST_DAY_TO_WORDS + r"\s*(?=\d|[a-z]{3})")
# a date the mail marks as wrong right after it, or names as an earlier notice's in its field's label ("Earlier
# notice : expires on 2027-06-15 (incorrect)", "Previous date: D", "D (incorrecta)"): the date a correction replaces
_WRONG_AFTER = re.compile(r"[ \t]*[(（]\s*(?:incorrect|wrong|erroneous|superseded|outdated|no longer valid|"
                          r"incorrect[oa]|err[oó]ne[oa]|errad[oa]|incorret[oa]|errat[oa]|sbagliat[oa]|falsch|"
                          r"fehlerhaft|veraltet|誤り|誤|错误|錯誤|잘못됨|오류)\s*[)）]", re.I)
_EARLIER_FIELD = re.compile(r"(?:^|\n)[ \t]*(?:earlier|previous|old|original|former|incorrect) (?:notice|date|end date|"
                            r"expiry|expiration)[ \t]*[:：][^\n]{0,30}\Z", re.I)
_EARLIER_CUES = ("earlier", "previous", "old", "original", "former", "incorrect")


# a line that opens the earlier notice the mail quotes below it ("-----Original notice (December 22, 2026)-----",
# "--- Previous notification ---"): its dates are the replaced notice's where the mail above says it changes that
# notice (:data:`_QUOTE_REPLACED`: "This notice changes the one we sent you on D0. The retirement … moves from D1 to a
# later date"); a reminder that quotes it ("This is a reminder of the notice below") keeps them
# (in the 9 languages: "----- 先前的通知 (2026年12月10日) -----", "--- Aviso anterior ---", "--- Vorherige
# Mitteilung ---")
_EARLIER_QUOTE = re.compile(r"(?:\A|\n)[ \t]*[-=_*]{3,}[ \t]*(?:(?:original|earlier|previous|prior|former) "
                            r"(?:notice|notification|announcement)\b|"
                            r"(?:aviso|notificaci[oó]n|comunicaci[oó]n) (?:anterior|original)|"
                            r"(?:aviso|notifica[cç][aã]o|comunica[cç][aã]o) (?:anterior|original)|"
                            r"(?:avis|message) (?:pr[eé]c[eé]dent|initial|original)|"
                            r"notification (?:pr[eé]c[eé]dente|initiale|originale)|"
                            r"(?:avviso|notifica|comunicazione) (?:precedente|originale)|"
                            r"(?:vorherige|frühere|ursprüngliche) (?:benachrichtigung|mitteilung)|"
                            r"(?:先前|之前|以前|原)(?:的)?通知|前回の(?:通知|お知らせ|ご案内)|以前の(?:通知|お知らせ)|"
                            r"이전 (?:공지|알림|안내|통지))[^\n]{0,40}?[-=_*]{3,}[ \t]*(?=\n)")
_QUOTE_REPLACED = re.compile(r"\b(?:chang(?:es|ed)|mov(?:es|ed)|postpon(?:es|ed)|reschedul(?:es|ed)|replac(?:es|ed)|"
                             r"supersed(?:es|ed)|correct(?:s|ed)|updates|"
                             r"new (?:date|retirement|deadline|window|schedule))\b|"
                             # (es, pt, fr, it, de: "se ha pospuesto", "foi adiada", "a été reportée", "è stata
                             # rinviata", "wurde verschoben", "ersetzt die Mitteilung")
                             r"\b(?:pospuest|aplazad|actualiza|cambiad|reprogramad|adiad|alterad|atualiza|report[eé]|"
                             r"modifi[eé]|remplace|rinviat|posticipat|aggiorna|modificat|verschoben|geändert|ersetzt|"
                             r"aktualisiert)|"
                             r"延後|延后|延期|推迟|推遲|变更|變更|更改|改为|改為|更新|変更|변경|연기|업데이트")


@lru_cache(maxsize=4)
def _earlier_quote_at(text: str) -> int:
    """Where the earlier notice ``text`` quotes (:data:`_EARLIER_QUOTE`) starts, or ``len(text)``: one search per text,
    not one per date."""
    if "---" not in text and "===" not in text and "___" not in text and "***" not in text:
        return len(text)
    found = _EARLIER_QUOTE.search(text)
    if found is None or _QUOTE_REPLACED.search(text, 0, found.start()) is None:
        return len(text)
    return found.start()


def _marked_wrong(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is marked wrong right after it (:data:`_WRONG_AFTER`), is an earlier
    notice's field (:data:`_EARLIER_FIELD`) or stands in the earlier notice the mail quotes (:data:`_EARLIER_QUOTE`)."""
    after = text[end:end + 6]
    if ("(" in after or "（" in after) and _WRONG_AFTER.match(text, end) is not None:
        return True
    if start > _earlier_quote_at(text):
        return True
    # (searched in the text, not in a slice: "^" holds at the text's start only, not at a slice's)
    return any(map(text[max(0, start - 60):start].__contains__, _EARLIER_CUES)) and _EARLIER_FIELD.search(
        text, max(0, start - 60), start) is not None


# the next sentence replaces the date of this one ("We have moved that date", "We have extended this deadline")
_SUPERSEDED = re.compile(r"[\s.]*we(?: have|.ve)? (?:moved|changed|extended|postponed|pushed back|delayed|updated|"
                         r"rescheduled) (?:that|this) (?:date|deadline)\b")
# a date its own clause says was moved, in the other languages ("el mantenimiento anunciado para el sábado 3 de abril
# de 2027 se ha trasladado", "annoncée pour le samedi 3 avril 2027 a été reportée", "für den 3. April 2027
# angekündigte Wartung wurde verschoben", "2027年4月3日に予定されていたメンテナンスは変更されました"): the date the
# mail replaces (the English "has been moved" is a fact of _CONTEXT's)
_MOVED_AFTER = re.compile(r"[^.。\n]{0,60}?(?:\bse ha (?:trasladado|reprogramado|pospuesto|aplazado|cambiado)\b|"
                          r"\bha sido (?:trasladad|reprogramad|pospuest|aplazad)|"
                          r"\b(?:foi|foram) (?:remarcad|adiad|reagendad|transferid)|"
                          r"\b(?:a|ont) été (?:report|déplac|reprogramm|décal)|"
                          r"\b(?:è|sono) stat[oaie] (?:spostat|rinviat|riprogrammat|posticipat)|"
                          r"\bwurden? (?:verschoben|verlegt)\b|(?:変更|延期)されました|"
                          r"已(?:改期|推迟|延期|更改)|(?:변경|연기)되었습니다)")
# a date said to be the one first planned ("the update originally scheduled for D is postponed", "prévue initialement le
# D", "prevista inicialmente para el D", "inizialmente previsto per il D", "ursprünglich für den D geplant",
# "当初 D に予定", "原定于 D", "原訂於 D", "당초 D로 예정"): the date the mail replaces, whatever verb says so (English
# "initially" only with its participle: "will initially be available from D" is a first date, not a replaced one)
_ORIGINAL_CUES = ("originally", "initially", "initialement", "inicialmente", "inizialmente", "originariamente",
                  "originalmente", "ursprünglich", "当初", "原定", "原订", "原先", "原本", "原计划", "原計劃", "당초",
                  "원래", "通知中", "通知では", "お知らせでは", "공지에서", "알림에서", "안내에서", "notice,",
                  "notice we")
_ORIGINALLY = re.compile(r"(?:\b(?:in|per) (?:the|our) (?:earlier|previous|original|prior) (?:notice|notification)"
                         r"(?:,| we sent)(?:[^.;!?\n]|\.(?=\S)){0,80}\Z|"
                         # (what the earlier notice said: "先前通知中，… 外掛程式 1.x 的支援結束日期為 D",
                         # "前回の通知では …", "이전 공지에서는 …"; a version's dot between)
                         r"(?:先前|之前|以前|原)(?:的)?通知中(?:[^.;!?。\n]|\.(?=\S)){0,80}\Z|"
                         r"(?:前回|以前)の(?:通知|お知らせ)では[^。\n]{0,80}\Z|"
                         r"이전 (?:공지|알림|안내)에서(?:는)?(?:[^.\n]|\.(?=\S)){0,80}\Z|"
                         r"\boriginally|\binitially (?:scheduled|planned|announced|set|expected|due)|"
                         r"\b(?:initialement|inicialmente|inizialmente|originariamente|originalmente|ursprünglich)|"
                         r"当初|原定|原订|原先|原本|原计划|原計劃|당초|원래)[^.;!?。\n]{0,30}\Z")
# a date the mail says a thing will not happen on ("the replacement will not take place on D as announced", "n'aura pas
# lieu le D", "no tendrá lugar el D", "não ocorrerá em D", "non avrà luogo il D", "findet nicht am D statt"): taken back
_NOT_HAPPENING_CUES = ("not take place", "not happen", "not occur", "not go ahead", "won't", "won’t", "pas lieu",
                       "plus lieu", "tendrá lugar", "tendra lugar", "llevará a cabo", "ocorrerá", "acontecerá",
                       "terá lugar", "luogo", "svolger", "findet nicht")
_NOT_HAPPENING = re.compile(r"(?:\bwill not (?:take place|happen|occur|go ahead)|"
                            r"\bwon[’']t (?:take place|happen|occur)|"
                            r"\bn[’']aura (?:pas|plus) lieu|\bno (?:tendr[aá] lugar|se llevar[aá] a cabo)|"
                            r"\bn[aã]o (?:ocorrer[aá]|acontecer[aá]|ter[aá] lugar)|"
                            r"\bnon (?:avr[aà] luogo|si svolger[aà])|\bfindet nicht)"
                            r"\s+(?:(?:on|le|el|em|no dia|il|am)\s+)?(?:[^\W\d_]+\.?,?\s+)?\Z")
# a date moved to another in the same clause ("the end of support moves from D1 to D2", "has been extended from D1 to
# D2", "we have postponed it from D1 to D2"): the verb before "from", then a date after "to" (a month and its day,
# a day and its month, or an ISO date; not "to TLS 1.3", "to 7 days", "to 02:00 UTC")
_MOVED_FROM = re.compile(r"\b(?:mov(?:es|ed|ing)|chang(?:es|ed|ing)|extend(?:s|ed|ing)|postpon(?:es|ed|ing)|"
                         r"delay(?:s|ed|ing)|push(?:es|ed|ing) back|reschedul(?:es|ed|ing)|shift(?:s|ed|ing)|"
                         r"deferr(?:ed|ing)|defers)\b[^.;\n]{0,120}?\bfrom\s+(?:[a-z]+day,?\s+)?\Z")
_MOVED_TO = re.compile(r",?\s+to\s+(?:[a-z]+day,?\s+)?"
                       r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b"
                       r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{4}-\d{2}-\d{2}\b"
                       # (or to a date named later: "moves from January 14, 2027 to a later date")
                       r"|(?:a|an|the) (?:later|new|different|earlier|revised) (?:date|day)\b)")
# a plan, said in the present progressive ("we are retiring it on D"): what "will" happen on that date
_PLANNED = re.compile(r" we are (?:\w+ing)\b")
# an act asked before the change the mail announces takes effect ("please update them before the change takes effect",
# "before these changes go into effect"), after its date (within _CHANGE_ASK_SPAN characters)
_BEFORE_CHANGE = re.compile(r"\bbefore (?:the|this|these) (?:new \w+ |\w+ )?changes? (?:takes?|goes|go|comes?) "
                            r"(?:into )?effect\b")
_CHANGE_ASK_SPAN = 3000
_BEFORE_THAT = re.compile(r"\bbefore (?:that|this) date\b")
_SELECTED_BEFORE = re.compile(r"\b(?:issued|created|launched|started|deployed|registered|purchased|made|signed|"
                              r"uploaded|published)\s+\Z")


def _asks_before_change(text: str, end: int) -> bool:
    """Whether ``text`` asks an act before the change takes effect (:data:`_BEFORE_CHANGE`) after ``end``, or before
    "that date" in the same paragraph ("Starting June 3, 2027, CodeArtifact will fetch packages from new ranges. … add
    the new ranges before that date")."""
    window = text[end:end + _CHANGE_ASK_SPAN]
    if "effect" in window and _BEFORE_CHANGE.search(window) is not None:
        return True
    paragraph = window.split("\n\n", 1)[0]
    # (not what a participle selects: "Certificates issued before that date keep their current validity")
    found = _BEFORE_THAT.search(paragraph) if "before" in paragraph else None
    return found is not None and _SELECTED_BEFORE.search(paragraph, max(0, found.start() - 20), found.start()) is None


def _aside_before(text: str, left: int, start: int, end: int, anaphor: int) -> bool:
    """Whether the date at ``text[start:end]`` stands in a parenthesis (opened in its sentence, from ``left``) that
    closes before the anaphor at ``anaphor``: an aside, which the anaphor does not name."""
    opened = text.rfind("(", left, start)
    return opened >= 0 and text.find(")", opened, start) < 0 and text.find(")", end, anaphor) >= 0


_WINDOW_CUES = ("window", "fenster", "ventana", "fenêtre", "fenetre", "janela", "finestra", "メンテナンス", "维护",
                "維護", "窗口", "时段", "유지", "일정", "日程", "排定", "计划", "計劃", "预定", "預定", "予定日時",
                "예정")
# a hard wrap of a plain-text paragraph: a line break after a line of at least 60 characters that ends inside a
# sentence (a letter, a digit or a comma before it), before a line that goes on with a word and holds no field label (no
# colon in its first 40 characters) and opens no list item
# (the line break first: re finds each one by a literal scan, then looks back)
# (a time's colon, "at 23:59:59 UTC", between two digits, is no label's)
_SOFT_WRAP = re.compile(r"\n(?<=[^\n]{59}(?:[^\W_]|,)\n)"
                        # (a short last line may end in the colon that opens a list: "February 19, 2027:")
                        r"(?=[^\W\d_](?:(?:[^\n:：]|(?<=\d):(?=\d)){39}|(?:[^\n:：]|(?<=\d):(?=\d)){0,38}[:：]?(?:\n|\Z)))")


def unwrap(lowered: str) -> str:
    """``lowered`` with the line breaks of hard-wrapped paragraphs as spaces (:data:`_SOFT_WRAP`; one character for one:
    offsets hold), so that a phrase split by the wrap ("wenn wir bis\nzum 12. Februar 2027") reads as written. The first
    line is a title (the subject): the break after it stays."""
    first = lowered.find("\n") + 1
    return lowered[:first] + _SOFT_WRAP.sub(_wrap_break, lowered[first:]) if first else lowered


def _wrap_break(found: re.Match[str]) -> str:
    """A space for a hard wrap's line break, but a line break between two rows of a table aligned with spaces (the
    line before or after holds a gap of three spaces: no wrapped prose does), so that its columns stay in their rows."""
    text, at = found.string, found.start()
    end = text.find("\n", at + 1)
    if "   " in text[text.rfind("\n", 0, at) + 1:at] or "   " in text[at + 1:end if end >= 0 else len(text)]:
        return "\n"
    return " "


# a sentence that opens with what happens only if the reader turns something off ("With renewal off, the domain
# expires on …", "If you disable automatic renewal, …"): a conditional date, less than the date that will happen
_CONDITIONAL_OFF = re.compile(r"\s*(?:with (?:auto(?:matic)?[- ]?)?renewal (?:turned )?off|"
                              r"if you (?:turn off|disable|cancel) (?:the )?(?:auto(?:matic)?[- ]?)?renewal)\b")
_UNTIL_CUES = ("until", "through", "começ", "comenz", "comienz", "commenc", "inizi", "beginnt", "beginnen")
# a weekday between a localized lead and its date ("bis spätestens Freitag, 4. Dezember", "a más tardar el lunes,
# 11 de enero", "Date d'application recommandée : mardi 16/02/2027"): de, fr, es, it, pt (ja/zh/ko write it after)
_WEEKDAY_FOREIGN = (r"(?:(?:" + WEEKDAY_NAMES_FOREIGN + r")"
                    # (German writes the article after the weekday: "Freitag, den 12. März 2027")
                    r"(?:-feira)?,?\s*(?:de[nm]\s+)?|"
                    # (abbreviated: "Mo., 15.03.2027", "lun. 15 mars", "mié. 15 de marzo", "seg., 15/03")
                    r"(?:mo|di|mi|do|fr|sa|so|lun|mar|mer|mié|mie|jeu|jue|ven|vie|sam|sáb|sab|dim|dom|gio|seg|ter|qua|"
                    r"qui|sex)\.,?\s*)?")
# a time between a localized lead and its date ("até às 23h59 UTC de D", "bis 18 Uhr MEZ am D", "entro le 23:59 (UTC)
# del D", "avant 23h59 UTC le D", "antes de las 23:59 UTC del D"), as _FILLER for English: hours with their minutes or
# their unit, a zone, then the connector to the date
_TIME_FOREIGN = (r"(?:(?:(?:às|as|à|a las|alle|le|um|ore)\s+)?\d{1,2}(?:[:h.]\d\d|h|\s*uhr)"
                 r"(?:\s*\(?(?:utc|gmt|cet|cest|mez|mesz|wet|west|[pmce][sd]t|[jk]st)\)?)?(?:\s*\([^)\n]{1,40}\))?,?\s+"
                 r"(?:(?:de|del|do|da|du|di|le|il|am|del giorno)\s+)?)?")
# what a start or an end field may name after its word: the window or the maintenance ("Start of the window", "Début de
# la fenêtre", "Inicio de la ventana", "Início da janela", "Inizio della finestra", "Beginn des Wartungsfensters",
# "Fin de la fenêtre")
_OF_WINDOW = (r"(?:[ \t]+(?:of (?:the )?|de (?:la |l['’])?|del |da |do |della |dell['’]|des |der )?"
              r"(?:maintenance window|maintenance|window|fen[êe]tre(?: de maintenance)?|ventana(?: de mantenimiento)?|"
              r"mantenimiento|janela(?: de manuten[çc][ãa]o)?|manuten[çc][ãa]o|finestra(?: di manutenzione)?|"
              r"manutenzione|wartungsfensters?|wartung|zeitfensters?))?")
# a window given as two field lines, its start's ("Start: Tuesday, July 14, 2026 01:00 UTC" over "End: …", "Beginn:",
# "Inicio:", "Début :", "Inizio:", "Início:", "開始:", "开始时间：", "시작:"), and the end field on the next line
# (:data:`_END_FIELD_AFTER`): the window opens then (weight 3, as _LEAD_WINDOW); also two rows of a table whose cells
# the HTML reading joined with a space ("시작 (KST) 2027년 2월 17일 …" over "종료 (KST) 2027년 2월 17일 …": no colon)
_START_FIELD = re.compile(r"(?:\A|\n)[ \t]*(?:(?:maintenance |window |scheduled |event )?start(?: time| date)?|"
                          r"beginn|inicio|in[íi]cio|d[ée]but|inizio|"
                          # (the maintenance's own: "维护开始：", "維護開始：", "メンテナンス開始:", "점검 시작:")
                          + _MAINTENANCE_NAME + r"?"
                          r"(?:開始(?:日時|時刻|時間)?|开始(?:时间|日期)?|"
                          r"시작(?: ?시간| ?일시)?))" + _OF_WINDOW
                          + r"(?:[ \t]*\([^)\n]{1,12}\))?(?:[ \t]*[:：][ \t]*|[ \t]+)"
                          r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?[ \t]*)?"
                          + _WEEKDAY_FOREIGN + r"\Z")
_START_FIELD_CUES = ("start", "beginn", "inicio", "início", "début", "debut", "inizio", "開始", "开始", "시작")
# the end field right after a start field's date (the rest of its line: a time, a zone, written out: "22 h 00 (heure
# normale d'Europe centrale)")
# (an HTML table's rows may reach us a blank line apart)
_END_FIELD_AFTER = re.compile(r"[^\n]{0,60}\n(?:[ \t]*\n)?[ \t]*"
                              r"(?:(?:maintenance |window |scheduled |event )?end(?: time| date)?|"
                              r"ende|fin|fine|fim|" + _MAINTENANCE_NAME + r"?"
                              r"(?:終了(?:日時|時刻|時間)?|结束(?:时间|日期)?|종료(?: ?시간| ?일시)?))" + _OF_WINDOW
                              + r"(?:[ \t]*\([^)\n]{1,12}\))?(?:[ \t]*[:：]|[ \t]+(?=\d|(?:mon|tue|wed|thu|fri|sat|sun|"
                              r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t,]|"
                              # (a weekday in another language before the day: "Fin de la fenêtre   lundi 3 mai 2027")
                              r"[^\W\d_]{3,12}\.?(?:-feira)?,?[ \t]+\d))")
# what becomes available from a date ("Neue CA verfügbar ab D", "disponible à partir du D", "disponible desde el D",
# "disponível a partir de D", "disponibile dal D", "available starting D")
_AVAILABLE_FROM = re.compile(r"(?:\bverfügbar (?:ab(?: dem)?|seit)|"
                             r"\bdisponibles? (?:à partir du|dès le|desde el|a partir del?)|"
                             r"\bdispon[ií]ve(?:l|is) (?:a partir de|desde)|\bdisponibil[ei] (?:dal|a partire dal)|"
                             r"\bavailable (?:from|starting|beginning|as of))\s*"
                             r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?" + _WEEKDAY_FOREIGN + r"\Z")
# a negation right before "available" ("no longer", "deixarão de estar", "dejarán de estar", "ya no estarán", "ne seront
# plus", "non saranno più", "nicht mehr")
_STOPS_BEING = re.compile(r"\b(?:no longer|deixar\w* de(?: estar| ser)?|dejar\w* de(?: estar| ser)?|ya no|já não|"
                          r"nicht mehr|ne (?:sera|seront|est|sont) plus|non (?:sar\w*|[eè]|sono) pi[uù]|"
                          r"cesser\w* d.[eê]tre)\s*(?:\w+\s*)?\Z")
# a localized "from" right before a date, a time and a weekday between ("das 22h de sábado, D", "desde las 22:00 del D",
# "du lundi D", "vom D", "dal D"): weight 1, as the English "from"
_LEAD_FROM_FOREIGN = re.compile(r"(?:\bdas|\bdesde(?: las?| el)?|\bdu|\bdès|\bdal(?:le)?|\bvom|\bvon)\s+"
                                r"(?:\d{1,2}(?:[:h.]\d\d|h|\s*uhr)\s*(?:\([^)\n]{1,30}\)\s*)?(?:de|del|do|da|am)?\s*)?"
                                + _WEEKDAY_FOREIGN + r"\Z")
# German and French lead phrases (only for text that is not plain ASCII)
_LEAD_FOREIGN = re.compile(r"(?:\bendet am|\bbis (?:einschlie(?:ß|ss)lich\s+|inklusive\s+)?(?:zum )?|"
                           # (an end of life: "erreichen ihr Lebensende am D")
                           r"\blebensende (?:am|zum)|"
                           # (after a date, said "once past": "Passado o dia D", "Passada a data de D")
                           r"\bpassad[oa] (?:o dia|a data(?: de)?)|"
                           r"\bsp(?:ä|ae)testens am|"
                           r"\bprend(?:ra)? fin le|\bavant le|\bjusqu.au|"
                           r"\bau plus tard (?:le|à)|\bvor dem|\bab dem|\bab|\bnach dem|\bnach|"
                           r"\bà partir du|\baprès le|"
                           # ("hasta" without its article in a field: "Acceso al producto hasta 31/01/2027")
                           r"\bantes del?|\ba más tardar el|\ba mais tardar em|\bhasta(?: el)?|\ba partir del?|"
                           # ("después de" before a date written with digits first: "Después de 2027-01-19 14:00 UTC")
                           r"\bdespués del?|\bdepois de|\bapós|\baté (?:ao |o )?dia|\baté|"
                           r"\bentro(?: il| l['’])?|\bprima del(?:l['’])?|"
                           r"\ba partire da(?:l(?:l['’])?)?|"
                           # by midnight of the date ("entro la mezzanotte (UTC) del D", "antes de la medianoche del D",
                           # "até a meia-noite de D", "avant minuit le D", "bis Mitternacht am D")
                           r"\bentro la mezzanotte(?: \([^)\n]{1,10}\))? del|"
                           r"\bantes de la medianoche(?: \([^)\n]{1,10}\))? del?|"
                           r"\baté (?:[aà] )?meia-noite(?: \([^)\n]{1,10}\))? de|"
                           r"\bavant minuit(?: \([^)\n]{1,10}\))? le|"
                           r"\bbis mitternacht(?: \([^)\n]{1,10}\))? (?:am|des)|"
                           # at the latest, with effect from ("como máximo el", "no máximo até", "al più tardi il",
                           # "con decorrenza dal", "com vigência a partir de")
                           r"\bcomo m[aá]ximo(?: hasta)? el|\bno m[aá]ximo at[eé](?: o dia)?|"
                           r"\bal più tardi(?: entro)? il|"
                           r"\bcon decorrenza (?:dal|a partire dal)|\bcom vig[eê]ncia (?:a partir de|em)|"
                           # the day named ("até o dia D", "hasta el día D", "entro il giorno D")
                           r"\bhasta el d[ií]a|\bentro il giorno|"
                           # before the day ends ("antes de que acabe el día D", "antes de que termine el D", "avant la
                           # fin de la journée du D", "prima della fine del giorno D", "antes do fim do dia D")
                           r"\bantes de que (?:acabe|termine|finalice|venza|expire)(?: el)?(?: d[ií]a)?|"
                           r"\bavant la fin de la journ[ée]e du|\bprima della fine del(?: giorno)?|"
                           r"\bantes do (?:fim|final) do dia|"
                           # (Italian elides "il" before a vowel: "termina l'11 marzo", "fino all'11")
                           r"\bdopo (?:il|l['’])|\bnon oltre(?: il| l['’]| la giornata di)?|\bfino a(?:l|ll['’])?|"
                           r"\bterminar[aá] em|"
                           r"\bfinalizar[aá] el|\bterminar[aá] el|"
                           r"\btermina (?:el|em|il|l['’])|\bfinaliza (?:el|em)|"
                           r"\bterminerà (?:il|l['’])|\bscade (?:il|l['’])|\bvence(?:rá)? (?:el|em)|"
                           r"\bexpira(?:rá)? (?:el|em)|"
                           r"\bsera (?:arrêtée|résiliée|suspendu)e? le|\bà compter du|\bd.ici le|"
                           # (and in Italian, the date perhaps named "in data": "l'account sarà sospeso in data D")
                           r"\b(?:sar[àa]|verr[àa]) (?:sospes|chius|disattivat|bloccat)[oa] (?:il|l['’]|in data)|"
                           r"\bbis sp(?:ä|ae)testens|\bsp(?:ä|ae)testens|"
                           # an auto-renewal: "sera renouvelé automatiquement le", "se renovará automáticamente el"
                           r"\brenouvel\w*(?: automatiquement)? le|\brenovar[aá](?: automaticamente)? (?:el|em)|"
                           # a change that takes effect: "entrarán en vigor el", "entreranno in vigore il"
                           r"\bentrar[aá]n? en vigor el|\bentrar[aã]o em vigor em|\bentrar[aá] em vigor em|"
                           r"\bentrer[aà](?:nno)? in vigore il|\bentrer(?:a|ont) en vigueur le|\bin kraft (?:ab|am)|"
                           r"\bverlängert(?: sich)?(?: automatisch)? am|\brinnov\w*(?: automaticamente)? il|"
                           # with effect from: "mit Wirkung zum", "con efecto desde", "avec effet au", "com efeito a
                           # partir de", "con effetto dal"
                           r"\bmit wirkung (?:zum|vom|ab)|\bcon efecto (?:desde el|desde|a partir del?)|"
                           r"\bavec effet (?:au|à compter du|a compter du|le)|\bcom efeito (?:a partir de|desde|em)|"
                           r"\bcon effetto (?:dal|a partire dal|a decorrere dal)|"
                           # the new date of what was moved: "reportée au", "pospuesta al", "adiada para",
                           # "posticipata al", "verschoben auf den"
                           r"\b(?:report|décal)[ée]e?s? au|\b(?:pospuest|aplazad|trasladad)[oa]s? (?:al|hasta el)|"
                           r"\breprogramad[oa]s? para el|\b(?:adiad|remarcad|transferid)[oa]s? para|"
                           r"\b(?:posticipat|rinviat|spostat)[oaie] al|\bverschoben auf(?: den)?|"
                           # the end of a period: "fin de la période d'examen le", "Ende des Prüfzeitraums am",
                           # "fin del período de revisión el", "fim do período de análise em", "fine del periodo di
                           # revisione il"
                           # ("final" for "fin", a comma before its "on": "al final del período de prueba, el D")
                           # (or as a field: "Fine del periodo di revisione: venerdì D")
                           r"\bfin de la période(?: d.\w+)?(?:,? le|\s*:)|"
                           r"\bende des \w*(?:zeitraums|frist)(?:,? am|\s*:)|"
                           r"\bfin(?:al)? del per[ií]odo(?: de \w+)?(?:,? el|\s*:)|"
                           r"\b(?:fim|final) do per[ií]odo(?: de \w+)?(?:,? em|\s*:)|"
                           r"\bfine del periodo(?: di \w+)?(?:,? il|\s*:)|"
                           # the end of the day by which: "bis zum Ablauf des", "avant la fin du", "antes del final
                           # del", "entro la fine del", "até o final de"
                           r"\bbis (?:zum )?(?:ablauf|ende) (?:des|vom)|"
                           r"\b(?:avant|d.ici) la fin (?:du|de la journée du)|"
                           r"\bantes del? (?:final|fin) del?|\bentro la fine del|\baté (?:o|ao) final d[oe])\s*"
                           + _TIME_FOREIGN + _WEEKDAY_FOREIGN + r"\Z")
# the due-date field of a localized bill, its cells joined (no colon needed: "결제 기한 2026년 7월 2일",
# "お支払期日: 2026年7月31日", "Fecha de vencimiento"): weight 3, searched only where one of _DUE_CUES
# stands before the date (as _LEAD_RENEW)
# A labelled deadline, apply-by or scheduled date in the 9 languages ("Frist", "Fecha límite", "Date limite",
# "Prazo", "Scadenza", "截止日期", "마감일", "Empfohlenes Anwendungsdatum", "Date d'application recommandée",
# "適用推奨日", "폐기 예정 일시", "予定日"), also the value of an HTML <dt>/<dd> pair or label glued to its date
# ("Frist15.02.2027"), a weekday between: weight 3 as well
_LEAD_DUE_FOREIGN = re.compile(r"(?:(?:결제|납부) ?기한|"
                               # the last day of support ("Letzter Tag der Unterstützung", "Último día de soporte",
                               # "Dernier jour du support", "Ultimo giorno di supporto", "Último dia de suporte")
                               # (or one word: "Letzter Supporttag", "dernier jour de support")
                               r"\bletzter (?:tag (?:der unterstützung|des supports)|supporttag)|"
                               r"\bdernier jour de support|\b[úu]ltimo d[íi]a (?:de|del|do) "
                               r"(?:soporte|suporte)|\bdernier jour (?:du support|de (?:la )?prise en charge)|"
                               r"\bultimo giorno (?:di|del) supporto|"
                               # the end of a term (an agreement, a subscription, a contract):
                               # "Laufzeitende", "fecha de finalización", "date de fin", "終了日", "结束日期"
                               r"\blaufzeitende|\bvertragsende|\benddatum|"
                               r"\bfecha de (?:finalizaci[oó]n|fin|t[eé]rmino)|"
                               r"\bdata de (?:t[eé]rmino|encerramento|fim)|"
                               # (the end of a subscription or contract named so: "Fim da assinatura: D", "Fin de
                               # la suscripción:", "Fin de l'abonnement :", "Fine dell'abbonamento:", "Ende des
                               # Abonnements:")
                               r"\bfim d[ao] (?:assinatura|subscri[çc][ãa]o|contrato|acordo)|"
                               r"\bfin de (?:la )?(?:suscripci[oó]n|l.abonnement|l.accord|contrato)|"
                               r"\bfine (?:dell.abbonamento|della sottoscrizione|del contratto)|"
                               r"\bende des (?:abonnements|vertrags)|\babonnementende|"
                               r"\bdate de fin|\bdata di fine|契約終了日|終了日|结束日期|终止日期|終止日期|종료일|"
                               # (the end of support as a field, zh: "停止支援：D", "终止支持：D", "支持结束日期：D")
                               r"(?:停止|终止|終止|结束|結束)(?:支援|支持)(?:日期|日)?|(?:支援|支持)(?:终止|終止|结束|結束)(?:日期|日)?|"
                               # the end of the service ("Fine del servizio:", "Fin du service :", "Fin del servicio:",
                               # "Fim do serviço:", "Ende des Dienstes:")
                               r"\bfine del servizio|\bfin du service|\bfin del servicio|\bfim do servi[çc]o|"
                               r"\bende des dienstes|"
                               # the date a certificate or an endpoint is switched ("교체 일자", "切り替え日",
                               # "轮换日期")
                               r"(?:교체|전환) ?(?:일자|날짜|일시)|(?:切り替え|切替|交換)日(?:時)?|"
                               r"(?:轮换|更换|切换|輪換|更換|切換)(?:日期|时间|時間)|"
                               # the date a change takes effect or a service, version or feature is retired
                               # ("Stichtag", "Date d'entrée en vigueur", "生效日期", "시행일", "廃止日")
                               r"\bstichtag|\bgültig ab|\bwirksam ab|\bdatum des inkrafttretens|\babkündigungsdatum|"
                               r"\bdate d.(?:effet|entrée en vigueur)|"
                               r"\bdate de (?:retrait|fin de (?:support|prise en charge))|"
                               r"\bfecha (?:de )?(?:entrada en vigor|efectiva|retiro|fin de soporte)|"
                               r"\bdata (?:de )?(?:vig[eê]ncia|efetiva|desativa[cç][aã]o|fim do suporte)|"
                               r"\bdata (?:di )?(?:entrata in vigore|effettiva|ritiro|fine (?:del )?supporto)|"
                               r"発効日|廃止日|サポート終了日|生效日期|弃用日期|(?:支持|支援)(?:终止|終止)日期|"
                               # a planned retirement's time ("计划停用时间", "リタイア予定日", "사용 중지 예정일")
                               r"(?:计划|計劃)?停用(?:时间|時間|日期)|リタイア(?:予定)?日(?:時)?|사용 중지 (?:예정)?일|"
                               # the date an account is suspended, closed or its data deleted ("暂停日期", "關閉日期")
                               r"(?:暂停|暫停|关闭|關閉|删除|刪除|冻结|凍結)(?:日期|时间|時間)|"
                               # the end of a review, as a field ("Fim da análise 26/03/2027", "Fin de la revisión:",
                               # "Fin de l'examen :", "Fine della revisione:", "Ende der Überprüfung:", "審査終了日")
                               r"\bfim d[ao] (?:per[ií]odo de )?(?:an[aá]lise|revis[aã]o|avalia[çc][aã]o)|"
                               r"\bfin (?:de la|del) (?:per[ií]odo de )?(?:revisi[oó]n|evaluaci[oó]n|an[aá]lisis)|"
                               r"\bfin (?:de l.examen|de la p[ée]riode d.examen|de la r[ée]vision)|"
                               r"\bfine (?:della|del) (?:periodo di )?(?:revisione|verifica|valutazione)|"
                               r"\bende (?:der|des) (?:überprüfung|prüfung|prüfungszeitraums)|"
                               r"審査終了日?|(?:审核|審核)(?:结束|結束)(?:日期|时间|時間)?|검토 종료(?:일)?|"
                               r"시행일|사용 중지일|지원 종료일|폐기일|"
                               r"お?支払い?期[日限]|\bfecha de vencimiento|\bdate d.échéance|"
                               r"\bfälligkeitsdatum|\bfällig am|\bdata di scadenza|\bdata de vencimento|\bvencimento|"
                               r"\bfrist|\bfecha l[íi]mite|\bdate limite|\bdata limite|\bprazo(?: final| limite)?|"
                               # (the time limit of what it is for: "Prazo para correção 15/03/2027", "Plazo para
                               # la corrección:", "Délai de correction :", "Termine per la correzione:", "Frist zur
                               # Korrektur:")
                               r"\bprazo para (?:a |o )?[^\W\d_]+|\bplazo(?: para (?:la |el )?[^\W\d_]+)?|"
                               r"\bd[ée]lai (?:de|pour) (?:la |le )?[^\W\d_]+|"
                               r"\btermine (?:per|di) (?:la |il )?[^\W\d_]+|"
                               r"\bfrist (?:für|zur|zum) (?:die |den )?[^\W\d_]+|"
                               r"\bscadenza|\btermine ultimo|期限|截止日期|截止时间|截止時間|마감일|마감 기한|기한|"
                               r"\b(?:empfohlenes )?anwendungsdatum|\bdate d.application(?: recommandée)?|"
                               r"\bfecha (?:recomendada )?de aplicaci[óo]n(?: recomendada)?|"
                               r"\bdata (?:recomendada )?de aplica[çc][ãa]o(?: recomendada)?|"
                               r"\bdata (?:consigliata )?di applicazione(?: consigliata)?|(?:推奨)?適用(?:推奨)?日|"
                               r"(?:建议)?应用日期|(?:권장 )?적용 ?(?:날짜|일)|"
                               r"예정 ?(?:일시|일자|일)|予定日時?|计划日期|"
                               # when a maintenance is carried out, its label on the line above ("■ 実施日時",
                               # "实施时间", "실시 일시")
                               r"実施(?:日時|予定日時?|日)|实施(?:时间|日期)|실시 ?(?:일시|일자)|"
                               # a retirement's line of a timeline ("Außerbetriebnahme ........ Montag, D": the leader
                               # read as a colon), in de, fr, es, pt, it (and an instance's row: "→ ritiro: D",
                               # "retrait : D")
                               r"\b(?:außerbetriebnahme|abschaltung|stilllegung|mise hors service|désactivation|"
                               r"retirada|desactivaci[oó]n|desativa[cç][aã]o|dismissione|disattivazione|ritiro|"
                               r"retrait)\s*[:：])"
                               # (a colon, or the topic particle or copula of a sentence that states the date:
                               # "お支払い期日は D です", "납부 기한은 D입니다", "付款截止日期为 D")
                               r"\s*(?:[:：]|は|[은는]|为|為|是)?\s*" + _WEEKDAY_FOREIGN + r"\Z")
_DUE_CUES = ("기한", "期日", "期限", "venc", "chéance", "fällig", "scadenz", "frist", "mite", "prazo", "plazo", "délai",
             "delai", "termine",
             "letzter tag", "letzter support", "ltimo d", "dernier jour", "ultimo giorno",
             "截止", "마감", "datum", "applica", "aplica", "適用", "应用", "적용", "예정", "予定", "计划",
             "laufzeitende", "vertragsende", "fecha de", "data de", "date de fin", "data di fine", "終了日", "结束日期",
             "fine del servizio", "fin du service", "fin del servicio", "fim do servi", "ende des dienstes",
             "교체", "전환", "切り替え", "切替", "交換", "轮换", "更换", "切换", "輪換", "更換", "切換",
             "终止日期", "終止日期", "종료일", "fim d", "fin de", "fin del", "fine d", "ende d", "審査終了", "审核结束",
             "審核結束", "검토 종료", "暂停", "暫停", "关闭", "關閉", "删除", "刪除", "冻结", "凍結",
             "stichtag", "gültig ab", "wirksam ab", "inkrafttreten", "abkündigung", "date d",
             "data di", "発効日", "廃止日", "サポート終了日", "生效日期", "停用日期", "弃用日期", "终止日期", "시행일",
             "사용 중지일", "지원 종료일", "폐기일", "実施", "实施", "실시", "außerbetrieb", "abschaltung",
             "stilllegung", "hors service", "désactivation", "retirada", "desactivaci", "desativa", "dismission",
             "disattivazion", "ritiro", "retrait", "支援", "支持", "abonnementende")
# a localized label or participle that makes its date a fact: when it was published, sent or issued
# ("veröffentlicht am 12.06.2026", "publiée le", "통지 발송일 :", "公開日:", "发布日期：")
_FACT_LABEL_FOREIGN = re.compile(r"(?:\bveröffentlicht am|\bpubli[ée]e?s? le|\bpublicad[oa]s? (?:el|em)|"
                                 r"\bpubblicat[oaie] il|발송일|게시일|통지일|発送日|送信日|通知日|公開日|発行日|"
                                 r"发送日期|通知日期|发布日期|发布于|"
                                 # (an announcement's date: "公告日：D", "發布日期：D", "発表日：D", "공지일: D")
                                 r"公告日(?:期)?|公布日(?:期)?|發布日(?:期)?|発表日|공지일|"
                                 # an invoice's own date ("Date de facture :", "Fecha de factura:", "Rechnungsdatum:")
                                 r"\bdate de (?:la )?facture|\bfecha de (?:la )?factura|\bdata da fatura|"
                                 # (its issue date: "Data de emissão", "Fecha de emisión", "Date d'émission", "Data di
                                 # emissione", "Ausstellungsdatum")
                                 r"\bdata de emiss[ãa]o|\bfecha de emisi[óo]n|\bdate d.[ée]mission|\bdata di emissione|"
                                 r"\bausstellungsdatum|"
                                 # (or said with the verb: "émise le D", "emitida el D", "emitida em D", "emessa il D",
                                 # "ausgestellt am D")
                                 r"\b[ée]mise?s? le|\bemitid[oa]s? (?:el|em)|\bemess[oa] il|\bausgestellt am|"
                                 r"\bdata (?:della )?fattura|\brechnungsdatum|請求日|请求日期|开票日期|发票日期|청구일|"
                                 r"발행일)"
                                 r"\s*[:：]?\s*\Z")
# a creation date right before a date, in the 9 languages ("created on", "erstellt am", "creado el", "créée le",
# "criada em", "creata il", "作成日:", "创建于", "생성일:"): when a key or resource was made, a fact, not a deadline
# (or found: when AWS found it, "found on 2027-02-20", "detected on", "discovered on")
_CREATED = re.compile(r"(?:\bcreated(?: on| at)?\s*:?|\b(?:found|detected|discovered|observed)(?: on| at)\s*:?|"
                      r"\berstellt am|\bcread[oa]s? el|\bcréée?s? le|\bcriad[oa]s? em|"
                      r"\bcreat[oaie] il|作成日時?|作成された日|创建于|创建日期|创建时间|建立于|建立於|"
                      r"생성일(?:시|자)?|생성 날짜|"
                      # (or released: an update's release date as a label, "Release date:", "Data de lançamento:",
                      # "Fecha de lanzamiento:", "Date de publication :", "Data di rilascio:",
                      # "Veröffentlichungsdatum:", "リリース日:", "릴리스 날짜:", "출시일:")
                      r"\b(?:release|launch) date|\bdate released|\bdata de lan[çc]amento|"
                      r"\bfecha de (?:lanzamiento|publicaci[óo]n)|\bdate de (?:lancement|sortie|publication)|"
                      r"\bdata di (?:rilascio|lancio|pubblicazione)|ver[öo]ffentlichungsdatum|erscheinungsdatum|"
                      r"リリース日|릴리스 날짜|출시일|"
                      # (the publication date of the notice itself, qualified: "Date de publication de ce premier
                      # avis :", "Publication date of this notice:", "Fecha de publicación de este aviso:")
                      r"\b(?:date de publication|fecha de publicaci[óo]n|data de publica[çc][ãa]o|"
                      r"data di pubblicazione|publication date) (?:de|of|del|da|di) [^:：\n]{1,40}?|"
                      # (or closed: the date an account was closed, confirmed, "We confirm the closure of your account
                      # on", "Nous confirmons la fermeture de votre compte AWS le", "foi encerrada a", "è stato chiuso
                      # il")
                      r"\bconfirm\w* (?:the |la |el |o |a |die )?(?:closure|fermeture|cierre|encerramento|chiusura|"
                      r"schließung|kündigung)\b[^.]{0,60}?(?:\bon|\ble|\bel|\bem|\ba|\bil|\bam)?|"
                      r"\b(?:was|has been) closed on|\bfoi encerrada (?:a|em)|\b(?:è stato|e stato) chiuso il|"
                      r"\ba [ée]t[ée] ferm[ée] le|\bfue cerrada el|"
                      # (or the end of the usage a bill covers: "a final bill for usage through D", "pela utilização
                      # até D", "por el uso hasta el D", "pour l'utilisation jusqu'au D", "für die Nutzung bis zum D",
                      # "per l'utilizzo fino al D")
                      r"\b(?:usage|use|consumption) (?:through|until|up to)|\butiliza[çc][ãa]o até|"
                      r"\b(?:uso|consumo) hasta(?: el)?|\butilisation jusqu.au|\b(?:nutzung|verbrauch) bis(?: zum)?|"
                      r"\butilizzo fino al)"
                      r"\s*[:：]?\s*\Z")
# a date an earlier notice gave, named as the earlier one right before it ("this message updates our notice of D0, which
# gave an earlier end-of-support date of D", "the previous deadline was D"): superseded, not a date to act by
_EARLIER_DATE = re.compile(r"\b(?:an?|the|its|our|that)\s+(?:earlier|previous|prior|former|original|old|initial)\s+"
                           r"(?:[\w-]+\s+){0,3}?(?:date|deadline)\s*(?:of|was|had been|:)?\s*\Z")
# the notice this message replaces, and what it announced in a relative clause right before the date ("This message
# replaces the one of D0, which announced the rotation for D", "Ce message remplace celui du D0, qui annonçait …",
# "Questo messaggio sostituisce quello del D0, che annunciava …"; en, fr, es, pt, it: German says the verb after the
# date): the date the mail replaces
_REPLACES_CUES = ("replac", "supersed", "updat", "remplac", "met à jour", "reemplaz", "sustitu", "actualiz", "substitu",
                  "atualiz", "sostitu", "aggiorn", "ersetz", "aktualis")
_REPLACED_NOTICE = re.compile(
    r"\b(?:replaces|supersedes|updates|remplace|met à jour|reemplaza|sustituye|actualiza|substitui|atualiza|"
    r"sostituisce|aggiorna|ersetzt|aktualisiert)\b[^.;:\n]{0,100}?,?\s+(?:which|that|qui|que|che|die|das|der)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:announced|gave|set|named|stated|scheduled|annonçait|indiquait|fixait|prévoyait|anunciaba|indicaba|fijaba|"
    r"programaba|anunciava|indicava|previa|fixava|annunciava|fissava|prevedeva|ankündigte|angab|nannte|vorsah)\b"
    r"[^.;:\n]{0,80}\Z")
#: how far before a date _REPLACED_NOTICE is looked for (its verb, 100 characters, the relative pronoun and two words,
#: its verb and 80 more: a sentence without full stops, 300 KB of them, is not read again for each of its dates)
_REPLACED_REACH = 280
_CREATED_CUES = ("creat", "erstellt", "cread", "créé", "criad", "作成", "创建", "建立", "생성", "found ", "detected ",
                 "discovered ", "observed ", "release", "launch", "lançamento", "lancamento", "lanzamiento", "publica",
                 "lancement", "sortie", "rilascio", "lancio", "pubblicazione", "ffentlichungsdatum",
                 "erscheinungsdatum", "リリース", "릴리스", "출시", "confirm", "closed on", "encerrada", "chiuso il",
                 "fermé le", "ferme le", "cerrada el", "use ", "usage ", "consumption ", "utiliza", "uso ", "consumo ",
                 "utilisation ", "nutzung ", "verbrauch ", "utilizzo ")
_FACT_CUES = ("emiss", "emisi", "émission", "ausstellung", "émis", "emis ", "emise", "emitid", "emess", "ausgestellt",
              "öffentlicht", "publi", "발송", "게시", "통지", "発送", "送信", "通知", "公開", "発行", "发送", "发布",
              "factur", "fatur", "fattur", "rechnungsdatum", "請求日", "请求日期", "开票", "发票日期", "청구일",
              "발행일")
# dotted leaders between a field's name and its value ("Payment due ......... 14 Jan 2027"): read as a colon
# a numeric date with dashes or dots, the year last ("03-01-2027", "01.02.2027"): day first (the reading of localized
# text)
# (its first digit first, then the look-behind over that digit and the character before it: the same matches, and re
# skips to the digits instead of trying the look-behind at every position)
_NUMERIC_DMY = re.compile(r"\d(?<![\d.-]\d)\d?([-.])\d{1,2}\1\d{4}(?![\d.-])")
# the first separator of a _NUMERIC_DMY match, one or two digits after its start: re's scan skips to a dash or a dot
# (_NUMERIC_DMY, led by a digit and a look-behind, is tried at every digit of the mail; :func:`_has_numeric_dmy`)
_NUMERIC_DMY_SEPARATOR = re.compile(r"[-.](?=\d\d?[-.]\d{4})")
# (a weekday may stand after the dots: "Außerbetriebnahme .......... Montag, D")
_LEADER = re.compile(r"[ \t]*(?:\.{3,}|…+)[ \t]*[:：]?[ \t]*(?:[^\W\d_]{2,12}\.?,?[ \t]*)?\Z")
# connectors of localized text written in plain ASCII (rare in English mail)
_ASCII_CUES = (" de ", " del ", " el ", " il ", " le ", " zum ", " dem ", " der ", " entro ", " von ", " bis ", " al ",
               " la ", " du ", " em ", " und ", " sie ", " ihr", " des ", " da ", " bis:", " entro:", " dal ", " dei ",
               " gli ", " della ", " l'", " les ", "\nles ",
               # (the day of a localized period: "tra 30 giorni", "in 30 Tagen", "dans 30 jours", "em 30 dias")
               " giorni", " tagen", " jours", " dias")
# the same as one search: the cues that begin with a space after one literal space (re finds each space by a literal
# scan and tries the rest there; one alternation of all the cues is tried at every position: 2.5 times slower over the
# samples' texts)
_ASCII_CUE = re.compile(" (?:" + "|".join(re.escape(cue[1:]) for cue in _ASCII_CUES if cue.startswith(" ")) + ")|"
                        + "|".join(re.escape(cue) for cue in _ASCII_CUES if not cue.startswith(" ")))
# localized deadline phrases written in plain ASCII: a text with one is read as localized
_ASCII_LEADS = ("bis zum ", " vor dem ", " ab dem ", "avant le ", "d'ici le ", "au plus tard le", "antes del ",
                "antes de ", "a partir de", "hasta el ", "entro il ", "prima del ", "a partire dal",
                # the localized relative deadlines (_RELATIVE_FOREIGN)
                "en un plazo de ", "no prazo de ", "dans un delai de ", " entro ", "innerhalb von ", " giorni",
                " tagen", " jours", " dias")
# a localized lead of weight 1 ("el", "le", "am", "em", "il": on)
_LEAD_FOREIGN_ON = re.compile(r"(?:\bel|\ble|\bam|\bem|\bil|\bl['’]|\bdem|\bdal(?:l['’])?|\bvom|\bdu|\bdel)\s*"
                              + _WEEKDAY_FOREIGN
                              + r"\Z")
# a field's colon right before its date, a weekday between ("Handlungsbedarf bis: Montag, D")
_FIELD_COLON = re.compile(r"[:：][ \t]*" + _WEEKDAY_FOREIGN + r"\Z")
_AFTER_DATE = re.compile(r"(?:\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*(?:utc|gmt))?)?,?\s*"
                         r"(?:onwards?\b|and (?:later|after|beyond)\b)")
# (a time may stand between: "2026年2月9日 10:00 (UTC) 以降に"; a Korean particle after a space:
# "2027년 3월 3일 로 예약")
# (a date in parentheses after what it dates: "在审查期结束 (D) 前", "審査期間終了（D）まで")
# (after a weekday, a time: "2027년 1월 18일 (월요일)", "D 周一 上午10:00")
_JA_AFTER = re.compile(CJK_DATE_TAIL + r"\s*+[)）]?\s*+"
                       r"(?:まで|以前|より前|以降|から|より|をもって|に|之前|以后|以後|(?:或)?之[后後]|或以[后後]|起|前|开始|開始|까지|이전|"
                       r"전(?:까지|에)|"
                       r"이후|부터|부로|에|"
                       r"(?:으)?로(?![\uac00-\ud7a3]))")
# a CJK lead right before a date ("将于 2026年4月20日": will, on)
# (or "from" D, a zone between: "自北京时间 D（星期二）08:00 起", "从 UTC D 开始")
_CJK_LEAD = re.compile(r"(?:将于|将在|於|于|截至|截止|推迟至|推迟到|延期至|延后至|改为|"
                       # (the new date of what was moved: "新的日期为 D", "新しい日付は D", "새 날짜는 D")
                       r"新的?(?:日期|时间)(?:为|是)\s*[:：]?|新しい(?:日付|日程|期日)は|새(?:로운)? 날짜는|"
                       r"(?:自|从)\s*(?:北京时间|台北时间|日本时间|协调世界时|utc|gmt)|"
                       # (a scheduled act's field: "计划停止时间：D", "计划重启日期：D")
                       r"计划(?:停止|重启|重新启动|维护|退役|停用|执行|更换|轮换)(?:时间|日期)\s*[:：])\s*\Z")
# the end of a period right before its date, a field without a colon ("审核期结束 D", "審査期間終了 D", "검토 기간
# 종료 D"), or "如果到 D" (if by then; not "收到", received): searched only where one of _CJK_END_CUES stands
# right before the date
_CJK_END_LEAD = re.compile(r"(?:(?<![收达得看想遇])到|直到|"
                           # (or an expiry's: "过期日期：D", "失效日期：D", an invitation's or an offer's)
                           r"(?:结束|結束|終了|终止|到期|过期|失效|종료|만료)(?:日期?|时间|時間|일)?\s*[:：]?)\s*\Z")
_CJK_END_CUES = ("到", "结束", "結束", "終了", "终止", "过期", "失效", "종료", "만료")

# what the sentence of a date says: (pattern, weight); a negative weight marks a date that is no deadline
_CONTEXT: tuple[tuple[re.Pattern[str], int], ...] = tuple((re.compile(p), w) for p, w in (
    (r"end(?:s|ing)?(?:[- ]of)?(?:[- ]standard)?[- ]support|support (?:for .{0,60})?(?:will )?end|"
     r"no longer (?:be )?supported|end[- ]of[- ]life|end[- ]of[- ]service|deprecat|discontinu|"
     # (a version that "leaves support" or goes "out of support" then)
     r"\bleaves (?:standard )?support\b|\b(?:goes|falls) out of (?:standard )?support\b|"
     r"サポート(?:を)?終了|サポートが終了|"
     # (German: "das Ende der Standardunterstützung", "Ende des Supports")
     r"ende (?:der|des) (?:standard-?)?(?:unterstützung|supports?)\b|standardunterstützung|"
     # (discontinued, as "discontinu" above: "será descontinuado a D", "verrà dismesso il D")
     r"descontinuad|dismess[oaie]\b", 3),
    (r"retir|no longer|stop(?:s|ped)?\b|terminat|expir|upgrad(?:e|ing)|maintenance|charge|billed|pric|suspend|disabled|"
     # (an upgrade as a move to a version: "The automatic move of … workflows to matching engine version 2 starts")
     r"\bautomatic (?:move|migration) of\b|"
     # (or said with its verb and the version: "AWS Glue will move the Data Quality rulesets … to engine version 3")
     r"\bwill (?:move|migrate|switch)\b[^.\n]{0,80}?\bto (?:the )?(?:new |latest |next )?"
     r"(?:engine |runtime |platform )?versions? \d|"
     # (a fee that changes or what a unit "will cost" from then; a service shut down, de: "eingestellt", "schalten wir …
     # ab")
     r"\bfees?\b|\bwill cost\b|eingestellt|stillgeleg|\babschalt|\babgeschaltet\b|\bschalten wir\b|"
     # (the reader's resources replaced: "will begin replacing tasks that run on older revisions")
     r"replac(?:e|es|ing) (?:\w+ ){0,2}?(?:tasks?|pods?|instances?|nodes?|hosts?|containers?)\b|"
     # (and restarted: "will be rebooted during the window starting D")
     r"\bwill (?:be )?(?:rebooted|restarted)\b|\bwill (?:reboot|restart)\b|"
     # (or what then fails: "After that time, a pull of an image that is not cached fails with an error")
     r"\bwill (?:start to |begin to )?fail\b|\bfails? with (?:an? )?error\b|"
     r"shut ?down|shut off|switch(?:ed)? off|turn(?:ed)? off|block(?:ed|s)?\b|den(?:y|ied)\b|"
     # (a host taken out of service: "will be taken out of service at 12:00 GMT on D")
     r"\bout of service\b|"
     r"unable|rotate|rotation|migrat(?:e|ion (?:will|start|begin))|must|requir|recommend|(?<!be )advise\b|action|"
     r"contact|respond|"
     r"replace|update|"
     # what follows an unpaid balance ("If the balance is still unpaid on D, we will close the account")
     r"unpaid|\bclose (?:the|your) (?:aws )?account|\bdelet(?:e|ed|ion)\b|"
     # (sending paused: "we will pause your ability to send email", "your sending will be paused")
     r"\bwill (?:be )?paus|\bpause (?:your|the|sending)\b|"
     # (what lapses: "the request will lapse")
     r"\bwill lapse\b|\blapses\b|"
     # (a condition that still holds then: "If the key is still active on D, we will apply the quarantine policy";
     # a review that lasts until a date: "The review lasts until D")
     r"\bstill (?:active|open|in use|enabled|running|present|exposed|outstanding|unresolved)\b|"
     r"\bwill (?:be )?quarantin|"
     r"\breview (?:period )?(?:lasts|ends|runs)\b|"
     # (a rule enforced from then: "tag policies will also be enforced for ECS task definitions")
     r"\benforc(?:e|ed|es|ing|ement)\b|"
     # (what AWS moves for the reader, and what then fails: "we will move every distribution that still uses
     # TLSv1_2016 to TLSv1.2_2021. From then on, viewers … will fail to connect")
     r"\bwe will (?:move|switch|convert) (?:every|all|each|your|the remaining)\b|\bfail(?:s)? to connect\b|"
     # (AWS named: "Starting D, AWS will move the search collections of account N … to the new engine version")
     r"\baws will (?:move|switch|convert|migrate) (?:every|all|each|your|the)\b|"
     # (or moves from then, in its own name: "AWS Glue will begin moving jobs that still run on version 2.0 to 4.0")
     r"\bwill (?:begin|start) (?:moving|migrating|converting|switching|transitioning)\b|"
     # (or installs an update on what has not taken it: "Starting D, OpenSearch Service will install service software
     # R2027… on domains that have not yet taken it")
     r"\bwill (?:automatically )?(?:install|apply|deploy)\b[^.\n]{0,60}?\b(?:update|software|patch|version)|"
     r"メンテナンス|期限|終了|(?<!er)wartung|mantenimiento|maintenance", 2),
    # a removal on a date: "CloudFront will remove the TLSv1_2016 security policy on October 31, 2026"
    # (weight 2 as the words above, not added to theirs: see _context_score)
    (r"\bwill (?:remove|disable|turn off|decommission)\b|\bremoval\b", 2),
    # the end of standard support is when extended-support charges start: the date that matters
    (r"standard support", 3),
    # a sentence (or a table header) that names the deadline: "Reschedule deadline", "due date"
    (r"deadline|due date|fecha l[ií]mite|data limite|date limite|data di scadenza", 3),
    # a field that names the date a change takes effect or a service stops ("Effective date:", "Cutover date:")
    # (a deprecation's or an end of support's date field is read by the words above already)
    # (and a queued purchase's date, when its commitment starts to be billed: "Scheduled purchase date: D")
    (r"effective date|cut-?over date|shutdown date|(?:scheduled|planned) (?:purchase|execution) date", 3),
    # what ends or is decided on the date: a contract's term, a review ("Your contract ends: D", "we will look at your
    # account again on D")
    (r"(?:contract|subscription|agreement|term)\s+ends|look at your\s+account\s+again|re-?evaluat|reassess|"
     # (a rate or an account checked again then: "We will review the complaint rate again on D")
     r"\bwe will (?:check|review|look at|examine|assess|evaluate)\b[^.\n]{0,60}?\bagain\b|"
     # (or watched until then: "We will watch your bounce rate until Wednesday, March 17, 2027")
     r"\bwe will (?:watch|monitor|observe|track)\b[^.\n]{0,60}?\buntil\b", 2),
    # the due date of an invoice in other words ("This invoice is payable on or before ...")
    (r"payable|pay by", 3),
    (r"extended support", -2),
    # a column or field that names when the event is scheduled ("BrokerName / Deployment / Replacement Time:")
    (r"\b(?:replacement|reboot|restart|upgrade|patch(?:ing)?|migration|cutover|scheduled|planned) "
     r"(?:time|date)s?\b|"
     # (the same field in the other languages: "Austauschzeit:", "Heure de remplacement :", "Hora de reemplazo:",
     # "Horário de substituição:", "Ora di sostituzione:", "交換日時:", "更换时间：", "교체 시간:")
     r"(?:austausch|ersetzungs|neustart|upgrade|migrations)(?:zeit|termin|datum)|"
     r"\b(?:heure|date) de (?:remplacement|red[ée]marrage|migration)|"
     r"\b(?:hora|fecha) de (?:reemplazo|sustituci[óo]n|reinicio|migraci[óo]n)|"
     r"\b(?:hor[áa]rio|data) de (?:substitui[çc][ãa]o|reinicializa[çc][ãa]o|migra[çc][ãa]o)|"
     r"\b(?:ora|data) di (?:sostituzione|riavvio|migrazione)|(?:交換|再起動|移行)(?:日時|時刻)|"
     r"(?:更换|重启|迁移)(?:时间|日期)|(?:교체|재부팅|마이그레이션) (?:시간|일시)", 1),
    # an event AWS offers around the change, or its recording ("a webinar on D", "Aufzeichnung ab dem D abrufbar")
    # (a recording of an event, not a feature named so: "AWS Config periodic recording")
    (r"webinar|ウェビナー|研讨会|웨비나|\brecording (?:of|will|is|available)\b|"
     r"\b(?:webinar|session|event|the) recording\b|aufzeichnung|grabaci[oó]n|enregistrement|grava[çc][ãa]o", -2),
    # what a page will show from then ("The updated prices will also appear on https://… starting D"): a publication
    (r"\bwill (?:also )?(?:appear|be (?:published|posted|shown|listed)) on (?:the |our )?(?:https?://|[\w.-]+\.com\b|"
     r"(?:pricing |product |documentation )?(?:page|website|web site))", -2),
    # ("can no longer be launched", "will be released": a passive after "be" is no fact)
    # (nor a participle that names which resources: "all instances launched from this product")
    # (not a condition's negated "reached": "If the payment has not reached us by then, …")
    (r"(?<!not )(?<!n't )\breached\b|(?<!be )\breleased\b|\bannounced\b|\bsince\b|"
     r"(?<!be )\blaunched\b(?! (?:from|with|using|via)\b)|"
     r"last updated|"
     # (not German "was": "Was Sie tun müssen – bis spätestens D", "was ist zu tun")
     r"invoice date|billing period|statement date|"
     # (not a relative clause that selects what a later "will" concerns: "snapshots that were in the archive tier
     # will be billed at the standard rate")
     # (not the German relative "was": ", was einen Neustart auslöst", "was die Instanzen betrifft")
     r"(?<!that )(?<!which )\bwas\b(?! (?:sie|ist|wir|du|ihr|zu|muss|müssen|passiert|einen?|ein|der|die|das|den|dem|"
     r"des|sich|es|man|bedeutet|dazu|auch|nicht)\b)|"
     r"(?<!that )(?<!which )\bwere\b|\b(?:that|which) (?:was|were)\b(?![^.\n]*\bwill\b)|\bbegan\b|"
     # (published on a date, not "the rate published on the pricing page")
     r"\bpublished(?::| on(?! (?:the|our|this|that|a|an|its|their|your)\b))|publication date|"
     # when AWS wrote before ("We first contacted you about it on March 10, 2027"), and what it said then ("On D0 we
     # told you that the instance would be retired on D1")
     r"\b(?:contacted|notified|informed|emailed|wrote to|reached out to|told|advised) you\b|"
     # what was completed then ("The previous replacement round completed on Nov 30 2026"; not "be completed on")
     r"(?<!be )(?<!been )\bcompleted on\b|"
     # what the reader did then ("You registered or updated the registrant contact … on April 21, 2027", "as you
     # requested on D"), not an act a later "will" of its clause concerns (and not the acts an ask names, "tell us what
     # you changed by D", "the steps you took")
     r"\byou (?:registered|purchased|subscribed|signed up)\b(?![^.\n]*\bwill\b)|\bas you requested\b|"
     # (the reader's registration or transfer of a domain in the other languages: "Ha registrado o transferido el
     # dominio … o ha cambiado la dirección … el 2 de mayo de 2027", "Você registrou ou transferiu", "Vous avez
     # enregistré ou transféré", "Hai registrato o trasferito", "Sie haben die Domain … registriert"; no future after)
     r"(?:\b(?:usted )?ha (?:registrado|transferido)|\b(?:voc[êe] )?(?:registrou|transferiu)|"
     r"\bvous avez (?:enregistr[ée]|transf[ée]r[ée])|\b(?:hai|ha|avete) (?:registrato|trasferito)|"
     r"\bSie haben (?:die |Ihre )?Domain\b[^.\n]{0,60}?\b(?:registriert|übertragen))\b"
     # (a dot inside a name, "quokka.example", ends no sentence)
     r"(?!(?:[^.\n]|\.(?=\w)){0,200}?(?:r[aá]n?|ront|r[aà]nno|werden?|wird)\b)|"
     # an attempt made then ("Our attempt on January 3, 2027 to charge the Visa card … failed"; not "the next attempt on
     # D", "another attempt on D", which are to come)
     r"\b(?:our|the|an?|last|latest|previous|first|recent) (?:charge |payment |billing )?attempt on\b",
     -3),  # _PAST
))
# per _CONTEXT pattern: literals one of which each match holds (a few `in` tests instead of a search
# that re tries at every position, e.g. the \b-led alternation of _PAST), or None
_CONTEXT_NEEDLES = tuple(literal_needles(pattern.pattern) for pattern, _ in _CONTEXT)
# per _CONTEXT pattern: its literal branches and the rest as one pattern (:func:`routing.patterns.literal_branches`),
# or None: whether it matches, found by a few `in` tests before a shorter regex (the act pattern's 61 branches cost
# ~40 µs a sentence, searched whole; "action", "update", "must" answer most sentences)
_CONTEXT_BRANCHES = tuple(literal_branches(pattern) for pattern, _ in _CONTEXT)
# per _CONTEXT pattern: what is searched after its literal branches (the rest, or the whole pattern when it has none),
# branch by branch, each only where one of its literals occurs (:mod:`routing.deadline_branches`: the same answer; the
# rest of the fact and the act patterns, re trying their branches at every position, cost ~20 µs a sentence each)
_CONTEXT_REST: tuple[Branches, ...] = tuple(
    needled_branches(pattern) if branches is None else () if branches[1] is None else needled_branches(branches[1])
    for (pattern, _), branches in zip(_CONTEXT, _CONTEXT_BRANCHES, strict=True))
_ACT = 2  # the weight of what asks for an act (retire, stop, maintenance, ...) or a removal
_PAST = -3  # the weight of a date that is a fact (reached, released, expired)
# what AWS did on the date right before ("On April 20, 2027 we suspended the account"; not "the case we opened", whose
# "we" follows no date)
_DID = (r"we (?:have )?(?:suspended|closed|terminated|deactivated|disabled|removed|restricted|detected|received|"
        r"applied|processed|charged|issued|opened|sent|notified|completed|tried|attempted)\b")
_DID_AFTER = re.compile(r",? " + _DID)
# the same clause before the date, which it ends ("We suspended your AWS account ending in 2265 on January 18, 2027"):
# no "will", "may" or clause break between (not "we suspended the account and will close it on D")
_DID_BEFORE = re.compile(r"\b" + _DID + r"[^.;:,!?\n]{0,80}?\bon\s+\Z")
_CONTEXT_FOREIGN = re.compile(r"support\w* endet|fin (?:du|de la) (?:support|prise en charge)|"  # weight 3
                              r"ende des supports?|endet (?:der|die) (?:support|unterstützung)|"
                              r"fin au (?:service|support)|"  # an end of service: "mettre fin au service", "au support"
                              # (French says support as "prendre en charge": "AWS cessera de prendre en charge X le D")
                              r"cesser(?:a|ons|ont) de prendre en charge|"
                              r"soporte|suporte|supporto|support standard|standard-?support|サポート|支持|지원|"
                              # no longer supported ("non sarà più supportata", "nicht mehr unterstützt", "ne sera plus
                              # prise en charge", "ya no será compatible", "não será mais suportada")
                              r"supportat[oaie]|nicht mehr unterstützt|plus pris(?:es?)? en charge|"
                              r"ya no ser[aá] compatible|n[aã]o ser[aá] mais (?:suportad|compat[ií]vel)|"
                              # (an end of life: "llegará al final de su vida útil el D", "fim da vida útil")
                              r"(?:final|fin) de su vida [uú]til|fim da (?:sua )?vida [uú]til|"
                              # (or of its life cycle: "arriverà alla fine del ciclo di vita il D", "fin de vie",
                              # "fin du cycle de vie", "fin del ciclo de vida", "fim do ciclo de vida", "Ende des
                              # Lebenszyklus", "生命周期结束", "수명 종료")
                              r"fine del (?:suo )?ciclo di vita|fin de (?:sa )?vie\b|fin du cycle de vie|"
                              r"(?:fin|final) del (?:su )?ciclo de vida|fim do (?:seu )?ciclo de vida|"
                              r"ende (?:des|seines|ihres) lebenszyklus|生命周期结束|生命週期結束|수명 종료|"
                              # (an end of life said without the article: "chegam ao fim de vida em D", "raggiungono la
                              # fine vita il D", "erreichen ihr Lebensende am D")
                              r"fim de (?:sua )?vida\b|fine (?:della )?vita\b|lebensende|"
                              # (Traditional Chinese says "支援" for support: "停止支援日期：D")
                              r"停止支援|终止支援|終止支援|支援结束|支援結束|"
                              # (a queued purchase's date, when its commitment is billed from: "Date d'exécution
                              # prévue : D", "Fecha de ejecución programada:", "Data de execução agendada:",
                              # "Geplantes Ausführungsdatum:")
                              r"date d.exécution|fecha de ejecuci[oó]n|data de execu[cç][aã]o|data di esecuzione|"
                              r"ausführungsdatum")
# what else makes a date of a localized mail a deadline (weight 2): retirement, stop, expiry,
# suspension, payment, maintenance, an action recommended
_CONTEXT_FOREIGN_ACT = re.compile(
    r"retir|ritir|dismission|desativ|aposentad|aposentar|deten|interromp|arrêt|arrest|stopp|gestoppt|beend|eingestellt|"
    r"außer ?betrieb|"  # (also the noun: "Außerbetriebnahme: D")
    r"termin|finaliz|"
    # (a replacement, as the English "replace": "Austauschzeit:", "sera remplacée", "será reemplazada", "交換", "更换",
    # "교체")
    r"austausch|ersetz|remplac|reemplaz|sustitu|substitu|sostitu|交換|交换|更换|替换|교체|"
    # (and a restart: "Neustartzeit:", "sera redémarrée", "se reiniciará", "verrà riavviata", "再起動", "重启",
    # "재부팅")
    r"neustart|neu gestartet|redémarr|reinici|riavvi|再起動|重启|重新启动|재부팅|재시작|"
    # (an upgrade or a migration in ja, zh, ko: "アップグレード", "升级", "업그레이드", "移行", "迁移", "마이그레이션")
    r"アップグレード|升级|升級|업그레이드|移行|迁移|遷移|마이그레이션|"
    # (German discontinues with a separable verb: "Am D stellen wir AWS Proton endgültig ein")
    r"\bstell(?:en|t) (?:wir|aws)\b[^.]{0,60}\bein\b|"
    r"hors service|fuera de servicio|fuori servizio|fora de servi|"  # retirement: "sera mise hors service le"
    # a service that stops being available: "deixará de estar disponível em", "dejará de estar disponible el" (also
    # in the plural: "deixarão de", "dejarán de", "cesseront d", "cesseranno di")
    r"deixar(?:[aá]|[aã]o) de|dejar[aá]n? de|cesser(?:a|ont) d|cesser(?:[aà]|anno) di|"
    r"non sar(?:[aà]|anno) pi[uù] disponibil|"
    r"nicht mehr (?:verfügbar|möglich|nutzbar)|einstellung von|"
    r"venc|caduc|expir|scad|ablauf|"
    # a deletion or a closure on a date ("wird am … gelöscht", "será encerrado em", "verrà chiuso")
    r"lösch|supprim|elimin|exclu|chius|encerr|fermet|cierre|削除|删除|삭제|"
    r"läuft|laufen|suspend|sospe|sperr|"
    # (sending paused: "o envio será pausado", "wird pausiert", "sera mis en pause", "verrà messo in pausa",
    # "一時停止されます", "将暂停", "일시 중지됩니다")
    r"pausad|pausier|en pause|\bpausa\b|一時停止|暂停|暫停|일시 중지|일시 정지|"
    # what will be blocked ("bloquearán", "bloqueront", "bloccheranno", "blockiert", "ブロック", "阻止", "차단")
    r"bloque|blocc|blockier|ブロック|阻止|屏蔽|차단|"
    # a restriction of the account ("nous pourrions restreindre", "schränken wir … ein", "制限します")
    r"restrein|restreind|restring|restric|restriç|einschränk|beschränk|schränken|制限|限制|제한|"
    r"pago|pagamento|paiement|zahlung|beglich|mantenimiento|manutenç|"
    r"manutenzione|wartung|recomend|recommand|consigli|empfehl|actualiz|atualiz|mettre à jour|aggiorn|aktualis|"
    r"renouvel|renova|verläng|rinnov|续订|갱신|"
    # a review decided again on the date ("我们将于 D 重新评估您的账户", "réévaluerons", "再評価")
    r"重新评估|重新評估|重新审核|重新審核|再評価|再審査|재평가|다시 검토|réévalu|rivalut|reevalu|reavali|neu bewert|"
    # (or checked again: "nous examinerons à nouveau", "volveremos a revisar", "voltaremos a verificar",
    # "riesamineremo", "再度確認します", "再次检查")
    r"(?:examinerons|vérifierons|contrôlerons|réviserons) à nouveau|réexamin|"
    r"volveremos a (?:revisar|comprobar|verificar|evaluar)|revisaremos (?:de nuevo|nuevamente)|"
    r"voltaremos a (?:verificar|analisar|avaliar|rever)|verificaremos (?:novamente|de novo)|"
    r"riesamin|ricontroller|再度(?:確認|審査|評価)|再次(?:检查|审核|评估|檢查|審核)|"
    r"erneut (?:prüf|bewert)|"
    # a change that takes effect, a price that changes ("entrarán en vigor", "cambiará la tarifa")
    r"en vigor|em vigor|in vigore|en vigueur|in kraft|tarif|precio|preço|prix|prezzo|preis|料金|价格|요금|"
    # (a charge that starts: "inizierà ad addebitare", "comenzará a cobrar", "commencera à facturer")
    r"addebit|cobrar|facturer|factura(?:rá|r)\b|"
    # a due date ("Fällig am", "Vencimento", "date d'échéance", "支払期限")
    r"fällig|vencim|échéance|scadenz|支払期限|支付期限|付款截止|납부 기한|납기|"
    r"停止|終了|期限|失効|更新|维护|停用|到期|终止|유지|만료|중지|종료")
# a localized past tense right before a date: the auxiliary, at most one word (the participle), the
# "on" of the date ("fue desactivado el", "wurde am", "a été supprimé le", "è stato disattivato il");
# not a past further back in the sentence ("ha sido suspendida y será cerrada el" stays a deadline)
# (an adverb may stand after the auxiliary: "Le compte a donc été suspendu le D", "ha ya sido", "è quindi stato", "foi
# portanto suspensa em D")
_PAST_ADVERBS = (r"(?:donc|d[ée]j[àa]|alors|ainsi|ya|entonces|por (?:lo )?tanto|quindi|gi[àa]|pertanto|dunque|portanto|"
                 r"j[áa]|ent[ãa]o|assim)")
_PAST_ADVERB = r"(?:" + _PAST_ADVERBS + r"\s+)?"
_PAST_FOREIGN = re.compile(r"(?:\b(?:fue|fueron|foi|foram)(?:\s+" + _PAST_ADVERBS + r")?|\bwurden?|"
                           r"\b(?:a|ont)\s+" + _PAST_ADVERB + r"été|\bè\s+" + _PAST_ADVERB + r"stat[oaie]|"
                           # (the state a past act left, "became": "quedó suspendida el D", "ficou suspensa em D")
                           r"\bqued(?:ó|aron)|\bfic(?:ou|aram)|"
                           r"\bsono\s+" + _PAST_ADVERB + r"stat[ie]|\b(?:ha|han)\s+" + _PAST_ADVERB + r"sido|"
                           r"\bcomenz[oó]|\bempez[oó]|\bcome[cç]ou|"
                           r"\ba commenc[eé]|\ba débuté|\bè iniziat[oa]|\bbegann|"
                           # an end in the simple past ("finalizó el", "a pris fin le", "endete am", "è terminato il")
                           r"\bfinaliz(?:ó|ou)|\btermin(?:ó|ou)|\ba pris fin|\bs'est termin[ée]e?|\bendete|"
                           r"\bè (?:terminat|finit|cessat)[oa])"
                           # (a weekday between: "è stato chiuso il giovedì 22 aprile 2027")
                           r"(?:\s+\w+)?\s+(?:el|em|en|le|il|am|on)\s*" + _WEEKDAY_FOREIGN + r"\Z"
                           # (a state that began then, "since" as fr and de say it: "est suspendu depuis le D",
                           # "ist seit dem D gesperrt"; not es, pt "desde", it "dal", which also open a period to come)
                           r"|(?:\bdepuis\s+(?:le\s+)?|\bseit\s+(?:dem\s+)?)" + _WEEKDAY_FOREIGN + r"\Z")
# what AWS did to the account on a date, said in the active compound past before it ("hemos suspendido la cuenta el D",
# "nous avons suspendu le compte le D", "abbiamo sospeso l'account il D", "suspendemos a conta em D", "se suspendió el
# D"): a fact (the verbs of a completed act on the account only: "hemos programado la actualización el D" is a plan)
_PAST_ACTIVE_FOREIGN = re.compile(
    r"(?:\bhemos (?:suspendido|cerrado|desactivado|deshabilitado|restringido|bloqueado|detectado|recibido|eliminado|"
    r"encontrado|descubierto)|"
    r"\bnous avons (?:suspendu|ferm[ée]|cl[ôo]tur[ée]|d[ée]sactiv[ée]|restreint|bloqu[ée]|d[ée]tect[ée]|re[çc]u|"
    r"supprim[ée]|trouv[ée]|d[ée]couvert)|"
    r"\babbiamo (?:sospeso|chiuso|disattivato|disabilitato|limitato|bloccato|rilevato|ricevuto|eliminato|trovato|"
    r"scoperto)|"
    # (and what AWS found: "Nous avons trouvé en ligne, le D, la clé d'accès", "encontramos", "descobrimos")
    r"\b(?:suspendemos|encerramos|desativamos|bloqueamos|detectamos|recebemos|identificamos|observamos|encontramos|"
    r"descobrimos|descubrimos)|"
    # (what the reader's systems or AWS noticed that day: "Nos systèmes ont relevé le D une activité inhabituelle",
    # "nuestros sistemas detectaron el D", "i nostri sistemi hanno rilevato il D", "nossos sistemas detectaram em D")
    r"\b(?:nos syst[eè]mes ont|nous avons) (?:relev[ée]|constat[ée]|observ[ée]|identifi[ée]|remarqu[ée])|"
    r"\bnos syst[eè]mes ont d[ée]tect[ée]|"
    r"\bnuestros sistemas (?:han )?(?:detectado|detectaron|identificado|identificaron|observado|observaron)|"
    r"\bhemos (?:observado|identificado)|\bi nostri sistemi hanno (?:rilevato|individuato|osservato)|"
    r"\babbiamo (?:osservato|individuato)|\bnossos sistemas (?:detectaram|identificaram|observaram)|"
    # (the Spanish reflexive past: "La cuenta de AWS N se suspendió el D", "se ha suspendido el D")
    r"\bse (?:suspendi[óo]|cerr[óo]|desactiv[óo]|deshabilit[óo]|bloque[óo]|restringi[óo]|elimin[óo])|"
    r"\bse (?:ha|han) (?:suspendido|cerrado|desactivado|deshabilitado|bloqueado|restringido|eliminado))"
    # (a few words between, or the account named with its id: "Hemos suspendido la cuenta de AWS 831228477290 el D")
    r"(?:(?:\s+[\w'’]+){0,3}|\s+(?:la|a|le|l'|l’|il)\s*(?:cuenta|conta|compte|account)(?:\s+(?:de|da|do|della)?\s*aws)?"
    r"\s+\d{12})"
    r",?\s+(?:el|em|en|le|il|on)\s*" + _WEEKDAY_FOREIGN + r"\Z")
# a date an earlier notice gave, said in the pluperfect right before it ("In unserer Mitteilung vom D0 hatten wir den D
# als Ende des Supports genannt", "nous avions indiqué le D comme fin du support", "habíamos fijado el D", "avevamo
# indicato il D", "tínhamos informado o D"): what was said then, not a date to act by (the auxiliary, at most one word,
# the article: "como habíamos anunciado, el soporte finaliza el D" keeps its date, a comma between)
_PLUPERFECT_FOREIGN = re.compile(
    r"(?:\bhatten wir(?:\s+\w+)?\s+(?:den|am|für den)|\bnous avions(?:\s+\w+)?\s+(?:le|au|pour le)|"
    r"\bhab[ií]amos(?:\s+\w+)?\s+(?:el|para el)|\bavevamo(?:\s+\w+)?\s+(?:il|per il)|"
    r"\b(?:t[ií]nhamos|hav[ií]amos)(?:\s+\w+)?\s+(?:o|em|para o|para))\s*" + _WEEKDAY_FOREIGN + r"\Z")
# what was announced on a date, said right after it (ja, ko): "2027年1月7日にお知らせしたとおり",
# "2027년 1월 7일에 안내해 드린 대로" (as then announced): when the mail's words were first said, no date of the
# reader's whatever else the sentence names (the end of support it announced); the verb right after the date
# ("D に終了することを発表しました" is the end's date, announced)
_ANNOUNCED_ON_CJK = (r"に\s*(?:お知らせ|ご案内|お伝え|発表|告知|ご連絡|通知)(?:いた)?し(?:た|ました)"
                     r"(?:とおり|通り|ように)|"
                     r"에\s*(?:안내|통지|공지|발표)(?:해)?\s?(?:드린|한|하였던|했던)\s?(?:대로|바와 같이)")
_ANNOUNCED_ON_CJK_AFTER = re.compile(CJK_DATE_TAIL + r"\s*+(?:" + _ANNOUNCED_ON_CJK + ")")
# a Japanese or Korean past right after a date: に, a kanji/katakana verb (its object "…を" before it), される/する
# in the polite past ("… に無効化されました", "… にアカウントを停止しました"); 에, a Hangul verb, 되다/하다 in the
# polite past ("… 에 비활성화되었습니다")
# (a weekday in parentheses and a time with its zone may stand between: "2027年2月27日 02:11 (JST) に無効化されました");
# and what was sent on that date, a notice or report ("2027年1月19日 に最初の報告をお送りしています", "2027년 1월 19일에
# 첫 번째 보고서를 보내 드렸습니다"): when it was sent, a fact
_PAST_JA = re.compile(CJK_DATE_TAIL + r"\s*+(?:に\s*(?:(?:この|その|当該の?|該当の?)?"
                      r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]{1,10}を)?"
                      # (also the humble form: "… に検知いたしました")
                      r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]{1,8}(?:されました|しました|いたしました)|"
                      # (or found somewhere that day, the place between: "2027年4月6日 に公開 GitLab
                      # スナップショット上で見つかりました")
                      r"に[^。\n]{0,40}?(?:で|にて)\s*+(?:見つかりました|発見されました|検出されました|確認されました)|"
                      # (a date that opens its sentence, a comma after it, whose verb is past:
                      # "2027年2月15日、… のサポート終了日が確定しましたので", it was settled on D)
                      r"、[^。\n]{0,80}?[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]{1,8}(?:されました|しました|いたしました)"
                      r"(?=ので|ため|。|\s*$)|"
                      r"에\s*(?:[\uac00-\ud7a3]{1,4}\s){0,2}[\uac00-\ud7a3]{1,8}?(?:되었습니다|했습니다|됐습니다)|"
                      # (the account named between, its id and a particle too, an act done to it: "D에 AWS 계정
                      # 4508…을(를) 일시 중지했습니다"; not any verb, "D에 종료될 예정이라고 안내했습니다" is a date to
                      # come)
                      r"에\s[^.。\n]{0,40}?\s(?:일시\s?)?(?:중지|정지|해지|폐쇄|비활성화|삭제|차단|탐지|감지)"
                      r"(?:되었습니다|했습니다|됐습니다)|"
                      # (an invitation sent that day, the invited account and the organization between: "D에 귀하의 AWS
                      # 계정 N을(를) 조직 o-…에 초대했습니다", "D に お客様の AWS アカウント N を組織に招待しました")
                      r"에\s[^.。\n]{0,80}?\s초대(?:했습니다|하였습니다|되었습니다)|"
                      r"に[^。\n]{0,80}?招待(?:いたしました|しました|されました)|"
                      # (or a notice posted, published or announced that day, the place between: "이 안내는 D에 AWS
                      # Health Dashboard에 게시되었습니다")
                      r"에\s[^.。\n]{0,40}?(?:게시|게재|공개|발표|발행)(?:되었습니다|했습니다|됐습니다|되었으며)|"
                      # (as of it, "부로"/"자로": "2027년 1월 20일부로 계정이 정지되었습니다", suspended as of D)
                      # (the account named between, its id and a particle too: "D부로 AWS 계정 6188 4492 7482이(가)
                      # 정지되었습니다")
                      r"(?:부로|자로)\s*(?:[\uac00-\ud7a3]{1,4}\s){0,2}[\uac00-\ud7a3]{1,8}?(?:되었습니다|했습니다|됐습니다)|"
                      r"(?:부로|자로)\s[^.。\n]{0,40}?\s[\uac00-\ud7a3]{1,8}(?:되었습니다|했습니다|됐습니다)|"
                      # (what took place on it: "D에 있었습니다", "D にありました", "D に行われました")
                      r"에\s*있었(?:습니다|으며|고)|に\s*(?:ありました|行われました)|"
                      # (a request received or taken that day, its verb written with kana between: "このリクエストは
                      # D に受け付けました", "D に承りました", "D に受け取りました")
                      r"に\s*(?:受け付け|受付|受け取り|承り|届き)(?:いたし|し)?ました|"
                      r"に[^。\n]{0,16}?(?:お送り|送信|送付|お知らせ|ご連絡|通知)(?:いた)?し(?:ています|ております|ました)|"
                      r"에[^.\n]{0,24}?(?:보내|발송|전송|안내|통지)(?:해)?\s?(?:드렸습니다|드렸으며|했습니다|하였습니다|되었습니다)|"
                      + _ANNOUNCED_ON_CJK + "|"
                      # (the announcement's own date, its noun right after it and closing its aside or clause:
                      # "（2027年1月15日発表）", "（2027年1月15日发布）", "(2027년 1월 15일 발표)")
                      r"(?:発表|公表|告知|发布|發布|公布|公告|발표|공지)(?=[ \t]*[)）。、，,\n]|\s*\Z)|"
                      # (zh: "於 2027年1月14日 發出", sent on; "于 D 检测到", detected on; "于 D 邀请您的账户",
                      # invited on)
                      r"(?:發出|发出|寄出|送出|检测到|檢測到|侦测到|偵測到|邀请|邀請)|"
                      # (or what the reader did on it, its place between and "了" after: "您於 D 在 AWS 帳戶 N 中註冊
                      # （或更新聯絡人資訊）了網域", registered on; or whom for: "于 D 为以下域名申请了 SSL/TLS 证书")
                      r"(?:(?:在|为|為)[^。\n]{0,40}?)?(?:注册|註冊|创建|建立|购买|購買|提交|申请|申請|转移|轉移|启用|啟用)"
                      r"[^。\n]{0,24}?了|"
                      # (or what it asked of a service then, the objects listed below: "帳戶 N 於 D 在亞太區域（東京）向
                      # AWS Certificate Manager (ACM) 請求下列網域的 SSL/TLS 憑證", requested on D)
                      r"(?:在[^。\n]{0,40}?)?向[^。\n]{0,60}?(?:请求|請求|申请|申請)了?(?:以下|下列)|"
                      # (ja: a longer object before the past verb, a service between: "D に ACM に次のドメインの証明書を
                      # リクエストしました"; within one clause)
                      r"に[^。、\n]{0,40}?を[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]{1,8}(?:されました|しました|いたしました))")
# what AWS found or received on a date, said right after it in es, pt, fr, it, de ("El 12 de febrero de 2027 detectamos
# actividad", "Le 12 février 2027, nous avons détecté", "Il 12 febbraio 2027 abbiamo rilevato", "Am 12. Februar 2027
# haben wir … festgestellt"): a fact
_PAST_AFTER_FOREIGN = re.compile(r",?\s*"
                                 # (its time between: "El 2 de marzo de 2027 a las 20:07 (UTC) se eliminó …", "em D às
                                 # 14h05 (UTC) foi removido", "le D à 14 h 05 (UTC), nous avons …")
                                 r"(?:(?:a las|às|as|à|alle|um)\s+\d{1,2}(?::\d\d|\s*h\s*\d\d|h\d\d)"
                                 r"(?:\s*\([^()\n]{1,10}\))?\s*,?\s*)?"
                                 r"(?:se [a-zá-úñ]+(?:ó|aron)\b|foi [a-zà-ú]+d[oa]\b|"
                                 r"detectamos|observamos|identificamos|recibimos|detet[aá]mos|identific[aá]mos|"
                                 r"hemos (?:detectado|observado|identificado|recibido)|"
                                 r"nous avons (?:d[ée]tect[ée]|constat[ée]|observ[ée]|re[çc]u|identifi[ée]|trouv[ée]|"
                                 r"d[ée]couvert)|"
                                 r"abbiamo (?:rilevato|osservato|ricevuto|identificato|trovato|scoperto)|"
                                 r"hemos (?:encontrado|descubierto)|encontramos|descubrimos|descobrimos|"
                                 # (what AWS announced that day: "Em 15 de abril de 2027 anunciamos uma mudança")
                                 r"anunci[aá]mos|hemos anunciado|nous avons annonc[ée]|"
                                 r"abbiamo annunciato|"
                                 # (what AWS did to the account that day: "El 30 de marzo de 2027
                                 # suspendimos la cuenta", "nous avons suspendu", "abbiamo sospeso"; the Spanish
                                 # preterite only, whose present "suspendemos" may tell what is to come)
                                 r"suspendimos|hemos (?:suspendido|cerrado|bloqueado|desactivado)|"
                                 r"nous avons (?:suspendu|ferm[ée]|bloqu[ée]|d[ée]sactiv[ée])|"
                                 r"abbiamo (?:sospeso|chiuso|bloccato|disattivato)|"
                                 # (what this message does that day: "Le 27 janvier 2027, nous vous rappelons que …")
                                 r"nous vous (?:rappelons|informons|[ée]crivons|signalons)\b|"
                                 r"(?:le|les|te|os) (?:recordamos|informamos|escribimos|comunicamos)\b|"
                                 r"(?:lhe |vos )?(?:lembramos|informamos|comunicamos)\b|"
                                 r"(?:ti|vi|la|le) (?:ricordiamo|informiamo|scriviamo|comunichiamo)\b|"
                                 r"(?:erinnern|informieren|benachrichtigen) wir (?:sie|dich)\b|teilen wir ihnen mit\b|"
                                 r"haben wir\b|stellten wir\b|"
                                 # (the day AWS announced a change, in Chinese: "我们于 D 宣布，自 D2 起 …")
                                 r"(?:宣布|宣佈|公布|公佈))")
# the date of a message, right before it ("mit dieser Nachricht vom D", "ce message du D", "nuestro mensaje del D",
# "nossa mensagem de D", "il nostro messaggio del D"): when it was written, a fact
_MESSAGE_OF_FOREIGN = re.compile(r"(?:\b(?:nachricht|e-mail|mitteilung|benachrichtigung|schreiben) vom|"
                                 r"\b(?:message|courriel) du|\b(?:mensaje|correo) del|\bmensagem de|\bmessaggio del)\s*"
                                 + _WEEKDAY_FOREIGN + r"\Z")
# a Chinese past right before a date: 已 with its "on" ("已于 2026年3月1日停用": was deactivated on)
# or when it was sent ("此邀请发送于 2027年1月19日": this invitation was sent on)
_PAST_ZH = re.compile(r"(?:已|(?:发送|發送|发出|發出|寄出|送出))(?:于|於|在)\s*\Z")
# ... or right after it: a verb with 了 ("於 2027年5月5日 更新了網域的註冊聯絡人資訊": updated on D; not
# "之前完成了", not "除了"), or what was sent then ("我們於 2026年12月10日 寄給 AWS 帳戶 … 的通知": the notice sent
# on D)
_PAST_ZH_AFTER = re.compile(CJK_DATE_TAIL + r"[ \t]*+(?:(?!之前|以前|前|起|之后|之後|后|後|除)[\u4e00-\u9fff]{1,4}"
                            # (not the Japanese 終了, 完了: "提供終了日時", an end)
                            r"(?<![終终完])了|"
                            # (or a means or a place between, the verb with 了 closing the clause: "于 2027年5月15日
                            # 通过 AWS Certificate Manager (ACM) 为以下域名申请了 SSL/TLS 证书", requested on D)
                            r"(?:通过|通過|透过|透過|经由|經由|使用|在)[^。，,；;\n]{1,60}?"
                            r"(?:申请|申請|请求|請求|提交|创建|創建|建立|购买|購買|注册|註冊|发出|發出|更新|变更|變更|更改)了|"
                            r"(?:寄给|寄給|发给|發給|发送给|發送給)[^\n。]{0,40}?的(?:通知|邮件|郵件|讯息|訊息|信))")
# ... or when what the mail is about was made, its verb closing the clause ("此要求於 2027年2月12日 建立。", this
# request was created on D), where the 40 characters up to it ask nothing of the reader (_ZH_ASKS: "請於 D 建立，")
_MADE_ON_ZH = re.compile(CJK_DATE_TAIL + r"[ \t]*+(?:建立|创建|創建|产生|產生|生成)(?=[ \t]*+(?:[。．.，,；;\n]|\Z))")
# ... or the object the reader registered or bought on D, named in a relative clause ("您於 2027 年 3 月 11 日透過
# AWS 帳戶 N 註冊（或更新聯絡人資料）的網域", the domain you registered on D), where the 40 characters up to it ask
# nothing (_ZH_ASKS), the reader named as who did it right before the date (_YOU_ON_ZH: "您於", "您于", "你於", "您在")
_YOU_ON_ZH = re.compile(r"(?:您|你)(?:於|于|在)\s*\Z")
_REGISTERED_ON_ZH = re.compile(CJK_DATE_TAIL + r"[ \t]*+(?!之前|以前|前|起|之后|之後|后|後)[^。\n]{0,40}?"
                               r"(?:注册|註冊|创建|建立|购买|購買|更新|申请|申請|转移|轉移)(?:[^。\n]{0,20}?的|"
                               # (or the domain or account named right after the verb, an aside perhaps between:
                               # "您於 D 透過 Amazon Route 53 註冊（或更新聯絡資訊）網域 X", registered on D)
                               r"(?:[（(][^）)\n]{0,20}[）)])?[ \t]*(?:網域|网域|域名|帳戶|账户|帐户|帳號|账号))")
_ZH_ASKS = re.compile(r"請|请|需|須|须|務必|务必|應|应|必須|必须|要求您|煩請|烦请")
# (a number written out: one to fifteen, and the periods AWS counts in, twenty to ninety; longest first, so that
# "fourteen" is not read as "four")
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
            "twenty-one": 21, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
# "within 5 days", "no later than 7 days after the date of this notice", "10 business days from receipt";
# group 2: business or working days (weekends not counted)
# (the number may be repeated in digits: "within five (5) days")
_RELATIVE = re.compile(r"\b(?:within(?: the next)?|in the next|in)\s+" + _NUMBER
                       + r"(?:\s+\(\d{1,3}\))?\s+(?:calendar\s+|(business\s+|working\s+))?days?\b")
# (the number may be written twice: "five (5) days after the date of this notice")
_RELATIVE_AFTER = re.compile(r"(?<![\w.])" + _NUMBER + r"(?:\s+\(\d{1,3}\))?\s+"
                             r"(?:calendar\s+|(business\s+|working\s+))?days?\s+"
                             r"(?:after|from|of)\s+"
                             r"(?:the date of th|receiv|receipt|th(?:is|e) (?:notice|message|e-?mail)|now\b|today\b|"
                             # (the message named as "it": "The invitation expires 15 days after it was sent")
                             # (or every such message, as "they": "Invitations expire 15 days after they are sent")
                             r"(?:it|they) (?:was|is|has been|were|are|have been) (?:sent|received|delivered)\b|"
                             r"(?:the |this )?invoice date)")
# the same counted from this very message in es, pt, fr, it, de ("caduca 15 días después del envío de este mensaje",
# "expira 15 dias após o envio desta mensagem", "expire 15 jours après l'envoi de ce message", "scade 15 giorni dopo
# l'invio di questo messaggio", "läuft 15 Tage nach dem Versand dieser Nachricht ab"): group 1 the number, 2 business
# days
_RELATIVE_AFTER_FOREIGN = re.compile(
    r"(?<![\w.])(\d{1,3})\s+(?:d[ií]as|dias|jours|giorni|tage|kalendertage)"
    r"(\s+(?:h[aá]biles|[uú]teis|ouvr[ée]s|ouvrables|lavorativi))?\s+(?:despu[eé]s|ap[oó]s|depois|apr[eè]s|dopo|nach)\s+"
    r"(?:[\w'’]{1,12}\s+){0,4}?(?:este|esta|desta|deste|ce|cette|questo|questa|dieser|diese[sr]?)\s+"
    r"(?:mensaje|mensagem|message|messaggio|nachricht|e-?mail|correo|aviso|avis|avviso|notificaci[oó]n|"
    r"notifica[cç][aã]o|notification|notifica|benachrichtigung)\b")
_RELATIVE_AFTER_FOREIGN_CUES = ("despu", "após", "apos", "depois", "après", "apres", "dopo", "nach ")
# payment terms counted from the invoice date (literals: worth_looking's test)
_INVOICE_TERMS = ("days from the invoice date", "days after the invoice date", "days of the invoice date")
# the same terms in the other languages ("au plus tard trente (30) jours après la date de facture", "30 días después de
# la fecha de la factura", "30 dias após a data da fatura", "30 giorni dalla data della fattura", "30 Tage nach dem
# Rechnungsdatum"), the number possibly written out before its digits; and their invoice-date nouns (literals)
_INVOICE_NOUNS_FOREIGN = ("date de facture", "date de la facture", "fecha de factura", "fecha de la factura",
                          "data da fatura", "data della fattura", "data fattura", "rechnungsdatum")
_RELATIVE_INVOICE_FOREIGN = re.compile(
    r"(?:[^\W\d_]{2,12}\s+\()?(?<![\d.])(\d{1,3})\)?\s+(?:jours|d[ií]as|dias|giorni|tage?n?)\s+"
    r"(?:apr[èe]s|suivant|despu[ée]s de|a partir de|ap[óo]s|a partir da|dalla|nach|ab)\s+"
    r"(?:la |el |o |a |dem |dal |l.)?(?:date de (?:la )?facture|fecha de (?:la )?factura|data da fatura|"
    r"data (?:della )?fattura|rechnungsdatum)")
# the invoice date a bill's payment terms count from ("Payment terms: 30 days from the invoice date"), its field (also
# in the other languages: "Date de facture :", "Fecha de factura:", "Rechnungsdatum:")
_INVOICE_DATE = re.compile(r"(?:invoice date|date de (?:la )?facture|fecha de (?:la )?factura|data da fatura|"
                           r"data (?:della )?fattura|rechnungsdatum)\s*(?:[:：]|\s(?:is|of))?\s*")
# the end of the month the mail was sent in, asked by ("by the end of this month", "entro la fine del mese corrente",
# "antes del fin del mes en curso", "d'ici la fin du mois", "até o fim do mês atual", "bis Ende des laufenden Monats",
# "今月末まで", "本月底前", "이번 달 말까지")
_PAYMENT_TERMS = ("payment terms", "terms of payment", "conditions de paiement", "condiciones de pago",
                  "zahlungsbedingungen", "zahlungsziel", "condizioni di pagamento", "termini di pagamento",
                  "condições de pagamento")
_MONTH_END_RELATIVE = re.compile(
    r"\b(?:by|before) the end of (?:this|the current) month|\bentro la fine del mese(?: corrente| in corso)?|"
    r"\bantes del? (?:fin|final) del mes(?: en curso| actual| corriente)?|"
    r"\b(?:d.ici|avant) la fin du mois(?: en cours)?|\bat[ée] a?o (?:fim|final) do m[êe]s(?: atual| corrente)?|"
    # (the month named "this": "entro la fine di questo mese", "d'ici la fin de ce mois", "antes del fin de este mes",
    # "até o fim deste mês")
    r"\bentro la fine di quest(?:o |['’])mese|\b(?:d.ici|avant) la fin de ce mois|"
    r"\bantes del? (?:fin|final) de este mes|\bat[ée] a?o (?:fim|final) deste m[êe]s|"
    r"\bbis (?:zum )?ende (?:des|dieses) (?:laufenden |aktuellen )?monats|今月末(?:まで)?|本月(?:底|末)(?:之?前)?|"
    r"이번 달 말(?:까지)?|"
    # (payment terms: end of month, "à fin de mois", "a fin de mes", "zum Monatsende", "a fine mese", "no fim do mês";
    # only after the terms' label: "Previsión a fin de mes" is a forecast's)
    r"(?:" + "|".join(_PAYMENT_TERMS) + r")[^\n]{0,40}?(?:end of (?:the )?month|fin de mois|fin(?:al)? de mes|"
    r"monatsende|fine mese|(?:fim|final) do m[êe]s)\b")
# a day of the month asked by without its month ("Please send these before end of day on the 29th", "by the 15th"): the
# next such day from the mail's date on
_DAY_OF_MONTH = re.compile(r"\b(?:by|before|no later than|on or before|until|due on|payable on)"
                           r"(?: (?:the )?end of (?:the )?(?:business )?day)?(?: on)? the (\d{1,2})(?:st|nd|rd|th)"
                           r"(?: day)?\b"
                           # (of which month, said relative to the mail's: "by the 5th of next month"; or to the
                           # invoice's: "Due on the 15th day of the month following the invoice date")
                           r"(?: (?:of|in) (?:(this|the current)|(?:the )?(?:next|following)) month\b|"
                           r" of the month (following|after) (?:the |this |your )?invoice(?: date)?\b)?"
                           r"(?!\s+(?:of\s+)?" + _MONTH.format("m") + ")")
_DAY_OF_MONTH_AT = re.compile(r" the \d{1,2}(?:st|nd|rd|th)\b")  # (a cheap scan before the leads are tried)
# the same day of this or the next month in pt, es, fr, it, de ("até ao dia 20 deste mês", "antes del día 20 de este
# mes", "d'ici le 20 de ce mois", "entro il 20 di questo mese", "bis zum 20. dieses Monats", "avant le 5 du mois
# prochain"): group 1 the day, group 2 this month, group 3 the next
_DAY_OF_MONTH_FOREIGN = re.compile(
    r"(?:\bat[ée] (?:ao |o )?dia|\bantes do dia|\b(?:antes|hasta|a m[aá]s tardar) (?:el |del )?d[ií]a|\bd.ici le|"
    r"\bavant le|\bau plus tard le|\bentro il|\bprima del|\bbis (?:zum|spätestens zum|spätestens am|am))"
    r" (\d{1,2})(?:er|º|°|\.)? "
    r"(?:(deste m[eê]s|de este mes|de ce mois|du mois en cours|di questo mese|del mese (?:corrente|in corso)|"
    r"dieses monats|des laufenden monats)|"
    r"(do pr[oó]ximo m[eê]s|del pr[oó]ximo mes|del mes (?:pr[oó]ximo|siguiente)|du mois (?:prochain|suivant)|"
    r"del mese (?:prossimo|successivo)|des (?:nächsten|folgenden) monats|des folgemonats))\b")
_DAY_OF_MONTH_FOREIGN_CUES = ("mês", "mes", "mois", "mese", "monats")
_MONTH_END_RELATIVE_CUES = ("end of this month", "end of the current month", "fine del mese", "del mes", "du mois",
                            "do mês", "do mes", "monats", "今月末", "本月底", "本月末", "이번 달 말", "end of month",
                            "end of the month", "fin de mois", "de mes", "monatsende", "fine mese", "questo mese",
                            "quest'mese", "quest’mese", "ce mois", "este mes", "deste mês", "deste mes")
# payment terms before a month's end ("Conditions de paiement : à fin de mois"): the date to pay by
_PAYMENT_WORDS = ("payment", "paiement", "pago", "pagamento", "zahlung")
# literals one of which a text holds where _RELATIVE_AFTER can match (the scan runs only then)
_RELATIVE_AFTER_CUES = ("after", "from", "of")  # (with " day": any white space may stand between the words)
# a number of days written out in the other languages ("innerhalb von zehn Tagen", "dentro de diez días", "dans un délai
# de dix jours", "entro dieci giorni", "no prazo de dez dias")
_NUMBERS_FOREIGN = {"drei": 3, "fünf": 5, "sieben": 7, "zehn": 10, "vierzehn": 14, "dreißig": 30, "tres": 3, "cinco": 5,
                    "siete": 7, "diez": 10, "quince": 15, "treinta": 30, "trois": 3, "cinq": 5, "sept": 7, "dix": 10,
                    "quinze": 15, "trente": 30, "tre": 3, "cinque": 5, "sette": 7, "dieci": 10, "quindici": 15,
                    "trenta": 30, "três": 3, "sete": 7, "dez": 10, "trinta": 30}
# the same in localized mail (only for text that is not plain ASCII): "en un plazo de 5 días", "no prazo de
# 10 dias", "dans un délai de 7 jours", "entro 14 giorni", "innerhalb von 5 Tagen", "7日以内", "7天内", "7일 이내"
# (the number may be written out before its digits: "entro cinque (5) giorni", "dentro de cinco (5) días")
_RELATIVE_FOREIGN = re.compile(
    r"(?:\b(?:en un plazo de|dentro de(?: los pr[oó]ximos)?|en los pr[oó]ximos|no prazo de|em at[eé]|nos pr[oó]ximos|"
    r"dans un d[eé]lai de|sous|"
    r"dans les(?: prochains)?|entro(?: i prossimi)?|nei prossimi|innerhalb von|innerhalb der nächsten|"
    r"in den nächsten|binnen|"
    # (in N days, as English "in 45 days": "tra 45 giorni", "fra", "dans 45 jours", "in 45 Tagen", "en 45 días",
    # "em 45 dias")
    r"tra|fra|dans|in|en|em|daqui a)"
    r"\s+(?:(?:los|las|les|os|as|i|gli|le|die)\s+)?(?:[^\W\d_]{2,12}\s+\()?(\d{1,3}|" + "|".join(_NUMBERS_FOREIGN)
    # (French may put "prochains" after the number: "dans les 15 prochains jours"; German the plural without its
    # dative: "innerhalb der nächsten 15 Tage")
    + r")\)?\s+(?:prochains\s+)?"
    r"(d[ií]as|dias|jours|giorni|kalendertagen?|tagen?|"
    r"werktagen?|arbeitstagen?)(\s+(?:h[aá]biles|[uú]teis|ouvr[ée]s|ouvrables|lavorativi))?\b)|"
    r"(?:(?<![\d月年])(\d{1,3})\s*(日|天|일|営業日|个工作日|個工作日|工作日|个工作天|個工作天|工作天|영업일)\s*(?:以内|以內|内|內|이내|後|后|후))")
# how long what the mail offers stays open, a period of days counted from the mail ("This invitation is valid for 15
# days", "remains valid for 14 days", "stays open for 15 days", "will expire after 15 days", "You have 15 days to
# accept"; fr "reste valable 15 jours", "vous avez 15 jours pour"; it "è valido per 15 giorni", "hai 15 giorni per"; de
# "ist 15 Tage gültig", "Sie haben 15 Tage Zeit"; pt "é válido por 15 dias", "você tem 15 dias para"; es "es válida
# durante 15 días", "tiene 15 días para"; ja "15 日間有効", "有効期間は 15 日"; zh "有效期为 15 天";
# ko "15일 동안 유효", "유효 기간은 15일"): group 1 the number (digits, or written out in English or the other
# languages); not what the reader can ask for again, a link or a code (:data:`_RESENDABLE_NOUN`)
_VALID_LATIN = (r"(?:is|are|remains?|stays?|will (?:be|remain|stay))\s+(?:only\s+)?(?:valid|open|good)\s+for\s+"
                r"(?:the next\s+)?{n}\s+(?:calendar\s+)?days?\b|"
                r"(?:expires?|will expire|lapses?|will lapse)\s+after\s+{n}\s+(?:calendar\s+)?days?\b"
                r"(?!\s+(?:after|from|of)\b)|"
                r"you(?: will|.ll)? have\s+(?:only\s+)?{n}\s+(?:calendar\s+)?days?\s+to\b|"
                r"(?:est|reste|restera|sera|demeure)\s+(?:valable|valide|ouverte?)\s+(?:pendant\s+|durant\s+)?{n}\s+"
                r"jours\b|vous (?:avez|disposez de)\s+{n}\s+jours\s+pour\b|"
                r"(?:è|e'|rimane|resta|rimarrà|resterà|sarà)\s+(?:valid[oa]|apert[oa])\s+(?:per\s+)?{n}\s+giorni\b|"
                r"(?:hai|ha|avete|avrai|avrà)\s+(?:a disposizione\s+)?{n}\s+giorni\s+(?:di tempo\s+)?per\b|"
                r"(?:ist|bleibt|sind|bleiben|wird)\s+(?:noch\s+)?{n}\s+tage(?:\s+lang)?\s+gültig\b|"
                r"gültig\s+für\s+{n}\s+tage\b|(?:sie haben|haben sie|du hast)\s+{n}\s+tage\s+zeit\b|"
                r"(?:é|fica|permanece|será|continua)\s+(?:válid[oa]|abert[oa])\s+(?:por|durante)\s+{n}\s+dias\b|"
                r"(?:você tem|vocês têm|tem)\s+{n}\s+dias\s+para\b|"
                r"(?:es|sigue siendo|será|permanece|seguirá siendo)\s+(?:válid[oa]|abiert[oa])\s+(?:durante|por)\s+"
                r"{n}\s+d[ií]as\b|(?:tiene|tienes|tendrá|tendrás|dispone de|dispones de)\s+{n}\s+d[ií]as\s+para\b")
_VALID_PERIOD = re.compile(
    r"\b(?:" + _VALID_LATIN.format(n=r"(\d{1,3}|" + "|".join(sorted({**_NUMBERS, **_NUMBERS_FOREIGN}, key=len,
                                                                     reverse=True)) + r")") + r")"
    r"|(?<!\d)(\d{1,3})\s*日間(?:の間)?\s*有効|有効期(?:間|限)は\s*(\d{1,3})\s*日|有效期(?:限)?(?:为|為|是)?\s*(\d{1,3})\s*天"
    r"|(?<!\d)(\d{1,3})\s*일\s*(?:동안|간)\s*유효|유효\s*기간은\s*(\d{1,3})\s*일")
# the unit of every _VALID_PERIOD match, or its word for valid (where the scan for it is tried: a few windows of a mail,
# not every position of it)
_VALID_UNIT = re.compile(r"\b(?:days?|jours|giorni|tage|dias|días)\b|有効|有效|유효")
# the literals every _VALID_UNIT match begins with: it is tried only where str.find sees one (re would try its
# \b-led alternation at every position of the mail; :func:`_valid_units`)
_VALID_UNIT_STARTS = ("day", "jours", "giorni", "tage", "dias", "días", "有効", "有效", "유효")
_VALID_REACH = (80, 25)  # (how far before and after its unit a _VALID_PERIOD match may reach)
# what the reader can ask for again, named before its period: a link, a code ("The link is valid for 3 days", "Der Link
# ist 3 Tage gültig", "El enlace es válido durante 3 días")
_RESENDABLE_NOUN = re.compile(r"\b(?:link|code|url|token|enlace|lien|c[oó]digo|codice|collegamento|verknüpfung)s?\b|"
                              r"リンク|コード|链接|鏈接|連結|连结|代码|代碼|验证码|驗證碼|링크|코드")


# a period of hours of two days or more ("within 72 hours", "dentro de 72 horas", "72時間以内"): whole days, rounded up
# (a reply window of 24 hours stays a response time, not a date: see _relative)
# a reply window of a day or less is a response time, no deadline (:func:`_relative`)
_DAY_HOURS = 24
_RELATIVE_HOURS = re.compile(r"(?:\b(?:(?:within|in the next|no later than|not later than|"
                             r"dentro de(?: las pr[oó]ximas)?|en las pr[oó]ximas|"
                             r"en un plazo de|no prazo de|em at[eé]|nas pr[oó]ximas|dans les(?: prochaines)?|"
                             r"dans un d[eé]lai de|sous|entro|nelle prossime|innerhalb (?:von|der nächsten)|"
                             r"in den nächsten|binnen)\s+"
                             # (or counted from now or from this notice: "48 hours from now", "72 hours after this
                             # notice")
                             r"|(?=\d{2,3}\s+hours?\s+from\s+now\b)"
                             r"|(?=\d{2,3}\s+hours?\s+after\s+(?:this|the|receiving this|receipt of this)\s+"
                             r"(?:notice|message|notification|e-?mail)\b)"
                             # (or after the message named as "it", or what expires in a period: "The request expires
                             # 72 hours after it was sent", "the link expires in 72 hours", "is valid for 48 hours")
                             r"|(?=\d{2,3}\s+hours?\s+after\s+it\s+(?:was|is|has been)\s+(?:sent|received|delivered)\b)"
                             r"|(?<=expires )in\s+|(?<=expire )in\s+|(?<=valid )for\s+)(\d{2,3})\s+"
                             r"(?:hours?|horas|heures|ore|stunden)\b)|(?:(?<!\d)(\d{2,3})\s*(?:時間|小时|小時|시간)\s*(?:以内|内|이내))")
# (only a period asked of the reader, "Action is required within 72 hours", or counted from the mail, "within 72 hours
# of this message": not a rule stated in general, "requests not validated within 72 hours time out")
_OF_THIS_MESSAGE = re.compile(r"\s+(?:of|from|after) (?:this|receiving this|receipt of this|the date of this|"
                              r"the time (?:at which )?this) (?:message|notice|notification|e-?mail)|"
                              # (the message named as "it": "reply … no later than 36 hours after it was sent")
                              r"\s+(?:from|after) it (?:was|is|has been) (?:sent|received|delivered)\b")
# what expires in a period that the reader can ask for again (:func:`_resendable_expiry`): a link, a code, a URL
_RESENDABLE = re.compile(r"\b(?:link|code|url|token)s?\b")


def _resendable_expiry(lowered: str, at: int, end: int) -> bool:
    """Whether the period of hours from ``at`` to ``end`` is how long a link or a code stays valid ("This approval link
    expires in 72 hours", "The link is valid for 72 hours"): the reader can ask for another, no deadline (3 of the 4
    labelled ACM mails that say so read none); not a request or an invitation that expires ("the request expires in 72
    hours"), nor a link that expires a period after this very mail ("expires 72 hours after this message": an ask).
    A link that stays valid for a period is one to ask for again, counted from this mail or not ("The link stays valid
    for 72 hours from the time this message was sent": 4 of the 5 labelled mails that say so read no deadline)."""
    # (or that works, stays usable or active for a period: "The link works for 72 hours after this message was sent")
    lasts = lowered.endswith(_LINK_LASTS, max(0, at - 12), at)
    if not (lasts or lowered.endswith(("expires ", "expire "), max(0, at - 8), at)) \
            or _RESENDABLE.search(lowered, max(0, at - 40), at) is None:
        return False
    return lasts or not _OF_THIS_MESSAGE.match(lowered, end)


#: what a link does for the period that follows, right before it (:func:`_resendable_expiry`; "valid " alone where
#: the period's own match holds its "for")
_LINK_LASTS = ("works for ", "usable for ", "active for ", "good for ", "valid for ", "valid ")


# a link or a code valid for a period of days, in Chinese, Japanese, Korean ("此連結 3 天內有效", "链接在 3 天内有效",
# "リンクは 3 日以内有効", "링크는 3일 이내 유효"): as :func:`_resendable_expiry`, the reader can ask for another
# (or an address to visit: "請在 72 小時內前往下列網址核准")
_RESENDABLE_CJK = re.compile(r"(?:連結|连结|链接|鏈接|網址|网址|リンク|링크|url|代码|代碼|验证码|驗證碼|コード|코드)")
_VALID_CJK = ("有效", "有効", "유효")
_CJK_HOURS = ("小时", "小時", "時間", "시간")  # (a period of hours, which a link stays valid for)
# a period of days looked back on, in Chinese, Japanese, Korean ("过去 7 天内", "過去 7 日以内", "최근 7일 이내")
_LOOKED_BACK = ("过去", "過去", "最近", "지난", "최근")
# (or a window that ends on a date, named before it: "在截至 2027年4月3日 的 7 天内，投诉率为 0.48%",
# "4月3日までの 7 日以内", "4월 3일까지의 7일 이내")
_WINDOW_ENDING = re.compile(r"(?:截至|截止)[^。\n，,；;]{0,30}?的\s*+\Z|までの\s*+\Z|까지의\s*+\Z")


# a link the reader is asked to open, right before a period of hours ("please visit the link below within 72 hours",
# "click this link within 48 hours"), as Chinese, Japanese and Korean name it after the period
# (:func:`_resendable_period`)
_OPEN_LINK_BEFORE = re.compile(r"\b(?:click|visit|open|follow|use)\s+(?:on\s+)?(?:the|this)\s+(?:approval\s+)?link"
                               r"(?:\s+(?:below|above))?\s+(?:within\s+)?\Z")


def _resendable_period(lowered: str, at: int, end: int) -> bool:
    """Whether the period (of days or hours) from ``at`` to ``end`` is how long a link or a code stays valid (in
    English as :func:`_resendable_expiry` reads it: "the link expires in 3 days"; in Chinese, Japanese, Korean with the
    word for valid after it: "此連結 3 天內有效", "该链接在 72 小时内有效")."""
    if _resendable_expiry(lowered, at, end):
        return True
    if "hour" in lowered[at:end] and _OPEN_LINK_BEFORE.search(lowered, max(0, at - 60), at) is not None:
        return True  # (a link to open within a period of hours: "please visit the link below within 72 hours")
    # (or a period of hours with the link named right after it, to open within it: "请在 72 小时内访问以下链接", "72
    # 時間以内に次のリンクを開いて", "72시간 이내에 아래 링크를 여십시오"; not days, which a registrant has to verify
    # an address in, "请在 15 天内点击以下链接": a deadline)
    # (or the page to visit named, its address after it: "请在 72 小时内访问 Amazon Certificate Approvals:\nhttps://…")
    return (lowered[end:end + 4].lstrip().startswith(_VALID_CJK)
            and _RESENDABLE_CJK.search(lowered, max(0, at - 16), at) is not None) \
        or (any(map(lowered[at:end].__contains__, _CJK_HOURS))
            and (_RESENDABLE_CJK.search(lowered, end, end + 12) is not None
                 or lowered.find("https://", end, end + 80) >= 0))


# a Support case that closes when the reader does not answer within a period ("If we do not hear from you within 7 days,
# the case will close automatically; you can reopen it at any time")
_CASE_CLOSES = re.compile(r"\b(?:hear (?:back )?from you|receive (?:a |your )?(?:reply|response)|get a reply)"
                          r"\s+within\s+[^.;]{1,20}?,?\s+(?:the|this|your) case (?:will|is going to) (?:be )?"
                          r"(?:automatically )?(?:close|closed|resolved)\b")
# (and the period after the closing: "If we do not hear from you, this case will close automatically in 10 days"; or
# after its condition: "the case will be resolved automatically if we do not hear from you in the next 7 days")
_CASE_CLOSES_IN = re.compile(r"\bcase (?:will|is going to) (?:be )?(?:automatically )?(?:close|closed|resolved)"
                             r"(?: automatically)?(?: (?:if|when|unless) we (?:do not|don.t|have not|haven.t) "
                             r"(?:hear (?:back )?from you|receive (?:a |your )?(?:reply|response|answer)))?\s+\Z")
# a Support case that closes itself if the reader does not reply by a date, the date its condition's
# ("若您在 D 之前没有回复，本案例将自动解决", "D (金) までにご返信がない場合、本ケースは解決済みとして自動的に
# クローズされます", "D까지 회신이 없으면 케이스가 자동으로 종료됩니다", "If you do not reply by D, this case will be
# resolved automatically"): no ask, no impact, as the periods of _CASE_CLOSES (of the 82 labelled case replies that
# say the case closes itself, one held-out mail labels such a date)
_SELF_CLOSING_CASE = re.compile(
    r"(?:若|如果)您?在[^。\n]{1,40}?(?:之前|以前|前)(?:没有|未|尚未|仍未)(?:回复|答复)[^。\n]{0,20}?案例[^。\n]{0,6}?"
    r"自动(?:解决|关闭|结案)|"
    r"までに(?:ご)?(?:返信|回答|連絡)(?:が|を)?(?:ない|いただけない|いただけなかった)場合[^。\n]{0,30}?(?:ケース|案件)"
    r"[^。\n]{0,20}?自動的に(?:解決|クローズ|終了)|"
    r"까지 (?:회신|답변|응답)(?:이|을)? (?:없|주시지 않)으면[^.\n]{0,30}?(?:케이스|사례)[^.\n]{0,10}?"
    r"자동으로 (?:해결|종료)|"
    r"\bif (?:you do not|you don.t|we do not hear from you|we don.t hear from you)(?: reply| respond)?[^.\n]{0,20}?"
    r"\b(?:by|before)\b[^.\n]{1,40}?,? (?:this|the|your) case will (?:be )?(?:automatically )?(?:closed?|resolved)")
# (one of which each _SELF_CLOSING_CASE and _CASE_CLOSES_THEN match holds; 自動 for Japanese 自動的に and the
# Traditional Chinese 自動結案 alike)
_SELF_CLOSING_CUES = ("automatically", "自动", "自動", "자동으로")
# a reply (or a detail) asked within a period, the case closing itself if none comes, said after it ("reply to this
# case within 5 days; if we do not hear from you, the case will be closed automatically", "请在 5 天内回复此案例；
# 若未收到回复，案例将自动结案", "5 日以内にご返信ください。ご返信がない場合、本ケースは自動的に
# クローズされます", "5일 이내에 회신해 주십시오. 회신이 없으면 케이스가 자동으로 종료됩니다"): the period only
# says when the case closes, no ask with an impact (of the labelled case replies whose case closes itself so, none
# carries the period's date; Chinese in both scripts)
_CASE_CLOSES_THEN = re.compile(
    r"\b(?:if (?:we do not|we don.t) (?:hear (?:back )?from you|receive (?:a |your )?(?:reply|response))|otherwise)"
    r"[^.;\n]{0,20}?,?\s*(?:the|this|your) case will (?:be )?(?:automatically )?(?:closed?|resolved)\b|"
    # (a hard wrap perhaps inside, where Chinese breaks a line anywhere: "若未收到\n回覆，案例將自動結案")
    r"(?:若|如果|如)\n?(?:未|没有|沒有)\n?(?:收到)?\n?(?:您的)?\n?(?:回复|答复|回覆|答覆)[^。]{0,10}?(?:本|此|该|該)?案\n?例"
    r"[^。]{0,6}?(?:将|会|將|會)?\n?(?:自动(?:结案|关闭|解决)|自動(?:結案|關閉|解決))|"
    r"(?:ご)?(?:返信|回答|連絡)(?:が|を)?(?:ない|いただけない)場合[^。\n]{0,20}?(?:ケース|案件)[^。\n]{0,20}?自動的に"
    r"(?:解決|クローズ|終了)|"
    r"(?:회신|답변|응답)(?:이|을)? (?:없|주시지 않)으면[^.\n]{0,20}?(?:케이스|사례)[^.\n]{0,10}?자동으로 (?:해결|종료)")
# literals one of which each _OF_THIS_MESSAGE match holds (not "this message" alone: AWS's footer "This message was
# produced and distributed by …" would have every mail read its periods twice)
_THIS_MAIL = ("of this ", "from this ", "after this ", "receiving this ", "time this ", "which this ", "after it ",
              "from it ", "받은 ", "受け取", "受信し", "收到")
# the same before the period in Korean, Japanese and Chinese ("이 메일을 받은 날로부터 15일 이내",
# "このメールを受け取ってから 15 日以内", "收到此邮件后 15 天内"; Traditional Chinese read folded)
_OF_THIS_MESSAGE_CJK = re.compile(r"(?:이|본) ?(?:메일|이메일|메시지|알림|통지)을? 받(?:은|으신)|"
                                  r"(?:この|本)(?:メール|メッセージ|通知)を受(?:け取|信し)|"
                                  r"收到(?:此|本|这封|该)(?:封)?(?:邮件|电子邮件|消息|通知)")
# (nor a reply asked within hours, "请在 48 小时内回复": a response time, as "reply within 24 hours")
_REPLY = re.compile(r"\brepl(?:y|ies)|\brespon[ds]|antwort|r[ée]pon[ds]|respond|rispon|回复|回覆|返信|回答|답변|회신|"
                    r"응답")
_HOURS_CUE = re.compile(r"\d\s*(?:hours?|horas|heures|ore|stunden|時間|小时|小時|시간)")
# business days in those: "5 Werktagen", "10 días hábiles", "3 営業日", "5个工作日", "5 영업일"
_BUSINESS_FOREIGN = ("werktag", "arbeitstag", "営業日", "工作日", "工作天", "영업일")
# where a _RELATIVE match may start (it opens with \b, which re would try at every position)
_RELATIVE_AT = re.compile(r"(?:within(?: the next)?|in(?: the next)?)\s+(?:\d|one|two|three|five|seven|ten|fourteen|"
                          r"thirty)")
# a period in weeks ("within two weeks", "in the next 3 weeks", "dentro de dos semanas", "dans un délai de deux
# semaines", "entro due settimane", "innerhalb von zwei Wochen", "em duas semanas", "2週間以内", "两周内", "2주 이내"):
# its days, counted as "within N days" is; the number in digits or written out (1 to 4, and 6)
_WEEK_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "una": 1, "uma": 1, "une": 1, "eine": 1,
                 "einer": 1, "dos": 2, "duas": 2, "dois": 2, "deux": 2, "due": 2, "zwei": 2, "tres": 3, "três": 3,
                 "trois": 3, "tre": 3, "drei": 3, "cuatro": 4, "quatro": 4, "quatre": 4, "quattro": 4, "vier": 4,
                 "seis": 6, "sei": 6, "sechs": 6, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4}
_RELATIVE_WEEKS = re.compile(
    r"\b(?:within|in the next|in|dentro de(?: las pr[oó]ximas)?|en un plazo de|en las pr[oó]ximas|no prazo de|"
    r"em at[eé]|em|nas pr[oó]ximas|dans un d[eé]lai de|sous|dans les(?: prochaines)?|dans|entro|tra|fra|"
    r"nelle prossime|innerhalb von|innerhalb der nächsten|in den nächsten|binnen)\s+"
    r"(\d{1,2}|" + "|".join(name for name in _WEEK_NUMBERS if name.isascii() or name == "três") + r")"
    r"(?:\s+\(\d{1,2}\))?\s+(?:weeks?|semanas?|semaines?|settimane?|wochen?)\b"
    r"|(?<![\d])(\d{1,2}|两|兩|二|三|四)\s*(?:週間|个?星期|個?星期|周|週|주)\s*(?:以内|以內|内|內|이내)"
    # (two weeks as one word: "within a fortnight of this message")
    r"|\b(?:within|in the next|in)\s+(?:a|one|the next)\s+(fortnight)\b")
_WEEK_CUES = ("week", "seman", "semaine", "settiman", "woche", "週", "周", "星期", "주", "fortnight")
# a weekday the reader is asked to act by, no date written ("by end of day this Thursday", "bis diesen Donnerstag",
# "d'ici jeudi", "antes del jueves", "até quinta-feira", "entro giovedì"): the next such day after the mail's date;
# group 1 "this" and its forms (that day itself counts), then the weekday in English, de, fr, es, pt, it
_WEEKDAY_NUMBERS = {name: number for names in WEEKDAY_NAMES.values() for number, name in enumerate(names)}
_WEEKDAY_LEADS = ("by ", "before ", "until ", "no later than ", "bis ", "d'ici ", "d’ici ", "avant ", "antes ",
                  "hasta ", "até ", "entro ")
_RELATIVE_WEEKDAY = re.compile(
    r"(?:\b(?:by|before|until|no later than)\s+(?:(?:the\s+)?(?:end of (?:the )?(?:day|business)|close of business|eod|"
    r"cob)\s+(?:on\s+)?)?|\bbis (?:zum |spätestens )?|\bd.ici |\bavant |\bantes del? |\bhasta (?:el )?|"
    r"\baté (?:[àa] )?|\bentro )"
    # ("by next Monday", "bis nächsten Montag", "hasta el próximo lunes", "entro il prossimo lunedì": the next such
    # weekday after the mail's date, as a bare one)
    r"(?:next |the coming |coming |nächste[nm]? |(?:el |o |a )?pr[oó]xim[oa] |prochain |(?:il )?prossimo )?"
    r"(this |diese[nm]? |kommende[nm]? |ce |este |esta |questo |quest[oa] )?"
    r"(" + "|".join(sorted(_WEEKDAY_NUMBERS, key=len, reverse=True))
    # (not a weekday that opens a full date, day or month first: "until Wednesday, March 17, 2027")
    + r")\b(?![,.]?\s*(?:(?:the |den |de |le |el |il )?\d|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))")
# "the first Monday of March 2027", localized, read as the date it names (:mod:`routing.nthweekday`)
_NTH_WEEKDAYS = NthWeekdays(MONTHS)
# the "=" of a field line written "key = value", indented or aligned ("  window       = Thursday, 21 January 2027,
# 09:00 - 11:00"), replaced by a colon (one character for one: offsets hold); not an equation in prose ("a = b")
_EQUALS_FIELD = re.compile(r"(?m)^((?:[ \t]+[^\W\d_][\w.-]*(?: [\w.-]+){0,2}[ \t]+|"
                           r"[^\W\d_][\w.-]*(?: [\w.-]+){0,2}(?:[ \t]{2,}|\t)))=(?=[ \t])")
# a field line ("Invoice date: Jul 1st, 2026")
_FIELD_LINE = re.compile(r"\s*[^\n:.]{1,40}(?::|[ \t]*\.{3,}|[ \t]*…+)[ \t]*\S")
# a table's header row that names a start column ("Start (UTC)", "Start time", "Scheduled start", "開始")
_START_COLUMN = re.compile(r"\bstart|\bbegin|開始|开始|시작|\binicio|\bdébut|\bbeginn|\binício|\binizio")
# what a change that a date makes effective does ("endpoints will only accept TLS 1.2", "requests will
# be handled in the Region", "Amazon S3 will reject ..."): a date led by "effective", "starting", "as of"
_CHANGE = re.compile(r"\bwill (?:only |no longer |now |automatically )?(?:accept|reject|refuse|require|enforce|default|"
                     r"not be able to|reduce|lower|raise|increase|decrease|limit|switch to|"
                     # what starts to cost ("will bill the INIT phase …, starting March 1, 2027")
                     r"bill|charge|"
                     # an endpoint that presents new certificates ("will present TLS certificates issued by …")
                     r"(?:present|serve|use)\s+(?:(?:tls|ssl|server)\s+)?certificates|"
                     r"be (?:lowered|reduced|raised|increased|decreased|disabled|enabled|limited)\b|"
                     r"be (?:handled|served|routed|rejected|refused|required|enforced|blocked))\b")
# the same change said in the present, what the endpoints do from then ("Starting D, the endpoints present the new
# certificates")
_CHANGE_PRESENT = re.compile(r"\b(?:present|serve)s?\s+(?:the\s+)?new\s+(?:(?:tls|ssl|server)\s+)?certificates\b")
# charges in localized mail ("se empezarán a cobrar los cargos de Extended Support", "cobranças")
_CHARGE_FOREIGN = re.compile(r"cobr|cargo|factur|frais|kosten|geb[üu]hr|addebit|costi|料金|费用|收费|요금")
# the date columns a table's header row names (its cells joined, so no word boundaries): group 1 a
# deadline ("Apply by", "Expires", "Payment due", "Vencimento"), group 2 the start of a window, group 3
# a fact ("Purchased", "Release date", "Invoice date", "Emissão", "Scheduled end")
_COLUMN = re.compile(r"(apply[- ]by|required by|reschedule by|(?:auto-)?applied after|deadline|due|retirement|"
                     # (a term's end: "Term ends", "Term end date"; an "End" alone is a window's, below)
                     r"term ends?\b|"
                     # the end of a review, grace or trial period ("Review period ends", "Fin de la période
                     # d'examen", "Ende des Prüfzeitraums", "Fin del período", "Fim do período", "Fine del periodo",
                     # "審査期間終了", "审核期结束", "검토 기간 종료")
                     r"period ends?|fin de la p[ée]riode|ende de[rs] \w*(?:zeitraums?|frist)|fin del per[ií]odo|"
                     r"fim do per[ií]odo|fine del periodo|期間(?:の)?終了|期(?:间)?结束|기간 종료|"
                     r"expir(?:es|ed|ation|y|ing)?|end date|renew(?:s|al)?|vencimento|vencimiento|f[äa]llig|"
                     r"[ée]ch[ée]ance|scadenza|期限|期日|기한|截止|到期|만료|満了|失効|失效|过期|ablauf|"
                     # (a time limit or an end of support in the other languages' heads: "Frist", "Stichtag", "Fecha
                     # límite", "Date limite", "Prazo", "Termine", "Supportende", "Fin du support", "サポート終了")
                     r"frist\b|stichtag|fecha l[íi]mite|date limite|data limite|prazo|termine\b|"
                     r"end of (?:standard )?support|supportende|fin (?:du|de|del) (?:support|soporte)|fim do suporte|"
                     r"fine del supporto|サポート終了|支持结束|지원 종료|außerbetriebnahme|abschaltung|retrait|"
                     r"retirada|ritiro|廃止|退役|supported (?:until|through))|"
                     r"(start(?!ed)|begin|opens|開始|开始|시작|inicio|início|début|beginn|inizio|"
                     # (what starts from the date, German: "Wartung ab", "Neustart ab")
                     r"(?:wartung|neustart|austausch|aktualisierung|update|upgrade) ab\b|"
                     # (a window column: its dates are the windows' starts, "Maintenance window", "Finestra di
                     # manutenzione", "Fenêtre de maintenance", "Wartungsfenster", "メンテナンスウィンドウ", "维护窗口")
                     r"window|finestra|fen[êe]tre|ventana|janela|fenster|ウィンドウ|窗口|时段|유지 관리 기간)|"
                     # (a fact: what was measured, or began, "Measured on", "Review started", "Gemessen am")
                     r"(end\b|ende\b|fin\b|fim\b|closes|released?|purchased?|issued|emiss[aã]o|emisi[oó]n|measured|"
                     r"started|"
                     r"begonnen|commenc[ée]e?|iniciad[oa]|iniziat[oa]|"
                     r"gemessen|mesur[ée]|medid[oa]|misurat[oa]|測定|测量|측정|"
                     r"invoice date|rechnungsdatum|date de facture|created|launched|since|notice date|"
                     # (when it was bought: "구매일", "購入日", "购买日期", "Kaufdatum", "date d'achat")
                     r"구매일|구입일|購入日|购买日期|購買日期|kaufdatum|date d.achat|fecha de compra|data de compra|"
                     r"data di acquisto|"
                     r"notification date)")
# the rows and rules a plain-text table's row looks up through for its header row (:func:`_pipe_column_score`)
_PIPE_ROWS = 40
# what a window of a table is for, besides what _CONTEXT names (maintenance, update, upgrade, ...)
_WINDOW_WORDS = ("patch", "apply", "reboot", "restart", "parche", "correctif", "aplicar", "appliquer", "anwenden",
                 "再起動", "重启", "重新启动", "재부팅", "재시작", "neustart", "redémarrage", "reinicio", "reinício",
                 "riavvio")
# how far a scheduled event can be deferred, right after its date ("2027-01-26 まで延期可能",
# "까지 연기할 수 있습니다"):
# the end of the reschedule window, not the event itself
# the same limit before its date, in Chinese ("最迟可暂缓至 D", "可推迟到 D")
# (or named as the limit to move it by: "変更できる期限は D", "변경할 수 있는 기한은 D", "可更改的期限为 D")
_DEFER_LIMIT_BEFORE = re.compile(r"(?:(?:最迟|最晚)?可(?:以)?(?:暂缓|推迟|延期|延后)(?:至|到)|"
                                 r"(?:変更|延期|再スケジュール)(?:できる|可能な)(?:期限|最終日)(?:は|[:：])?|"
                                 r"(?:변경|연기)(?:할 수 있는|가능한) (?:기한|마감일?)(?:은|[:：])?|"
                                 r"可(?:以)?(?:变更|更改|推迟|延期|重新安排)的?(?:期限|截止日期)(?:为|是|[:：])?)\s*\Z")
_DEFER_LIMIT = re.compile(r"\s*(?:まで(?:延期|変更)|까지 (?:연기|변경)|(?:之前)?可(?:以)?(?:推迟|延期))")
# the latest date a maintenance may be moved to, in the 9 languages' word order ("reschedule it to a date no later than
# D", "auf einen Zeitpunkt bis spätestens D verschieben", "reprogramarlo para una fecha hasta el D", "la reporter à une
# date jusqu'au D", "riprogrammarla a una data entro il D", "reagendá-la para uma data até D"): how far the reader
# may defer it, not when it happens (the target right before the date, a verb of deferring in its clause)
_DEFER_TARGET = re.compile(r"(?:\bto (?:a|any|another) (?:later )?(?:date|time|day)|"
                           r"\b(?:auf )?einen (?:beliebigen |späteren |anderen )?(?:zeitpunkt|termin)|"
                           r"\bany (?:later )?(?:date|time)|"
                           r"\b(?:para|a) (?:una|uma|otra|outra) (?:fecha|data)|"
                           r"\bà une (?:autre )?date|\ba una (?:data|altra data))[^.]{0,24}\Z")
# the limit to change a maintenance's window, before its date ("To change the maintenance window, modify it before D",
# "如需更改维护时段，请在 D 之前修改", "メンテナンス時間を変更する場合は、D までに", "유지 관리 기간을 변경하려면 D
# 전에", "Pour modifier la fenêtre, faites-le avant le D"): how long the reader may move it, not the window announced
_CHANGE_WINDOW_LIMIT = re.compile(
    r"\b(?:to|if you (?:want|wish|would like) to|should you wish to) (?:change|modify|reschedule|move|adjust) "
    r"(?:the|your|this) (?:maintenance |scheduled )?(?:window|time|schedule|slot)\b|"
    r"\bpour (?:modifier|changer|reprogrammer|déplacer) (?:la|votre|cette) (?:fenêtre|plage|période)\b|"
    r"\bpara (?:cambiar|modificar|reprogramar|alterar|mudar) (?:la|su|a|sua) (?:ventana|janela|franja)\b|"
    r"\bper (?:modificare|cambiare|spostare|riprogrammare) (?:la|questa) finestra\b|"
    r"\bum (?:das|ihr) wartungsfenster zu (?:ändern|verschieben)\b|"
    r"如需(?:更改|修改|变更|调整)|如果您?(?:想|希望|需要)(?:更改|修改|变更|调整)|若要(?:更改|修改|变更|调整)|"
    r"(?:変更|再スケジュール)(?:する場合|したい場合|を希望する場合|するには)|"
    r"(?:변경|조정)하려면|(?:변경|조정)을 원하시면")
_CHANGE_WINDOW_CUES = ("change", "modify", "reschedul", "move", "adjust", "modifier", "changer", "reprogram",
                       "déplacer", "cambiar", "modificar", "alterar", "mudar", "modificare", "cambiare", "spostare",
                       "riprogramm", "wartungsfenster", "更改", "修改", "变更", "调整", "変更", "再スケジュール",
                       "변경", "조정")
_DEFER_VERBS = ("reschedul", "defer", "postpone", "move", "verschieb", "verleg", "reprogram", "aplaz", "pospon",
                "report", "décal", "rinvi", "postic", "riprogramm", "adiar", "adie", "reagend")
_SENTENCE_END = re.compile(r"[.!?]\s|。|\n\s*\n")  # (Japanese and Chinese write no space after 。)
# what only new customers, accounts or projects lose on a date ("Starting March 1, 2026 new accounts can no
# longer be created", "a partir de 1 de abril não será mais possível criar novos projetos"): a closure's
# first step, not when the reader's impact starts (the later shutdown is); both parts in one sentence; so are new
# reservations or bookings ("New Braket Direct reservations can no longer be booked after D", "le nuove prenotazioni
# non potranno più essere acquistate dopo il D"): what is already booked runs on
_NEW_ONLY = re.compile(r"\bnew (?:[\w-]+ ){0,2}?(?:customers?|accounts?|sign-?ups?|projects?|users?|workspaces?|"
                       r"subscriptions?|reservations?|bookings?|(?:device )?registrations?)\b|"
                       # new resources no longer created ("you will not be able to create new directories", "it will no
                       # longer be possible to create new containers") or registered ("you will no longer be able to
                       # register new instances that run agent 1.x"); not "launch new": an image no longer launched from
                       # a date, its running instances untouched, has no later stage
                       r"\b(?:not be able to|no longer be able to|cannot|can no longer|"
                       r"(?:not|no longer) (?:be )?possible to) (?:create|register|add|onboard|order) new\b|"
                       # (said of the new ones: "New instances can no longer be created as of D")
                       r"\bnew\b[^.\n]{0,40}\b(?:can|could|will) no longer be (?:created|launched|added|deployed)\b|"
                       # ("creating a new classic portal will no longer be possible")
                       r"\bcreating (?:a |any )?new\b|"
                       r"novos (?:clientes|projetos|usu[aá]rios)|nuevos (?:clientes|proyectos|usuarios)|"
                       r"nouveaux (?:clients|projets|utilisateurs)|nuovi (?:clienti|progetti|utenti)|"
                       r"novas reservas|nuevas reservas|nouvelles réservations|nuove prenotazioni|"
                       r"neuen? [\w-]*(?:kunden|projekte|anwendungen|umgebungen|konten|reservierungen|buchungen)|"
                       r"neukunden|"
                       # new commitments bought for it (reservations, savings plans): the running ones keep working
                       r"\b(?:purchas|buy)\w* (?:new )?(?:reserved instances?|reservations?|savings plans?)|"
                       # (a "new" between: "comprar novas Instâncias Reservadas", "acheter de nouvelles instances
                       # réservées")
                       r"comprar (?:nov[ao]s |nuev[ao]s )?(?:inst[aâ]ncias reservadas|instancias reservadas|reservas|"
                       r"savings plans)|"
                       r"acheter (?:des |de nouvelles |de nouveaux )?(?:instances réservées|réservations)|"
                       r"acquistare (?:nuove )?(?:istanze riservate|prenotazioni)|"
                       r"(?:neue )?reservierte instanzen (?:zu )?kaufen|"
                       r"リザーブドインスタンス.{0,10}購入|购买预留实例|예약 인스턴스.{0,10}구매|"
                       # (not the new generation or the new resources the reader moves to, a migration's target:
                       # "2027年8月31日までに新しい世代の Inf2 インスタンスへ移行")
                       r"新規|新しい(?!世代)(?![^。\n]{0,40}?(?:へ|に)の?(?:移行|アップグレード|移動))|新客户|신규|"
                       # who has not used it yet ("accounts that have not used the service will no longer be able
                       # to create …"): new to it
                       r"\b(?:accounts?|customers?|users?) (?:that|who|which) (?:have|has) (?:not|never) (?:yet )?"
                       r"used\b|"
                       # ("the legacy mode can no longer be enabled in accounts that do not use it today")
                       r"\b(?:accounts?|customers?|users?) (?:that|who|which) (?:do|does) not "
                       r"(?:yet |already |currently )?use\b")
# creating anything new stops that day, in localized mail ("não será possível criar novos ambientes", "keine
# neuen Arbeitsbereiche anlegen", "새 SQL 애플리케이션을 생성할 수 없고", "无法创建新的管道"): with one of
# _NO_LONGER_FOREIGN in its sentence, a first step the mail names beside the shutdown's date (_aside); the
# deadline when the mail names no other ("Ab dem 15. November 2026 können keine neuen Aufträge mehr erstellt
# werden. Bitte migrieren Sie vor diesem Datum")
# (the adjective may follow its noun: "crear configuraciones de informe nuevas", "criar relatórios novos")
# a stage that only warns: responses, calls or the console that carry or show a deprecation notice or a warning
_WARNING_ONLY = re.compile(r"\b(?:carr(?:y|ies)|includes?|returns?|shows?|displays?|adds?|gets?|receives?|see)\b"
                           r"[^.\n]{0,40}?\b(?:deprecation|warning)s?\b"
                           r"(?:[ -](?:header|banner|message|notice|field)s?)?|"
                           # (or a label the console shows: "The runtime will be marked deprecated in the console on D")
                           r"\b(?:marked|labell?ed|flagged|shown) (?:as )?deprecated\b")
_IMPACT_WORDS = ("no longer", "stop", "fail", "error", "reject", "refuse", "cannot", "can not", "disabled", "removed",
                 "shut", "unavailable", "charge", "bill")
_NEW_ANY = re.compile(r"criar (?:[\w-]+ ){0,3}?nov[oa]s?\b|crear (?:[\w-]+ ){0,3}?nuev[oa]s?\b|cr[ée]er de nouve|"
                      # (one new resource as well: "créer un nouveau pipeline", "crear un nuevo proyecto")
                      r"cr[ée]er (?:des |de )?(?:[\w-]+ ){0,3}?nouve(?:aux|lles|au|lle)\b|"
                      r"creare (?:[\w-]+ ){0,3}?nuov[oiae]|"
                      r"keine neuen?\b|새 [^.,]{0,30}?(?:만들|생성)|새로운|创建新|新建|"
                      # (or buy new ones: "deixará de ser possível comprar novas Instâncias Reservadas D2", "comprar
                      # nuevas", "acheter de nouvelles", "acquistare nuove")
                      r"comprar (?:[\w-]+ ){0,3}?(?:nov[oa]s?|nuev[oa]s?)\b|"
                      r"acheter (?:de |des )?(?:[\w-]+ ){0,3}?nouve|acquistare (?:[\w-]+ ){0,3}?nuov[oiae]")
# the literals one of which each _NEW_ANY match holds (the text is searched only where one stands)
_NEW_ANY_CUES = ("criar ", "crear ", "créer ", "creer ", "creare ", "keine neue", "새", "创建新", "新建", "comprar ",
                 "acheter ", "acquistare ")
_NO_LONGER = ("no longer", "cannot", "can not", "not be able", "can't", "won't be able", "stop accepting",
              "stops accepting", "not accept", "blocked", "will block")
_NO_LONGER_FOREIGN = (*_NO_LONGER, "mais poss", "ya no", "ne sera plus", "ne pourr", "non sar", "non potr",
                      "nicht mehr", "keine neue", "できなく",
                      "acceptera plus", "accepte plus", "aceitará mais", "non accetter", "不再", "더 이상", "받지 않",
                      "受け付けな", "受け付けません",
                      "não será possível", "não poder", "no se podr", "no podr", "no será posible", "impossible",
                      "de ser possível", "de ser posible",
                      "できません", "できず", "无法", "不能", "수 없")
# what makes such a first step the reader's impact after all: the security patches or updates stop that day
# ("Lambda will stop applying security patches …, and you will not be able to create new functions")
_PATCHES_STOP = ("patch", "security update", "correctif", "parche", "aggiornamenti di sicurezza",
                 "atualizações de segurança", "actualizaciones de seguridad", "mises à jour de sécurité",
                 "sicherheitsupdate", "sicherheitsaktualisierung", "パッチ", "セキュリティ更新", "安全更新", "补丁",
                 "패치", "보안 업데이트")
# another product's end of support cited as the cause of the notice ("following the end of support of Amazon
# Linux 2 on June 30, 2026, Lambda is retiring provided.al2 … migrate before July 31, 2026"): the date of the
# cause, not of the reader's action. Led by the cause (no comma between it and the date) ...
_CAUSE_BEFORE = ("following the end of", "after the end of", "with the end of", "due to the end of",
                 "because of the end of", "suite à la fin", "après la fin", "en raison de la fin", "tras el fin",
                 "después del fin", "debido al fin", "a seguito della fine", "in seguito alla fine", "dopo la fine",
                 "im anschluss an das ende", "nach dem ende", "aufgrund des endes", "infolge des endes",
                 "mit dem ende", "após o fim", "depois do fim", "devido ao fim", "com o fim", "随着", "由于")
# (the literals one of which each of _CAUSE_BEFORE holds: the clause is cut only where one stands before the date)
_CAUSE_CUES = ("end of", "fin d", "fine d", "ende", "fim", "随着", "由于")
# what ends the clause of the cause: the date must follow the cause in its clause
_CLAUSE_ENDS = (",", "，", "、", ";", "；", "。", ". ", "\n\n")
# ... or, in Japanese and Korean, named after the date ("2026年6月30日の Amazon Linux 2 のサポート終了に伴い",
# "2026년 6월 30일 Amazon Linux 2 지원 종료에 따라"); in Chinese, the end right after the date ("随着 … 于 D 终止支持")
_CAUSE_AFTER = re.compile(r"[^,，、;；。\n]{0,60}?(?:終了に伴|終了を受け|종료에 따라|종료됨에 따라|종료에 맞춰)")
_CAUSE_ZH_END = re.compile(r"\s*(?:终止|结束|停止)")
# a sentence that opens with "From" right before its date ("From 2026-06-15, the default quota …"): as "Starting"
_FROM_LEADS = ("from", "as from", "from the")
# what joins the two dates of a range ("March 12 and March 13, 2027", "12 mars au 13 mars 2027", "12. März bis 13. März
# 2027", "del 12 al 13 de marzo", "12 marzo - 13 marzo 2027", "3月12日～3月13日"), a time between too
# (or nothing but white space after the first date's time: "2027-06-05 04:00 UTC 2027-06-05 08:00 UTC", the cells of a
# table's Start and End columns)
# (also an ISO time after its date, "2027-01-19T23:30Z")
# (and a German day's dot and comma before its connector: "vom 10., bis 11. Januar 2027", "vom 10. bis 11. Januar")
_TIME = r",?\s*t?\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?z?(?:\s*\(?[a-z]{2,4}\)?)?"
_RANGE_CONNECTOR = re.compile(r"(?:" + _TIME + r"\s+|(?:\.(?=,|\s*(?:bis|und)\b))?,?(?:" + _TIME + r")?\s*"
                              r"(?:->|→|-|–|—|~|〜|～|to|till|until|through|thru|and|bis(?: zum)?|und|au|et|all'|al|y|"
                              r"a|e|"
                              # (a weekday may stand before the second date: "du jeudi 4 au vendredi 5 février")
                              r"至|到|から|부터)\s*(?:" + WEEKDAY_WORD + r")?"
                              r"(?:the\s+|le\s+|el\s+|il\s+|zum\s+|am\s+|dem\s+|de\s+)?)")
QUALIFY = 3  # a candidate below this score is a date, not a deadline
#: the most dates (and relative dates) of one text that are scored: the first ones in the text. Scoring a date
#: reads its sentence (~180 µs); a text of 16,000 dates took 2-3 s. The most dates of any mail of every labelled
#: set is 49 (a German AppStream mail listing its images; tests/routing/test_deadline_roles.py)
MAX_DATES = 96
# a letter or digit outside ASCII (\w less ASCII)
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f]")
# a status date: "as of <the mail's date>" says how things stand when the mail is sent, not when to act
# ("As of February 17, 2027, Amazon SES sending for account … is under review"; "2027年2月17日現在", "… 기준")
_AS_OF = re.compile(r"(?:\bas (?:of|at)|\ben date du|\ba fecha de|\balla data del|\bstand(?: vom| am)?:?|\bcom data de)"
                    r"\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?\Z")
# what tells the reader there is nothing to do ("We will charge your card on or after D; no action is required",
# "您無需採取任何行動"), in the 9 languages
_NO_ACTION = re.compile(r"\bno (?:further )?action (?:is |will be )?(?:required|needed|necessary)|"
                        # (or no step, no change on the reader's side: "No step is needed on your side", "no changes are
                        # required on your part")
                        r"\bno (?:further )?steps? (?:is |are |will be )?(?:required|needed|necessary)|"
                        r"\bno (?:further )?changes? (?:is |are |will be )?(?:required|needed|necessary) "
                        r"(?:on|from) your (?:side|part|end)\b|"
                        r"\bnothing (?:you need|for you|you have) to do\b|\bnothing (?:needs|has) to be done\b|"
                        r"\b(?:needs|requires) nothing (?:from|of) you\b|"
                        r"\bno need to (?:do|take)|\b(?:do not|don.t) need to (?:do|take) (?:anything|any action)|"
                        # (nor to change anything: "You don't need to change anything", "need to make any changes";
                        # not for a purpose it names, "You do not need to change anything to keep receiving them", which
                        # leaves the mail's other asks theirs: "check that your rules still match the new sender")
                        r"\b(?:do not|don.t) need to (?:change anything|make any changes?)\b(?! to\b| in order\b)|"
                        r"\bkeine (?:weitere[nr]? )?(?:aktion|maßnahme|handlung)\w* (?:ist )?erforderlich|"
                        r"\baucune action (?:n.est|de votre part n.est) (?:requise|nécessaire)|"
                        r"\bno (?:es|se requiere|hace falta) (?:necesari[oa] )?(?:realizar |tomar )?ninguna acci[óo]n|"
                        # (the change itself requires none: "no requiere ninguna acción por su parte", "não requer
                        # nenhuma ação", "ne nécessite aucune action", "non richiede alcuna azione", "erfordert keine
                        # Aktion", "requires no action")
                        r"\bno requiere(?:n)? ninguna acci[óo]n|\bn[ãa]o (?:requer|exige)(?:m)? nenhuma a[çc][ãa]o|"
                        r"\bne (?:nécessite|requiert|demande) aucune action|\bnon richied(?:e|ono) alcuna azion|"
                        r"\berfordert keine (?:aktion|maßnahme|handlung)|"
                        # (no action for the reader to take, said to them: "vous n'avez aucune action à
                        # entreprendre", "no tiene que realizar ninguna acción", "non deve intraprendere alcuna azione",
                        # "Sie müssen keine Maßnahmen ergreifen")
                        r"\bvous n.avez aucune action à (?:entreprendre|effectuer|mener|réaliser)\b|"
                        r"\bno (?:tiene|necesita|tienes|necesitas) que (?:realizar|tomar|hacer) ninguna acci[óo]n\b|"
                        r"\bn[ãa]o (?:precisa|tem que|tem de) (?:realizar|tomar|fazer) nenhuma a[çc][ãa]o\b|"
                        r"\bnon (?:deve|devi|dovete) (?:intraprendere|compiere|fare) alcuna azione\b|"
                        r"\bsie m[üu]ssen keine (?:ma[ßs]nahmen|aktionen|schritte) "
                        r"(?:ergreifen|durchf[üu]hren|unternehmen)\b|"
                        r"\brequires? no (?:action|changes? on your part)|"
                        r"\bnenhuma a[çc][ãa]o (?:é )?(?:necess[áa]ria|requerida)|"
                        # (the verb first: "Não é necessária nenhuma ação da sua parte")
                        r"\bn[ãa]o (?:é|será) (?:necess[áa]ria|exigida|requerida) nenhuma a[çc][ãa]o|"
                        r"\bnão é necess[áa]rio (?:fazer nada|"
                        r"realizar nenhuma a[çc][ãa]o|tomar nenhuma)|\bnon (?:è|e) (?:necessari[oa]|richiest[oa]) "
                        r"(?:alcun[oa] |intraprendere alcuna )?azion|\bnessuna azione (?:è )?(?:necessaria|richiesta)|"
                        r"対応(?:は|の)?(?:不要|必要はありません)|操作(?:は)?不要|無需採取|无需采取|無需任何|无需任何|"
                        # (no change on the reader's side: "お客様側での設定変更は必要ありません")
                        r"(?:お客様|ご利用者)(?:側|の側)?(?:で|での|による)?(?:設定)?(?:の)?変更は(?:必要ありません|不要です)|"
                        # (with its verb: "您无需执行任何操作", "不需要进行任何操作"; Traditional read folded)
                        # (the reader named between, or the act as 动作: "也不需要您採取任何動作")
                        r"无需您?(?:执行|进行|做|采取)任何|不需要您?(?:执行|进行|做|采取)?任何(?:操作|行动|措施|动作)|"
                        # (written 无须/毋须: "您無須採取任何行動")
                        r"[无毋]须您?(?:执行|进行|做|采取)?任何|"
                        r"조치(?:가|를|는)? (?:필요하지 않|취하실 필요가 없|하실 필요가 없)|"
                        r"필수 조치(?:는|가) 아닙니다|"
                        # (nothing for the reader to do, in Korean: "계속 이메일을 받기 위해 별도로 하실 일은 없습니다")
                        r"하실 (?:일|조치)(?:은|는)? 없습니다|"
                        r"必須の対応ではありません|(?:并非|不是)必需的?操作|"
                        # (nothing to do, said so: "No tiene que hacer nada para seguir recibiendo sus facturas", "vous
                        # n'avez rien à faire", "non deve fare nulla", "Sie müssen nichts tun")
                        r"\bno (?:tiene|necesita) (?:que )?hacer nada|\bn[ãa]o (?:tem|precisa) (?:de |que )?fazer nada|"
                        r"\bn.avez rien [àa] faire|\bnon (?:deve|dovete|devi) fare nulla|"
                        r"\bm[üu]ssen sie nichts (?:tun|unternehmen)|\bsie m[üu]ssen nichts (?:tun|unternehmen)")
# a condition right after a no-action ("no action is required if you accept the new price", "non è richiesta alcuna
# azione se accetta la nuova tariffa"): only some readers are spared
_TRAILING_CONDITION = re.compile(r"[^.;:\n]{0,30}?\s(?:if|unless|se|si|wenn|falls|caso|solange)\s")
_NO_ACTION_CUES = ("action", "need to", "nothing", "no step", "no change", "no further", "aktion", "maßnahme",
                   "handlung", "acci", "açã", "aça", "azion",
                   "fazer nada", "hacer nada", "rien à faire", "rien a faire", "fare nulla", "nichts", "対応", "操作",
                   "無需", "无需", "无须", "毋须", "不需要", "조치", "하실 ", "変更は")
_AS_OF_AFTER = re.compile(r"\s*(?:現在|기준|时点)"
                          # (or what is available from that day on, the mail's: "새 중간 인증서는 2027년 1월 18일
                          # 월요일부터 공개되어 있습니다", "1月18日（月）から公開されています")
                          r"|\s*(?:[(（]?[^\s(（)）]{1,4}[)）]?\s*)?(?:부터|から|起)\s*"
                          r"(?:공개|제공|사용할 수 있|이용 가능|公開|提供|利用|公开|可用)")
# what asks the reader to act before what the mail offers expires ("accept the offer before it expires", "vor Ablauf
# der Gültigkeit", "antes de que caduque", "avant son expiration", "prima della scadenza", "antes do vencimento",
# "期限が切れる前に", "到期前", "만료되기 전에"): the date its expiry lead names (:data:`_EXPIRY_WORDS`) is the act-by
# date, also when no by-lead stands right before it (searched only where one of _BEFORE_EXPIRY_CUES stands)
_BEFORE_EXPIRY = re.compile(r"\bbefore (?:it|they|the offer|this offer|the invitation|this invitation) expires?\b|"
                            r"\bbefore (?:its |the )?expir(?:y|ation)\b|\bvor (?:dem )?ablauf\b|"
                            r"\bantes de que (?:caduque|venza|expire)|\bantes de (?:su )?(?:vencimiento|caducidad)|"
                            r"\bavant (?:son |leur |l.)expiration|\bavant qu.(?:elle|il)s? n.expire|"
                            r"\bprima (?:della scadenza|che scad)|\bantes (?:do vencimento|de expirar|que expire)|"
                            r"期限(?:が)?切れる前に|期限切れ(?:の)?前に|到期(?:之)?前|失效(?:之)?前|"
                            r"만료(?:되기)? ?전에|"
                            # before an agreement or a subscription ends (its term: a Marketplace agreement without
                            # renewal), en, de, es, pt, fr, it, ja, zh, ko
                            r"\bbefore (?:the|your|this) (?:agreement|subscription|contract|term|trial|free trial|"
                            r"trial period) ends\b|"
                            # (after an expiry lead of an offer's mail: "Your contract ends: D" … "before then")
                            r"\bbefore (?:then|that date|this date)\b|"
                            r"\bbevor (?:die|der|das|ihr|ihre|sie|es|er)(?: [\w-]+)? (?:endet|abläuft)|"
                            r"\bantes de que (?:finalice|termine)|\bantes que (?:o|a) [\w-]+ (?:termine|acabe)|"
                            r"\bavant que (?:le |la |l.|votre )?[\w-]* ?(?:ne )?(?:se termine|prenne fin)|"
                            r"\bprima che (?:il |l.|la )?[\w-]* ?(?:termini|finisca)|"
                            r"終了(?:する)?前に|结束(?:之)?前|终止(?:之)?前|終止(?:之)?前|"
                            r"종료(?:되기)? ?전에")
_BEFORE_EXPIRY_CUES = ("expir", "ablauf", "cadu", "venc", "venz", "scad", "期限", "到期", "失效", "만료", " ends",
                       "before then", "before that date", "before this date",
                       "endet", "abläuft", "finalice", "termine", "acabe", "prenne fin", "termini", "finisca", "終了",
                       "结束", "终止", "終止", "종료")
# the words of an expiry lead in a deadline's phrase ("Offer expires", "gültig bis", "válida hasta", "scade il")
_EXPIRY_WORDS = ("expir", "valid", "gültig", "válid", "valab", "scad", "caduc", "venc", "ablauf", "有効期限",
                 "到期", "失效", "만료",
                 # the end of a term ("Laufzeitende", "fecha de finalización", "date de fin", "終了日")
                 "ende", "finaliza", "fin ", "término", "fine ", "終了", "结束", "终止", "終止", "종료", " ends",
                 # what stays active until then ("Your existing subscription remains active until D")
                 "active until")


# what a due date's field is named with, and an act asked before "the due date" (the field's, named again), 9 languages
_DUE_WORDS = ("due", "vencimiento", "límite", "limite", "fällig", "zahlungsziel", "échéance", "scadenza", "期日",
              "期限", "截止", "기한")
_DUE_ANAPHOR = re.compile(DUE_DATE_ASK + "|"
                          r"\b(?:by|before|on or before|no later than) the (?:payment )?(?:due date|deadline)\b|"
                          r"\bantes de la fecha (?:de vencimiento|l[ií]mite)\b|"
                          r"\b(?:até a|até|antes da) data (?:de vencimento|limite)\b|"
                          r"\bavant la date (?:d.échéance|limite)\b|\bentro la (?:data di )?scadenza\b|"
                          r"\b(?:entro la|prima della) data limite\b|"
                          r"\b(?:vor dem|bis zum) (?:fälligkeitsdatum|zahlungsziel)\b|"
                          r"(?:期日|期限)までに|(?:截止日期|期限)(?:之)?前|기한(?:까지|\s?내에)")

#: the literals one of which each :data:`_DUE_ANAPHOR` match holds (a few ``in`` tests before a search that re tries at
#: every position of a bill)
_DUE_ANAPHOR_CUES = ("due date", "deadline", "fecha", "data de", "data limite", "date d", "date limite", "scadenza",
                     "fälligkeitsdatum", "zahlungsziel", "までに", "前", "기한")


def _before_expiry(lowered: str) -> bool:
    """Whether lower-cased ``lowered`` asks the reader to act before what it offers expires (:data:`_BEFORE_EXPIRY`):
    searched only around each cue (str.find; a search of the whole text, which re tries at every position, cost
    ~7 % of the classify stage on the 50 samples)."""
    for cue in _BEFORE_EXPIRY_CUES:
        at = lowered.find(cue)
        while at >= 0:
            if _BEFORE_EXPIRY.search(lowered, max(0, at - 40), at + 16) is not None:
                return True
            window = lowered[max(0, at - 40):at + 16]
            if "\n" in window and _BEFORE_EXPIRY.search(window.replace("\n", " ")) is not None:
                return True  # (a hard wrap inside the phrase: "… before it\nexpires")
            at = lowered.find(cue, at + 1)
    return False

# a date that selects what is concerned ("tasks started before 2026-03-30", "instances launched after
# Fri, 06 Mar 2026"): which resources, not when to act
# ("created on or after <date> can no longer use this branch" stays a deadline: a cut-off)
_SELECTOR = re.compile(r"\b(?:started|launched|created|deployed|registered) (?:before|after|prior to)"
                       + _FILLER)
_SELECTOR_WORDS = ("started ", "launched ", "created ", "deployed ", "registered ")
# the facts of _CONTEXT that, after a dated lead and before a "will", select what a change concerns
_SELECTING = ("launched", "released")
# the facts of _CONTEXT (released, announced, was, ...): a clause of its own when a "will" follows them
# before the date ("has released a new revision and will begin retiring tasks starting at <date>")
_PAST_CONTEXT = _CONTEXT[-1][0]


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline (ISO date) and the phrase of the mail it was read from."""

    date: str
    source: str
    score: int = 0  # what its phrase and sentence scored (QUALIFY and up: a deadline phrase)
    act_by: bool = False  # the reader is asked to act by it (its role, routing.dateroles.ACT_BY)
    no_action: bool = False  # its sentence says the reader need not act ("no action is required")
    # a maintenance's mail says a resource is restarted or replaced, or dates its window as a range (its start, a
    # deadline; asked only for a maintenance)
    restart: bool = False


@dataclass(frozen=True, slots=True)
class _Candidate:
    when: date
    score: int
    start: int
    end: int
    aside: bool = False  # a date named beside the deadline (_aside): the deadline only when no other date is
    at: int = -1  # where the date itself starts (-1: a relative date, "within 5 days")
    prev_end: int = -1  # where the date written before it ends (a range "D1 - D2"), or -1
    pay_by: bool = False  # a bill's payment terms counted from its invoice date: the date to pay by (act-by)
    month_end: bool = False  # the end of the mail's month, named so ("by the end of this month"): as exact as a date
    referred: bool = False  # a stage an ask names by its place ("before the last date of the list"): act-by


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(digits: str) -> int:
    """The year of a numeric date's year field: four digits as written, two digits in this century ("27.08.27",
    "27/08/27", "08/27/27": 2027)."""
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _month_key(text: str) -> str:
    word = text.lower().rstrip(".")
    if word in MONTHS:
        return word
    return {"fév": "feb", "fev": "feb", "déc": "dec", "dez": "dec", "okt": "oct"}.get(word[:3], word[:3])


# how far before the mail's date a date written without its year may lie (else it is next year's)
_RECENT_DAYS = 92


def _resolve(match: re.Match[str], reference: date | None, day_first: bool = False) -> date | None:
    """``day_first``: a slash date whose order its numbers leave open is day/month/year (localized
    mail), else month/day/year (AWS's English mail is written in US order)."""
    groups = match.groupdict()
    if groups.get("iy"):
        return _valid(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    if groups.get("jy"):
        return _valid(int(groups["jy"]), int(groups["jm"]), int(groups["jd"]))
    if groups.get("sy"):
        first, second = int(groups["sa"]), int(groups["sb"])
        if first > 12 or (day_first and second <= 12):
            first, second = second, first
        return _valid(_full_year(groups["sy"]), first, second)
    if groups.get("ky"):
        return _valid(int(groups["ky"]), int(groups["km"]), int(groups["kd"]))
    if groups.get("py"):
        return _valid(_full_year(groups["py"]), int(groups["pm"]), int(groups["pd"]))
    if groups.get("dy"):
        return _valid(int(groups["dy"]), int(groups["dm"]), int(groups["dd"]))
    if groups.get("hy"):
        return _valid(int(groups["hy"]), int(groups["hm"]), int(groups["hd"]))
    for m_key, d_key, y_key in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", "d3", "y3"), ("m5", "d5", "y5"),
                                ("cm", "cd", "")):
        if groups.get(m_key):
            month = int(groups[m_key]) if m_key == "cm" else MONTHS[_month_key(groups[m_key])]
            day = int(groups[d_key])
            if groups.get(y_key):
                return _valid(int(groups[y_key]), month, day)
            if reference is None:
                return None
            # no year: the first such date from a quarter before the mail's date on (what a mail names without its
            # year is recent or to come: "We tried to charge the card on February 4th" in a mail of February 23)
            recent = reference - timedelta(days=_RECENT_DAYS)
            return next((found for year in (reference.year - 1, reference.year, reference.year + 1)
                         if (found := _valid(year, month, day)) is not None and found >= recent), None)
    return None


# a sentence that opens by naming the date of the sentence before ("On that date", "Ab diesem Datum", "À cette date",
# "En esa fecha", "Nessa data", "In quella data", "その日", "该日", "그날"), in the 9 languages
_THAT_DATE = re.compile(r"\s{0,3}(?:(?:on|from|after|as of|at|by) (?:that|this) (?:date|day|point|time)\b|"
                        r"from then on\b|after then\b|"
                        r"(?:an|ab|nach|zu) diesem (?:datum|tag|zeitpunkt)\b|(?:à|a partir de|après|dès) cette date\b|"
                        r"(?:en|a partir de|desde|después de) (?:esa|esta) fecha\b|"
                        r"(?:nessa|nesta|a partir dessa|a partir desta|após essa|após esta) data\b|"
                        r"(?:in|da|dopo) (?:quella|questa) data\b|"
                        r"(?:この|その|同)日|(?:该|此|当)日|(?:그|이) ?날|해당 날짜)")
# the first letters a _THAT_DATE match may open with (a one-character test before the regex)
_THAT_DATE_FIRST = frozenset("ofabtzàdeniこそ同该此当그이해")


def _names_a_date(text: str, start: int, stop: int) -> bool:
    """Whether ``text[start:stop]`` may hold a date, day or month first (:data:`_DATE_AT_ALL`, what starts one)."""
    return any(pattern.search(text, start, stop) is not None for pattern in _DATE_AT_ALL)


def _refers_back(text: str, right: int) -> int:
    """Where the sentence after the one that ends at ``right`` ends, when it refers back to that sentence's date: it
    opens with :data:`_THAT_DATE` ("On that date …") or asks an act by then (:data:`routing.dateroles.BY_THEN`); else
    ``right``."""
    if right >= len(text):
        return right
    following = _next_sentence_end(text, right)
    if text[right:right + 3].lstrip()[:1] in _THAT_DATE_FIRST and _THAT_DATE.match(text, right) is not None:
        return following
    then = by_then_in(text, right, following)
    if then is not None and not _names_a_date(text, right, then.start()):
        # (not when the next sentence names a date of its own before "then", which that date is: "On May 31, 2027 the
        # endpoints are retired, so move your workers ahead of that date")
        return following
    return right


def _next_sentence_end(text: str, right: int) -> int:
    """Where the sentence after the one that ends at ``right`` ends."""
    return _sentence(text, right + 1, right + 2)[1]


def _named_after(text: str, right: int) -> int:
    """Where the sentence after the one that ends at ``right`` ends, when it names "that date" after a condition that
    opens it ("If it still answers after that date, we may block port 53"), else ``right`` (read only where the date
    did not qualify by itself: the next sentence may also say what happened before)."""
    if right >= len(text):
        return right
    following = _next_sentence_end(text, right)
    if any(map(text[right:following].__contains__, _THAT_DATE_IN_CUES)) \
            and _THAT_DATE_IN.search(text, right, following) is not None:
        return following
    return right


# "after that date" (or "by then") inside the next sentence, after a condition that opens it (en, de, fr, es, pt, it)
_THAT_DATE_IN = re.compile(r"\b(?:after|from|as of|on) (?:that|this) date\b|\b(?:by|before|after) then\b|"
                           r"\bnach diesem (?:datum|tag)\b|"
                           r"\baprès cette date\b|\bdespués de (?:esa|esta) fecha\b|\bapós (?:essa|esta) data\b|"
                           r"\bdopo (?:quella|questa) data\b")
_THAT_DATE_IN_CUES = ("that date", "this date", "diesem", "cette date", "sa fecha", "ta fecha", "sa data", "ta data",
                      "lla data", " then")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``text[start:end]`` (at most 200 characters either side). The first line (the
    subject, which ends with no period) is a sentence of its own."""
    left = max(0, start - 200)
    # the last sentence end before the date: the ends re finds, tested from the last one back (the same one as
    # testing them all and taking the last that ends a sentence; most dates need one test, not one per period)
    ends = list(_SENTENCE_END.finditer(text, left, start))
    left = next((m.end() for m in reversed(ends) if _ends_sentence(text, m)), left)
    stop = min(len(text), end + 200)
    title_end = text.find("\n", 0, stop)
    if 0 <= title_end < start:
        left = max(left, title_end + 1)
    elif title_end >= end:
        stop = title_end
    after = _SENTENCE_END.search(text, end, stop)
    while after is not None and not _ends_sentence(text, after):
        after = _SENTENCE_END.search(text, after.end(), stop)
    return left, after.start() + 1 if after else stop


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    """Whether ``match`` (of :data:`_SENTENCE_END`) ends a sentence: not the last period of dotted leaders ("Payment
    due ...... 14 Jan 2027"), nor a period between numbers (a Korean date, "2027. 5. 3.")."""
    at = match.start()
    if at == 0 or text[at] != ".":
        return True
    previous = text[at - 1]
    if previous.isalpha() and text[match.end():match.end() + 1].isdigit():
        # an abbreviated weekday or month before a number ("endet am Fr. 26.03.2027", "Sept. 1, 2027", "lun. 15")
        word = text[max(0, at - 5):at]
        return word[word.rfind(" ") + 1:].lstrip("(\n") not in _ABBREVIATED
    return previous != "." and not (previous.isdigit() and text[match.end():match.end() + 1].isdigit())


# abbreviated weekdays and months of the 9 languages, lower-case (a period after one, before a number, ends no sentence)
_ABBREVIATED = frozenset((
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mo", "di", "mi", "do", "fr", "sa", "so", "mär", "okt", "dez", "lun",
    "mer", "jeu", "ven", "sam", "dim", "janv", "févr", "fevr", "avr", "juil", "déc", "mié", "mie", "jue", "vie", "sáb",
    "sab", "dom", "ene", "abr", "ago", "dic", "gio", "gen", "mag", "giu", "lug", "set", "ott", "seg", "ter", "qua",
    "qui", "sex", "fev", "out"))


def _field_context(text: str, left: int, start: int, end: int, right: int) -> str:
    """What the sentence ``text[left:right]`` says of the date at ``text[start:end]``. A date that is the
    value of a field line ("Payment due: Jul 31st, 2026" below "Invoice date: Jul 1st, 2026") is
    described by its own field and the prose around, not by the other fields' names."""
    colon = text.rfind(":", max(left, start - 40), start)
    # a field: "Name:" (or "Name ......", dotted leaders) right before the date (spaces between), a name on the
    # same line; or the date later in a field line's value ("Payment terms: bank transfer, due 1 May 2027")
    between = text[colon + 1:start] if colon > left else ""
    in_value = bool(between.strip(" \t")) and "\n" not in between and _FIELD_LINE.match(
        text, text.rfind("\n", 0, colon) + 1) is not None
    # (a colon after dotted leaders, "Vencimento ......: D", ends a field's name as a colon alone does)
    line_start = max(left, text.rfind("\n", left, start) + 1)
    # (or a field whose name holds the date: "TOTAL AMOUNT DUE ON April 2, 2027: USD 1,284.16")
    named = text.startswith(":", end) and ":" not in text[line_start:start]
    if not named and (colon <= left or (between.strip(" \t") and not in_value) or text[colon - 1] in "\n:" or (
            text[colon - 1] == "." and not text.startswith("...", colon - 3))):
        leader = _LEADER.search(text, max(left, start - 60), start) if "." in text[start - 18:start] else None
        if (leader is None or leader.start() <= left or text[leader.start() - 1] == "\n") and not (
                "   " in text[line_start:start] and _ALIGNED_FIELD.match(text, line_start, start)):
            return text[left:start] + " " + text[end:right]
    line_end = text.find("\n", end, right)
    line_end = right if line_end < 0 else line_end
    outside = text[left:line_start] + "\n" + text[line_end:right]  # (the sentence's other lines)
    if colon > line_start and "," in text[line_start:line_end]:
        # (fields listed on one line, "Released: D1, AWS recommended apply-by date: D2, Automatic update after the
        # apply-by date: yes": the date's own field, not its neighbours' names)
        before_field = None
        for found in _NEXT_FIELD.finditer(text, line_start, colon + 1):
            before_field = found  # (the last field that opens before the date's colon: the date's own)
        after_field = _NEXT_FIELD.search(text, end, line_end)
        if before_field is not None:
            line_start = before_field.start() + 1
        if after_field is not None:
            line_end = after_field.start()
    others = [line for line in outside.split("\n")
              if _FIELD_LINE.match(line) is None and _ALIGNED_LINE.match(line) is None]
    return " ".join((text[line_start:start], text[end:line_end], *others))


# the next field of a line that lists several ("…, Released: 2027-03-16, AWS recommended apply-by date: …"): a comma,
# then a name of words (no digit) and its colon
_NEXT_FIELD = re.compile(r",[ \t]+[^\W\d_][^\n,:\d]{0,40}?:")
# a field aligned with spaces, without a colon ("Payment due             03 Mar 2027"): its name (words, no digit) and
# a gap of three spaces or more right before the date; and such a field line among the others
_ALIGNED_FIELD = re.compile(r"[ \t]*[^\W\d_][^\n:\d]{0,38}?\S[ \t]{3,}\Z")
_ALIGNED_LINE = re.compile(r"[ \t]*[^\W\d_][^\n:\d]{0,38}?\S[ \t]{3,}\S")


def _context_score(context: str, score: int) -> tuple[int, bool]:
    """``score`` plus the weights of the :data:`_CONTEXT` patterns ``context`` matches, and whether
    one of them marks a date that is a fact (:data:`_PAST`)."""
    past = acted = False
    for (_, weight), needles, branches, rest in zip(_CONTEXT, _CONTEXT_NEEDLES, _CONTEXT_BRANCHES, _CONTEXT_REST,
                                                     strict=True):
        if weight == _ACT and acted:
            continue  # a removal and a maintenance in one sentence count once
        if needles is not None:
            for needle in needles:
                if needle in context:
                    break
            else:
                continue
        if (branches is not None and any(map(context.__contains__, branches[0]))) or search_any(rest, context):
            score += weight
            past = past or weight == _PAST
            acted = acted or weight == _ACT
    return score, past


# the steps the reader took, to report ("reply with the actions you took by D"), and how something happened, to find out
# ("investigate how it was placed there"): no fact of the date
_TO_REPORT = re.compile(r"\b(?:actions?|steps?|measures?) (?:that )?you (?:took|have taken)\b|"
                        r"\bhow (?:it|they|this|that|these|the [\w-]+) (?:was|were|got)\b")
# an announcement with its own date, in either order ("as announced [1] on November 19, 2026", "On November 17, 2026,
# we announced"): :func:`_score` reads the sentence without it
# (its weekday perhaps before it: "was sent on Monday, February 8, 2027 and expires on …")
_ANNOUNCED_DATE = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
                   r"(?:[a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? (?:19|20)\d\d|\d{1,2} [a-z]+ (?:19|20)\d\d|"
                   r"(?:19|20)\d\d-\d\d-\d\d)")
_ANNOUNCED_ON = re.compile(r"(?:\bas )?(?:\bwe |\baws )?\bannounced(?: \[\d+\])?(?: on| in)? " + _ANNOUNCED_DATE
                           # (a bare participle too, what it qualifies dated on its own: "replacing the single rate
                           # published on April 30, 2027"; not a clause's verb, "were published on D1 and take effect
                           # on D2", whose "and" :func:`_scored` reads)
                           + r"|(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )\b(?:published|posted) on "
                           + _ANNOUNCED_DATE
                           + r"|\bon " + _ANNOUNCED_DATE + r",? (?:we|aws) announced\b"
                           # (the date it replaces, announced: "will be stopped on D1, instead of D2 as first
                           # announced"; D1's sentence is read without it, D2's keeps the announcement)
                           + r"|\binstead of (?:the )?" + _ANNOUNCED_DATE
                           + r",? (?:as|which we|that we) (?:first |originally |previously |earlier )?announced\b")
# a participle that shares the modal "be" of the clause before it ("the instance will be stopped and the host released",
# "the instance may be stopped at any time and the host released"): a future, not a fact of the date
# (:data:`_CONTEXT`'s past reads "released" alone)
_ELLIPTIC_PASSIVE = re.compile(r"\b(?:will|may|might|can|could|would|shall) be (?:[\w-]+,? ){1,7}?and "
                               r"(?:the |its |their |your )?[\w-]+ (?:released|launched)\b")


def _without_elliptic_participles(text: str) -> str:
    """``text`` less the participles that share a modal "be" with the clause before them (:data:`_ELLIPTIC_PASSIVE`:
    "may be stopped and the host released" reads "may be stopped and the host"); the same text where none can be."""
    if " be " not in text or (" released" not in text and " launched" not in text):
        return text
    return _ELLIPTIC_PASSIVE.sub(lambda found: found.group(0).rsplit(" ", 1)[0], text)


# a past clause with its own date, joined by "and" to the clause of another ("The invitation was sent on February 4,
# 2027 and expires on February 19, 2027"): :func:`_score` reads the other date's sentence without it (its past is the
# sending's, not the expiry's)
_DATED_PAST_AND = re.compile(r"\b(?:was|were|has been|have been) (?:sent|issued|created|generated|submitted|opened|"
                             r"posted|published|received|delivered) on " + _ANNOUNCED_DATE + r",? and\b")
# a parenthesis that holds a date of its own ("(a1.xlarge, launched 2019-08-02)", "(it was purchased on May 1, 2024
# for a 3-year term with a commitment of $4.20 per hour)")
_DATED_ASIDE = re.compile(r"\([^()\n]{0,80}?\b(?:19|20)\d\d\b[^()\n]{0,120}\)|"
                          # (or one that counts the date from an earlier event: "expires on Feb 17, 2027 (14 days after
                          # it was sent)": the past is the sending's, not the date's)
                          r"\(\s*\d{1,3} (?:days?|weeks?|hours?|months?) (?:after|from|since)\b[^()\n]{0,60}\)")
# a relative clause in the past that says which things ("instances that were not rotated", "keys which were exposed")
_RELATIVE_PAST = re.compile(r"\b(?:that|which) (?:was|were)\b")
# "if (you believe) it was", "if this was", "if the content was", "confirm whether these sign-ins were yours": what the
# reader may hold true, or is asked to confirm, in English, whose "was"
# (:data:`_PAST`) would otherwise make the sentence's date a fact
_HYPOTHESIS = re.compile(r"\b(?:if|whether) (?:you (?:believe|think|feel|suspect)(?: that)? )?"
                         r"(?:it|this|that|they|these|those|the [\w-]+|your [\w-]+)(?: [\w-]+){0,2}? (?:was|were)\b")


# "before" as "until now" after a negation, right before a parenthesis that dates what happened
_NOT_BEFORE = re.compile(r"\b(?:not|never|n't)\b[^.(]{0,60}\bbefore\s*\(\Z")


# a term's end named as a field ("Vertragsende", "fecha de finalización", "date de fin", "契約終了日", "合同结束日期",
# "계약 종료일") and the term's start named as one too ("Vertragsbeginn", "fecha de inicio", "date de début",
# "契約開始日", "合同开始日期", "계약 시작일", "Contract start date"): the mail states an agreement's period, as a
# Marketplace subscription's confirmation does; its end is a fact of the agreement, as "Contract end date: D" is in
# English (no lead), not a date to act by (one the mail asks to act before is read by the before-expiry phrases)
_TERM_END_WORDS = ("laufzeitende", "vertragsende", "enddatum", "fecha de fin", "fecha de t", "data de t",
                   "data de encerramento", "data de fim", "fim d", "fin de", "fine d", "ende des", "abonnementende",
                   "date de fin", "data di fine", "終了日", "结束日", "結束日", "终止日", "終止日", "종료일",
                   "合同结束", "合约结束", "契约结束", "订阅结束", "契約終了",
                   # (in Traditional Chinese and Korean too: "合約結束 D", "訂閱結束", "계약 종료 D", "구독 종료")
                   "合約結束", "合同結束", "契約結束", "訂閱結束", "계약 종료", "구독 종료")
_TERM_START_FIELD = re.compile(r"\bstart date\b|\bvertragsbeginn|\blaufzeitbeginn|\bstartdatum|\bbeginndatum|"
                               r"\bfecha de inicio\b|\bdata de in[íi]cio\b|\bdate de d[ée]but\b|\bdata di inizio\b|"
                               # (the contract's start named by what starts: "Inizio del contratto D", "Início do
                               # contrato", "Inicio del contrato", "Début du contrat", "Beginn des Vertrags")
                               r"\binizio del contratto\b|\bin[íi]cio do contrato\b|\binicio del contrato\b|"
                               r"\bd[ée]but du contrat\b|\bbeginn des vertrags\b|"
                               r"(?:契約|合同|合约|合約|订阅|訂閱|購読|サブスクリプション)(?:の)?開始日|开始日期|開始日期|开始日|"
                               # (the contract's start as a bare field: "合同开始： D", "契約開始: D"; read folded)
                               r"(?:合同|合约|契约|订阅)开始|契約開始|"
                               r"(?:계약|구독) ?시작일|시작 날짜|"
                               # (the day the reader subscribed, the term's first: "Subscription date D", "訂閱日期 D",
                               # "订阅日期", "購読日", "구독일", "Fecha de suscripción", "Data da assinatura", "Date
                               # d'abonnement", "Data di sottoscrizione", "Abonnementdatum")
                               r"\bsubscription date\b|訂閱日期|订阅日期|購読日|サブスクリプション日|구독 ?(?:일|날짜)|"
                               r"\bfecha de (?:la )?suscripci[oó]n\b|\bdata da assinatura\b|\bdate d.abonnement\b|"
                               r"\bdata (?:di|della) (?:sottoscrizione|abbonamento)\b|\babonnementdatum\b")
# (a term that does not renew: its end is when access ends, as "auto-renewal: off" says; 9 languages)
_NO_RENEWAL = re.compile(r"auto[- ]?renew(?:al)?\s*[:：]?\s*(?:is )?(?:off|disabled|no)\b|"
                         r"\bwill not (?:be )?(?:auto-?)?renew|"
                         r"automatische verlängerung\s*[:：]?\s*(?:ist )?(?:aus|deaktiviert)|"
                         r"renouvellement automatique\s*[:：]?\s*(?:est )?(?:désactivé|non)\b|"
                         r"renovaci[oó]n autom[aá]tica\s*[:：]?\s*(?:est[aá] )?(?:desactivada|no)\b|"
                         r"renova[cç][aã]o autom[aá]tica\s*[:：]?\s*(?:est[aá] )?(?:desativada|n[aã]o)\b|"
                         r"rinnovo automatico\s*[:：]?\s*(?:[eè] )?(?:disattivato|no)\b|"
                         r"自動更新\s*[:：]?\s*(?:は|が)?(?:オフ|無効)|"
                         r"自[动動]续[订约費费]\s*[:：]?\s*(?:已)?(?:关闭|禁用)|"
                         r"自動續[約訂費]\s*[:：]?\s*(?:已)?(?:關閉|停用)|"
                         r"자동 갱신\s*[:：]?\s*(?:꺼짐|사용 안 함|비활성)")
# (an act asked by or before the term's end date, named again: "cancel by the trial end date", "終了日より前に",
# "终止日期之前", "종료일 전에"; 9 languages)
_BY_TERM_END = re.compile(r"\b(?:by|before|on or before|prior to) the (?:\w+ )?end date\b|"
                          r"\b(?:vor dem|bis zum) (?:vertragsende|laufzeitende|enddatum|ende)\b|"
                          r"\b(?:avant|d.ici) la date de fin\b|"
                          r"\bantes de la fecha de (?:finalizaci[oó]n|fin|t[eé]rmino)\b|"
                          r"\b(?:antes|at[eé]) (?:d)?a data de (?:t[eé]rmino|fim|encerramento)\b|"
                          r"\b(?:prima|entro) la data di fine\b|終了日(?:まで|より前)に|"
                          r"(?:结束|結束|终止|終止)日期?(?:之)?前|"
                          r"종료일(?:까지| ?전에| ?이전에)")
# (what an end field names that is no term's: the end of support, of a review, of a maintenance; read as before)
_NOT_TERM = ("サポート", "지원", "支持", "支援", "support", "soport", "suport", "unterstützung", "審査", "审核",
             "審核",
             # (nor a trial's, after which charges start: "トライアル終了日", "试用期结束日期", "평가판 종료일",
             # "fin de l'essai")
             "トライアル", "試用", "试用", "체험", "평가판", "trial", "prueba", "essai", "avalia", "teste", "prova",
             "testzeit",
             "검토", "prüf", "examen", "revisi", "maintenance", "wartung", "mantenimiento", "manuten", "メンテナンス",
             "维护", "維護", "점검", "유지")


def _term_end_of_period(label: str, text: str, start: int) -> bool:
    """Whether ``label`` (the text right before a date) ends in a term's end field in a mail that names
    the term's start field too (:data:`_TERM_START_FIELD`), asks nothing before it ends (:func:`_before_expiry`,
    :data:`_BY_TERM_END`) and does not say it will not renew (:data:`_NO_RENEWAL`): the end of an agreement's stated
    period, a fact."""
    if not any(map(label.__contains__, _TERM_END_WORDS)) or any(map(label.__contains__, _NOT_TERM)):
        return False
    # (not when the mail asks to act before the term ends, or says it does not renew: then its end is a deadline)
    # (read near the date at ``start``: a period's fields stand together, and what it says of them around them; a
    # window per date keeps a text of many dates linear)
    if _TERM_START_FIELD.search(text, max(0, start - _PERIOD_REACH), start) is None:
        return False
    around = text[max(0, start - _ASK_REACH):start + _ASK_REACH]
    if any(map(around.__contains__, _RENEWAL_CUES)) and _NO_RENEWAL.search(around) is not None:
        return False
    if _ENDS_SOON.search(around) is not None:
        return False  # (nor when the mail says the term ends soon, or the reader's access ends with it)
    return not _before_expiry(around) and _BY_TERM_END.search(around) is None


# a term that ends soon, or the access that ends with it ("Sua assinatura termina em breve", "o acesso termina", "el
# acceso finaliza", "l'accès prend fin", "l'accesso termina", "der Zugriff endet"; 9 languages): its end is a deadline
_ENDS_SOON = re.compile(r"\bends soon\b|\baccess (?:ends|will end)\b|"
                        r"\btermina (?:em breve|pronto|a breve|presto)\b|\bfinaliza (?:em breve|pronto)\b|"
                        r"\bse termine bient[ôo]t\b|\bprend fin bient[ôo]t\b|\bendet (?:bald|in kürze)\b|"
                        r"\bo acesso (?:termina|será encerrado)\b|\bel acceso (?:termina|finaliza)\b|"
                        r"\bl.acc[èe]s (?:prend fin|se termine)\b|\bl.accesso (?:termina|terminer[àa])\b|"
                        r"\bzugriff (?:endet|wird beendet)\b|まもなく終了|即将(?:结束|到期)|곧 종료")


#: the literals one of which every :data:`_NO_RENEWAL` match holds (a few ``in`` tests before a search re tries at every
#: position of the window)
_RENEWAL_CUES = ("renew", "verlängerung", "renouvellement", "renovaci", "renovaç", "renovac", "rinnovo", "自動更新",
                 "自动续", "自動續", "자동 갱신")


#: how far before a term's end field its start field is looked for, and how far around it an ask or a renewal
_PERIOD_REACH = 400
_ASK_REACH = 800


_TERM_START_LABEL = re.compile(r"(?:" + _TERM_START_FIELD.pattern + r")[\s:：]*\Z")
_PERIOD_END_FIELD = re.compile(r"\bend date\b|\bcontract end\b|\bagreement end\b|\bsubscription end\b|"
                               r"\bexpiration date\b|\bexpiry date\b|\brenewal date\b|" +
                               "|".join(map(re.escape, _TERM_END_WORDS)))


#: the types whose mail states an agreement's period (a Marketplace subscription, a reservation's or a plan's term)
COMMITMENT_EXPIRY = "cost.commitment_expiry"
_AGREEMENT_TYPES = frozenset({"marketplace.subscription", COMMITMENT_EXPIRY})
# a term's end date as a field at the start of its line ("End date: D", "End date        D")
# (a weekday may stand between: "End date: Wednesday, June 2, 2027 23:59 UTC")
_END_DATE_FIELD = re.compile(r"(?:\A|\n)[ \t]*(?:(?:plan|term|commitment|reservation) )?end date[ \t]*[:：]?[ \t]*"
                             r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?[ \t]*)?\Z")


def _term_start_of_period(text: str, start: int) -> bool:
    """Whether the date at ``start`` is a term's start named as a field ("Start date: D", "开始日期 D", "Início do
    contrato D") in a mail that names the term's end field after it: the start of an agreement's stated period, a
    fact (the purchase or the renewal), never a deadline."""
    label = text[max(0, start - 40):start]
    if _TERM_START_LABEL.search(label) is None or any(map(label.__contains__, _NOT_TERM)):
        return False
    return _PERIOD_END_FIELD.search(text, start, start + _PERIOD_REACH) is not None


def _score(text: str, start: int, end: int, foreign: bool = False, led: bool = False) -> tuple[int, int]:
    """:func:`_scored`, less a localized term's end of an agreement's stated period ("合約開始日 D1 … 合約結束日 D2",
    :func:`_term_end_of_period`): a fact of the agreement, scored below a deadline's (QUALIFY - 1) whatever read it."""
    score, phrase_start = _scored(text, start, end, foreign, led)
    if foreign and score >= QUALIFY:
        label = text[max(0, start - 24):start]
        if any(map(label.__contains__, _TERM_END_WORDS)) and _term_end_of_period(label, text, start):
            return QUALIFY - 1, phrase_start
    return score, phrase_start


# the vendors and communities whose software AWS runs, as the subject that opens a sentence (lower-cased; ja, zh, ko
# write the vendor's name the same way): "IBM plans to end …", "IBM は D に … 終了する予定です", "The PostgreSQL
# community ends support for …"
_VENDORS = ("ibm", "oracle", "microsoft", "red hat", "canonical", "community", "upstream", "foundation", "project")
_VENDOR_CLAUSE_ENDS = (",", "、", "，", ";", "；", "amazon", "aws")
_VENDOR_SUBJECT = re.compile(r"\s*(?:ibm|oracle|microsoft|red hat|canonical|upstream|the (?:[\w.-]+ ){1,3}(?:community|"
                             r"foundation|project))\b")


def _scored(text: str, start: int, end: int, foreign: bool = False, led: bool = False) -> tuple[int, int]:
    """Score of the date at ``text[start:end]`` and where its phrase starts (``foreign``: the text is not plain ASCII,
    German and French phrases count too). A sentence that states the date as a fact (:data:`_PAST`, not taken back by
    a "will" of its clause) lowers it. ``led``: the phrase at ``start`` holds its own by-lead ("by the 5th of next
    month"), scored by its caller: it is no bare table row under the paragraph before."""
    line_start = text.rfind("\n", 0, start) + 1
    if text.startswith("received:", line_start):
        return _PAST, line_start  # a quoted Received header ("Received: from [198.51.100.73] by mx…; 8 Apr 2027"): when
        # the mail passed a server, a fact whatever the paragraph around says
    left, right = _sentence(text, start, end)
    before = text[max(left, start - 80):start]
    if "." in before[-18:] or "…" in before[-18:]:
        leader = _LEADER.search(before)
        if leader is not None:
            before = before[:leader.start()] + ": "  # "Payment due ...... 14 Jan 2027": "Payment due: 14 Jan 2027"
    lead, phrase_start = 0, max(left, start - 60)
    leads = _LEADS if not foreign else ((_LEAD_FOREIGN, 3), *_LEADS)
    # (a lead that a line wrap splits or ends, "Wenn bis zum\n25. März 2027 keine Zahlung …": read as the one line the
    # sentence is, a character for a character; the sentence holds no blank line)
    lead_view = before.replace("\n", " ") if "\n" in before else before
    for pattern, weight in leads:
        found = pattern.search(lead_view)
        if found:
            lead, phrase_start = weight, max(left, start - 80) + found.start()
            break
    if lead and before.endswith("(") and _NOT_BEFORE.search(before) is not None:
        lead = 0  # "a device this account has not used before (D, Vilnius)": "before" as "until now", the date an aside
    field = _FIELD_COLON.search(before) if foreign and lead < 3 and ("：" in before or ":" in before) else None
    if field is not None:
        # a localized field whose label ends in a by-lead ("Handlungsbedarf bis: D", "Azione richiesta entro: D",
        # "Acción requerida antes de: lunes, D"): the lead as if its colon were not there (English leads that take a
        # colon say so themselves: "deadline:", "due date:"; "Contract end: D" is a field, not an end "on" D)
        found = _LEAD_FOREIGN.search(before[:field.start()].rstrip() + " ")
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and ("renew" in before or "payable" in before or "delet" in before or "expir" in before
                     or "valid" in before or "end date" in before):
        found = _LEAD_RENEW.search(before) or _LEAD_DELETE.search(before) or _LEAD_EXPIRY.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and (":" in before[-24:] or "：" in before[-24:]) and _END_FIELD_LOCAL.search(before) is not None:
        # a term's end as a field, localized ("Ende : 02.03.2027" under "Beginn : 02.03.2026"; the English field reads
        # "Expires:" or "End date:")
        lead, phrase_start = 3, max(left, start - 80) + before.rfind("\n") + 1
    if lead < 3 and any(map(before.__contains__, _UNTIL_CUES)):
        found = _LEAD_UNTIL.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and "period" in before:
        found = _PERIOD_RANGE_END.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and any(map(before.__contains__, _START_CUES)):
        found = _LEAD_START.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and (":" in before[-16:] or "：" in before[-16:] or "  " in before[-24:]) \
            and any(map(before.__contains__, _WINDOW_CUES)):
        found = _LEAD_WINDOW.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and (":" in before or "：" in before) and any(map(before.__contains__, _WHEN_CUES)):
        found = _LEAD_WHEN.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and start - left < 40 and left > 0 and any(
            cue in text[max(0, left - 120):left] for cue in _FOLLOWING_CUES) \
            and _FOLLOWING_DATE.search(text, max(0, left - 120), left) is not None:
        # the date the sentence before announces ("dejarán de aceptar contenido en la fecha siguiente:" over "1 junio
        # 2027", perhaps under a calendar's head "Día Mes Año")
        lead = 3
    opens = False
    if lead < 3 and any(cue in before for cue in _WINDOW_CUES[:7]):
        found = _WINDOW_OF_DATE.search(before)
        if found is None and (found := _WINDOW_OPENS.search(before)) is not None:
            opens = True
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    if lead < 3 and before.rstrip(" \t")[-1:] not in ("", ".") and any(map(before.__contains__, _START_FIELD_CUES)) \
            and _START_FIELD.search(text, max(left - 1, start - 80, 0), start) and _END_FIELD_AFTER.match(text, end):
        lead, phrase_start = 3, max(left, start - 80) + before.rfind("\n") + 1
    if lead > 1 and ("verfügbar" in before or "dispon" in before or "available" in before) \
            and (available := _AVAILABLE_FROM.search(before)) is not None \
            and _STOPS_BEING.search(before, max(0, available.start() - 40), available.start()) is None:
        # what becomes available from a date is an option opening, as an English "from" ("verfügbar ab D"); not what
        # stops being available then ("As instâncias P3 deixarão de estar disponíveis a partir de D")
        lead = 1
    if foreign and lead < 1 and _LEAD_FROM_FOREIGN.search(before) is not None \
            and not (start - left < 40 and left >= 2 and text.startswith("\n\n", left - 2)):
        # (a localized "from", as the English one: "das 22h de sábado, D", "vom D", "dal D"; not where it opens its
        # paragraph: a bare row under its header, "du mardi D à 22h00 au …", is read from the header below)
        lead = 1
    if foreign and lead < 3 and any(map(before.__contains__, _DUE_CUES)):
        found = _LEAD_DUE_FOREIGN.search(before)
        if found:
            lead, phrase_start = 3, max(left, start - 80) + found.start()
    elif foreign and lead < 3 and left > start - 80 and text.startswith("\n\n", left - 2) \
            and any(map(text[max(0, start - 80):left].__contains__, _DUE_CUES)):
        # (a label on its own line over a blank one, as a timeline writes its stages: "Letzter Supporttag\n\nMittwoch,
        # D": the label's paragraph is the date's field name)
        found = _LEAD_DUE_FOREIGN.search(text, max(0, start - 80), start)
        if found:
            lead, phrase_start = 3, found.start()
    if _JA_AFTER.match(text, end) or (foreign and (_CJK_LEAD.search(before) or (
            any(map(before[-16:].__contains__, _CJK_END_CUES)) and _CJK_END_LEAD.search(before)))) or (
            (text.find("onward", end, end + 30) >= 0 or text.find(" and ", end, end + 30) >= 0)
            and _AFTER_DATE.match(text, end)):
        lead = max(lead, 3)
    if lead < 3 and (":" in before or "：" in before) and _SWITCH_LABEL.search(before) and _asks_before_switch(text):
        lead = 3  # "Data da substituição: terça-feira, D" … "antes da data da substituição": the switch asked before
        # (in English too: "Switch date: D" … "must trust the new root before the switch")
    elif lead < 3 and start - left < 80 and _asks_before_switch(text) \
            and _SWITCH_ROW.search(text, max(0, left - 1, start - 80), start):
        lead = 3  # (a table's row named by the switch: "Bascule vers le nouveau certificat   lundi 15 mars 2027")
    if lead == 1 and start - left < 16 and text[left:start].strip(" \t\n,") in _FROM_LEADS:
        lead = 2
    if lead == 3 and any(map(before.__contains__, _SELECTOR_WORDS)) and _SELECTOR.search(before):
        lead = 0  # "tasks started before <date>": which tasks, not a deadline
    context = _field_context(text, left, start, end, right)
    if "(" in context and _DATED_ASIDE.search(context) is not None:
        # what a parenthesis says of its own date is not what this date is ("i-0a4c… (launched 2019-08-02) — retires
        # May 31, 2027")
        context = _DATED_ASIDE.sub(" ", context)
    if ("announced" in context or "published" in context or "posted" in context) \
            and _ANNOUNCED_ON.search(context) is not None:
        # an announcement dated on its own ("as announced on November 19, 2026", "On November 17, 2026, we announced
        # …"; or published, posted: "the single rate published on April 30, 2027"): its past is the announcement's,
        # not this date's ("the charge applies from April 1, 2027")
        context = _ANNOUNCED_ON.sub(" ", context)
    # "… will be stopped and the host released": the participle is the future's, not a fact of the date
    context = _without_elliptic_participles(context)
    if " and" in context and (" was " in context or " were " in context or " been " in context) \
            and _DATED_PAST_AND.search(context) is not None:
        context = _DATED_PAST_AND.sub(" ", context)  # "was sent on D1 and expires on D2": D2's clause is read alone
    if " took" in context or " have taken" in context or "how " in context:
        # "investigate how it was placed there, and reply with the actions you took by D": what to find out and report,
        # no fact of the date
        context = _TO_REPORT.sub(" ", context)
    if (" if " in context or " whether " in context) and (" was" in context or " were" in context):
        # a past in a condition is a hypothesis, not the date's fact ("Please remove the content, or send us a
        # counter-notice if you believe it was removed in error, by January 18, 2027")
        context = _HYPOTHESIS.sub("if ", context)
    after = _refers_back(text, right)
    if after > right:
        # the next sentence says what happens on this date ("… until September 10, 2026. On that date the service is
        # switched off") or asks an act by then ("We recommend that you register a key before then"): its words score
        # the date too (what only new customers lose is read in its own sentence)
        following = text[right:after]
        will = following.find(" will ")
        if will < 0:
            # (or in the present, which says what happens at that time: "After that time the host is released and the
            # instance is stopped")
            will = min((at for at in (following.find(" is "), following.find(" are ")) if at >= 0), default=-1)
        if will >= 0 and _PAST_CONTEXT.search(following, will) is not None:
            # (what happens then, told in the future: a participle of its passive is no fact of the date, "After that
            # time the instance will be stopped and the host released")
            following = following[:will] + _PAST_CONTEXT.sub(" ", following[will:])
        else:
            # (or with another modal: "From then on the instance may be stopped at any time and the host released")
            following = _without_elliptic_participles(following)
        if " that w" in following or " which w" in following:
            # (what the next sentence's subject was is no fact of the date: "On that date, instances that were not
            # rotated are moved automatically")
            following = _RELATIVE_PAST.sub(" ", following)
        score, past = _context_score(context + " " + following, lead)
        if score < QUALIFY and lead < 3 and ":" not in before[-12:] and "：" not in before[-12:] \
                and THEN_ANAPHOR.search(text, right, after) is not None and acts_by_then(text[left:after]):
            # (an act the next sentence asks by then makes the date one to act by, whatever the words around it:
            # "Beginning at 9:00 AM PDT on D, ECR will sync images only for rules with credentials. … To avoid failed
            # pulls, add a secret to each rule before that time."; not a field's date, "Review start: D", under which
            # "then" may be the next field's)
            score = QUALIFY
    else:
        score, past = _context_score(context, lead)
        if score < QUALIFY and (later := _named_after(text, right)) > right:
            named = _context_score(context + " " + text[right:later], lead)
            if named[0] > score:
                score, past = named
        if score < QUALIFY and lead < 3 and ":" not in before[-12:] and "：" not in before[-12:] \
                and (then := THEN_ANAPHOR.search(text, end, right)) is not None and acts_by_then(text[left:right]) \
                and not _aside_before(text, left, start, end, then.start()):
            # (so does the rest of its own sentence: "The change window … closes on Friday, 26 February 2027; please
            # reply to this case with the confirmation before then"; not a date in a parenthesis the anaphor follows,
            # "add the new ranges (published on April 15, 2027) before that date": the sentence's date is another)
            score = QUALIFY
    if score < QUALIFY and _price_column_header(text, start, end, foreign):
        score = QUALIFY  # "Request type    Until D1    Effective D2" over rows of prices: the date the new prices apply
    if any(map(text[left:start].__contains__, _VENDORS)) \
            and (vendor := _VENDOR_SUBJECT.match(text, left, start)) is not None \
            and not any(map(text[vendor.end():start].__contains__, _VENDOR_CLAUSE_ENDS)):
        # what the software's own vendor or community does then, the sentence's subject ("IBM plans to end standard
        # support for Db2 11.5 on D0. Accordingly, standard support … on Amazon RDS ends on D1"): the vendor's date, a
        # reason for AWS's own, no deadline of the reader's (not AWS's date the sentence names in a clause of its own:
        # "The upstream project stopped in D0, and 7.9 reaches the end of standard support on OpenSearch Service on D1")
        score = min(score, QUALIFY - 1)
    if lead == 3 and _SWITCH_LABEL.search(before) and _asks_before_switch(text):
        # "교체 일시: D" … "교체 전에 … 확인하십시오": the switch the reader must prepare for; the ask names it, so it
        # outweighs the words around another date (an expiry field "有効期限: D" scores up to 7)
        score += 5
    if opens:
        score = min(score, QUALIFY)  # (a window that opens: a deadline, no stronger than one: see _WINDOW_OPENS)
    if right < len(text) and _SUPERSEDED.match(text, right) is not None:
        score += _PAST  # "… by March 31, 2027. We have moved that date and now ask …": a date the mail replaces
    elif _marked_wrong(text, start, end):
        score += _PAST  # "Earlier notice : expires on 2027-06-15 (incorrect)": the date a correction replaces
    if foreign and _MOVED_AFTER.match(text, end, right) is not None:
        score += _PAST  # "anunciado para el sábado 3 de abril de 2027 se ha trasladado": the date the mail replaces
    if any(map(before.__contains__, _ORIGINAL_CUES)) and _ORIGINALLY.search(before) is not None:
        score += _PAST  # "the update originally scheduled for D is postponed": the date first planned, replaced
    if any(map(before.__contains__, _NOT_HAPPENING_CUES)) and _NOT_HAPPENING.search(before) is not None:
        score += _PAST  # "n'aura pas lieu le 5 février comme annoncé": a date the mail takes back
    if text.startswith(" to ", end + (text[end:end + 1] == ",")) and _MOVED_TO.match(text, end) is not None \
            and _MOVED_FROM.search(text, max(left, start - 160), start) is not None:
        score += _PAST  # "… moves from June 30, 2027 to September 30, 2027": the date it moves from, replaced
    if score == QUALIFY - 2 and "restrict" in context:
        score += _ACT  # "If the exposed key is still active on D, we may restrict your account": the impact's date
    if foreign and (_DEFER_LIMIT.match(text, end) or _DEFER_LIMIT_BEFORE.search(before) is not None):
        score -= 3  # "(2027-01-26 まで延期可能)", "最迟可暂缓至 D": how long the reboot can be deferred, not when it is
    if "renewal" in text[left:start] and _CONDITIONAL_OFF.match(text, left, start):
        score -= 3  # "With renewal off, the domain expires on …": only if the reader turns renewal off
    if past and lead >= 2:
        will = text.rfind(" will ", left, start)
        if will < 0 and " are " in text[left:start]:
            # (a future said as a plan: "… was superseded in December 2023, and we are retiring it on D")
            will = text.rfind(" we are ", left, start) if _PLANNED.search(text, left, start) else -1
        if will >= 0 and _PAST_CONTEXT.search(text, will, start) is None \
                and _PAST_CONTEXT.search(text, end, right) is None:
            score -= _PAST  # the fact is another clause's: the date is of what "will" happen
            past = False
        elif will < 0 and lead == 2 and text.startswith(("effective", "starting", "beginning"), phrase_start) \
                and _PAST_CONTEXT.search(text, phrase_start, start) is None \
                and _PAST_CONTEXT.search(text, end, right) is None:
            # "On D1, we announced a new charge …, effective D2": the past is the announcement's, the date is when the
            # change takes effect
            score -= _PAST
            past = False
        elif will < 0 and _PAST_CONTEXT.search(text, left, start) is None:
            fact = _PAST_CONTEXT.search(text, end, right)
            if fact is not None and fact.group() in _SELECTING and text.find(" will ", fact.end(), right) >= 0:
                # "Beginning <date>, new instances launched in … will default to …": the participle selects what
                # the change of that date concerns, the sentence's verb is "will"
                score -= _PAST
                past = False
    row_start = text.rfind("\n", 0, start) + 1
    if score < QUALIFY or (phrase_start < row_start and text.find("\n", left, start) >= 0):
        # a row of a plain-text table, drawn with pipes or aligned with spaces: its column's header (which also
        # decides a date of a row whose sentence, read across lines, scored it from the header's own words: a
        # "New certificate available" column beside a "Deadline" column holds no deadline)
        in_row = text[row_start:start]
        column = _pipe_column_score(text, start, foreign) if "|" in in_row else None
        if column is None and "  " in in_row:
            column = _aligned_column_score(text, start, foreign)
        if column is not None and (score < QUALIFY or column == 0):
            return column, row_start
    # a paragraph's first sentence, whose date the paragraph before may head as a column (not a date its own words make
    # a fact: "Par ce message du D, nous vous informons …" under a title)
    headed = left >= 2 and text.startswith("\n\n", left - 2) \
        and not (foreign and not past and score < QUALIFY and _foreign_fact(text, before, end))
    if score < QUALIFY and headed:
        column = _column_score(text, left, start, foreign)
        if column is not None:
            return column, left
    if score < QUALIFY and not past and (item := _list_item_score(text, start, end, foreign)) is not None:
        return item, text.rfind("\n", 0, start) + 1
    if score == 0 and not led and headed:
        # a bare table row ("i-0… 2026-08-04 02:00 UTC 2026-08-11 02:00 UTC"): its header row, the
        # paragraph before it ("Scheduled start | Reschedule deadline"), says what its dates are
        header = text[max(text.rfind("\n\n", max(0, left - 300), left - 2), left - 300, 0):left]
        score, past = _context_score(header, 0)
        first_row = text.find("\n", left, start)
        if 0 < score < QUALIFY and not past and first_row > 0 and _START_COLUMN.search(text, left, first_row):
            score += 1  # a row under a "Start" column of a window the paragraph before describes
        title = header.strip()
        if score < QUALIFY and not past and "\n" not in title and len(title) <= 80 and "." not in title \
                and any(map(title.__contains__, _WINDOW_CUES)) and _opens_range(text, start, end, foreign):
            score = QUALIFY  # a row's window under an "Event Window" header ("… 02:00 – 2026-07-14 04:00"): its start
    if lead == 2 and score == QUALIFY - 1 and (("will " in context and (
            _CHANGE.search(context) is not None or _asks_before_change(text, end)))
            or ("certificates" in context and _CHANGE_PRESENT.search(context) is not None)):
        # "Effective August 17, 2026, endpoints will only accept TLS 1.2": what changes that day (or what the mail asks
        # to do before the change takes effect, the change of that date: "Starting Monday, March 15, 2027, Access
        # Grants will check …" … "please adjust it before the change takes effect")
        score += 1
    elif lead == 1 and score == 1 and start - left < 8 and text[left:start].strip(" \t\n") == "on" \
            and "will " in context and _CHANGE.search(context) is not None:
        score = QUALIFY  # "On March 9, 2027, the endpoints will switch to …": the sentence is what changes that day
    if ("new " in context or " use" in context or foreign) and _NEW_ONLY.search(context) is not None \
            and any(map(context.__contains__, (_NO_LONGER_FOREIGN if foreign else _NO_LONGER))) \
            and not any(map(context.__contains__, _PATCHES_STOP)) \
            and not _others_new_only(text, left, start, right, foreign):
        # only what is new stops that day (no new accounts): not yet the reader's impact; -3, so the end of
        # support a clause of that sentence names ("until the end of support") does not lift it to the shutdown's;
        # and below a deadline phrase, whatever its lead ("From January 15, 2027 you can no longer order new devices")
        score = min(score - 3, QUALIFY - 1)
    elif ("deprecat" in context or "warning" in context) and _WARNING_ONLY.search(context) is not None \
            and not any(map(context.__contains__, _IMPACT_WORDS)):
        # only a warning starts that day ("From D1, responses from the v1 routes carry a Deprecation header"): a
        # first stage that asks nothing of the reader yet, as the new-only one
        score -= 3
    if not past and ((text.startswith(" we ", end + (text[end:end + 1] == ",")) and _DID_AFTER.match(text, end))
                     or ("we " in before and before.endswith("on ") and _DID_BEFORE.search(before) is not None
                         and " will " not in before and " may " not in before)):
        # "On April 20, 2027 we suspended the account", "We suspended your account on D": what AWS did that day, a fact
        score += _PAST
        past = True
    if not past and ("expired" in context or "has ended" in context):
        score += _PAST  # as "reached" (plain substring tests: no second regex pass over the sentence)
        past = True
    if "extended support" in context and ("charg" in context or "bill" in context or "fee" in context
                                          or (foreign and _CHARGE_FOREIGN.search(context) is not None)):
        score += 2  # extended support is what starts to cost on that date: the deadline after all
    if not past and any(map(before.__contains__, _CREATED_CUES)) and _CREATED.search(before):
        score += _PAST  # "created on <date>": when the key was made, a fact
        past = True
    if not past and ("date" in before or "deadline" in before) and _EARLIER_DATE.search(before) is not None:
        score += _PAST  # "which gave an earlier end-of-support date of D": a date the notice replaces
        past = True
    if not past and any(map(text[max(left, start - _REPLACED_REACH):start].__contains__, _REPLACES_CUES)) \
            and _REPLACED_NOTICE.search(text, max(left, start - _REPLACED_REACH), start) is not None:
        score += _PAST  # "Ce message remplace celui du D0, qui annonçait la rotation pour le D": a replaced notice's
        past = True
    if foreign:
        if lead == 0 and _LEAD_FOREIGN_ON.search(before):
            score += 1
        if _CONTEXT_FOREIGN.search(context):
            score += 3
        elif _CONTEXT_FOREIGN_ACT.search(context):
            score += 2
        if not past and _foreign_fact(text, before, end):
            score += _PAST  # what happened, or when the notice was published or sent
            past = True
            if _ANNOUNCED_ON_CJK_AFTER.match(text, end) is not None:
                # ("2027年1月7日にお知らせしたとおり": when it was announced, also on the mail's own day)
                score = min(score, _PAST)
    if _movable_limit(text, left, start, end, right):
        score = min(score, QUALIFY - 1)  # "reschedule it to a date no later than D": how far it may be deferred
    return score, min(phrase_start, max(left, start - 60))


def _foreign_fact(text: str, before: str, end: int) -> bool:
    """Whether the localized words around the date that ends at ``end`` (``before``: its sentence's words before it)
    state it as a fact: "fue desactivado el …", "wurde am … deaktiviert", "… に削除されました", "… 에 제거되었습니다",
    "已于 … 停用" (what happened); "veröffentlicht am …", "통지 발송일 : …", "Nachricht vom …" (when it was published or
    sent)."""
    return bool(_PAST_FOREIGN.search(before) or _PAST_ACTIVE_FOREIGN.search(before)
                or _PLUPERFECT_FOREIGN.search(before) or _MESSAGE_OF_FOREIGN.search(before)
                or _PAST_JA.match(text, end) or _PAST_ZH.search(before) or _PAST_AFTER_FOREIGN.match(text, end)
                or _PAST_ZH_AFTER.match(text, end)
                or (_MADE_ON_ZH.match(text, end) is not None and _ZH_ASKS.search(text, max(0, end - 40), end) is None)
                # (the ask read in the date's own sentence: not the subject line above, "請驗證網域的註冊人…")
                or (_REGISTERED_ON_ZH.match(text, end) is not None and _YOU_ON_ZH.search(before) is not None
                    and _ZH_ASKS.search(before, max(0, len(before) - 40)) is None)
                or (any(map(before.__contains__, _FACT_CUES)) and _FACT_LABEL_FOREIGN.search(before)))


def _around(lowered: str, candidate: _Candidate) -> tuple[int, int, int, int]:
    """(left, start, end, right): the sentence of ``candidate``'s date around the date itself."""
    left, right = _sentence(lowered, candidate.at, candidate.end)
    return left, candidate.at, candidate.end, right


def _movable_limit(text: str, left: int, start: int, end: int, right: int) -> bool:
    """Whether the date at ``text[start:end]`` (its sentence ``text[left:right]``) is how far the reader may defer a
    maintenance ("reschedule it to a date no later than D", :data:`_DEFER_TARGET`) or the limit to change its window
    ("To change the maintenance window, modify it before D", :data:`_CHANGE_WINDOW_LIMIT`), not when it happens."""
    clause = text[max(left, start - 160):min(right, end + 40)]
    if any(map(clause.__contains__, _DEFER_VERBS)) and _DEFER_TARGET.search(text, max(left, start - 60), start):
        return True
    return any(map(text[max(left, start - 120):start].__contains__, _CHANGE_WINDOW_CUES)) \
        and _CHANGE_WINDOW_LIMIT.search(text, max(left, start - 120), start) is not None


def _others_new_only(text: str, left: int, start: int, right: int, foreign: bool) -> bool:
    """Whether the new-only clause (:data:`_NEW_ONLY`) of the sentence from ``left`` stands after an earlier date
    of the sentence and before the date at ``start`` ("dal 15 gennaio 2027 i nuovi clienti non potranno più
    accedervi e con effetto dal 15 ottobre 2027 il servizio non sarà più disponibile"): that date's clause, not
    this one's."""
    found = _NEW_ONLY.search(text, left, start)
    if found is None or _NEW_ONLY.search(text, start, right):
        return False
    return any(match.end() <= found.start() for match in _dates(text[left:found.start()], foreign))


def _aside(text: str, start: int, end: int, foreign: bool, closing: bool) -> bool:
    """Whether the date at ``text[start:end]`` is one a mail names beside its deadline: the date of a cause
    (:func:`_caused`) or, in localized mail (``closing``: the text holds :data:`_NEW_ANY`), of a closure's
    first step."""
    if _caused(text, start, end, foreign) or _in_bracketed_banner(text, start, end):
        return True
    if not closing:
        return False
    left, right = _sentence(text, start, end)
    context = text[left:start] + " " + text[end:right]
    return _NEW_ANY.search(context) is not None and any(map(context.__contains__, _NO_LONGER_FOREIGN)) \
        and not any(map(context.__contains__, _PATCHES_STOP))


def _in_bracketed_banner(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` stands in a paragraph wholly in square brackets, a banner beside the
    notice ("[From March 1, 2027 onward, AWS Health messages for this account are sent through AWS User Notifications.
    …]", "[AWS Health may send reminders …]"), not a link's reference ("[1] https://…")."""
    opening = text.rfind("\n\n", 0, start)
    opening = 0 if opening < 0 else opening + 2
    while opening < start and text[opening] in " \t\n":
        opening += 1
    if not text.startswith("[", opening) or (opening + 1 < len(text) and text[opening + 1].isdigit()):
        return False
    closing = text.find("\n\n", end)
    paragraph = text[opening:len(text) if closing < 0 else closing].rstrip()
    return paragraph.endswith("]") and paragraph.count("[") == 1 and paragraph.count("]") == 1


def _caused(text: str, start: int, end: int, foreign: bool) -> bool:
    """Whether the date at ``text[start:end]`` is the date of a cause the mail cites, another product's end
    of support (:data:`_CAUSE_BEFORE`, :data:`_CAUSE_AFTER`); not the end of standard support (when
    extended support starts to cost: the deadline itself)."""
    window = text[max(0, start - 120):start]
    if any(map(window.__contains__, _CAUSE_CUES)):
        clause = window[max((at + len(mark) for mark in _CLAUSE_ENDS if (at := window.rfind(mark)) >= 0),
                            default=0):]
        marker = next((marker for marker in _CAUSE_BEFORE if marker in clause), None)
        if marker is None or (marker in ("随着", "由于") and _CAUSE_ZH_END.match(text, end) is None):
            return False
        left, right = _sentence(text, start, end)
    elif foreign and ("終了" in text[end:end + 80] or "종료" in text[end:end + 80]):
        left, right = _sentence(text, start, end)
        if _CAUSE_AFTER.match(text, end, right) is None:
            return False
    else:
        return False
    return "standard support" not in text[left:right] and "extended support" not in text[left:right]


def _pipe_column_score(text: str, start: int, foreign: bool) -> int | None:
    """The score of the date at ``text[start:…]`` in a row of a plain-text table drawn with pipes (``| i-0… | 2027-02-24
    04:00 UTC | 2027-02-24 06:00 UTC |``), read from the header cell above it (the topmost row of the table, over
    its rules ``+----+``), or None when there is none or it names no date column (:data:`_COLUMN`). A "Start" column
    is a deadline when the paragraph before the table describes what the window is for, as in :func:`_column_score`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    row = text[line_start:line_end if line_end >= 0 else len(text)]
    cell = text.count("|", line_start, start)
    header = None
    top = line_start
    for _ in range(_PIPE_ROWS):  # up the table: its rows and rules, to its first row
        if top < 2:
            break
        above = text.rfind("\n", 0, top - 1) + 1
        line = text[above:top - 1]
        if not line.strip() or ("|" not in line and line.strip(" +-=:") != ""):
            break
        if line.strip(" +-=:|") != "":
            header = line if line.count("|") == row.count("|") else header
        top = above
    if header is None or header == row:
        return None
    # (the header has the row's pipes: the same cells)
    cells = header.split("|")
    score = _header_cell_score(cells[cell], text[max(0, top - 400):top], foreign)
    if score is None and any(_COLUMN.search(other) for i, other in enumerate(cells) if i != cell):
        return 0  # (a column beside the date columns: "New certificate available" beside "Deadline", no deadline)
    return score


def _header_cell_score(cell: str, before: str, foreign: bool) -> int | None:
    """The score a table's header ``cell`` gives the dates under it: QUALIFY for a deadline column, or a start column
    when the paragraph ``before`` the table says what its window is for (:func:`_window_described`), 0 for another
    date column; None when it names no date column (:data:`_COLUMN`)."""
    found = _COLUMN.search(cell)
    if found is None:
        return None
    kind = _column_kind(found)
    if kind == 1 and not _window_described(before, foreign):
        kind = 2  # a window nobody acts on: a fact
    return QUALIFY if kind in (0, 1) else 0


# how far right of a row's date its header cell may start (the row's cells set closer than the header's)
_COLUMN_SLACK = 8


def _aligned_column_score(text: str, start: int, foreign: bool) -> int | None:
    """The score of the date at ``text[start:…]`` in a row of a plain-text table aligned with spaces, no pipes
    ("us-west-2    Tue 9 Feb 2027, 07:00    Tue 9 Feb 2027, 09:00"), read from the header cell at the same column in
    the line over the table's dashed rule (or, in a table without a rule, its first line), as
    :func:`_pipe_column_score` reads a piped table; None when the header names no date column."""
    line_start = text.rfind("\n", 0, start) + 1
    column = start - line_start
    top = line_start
    header = None
    for _ in range(_PIPE_ROWS):  # up the table: its rows and its rule, to the line over the rule
        if top < 2:
            break
        above = text.rfind("\n", 0, top - 1) + 1
        line = text[above:top - 1]
        if not line.strip():
            break
        if line.strip(" -=") == "":
            if above < 2:
                return None
            top = text.rfind("\n", 0, above - 1) + 1
            header = text[top:above - 1]  # (the line over the rule)
            break
        top = above
    if header is None and top < line_start:
        # a table without a rule: its first line, the top of the block of lines, is its header (when the cell over
        # the date names a date column: a first row of data names none)
        header = text[top:text.find("\n", top)]
    if header is None or "   " not in header or len(header) <= column:
        return None
    if header[column] == " ":
        # a row whose cells are set closer than the header's ("h-0c1d2e3f4a5b6c7d8  2027-03-09" under "Host ID
        # Retirement date"): its date starts in the gap before the header cell it stands under
        column = min(len(header) - len(header[column:].lstrip(" ")), column + _COLUMN_SLACK)
    cell_start = max(header.rfind("  ", 0, column + 1), 0)  # the cell over the date: from the gap before it
    cell_end = header.find("  ", column)
    cell_end = cell_end if cell_end >= 0 else len(header)
    score = _header_cell_score(header[cell_start:cell_end], text[max(0, top - 400):top], foreign)
    if score is None and (_COLUMN.search(header, 0, cell_start) or _COLUMN.search(header, cell_end)):
        return 0  # (a column beside the date columns, as in :func:`_pipe_column_score`)
    return score


def _column_kind(found: re.Match[str]) -> int:
    """What a :data:`_COLUMN` header names: 0 a deadline, 1 a start, 2 a fact."""
    return next(i for i, group in enumerate(found.groups()) if group)


def _window_described(before: str, foreign: bool) -> bool:
    """Whether the paragraph ``before`` a table says what its window is for (an act, a maintenance, a patch), and
    states no fact: a "Start" column of the table is then a deadline."""
    if "previous " in before or "prior " in before or "last " in before:
        before = _PREVIOUS_FACT.sub(" ", before)  # (what an earlier window did is no fact of this one's)
    described, past = _context_score(before, 0)
    return not past and (described > 0 or any(map(before.__contains__, _WINDOW_WORDS))
                         or (foreign and _CONTEXT_FOREIGN_ACT.search(before) is not None))


# a sentence about an earlier window, in the past ("The previous patch for these caches was applied on D.")
_PREVIOUS_FACT = re.compile(r"[^.\n]*\b(?:previous|prior|last)\b[^.\n]*\b(?:was|were|has been|have been)\b[^.\n]*\.?")
# the lines a list of per-resource dates looks up through for the line that introduces it (:func:`_list_item_score`)
_ITEM_LINES = 40
# what the intro of a list says in the CJK languages, which end it with a full stop rather than a colon ("次のインスタ
# ンスは…再起動します。", "以下实例将…。", "다음 인스턴스는 … 예정입니다.")
# what names a resource in an item: a number ("Node 0001", "ノード 0002") or words joined by a hyphen, an underscore, a
# slash or a dot ("i-0abc…", "search-logs", "db_orders", "prod/api")
_ITEM_NAME = re.compile(r"[^\W_]+(?:[-_/.][^\W_]+)+|\d")
_LIST_INTRO_CJK = ("次の", "以下", "下記", "如下", "下列", "다음", "아래")
# a salutation that ends in a colon ("Hola:", "Estimado cliente:", "Dear customer:", "您好：", "尊敬的客户："): it
# opens the mail, it introduces no list (the sentence under it is no item: "Hola:\n\nSu cuenta … fue suspendida el D
# porque …")
_GREETING = re.compile(r"(?:hello|hi|dear\b.{0,60}|greetings\b.{0,40}|hola|estimad[oa]s?\b.{0,60}|"
                       r"buen(?:os|as) d[ií]as|bonjour\b.{0,40}|madame,? monsieur|ch[eè]re?s?\b.{0,60}|ciao|salve|"
                       r"buongiorno|gentil[ei]\b.{0,60}|egregi[oa]\b.{0,60}|hallo|guten tag\b.{0,40}|"
                       r"sehr geehrte\b.{0,60}|liebe[rs]?\b.{0,60}|ol[áa]|prezad[oa]s?\b.{0,60}|car[oa]s?\b.{0,60}|"
                       r"bom dia|您好|你好|尊敬的.{0,30}|親愛的.{0,30}|안녕하세요|.{0,30}님|.{0,30}様)\s*[:：]")


def _list_item_score(text: str, start: int, end: int, foreign: bool) -> int | None:
    """The score of the date at ``text[start:end]`` as an item of a list of per-resource dates ("- i-0…: March 3,
    2027", "Node 0001: Tuesday, March 2, 2027 03:00-04:00 UTC", "• i-0… — 3 mars 2027"): QUALIFY when the line that
    introduces the list (the nearest line above that ends with a colon, or in CJK a sentence that names "the
    following"), with its paragraph, describes an act, a maintenance or an impact and states no fact
    (:func:`_window_described`); None when the date's line is no short item (a sentence of its own) or the list has
    no such intro."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if start - line_start > 80 or line_end - end > 60 or _SENTENCE_END.search(text, line_start, start) \
            or _SENTENCE_END.search(text, end, line_end):
        return None  # (a sentence around the date: no item; the date's own periods, "2. März", are no end)
    name = text[line_start:start]
    if "   " in text[line_start:line_end].strip():
        return None  # (columns aligned with spaces: a table's row, which its header reads)
    if "|" in name or _ITEM_NAME.search(name) is None or _dates(name, foreign):
        # a field ("Start: D", "Last seen: D") names no resource; a piped row is the table readers'; a date before
        # it ("2027年3月9日（火）…（協定世界時: D）") makes it the other's restatement
        return None
    top = line_start
    for _ in range(_ITEM_LINES):  # up the list, over its items and a blank line or two, to its intro
        if top < 2:
            return None
        above = text.rfind("\n", 0, top - 1) + 1
        line = text[above:top - 1].rstrip()
        top = above
        if not line:
            continue
        if line.endswith((":", "：")) and _GREETING.fullmatch(line.strip()) is not None:
            return None  # (a salutation: no list's intro)
        if line.endswith((":", "：")) or (foreign and line.endswith(("。", ".")) and any(
                cue in line for cue in _LIST_INTRO_CJK)):
            paragraph = text.rfind("\n\n", max(0, above - 400), above) + 2 if above > 1 else 0
            intro = text[max(paragraph, above - 400, 0):above + len(line)]
            if len(intro) < 60 and paragraph >= 2:  # a label ("Affected instances:"): the paragraph above says more
                intro = text[max(text.rfind("\n\n", max(0, paragraph - 400), paragraph - 2), paragraph - 400, 0):
                             above + len(line)]
            return QUALIFY if _window_described(intro, foreign) else None
        if len(line) > 200 or line.endswith((".", "。")):
            return None  # a sentence, not an item: no list
    return None


# the column of a price table's header that a change's date heads ("Effective February 1, 2027", "From D", "New price
# (from D)", "A partir de D", "Ab D"), at the end of the text before the date within its column
_PRICE_COLUMN_LEAD = re.compile(r"(?:\beffective|\bfrom|\bstarting|\bas of|\bnew (?:prices?|rates?) \(?(?:from|as of)?|"
                                r"\ba partir d[eo]|\bà partir du|\bdesde el|\bab dem|\bab|\bdal)\s*\(?\Z")
# a price in a table's row: a currency and an amount ("$0.25", "USD 1.90", "€ 0,30", "R$ 2,10")
_PRICE_AMOUNT = re.compile(r"(?:[$€£¥]|\b(?:usd|eur|gbp|jpy|brl|inr)\b)\s?\d")


_HEADER_REACH = 200  # the farthest a table header's line reaches from one of its dates


def _price_column_header(text: str, start: int, end: int, foreign: bool) -> bool:
    """Whether the date at ``text[start:end]`` heads a column of a price table: its line is a header of columns (two
    spaces or a tab apart; or, as an HTML table's header cells reach us, one space apart in a short line of two dates
    or more that ends no sentence), its own column opens with an effective-from lead, and the next line that is not
    blank holds a price."""
    # (a header's line is short: its ends are looked for near the date only, so a long line costs no scan per date)
    line_end = text.find("\n", end, end + _HEADER_REACH)
    line_start = text.rfind("\n", max(0, start - _HEADER_REACH), start) + 1
    if line_end < 0 or (line_start == 0 and start > _HEADER_REACH):
        return False
    line = text[line_start:line_end]
    column = max(text.rfind("  ", line_start, start), text.rfind("\t", line_start, start))
    if column < 0:
        if len(line) > 100 or line.rstrip().endswith(".") or len(_dates(line, foreign)) < 2:
            return False
        column = line_start
    if _PRICE_COLUMN_LEAD.search(text, column, start) is None:
        return False
    # the next line that is not blank, its first characters (a price table's row names its prices early)
    row = text[line_end + 1:line_end + 1 + _HEADER_REACH].lstrip("\n")
    return _PRICE_AMOUNT.search(row.split("\n", 1)[0]) is not None


def _column_score(text: str, left: int, start: int, foreign: bool) -> int | None:
    """The score of the date at ``text[start:…]`` in a bare table row starting at ``left``, read from
    the columns its header row (the one-line paragraph before, no sentence in it) names, or None when
    there is no such header or it names no date column. An HTML table's cells reach us joined
    ("ReservationIDPurchasedExpires"): the dated columns are counted in order, and when the row holds
    as many dates, each date takes its column's meaning ("Purchased" 2023-09-14 is a fact, "Expires"
    2026-09-14 the deadline); else every date of a row under a deadline column counts. A "Start"
    column is a deadline beside a deadline column (the earliest wins: the window's start), or when the
    paragraph before the header describes what the window is for ("You can apply it yourself before
    the scheduled start")."""
    header_start = text.rfind("\n\n", max(0, left - 200), left - 2) + 2
    row_end = text.find("\n", start)
    row_end = row_end if row_end >= 0 else len(text)
    if header_start < 2 or text.find("\n", header_start, left - 2) >= 0 or text.find("\n", left, start) >= 0 \
            or _SENTENCE_END.search(text, header_start, left - 2) is not None:
        return None  # not a header row over a one-line row
    kinds = [_column_kind(found) for found in _COLUMN.finditer(text, header_start, left - 2)]
    if not kinds:
        return None
    if 1 in kinds and 0 not in kinds:
        before = text[max(text.rfind("\n\n", max(0, header_start - 400), header_start - 2), header_start - 400, 0):
                      header_start]
        if not _window_described(before, foreign):
            kinds = [2 if kind == 1 else kind for kind in kinds]  # a window nobody acts on: a fact
    if 0 not in kinds and 1 not in kinds:
        return None
    row = text[left:row_end]
    dates = [match.start() for match in _dates(row, foreign)]
    if len(dates) == len(kinds) and start - left in dates:
        return QUALIFY if kinds[dates.index(start - left)] in (0, 1) else 0
    return QUALIFY


def _dates(lowered: str, foreign: bool = False) -> list[re.Match[str]]:
    """``list(_DATE.finditer(lowered))``: _DATE tried only where one of :data:`_DATE_AT` matches
    (``foreign``: with the German and French month names, :data:`_DATE_ALL`)."""
    if not foreign:
        return _english_dates(lowered)
    out: list[re.Match[str]] = []
    dates, date_at = _DATE_ALL, _DATE_AT_ALL
    nexts = [start.search(lowered) for start in date_at]
    while True:
        starts = [found.start() for found in nexts if found is not None]
        if not starts:
            return out
        at = min(starts)
        match = dates.match(lowered, at)
        if match is not None:
            out.append(match)
        pos = at + 1 if match is None else max(match.end(), at + 1)
        nexts = [found if found is None or found.start() >= pos else start.search(lowered, pos)
                 for found, start in zip(nexts, date_at, strict=True)]


def _english_dates(lowered: str) -> list[re.Match[str]]:
    """:func:`_dates` of plain text: the month-led starts (_DATE_AT[1]) where ``str.find`` sees a
    month's first three letters and _DATE_AT[1] matches there, the digit-led ones by
    :data:`_DIGIT_AT`; the same positions in the same order, so the same matches."""
    month_at = _DATE_AT[1]
    months: list[int] = []
    for literal in _MONTH_LITERALS:
        at = lowered.find(literal)
        while at != -1:
            if month_at.match(lowered, at) is not None:
                months.append(at)
            at = lowered.find(literal, at + 1)
    months.sort()
    out: list[re.Match[str]] = []
    digit = _DIGIT_AT.search(lowered)
    index = pos = 0
    while True:
        while index < len(months) and months[index] < pos:
            index += 1
        if digit is not None and digit.start() < pos:
            digit = _DIGIT_AT.search(lowered, pos)
        month = months[index] if index < len(months) else -1
        if digit is None:
            if month < 0:
                return out
            at = month
        else:
            at = digit.start() if month < 0 else min(month, digit.start())
        match = _DATE.match(lowered, at)
        if match is not None:
            out.append(match)
        pos = at + 1 if match is None else max(match.end(), at + 1)


def _localized(match: re.Match[str]) -> bool:
    """Whether ``match`` is written in a localized grammar ("7 de noviembre de 2025", "12 maggio 2026")."""
    groups = match.groupdict()
    if groups.get("m3") or groups.get("m5") or groups.get("ky") or groups.get("py") or groups.get("dy") \
            or groups.get("cm"):
        return True
    month = groups.get("m1") or groups.get("m2")
    return bool(month) and _ENGLISH_MONTH.fullmatch(str(month)) is None


def _dated(lowered: str, reference: date | None, foreign: bool) -> list[tuple[date, re.Match[str]]]:
    """The dates of ``lowered`` with where they are written (not yet scored). A date without a year that opens a
    range whose second date has one ("between March 12 and March 13, 2027", "du 28 décembre au 3 janvier 2027")
    takes its year from that date (:func:`_range_year`), not from the mail's date."""
    out: list[tuple[date, re.Match[str]]] = []
    matches = _dates(lowered, foreign)
    for index, match in enumerate(matches):
        when = _resolve(match, reference, foreign)
        if when is not None and index + 1 < len(matches) and matches[index + 1].start() - match.end() <= 24 \
                and _year_missing(match):
            when = _range_year(lowered, match, matches[index + 1], when, foreign)
        closing = None
        if when is not None and _year_missing(match):
            closing = _range_closing(lowered, match, when)
            if closing is not None:
                when = when.replace(year=closing[0].year)  # (the year its last day gives: "February 4 to 5, 2027")
        if when is not None and 1990 <= when.year <= 2200:
            opening = _range_opening(lowered, match, when)
            if opening is not None:
                out.append(opening)  # (the range's first day, before its last: "du 4 au 5 février 2027")
            out.append((when, match))
            if closing is not None:
                out.append(closing)  # (the range's last day, after its first: "February 4 to 5, 2027")
            if len(out) >= MAX_DATES:
                break  # (the dates scored are bounded: see MAX_DATES)
    return out[:MAX_DATES]


# the first day of a range whose last day alone names the month and year ("4-5 February 2027", "from Thursday 4 to
# Friday 5 February 2027", "du jeudi 4 au vendredi 5 février 2027", "del 4 al 5 de febrero de 2027", "dal 4 al 5
# febbraio 2027", "de 4 a 5 de fevereiro de 2027", "vom 4. bis 5. Februar 2027", "between 4 and 5 February 2027"):
# read in the few characters just before that last day, to their end (never a time's or a number's digits)
_DAY_RANGE_OPENING = re.compile(
    # led by "from", "between", "du", "del", "vom" … (a weekday may follow), or a tight "4-5"
    # (an article may stand before the day: "entre le 4 et le 5 février 2027", "between the 4th and the 5th of …")
    r"(?:(?:\b(?:from|between|on|du|des|del|dal|de|da|vom|von|entre|nuit du)\s+|[(:,]\s*)(?:" + WEEKDAY_WORD + r")?"
    r"(?:(?:the|le|el|il|o|dem|den)\s+)?"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|\.|º|°)?,?\s*"
    r"(?:-|–|—|~|〜|～|all['’]|\b(?:to|till|until|through|thru|and|bis(?: zum)?|und|au|et|al|a|à|y|e|ao)\b)\s*"
    r"(?:" + WEEKDAY_WORD + r")?(?:(?:the|le|el|il|zum|am|dem|den|de)\s+)?|"
    r"(?<![\w.:/,-])(?P<tight>[0-3]?\d)[-–])\Z")
_DAY_RANGE_DAY = re.compile(r"[0-3]?\d")
# the last day of a range whose first day names the month and the last the year ("February 4 to 5, 2027", "between
# February 4 and 5, 2027", "Feb 4 – 5, 2027"), read right after the first date
_DAY_RANGE_CLOSING = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*(?:the\s+)?(?P<day>[0-3]?\d)"
                                r"(?:st|nd|rd|th)?,?\s+(?P<year>20\d\d)\b")


def _range_closing(lowered: str, match: re.Match[str], when: date) -> tuple[date, re.Match[str]] | None:
    """The range's last day (:data:`_DAY_RANGE_CLOSING`) where ``match`` (dated ``when``, written without its year,
    its month before its day) opens a range of days of one month whose last day gives the year, dated in that year,
    with its place in ``lowered``; None elsewhere."""
    if lowered[match.end() - 1:match.end()].isalpha() or lowered[match.start():match.start() + 1].isdigit():
        return None  # (only "<month> <day>": "4 February to 5" is read by :func:`_range_opening`)
    closing = _DAY_RANGE_CLOSING.match(lowered, match.end())
    if closing is None:
        return None
    last = int(closing.group("day"))
    day = _DAY_RANGE_DAY.match(lowered, closing.start("day"))
    if not when.day < last <= 31 or day is None:
        return None
    found = _valid(int(closing.group("year")), when.month, last)
    return (found, day) if found is not None else None


def _range_opening(lowered: str, match: re.Match[str], when: date) -> tuple[date, re.Match[str]] | None:
    """The range's first day (:data:`_DAY_RANGE_OPENING`) where ``match`` (dated ``when``, a day written before its
    month) closes a range of days of the same month, with its place in ``lowered``; None elsewhere."""
    start = match.start()
    if start == 0 or not lowered[start].isdigit() or not (lowered[start - 1].isspace()
                                                          or lowered[start - 1] in "-–—~〜～'’"):
        return None
    opening = _DAY_RANGE_OPENING.search(lowered, max(0, start - 48), start)
    if opening is None:
        return None
    name = "day" if opening.group("day") else "tight"
    first = int(opening.group(name))
    day = _DAY_RANGE_DAY.match(lowered, opening.start(name))
    if not 1 <= first < when.day or day is None:
        return None
    return when.replace(day=first), day


def _year_missing(match: re.Match[str]) -> bool:
    """Whether ``match`` is a date written with a month name and no year ("March 12", "12 mars")."""
    groups = match.groupdict()
    return bool(groups.get("cm")) or any(groups.get(month) and not groups.get(year)
                                         for month, year in (("m1", "y1"), ("m2", "y2"), ("m3", "y3")))


def _range_year(lowered: str, match: re.Match[str], following: re.Match[str], when: date, foreign: bool) -> date:
    """``when`` (the date of ``match``, no year written) in the year of ``following`` when ``following`` closes a
    range that ``match`` opens (only a connector between, :data:`_RANGE_CONNECTOR`) and is written with its year:
    that year, or the year before when the range crosses the new year ("December 28 - January 3, 2027")."""
    if _year_missing(following) \
            or _RANGE_CONNECTOR.fullmatch(lowered, match.end(), following.start()) is None:
        return when
    closing = _resolve(following, None, foreign)
    if closing is None:
        return when
    year = closing.year - (1 if (when.month, when.day) > (closing.month, closing.day) else 0)
    return _valid(year, when.month, when.day) or when


def _candidates(lowered: str, dated: list[tuple[date, re.Match[str]]], foreign: bool,
                asked: bool = False) -> list[_Candidate]:
    """The dates of ``dated`` scored. ``asked``: only those the reader is asked to act by or whose sentence says what
    will happen then (:func:`_asked_by`, which reads where a date stands, never its score), each tested before it is
    scored."""
    out: list[_Candidate] = []
    closing = foreign and bool(dated) and any(map(lowered.__contains__, _NEW_ANY_CUES)) \
        and _NEW_ANY.search(lowered) is not None
    prev_end = -1
    for when, match in dated:
        if asked and not _asked_by(lowered, _Candidate(when, 0, match.start(), match.end(), at=match.start(),
                                                       prev_end=prev_end)):
            prev_end = match.end()
            continue
        score, phrase_start = _score(lowered, match.start(), match.end(), foreign)
        out.append(_Candidate(when, score, phrase_start, match.end(),
                              score >= QUALIFY and _aside(lowered, match.start(), match.end(), foreign, closing),
                              match.start(), prev_end))
        prev_end = match.end()
    return out


def _self_closing(lowered: str, candidate: _Candidate) -> bool:
    """Whether the date of ``candidate`` is the one a Support case closes itself by if the reader does not reply
    (:data:`_SELF_CLOSING_CASE`, in the date's sentence, the date inside the match)."""
    left, right = _sentence(lowered, candidate.at, candidate.end)
    for match in _SELF_CLOSING_CASE.finditer(lowered, max(left, candidate.at - 60), right):
        if match.start() - 60 <= candidate.at < match.end():
            return True
    return False


def _has_numeric_dmy(lowered: str) -> bool:
    """``_NUMERIC_DMY.search(lowered) is not None``, tried only one and two characters before each separator that
    :data:`_NUMERIC_DMY_SEPARATOR` finds: every match has its first separator there (its day is one digit or two), and
    the separator's look-ahead holds wherever the match does; the same answer."""
    for separator in _NUMERIC_DMY_SEPARATOR.finditer(lowered):
        at = separator.start()
        if (at >= 2 and _NUMERIC_DMY.match(lowered, at - 2) is not None) \
                or (at >= 1 and _NUMERIC_DMY.match(lowered, at - 1) is not None):
            return True
    return False


def _ascii_localized(lowered: str) -> bool:
    """Whether plain-ASCII text is localized after all: a localized deadline phrase ("bis zum",
    "avant le", "entro il") or, where a localized connector occurs, a localized date ("12 maggio
    2026", "15.03.2026"). Asked only when the English reading found no deadline."""
    if ("-" in lowered or "." in lowered) and _has_numeric_dmy(lowered):
        # a day-first date with dashes or dots ("Payment Due Date : 02-02-2027", "Payment due date: 01.02.2027"), which
        # English mail does not write
        return True
    if _ASCII_CUE.search(lowered) is None:
        return False  # every localized lead phrase below holds one of these connectors
    if any(map(lowered.__contains__, _ASCII_LEADS)):
        return True
    # a localized date, or a date a localized lead stands right before ("prend fin le 15/03/2027", "vence el
    # 15/03/2027": a date whose English reading takes the day for the month)
    # (or a day-first date: "15/03/2027")
    return any(_localized(m) or _LEAD_FOREIGN.search(lowered, max(0, m.start() - 60), m.start()) is not None
               or int(m.group("sa") or 0) > 12 for m in _dates(lowered, True))


def _find(lowered: str, reference: date | None, foreign: bool, notice_type: str | None = None,
          since: date | None = None) -> _Candidate | None:
    dated = _dated(lowered, reference, foreign)
    # upcoming dates first (a date already passed is a fact, not a deadline). A passed date is the deadline only when
    # no upcoming one is and the mail asks the reader to act by it (an overdue ask: "Please pay invoice 4410 by
    # January 30") or says what will happen then; what began, happened or was scheduled then is no deadline once
    # passed ("검토 기간이 2027년 3월 2일에 시작된", "the maintenance scheduled for D", "D に公開されました"):
    # not one of the 1,407 deadlines labelled in the fixtures, the shared samples and the quoted corpus precedes its
    # mail's Date
    upcoming = dated if reference is None else [(when, match) for when, match in dated if when >= reference]
    passed = [] if reference is None else [(when, match) for when, match in dated if when < reference]
    candidates = _candidates(lowered, upcoming, foreign)
    if reference is not None:
        candidates = [_status_date(lowered, c) if c.when == reference else c for c in candidates]
    if notice_type in _AGREEMENT_TYPES:
        # (an agreement's start named as a field beside its end: a fact, :func:`_term_start_of_period`)
        candidates = [replace(c, score=QUALIFY - 1) if c.score >= QUALIFY and c.at >= 0
                      and _term_start_of_period(lowered, c.at) else c for c in candidates]
    if notice_type in _AGREEMENT_TYPES and candidates and not any(c.score >= QUALIFY for c in candidates) \
            and _BY_TERM_END.search(lowered) is not None:
        # a term written as a range ("Sep 1st, 2024 - Sep 1st, 2027") in a mail that asks to act "before the end
        # date": the range's last day is that end date (the one such range: several leave it unnamed)
        ends = {match.end() for _, match in dated}  # (the range's first date may have passed: any date written)
        # (joined as :func:`_opens_range` joins a window's two dates, the first one right before: a dash or a word
        # between, no time of day, whose rows "2024-04-22T11:36:09Z 2027-04-22" are a table's columns)
        closing = [c for c in candidates if c.at >= 0 and not c.aside
                   and any(e in ends and _RANGE_CONNECTOR.fullmatch(lowered, e, c.at) is not None
                           for e in range(max(0, c.at - 9), c.at))]
        if len(closing) == 1:
            candidates = [replace(c, score=QUALIFY, referred=True) if c is closing[0] else c for c in candidates]
    if notice_type is not None and notice_type.startswith("support.") and candidates \
            and any(map(lowered.__contains__, _SELF_CLOSING_CUES)):
        # (the date a case closes itself by, if the reader does not reply: no deadline, _SELF_CLOSING_CASE)
        candidates = [replace(c, score=min(c.score, QUALIFY - 1)) if c.at >= 0 and _self_closing(lowered, c) else c
                      for c in candidates]
    if notice_type == COMMITMENT_EXPIRY and candidates and not any(c.score >= QUALIFY for c in candidates):
        # a commitment's end named as a field ("End date: 20 May 2027" under "Start date: May 20, 2026"): when it
        # expires and its usage is billed at on-demand rates (the 13 labelled expiries with such a field carry it)
        candidates = [replace(c, score=QUALIFY) if c.at >= 0 and not c.aside
                      and _END_DATE_FIELD.search(lowered, max(0, c.at - 40), c.at) is not None else c
                      for c in candidates]
    if notice_type == MAINTENANCE:
        # a maintenance dated as a range in its prose ("the brokers are restarted from Sunday 10 to Monday 11 January
        # 2027", "du 10 au 11 janvier 2027"): the window opens on its first date, a window start as a field's
        candidates = [replace(c, score=QUALIFY) if 0 < c.score < QUALIFY and not c.aside
                      and _opens_range(lowered, c.at, c.end, foreign) else c for c in candidates]
        if len(candidates) > 1 and any(map(lowered.__contains__, _CANCELLED)):
            # a window said cancelled beside another date ("El mantenimiento del 10 de marzo de 2027 fue cancelado y
            # reprogramado. Nueva ventana: D"): the other's date is the window's, the cancelled one a fact
            cancelled = [c.at >= 0 and _said_cancelled(lowered, c) for c in candidates]
            if not all(cancelled):
                candidates = [replace(c, score=min(c.score, QUALIFY - 1)) if gone else c
                              for c, gone in zip(candidates, cancelled, strict=True)]
        if not any(c.score >= QUALIFY for c in candidates) and any(cue in lowered for cue in _BEFORE_WINDOW):
            # a maintenance whose mail asks an act before it ("Prima della manutenzione verificate …", "Before the
            # first replacement, make sure …"), dated without a lead ("tunnel 1 martedì 16 febbraio 2027"): its first
            # date said with the maintenance's words (scored one below a deadline) opens it; not how far it may be moved
            first = min((c for c in candidates if c.score == QUALIFY - 1 and not c.aside and c.at >= 0
                         and not _movable_limit(lowered, *_around(lowered, c))),
                        key=lambda c: (c.when, c.at), default=None)
            if first is not None:
                candidates = [replace(c, score=QUALIFY) if c is first else c for c in candidates]
    if candidates and not any(c.score >= QUALIFY for c in candidates) and (then := _far_then(lowered)) is not None:
        # an ask "before that date" a paragraph or a table away from its date ("Starting D, requests … will be sent
        # to eu-west-1." … a table of distributions enabled on past dates … "add the new ranges before that date"):
        # the last upcoming date before the ask, led as a date (by "from" at least: "dal 1° marzo 2027 la quota …
        # passerà da 1.000 a 500" … "richiedi un aumento prima di quella data"), is "that date"
        named = max((c for c in candidates if c.at >= 0 and c.end <= then and then - c.end <= 1200),
                    key=lambda c: c.at, default=None)
        if named is not None and 0 < named.score < QUALIFY and not named.aside:
            # (a deadline among the others: a period counted from this very mail still competes with it)
            candidates = [replace(c, score=QUALIFY, referred=True) if c is named else c for c in candidates]
    # a period counted from this very mail ("within 15 days of this message") competes with the dates; another comes
    # only after them
    # (and so does the end of the mail's month, named so: "entro la fine di questo mese" beside the date of the next
    # charge)
    # (not for a closed account: its post-closure period without its end date, "For 90 days after closure you can
    # reopen it", "关闭后的 90 天内", is what the reader may still do, no date of theirs, samples/08; its end named as a
    # date, "reopen it until May 8, 2027", is read as the other dates are)
    relative = [] if notice_type == CLOSED else _relative(lowered, since or reference, foreign) if any(
        map(lowered.__contains__, _THIS_MAIL)) or any(cue in lowered for cue in _MONTH_END_RELATIVE_CUES) else None
    anchored = [c for c in relative or () if c.month_end or _OF_THIS_MESSAGE.match(lowered, c.end)
                or _OF_THIS_MESSAGE_CJK.search(lowered, max(0, c.start - 20), c.end) is not None]
    if len(upcoming) > 1:
        # a stage of a timeline that an ask names by its place ("before the second stage", "antes de la última
        # fecha de la lista", "bis zum Abschalttermin in der rechten Spalte"): the date asked, whatever the scores
        stage = referred_stage(lowered, [(when, match.start()) for when, match in dated])
        named = next((c for c in candidates if stage is not None and c.at == dated[stage][1].start()), None)
        if named is not None:
            return replace(named, score=max(named.score, QUALIFY), aside=False, referred=True)
    return (_pick(candidates + anchored, lowered, notice_type)
            or _pick(_relative(lowered, since or reference, foreign) if relative is None else relative)
            or _pick(_candidates(lowered, passed, foreign, asked=True), lowered, notice_type))


# a window said cancelled, done (not one that "will be" cancelled if the reader acts; en, es, pt, fr, it, de, ja, zh,
# ko)
_SAID_CANCELLED = re.compile(r"\b(?:has been|was|is|were|have been) cancell?ed\b|\(cancell?ed\)|"
                             r"\b(?:fue|fueron|ha sido|foi|foram) cancelad[oa]s?\b|"
                             r"\b(?:a|ont) [ée]t[ée] annul[ée]e?s?\b|"
                             r"\b(?:[èe]|sono) stat[oaie] (?:annullat|cancellat)[oaie]\b|"
                             r"\b(?:wurde|wurden) (?:abgesagt|storniert|annulliert)\b|"
                             r"キャンセルされました|已(?:被)?取消|취소되었습니다")


def _said_cancelled(lowered: str, candidate: _Candidate) -> bool:
    """Whether the sentence of ``candidate``'s date says its window was cancelled (:data:`_SAID_CANCELLED`), not after a
    condition of the reader's ("If you restart it before D, the window is cancelled")."""
    left, right = _sentence(lowered, candidate.at, candidate.end)
    sentence = lowered[left:right]
    if not any(map(sentence.__contains__, _CANCELLED)):
        return False
    found = _SAID_CANCELLED.search(sentence)
    return found is not None and not after_condition(lowered, left, left + found.start())


def _far_then(lowered: str) -> int | None:
    """Where the first sentence that asks an act "by then" or "before that date" (:data:`THEN_ANAPHOR`,
    :func:`acts_by_then`) starts, or None; looked for only where a cue of one stands (:func:`by_then_in`)."""
    found = by_then_in(lowered)
    if found is None or THEN_ANAPHOR.match(lowered, found.start()) is None:
        return None
    left, right = _sentence(lowered, found.start(), found.end())
    return left if acts_by_then(lowered[left:right]) else None


def _asked_by(lowered: str, candidate: _Candidate) -> bool:
    """Whether the reader is asked to act by the date of ``candidate`` (:data:`routing.dateroles.ACT_BY`), or its
    sentence says what will happen then ("After D your instance will be stopped", in a mail sent later); not a "will" of
    another clause before it ("An AWS technician will be on site and the site contact you registered on D has been
    informed": the date is a fact of its own clause)."""
    left, right = _sentence(lowered, candidate.at, candidate.end)
    joined = _NEW_CLAUSE.search(lowered, left, candidate.at)
    while joined is not None:  # (the last clause that opens before the date)
        left = joined.end()
        joined = _NEW_CLAUSE.search(lowered, left, candidate.at)
    return lowered.find(" will ", left, right) >= 0 or _acts_by(lowered, candidate)


#: a clause of its own, joined by "and" with its subject ("… and the site contact you registered on D …", "; we …")
_NEW_CLAUSE = re.compile(r"(?:,? and|;) (?:the|your|our|its|their|this|that|these|those|we|you|it|they|aws|an?) ")


def _acts_by(lowered: str, candidate: _Candidate) -> bool:
    """Whether the date of ``candidate`` is one the reader is asked to act by (an act-by lead, then its role)."""
    return may_act_by(lowered, candidate.at, candidate.end) and _role_of(lowered, candidate) == ACT_BY


# a start right before a date ("Start time: D", "a partir de D", "à partir du D", "desde el D", "ab dem D", "dal D"):
# on the mail's own date, what started when the mail was sent (an abuse event's start, a review placed "a partir de"
# today), a fact
_STARTED_ON = re.compile(r"(?:\bstart(?: time| date)?\s*[:：]|"
                         r"(?:\binizio|\binicio|\binício|\bdébut|\bbeginn|開始|开始|시작)(?:\s+\w+)?\s*[:：]|"
                         # (the CJK field written as one word: "开始日期：D", "開始日：D", "시작일: D")
                         r"(?:開始|开始)(?:日期|日時|日|时间|時間)\s*[:：]|시작\s*(?:일시|일자|일|날짜)\s*[:：]|"
                         r"\ba partir d[eo]|\bà partir du|\bdesde el|\bab dem|"
                         r"\bdal(?:l['’])?)\s*(?:[^\W\d_]+\.?,?\s+)?\Z")


# when the mail (or what it carries: an invitation, a request) was sent or requested, right before a date
# ("Invitation sent on: D", "Convite enviado em: D", "Invitation envoyée le : D", "Einladung gesendet am: D",
# "送信日: D", "发送日期：D", "발송일: D"; "Request time: D", "요청 일시: D", "リクエスト日時: D", "请求时间：D",
# "Fecha de solicitud: D"): on the mail's own date, a fact, not the date to act by (an invitation that "expires in 15
# days" counts from it). Traditional Chinese is read folded (發送 as 发送, 請求 as 请求: :func:`best_deadline`)
_SENT_ON = re.compile(r"(?:\bsent(?: on| at)?|\bdate sent|\benviad[oa]s? (?:em|el)|\benvoy[ée]e?s? le|"
                      r"\binviat[oaie] il|\b(?:gesendet|versendet|verschickt) am|送信日時?|"
                      r"发送(?:于|日期|时间)|보낸 날짜|발송일(?:시)?|"
                      r"\brequest(?:ed)? (?:on|at)|\brequest (?:date|time)|요청 (?:일시|일자|날짜)|요청일|"
                      r"リクエスト日時|申請日時?|请求(?:时间|日期)|申请(?:时间|日期)|"
                      r"\bfecha (?:y hora )?de (?:la )?solicitud|\bdata (?:e hora )?da solicita[cç][aã]o|"
                      r"\bdate de (?:la )?demande|\bdata (?:della )?richiesta|\b(?:anfrage|antrags)datum)"
                      r"\s*[:：]?\s*(?:[^\W\d_]+\.?,?\s+)?\Z")


def _status_date(lowered: str, candidate: _Candidate) -> _Candidate:
    """``candidate`` (a date that is the mail's own date), less :data:`_PAST` when it is led by "as of" (or
    followed by 現在, 기준), by a start (:data:`_STARTED_ON`) or by when it was sent (:data:`_SENT_ON`): how things
    stand when the mail is sent, a fact."""
    at = candidate.at
    if at < 0 or not (_AS_OF.search(lowered, max(0, at - 30), at) or _AS_OF_AFTER.match(lowered, candidate.end)
                      or _STARTED_ON.search(lowered, max(0, at - 30), at)
                      or _SENT_ON.search(lowered, max(0, at - 30), at)):
        return candidate
    return replace(candidate, score=candidate.score + _PAST)


def _valid_periods(lowered: str) -> list[re.Match[str]]:
    """How long what the mail offers stays open (:data:`_VALID_PERIOD`), looked for around each unit of a period (the
    first MAX_DATES); not a link or a code named before, which the reader can ask for again."""
    out: list[re.Match[str]] = []
    before, after = _VALID_REACH
    reached = 0
    for unit in _valid_units(lowered):
        for found in _VALID_PERIOD.finditer(lowered, max(reached, unit.start() - before), unit.end() + after):
            if _RESENDABLE_NOUN.search(lowered, max(0, found.start() - 40), found.start()) is None:
                out.append(found)
            reached = max(reached, found.end())
    return out


def _valid_units(lowered: str) -> list[re.Match[str]]:
    """``list(islice(_VALID_UNIT.finditer(lowered), MAX_DATES))``: _VALID_UNIT tried only where one of
    :data:`_VALID_UNIT_STARTS` begins (a position where none does starts no match; re reads ``\b`` on the whole
    string, not from ``pos``), left to right and not overlapping, as ``finditer`` finds them: the same matches."""
    out: list[re.Match[str]] = []
    end = 0
    for at in sorted(literal_positions(_VALID_UNIT_STARTS, lowered)):
        if at < end:
            continue
        match = _VALID_UNIT.match(lowered, at)
        if match is not None:
            out.append(match)
            if len(out) == MAX_DATES:
                break
            end = match.end()
    return out


def _relative(lowered: str, reference: date | None, foreign: bool = False) -> list[_Candidate]:
    """"within 5 days" and, in ``foreign`` text, the localized forms (:data:`_RELATIVE_FOREIGN`); "within 72 hours"
    as whole days (:data:`_RELATIVE_HOURS`, more than 24 hours: 36, 48, 72). Not "within 24 hours" or less: a reply
    window of a day is a response time, not a date (samples/18 labels the abuse report's "reply within 24 hours" as no
    deadline, as do 74 of the 83 abuse reports with one in the fixtures)."""
    if reference is None:
        return []
    out: list[_Candidate] = []
    found: list[re.Match[str]] = matches_from_starts(_RELATIVE, _RELATIVE_AT, lowered)
    if " day" in lowered and any(map(lowered.__contains__, _RELATIVE_AFTER_CUES)):
        found += _RELATIVE_AFTER.finditer(lowered)
    if foreign:
        found += _RELATIVE_FOREIGN.finditer(lowered)
        if any(map(lowered.__contains__, _RELATIVE_AFTER_FOREIGN_CUES)):
            found += _RELATIVE_AFTER_FOREIGN.finditer(lowered)
    found += _valid_periods(lowered)
    if ("hour" in lowered or foreign) and _HOURS_CUE.search(lowered):
        # (a reply asked within more than a day is a deadline, "within 36 hours" too; within a day, a response time:
        # samples/18)
        # (the first MAX_DATES periods: a body of repeated periods tests each only so often)
        found += [m for m in islice(_RELATIVE_HOURS.finditer(lowered), MAX_DATES)
                  if int(m.group(1) or m.group(2)) > _DAY_HOURS
                  and not _resendable_period(lowered, m.start(), m.end()) and (
                      _OF_THIS_MESSAGE.match(lowered, m.end()) or lowered.startswith(" from now", m.end())
                      # (what the mail asks about expires then: "the request expires in 72 hours")
                      or lowered.startswith(("in ", "for "), m.start())
                      # (the ask may follow the period: "Handlungsbedarf innerhalb von 72 Stunden: Bitte …")
                      or asks_by_then(lowered[max(0, m.start() - 80):m.end() + 40])
                      # (Japanese and Korean put the verb after the period: "48시간 이내에 … 회신해 주십시오")
                      or _REPLY.search(lowered, max(0, m.start() - 80),
                                       m.end() + (60 if m.group(2) else 20)) is not None)]
    found += _weekday_asks(lowered)
    if foreign and any(map(lowered.__contains__, _INVOICE_NOUNS_FOREIGN)):
        found += _RELATIVE_INVOICE_FOREIGN.finditer(lowered)
    if any(map(lowered.__contains__, _MONTH_END_RELATIVE_CUES)):
        found += _MONTH_END_RELATIVE.finditer(lowered)
    if any(map(lowered.__contains__, _WEEK_CUES)):
        found += _RELATIVE_WEEKS.finditer(lowered)
    if " the " in lowered and _DAY_OF_MONTH_AT.search(lowered) is not None:
        found += _DAY_OF_MONTH.finditer(lowered)
    if foreign and any(map(lowered.__contains__, _DAY_OF_MONTH_FOREIGN_CUES)):
        found += _DAY_OF_MONTH_FOREIGN.finditer(lowered)
    invoiced: date | None = None
    invoice_read = False
    suspended: date | None = None
    suspension_read = False
    for match in found[:MAX_DATES]:
        if match.re is _RELATIVE_WEEKDAY:
            out.append(_weekday_candidate(lowered, reference, match))
            continue
        if match.re is _DAY_OF_MONTH or match.re is _DAY_OF_MONTH_FOREIGN:
            # the next such day of a month, from the mail's date on (or of the month named)
            day = int(match.group(1))
            # (or of the month after the invoice's: from the invoice date the mail gives, else from the mail's own;
            # the invoice date read once for all its payment terms, as below)
            after_invoice = match.re is _DAY_OF_MONTH and match.group(3) is not None
            if after_invoice and not invoice_read:
                invoiced, invoice_read = _invoice_date(lowered, reference, foreign), True
            base = (invoiced or reference) if after_invoice else reference
            named = after_invoice or match.group(0).endswith(" month") or match.re is _DAY_OF_MONTH_FOREIGN
            first = base.month if named and match.group(2) is None else base.month - 1
            when = next((that for months in range(first, first + (1 if named else 13))
                         if (that := _valid(base.year + months // 12, months % 12 + 1, day)) is not None
                         and that >= reference), None)
            if when is not None:
                score, phrase_start = _score(lowered, match.start(), match.end(), foreign, led=True)
                # (payment terms qualify whatever the invoice's fields around say: a date to pay by)
                score = max(score + 3, QUALIFY) if after_invoice else score + 3
                out.append(_Candidate(when, score, min(phrase_start, match.start()), match.end(),
                                      pay_by=after_invoice))
            continue
        if match.re is _MONTH_END_RELATIVE:  # the last day of the mail's month
            score, phrase_start = _score(lowered, match.start(), match.end(), foreign)
            last = _last_day(reference.year, reference.month)
            terms = lowered[max(0, match.start() - 60):match.end()]
            out.append(_Candidate(last, score + 3, min(phrase_start, match.start()), match.end(),
                                  pay_by=any(map(terms.__contains__, _PAYMENT_WORDS)), month_end=True))
            continue
        if match.re is _RELATIVE_HOURS:
            word, business = str(-(-int(match.group(1) or match.group(2)) // 24)), False  # whole days, rounded up
        elif match.re is _RELATIVE_INVOICE_FOREIGN:
            word, business = match.group(1), False
        elif match.re is _RELATIVE_WEEKS:
            weeks = match.group(1) or match.group(2) or "two"  # (group 3: a fortnight)
            word, business = str(7 * (int(weeks) if weeks.isdigit() else _WEEK_NUMBERS[weeks])), False
        elif match.re is _VALID_PERIOD:
            word, business = next(group for group in match.groups() if group), False
        elif match.re is not _RELATIVE_FOREIGN:
            word, business = match.group(1), bool(match.group(2))
        else:
            word = match.group(1) or match.group(4)
            business = bool(match.group(3)) or any(unit in (match.group(2) or match.group(5)) for unit in
                                                   _BUSINESS_FOREIGN)
        if _arrival(lowered, match.start(), match.end()):
            continue  # (when money or a change reaches the reader: "the refund should appear within 10 days")
        if _resendable_period(lowered, match.start(), match.end()):
            continue  # (how long a link or a code stays valid: "此連結 3 天內有效", "the link expires in 3 days")
        if any(map(lowered[max(0, match.start() - 6):match.start() + 4].__contains__, _LOOKED_BACK)):
            continue  # (a period looked back on, a rate's: "截至 D，過去 7 天內的投訴率", "최근 7일 이내")
        if _WINDOW_ENDING.search(lowered, max(0, match.start() - 40), match.start()) is not None:
            continue  # (a window ending on a date, looked back on: "在截至 D 的 7 天内，投诉率为 0.48%")
        if any(map(lowered[max(0, match.start() - 80):match.start()].__contains__, _AWS_RESPONDS_CUES)) \
                and _AWS_RESPONDS.search(lowered, max(0, match.start() - 80), match.start()) is not None:
            continue  # (how soon AWS answers: "Your account manager will reach out within one business day")
        if "case" in lowered and (_CASE_CLOSES.search(lowered, max(0, match.start() - 40), match.end() + 80)
                                  or _CASE_CLOSES_IN.search(lowered, max(0, match.start() - 110), match.start())):
            continue  # (a Support case that closes itself when the reader says nothing: no ask, no impact)
        if any(map(lowered.__contains__, _SELF_CLOSING_CUES)) \
                and _CASE_CLOSES_THEN.search(lowered, match.end(), match.end() + 160) is not None:
            continue  # (a reply or a detail asked within it, the case closing itself if none comes: _CASE_CLOSES_THEN)
        days = int(word) if word.isdigit() else _NUMBERS.get(word) or _NUMBERS_FOREIGN[word]
        # (led: the period holds its own lead, "within", "dentro de": no bare table row that the paragraph before heads,
        # whatever that paragraph says, "You registered the domain quokka.example. \n\nClick the link within 15 days")
        score, phrase_start = _score(lowered, match.start(), match.end(), led=True)
        score += 3  # "within 5 days" is itself a deadline phrase
        if (match.re in (_RELATIVE, _RELATIVE_HOURS) and _OF_THIS_MESSAGE.match(lowered, match.end())) \
                or match.re is _RELATIVE_AFTER_FOREIGN:
            # counted from this very mail ("within 15 days of this message"): an ask of its reader (and the past of
            # the anchor is no fact of the period's: "72 hours after the time this notice was sent")
            score = max(score, 3) + _ACT
        start = reference
        if (match.re is _RELATIVE_AFTER and match.group().endswith("invoice date")) \
                or match.re is _RELATIVE_INVOICE_FOREIGN:
            if not invoice_read:  # (the mail's invoice date, read once for all its payment terms)
                invoiced, invoice_read = _invoice_date(lowered, reference, foreign), True
            if invoiced is None:
                continue  # (counted from a date the mail does not give)
            start, score = invoiced, score - _PAST  # (the invoice date its sentence names is what it counts from)
        elif "susp" in lowered and _OF_SUSPENSION.match(lowered, match.end()) is not None:
            if not suspension_read:  # (the suspension date the mail names, read once for all its periods)
                suspended, suspension_read = _suspension_date(lowered, reference, foreign), True
            start = suspended or reference  # (counted from it: "within 30 days of the suspension date")
        when = _add_business_days(start, days) if business else start + timedelta(days=days)
        out.append(_Candidate(when, score, min(phrase_start, match.start()), match.end(),
                              pay_by=start is not reference))
    return out


# a period counted from the suspension ("within 30 days of the suspension date", "no prazo de 30 dias a contar da data
# de suspensão", "dans les 30 jours suivant la date de suspension"), right after the period (en, pt, es, fr, it, de)
_OF_SUSPENSION = re.compile(r"\s*,?\s*(?:(?:counted |calculated )?(?:from|of|after|following)|a contar d[ae]|"
                            r"contados? d[ae]|a partir d[ae]|desde|à compter de|suivant|dalla|dal|ab|nach)?\s*"
                            r"(?:the |la |le |a |el |dem |der )?"
                            r"(?:(?:date of (?:the |your )?(?:account )?suspension|suspension date|suspension)\b|"
                            r"data d[ae] suspens|fecha de (?:la )?suspensi|date de (?:la )?suspension|"
                            r"data di sospensione|sospensione|sperr(?:datum|ung))")
# a suspension's own date: a date right after "suspended on", localized ("foi suspensa em 18/12/2026")
_SUSPENDED_ON = re.compile(r"(?:suspended|suspendida|suspendido|suspensa|suspenso|suspendue|sospes[oa]|gesperrt|"
                           r"suspension date:?|data de suspensão:?)\s+(?:\w+\s+)??"
                           r"(?:on|em|el|le|il|am|a|in data)?\s*\Z")


def _suspension_date(lowered: str, reference: date, foreign: bool) -> date | None:
    """The suspension date the mail names (:data:`_SUSPENDED_ON`), which a period of :data:`_OF_SUSPENSION` counts
    from, or None."""
    for found in islice(_dates(lowered, foreign), MAX_DATES):
        if _SUSPENDED_ON.search(lowered, max(0, found.start() - 40), found.start()) is not None:
            return _resolve(found, reference, foreign)
    return None


def _weekday_asks(lowered: str) -> list[re.Match[str]]:
    """The :data:`_RELATIVE_WEEKDAY` matches of ``lowered``, tried only where one of its leads stands (str.find): re
    would try the whole alternation at every position of the text."""
    found: list[re.Match[str]] = []
    for lead in _WEEKDAY_LEADS:
        at = lowered.find(lead)
        while at >= 0 and len(found) < MAX_DATES:
            match = _RELATIVE_WEEKDAY.match(lowered, at)
            if match is not None:
                found.append(match)
            at = lowered.find(lead, at + 1)
    return found


def _weekday_candidate(lowered: str, reference: date, match: re.Match[str]) -> _Candidate:
    """The date of "by this Thursday" (:data:`_RELATIVE_WEEKDAY`): the next such weekday after the mail's date, or
    that very day when it is one and the mail says "this"."""
    ahead = (_WEEKDAY_NUMBERS[match.group(2)] - reference.weekday()) % 7
    score, phrase_start = _score(lowered, match.start(), match.end())
    return _Candidate(reference + timedelta(days=ahead or (0 if match.group(1) else 7)), score + 3,
                      min(phrase_start, match.start()), match.end())


# what a period says arrives by itself, in the clause around it (9 languages): a refund or credit that shows on the
# card or the bill, a change that is reflected ("deve aparecer na fatura do seu cartão em até 10 dias úteis",
# "should appear on your statement within 5-7 business days"): no date the reader must act by
_ARRIVALS = re.compile(r"(?<![^\W\d_])(?:appear|aparec|aparezc|appara[iî]|apparir|comparir|compaia|erschein)"
                       r"|\b(?:be|is|are|get) (?:reflected|credited|posted)|\bshow up|gutgeschrieben|angezeigt|"
                       r"reflejad|acreditad|refletid|creditad|crédité|accreditat|反映|表示され|到账|到帳|显示|표시|반영|입금")

# how soon AWS's people answer, right before a period ("Your Technical Account Manager will reach out within one
# business day", "our team will get back to you within 3 business days"): AWS's own commitment, not the reader's
# deadline (the subject named: "you should respond within 5 days" is the reader's)
_AWS_RESPONDS = re.compile(r"\b(?:we|aws|amazon web services|(?:team|engineers?|manager|contact|representatives?|"
                           r"specialists?|support|tam)) will (?:reach out|respond|reply|contact you|"
                           r"get back to you|follow up|get in touch)(?: (?:to|with) you)?\s*\Z"
                           # (or when AWS expects its own work to be done: "we expect it to complete within two business
                           # days", "esperamos que se complete en", "esperamos que termine em", "nous prévoyons qu'elle
                           # se termine sous", "prevediamo che si completi entro")
                           r"|\bwe (?:expect|estimate|anticipate) (?:it|this|the [\w-]+(?: [\w-]+)?) to "
                           r"(?:complete|finish|be (?:completed|finished|done|ready))\s*\Z"
                           r"|\besperamos que (?:se )?(?:complete|termine|finalice|conclua|seja conclu[ií]d[oa])\s*\Z"
                           r"|\bnous pr[ée]voyons qu.(?:il|elle) (?:se termine|soit termin[ée]e?)\s*\Z"
                           r"|\bprevediamo che (?:si )?(?:completi|termini|concluda)\s*\Z")
#: the literals one of which every :data:`_AWS_RESPONDS` match holds
_AWS_RESPONDS_CUES = (" will ", "expect", "estimate", "anticipate", "esperamos", "prévoyons", "prevoyons", "prevediamo")

# what the reader must do in such a clause ("pay the amount that appears on your invoice within 10 days"): a deadline
_ACT_IN_CLAUSE = re.compile(r"\bpa(?:y|g|ie|yer)|zahl|respon|répond|rispond|antwort|\breply|\bcontact|"
                            r"支払|支付|付款|결제|납부|回答|回复|답변")

def _arrival(lowered: str, start: int, end: int) -> bool:
    """Whether the period at ``lowered[start:end]`` is when something reaches the reader (:data:`_ARRIVALS`, in the
    80 characters of its sentence before it or the 40 after it), and the clause asks no payment or reply of them."""
    left, right = _sentence(lowered, start, end)
    clause = lowered[max(left, start - 80):min(right, end + 40)]
    return _ARRIVALS.search(clause) is not None and _ACT_IN_CLAUSE.search(clause) is None


def _invoice_date(lowered: str, reference: date, foreign: bool) -> date | None:
    """The date of the mail's invoice-date field ("Invoice date: 16 March 2027"), or None."""
    for label in _INVOICE_DATE.finditer(lowered):
        following = next(iter(_dates(lowered[label.end():label.end() + 40], foreign)), None)
        if following is not None and following.start() == 0:
            return _resolve(following, reference, foreign)
    return None


def _add_business_days(start: date, days: int) -> date:
    """``start`` plus ``days`` working days (Monday to Friday; public holidays are not known here)."""
    when, rest = start, days
    while rest:
        when += timedelta(days=1)
        if when.weekday() < 5:
            rest -= 1
    return when


def _pick(candidates: list[_Candidate], lowered: str = "", notice_type: str | None = None) -> _Candidate | None:
    qualified = [c for c in candidates if c.score >= QUALIFY]
    if not qualified:
        return None
    qualified = [c for c in qualified if not c.aside] or qualified
    never = never_deadline_roles(notice_type)
    if never and lowered and reports_usage(lowered) and all(c.at >= 0 and _role_of(lowered, c) in never
                                                            for c in qualified) and not asks_by_then(lowered):
        return None  # (a usage alert that names when its free-tier offer ends, and asks nothing by then)
    if lowered and len({c.when for c in qualified}) > 1:
        return _by_role(lowered, qualified, notice_type, candidates)
    best = max(c.score for c in qualified)
    # the best-scored dates; of them the earliest (a reminder repeats the date, a later one is the next step)
    return min((c for c in qualified if c.score == best), key=lambda c: (c.when, c.start))


def _by_role(lowered: str, qualified: list[_Candidate], notice_type: str | None,
             candidates: Sequence[_Candidate] = ()) -> _Candidate:
    """The deadline among ``qualified`` (two dates or more) by the roles of its dates (:mod:`routing.dateroles`):
    a date the reader is asked to act by, when there is one and no better-scored date that is not demoted comes
    before it; else the first date that is not a fact, a cause, a conditional date, an extended support's end or
    what ``notice_type`` does not expect (a maintenance window's end); the scores rank (the best-scored, then the
    earliest), and when every date is demoted, the scores alone decide. Roles are read only where they can change
    the pick (the act-by test first asks for an act-by lead, :func:`routing.dateroles.may_act_by`). A date that
    ``candidates`` (every date of the mail, qualified or not) names elsewhere as an extended support's end is that
    end also where the mail restates it ("stays in extended support until D. After D, v2.8 is no longer supported")."""
    ranked = sorted(qualified, key=lambda c: (-c.score, c.when, c.start))
    roles: dict[int, str] = {}

    def role(candidate: _Candidate) -> str:
        if candidate.at < 0:
            return ""  # a relative date ("within 5 days")
        if candidate.at not in roles:
            roles[candidate.at] = _role_of(lowered, candidate)
        return roles[candidate.at]

    demoted = not_deadline_roles(notice_type)

    extended_ends = {c.when for c in candidates if c.at >= 0 and c.when in {q.when for q in qualified}
                     and role(c) == EXTENDED_END}

    def kept(candidate: _Candidate) -> bool:
        # a date whose role is no deadline, unless the mail names the same date again in a role that is (the
        # date of "if you do not upgrade, the account will be closed after D" is stated outright in "your free
        # plan ends on D": not only what happens under a condition); an extended support's end stays one
        if candidate.when in extended_ends:
            return False
        return role(candidate) not in demoted or any(
            other.when == candidate.when and other is not candidate and role(other) not in demoted
            for other in qualified)

    for act in ranked:
        if act.at >= 0 and ((may_act_by(lowered, act.at, act.end) and role(act) == ACT_BY)
                            or _asked_by_then(lowered, act)):
            # the act-by date, unless a better-scored date comes before it (an impact the action cannot avoid:
            # "Following the end of standard support on D1, clusters are billed … Upgrade on or before D2")
            if not any(other.score > act.score and other.when < act.when and kept(other) for other in ranked):
                return _required_after(lowered, act, ranked) or act
            break
    expected = START in expected_roles(notice_type)
    for wanted in (c for c in ranked if expected and c.at >= 0 and starts_at(lowered, c.at, c.end) and kept(c)):
        # the first date of a role the type expects (a rotation's or a maintenance's start), on the same terms as an
        # act-by date, and not over an earlier date with an act-by lead of the same score ("The window starts D2. You
        # may apply the patch yourself no later than D1": D1; not "… can be scheduled from D1": D2)
        if not any(other.when < wanted.when and kept(other)
                   and (other.score > wanted.score
                        or (other.score == wanted.score and other.at >= 0 and may_act_by(lowered, other.at, other.end)))
                   for other in ranked):
            return wanted
        break
    return next((candidate for candidate in ranked if kept(candidate)), ranked[0])


# what the mail only recommends before a date ("We recommend that you finish testing before D1", "我們建議您在 D1 前
# 完成測試", "Wir empfehlen, … bis D1"), and what it requires ("you must update them before D2", "並務必於 D2 之前",
# "必须在 D2 之前", "반드시 D2까지"): the required act's date is the deadline
_RECOMMEND_CUES = ("recommend", "建議", "建议", "推荐", "推薦", "empfehl", "recomend", "recommand", "raccomand",
                   "consigli", "권장", "권고")
_REQUIRED = re.compile(r"\b(?:must|are required to|is required|need to)\b|務必|务必|必須|必须|必ず|반드시|"
                       r"\bm[üu]ssen\b|\bdeben?\b|\bdevem?\b|\bdevez\b|\bdoivent\b|\bdovete\b|\bdevono\b")


def _required_after(lowered: str, act: _Candidate, ranked: Sequence[_Candidate]) -> _Candidate | None:
    """A later date of ``act``'s sentence that the mail requires an act by, where ``act``'s own is only recommended
    (:data:`_RECOMMEND_CUES`, :data:`_REQUIRED`): "We recommend that you finish testing before D1, and you must update
    the instances before D2" is due on D2."""
    left, right = _sentence(lowered, act.at, act.end)
    own = lowered[left:act.at]
    if not any(map(own.__contains__, _RECOMMEND_CUES)) or _REQUIRED.search(own) is not None:
        return None
    for other in ranked:
        if act.end < other.at < right and other.when > act.when \
                and _REQUIRED.search(lowered, act.end, other.at) is not None and _role_of(lowered, other) == ACT_BY:
            return other
    return None


def _asked_by_then(lowered: str, candidate: _Candidate) -> bool:
    """Whether the sentence after ``candidate``'s asks an act by "then", its date ("2027-04-08 01:00 UTC 이후 …
    사용 중지합니다. 이 시각 전에 적절한 조치를 취해 주십시오", "… retires on D. Please move your data before then")."""
    left, right = _sentence(lowered, candidate.at, candidate.end)
    then = THEN_ANAPHOR.search(lowered, candidate.end, right)
    if then is not None and not _aside_before(lowered, left, candidate.at, candidate.end, then.start()) \
            and not _names_a_date(lowered, candidate.end, then.start()) \
            and acts_by_then(lowered[left:right]):
        return True  # (or the rest of its own sentence, no other date between: "On D the endpoints are retired, so
        # move your workers ahead of that date")
    after = _refers_back(lowered, right)
    if after > right:
        return THEN_ANAPHOR.search(lowered, right, after) is not None and acts_by_then(lowered[left:after])
    # (or the sentence after a next one that names no date: "Nous remplacerons le certificat le lundi 15 mars 2027. Les
    # clients … ne pourront plus se connecter. Vous devez mettre à jour … avant cette date.")
    if ":" in lowered[left:right] or "(" in lowered[max(left, candidate.at - 30):candidate.at]:
        return False  # (a field's date, or one in an aside: "Saldo restante (atualizado em D): …")
    following = _next_sentence_end(lowered, right)
    if following >= len(lowered) or _names_a_date(lowered, right, following) \
            or by_then_in(lowered, right, following) is not None:
        # (a next sentence with a date of its own, day or month first: "then" is that date)
        return False
    after = _refers_back(lowered, following)
    return after > following and (THEN_ANAPHOR.search(lowered, following, after) is not None
                                  or BEFORE_THAT_DATE.search(lowered, following, after) is not None) \
        and acts_by_then(lowered[left:after])



def _role_of(lowered: str, candidate: _Candidate) -> str:
    """The role of ``candidate``'s date (:func:`routing.dateroles.role_of`), "" for a relative date."""
    if candidate.at < 0:
        return ""
    return role_of(lowered, candidate.at, candidate.end, *_sentence(lowered, candidate.at, candidate.end),
                   candidate.prev_end)


def _source(text: str, lowered: str, start: int, end: int) -> str:
    """The phrase ``text[start:end]`` the deadline was read from, as the mail writes it (``lowered`` where the reading
    changed its length), its blanks one space; from a word's start: a phrase cut 60 characters before its date
    ("…ment: USD 4.20/hour Start date: …") drops the cut word's rest and the punctuation after it."""
    source = text if len(text) == len(lowered) else lowered
    if 0 < start < end and _spaced_letter(source[start - 1]):
        cut = start
        while cut < end and _spaced_letter(source[cut]):
            cut += 1
        while cut < end and source[cut] in _SOURCE_PUNCTUATION:
            cut += 1
        if cut < end:
            start = cut
    return " ".join(source[start:end].split())[:160]


# what a deadline's phrase does not start with, after a cut word (_source)
_SOURCE_PUNCTUATION = frozenset(" \t\n\r:;,.)]}-–—/")


def _spaced_letter(char: str) -> bool:
    """Whether ``char`` is a letter or digit of a script that separates its words with spaces ("ç" of "confiança", a
    Hangul syllable), not a kanji or kana, whose words run on: a cut there is no cut word (_source)."""
    return char.isalnum() and (char < "\u3000" or "\uac00" <= char <= "\ud7a3")


# a date written in Chinese numerals ("二〇二七年一月三十一日", "二零二七年十二月五日"): its year digit by
# digit, its month and day as numbers up to 31 (十 = 10, 二十一 = 21)
_CJK_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_DATE = re.compile(r"([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
                       r"\s*([一二三四五六七八九十]{1,3})\s*日")


def _cjk_number(numeral: str) -> int:
    """A Chinese numeral from 1 to 39 ("九", "十", "十二", "二十", "三十一"); 0 for another form."""
    tens, _, units = numeral.partition("十")
    if "十" not in numeral:
        return _CJK_DIGITS.get(numeral, 0) if len(numeral) == 1 else 0
    return (_CJK_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CJK_DIGITS.get(units, 0) if units else 0) \
        if len(tens) <= 1 and len(units) <= 1 else 0


# a year of the Japanese era Reiwa ("令和9年2月28日", "令和元年"): Reiwa 1 is 2019
_REIWA = re.compile(r"令和\s*(元|\d{1,2})\s*年")
# a year of the Minguo calendar (Taiwan: "民國116年3月31日", "中華民國 116 年"): year 1 is 1912
_MINGUO = re.compile(r"民[國国]\s*(\d{2,3})\s*年")


# the end or the last day of a month named with its year ("the end of March 2027", "on the last day of March 2027",
# "fin de marzo de 2027", "o último dia de março de 2027", "fin mars 2027", "Ende März 2027", "fine marzo 2027"): that
# month's last day
_MONTH_END = re.compile(r"\b(?:(?:last day|end) of|(?:el )?[úu]ltimo d[íi]a de|(?:o )?[úu]ltimo dia de|"
                        r"(?:a |al )?fin(?:al(?:es)?)? de|(?:o )?fi[mn] de|dernier jour de|fin(?: de)?|"
                        r"(?:l.)?ultimo giorno di|fine(?: di)?|ende|letzten tag im|"
                        # (its last business day: "the last business day of February 2027", "o último dia útil de
                        # fevereiro de 2027", "el último día hábil de", "le dernier jour ouvré de", "l'ultimo giorno
                        # lavorativo di", "am letzten Werktag im")
                        r"(?P<business>last (?:business|working) day of|(?:el )?[úu]ltimo d[íi]a (?:h[áa]bil|laborable)"
                        r" de|(?:o )?[úu]ltimo dia [úu]til de|dernier jour (?:ouvr[ée]|ouvrable) de|"
                        r"(?:l.)?ultimo giorno lavorativo di|letzten (?:werktag|gesch[äa]ftstag) im))\s+"
                        + _MONTH_ALL.format("month") + r"(?:\s+(?:de|del|of))?,?\s+(?P<year>20\d\d)\b")
# the end of a quarter named with its year ("the end of Q1 2027", "the end of the first quarter of 2027", "fin du
# premier trimestre 2027", "fin del primer trimestre de 2027", "fim do primeiro trimestre de 2027", "fine del primo
# trimestre 2027", "Ende des ersten Quartals 2027"): its last day
_QUARTER_ORDINALS = {"1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "premier": 1,
                     "deuxième": 2, "troisième": 3, "quatrième": 4, "primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4,
                     "primeiro": 1, "terceiro": 3, "quarto": 4, "primo": 1, "secondo": 2, "terzo": 3, "ersten": 1,
                     "zweiten": 2, "dritten": 3, "vierten": 4}
_QUARTER_END = re.compile(r"\b(?:end of (?:q([1-4])|the (first|second|third|fourth) quarter)|"
                          r"(?:la )?fin (?:du|del) (premier|deuxième|troisième|quatrième|primer|segundo|tercer|cuarto) "
                          r"trimestre|(?:o )?fim do (primeiro|segundo|terceiro|quarto) trimestre|"
                          r"fine del (primo|secondo|terzo|quarto) trimestre|ende des (ersten|zweiten|dritten|vierten) "
                          r"quartals)(?:\s+(?:of|de|del|di))?,?\s+(20\d\d)\b")
_MONTH_END_CUES = ("end of", "last day of", "ltimo d", "fin de", "fin ", "fim de", "fim do", "final de", "finales de",
                   "dernier jour", "ultimo giorno", "fine ", "ende ", "letzten tag", "last business day",
                   "last working day", "letzten werktag", "letzten geschäftstag", "letzten geschaftstag")


# where a _MONTH_END match may start: at one of these literals, or at most 4 characters before one (its article or
# accented first letter: "el último", "l'ultimo", "al fin", "o fim"); re would try the \b-led alternation everywhere
_MONTH_END_ANCHORS = ("last day", "last business", "last working", "end", "ltimo", "fi", "dernier", "letzten")


def _month_end_matches(lowered: str) -> list[re.Match[str]]:
    """``list(_MONTH_END.finditer(lowered))``, the pattern tried only at and just before its anchors' occurrences
    (:data:`_MONTH_END_ANCHORS`): every match begins there. Same matches (tests/routing/test_deadlines.py)."""
    positions: set[int] = set()
    for anchor in _MONTH_END_ANCHORS:
        at = lowered.find(anchor)
        while at != -1:
            positions.update(range(max(0, at - 4), at + 1))
            at = lowered.find(anchor, at + 1)
    return matches_at(_MONTH_END, lowered, positions)


def _last_day(year: int, month: int) -> date:
    """The last day of ``month`` of ``year``."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def month_ends(lowered: str) -> str:
    """``lowered`` with each month's end named with its year (:data:`_MONTH_END`) written as that month's last day in
    ISO form, right-aligned in the phrase's place padded with spaces (one character for one: offsets hold; "before
    the end of march 2027" reads "before the        2027-03-31")."""
    def last_day(found: re.Match[str]) -> str:
        month = MONTHS.get(found.group("month").rstrip("."))
        if month is None:
            return found.group()
        last = _last_day(int(found.group("year")), month)
        if found.group("business"):
            last -= timedelta(days=max(0, last.weekday() - 4))  # (a Saturday or a Sunday: the Friday before)
        return last.isoformat().rjust(len(found.group()))
    parts: list[str] = []
    done = 0
    for found in _month_end_matches(lowered):
        parts += (lowered[done:found.start()], last_day(found))
        done = found.end()
    lowered = "".join(parts) + lowered[done:] if parts else lowered
    if "quart" in lowered or "trimestre" in lowered or "end of q" in lowered:
        lowered = _QUARTER_END.sub(_quarter_end, lowered)
    return lowered


# a day of the month written as an English ordinal word, before "of <month>" or after "<month>" ("no later than the
# ninth of April, 2027", "by April twenty-first, 2027"): :func:`ordinal_days` writes it in digits
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth")
_ORDINAL_DAYS = {word: day for day, word in enumerate(_ORDINAL_WORDS, 1)}
_ORDINAL_DAYS.update({f"twenty{joint}{word}": 20 + day for day, word in enumerate(_ORDINAL_WORDS[:9], 1)
                      for joint in ("-", " ")})
_ORDINAL_DAYS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_ORDINAL = "|".join(sorted(map(re.escape, _ORDINAL_DAYS), key=len, reverse=True))
_ORDINAL_DAY = re.compile(r"\b(?P<ord>" + _ORDINAL + r")(?=(?:\s+day)?\s+of\s+" + _MONTH.format("m1") + r"(?![a-z]))|"
                          r"\b" + _MONTH.format("m2") + r"\s+(?:the\s+)?(?P<ord2>" + _ORDINAL + r")\b")
# the words one of which every match holds (an ordinal word for a day): where none occurs, re is not asked to try
# _ORDINAL_DAY at every position of the text ("th " of "with " and "month " let 57 of the samples' 100 texts in; these,
# 5)
_ORDINAL_CUES = without_superstrings(tuple(_ORDINAL_DAYS))
# fewer literals, one of which each of _ORDINAL_CUES holds ("enth": seventh, tenth, eleventh and the "-teenth" words;
# "ieth": twentieth, thirtieth): where none occurs, no cue does either, and where one does without a cue,
# ordinal_days finds no ordinal word and leaves the text as it is, so the same text; 11 str.find passes over the mail
# instead of 21 (a word such as "parenthesis" lets a text in for nothing, as rare as it is)
_ORDINAL_SCAN = ("first", "second", "third", "fourth", "fifth", "sixth", "eighth", "ninth", "twelfth", "enth", "ieth")


def ordinal_days(lowered: str) -> str:
    """``lowered`` with each day of a month written as an English ordinal word (:data:`_ORDINAL_DAY`) in digits,
    padded with spaces in the word's place (one character for one: offsets hold; "the ninth of april, 2027" reads
    "the 9th   of april, 2027", "april twenty-first, 2027" reads "april        21st, 2027")."""
    def digits(found: re.Match[str]) -> str:
        before = found.group("ord") is not None  # (before "of <month>": left-aligned; after the month: right-aligned)
        word = found.group("ord") if before else found.group("ord2")
        day = _ORDINAL_DAYS[word]
        suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
        written = f"{day}{suffix}".ljust(len(word)) if before else f"{day}{suffix}".rjust(len(word))
        start = found.start("ord" if before else "ord2") - found.start()
        whole = found.group()
        return whole[:start] + written + whole[start + len(word):]
    return _ORDINAL_DAY.sub(digits, lowered)


def _quarter_end(found: re.Match[str]) -> str:
    """The last day of the quarter :data:`_QUARTER_END` found, right-aligned in its place (as :func:`month_ends`)."""
    quarter = _QUARTER_ORDINALS[next(group for group in found.groups()[:-1] if group)]
    year = int(found.group(found.re.groups))
    return _last_day(year, quarter * 3).isoformat().rjust(len(found.group()))


# a month's end with its year in ja, zh, ko ("2027年3月末日", "2027年3月底", "2027년 3월 말일"): that month's last day
_CJK_MONTH_END = re.compile(r"(\d{4})(\s*[年년]\s*)(\d{1,2})(\s*[月월]\s*)(?:末日|月末|末|底|말일|말)")


def _cjk_month_end(found: re.Match[str]) -> str:
    """The month's end :data:`_CJK_MONTH_END` found, as its last day ("2027年3月末日" -> "2027年3月31日")."""
    year, month = int(found.group(1)), int(found.group(3))
    if not 1 <= month <= 12:
        return found.group(0)
    day = "일" if "년" in found.group(2) else "日"
    return f"{found.group(1)}{found.group(2)}{found.group(3)}{found.group(4)}{_last_day(year, month).day}{day}"


def arabic_cjk_dates(text: str) -> str:
    """``text`` with each date in Chinese numerals written in digits ("二〇二七年一月三十一日" -> "2027年1月31日"),
    and each Reiwa or Minguo year as its Gregorian year ("令和9年2月28日" -> "2027年2月28日", "民國116年" ->
    "2027年"), which the date patterns read; a numeral that is no month or day is left as it is. A month's end with
    its year is its last day ("2027年3月末日" -> "2027年3月31日", "2027년 3월 말일" -> "2027년 3월 31일")."""
    def digits(match: re.Match[str]) -> str:
        month, day = _cjk_number(match.group(2)), _cjk_number(match.group(3))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return match.group(0)
        return "".join(str(_CJK_DIGITS[c]) for c in match.group(1)) + f"年{month}月{day}日"
    if "末" in text or "底" in text or "말" in text:
        text = _CJK_MONTH_END.sub(_cjk_month_end, text)
    if "令和" in text:
        text = _REIWA.sub(lambda m: f"{2018 + (1 if m.group(1) == '元' else int(m.group(1)))}年", text)
    if "民國" in text or "民国" in text:
        text = _MINGUO.sub(lambda m: f"{1911 + int(m.group(1))}年", text)
    return _CJK_DATE.sub(digits, text)


def best_deadline(text: str, reference: date | None = None, notice_type: str | None = None,
                  evidence: bool = False, since: date | None = None) -> Deadline | None:
    """The deadline of ``text`` with the phrase it came from, or None.

    ``reference`` is the mail's date: it supplies the year when a phrase omits it, resolves
    "within 5 days", and rules out dates that had already passed. ``notice_type`` (the classifier's) says
    which date roles it expects (:func:`routing.dateroles.not_deadline_roles`). ``evidence``: also read what
    :func:`evidenced` needs (its role, whether its sentence says no action is needed, a maintenance's restart).
    ``since``: the day a period counted from this very mail starts ("within 5 days of this message"), the mail's UTC
    day (:func:`routing.classify.utc_day`); by default ``reference``.
    """
    if not text:
        return None
    text = text[:200_000]
    if ("年" in text and "月" in text) or ("년" in text and "말" in text):
        text = arabic_cjk_dates(text)
    lowered = fold_traditional(text.lower())  # (Traditional Chinese read as Simplified: offsets hold)
    if "\n" in lowered:
        lowered = unwrap(lowered)  # (a phrase a plain-text mail's hard wrap split, "wenn wir bis\nzum D", read whole)
    if any(map(lowered.__contains__, _MONTH_END_CUES)):
        lowered = month_ends(lowered)  # ("before the end of March 2027": March 31)
    if any(map(lowered.__contains__, _ORDINAL_SCAN)):
        lowered = ordinal_days(lowered)  # ("the ninth of April, 2027": the 9th)
    lowered = _NTH_WEEKDAYS.rewrite(lowered, reference)  # ("el primer lunes de marzo de 2027": "1 de marzo de 2027")
    if " = " in lowered or "\t= " in lowered:
        lowered = _EQUALS_FIELD.sub(r"\1:", lowered)  # ("  window       = Thursday, D": a field, as "window: D" is)
    # localized when a non-ASCII letter or digit is there: a footer's "©", a "–" or a "€" alone leave an English
    # text English (7 of the 50 samples paid the localized reading for one of them)
    foreign = not lowered.isascii() and _NON_ASCII_WORD.search(lowered) is not None
    found = _find(lowered, reference, foreign, notice_type, since)
    if found is None and not foreign and _ascii_localized(lowered):
        foreign = True  # (localized after all: its dates are read so below too)
        found = _find(lowered, reference, True, notice_type, since)  # English mail with a deadline never pays for this
    if found is None:
        return None
    deadline = Deadline(found.when.isoformat(), _source(text, lowered, found.start, found.end), found.score)
    if not evidence:
        return deadline
    if found.at < 0:
        # a period: the date to pay by of a bill's terms, or a period the sentence asks the reader to act in ("Bitte
        # laden Sie diese innerhalb von 10 Tagen in den Fall hoch", "please send them within 7 days"), not a period
        # it leaves to the reader ("you can reopen this case within 14 days")
        # (or the next sentence asks an act by then: "Your free plan ends in 14 days. … unless you upgrade before
        # then")
        left, right = _sentence(lowered, found.start, found.end)
        return replace(deadline, act_by=found.pay_by or asks_by_then(lowered[left:right])
                       or acts_by_then(lowered[left:_refers_back(lowered, right)])
                       or _imposed_if(lowered, left, found.end, right))
    left, right = _sentence(lowered, found.at, found.end)
    act_by = found.referred or _acts_by(lowered, found) or (
        # (the last day to do something, its field or its prose: "Last day to launch new instances: D")
        "last d" in lowered[max(0, found.start - 80):found.at]
        and _LAST_DAY_TO.search(lowered, max(0, found.start - 80), found.at) is not None)
    if not act_by:  # (or its sentence, or the next, asks an act "by that date": "please … by that date")
        act_by = acts_by_then(lowered[left:_refers_back(lowered, right)])
    mentions = _mentions(lowered, found) if not act_by else []
    if not act_by:
        # (or the same date written again where the mail asks an act by it: "Ab dem 1. April 2027 stellen wir … in
        # Rechnung. Hinterlegen Sie bitte vor dem 1. April 2027 eine gültige USt-IdNr.")
        width = found.end - found.at
        act_by = any(_acts_by(lowered, replace(found, start=lead, at=at, end=at + width, prev_end=-1))
                     for lead, at in mentions[1:])
    if not act_by and any(word in lowered[lead:at] for lead, at in mentions for word in _EXPIRY_WORDS):
        act_by = _before_expiry(lowered)  # "Offer expires D" … "accept the offer before it expires"
    if not act_by and any(map(lowered[found.start:found.at].__contains__, _DUE_WORDS)):
        # a due date's field ("Fecha límite de pago: D") in a mail that asks, anywhere, to pay before the due date ("le
        # pedimos que realice el pago antes de la fecha límite indicada"): the date to pay by
        act_by = _DUE_ANAPHOR.search(lowered) is not None
    sentence = lowered[left:right]
    if not act_by and _imposed_if(lowered, left, found.end, right):
        # what AWS will do if things still stand so on the date ("If we still cannot deliver the report on D, we will
        # pause the report definition"): the date the reader must have fixed them by
        act_by = True
    no_action = any(map(sentence.__contains__, _NO_ACTION_CUES)) and any(
        _TRAILING_CONDITION.match(sentence, m.end()) is None for m in _NO_ACTION.finditer(sentence))
    if not no_action and notice_type in (POLICY, "health.other") and not (notice_type == POLICY
                                                                          and _charges_from(sentence)):
        # a policy change that says anywhere that no action is required ("No action is required to continue receiving
        # your invoices"): its date is when the change applies, not a deadline of the reader's, also where a clause
        # asks something of some readers ("If you use email filters, update them before D": samples/44)
        no_action = any(map(lowered.__contains__, _NO_ACTION_CUES)) and any(
            # (a no-action after a condition spares only some readers: "If your organization manages root access
            # centrally, no action is required"; the mail's date stays the others' deadline)
            not after_condition(lowered, left_of := _sentence(lowered, m.start(), m.end())[0], m.start())
            and _TRAILING_CONDITION.match(lowered, m.end()) is None
            # (nor one for the readers outside a condition, "Otherwise, no action is required",
            # "其他情况下您无需执行任何操作": the conditional ask stays the deadline of those it names)
            and _OTHERWISE.search(lowered, left_of, m.start()) is None
            for m in _NO_ACTION.finditer(lowered))
    return replace(deadline, act_by=act_by, no_action=no_action,
                   restart=notice_type == MAINTENANCE and (any(map(lowered.__contains__, _RESTART)) or any(
                       cue in lowered for cue in _BEFORE_WINDOW) or (
                       _opens_range(lowered, found.at, found.end, foreign)
                       and not any(map(sentence.__contains__, _CANCELLED)))))


# "otherwise", "in all other cases" (en, de, fr, es, pt, it, ja, zh, ko; Traditional Chinese read folded): what follows
# is for the readers a condition before it did not name
_OTHERWISE = re.compile(r"\botherwise\b|\bin (?:all )?other cases\b|\bandernfalls\b|\bansonsten\b|"
                        r"\bin allen anderen f[äa]llen\b|\bsinon\b|\bdans (?:tous )?les autres cas\b|"
                        r"\bde lo contrario\b|\ben (?:los )?(?:dem[aá]s|otros) casos\b|\ben caso contrario\b|"
                        r"\bcaso contr[aá]rio\b|\bnos (?:demais|outros) casos\b|\baltrimenti\b|"
                        r"\b(?:in tutti )?(?:gli )?altri casi\b|それ以外の場合|その他の場合|其他情况|否则|"
                        r"그 ?외의 경우|그렇지 않은 경우|그 밖의 경우")


# what costs from a date ("the hourly fee will be charged per vCPU", "each analysis will be billed at"): the date is
# when cost starts, a deadline also where the mail says no action is needed (to keep things running)
_CHARGES_FROM = re.compile(r"\bwill be (?:charged|billed|invoiced)\b|\bbecomes? (?:billable|chargeable)\b|"
                           # (a cost shown apart from a date: "the data transferred will be shown as a separate line
                           # item at the inter-Region data transfer rate")
                           r"\bwill be (?:shown|listed|itemi[sz]ed) as (?:a )?separate line items?\b|"
                           r"\b(?:new|higher) (?:prices?|rates?|fees?|charges?)\b|"
                           r"\b(?:fee|price|rate|charge)s? (?:will|is going to) (?:change|increase|rise|apply)\b")


# the same in the other languages AWS writes in ("ab 1. April 2027 kostet jede Aktionsminute 0,12 USD statt 0,10 USD",
# "costará", "coûtera", "costerà", "custará", "料金が改定", "价格将调整", "요금이 인상")
_CHARGES_FROM_FOREIGN = re.compile(r"\bkostet\b|\bkosten\b[^.\n]{0,60}\bstatt\b|\bwird [^.\n]{0,40}berechnet\b|"
                                   r"\bcostar[aá]n?\b|\bse cobrar[aá]n?\b|\bco[uû]ter(?:a|ont)\b|\bsera(?:nt)? factur|"
                                   r"\bcoster(?:à|a|anno)\b|\bsar(?:à|anno) addebitat|\bcustar(?:á|a|ão)\b|"
                                   r"\bser(?:á|ão) cobrad|料金[がは].{0,20}(?:変更|改定)|"
                                   r"(?:价格|费用)(?:将)?(?:调整|变更)|요금이.{0,20}(?:변경|인상)|"
                                   # (charged per unit from the date: "超出部分按每百万次调用计费", "按…計費",
                                   # "課金されます", "요금이 부과됩니다")
                                   r"按[^。\n]{0,30}(?:计费|計費|收费|收費)|課金され|요금이 부과")


def _charges_from(sentence: str) -> bool:
    """Whether ``sentence`` (lower-cased) says what will cost from its date (:data:`_CHARGES_FROM`, and
    :data:`_CHARGES_FROM_FOREIGN` in localized text)."""
    if ("charg" in sentence or "bill" in sentence or "invoic" in sentence or "pric" in sentence
            or "rate" in sentence or "fee" in sentence) and _CHARGES_FROM.search(sentence) is not None:
        return True
    return (not sentence.isascii() or "kost" in sentence) and _CHARGES_FROM_FOREIGN.search(sentence) is not None


def _mentions(lowered: str, found: _Candidate, most: int = 8) -> list[tuple[int, int]]:
    """The phrase of ``found`` (its start, its date's), then the 40 characters before each other place its date is
    written as there (at most ``most`` in all): a subscription that "remains active until D", then "After D, …" names
    one end twice."""
    written = lowered[found.at:found.end]
    out = [(found.start, found.at)]
    at = lowered.find(written)
    while at >= 0 and len(out) < most:
        if at != found.at:
            out.append((max(0, at - 40), at))
        at = lowered.find(written, at + 1)
    return out


def _opens_range(lowered: str, start: int, end: int, foreign: bool) -> bool:
    """Whether the date that ends at ``end`` opens a range of two dates ("from January 15, 2027 to January 17, 2027",
    "dal 15 gennaio 2027 al 17 gennaio 2027", "2027年1月5日 02:00 至 2027年1月7日 02:00"): a maintenance window the mail
    dates from its start to its end, the reader's resources in it from its start (the impact starts then)."""
    if _END_FIELD_AFTER.match(lowered, end) and _START_FIELD.search(lowered, max(0, start - 80), start):
        return True  # "Start: D" over "End: D": the window's two fields
    window = lowered[end:end + 60]
    following = next(iter(_dates(window, foreign)), None)
    if following is None and _DAY_RANGE_CLOSING.match(window) is not None:
        return True  # "from February 4 to 5, 2027": the range's last day alone, then the year
    return following is not None and following.start() <= 24 \
        and _RANGE_CONNECTOR.fullmatch(window, 0, following.start()) is not None


#: the notice types whose mail names the date cost or impact starts (an end of support, a retirement, an unpaid
#: bill, an SES review's end, a certificate rotation, a policy change: 79 of the 84 labelled policy changes of session
#: 14's sets carry their date; not one whose mail says no action is required): their deadline phrase is taken even
#: when no rule asked for a deadline (:func:`evidenced`). Not an invoice paid by card, a refund or a credit (their
#: dates are facts or automatic), nor a maintenance unless the mail says a resource of the reader is restarted or
#: replaced in it (:data:`_RESTART`) or dates its window from one date to another (:func:`_opens_range`, not a
#: cancelled one): a maintenance that may only make a redundant connection unavailable for some hours of a day names
#: no deadline
IMPACT_TYPES = frozenset({"health.end_of_support", "health.instance_retirement", "health.certificate_rotation",
                          "health.other", "billing.payment_failed", "billing.suspension_warning",
                          "ses.sending_review", "policy.change_notice"})
MAINTENANCE = "health.scheduled_maintenance"
POLICY = "policy.change_notice"
CLOSED = "account.closed"
# what a maintenance does to the reader's resource: it is restarted, rebooted, replaced or upgraded (9 languages)
# (literals: a few `in` tests, not a search re would try at every position of the mail)
_RESTART = ("reboot", "restart", "replac", "reinici", "riavvi", "sostitu", "redémarr", "remplac", "neu gestartet",
            "neustart", "ersetzt", "substitu", "再起動", "置き換え", "重启", "重新启动", "替换", "재부팅", "다시 시작",
            "교체",
            # (a reboot as Traditional Chinese says it, "網域控制站會依序重新開機", read folded as Simplified: 重新开机)
            "重新开机", "重开机",
            # the reader's connections reset during the window ("connections may be reset once")
            "be reset", "zurückgesetzt", "restablecer", "réinitialisée", "reimpostat", "redefinid", "リセット", "重置",
            "재설정",
            # the reader's instance stopped at the scheduled time ("will be stopped", "wird … gestoppt", "sera arrêtée",
            # "se detendrá", "verrà arrestata", "será interrompida", "停止されます", "将在计划时间停止", "중지됩니다")
            "be stopped", "gestoppt", "angehalten", "sera arrêté", "seront arrêté", "se detendr", "será detenid",
            "serán detenid", "verrà arrestat", "verranno arrestat", "será interrompid", "serão interrompid",
            "停止されます", "停止。", "중지됩니다",
            # the reader's resource upgraded to another version ("will begin upgrading brokers", "will be upgraded",
            # "automatically upgrades", "automatisch aktualisiert", "mis à niveau automatiquement", "se actualizarán
            # automáticamente", "atualizados automaticamente", "aggiornati automaticamente", "自動的にアップグレード",
            # "自动升级", "자동으로 업그레이드")
            "begin upgrading", "start upgrading", "be upgraded", "automatically upgrad", "upgraded automatically",
            "automatisch aktualisiert", "automatisch aktualisieren", "automatisch upgegradet",
            "mis à niveau automatiquement", "mises à niveau automatiquement", "mettrons à niveau",
            "actualizarán automáticamente", "actualizará automáticamente", "atualizados automaticamente",
            "atualizadas automaticamente", "atualizará automaticamente", "aggiornati automaticamente",
            "aggiornate automaticamente", "aggiornerà automaticamente", "自動的にアップグレード", "自動アップグレード",
            "自动升级", "自動升級", "자동으로 업그레이드", "자동 업그레이드",
            # (the upgrade named as a noun: "The automatic upgrade of the SPICE engine to version 4 starts …")
            "automatic upgrade", "automatic engine upgrade", "automatic version upgrade", "auto-upgrade",
            # (or as a move to a version: "The automatic move of … workflows to matching engine version 2 starts";
            # "will start moving environments … to runtime version 2", "will be moved automatically")
            "automatic move of", "automatic migration of", "start moving", "begin moving", "moved automatically",
            "migrated automatically",
            # (or moved to a version, or an update installed, automatically: "will be moved to these versions
            # automatically", "업데이트가 자동으로 설치됩니다", "自動的にインストール", "自动安装")
            "versions automatically", "version automatically", "installed automatically", "automatically installed",
            # (or applied by AWS once the apply-by date passes: "Automatic update after the apply-by date: yes")
            "automatic update after", "auto-update after", "updated automatically after", "applied automatically after",
            "automatisch installiert", "installée automatiquement", "installées automatiquement",
            "instalará automáticamente", "instalada automaticamente", "instalado automaticamente",
            "installato automaticamente", "installata automaticamente", "自動的にインストール", "自动安装", "自動安裝",
            "자동으로 설치",
            # (or the reader's jobs held in a queue during the window: "import jobs may be queued and resume after the
            # maintenance", "mises en file d'attente", "puestas en cola", "colocadas na fila", "messe in coda",
            # "in die Warteschlange gestellt", "キューに入れられ", "排队", "대기열에")
            "be queued", "en file d'attente", "en cola", "na fila", "in coda", "in die warteschlange",
            "キューに入れ", "排队", "排隊", "대기열에")


# a maintenance whose mail asks the reader to act before its window starts (9 languages): its start is the deadline
_BEFORE_WINDOW = (# (before the date the mail gave, named again: "altere a janela … antes da data indicada",
                  # "before the date above", "avant la date indiquée", "上記の日付より前に", "上述日期之前",
                  # "위 날짜 전에")
                  "before the date above", "before the date indicated", "before the indicated date",
                  "before the date shown", "before the scheduled date", "antes da data indicada",
                  "antes da data programada", "antes de la fecha indicada", "antes de la fecha programada",
                  "avant la date indiquée", "avant la date prévue", "prima della data indicata",
                  "prima della data prevista", "vor dem angegebenen datum", "vor dem geplanten termin",
                  "上記の日付より前", "上記の日付まで", "予定日より前", "上述日期之前", "上述日期前", "上述日期以前",
                  "預定日期之前", "计划日期之前", "위 날짜 전", "위 날짜 이전", "예정일 전",
                  "before the window", "before the maintenance window", "before the start of the maintenance",
                  "before the start of the window", "avant le début de la fenêtre", "antes del inicio de la ventana",
                  "antes de que comience la ventana", "antes do início da janela", "prima dell'inizio della finestra",
                  "vor beginn des wartungsfensters", "vor dem wartungsfenster", "ウィンドウの開始前",
                  "ウィンドウ開始前", "窗口开始之前", "窗口开始前", "時段開始前", "时段开始前", "时段开始之前",
                  "기간이 시작되기 전",
                  # (or before the window or the maintenance itself: "vous pouvez basculer vos charges de travail
                  # avant la fenêtre")
                  "before the maintenance", "avant la fenêtre", "avant la maintenance", "antes de la ventana",
                  "antes del mantenimiento", "antes da janela", "antes da manutenção", "prima della finestra",
                  "prima della manutenzione", "vor der wartung", "メンテナンスの前", "メンテナンス前", "维护之前",
                  "维护前", "維護之前", "유지 관리 전",
                  # (before the maintenance's time or start: "유지 관리 시간 전에", "유지 관리 시작 전에",
                  # "メンテナンス開始前", "维护开始前", "before the maintenance starts")
                  "유지 관리 시간 전", "유지 관리 시작 전", "メンテナンス開始前", "メンテナンスの開始前", "维护开始前",
                  "維護開始前", "before the maintenance starts", "before the window starts",
                  # (before the period or the first window starts: "期間開始までに", "antes da primeira janela",
                  # "avant le début du créneau")
                  "期間開始まで", "期間の開始まで", "開始までに", "before the first window",
                  "avant la première fenêtre", "antes de la primera ventana", "antes da primeira janela",
                  "prima della prima finestra",
                  # (before the first of the events it dates: "Before the first replacement, make sure …", "Prima della
                  # prima sostituzione verificate …", "Avant le premier remplacement", "Vor dem ersten Austausch")
                  "before the first replacement", "before the first restart", "before the first reboot",
                  "avant le premier remplacement", "avant le premier redémarrage", "antes del primer reemplazo",
                  "antes del primer reinicio", "antes da primeira substituição", "antes da primeira reinicialização",
                  "prima della prima sostituzione", "prima del primo riavvio", "vor dem ersten austausch",
                  "vor dem ersten neustart",
                  "vor dem ersten wartungsfenster", "avant le début du créneau", "avant le début de la maintenance",
                  # (before the maintenance itself starts, as a noun or a verb: "vor Beginn der Wartung", "antes del
                  # inicio del mantenimiento", "bevor die Wartung beginnt", "antes de que comience el mantenimiento")
                  "vor beginn der wartung", "vor dem beginn der wartung", "bevor die wartung beginnt",
                  "antes del inicio del mantenimiento", "antes de que comience el mantenimiento",
                  "antes de que empiece el mantenimiento", "antes do início da manutenção",
                  "antes que a manutenção comece", "antes de a manutenção começar",
                  "prima dell'inizio della manutenzione", "prima che inizi la manutenzione",
                  "avant que la maintenance commence", "avant que la maintenance ne commence",
                  "before the maintenance begins", "before maintenance begins", "before maintenance starts",
                  # (before the switch the maintenance makes: "vor Beginn der Umstellung", "before the cutover")
                  "before the switch", "before the cutover", "before the changeover", "vor beginn der umstellung",
                  "vor der umstellung", "avant le basculement", "antes del cambio", "antes da mudança",
                  "prima del passaggio",
                  # (or before "that date", the maintenance's: "add the new roots to your trust store before that date")
                  "before that date", "before this date", "vor diesem datum", "avant cette date", "antes de esa fecha",
                  "antes de esta fecha", "antes dessa data", "antes desta data", "prima di tale data",
                  "prima di questa data", "この日付より前", "この日までに", "在此日期之前", "在该日期之前",
                  "이 날짜 이전에")


# what a maintenance's sentence says when it will not take place (9 languages): its window is no deadline
_CANCELLED = ("cancel", "annul", "abgesagt", "storniert", "abgebrochen", "anulad", "annullat", "キャンセル", "取り消",
              "中止", "取消", "취소")


def evidenced(found: Deadline, notice_type: str | None) -> bool:
    """Whether the mail's own evidence makes ``found`` a deadline when no rule asked for one: its sentence does not
    say that no action is needed (:data:`_NO_ACTION`), and the reader is asked to act by it (a by-lead and an ask in
    its sentence) or it is a deadline phrase (scored QUALIFY and up) of a notice type whose dates are when cost or
    impact starts (:data:`IMPACT_TYPES`). A marketing mail's date is never one: what it asks by a date ("Register by
    20 May to secure your seat") is an offer, nothing a support engineer must act on (every labelled set agrees)."""
    if no_deadlines(notice_type):
        return False
    return not found.no_action and (found.act_by or ((notice_type in IMPACT_TYPES or found.restart)
                                                     and found.score >= QUALIFY))


# root-credential mail: its dates are when something happened to the root user ("Fecha de la desactivación: D") or when
# a code or link it sends expires (the reader asks for another): none is a deadline (samples/30-35, and the 385 labelled
# mails of these types, none with a deadline)
_CREDENTIAL_TYPES = frozenset({"credentials.password_reset", "credentials.email_change_code",
                               "credentials.mfa_recovery", "credentials.sign_in_verification",
                               "credentials.signup_verification", "credentials.mfa_deactivated"})


#: types whose only date is how long their link stays valid ("3일 이내에 확인하지 않으면 다시 구독해야 합니다",
#: confirm within 3 days or subscribe again): no deadline, as the references treat links valid for N hours (698 of
#: 698 labelled SNS subscription confirmations carry none)
_LINK_ONLY_TYPES = frozenset({"verification.sns_subscription"})


def no_deadlines(notice_type: str | None) -> bool:
    """Whether ``notice_type``'s mail never has a deadline of its own evidence (marketing: see :func:`evidenced`;
    root-credential mail: :data:`_CREDENTIAL_TYPES`; a link's validity: :data:`_LINK_ONLY_TYPES`)."""
    return notice_type is not None and (notice_type.startswith("marketing.") or notice_type in _CREDENTIAL_TYPES
                                        or notice_type in _LINK_ONLY_TYPES)


def worth_looking(lowered: str, notice_type: str | None) -> bool:
    """Whether a mail no rule asked a deadline of may still name one :func:`evidenced` takes (a cheap test before
    :func:`best_deadline`, which scores every date): its type names the date impact starts (:data:`IMPACT_TYPES`,
    a maintenance), or it may hold an act-by date
    (:func:`routing.dateroles.may_hold_act_by`; for an offer's type, it asks to act before the offer expires,
    :data:`_BEFORE_EXPIRY`; for a bill's type, its payment terms count from the invoice date, :data:`_INVOICE_TERMS`:
    no date is read here). ``lowered``: the
    mail's subject and text lower-cased (the classifier's view has them, :func:`routing.patterns.fold_lower`)."""
    if no_deadlines(notice_type):
        return False  # (nothing :func:`evidenced` would take: no date is read)
    if notice_type in IMPACT_TYPES or notice_type == MAINTENANCE:
        return True  # (a maintenance's window start is one when it restarts a resource or is dated as a range)
    if notice_type in _OFFER_TYPES and _before_expiry(lowered[:200_000]):
        return True
    if notice_type in _BILL_TYPES and "invoice date" in lowered and any(map(lowered.__contains__, _INVOICE_TERMS)):
        return True
    if notice_type in _BILL_TYPES and any(map(lowered.__contains__, _MONTH_END_RELATIVE_CUES)) \
            and _MONTH_END_RELATIVE.search(lowered[:200_000]) is not None:
        return True  # (payment terms to the end of the month)
    if notice_type in _BILL_TYPES and any(map(lowered.__contains__, _INVOICE_NOUNS_FOREIGN)) \
            and _RELATIVE_INVOICE_FOREIGN.search(lowered[:200_000]) is not None:
        return True  # (the same terms, localized)
    if notice_type in _BILL_TYPES and any(map(lowered.__contains__, _DUE_ANAPHOR_CUES)) \
            and _DUE_ANAPHOR.search(lowered[:200_000]) is not None:
        return True  # (a bill that asks to pay before "the due date", its field's: best_deadline's act_by)
    periods = any(map(lowered.__contains__, _RELATIVE_CUES))
    if periods and may_ask(lowered[:200_000]):
        return True  # (a period the mail may ask the reader to act in: "please upload them within 10 days")
    if acts_by_then(lowered[:200_000]):
        return True  # (an act asked "by that date", the date named before it)
    if "last d" in lowered and _LAST_DAY_TO_DATE.search(lowered[:200_000]) is not None:
        return True  # (the last day to do something: best_deadline's act_by)
    if "if " in lowered and ("we " in lowered or "ses " in lowered or "aws " in lowered) \
            and _IMPOSED.search(lowered[:200_000]) is not None:
        return True  # (what AWS will do if things still stand so on a date: best_deadline's act_by)
    if periods:
        # (may_ask said no above: the weekday's test below and may_hold_act_by, which asks may_ask first, would both
        # say no after a second scan of its cues, the whole cost of a text that asks nothing)
        return False
    if _weekday_asks(lowered[:200_000]) and may_ask(lowered[:200_000]):
        return True  # (an act asked by a weekday, no date written: "please send it by Friday")
    return may_hold_act_by(lowered[:200_000])


#: the literals one of which a period (:func:`_relative`: "within 10 days", "innerhalb von 10 Tagen", "10日以内") holds
_RELATIVE_CUES = ("within ", "in the next ", "innerhalb ", "binnen ", "dentro de ", "en un plazo", "no prazo",
                  "em até ", "em ate ", "dans un délai", "dans un delai", "dans les ", "sous ", "entro ",
                  "nei prossimi", "以内", "日内", "天内", "이내")


#: the types whose mail offers something the reader accepts before it expires (a private offer, an invitation): only
#: their mail is asked :func:`_before_expiry` by :func:`worth_looking` (its cue scans cost ~1 % of the classify stage
#: when asked of every mail)
_OFFER_TYPES = frozenset({"marketplace.subscription", "verification.organizations_invite", "verification.other",
                          COMMITMENT_EXPIRY, "cost.other"})
#: the types whose mail may give payment terms counted from the invoice date (:data:`_INVOICE_TERMS`)
_BILL_TYPES = frozenset({"billing.invoice", "billing.statement", "billing.other"})


def find_deadline(text: str, reference: date | None = None, notice_type: str | None = None) -> str | None:
    """ISO date of the deadline in ``text`` (see :func:`best_deadline`), or None."""
    found = best_deadline(text, reference, notice_type)
    return found.date if found else None

