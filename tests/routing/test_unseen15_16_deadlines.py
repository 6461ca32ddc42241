"""Deadlines of the unseen15/16 misses (issue 12), as families in our own wordings: the first step of a closure
before the shutdown, another product's end of support cited as the cause, the end of a review period in CJK mail.

Every positive case named the wrong date or none before routing/deadline.py learned its family (but the English
and Japanese closures and the Japanese period end, which pass either way and are kept as guards); the negatives
pin what must not move (a first step that stops the security patches, the end of standard support led by
"following", a period that already ended, "收到" before a date)."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import best_deadline, find_deadline

MAIL_DATE = date(2026, 9, 1)

# family A: from D1 nothing new can be created, on D2 the service shuts down: D2
CLOSURE = [
    ('en',
     "From October 5, 2026 you won't be able to create new queues. On February 1, 2027 the "
     'service shuts down and remaining queues are deleted. Move your workloads before February '
     '1, 2027.',
     '2027-02-01'),
    ('de',
     'Ab dem 5. Oktober 2026 können Sie keine neuen'
     ' Warteschlangen mehr erstellen, und am 1. '
     'Februar 2027 wird der Dienst eingestellt. '
     'Bitte migrieren Sie bis zum 1. Februar 2027.',
     '2027-02-01'),
    ('fr',
     'À partir du 5 octobre 2026, il sera '
     'impossible de créer de nouvelles files '
     "d'attente, et le service sera arrêté le 1 "
     'février 2027. Veuillez migrer avant le 1 '
     'février 2027.',
     '2027-02-01'),
    ('es',
     'A partir del 5 de octubre de 2026 no podrá '
     'crear nuevas colas, y el servicio se cerrará '
     'el 1 de febrero de 2027. Migre sus cargas '
     'antes del 1 de febrero de 2027.',
     '2027-02-01'),
    ('it',
     'A partire dal 5 ottobre 2026 non potrà creare'
     ' nuove code, e il servizio verrà chiuso il 1 '
     'febbraio 2027. Migri i carichi di lavoro '
     'entro il 1 febbraio 2027.',
     '2027-02-01'),
    ('pt',
     'A partir de 5 de outubro de 2026, não será '
     'possível criar novas filas, e o serviço será '
     'encerrado em 1 de fevereiro de 2027. Migre as'
     ' cargas antes de 1 de fevereiro de 2027.',
     '2027-02-01'),
    ('ja',
     '2026年10月5日以降、新規キューは作成できません。2027年2月1日にサービスを終了し'
     'ます。2027年2月1日までに移行してください。',
     '2027-02-01'),
    ('zh',
     '自 2026年10月5日起，您将无法创建新的队列，2027年2月1日 '
     '该服务将停止运行。请在 2027年2月1日 之前完成迁移。',
     '2027-02-01'),
    ('ko',
     '2026년 10월 5일부터는 새 대기열을 만들 수 없으며, 2027년 2월 1일에'
     ' 서비스가 중단됩니다. 2027년 2월 1일 이전에 마이그레이션해 주십시오.',
     '2027-02-01'),
]

# the first step stops the security patches: D1 stays the deadline
CLOSURE_NEGATIVE = [
    ('en',
     'Beginning October 5, 2026, Lambda will stop applying security patches to the runtime and '
     'you will not be able to create new functions on it. Beginning January 5, 2027, you cannot '
     'update existing functions.',
     '2026-10-05'),
    ('pt',
     'A partir de 5 de outubro de 2026, o Lambda '
     'deixará de aplicar patches de segurança ao '
     'runtime e não será possível criar novas '
     'funções. A partir de 5 de janeiro de 2027, '
     'não será possível atualizar as funções.',
     '2026-10-05'),
    ('ko',
     '2026년 10월 5일부터 런타임에 보안 패치가 적용되지 않으며 새 함수를 만들 '
     '수 없습니다. 2027년 1월 5일부터는 함수를 업데이트할 수 없습니다.',
     '2026-10-05'),
]

# family B: another product's end of support (D1) cited as the cause; the action by D2
CAUSE = [
    ('en',
     'Following the end of support of Ubuntu 20.04 on October 15, 2026, the build image is '
     'retired. Please move your projects to the new image before December 1, 2026.',
     '2026-12-01'),
    ('de',
     'Nach dem Ende des Supports für Ubuntu 20.04 '
     'am 15. Oktober 2026 wird das Image '
     'eingestellt. Bitte stellen Sie Ihre Projekte '
     'bis zum 1. Dezember 2026 um.',
     '2026-12-01'),
    ('fr',
     "Suite à la fin du support d'Ubuntu 20.04 le "
     "15 octobre 2026, l'image sera retirée. "
     'Veuillez migrer vos projets avant le 1 '
     'décembre 2026.',
     '2026-12-01'),
    ('es',
     'Tras el fin del soporte de Ubuntu 20.04 el 15'
     ' de octubre de 2026, la imagen se retirará. '
     'Migre sus proyectos antes del 1 de diciembre '
     'de 2026.',
     '2026-12-01'),
    ('it',
     'A seguito della fine del supporto di Ubuntu '
     "20.04 il 15 ottobre 2026, l'immagine verrà "
     'ritirata. Migri i progetti entro il 1 '
     'dicembre 2026.',
     '2026-12-01'),
    ('pt',
     'Após o fim do suporte do Ubuntu 20.04 em 15 '
     'de outubro de 2026, a imagem será retirada. '
     'Migre os projetos antes de 1 de dezembro de '
     '2026.',
     '2026-12-01'),
    ('ja',
     '2026年10月15日の Ubuntu 20.04 のサポート終了に伴い、ビルドイメージの'
     '提供を終了します。2026年12月1日までに移行してください。',
     '2026-12-01'),
    ('zh',
     '随着 Ubuntu 20.04 于 2026年10月15日 '
     '终止支持，该构建映像将被停用。请在 2026年12月1日 之前迁移您的项目。',
     '2026-12-01'),
    ('ko',
     '2026년 10월 15일 Ubuntu 20.04 지원 종료에 따라 빌드 이미지가 '
     '사용 중지됩니다. 2026년 12월 1일까지 프로젝트를 마이그레이션해 주십시오.',
     '2026-12-01'),
]

# the end of (standard) support of the product itself stays the deadline
CAUSE_NEGATIVE = [
    ('en',
     'Following the end of standard support on November 26, 2026, clusters are billed for '
     'extended support. Upgrade on or before December 20, 2026 to avoid the fee.',
     '2026-11-26'),
    ('en',
     'After the end of support on October 15, 2026, the runtime no longer receives updates.',
     '2026-10-15'),
]

# family C: the end of a review period, a field without a colon or "到 D"
PERIOD_END = [
    ('zh',
     '审核期开始 2026-09-01\n\n审核期结束 2026年9月15日\n\n'
     '请尽快修正导致投诉的问题。',
     '2026-09-15'),
    ('zh',
     '如果到 2026年9月15日 投诉率仍然过高，我们可能会暂停您的发送功能。',
     '2026-09-15'),
    ('ja',
     '審査期間開始 2026-09-01\n\n審査期間終了 2026年9月15日\n\n'
     '苦情の原因を解消してください。',
     '2026-09-15'),
    ('ko',
     '검토 기간 시작 2026-09-01\n\n검토 기간 종료 2026년 9월 15일\n\n'
     '반송의 원인을 해결해 주십시오.',
     '2026-09-15'),
]

# a period that already ended; "收到" (received) is no "到" (by)
PERIOD_NEGATIVE = [
    ('zh',
     '您的审核期已于 2026年9月10日 结束，无需任何操作。',
     None),
    ('zh',
     '感谢您的耐心。我们收到 2026年9月20日 的订单确认邮件。',
     None),
]

@pytest.mark.parametrize(
    ("language", "text", "expected"),
    CLOSURE + CLOSURE_NEGATIVE + CAUSE + CAUSE_NEGATIVE + PERIOD_END + PERIOD_NEGATIVE,
)
def test_deadline_families_of_unseen15_16(language: str, text: str, expected: str | None) -> None:
    assert find_deadline(text, MAIL_DATE) == expected, language


def test_the_first_step_is_the_deadline_when_the_mail_names_no_other_date() -> None:
    text = ("AWS stellt den Dienst ein. Ab dem 20. Oktober 2026 können keine neuen Aufträge mehr erstellt werden. "
            "Bitte migrieren Sie Ihre Workloads vor diesem Datum.")
    assert find_deadline(text, MAIL_DATE) == "2026-10-20"


def test_the_cause_is_the_deadline_when_the_mail_names_no_other_date() -> None:
    text = "Following the end of support of Amazon Linux 2 on October 30, 2026, these images are retired."
    assert find_deadline(text, MAIL_DATE) == "2026-10-30"


def test_the_source_is_the_action_phrase_not_the_cause() -> None:
    found = best_deadline(CAUSE[0][1], MAIL_DATE)
    assert found is not None
    assert "before December 1, 2026" in found.source
