"""Analysts' corrections: stored judgements (who, when, why) applied on top of extraction.

An analyst merges two actors, splits a wrongly merged one, sets an actor's type, country or
name, rejects an event or a tie, changes an event's type or ends, or links a response to the
directive it answers. Each is one row of ``corrections``; the extracted rows are never
rewritten. Reads apply the active corrections (:func:`active_corrections`, a
:class:`Corrections` value with pure methods), so a re-ingest or a re-extraction, which
rewrites extracted rows, cannot lose one, and undoing one only marks its row undone.

Why a table apart from ``actor_judgements``: that table is the extractor's own record of the
fuzzy matches it made (``same`` judgements keyed by a hash of their fields, rewritten on every
extraction, about actors only); corrections are analysts' decisions about actors, events and
ties, with kinds and details that table cannot hold, ordered by when they were made (the
later of two corrections of one field wins) and never written by a machine. Keeping them
apart means no extraction run can touch an analyst's judgement.

>>> c = Corrections.from_records([
...     Correction(1, "merge", "kh", {"into_id": "kataib_hezbollah"}, "", "ana", None),
...     Correction(2, "reject_event", "e9", {}, "", "ana", None)])
>>> c.canonical("kh"), sorted(c.members("kataib_hezbollah")), c.event_ends("e1", "kh", "usa")
('kataib_hezbollah', ['kataib_hezbollah', 'kh'], ('kataib_hezbollah', 'usa'))
>>> "e9" in c.rejected_events
True
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, func, or_, select, update

from proxywatch.errors import NotFoundError, ProxywatchError
from proxywatch.names import normalise_name
from proxywatch.store.schema import (
    corrections,
    event_evidence,
    events,
    mentions,
    tie_evidence,
    ties,
)

# the kind, the field that names its subject, and the fields of its detail
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "merge": ("actor_id", ("into_id",)),
    "split": ("actor_id", ("aliases", "name")),
    "set_actor": ("actor_id", ("type", "country", "name")),
    "reject_event": ("event_id", ()),
    "reject_tie": ("tie_id", ()),
    "set_event": ("event_id", ("type", "source_id", "target_id")),
    "link_response": ("event_id", ("directive_id",)),
}
DEFAULT_BY = "analyst"


def now() -> datetime:
    return datetime.now(UTC)


_EMPTY: Mapping[str, Any] = MappingProxyType({})


class InvalidCorrection(ProxywatchError):
    """A correction that cannot be made as asked (the message says why and what to do)."""


def _iso(moment: datetime | None) -> str | None:
    """UTC in ISO 8601 with its offset, the same on SQLite (which keeps no zone) and PostgreSQL."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


@dataclass(frozen=True)
class Correction:
    """One stored correction; ``detail`` holds what its kind needs (see :data:`KINDS`)."""

    id: int
    kind: str
    subject: str
    detail: Mapping[str, Any]
    reason: str
    made_by: str
    created_at: datetime | None
    undone_at: datetime | None = None

    def ids(self) -> set[str]:
        """Every actor, event or tie id the correction names."""
        found = {self.subject}
        for key in ("into_id", "new_id", "source_id", "target_id", "directive_id"):
            value = self.detail.get(key)
            if isinstance(value, str):
                found.add(value)
        return found

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "detail": dict(self.detail),
            "reason": self.reason,
            "made_by": self.made_by,
            "created_at": _iso(self.created_at),
            "undone_at": _iso(self.undone_at),
        }


@dataclass(frozen=True)
class ActorOverride:
    type: str | None = None
    country: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class EventOverride:
    type: str | None = None
    source: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class SplitRule:
    """Mentions of ``actor_id`` (or of an actor merged into it) whose normalised text is one of
    ``aliases`` belong to the new actor ``new_id``, and so do the events and ties that rest on
    those mentions alone."""

    correction_id: int
    actor_id: str
    new_id: str
    name: str
    aliases: frozenset[str]


