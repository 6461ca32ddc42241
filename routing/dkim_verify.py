"""DKIM signature verification (RFC 6376 §6.1) with dkimpy 1.1.8's outcome, in linear work for every algorithm.

Owns :class:`MailVerifier`, a drop-in for ``dkim.DKIM(raw, minkey=1024).verify(idx, dnsfunc)``: the
same ``True``/``False`` and the same exception types, for every ``a=rsa-sha256`` signature of every mail
(tests/routing/test_dkim_verify.py runs both over the shared samples, the corpora, the attack
corpus and hypothesis-made mutations of signed mails); the other algorithms are below. dkimpy's own
``verify`` is never called: its relaxed body canonicalization and ``select_headers`` are quadratic on
hostile input (any signer who publishes a key reaches them). The steps are dkimpy's ``DKIM.verify``
(``verify_headerprep``, ``verify_sig``, ``verify_sig_process``) in its order, and every step that
decides calls dkimpy's own public functions: ``dkim.util.parse_tag_value`` and
``dkim.validate_signature_fields`` (tags, ``x=``/``t=`` times, ``i=`` inside ``d=``; both as restated with
compiled patterns by :mod:`routing.dkim_fields`, differential-tested), ``dkim.evaluate_pk``
(the key record: ``v=``, ``k=``, ``p=`` empty is revoked, ``s=``), ``CanonicalizationPolicy``,
``dkim.select_headers``. What differs is how, not what:

* the header fields and the body are :mod:`routing.signed_view`'s (``header_block``, ``body_of``),
  which are dkimpy's ``rfc822_parse`` (property tests) without splitting the whole mail again;
* only the header instances ``h=`` selects are canonicalized (dkimpy canonicalizes every field and
  then selects; canonicalization works field by field and selection compares lower-cased names,
  which relaxed canonicalization leaves as they are apart from case); ``select_headers`` and the
  relaxed header canonicalization are restated with the names lower-cased once and compiled
  patterns (the differential test covers both ``c=`` header algorithms);
* ``b=`` is emptied with :data:`_BTAG`, ``dkim.RE_BTAG`` written without its nested optional white
  space (``FWS`` = ``(?:(?:\\s*\\r?\\n)?\\s+)?`` matches exactly the strings ``\\s*`` matches, and each
  repetition can end in one place only, so both find the same matches), which backtracks far less
  (property test against ``dkim.RE_BTAG``);
* a key record's evaluation (ASN.1 parse of ``p=``) is cached by the record's text, since
  ``evaluate_pk`` is a function of it alone (failures are not cached);
* for ``a=rsa-sha256`` with an ordinary RSA key (1024-8192 bits, odd exponent 3 .. 2**32) the RSA
  public operation runs in OpenSSL (``cryptography``) instead of Python integers. dkimpy computes
  ``pow(s, e, n)`` for the signature bytes read as an integer ``s`` of any length and compares the
  result with its EMSA-PKCS1-v1_5 block; the signature is therefore first reduced modulo ``n`` and
  written in the modulus' length (what OpenSSL requires), and OpenSSL's RSASSA-PKCS1-v1_5 check
  (RFC 8017 §8.2.2: padding 00 01 FF..FF 00, then the DER DigestInfo compared byte for byte) accepts
  exactly the block dkimpy builds. Other keys use dkimpy's ``RSASSA_PKCS1_v1_5_verify``.

The other algorithms, through the same linear steps:

* ``a=rsa-sha1`` is refused (:class:`WeakAlgorithmError`) before any key look-up: RFC 8301 §3.1, "rsa-sha1
  MUST NOT be used for signing or verifying". dkimpy verifies it; no sample, corpus or fixture mail uses it.
* ``a=ed25519-sha256`` (RFC 8463: the RFC 6376 §3.7 hashes with SHA-256, the data hash signed with
  PureEdDSA Ed25519) needs a ``k=ed25519`` key record (``p=``: the 32-byte public key in base64), read here
  with ``cryptography`` (dkimpy needs PyNaCl, not installed: its ``evaluate_pk`` raises
  ``NaClNotFoundError`` for every such record) and checked by ``cryptography``'s Ed25519.
* A key of the other type than ``a=`` names (an RSA key for ``a=ed25519-sha256``, an Ed25519 key for
  ``a=rsa-sha256``) is refused before the body is read, ``KeyFormatError`` (RFC 6376 §6.1.2: a key not
  suitable for the algorithm is a PERMFAIL, "inappropriate key algorithm"); dkimpy instead checks the
  signature with whatever the key is.
* A key record of an unknown service type (``s=``) gives dkimpy's ``UnknownKeyTypeError`` after the
  hashes, a ``s=tlsrpt`` key dkimpy's ``ValidationError`` before them, as dkimpy does.

Key records are published by whoever owns the signing domain (any sender), so what is read of them is
bounded; a record outside the bounds is no usable key (``KeyFormatError``: the signature fails, as for
a missing key), where dkimpy would spend seconds of Python arithmetic on it:

* a record longer than :data:`MAX_KEY_RECORD_BYTES` is not parsed (dkimpy's ASN.1 reader and ``str2int``
  build the modulus a byte at a time, quadratic: a 64 KB record with a 400,000-bit modulus 1.3 s);
* an RSA modulus over :data:`MAX_RSA_KEY_BITS` is refused. RFC 8301 §3.2: "Verifiers MUST be able to
  validate signatures with keys ranging from 1024 bits to 4096 bits, and they MAY be able to validate
  signatures with larger keys"; 8192 bits are validated (in OpenSSL), more are not;
* an RSA public exponent that is even, below 3 or not below 2**32 is refused (RFC 8017 §3.1: an odd
  ``e`` from 3 up; dkimpy's ``pow(s, e, n)`` costs a modular squaring per bit of ``e``: an 8192-bit key with
  an 8192-bit exponent 1.9 s per signature). Real keys use 65537 or 3.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import operator
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import dkim
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa, utils
from dkim.canonicalization import (
    CanonicalizationPolicy,
    InvalidCanonicalizationPolicyError,
    Relaxed,
    correct_empty_body,
    strip_trailing_lines,
)
from dkim.crypto import DigestTooLargeError, RSASSA_PKCS1_v1_5_verify
from dkim.util import InvalidTagValueList
from dkim.util import parse_tag_value as parse_key_record

from routing.dkim_fields import WSP_BYTES as _WSP_BYTES
from routing.dkim_fields import parse_tag_value, validate_signature_fields
from routing.signed_view import instances_by_name

__all__ = ["MailVerifier", "WeakAlgorithmError", "canonical_body"]

DnsFunc = Callable[..., bytes | None]
_TIMEOUT = 5  # dkimpy's default, passed to dnsfunc as dkimpy does
_H_SPLIT = re.compile(rb"\s*:\s*")
_WSP_RUN = re.compile(rb"\t[\t ]*| [\t ]+")  # the runs of [\t ] that are not one space already
_SPACE_RUN = re.compile(rb"  +")  # the same in a body without a tab: led by its literal, which re scans for fast
_CACHE_SIZE = 512
# dkim.RE_BTAG = ([;\s]b FWS =)(?:FWS [a-zA-Z0-9+/=])*(?:\r?\n\Z)? with FWS read as \s* (see the docstring),
# each match taken from its "b" (a literal: re scans for it fast) with the [;\s] before it a look-behind: that
# character stays as it is in both forms (the group keeps it), and no match ends on a [;\s] (only the
# optional final line break at the very end), so a look-behind never sees one the match before consumed;
# the same substitution (tests/routing/test_dkim_verify.py against dkim.RE_BTAG)
_BTAG = re.compile(rb"(b(?<=[;\s]b)\s*=)[a-zA-Z0-9+/=]*(?:\s+[a-zA-Z0-9+/=]+)*(?:\r?\n\Z)?")
# each match of _BTAG replaced by its group 1: what the template b"\\1" gives (the group takes part in every match),
# without re expanding the template in Python per match (tests/routing/test_speed_s32_auth.py)
_BTAG_KEEP = operator.methodcaller("group", 1)
_PKCS1 = padding.PKCS1v15()
_PREHASHED_SHA256 = utils.Prehashed(hashes.SHA256())
_KEY_TYPES = {b"rsa-sha256": b"rsa", b"ed25519-sha256": b"ed25519"}  # a= and the k= its key must have
#: the longest DKIM key record read: an 8192-bit RSA key's record is about 1,450 bytes, a 4096-bit one 800
MAX_KEY_RECORD_BYTES = 4096
#: the largest RSA modulus verified, in bits (RFC 8301 §3.2: verifiers must take 1024-4096 bits, may take more)
MAX_RSA_KEY_BITS = 8192
_MAX_RSA_EXPONENT = 2**32  # exclusive; the exponents real keys use are 65537 and 3


class WeakAlgorithmError(dkim.ValidationError):  # type: ignore[misc]  # dkimpy has no type hints
    """An ``a=rsa-sha1`` signature: not verified (RFC 8301 §3.1: rsa-sha1 MUST NOT be used for verifying)."""


@dataclass(frozen=True, slots=True)
class _Key:
    """``dkim.evaluate_pk``'s answer for one record, and the OpenSSL key when the fast path applies."""

    pk: Any
    keysize: int | None
    ktag: bytes | None
    seqtlsrpt: bool
    openssl: rsa.RSAPublicKey | None


