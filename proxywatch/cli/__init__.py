"""Command-line interface: a thin Typer layer that parses arguments, calls the library and reports.

Library errors (``proxywatch.errors``) become a one-line message and exit code 1
(``proxywatch.cli.common``). Here: ingest, stats, extract, demo, export, serve and watch; the
analytics commands are in ``proxywatch.cli.analytics``, ``evaluate`` in ``proxywatch.cli.evaluation``
and the corrections verbs in ``proxywatch.cli.judge``.
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


@app.command()
def demo(db: DbOption = None) -> None:
    """Run the main job on the bundled demo corpus and print a summary."""
    paths = [api.demo_corpus()]
    report = run_or_exit(
        lambda: _ingest_with_progress(
            paths, lambda on_file: api.ingest(paths, db=db, on_file=on_file, options=api.ingest_options())
        )
    )
    from proxywatch.cli.analytics import write_report

    _print_report(report)
    _stats_table(run_or_exit(lambda: api.stats(db=db)))
    write_report(Path("report.html"), "Quds Force", None, db)
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


# after the commands above, so that `--help` lists the data's path first
from proxywatch.cli import analytics, evaluation  # noqa: E402, F401  (they register their commands)

app.add_typer(judge_app, name="judge")


def main() -> None:
    """Entry point of the ``proxywatch`` command."""
    try:
        app()
    except BrokenPipeError:  # output piped into `head` and closed early
        sys.stderr.close()


if __name__ == "__main__":
    main()
