"""Sender authenticity: is this mail really from AWS? DKIM, SPF and DMARC alignment.

Owns the verdict ``pass`` | ``fail`` | ``none`` (with reasons) for one mail:

* ``pass``: the From domain's organizational domain is an AWS sender domain (taxonomy.yaml) and
  DMARC passes: a valid DKIM signature whose ``d=`` aligns with it, or SPF pass for an aligned
  MAIL FROM. A valid ``d=amazonses.com`` signature alone proves nothing: every SES customer has one.
* ``fail``: the mail claims to be AWS (AWS From domain, a look-alike domain, "Amazon"/"AWS" in the
  display name, an AWS ``X-Original-From``) and does not pass.
* ``none``: the mail does not claim to be AWS mail; there is nothing to verify.

Optionally the topmost ``Authentication-Results`` header of one configured relay (its
``authserv-id``) is trusted instead, for deployments behind SES or Postfix; all others are ignored.
All DNS goes through the :class:`routing.dns.DnsLookup` handed in. Temporary DNS failures that
leave the verdict open raise :class:`AuthTemporaryError` so the caller can retry.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import dkim
from publicsuffixlist import PublicSuffixList

from routing.dns import DnsLookup, DnsTemporaryError, dkim_dnsfunc
from routing.types import AuthVerdict, ParsedMail

MAX_SIGNATURES = 8
_ADDR = re.compile(r"[\w.+'=-]+@([A-Za-z0-9.-]+)")
_AWS_NAME = re.compile(r"\b(amazon|aws)\b", re.IGNORECASE)


def _fast_int2str(n: int, length: int = -1) -> bytearray:
    if n < 0:
        raise ValueError("negative integer")
    if length < 0:
        return bytearray(n.to_bytes(max(1, (n.bit_length() + 7) // 8), "big"))
    return bytearray((n & ((1 << (8 * length)) - 1)).to_bytes(length, "big"))


def _fast_str2int(s: bytes | bytearray) -> int:
    return int.from_bytes(bytes(s), "big")


_BLANK_LINE = re.compile(rb"(?:\A|\n)(\r?\n)")
_DKIMPY_RFC822_PARSE = getattr(dkim, "_rootmail_rfc822_parse", dkim.rfc822_parse)


def _fast_rfc822_parse(message: bytes) -> tuple[list[list[bytes]], bytes]:
    """dkimpy's ``rfc822_parse`` splits the whole message into lines with a regex and joins the
    body back with CRLF; this splits only the header block and normalises the body's line ends
    with two ``replace`` calls. Same result and same errors (property test against dkimpy's)."""
    blank = _BLANK_LINE.search(message)
    if blank is None:
        return _DKIMPY_RFC822_PARSE(message)  # type: ignore[no-any-return]
    headers, _ = _DKIMPY_RFC822_PARSE(message[: blank.start(1)])
    body = message[blank.end(1):].replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return headers, body


def _speed_up_dkimpy() -> None:
    """dkimpy converts RSA integers with per-byte Python loops; use int.to_bytes/from_bytes instead.

    With gmpy2 installed, the RSA public-key operation uses GMP too. Same results (checked in
    tests/routing/test_authenticate.py); together they roughly halve the cost of one signature
    verification, which the benchmark's target (bench/classify.py) needs.
    """
    import dkim.crypto

    if getattr(dkim.crypto, "_rootmail_fast", False):
        return
    dkim.crypto.int2str = _fast_int2str
    dkim.crypto.str2int = _fast_str2int
    try:  # optional: GMP's modular exponentiation is ~5x faster than Python's for 2048-bit keys
        import gmpy2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        pass
    else:
        def rsa_encrypt(message: bytes, pk: dict[str, int], mlen: int) -> bytearray:
            value = int(gmpy2.powmod(_fast_str2int(message), pk["publicExponent"], pk["modulus"]))
            return _fast_int2str(value, mlen)

        dkim.crypto.rsa_encrypt = rsa_encrypt
    # the public key of a selector is parsed (base64 + ASN.1) once per TXT value, not once per mail
    dkim.evaluate_pk = lru_cache(maxsize=256)(dkim.evaluate_pk)
    dkim._rootmail_rfc822_parse = _DKIMPY_RFC822_PARSE
    dkim.rfc822_parse = _fast_rfc822_parse
    dkim.crypto._rootmail_fast = True


_speed_up_dkimpy()


class AuthTemporaryError(Exception):
    """DNS did not answer for now, and without the answer the mail cannot pass: retry later."""


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


@lru_cache(maxsize=4096)
def organizational_domain(domain: str) -> str:
    """The registrable domain of ``domain`` by the public suffix list (``verify.signin.aws`` -> ``signin.aws``)."""
    domain = domain.strip().rstrip(".").lower()
    if not domain:
        return ""
    return _psl().privatesuffix(domain) or domain


def domain_of(address: str) -> str:
    """The domain of an address (``a@b.example`` or ``Name <a@b.example>``), lower case, or ``""``."""
    match = _ADDR.search(address or "")
    return match.group(1).rstrip(".").lower() if match else ""


def _tags(value: str) -> dict[str, str]:
    tags: dict[str, str] = {}
    for part in value.split(";"):
        key, sep, val = part.partition("=")
        if sep:
            tags[key.strip().lower()] = re.sub(r"\s+", "", val)
    return tags


@dataclass(frozen=True, slots=True)
class AwsDomains:
    """The AWS sender domains and their organizational domains."""

    domains: frozenset[str]
    org_domains: frozenset[str]

    @classmethod
    def of(cls, domains: Iterable[str]) -> AwsDomains:
        clean = frozenset(d.strip().lower().rstrip(".") for d in domains if d.strip())
        return cls(clean, frozenset(organizational_domain(d) for d in clean))

    def is_aws(self, domain: str) -> bool:
        return bool(domain) and organizational_domain(domain) in self.org_domains

    def looks_like_aws(self, domain: str) -> bool:
        """A domain that imitates AWS: 'amazon' or an 'aws' word in its registrable name."""
        if not domain or self.is_aws(domain):
            return False
        label = organizational_domain(domain).split(".")[0]
        return "amazon" in label or "aws" in re.split(r"[-_0-9]", label)


# ---------------------------------------------------------------- SPF (RFC 7208 subset)

_SPF_LIMIT = 10


class _SpfPermError(Exception):
    pass


def _spf_record(lookup: DnsLookup, domain: str) -> str | None:
    records = [r for r in lookup.txt(domain) if r.lower().startswith("v=spf1")
               and (len(r) == 6 or r[6] == " ")]
    if len(records) > 1:
        raise _SpfPermError(f"{domain} has {len(records)} SPF records")
    return records[0] if records else None


def _in_network(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, spec: str, default_len: int | None = None) -> bool:
    try:
        net = ipaddress.ip_network(spec, strict=False)
    except ValueError as exc:
        raise _SpfPermError(f"bad network {spec!r}") from exc
    return ip.version == net.version and ip in net


def _addr_match(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, hosts: list[str], cidr4: int, cidr6: int) -> bool:
    for host in hosts:
        try:
            addr = ipaddress.ip_address(host)
        except ValueError:
            continue
        prefix = cidr4 if addr.version == 4 else cidr6
        if _in_network(ip, f"{addr}/{prefix}"):
            return True
    return False


def _split_cidr(arg: str) -> tuple[str, int, int]:
    match = re.match(r"^(.*?)(?:/(\d+))?(?://(\d+))?$", arg)
    if not match:
        return arg, 32, 128
    return match.group(1), int(match.group(2) or 32), int(match.group(3) or 128)


def check_spf(
    lookup: DnsLookup, ip_text: str, mail_from: str, helo: str = ""
) -> tuple[str, str]:
    """SPF result for the SMTP peer ``ip_text`` and MAIL FROM: (result, domain checked).

    result is pass | fail | softfail | neutral | none | permerror; temporary DNS failures raise
    :class:`DnsTemporaryError`.
    """
    domain = domain_of(mail_from) or helo.strip().rstrip(".").lower()
    if not domain:
        return "none", ""
    try:
        ip = ipaddress.ip_address(ip_text.strip().strip("[]"))
    except ValueError:
        return "none", domain
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    counter = [0]
    try:
        return _check_host(lookup, ip, domain, counter, 0), domain
    except _SpfPermError:
        return "permerror", domain


def _count(counter: list[int]) -> None:
    counter[0] += 1
    if counter[0] > _SPF_LIMIT:
        raise _SpfPermError("more than 10 DNS-querying terms")


def _check_host(
    lookup: DnsLookup, ip: ipaddress.IPv4Address | ipaddress.IPv6Address, domain: str, counter: list[int], depth: int
) -> str:
    if depth > _SPF_LIMIT:
        raise _SpfPermError("include depth")
    record = _spf_record(lookup, domain)
    if record is None:
        return "none"
    results = {"+": "pass", "-": "fail", "~": "softfail", "?": "neutral"}
    redirect: str | None = None
    for term in record.split()[1:]:
        if "=" in term and not term.split("=", 1)[0].count(":"):
            name, _, value = term.partition("=")
            if name.lower() == "redirect":
                redirect = value
            continue
        qualifier = "+"
        if term[0] in results:
            qualifier, term = term[0], term[1:]
        mech, _, arg = term.partition(":")
        mech = mech.lower()
        if "/" in mech:
            mech, _, cidr = mech.partition("/")
            arg = f"{arg}/{cidr}" if arg else f"/{cidr}"
        matched = False
        if mech == "all":
            matched = True
        elif mech == "ip4" or mech == "ip6":
            matched = _in_network(ip, arg)
        elif mech == "include":
            _count(counter)
            inner = _check_host(lookup, ip, arg.lower(), counter, depth + 1)
            if inner == "none":
                raise _SpfPermError(f"include:{arg} has no SPF record")
            matched = inner == "pass"
        elif mech in ("a", "mx"):
            _count(counter)
            host, cidr4, cidr6 = _split_cidr(arg)
            target = host or domain
            if mech == "a":
                matched = _addr_match(ip, lookup.addresses(target), cidr4, cidr6)
            else:
                exchanges = lookup.mx(target)[:10]
                matched = any(_addr_match(ip, lookup.addresses(mx), cidr4, cidr6) for mx in exchanges)
        elif mech == "exists":
            _count(counter)
            matched = bool(lookup.addresses(arg.replace("%{i}", str(ip)).replace("%{d}", domain)))
        elif mech == "ptr":
            _count(counter)
            matched = False  # deprecated (RFC 7208 5.5); never grants a pass here
        else:
            raise _SpfPermError(f"unknown mechanism {mech!r}")
        if matched:
            return results[qualifier]
    if redirect:
        _count(counter)
        inner = _check_host(lookup, ip, redirect.lower(), counter, depth + 1)
        if inner == "none":
            raise _SpfPermError(f"redirect={redirect} has no SPF record")
        return inner
    return "neutral"


# ---------------------------------------------------------------- DMARC record


def dmarc_policy(lookup: DnsLookup, from_domain: str) -> dict[str, str]:
    """The DMARC record's tags for ``from_domain`` (its own ``_dmarc`` name, else the org domain's)."""
    for name in dict.fromkeys((from_domain, organizational_domain(from_domain))):
        for record in lookup.txt(f"_dmarc.{name}"):
            if record.replace(" ", "").lower().startswith("v=dmarc1"):
                tags = _tags(record)
                if name != from_domain and "sp" in tags:
                    tags["p"] = tags["sp"]
                return tags
    return {}


# ---------------------------------------------------------------- Authentication-Results


def _trusted_results(parsed: ParsedMail, authserv_id: str) -> dict[str, tuple[str, dict[str, str]]] | None:
    """method -> (result, properties) from the topmost A-R header of ``authserv_id``; None if absent."""
    wanted = authserv_id.strip().lower()
    for value in parsed.header_all("Authentication-Results"):
        parts = [p.strip() for p in re.sub(r"\([^()]*\)", " ", value).split(";")]
        if not parts or not parts[0]:
            continue
        if parts[0].split()[0].lower() != wanted:
            continue
        results: dict[str, tuple[str, dict[str, str]]] = {}
        for part in parts[1:]:
            tokens = part.split()
            if not tokens or "=" not in tokens[0]:
                continue
            method, _, result = tokens[0].partition("=")
            props = {}
            for token in tokens[1:]:
                key, sep, val = token.partition("=")
                if sep:
                    props[key.lower()] = val.strip('"').lower()
            results.setdefault(method.lower(), (result.lower(), props))
        return results
    return None


# ---------------------------------------------------------------- the verdict


@dataclass(frozen=True, slots=True)
class _Signature:
    index: int
    domain: str
    selector: str = ""


_SIG_D = re.compile(r"(?:^|;)\s*d\s*=\s*([^;\s]+)")
_SIG_S = re.compile(r"(?:^|;)\s*s\s*=\s*([^;\s]+)")


def _signatures(parsed: ParsedMail) -> list[_Signature]:
    out = []
    for index, value in enumerate(parsed.header_all("DKIM-Signature")[:MAX_SIGNATURES]):
        d, s = _SIG_D.search(value), _SIG_S.search(value)
        out.append(_Signature(index, d.group(1).lower().rstrip(".") if d else "", s.group(1).lower() if s else ""))
    return out


def _aligned(a: str, b: str, strict: bool) -> bool:
    if not a or not b:
        return False
    return a == b if strict else organizational_domain(a) == organizational_domain(b)


def authenticate(
    parsed: ParsedMail,
    raw: bytes,
    *,
    lookup: DnsLookup,
    aws_domains: AwsDomains,
    mail_from: str = "",
    peer_ip: str = "",
    helo: str = "",
    authserv_id: str | None = None,
) -> AuthVerdict:
    """The authenticity verdict for one mail. ``mail_from``/``peer_ip`` come from the SMTP envelope
    (SPF is evaluated only when both are known)."""
    from_domain = domain_of(parsed.from_address)
    original = parsed.header("X-Original-From")
    original_domain = domain_of(original)
    from_is_aws = aws_domains.is_aws(from_domain)
    reasons: list[str] = []
    claims = from_is_aws
    if not from_is_aws:
        if aws_domains.is_aws(original_domain):
            claims = True
            reasons.append(f"forwarded (X-Original-From {original_domain}); From {from_domain or '(none)'} "
                           "is not an AWS sender domain, so the original signature cannot be aligned")
        if aws_domains.looks_like_aws(from_domain):
            claims = True
            reasons.append(f"From domain {from_domain} looks like AWS but is not an AWS sender domain")
        if _AWS_NAME.search(parsed.from_name or ""):
            claims = True
            reasons.append(f"display name claims Amazon/AWS but From domain {from_domain or '(none)'} "
                           "is not an AWS sender domain")
        if not claims:
            return AuthVerdict("none", (f"From domain {from_domain or '(none)'} is not an AWS sender domain; "
                                        "nothing to verify",), False)
        return AuthVerdict("fail", tuple(reasons), True)

    if authserv_id:
        trusted = _trusted_results(parsed, authserv_id)
        if trusted is None:
            reasons.append(f"no Authentication-Results from {authserv_id}; checked here instead")
        else:
            dmarc_result, props = trusted.get("dmarc", ("none", {}))
            header_from = props.get("header.from", "")
            if dmarc_result == "pass" and header_from and header_from == from_domain:
                return AuthVerdict("pass", (f"{authserv_id}: dmarc=pass header.from={header_from}",), True)
            dkim_result, dprops = trusted.get("dkim", ("none", {}))
            if dmarc_result == "none" and dkim_result == "pass" and _aligned(dprops.get("header.d", ""),
                                                                             from_domain, False):
                return AuthVerdict("pass", (f"{authserv_id}: dkim=pass header.d={dprops.get('header.d')} "
                                            "(aligned)",), True)
            return AuthVerdict("fail", (f"{authserv_id}: dmarc={dmarc_result}"
                                        + (f" header.from={header_from}" if header_from else "")
                                        + f", dkim={dkim_result}",), True)

    temporary: list[str] = []
    try:
        policy = dmarc_policy(lookup, from_domain)
    except DnsTemporaryError as exc:
        policy = {}
        temporary.append(f"dmarc record: {exc}")
    strict_dkim = policy.get("adkim", "r").lower() == "s"
    strict_spf = policy.get("aspf", "r").lower() == "s"

    signatures = _signatures(parsed)
    aligned = [s for s in signatures if _aligned(s.domain, from_domain, strict_dkim)]
    others = [s for s in signatures if s not in aligned]
    passed_aligned: str | None = None
    verifier: dkim.DKIM | None = None
    dnsfunc = dkim_dnsfunc(lookup)
    for signature in aligned + others:
        if passed_aligned and signature in others:
            break
        if verifier is None:
            verifier = dkim.DKIM(raw, minkey=1024)
        try:
            ok = bool(verifier.verify(idx=signature.index, dnsfunc=dnsfunc))
            detail = ""
            if not ok:
                key_name = f"{signature.selector}._domainkey.{signature.domain}"
                detail = (f"no DKIM key published at {key_name}" if not lookup.txt(key_name)
                          else "signature does not verify (mail changed after signing, or wrong key)")
        except DnsTemporaryError as exc:
            temporary.append(f"dkim d={signature.domain}: {exc}")
            continue
        except dkim.DKIMException as exc:
            ok, detail = False, f"{type(exc).__name__}"
        except Exception as exc:  # dkimpy raises plain errors on hostile input
            ok, detail = False, f"unverifiable ({type(exc).__name__})"
        if signature in aligned:
            if ok:
                passed_aligned = signature.domain
                reasons.append(f"dkim=pass d={signature.domain} (aligned with From {from_domain})")
            else:
                reasons.append(f"dkim=fail d={signature.domain}: {detail}")
        elif ok:
            note = " (every SES customer has one: proves nothing)" if organizational_domain(
                signature.domain) == "amazonses.com" else ""
            reasons.append(f"dkim=pass d={signature.domain} not aligned with From {from_domain}{note}")
        else:
            reasons.append(f"dkim=fail d={signature.domain} (not aligned): {detail}")
    if not signatures:
        reasons.append("no DKIM signature")
    elif not aligned:
        reasons.append(f"no DKIM signature aligned with From {from_domain}")

    spf_aligned_pass = False
    if peer_ip and mail_from is not None and (mail_from or helo):
        try:
            spf_result, spf_domain = check_spf(lookup, peer_ip, mail_from, helo)
            spf_aligned_pass = spf_result == "pass" and _aligned(spf_domain, from_domain, strict_spf)
            reasons.append(f"spf={spf_result} smtp.mailfrom={spf_domain}"
                           + (" (aligned)" if spf_aligned_pass else " (not aligned)" if spf_result == "pass" else ""))
        except DnsTemporaryError as exc:
            temporary.append(f"spf: {exc}")
    else:
        reasons.append("spf not evaluated (no SMTP peer and MAIL FROM)")

    if passed_aligned or spf_aligned_pass:
        reasons.append(f"dmarc=pass policy={policy.get('p', 'none')}")
        return AuthVerdict("pass", tuple(reasons), True)
    spf_tried = bool(peer_ip) and bool(mail_from or helo)
    if temporary and (aligned or spf_tried):
        # an aligned signature or SPF might have passed with the answer: retry rather than flag
        raise AuthTemporaryError("; ".join(temporary))
    reasons += [f"temporary DNS failure (no aligned check could pass anyway): {t}" for t in temporary]
    reasons.append(f"dmarc=fail policy={policy.get('p', 'none')} for {from_domain}")
    return AuthVerdict("fail", tuple(reasons), True)
