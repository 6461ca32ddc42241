"""Sender authenticity: is this mail really from AWS? DKIM, SPF and DMARC alignment.

Owns the verdict ``pass`` | ``fail`` | ``none`` (with reasons) for one mail:

* ``pass``: the From domain's organizational domain is an AWS sender domain (taxonomy.yaml) and
  DMARC passes: a valid DKIM signature whose ``d=`` aligns with it, or SPF pass for an aligned
  MAIL FROM. A valid ``d=amazonses.com`` signature alone proves nothing: every SES customer has one.
  A pass carries the *signed view* (:mod:`routing.signed_view`): later stages read only that.
* ``fail``: the mail claims to be AWS (AWS From domain, a look-alike domain or name
  (:mod:`routing.lookalike`), more than one From, an AWS ``X-Original-From``) and does not pass; or
  it would pass but holds a second instance of a once-only header, a Sender/List header of someone
  else, or body content beyond the signature's ``l=``.
* ``none``: the mail does not claim to be AWS mail; there is nothing to verify.

Everything is read from the raw header bytes that the DKIM verifier reads (dkimpy's header list),
never from the RFC 2047-decoded parse: signature tags by :mod:`routing.dkim_tags`, the From header by
:func:`routing.lookalike.read_from`. Signatures are verified by :mod:`routing.dkim_verify` (dkimpy's
outcome for rsa-sha256, differential tests; ed25519-sha256 through the same linear steps; rsa-sha1 refused,
RFC 8301). Optionally the
Authentication-Results of one relay are trusted instead of checking here (:mod:`routing.authres`:
only from a peer in the trusted relay networks). All DNS goes through the
:class:`routing.dns.DnsLookup` handed in. Temporary DNS failures that leave the verdict open raise
:class:`AuthTemporaryError` so the caller can retry.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import dkim
from dkim.canonicalization import CanonicalizationPolicy

from routing.addresses import Mailbox
from routing.authres import IpNetwork, MethodResult, RelayResults, UnreadableResults, peer_in, relay_results
from routing.dkim_tags import SignatureTags, TagListError, signature_tags
from routing.dkim_verify import MailVerifier, canonical_body
from routing.dns import DnsLookup, DnsTemporaryError, dkim_dnsfunc
from routing.domains import AwsDomains, domain_of, organizational_domain
from routing.lookalike import LIST_HEADERS, domain_imitation, list_header_problems, name_claims_aws, read_from
from routing.signed_view import (
    HeaderBlock,
    HeaderBlockError,
    body_of,
    covered_instances,
    header_block,
    instances_by_name,
    repeated_singletons,
    signed_view,
    view_indexes,
)
from routing.spf import check_spf, dmarc_policy
from routing.types import AuthVerdict, ParsedMail

__all__ = ["AuthTemporaryError", "AwsDomains", "authenticate", "check_spf", "dmarc_policy", "domain_of",
           "organizational_domain"]

MAX_SIGNATURES = 8
_FWS = re.compile(rb"\r?\n(?=[ \t])")


class AuthTemporaryError(Exception):
    """DNS did not answer for now, and without the answer the mail cannot pass: retry later."""


def _aligned(a: str, b: str, strict: bool) -> bool:
    if not a or not b:
        return False
    return a == b if strict else organizational_domain(a) == organizational_domain(b)


def _text(value: bytes) -> str:
    return _FWS.sub(b"", value).decode("utf-8", "replace").strip()


@dataclass
class _Mail:
    """One mail as the verifier reads it, and the verdict's reasons so far."""

    parsed: ParsedMail
    raw: bytes
    headers: HeaderBlock
    aws: AwsDomains
    #: the indexes of each header name's instances (``instances_by_name`` of ``headers.names``), made once for
    #: the mail: :meth:`values`, the once-only and list header checks, the verifier and the signed view read them
    by_name: dict[str, list[int]]
    from_domain: str = ""
    reasons: list[str] = field(default_factory=list)

    def values(self, name: str) -> list[bytes]:
        """``self.headers.values(name)``: the raw values of header ``name``, top first, by its indexes."""
        fields = self.headers.fields
        return [fields[i][1] for i in self.by_name.get(name, ())]

    def fail(self, *reasons: str) -> AuthVerdict:
        return AuthVerdict("fail", (*self.reasons, *reasons), True)

    def passed(self, view: ParsedMail, names: Sequence[str], *reasons: str) -> AuthVerdict:
        return AuthVerdict("pass", (*self.reasons, *reasons), True, view, tuple(names))


# ---------------------------------------------------------------- who the mail claims to be from


