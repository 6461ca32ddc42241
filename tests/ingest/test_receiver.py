"""SMTP transcript tests: a real smtplib client over a socket to the real receiver."""

from __future__ import annotations

import asyncio
import smtplib
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from ingest.ledger import Ledger
from ingest.publish import QUEUE, Publisher
from ingest.receiver import EdgePolicy, ListenOptions, ReceiverHandler, RecipientVerdict, start_server
from ingest.store import LocalStore
from tests.conftest import LoopThread, free_port

KNOWN = "aws-root+acme-prod@roots.example.com"
OTHER_KNOWN = "aws-root+acme-dev@roots.example.com"
MESSAGE = (
    b"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: " + KNOWN.encode() + b"\r\n"
    b"Subject: test\r\nMessage-ID: <t1@example>\r\n\r\nhello\r\n"
)


def policy(address: str) -> RecipientVerdict:
    if address in (KNOWN, OTHER_KNOWN):
        return "accept"
    return "unknown" if address.endswith("@roots.example.com") else "relay"


class Receiver:
    def __init__(self, store: LocalStore, publisher: Publisher | None, max_size: int = 1024 * 1024,
                 options: ListenOptions | None = None, edge: EdgePolicy | None = None) -> None:
        self.port = free_port()
        self.handler = ReceiverHandler(recipient_policy=policy, store=store, publisher=publisher, policy=edge)
        options = options or ListenOptions(hostname="mx.test", max_message_size=max_size)
        self.thread = LoopThread(lambda: start_server(self.handler, host="127.0.0.1", port=self.port,
                                                      options=options))
        self.server: asyncio.Server = self.thread.result

    def stop(self) -> None:
        async def close() -> None:
            self.server.close()
            await self.server.wait_closed()

        self.thread.call(close())
        self.thread.stop()


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "messages")


@pytest.fixture()
def receiver(store: LocalStore, redis_url: str) -> Iterator[Receiver]:
    publisher = Publisher(Ledger.from_url(redis_url))
    rx = Receiver(store, publisher, max_size=64 * 1024)
    yield rx
    rx.stop()


def test_ehlo_advertises_size_smtputf8_and_8bitmime(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        code, _ = client.ehlo("client.test")
        assert code == 250
        assert client.esmtp_features["size"] == str(64 * 1024)
        assert "smtputf8" in client.esmtp_features
        assert "8bitmime" in client.esmtp_features


def test_unknown_recipient_is_550_5_1_1(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        assert client.rcpt("nobody@roots.example.com") == (
            550, b"5.1.1 Recipient address rejected: no such AWS root mailbox here")


def test_other_domain_is_relay_denied_550_5_7_1(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        code, text = client.rcpt("victim@gmail.example")
        assert (code, text[:5]) == (550, b"5.7.1")


def test_recipient_match_is_case_insensitive(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        assert client.rcpt(KNOWN.upper())[0] == 250


def test_message_over_size_limit_is_552_5_3_4(receiver: Receiver, store: LocalStore) -> None:
    big = MESSAGE + (b"y" * 998 + b"\r\n") * 70
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        client.rcpt(KNOWN)
        assert client.data(big) == (552, b"5.3.4 Message size exceeds fixed maximum message size")
    assert list(store.pending()) == []


def test_declared_size_over_limit_is_refused_at_mail_from(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        code, text = client.mail("bounce@amazonses.com", options=[f"SIZE={10 * 1024 * 1024}"])
        assert (code, text[:5]) == (552, b"5.3.4")


def test_accepted_message_is_stored_ledgered_and_enqueued(receiver: Receiver, store: LocalStore,
                                                          redis_url: str) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        client.rcpt(KNOWN)
        code, text = client.data(MESSAGE)
    assert code == 250
    assert text.startswith(b"2.0.0 queued as ")
    key = text.decode().rsplit(" ", 1)[1]
    stored = store.get(key)
    assert stored.raw == MESSAGE
    assert stored.envelope.rcpt_tos == (KNOWN,)
    assert stored.envelope.mail_from == "bounce@amazonses.com"
    client_redis = redis.Redis.from_url(redis_url)
    assert Ledger(client_redis).entry(key).state == "queued"  # type: ignore[union-attr]
    assert client_redis.llen(QUEUE) == 1
    assert key.encode() in client_redis.lindex(QUEUE, 0)  # type: ignore[operator]


def test_several_recipients_store_the_message_once(receiver: Receiver, store: LocalStore) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        refused = client.sendmail("bounce@amazonses.com", [KNOWN, OTHER_KNOWN, "nobody@roots.example.com"],
                                  MESSAGE)
    assert list(refused) == ["nobody@roots.example.com"]
    pending = list(store.pending())
    assert len(pending) == 1
    assert store.get(pending[0][0]).envelope.rcpt_tos == (KNOWN, OTHER_KNOWN)


def test_store_failure_is_451_4_3_0_and_nothing_is_queued(receiver: Receiver, store: LocalStore,
                                                          redis_url: str) -> None:
    store.pending_dir.rmdir()
    store.pending_dir.write_text("the disk went away")
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        client.rcpt(KNOWN)
        assert client.data(MESSAGE) == (451, b"4.3.0 Temporary failure storing the message, try again later")
    assert redis.Redis.from_url(redis_url).llen(QUEUE) == 0


def test_broker_down_still_answers_250_and_keeps_the_message(store: LocalStore) -> None:
    dead = f"redis://127.0.0.1:{free_port()}/0"
    rx = Receiver(store, Publisher(Ledger.from_url(dead, timeout=0.5)))
    try:
        with smtplib.SMTP("127.0.0.1", rx.port) as client:
            for _ in range(3):
                client.ehlo("client.test")
                client.mail("bounce@amazonses.com")
                client.rcpt(KNOWN)
                code, text = client.data(MESSAGE)
                assert code == 250, text
    finally:
        rx.stop()
    assert len(list(store.pending())) == 3


def test_empty_message_is_refused_with_554_5_6_0(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        client.rcpt(KNOWN)
        assert client.data(b"\r\n")[0] == 554
