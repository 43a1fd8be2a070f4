"""Bloc cohesion per month and rift flags from a change-point test on friction counts.

Per window: cooperative and conflictual interactions inside the bloc (patron side and
proxies), weighted by the PLOVER weights of the ontology; public defiance of the patron
(REJECT or ACCUSE from a proxy to the patron's side); and proxies acting against each
other. Friction = defiance + proxy-on-proxy conflict.

Rifts are flagged where the friction rate changes, by binary segmentation with a Poisson
likelihood-ratio test (Killick and Eckley 2014's changepoint framework, Poisson cost): counts
per month are small and mostly zero, which a Gaussian mean-shift test handles badly and a
Poisson model describes directly. Among the segments the test separates, one whose friction
rate is above the rate over the whole period is a rift; the flag names the events in it.

>>> from datetime import date
>>> from proxywatch.analyse.records import EventRecord
>>> months_ = [3, 4, 5, 6, 6]
>>> rej = [EventRecord(f"r{i}", "REJECT", "kh", "qf", date(2021, m, 1)) for i, m in enumerate(months_)]
>>> calm = [EventRecord(f"c{m}", "CONSULT", "kh", "qf", date(2020, m, 1)) for m in range(1, 13)]
>>> report = cohesion([*rej, *calm], {"qf"}, {"kh"}, {"REJECT": -4.0, "CONSULT": 1.0})
>>> [(rift.start, rift.end) for rift in report.rifts]
[('2021-03', '2021-06')]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from proxywatch.analyse.records import EventRecord

DEFIANCE = {"REJECT", "ACCUSE"}
LR_CRITICAL = 3.84  # chi-squared, one degree of freedom, 5 %
MIN_SEGMENT = 2  # months


@dataclass
class WindowCohesion:
    window: str
    cooperative: int
    conflictual: int
    weight: float
    defiance: int
    infighting: int
    cohesion: float | None
    events: list[str] = field(default_factory=list)


@dataclass
class RiftEvent:
    """An event that drove a rift: defiance of the patron's side or proxies fighting each other."""

    id: str
    type: str
    source: str | None
    target: str | None
    date: str | None
    sentence: str


@dataclass
class Rift:
    """A run of months whose friction rate is above the rate over the whole period."""

    start: str
    end: str
    rate_overall: float
    rate_during: float
    events: list[RiftEvent] = field(default_factory=list)


@dataclass
class CohesionReport:
    side: list[str]
    proxies: list[str]
    windows: list[WindowCohesion]
    rifts: list[Rift]
    method: str = "binary segmentation, Poisson likelihood ratio (chi2(1) at 5 %)"
    names: dict[str, str] = field(default_factory=dict)  # actor id -> name, filled by the view

    def actor_ids(self) -> set[str]:
        """Every actor the report names."""
        found = set(self.side) | set(self.proxies)
        found |= {a for r in self.rifts for e in r.events for a in (e.source, e.target) if a}
        return found

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def months(first: date, last: date) -> list[str]:
    out, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _poisson_ll(counts: Sequence[int]) -> float:
    total, n = sum(counts), len(counts)
    if total == 0:
        return 0.0
    rate = total / n
    return total * math.log(rate) - n * rate


def change_points(counts: Sequence[int], offset: int = 0) -> list[int]:
    """Indices where the Poisson rate of ``counts`` changes (binary segmentation).

    >>> change_points([0, 0, 0, 0, 3, 4, 3, 0, 0, 0, 0])
    [4, 7]
    """
    n = len(counts)
    if n < 2 * MIN_SEGMENT:
        return []
    whole = _poisson_ll(counts)
    best, best_k = 0.0, None
    for k in range(MIN_SEGMENT, n - MIN_SEGMENT + 1):
        lr = 2 * (_poisson_ll(counts[:k]) + _poisson_ll(counts[k:]) - whole)
        if lr > best:
            best, best_k = lr, k
    if best_k is None or best < LR_CRITICAL:
        return []
    return [
        *change_points(counts[:best_k], offset),
        offset + best_k,
        *change_points(counts[best_k:], offset + best_k),
    ]


def cohesion(
    events: Sequence[EventRecord],
    side: set[str],
    proxies: set[str],
    weights: dict[str, float],
) -> CohesionReport:
    """Cohesion of the bloc (``side`` = patron and its commanders, ``proxies``) per month, and rifts."""
    members = side | proxies
    inside = [
        e
        for e in events
        if e.date is not None
        and e.asserted
        and e.source in members
        and e.target in members
        and e.source != e.target
        and e.type in weights
    ]
    if not inside:
        return CohesionReport(sorted(side), sorted(proxies), [], [])
    by_month: dict[str, list[EventRecord]] = {}
    for e in inside:
        assert e.date is not None
        by_month.setdefault(e.date.strftime("%Y-%m"), []).append(e)
    dates = [e.date for e in inside if e.date is not None]
    windows = []
    for key in months(min(dates), max(dates)):
        got = by_month.get(key, [])
        coop = [e for e in got if weights[e.type] > 0]
        conflict = [e for e in got if weights[e.type] < 0]
        defiance = [e for e in got if e.type in DEFIANCE and e.source in proxies and e.target in side]
        infighting = [e for e in conflict if e.source in proxies and e.target in proxies]
        weight = sum(weights[e.type] for e in got)
        total = sum(abs(weights[e.type]) for e in got)
        windows.append(
            WindowCohesion(
                key,
                len(coop),
                len(conflict),
                round(weight, 2),
                len(defiance),
                len(infighting),
                round(weight / total, 3) if total else None,
                [e.id for e in got],
            )
        )
    friction = [w.defiance + w.infighting for w in windows]
    rifts: list[Rift] = []
    points = change_points(friction)
    bounds = [0, *points, len(windows)]
    overall = sum(friction) / len(friction)
    for i in range(len(bounds) - 1) if points else []:
        segment = friction[bounds[i] : bounds[i + 1]]
        if sum(segment) / len(segment) > overall:
            ids = {eid for w in windows[bounds[i] : bounds[i + 1]] for eid in w.events}
            driving = [
                e
                for e in inside
                if e.id in ids
                and (
                    (e.type in DEFIANCE and e.target in side)
                    or (e.source in proxies and e.target in proxies and weights[e.type] < 0)
                )
            ]
            rifts.append(
                Rift(
                    start=windows[bounds[i]].window,
                    end=windows[bounds[i + 1] - 1].window,
                    rate_overall=round(overall, 3),
                    rate_during=round(sum(segment) / len(segment), 3),
                    events=[
                        RiftEvent(
                            e.id,
                            e.type,
                            e.source,
                            e.target,
                            e.date.isoformat() if e.date else None,
                            e.evidence[0].sentence if e.evidence else "",
                        )
                        for e in driving
                    ],
                )
            )
    return CohesionReport(sorted(side), sorted(proxies), windows, rifts)
