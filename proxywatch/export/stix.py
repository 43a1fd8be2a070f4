"""The selection as a STIX 2.1 bundle (the ``stix2`` library), for threat-intelligence platforms.

- Actors are ``threat-actor`` objects (armed groups) or ``identity`` objects (states,
  agencies, parties, organisations, people, ...; see ``ACTOR_OBJECTS``).
- Ties are ``relationship`` objects whose type is the tie type in STIX's spelling
  (``member_of`` -> ``member-of``), with ``start_time``/``stop_time`` where the tie's dates
  are known.
- Events are ``report`` objects (``note`` objects when nothing dates them): the evidence
  sentence as description, the actors as ``object_refs``, the documents as external
  references. Events with neither end known are left out: STIX needs an object to refer to.

Ids are UUIDv5 of the proxywatch ids, and ``created``/``modified`` are the fact's first and
last seen dates (the Unix epoch where none is known), so exporting the same store twice
gives the same bundle. proxywatch's own fields are ``x_proxywatch_*`` custom properties:
read the bundle with ``stix2.parse(text, allow_custom=True)``.

>>> stix_id("identity", "actor", "pmf")
'identity--38bdfacc-016e-5a77-a98e-b3426155b7ce'
>>> relationship_type("designates_terrorist")
'designates-terrorist'
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any, TextIO

import stix2

from proxywatch.analyse.records import EventRecord, TieRecord
from proxywatch.export.events import document_ids
from proxywatch.export.selection import ActorInfo, Selection, date_bound

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://proxywatch.invalid/stix")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# actor type -> (STIX object type, identity_class for identities)
ACTOR_OBJECTS: dict[str, tuple[str, str | None]] = {
    "armed_group": ("threat-actor", None),
    "state": ("identity", "organization"),
    "state_agency": ("identity", "organization"),
    "political_party": ("identity", "organization"),
    "international_org": ("identity", "organization"),
    "media": ("identity", "organization"),
    "person": ("identity", "individual"),
    "civilians": ("identity", "group"),
    "facility": ("identity", "unknown"),
    "other": ("identity", "unknown"),
}
FLAGS = ("negated", "intended", "hypothetical", "historical")


def stix_id(kind: str, *key: str) -> str:
    """A STIX id of type ``kind`` that depends only on the key."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, chr(31).join(key))}"


def relationship_type(tie: str) -> str:
    """A tie type as a STIX relationship type: lowercase, words joined by hyphens."""
    return tie.lower().replace("_", "-").replace(" ", "-")


def _moment(day: date | None) -> datetime | None:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) if day else None


def _present(**values: Any) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None and v != [] and v != ""}


def actor_ref(actor: ActorInfo) -> str:
    kind, _ = ACTOR_OBJECTS.get(actor.type, ACTOR_OBJECTS["other"])
    return stix_id(kind, "actor", actor.id)


def _actor_object(sel: Selection, actor: ActorInfo) -> Any:
    kind, identity_class = ACTOR_OBJECTS.get(actor.type, ACTOR_OBJECTS["other"])
    fields = dict(
        id=actor_ref(actor),
        name=actor.name,
        created=EPOCH,
        modified=EPOCH,
        allow_custom=True,
        **_present(
            x_proxywatch_id=actor.id,
            x_proxywatch_type=actor.type,
            x_proxywatch_country=actor.country,
            x_proxywatch_camp=sel.camp.get(actor.id),
        ),
    )
    if kind == "threat-actor":
        return stix2.v21.ThreatActor(**fields)
    return stix2.v21.Identity(identity_class=identity_class, **fields)


def _tie_times(tie: TieRecord) -> dict[str, datetime]:
    start = _moment(date_bound(tie.start, end=False))
    last = date_bound(tie.end, end=True)
    stop = _moment(last + timedelta(days=1)) if last else None  # STIX's stop_time is exclusive
    if start and stop and stop <= start:
        stop = None
    return _present(start_time=start, stop_time=stop)


