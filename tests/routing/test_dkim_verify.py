"""routing.dkim_verify gives dkimpy 1.1.8's outcome for every rsa-sha256 signature: a differential test.

For each mail and each signature index (plus one past the last), the outcome of
``dkim.DKIM(raw, minkey=...).verify(idx, dnsfunc)`` (the reference, left in place) and of
``routing.dkim_verify.MailVerifier`` are compared: ``pass``, ``fail`` or the exception's type name
(authenticate's reasons name it). Mails: the shared samples with their DNS records, the shared
corpora, the attack corpus, and hypothesis-made mutations of mails signed at test time (byte flips,
added and reordered headers, white space, ``l=`` and appended text, every ``c=``, ``a=rsa-sha1``,
tampered ``b=``/``bh=``, tag changes ``x=``/``t=``/``i=``/``q=``/``v=``, keys of 512 to 2048 bits and
exponent 3, and key records with odd, missing, empty (revoked) or unknown ``v=``/``k=``/``h=``/``s=``/``t=``/``p=``).
Where routing.dkim_verify differs on purpose (:func:`_deliberate`): ``a=rsa-sha1`` is refused (RFC 8301 §3.1,
``WeakAlgorithmError``) and a ``k=ed25519`` record is read with ``cryptography`` (dkimpy, without PyNaCl, raises
``NaClNotFoundError``). Ed25519 signatures are made here from dkimpy's own canonicalization and header hashing
(:func:`_signed_ed25519`) and checked against what RFC 8463 expects.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections import Counter
from collections.abc import Callable
from functools import lru_cache, partial

import dkim
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from dkim.canonicalization import CanonicalizationPolicy
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from routing.dkim_verify import MailVerifier, WeakAlgorithmError
from routing.dns import StaticResolver, dkim_dnsfunc
from routing.signed_view import HeaderBlockError, body_of, header_block
from tests.conftest import shared_path
from tests.fixtures.attacks import attack_cases, dns_records

SELECTOR = b"diff"
DOMAIN = b"aws.com"
KEY_NAME = f"{SELECTOR.decode()}._domainkey.{DOMAIN.decode()}"


def _outcome(call: Callable[[], object]) -> str:
    try:
        return "pass" if call() else "fail"
    except Exception as exc:  # the same refusal must come out the same way
        return type(exc).__name__


def _compare(raw: bytes, lookup: StaticResolver, minkey: int = 1024) -> list[tuple[str, str]]:
    """(dkimpy, ours) per signature index, for a mail authenticate would verify (readable header block)."""
    try:
        block = header_block(raw)
    except HeaderBlockError:
        return []  # authenticate answers before any verification
    dnsfunc = dkim_dnsfunc(lookup)
    reference = dkim.DKIM(raw, minkey=minkey)
    ours = MailVerifier(block.fields, lambda: body_of(raw), minkey=minkey)
    return [(_outcome(partial(reference.verify, idx=i, dnsfunc=dnsfunc)), _outcome(partial(ours.verify, i, dnsfunc)))
            for i in range(len(block.values("dkim-signature")) + 1)]


def _deliberate(theirs: str, ours: str, raw: bytes, record: str = "plain") -> bool:
    """Where routing.dkim_verify differs from dkimpy on purpose: rsa-sha1 refused after the signature's own
    checks (never passes), and an RSA key published as k=ed25519 unreadable (dkimpy: no PyNaCl)."""
    if ours == "WeakAlgorithmError":
        return b"a=rsa-sha1" in raw
    return record == "ed25519" and theirs == "NaClNotFoundError" and ours == "fail"


def _assert_same(raws: list[bytes], lookup: StaticResolver) -> Counter[str]:
    seen: Counter[str] = Counter()
    for number, raw in enumerate(raws):
        for index, (theirs, ours) in enumerate(_compare(raw, lookup)):
            assert ours == theirs, f"mail {number}, signature {index}: dkimpy {theirs}, ours {ours}"
            seen[theirs] += 1
    return seen


# ---------------------------------------------------------------- real and corpus mail


def test_shared_samples_verify_as_with_dkimpy() -> None:
    samples = sorted(shared_path("aws-notices", "samples").glob("*.eml"))
    lookup = StaticResolver.from_json(shared_path("aws-notices", "dns", "records.json"))
    seen = _assert_same([p.read_bytes() for p in samples], lookup)
    assert seen["pass"] >= 50, seen  # the samples' signatures really verify


def test_shared_corpora_verify_as_with_dkimpy() -> None:
    mails = sorted(shared_path("corpora").glob("*/*.eml"))
    lookup = StaticResolver.from_json(shared_path("aws-notices", "dns", "records.json"))
    seen = _assert_same([p.read_bytes() for p in mails], lookup)
    assert sum(seen.values()) >= len(mails), seen


def test_attack_corpus_verifies_as_with_dkimpy() -> None:
    seen = _assert_same([case.raw for case in attack_cases()], StaticResolver(dns_records()))
    assert seen["pass"] >= 10 and seen["fail"] + seen["ValidationError"] >= 5, seen


# ---------------------------------------------------------------- keys and signed mails made here


def _is_prime(n: int) -> bool:
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    if any(n % p == 0 for p in small):
        return n in small
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for a in small:  # Miller-Rabin
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int) -> int:
    while True:
        candidate = secrets.randbits(bits) | (1 << (bits - 1)) | 1
        if (candidate - 1) % 65537 and _is_prime(candidate):
            return candidate


@lru_cache(maxsize=8)
def _key(kind: str) -> rsa.RSAPrivateKey:
    """"1024", "2048", "e3" (exponent 3) or "512" (too short: built by hand, cryptography makes none)."""
    if kind == "512":
        p, q = _prime(256), _prime(256)
        e, n = 65537, p * q
        d = pow(e, -1, (p - 1) * (q - 1))
        numbers = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, n))
        return numbers.private_key(unsafe_skip_rsa_key_validation=True)
    if kind == "e3":
        return rsa.generate_private_key(public_exponent=3, key_size=1024)
    return rsa.generate_private_key(public_exponent=65537, key_size=int(kind))


def _pem(kind: str) -> bytes:
    return _key(kind).private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                    serialization.NoEncryption())


def _p(kind: str, form: str = "spki") -> str:
    public = _key(kind).public_key()
    der = public.public_bytes(serialization.Encoding.DER,
                              serialization.PublicFormat.SubjectPublicKeyInfo if form == "spki"
                              else serialization.PublicFormat.PKCS1)
    return base64.b64encode(der).decode("ascii")


def _record(kind: str, variant: str) -> str | None:
    p = _p(kind)
    return {
        "plain": f"v=DKIM1; k=rsa; p={p}",
        "bare": f"p={p}",
        "pkcs1": f"v=DKIM1; p={_p(kind, 'pkcs1')}",
        "v2": f"v=DKIM2; k=rsa; p={p}",
        "ed25519": f"v=DKIM1; k=ed25519; p={p}",
        "k-unknown": f"v=DKIM1; k=dsa; p={p}",
        "revoked": "v=DKIM1; k=rsa; p=",
        "testing": f"v=DKIM1; t=y; p={p}",
        "h-sha1": f"v=DKIM1; h=sha1; p={p}",
        "h-sha256": f"v=DKIM1; h=sha256; p={p}",
        "s-email": f"v=DKIM1; s=email; p={p}",
        "s-tlsrpt": f"v=DKIM1; s=tlsrpt; p={p}",
        "s-unknown": f"v=DKIM1; s=ftp; p={p}",
        "truncated": f"v=DKIM1; p={p[:-20]}",
        "bad-base64": f"v=DKIM1; p={p[:40]}!{p[41:]}",
        "duplicate": f"v=DKIM1; p={p}; p={p}",
        "garbage": "this is not a key record",
        "absent": "",
    }[variant] or None


RECORD_VARIANTS = ("plain", "bare", "pkcs1", "v2", "ed25519", "k-unknown", "revoked", "testing", "h-sha1",
                   "h-sha256", "s-email", "s-tlsrpt", "s-unknown", "truncated", "bad-base64", "duplicate",
                   "garbage", "absent")

BODY = (b"Hello,\r\n\r\nYour  account\t123456789012 needs attention.  \r\n"
        b"Visit https://console.aws.amazon.com/billing/home  \r\n\r\n\r\n")
HEADERS = (b"From: Amazon Web Services <no-reply@aws.com>\r\nTo: root@roots.example\r\n"
           b"Subject: Your  AWS\r\n  account\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\n"
           b"Message-ID: <1@aws.com>\r\nX-Extra: \t spaced \r\n")


def _signed(kind: str, canon: tuple[bytes, bytes], length: bool, identity: bytes | None,
            algorithm: bytes = b"rsa-sha256", body: bytes = BODY) -> bytes:
    raw = HEADERS + b"\r\n" + body
    header = dkim.sign(raw, SELECTOR, DOMAIN, _pem(kind), identity=identity, canonicalize=canon, length=length,
                       signature_algorithm=algorithm,
                       include_headers=[b"from", b"to", b"subject", b"date", b"message-id", b"from"])
    return bytes(header) + raw


def _lookup(kind: str, variant: str = "plain") -> StaticResolver:
    record = _record(kind, variant)
    return StaticResolver({KEY_NAME: record} if record is not None else {})


_B_VALUE = re.compile(rb"[;\s]b=((?:[A-Za-z0-9+/= \t]|\r\n[ \t])+)")


def _b_value(raw: bytes) -> bytes:
    found = _B_VALUE.search(raw)
    assert found is not None
    return found.group(1)


def _with_signature(raw: bytes, signature: bytes) -> bytes:
    """``raw`` with its b= value replaced by ``signature`` (base64)."""
    old = _b_value(raw)
    return raw.replace(old, base64.b64encode(signature), 1)


def test_unaltered_signatures_pass_in_both_for_every_canonicalization() -> None:
    for canon in ((b"simple", b"simple"), (b"relaxed", b"simple"), (b"simple", b"relaxed"), (b"relaxed", b"relaxed")):
        for length in (False, True):
            raw = _signed("1024", canon, length, None)
            assert _compare(raw, _lookup("1024"))[0] == ("pass", "pass"), (canon, length)


def test_signature_read_as_an_integer_like_dkimpy_does() -> None:
    """dkimpy computes pow(s, e, n) of the b= bytes read as a number: a leading zero byte, or s + n,
    is the same signature to it; OpenSSL alone would refuse both (its length check)."""
    key = _key("1024")
    n = key.public_key().public_numbers().n
    raw = _signed("1024", (b"relaxed", b"simple"), False, None)
    signature = base64.b64decode(re.sub(rb"\s+", b"", _b_value(raw)))
    as_int = int.from_bytes(signature, "big")
    plus_n = (as_int + n).to_bytes((as_int + n).bit_length() // 8 + 1, "big")
    for variant in (b"\x00" + signature, plus_n, b"\x00\x00" + plus_n, signature[1:], signature[:-1]):
        results = _compare(_with_signature(raw, variant), _lookup("1024"))
        assert results[0][0] == results[0][1]
    assert _compare(_with_signature(raw, plus_n), _lookup("1024"))[0] == ("pass", "pass")


def test_short_keys_refused_like_dkimpy() -> None:
    raw = _signed("512", (b"relaxed", b"simple"), False, None)
    assert _compare(raw, _lookup("512"))[0] == ("KeyFormatError", "KeyFormatError")
    raw = _signed("1024", (b"relaxed", b"simple"), False, None)
    results = _compare(raw, _lookup("1024"), minkey=2048)
    assert results[0] == ("KeyFormatError", "KeyFormatError")


def _header_lines(raw: bytes) -> tuple[list[bytes], bytes]:
    head, _, body = raw.partition(b"\r\n\r\n")
    fields: list[bytes] = []
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b"\r\n" + line
        else:
            fields.append(line)
    return fields, body


def _mutate(raw: bytes, kind: str, at: int, value: int) -> bytes:
    # complexity: one branch per mutation kind, each a line or two
    fields, body = _header_lines(raw)
    position = at % max(len(raw), 1)
    if kind == "flip":
        return raw[:position] + bytes([value % 256]) + raw[position + 1:]
    if kind == "add-header":
        added = [b"X-Added: yes", b"From: Mallory <m@evil.example>", b"Subject: altered",
                 b"To: other@evil.example", b"DKIM-Signature: v=1; d=evil.example"][value % 5]
        fields.insert(at % (len(fields) + 1), added)
    elif kind == "swap-headers" and len(fields) > 1:
        i, j = at % len(fields), value % len(fields)
        fields[i], fields[j] = fields[j], fields[i]
    elif kind == "space":
        spaces = [m.start() for m in re.finditer(rb" ", raw)]
        if spaces:
            where = spaces[at % len(spaces)]
            return raw[:where] + [b"  ", b"\t", b" \t", b""][value % 4] + raw[where + 1:]
    elif kind == "trailing-space":
        ends = [m.start() for m in re.finditer(rb"\r?\n", raw)]
        where = ends[at % len(ends)]
        return raw[:where] + b" " + raw[where:]
    elif kind == "body-append":
        body += [b"More text.\r\n", b"\r\n\r\n", b"", b"P.S. click https://evil.example\r\n"][value % 4]
    elif kind == "lf":
        return raw.replace(b"\r\n", b"\n")
    elif kind == "tag":
        extra = [b" x=1000;", b" x=99999999999;", b" t=99999999999;", b" t=1; x=0;", b" q=dns/foo;",
                 b" v=2;", b" a=rsa-sha512;", b" i=@evil.example;", b" i=@sub.aws.com;", b" l=;",
                 b" l=5;", b" c=relaxed/odd;", b" c=simple/simple/simple;", b" h=;", b" d=amazon.com;"][value % 15]
        return raw.replace(b"DKIM-Signature: ", b"DKIM-Signature:" + extra + b" ", 1)
    elif kind == "b-tamper":
        if _B_VALUE.search(raw) is None:
            return raw  # already tampered beyond reading
        old = _b_value(raw)
        i = at % max(len(old.strip()), 1)
        new = old[:i] + [b"A", b"=", b"!", b"", b"AAAA"][value % 5] + old[i + 1:]
        return raw.replace(old, new, 1)
    elif kind == "bh-tamper":
        return re.sub(rb"bh=[A-Za-z0-9+/]", [b"bh=A", b"bh=", b"bh=*"][value % 3], raw, count=1)
    return b"\r\n".join(fields) + b"\r\n\r\n" + body


MUTATIONS = ("flip", "add-header", "swap-headers", "space", "trailing-space", "body-append", "lf", "tag",
             "b-tamper", "bh-tamper")
CANONS = ((b"simple", b"simple"), (b"relaxed", b"simple"), (b"simple", b"relaxed"), (b"relaxed", b"relaxed"),
          (b"relaxed", b"relaxed"))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(key_kind=st.sampled_from(["1024", "1024", "2048", "e3", "512"]),
       canon=st.sampled_from(CANONS),
       length=st.booleans(),
       identity=st.sampled_from([None, b"@aws.com", b"alerts@sub.aws.com", b"x@evilaws.com"]),
       algorithm=st.sampled_from([b"rsa-sha256", b"rsa-sha256", b"rsa-sha256", b"rsa-sha1"]),
       record=st.sampled_from(("plain",) * 8 + RECORD_VARIANTS),
       mutations=st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10_000), st.integers(0, 255)),
                          max_size=3))
def test_mutated_signed_mail_verifies_as_with_dkimpy(key_kind: str, canon: tuple[bytes, bytes], length: bool,
                                                     identity: bytes | None, algorithm: bytes, record: str,
                                                     mutations: list[tuple[str, int, int]]) -> None:
    raw = _signed(key_kind, canon, length, identity, algorithm)
    for kind, at, value in mutations:
        raw = _mutate(raw, kind, at, value)
    for index, (theirs, ours) in enumerate(_compare(raw, _lookup(key_kind, record))):
        assert ours == theirs or _deliberate(theirs, ours, raw, record), \
            f"signature {index}: dkimpy {theirs}, ours {ours}"
        event(f"signature {index}: {theirs}")


@pytest.mark.parametrize("record", RECORD_VARIANTS)
def test_each_key_record_variant_as_with_dkimpy(record: str) -> None:
    raw = _signed("1024", (b"relaxed", b"simple"), False, None)
    theirs, ours = _compare(raw, _lookup("1024", record))[0]
    assert ours == theirs or _deliberate(theirs, ours, raw, record)
    if record in ("plain", "bare", "pkcs1", "h-sha256", "s-email", "testing"):
        assert ours == "pass"


def test_rsa_sha1_is_refused_before_any_look_up() -> None:
    """RFC 8301 §3.1: rsa-sha1 MUST NOT be used for verifying (dkimpy passes this signature)."""
    raw = _signed("1024", (b"relaxed", b"simple"), False, None, b"rsa-sha1")
    looked_up: list[bytes] = []
    read: list[int] = []

    def dnsfunc(name: bytes, timeout: int = 5) -> bytes | None:
        looked_up.append(name)
        return dkim_dnsfunc(_lookup("1024"))(name, timeout=timeout)

    def body() -> bytes:
        read.append(1)
        return body_of(raw)

    assert _compare(raw, _lookup("1024"))[0] == ("pass", "WeakAlgorithmError")
    with pytest.raises(WeakAlgorithmError, match="RFC 8301"):
        MailVerifier(header_block(raw).fields, body).verify(0, dnsfunc)
    assert looked_up == [] and read == []


# ---------------------------------------------------------------- ed25519-sha256 (RFC 8463)


@lru_cache(maxsize=1)
def _ed_key() -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.generate()


def _ed_p(key: ed25519.Ed25519PrivateKey | None = None) -> str:
    public = (key or _ed_key()).public_key()
    return base64.b64encode(public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)).decode()


def _signed_ed25519(c: bytes = b"relaxed/relaxed", body: bytes = BODY, headers: bytes = HEADERS,
                    names: tuple[bytes, ...] = (b"from", b"to", b"subject", b"date", b"message-id", b"from"),
                    key: ed25519.Ed25519PrivateKey | None = None) -> bytes:
    """A mail signed with a=ed25519-sha256 as RFC 8463 §3 says, from dkimpy's own pieces (not ours): its
    canonicalization and ``hash_headers`` make the SHA-256 data hash, which Ed25519 signs."""
    raw = headers + b"\r\n" + body
    fields, parsed_body = dkim.rfc822_parse(raw)
    policy = CanonicalizationPolicy.from_c_value(c)
    bh = base64.b64encode(hashlib.sha256(policy.canonicalize_body(parsed_body)).digest())
    value = (b" v=1; a=ed25519-sha256; c=" + c + b"; d=" + DOMAIN + b"; s=" + SELECTOR + b";\r\n h="
             + b":".join(names) + b"; bh=" + bh + b";\r\n b=")
    hasher = hashlib.sha256()
    dkim.hash_headers(hasher, policy, policy.canonicalize_headers(fields), list(names), (b"DKIM-Signature", value),
                      dkim.util.parse_tag_value(value))
    return b"DKIM-Signature:" + value + base64.b64encode((key or _ed_key()).sign(hasher.digest())) + b"\r\n" + raw


def _ed_outcome(raw: bytes, record: str | None) -> str:
    lookup = StaticResolver({KEY_NAME: record} if record is not None else {})
    verifier = MailVerifier(header_block(raw).fields, partial(body_of, raw))
    return _outcome(partial(verifier.verify, 0, dkim_dnsfunc(lookup)))


@pytest.mark.parametrize("c", [b"simple/simple", b"relaxed/simple", b"simple/relaxed", b"relaxed/relaxed"])
def test_ed25519_signatures_verify_for_every_canonicalization(c: bytes) -> None:
    raw = _signed_ed25519(c)
    assert _ed_outcome(raw, f"v=DKIM1; k=ed25519; p={_ed_p()}") == "pass"
    assert _ed_outcome(raw.replace(b"needs attention", b"needs attentioN"), f"k=ed25519; p={_ed_p()}") \
        == "ValidationError"  # body hash
    assert _ed_outcome(raw.replace(b"Subject: Your", b"Subject: Our"), f"k=ed25519; p={_ed_p()}") == "fail"
    other = ed25519.Ed25519PrivateKey.generate()
    assert _ed_outcome(raw, f"v=DKIM1; k=ed25519; p={_ed_p(other)}") == "fail"


@pytest.mark.parametrize(("record", "expected"), [
    ("v=DKIM1; k=ed25519; s=email; p={p}", "pass"),
    ("v=DKIM1; k=ed25519; s=tlsrpt; p={p}", "ValidationError"),  # dkimpy: a tlsrpt key, a mail that is not
    ("v=DKIM1; k=ed25519; s=ftp; p={p}", "UnknownKeyTypeError"),  # dkimpy: an unknown service type, no key
    ("v=DKIM2; k=ed25519; p={p}", "fail"),  # bad version: no usable key
    ("v=DKIM1; k=ed25519; p={short}", "fail"),  # not 32 bytes
    ("v=DKIM1; k=ed25519; p=!!!", "fail"),
    ("v=DKIM1; k=ed25519", "fail"),  # no p=
    ("v=DKIM1; k=rsa; p={rsa}", "KeyFormatError"),  # an RSA key for a=ed25519-sha256: RFC 6376 §6.1.2
    (None, "fail")])
def test_ed25519_key_records(record: str | None, expected: str) -> None:
    short = base64.b64encode(b"x" * 31).decode()
    text = None if record is None else record.format(p=_ed_p(), short=short, rsa=_p("1024"))
    assert _ed_outcome(_signed_ed25519(), text) == expected


def test_an_ed25519_key_for_an_rsa_sha256_signature_is_inappropriate() -> None:
    raw = _signed("1024", (b"relaxed", b"simple"), False, None)
    assert _ed_outcome(raw, f"v=DKIM1; k=ed25519; p={_ed_p()}") == "KeyFormatError"


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"Subject: x", b"From: a@b", b" folded", b"\tfolded", b"", b"From mbox line",
                                 b"bad header", b"body \r text", b"X-A:b", b".", b"\r", b" "]),
                max_size=14),
       st.lists(st.sampled_from([b"\r\n", b"\n", b"\r\r\n", b"\n\n", b"\r\n\r\n"]), min_size=1, max_size=12))
def test_body_is_dkimpys_body_for_every_readable_header_block(lines: list[bytes], ends: list[bytes]) -> None:
    raw = b"".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    try:
        header_block(raw)
    except HeaderBlockError:
        return  # authenticate reads no body of such a mail
    assert body_of(raw) == bytes(dkim.rfc822_parse(raw)[1])


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=40), st.lists(st.sampled_from([b"a", b"B", b" ", b"\t", b"\r", b"\n", b"\r\n", b"\r\n ",
                                                         b"\x0b", b"\x0c", b"\xff", b":"]), max_size=30))
def test_relaxed_header_canonicalization_is_dkimpys(noise: bytes, pieces: list[bytes]) -> None:
    from dkim.canonicalization import Relaxed

    from routing.dkim_verify import _relaxed

    value = b"".join(pieces) + noise
    assert _relaxed(b"Subject ", value) == tuple(Relaxed.canonicalize_headers([(b"Subject ", value)])[0])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([b"From", b"SUBJECT", b"X-A ", b"to\t"]),
                          st.lists(st.sampled_from([b"a", b" ", b"  ", b"\t", b"\r", b"\n", b"\r\n", b"\r\n ", b"\x00",
                                                    b"\x0b", b"\xff"]), max_size=12).map(b"".join)), max_size=6))
def test_speed_relaxed_fields_at_once_are_relaxed_one_by_one(fields: list[tuple[bytes, bytes]]) -> None:
    from routing.dkim_verify import _relaxed, _relaxed_fields

    one_by_one = b"".join(name + b":" + value for name, value in (_relaxed(n, v) for n, v in fields))
    assert b"".join(_relaxed_fields(fields)) == one_by_one


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"From", b"from", b"To", b"Subject", b"X-A", b"SUBJECT"]), max_size=10),
       st.lists(st.sampled_from([b"from", b"to", b"subject", b"x-a", b"cc"]), max_size=10))
def test_header_selection_is_dkimpys(names: list[bytes], signed: list[bytes]) -> None:
    fields = [(name, b" value %d\r\n" % i) for i, name in enumerate(names)]
    verifier = MailVerifier(fields, bytes)
    assert verifier._select(signed) == [tuple(f) for f in dkim.select_headers(fields, signed)]


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=60))
def test_whitespace_removal_of_b_and_bh_is_the_regexs(value: bytes) -> None:
    from routing.dkim_fields import WSP_BYTES as _WSP_BYTES

    assert value.translate(None, _WSP_BYTES) == re.sub(rb"\s+", b"", value)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from([b"b", b"=", b";", b" ", b"\t", b"\r", b"\n", b"\r\n", b"\r\n ", b"A", b"9", b"+",
                                 b"/", b"bh", b"\x0b", b"\x0c", b"-", b"\xff", b" b=", b";b="]), max_size=40))
def test_emptying_b_is_dkimpys(pieces: list[bytes]) -> None:
    from routing.dkim_verify import _BTAG

    value = b"".join(pieces)
    assert _BTAG.sub(b"\\1", value) == dkim.RE_BTAG.sub(b"\\1", value)