class EventLike(Protocol):
    """What :meth:`Corrections.apply_event` needs of an event record (a frozen dataclass)."""

    @property
    def id(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def source(self) -> str | None: ...
    @property
    def target(self) -> str | None: ...
    @property
    def directive_target(self) -> str | None: ...


E = TypeVar("E", bound=EventLike)


def _empty() -> Mapping[str, Any]:
    return _EMPTY


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Corrections:
    """The active corrections, ready to apply to what the store reads (all methods pure).

    ``moved_*`` say which mentions, events and ties a split takes to its new actor; they are
    resolved from the store by :func:`active_corrections` (empty when built from records alone).
    """

    records: tuple[Correction, ...] = ()
    merged: Mapping[str, str] = field(default_factory=_empty)  # actor id -> the actor it was merged into
    splits: tuple[SplitRule, ...] = ()
    actor_overrides: Mapping[str, ActorOverride] = field(default_factory=_empty)  # by canonical id
    rejected_events: frozenset[str] = frozenset()
    rejected_ties: frozenset[str] = frozenset()
    event_overrides: Mapping[str, EventOverride] = field(default_factory=_empty)
    responses: Mapping[str, str] = field(default_factory=_empty)  # response event id -> directive event id
    moved_mentions: Mapping[str, str] = field(default_factory=_empty)  # mention id -> split actor id
    moved_events: Mapping[str, Mapping[str, str]] = field(
        default_factory=_empty
    )  # event id -> {actor id: split actor id}
    moved_ties: Mapping[str, Mapping[str, str]] = field(default_factory=_empty)
    _members: Mapping[str, frozenset[str]] = field(default_factory=_empty, repr=False)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Correction],
        moved_mentions: Mapping[str, str] = _EMPTY,
        moved_events: Mapping[str, Mapping[str, str]] = _EMPTY,
        moved_ties: Mapping[str, Mapping[str, str]] = _EMPTY,
    ) -> Corrections:
        """The value of these corrections (active ones, oldest first; later ones win)."""
        active = tuple(sorted((r for r in records if r.undone_at is None), key=lambda r: r.id))
        merged = {r.subject: str(r.detail["into_id"]) for r in active if r.kind == "merge"}
        splits = tuple(
            SplitRule(
                r.id,
                r.subject,
                str(r.detail["new_id"]),
                str(r.detail["name"]),
                frozenset(normalise_name(a) for a in r.detail["aliases"]),
            )
            for r in active
            if r.kind == "split"
        )
        base = cls(records=active, merged=_frozen(merged), splits=splits)
        members: dict[str, set[str]] = defaultdict(set)
        for actor_id in {*merged, *merged.values(), *(s.new_id for s in splits)}:
            members[base.canonical(actor_id) or actor_id].add(actor_id)
        base = replace(base, _members=_frozen({k: frozenset(v) for k, v in members.items()}))
        actor_overrides: dict[str, ActorOverride] = {}
        event_overrides: dict[str, EventOverride] = {}
        responses: dict[str, str] = {}
        for r in active:
            d = r.detail
            if r.kind == "set_actor":
                key = base.canonical(r.subject) or r.subject
                old = actor_overrides.get(key, ActorOverride())
                actor_overrides[key] = ActorOverride(
                    d.get("type") or old.type, d.get("country") or old.country, d.get("name") or old.name
                )
            elif r.kind == "set_event":
                old_e = event_overrides.get(r.subject, EventOverride())
                event_overrides[r.subject] = EventOverride(
                    d.get("type") or old_e.type,
                    d.get("source_id") or old_e.source,
                    d.get("target_id") or old_e.target,
                )
            elif r.kind == "link_response":
                responses[r.subject] = str(d["directive_id"])
        return replace(
            base,
            actor_overrides=_frozen(actor_overrides),
            rejected_events=frozenset(r.subject for r in active if r.kind == "reject_event"),
            rejected_ties=frozenset(r.subject for r in active if r.kind == "reject_tie"),
            event_overrides=_frozen(event_overrides),
            responses=_frozen(responses),
            moved_mentions=_frozen(moved_mentions),
            moved_events=_frozen({k: _frozen(v) for k, v in moved_events.items()}),
            moved_ties=_frozen({k: _frozen(v) for k, v in moved_ties.items()}),
        )

    def __bool__(self) -> bool:
        return bool(self.records)

    # actors ----------------------------------------------------------------------------------

    def canonical(self, actor_id: str | None) -> str | None:
        """The id an actor is shown as: the end of its merge chain."""
        seen: set[str] = set()
        while actor_id is not None and actor_id in self.merged and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.merged[actor_id]
        return actor_id

    def members(self, actor_id: str) -> frozenset[str]:
        """Every id shown as the same actor as ``actor_id`` (its canonical id included)."""
        key = self.canonical(actor_id) or actor_id
        return frozenset({key, *self._members.get(key, ())})

    def merged_from(self, actor_id: str) -> list[str]:
        """The ids merged into ``actor_id``'s canonical actor."""
        key = self.canonical(actor_id) or actor_id
        return sorted(self.members(key) - {key})

    def split_rule(self, actor_id: str) -> SplitRule | None:
        """The split that made ``actor_id``, if it is a split's new actor."""
        return next((s for s in self.splits if s.new_id == actor_id), None)

    def stored_id(self, actor_id: str) -> str:
        """The stored actor row an actor is read from: a split's new actor is read from the
        actor it was split from (its type and country), any other actor from its own row."""
        rule = self.split_rule(actor_id)
        if rule is None:
            return actor_id
        return self.stored_id(self.canonical(rule.actor_id) or rule.actor_id)

    def actor(self, actor_id: str, row: Mapping[str, Any]) -> dict[str, Any]:
        """The actor ``actor_id`` (a canonical id) from its stored row (see :meth:`stored_id`),
        with the split's name and the analyst's type, country and name applied."""
        found = {**row, "id": actor_id}
        rule = self.split_rule(actor_id)
        if rule is not None:
            found.update(name=rule.name, origin="split")
        over = self.actor_overrides.get(actor_id)
        if over is not None:
            found.update(
                {k: v for k, v in (("type", over.type), ("country", over.country), ("name", over.name)) if v}
            )
        return found

    def alias_actor(self, actor_id: str, alias: str) -> str:
        """The actor an alias of ``actor_id`` belongs to: a split takes the aliases it names."""
        key = self.canonical(actor_id) or actor_id
        norm = normalise_name(alias)
        for rule in self.splits:
            if norm in rule.aliases and key == self.canonical(rule.actor_id):
                return self.canonical(rule.new_id) or rule.new_id
        return key

    def mention_actor(self, mention_id: str, actor_id: str) -> str:
        moved = self.moved_mentions.get(mention_id, actor_id)
        return self.canonical(moved) or moved

    # events and ties -------------------------------------------------------------------------

    def event_ends(
        self, event_id: str, source: str | None, target: str | None
    ) -> tuple[str | None, str | None]:
        """An event's (source, target) as corrected: split, then the analyst's ends, then merges."""
        moved = self.moved_events.get(event_id, _EMPTY)
        source, target = moved.get(source or "", source), moved.get(target or "", target)
        over = self.event_overrides.get(event_id)
        if over is not None:
            source, target = over.source or source, over.target or target
        return self.canonical(source), self.canonical(target)

    def event_type(self, event_id: str, event_type: str) -> str:
        over = self.event_overrides.get(event_id)
        return over.type if over is not None and over.type else event_type

    def apply_event(self, event: E) -> E | None:
        """An event record as corrected (a dataclass with ``id``, ``type``, ``source``,
        ``target``, ``directive_target``), or None when it was rejected."""
        if event.id in self.rejected_events:
            return None
        source, target = self.event_ends(event.id, event.source, event.target)
        changes: dict[str, Any] = {
            "type": self.event_type(event.id, event.type),
            "source": source,
            "target": target,
            "directive_target": self.canonical(event.directive_target),
        }
        if hasattr(event, "responds_to"):
            changes["responds_to"] = self.responses.get(event.id)
        if all(getattr(event, k) == v for k, v in changes.items()):
            return event
        return replace(event, **changes)  # type: ignore[type-var]

    def tie_ends(self, tie_id: str, source: str, target: str) -> tuple[str, str] | None:
        """A tie's (source, target) as corrected, or None when it was rejected."""
        if tie_id in self.rejected_ties:
            return None
        moved = self.moved_ties.get(tie_id, _EMPTY)
        return (
            self.canonical(moved.get(source, source)) or source,
            self.canonical(moved.get(target, target)) or target,
        )

    @property
    def changed_events(self) -> frozenset[str]:
        """Events whose type or ends a correction changes (not counting merges)."""
        return frozenset({*self.event_overrides, *self.moved_events})

    @property
    def changed_ties(self) -> frozenset[str]:
        return frozenset(self.moved_ties)

    def touching(self, actor_id: str) -> list[Correction]:
        """The active corrections that name ``actor_id`` or an actor shown as the same one."""
        ids = self.members(actor_id)
        return [r for r in self.records if r.ids() & ids]


