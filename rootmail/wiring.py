"""Builders of the routing stages and the helpdesk clients, from settings.

Used by :mod:`rootmail.runtime` (the composition root, which every process and command goes
through); this module imports nothing of the root, so the two do not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rootmail.errors import UsageProblem
from rootmail.settings import Settings

if TYPE_CHECKING:
    import httpx
    import redis

    from ingest.envelope import Envelope
    from rootmail.rules_holder import RulesRouter
    from routing.classify import NoticeClassifier
    from routing.dns import DnsLookup
    from routing.types import AuthVerdict, Notice, ParsedMail, Recipient
    from ticketing.helpdesk import Helpdesk
    from ticketing.helpdesk.cache import RedisTicketCache
    from ticketing.pipeline import Authenticator, Classifier
    from ticketing.ratelimit import LocalTokenBucket, RedisTokenBucket
    from ticketing.threads import ThreadLock


def make_router(settings: Settings) -> RulesRouter:
    """The routing rules as a pipeline Router: ``(parsed, notice, auth, recipient) -> Route``.

    Rules come from ``ROOTMAIL_RULES_FILE`` (else the shipped defaults), are reloaded when the file
    changes and on SIGHUP (handler installed only from the main thread), and a broken file keeps
    the last good rules. Dropped notices are counted in ``rootmail_notices_dropped_total{reason}``.
    """
    from rootmail.rules_holder import RulesHolder, RulesRouter, install_sighup

    holder = RulesHolder(settings.rules_file)
    install_sighup(holder)
    return RulesRouter(holder)


@dataclass(frozen=True)
class ClassifierStages:
    """Authenticate + classify as the pipeline runs them (one factory: :func:`classifier_stages`)."""

    authenticate: Authenticator
    classify: Classifier
    classifier: NoticeClassifier  # what ``classify`` calls (its taxonomy: fallbacks, for the benchmarks)


def classifier_stages(settings: Settings, *, nameservers: str | None = None,
                      lookup: DnsLookup | None = None) -> ClassifierStages:
    """The one factory of the ``authenticate`` and ``classify`` stages: the worker, ``rootmail
    classify``, ``rootmail rules explain`` and ``bench/`` all build them here.

    One caching DNS resolver (``nameservers``, else ``ROOTMAIL_DNS_NAMESERVERS``; ``lookup`` replaces
    it, e.g. the benchmarks' in-memory answers), the shipped taxonomy and the notice rules
    (``ROOTMAIL_NOTICES_FILE`` or the shipped ones). A DNS failure that leaves the verdict open
    becomes a :class:`TransientError`: the worker retries the mail, the commands report it with
    :func:`temporary_failure_verdict`. A bad nameserver or notices file is a UsageProblem.
    """
    from routing.authenticate import AuthTemporaryError, AwsDomains, authenticate
    from routing.authres import parse_networks
    from routing.classify import NoticeClassifier
    from routing.dns import DnsResolver, DnsTemporaryError, parse_nameservers
    from routing.notices import NoticeRulesError, load_notice_rules
    from routing.taxonomy import default_taxonomy
    from ticketing.errors import TransientError

    servers = nameservers or settings.dns_nameservers
    try:
        parse_nameservers(servers)
    except ValueError as exc:
        raise UsageProblem(f"{exc}; fix ROOTMAIL_DNS_NAMESERVERS (or --dns-nameserver): HOST[:PORT],...") from exc
    taxonomy = default_taxonomy()
    try:
        classifier = NoticeClassifier(taxonomy, load_notice_rules(settings.notices_file, taxonomy))
    except NoticeRulesError as exc:
        raise UsageProblem(str(exc)) from exc
    aws_domains = AwsDomains.of(taxonomy.aws_sender_domains)
    # Authentication-Results of ROOTMAIL_AUTHSERV_ID are believed only from these SMTP peers
    trusted_relays = parse_networks(settings.trusted_relay_networks)
    resolvers: list[DnsLookup] = [lookup] if lookup is not None else []

    def resolver() -> DnsLookup:
        if not resolvers:  # built on first use: no resolv.conf is a temporary DNS failure, not a crash
            resolvers.append(DnsResolver(servers, timeout=settings.dns_timeout))
        return resolvers[0]

    def authenticate_stage(parsed: ParsedMail, raw: bytes, envelope: Envelope) -> AuthVerdict:
        smtp = envelope.source == "smtp" and bool(envelope.peer)
        try:
            return authenticate(
                parsed, raw, lookup=resolver(), aws_domains=aws_domains,
                mail_from=envelope.mail_from if smtp else "", peer_ip=envelope.peer if smtp else "",
                helo=envelope.helo if smtp else "", authserv_id=settings.authserv_id,
                trusted_relays=trusted_relays,
            )
        except (AuthTemporaryError, DnsTemporaryError) as exc:
            raise TransientError(f"sender authentication needs DNS: {exc}", retry_after=30.0) from exc

    def classify_stage(parsed: ParsedMail, raw: bytes, envelope: Envelope, recipient: Recipient) -> Notice:
        return classifier.classify(parsed, recipient)

    return ClassifierStages(authenticate=authenticate_stage, classify=classify_stage, classifier=classifier)


def temporary_failure_verdict(exc: Exception) -> AuthVerdict:
    """How a command reports what the worker would retry: no verdict yet (``none``), the reason,
    and treated as a claimed-AWS mail that did not pass (so nothing is shown as genuine)."""
    from routing.types import AuthVerdict

    return AuthVerdict("none", (f"temporary DNS failure, the worker retries this mail: {exc}",), True)


def routing_stages(settings: Settings) -> dict[str, Any]:
    """The pipeline's ``authenticate`` and ``classify`` callables (from :func:`classifier_stages`)."""
    stages = classifier_stages(settings)
    return {"authenticate": stages.authenticate, "classify": stages.classify}


@dataclass(frozen=True)
class _HelpdeskParts:
    """What the Zendesk and RT clients share: Redis (or None), the thread lock, HTTP timeout, budget."""
    client: redis.Redis | None
    lock: ThreadLock
    timeout: httpx.Timeout
    budget: float | None

    def limiter(self, service: str, per_minute: int) -> RedisTokenBucket | LocalTokenBucket:
        """One token bucket for all workers with a Redis, else one per process."""
        from ticketing.ratelimit import LocalTokenBucket, RedisTokenBucket

        if self.client is not None:
            return RedisTokenBucket(self.client, f"rootmail:ratelimit:{service}", per_minute)
        return LocalTokenBucket(per_minute)

    def cache(self, service: str) -> RedisTicketCache | None:
        from ticketing.helpdesk.cache import RedisTicketCache

        return RedisTicketCache(self.client, f"rootmail:helpdesk:{service}") if self.client is not None else None


def make_helpdesk(settings: Settings, client: redis.Redis | None = None) -> Helpdesk:
    """The Zendesk or Request Tracker client for ``ROOTMAIL_HELPDESK`` (``local`` is built by runtime).

    With a Redis (``ROOTMAIL_REDIS_URL`` or the embedded one) all workers share one token bucket
    (``ROOTMAIL_ZENDESK_RATE_LIMIT``, or ``ROOTMAIL_RT_RATE_LIMIT`` when set, requests per minute) and
    one lock per thread key; without it both are per process. ``client``: the runtime's Redis
    (:func:`rootmail.clients.redis_client`), else the configured one.
    """
    import httpx

    from rootmail.clients import optional_redis
    from ticketing.threads import process_thread_lock, redis_thread_lock

    if settings.helpdesk not in ("zendesk", "rt"):
        raise UsageProblem(f"ROOTMAIL_HELPDESK={settings.helpdesk}: use local, zendesk or rt")
    _check_helpdesk_settings(settings)
    if client is None:
        client = optional_redis(settings)
    # the waits of one message add up to less than its task's time limit (Settings.helpdesk_budget)
    budget = settings.helpdesk_budget()
    lock = (redis_thread_lock(client, timeout=max(120.0, (budget or 0.0) + 30.0), wait=settings.thread_lock_wait())
            if client is not None else process_thread_lock())
    timeout = httpx.Timeout(connect=5.0, read=settings.helpdesk_timeout, write=settings.helpdesk_timeout,
                            pool=10.0)
    parts = _HelpdeskParts(client, lock, timeout, budget)
    return _zendesk(settings, parts) if settings.helpdesk == "zendesk" else _rt(settings, parts)


def _check_helpdesk_settings(settings: Settings) -> None:
    """The chosen helpdesk's URL and credentials are set (else one line naming the settings)."""
    if settings.helpdesk == "zendesk":
        if not (settings.zendesk_url and settings.zendesk_email and settings.zendesk_token):
            raise UsageProblem("ROOTMAIL_HELPDESK=zendesk needs ROOTMAIL_ZENDESK_URL, ROOTMAIL_ZENDESK_EMAIL "
                               "and ROOTMAIL_ZENDESK_TOKEN")
        return
    if not settings.rt_url:
        raise UsageProblem("ROOTMAIL_HELPDESK=rt needs ROOTMAIL_RT_URL (and ROOTMAIL_RT_TOKEN, or "
                           "ROOTMAIL_RT_USER and ROOTMAIL_RT_PASSWORD)")
    if settings.rt_token is None and not (settings.rt_user and settings.rt_password):
        raise UsageProblem("ROOTMAIL_HELPDESK=rt needs ROOTMAIL_RT_TOKEN, or ROOTMAIL_RT_USER and "
                           "ROOTMAIL_RT_PASSWORD")


def _zendesk(settings: Settings, parts: _HelpdeskParts) -> Helpdesk:
    from rootmail.directory_holder import DirectoryHolder
    from ticketing.helpdesk.zendesk import ZendeskHelpdesk

    assert settings.zendesk_url and settings.zendesk_email and settings.zendesk_token  # _check_helpdesk_settings
    fields = {"aws_account_id": settings.zendesk_field_aws_account,
              "notice_type": settings.zendesk_field_notice_type,
              "deadline": settings.zendesk_field_deadline,
              "authenticity": settings.zendesk_field_authenticity}
    directory = DirectoryHolder(settings)  # customers' zendesk_organization_id, as reloaded
    return ZendeskHelpdesk(
        settings.zendesk_url, settings.zendesk_email, settings.zendesk_token,
        field_ids={k: v for k, v in fields.items() if v},
        limiter=parts.limiter("zendesk", settings.zendesk_rate_limit), lock=parts.lock, timeout=parts.timeout,
        organization_ids=lambda: directory.get().zendesk_organization_ids,
        cache=parts.cache("zendesk"), budget=parts.budget,
    )


def _rt(settings: Settings, parts: _HelpdeskParts) -> Helpdesk:
    from ticketing.helpdesk.rt import RTHelpdesk

    assert settings.rt_url  # _check_helpdesk_settings
    return RTHelpdesk(settings.rt_url, token=settings.rt_token, user=settings.rt_user,
                      password=settings.rt_password, default_queue=settings.rt_queue, lock=parts.lock,
                      timeout=parts.timeout, budget=parts.budget,
                      limiter=parts.limiter("rt", settings.rt_rate_limit) if settings.rt_rate_limit else None,
                      cache=parts.cache("rt"))
