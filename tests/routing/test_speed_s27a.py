"""Session 27's faster forms in routing.secrets give exactly what their plain forms give: a link's kind
searched only when the lower-cased link holds one of the kind's literals (``_LINK_KIND_LITERALS``), a
context kind likewise (``_CONTEXT_KIND_LITERALS``), and the scan for links without a scheme that searches
for the next host-name dot from the end of the link before (``_url_match_iter``), and the default-deny
rule's dashed groups tried only at the run before a dash (``_grouped_dashed``), against the plain searches,
on generated and adversarial inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import secrets

LINK_PIECES = ["https://", "x.example/", "reset", "RESET", "password", "PASSWORD", "Forgot", "forgot-password",
               "/resetpassword", "/recover/", "/RecoverY/", "/recovery/", "/reset/", "/reset", "reset/", "Unsubscribe",
               "unsub", "/Unsub", "mkt_unsub", "OPT", "opt", "out", "-", "_", ".", "?", "#", "=", "&", "/", "%2F",
               "Approve", "approv", "Invitation", "handshake=", "handshake", "Confirm", "confirm", "VERIF", "verif",
               "mfaRecovery", "mfarecover", "Validat", "ACTIVAT", "Sign", "sign", "in", "LogIn", "log", "auth", "Auth",
               "Token", "token=", "code", "code=", "TICKET", "ticket=", "\n", "\r", " ", "a", "9", "\u017f", "\u212a"]


def _plain_kind(kind: str, text: str) -> bool:
    return dict(secrets._LINK_KINDS)[kind].search(text) is not None


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=16) | st.text(st.characters(max_codepoint=127), max_size=60))
def test_link_kind_literals_give_the_plain_search(pieces: list[str] | str) -> None:
    text = "".join(pieces)
    for kind, pattern in secrets._LINK_KINDS:
        expected = pattern.search(text) is not None
        if text.isascii():
            lowered = text.lower()
            fast = dict(secrets._LINK_KINDS_ASCII)[kind]
            assert secrets._kind_found(kind, fast, lowered, True) == expected, kind
        assert secrets._kind_found(kind, pattern, text, False) == expected, kind


def test_link_kind_literals_examples() -> None:
    # each alternative of each pattern, alone and in a link: found with its literals, as by the search
    for link in ("https://x.example/reset_password?t=1", "https://x.example/password-recovery/1",
                 "https://x.example/forgot.password", "https://x.example/recover/abc", "https://x.example/recovery/",
                 "https://x.example/reset/", "https://x.example/?a=1&mkt_unsub=1", "https://x.example/opt-out",
                 "https://x.example/optXout", "https://x.example/approve?x=1", "https://x.example/?handshake=1",
                 "https://x.example/invitation", "https://x.example/confirm", "https://x.example/mfarecovery",
                 "https://x.example/validate", "https://x.example/activate", "https://x.example/verify",
                 "https://x.example/sign_in/a?token=1", "https://x.example/login#code=1",
                 "https://x.example/auth/x?y=1&ticket=2", "https://x.example/a?token=1&auth", "https://x.example/"):
        lowered = link.lower()
        for kind, pattern in secrets._LINK_KINDS_ASCII:
            assert secrets._kind_found(kind, pattern, lowered, True) == _plain_kind(kind, link), (kind, link)


CONTEXT_PIECES = ["Reset ", "reset", " your ", "the ", "password", "Password", " reset", "redefinir ", "a ", "sua ",
                  "senha", "reimposta", "re", " la ", "Unsubscribe", "opt", "-", "out", "OptOut", "stop receiving",
                  "Abbestellen", "darse de baja", "approve", "Approved", "xapprove", "Genehmigen", "aprobar",
                  "Approuver", "aprovar", "approvare", "confirm", "Confirmation", "confirmar", "Confirmer",
                  "confermare", "Verify", "verifying", "VERIFICATION", "verifizieren", "verificar", "verificare",
                  " ", "\n", "_", "a", "1", ".", ":"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(CONTEXT_PIECES), max_size=12) | st.text(st.characters(max_codepoint=127), max_size=60))
def test_context_kind_literals_give_the_plain_search(pieces: list[str] | str) -> None:
    context = "".join(pieces)
    lowered = context.lower()
    for kind, pattern in secrets._CONTEXT_KINDS_ASCII:
        if pattern.search(lowered) is not None:
            assert any(literal in lowered for literal in secrets._CONTEXT_KIND_LITERALS[kind]), kind
    full = [kind for kind, pattern in secrets._CONTEXT_KINDS if pattern.search(context)]
    # an opaque link that says nothing itself (a query): named by its context alone
    assert secrets.link_kind("https://x.example/p?q=1", context) == (full[0] if full else None)


DOT_PIECES = ["a", "1", "-", ".", " ", "\n", "/", "?", "#", ":", "https://", "http://", "x.r.us-east-1.awstrack.me/L0/",
              "https:%2F%2Fconsole.aws.amazon.com%2F", "a.b.c.d/", "aws.amazon.com", "Amazon.com, Inc.", "e.g.",
              "\n/", "\n//", "@", "%", "<", ">", "x" * 64 + ".com/", ".com", "a.b", "é.com/"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DOT_PIECES), max_size=30))
def test_url_scan_with_dots_inside_links_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in secrets._url_matches(text)] == [m.span() for m in secrets._URL.finditer(text)]


def test_url_scan_long_tracking_text_equals_plain_regex() -> None:
    link = "https://x.r.us-east-1.awstrack.me/L0/https:%2F%2Fa.b.c.example%2Fp/1/0100-a.b.c/x=1"
    for text in (" see ".join([link] * 200), ("Amazon.com, Inc. " + link + "\n") * 100, "a." * 5000 + "b/",
                 "." * 10_000 + "a.b/"):
        assert [m.span() for m in secrets._url_matches(text)] == [m.span() for m in secrets._URL.finditer(text)]


DASHED_PIECES = ["-", "--", "a", "ab", "AB12", "x9", "abcdefghij", "abcdefghijk", "1", " ", "\n", ".", "_", "é", "Q7K",
                 "2XM", "-a", "a-", "0123456789", "ж", "/"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(DASHED_PIECES), max_size=30) | st.text(st.sampled_from("ab1-_ .é"), max_size=60))
def test_grouped_dashed_scan_equals_plain_regex(pieces: list[str] | str) -> None:
    text = "".join(pieces)
    assert [m.span() for m in secrets._grouped_dashed(text)] == \
        [m.span() for m in secrets._DD_GROUPED_DASHED.finditer(text)]


def test_grouped_dashed_scan_long_inputs_equal_plain_regex() -> None:
    for text in ("ab-" * 50_000, "abcdefghijk-" * 10_000, "a1-b2-c3 " * 10_000, "-" * 100_000 + "ab-cd",
                 "ab" * 50_000 + "-cd", "x-ab-cd-" * 10_000, "Q7K-2XM ABCD-1234 us-east-1 e-mail " * 1_000):
        assert [m.span() for m in secrets._grouped_dashed(text)] == \
            [m.span() for m in secrets._DD_GROUPED_DASHED.finditer(text)]