# the store --------------------------------------------------------------------------------


def _correction(row: Any) -> Correction:
    return Correction(
        id=int(row.id),
        kind=row.kind,
        subject=row.subject,
        detail=json.loads(row.detail),
        reason=row.reason,
        made_by=row.made_by,
        created_at=row.created_at,
        undone_at=row.undone_at,
    )


def get_correction(conn: Connection, correction_id: int) -> Correction:
    row = conn.execute(select(corrections).where(corrections.c.id == correction_id)).first()
    if row is None:
        raise NotFoundError(
            f"no correction has the id {correction_id}; list them with `proxywatch judge list`"
        )
    return _correction(row)


def list_corrections(
    conn: Connection, limit: int | None = None, offset: int = 0, include_undone: bool = True
) -> tuple[list[Correction], int]:
    """Corrections, newest first, and how many there are."""
    where = [] if include_undone else [corrections.c.undone_at.is_(None)]
    total = int(conn.execute(select(func.count()).select_from(corrections).where(*where)).scalar_one())
    query = select(corrections).where(*where).order_by(corrections.c.id.desc()).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [_correction(r) for r in conn.execute(query)], total


def _within(spans: Mapping[str, list[tuple[int, int]]], doc: str | None, start: int, end: int) -> bool:
    return any(start <= s and e <= end for s, e in spans.get(doc or "", ()))


