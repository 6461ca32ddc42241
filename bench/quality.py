"""Benchmark: classification quality on every labelled set of AWS mail, as a table with the misses.

    .venv/bin/python bench/quality.py [--set NAME ...] [--misses/--no-misses] [--json]

Per set: notice type (an also-acceptable type of the labels counts), deadline, account id and
authenticity (only where the labels give it and the set carries DNS records), and how many mails
from a known AWS sender family were left ``unknown``. A mail labelled ``unknown`` (labels older than
"no dead ends") counts as right when it gets its sender family's fallback type. Sets: the shared samples
(``../shared/aws-notices/samples``), the quoted real mail (``../shared/corpora/aws-quoted``), the
real list-forwarded Health mail (``../shared/corpora/aws-real``, labelled here), and our own wording
variants (``tests/fixtures/notices/variants``; ``variants-heldout``: written with them before the rules
were tuned and not looked at while tuning; ``variants-unseen2``: written after tuning, first run
before any change; ``variants-unseen3``: a third batch, first run before any change for it;
``variants-unseen3-heldout``: its random third, run once at the end and not tuned on). The held-out
sets run only when named with ``--set``. A set whose folder is absent is skipped and named.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from ingest.envelope import Envelope  # noqa: E402
from rootmail.runtime import classifier_stages  # noqa: E402
from rootmail.settings import Settings  # noqa: E402
from routing.classify import NoticeClassifier  # noqa: E402
from routing.directory import Directory, parse_directory  # noqa: E402
from routing.dns import StaticResolver  # noqa: E402
from routing.families import sender_family  # noqa: E402
from routing.parse import parse_mail  # noqa: E402
from routing.types import Recipient  # noqa: E402

SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures" / "notices"

#: the examiners' blind batches unseen23 … unseen<LAST_BLIND_BATCH>: each a main folder and its held-out half, all run
#: only when named (a round registers its batches, eight or, in round 156, six, by raising LAST_BLIND_BATCH, committed
#: before its examiners start)
FIRST_BLIND_BATCH, LAST_BLIND_BATCH = 23, 1236
BLIND_SETS = tuple((f"fixtures-unseen{n}{part}", f"variants-unseen{n}{part}")
                   for n in range(FIRST_BLIND_BATCH, LAST_BLIND_BATCH + 1) for part in ("", "-heldout"))
# Run only when named: a held-out third stays unseen until the rules are done (run once, never tuned on).
OPT_IN = frozenset({"fixtures-own10-heldout", "fixtures-own11-heldout", "fixtures-own12-heldout",
                    "fixtures-own13-heldout", "fixtures-own14-heldout", "fixtures-own15-heldout",
                    "fixtures-own16-heldout", "fixtures-own17-heldout", "fixtures-own18-heldout",
                    "fixtures-own19-heldout", "fixtures-own20-heldout", "fixtures-own21-heldout",
                    "fixtures-own22-heldout", "fixtures-own23-heldout", "fixtures-own24-heldout",
                    "fixtures-own25-heldout",
                    "fixtures-own8-heldout", "fixtures-own9-heldout", "fixtures-unseen10", "fixtures-unseen10-heldout",
                    "fixtures-unseen11", "fixtures-unseen11-heldout", "fixtures-unseen12", "fixtures-unseen12-heldout",
                    "fixtures-unseen13", "fixtures-unseen13-heldout", "fixtures-unseen14", "fixtures-unseen14-heldout",
                    "fixtures-unseen15", "fixtures-unseen15-heldout", "fixtures-unseen16", "fixtures-unseen16-heldout",
                    "fixtures-unseen17", "fixtures-unseen17-heldout", "fixtures-unseen18", "fixtures-unseen18-heldout",
                    "fixtures-unseen19", "fixtures-unseen19-heldout", "fixtures-unseen20", "fixtures-unseen20-heldout",
                    "fixtures-unseen21", "fixtures-unseen21-heldout", "fixtures-unseen22", "fixtures-unseen22-heldout",
                    "fixtures-unseen3-heldout", "fixtures-unseen4-heldout", "fixtures-unseen5-heldout",
                    "fixtures-unseen6-heldout", "fixtures-unseen7", "fixtures-unseen7-heldout", "fixtures-unseen8",
                    "fixtures-unseen8-heldout", "fixtures-unseen9", "fixtures-unseen9-heldout"}
                   | {name for name, _ in BLIND_SETS})

# Labels written before a type existed name it in ``missing_type``; this is the type it became.
MISSING_TYPES = {"ses/identity verification success": "ses.identity_verified"}

# ../shared/corpora/aws-real has no labels file: three legacy Direct Connect Health mails
AWS_REAL_LABELS: list[dict[str, Any]] = [
    {"file": "aws1.eml", "notice_type": "health.scheduled_maintenance", "aws_account_id": None,
     "deadline": None, "also_acceptable_deadlines": ["2021-05-20"]},  # informational, as samples/19
    {"file": "aws2.eml", "notice_type": "health.scheduled_maintenance", "aws_account_id": None,
     "deadline": None},  # the cancellation of a planned maintenance: nothing to do
    {"file": "aws3.eml", "notice_type": "health.scheduled_maintenance", "aws_account_id": None,
     "deadline": None, "also_acceptable_types": ["health.operational_issue"]},  # emergency maintenance, past
]


@dataclass
class Score:
    """Counts of one labelled set."""

    name: str
    mails: int = 0
    types: int = 0
    deadlines: int = 0
    deadlines_labelled: int = 0
    deadlines_found: int = 0
    accounts: int = 0
    auth_checked: int = 0
    auth: int = 0
    known_family_unknown: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {"set": self.name, "mails": self.mails, "types": self.types, "deadlines": self.deadlines,
                "deadlines_labelled": self.deadlines_labelled, "deadlines_found": self.deadlines_found,
                "accounts": self.accounts, "auth_checked": self.auth_checked, "auth": self.auth,
                "known_family_unknown": self.known_family_unknown, "misses": self.misses}


@dataclass(frozen=True)
class LabelledSet:
    """A folder of .eml files with their labels, and what it needs to be judged (directory, DNS)."""

    name: str
    folder: Path
    labels: list[dict[str, Any]]
    directory: Directory | None = None
    resolver: StaticResolver | None = None


def _labels(path: Path) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


#: the project's own wording variants: (set name, folder under tests/fixtures/notices)
FIXTURE_SETS = (("fixtures", "variants"), ("fixtures-heldout", "variants-heldout"),
                ("fixtures-unseen2", "variants-unseen2"), ("fixtures-unseen3", "variants-unseen3"),
                ("fixtures-unseen3-heldout", "variants-unseen3-heldout"), ("fixtures-unseen4", "variants-unseen4"),
                ("fixtures-unseen4-heldout", "variants-unseen4-heldout"), ("fixtures-own7", "variants-own7"),
                ("fixtures-own8", "variants-own8"), ("fixtures-own8-heldout", "variants-own8-heldout"),
                ("fixtures-own9", "variants-own9"), ("fixtures-own9-heldout", "variants-own9-heldout"),
                ("fixtures-own5", "variants-own5"), ("fixtures-unseen5", "variants-unseen5"),
                ("fixtures-unseen5-heldout", "variants-unseen5-heldout"), ("fixtures-unseen10", "variants-unseen10"),
                ("fixtures-unseen10-heldout", "variants-unseen10-heldout"), ("fixtures-unseen9", "variants-unseen9"),
                ("fixtures-unseen9-heldout", "variants-unseen9-heldout"), ("fixtures-unseen6", "variants-unseen6"),
                ("fixtures-unseen6-heldout", "variants-unseen6-heldout"), ("fixtures-unseen7", "variants-unseen7"),
                ("fixtures-unseen7-heldout", "variants-unseen7-heldout"), ("fixtures-unseen8", "variants-unseen8"),
                ("fixtures-unseen8-heldout", "variants-unseen8-heldout"), ("fixtures-own6", "variants-own6"),
                ("fixtures-own10", "variants-own10"), ("fixtures-own10-heldout", "variants-own10-heldout"),
                ("fixtures-own11", "variants-own11"), ("fixtures-own11-heldout", "variants-own11-heldout"),
                ("fixtures-own12", "variants-own12"), ("fixtures-own12-heldout", "variants-own12-heldout"),
                ("fixtures-own13", "variants-own13"), ("fixtures-own13-heldout", "variants-own13-heldout"),
                ("fixtures-own14", "variants-own14"), ("fixtures-own14-heldout", "variants-own14-heldout"),
                ("fixtures-unseen11", "variants-unseen11"), ("fixtures-unseen11-heldout", "variants-unseen11-heldout"),
                ("fixtures-unseen12", "variants-unseen12"), ("fixtures-unseen12-heldout", "variants-unseen12-heldout"),
                ("fixtures-unseen13", "variants-unseen13"), ("fixtures-unseen13-heldout", "variants-unseen13-heldout"),
                ("fixtures-own15", "variants-own15"), ("fixtures-own15-heldout", "variants-own15-heldout"),
                ("fixtures-unseen14", "variants-unseen14"), ("fixtures-unseen14-heldout", "variants-unseen14-heldout"),
                ("fixtures-own16", "variants-own16"), ("fixtures-own16-heldout", "variants-own16-heldout"),
                ("fixtures-own17", "variants-own17"), ("fixtures-own17-heldout", "variants-own17-heldout"),
                ("fixtures-unseen15", "variants-unseen15"), ("fixtures-unseen15-heldout", "variants-unseen15-heldout"),
                ("fixtures-unseen16", "variants-unseen16"), ("fixtures-unseen16-heldout", "variants-unseen16-heldout"),
                ("fixtures-own18", "variants-own18"), ("fixtures-own18-heldout", "variants-own18-heldout"),
                ("fixtures-own19", "variants-own19"), ("fixtures-own19-heldout", "variants-own19-heldout"),
                ("fixtures-own20", "variants-own20"), ("fixtures-own20-heldout", "variants-own20-heldout"),
                ("fixtures-unseen17", "variants-unseen17"), ("fixtures-unseen17-heldout", "variants-unseen17-heldout"),
                ("fixtures-unseen18", "variants-unseen18"), ("fixtures-unseen18-heldout", "variants-unseen18-heldout"),
                ("fixtures-own21", "variants-own21"), ("fixtures-own21-heldout", "variants-own21-heldout"),
                ("fixtures-own22", "variants-own22"), ("fixtures-own22-heldout", "variants-own22-heldout"),
                ("fixtures-unseen19", "variants-unseen19"), ("fixtures-unseen19-heldout", "variants-unseen19-heldout"),
                ("fixtures-unseen20", "variants-unseen20"), ("fixtures-unseen20-heldout", "variants-unseen20-heldout"),
                ("fixtures-own23", "variants-own23"), ("fixtures-own23-heldout", "variants-own23-heldout"),
                ("fixtures-unseen21", "variants-unseen21"), ("fixtures-unseen21-heldout", "variants-unseen21-heldout"),
                ("fixtures-unseen22", "variants-unseen22"), ("fixtures-unseen22-heldout", "variants-unseen22-heldout"),
                ("fixtures-own24", "variants-own24"), ("fixtures-own24-heldout", "variants-own24-heldout"),
                ("fixtures-own25", "variants-own25"), ("fixtures-own25-heldout", "variants-own25-heldout"),
                *BLIND_SETS)


def _fixture_set(name: str, folder: str) -> tuple[str, Path, Callable[[], LabelledSet]]:
    path = FIXTURES / folder
    return name, path, lambda: LabelledSet(name, path, _labels(path / "labels.json"))


def labelled_sets(names: Sequence[str] = ()) -> tuple[list[LabelledSet], list[str]]:
    """The sets that are present (filtered by ``names``), and a note for each absent one."""
    out: list[LabelledSet] = []
    absent: list[str] = []
    samples = SHARED / "aws-notices"
    candidates: list[tuple[str, Path, Any]] = [
        ("samples", samples / "samples", lambda: LabelledSet(
            "samples", samples / "samples", _labels(samples / "samples" / "labels.json"),
            parse_directory((samples / "directory.yaml").read_text(encoding="utf-8")),
            StaticResolver.from_json(samples / "dns" / "records.json"))),
        ("aws-quoted", SHARED / "corpora" / "aws-quoted", lambda: LabelledSet(
            "aws-quoted", SHARED / "corpora" / "aws-quoted",
            _labels(SHARED / "corpora" / "aws-quoted" / "labels.json"))),
        ("aws-real", SHARED / "corpora" / "aws-real", lambda: LabelledSet(
            "aws-real", SHARED / "corpora" / "aws-real", AWS_REAL_LABELS)),
        *(_fixture_set(name, folder) for name, folder in FIXTURE_SETS),
    ]
    for name, folder, build in candidates:
        if (names and name not in names) or (not names and name in OPT_IN):
            continue
        if not folder.is_dir():
            absent.append(f"{name}: {folder} is absent")
            continue
        if name != "aws-real" and not (folder / "labels.json").is_file():  # a set still being written
            absent.append(f"{name}: {folder / 'labels.json'} is absent")
            continue
        out.append(build())
    return out, absent


def _type_ok(label: dict[str, Any], got: str, fallback: str) -> bool:
    wanted = {label["notice_type"], *(label.get("also_acceptable_types") or [])}
    if label["notice_type"] == "unknown":
        wanted.add(fallback)  # labelled before issue 12: a known sender family's mail is never a dead end
    missing = str(label.get("missing_type") or "").lower()
    wanted.update(t for key, t in MISSING_TYPES.items() if key in missing)
    return got in wanted


def _deadline_ok(label: dict[str, Any], got: str | None) -> bool:
    return got == label.get("deadline") or got in (label.get("also_acceptable_deadlines") or [])


def score_set(labelled: LabelledSet, classifier: NoticeClassifier, settings: Settings | None = None) -> Score:
    """Classify every labelled mail of ``labelled`` and count what is right. ``classifier``: the one
    of :func:`rootmail.runtime.classifier_stages`; authenticity by that factory's stage too."""
    score = Score(labelled.name)
    authenticate = None
    if labelled.resolver is not None:
        authenticate = classifier_stages(settings or Settings(), lookup=labelled.resolver).authenticate
    for label in labelled.labels:
        raw = (labelled.folder / label["file"]).read_bytes()
        parsed = parse_mail(raw)
        recipient: Recipient | None = None
        if labelled.directory is not None and label.get("recipient"):
            recipient = labelled.directory.resolve(label["recipient"])
        notice = classifier.classify(parsed, recipient)
        score.mails += 1
        problems: list[str] = []
        fallback = classifier.taxonomy.fallback_for(sender_family(parsed.from_address)).id
        if _type_ok(label, notice.notice_type, fallback):
            score.types += 1
        else:
            problems.append(f"type {notice.notice_type} (want {label['notice_type']})")
        if label.get("deadline"):
            score.deadlines_labelled += 1
            score.deadlines_found += _deadline_ok(label, notice.deadline)
        if _deadline_ok(label, notice.deadline):
            score.deadlines += 1
        else:
            problems.append(f"deadline {notice.deadline} (want {label.get('deadline')})")
        if notice.aws_account_id == label.get("aws_account_id"):
            score.accounts += 1
        else:
            problems.append(f"account {notice.aws_account_id} (want {label.get('aws_account_id')})")
        if authenticate is not None and label.get("authenticity"):
            score.auth_checked += 1
            # as a real MTA hands the file over: CRLF line ends (the signatures were made over CRLF)
            wire = re.sub(rb"\r?\n", b"\r\n", raw)
            verdict = authenticate(parse_mail(wire), wire, Envelope("", (), source="bench")).verdict
            if verdict == label["authenticity"]:
                score.auth += 1
            else:
                problems.append(f"authenticity {verdict} (want {label['authenticity']})")
        if notice.notice_type == "unknown" and sender_family(parsed.from_address) is not None:
            score.known_family_unknown += 1
        if problems:
            score.misses.append(f"{label['file']}: " + "; ".join(problems))
    return score


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "-"


