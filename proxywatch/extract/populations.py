"""Population groups and unnamed individuals: peoples named by a plural noun ("Israelis",
"the Kurds", "Alawites") and one unnamed person or unit ("a gunman", "a police patrol").

A plural demonym or ethnic/religious name that heads its noun phrase names people, not the
state or a party: "killed 1,200 Israelis", "threaten Iraqis", "the Yazidis and Druze". Such
a phrase becomes a civilians actor: the generic civilians of the country for a country's
people (``generic:isr:cvl``, the actor "Israeli civilians" and "Israeli residents" also
name), else one actor per group ("civilians:kurds"). "The Americans said" keeps the state:
with the definite article a nation's name often stands for its government.

A demonym that modifies a civilians noun belongs to it ("Lebanese residents"): it is the
group's nationality, not a mention of the state.

One unnamed person or unit that a clause makes its actor or the one it hits ("a gunman shot
a police officer", "a security patrol was fired upon", "killing a journalist") stands for its
sector too: short event reports name most of those who act or suffer this way, and an event
whose trigger is clear should not be lost for want of a name. Only indefinite ones ("a", "an",
"one") of the sectors that fight, police, protest or suffer count; "an official said" does not.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxywatch.extract.agents import Agents
from proxywatch.extract.generics import State, generic_actor, sector_phrase
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.places import country_named
from proxywatch.extract.records import Actor
from proxywatch.extract.references import load_references
from proxywatch.ids import slug
from proxywatch.names import normalise_name

MODIFIER_DEPS = {"compound", "amod", "poss", "npadvmod", "nmod"}
# Sectors whose single unnamed member may act or be hit in a clause (not officials, judges,
# legislators or firms: "an official said" is a source of news, not a party to it).
INDIVIDUAL_SECTORS = {"MIL", "COP", "REB", "UAF", "INS", "OPP", "CVL"}
INDEFINITE = {"a", "an", "one", "another"}
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj"}


def demonym_country(token: Token) -> State | None:
    """The country whose people a word names ("Iraqis" -> Iraq); None for the country's own
    name ("Iraq") and other words."""
    named = country_named(token.text)
    if named is None or normalise_name(named[0]) == normalise_name(token.text):
        return None
    return State("", named[0], named[1])


def is_people_word(token: Token) -> bool:
    """A plural proper noun naming a people ("Kurds", "Iraqis"); not one that begins a name
    ("Partisans of God")."""
    plural = token.tag_ == "NNPS" or (
        token.tag_ == "NNP" and token.ent_type_ == "NORP" and token.lower_.endswith("s")
    )
    if token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() or not plural:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return False
    return token.ent_type_ == "NORP" or demonym_country(token) is not None


def in_people_list(token: Token) -> bool:
    """Whether a proper noun is listed with peoples ("the Yazidis and Druze")."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    head = token.head if token.dep_ == "conj" else token
    members = [head, *(c for c in head.children if c.dep_ == "conj")]
    if len(members) < 2:
        return False  # no list
    return any(is_people_word(m) for m in members if m.i != token.i)


def population_actor(token: Token, agents: Agents) -> Actor:
    country = demonym_country(token)
    if country is not None:
        return generic_actor("CVL", agents, country, None)
    name = token.text
    return Actor(f"civilians:{slug(normalise_name(name))}", name, "civilians", None, "extracted")


def population_groups(doc: Doc, found: DocMentions, agents: Agents) -> None:
    """Make the peoples named by plural nouns population groups, then the unnamed individuals
    that clauses act with actors of their sector (see the module docstring)."""
    for token in doc:
        if token.dep_ in MODIFIER_DEPS or not (is_people_word(token) or in_people_list(token)):
            continue
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        mention = found.at(token)
        if mention is not None:
            actor = found.actors[mention.actor_id]
            replaceable = actor.type == "state" or (
                actor.origin == "extracted" and actor.type in ("person", "other")
            )
            if not replaceable or (definite and actor.type == "state") or mention.text != token.text:
                continue
            group = population_actor(token, agents)
            found.actors.setdefault(group.id, group)
            mention.actor_id, mention.rule = group.id, "population"
        elif demonym_country(token) is None:  # a state's people the dictionary did not find stay out
            group = population_actor(token, agents)
            found.add(doc, token.i, token.i + 1, found.actors.get(group.id, group), "population", 0.6)
    used = {m.actor_id for m in found.mentions}
    found.actors = {k: v for k, v in found.actors.items() if k in used}
    unnamed_individuals(doc, found, agents)