_keys: dict[bytes, _Key] = {}
_keys_lock = threading.Lock()


def _openssl_key(pk: Any, ktag: bytes | None) -> rsa.RSAPublicKey | None:
    """The key as OpenSSL's, when OpenSSL takes it with no limit of its own in the way (RSA public
    operations refuse moduli over 16384 bits and, above 3072 bits, exponents over 64 bits)."""
    if ktag != b"rsa" or not isinstance(pk, dict):
        return None
    n, e = pk.get("modulus"), pk.get("publicExponent")
    if not (isinstance(n, int) and isinstance(e, int)):
        return None
    if not (1024 <= n.bit_length() <= 8192 and n % 2 == 1 and e % 2 == 1 and 3 <= e < 2**32 and e < n):
        return None
    try:
        return rsa.RSAPublicNumbers(e, n).public_key()
    except Exception:  # OpenSSL refuses it: dkimpy's arithmetic decides
        return None


def _ed25519_key(name: bytes, record: bytes) -> tuple[Any, int | None, bytes | None, bool]:
    """``dkim.evaluate_pk`` for a ``k=ed25519`` record (dkimpy gets only as far as ``NaClNotFoundError``
    without PyNaCl): the key as ``cryptography``'s, then dkimpy's reading of ``s=`` (an unknown service type
    is no key type, ``tlsrpt`` marks the key)."""
    pub = parse_key_record(record)  # evaluate_pk parsed it already: no error here
    try:
        pk: Any = ed25519.Ed25519PublicKey.from_public_bytes(base64.b64decode(pub[b"p"]))
    except KeyError as exc:
        raise dkim.KeyFormatError(f"incomplete ed25519 public key: {name!r}") from exc
    except ValueError as exc:  # binascii.Error is one; a length other than 32 bytes another
        raise dkim.KeyFormatError(f"could not parse ed25519 public key ({pub[b'p']!r}): {exc}") from exc
    service = pub.get(b"s", b"*")
    if service not in (b"*", b"email", b"tlsrpt"):
        return None, None, None, False
    return pk, 256, b"ed25519", service == b"tlsrpt"


