"""Property tests for the redactor: no token of a generated secret survives, in any part or encoding.

Each example builds a whole mail (MIME, transfer encodings, RFC 2047 subject, HTML, calendar part,
text attachment), parses it with ``routing.parse.parse_mail`` and drafts the ticket with
``ticketing.pipeline.build_draft``; then no token of the secret may be in the draft's subject,
body, public body, fields, tags, attachment names or attachment bytes.

* credential-family mail (default-deny), every secret class: digit codes of 4-10 digits (plain,
  spaced, grouped), alphanumeric codes, token URLs (path, query, fragment; without scheme; split
  across lines, also before ``?``; ``&amp;``; percent-encoded inside an SES tracking wrapper), in
  wordings with and without a code word;
* other mail: codes next to a code word in en, de, es, fr, pt, it, ja, zh, ko, before or after
  the code, and token links.
"""

from __future__ import annotations

import base64
import quopri
import re
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from ingest.envelope import Envelope
from ingest.store import StoredMessage
from routing.parse import parse_mail
from routing.redact import redact_text
from routing.types import Account, AuthVerdict, Customer, Notice, Recipient
from ticketing.draft import TicketDraft
from ticketing.pipeline import build_draft

ACCOUNT = Account("123456789012", "acme-prod", "acme", "aws-root+acme@roots.example.com")
RECIPIENT = Recipient(ACCOUNT.root_email, ACCOUNT, Customer("acme", "Acme Ltd", ("ops@acme.example",)))
PASS = AuthVerdict("pass", ("dkim pass",), True)
ORDINARY = Notice("security.suspicious_activity", "security", "high", customer_visible=True)
CREDENTIAL_SENDERS = ("no-reply@signin.aws", "password-reset-no-reply@verify.signin.aws", "no-reply@signup.aws",
                      "noreply@registrar.amazon.com", "no-reply@certificates.amazon.com")
LOCATIONS = ("plain", "html_text", "html_alt", "subject", "calendar", "attachment", "attachment_name")
ENCODINGS = ("7bit", "quoted-printable", "base64")
SEPARATORS = re.compile(r"(?<=\d)[\s\u00a0\-.]+(?=\d)")

# ---------------------------------------------------------------------------- secrets


@dataclass(frozen=True)
class Secret:
    shown: str  # how it appears in the mail
    tokens: tuple[str, ...]  # what must not survive anywhere in the ticket
    digits: bool = False  # a digit code: also checked with separators removed
    url: bool = False


def _digit_code() -> st.SearchStrategy[Secret]:
    def shape(code: str, form: str) -> Secret:
        if form == "spaced":
            shown = " ".join(code)
        elif form == "grouped-dash":
            shown = f"{code[:len(code) // 2]}-{code[len(code) // 2:]}"
        elif form == "grouped-space":
            shown = f"{code[:3]} {code[3:]}" if len(code) >= 6 else code
        elif form == "zero-width":
            shown = f"{code[:2]}\u200b{code[2:]}"
        else:
            shown = code
        return Secret(shown, (code,), digits=True)

    return st.builds(shape, st.text("0123456789", min_size=4, max_size=10),
                     st.sampled_from(("plain", "spaced", "grouped-dash", "grouped-space", "zero-width")))


def _alnum_code() -> st.SearchStrategy[Secret]:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz0123456789"
    def shape(code: str, form: str) -> Secret:
        shown = {"dashed": f"{code[:3]}-{code[3:]}", "zero-width": f"{code[:3]}\u200c{code[3:]}"}.get(form, code)
        return Secret(shown, (code,) if form == "plain" else (code[:3], code[3:]))

    code = st.text(alphabet, min_size=6, max_size=12).filter(
        lambda c: any(ch.isdigit() for ch in c) and any(ch.isalpha() for ch in c))
    return st.builds(shape, code, st.sampled_from(("plain", "plain", "dashed", "zero-width")))


_TOKEN = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", min_size=16, max_size=48).filter(
    lambda t: any(c.isdigit() for c in t) and any(c.isalpha() for c in t) and t[0] not in "-_" and t[-1] not in "-_")