def is_argument(token: Token) -> bool:
    """Whether a noun is a clause's subject or object, or the agent of a passive ("by a sniper")."""
    if token.dep_ in ARGUMENT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def individual_sector(token: Token, agents: Agents) -> str | None:
    """The sector an indefinite singular noun stands for ("a gunman" -> UAF, "a journalist" ->
    CVL): a person or unit of the agents' ``individuals`` or the civilians nouns; None when it
    names no party, a weapon or one who only speaks, or is not a clause's argument."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or not is_argument(token):
        return None
    if not any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in token.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "a group of militants", "a crowd of protesters": those named inside decide
    lemma = token.lemma_.lower()
    if lemma not in agents.individuals and lemma not in load_references().civilians:
        return None  # "a drone", "a spokesman": a weapon, or one who speaks
    sector = sector_phrase(token, agents)
    if sector is None:
        return "CVL"  # "a man", "a journalist"
    return sector[0] if sector[0] in INDIVIDUAL_SECTORS else None


def unnamed_individuals(doc: Doc, found: DocMentions, agents: Agents) -> None:
    """One unnamed person or unit as a clause's argument: its sector's generic actor (see the
    module docstring). A noun with a name or a state among its words is left to them ("a
    Turkish soldier" is Turkey's)."""
    for token in doc:
        if token.i in found.claimed or any(c.i in found.claimed for c in token.children):
            continue
        sector = individual_sector(token, agents)
        if sector is None:
            continue
        start = min([token.i, *(c.i for c in token.lefts)])
        if found.free(start, token.i + 1):
            actor = generic_actor(sector, agents, None, None)
            found.add(doc, start, token.i + 1, found.actors.get(actor.id, actor), "individual", 0.5)
    found.reindex(doc)


def national_civilians(
    doc: Doc, token: Token, groups: list[Token], found: DocMentions, agents: Agents
) -> bool:
    """Civilians named by nationality ("Lebanese residents", "60,000 Israeli and 95,000 Lebanese
    residents"): each demonym modifier is its country's civilians, taking over its state
    mention; the last one spans the noun. False when no modifier is a demonym."""
    national = sorted((g for g in groups if demonym_country(g) is not None), key=lambda g: g.i)
    for group in national:
        mention = found.at(group)
        if mention is not None:
            if found.actors[mention.actor_id].type != "state":
                continue
            found.mentions.remove(mention)
            found.reindex(doc)
        actor = generic_actor("CVL", agents, demonym_country(group), None)
        end = token.i + 1 if group is national[-1] else group.i + 1
        if found.free(group.i, end):
            found.add(doc, group.i, end, found.actors.get(actor.id, actor), "civilians", 0.6)
    return bool(national)


def followers(doc: Doc, found: DocMentions, nouns: frozenset[str]) -> None:
    """ "Assad loyalists", "Sadr's followers": a collective named after a person is his
    followers, an armed group of its own; the person's name inside it is not a mention of him."""
    for token in doc:
        if token.lemma_.lower() not in nouns or token.tag_ not in ("NNS", "NNPS") or token.i in found.claimed:
            continue
        owner = next(
            (c for c in token.children if c.dep_ in ("compound", "poss") and c.i in found.claimed), None
        )
        mention = found.at(owner) if owner is not None else None
        if mention is None or found.actors[mention.actor_id].type != "person":
            continue
        person = found.actors[mention.actor_id]
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        name = f"{person.name} {token.lower_}"
        group = Actor(
            f"armed_group:{slug(normalise_name(name))}", name, "armed_group", person.country, "extracted"
        )
        found.mentions.remove(mention)
        found.reindex(doc)
        found.add(doc, span.start, token.i + 1, found.actors.get(group.id, group), "followers", 0.7)
    found.reindex(doc)
