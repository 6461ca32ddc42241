"""The one request choke point every HTTP helpdesk client goes through.

Owns: explicit timeouts, the shared rate limiter, the mapping of HTTP outcomes to the two error
roots (transient → retry the task, permanent → quarantine), and the retry rule. Errors carry the
HTTP method, the path, the status, the helpdesk's own error text and its request id, never the
request body or the credentials.

Retry rule: only requests that are safe to repeat are retried here — GET, and POST carrying an
``Idempotency-Key`` — a bounded number of times, with exponential backoff or the server's
``Retry-After``. Anything else (a PUT that adds a comment, a POST without a key) is never repeated
at this level: its error goes up to the task, which re-runs the whole idempotent upsert, which
looks before it writes.

Time budget: inside :meth:`HttpClient.budget` (one upsert) every wait — the thread lock, the rate
limiter's slot, each request's timeouts, the inline retries' sleeps — is cut to what is left of the
budget, and a wait that does not fit is a :class:`OutOfTime` (a TransientError with
``retry_after``): the task retries later instead of being killed by its own time limit.
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import httpx
import structlog

from ticketing.errors import PermanentError, TransientError

log = structlog.get_logger(__name__)

#: statuses that are worth trying again (the issue: 408, 409, 429 and 5xx)
TRANSIENT_STATUSES = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
REQUEST_ID_HEADERS = ("x-zendesk-request-id", "x-request-id", "x-amzn-requestid", "cf-ray")
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=30.0, write=30.0, pool=10.0)


class RateLimiter(Protocol):
    """Blocks until one request may be sent; learns from a server's ``Retry-After``."""

    def acquire(self) -> None: ...

    def penalize(self, seconds: float) -> None: ...


@runtime_checkable
class ReservingLimiter(Protocol):
    """A limiter that tells the wait for its slot (``reserve``) instead of sleeping itself."""

    def reserve(self) -> float: ...


#: the least time a request needs to be worth sending within a budget
MIN_REQUEST_SECONDS = 0.5


class OutOfTime(TransientError):
    """A wait (lock, rate limiter, request, retry) does not fit in what is left of the time budget."""


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """What we know about a failed request: enough to find it in the helpdesk's logs."""

    method: str
    path: str
    status: int | None
    request_id: str | None
    detail: str

    def describe(self) -> str:
        status = f"HTTP {self.status}" if self.status is not None else "no response"
        rid = f" (request id {self.request_id})" if self.request_id else ""
        return f"{self.method} {self.path}: {status}{rid}: {self.detail}"


class HelpdeskTransientError(TransientError):
    """Timeouts, lost connections, 408/409/429/5xx: the outcome is unknown or temporary."""

    def __init__(self, info: ErrorInfo, *, retry_after: float | None = None,
                 response: httpx.Response | None = None) -> None:
        super().__init__(info.describe(), retry_after=retry_after)
        self.info = info
        self.status = info.status
        self.request_id = info.request_id
        self.response = response


class HelpdeskPermanentError(PermanentError):
    """Any other 4xx: the helpdesk will answer the same again. Quarantine with its reason."""

    def __init__(self, info: ErrorInfo, *, response: httpx.Response | None = None) -> None:
        super().__init__(info.describe())
        self.info = info
        self.status = info.status
        self.request_id = info.request_id
        self.response = response

    def error_code(self) -> str:
        """The helpdesk's error code (Zendesk: ``error``), or ``""``."""
        data = _json_or_none(self.response)
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            return str(data["error"])
        return ""


def _json_or_none(response: httpx.Response | None) -> Any:
    if response is None:
        return None
    try:
        return response.json()
    except (ValueError, UnicodeDecodeError):
        return None


def error_detail(response: httpx.Response, limit: int = 400) -> str:
    """The helpdesk's own error text (JSON ``error``/``description``/``details``/``message``)."""
    data = _json_or_none(response)
    if isinstance(data, dict):
        parts = [str(data[k]) for k in ("error", "message", "description") if data.get(k)]
        if data.get("details"):
            parts.append(json.dumps(data["details"], sort_keys=True)[:limit])
        if parts:
            return ": ".join(parts)[:limit]
    return response.reason_phrase or "error"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def remaining_requests(response: httpx.Response) -> int | None:
    """The account's requests left in this minute (Zendesk ``X-Rate-Limit-Remaining``), if told."""
    value = response.headers.get("x-rate-limit-remaining")
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def account_wide_429(response: httpx.Response) -> bool:
    """Whether a 429 throttles the whole account (pause every worker) or one endpoint object only.

    Zendesk's endpoint limits (Update Ticket: 30 updates per ticket per 10 minutes) answer 429
    while the account still has ``X-Rate-Limit-Remaining``: only that ticket must wait, and the
    error's ``Retry-After`` goes up to that message's task. Without the header we assume the worst.
    https://developer.zendesk.com/api-reference/introduction/rate-limits/
    """
    remaining = remaining_requests(response)
    return remaining is None or remaining <= 0


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Inline retries of repeatable requests; the task's own retries come on top."""

    attempts: int = 3
    backoff: float = 0.2
    max_backoff: float = 5.0
    max_retry_after: float = 30.0  # a longer Retry-After goes up to the task instead of blocking

    def delay(self, attempt: int) -> float:
        base: float = min(self.max_backoff, self.backoff * (2 ** attempt))
        return base * (0.5 + random.random() / 2)