_HOSTS = ("signin.aws.amazon.com", "verify.signin.aws", "registrar.amazon.com",
          "email-verification.us-east-1.amazonaws.com", "console.aws.amazon.com")
_PATHS = ("/resetpassword", "/recover/email", "/email-verification", "/confirm", "/v1/session", "/approvals")


def _token_url(draw: st.DrawFn, *, ordinary: bool) -> Secret:
    token = draw(_TOKEN)
    host = draw(st.sampled_from(_HOSTS))
    path = draw(st.sampled_from(_PATHS[:4] if ordinary else _PATHS))
    place = draw(st.sampled_from(("query", "query2", "fragment", "fragment-param") if ordinary
                                 else ("query", "query2", "fragment", "fragment-param", "path")))
    if place == "query":
        url = f"{host}{path}?token={token}"
    elif place == "query2":
        url = f"{host}{path}?context=Zx9&amp;code={token}&amp;lang=en"
    elif place == "fragment":
        url = f"{host}{path}#{token}"
    elif place == "fragment-param":
        url = f"{host}{path}#access_token={token}"
    else:
        url = f"{host}{path}/{token}"
    scheme = draw(st.sampled_from(("https://", "http://", "")))
    url = scheme + url
    if draw(st.booleans()):  # an SES click-tracking wrapper around the percent-encoded target
        target = url if scheme else "https://" + url
        url = ("https://abcd1234.r.us-east-1.awstrack.me/L0/" + quote(target.replace("&amp;", "&"), safe="")
               + "/1/0100019bdc5c3c53-24c3f50b-84d1-4946-9756-5d60db2b03c3-000000/SpC6wmsBdBKt0=441")
    return Secret(url, (token,), url=True)


@st.composite
def credential_secret(draw: st.DrawFn) -> Secret:
    kind = draw(st.sampled_from(("digits", "alnum", "url")))
    if kind == "digits":
        return draw(_digit_code())
    if kind == "alnum":
        return draw(_alnum_code())
    return _token_url(draw, ordinary=False)


@st.composite
def ordinary_secret(draw: st.DrawFn) -> Secret:
    kind = draw(st.sampled_from(("digits", "alnum", "url")))
    if kind == "digits":
        return draw(_digit_code())
    if kind == "alnum":
        return draw(_alnum_code())
    return _token_url(draw, ordinary=True)


# ---------------------------------------------------------------------------- wordings

CREDENTIAL_WORDINGS = (
    "Verification code: {s}",
    "{s} is your AWS sign-in code.",
    "Use {s} to continue.",
    "Open {s} within 30 minutes.",
    "Here you go:\n\n{s}\n\nThanks.",
    "Ihr Bestätigungscode lautet: {s}",
    "確認コード：{s}",
    "We noticed unusual activity. Enter {s} on the sign-in page.",
)
# nine languages, the code after and before its word
LANGUAGE_WORDINGS = {
    "en": ("Your verification code is {s}.", "{s} is your AWS sign-in code."),
    "de": ("Ihr Bestätigungscode lautet: {s}", "{s} ist Ihr Sicherheitscode."),
    "es": ("Su código de verificación es {s}.", "{s} es su código de verificación."),
    "fr": ("Votre code de vérification est : {s}", "{s} est votre code de vérification."),
    "pt": ("Seu código de verificação é {s}.", "{s} é o seu código de verificação."),
    "it": ("Il tuo codice di verifica è {s}.", "{s} è il tuo codice di verifica."),
    "ja": ("確認コード: {s}", "{s} があなたの確認コードです。"),
    "zh": ("您的验证码是 {s}。", "{s} 是您的验证码。"),
    "ko": ("인증 코드는 {s}입니다.", "{s}은 인증 코드입니다."),
    "suspicious": ("We detected suspicious activity in your account. To continue, enter the code {s}.",
                   "Suspicious sign-in blocked. {s} is the one-time code for your review."),
}
LINK_WORDINGS = ("Reset your password: {s}", "To verify, open the link below:\n\n{s}\n\nThe link expires soon.")

# ---------------------------------------------------------------------------- mail