def _public_key(name: bytes, record: bytes | None) -> _Key:
    """``dkim.evaluate_pk(name, record)`` (Ed25519 keys by :func:`_ed25519_key`), cached by the record (its
    exceptions propagate, uncached)."""
    if record is not None:
        with _keys_lock:
            cached = _keys.get(record)
        if cached is not None:
            return cached
        if len(record) > MAX_KEY_RECORD_BYTES:
            raise dkim.KeyFormatError(f"key record of {len(record)} bytes, over {MAX_KEY_RECORD_BYTES}: not read")
    try:
        pk, keysize, ktag, seqtlsrpt = dkim.evaluate_pk(name, record)
    except dkim.NaClNotFoundError:  # raised for k=ed25519 only, after v= and k= were read
        assert record is not None
        pk, keysize, ktag, seqtlsrpt = _ed25519_key(name, record.encode("ascii") if isinstance(record, str)
                                                    else record)
    if ktag == b"ed25519" and not isinstance(pk, ed25519.Ed25519PublicKey):  # PyNaCl's VerifyKey: its 32 bytes
        pk = ed25519.Ed25519PublicKey.from_public_bytes(bytes(pk))
    if ktag == b"rsa":
        _check_rsa_bounds(pk)
    key = _Key(pk, keysize, ktag, bool(seqtlsrpt), _openssl_key(pk, ktag))
    if record is not None:
        with _keys_lock:
            if len(_keys) >= _CACHE_SIZE:
                _keys.pop(next(iter(_keys)))
            _keys[record] = key
    return key


