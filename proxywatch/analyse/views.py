"""The analytics as the API, CLI and report show them, computed over one loaded :class:`Context`.

Each view takes a context and resolved actor ids; a caller that shows several (the report)
loads the context once and passes one control report to the views that build on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from proxywatch.analyse.cohesion import CohesionReport, cohesion
from proxywatch.analyse.context import Context
from proxywatch.analyse.control import ControlReport, control_index
from proxywatch.analyse.follows import FollowsReport, reference_leaders
from proxywatch.analyse.whatif import SuccessorOutcome, WhatIfReport, removal
from proxywatch.ontology import load_ontology


class _NamesActors(Protocol):
    names: dict[str, str]

    def actor_ids(self) -> set[str]: ...


def _named(ctx: Context, report: _NamesActors) -> None:
    """Put the name of every actor the report mentions beside its id."""
    report.names = {a: ctx.names.get(a, a) for a in sorted(report.actor_ids())}


def control_view(
    ctx: Context, patron: str, proxies: Sequence[str] | None = None, horizon_days: int = 30
) -> ControlReport:
    members = sorted(ctx.proxies(patron, list(proxies) if proxies else None))
    report = control_index(ctx.events, ctx.graph, patron, members, horizon_days)
    report.basis = ctx.basis(patron, set(report.proxies))
    _named(ctx, report)
    return report


def cohesion_view(ctx: Context, patron: str, bloc: Sequence[str] | None = None) -> CohesionReport:
    weights = {name: t.weight for name, t in load_ontology().event_types.items()}
    members = list(bloc) if bloc else None
    report = cohesion(ctx.events, ctx.side(patron), ctx.proxies(patron, members), weights)
    _named(ctx, report)
    return report


def follows_view(
    ctx: Context, patron: str, proxies: Sequence[str] | None = None, report: ControlReport | None = None
) -> FollowsReport:
    members = ctx.proxies(patron, list(proxies) if proxies else None)
    if report is None or set(report.proxies) != members:
        report = control_index(ctx.events, ctx.graph, patron, sorted(members))
    outcomes = [o for w in report.windows for o in w.outcomes]
    result = reference_leaders(ctx.ties, outcomes, members, patron)
    _named(ctx, result)
    return result


def whatif_view(
    ctx: Context,
    patron: str,
    removed: set[str],
    when: date | None = None,
    report: ControlReport | None = None,
) -> WhatIfReport:
    """Removal of actors (as of ``when``), the successors' directives (the power vacuum) and
    the control index before and after ``when``."""
    graph = ctx.graph_at(when) if when else ctx.graph
    result = removal(graph, patron, removed, ctx.proxies(patron), ctx.named)
    report = report or control_index(ctx.events, ctx.graph, patron)
    outcomes = [o for w in report.windows for o in w.outcomes]
    result.successor_outcomes = [
        SuccessorOutcome(o.source, o.target, o.date, o.verdict, o.sentence)
        for o in outcomes
        if o.source in result.successors
    ]
    defied = [o for o in result.successor_outcomes if o.verdict == "defied"]
    complied = [o for o in result.successor_outcomes if o.verdict == "complied"]
    result.power_vacuum = bool(result.commanded_patron and len(defied) > len(complied))
    if when is not None:
        key = when.strftime("%Y-%m")
        before = [w.index for w in report.windows if w.index is not None and w.window < key]
        after = [w.index for w in report.windows if w.index is not None and "undated" > w.window >= key]
        result.control_before = round(sum(before) / len(before), 3) if before else None
        result.control_after = round(sum(after) / len(after), 3) if after else None
        result.as_of = when.isoformat()
    _named(ctx, result)
    return result
