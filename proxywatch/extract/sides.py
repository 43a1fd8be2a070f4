"""Who "the two sides" are: the two parties of the events told just before.

News names the parties of a conflict or a negotiation once and then calls them "the two sides",
"both sides", "all parties" or "the two countries" ("Israel killed a Hezbollah commander, and the two sides
engaged in a major exchange of fire"; "Iraqi officials visited Washington, and the two sides
agreed to ..."). Such a phrase stands for the two most recent distinct parties of the events
coded in the sentences before it (and earlier in its own sentence). Persons and civilians are
not sides: "Israel killed Hezbollah commander Fuad Shukr" makes Israel one side, and the side
of Hezbollah comes from the event before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.modality import Modality
from proxywatch.extract.records import Event

SIDES_WINDOW = 3  # sentences back in which the parties of "the two sides" are looked for
PAIRING = {"two", "both", "all"}  # "the two sides", "both sides", "all parties"
# the actor types a side may be; "the two countries" (modality.yaml: pair_state_nouns) are states
# or their agencies ("Iraqi officials visited Washington ... the two countries")
SIDE_TYPES = {"state", "state_agency", "armed_group", "political_party", "international_org", "other"}


def is_pair_phrase(token: Token, mod: Modality) -> bool:
    """Whether a token is the head of "the two sides", "both sides", "the two countries"."""
    if token.lemma_.lower() not in mod.pair_nouns | mod.pair_state_nouns or token.tag_ != "NNS":
        return False
    return any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in PAIRING for c in token.children)


def two_sides(
    token: Token, found: DocMentions, issued: Sequence[Event], mod: Modality
) -> list[tuple[str, str]]:
    """The two parties "the two sides" at ``token`` stands for: the two most recent distinct
    actors of the allowed types among the sides of the events told in the SIDES_WINDOW
    sentences before (newest first, source before target), then among the actors mentioned
    there; none unless there are two. "All parties" are all the sides of those events."""
    if not is_pair_phrase(token, mod):
        return []
    kinds = {"state", "state_agency"} if token.lemma_.lower() in mod.pair_state_nouns else SIDE_TYPES
    sentence = found.sentence_of.get(token.i, 0)
    parties: list[str] = []
    for event in reversed(issued):
        if 0 <= sentence - event.extra.get("sentence_no", -99) <= SIDES_WINDOW:
            parties += [a for a in (event.source, event.target) if a is not None]
    every = any(c.lower_ == "all" for c in token.children)  # "all parties": those of the events told
    if not every:
        parties += recent_actors(token, found)
    sides = [a for a in dict.fromkeys(parties) if a in found.actors and found.actors[a].type in kinds]
    if len(sides) < 2:
        return []
    return [(side, "sides") for side in (sides if every else sides[:2])]


def recent_actors(token: Token, found: DocMentions) -> list[str]:
    """The actors mentioned before ``token`` in its sentence and the SIDES_WINDOW sentences
    before it, the nearest first."""
    sentence = found.sentence_of.get(token.i, 0)
    window = found.before(token.idx, sentence - SIDES_WINDOW, sentence)
    return [m.actor_id for m in sorted(window, key=lambda m: -m.start)]