class HttpClient:
    """httpx.Client + limiter + error mapping: the only place that sends a request."""

    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        service: str = "helpdesk",
    ) -> None:
        self.client = httpx.Client(
            base_url=base_url.rstrip("/"), auth=auth, headers=dict(headers or {}), timeout=timeout,
            transport=transport, follow_redirects=False,
        )
        self.limiter = limiter
        self.retry = retry or RetryPolicy()
        self.sleep = sleep
        self.service = service
        self.requests_sent = 0
        self.timeout = timeout
        self._deadline = threading.local()

    @contextmanager
    def budget(self, seconds: float | None) -> Iterator[None]:
        """Every wait inside stays within ``seconds`` from now (None: no budget). Nested budgets
        keep the earlier deadline."""
        outer: float | None = getattr(self._deadline, "at", None)
        if seconds is not None:
            at = time.monotonic() + seconds
            self._deadline.at = at if outer is None else min(outer, at)
        try:
            yield
        finally:
            self._deadline.at = outer

    def remaining(self) -> float | None:
        """Seconds left of the current budget (None: no budget)."""
        at: float | None = getattr(self._deadline, "at", None)
        return None if at is None else at - time.monotonic()

    def check_time(self, wait: float, what: str, retry_after: float | None = None) -> None:
        """OutOfTime when ``wait`` more seconds do not fit in the budget."""
        left = self.remaining()
        if left is not None and wait > left:
            raise OutOfTime(f"{self.service}: {what} ({wait:.1f} s) does not fit in the {max(0.0, left):.1f} s "
                            "left of the task's time budget", retry_after=max(1.0, retry_after or wait))

    def _timeout(self) -> httpx.Timeout:
        """The client's timeouts, each cut to what is left of the budget."""
        left = self.remaining()
        if left is None:
            return self.timeout
        self.check_time(MIN_REQUEST_SECONDS, "a request")

        def cut(value: float | None) -> float:
            return left if value is None else min(value, left)

        return httpx.Timeout(connect=cut(self.timeout.connect), read=cut(self.timeout.read),
                             write=cut(self.timeout.write), pool=cut(self.timeout.pool))

    def close(self) -> None:
        self.client.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json_body: Any = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        ok: tuple[int, ...] = (200, 201),
    ) -> httpx.Response:
        """Send one request; raise HelpdeskTransientError / HelpdeskPermanentError on failure."""
        method = method.upper()
        repeatable = method == "GET" or bool(headers and "Idempotency-Key" in headers)
        attempts = self.retry.attempts if repeatable else 1
        for attempt in range(attempts):
            try:
                return self._send_once(method, path, params, json_body, content, headers, ok)
            except HelpdeskTransientError as exc:
                last = attempt == attempts - 1
                wait = exc.retry_after if exc.retry_after is not None else self.retry.delay(attempt)
                if last or wait > self.retry.max_retry_after:
                    raise
                self.check_time(wait + MIN_REQUEST_SECONDS, "the wait before an inline retry", wait)
                log.info("helpdesk_request_retry", service=self.service, method=method, path=path,
                         status=exc.status, attempt=attempt + 1, wait=round(wait, 3))
                self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send_once(
        self,
        method: str,
        path: str,
        params: Mapping[str, str | int] | None,
        json_body: Any,
        content: bytes | None,
        headers: Mapping[str, str] | None,
        ok: tuple[int, ...],
    ) -> httpx.Response:
        self._wait_for_slot()
        timeout = self._timeout()
        self.requests_sent += 1
        started = time.monotonic()
        try:
            response = self.client.request(
                method, path, params=params, json=json_body, content=content, headers=headers,
                timeout=timeout,
            )
        except httpx.TimeoutException as exc:
            info = ErrorInfo(method, path, None, None, f"timeout ({type(exc).__name__})")
            raise HelpdeskTransientError(info) from exc
        except httpx.TransportError as exc:
            info = ErrorInfo(method, path, None, None, f"transport error ({type(exc).__name__})")
            raise HelpdeskTransientError(info) from exc
        elapsed = time.monotonic() - started
        request_id = next((response.headers[h] for h in REQUEST_ID_HEADERS if h in response.headers), None)
        log.debug("helpdesk_request", service=self.service, method=method, path=path,
                  status=response.status_code, request_id=request_id, seconds=round(elapsed, 4))
        if response.status_code in ok:
            if self.limiter is not None and remaining_requests(response) == 0:
                # the account's minute is used up (other clients share it): wait before the next one
                self.limiter.penalize(parse_retry_after(response.headers.get("retry-after")) or 1.0)
            return response
        raise self._failure(method, path, response, request_id)

    def _wait_for_slot(self) -> None:
        """Take a rate-limiter slot: reserved and waited for within the budget, else acquired."""
        if self.limiter is None:
            return
        if self.remaining() is not None and isinstance(self.limiter, ReservingLimiter):
            slot = self.limiter.reserve()  # the slot is ours; a wait beyond the budget is a retry
            self.check_time(slot + MIN_REQUEST_SECONDS, "the rate limiter's next slot", slot)
            if slot > 0:
                self.sleep(slot)
        else:
            self.limiter.acquire()

    def _failure(self, method: str, path: str, response: httpx.Response,
                 request_id: str | None) -> HelpdeskTransientError | HelpdeskPermanentError:
        """The error for a non-ok answer (logged): transient for TRANSIENT_STATUSES (an account-wide
        429 also slows the shared limiter), else permanent."""
        info = ErrorInfo(method, path, response.status_code, request_id, error_detail(response))
        if response.status_code in TRANSIENT_STATUSES:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            if response.status_code == 429 and self.limiter is not None and account_wide_429(response):
                self.limiter.penalize(retry_after if retry_after is not None else 1.0)
            log.warning("helpdesk_request_failed", service=self.service, method=method, path=path,
                        status=response.status_code, request_id=request_id)
            return HelpdeskTransientError(info, retry_after=retry_after, response=response)
        log.warning("helpdesk_request_rejected", service=self.service, method=method, path=path,
                    status=response.status_code, request_id=request_id)
        return HelpdeskPermanentError(info, response=response)
