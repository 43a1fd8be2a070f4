"""Deterministic ids: a fact's id is a hash of its key fields, so re-ingesting changes nothing."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def fact_id(*parts: object) -> str:
    """A 32-hex-digit id from the key fields, stable across runs and machines.

    >>> key = ("event", "ASSAULT", "pmf", "us_embassy_iraq")
    >>> fact_id(*key) == fact_id(*key) != fact_id(*key, "2020-01-03")
    True
    """
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def normalise_text(text: str) -> str:
    """The form of a document's text used for duplicate detection: NFKC, case-folded, spaces folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def document_id(text: str) -> str:
    """Id of a document: the hash of its normalised text, so a reposted copy is the same document."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]


def parse_generic(actor_id: str) -> tuple[str | None, str | None, str] | None:
    """(home ISO3, patron ISO3, sector) of a generic actor id, or None for other ids.

    >>> parse_generic("generic:irq:uaf"), parse_generic("generic:backed_irn:uaf")
    (('IRQ', None, 'UAF'), (None, 'IRN', 'UAF'))
    >>> parse_generic("generic:mil"), parse_generic("pmf")
    ((None, None, 'MIL'), None)
    """
    parts = actor_id.split(":")
    if parts[0] != "generic" or len(parts) not in (2, 3):
        return None
    sector = parts[-1].upper()
    if len(parts) == 2:
        return None, None, sector
    if parts[1].startswith("backed_"):
        return None, parts[1].removeprefix("backed_").upper(), sector
    return parts[1].upper(), None, sector


def slug(text: str) -> str:
    """The id part made of a name: lower-case letters and digits joined by underscores.

    >>> slug("Kata'ib Hezbollah (KH)")
    'kata_ib_hezbollah_kh'
    """
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:120] or "unnamed"
