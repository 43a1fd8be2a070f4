"""Bodies referred to by the head noun of their name: "the Council" after "the U.N. Security
Council", "Council members", "the coalition" after "the international coalition".

A definite noun phrase (or a capitalised noun inside a sentence) whose head is the head noun
of an organisation's name used earlier in the document refers to that organisation, however
far back it was named, as "the embassy" does to the embassy the story named. Nouns that name a
sector of agents ("the ministry", "the government", "the court") are left to the collective
rules, which read them as generic actors where no name binds them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from proxywatch.extract.agents import Agents
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.records import Actor

BODY_TYPES = {"international_org", "state_agency", "political_party", "media", "other"}
DEFINITE = {"the", "this", "that"}
NOT_NAMES = ("generic", "collective", "pronoun", "population", "civilians")


def head_lemma(span: Span) -> str:
    return span.root.lemma_.lower()


def is_definite(token: Token) -> bool:
    """ "the council", "the coalition members", or a capitalised noun inside a sentence
    ("Council members", "protect the Council's credibility")."""
    if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return True
    head_dets = [c for c in token.head.children if c.dep_ == "det"] if token.dep_ == "compound" else []
    if any(c.lower_ in DEFINITE for c in head_dets):
        return True
    return token.is_title and not token.is_sent_start and token.i > 0 and not token.doc[token.i - 1].is_space


def body_named_by_head(doc: Doc, token: Token, found: DocMentions, agents: Agents) -> Actor | None:
    """The organisation named earlier whose name has ``token``'s noun as its head, if any."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("NOUN", "PROPN") or agents.sector_of(lemma) is not None or not is_definite(token):
        return None
    best = None
    for mention in found.mentions:
        if mention.start >= token.idx:
            continue
        actor = found.actors[mention.actor_id]
        if actor.type not in BODY_TYPES or mention.rule.startswith(NOT_NAMES) or " " not in mention.text:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and head_lemma(span) == lemma:
            best = actor
    return best


def noun_phrase_start(token: Token) -> int:
    """The first token of "the council" (its determiner), else the noun itself."""
    dets = [c.i for c in token.children if c.dep_ == "det" and c.i < token.i]
    return min(dets, default=token.i)
