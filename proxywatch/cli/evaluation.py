"""``proxywatch evaluate``: extraction scored against gold annotation, as tables or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from proxywatch.cli.common import ModelOption, app, out, run_or_exit


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