def _sender_verdict(mail: _Mail) -> AuthVerdict | None:
    """The verdict when the From header settles it (not AWS, look-alike, several From), else None
    with ``mail.from_domain`` set to the AWS From domain."""
    froms = mail.values("from")
    if len(froms) > 1:
        return mail.fail(f"{len(froms)} From headers: a mail has exactly one (RFC 5322 §3.6); suspected spoof")
    sender = read_from(froms[0]) if froms else Mailbox("", "", "", "no From header")
    if sender.problem:
        mail.reasons.append(sender.problem)
    imitation = domain_imitation(sender.domain, mail.aws)
    if imitation:
        return mail.fail(imitation)
    if mail.aws.is_aws(sender.domain):
        mail.from_domain = sender.domain
        return None
    shown = sender.domain or "(none)"
    claims = []
    original = domain_of(" ".join(_text(v) for v in mail.values("x-original-from")))
    if mail.aws.is_aws(original):
        claims.append(f"forwarded (X-Original-From {original}); From {shown} is not an AWS sender domain, "
                      "so the original signature cannot be aligned")
    if name_claims_aws(sender.name):
        claims.append(f"display name claims Amazon/AWS but From domain {shown} is not an AWS sender domain")
    if claims:
        return mail.fail(*claims)
    return AuthVerdict("none", (f"From domain {shown} is not an AWS sender domain; nothing to verify",), False)


def _structure_problems(mail: _Mail) -> list[str]:
    """Why a mail with an AWS From cannot pass whatever its signatures say."""
    problems = [f"more than one {name.title()} header: an added {name.title()} is not signed content "
                "(RFC 5322 §3.6); suspected spoof" for name in repeated_singletons(mail.headers, mail.by_name)]
    # only the headers list_header_problems reads (it passes over the others), in message order as before
    indexes = sorted([i for name in LIST_HEADERS for i in mail.by_name.get(name, ())])
    names, fields = mail.headers.names, mail.headers.fields
    list_headers = [(names[i], fields[i][1]) for i in indexes]
    return problems + list_header_problems(list_headers, mail.aws)


# ---------------------------------------------------------------- signatures and the signed view


def _signatures(mail: _Mail) -> list[SignatureTags]:
    out = []
    for index, value in enumerate(mail.values("dkim-signature")[:MAX_SIGNATURES]):
        try:
            out.append(signature_tags(index, value))
        except TagListError as exc:
            mail.reasons.append(f"dkim=permerror (signature {index + 1}: {exc}): invalid, not verified")
    return out


def _unsigned_body(mail: _Mail, signature: SignatureTags) -> int:
    """Bytes of the canonical body beyond the signature's ``l=`` (0 without ``l=``)."""
    if signature.body_length is None:
        return 0
    try:
        policy = CanonicalizationPolicy.from_c_value(signature.canonicalization.encode("ascii"))
        body = canonical_body(policy, body_of(mail.raw))
    except Exception:  # dkimpy already refused this c= or mail while verifying: count the body as unsigned
        return len(mail.raw) or 1
    return max(0, len(body) - signature.body_length)


def _signed_view(mail: _Mail, signatures: Sequence[SignatureTags]) -> tuple[ParsedMail, list[str]]:
    """The mail made of the header instances every one of ``signatures`` covers."""
    covered = frozenset.intersection(*(covered_instances(mail.headers, s.signed_names, mail.by_name)
                                       for s in signatures))
    indexes = view_indexes(mail.headers, covered, mail.by_name)
    return signed_view(mail.parsed, mail.headers, indexes), [mail.headers.names[i] for i in indexes]


def _pass_with_signature(mail: _Mail, signatures: Sequence[SignatureTags], *reasons: str) -> AuthVerdict:
    for signature in signatures:
        unsigned = _unsigned_body(mail, signature)
        if unsigned:
            return mail.fail(*reasons, f"d={signature.domain} signs only the first {signature.body_length} bytes "
                             f"of the body (l=); {unsigned} bytes are unsigned: not pass")
    try:
        view, names = _signed_view(mail, signatures)
    except Exception as exc:  # the signed part alone is not a readable mail
        return mail.fail(*reasons, f"the signed part of the mail is not readable ({type(exc).__name__})")
    return mail.passed(view, names, *reasons)


def _pass_without_signature(mail: _Mail, *reasons: str) -> AuthVerdict:
    """DMARC passed by SPF alone: no signature fixes any header, so the view is the whole mail
    (its headers came from the authorised AWS server; once-only headers were checked above)."""
    names = list(mail.headers.names)
    return mail.passed(mail.parsed, names, *reasons, "no aligned signature: the whole mail is as the "
                       "SPF-authorised server sent it")


# ---------------------------------------------------------------- a trusted relay's results


