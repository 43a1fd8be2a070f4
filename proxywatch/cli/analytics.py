"""The analytics commands: control, cohesion, follows, whatif and the HTML report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from proxywatch import api
from proxywatch.cli.common import DbOption, app, console, out, run_or_exit


def _who(result: dict[str, Any], actor: str | None) -> str:
    """An actor as the tables show it: its name, then its id."""
    if not actor:
        return "?"
    name = result.get("names", {}).get(actor)
    return f"{name} ({actor})" if name and name != actor else actor


def _all(result: dict[str, Any], actors: list[str]) -> str:
    return ", ".join(_who(result, a) for a in actors)


@app.command()
def control(
    patron: Annotated[str, typer.Option(help="The patron: an actor id, name or alias.")] = "Quds Force",
    proxy: Annotated[
        list[str] | None, typer.Option(help="A proxy to follow (repeatable); default: the patron's bloc.")
    ] = None,
    horizon: Annotated[int, typer.Option(help="Days after a directive in which responses count.")] = 30,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Patron control index per month: directives, compliance, defiance, and the trend."""
    result = run_or_exit(lambda: api.control(patron, db=db, proxies=proxy, horizon_days=horizon))
    if as_json:
        out.print_json(json.dumps(result))
        return
    table = Table(
        title=Text(
            f"control of {_who(result, result['patron'])} over its proxies (trend: {result['trend']})"
        ),
        title_justify="left",
    )
    for column in ("month", "directives", "compliance", "defiance", "index", "outcomes"):
        table.add_column(column, justify="left" if column in ("month", "outcomes") else "right")
    for w in result["windows"]:
        outcomes = "; ".join(
            f"{_who(result, o['source'])} -> {_who(result, o['target'])}: {o['verdict']}"
            for o in w["outcomes"]
        )
        index = "" if w["index"] is None else f"{w['index']:+.2f}"
        table.add_row(
            w["window"], str(w["directives"]), str(w["compliance"]), str(w["defiance"]), index, outcomes
        )
    out.print(table)
    kinds: dict[str, list[str]] = {}
    for member, why in sorted(result.get("basis", {}).items()):
        kinds.setdefault(why, []).append(member)
    for why, members in kinds.items():  # what each proxy's place in the bloc rests on
        out.print(f"bloc from {why}: {_all(result, members)}", highlight=False, soft_wrap=True)
    for w in result["windows"]:
        for o in w["outcomes"]:
            out.print(
                f"{w['window']} directive ({o['documents']} document(s)): {o['sentence']}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )
            for r in o["responses"]:
                out.print(
                    f"    {r['kind']} ({r['reason']}): {r['sentence']}",
                    highlight=False,
                    markup=False,
                    soft_wrap=True,
                )


def _print_json_or(result: dict[str, Any], as_json: bool) -> bool:
    if as_json:
        out.print_json(json.dumps(result, default=str))
    return as_json


@app.command()
def cohesion(
    patron: Annotated[str, typer.Option(help="The patron whose bloc to read.")] = "Quds Force",
    bloc: Annotated[
        list[str] | None, typer.Option(help="A bloc member (repeatable); default: the patron's bloc.")
    ] = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Bloc cohesion per month and rifts flagged by a change-point test, with their events."""
    result = run_or_exit(lambda: api.cohesion(patron, db=db, bloc=bloc))
    if _print_json_or(result, as_json):
        return
    table = Table(title=Text(f"cohesion of the bloc of {_all(result, result['side'])}"), title_justify="left")
    for column in ("month", "cooperative", "conflictual", "defiance", "infighting", "cohesion"):
        table.add_column(column, justify="left" if column == "month" else "right")
    for w in result["windows"]:
        if w["events"]:
            value = "" if w["cohesion"] is None else f"{w['cohesion']:+.2f}"
            table.add_row(
                w["window"],
                str(w["cooperative"]),
                str(w["conflictual"]),
                str(w["defiance"]),
                str(w["infighting"]),
                value,
            )
    out.print(table)
    out.print(f"method: {result['method']}")
    for rift in result["rifts"]:
        out.print(
            f"rift {rift['start']} .. {rift['end']}: friction {rift['rate_during']}/month "
            f"(overall {rift['rate_overall']})",
            highlight=False,
        )
        for e in rift["events"]:
            out.print(
                f"    {e['date']} {e['type']} {_who(result, e['source'])} -> {_who(result, e['target'])}: "
                f"{e['sentence']}",
                highlight=False,
                markup=False,
                soft_wrap=True,
            )


@app.command()
def follows(
    patron: Annotated[str, typer.Option(help="The patron whose proxies to follow.")] = "Quds Force",
    proxy: Annotated[list[str] | None, typer.Option(help="A proxy (repeatable); default: the bloc.")] = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Whom the proxies follow over time (follows ties, complied and defied directives), and shifts."""
    result = run_or_exit(lambda: api.follows(patron, db=db, proxies=proxy))
    if _print_json_or(result, as_json):
        return
    for t in result["timeline"]:
        out.print(
            f"{t['date'] or t['when']:>10} {_who(result, t['proxy'])} {t['kind']} "
            f"{_who(result, t['leader'])}: {t['sentence']}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    shift = result["shift"]
    out.print(
        f"shift: from {_all(result, shift['from']) or '-'} to {_all(result, shift['to'])}"
        if shift
        else "no shift",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def whatif(
    remove: Annotated[list[str], typer.Option(help="An actor to remove (repeatable).")],
    patron: Annotated[str, typer.Option(help="The patron whose control to test.")] = "Quds Force",
    as_of: Annotated[
        str | None, typer.Option(help="Date of the removal: compare control before and after.")
    ] = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What-if removal: lost command paths, brokerage changes, vacuum candidates, control before/after."""
    result = run_or_exit(lambda: api.whatif(remove, patron, db=db, as_of=as_of))
    if _print_json_or(result, as_json):
        return
    out.print(
        f"removed {_all(result, result['removed'])} from the network of {_who(result, result['patron'])}",
        highlight=False,
        soft_wrap=True,
    )
    out.print(
        f"proxies that lose every command path: {_all(result, result['lost_proxies']) or 'none'}",
        highlight=False,
        soft_wrap=True,
    )
    out.print(
        f"removed commanders of the patron: {_all(result, result['commanded_patron']) or 'none'}; "
        f"successors: {_all(result, result['successors']) or 'none'}",
        highlight=False,
        soft_wrap=True,
    )
    for o in result["successor_outcomes"]:
        out.print(
            f"    {o['date'] or 'undated'} {_who(result, o['successor'])} -> {_who(result, o['target'])}: "
            f"{o['verdict']}: "
            f"{o['sentence']}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    out.print(f"power vacuum: {'yes' if result['power_vacuum'] else 'no'}")
    if "control_before" in result:
        out.print(
            f"control index before {result['as_of']}: {result['control_before']}, "
            f"after: {result['control_after']}"
        )
    table = Table(
        title=f"best placed to fill the vacuum (brokerage over {result['brokerage_scope']})",
        title_justify="left",
    )
    for column in ("actor", "followed by proxies", "brokerage", "ties from"):
        table.add_column(column)
    for c in result["vacuum_candidates"]:
        table.add_row(
            Text(_who(result, c["actor"])),
            "yes" if c["followed_by_proxies"] else "",
            f"{c['brokerage']:.3f}",
            c["ties_from"],
        )
    out.print(table)


def write_report(out_path: Path, patron: str, remove: list[str] | None, db: str | None) -> None:
    from proxywatch.report import build_report, render_report

    html = run_or_exit(lambda: render_report(build_report(patron, remove, db=db)))
    out_path.write_text(html, encoding="utf-8")
    console.print(f"report written to {out_path}")


@app.command()
def report(
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the HTML report.")] = Path(
        "report.html"
    ),
    patron: Annotated[str, typer.Option(help="The patron the report is about.")] = "Quds Force",
    remove: Annotated[
        list[str] | None,
        typer.Option(help="Actor for the what-if (repeatable); default: the patron's commanders."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the analyst's report: one self-contained HTML file with charts, network, what-if and evidence."""
    write_report(out_path, patron, remove, db)
