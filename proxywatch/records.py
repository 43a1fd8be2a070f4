"""Plain records that cross the layers: a document as read from its source and a problem with
an input (what ingest produces), and what extraction reads in a document — actors, mentions,
events and ties, each with its evidence. They sit below every sub-package, beside ``ids`` and
``names``, so that the store takes them without importing ingest or extract."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass
class RawDocument:
    """One news item as read from its source, before checks and storage."""

    text: str
    origin: str
    fmt: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    published_from: str = "none"
    external_id: str | None = None
    line: int | None = None
    lang: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def locator(self) -> str:
        """Where it came from, with the line or entry number where one applies."""
        return self.origin if self.line is None else f"{self.origin}:{self.line}"


@dataclass(frozen=True)
class IngestProblem:
    """An input item that could not be taken, with where and why."""

    origin: str
    kind: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.kind}: {self.reason}"


OUTPUT_VERSION = "1.0"


@dataclass
class Actor:
    """A canonical actor seen in a document."""

    id: str
    name: str
    type: str
    country: str | None = None
    origin: str = "dictionary"  # "extracted" for names the dictionary does not know, "generic" for sectors


@dataclass
class Mention:
    """A span of the document that refers to an actor."""

    actor_id: str
    text: str
    start: int
    end: int
    rule: str
    confidence: float
    sentence: int = 0


@dataclass
class Evidence:
    """Where a fact was read: the sentence text, its character span in the document, and how."""

    sentence: str
    start: int
    end: int
    rule: str
    confidence: float

    def as_json(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }


@dataclass
class Event:
    """A PLOVER event: who did what to whom, when, where and how."""

    type: str
    source: str | None
    target: str | None
    evidence: Evidence
    mode: str | None = None
    date: date | None = None
    date_precision: str = "none"
    date_text: str | None = None
    location: str | None = None
    country: str | None = None
    negated: bool = False
    intended: bool = False
    hypothetical: bool = False
    historical: bool = False
    trigger: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def directive(self) -> dict[str, str] | None:
        """For a request: the event type it asks to stop ("prohibits") or to do ("asks"), and
        the actor that event would touch ("protected"), e.g. stop ASSAULT on the embassy."""
        kind = "prohibits" if "prohibits" in self.extra else "asks" if "asks" in self.extra else None
        if kind is None:
            return None
        return {kind: self.extra[kind], "protected": self.extra.get("protected", "")}

    def as_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "source": self.source,
            "target": self.target,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "location": self.location,
            "country": self.country,
            "negated": self.negated,
            "intended": self.intended,
            "hypothetical": self.hypothetical,
            "historical": self.historical,
            "trigger": self.trigger,
            "directive": self.directive,
            **self.evidence.as_json(),
        }


@dataclass
class Tie:
    """A standing tie between two actors, current or former."""

    tie: str
    source: str
    target: str
    evidence: Evidence
    valid: str = "current"

    def as_json(self) -> dict[str, Any]:
        return {
            "tie": self.tie,
            "source": self.source,
            "target": self.target,
            "valid": self.valid,
            **self.evidence.as_json(),
        }


@dataclass
class Extraction:
    """Everything read from one document."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)

    def as_json(self, document: dict[str, Any]) -> dict[str, Any]:
        by_actor: dict[str, list[dict[str, Any]]] = {}
        for m in self.mentions:
            by_actor.setdefault(m.actor_id, []).append({"text": m.text, "start": m.start, "end": m.end})
        return {
            "version": OUTPUT_VERSION,
            "document": document,
            "actors": [
                {**asdict(a), "mentions": by_actor.get(a.id, [])}
                for a in sorted(self.actors.values(), key=lambda a: a.id)
            ],
            "events": [e.as_json() for e in self.events],
            "ties": [t.as_json() for t in self.ties],
        }