def _check_rsa_bounds(pk: Any) -> None:
    """Raise ``KeyFormatError`` for an RSA key over :data:`MAX_RSA_KEY_BITS` or with an exponent that is
    even, below 3 or not below 2**32 (see the module docstring: RFC 8301 §3.2, RFC 8017 §3.1)."""
    if not isinstance(pk, dict):
        return  # dkimpy's own errors decide
    n, e = pk.get("modulus"), pk.get("publicExponent")
    if not (isinstance(n, int) and isinstance(e, int)):
        return  # dkimpy's own errors decide
    if n.bit_length() > MAX_RSA_KEY_BITS:
        raise dkim.KeyFormatError(f"RSA key of {n.bit_length()} bits, over {MAX_RSA_KEY_BITS} (RFC 8301 §3.2)")
    if not (3 <= e < _MAX_RSA_EXPONENT and e % 2 == 1):
        raise dkim.KeyFormatError(f"RSA public exponent of {e.bit_length()} bits: not an odd number from 3 "
                                  f"below 2**32")


def _one_space(unfolded: bytes) -> bytes:
    """``_WSP_RUN.sub(b" ", unfolded)``: every run of ``[\\t ]`` made one space (each match of :data:`_WSP_RUN`
    starts where its run starts and takes it whole, and a run it does not match is one space already). Here
    every tab is made a space first, which leaves each run a run of spaces of the same length, then the runs
    of two spaces or more are made one (:data:`_SPACE_RUN`, led by its literal, which re scans for fast,
    where :data:`_WSP_RUN` is tried at every byte): the same bytes, in linear work either way
    (tests/routing/test_speed_s32_auth.py). Without a tab or two spaces in a row nothing changes."""
    if b"\t" in unfolded:
        unfolded = unfolded.replace(b"\t", b" ")
    return _SPACE_RUN.sub(b" ", unfolded) if b"  " in unfolded else unfolded


def _relaxed(name: bytes, value: bytes) -> tuple[bytes, bytes]:
    """``Relaxed.canonicalize_headers([(name, value)])[0]`` (RFC 6376 §3.4.2) with compiled patterns:
    dkimpy removes ``\\r?\\n`` (= every CRLF, then every LF) and makes runs of ``[\\t ]`` one space."""
    unfolded = _one_space(value.replace(b"\r\n", b"").replace(b"\n", b""))
    return name.lower().rstrip(), unfolded.strip() + b"\r\n"


def _relaxed_fields(fields: Sequence[tuple[bytes, bytes]]) -> list[bytes]:
    """The pieces to hash of ``fields`` after :func:`_relaxed` (name, ":", value, CRLF each), with the
    values unfolded and their white-space runs made one space all at once: joined with NUL, which
    neither step touches or moves (a CRLF, an LF or a run of [\\t ] holds none), and split again; field by
    field when a value holds a NUL itself (tests/routing/test_dkim_verify.py compares with :func:`_relaxed`)."""
    values = b"\0".join([value for _, value in fields])
    hashed: list[bytes] = []
    if values.count(b"\0") >= len(fields):  # a value holds a NUL (or there is no field)
        for name, value in fields:
            relaxed_name, relaxed_value = _relaxed(name, value)
            hashed += (relaxed_name, b":", relaxed_value)
        return hashed
    unfolded = _one_space(values.replace(b"\r\n", b"").replace(b"\n", b""))
    for (name, _), value in zip(fields, unfolded.split(b"\0"), strict=True):
        hashed += (name.lower().rstrip(), b":", value.strip(), b"\r\n")
    return hashed