def _split_moves(
    conn: Connection, base: Corrections
) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """The mentions each split takes, and the events and ties whose every evidence sentence
    holds such a mention and no other mention of the split actor."""
    moved_mentions: dict[str, str] = {}
    moved: dict[str, dict[str, dict[str, str]]] = {"events": {}, "ties": {}}
    split_ids = {s.new_id for s in base.splits}
    for rule in base.splits:
        raw = sorted(base.members(rule.actor_id) - split_ids)
        taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
        kept: dict[str, list[tuple[int, int]]] = defaultdict(list)
        query = select(
            mentions.c.id, mentions.c.document_id, mentions.c.text, mentions.c.start, mentions.c.end
        )
        for m in conn.execute(query.where(mentions.c.actor_id.in_(raw))):
            if m.id in moved_mentions:
                continue
            if normalise_name(m.text) in rule.aliases:
                moved_mentions[m.id] = rule.new_id
                taken[m.document_id].append((m.start, m.end))
            else:
                kept[m.document_id].append((m.start, m.end))
        if not taken:
            continue

        for name, owner, evidence, key in (
            ("events", events, event_evidence, event_evidence.c.event_id),
            ("ties", ties, tie_evidence, tie_evidence.c.tie_id),
        ):
            verdicts: dict[str, bool] = {}
            ends: dict[str, tuple[str | None, str | None]] = {}
            rows = conn.execute(
                select(key.label("owner"), evidence.c.document_id, evidence.c.start, evidence.c.end)
                .add_columns(owner.c.source_id, owner.c.target_id)
                .join(owner, owner.c.id == key)
                .where(or_(owner.c.source_id.in_(raw), owner.c.target_id.in_(raw)))
            )
            for r in rows:
                ok = _within(taken, r.document_id, r.start, r.end) and not _within(
                    kept, r.document_id, r.start, r.end
                )
                verdicts[r.owner] = verdicts.get(r.owner, True) and ok
                ends[r.owner] = (r.source_id, r.target_id)
            for owner_id, ok in verdicts.items():
                if ok:
                    found = moved[name].setdefault(owner_id, {})
                    found.update({a: rule.new_id for a in ends[owner_id] if a in raw})
    return moved_mentions, moved["events"], moved["ties"]


def active_corrections(conn: Connection) -> Corrections:
    """The active corrections, with what each split takes resolved against the store as it is."""
    query = select(corrections).where(corrections.c.undone_at.is_(None)).order_by(corrections.c.id)
    records = [_correction(r) for r in conn.execute(query)]
    base = Corrections.from_records(records)
    if not base.splits:
        return base
    return Corrections.from_records(records, *_split_moves(conn, base))


# recording --------------------------------------------------------------------------------


def record_correction(
    conn: Connection,
    kind: str,
    fields: Mapping[str, Any],
    reason: str | None = None,
    made_by: str | None = None,
) -> Correction:
    """Check a correction against the store and the active corrections, and store it.

    ``fields`` holds the subject (``actor_id``, ``event_id`` or ``tie_id``, as :data:`KINDS`
    says) and the kind's details. Unknown ids raise :class:`NotFoundError`; a correction that
    cannot apply raises :class:`InvalidCorrection`."""
    from proxywatch.store.correction_checks import CHECKS, SUBJECT_TABLES, actor_known, row_known

    if kind not in KINDS:
        raise InvalidCorrection(f"unknown correction kind {kind!r}; use one of {', '.join(KINDS)}")
    subject_key, _ = KINDS[kind]
    c = active_corrections(conn)
    subject = fields.get(subject_key)
    if subject_key == "actor_id":
        subject = actor_known(conn, c, subject, subject_key)
    else:
        subject = row_known(conn, SUBJECT_TABLES[subject_key], subject, subject_key)
    detail = CHECKS[kind](conn, c, subject, fields)
    row = {
        "kind": kind,
        "subject": subject,
        "detail": json.dumps(detail, sort_keys=True, ensure_ascii=False),
        "reason": (reason or "").strip(),
        "made_by": ((made_by or "").strip() or DEFAULT_BY)[:64],
        "created_at": now(),
        "undone_at": None,
    }
    new_id = conn.execute(corrections.insert().values(row).returning(corrections.c.id)).scalar_one()
    return get_correction(conn, int(new_id))


def undo_correction(conn: Connection, correction_id: int) -> Correction:
    """Mark a correction undone (once: undoing it again changes nothing) and return it."""
    found = get_correction(conn, correction_id)
    if found.undone_at is None:
        conn.execute(update(corrections).where(corrections.c.id == correction_id).values(undone_at=now()))
        found = get_correction(conn, correction_id)
    return found
