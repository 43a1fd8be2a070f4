"""Whom the proxies follow over time, and shifts of reference leader.

Evidence that a proxy follows a leader: a ``follows`` tie read from a document (current or
former; the actor dictionary's background ties are left out), and the
directives it complied with; evidence against: the directives it defied. A shift is
reported when the leaders the proxies followed before (former ties, earlier compliance,
or patron commanders now defied) differ from those they follow now.

>>> from proxywatch.analyse.records import TieRecord
>>> ties = [TieRecord("follows", "pmf", "soleimani", "former"), TieRecord("follows", "pmf", "nasrallah")]
>>> reference_leaders(ties, [], {"pmf"}).shift.after
['nasrallah']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from proxywatch.analyse.control import Outcome
from proxywatch.analyse.records import TieRecord


@dataclass
class FollowStep:
    """One piece of evidence on whom a proxy follows: a ``follows`` tie, or a directive it
    complied with or defied."""

    proxy: str
    leader: str
    kind: str  # follows, complies or defies
    when: str  # current or former (ties), dated or undated (directives)
    date: str | None
    sentence: str


@dataclass
class Shift:
    """A change of reference leader: whom the proxies followed before, whom they follow now."""

    before: list[str]
    after: list[str]

    def as_dict(self) -> dict[str, list[str]]:
        return {"from": self.before, "to": self.after}


@dataclass
class FollowsReport:
    patron: str
    proxies: list[str]
    timeline: list[FollowStep]
    shift: Shift | None
    names: dict[str, str] = field(default_factory=dict)  # actor id -> name, filled by the view

    def actor_ids(self) -> set[str]:
        """Every actor the report names."""
        found = {self.patron, *self.proxies} - {""}
        return found | {a for t in self.timeline for a in (t.proxy, t.leader)}

    def as_dict(self) -> dict[str, Any]:
        return {
            "patron": self.patron,
            "proxies": self.proxies,
            "timeline": [asdict(t) for t in self.timeline],
            "shift": self.shift.as_dict() if self.shift else None,
            "names": self.names,
        }


def reference_leaders(
    ties: Sequence[TieRecord], outcomes: Sequence[Outcome], proxies: set[str], patron: str = ""
) -> FollowsReport:
    """Timeline of following and defying, per proxy, and the shift of reference leader if any."""
    timeline: list[FollowStep] = []
    for tie in ties:
        if tie.tie == "follows" and tie.source in proxies and tie.observed:
            timeline.append(
                FollowStep(
                    proxy=tie.source,
                    leader=tie.target,
                    kind="follows",
                    when="former" if tie.valid == "former" else "current",
                    date=tie.first_seen.isoformat() if tie.first_seen else None,
                    sentence=tie.sentence,
                )
            )
    for outcome in outcomes:
        verdict = outcome.verdict
        if verdict in ("complied", "defied") and outcome.target in proxies and outcome.source:
            timeline.append(
                FollowStep(
                    proxy=outcome.target,
                    leader=outcome.source,
                    kind="complies" if verdict == "complied" else "defies",
                    when="dated" if outcome.date else "undated",
                    date=outcome.date,
                    sentence=outcome.responses[0].sentence if outcome.responses else outcome.sentence,
                )
            )
    timeline.sort(key=lambda t: (t.date or "", t.kind))
    before = sorted(
        {t.leader for t in timeline if t.kind == "follows" and t.when == "former"}
        | {t.leader for t in timeline if t.kind == "defies"}
    )
    latest_compliance = [t.leader for t in timeline if t.date and t.kind == "complies"][-1:]
    now = sorted(
        {t.leader for t in timeline if t.kind == "follows" and t.when == "current"} | set(latest_compliance)
    )
    defied = {t.leader for t in timeline if t.kind == "defies"}
    now = [leader for leader in now if leader not in defied or leader in latest_compliance]
    shift = Shift([b for b in before if b not in now], now) if now and set(now) != set(before) else None
    return FollowsReport(patron, sorted(proxies), timeline, shift)
