"""Bodies referred to by the head noun of their name: "the Council" after "the U.N. Security
Council", "Council members", "the coalition" after "the international coalition".

A definite noun phrase (or a capitalised noun inside a sentence) whose head is the head noun
of an organisation's name used earlier in the document refers to that organisation, however
far back it was named, as "the embassy" does to the embassy the story named. Nouns that name a
sector of agents ("the ministry", "the government", "the court") are left to the collective
rules, which read them as generic actors where no name binds them.

A capitalised name whose head noun names a text ("the Hizballah Financial Sanctions
Regulations", "the Caesar Act") is no actor, and the nouns inside it are no collectives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from proxywatch.extract.agents import Agents
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.records import Actor

BODY_TYPES = {"international_org", "state_agency", "political_party", "media", "other"}
DEFINITE = {"the", "this", "that"}
TEXT_NAME_GLUE = {"of", "the", "al", "el", "for", "and", "-", "as", "on", "to", "against", "in"}
NOT_NAMES = ("generic", "collective", "pronoun", "population", "civilians")


def head_lemma(span: Span) -> str:
    return span.root.lemma_.lower()


def is_definite(token: Token) -> bool:
    """ "the council", "the coalition members", or a capitalised noun inside a sentence
    ("protect the Council's credibility") or opening one bare ("Council members said")."""
    if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return True
    head_dets = [c for c in token.head.children if c.dep_ == "det"] if token.dep_ == "compound" else []
    if any(c.lower_ in DEFINITE for c in head_dets):
        return True
    if not token.is_title or token.i == 0 or token.doc[token.i - 1].is_space:
        return False
    if not token.is_sent_start:
        return True
    # a sentence's first word: capitalised anyway, so only a bare one with no article of its own
    # ("Council members Greece and Panama ..."), never "A council" or "Councils"
    return token.tag_ in ("NN", "NNP") and not any(c.dep_ == "det" for c in token.children)


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


def names_text(name: Span, text_nouns: frozenset[str]) -> bool:
    """Whether a capitalised name ends in a noun for a text ("... Sanctions Regulations"),
    its year after it or not ("... Defenseless Shields Act of 2018")."""
    words = [t for t in name if not t.like_num]
    while words and words[-1].lower_ == "of":
        words.pop()
    return len(words) > 1 and words[-1].is_title and words[-1].lower_ in text_nouns


def text_names(doc: Doc, text_nouns: frozenset[str]) -> set[int]:
    """Tokens of the capitalised names of texts, those the tagger did not see too ("the
    Sanctioning the Use of Civilians as Defenseless Shields Act")."""
    inside: set[int] = set()
    for token in doc:
        if token.is_sent_start or not token.is_title or token.lower_ not in text_nouns:
            continue
        start = token.i
        while start > 0 and not doc[start].is_sent_start:
            before = doc[start - 1]
            if before.is_space or not (before.is_title or before.lower_ in TEXT_NAME_GLUE):
                break
            start -= 1
        if sum(t.is_title for t in doc[start : token.i]) >= 2:
            inside.update(range(start, token.i + 1))
    return inside
