"""Extraction: actor mentions resolved to canonical actors, PLOVER events and standing ties.

Every stage is a spaCy component (see ``extract.pipeline``); :func:`extract_text` and
:func:`extract_many` run the whole pipeline and return :class:`Extraction` records.
"""

from proxywatch.extract.pipeline import (
    EXTRACTOR_VERSION,
    build_pipeline,
    extract_many,
    extract_text,
)
from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Mention, Tie

__all__ = [
    "EXTRACTOR_VERSION",
    "Actor",
    "Event",
    "Evidence",
    "Extraction",
    "Mention",
    "Tie",
    "build_pipeline",
    "extract_many",
    "extract_text",
]
