"""Assemble the analyst's report from the store and render it as one self-contained HTML file."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import Any

import networkx as nx
from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from proxywatch.analyse.cohesion import months
from proxywatch.analyse.context import load_context
from proxywatch.analyse.views import cohesion_view, control_view, follows_view, whatif_view
from proxywatch.report.charts import bar_chart, line_chart, network
from proxywatch.store.db import Store, opened_store
from proxywatch.store.lookup import resolve_actor

NETWORK_TIES = {"funds", "commands", "leads", "trains", "arms", "member_of", "follows", "succeeds"}


def _series(windows: list[dict[str, Any]], key: str) -> list[tuple[str, float | None]]:
    dated = [w for w in windows if w["window"] != "undated"]
    if not dated:
        return [(w["window"], w[key]) for w in windows]
    first, last = dated[0]["window"], dated[-1]["window"]
    values = {w["window"]: w[key] for w in dated}
    span = months(datetime.strptime(first, "%Y-%m").date(), datetime.strptime(last, "%Y-%m").date())
    return [(m, values.get(m)) for m in span]


def build_report(
    patron: str = "Quds Force",
    remove: list[str] | None = None,
    db: str | None = None,
    store: Store | None = None,
) -> dict[str, Any]:
    """Everything the report shows, as plain data (also what ``--json`` would print)."""
    with opened_store(db, store, create=False) as store:
        patron_id = resolve_actor(patron, store)
        removed = [resolve_actor(r, store) for r in remove] if remove else None
        ctx = load_context(store)
        report = control_view(ctx, patron_id)
        control = report.as_dict()
        cohesion = cohesion_view(ctx, patron_id).as_dict()
        follows = follows_view(ctx, patron_id, report=report).as_dict()
        side, proxies = ctx.side(patron_id), ctx.proxies(patron_id)
        targets = removed or sorted(a for a in side if a != patron_id and ctx.types.get(a) == "person")
        whatifs = [whatif_view(ctx, patron_id, {r}, report=report).as_dict() for r in targets[:3]]
        leaders = {t["leader"] for t in follows["timeline"]}
        keep = side | proxies | leaders
        G = nx.DiGraph()
        for u, v, data in ctx.graph.edges(data=True):
            if u in keep and v in keep and data["tie"] in NETWORK_TIES:
                G.add_edge(u, v, tie=data["tie"])
        return {
            "patron": patron_id,
            "names": ctx.names,
            "side": sorted(side),
            "proxies": sorted(proxies),
            "control": control,
            "cohesion": cohesion,
            "follows": follows,
            "whatif": whatifs,
            "graph": G,
            "documents": len({ev.document_id for e in ctx.events for ev in e.evidence}),
        }


def render_report(data: dict[str, Any]) -> str:
    """The report as HTML; every text from articles is escaped by the template engine."""
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["actor_name"] = lambda actor: data["names"].get(actor, actor) if actor else "?"
    template = env.from_string(
        resources.files("proxywatch.report")
        .joinpath("templates", "report.html.j2")
        .read_text(encoding="utf-8")
    )
    control, cohesion = data["control"], data["cohesion"]
    rifts = [(r["start"], r["end"]) for r in cohesion["rifts"]]
    charts = {
        "control": Markup(
            line_chart(_series(control["windows"], "index"), shade=rifts, title="control index per month")
        ),
        "cohesion": Markup(
            line_chart(_series(cohesion["windows"], "cohesion"), shade=rifts, title="bloc cohesion per month")
        ),
        "friction": Markup(
            bar_chart(
                [(w["window"], w["defiance"] + w["infighting"]) for w in cohesion["windows"]],
                title="friction per month",
                shade=rifts,
            )
        ),
        "network": Markup(
            network(data["graph"], set(data["side"]), data["names"], title="the patron's network")
        ),
    }
    return template.render(
        **data,
        charts=charts,
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        name=env.filters["actor_name"],
    )