def _reported_domain(result: MethodResult) -> str:
    """The signing domain of a relay's dkim result: ``header.d``, else the domain of ``header.i``."""
    return (result.prop("header.d") or result.prop("header.i").rpartition("@")[2]).rstrip(".")


def _relay_verdict(mail: _Mail, results: RelayResults) -> AuthVerdict:
    """Pass on the relay's DMARC pass for our From domain, or (no DMARC result) an aligned DKIM pass.

    The signed view: the raw signature(s) of the aligned domain the relay reports ``dkim=pass`` for
    (matched by ``header.b`` when given). With a DMARC pass but no such report, every valid raw
    signature aligned with From, if any; only with none at all the pass rests on SPF and the view
    is the whole mail."""
    # complexity 21: the relay-trust decision (DMARC pass, else aligned DKIM pass, and its signed view) in one reading
    relay = results.authserv_id
    dmarc_result = results.first("dmarc")
    header_from = dmarc_result.prop("header.from") if dmarc_result else ""
    dkim_passes = [r for r in results.all("dkim") if r.result == "pass"
                   and _aligned(_reported_domain(r), mail.from_domain, False)]
    dmarc = dmarc_result.result if dmarc_result else "none"
    passed = (dmarc == "pass" and header_from == mail.from_domain) or (dmarc == "none" and bool(dkim_passes))
    summary = (f"{relay}: dmarc={dmarc}" + (f" header.from={header_from}" if header_from else "")
               + f", dkim={'pass' if dkim_passes else 'none aligned'}")
    if not passed:
        return mail.fail(summary)
    signatures = _signatures(mail)
    if not dkim_passes:
        aligned = [s for s in signatures if _aligned(s.domain, mail.from_domain, False)]
        if aligned:
            return _pass_with_signature(mail, aligned, summary + " (signed view from every aligned signature)")
        return _pass_without_signature(mail, summary)
    domain, b_prefix = _reported_domain(dkim_passes[0]), dkim_passes[0].prop("header.b")
    candidates = [s for s in signatures if s.domain == domain
                  and (not b_prefix or s.b.lower().startswith(b_prefix))]
    if not candidates:
        return mail.fail(summary, f"the relay reports dkim=pass d={domain} but the mail holds no valid "
                         "signature of that domain (altered after the relay?)")
    return _pass_with_signature(mail, candidates, summary + f" (signed view from h= of d={domain})")


def _relay_or_none(mail: _Mail, authserv_id: str | None, peer_ip: str,
                   trusted_relays: Sequence[IpNetwork]) -> AuthVerdict | None:
    if not authserv_id:
        return None
    if not peer_in(peer_ip, trusted_relays):
        if mail.values("authentication-results"):
            mail.reasons.append(f"Authentication-Results ignored: SMTP peer {peer_ip or '(none)'} is not in "
                                "ROOTMAIL_TRUSTED_RELAY_NETWORKS; checked here")
        return None
    try:
        results = relay_results(mail.values("authentication-results"), authserv_id)
    except UnreadableResults as exc:
        mail.reasons.append(f"Authentication-Results of {authserv_id} unreadable ({exc}); checked here")
        return None
    if results is None:
        mail.reasons.append(f"no Authentication-Results from {authserv_id}; checked here instead")
        return None
    return _relay_verdict(mail, results)


# ---------------------------------------------------------------- DKIM and SPF checked here


@dataclass
class _Local:
    policy: dict[str, str]
    temporary: list[str] = field(default_factory=list)
    passed: list[SignatureTags] = field(default_factory=list)
    aligned_tried: bool = False


def _verify_one(mail: _Mail, verifier: MailVerifier, signature: SignatureTags, lookup: DnsLookup) -> tuple[bool, str]:
    # the tags signature_tags read are handed on: the verifier does not read the header again
    ok = bool(verifier.verify(idx=signature.index, dnsfunc=dkim_dnsfunc(lookup),
                              read=(signature.value, signature.tags)))
    if ok:
        return True, ""
    key_name = f"{signature.selector}._domainkey.{signature.domain}"
    return False, (f"no DKIM key published at {key_name}" if not lookup.txt(key_name)
                   else "signature does not verify (mail changed after signing, or wrong key)")


