"""The chart exposes the root-account guard (issue 15): alert credentials only through a Secret (the
chart's own, or an existing one with optional keys), plain settings as values, escrow choice."""

from __future__ import annotations

from tests.helm.test_helm_chart import S3, ZENDESK, container, env_of, find, merged, one, render


def test_alert_credentials_come_from_the_chart_secret() -> None:
    objs = render(merged(S3, ZENDESK, {"rootGuard": {
        "alerts": {"pagerdutyRoutingKey": "R" * 32, "slackWebhook": "https://hooks.slack.com/services/T/B/x",
                   "webhookUrl": "https://hooks.example/rootmail", "dedupeSeconds": 600},
        "silenceAlertHours": 0, "escrow": {"type": "ssm", "kmsKeyId": "alias/rootmail-escrow"}}}))
    secret = one(objs, "Secret", "alerts")
    assert set(secret["data"]) == {"pagerduty-routing-key", "slack-webhook"}
    env = env_of(container(one(objs, "Deployment", "worker")))
    for name in ("ROOTMAIL_ALERT_PAGERDUTY_ROUTING_KEY", "ROOTMAIL_ALERT_SLACK_WEBHOOK"):
        assert env[name]["valueFrom"]["secretKeyRef"]["name"] == secret["metadata"]["name"]
        assert "value" not in env[name]
    assert "ROOTMAIL_ALERT_WEBHOOK_SECRET" not in env
    assert env["ROOTMAIL_ALERT_WEBHOOK_URL"]["value"] == "https://hooks.example/rootmail"
    assert env["ROOTMAIL_ALERT_DEDUPE_SECONDS"]["value"] == "600"
    assert env["ROOTMAIL_SILENCE_ALERT_HOURS"]["value"] == "0"
    assert env["ROOTMAIL_ESCROW"]["value"] == "ssm"
    assert env["ROOTMAIL_ESCROW_KMS_KEY_ID"]["value"] == "alias/rootmail-escrow"


def test_existing_alert_secret_makes_every_key_optional_and_defaults_stay_the_application_s() -> None:
    objs = render(merged(S3, ZENDESK, {"rootGuard": {"existingSecret": "pager-creds"}}))
    assert find(objs, "Secret", "alerts") == []
    env = env_of(container(one(objs, "Deployment", "worker")))
    assert env["ROOTMAIL_ALERT_SLACK_WEBHOOK"]["valueFrom"]["secretKeyRef"] == {
        "name": "pager-creds", "key": "slack-webhook", "optional": True}
    assert "ROOTMAIL_SILENCE_ALERT_HOURS" not in env and "ROOTMAIL_ALERT_DEDUPE_SECONDS" not in env
    default_env = env_of(container(one(render({}), "Deployment", "worker")))
    assert default_env["ROOTMAIL_ESCROW"]["value"] == "local"
    assert not any(name.startswith("ROOTMAIL_ALERT_") for name in default_env)
