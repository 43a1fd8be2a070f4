"""Typed records the analytics read: events and ties with the evidence that supports them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Evidence:
    document_id: str | None
    sentence: str
    start: int


@dataclass(frozen=True)
class EventRecord:
    """One (merged) event. ``order`` places undated events by document and position."""

    id: str
    type: str
    source: str | None
    target: str | None
    date: date | None = None
    historical: bool = False
    negated: bool = False
    intended: bool = False
    hypothetical: bool = False
    directive: str | None = None
    directive_type: str | None = None
    directive_target: str | None = None
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    responds_to: str | None = None  # an analyst's link: the directive (event id) this one answers

    @property
    def asserted(self) -> bool:
        """Something that happened, not a denial, intention or hypothesis."""
        return not (self.negated or self.intended or self.hypothetical)

    @property
    def order(self) -> tuple[str, int]:
        first = self.evidence[0] if self.evidence else Evidence(None, "", 0)
        return (first.document_id or "", first.start)


@dataclass(frozen=True)
class TieRecord:
    tie: str
    source: str
    target: str
    valid: str = "current"
    start: str | None = None
    end: str | None = None
    first_seen: date | None = None
    sentence: str = ""
    observed: bool = True  # read from a document, not only known from the actor dictionary