def _check_signatures(mail: _Mail, lookup: DnsLookup, state: _Local) -> None:
    # complexity 20: the DKIM outcomes (aligned, other, failed, temperror) are recorded in one pass over the signatures
    strict = state.policy.get("adkim", "r").lower() == "s"
    signatures = _signatures(mail)
    # (aligned ones first; a flag per signature rather than list membership, which compares dataclasses)
    order = sorted(((not _aligned(s.domain, mail.from_domain, strict), s) for s in signatures),
                   key=operator.itemgetter(0))
    aligned = [s for other, s in order if not other]
    state.aligned_tried = bool(aligned)
    verifier: MailVerifier | None = None
    for other, signature in order:
        if state.passed and other:
            break
        try:
            verifier = verifier or MailVerifier(mail.headers.fields, lambda: body_of(mail.raw), minkey=1024,
                                                 by_name=mail.by_name)
            ok, detail = _verify_one(mail, verifier, signature, lookup)
        except DnsTemporaryError as exc:
            state.temporary.append(f"dkim d={signature.domain}: {exc}")
            continue
        except dkim.DKIMException as exc:
            ok, detail = False, f"{type(exc).__name__}"
        except Exception as exc:  # dkimpy raises plain errors on hostile input
            ok, detail = False, f"unverifiable ({type(exc).__name__})"
        if not other:
            if ok:
                state.passed.append(signature)
            mail.reasons.append(f"dkim=pass d={signature.domain} (aligned with From {mail.from_domain})" if ok
                                else f"dkim=fail d={signature.domain}: {detail}")
        elif ok:
            note = " (every SES customer has one: proves nothing)" if organizational_domain(
                signature.domain) == "amazonses.com" else ""
            mail.reasons.append(f"dkim=pass d={signature.domain} not aligned with From {mail.from_domain}{note}")
        else:
            mail.reasons.append(f"dkim=fail d={signature.domain} (not aligned): {detail}")
    if not signatures and not mail.values("dkim-signature"):
        mail.reasons.append("no DKIM signature")
    elif not aligned:
        mail.reasons.append(f"no valid DKIM signature aligned with From {mail.from_domain}")


def _check_spf(mail: _Mail, lookup: DnsLookup, state: _Local, mail_from: str, peer_ip: str, helo: str) -> bool:
    if not (peer_ip and (mail_from or helo)):
        mail.reasons.append("spf not evaluated (no SMTP peer and MAIL FROM)")
        return False
    try:
        result, domain = check_spf(lookup, peer_ip, mail_from, helo)
    except DnsTemporaryError as exc:
        state.temporary.append(f"spf: {exc}")
        return False
    aligned = result == "pass" and _aligned(domain, mail.from_domain, state.policy.get("aspf", "r").lower() == "s")
    mail.reasons.append(f"spf={result} smtp.mailfrom={domain}"
                        + (" (aligned)" if aligned else " (not aligned)" if result == "pass" else ""))
    return aligned


def _local_verdict(mail: _Mail, lookup: DnsLookup, mail_from: str, peer_ip: str, helo: str) -> AuthVerdict:
    state = _Local(policy={})
    try:
        state.policy = dmarc_policy(lookup, mail.from_domain)
    except DnsTemporaryError as exc:
        state.temporary.append(f"dmarc record: {exc}")
    _check_signatures(mail, lookup, state)
    spf_pass = _check_spf(mail, lookup, state, mail_from, peer_ip, helo)
    policy = state.policy.get("p", "none")
    if state.passed:
        return _pass_with_signature(mail, state.passed[:1], f"dmarc=pass policy={policy}")
    if spf_pass:
        return _pass_without_signature(mail, f"dmarc=pass policy={policy}")
    if state.temporary and (state.aligned_tried or (peer_ip and (mail_from or helo))):
        # an aligned signature or SPF might have passed with the answer: retry rather than flag
        raise AuthTemporaryError("; ".join(state.temporary))
    mail.reasons.extend(f"temporary DNS failure (no aligned check could pass anyway): {t}" for t in state.temporary)
    return mail.fail(f"dmarc=fail policy={policy} for {mail.from_domain}")


# ---------------------------------------------------------------- the verdict


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
    trusted_relays: Sequence[IpNetwork] = (),
) -> AuthVerdict:
    """The authenticity verdict for one mail. ``mail_from``/``peer_ip`` come from the SMTP envelope
    (SPF is evaluated only when both are known); the Authentication-Results of ``authserv_id`` are
    read only when ``peer_ip`` is inside ``trusted_relays``."""
    try:
        headers = header_block(raw)
    except HeaderBlockError as exc:
        claims = name_claims_aws(f"{parsed.from_name} {parsed.from_address}")
        return AuthVerdict("fail" if claims else "none", (f"header block unreadable for DKIM ({exc})",), claims)
    mail = _Mail(parsed, raw, headers, aws_domains, instances_by_name(headers.names))
    settled = _sender_verdict(mail)
    if settled is not None:
        return settled
    problems = _structure_problems(mail)
    if problems:
        return mail.fail(*problems)
    relay = _relay_or_none(mail, authserv_id, peer_ip, trusted_relays)
    if relay is not None:
        return relay
    return _local_verdict(mail, lookup, mail_from, peer_ip, helo)
