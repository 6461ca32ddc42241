"""All configuration, read once from the environment (prefix ``ROOTMAIL_``) and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.networks import parse_networks

MIB = 1024 * 1024


#: the least helpdesk budget (seconds) a Zendesk/RT write is allowed (see Settings.helpdesk_budget)
MIN_HELPDESK_BUDGET = 10.0


class Settings(BaseSettings):
    """rootmail settings. Every field is documented; README's table is generated from these."""

    model_config = SettingsConfigDict(
        env_prefix="ROOTMAIL_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    # ---- core (issue 2)
    data_dir: Path = Field(
        Path("rootmail-data"),
        description="Data directory: message store, local helpdesk database, embedded Redis files.",
    )
    smtp_host: str = Field("127.0.0.1", description="Address the SMTP receiver listens on.")
    smtp_port: int = Field(2525, description="Port the SMTP receiver listens on.")
    smtp_hostname: str = Field(
        "rootmail.local", description="Host name the receiver announces in its banner and EHLO reply."
    )
    smtp_processes: int = Field(
        1, ge=1, le=64,
        description="SMTP receiver processes sharing the port (SO_REUSEPORT); one Python process uses one core.",
    )
    own_domains: str = Field(
        "", description="Comma-separated domains of our own helpdesk's mail: such mail never opens tickets (loops)."
    )
    smtp_max_connections: int = Field(
        500, ge=0, description="Concurrent SMTP sessions per receiver process; beyond it 421 4.7.0 (0: no cap)."
    )
    smtp_max_connections_per_ip: int = Field(
        600, ge=0, description="New connections per client IP per minute; beyond it 421 4.7.0 (0: no cap)."
    )
    smtp_idle_timeout: float = Field(300.0, gt=0, description="Seconds a session may stay silent before it is closed.")
    smtp_max_recipients: int = Field(100, ge=1, description="Recipients per message; beyond it 452 4.5.3.")
    smtp_max_header_size: int = Field(
        256 * 1024, ge=0, description="Bytes of header per message; beyond it 552 5.3.4 (0: no cap)."
    )
    smtp_max_received_headers: int = Field(
        50, ge=0, description="Received headers per message; beyond it 554 5.4.6, a mail loop (0: no cap)."
    )
    smtp_reject_bare_line_ends: bool = Field(
        True, description="Refuse DATA with a bare CR or LF (SMTP smuggling hardening) with 554 5.6.0."
    )
    smtp_tls_cert_file: Path | None = Field(None, description="PEM certificate chain for STARTTLS (unset: no TLS).")
    smtp_tls_key_file: Path | None = Field(None, description="PEM private key for STARTTLS.")
    smtp_require_tls: bool = Field(False, description="Refuse MAIL before STARTTLS with 530 5.7.0.")
    smtp_proxy_protocol: bool = Field(
        False,
        description="Expect a PROXY protocol v1/v2 header first (behind a load balancer); needs "
        "ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS (serve refuses to start without it).",
    )
    smtp_proxy_trusted_networks: str = Field(
        "",
        description="Comma-separated CIDRs of the load balancers whose PROXY header is believed, e.g. "
        "10.0.0.0/16. Any other peer is answered 554 5.7.1 and closed. Empty: nobody.",
    )
    smtp_max_sessions_per_ip: int = Field(
        20, ge=0, description="Concurrent SMTP sessions per client IP (IPv6: per /64); beyond it 421 4.7.0 "
        "(0: no cap).",
    )
    smtp_max_junk_commands: int = Field(
        20, ge=0,
        description="NOOP, RSET, VRFY, EXPN, HELP, HELO, EHLO and error-answered commands per session, "
        "counted together and reset by each accepted message; beyond it 421 4.7.0 and close (0: no cap).",
    )
    smtp_max_unknown_recipients: int = Field(
        10, ge=0,
        description="Unknown recipients per session, and per client IP within ROOTMAIL_SMTP_UNKNOWN_RECIPIENT_WINDOW; "
        "beyond it RCPT and new connections from that IP get 421 4.7.0 (0: no cap).",
    )
    smtp_unknown_recipient_window: float = Field(
        600.0, gt=0, description="Seconds over which unknown recipients are counted per client IP."
    )
    redis_url: str | None = Field(
        None,
        description="Redis URL (broker and ledger). Unset: serve starts a private Redis and a worker.",
    )
    directory_file: Path | None = Field(
        None,
        description="Account directory (YAML or CSV). Unset: the embedded demo directory is used.",
    )
    helpdesk: Literal["local", "zendesk", "rt"] = Field(
        "local", description="Helpdesk that receives tickets: local (SQLite), zendesk or rt."
    )
    max_message_size: int = Field(
        25 * MIB, description="Largest message accepted, in bytes; advertised in EHLO SIZE."
    )
    worker: bool | None = Field(
        None,
        description="Run a Celery worker inside serve. Default: yes with the embedded Redis, no with REDIS_URL.",
    )
    worker_concurrency: int = Field(2, description="Worker processes per `rootmail worker`.")
    worker_prefetch: int = Field(
        1, description="Tasks each worker process reserves ahead; 1 keeps the backlog visible in Redis."
    )
    task_max_retries: int = Field(8, description="Retries of a transient failure before quarantine.")
    task_time_limit: float = Field(
        60.0, ge=0,
        description="Seconds one message may take to parse and ticket; beyond it the task stops and the message "
        "is quarantined (0: no limit).",
    )
    worker_memory_limit: int = Field(
        2048 * MIB, ge=0,
        description="Address-space limit (RLIMIT_AS) of each worker process in bytes; a message that needs more "
        "is quarantined (0: no limit).",
    )
    helpdesk_busy_timeout: float = Field(
        30.0, gt=0,
        description="Seconds a write to the local helpdesk waits for another writer's lock before the task "
        "fails and is retried.",
    )
    task_retry_base: float = Field(
        2.0, gt=0, description="First retry delay in seconds after a transient error; doubles each retry (cap 300 s)."
    )
    task_lock_seconds: int = Field(
        120, description="How long one worker holds a message before another may take it over."
    )
    reconcile_interval: float = Field(
        60.0, description="Seconds between reconciler passes (stored mail not yet done is re-enqueued)."
    )
    reconcile_grace: float = Field(
        600.0, description="Seconds a queued message may wait before the reconciler enqueues it again."
    )
    reconcile_max_attempts: int = Field(
        10, description="Times processing of one message may start without finishing before it is quarantined."
    )
    http_host: str = Field("127.0.0.1", description="Address of the /healthz, /readyz, /metrics server.")
    http_port: int = Field(9025, description="Port of the health/metrics server (0 disables it).")
    log_format: Literal["console", "json"] = Field("console", description="Log output format.")
    log_level: str = Field("INFO", description="Log level.")

    # ---- helpdesk clients (issue 5)
    zendesk_url: str | None = Field(None, description="Zendesk base URL, e.g. https://example.zendesk.com.")
    zendesk_email: str | None = Field(None, description="Zendesk agent e-mail for API token auth.")
    zendesk_token: SecretStr | None = Field(None, description="Zendesk API token.")
    zendesk_rate_limit: int = Field(
        200, description="Zendesk requests per minute for all workers together; below the plan's limit (Team 200, "
        "Growth/Professional 400, Enterprise 700 per minute) minus other integrations.",
    )
    rt_url: str | None = Field(None, description="Request Tracker base URL (REST2 under /REST/2.0/).")
    rt_token: SecretStr | None = Field(None, description="Request Tracker auth token.")
    rt_user: str | None = Field(None, description="Request Tracker user (basic auth, if no token).")
    rt_password: SecretStr | None = Field(None, description="Request Tracker password (basic auth).")
    rt_queue: str = Field("General", description="Default Request Tracker queue.")
    rt_rate_limit: int = Field(
        0, ge=0, description="Request Tracker requests per minute for all workers together (0: no limit)."
    )
    zendesk_field_aws_account: int | None = Field(
        None, description="Zendesk ticket field id that receives the AWS account id (unset: not set)."
    )
    zendesk_field_notice_type: int | None = Field(
        None, description="Zendesk ticket field id that receives the notice type (unset: not set)."
    )
    zendesk_field_deadline: int | None = Field(
        None, description="Zendesk ticket field id (date) that receives the action deadline (unset: not set)."
    )
    zendesk_field_authenticity: int | None = Field(
        None, description="Zendesk ticket field id that receives the authenticity verdict (unset: not set)."
    )
    helpdesk_timeout: float = Field(
        30.0, description="Seconds to wait for a helpdesk API answer before the request counts as failed."
    )

    # ---- routing (issues 3 and 4)
    dns_nameservers: str | None = Field(
        None, description="Comma-separated DNS servers (HOST or HOST:PORT) for DKIM/SPF/DMARC look-ups."
    )
    authserv_id: str | None = Field(
        None,
        description="authserv-id of the one relay (SES, Postfix) whose topmost Authentication-Results header "
        "is trusted; all other Authentication-Results headers are ignored. Unset: check DKIM/SPF/DMARC here.",
    )
    trusted_relay_networks: str = Field(
        "",
        description="Comma-separated CIDRs of relays whose Authentication-Results header is believed, and "
        "only for connections from them. Empty: relay results are never trusted.",
    )
    dns_timeout: float = Field(3.0, description="Seconds one DNS look-up for DKIM/SPF/DMARC may take.")
    notices_file: Path | None = Field(
        None, description="Notice classification rules YAML (ordered, first match wins). Unset: the shipped rules."
    )
    rules_file: Path | None = Field(None, description="Routing rules YAML. Unset: the shipped defaults.")
    org_role_arns: str = Field(
        "", description="Comma-separated role ARNs to assume, one per payer account (empty: current credentials)."
    )
    org_external_id: str | None = Field(None, description="External id for the Organizations role assumption.")
    org_customer_tag: str = Field("customer", description="Account tag that names the customer.")
    org_sync: bool = Field(
        False,
        description="Read accounts from AWS Organizations when the directory is synced (else the file only).",
    )
    org_customer_map_file: Path | None = Field(
        None,
        description="Account -> customer mapping for Organizations accounts (YAML or CSV); wins over the tag.",
    )
    directory_sync_interval: float = Field(
        900.0, description="Seconds between periodic directory syncs (Celery beat)."
    )
    plus_addressing: Literal["exact", "strip"] = Field(
        "exact",
        description="exact: the full root address must be listed; strip: also accept local+any@domain "
        "when local@domain is listed.",
    )

    # ---- store (issue 6)
    store: Literal["local", "s3"] = Field("local", description="Message store: local directory or s3.")
    s3_bucket: str | None = Field(None, description="S3 bucket of the message store.")
    s3_prefix: str = Field("rootmail/", description="Key prefix inside the S3 bucket.")
    s3_kms_key_id: str | None = Field(None, description="KMS key for SSE-KMS (unset: bucket default).")

    # ---- root-account guard (issue 15)
    alert_pagerduty_routing_key: SecretStr | None = Field(
        None, description="PagerDuty Events API v2 integration (routing) key for root-guard alarms (unset: none)."
    )
    alert_pagerduty_url: str = Field(
        "https://events.pagerduty.com/v2/enqueue", description="PagerDuty Events API v2 enqueue endpoint."
    )
    alert_slack_webhook: SecretStr | None = Field(
        None, description="Slack incoming-webhook URL for root-guard alarms (unset: no Slack)."
    )
    alert_webhook_url: str | None = Field(
        None, description="Generic JSON webhook for root-guard alarms; the body is HMAC-SHA256-signed (unset: none)."
    )
    alert_webhook_secret: SecretStr | None = Field(
        None, description="HMAC-SHA256 key of the generic webhook (header X-Rootmail-Signature-256: sha256=<hex>)."
    )
    alert_dedupe_seconds: float = Field(
        3600.0, gt=0, description="One alarm per account and notice type within this many seconds."
    )
    alert_timeout: float = Field(10.0, gt=0, description="Seconds one alert delivery may take before it is retried.")
    alert_max_retries: int = Field(
        10, ge=0, description="Retries of a failed alert delivery (429, 5xx, network) per channel before giving up."
    )
    silence_alert_hours: float = Field(
        48.0, ge=0, description="Alarm when no authenticated AWS mail was accepted for this many hours (0: off)."
    )
    escrow: Literal["local", "ssm", "secretsmanager"] = Field(
        "local",
        description="Where root secrets (codes, reset and approval links) are escrowed: local (Fernet-encrypted "
        "files in the data directory), ssm (Parameter Store SecureString) or secretsmanager.",
    )
    escrow_ttl: float = Field(
        900.0, gt=0, description="Seconds an escrowed secret lives when the mail states no validity of its own."
    )
    escrow_kms_key_id: str | None = Field(
        None, description="KMS key for ssm/secretsmanager escrow (unset: the account's AWS-managed key)."
    )
    escrow_prefix: str = Field(
        "/rootmail/escrow/", description="Name prefix of escrowed secrets in SSM Parameter Store or Secrets Manager."
    )
    expect_max_hours: float = Field(
        24.0, gt=0, description="Longest expectation window `rootmail expect --for` accepts, in hours."
    )

    @field_validator("smtp_proxy_trusted_networks", "trusted_relay_networks")
    @classmethod
    def _cidr_list(cls, value: str, info: ValidationInfo) -> str:
        try:
            parse_networks(value)
        except ValueError as exc:
            raise ValueError(f"ROOTMAIL_{str(info.field_name).upper()}: {exc}") from None
        return value

    @model_validator(mode="after")
    def _time_limits_add_up(self) -> Settings:
        """A Zendesk/RT write must fit in the task's time limit (its waits are cut to the budget)."""
        budget = self.helpdesk_budget()
        if self.helpdesk in ("zendesk", "rt") and budget is not None and budget < MIN_HELPDESK_BUDGET:
            raise ValueError(
                f"ROOTMAIL_TASK_TIME_LIMIT={self.task_time_limit:g} leaves {budget:g} s for the helpdesk write "
                f"after {self.task_headroom():g} s for parsing and authentication (10 s + 4 x "
                f"ROOTMAIL_DNS_TIMEOUT={self.dns_timeout:g}); a {self.helpdesk} write needs at least "
                f"{MIN_HELPDESK_BUDGET:g} s: raise ROOTMAIL_TASK_TIME_LIMIT (at least "
                f"{self.task_headroom() + MIN_HELPDESK_BUDGET:g}; 0: no limit) or lower ROOTMAIL_DNS_TIMEOUT")
        return self

    def task_headroom(self) -> float:
        """Seconds of the task's time limit kept for parsing, authentication (DNS) and classifying."""
        return 10.0 + 4 * self.dns_timeout

    def helpdesk_budget(self) -> float | None:
        """Seconds one message's helpdesk write may take in all — thread lock, rate limiter, each
        request's timeouts (ROOTMAIL_HELPDESK_TIMEOUT is cut to what is left) and inline retries:
        the task's time limit less :meth:`task_headroom`. A wait that does not fit is a retry of the
        task, never a task killed by its limit. None: no time limit."""
        if self.task_time_limit <= 0:
            return None
        return self.task_time_limit - self.task_headroom()

    def thread_lock_wait(self) -> float:
        """Seconds a delivery waits for its thread's lock: 30, or a quarter of the helpdesk budget."""
        budget = self.helpdesk_budget()
        return 30.0 if budget is None else max(0.1, min(30.0, budget / 4))

    def redis_file(self) -> Path:
        """Where ``serve`` writes the URL of its embedded Redis so other commands find it."""
        return self.data_dir / "run" / "redis.url"


def load_settings() -> Settings:
    """Build the settings from the environment (the only place that reads it)."""
    return Settings()


def settings_table() -> str:
    """The README's settings table, generated from the fields (``python -m rootmail.settings``)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for name, info in Settings.model_fields.items():
        default = info.default
        shown = "" if default is None or default == "" else f"`{default}`"
        rows.append(f"| `ROOTMAIL_{name.upper()}` | {shown} | {info.description} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_table())
