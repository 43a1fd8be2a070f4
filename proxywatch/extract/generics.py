"""Generic actors: collectives that no name binds, typed by country and sector.

"Iraqi militias", "U.S. forces", "Iran-backed militants", "protesters": the text names no
group, so the actor is the sector (CAMEO/PLOVER agent codes, from ``data/agents.yaml``) of a
country. Ids are stable across documents (``generic:irq:uaf``), so "the militias" that an
order addresses and "the militias" that answer it are one actor for the analytics:

- a state's adjective or name modifying the noun gives the country ("Iraqi officials");
- "X-backed", "X-aligned", "X-supported" gives the patron instead ("generic:backed_irn:uaf"),
  since the backer is not where the group is;
- else a state in an "in"/"from" phrase of the noun ("militias in Iraq");
- else the sector alone ("generic:uaf", "Militants").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from proxywatch.extract.agents import Agents
from proxywatch.extract.records import Actor
from proxywatch.ids import parse_generic

__all__ = [
    "State",
    "generic_actor",
    "is_outside_marker",
    "is_patron_marker",
    "parse_generic",
    "sector_phrase",
]

# Participles that make a state the patron, not the home, of a group ("Iran-backed militias").
PATRON_WORDS = {
    "back",
    "backed",
    "support",
    "supported",
    "sponsor",
    "sponsored",
    "align",
    "aligned",
    "fund",
    "funded",
    "arm",
    "armed",
    "ally",
    "allied",
    "affiliate",
    "affiliated",
    "link",
    "linked",
    "direct",
    "directed",
    "proxy",
}
# Participles that make the state before them neither home nor patron: "U.S.-designated
# terrorist organizations" are not American militants.
OUTSIDE_WORDS = {"designated", "sanctioned", "listed", "blacklisted", "targeted"}
PLACE_PREPS = {"in", "from", "of"}


@dataclass(frozen=True)
class State:
    """A state mentioned in the text: its actor id, name and ISO3 country code."""

    id: str
    name: str
    iso3: str


def sector_phrase(token: Token, agents: Agents) -> tuple[str, int] | None:
    """(sector code, first token index) of the agent phrase a noun heads: the longest phrase of
    its compound/adjective modifiers and itself that the agents list ("government forces",
    "security officials"), else the noun alone ("militants").
    """
    modifiers = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i >= token.i - 3]
    for first in modifiers:
        if any(t.is_punct for t in token.doc[first.i : token.i]):
            continue
        words = [t.lower_ for t in token.doc[first.i : token.i]]
        # the lemma, else the word as written: "armed men" is listed as such, not as "armed man"
        for head in dict.fromkeys((token.lemma_.lower(), token.lower_)):
            code = agents.sector_of(" ".join([*words, head]))
            if code is not None:
                return code, first.i
    for form in (token.lemma_.lower(), token.lower_):
        code = agents.sector_of(form)
        if code is not None:
            return code, token.i
    return None


def generic_actor(sector: str, agents: Agents, home: State | None, patron: State | None) -> Actor:
    """The generic actor of a sector, located in ``home`` or backed by ``patron``.

    >>> from proxywatch.extract.agents import load_agents
    >>> a = generic_actor("UAF", load_agents(), State("iraq", "Iraq", "IRQ"), None)
    >>> a.id, a.name, a.type, a.country
    ('generic:irq:uaf', 'Militants (Iraq)', 'armed_group', 'IRQ')
    >>> generic_actor("UAF", load_agents(), None, State("iran", "Iran", "IRN")).name
    'Militants backed by Iran'
    """
    entry = agents.sectors[sector]
    label = entry.name.capitalize()
    if home is not None:
        return Actor(
            f"generic:{home.iso3.lower()}:{sector.lower()}",
            f"{label} ({home.name})",
            entry.type,
            home.iso3,
            "generic",
        )
    if patron is not None:
        return Actor(
            f"generic:backed_{patron.iso3.lower()}:{sector.lower()}",
            f"{label} backed by {patron.name}",
            entry.type,
            None,
            "generic",
        )
    return Actor(f"generic:{sector.lower()}", label, entry.type, None, "generic")


def is_patron_marker(token: Token) -> bool:
    """Whether a modifier word makes the state before it a patron ("backed" in "Iran-backed")."""
    return token.lower_ in PATRON_WORDS or token.lemma_.lower() in PATRON_WORDS


def is_outside_marker(token: Token) -> bool:
    """Whether a modifier word says what a state did to a group ("designated" in
    "U.S.-designated"), so that the state is neither its home nor its patron."""
    return token.lower_ in OUTSIDE_WORDS
