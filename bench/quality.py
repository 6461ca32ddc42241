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

# Run only when named: a held-out third stays unseen until the rules are done (run once, never tuned on).
OPT_IN = frozenset({"fixtures-unseen10", "fixtures-unseen10-heldout", "fixtures-unseen3-heldout",
                    "fixtures-unseen4-heldout", "fixtures-unseen5-heldout", "fixtures-own8-heldout",
                    "fixtures-unseen6-heldout", "fixtures-own9-heldout", "fixtures-unseen7",
                    "fixtures-unseen7-heldout", "fixtures-unseen8", "fixtures-unseen8-heldout",
                    "fixtures-own10-heldout", "fixtures-own11-heldout", "fixtures-own12-heldout", "fixtures-unseen9",
                    "fixtures-unseen9-heldout", "fixtures-own13-heldout", "fixtures-unseen11",
                    "fixtures-unseen11-heldout", "fixtures-unseen12", "fixtures-unseen12-heldout",
                    "fixtures-own14-heldout", "fixtures-unseen13", "fixtures-unseen13-heldout",
                    "fixtures-own15-heldout", "fixtures-unseen14", "fixtures-unseen14-heldout",
                    "fixtures-own16-heldout", "fixtures-unseen15", "fixtures-unseen15-heldout", "fixtures-unseen16",
                    "fixtures-unseen16-heldout", "fixtures-own17-heldout", "fixtures-own18-heldout",
                    "fixtures-own19-heldout", "fixtures-own20-heldout", "fixtures-unseen17",
                    "fixtures-unseen17-heldout", "fixtures-unseen18", "fixtures-unseen18-heldout",
                    "fixtures-own21-heldout", "fixtures-own22-heldout", "fixtures-unseen19",
                    "fixtures-unseen19-heldout", "fixtures-unseen20", "fixtures-unseen20-heldout",
                    "fixtures-own23-heldout", "fixtures-unseen21", "fixtures-unseen21-heldout", "fixtures-unseen22",
                    "fixtures-unseen22-heldout", "fixtures-own24-heldout", "fixtures-unseen23",
                    "fixtures-unseen23-heldout", "fixtures-unseen24", "fixtures-unseen24-heldout",
                    "fixtures-unseen25", "fixtures-unseen25-heldout", "fixtures-unseen26",
                    "fixtures-unseen26-heldout", "fixtures-unseen27", "fixtures-unseen27-heldout",
                    "fixtures-unseen28", "fixtures-unseen28-heldout", "fixtures-unseen29",
                    "fixtures-unseen29-heldout", "fixtures-unseen30", "fixtures-unseen30-heldout",
                    "fixtures-unseen31", "fixtures-unseen31-heldout", "fixtures-unseen32",
                    "fixtures-unseen32-heldout", "fixtures-unseen33", "fixtures-unseen33-heldout",
                    "fixtures-unseen34", "fixtures-unseen34-heldout", "fixtures-unseen35",
                    "fixtures-unseen35-heldout", "fixtures-unseen36", "fixtures-unseen36-heldout",
                    "fixtures-unseen37", "fixtures-unseen37-heldout", "fixtures-unseen38",
                    "fixtures-unseen38-heldout", "fixtures-unseen39", "fixtures-unseen39-heldout",
                    "fixtures-unseen40", "fixtures-unseen40-heldout", "fixtures-unseen41",
                    "fixtures-unseen41-heldout", "fixtures-unseen42", "fixtures-unseen42-heldout",
                    "fixtures-unseen43", "fixtures-unseen43-heldout", "fixtures-unseen44",
                    "fixtures-unseen44-heldout", "fixtures-unseen45", "fixtures-unseen45-heldout",
                    "fixtures-unseen46", "fixtures-unseen46-heldout", "fixtures-unseen47",
                    "fixtures-unseen47-heldout", "fixtures-unseen48", "fixtures-unseen48-heldout",
                    "fixtures-unseen49", "fixtures-unseen49-heldout", "fixtures-unseen50",
                    "fixtures-unseen50-heldout", "fixtures-unseen51", "fixtures-unseen51-heldout",
                    "fixtures-unseen52", "fixtures-unseen52-heldout", "fixtures-unseen53",
                    "fixtures-unseen53-heldout", "fixtures-unseen54", "fixtures-unseen54-heldout",
                    "fixtures-unseen55", "fixtures-unseen55-heldout", "fixtures-unseen56",
                    "fixtures-unseen56-heldout", "fixtures-unseen57", "fixtures-unseen57-heldout",
                    "fixtures-unseen58", "fixtures-unseen58-heldout", "fixtures-unseen59",
                    "fixtures-unseen59-heldout", "fixtures-unseen60", "fixtures-unseen60-heldout",
                    "fixtures-unseen61", "fixtures-unseen61-heldout", "fixtures-unseen62",
                    "fixtures-unseen62-heldout", "fixtures-unseen63", "fixtures-unseen63-heldout",
                    "fixtures-unseen64", "fixtures-unseen64-heldout", "fixtures-unseen65",
                    "fixtures-unseen65-heldout", "fixtures-unseen66", "fixtures-unseen66-heldout",
                    "fixtures-unseen67", "fixtures-unseen67-heldout", "fixtures-unseen68",
                    "fixtures-unseen68-heldout", "fixtures-unseen69", "fixtures-unseen69-heldout",
                    "fixtures-unseen70", "fixtures-unseen70-heldout", "fixtures-unseen71",
                    "fixtures-unseen71-heldout", "fixtures-unseen72", "fixtures-unseen72-heldout",
                    "fixtures-unseen73", "fixtures-unseen73-heldout", "fixtures-unseen74",
                    "fixtures-unseen74-heldout", "fixtures-unseen75", "fixtures-unseen75-heldout",
                    "fixtures-unseen76", "fixtures-unseen76-heldout", "fixtures-unseen77",
                    "fixtures-unseen77-heldout", "fixtures-unseen78", "fixtures-unseen78-heldout",
                    "fixtures-unseen79", "fixtures-unseen79-heldout", "fixtures-unseen80",
                    "fixtures-unseen80-heldout", "fixtures-unseen81", "fixtures-unseen81-heldout",
                    "fixtures-unseen82", "fixtures-unseen82-heldout", "fixtures-unseen83",
                    "fixtures-unseen83-heldout", "fixtures-unseen84", "fixtures-unseen84-heldout",
                    "fixtures-unseen85", "fixtures-unseen85-heldout", "fixtures-unseen86",
                    "fixtures-unseen86-heldout", "fixtures-unseen87", "fixtures-unseen87-heldout",
                    "fixtures-unseen88", "fixtures-unseen88-heldout", "fixtures-unseen89",
                    "fixtures-unseen89-heldout", "fixtures-unseen90", "fixtures-unseen90-heldout",
                    "fixtures-unseen91", "fixtures-unseen91-heldout", "fixtures-unseen92",
                    "fixtures-unseen92-heldout", "fixtures-unseen93", "fixtures-unseen93-heldout",
                    "fixtures-unseen94", "fixtures-unseen94-heldout", "fixtures-unseen95",
                    "fixtures-unseen95-heldout", "fixtures-unseen96", "fixtures-unseen96-heldout",
                    "fixtures-unseen97", "fixtures-unseen97-heldout", "fixtures-unseen98",
                    "fixtures-unseen98-heldout", "fixtures-unseen99", "fixtures-unseen99-heldout",
                    "fixtures-unseen100", "fixtures-unseen100-heldout", "fixtures-unseen101",
                    "fixtures-unseen101-heldout", "fixtures-unseen102", "fixtures-unseen102-heldout",
                    "fixtures-unseen103", "fixtures-unseen103-heldout", "fixtures-unseen104",
                    "fixtures-unseen104-heldout", "fixtures-unseen105", "fixtures-unseen105-heldout",
                    "fixtures-unseen106", "fixtures-unseen106-heldout", "fixtures-unseen107",
                    "fixtures-unseen107-heldout", "fixtures-unseen108", "fixtures-unseen108-heldout",
                    "fixtures-unseen109", "fixtures-unseen109-heldout", "fixtures-unseen110",
                    "fixtures-unseen110-heldout", "fixtures-unseen111", "fixtures-unseen111-heldout",
                    "fixtures-unseen112", "fixtures-unseen112-heldout", "fixtures-unseen113",
                    "fixtures-unseen113-heldout", "fixtures-unseen114", "fixtures-unseen114-heldout",
                    "fixtures-unseen115", "fixtures-unseen115-heldout", "fixtures-unseen116",
                    "fixtures-unseen116-heldout", "fixtures-unseen117", "fixtures-unseen117-heldout",
                    "fixtures-unseen118", "fixtures-unseen118-heldout", "fixtures-unseen119",
                    "fixtures-unseen119-heldout", "fixtures-unseen120", "fixtures-unseen120-heldout",
                    "fixtures-unseen121", "fixtures-unseen121-heldout", "fixtures-unseen122",
                    "fixtures-unseen122-heldout", "fixtures-unseen123", "fixtures-unseen123-heldout",
                    "fixtures-unseen124", "fixtures-unseen124-heldout", "fixtures-unseen125",
                    "fixtures-unseen125-heldout", "fixtures-unseen126", "fixtures-unseen126-heldout",
                    "fixtures-unseen127", "fixtures-unseen127-heldout", "fixtures-unseen128",
                    "fixtures-unseen128-heldout", "fixtures-unseen129", "fixtures-unseen129-heldout",
                    "fixtures-unseen130", "fixtures-unseen130-heldout", "fixtures-unseen131",
                    "fixtures-unseen131-heldout", "fixtures-unseen132", "fixtures-unseen132-heldout",
                    "fixtures-unseen133", "fixtures-unseen133-heldout", "fixtures-unseen134",
                    "fixtures-unseen134-heldout", "fixtures-unseen135", "fixtures-unseen135-heldout",
                    "fixtures-unseen136", "fixtures-unseen136-heldout", "fixtures-unseen137",
                    "fixtures-unseen137-heldout", "fixtures-unseen138", "fixtures-unseen138-heldout",
                    "fixtures-unseen139", "fixtures-unseen139-heldout", "fixtures-unseen140",
                    "fixtures-unseen140-heldout", "fixtures-unseen141", "fixtures-unseen141-heldout",
                    "fixtures-unseen142", "fixtures-unseen142-heldout", "fixtures-unseen143",
                    "fixtures-unseen143-heldout", "fixtures-unseen144", "fixtures-unseen144-heldout",
                    "fixtures-unseen145", "fixtures-unseen145-heldout", "fixtures-unseen146",
                    "fixtures-unseen146-heldout", "fixtures-unseen147", "fixtures-unseen147-heldout",
                    "fixtures-unseen148", "fixtures-unseen148-heldout", "fixtures-unseen149",
                    "fixtures-unseen149-heldout", "fixtures-unseen150", "fixtures-unseen150-heldout",
                    "fixtures-unseen151", "fixtures-unseen151-heldout", "fixtures-unseen152",
                    "fixtures-unseen152-heldout", "fixtures-unseen153", "fixtures-unseen153-heldout",
                    "fixtures-unseen154", "fixtures-unseen154-heldout", "fixtures-unseen155",
                    "fixtures-unseen155-heldout", "fixtures-unseen156", "fixtures-unseen156-heldout",
                    "fixtures-unseen157", "fixtures-unseen157-heldout", "fixtures-unseen158",
                    "fixtures-unseen158-heldout", "fixtures-unseen159", "fixtures-unseen159-heldout",
                    "fixtures-unseen160", "fixtures-unseen160-heldout", "fixtures-unseen161",
                    "fixtures-unseen161-heldout", "fixtures-unseen162", "fixtures-unseen162-heldout",
                    "fixtures-unseen163", "fixtures-unseen163-heldout", "fixtures-unseen164",
                    "fixtures-unseen164-heldout", "fixtures-unseen165", "fixtures-unseen165-heldout",
                    "fixtures-unseen166", "fixtures-unseen166-heldout", "fixtures-unseen167",
                    "fixtures-unseen167-heldout", "fixtures-unseen168", "fixtures-unseen168-heldout",
                    "fixtures-unseen169", "fixtures-unseen169-heldout", "fixtures-unseen170",
                    "fixtures-unseen170-heldout", "fixtures-unseen171", "fixtures-unseen171-heldout",
                    "fixtures-unseen172", "fixtures-unseen172-heldout", "fixtures-unseen173",
                    "fixtures-unseen173-heldout", "fixtures-unseen174", "fixtures-unseen174-heldout",
                    "fixtures-unseen175", "fixtures-unseen175-heldout", "fixtures-unseen176",
                    "fixtures-unseen176-heldout", "fixtures-unseen177", "fixtures-unseen177-heldout",
                    "fixtures-unseen178", "fixtures-unseen178-heldout", "fixtures-unseen179",
                    "fixtures-unseen179-heldout", "fixtures-unseen180", "fixtures-unseen180-heldout",
                    "fixtures-unseen181", "fixtures-unseen181-heldout", "fixtures-unseen182",
                    "fixtures-unseen182-heldout", "fixtures-unseen183", "fixtures-unseen183-heldout",
                    "fixtures-unseen184", "fixtures-unseen184-heldout", "fixtures-unseen185",
                    "fixtures-unseen185-heldout", "fixtures-unseen186", "fixtures-unseen186-heldout",
                    "fixtures-unseen187", "fixtures-unseen187-heldout", "fixtures-unseen188",
                    "fixtures-unseen188-heldout", "fixtures-unseen189", "fixtures-unseen189-heldout",
                    "fixtures-unseen190", "fixtures-unseen190-heldout", "fixtures-unseen191",
                    "fixtures-unseen191-heldout", "fixtures-unseen192", "fixtures-unseen192-heldout",
                    "fixtures-unseen193", "fixtures-unseen193-heldout", "fixtures-unseen194",
                    "fixtures-unseen194-heldout", "fixtures-unseen195", "fixtures-unseen195-heldout",
                    "fixtures-unseen196", "fixtures-unseen196-heldout", "fixtures-unseen197",
                    "fixtures-unseen197-heldout", "fixtures-unseen198", "fixtures-unseen198-heldout",
                    "fixtures-unseen199", "fixtures-unseen199-heldout", "fixtures-unseen200",
                    "fixtures-unseen200-heldout", "fixtures-unseen201", "fixtures-unseen201-heldout",
                    "fixtures-unseen202", "fixtures-unseen202-heldout", "fixtures-unseen203",
                    "fixtures-unseen203-heldout", "fixtures-unseen204", "fixtures-unseen204-heldout",
                    "fixtures-unseen205", "fixtures-unseen205-heldout", "fixtures-unseen206",
                    "fixtures-unseen206-heldout", "fixtures-unseen207", "fixtures-unseen207-heldout",
                    "fixtures-unseen208", "fixtures-unseen208-heldout", "fixtures-unseen209",
                    "fixtures-unseen209-heldout", "fixtures-unseen210", "fixtures-unseen210-heldout",
                    "fixtures-unseen211", "fixtures-unseen211-heldout", "fixtures-unseen212",
                    "fixtures-unseen212-heldout", "fixtures-unseen213", "fixtures-unseen213-heldout",
                    "fixtures-unseen214", "fixtures-unseen214-heldout", "fixtures-unseen215",
                    "fixtures-unseen215-heldout", "fixtures-unseen216", "fixtures-unseen216-heldout",
                    "fixtures-unseen217", "fixtures-unseen217-heldout", "fixtures-unseen218",
                    "fixtures-unseen218-heldout", "fixtures-unseen219", "fixtures-unseen219-heldout",
                    "fixtures-unseen220", "fixtures-unseen220-heldout", "fixtures-unseen221",
                    "fixtures-unseen221-heldout", "fixtures-unseen222", "fixtures-unseen222-heldout",
                    "fixtures-unseen223", "fixtures-unseen223-heldout", "fixtures-unseen224",
                    "fixtures-unseen224-heldout", "fixtures-unseen225", "fixtures-unseen225-heldout",
                    "fixtures-unseen226", "fixtures-unseen226-heldout", "fixtures-unseen227",
                    "fixtures-unseen227-heldout", "fixtures-unseen228", "fixtures-unseen228-heldout",
                    "fixtures-unseen229", "fixtures-unseen229-heldout", "fixtures-unseen230",
                    "fixtures-unseen230-heldout", "fixtures-unseen231", "fixtures-unseen231-heldout",
                    "fixtures-unseen232", "fixtures-unseen232-heldout", "fixtures-unseen233",
                    "fixtures-unseen233-heldout", "fixtures-unseen234", "fixtures-unseen234-heldout",
                    "fixtures-unseen235", "fixtures-unseen235-heldout", "fixtures-unseen236",
                    "fixtures-unseen236-heldout", "fixtures-unseen237", "fixtures-unseen237-heldout",
                    "fixtures-unseen238", "fixtures-unseen238-heldout", "fixtures-unseen239",
                    "fixtures-unseen239-heldout", "fixtures-unseen240", "fixtures-unseen240-heldout",
                    "fixtures-unseen241", "fixtures-unseen241-heldout", "fixtures-unseen242",
                    "fixtures-unseen242-heldout", "fixtures-unseen243", "fixtures-unseen243-heldout",
                    "fixtures-unseen244", "fixtures-unseen244-heldout", "fixtures-unseen245",
                    "fixtures-unseen245-heldout", "fixtures-unseen246", "fixtures-unseen246-heldout",
                    "fixtures-unseen247", "fixtures-unseen247-heldout", "fixtures-unseen248",
                    "fixtures-unseen248-heldout", "fixtures-unseen249", "fixtures-unseen249-heldout",
                    "fixtures-unseen250", "fixtures-unseen250-heldout", "fixtures-unseen251",
                    "fixtures-unseen251-heldout", "fixtures-unseen252", "fixtures-unseen252-heldout",
                    "fixtures-unseen253", "fixtures-unseen253-heldout", "fixtures-unseen254",
                    "fixtures-unseen254-heldout", "fixtures-unseen255", "fixtures-unseen255-heldout",
                    "fixtures-unseen256", "fixtures-unseen256-heldout", "fixtures-unseen257",
                    "fixtures-unseen257-heldout", "fixtures-unseen258", "fixtures-unseen258-heldout",
                    "fixtures-unseen259", "fixtures-unseen259-heldout", "fixtures-unseen260",
                    "fixtures-unseen260-heldout", "fixtures-unseen261", "fixtures-unseen261-heldout",
                    "fixtures-unseen262", "fixtures-unseen262-heldout",
                    "fixtures-unseen263", "fixtures-unseen263-heldout", "fixtures-unseen264",
                    "fixtures-unseen264-heldout", "fixtures-unseen265", "fixtures-unseen265-heldout",
                    "fixtures-unseen266", "fixtures-unseen266-heldout",
                    "fixtures-unseen267", "fixtures-unseen267-heldout", "fixtures-unseen268",
                    "fixtures-unseen268-heldout", "fixtures-unseen269", "fixtures-unseen269-heldout",
                    "fixtures-unseen270", "fixtures-unseen270-heldout",
                    "fixtures-unseen271", "fixtures-unseen271-heldout", "fixtures-unseen272",
                    "fixtures-unseen272-heldout", "fixtures-unseen273", "fixtures-unseen273-heldout",
                    "fixtures-unseen274", "fixtures-unseen274-heldout",
                    "fixtures-unseen275", "fixtures-unseen275-heldout", "fixtures-unseen276",
                    "fixtures-unseen276-heldout", "fixtures-unseen277", "fixtures-unseen277-heldout",
                    "fixtures-unseen278", "fixtures-unseen278-heldout",
                    "fixtures-unseen279", "fixtures-unseen279-heldout", "fixtures-unseen280",
                    "fixtures-unseen280-heldout", "fixtures-unseen281", "fixtures-unseen281-heldout",
                    "fixtures-unseen282", "fixtures-unseen282-heldout",
                    "fixtures-unseen283", "fixtures-unseen283-heldout", "fixtures-unseen284",
                    "fixtures-unseen284-heldout", "fixtures-unseen285", "fixtures-unseen285-heldout",
                    "fixtures-unseen286", "fixtures-unseen286-heldout",
                    "fixtures-unseen287", "fixtures-unseen287-heldout", "fixtures-unseen288",
                    "fixtures-unseen288-heldout", "fixtures-unseen289", "fixtures-unseen289-heldout",
                    "fixtures-unseen290", "fixtures-unseen290-heldout",
                    "fixtures-unseen291", "fixtures-unseen291-heldout", "fixtures-unseen292",
                    "fixtures-unseen292-heldout", "fixtures-unseen293", "fixtures-unseen293-heldout",
                    "fixtures-unseen294", "fixtures-unseen294-heldout",
                    "fixtures-unseen295", "fixtures-unseen295-heldout", "fixtures-unseen296",
                    "fixtures-unseen296-heldout", "fixtures-unseen297", "fixtures-unseen297-heldout",
                    "fixtures-unseen298", "fixtures-unseen298-heldout",
                    "fixtures-unseen299", "fixtures-unseen299-heldout", "fixtures-unseen300",
                    "fixtures-unseen300-heldout", "fixtures-unseen301", "fixtures-unseen301-heldout",
                    "fixtures-unseen302", "fixtures-unseen302-heldout",
                    "fixtures-unseen303", "fixtures-unseen303-heldout", "fixtures-unseen304",
                    "fixtures-unseen304-heldout", "fixtures-unseen305", "fixtures-unseen305-heldout",
                    "fixtures-unseen306", "fixtures-unseen306-heldout",
                    "fixtures-unseen307", "fixtures-unseen307-heldout", "fixtures-unseen308",
                    "fixtures-unseen308-heldout", "fixtures-unseen309", "fixtures-unseen309-heldout",
                    "fixtures-unseen310", "fixtures-unseen310-heldout",
                    "fixtures-unseen311", "fixtures-unseen311-heldout", "fixtures-unseen312",
                    "fixtures-unseen312-heldout", "fixtures-unseen313", "fixtures-unseen313-heldout",
                    "fixtures-unseen314", "fixtures-unseen314-heldout",
                    "fixtures-unseen315", "fixtures-unseen315-heldout", "fixtures-unseen316",
                    "fixtures-unseen316-heldout", "fixtures-unseen317", "fixtures-unseen317-heldout",
                    "fixtures-unseen318", "fixtures-unseen318-heldout",
                    "fixtures-unseen319", "fixtures-unseen319-heldout", "fixtures-unseen320",
                    "fixtures-unseen320-heldout",
                    "fixtures-unseen321", "fixtures-unseen321-heldout", "fixtures-unseen322",
                    "fixtures-unseen322-heldout",
                    "fixtures-unseen323", "fixtures-unseen323-heldout", "fixtures-unseen324",
                    "fixtures-unseen324-heldout",
                    "fixtures-unseen325", "fixtures-unseen325-heldout", "fixtures-unseen326",
                    "fixtures-unseen326-heldout",
                    "fixtures-unseen327", "fixtures-unseen327-heldout", "fixtures-unseen328",
                    "fixtures-unseen328-heldout", "fixtures-unseen329", "fixtures-unseen329-heldout",
                    "fixtures-unseen330", "fixtures-unseen330-heldout", "fixtures-unseen331",
                    "fixtures-unseen331-heldout", "fixtures-unseen332", "fixtures-unseen332-heldout",
                    "fixtures-unseen333", "fixtures-unseen333-heldout", "fixtures-unseen334",
                    "fixtures-unseen334-heldout",
                    "fixtures-unseen335", "fixtures-unseen335-heldout", "fixtures-unseen336",
                    "fixtures-unseen336-heldout", "fixtures-unseen337", "fixtures-unseen337-heldout",
                    "fixtures-unseen338", "fixtures-unseen338-heldout", "fixtures-unseen339",
                    "fixtures-unseen339-heldout", "fixtures-unseen340", "fixtures-unseen340-heldout",
                    "fixtures-unseen341", "fixtures-unseen341-heldout", "fixtures-unseen342",
                    "fixtures-unseen342-heldout",
                    "fixtures-unseen343", "fixtures-unseen343-heldout", "fixtures-unseen344",
                    "fixtures-unseen344-heldout", "fixtures-unseen345", "fixtures-unseen345-heldout",
                    "fixtures-unseen346", "fixtures-unseen346-heldout", "fixtures-unseen347",
                    "fixtures-unseen347-heldout", "fixtures-unseen348", "fixtures-unseen348-heldout",
                    "fixtures-unseen349", "fixtures-unseen349-heldout", "fixtures-unseen350",
                    "fixtures-unseen350-heldout",
                    "fixtures-unseen351", "fixtures-unseen351-heldout", "fixtures-unseen352",
                    "fixtures-unseen352-heldout", "fixtures-unseen353", "fixtures-unseen353-heldout",
                    "fixtures-unseen354", "fixtures-unseen354-heldout", "fixtures-unseen355",
                    "fixtures-unseen355-heldout", "fixtures-unseen356", "fixtures-unseen356-heldout",
                    "fixtures-unseen357", "fixtures-unseen357-heldout", "fixtures-unseen358",
                    "fixtures-unseen358-heldout"})

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
                ("fixtures-unseen23", "variants-unseen23"), ("fixtures-unseen23-heldout", "variants-unseen23-heldout"),
                ("fixtures-unseen24", "variants-unseen24"), ("fixtures-unseen24-heldout", "variants-unseen24-heldout"),
                ("fixtures-unseen25", "variants-unseen25"), ("fixtures-unseen25-heldout", "variants-unseen25-heldout"),
                ("fixtures-unseen26", "variants-unseen26"), ("fixtures-unseen26-heldout", "variants-unseen26-heldout"),
                ("fixtures-unseen27", "variants-unseen27"), ("fixtures-unseen27-heldout", "variants-unseen27-heldout"),
                ("fixtures-unseen28", "variants-unseen28"), ("fixtures-unseen28-heldout", "variants-unseen28-heldout"),
                ("fixtures-unseen29", "variants-unseen29"), ("fixtures-unseen29-heldout", "variants-unseen29-heldout"),
                ("fixtures-unseen30", "variants-unseen30"), ("fixtures-unseen30-heldout", "variants-unseen30-heldout"),
                ("fixtures-unseen31", "variants-unseen31"), ("fixtures-unseen31-heldout", "variants-unseen31-heldout"),
                ("fixtures-unseen32", "variants-unseen32"), ("fixtures-unseen32-heldout", "variants-unseen32-heldout"),
                ("fixtures-unseen33", "variants-unseen33"), ("fixtures-unseen33-heldout", "variants-unseen33-heldout"),
                ("fixtures-unseen34", "variants-unseen34"), ("fixtures-unseen34-heldout", "variants-unseen34-heldout"),
                ("fixtures-unseen35", "variants-unseen35"), ("fixtures-unseen35-heldout", "variants-unseen35-heldout"),
                ("fixtures-unseen36", "variants-unseen36"), ("fixtures-unseen36-heldout", "variants-unseen36-heldout"),
                ("fixtures-unseen37", "variants-unseen37"), ("fixtures-unseen37-heldout", "variants-unseen37-heldout"),
                ("fixtures-unseen38", "variants-unseen38"), ("fixtures-unseen38-heldout", "variants-unseen38-heldout"),
                ("fixtures-unseen39", "variants-unseen39"), ("fixtures-unseen39-heldout", "variants-unseen39-heldout"),
                ("fixtures-unseen40", "variants-unseen40"), ("fixtures-unseen40-heldout", "variants-unseen40-heldout"),
                ("fixtures-unseen41", "variants-unseen41"), ("fixtures-unseen41-heldout", "variants-unseen41-heldout"),
                ("fixtures-unseen42", "variants-unseen42"), ("fixtures-unseen42-heldout", "variants-unseen42-heldout"),
                ("fixtures-unseen43", "variants-unseen43"), ("fixtures-unseen43-heldout", "variants-unseen43-heldout"),
                ("fixtures-unseen44", "variants-unseen44"), ("fixtures-unseen44-heldout", "variants-unseen44-heldout"),
                ("fixtures-unseen45", "variants-unseen45"), ("fixtures-unseen45-heldout", "variants-unseen45-heldout"),
                ("fixtures-unseen46", "variants-unseen46"), ("fixtures-unseen46-heldout", "variants-unseen46-heldout"),
                ("fixtures-unseen47", "variants-unseen47"), ("fixtures-unseen47-heldout", "variants-unseen47-heldout"),
                ("fixtures-unseen48", "variants-unseen48"), ("fixtures-unseen48-heldout", "variants-unseen48-heldout"),
                ("fixtures-unseen49", "variants-unseen49"), ("fixtures-unseen49-heldout", "variants-unseen49-heldout"),
                ("fixtures-unseen50", "variants-unseen50"), ("fixtures-unseen50-heldout", "variants-unseen50-heldout"),
                ("fixtures-unseen51", "variants-unseen51"), ("fixtures-unseen51-heldout", "variants-unseen51-heldout"),
                ("fixtures-unseen52", "variants-unseen52"), ("fixtures-unseen52-heldout", "variants-unseen52-heldout"),
                ("fixtures-unseen53", "variants-unseen53"), ("fixtures-unseen53-heldout", "variants-unseen53-heldout"),
                ("fixtures-unseen54", "variants-unseen54"), ("fixtures-unseen54-heldout", "variants-unseen54-heldout"),
                ("fixtures-unseen55", "variants-unseen55"), ("fixtures-unseen55-heldout", "variants-unseen55-heldout"),
                ("fixtures-unseen56", "variants-unseen56"), ("fixtures-unseen56-heldout", "variants-unseen56-heldout"),
                ("fixtures-unseen57", "variants-unseen57"), ("fixtures-unseen57-heldout", "variants-unseen57-heldout"),
                ("fixtures-unseen58", "variants-unseen58"), ("fixtures-unseen58-heldout", "variants-unseen58-heldout"),
                ("fixtures-unseen59", "variants-unseen59"), ("fixtures-unseen59-heldout", "variants-unseen59-heldout"),
                ("fixtures-unseen60", "variants-unseen60"), ("fixtures-unseen60-heldout", "variants-unseen60-heldout"),
                ("fixtures-unseen61", "variants-unseen61"), ("fixtures-unseen61-heldout", "variants-unseen61-heldout"),
                ("fixtures-unseen62", "variants-unseen62"), ("fixtures-unseen62-heldout", "variants-unseen62-heldout"),
                ("fixtures-unseen63", "variants-unseen63"), ("fixtures-unseen63-heldout", "variants-unseen63-heldout"),
                ("fixtures-unseen64", "variants-unseen64"), ("fixtures-unseen64-heldout", "variants-unseen64-heldout"),
                ("fixtures-unseen65", "variants-unseen65"), ("fixtures-unseen65-heldout", "variants-unseen65-heldout"),
                ("fixtures-unseen66", "variants-unseen66"), ("fixtures-unseen66-heldout", "variants-unseen66-heldout"),
                ("fixtures-unseen67", "variants-unseen67"), ("fixtures-unseen67-heldout", "variants-unseen67-heldout"),
                ("fixtures-unseen68", "variants-unseen68"), ("fixtures-unseen68-heldout", "variants-unseen68-heldout"),
                ("fixtures-unseen69", "variants-unseen69"), ("fixtures-unseen69-heldout", "variants-unseen69-heldout"),
                ("fixtures-unseen70", "variants-unseen70"), ("fixtures-unseen70-heldout", "variants-unseen70-heldout"),
                ("fixtures-unseen71", "variants-unseen71"), ("fixtures-unseen71-heldout", "variants-unseen71-heldout"),
                ("fixtures-unseen72", "variants-unseen72"), ("fixtures-unseen72-heldout", "variants-unseen72-heldout"),
                ("fixtures-unseen73", "variants-unseen73"), ("fixtures-unseen73-heldout", "variants-unseen73-heldout"),
                ("fixtures-unseen74", "variants-unseen74"), ("fixtures-unseen74-heldout", "variants-unseen74-heldout"),
                ("fixtures-unseen75", "variants-unseen75"), ("fixtures-unseen75-heldout", "variants-unseen75-heldout"),
                ("fixtures-unseen76", "variants-unseen76"), ("fixtures-unseen76-heldout", "variants-unseen76-heldout"),
                ("fixtures-unseen77", "variants-unseen77"), ("fixtures-unseen77-heldout", "variants-unseen77-heldout"),
                ("fixtures-unseen78", "variants-unseen78"), ("fixtures-unseen78-heldout", "variants-unseen78-heldout"),
                ("fixtures-unseen79", "variants-unseen79"), ("fixtures-unseen79-heldout", "variants-unseen79-heldout"),
                ("fixtures-unseen80", "variants-unseen80"), ("fixtures-unseen80-heldout", "variants-unseen80-heldout"),
                ("fixtures-unseen81", "variants-unseen81"), ("fixtures-unseen81-heldout", "variants-unseen81-heldout"),
                ("fixtures-unseen82", "variants-unseen82"), ("fixtures-unseen82-heldout", "variants-unseen82-heldout"),
                ("fixtures-unseen83", "variants-unseen83"), ("fixtures-unseen83-heldout", "variants-unseen83-heldout"),
                ("fixtures-unseen84", "variants-unseen84"), ("fixtures-unseen84-heldout", "variants-unseen84-heldout"),
                ("fixtures-unseen85", "variants-unseen85"), ("fixtures-unseen85-heldout", "variants-unseen85-heldout"),
                ("fixtures-unseen86", "variants-unseen86"), ("fixtures-unseen86-heldout", "variants-unseen86-heldout"),
                ("fixtures-unseen87", "variants-unseen87"), ("fixtures-unseen87-heldout", "variants-unseen87-heldout"),
                ("fixtures-unseen88", "variants-unseen88"), ("fixtures-unseen88-heldout", "variants-unseen88-heldout"),
                ("fixtures-unseen89", "variants-unseen89"), ("fixtures-unseen89-heldout", "variants-unseen89-heldout"),
                ("fixtures-unseen90", "variants-unseen90"), ("fixtures-unseen90-heldout", "variants-unseen90-heldout"),
                ("fixtures-unseen91", "variants-unseen91"), ("fixtures-unseen91-heldout", "variants-unseen91-heldout"),
                ("fixtures-unseen92", "variants-unseen92"), ("fixtures-unseen92-heldout", "variants-unseen92-heldout"),
                ("fixtures-unseen93", "variants-unseen93"), ("fixtures-unseen93-heldout", "variants-unseen93-heldout"),
                ("fixtures-unseen94", "variants-unseen94"), ("fixtures-unseen94-heldout", "variants-unseen94-heldout"),
                ("fixtures-unseen95", "variants-unseen95"), ("fixtures-unseen95-heldout", "variants-unseen95-heldout"),
                ("fixtures-unseen96", "variants-unseen96"), ("fixtures-unseen96-heldout", "variants-unseen96-heldout"),
                ("fixtures-unseen97", "variants-unseen97"), ("fixtures-unseen97-heldout", "variants-unseen97-heldout"),
                ("fixtures-unseen98", "variants-unseen98"), ("fixtures-unseen98-heldout", "variants-unseen98-heldout"),
                ("fixtures-unseen99", "variants-unseen99"), ("fixtures-unseen99-heldout", "variants-unseen99-heldout"),
                ("fixtures-unseen100", "variants-unseen100"),
                ("fixtures-unseen100-heldout", "variants-unseen100-heldout"),
                ("fixtures-unseen101", "variants-unseen101"),
                ("fixtures-unseen101-heldout", "variants-unseen101-heldout"),
                ("fixtures-unseen102", "variants-unseen102"),
                ("fixtures-unseen102-heldout", "variants-unseen102-heldout"),
                ("fixtures-unseen103", "variants-unseen103"),
                ("fixtures-unseen103-heldout", "variants-unseen103-heldout"),
                ("fixtures-unseen104", "variants-unseen104"),
                ("fixtures-unseen104-heldout", "variants-unseen104-heldout"),
                ("fixtures-unseen105", "variants-unseen105"),
                ("fixtures-unseen105-heldout", "variants-unseen105-heldout"),
                ("fixtures-unseen106", "variants-unseen106"),
                ("fixtures-unseen106-heldout", "variants-unseen106-heldout"),
                ("fixtures-unseen107", "variants-unseen107"),
                ("fixtures-unseen107-heldout", "variants-unseen107-heldout"),
                ("fixtures-unseen108", "variants-unseen108"),
                ("fixtures-unseen108-heldout", "variants-unseen108-heldout"),
                ("fixtures-unseen109", "variants-unseen109"),
                ("fixtures-unseen109-heldout", "variants-unseen109-heldout"),
                ("fixtures-unseen110", "variants-unseen110"),
                ("fixtures-unseen110-heldout", "variants-unseen110-heldout"),
                ("fixtures-unseen111", "variants-unseen111"),
                ("fixtures-unseen111-heldout", "variants-unseen111-heldout"),
                ("fixtures-unseen112", "variants-unseen112"),
                ("fixtures-unseen112-heldout", "variants-unseen112-heldout"),
                ("fixtures-unseen113", "variants-unseen113"),
                ("fixtures-unseen113-heldout", "variants-unseen113-heldout"),
                ("fixtures-unseen114", "variants-unseen114"),
                ("fixtures-unseen114-heldout", "variants-unseen114-heldout"),
                ("fixtures-unseen115", "variants-unseen115"),
                ("fixtures-unseen115-heldout", "variants-unseen115-heldout"),
                ("fixtures-unseen116", "variants-unseen116"),
                ("fixtures-unseen116-heldout", "variants-unseen116-heldout"),
                ("fixtures-unseen117", "variants-unseen117"),
                ("fixtures-unseen117-heldout", "variants-unseen117-heldout"),
                ("fixtures-unseen118", "variants-unseen118"),
                ("fixtures-unseen118-heldout", "variants-unseen118-heldout"),
                ("fixtures-unseen119", "variants-unseen119"),
                ("fixtures-unseen119-heldout", "variants-unseen119-heldout"),
                ("fixtures-unseen120", "variants-unseen120"),
                ("fixtures-unseen120-heldout", "variants-unseen120-heldout"),
                ("fixtures-unseen121", "variants-unseen121"),
                ("fixtures-unseen121-heldout", "variants-unseen121-heldout"),
                ("fixtures-unseen122", "variants-unseen122"),
                ("fixtures-unseen122-heldout", "variants-unseen122-heldout"),
                ("fixtures-unseen123", "variants-unseen123"),
                ("fixtures-unseen123-heldout", "variants-unseen123-heldout"),
                ("fixtures-unseen124", "variants-unseen124"),
                ("fixtures-unseen124-heldout", "variants-unseen124-heldout"),
                ("fixtures-unseen125", "variants-unseen125"),
                ("fixtures-unseen125-heldout", "variants-unseen125-heldout"),
                ("fixtures-unseen126", "variants-unseen126"),
                ("fixtures-unseen126-heldout", "variants-unseen126-heldout"),
                ("fixtures-unseen127", "variants-unseen127"),
                ("fixtures-unseen127-heldout", "variants-unseen127-heldout"),
                ("fixtures-unseen128", "variants-unseen128"),
                ("fixtures-unseen128-heldout", "variants-unseen128-heldout"),
                ("fixtures-unseen129", "variants-unseen129"),
                ("fixtures-unseen129-heldout", "variants-unseen129-heldout"),
                ("fixtures-unseen130", "variants-unseen130"),
                ("fixtures-unseen130-heldout", "variants-unseen130-heldout"),
                ("fixtures-unseen131", "variants-unseen131"),
                ("fixtures-unseen131-heldout", "variants-unseen131-heldout"),
                ("fixtures-unseen132", "variants-unseen132"),
                ("fixtures-unseen132-heldout", "variants-unseen132-heldout"),
                ("fixtures-unseen133", "variants-unseen133"),
                ("fixtures-unseen133-heldout", "variants-unseen133-heldout"),
                ("fixtures-unseen134", "variants-unseen134"),
                ("fixtures-unseen134-heldout", "variants-unseen134-heldout"),
                ("fixtures-unseen135", "variants-unseen135"),
                ("fixtures-unseen135-heldout", "variants-unseen135-heldout"),
                ("fixtures-unseen136", "variants-unseen136"),
                ("fixtures-unseen136-heldout", "variants-unseen136-heldout"),
                ("fixtures-unseen137", "variants-unseen137"),
                ("fixtures-unseen137-heldout", "variants-unseen137-heldout"),
                ("fixtures-unseen138", "variants-unseen138"),
                ("fixtures-unseen138-heldout", "variants-unseen138-heldout"),
                ("fixtures-unseen139", "variants-unseen139"),
                ("fixtures-unseen139-heldout", "variants-unseen139-heldout"),
                ("fixtures-unseen140", "variants-unseen140"),
                ("fixtures-unseen140-heldout", "variants-unseen140-heldout"),
                ("fixtures-unseen141", "variants-unseen141"),
                ("fixtures-unseen141-heldout", "variants-unseen141-heldout"),
                ("fixtures-unseen142", "variants-unseen142"),
                ("fixtures-unseen142-heldout", "variants-unseen142-heldout"),
                ("fixtures-unseen143", "variants-unseen143"),
                ("fixtures-unseen143-heldout", "variants-unseen143-heldout"),
                ("fixtures-unseen144", "variants-unseen144"),
                ("fixtures-unseen144-heldout", "variants-unseen144-heldout"),
                ("fixtures-unseen145", "variants-unseen145"),
                ("fixtures-unseen145-heldout", "variants-unseen145-heldout"),
                ("fixtures-unseen146", "variants-unseen146"),
                ("fixtures-unseen146-heldout", "variants-unseen146-heldout"),
                ("fixtures-unseen147", "variants-unseen147"),
                ("fixtures-unseen147-heldout", "variants-unseen147-heldout"),
                ("fixtures-unseen148", "variants-unseen148"),
                ("fixtures-unseen148-heldout", "variants-unseen148-heldout"),
                ("fixtures-unseen149", "variants-unseen149"),
                ("fixtures-unseen149-heldout", "variants-unseen149-heldout"),
                ("fixtures-unseen150", "variants-unseen150"),
                ("fixtures-unseen150-heldout", "variants-unseen150-heldout"),
                ("fixtures-unseen151", "variants-unseen151"),
                ("fixtures-unseen151-heldout", "variants-unseen151-heldout"),
                ("fixtures-unseen152", "variants-unseen152"),
                ("fixtures-unseen152-heldout", "variants-unseen152-heldout"),
                ("fixtures-unseen153", "variants-unseen153"),
                ("fixtures-unseen153-heldout", "variants-unseen153-heldout"),
                ("fixtures-unseen154", "variants-unseen154"),
                ("fixtures-unseen154-heldout", "variants-unseen154-heldout"),
                ("fixtures-unseen155", "variants-unseen155"),
                ("fixtures-unseen155-heldout", "variants-unseen155-heldout"),
                ("fixtures-unseen156", "variants-unseen156"),
                ("fixtures-unseen156-heldout", "variants-unseen156-heldout"),
                ("fixtures-unseen157", "variants-unseen157"),
                ("fixtures-unseen157-heldout", "variants-unseen157-heldout"),
                ("fixtures-unseen158", "variants-unseen158"),
                ("fixtures-unseen158-heldout", "variants-unseen158-heldout"),
                ("fixtures-unseen159", "variants-unseen159"),
                ("fixtures-unseen159-heldout", "variants-unseen159-heldout"),
                ("fixtures-unseen160", "variants-unseen160"),
                ("fixtures-unseen160-heldout", "variants-unseen160-heldout"),
                ("fixtures-unseen161", "variants-unseen161"),
                ("fixtures-unseen161-heldout", "variants-unseen161-heldout"),
                ("fixtures-unseen162", "variants-unseen162"),
                ("fixtures-unseen162-heldout", "variants-unseen162-heldout"),
                ("fixtures-unseen163", "variants-unseen163"),
                ("fixtures-unseen163-heldout", "variants-unseen163-heldout"),
                ("fixtures-unseen164", "variants-unseen164"),
                ("fixtures-unseen164-heldout", "variants-unseen164-heldout"),
                ("fixtures-unseen165", "variants-unseen165"),
                ("fixtures-unseen165-heldout", "variants-unseen165-heldout"),
                ("fixtures-unseen166", "variants-unseen166"),
                ("fixtures-unseen166-heldout", "variants-unseen166-heldout"),
                ("fixtures-unseen167", "variants-unseen167"),
                ("fixtures-unseen167-heldout", "variants-unseen167-heldout"),
                ("fixtures-unseen168", "variants-unseen168"),
                ("fixtures-unseen168-heldout", "variants-unseen168-heldout"),
                ("fixtures-unseen169", "variants-unseen169"),
                ("fixtures-unseen169-heldout", "variants-unseen169-heldout"),
                ("fixtures-unseen170", "variants-unseen170"),
                ("fixtures-unseen170-heldout", "variants-unseen170-heldout"),
                ("fixtures-unseen171", "variants-unseen171"),
                ("fixtures-unseen171-heldout", "variants-unseen171-heldout"),
                ("fixtures-unseen172", "variants-unseen172"),
                ("fixtures-unseen172-heldout", "variants-unseen172-heldout"),
                ("fixtures-unseen173", "variants-unseen173"),
                ("fixtures-unseen173-heldout", "variants-unseen173-heldout"),
                ("fixtures-unseen174", "variants-unseen174"),
                ("fixtures-unseen174-heldout", "variants-unseen174-heldout"),
                ("fixtures-unseen175", "variants-unseen175"),
                ("fixtures-unseen175-heldout", "variants-unseen175-heldout"),
                ("fixtures-unseen176", "variants-unseen176"),
                ("fixtures-unseen176-heldout", "variants-unseen176-heldout"),
                ("fixtures-unseen177", "variants-unseen177"),
                ("fixtures-unseen177-heldout", "variants-unseen177-heldout"),
                ("fixtures-unseen178", "variants-unseen178"),
                ("fixtures-unseen178-heldout", "variants-unseen178-heldout"),
                ("fixtures-unseen179", "variants-unseen179"),
                ("fixtures-unseen179-heldout", "variants-unseen179-heldout"),
                ("fixtures-unseen180", "variants-unseen180"),
                ("fixtures-unseen180-heldout", "variants-unseen180-heldout"),
                ("fixtures-unseen181", "variants-unseen181"),
                ("fixtures-unseen181-heldout", "variants-unseen181-heldout"),
                ("fixtures-unseen182", "variants-unseen182"),
                ("fixtures-unseen182-heldout", "variants-unseen182-heldout"),
                ("fixtures-unseen183", "variants-unseen183"),
                ("fixtures-unseen183-heldout", "variants-unseen183-heldout"),
                ("fixtures-unseen184", "variants-unseen184"),
                ("fixtures-unseen184-heldout", "variants-unseen184-heldout"),
                ("fixtures-unseen185", "variants-unseen185"),
                ("fixtures-unseen185-heldout", "variants-unseen185-heldout"),
                ("fixtures-unseen186", "variants-unseen186"),
                ("fixtures-unseen186-heldout", "variants-unseen186-heldout"),
                ("fixtures-unseen187", "variants-unseen187"),
                ("fixtures-unseen187-heldout", "variants-unseen187-heldout"),
                ("fixtures-unseen188", "variants-unseen188"),
                ("fixtures-unseen188-heldout", "variants-unseen188-heldout"),
                ("fixtures-unseen189", "variants-unseen189"),
                ("fixtures-unseen189-heldout", "variants-unseen189-heldout"),
                ("fixtures-unseen190", "variants-unseen190"),
                ("fixtures-unseen190-heldout", "variants-unseen190-heldout"),
                ("fixtures-unseen191", "variants-unseen191"),
                ("fixtures-unseen191-heldout", "variants-unseen191-heldout"),
                ("fixtures-unseen192", "variants-unseen192"),
                ("fixtures-unseen192-heldout", "variants-unseen192-heldout"),
                ("fixtures-unseen193", "variants-unseen193"),
                ("fixtures-unseen193-heldout", "variants-unseen193-heldout"),
                ("fixtures-unseen194", "variants-unseen194"),
                ("fixtures-unseen194-heldout", "variants-unseen194-heldout"),
                ("fixtures-unseen195", "variants-unseen195"),
                ("fixtures-unseen195-heldout", "variants-unseen195-heldout"),
                ("fixtures-unseen196", "variants-unseen196"),
                ("fixtures-unseen196-heldout", "variants-unseen196-heldout"),
                ("fixtures-unseen197", "variants-unseen197"),
                ("fixtures-unseen197-heldout", "variants-unseen197-heldout"),
                ("fixtures-unseen198", "variants-unseen198"),
                ("fixtures-unseen198-heldout", "variants-unseen198-heldout"),
                ("fixtures-unseen199", "variants-unseen199"),
                ("fixtures-unseen199-heldout", "variants-unseen199-heldout"),
                ("fixtures-unseen200", "variants-unseen200"),
                ("fixtures-unseen200-heldout", "variants-unseen200-heldout"),
                ("fixtures-unseen201", "variants-unseen201"),
                ("fixtures-unseen201-heldout", "variants-unseen201-heldout"),
                ("fixtures-unseen202", "variants-unseen202"),
                ("fixtures-unseen202-heldout", "variants-unseen202-heldout"),
                ("fixtures-unseen203", "variants-unseen203"),
                ("fixtures-unseen203-heldout", "variants-unseen203-heldout"),
                ("fixtures-unseen204", "variants-unseen204"),
                ("fixtures-unseen204-heldout", "variants-unseen204-heldout"),
                ("fixtures-unseen205", "variants-unseen205"),
                ("fixtures-unseen205-heldout", "variants-unseen205-heldout"),
                ("fixtures-unseen206", "variants-unseen206"),
                ("fixtures-unseen206-heldout", "variants-unseen206-heldout"),
                ("fixtures-unseen207", "variants-unseen207"),
                ("fixtures-unseen207-heldout", "variants-unseen207-heldout"),
                ("fixtures-unseen208", "variants-unseen208"),
                ("fixtures-unseen208-heldout", "variants-unseen208-heldout"),
                ("fixtures-unseen209", "variants-unseen209"),
                ("fixtures-unseen209-heldout", "variants-unseen209-heldout"),
                ("fixtures-unseen210", "variants-unseen210"),
                ("fixtures-unseen210-heldout", "variants-unseen210-heldout"),
                ("fixtures-unseen211", "variants-unseen211"),
                ("fixtures-unseen211-heldout", "variants-unseen211-heldout"),
                ("fixtures-unseen212", "variants-unseen212"),
                ("fixtures-unseen212-heldout", "variants-unseen212-heldout"),
                ("fixtures-unseen213", "variants-unseen213"),
                ("fixtures-unseen213-heldout", "variants-unseen213-heldout"),
                ("fixtures-unseen214", "variants-unseen214"),
                ("fixtures-unseen214-heldout", "variants-unseen214-heldout"),
                ("fixtures-unseen215", "variants-unseen215"),
                ("fixtures-unseen215-heldout", "variants-unseen215-heldout"),
                ("fixtures-unseen216", "variants-unseen216"),
                ("fixtures-unseen216-heldout", "variants-unseen216-heldout"),
                ("fixtures-unseen217", "variants-unseen217"),
                ("fixtures-unseen217-heldout", "variants-unseen217-heldout"),
                ("fixtures-unseen218", "variants-unseen218"),
                ("fixtures-unseen218-heldout", "variants-unseen218-heldout"),
                ("fixtures-unseen219", "variants-unseen219"),
                ("fixtures-unseen219-heldout", "variants-unseen219-heldout"),
                ("fixtures-unseen220", "variants-unseen220"),
                ("fixtures-unseen220-heldout", "variants-unseen220-heldout"),
                ("fixtures-unseen221", "variants-unseen221"),
                ("fixtures-unseen221-heldout", "variants-unseen221-heldout"),
                ("fixtures-unseen222", "variants-unseen222"),
                ("fixtures-unseen222-heldout", "variants-unseen222-heldout"),
                ("fixtures-unseen223", "variants-unseen223"),
                ("fixtures-unseen223-heldout", "variants-unseen223-heldout"),
                ("fixtures-unseen224", "variants-unseen224"),
                ("fixtures-unseen224-heldout", "variants-unseen224-heldout"),
                ("fixtures-unseen225", "variants-unseen225"),
                ("fixtures-unseen225-heldout", "variants-unseen225-heldout"),
                ("fixtures-unseen226", "variants-unseen226"),
                ("fixtures-unseen226-heldout", "variants-unseen226-heldout"),
                ("fixtures-unseen227", "variants-unseen227"),
                ("fixtures-unseen227-heldout", "variants-unseen227-heldout"),
                ("fixtures-unseen228", "variants-unseen228"),
                ("fixtures-unseen228-heldout", "variants-unseen228-heldout"),
                ("fixtures-unseen229", "variants-unseen229"),
                ("fixtures-unseen229-heldout", "variants-unseen229-heldout"),
                ("fixtures-unseen230", "variants-unseen230"),
                ("fixtures-unseen230-heldout", "variants-unseen230-heldout"),
                ("fixtures-unseen231", "variants-unseen231"),
                ("fixtures-unseen231-heldout", "variants-unseen231-heldout"),
                ("fixtures-unseen232", "variants-unseen232"),
                ("fixtures-unseen232-heldout", "variants-unseen232-heldout"),
                ("fixtures-unseen233", "variants-unseen233"),
                ("fixtures-unseen233-heldout", "variants-unseen233-heldout"),
                ("fixtures-unseen234", "variants-unseen234"),
                ("fixtures-unseen234-heldout", "variants-unseen234-heldout"),
                ("fixtures-unseen235", "variants-unseen235"),
                ("fixtures-unseen235-heldout", "variants-unseen235-heldout"),
                ("fixtures-unseen236", "variants-unseen236"),
                ("fixtures-unseen236-heldout", "variants-unseen236-heldout"),
                ("fixtures-unseen237", "variants-unseen237"),
                ("fixtures-unseen237-heldout", "variants-unseen237-heldout"),
                ("fixtures-unseen238", "variants-unseen238"),
                ("fixtures-unseen238-heldout", "variants-unseen238-heldout"),
                ("fixtures-unseen239", "variants-unseen239"),
                ("fixtures-unseen239-heldout", "variants-unseen239-heldout"),
                ("fixtures-unseen240", "variants-unseen240"),
                ("fixtures-unseen240-heldout", "variants-unseen240-heldout"),
                ("fixtures-unseen241", "variants-unseen241"),
                ("fixtures-unseen241-heldout", "variants-unseen241-heldout"),
                ("fixtures-unseen242", "variants-unseen242"),
                ("fixtures-unseen242-heldout", "variants-unseen242-heldout"),
                ("fixtures-unseen243", "variants-unseen243"),
                ("fixtures-unseen243-heldout", "variants-unseen243-heldout"),
                ("fixtures-unseen244", "variants-unseen244"),
                ("fixtures-unseen244-heldout", "variants-unseen244-heldout"),
                ("fixtures-unseen245", "variants-unseen245"),
                ("fixtures-unseen245-heldout", "variants-unseen245-heldout"),
                ("fixtures-unseen246", "variants-unseen246"),
                ("fixtures-unseen246-heldout", "variants-unseen246-heldout"),
                ("fixtures-unseen247", "variants-unseen247"),
                ("fixtures-unseen247-heldout", "variants-unseen247-heldout"),
                ("fixtures-unseen248", "variants-unseen248"),
                ("fixtures-unseen248-heldout", "variants-unseen248-heldout"),
                ("fixtures-unseen249", "variants-unseen249"),
                ("fixtures-unseen249-heldout", "variants-unseen249-heldout"),
                ("fixtures-unseen250", "variants-unseen250"),
                ("fixtures-unseen250-heldout", "variants-unseen250-heldout"),
                ("fixtures-unseen251", "variants-unseen251"),
                ("fixtures-unseen251-heldout", "variants-unseen251-heldout"),
                ("fixtures-unseen252", "variants-unseen252"),
                ("fixtures-unseen252-heldout", "variants-unseen252-heldout"),
                ("fixtures-unseen253", "variants-unseen253"),
                ("fixtures-unseen253-heldout", "variants-unseen253-heldout"),
                ("fixtures-unseen254", "variants-unseen254"),
                ("fixtures-unseen254-heldout", "variants-unseen254-heldout"),
                ("fixtures-unseen255", "variants-unseen255"),
                ("fixtures-unseen255-heldout", "variants-unseen255-heldout"),
                ("fixtures-unseen256", "variants-unseen256"),
                ("fixtures-unseen256-heldout", "variants-unseen256-heldout"),
                ("fixtures-unseen257", "variants-unseen257"),
                ("fixtures-unseen257-heldout", "variants-unseen257-heldout"),
                ("fixtures-unseen258", "variants-unseen258"),
                ("fixtures-unseen258-heldout", "variants-unseen258-heldout"),
                ("fixtures-unseen259", "variants-unseen259"),
                ("fixtures-unseen259-heldout", "variants-unseen259-heldout"),
                ("fixtures-unseen260", "variants-unseen260"),
                ("fixtures-unseen260-heldout", "variants-unseen260-heldout"),
                ("fixtures-unseen261", "variants-unseen261"),
                ("fixtures-unseen261-heldout", "variants-unseen261-heldout"),
                ("fixtures-unseen262", "variants-unseen262"),
                ("fixtures-unseen262-heldout", "variants-unseen262-heldout"),
                ("fixtures-unseen263", "variants-unseen263"),
                ("fixtures-unseen263-heldout", "variants-unseen263-heldout"),
                ("fixtures-unseen264", "variants-unseen264"),
                ("fixtures-unseen264-heldout", "variants-unseen264-heldout"),
                ("fixtures-unseen265", "variants-unseen265"),
                ("fixtures-unseen265-heldout", "variants-unseen265-heldout"),
                ("fixtures-unseen266", "variants-unseen266"),
                ("fixtures-unseen266-heldout", "variants-unseen266-heldout"),
                ("fixtures-unseen267", "variants-unseen267"),
                ("fixtures-unseen267-heldout", "variants-unseen267-heldout"),
                ("fixtures-unseen268", "variants-unseen268"),
                ("fixtures-unseen268-heldout", "variants-unseen268-heldout"),
                ("fixtures-unseen269", "variants-unseen269"),
                ("fixtures-unseen269-heldout", "variants-unseen269-heldout"),
                ("fixtures-unseen270", "variants-unseen270"),
                ("fixtures-unseen270-heldout", "variants-unseen270-heldout"),
                ("fixtures-unseen271", "variants-unseen271"),
                ("fixtures-unseen271-heldout", "variants-unseen271-heldout"),
                ("fixtures-unseen272", "variants-unseen272"),
                ("fixtures-unseen272-heldout", "variants-unseen272-heldout"),
                ("fixtures-unseen273", "variants-unseen273"),
                ("fixtures-unseen273-heldout", "variants-unseen273-heldout"),
                ("fixtures-unseen274", "variants-unseen274"),
                ("fixtures-unseen274-heldout", "variants-unseen274-heldout"),
                ("fixtures-unseen275", "variants-unseen275"),
                ("fixtures-unseen275-heldout", "variants-unseen275-heldout"),
                ("fixtures-unseen276", "variants-unseen276"),
                ("fixtures-unseen276-heldout", "variants-unseen276-heldout"),
                ("fixtures-unseen277", "variants-unseen277"),
                ("fixtures-unseen277-heldout", "variants-unseen277-heldout"),
                ("fixtures-unseen278", "variants-unseen278"),
                ("fixtures-unseen278-heldout", "variants-unseen278-heldout"),
                ("fixtures-unseen279", "variants-unseen279"),
                ("fixtures-unseen279-heldout", "variants-unseen279-heldout"),
                ("fixtures-unseen280", "variants-unseen280"),
                ("fixtures-unseen280-heldout", "variants-unseen280-heldout"),
                ("fixtures-unseen281", "variants-unseen281"),
                ("fixtures-unseen281-heldout", "variants-unseen281-heldout"),
                ("fixtures-unseen282", "variants-unseen282"),
                ("fixtures-unseen282-heldout", "variants-unseen282-heldout"),
                ("fixtures-unseen283", "variants-unseen283"),
                ("fixtures-unseen283-heldout", "variants-unseen283-heldout"),
                ("fixtures-unseen284", "variants-unseen284"),
                ("fixtures-unseen284-heldout", "variants-unseen284-heldout"),
                ("fixtures-unseen285", "variants-unseen285"),
                ("fixtures-unseen285-heldout", "variants-unseen285-heldout"),
                ("fixtures-unseen286", "variants-unseen286"),
                ("fixtures-unseen286-heldout", "variants-unseen286-heldout"),
                ("fixtures-unseen287", "variants-unseen287"),
                ("fixtures-unseen287-heldout", "variants-unseen287-heldout"),
                ("fixtures-unseen288", "variants-unseen288"),
                ("fixtures-unseen288-heldout", "variants-unseen288-heldout"),
                ("fixtures-unseen289", "variants-unseen289"),
                ("fixtures-unseen289-heldout", "variants-unseen289-heldout"),
                ("fixtures-unseen290", "variants-unseen290"),
                ("fixtures-unseen290-heldout", "variants-unseen290-heldout"),
                ("fixtures-unseen291", "variants-unseen291"),
                ("fixtures-unseen291-heldout", "variants-unseen291-heldout"),
                ("fixtures-unseen292", "variants-unseen292"),
                ("fixtures-unseen292-heldout", "variants-unseen292-heldout"),
                ("fixtures-unseen293", "variants-unseen293"),
                ("fixtures-unseen293-heldout", "variants-unseen293-heldout"),
                ("fixtures-unseen294", "variants-unseen294"),
                ("fixtures-unseen294-heldout", "variants-unseen294-heldout"),
                ("fixtures-unseen295", "variants-unseen295"),
                ("fixtures-unseen295-heldout", "variants-unseen295-heldout"),
                ("fixtures-unseen296", "variants-unseen296"),
                ("fixtures-unseen296-heldout", "variants-unseen296-heldout"),
                ("fixtures-unseen297", "variants-unseen297"),
                ("fixtures-unseen297-heldout", "variants-unseen297-heldout"),
                ("fixtures-unseen298", "variants-unseen298"),
                ("fixtures-unseen298-heldout", "variants-unseen298-heldout"),
                ("fixtures-unseen299", "variants-unseen299"),
                ("fixtures-unseen299-heldout", "variants-unseen299-heldout"),
                ("fixtures-unseen300", "variants-unseen300"),
                ("fixtures-unseen300-heldout", "variants-unseen300-heldout"),
                ("fixtures-unseen301", "variants-unseen301"),
                ("fixtures-unseen301-heldout", "variants-unseen301-heldout"),
                ("fixtures-unseen302", "variants-unseen302"),
                ("fixtures-unseen302-heldout", "variants-unseen302-heldout"),
                ("fixtures-unseen303", "variants-unseen303"),
                ("fixtures-unseen303-heldout", "variants-unseen303-heldout"),
                ("fixtures-unseen304", "variants-unseen304"),
                ("fixtures-unseen304-heldout", "variants-unseen304-heldout"),
                ("fixtures-unseen305", "variants-unseen305"),
                ("fixtures-unseen305-heldout", "variants-unseen305-heldout"),
                ("fixtures-unseen306", "variants-unseen306"),
                ("fixtures-unseen306-heldout", "variants-unseen306-heldout"),
                ("fixtures-unseen307", "variants-unseen307"),
                ("fixtures-unseen307-heldout", "variants-unseen307-heldout"),
                ("fixtures-unseen308", "variants-unseen308"),
                ("fixtures-unseen308-heldout", "variants-unseen308-heldout"),
                ("fixtures-unseen309", "variants-unseen309"),
                ("fixtures-unseen309-heldout", "variants-unseen309-heldout"),
                ("fixtures-unseen310", "variants-unseen310"),
                ("fixtures-unseen310-heldout", "variants-unseen310-heldout"),
                ("fixtures-unseen311", "variants-unseen311"),
                ("fixtures-unseen311-heldout", "variants-unseen311-heldout"),
                ("fixtures-unseen312", "variants-unseen312"),
                ("fixtures-unseen312-heldout", "variants-unseen312-heldout"),
                ("fixtures-unseen313", "variants-unseen313"),
                ("fixtures-unseen313-heldout", "variants-unseen313-heldout"),
                ("fixtures-unseen314", "variants-unseen314"),
                ("fixtures-unseen314-heldout", "variants-unseen314-heldout"),
                ("fixtures-unseen315", "variants-unseen315"),
                ("fixtures-unseen315-heldout", "variants-unseen315-heldout"),
                ("fixtures-unseen316", "variants-unseen316"),
                ("fixtures-unseen316-heldout", "variants-unseen316-heldout"),
                ("fixtures-unseen317", "variants-unseen317"),
                ("fixtures-unseen317-heldout", "variants-unseen317-heldout"),
                ("fixtures-unseen318", "variants-unseen318"),
                ("fixtures-unseen318-heldout", "variants-unseen318-heldout"),
                ("fixtures-unseen319", "variants-unseen319"),
                ("fixtures-unseen319-heldout", "variants-unseen319-heldout"),
                ("fixtures-unseen320", "variants-unseen320"),
                ("fixtures-unseen320-heldout", "variants-unseen320-heldout"),
                ("fixtures-unseen321", "variants-unseen321"),
                ("fixtures-unseen321-heldout", "variants-unseen321-heldout"),
                ("fixtures-unseen322", "variants-unseen322"),
                ("fixtures-unseen322-heldout", "variants-unseen322-heldout"),
                ("fixtures-unseen323", "variants-unseen323"),
                ("fixtures-unseen323-heldout", "variants-unseen323-heldout"),
                ("fixtures-unseen324", "variants-unseen324"),
                ("fixtures-unseen324-heldout", "variants-unseen324-heldout"),
                ("fixtures-unseen325", "variants-unseen325"),
                ("fixtures-unseen325-heldout", "variants-unseen325-heldout"),
                ("fixtures-unseen326", "variants-unseen326"),
                ("fixtures-unseen326-heldout", "variants-unseen326-heldout"),
                ("fixtures-unseen327", "variants-unseen327"),
                ("fixtures-unseen327-heldout", "variants-unseen327-heldout"),
                ("fixtures-unseen328", "variants-unseen328"),
                ("fixtures-unseen328-heldout", "variants-unseen328-heldout"),
                ("fixtures-unseen329", "variants-unseen329"),
                ("fixtures-unseen329-heldout", "variants-unseen329-heldout"),
                ("fixtures-unseen330", "variants-unseen330"),
                ("fixtures-unseen330-heldout", "variants-unseen330-heldout"),
                ("fixtures-unseen331", "variants-unseen331"),
                ("fixtures-unseen331-heldout", "variants-unseen331-heldout"),
                ("fixtures-unseen332", "variants-unseen332"),
                ("fixtures-unseen332-heldout", "variants-unseen332-heldout"),
                ("fixtures-unseen333", "variants-unseen333"),
                ("fixtures-unseen333-heldout", "variants-unseen333-heldout"),
                ("fixtures-unseen334", "variants-unseen334"),
                ("fixtures-unseen334-heldout", "variants-unseen334-heldout"),
                ("fixtures-unseen335", "variants-unseen335"),
                ("fixtures-unseen335-heldout", "variants-unseen335-heldout"),
                ("fixtures-unseen336", "variants-unseen336"),
                ("fixtures-unseen336-heldout", "variants-unseen336-heldout"),
                ("fixtures-unseen337", "variants-unseen337"),
                ("fixtures-unseen337-heldout", "variants-unseen337-heldout"),
                ("fixtures-unseen338", "variants-unseen338"),
                ("fixtures-unseen338-heldout", "variants-unseen338-heldout"),
                ("fixtures-unseen339", "variants-unseen339"),
                ("fixtures-unseen339-heldout", "variants-unseen339-heldout"),
                ("fixtures-unseen340", "variants-unseen340"),
                ("fixtures-unseen340-heldout", "variants-unseen340-heldout"),
                ("fixtures-unseen341", "variants-unseen341"),
                ("fixtures-unseen341-heldout", "variants-unseen341-heldout"),
                ("fixtures-unseen342", "variants-unseen342"),
                ("fixtures-unseen342-heldout", "variants-unseen342-heldout"),
                ("fixtures-unseen343", "variants-unseen343"),
                ("fixtures-unseen343-heldout", "variants-unseen343-heldout"),
                ("fixtures-unseen344", "variants-unseen344"),
                ("fixtures-unseen344-heldout", "variants-unseen344-heldout"),
                ("fixtures-unseen345", "variants-unseen345"),
                ("fixtures-unseen345-heldout", "variants-unseen345-heldout"),
                ("fixtures-unseen346", "variants-unseen346"),
                ("fixtures-unseen346-heldout", "variants-unseen346-heldout"),
                ("fixtures-unseen347", "variants-unseen347"),
                ("fixtures-unseen347-heldout", "variants-unseen347-heldout"),
                ("fixtures-unseen348", "variants-unseen348"),
                ("fixtures-unseen348-heldout", "variants-unseen348-heldout"),
                ("fixtures-unseen349", "variants-unseen349"),
                ("fixtures-unseen349-heldout", "variants-unseen349-heldout"),
                ("fixtures-unseen350", "variants-unseen350"),
                ("fixtures-unseen350-heldout", "variants-unseen350-heldout"),
                ("fixtures-unseen351", "variants-unseen351"),
                ("fixtures-unseen351-heldout", "variants-unseen351-heldout"),
                ("fixtures-unseen352", "variants-unseen352"),
                ("fixtures-unseen352-heldout", "variants-unseen352-heldout"),
                ("fixtures-unseen353", "variants-unseen353"),
                ("fixtures-unseen353-heldout", "variants-unseen353-heldout"),
                ("fixtures-unseen354", "variants-unseen354"),
                ("fixtures-unseen354-heldout", "variants-unseen354-heldout"),
                ("fixtures-unseen355", "variants-unseen355"),
                ("fixtures-unseen355-heldout", "variants-unseen355-heldout"),
                ("fixtures-unseen356", "variants-unseen356"),
                ("fixtures-unseen356-heldout", "variants-unseen356-heldout"),
                ("fixtures-unseen357", "variants-unseen357"),
                ("fixtures-unseen357-heldout", "variants-unseen357-heldout"),
                ("fixtures-unseen358", "variants-unseen358"),
                ("fixtures-unseen358-heldout", "variants-unseen358-heldout"))


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
