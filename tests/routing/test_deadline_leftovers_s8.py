"""Deadline leftovers of issue 12's last tuning round (item 3), in our own wordings: how routing/deadline.py picks
or reads a date. Each case picked another date (or none) before its fix."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline

SENT = date(2026, 12, 1)


@pytest.mark.parametrize(("text", "want"), [
    ("Please return the signed form before 5:00 PM PST on January 8, 2027. Only bills dated after 2026-10-01 "
     "are accepted.", "2027-01-08"),
    ("Complete the request no later than 17:00 CET on 12 February 2027; statements dated after 2026-11-20 are "
     "attached.", "2027-02-12"),
    ("Reply by 9:30 AM EDT on March 2, 2027. Copies of invoices dated after 2026-09-15 are enough.",
     "2027-03-02"),
])
def test_time_and_zone_between_lead_and_date(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want


@pytest.mark.parametrize("text", [
    "You must rotate the access key AKIAEXAMPLE, created on 2025-06-02, and remove it from the public bucket.",
    "Sie müssen den Zugriffsschlüssel, erstellt am 2. Juni 2025, ersetzen und aus dem öffentlichen Bucket löschen.",
    "请轮换访问密钥（创建于 2025 年 6 月 2 日），并将其从公共存储桶中删除。",
    "액세스 키(생성일: 2025년 6월 2일)를 교체하고 공개 버킷에서 삭제하십시오.",
    "アクセスキー（作成日: 2025年6月2日）を削除し、ローテーションしてください。",
    "Debe reemplazar la clave de acceso, creada el 2 de junio de 2025, y eliminarla del bucket público.",
    "Vous devez remplacer la clé d’accès, créée le 2 juin 2025, et la supprimer du compartiment public.",
    "Você deve substituir a chave de acesso, criada em 2 de junho de 2025, e excluí-la do bucket público.",
    "Deve sostituire la chiave di accesso, creata il 2 giugno 2025, ed eliminarla dal bucket pubblico.",
])
def test_creation_date_is_a_fact(text: str) -> None:
    assert find_deadline(text, SENT) is None


def test_creation_date_beside_a_deadline() -> None:
    text = "The key created on 2026-12-20 must be rotated before January 15, 2027."
    assert find_deadline(text, SENT) == "2027-01-15"


@pytest.mark.parametrize(("text", "want"), [
    ("데이터베이스 db-kr-2 의 유지 관리가 2027년 4월 5일 로 예약되어 있습니다.", "2027-04-05"),
    ("데이터베이스 db-kr-2 의 유지 관리가 2027년 4월 5일 으로 예약되어 있습니다.", "2027-04-05"),
])
def test_korean_particle_after_a_space(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Il servizio sarà dismesso con effetto dal 15 ottobre 2027.", "2027-10-15"),
    ("Der Dienst wird mit Wirkung zum 15. Oktober 2027 eingestellt.", "2027-10-15"),
])
def test_with_effect_from(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Wir führen eine Wartung an Ihrem Cluster durch.\n\nBeginn: 3. März 2027, 01:00 UTC\nEnde: 3. März 2027, "
     "04:00 UTC\n\nEs ist keine Aktion erforderlich.", "2027-03-03"),
    ("Realizaremos un mantenimiento en su clúster.\n\nInicio: 3 de marzo de 2027, 01:00 UTC\nFin: 3 de marzo de "
     "2027, 04:00 UTC", "2027-03-03"),
    ("Faremo una manutenzione del cluster.\n\nInizio: 3 marzo 2027, 01:00 UTC\nFine: 3 marzo 2027, 04:00 UTC",
     "2027-03-03"),
])
def test_labelled_start_line(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want


@pytest.mark.parametrize("text", [
    "Your domain acme-tools.example renews automatically on 2027-01-20. With automatic renewal turned off, the "
    "registration expires on 2027-02-25.",
    "Your domain acme-tools.example renews automatically on 2027-01-20. If you disable automatic renewal, the "
    "registration expires on 2027-02-25.",
])
def test_renewal_date_over_the_conditional_expiry(text: str) -> None:
    assert find_deadline(text, SENT) == "2027-01-20"


@pytest.mark.parametrize(("text", "want"), [
    ("インスタンスの再起動が予定されています。\n\nインスタンス開始終了\n\ni-0123456789abcdef0 2027-02-10 02:00 jst "
     "2027-02-10 04:00 jst\n\nメンテナンスの日時は変更できます (2027-02-24 まで延期可能)。", "2027-02-10"),
    ("인스턴스 재부팅이 예정되어 있습니다.\n\n인스턴스시작종료\n\ni-0123456789abcdef0 2027-02-10 02:00 kst "
     "2027-02-10 04:00 kst\n\n유지 관리 일정은 2027-02-24 까지 연기할 수 있습니다.", "2027-02-10"),
])
def test_reboot_start_over_the_deferral_limit(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Abbiamo deciso di chiudere il servizio: dal 1 febbraio 2027 i nuovi clienti non potranno più iscriversi e "
     "con effetto dal 30 settembre 2027 il servizio sarà dismesso.", "2027-09-30"),
])
def test_new_only_clause_belongs_to_its_own_date(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want
