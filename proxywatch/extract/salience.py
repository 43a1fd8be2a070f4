"""The actor a side named only earlier stands for, where the mention finder left it unresolved:
"the group", "the Iran-backed group", "the militants", "the country" (a definite noun of the
actor's kind: "Israel struck Hezbollah positions. The Iran-backed group responded by firing
rockets at Israeli army posts").

Each resolves to the actor of its kind named right after it ("the Iran-backed group Hezbollah",
which the parser may split), else to the salient actor of its kind: the nearest one mentioned
before it in its sentence, else in the SALIENCE_WINDOW sentences before. Generic actors ("troops", "militias")
are not antecedents: they name no one in particular. A bare "it" is left alone: as the subject
of an event verb it names a deal, a policy or an attack as often as an actor.
"""

from __future__ import annotations

from spacy.tokens import Token

from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.modality import Modality
from proxywatch.ids import parse_generic

SALIENCE_WINDOW = 2  # sentences back in which an antecedent is looked for
DEFINITE = {"the", "this", "that"}
GROUP_TYPES = {"armed_group", "political_party"}


def antecedent_kinds(token: Token, mod: Modality) -> set[str] | None:
    """The actor types a token may stand for when it names a side only by its kind: "the group"
    (armed groups, movements), "the country" (states); else None."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children):
        return None
    lemma = token.lemma_.lower()
    if lemma in mod.definite_group_nouns:
        return GROUP_TYPES
    if lemma in mod.definite_state_nouns:
        return {"state"}
    return None


def salient_actor(token: Token, found: DocMentions, mod: Modality) -> list[tuple[str, str]]:
    """The actor a kind-noun stands for (see the module), as a one-item list, or none where no
    actor of its kind was named just before."""
    kinds = antecedent_kinds(token, mod)
    if kinds is None:
        return []
    named = found.at(token.doc[token.i + 1]) if token.i + 1 < len(token.doc) else None
    if named is not None and found.actors[named.actor_id].type in kinds:
        return [(named.actor_id, named.rule)]  # "the Iran-backed group Hezbollah", misparsed
    sentence = found.sentence_of.get(token.i, 0)
    window = found.before(token.idx, sentence - SALIENCE_WINDOW, sentence)
    for mention in sorted(window, key=lambda m: -m.start):  # the nearest first
        actor = found.actors.get(mention.actor_id)
        if actor is None or actor.type not in kinds or parse_generic(actor.id) is not None:
            continue
        return [(actor.id, "antecedent")]
    return []