def table(scores: Sequence[Score]) -> str:
    """The scores as a fixed-width table."""
    head = ("set", "mails", "type", "deadline (all)", "deadline (labelled)", "account id", "authenticity",
            "known sender left unknown")
    rows = [head] + [(s.name, str(s.mails), _pct(s.types, s.mails), _pct(s.deadlines, s.mails),
                      _pct(s.deadlines_found, s.deadlines_labelled), _pct(s.accounts, s.mails),
                      _pct(s.auth, s.auth_checked), str(s.known_family_unknown)) for s in scores]
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
                     for row in rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="sets", action="append", default=[],
                        help="only this set: samples, aws-quoted, aws-real, "
                             + ", ".join(name for name, _ in FIXTURE_SETS)
                             + "; " + ", ".join(sorted(OPT_IN)) + " run only when named")
    parser.add_argument("--no-misses", action="store_true", help="print the table only")
    parser.add_argument("--json", action="store_true", help="one JSON object per set")
    args = parser.parse_args(argv)
    sets, absent = labelled_sets(args.sets)
    settings = Settings()
    classifier = classifier_stages(settings).classifier  # the worker's classifier (ROOTMAIL_NOTICES_FILE)
    scores = [score_set(s, classifier, settings) for s in sets]
    if args.json:
        for score in scores:
            print(json.dumps(score.row(), ensure_ascii=False))
        return 0
    print(table(scores))
    for note in absent:
        print(f"skipped: {note}")
    if not args.no_misses:
        for score in scores:
            for miss in score.misses:
                print(f"miss [{score.name}] {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