def _encode(text: str, cte: str) -> tuple[str, str]:
    data = text.replace("\n", "\r\n").encode("utf-8")
    if cte == "base64":
        return "base64", base64.encodebytes(data).decode("ascii")
    if cte == "quoted-printable":
        return "quoted-printable", quopri.encodestring(data).decode("ascii")
    return ("8bit" if not text.isascii() else "7bit"), text


def _encoded_words(subject: str, q: bool) -> str:
    """RFC 2047 encoded words of up to 12 characters each (a secret may be split between words)."""
    words = []
    for i in range(0, len(subject), 12):
        piece = subject[i:i + 12].encode("utf-8")
        if q:
            encoded = "".join(chr(b) if b < 128 and chr(b).isalnum() else f"={b:02X}" for b in piece)
            words.append(f"=?utf-8?q?{encoded}?=")
        else:
            words.append(f"=?utf-8?b?{base64.b64encode(piece).decode('ascii')}?=")
    return "\r\n ".join(words)


def _ics_fold(line: str) -> str:
    return "\n ".join(line[i:i + 40] for i in range(0, len(line), 40))


def _split_url(shown: str, at: int) -> str:
    """A hard wrap inside the link (the break may fall right before ``?`` or ``#``)."""
    cut = 8 + at % max(1, len(shown) - 8)
    return shown[:cut] + "\n" + shown[cut:]


def _part(content_type: str, text: str, cte: str, disposition: str = "") -> str:
    header_cte, body = _encode(text, cte)
    return (f"Content-Type: {content_type}; charset=utf-8\r\nContent-Transfer-Encoding: {header_cte}\r\n"
            f"{disposition}\r\n{body}\r\n")


def build_mail(sender: str, sentence: str, location: str, cte: str, q_subject: bool, secret: Secret,
               split_at: int | None) -> bytes:
    """A multipart mail with ``sentence`` (holding the secret) in ``location``."""
    filler = "Hello,\n\nThis message is about the AWS account of this root user.\n"
    plain = filler + "\nSincerely,\nAmazon Web Services\n"
    subject = "Your AWS account"
    html_body = "<p>Hello,</p><p>This message is about your AWS account.</p>"
    calendar = None
    attachment = None
    attachment_name = "notes.txt"
    shown_sentence = sentence
    if location == "plain":
        if secret.url and split_at is not None:
            shown_sentence = sentence.replace(secret.shown, _split_url(secret.shown, split_at))
        plain = filler + "\n" + shown_sentence + "\n\nSincerely,\nAmazon Web Services\n"
    elif location == "html_text":
        body = sentence.replace(secret.shown, f'<a href="{secret.shown}">{secret.shown}</a>') if secret.url \
            else sentence
        html_body += "<p>" + body.replace("\n", "<br>") + "</p>"
    elif location == "html_alt":
        html_body += f'<img src="https://d1.awsstatic.com/logo.png" alt="{sentence}">'
    elif location == "subject":
        subject = sentence.replace("\n", " ")
    elif location == "calendar":
        calendar = ("BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1@aws\n"
                    + _ics_fold("DESCRIPTION:" + sentence.replace("\n", "\\n")) + "\nEND:VEVENT\nEND:VCALENDAR\n")
    elif location == "attachment":
        attachment = sentence + "\n"
    elif location == "attachment_name":
        attachment = "see the name\n"
        attachment_name = f"code {secret.shown}.txt"
    boundary = "b0undary-rootmail-test"
    parts = [_part("text/plain", plain, cte), _part("text/html", "<html><body>" + html_body + "</body></html>", cte)]
    alternative = (f"Content-Type: multipart/alternative; boundary=\"{boundary}-alt\"\r\n\r\n"
                   + "".join(f"--{boundary}-alt\r\n{p}" for p in parts) + f"--{boundary}-alt--\r\n")
    outer = [alternative]
    if calendar is not None:
        outer.append(_part("text/calendar; method=REQUEST", calendar, cte))
    if attachment is not None:
        outer.append(_part("text/plain", attachment, cte,
                           f"Content-Disposition: attachment; filename*=utf-8''{quote(attachment_name)}\r\n"))
    head = (f"From: Amazon Web Services <{sender}>\r\nTo: {ACCOUNT.root_email}\r\n"
            f"Subject: {_encoded_words(subject, q_subject)}\r\nDate: Tue, 01 Sep 2026 07:00:00 +0000\r\n"
            f"Message-ID: <m1@email.amazonses.com>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n")
    return (head + "".join(f"--{boundary}\r\n{p}" for p in outer) + f"--{boundary}--\r\n").encode("utf-8")


