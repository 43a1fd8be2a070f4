"""Checks every document passes before it is stored: not empty, not too large, in a wanted language."""

from __future__ import annotations

from langdetect import DetectorFactory, LangDetectException, detect_langs

from proxywatch.ingest.records import IngestProblem, RawDocument
from proxywatch.settings import IngestOptions

DetectorFactory.seed = 0  # langdetect is randomised; a fixed seed makes the verdict repeatable

# Below this many letters a language guess is noise, so short texts are let through.
_MIN_LETTERS_FOR_LANG = 60
_SAMPLE_CHARS = 3000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS_FOR_LANG:
        return None
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return str(best.lang)


def check_document(doc: RawDocument, options: IngestOptions) -> IngestProblem | None:
    """The reason ``doc`` must not be stored, or None; sets ``doc.lang`` as a side effect."""
    if not doc.text or not doc.text.strip():
        return IngestProblem(doc.origin, "empty", "document has no text", doc.line)
    if len(doc.text) > options.max_chars:
        return IngestProblem(
            doc.origin,
            "too_large",
            f"document has {len(doc.text):,} characters, over the limit of {options.max_chars:,}; "
            "split it or raise --max-chars",
            doc.line,
        )
    if options.language_where_extracted:
        return None  # checked with extraction: see language_refusal
    doc.lang = detect_language(doc.text)
    refusal = language_refusal(doc.lang, options)
    return None if refusal is None else IngestProblem(doc.origin, "language", refusal, doc.line)


def language_refusal(lang: str | None, options: IngestOptions) -> str | None:
    """Why a text in ``lang`` is not wanted, or None when it is (or its language is unknown)."""
    if options.any_language or lang is None or lang in options.languages:
        return None
    return (
        f"language detected as {lang!r}, not one of {sorted(options.languages)}; pass --lang any to keep it"
    )
