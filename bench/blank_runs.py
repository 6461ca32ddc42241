"""Attacker check: does any scan cost more than linear time in a run of blanks? Every literal the rules gate on (and
the literal tuples of the identifier, deadline, date-role and secret modules) becomes a cue; a mail made of the cue,
an account id and a date, each followed by a run of one of eight kinds of blanks, from one of three senders, is parsed,
classified and rendered. A case slower than --threshold is run again with runs four times as long: a linear cost grows
about x4, a square x16, a cube x64. Prints the cases that grew by more than --growth, then a summary line.

    .venv/bin/python bench/blank_runs.py [--run 600] [--threshold 0.06] [--growth 8] [--offset 0]

--offset rotates which blank kind and sender each cue gets (one pass covers one pairing per cue; session 54 ran
offsets 0, 3, 5 and 7). Machines are shared: a loaded pass flags more cases, and only growth counts.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rootmail.runtime import classifier_stages  # noqa: E402
from rootmail.settings import Settings  # noqa: E402
from routing import dateroles, deadline, identifiers, secrets  # noqa: E402
from routing.classify import NoticeClassifier  # noqa: E402
from routing.parse import parse_mail  # noqa: E402
from routing.redact import render  # noqa: E402

BLANKS = (" ", "\n", "\t", " \n", "\r\n", "\u00a0", "\u3000", " \t\n")
SENDERS = (("health@aws.com", "AWS Health Event"), ("no-reply-aws@amazon.com", None),
           ("evil@example.com", "Fwd: AWS notice"))


def _cues() -> list[str]:
    """The gate literals of every compiled rule pattern (their ``needles``) and the modules' literal tuples."""
    found: set[str] = set()
    for obj in gc.get_objects():
        try:
            needles = getattr(obj, "needles", None)
        except Exception:  # (some objects refuse attribute access)
            continue
        if isinstance(needles, (tuple, list, frozenset, set)) and needles and all(isinstance(n, str) for n in needles):
            found.update(needles)
    for module in (identifiers, deadline, dateroles, secrets):
        for value in vars(module).values():
            if isinstance(value, tuple) and value and all(isinstance(v, str) and 2 < len(v) < 40 for v in value):
                found.update(value)
    return sorted(found)


def _mail(sender: str, subject: str | None, body: str) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = f"Amazon Web Services <{sender}>"
    message["To"] = "root@tenant.example"
    message["Date"] = "Wed, 03 Mar 2027 09:00:00 +0000"
    if subject is not None:
        message["Subject"] = subject
    message.set_content(body, charset="utf-8", cte="8bit")
    return message.as_bytes()


def _seconds(classifier: NoticeClassifier, cue: str, blank: str, run: int, sender: str, subject: str | None) -> float:
    body = "".join(f"{cue}{blank * run}123456789012{blank * run}March 1, 2027{blank * run}" for _ in range(3))
    raw = _mail(sender, subject, body)
    start = time.perf_counter()
    parsed = parse_mail(raw)
    render(parsed, classifier.classify(parsed), None)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", type=int, default=600, help="blanks per run (the second try: four times as many)")
    parser.add_argument("--threshold", type=float, default=0.06, help="seconds above which a case is tried again")
    parser.add_argument("--growth", type=float, default=8.0,
                        help="growth at four times the run reported as super-linear")
    parser.add_argument("--offset", type=int, default=0)
    args = parser.parse_args()
    classifier = classifier_stages(Settings()).classifier  # the worker's classifier (rootmail.wiring's one factory)
    cues = _cues()
    began = time.perf_counter()
    tried = flagged = 0
    for index, cue in enumerate(cues):
        blank = BLANKS[(index + args.offset) % len(BLANKS)]
        sender, subject = SENDERS[(index + args.offset) % len(SENDERS)]
        seconds = _seconds(classifier, cue, blank, args.run, sender, subject)
        if seconds <= args.threshold:
            continue
        tried += 1
        longer = _seconds(classifier, cue, blank, 4 * args.run, sender, subject)
        if longer / seconds > args.growth:
            flagged += 1
            print(f"{cue!r:40} blank={blank!r:10} {sender:26} {seconds:7.3f}s -> {longer:7.3f}s "
                  f"(x{longer / seconds:.1f})")
    print(f"{len(cues)} cues in {time.perf_counter() - began:.0f}s; {tried} tried again at x4; {flagged} grew more "
          f"than x{args.growth:g}")


if __name__ == "__main__":
    main()