def draft_of(raw: bytes, notice: Notice, auth: AuthVerdict) -> TicketDraft:
    stored = StoredMessage("2026/09/01/abc", Envelope("bounce@amazonses.com", (ACCOUNT.root_email,)), raw)
    return build_draft(stored, parse_mail(raw), RECIPIENT, notice, auth)


def draft_strings(draft: TicketDraft) -> list[str]:
    out = [draft.subject, draft.body, draft.public_body or ""]
    out += [f"{k}={v}" for k, v in draft.fields.items()]
    out += list(draft.tags)
    for attachment in draft.attachments:
        out += [attachment.filename, attachment.data.decode("utf-8", "replace")]
    return out


def leaks(secret: Secret, strings: list[str]) -> list[str]:
    """The tokens of ``secret`` still in ``strings`` (a digit code also with separators removed,
    a link token also by any 10-character piece)."""
    found: list[str] = []
    for token in secret.tokens:
        pieces = {token} | ({token[i:i + 10] for i in range(len(token) - 9)} if secret.url else set())
        for text in strings:
            candidates = [text, SEPARATORS.sub("", text)] if secret.digits else [text]
            for candidate in candidates:
                for piece in pieces:
                    if re.search(r"(?<![A-Za-z0-9])" + re.escape(piece) + r"(?![A-Za-z0-9])", candidate) or (
                            secret.url and piece in candidate):
                        found.append(piece)
    return sorted(set(found))


def _check(raw: bytes, baseline: bytes, secret: Secret, notice: Notice, auth: AuthVerdict) -> None:
    # a token that the mail's fixed text already holds (a date, the account id) is no test
    assume(not leaks(secret, draft_strings(draft_of(baseline, notice, auth))))
    draft = draft_of(raw, notice, auth)
    assert leaks(secret, draft_strings(draft)) == [], draft.body
    assert draft.secret and "contains_secret" in draft.tags
    assert not draft.attachments  # the original (with its secret) stays in the store only


COMMON = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(secret=credential_secret(), sender=st.sampled_from(CREDENTIAL_SENDERS),
       wording=st.sampled_from(CREDENTIAL_WORDINGS), location=st.sampled_from(LOCATIONS),
       cte=st.sampled_from(ENCODINGS), q_subject=st.booleans(),
       split_at=st.none() | st.integers(min_value=0, max_value=400), classified=st.booleans())
@example(secret=Secret("Q7K2XM", ("Q7K2XM",)), sender="no-reply@signin.aws", wording="{s} is your AWS sign-in code.",
         location="subject", cte="7bit", q_subject=True, split_at=None, classified=False)
@example(secret=Secret("4 8 2 9 1 3", ("482913",), digits=True), sender="no-reply@signin.aws",
         wording="Use {s} to continue.", location="plain", cte="base64", q_subject=False, split_at=None,
         classified=True)
@example(secret=Secret("signin.aws.amazon.com/resetpassword?token=JHmSZeiqNkfhW8vZO5nadf",
                       ("JHmSZeiqNkfhW8vZO5nadf",), url=True),
         sender="password-reset-no-reply@verify.signin.aws", wording="Open {s} within 30 minutes.",
         location="plain", cte="quoted-printable", q_subject=False, split_at=35, classified=False)
def test_credential_mail_keeps_no_secret_in_any_part(secret: Secret, sender: str, wording: str, location: str,
                                                     cte: str, q_subject: bool, split_at: int | None,
                                                     classified: bool) -> None:
    """Default-deny by sender family (an unclassified mail) and by type (a credentials notice)."""
    if location == "attachment_name":
        assume(not secret.url)
    notice = Notice("credentials.sign_in_verification", "credentials", secret=True) if classified else Notice()
    sentence = wording.format(s=secret.shown)
    raw = build_mail(sender, sentence, location, cte, q_subject, secret, split_at)
    baseline = build_mail(sender, wording.format(s="x"), location, cte, q_subject, Secret("x", ("x",)), None)
    _check(raw, baseline, secret, notice, PASS)