def _tie_object(sel: Selection, tie: TieRecord) -> Any:
    seen = _moment(tie.first_seen) or EPOCH
    return stix2.v21.Relationship(
        id=stix_id("relationship", "tie", tie.source, tie.tie, tie.target, tie.valid),
        relationship_type=relationship_type(tie.tie),
        source_ref=actor_ref(sel.actor(tie.source)),
        target_ref=actor_ref(sel.actor(tie.target)),
        created=seen,
        modified=seen,
        allow_custom=True,
        **_tie_times(tie),
        **_present(
            description=tie.sentence,
            x_proxywatch_tie=tie.tie,
            x_proxywatch_valid=tie.valid,
            x_proxywatch_start=tie.start,
            x_proxywatch_end=tie.end,
            x_proxywatch_provenance="documents" if tie.observed else "dictionary",
            x_proxywatch_first_seen=tie.first_seen.isoformat() if tie.first_seen else None,
        ),
    )


def _external_references(sel: Selection, event: EventRecord) -> list[dict[str, str]]:
    refs = []
    for doc_id in document_ids(event):
        doc = sel.documents.get(doc_id)
        refs.append(
            {
                "source_name": (doc.source if doc and doc.source else "proxywatch"),
                "external_id": doc_id,
                **_present(url=doc.url if doc else None, description=doc.title if doc else None),
            }
        )
    return refs


def _event_name(sel: Selection, event: EventRecord) -> str:
    source = sel.actor(event.source).name if event.source else "?"
    target = sel.actor(event.target).name if event.target else "?"
    return f"{event.type}: {source} -> {target}"


def _event_object(sel: Selection, event: EventRecord) -> Any | None:
    refs = list(dict.fromkeys(actor_ref(sel.actor(a)) for a in (event.source, event.target) if a))
    if not refs:
        return None
    detail = sel.detail(event.id)
    created = _moment(detail.first_seen or event.date) or EPOCH
    modified = max(created, _moment(detail.last_seen) or created)
    sentence = event.evidence[0].sentence if event.evidence else None
    common = dict(
        object_refs=refs,
        created=created,
        modified=modified,
        confidence=max(0, min(100, round(detail.confidence * 100))),
        labels=[event.type.lower(), *(f for f in FLAGS if getattr(event, f))],
        allow_custom=True,
        **_present(
            external_references=_external_references(sel, event),
            x_proxywatch_event_id=event.id,
            x_proxywatch_event_type=event.type,
            x_proxywatch_mode=detail.mode,
            x_proxywatch_date=event.date.isoformat() if event.date else None,
            x_proxywatch_date_precision=detail.date_precision,
            x_proxywatch_location=detail.location,
            x_proxywatch_country=detail.country,
            x_proxywatch_n_sources=detail.n_sources,
            x_proxywatch_document_ids=document_ids(event),
            x_proxywatch_directive=event.directive,
            x_proxywatch_directive_type=event.directive_type,
            x_proxywatch_directive_target=event.directive_target,
            **{f"x_proxywatch_{f}": getattr(event, f) for f in FLAGS},
        ),
    )
    published = _moment(detail.first_seen or event.date)
    if published is None:
        return stix2.v21.Note(
            id=stix_id("note", "event", event.id),
            abstract=_event_name(sel, event),
            content=sentence or _event_name(sel, event),
            **common,
        )
    return stix2.v21.Report(
        id=stix_id("report", "event", event.id),
        name=_event_name(sel, event),
        published=published,
        **_present(description=sentence),
        **common,
    )


def stix_bundle(sel: Selection) -> Any:
    """Actors, then ties, then events, as one STIX 2.1 bundle with a content-derived id."""
    objects: list[Any] = [_actor_object(sel, a) for a in sel.actors.values()]
    objects += [_tie_object(sel, t) for t in sel.ties]
    objects += [o for o in (_event_object(sel, e) for e in sel.events) if o is not None]
    bundle_id = stix_id("bundle", *(o.id for o in objects))
    return stix2.v21.Bundle(objects=objects, id=bundle_id, allow_custom=True)


def bundle_json(bundle: Any) -> str:
    """The bundle as indented JSON, each object's properties in STIX's order (stix2's pretty
    printer, run per object: on a whole bundle it takes quadratic time)."""
    objects = [json.loads(o.serialize(pretty=True)) for o in bundle.objects]
    return json.dumps({"type": "bundle", "id": bundle.id, "objects": objects}, indent=4)


def write_stix(sel: Selection, stream: TextIO) -> None:
    stream.write(bundle_json(stix_bundle(sel)) + "\n")
