"""Merging reports of one event: which reports are one event, and what the merged event says.

Reports merge when type, source, target and modality (negated, intended, hypothetical)
agree — their *group* — and their dates are compatible (see :func:`date_window`). The merge is
a function of the set of reports alone, never of the order they arrived in, so any number of
processes writing reports in any order end with the events of one serial run:

1. reports are taken finest date first (day, document, week, month, year, none), then by date,
   then by evidence id;
2. each joins the first event whose anchor (its first report) has a window that overlaps its
   own, or starts a new event;
3. an event's id is the hash of its group and its anchor's date and precision
   (:func:`event_id`): two rows for one event would share that key, so the primary key makes
   a double impossible.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from proxywatch.ids import fact_id

MERGE_WINDOW_DAYS = 3
PRECISION_RANK = {"day": 0, "document": 1, "week": 2, "month": 3, "year": 4, "none": 5}


def date_window(
    when: date | None, precision: str, window: int = MERGE_WINDOW_DAYS
) -> tuple[date, date] | None:
    """The interval of days a dated event may fall in, given its precision.

    >>> date_window(date(2020, 1, 3), "month")
    (datetime.date(2020, 1, 1), datetime.date(2020, 1, 31))
    """
    if when is None or precision == "none":
        return None
    if precision == "year":
        return date(when.year, 1, 1), date(when.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(when.year, when.month)[1]
        return date(when.year, when.month, 1), date(when.year, when.month, last)
    if precision == "week":
        return when - timedelta(days=7), when + timedelta(days=7)
    return when - timedelta(days=window), when + timedelta(days=window)


def overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    """Whether two windows share a day; two undated reports always match, dated and undated never."""
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] and b[0] <= a[1]


Day = date  # inside Report, ``date`` names a field
# (type, source, target, negated, intended, hypothetical): what reports of one event share
Group = tuple[str, str | None, str | None, bool, bool, bool]


@dataclass(frozen=True)
class Report:
    """One document's report of an event: an ``event_evidence`` row and the document's date."""

    evidence_id: str
    document_id: str | None
    published: Day | None
    confidence: float
    date: Day | None = None
    date_precision: str = "none"
    mode: str | None = None
    location: str | None = None
    country: str | None = None
    historical: bool = False
    directive: str | None = None
    directive_type: str | None = None
    directive_target: str | None = None

    @property
    def window(self) -> tuple[Day, Day] | None:
        return date_window(self.date, self.date_precision)

    @property
    def day(self) -> Day | None:
        """The date this report gives, or None when it gives none."""
        return None if self.window is None else self.date

    def order(self) -> tuple[int, Day, str]:
        return (PRECISION_RANK.get(self.date_precision, 5), self.day or Day.max, self.evidence_id)


def event_id(group: Group, anchor: Report) -> str:
    """The id of the event a group's reports merge into, from its first (finest-dated) report."""
    precision = anchor.date_precision if anchor.day else "none"
    return fact_id("event", *group, anchor.day, precision)


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Reports of one group, split into events; each event's reports finest-dated first.

    >>> r = lambda i, d, p: Report(f"e{i}", f"d{i}", None, 0.5, d, p)
    >>> [[x.evidence_id for x in c] for c in cluster(
    ...     [r(1, date(2020, 1, 1), "month"), r(2, date(2020, 1, 3), "day"), r(3, date(2020, 3, 1), "day")]
    ... )]
    [['e2', 'e1'], ['e3']]
    """
    events: list[list[Report]] = []
    for report in sorted(reports, key=Report.order):
        for members in events:
            if overlap(members[0].window, report.window):
                members.append(report)
                break
        else:
            events.append([report])
    return events


def _first(members: list[Report], attr: str) -> Any:
    return next((getattr(m, attr) for m in members if getattr(m, attr) is not None), None)


def event_row(group: Group, members: list[Report]) -> dict[str, Any]:
    """The ``events`` row for one event: the anchor's date, the first mode, place and directive
    given (finest-dated report first), the best confidence, documents and first/last seen."""
    anchor = members[0]
    kind, source, target, negated, intended, hypothetical = group
    located = next((m for m in members if m.location is not None), None)
    directed = next((m for m in members if m.directive is not None), None)
    published = [m.published for m in members if m.published is not None]
    return {
        "id": event_id(group, anchor),
        "type": kind,
        "source_id": source,
        "target_id": target,
        "negated": negated,
        "intended": intended,
        "hypothetical": hypothetical,
        "date": anchor.day,
        "date_precision": anchor.date_precision if anchor.day else "none",
        "mode": _first(members, "mode"),
        "location": located.location if located else None,
        "country": located.country if located else None,
        "historical": anchor.historical,
        "confidence": max(m.confidence for m in members),
        "n_sources": len({m.document_id for m in members if m.document_id is not None}),
        "first_seen": min(published, default=None),
        "last_seen": max(published, default=None),
        "directive": directed.directive if directed else None,
        "directive_type": directed.directive_type if directed else None,
        "directive_target": directed.directive_target if directed else None,
    }
