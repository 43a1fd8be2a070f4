"""The records the extractor produces (defined in ``proxywatch.records``, below every layer)."""

from proxywatch.records import OUTPUT_VERSION, Actor, Event, Evidence, Extraction, Mention, Tie

__all__ = ["OUTPUT_VERSION", "Actor", "Event", "Evidence", "Extraction", "Mention", "Tie"]
