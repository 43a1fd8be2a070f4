"""`proxywatch judge`: analysts' corrections from the command line — merge, split, set, reject,
link; undo, list, export — through the same functions as the API (``proxywatch.api``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from proxywatch import api
from proxywatch.cli.common import DbOption, console, out, run_or_exit

judge_app = typer.Typer(
    no_args_is_help=True,
    help="Correct what extraction got wrong: merge, split, set, reject, link; undo, list, export.",
)
ReasonOption = Annotated[str | None, typer.Option("--reason", help="Why (kept with the correction).")]
ByOption = Annotated[str | None, typer.Option("--by", help='Who makes it (default "analyst").')]


def _judge(kind: str, fields: dict[str, Any], reason: str | None, by: str | None, db: str | None) -> None:
    """Record a correction, resolving actor names to ids, and print it in words."""

    def run() -> list[str]:
        with api.opened_store(db, None, create=False) as store:
            for key in ("actor_id", "into_id", "source_id", "target_id"):
                if fields.get(key):
                    fields[key] = api.resolve_actor(fields[key], store)
            found = api.judge(kind, fields, reason, by, store=store)
            return api.describe_judgements([found], store=store)

    for line in run_or_exit(run):
        out.print(line, highlight=False, soft_wrap=True)


@judge_app.command("merge")
def judge_merge(
    actor: Annotated[str, typer.Argument(help="The actor (name, alias or id) that is the other one.")],
    into: Annotated[str, typer.Argument(help="The actor to show both as.")],
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """ACTOR and INTO are one actor, shown as INTO."""
    _judge("merge", {"actor_id": actor, "into_id": into}, reason, by, db)


@judge_app.command("split")
def judge_split(
    actor: Annotated[str, typer.Argument(help="The actor wrongly merged (name, alias or id).")],
    alias: Annotated[list[str], typer.Option("--alias", help="A name of the other actor (repeat).")],
    name: Annotated[str, typer.Option("--name", help="The new actor's name.")],
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """The mentions of ACTOR called one of the aliases, and what rests on them, are a new actor."""
    _judge("split", {"actor_id": actor, "aliases": alias, "name": name}, reason, by, db)


@judge_app.command("set-actor")
def judge_set_actor(
    actor: Annotated[str, typer.Argument(help="The actor (name, alias or id).")],
    actor_type: Annotated[str | None, typer.Option("--type", help="An actor type of the ontology.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-3 code, e.g. IRQ.")] = None,
    name: Annotated[str | None, typer.Option(help="The name to show.")] = None,
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """Set an actor's type, country or name."""
    fields = {"actor_id": actor, "type": actor_type, "country": country, "name": name}
    _judge("set_actor", {k: v for k, v in fields.items() if v is not None}, reason, by, db)


@judge_app.command("reject-event")
def judge_reject_event(
    event_id: Annotated[str, typer.Argument(help="The event's id.")],
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """The event did not happen as read: leave it out of every read and the analytics."""
    _judge("reject_event", {"event_id": event_id}, reason, by, db)


@judge_app.command("reject-tie")
def judge_reject_tie(
    tie_id: Annotated[str, typer.Argument(help="The tie's id.")],
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """The tie does not hold: leave it out of every read and the analytics."""
    _judge("reject_tie", {"tie_id": tie_id}, reason, by, db)


@judge_app.command("set-event")
def judge_set_event(
    event_id: Annotated[str, typer.Argument(help="The event's id.")],
    event_type: Annotated[str | None, typer.Option("--type", help="A PLOVER event type.")] = None,
    source: Annotated[str | None, typer.Option(help="The source actor (name, alias or id).")] = None,
    target: Annotated[str | None, typer.Option(help="The target actor (name, alias or id).")] = None,
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """Set an event's type, source or target."""
    fields = {"event_id": event_id, "type": event_type, "source_id": source, "target_id": target}
    _judge("set_event", {k: v for k, v in fields.items() if v is not None}, reason, by, db)


@judge_app.command("link")
def judge_link(
    response: Annotated[str, typer.Argument(help="The response's event id.")],
    directive: Annotated[str, typer.Argument(help="The event id of the directive it answers.")],
    reason: ReasonOption = None,
    by: ByOption = None,
    db: DbOption = None,
) -> None:
    """Link a response to the directive (request) it answers."""
    _judge("link_response", {"event_id": response, "directive_id": directive}, reason, by, db)


@judge_app.command("undo")
def judge_undo(
    correction_id: Annotated[int, typer.Argument(help="The correction's number (see judge list).")],
    db: DbOption = None,
) -> None:
    """Undo a correction: it stays listed, and reads no longer apply it."""

    def run() -> list[str]:
        with api.opened_store(db, None, create=False) as store:
            return api.describe_judgements([api.undo_judgement(correction_id, store=store)], store=store)

    for line in run_or_exit(run):
        out.print(line, highlight=False, soft_wrap=True)


@judge_app.command("list")
def judge_list(
    active: Annotated[bool, typer.Option("--active", help="Only the corrections not undone.")] = False,
    limit: Annotated[int | None, typer.Option(help="At most this many, newest first.")] = None,
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines instead of text.")] = False,
) -> None:
    """The corrections, newest first, with the names of what they touch."""

    def run() -> tuple[list[Any], list[str]]:
        with api.opened_store(db, None, create=False) as store:
            found, _total = api.judgements(limit, 0, not active, store=store)
            return found, api.describe_judgements(found, store=store)

    found, lines = run_or_exit(run)
    if as_json:
        for c in found:
            sys.stdout.write(json.dumps(c.as_dict(), ensure_ascii=False) + "\n")
        return
    for line in lines or ["no corrections"]:
        out.print(line, highlight=False, soft_wrap=True)


@judge_app.command("export")
def judge_export(
    out_path: Annotated[
        Path | None, typer.Option("-o", "--out", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """The active corrections as annotation data, in the gold format of seed.yaml."""
    text = run_or_exit(lambda: api.export_judgements(db=db))
    if out_path is None or str(out_path) == "-":
        sys.stdout.write(text)
        return
    try:
        out_path.write_text(text, encoding="utf-8")
    except OSError as exc:
        console.print(f"error: cannot write {out_path}: {exc.strerror or exc}")
        raise typer.Exit(1) from exc
    console.print(f"wrote {text.count(chr(10) + 'document: ')} annotated documents to {out_path}")
