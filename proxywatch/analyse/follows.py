"""Whom the proxies follow over time, and shifts of reference leader.

Evidence that a proxy follows a leader: a ``follows`` tie read from a document (current or
former; the actor dictionary's background ties are left out), and the
directives it complied with; evidence against: the directives it defied. A shift is
reported when the leaders the proxies followed before (former ties, earlier compliance,
or patron commanders now defied) differ from those they follow now.

>>> from proxywatch.analyse.records import TieRecord
>>> ties = [TieRecord("follows", "pmf", "soleimani", "former"), TieRecord("follows", "pmf", "nasrallah")]
>>> reference_leaders(ties, [], {"pmf"})["shift"]["to"]
['nasrallah']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from proxywatch.analyse.control import Outcome
from proxywatch.analyse.records import TieRecord


def reference_leaders(
    ties: Sequence[TieRecord], outcomes: Sequence[Outcome], proxies: set[str]
) -> dict[str, Any]:
    """Timeline of following and defying, per proxy, and the shift of reference leader if any."""
    timeline: list[dict[str, Any]] = []
    for tie in ties:
        if tie.tie == "follows" and tie.source in proxies and tie.observed:
            timeline.append(
                {
                    "proxy": tie.source,
                    "leader": tie.target,
                    "kind": "follows",
                    "when": "former" if tie.valid == "former" else "current",
                    "date": tie.first_seen.isoformat() if tie.first_seen else None,
                    "sentence": tie.sentence,
                }
            )
    for outcome in outcomes:
        verdict = outcome.verdict
        if verdict in ("complied", "defied") and outcome.target in proxies:
            timeline.append(
                {
                    "proxy": outcome.target,
                    "leader": outcome.source,
                    "kind": "complies" if verdict == "complied" else "defies",
                    "when": "dated" if outcome.date else "undated",
                    "date": outcome.date,
                    "sentence": outcome.responses[0].sentence if outcome.responses else outcome.sentence,
                }
            )
    timeline.sort(key=lambda t: (t["date"] or "", t["kind"]))
    before = sorted(
        {t["leader"] for t in timeline if t["kind"] == "follows" and t["when"] == "former"}
        | {t["leader"] for t in timeline if t["kind"] == "defies"}
    )
    dated = [t for t in timeline if t["date"]]
    latest_compliance = [t["leader"] for t in dated if t["kind"] == "complies"][-1:]
    now = sorted(
        {t["leader"] for t in timeline if t["kind"] == "follows" and t["when"] == "current"}
        | set(latest_compliance)
    )
    now = [
        leader
        for leader in now
        if leader not in {t["leader"] for t in timeline if t["kind"] == "defies"}
        or leader in latest_compliance
    ]
    shift = (
        {"from": [b for b in before if b not in now], "to": now} if now and set(now) != set(before) else None
    )
    return {"timeline": timeline, "shift": shift}
