"""Command-line interface: a thin Typer layer that parses arguments, calls the library and reports.

Library errors (``proxywatch.errors``) become a one-line message and exit code 1
(``proxywatch.cli.common``); the corrections verbs live in ``proxywatch.cli.judge``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from proxywatch import api
from proxywatch.cli.common import DbOption, ModelOption, app, console, out, run_or_exit
from proxywatch.cli.judge import judge_app
from proxywatch.export import ExportFormat
from proxywatch.ingest.decode import display_path
from proxywatch.ingest.pipeline import IngestReport
from proxywatch.ingest.walk import iter_files
from proxywatch.settings import DEFAULT_HOST, DEFAULT_MAX_CHARS, DEFAULT_PORT


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}", style="bold", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[item]}", markup=False),
        console=console,
        transient=False,
        disable=not console.is_terminal and not _force_progress(),
    )


def _force_progress() -> bool:
    import os

    return bool(os.environ.get("PROXYWATCH_PROGRESS"))


def _ingest_with_progress(paths: list[Path], run: Callable[..., IngestReport]) -> IngestReport:
    files = list(iter_files(paths))
    with _progress() as progress:
        task = progress.add_task("ingest", total=len(files), item="")
        return run(on_file=lambda p: progress.update(task, advance=1, item=display_path(p.name)))


def _print_report(report: IngestReport) -> None:
    console.print(
        Text.assemble(
            f"files {report.files} · added ",
            (str(report.added), "green"),
            f" · duplicates {report.duplicates} · failed ",
            (str(report.failed), "red" if report.failed else "green"),
        )
    )
    for problem in report.problems:
        console.print(Text.assemble("  ", ("✗", "red"), f" {problem}"), highlight=False, soft_wrap=True)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (read recursively).")],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for documents that carry none (e.g. 2021-06-27).")
    ] = None,
    source: Annotated[str | None, typer.Option(help="Source name for documents that carry none.")] = None,
    lang: Annotated[str, typer.Option(help="Languages to keep, comma-separated ISO codes, or 'any'.")] = "en",
    max_chars: Annotated[
        int,
        typer.Option(help="Largest document accepted, in characters (extraction takes ~3 MB per 1,000)."),
    ] = DEFAULT_MAX_CHARS,
    encoding: Annotated[
        str, typer.Option(help="Text encoding of plain-text, HTML and JSONL files.")
    ] = "utf-8",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON on stdout.")] = False,
    extract: Annotated[
        bool,
        typer.Option("--extract/--no-extract", help="Extract actors, events and ties from new documents."),
    ] = True,
    model: ModelOption = None,
    engine: Annotated[
        str,
        typer.Option(help="Where extraction runs: local (this process) or dask (a Dask cluster)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="With --engine dask: a running scheduler, e.g. tcp://HOST:8786."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="With --engine dask and no --scheduler: local worker processes (default: CPUs)."),
    ] = None,
) -> None:
    """Ingest news files (plain text, HTML, RSS/Atom, JSONL) into the database, skipping duplicates.

    Several ingests may write to one database at once; with --engine dask, extraction runs on a
    Dask cluster and the facts are stored here."""
    options = api.ingest_options(published=published, source=source, lang=lang, max_chars=max_chars)
    report = run_or_exit(
        lambda: _ingest_with_progress(
            paths,
            lambda on_file: api.ingest(
                paths,
                db=db,
                options=options,
                encoding=encoding,
                on_file=on_file,
                extract=extract,
                model=model,
                engine=engine,
                scheduler=scheduler,
                workers=workers,
            ),
        )
    )
    if as_json:
        out.print_json(json.dumps(report.as_dict()))
    _print_report(report)
    if not report.ok:
        raise typer.Exit(2)


def _stats_table(stats: dict[str, Any]) -> None:
    for title, key in (
        ("rows by table", "tables"),
        ("documents by source", "documents_by_source"),
        ("documents by month", "documents_by_month"),
        ("events by type", "events_by_type"),
        ("ties by type", "ties_by_type"),
        ("ties by provenance", "ties_by_provenance"),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column(key.split("_")[-1] if key != "tables" else "table")
        table.add_column("count", justify="right")
        for name, n in stats[key].items():
            table.add_row(Text(str(name)), str(n))  # source names come from documents: never markup
        out.print(table)


@app.command()
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Counts by table, documents by source and by month, events and ties by type."""
    result = run_or_exit(lambda: api.stats(db=db))
    if as_json:
        out.print_json(json.dumps(result))
    else:
        _stats_table(result)


