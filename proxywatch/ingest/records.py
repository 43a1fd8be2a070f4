"""Typed records that ingestion produces: a document read from a source, or a problem with one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


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
