"""Bodies referred to by the head noun of their name: "the Council" after "the U.N. Security
Council", "Council members", "the coalition" after "the international coalition".

A definite noun phrase (or a capitalised noun inside a sentence) whose head is the head noun
of an organisation's name used earlier in the document refers to that organisation, however
far back it was named, as "the embassy" does to the embassy the story named. Nouns that name a
sector of agents ("the ministry", "the government", "the court") are left to the collective
rules, which read them as generic actors where no name binds them.

An installation whose owner the text names ("KH bases", "Hezbollah's depots", "IRGC-affiliated
facilities", "facilities used by X") is a facility actor of that owner, one per owner and noun
("facility:kataib_hezbollah:base"), and "the facilities" after it refers back to it. Its
mention claims no tokens, so the event coder still reads the owner at them.

A capitalised name whose head noun names a text ("the Hizballah Financial Sanctions
Regulations", "the Caesar Act") is no actor, and the nouns inside it are no collectives.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from proxywatch.extract.agents import Agents
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.records import Actor, Mention
from proxywatch.extract.references import References
from proxywatch.ids import parse_generic

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
        if lemma not in mention.text.lower():
            continue  # its head's lemma is one of its words: no parse of the span needed
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


# -- facilities of an owner ("KH bases", "facilities used by Kata'ib Hezbollah") ----------------
PLACE_PREPS = ("at", "in", "near", "inside", "on")
OWNER_TYPES = {"armed_group", "state_agency", "political_party", "international_org", "state"}
FACILITY_MODIFIERS = (
    "det",
    "nummod",
    "amod",
    "compound",
    "nmod",
    "poss",
    "case",
    "punct",
    "npadvmod",
    "quantmod",
)


def facility_owner(token: Token, found: DocMentions, words: References, hops: int = 0) -> Mention | None:
    """The named owner of a facility noun: a name modifying it ("KH bases", "Hezbollah's
    depots", "Houthi camps"), hyphenated to a participle of ownership ("IRGC-affiliated
    facilities"), the agent of one after it ("facilities used by X", "bases belonging to
    X"), or the owner of the place it is said to lie at ("facilities located at a border
    post used by X")."""
    for child in token.children:
        if child.i < token.i and child.dep_ in ("compound", "poss", "amod", "nmod"):
            owner = _owner_at(child, found)
            if owner is not None and child.dep_ == "amod" and found.actors[owner.actor_id].type == "state":
                owner = None  # "the Iranian camp", "Iraqi bases": a side or a home, not an owner
            if owner is None and _word_in(child, words.owner_words):
                owner = next((o for g in child.children if (o := _owner_at(g, found))), None)
            if owner is not None:
                return owner
        if child.i < token.i or child.dep_ not in ("acl", "relcl"):
            continue
        if _word_in(child, words.owner_words):
            owners = (_owner_at(g, found) for g in _objects(child, ("by", "to")))
            owner = next((o for o in owners if o is not None), None)
        elif _word_in(child, words.site_words) and hops == 0:
            owner = next(
                (o for g in _objects(child, PLACE_PREPS) if (o := facility_owner(g, found, words, 1))), None
            )
        else:
            owner = None
        if owner is not None:
            return owner
    return None


def _objects(verb: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of a participle's prepositions among ``preps`` ("used by X": X)."""
    return [
        g
        for p in verb.children
        if p.dep_ in ("agent", "prep") and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _word_in(token: Token, words: frozenset[str]) -> bool:
    """Whether a word is listed as written or as its lemma ("bases", whose lemma may be "basis")."""
    return facility_kind(token, words) is not None


def facility_kind(token: Token, nouns: frozenset[str]) -> str | None:
    """The listed noun a token is, by its lemma, as written or less a plural s ("bases" ->
    base, "facilities" -> facility)."""
    for form in (token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")):
        if form in nouns:
            return form
    return None


def _owner_at(token: Token, found: DocMentions) -> Mention | None:
    """The mention of an owner at a token: a named body, or a generic one the text places or
    gives a patron ("Iran-backed groups"), not a bare "groups"."""
    mention = found.at(token)
    if mention is None or found.actors[mention.actor_id].type not in OWNER_TYPES:
        return None
    if mention.rule.startswith("pronoun"):
        return None  # "their bases": whose, the reader must guess
    parsed = parse_generic(mention.actor_id)
    if parsed is not None and parsed[0] is None and parsed[1] is None:
        return None
    return mention


def facility_of(owner: Actor, token: Token, kind: str) -> Actor:
    """The facility actor of an owner and a kind of installation: one per owner and noun
    ("facility:kataib_hezbollah:base", named "Kata'ib Hezbollah bases"), derived from its owner
    as a generic actor is from its sector (so shown, unlike the facilities the tagger guesses)."""
    noun = token.lower_ if token.tag_ in ("NNS", "NNPS") else f"{kind}s"
    owner_key = owner.id.replace(":", "_")  # a generic owner: "generic_backed_irn_uaf"
    return Actor(f"facility:{owner_key}:{kind}", f"{owner.name} {noun}", "facility", owner.country, "generic")


def facility_phrase_start(token: Token, found: DocMentions) -> int:
    """The first token of a facility's noun phrase: its determiner, number and modifiers
    ("two IRGC-affiliated facilities"), the owner's name included."""
    start = token.i
    while start > token.left_edge.i and token.doc[start - 1].dep_ in FACILITY_MODIFIERS:
        start -= 1
    while start < token.i and token.doc[start].is_punct:
        start += 1
    return start


def facility_named_before(token: Token, kind: str, found: DocMentions) -> Actor | None:
    """The owned facility of this kind the story named last, for "the facilities", "the
    targeted bases" (a definite noun whose modifiers name no one)."""
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    if any(found.at(c) is not None for c in token.children):
        return None
    best = None
    for mention in found.mentions:
        if mention.start < token.idx and mention.actor_id.startswith("facility:"):
            if mention.actor_id.endswith(f":{kind}"):
                best = found.actors[mention.actor_id]
    return best


def owned_facilities(doc: Doc, found: DocMentions, words: References) -> None:
    """Facility actors of named owners, and the definite nouns that refer back to them."""
    for token in doc:
        if token.i in found.claimed or token.pos_ != "NOUN":
            continue
        kind = facility_kind(token, words.facility_nouns)
        if kind is None:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            continue  # "Hamas's base of support": a following, no installation
        owner = facility_owner(token, found, words)
        if owner is not None:
            actor = facility_of(found.actors[owner.actor_id], token, kind)
            rule = "facility:owner"
        else:
            earlier = facility_named_before(token, kind, found)
            if earlier is None:
                continue
            actor, rule = earlier, "facility:reference"
        start = facility_phrase_start(token, found) if rule == "facility:owner" else noun_phrase_start(token)
        found.add(doc, start, token.i + 1, found.actors.get(actor.id, actor), rule, 0.7)