@app.command()
def extract(
    source: Annotated[str, typer.Argument(help="A file in any format ingest reads, or - for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date for documents that carry none (e.g. 2021-06-27).")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Print one JSON object per document: its actors, events and ties, with evidence (docs/output.md)."""
    for record in run_or_exit(lambda: list(api.extract_file(source, published=published, model=model))):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _score_table(title: str, scores: list[tuple[str, Any]]) -> Table:
    table = Table(title=Text(title), title_justify="left")  # a path is text, never markup
    for column in ("what", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="left" if column == "what" else "right")
    for name, score in scores:
        d = score.as_dict()
        table.add_row(
            name,
            *(f"{d[k]:.3f}" for k in ("precision", "recall", "f1")),
            str(d["tp"]),
            str(d["fp"]),
            str(d["fn"]),
        )
    return table


SCORED = (
    ("actor mentions", "mentions"),
    ("events (type+source+target)", "events"),
    ("events (type)", "event_types"),
    ("ties", "ties"),
)


@app.command()
def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(
            help="Gold file in the format of shared/gold/seed.yaml, or with --corpus a folder of them."
        ),
    ],
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Documents (JSONL with ids, or any format ingest reads) that the gold folder annotates."
        ),
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date to resolve relative dates.")] = None,
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    details: Annotated[
        bool, typer.Option(help="With --corpus: list misses and false hits per document.")
    ] = False,
) -> None:
    """Score extraction against gold: P/R/F1 for mentions, events and ties, misses and false hits.

    With --corpus, every document of the corpus that has a gold file in the folder is extracted
    as `proxywatch extract` would, and the scores are micro-averaged over the documents."""
    from proxywatch.evaluation import evaluate_corpus, evaluate_gold
    from proxywatch.ingest.published import parse_date

    if corpus is not None:
        folder = run_or_exit(lambda: evaluate_corpus(corpus, gold, model=model))
        if as_json:
            out.print_json(json.dumps(folder.as_dict()))
            return
        title = f"extraction vs {len(folder.documents)} gold documents in {gold} (micro-averaged)"
        out.print(_score_table(title, [(name, folder.total(key)) for name, key in SCORED]))
        if details:
            for doc_id, doc_report in folder.documents.items():
                _print_misses(doc_report, prefix=f"{doc_id}: ")
        return
    report = run_or_exit(
        lambda: evaluate_gold(gold, parse_date(published) if published else None, model=model)
    )
    if as_json:
        out.print_json(json.dumps(report.as_dict()))
        return
    out.print(_score_table(f"extraction vs {gold.name}", [(n, getattr(report, k)) for n, k in SCORED]))
    _print_misses(report)


def _print_misses(report: Any, prefix: str = "") -> None:
    for kind in ("events", "ties", "mentions"):
        for label, items in (("miss", report.misses[kind]), ("false hit", report.false_hits[kind])):
            for item in items:
                out.print(f"{prefix}{kind} {label}: {item}", highlight=False, markup=False, soft_wrap=True)


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


def _write_report(out_path: Path, patron: str, remove: list[str] | None, db: str | None) -> None:
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
    _write_report(out_path, patron, remove, db)


@app.command()
def demo(db: DbOption = None) -> None:
    """Run the main job on the bundled demo corpus and print a summary."""
    paths = [api.demo_corpus()]
    report = run_or_exit(
        lambda: _ingest_with_progress(
            paths, lambda on_file: api.ingest(paths, db=db, on_file=on_file, options=api.ingest_options())
        )
    )
    _print_report(report)
    _stats_table(run_or_exit(lambda: api.stats(db=db)))
    _write_report(Path("report.html"), "Quds Force", None, db)
    if not report.ok:
        raise typer.Exit(2)


@app.command()
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="graphml, gexf, csv, jsonl (events) or stix (2.1).")
    ],
    start: Annotated[
        str | None,
        typer.Option("--from", help="Keep events dated on or after this day, and ties standing then."),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Keep events dated on or before this day, ties begun by then.")
    ] = None,
    patron: Annotated[
        str | None, typer.Option(help="Keep the facts that touch this patron, its side or its bloc.")
    ] = None,
    db: DbOption = None,
    out_path: Annotated[Path | None, typer.Option("--out", help="File to write (default: stdout).")] = None,
) -> None:
    """Export actors, ties and events as GraphML, GEXF, CSV, JSON lines or a STIX 2.1 bundle."""
    result = run_or_exit(lambda: api.export(fmt.value, out_path, db=db, start=start, end=end, patron=patron))
    console.print(
        f"exported {result['actors']} actors, {result['ties']} ties and {result['events']} events"
        f" as {result['format']} to {result['out']}",
        highlight=False,
        markup=False,
    )


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default keeps the API on this machine.")
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = DEFAULT_PORT,
    db: DbOption = None,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="PROXYWATCH_TOKEN",
            show_envvar=True,
            help="Bearer token that writing (POST /api/ingest) needs; none: writing is disabled.",
        ),
    ] = None,
    model: ModelOption = None,
) -> None:
    """Serve the analyst's page at / and the REST API under /api (JSON; OpenAPI at /docs): documents,
    actors, events, ties, graph, analytics, corrections."""
    from proxywatch.serve import create_app, server_config

    application = run_or_exit(lambda: create_app(db, token=token, model=model))
    config = server_config(application, host, port)
    writing = "enabled (bearer token)" if token else "disabled (no token set)"
    console.print(
        f"serving the page at http://{host}:{port}/ and the API (OpenAPI at /docs); writing {writing}",
        highlight=False,
    )
    _run_server(config)


def _run_server(config: Any) -> None:
    import uvicorn

    uvicorn.Server(config).run()


def _print_poll(poll: Any, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(poll.as_dict()) + "\n")
        sys.stdout.flush()
        return
    style = {"ok": "green", "not-modified": "dim", "error": "red"}.get(poll.status, "")
    console.print(
        Text.assemble(
            (f"{poll.status:<12}", style),
            f" new {poll.new_items:>4}  {poll.feed}",
            f"  ({poll.error})" if poll.error else "",
        ),
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def watch(
    feeds: Annotated[
        list[str],
        typer.Argument(
            help="Feed URLs (http/https), files or folders, or a FEEDS.txt listing them one a line."
        ),
    ],
    every: Annotated[str, typer.Option(help="Time between polls: 30s, 15m, 1h, 1d.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll every feed once and stop.")] = False,
    db: DbOption = None,
    timeout: Annotated[float, typer.Option(help="Seconds a feed may take to answer in full.")] = 20.0,
    lang: Annotated[str, typer.Option(help="Languages to keep, comma-separated ISO codes, or 'any'.")] = "en",
    extract: Annotated[
        bool,
        typer.Option("--extract/--no-extract", help="Extract actors, events and ties from new documents."),
    ] = True,
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON line per poll on stdout.")] = False,
) -> None:
    """Poll RSS/Atom feeds and folders, ingesting what is new (conditional requests; every poll recorded).

    A feed that times out or sends garbage is reported and recorded, and the loop goes on.
    With --once, the exit code is 2 if any feed failed."""
    options = api.ingest_options(lang=lang)
    try:
        polls = run_or_exit(
            lambda: api.watch(
                feeds,
                db=db,
                every=every,
                once=once,
                options=options,
                extract=extract,
                model=model,
                timeout=timeout,
                on_poll=lambda poll: _print_poll(poll, as_json),
            )
        )
    except KeyboardInterrupt:
        console.print("stopped")
        return
    if any(p.status == "error" for p in polls):
        raise typer.Exit(2)


app.add_typer(judge_app, name="judge")


def main() -> None:
    """Entry point of the ``proxywatch`` command."""
    try:
        app()
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()


if __name__ == "__main__":
    main()
