"""A state or opposition role that opens a story with no one named: "The prime minister met ...", "the
ministry condemned ...", "the king released ...".

A role noun of the agents list (``data/agents.yaml``: "president", "foreign ministry", "king",
"court") that the mention finder leaves unresolved, because no name or country binds it, stands
for its sector (``generic:gov``, ``generic:jud``), the way PLOVER codes an unnamed agent, but only
where nothing was named before it in the text: a role after names is read from them (the
speaker, the salient actor), and coding it as a sector there would be wrong.
"""

from __future__ import annotations

from spacy.tokens import Token

from proxywatch.extract.agents import Agents
from proxywatch.extract.generics import generic_actor, sector_phrase
from proxywatch.extract.mention_index import DocMentions

# Sectors whose roles may open a story alone: the state's organs and the political opposition
# ("the opposition boycotted the vote"); not civilians or armed groups, told by their own nouns.
ROLE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "OPP"}


def unnamed_role(token: Token, found: DocMentions, agents: Agents) -> list[tuple[str, str]]:
    """The sector actor of a definite state role with nothing named before it, registered among
    the document's actors; empty otherwise."""
    if token.pos_ not in ("NOUN", "PROPN") or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in token.children
    ):
        return []
    if any(m.start < token.idx for m in found.mentions):
        return []  # "Iran's president", told before: a name the role may stand for
    phrase = sector_phrase(token, agents)
    if phrase is None or phrase[0] not in ROLE_SECTORS:
        return []
    actor = generic_actor(phrase[0], agents, None, None)
    found.actors.setdefault(actor.id, actor)
    return [(actor.id, "role")]
