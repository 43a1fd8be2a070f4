"""Export the active corrections as annotation data in the gold format of ``shared/gold/seed.yaml``.

Corrections become evaluation and training material: every document a correction touches
(an event or tie read in it, a mention of an actor merged, split or retyped) is written as
one YAML document of a stream (``---`` between them) with the keys the gold reader
(``proxywatch.evaluation.gold``) uses — ``document``, ``published``, ``actors`` (id, type,
name, country, ``mentions``: the surface forms read in it), ``events`` (id, source, type,
target, ``evidence``: the sentence, ``responds_to``), ``ties`` — all as corrected. Added keys
the gold reader passes over: ``document_id``, ``title``, ``corrections`` (the ids of the
corrections behind the file) and ``rejected`` (events and ties the analyst rejected:
negative examples). Facts no correction touched are the extraction as stored; the file says
which corrections it rests on so a reviewer knows what an analyst judged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import yaml
from sqlalchemy import Connection, select

from proxywatch.store.corrections import Corrections, active_corrections
from proxywatch.store.schema import (
    actors,
    documents,
    event_evidence,
    events,
    mentions,
    tie_evidence,
    ties,
)

HEADER = """\
# Annotation data from analysts' corrections (proxywatch judge export), in the format of
# shared/gold/seed.yaml: one YAML document per corrected document. Actors, events and ties
# are the extraction with the corrections listed under `corrections` applied; `rejected`
# holds what an analyst rejected.
"""


def _touched_documents(conn: Connection, c: Corrections) -> dict[str, set[int]]:
    """Document id -> ids of the corrections that touch something read in it."""
    found: dict[str, set[int]] = defaultdict(set)
    for r in c.records:
        ids = sorted(r.ids())
        if r.kind == "split":
            continue  # the mentions it moved, below
        if r.kind in ("merge", "set_actor"):
            # a merge changes the documents of the actor merged; a retyping, all of the actor's
            actor_ids = [r.subject] if r.kind == "merge" else sorted(c.members(r.subject))
            query = select(mentions.c.document_id).where(mentions.c.actor_id.in_(actor_ids)).distinct()
        elif r.kind == "reject_tie":
            query = select(tie_evidence.c.document_id).where(tie_evidence.c.tie_id.in_(ids)).distinct()
        else:
            query = select(event_evidence.c.document_id).where(event_evidence.c.event_id.in_(ids)).distinct()
        for doc_id in conn.execute(query).scalars():
            if doc_id is not None:
                found[doc_id].add(r.id)
    if c.moved_mentions:
        moved = sorted(c.moved_mentions)
        splits = {s.new_id: s.correction_id for s in c.splits}
        for m in conn.execute(select(mentions.c.document_id, mentions.c.id).where(mentions.c.id.in_(moved))):
            found[m.document_id].add(splits[c.moved_mentions[m.id]])
    return found


def _actor_rows(conn: Connection, c: Corrections, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    wanted = {i: c.stored_id(i) for i in ids}
    query = select(actors.c.id, actors.c.name, actors.c.type, actors.c.country).where(
        actors.c.id.in_(sorted(set(wanted.values())))
    )
    rows = {r.id: dict(r._mapping) for r in conn.execute(query)}
    return {i: c.actor(i, rows[s]) for i, s in wanted.items() if s in rows}


def _first_sentences(conn: Connection, table: Any, key: Any, doc_id: str) -> dict[str, str]:
    found: dict[str, str] = {}
    query = (
        select(key.label("owner"), table.c.sentence)
        .where(table.c.document_id == doc_id)
        .order_by(table.c.start)
    )
    for r in conn.execute(query):
        found.setdefault(r.owner, " ".join(r.sentence.split()))
    return found


def _document(conn: Connection, c: Corrections, doc: Any, correction_ids: set[int]) -> dict[str, Any]:
    forms: dict[str, list[str]] = defaultdict(list)
    query = select(mentions.c.id, mentions.c.actor_id, mentions.c.text).where(
        mentions.c.document_id == doc.id
    )
    for m in conn.execute(query.order_by(mentions.c.start)):
        actor_id = c.mention_actor(m.id, m.actor_id)
        if m.text not in forms[actor_id]:
            forms[actor_id].append(m.text)
    event_sentences = _first_sentences(conn, event_evidence, event_evidence.c.event_id, doc.id)
    tie_sentences = _first_sentences(conn, tie_evidence, tie_evidence.c.tie_id, doc.id)
    kept: dict[str, list[dict[str, Any]]] = {"events": [], "ties": []}
    rejected: dict[str, list[dict[str, Any]]] = {"events": [], "ties": []}
    used: set[str] = set(forms)
    for e in conn.execute(
        select(events).where(events.c.id.in_(sorted(event_sentences))).order_by(events.c.id)
    ):
        source, target = c.event_ends(e.id, e.source_id, e.target_id)
        item: dict[str, Any] = {
            "id": e.id,
            "source": source,
            "type": c.event_type(e.id, e.type),
            "target": target,
            "evidence": event_sentences[e.id],
        }
        if e.mode:
            item["mode"] = e.mode
        for flag in ("negated", "intended", "hypothetical", "historical"):
            if getattr(e, flag):
                item[flag] = True
        if e.id in c.responses:
            item["responds_to"] = c.responses[e.id]
        (rejected if e.id in c.rejected_events else kept)["events"].append(item)
        used |= {a for a in (source, target) if a}
    for t in conn.execute(select(ties).where(ties.c.id.in_(sorted(tie_sentences))).order_by(ties.c.id)):
        ends = c.tie_ends(t.id, t.source_id, t.target_id)
        source, target = ends if ends is not None else (t.source_id, t.target_id)
        tie = {"source": source, "tie": t.tie, "target": target, "evidence": tie_sentences[t.id]}
        if t.valid != "current":
            tie["valid"] = t.valid
        (rejected if ends is None else kept)["ties"].append(tie)
        if ends is not None:
            used |= {source, target}
    rows = _actor_rows(conn, c, used)
    annotation: dict[str, Any] = {
        "document": doc.external_id or doc.id,
        "document_id": doc.id,
        "title": doc.title,
        "published": doc.published.isoformat() if doc.published else None,
        "corrections": sorted(correction_ids),
        "actors": [_actor(rows.get(a, {"id": a}), forms.get(a, [])) for a in sorted(used)],
        "events": kept["events"],
        "ties": kept["ties"],
    }
    if rejected["events"] or rejected["ties"]:
        annotation["rejected"] = {k: v for k, v in rejected.items() if v}
    return annotation


def _actor(row: dict[str, Any], forms: list[str]) -> dict[str, Any]:
    found = {"id": row["id"], "type": row.get("type"), "name": row.get("name")}
    if row.get("country"):
        found["country"] = row["country"]
    found["mentions"] = forms
    return found


def export_annotations(conn: Connection, corrections: Corrections | None = None) -> str:
    """The active corrections as annotation data: a YAML stream in the gold format, one
    document per corrected document (by document id), or only the header when there are none."""
    c = corrections if corrections is not None else active_corrections(conn)
    touched = _touched_documents(conn, c)
    if not touched:
        return HEADER
    docs = conn.execute(
        select(documents.c.id, documents.c.external_id, documents.c.title, documents.c.published)
        .where(documents.c.id.in_(sorted(touched)))
        .order_by(documents.c.id)
    )
    annotations = [_document(conn, c, doc, touched[doc.id]) for doc in docs]
    body = yaml.safe_dump_all(annotations, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body
