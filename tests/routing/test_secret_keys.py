"""AWS secret access keys in mail text (routing.secrets ``_secret_key_spans``): AWS never mails one, but a forged or
forwarded mail may, and no ticket (internal notes included) may show it. Found by attacker testing in session 39: a
"Secret access key: …" line stood in the internal note of a forged cost anomaly."""

from __future__ import annotations

import pytest

from routing import secrets
from routing.redact import redact_text
from tests.routing.test_hostile_complexity import count_regex_work

KEY = "q8Zr7Kd2Lm9Xp4Wt6Vb1Nc3Hs5Jf0Ga7Ye2Ui4Oe"  # 40 characters, fictitious
SLASHED = "Zr7Kd2Lm/9Xp4Wt6Vb+1Nc3Hs5Jf0Ga7Ye2Ui4Oe"


@pytest.mark.parametrize("text", [
    f"Secret access key: {KEY}",
    f"aws_secret_access_key = {KEY}",
    f"Access key AKIAQUOKKAEXAMPLE123 / {SLASHED}",
    f"Chave de acesso secreta: {KEY}",
    f"Clé d'accès secrète : {KEY}",
    f"Chiave di accesso segreta: {KEY}",
    f"Geheimer Zugriffsschlüssel: {KEY}",
    f"シークレットアクセスキー: {KEY}",
    f"秘密访问密钥：{KEY}",
    f"비밀 액세스 키: {KEY}",
    f"aws_secret_access_key={KEY}",
    f"export AWS_SECRET_ACCESS_KEY={SLASHED}",
    f"Credentials: AKIAQUOKKAEXAMPLE123/{SLASHED}",
], ids=["en", "ini", "after-key-id", "pt", "fr", "it", "de", "ja", "zh", "ko", "ini-no-space", "shell", "id-slash-key"])
def test_a_secret_access_key_named_so_is_removed(text: str) -> None:
    found = secrets.find_secrets(text)
    assert [secret.kind for secret in found] == ["AWS secret access key"]
    redacted = redact_text(text)
    assert KEY not in redacted and SLASHED not in redacted


@pytest.mark.parametrize("text", [
    f"Reference {KEY} for your records.",  # (no word names a secret key)
    "Secret scanning found commit 3f786850e387550fdab836ed7e6dc881de23001b in your repository.",  # (a hex digest)
    "Secret: ThisIsAnOrdinarySentenceRunTogetherWords",  # (no digit, "/" or "+")
    f"Secret access key: {KEY}x",  # (41 characters: no AWS secret key)
    f"Secret: x{KEY}",  # (41 characters: no AWS secret key)
    f"Secret: /{KEY}",  # (a path of 41: no AWS secret key)
    f"Secret access key: {KEY}==",  # (base64 padding: no AWS secret key)
], ids=["unnamed", "hex-digest", "words", "41-characters", "41-before", "path", "padded"])
def test_what_is_no_secret_access_key_stays(text: str) -> None:
    assert not [secret for secret in secrets.find_secrets(text) if secret.kind == "AWS secret access key"]


def test_the_key_scan_reads_each_window_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many key-shaped runs under a secret word: each run is matched once, the word looked for once in the 80
    characters before the first, each later key read as one of the list (the one before it ends near it)."""
    text = "Secret access keys:\n" + "".join(f"{KEY}\n" for _ in range(500))
    work = count_regex_work(monkeypatch, secrets)
    found = secrets._secret_key_spans(text)
    assert len(found) == 500  # (each key right after the one before: named by the same word)
    assert work.by_name.get("routing.secrets._SECRET_KEY_WORD", 0) <= 80
    assert work.by_name.get("routing.secrets._SECRET_KEY", 0) <= 2 * len(text)