def canonical_body(policy: CanonicalizationPolicy, body: bytes) -> bytes:
    """``policy.canonicalize_body(body)`` (RFC 6376 §3.4.3, §3.4.4) in linear work. dkimpy's relaxed
    algorithm first removes white space before each line end with ``re.sub(b"[\\t ]+\\r\\n", …)``,
    which is tried from every space of a run that no CRLF ends: quadratic in the run (64,000 spaces in a
    body: 13.4 s, before the signature is checked, for any signer's key). Here each line (split at CRLF)
    but the last loses its trailing spaces and tabs: the same bytes (a run of them cannot hold a CRLF);
    then dkimpy's ``compress_whitespace`` (as :func:`_compressed`), its own ``strip_trailing_lines`` and
    ``correct_empty_body`` (linear). The simple algorithm is dkimpy's. Same bytes
    (tests/routing/test_hostile_complexity.py)."""
    if policy.body_algorithm is not Relaxed:
        return bytes(policy.canonicalize_body(body))
    if b" \r\n" in body or b"\t\r\n" in body:
        lines = body.split(b"\r\n")
        body = b"\r\n".join([*(line.rstrip(b" \t") for line in lines[:-1]), lines[-1]])
    return bytes(correct_empty_body(strip_trailing_lines(_compressed(body))))


def _compressed(body: bytes) -> bytes:
    """dkimpy's ``compress_whitespace(body)`` (``re.sub(b"[\\t ]+", b" ", body)``) replacing only the runs that
    change: a single space is one already, and the pattern matched every space of the body (a match and a
    replacement per word: 0.14 ms for a sample's 4 kB body). Without a tab or two spaces in a row nothing changes;
    without a tab only runs of spaces do (:data:`_SPACE_RUN`). Each match starts where its run starts (a run
    that does not match there is a single space) and takes it whole, so the same runs become one space: the
    same bytes (tests/routing/test_speed_s26.py compares with dkimpy's)."""
    if b"\t" in body:
        return _WSP_RUN.sub(b" ", body)
    if b"  " not in body:
        return body
    return _SPACE_RUN.sub(b" ", body)