@COMMON
@given(secret=ordinary_secret(), language=st.sampled_from(sorted(LANGUAGE_WORDINGS)), before=st.booleans(),
       location=st.sampled_from(LOCATIONS[:-1]), cte=st.sampled_from(ENCODINGS), q_subject=st.booleans(),
       split_at=st.none() | st.integers(min_value=0, max_value=400))
@example(secret=Secret("482913", ("482913",), digits=True), language="en", before=True, location="plain",
         cte="7bit", q_subject=False, split_at=None)
@example(secret=Secret("Q7K2XM", ("Q7K2XM",)), language="suspicious", before=False, location="html_text",
         cte="quoted-printable", q_subject=False, split_at=None)
def test_other_mail_keeps_no_code_next_to_a_code_word(secret: Secret, language: str, before: bool, location: str,
                                                      cte: str, q_subject: bool, split_at: int | None) -> None:
    """Mail of an ordinary AWS sender, customer-visible type, verdict pass: codes by their words."""
    wording = LINK_WORDINGS[int(before)] if secret.url else LANGUAGE_WORDINGS[language][int(before)]
    sentence = wording.format(s=secret.shown)
    raw = build_mail("no-reply-aws@amazon.com", sentence, location, cte, q_subject, secret, split_at)
    baseline = build_mail("no-reply-aws@amazon.com", wording.format(s="x"), location, cte, q_subject,
                          Secret("x", ("x",)), None)
    _check(raw, baseline, secret, ORDINARY, PASS)


@settings(max_examples=1500, deadline=None)
@given(secret=credential_secret(), prefix=st.text(max_size=80), suffix=st.text(max_size=80))
def test_default_deny_text_rule_removes_every_secret_in_any_surrounding_text(secret: Secret, prefix: str,
                                                                             suffix: str) -> None:
    """The default-deny rule alone, on arbitrary surrounding text (any characters, any script)."""
    text = f"{prefix} {secret.shown} {suffix}"
    assume(not leaks(secret, [f"{prefix} x {suffix}"]))
    assert leaks(secret, [redact_text(text, default_deny=True)]) == []


@settings(max_examples=1500, deadline=None)
@given(secret=st.one_of(_digit_code(), _alnum_code()), language=st.sampled_from(sorted(LANGUAGE_WORDINGS)),
       before=st.booleans(), prefix=st.sampled_from(("", "Hello,\n\n", "Dear customer, ", "Hallo! ", "こんにちは。")))
def test_code_word_rule_in_nine_languages(secret: Secret, language: str, before: bool, prefix: str) -> None:
    text = prefix + LANGUAGE_WORDINGS[language][int(before)].format(s=secret.shown) + "\nSincerely, AWS"
    # (a token that the fixed text already holds is no test: a drawn "AWS-000" leaves the signature's "AWS")
    assume(not leaks(secret, [text.replace(secret.shown, "")]))
    assert leaks(secret, [redact_text(text)]) == []


@pytest.mark.parametrize("head, tail", [
    ("email-verification", ".us-east-1.amazonaws.com/resetpassword#0000000000000000000A"),
    ("signin", ".aws.amazon.com/resetpassword?token=Q7K2XM48ZT93PL"),
    ("console", ".aws.amazon.com/verify#K8ZQ2M7XW4PT9R3N"),
])
def test_a_link_without_scheme_broken_before_a_dot_is_still_redacted(head: str, tail: str) -> None:
    """Found by the property test above: a reset link without a scheme, hard-wrapped before one of
    its host name's dots, was not read as a link, and its token reached the customer."""
    text = f"Hello,\n\nReset your password: {head}\n{tail}\n\nSincerely,\nAmazon Web Services\n"
    token = re.split(r"[#=]", tail)[-1]
    assert token in text and token not in redact_text(text)
