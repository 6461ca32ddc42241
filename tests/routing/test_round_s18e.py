"""Session 18's fifth round, after the first runs of unseen95-98, in our own words (none of these sentences is in a
fixture): an API key published on a public website; an old TLS version refused after a rollout; a service AWS will shut
down (pt) and a product's end of life (es); a recommended apply deadline in Chinese."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"


def test_an_api_key_published_on_a_public_website() -> None:
    body = ("We learned that the Amazon Bedrock API key below, which belongs to your account, was published on a "
            "public website with its secret value.\n\n ABSK************XY12   https://paste.example.org/raw/8f2c\n\n"
            "Delete or rotate the key.\n")
    assert classify(GENERAL, "Your Amazon Bedrock API key is publicly available", f"Hello,\n\n{body}").notice_type \
        == "security.exposed_credentials"


def test_an_old_tls_version_refused_after_a_rollout() -> None:
    body = ("Clients in your account still call the Amazon SQS endpoints with TLS 1.1. We are rolling out a new "
            "configuration with TLS 1.2 as the lowest accepted version; the rollout finishes no later than April 30, "
            "2027. After that, requests negotiated with TLS 1.0 or 1.1 will be refused.\n")
    notice = classify(GENERAL, None, f"Hello,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-04-30")


@pytest.mark.parametrize(("body", "expected"), [
    ("Em 15 de março de 2027, encerraremos o Amazon Elastic Inference. Depois dessa data, não será mais possível "
     "enviar novas solicitações.", "2027-03-15"),
    ("Amazon Monitron llegará al final de su vida útil el 15 de marzo de 2027. Desde esa fecha, los sensores dejarán "
     "de enviar datos.", "2027-03-15"),
])
def test_a_service_aws_shuts_down_or_a_products_end_of_life(body: str, expected: str) -> None:
    notice = classify(GENERAL, None, f"Olá,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", expected)


def test_a_recommended_apply_deadline_in_chinese() -> None:
    body = ("您的集群有一项新的服务更新可用。\n\n服务更新摘要：\n"
            "服务更新名称：engine-patch-202701，严重性：重要，发布日期：2026-11-30，"
            "AWS 建议的应用截止日期：2027-01-31 23:59:59 UTC，截止日期后自动更新：否\n")
    notice = classify(HEALTH, "新的 Amazon ElastiCache 服务更新可用", body)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-01-31")