def _rsa_sha256(key: _Key, digest: Any, signature: bytes) -> bool:
    """dkimpy's ``RSASSA_PKCS1_v1_5_verify(digest, signature, pk)``, in OpenSSL when it can."""
    if key.openssl is None:
        return bool(RSASSA_PKCS1_v1_5_verify(digest, signature, key.pk))
    n = key.pk["modulus"]
    reduced = int.from_bytes(signature, "big") % n  # what pow(s, e, n) makes of any s
    try:
        key.openssl.verify(reduced.to_bytes((n.bit_length() + 7) // 8, "big"), digest.digest(), _PKCS1,
                           _PREHASHED_SHA256)
    except InvalidSignature:
        return False
    return True


def _signed_names(h: bytes) -> list[bytes]:
    r"""``[x.lower() for x in _H_SPLIT.split(h)]``: the ``h=`` names, lower case. When ``h`` neither starts
    nor ends with white space (``\s`` of a bytes pattern: :data:`WSP_BYTES`), splitting at ``\s*:\s*`` is
    splitting at ":" and stripping each piece: every piece but the first ends before a match that took
    the white space before its ":", every piece but the last starts after one that took the white space
    after it, and a piece of white space only between two ":" goes whole. ``lower`` works byte by byte,
    so it is done once (tests/routing/test_speed_auth_names.py)."""
    if h[:1].isspace() or h[-1:].isspace():
        return [x.lower() for x in _H_SPLIT.split(h)]
    return [x.strip(_WSP_BYTES) for x in h.lower().split(b":")]


def _read_tags(tags: Mapping[str, str]) -> dict[bytes, bytes]:
    r"""The tags of a header that :func:`routing.dkim_tags.signature_tags` accepted, as bytes: what
    ``parse_tag_value`` reads from it, but for the line breaks of folding white space, which
    ``signature_tags`` removed (a tag-list it accepts holds no other line break, and every break is
    followed by a space or tab, which stays). Every step below reads those values to the same outcome:
    ``b=``/``bh=`` drop white space before decoding (and a run of it stays a run for the base64 checks),
    ``h=`` is split at ``\s*:\s*`` (its names hold no white space), ``d=`` and ``s=`` hold none
    (host name and selector checks), ``i=`` ends in ``d=`` after the same character either way, and a
    value with white space inside equals no constant (``a=``, ``c=``, ``q=``, ``v=``) and is no number
    (``l=``, ``t=``, ``x=``) either way. Only exception messages show the difference (the verdict reads
    their types: tests/routing/test_speed_s11.py compares both on the samples and mutations)."""
    return {name.encode("ascii"): value.encode("ascii") for name, value in tags.items()}


class MailVerifier:
    """Verifies the DKIM signatures of one mail: ``fields`` are its header fields as dkimpy reads
    them (:func:`routing.signed_view.header_block`), ``body`` a callable giving its body as dkimpy
    reads it (:func:`routing.signed_view.body_of`), called at most once. ``by_name``: when the caller has them,
    the indexes of each name's instances, the names lower-case text (``instances_by_name`` of
    :class:`routing.signed_view.HeaderBlock`'s ``names``): the verifier then reads which fields are
    DKIM-Signatures and which ``h=`` selects from it instead of lower-casing the names again. The same
    indexes: a header name as dkimpy and ``header_block`` read it is ASCII without white space (dkimpy's
    ``[\x21-\x7e]+?``), so its lower-case text is its lower-case bytes decoded, and a ``h=`` name decoded
    with "replace" finds what its bytes find (one that is not ASCII holds U+FFFD: no field's name, and no
    field's bytes either)."""

    def __init__(self, fields: Sequence[tuple[bytes, bytes]], body: Callable[[], bytes], *,
                 minkey: int = 1024, by_name: Mapping[str, Sequence[int]] | None = None) -> None:
        self._fields = fields
        self._by_text_name = by_name
        self._body_of = body
        self._body: bytes | None = None
        self._names: list[bytes] | None = None
        self._by_name: dict[bytes, list[int]] | None = None
        self.minkey = minkey

    def _select(self, include_headers: Sequence[bytes]) -> list[tuple[bytes, bytes]]:
        """``dkim.select_headers(fields, include_headers)``: per name, the next instance upwards from
        the last one taken (RFC 6376 §5.4.2), i.e. the k-th listing of a name takes its k-th instance
        from the bottom; read from each name's instances (made once per mail), not by walking up the
        fields per listed name (|h=| x |fields| steps for names the mail does not hold)."""
        selected: list[tuple[bytes, bytes]] = []
        used: dict[bytes, int] = {}
        if self._by_text_name is not None:  # the same indexes by the names' text (see the class docstring)
            for name in include_headers:
                found_text = self._by_text_name.get(name.decode("ascii", "replace"))
                count = used.get(name, 0)
                if found_text is not None and count < len(found_text):
                    selected.append(self._fields[found_text[-1 - count]])
                    used[name] = count + 1
            return selected
        if self._by_name is None:
            self._by_name = instances_by_name(self._lower_names())
        for name in include_headers:
            found = self._by_name.get(name)
            count = used.get(name, 0)
            if found is not None and count < len(found):
                selected.append(self._fields[found[-1 - count]])
                used[name] = count + 1
        return selected

    def _lower_names(self) -> list[bytes]:
        """The fields' lower-case names, made once per mail."""
        if self._names is None:
            self._names = [name.lower() for name, _ in self._fields]
        return self._names

    def _body_bytes(self) -> bytes:
        if self._body is None:
            self._body = self._body_of()
        return self._body

    def verify(self, idx: int, dnsfunc: DnsFunc, read: tuple[bytes, Mapping[str, str]] | None = None) -> bool:
        """Signature number ``idx`` (0: the topmost DKIM-Signature) verifies: dkimpy's answer.

        ``read``: a header value and its tags as :func:`routing.dkim_tags.signature_tags` read them, taken
        instead of reading that header again when it is signature ``idx`` (see :func:`_read_tags`)."""
        if self._by_text_name is not None:  # the same fields in the same order (see the class docstring)
            signatures = [self._fields[i] for i in self._by_text_name.get("dkim-signature", ())]
        else:
            signatures = [f for f, name in zip(self._fields, self._lower_names(), strict=True)
                          if name == b"dkim-signature"]
        if len(signatures) <= idx:
            return False
        if read is not None and read[0] == signatures[idx][1]:
            sig = _read_tags(read[1])
        else:
            try:
                sig = parse_tag_value(signatures[idx][1])
            except InvalidTagValueList as exc:
                raise dkim.MessageFormatError(exc) from exc
        validate_signature_fields(sig)  # a= is rsa-sha1, rsa-sha256 or ed25519-sha256 from here on
        if sig[b"a"] == b"rsa-sha1":
            # RFC 8301 §3.1: "rsa-sha1 MUST NOT be used for signing or verifying"; refused before any look-up
            raise WeakAlgorithmError("a=rsa-sha1 is not verified (RFC 8301 §3.1)")
        include_headers = _signed_names(sig[b"h"])
        name = sig[b"s"] + b"._domainkey." + sig[b"d"] + b"."
        try:
            key = _public_key(name, dnsfunc(name, timeout=_TIMEOUT))
        except (dkim.KeyFormatError, binascii.Error, dkim.DnsTimeoutError):
            return False  # dkimpy's verify_sig: no usable key is a plain fail
        if key.seqtlsrpt:  # dkimpy's verify_sig_process, first step (this is not a TLSRPT report)
            raise dkim.ValidationError("Message is not tlsrpt and Service Type is tlsrpt")
        if key.ktag is not None and key.ktag != _KEY_TYPES[sig[b"a"]]:
            # RFC 6376 §6.1.2: a key not suitable for the a= algorithm is a PERMFAIL, before the hashes
            raise dkim.KeyFormatError(f"inappropriate key algorithm: k={key.ktag!r} for a={sig[b'a']!r}")
        return self._verify_sha256(sig, include_headers, signatures[idx], key)

    def _verify_sha256(self, sig: dict[bytes, bytes], include_headers: list[bytes],
                       sig_header: tuple[bytes, bytes], key: _Key) -> bool:
        """dkimpy's ``verify_sig_process`` for SHA-256 (rsa-sha256, ed25519-sha256), step by step; the key
        (RSA or Ed25519) checks the signature."""
        try:
            policy = CanonicalizationPolicy.from_c_value(sig.get(b"c", b"simple/simple"))
        except InvalidCanonicalizationPolicyError as exc:
            raise dkim.MessageFormatError(f"invalid c= value: {exc.args[0]}") from exc
        body = canonical_body(policy, self._body_bytes())
        if b"l" in sig:
            body = body[:int(sig[b"l"])]
        body_hash = hashlib.sha256(body).digest()
        if body_hash != base64.b64decode(sig[b"bh"].translate(None, _WSP_BYTES)):
            raise dkim.ValidationError(f"body hash mismatch (got {base64.b64encode(body_hash)!r}, "
                                       f"expected {sig[b'bh']!r})")
        if b"from" in include_headers:
            include_headers.append(b"from")  # dkimpy: any further From breaks the signature
        relaxed = policy.header_algorithm is Relaxed  # else simple: the fields as they are
        # hashed in one update: the digest of the concatenation is the same
        selected = self._select(include_headers)
        hashed = _relaxed_fields(selected) if relaxed else [
            piece for field_name, value in selected for piece in (field_name, b":", value)]
        # the signature header with b= emptied, hashed without its trailing CRLF (RFC 6376 §3.7)
        field_name, value = sig_header[0], _BTAG.sub(_BTAG_KEEP, sig_header[1])
        if relaxed:
            field_name, value = _relaxed(field_name, value)
        hashed += (field_name, b":", value.rstrip())
        digest = hashlib.sha256(b"".join(hashed))
        signature = base64.b64decode(sig[b"b"].translate(None, _WSP_BYTES))
        if key.ktag is None:  # an unknown service type: evaluate_pk gave no key
            raise dkim.UnknownKeyTypeError(key.ktag)
        if key.ktag == b"ed25519":  # RFC 8463 §3: the SHA-256 data hash, signed with PureEdDSA
            try:
                key.pk.verify(signature, digest.digest())
            except InvalidSignature:
                return False
            return True
        try:
            ok = _rsa_sha256(key, digest, signature)
        except (TypeError, DigestTooLargeError) as exc:
            raise dkim.KeyFormatError(f"digest too large for modulus: {exc}") from exc
        if ok and key.keysize is not None and key.keysize < self.minkey:
            raise dkim.KeyFormatError(f"public key too small: {key.keysize}")
        return ok
