"""Session 12's third round, after the first run of unseen33/34, in our own words (none of these sentences is in a
fixture): a polite request with a Spanish "hasta el" date, a stop for new resources before a retirement, a Chinese
planned retirement time, a contract's end with "before then", an SES review decided again on a date."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.parse import parse_mail
from tests.routing.mailbuild import build

CLASSIFIER = NoticeClassifier()


@pytest.mark.parametrize(("sender", "subject", "body", "want"), [
    ("no-reply-support@amazon.com", "RE: [CASE 175002318845] Registros de Amazon Widget",
     "Hola:\n\nPara continuar con la investigación le agradeceríamos que nos envíe los registros del cliente hasta el "
     "viernes 11 de diciembre de 2026. Si no recibimos respuesta, el caso se cerrará.\n\nCuenta: 301928475660\n",
     "2026-12-11"),
    ("no-reply-aws@amazon.com", None,
     "Hello,\n\nWe have decided to end support for Amazon Widget Directory. Starting January 4, 2027, you will not be "
     "able to create new directories. On June 30, 2027, we will retire the service and delete your directories; you "
     "must export your data before this date. Account 301928475661.\n", "2027-06-30"),
    ("health@aws.com", "[停用通知] Amazon EC2 实例计划停用",
     "您好：\n\n托管您的实例 i-0a7c3e91f24d6b509 的底层硬件出现退化，属于账户 301928475662。\n\n"
     "检测日期：2026年11月30日\n"
     "计划停用时间：2027年1月12日 10:00 (UTC)\n\n请在计划停用时间之前停止并重新启动该实例。\n", "2027-01-12"),
    ("no-reply@marketplace.aws", "AWS Marketplace: product scheduled for removal - Widget Suite",
     "Hello,\n\nThe seller has scheduled Widget Suite for removal.\n\nBuyer account: 301928475663\n\n"
     "Your contract ends: February 20, 2027\n\nIt cannot be renewed. Please export your data before then.\n",
     "2027-02-20"),
    ("no-reply-aws@amazon.com", "Amazon SES account under review",
     "Amazon SES placed AWS account 301928475664 under review because its bounce rate reached 9 %. Remove invalid "
     "addresses. We will look at your\naccount again on January 15, 2027; if the rate is still high, we may pause "
     "sending.\n", "2027-01-15"),
])
def test_deadlines_of_the_third_round(sender: str, subject: str | None, body: str, want: str) -> None:
    assert CLASSIFIER.classify(parse_mail(build(sender, subject, body))).deadline == want
