"""Tree-walking helpers over a spaCy dependency parse, with no lexicon: the labels that mark
subjects, objects and embedded clauses, a verb's prepositional objects, its passive agent,
and the relative pronoun that stands for a clause's antecedent.

The event coder (``events.py``, ``arguments.py``) reads arguments with these; they know
nothing of actors or event types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
# Dependencies through which a trigger hangs under another predicate ("urged X to stop").
EMBED = {"xcomp", "ccomp", "dobj", "pobj", "prep", "prt", "advcl", "acomp", "conj", "pcomp", "attr"}
# Dependencies through which a clause without its own subject takes its head's.
INHERIT = {"xcomp", "conj", "advcl", "acl", "pcomp", "relcl", "acomp"}
MODIFIERS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that"}
# Objects that are the subject itself ("blew themselves up"): the one who acts, never its target.
REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "yourselves", "themselves"}


@dataclass
class Trigger:
    """A predicate found in the lexicon, with what it is embedded under."""

    token: Token
    type: str
    mode: str | None
    target_preps: list[str]
    pos: str
    lemma: str
    parent: Trigger | None = None
    embedded_in: str | None = None  # "content", "intent", "stop", "commissioned", "desire" or None
    children: list[Trigger] = field(default_factory=list)


def verb_lemmas(token: Token) -> set[str]:
    """The lemma of a verb, with the base forms a past form may have when the small model's
    lemmatizer slips ("hoped" -> "hop"): the form less "d" or "ed"."""
    lemmas = {token.lemma_.lower()}
    lower = token.lower_
    if lower.endswith("ed") and token.tag_ in ("VBD", "VBN"):
        lemmas |= {lower[:-1], lower[:-2]}
    return lemmas


def prep_objects(token: Token, preps: list[str] | set[str]) -> list[Token]:
    """Objects of the listed prepositions hanging on a token ("attacks on X" -> X); a bare
    dative ("gave them") counts as its own object."""
    objs: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "prt", "dative") and child.lemma_.lower() in preps:
            objs.extend(g for g in child.children if g.dep_ == "pobj")
            if child.dep_ == "dative" and not list(child.children):
                objs.append(child)
    return objs


def participle_objects(token: Token, preps: list[str]) -> list[Token]:
    """Objects of the listed prepositions that the parser read as a participle's object
    ("clashes between neighboring Israel and Hezbollah": "neighboring" taken for a verb)."""
    return [
        obj
        for child in token.children
        if child.dep_ == "prep" and child.lemma_.lower() in preps
        for comp in child.children
        if comp.dep_ == "pcomp" and comp.tag_ == "VBG"
        for obj in comp.children
        if obj.dep_ in OBJ
    ]


def deep_agent(verb: Token) -> Token | None:
    """The object of a "by" phrase the parser attached below the verb instead of to it
    ("designated as terrorist organizations by the United States")."""
    for tok in verb.subtree:
        if tok.lower_ == "by" and tok.dep_ in ("prep", "agent") and tok.head.i != verb.i:
            for pobj in tok.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def passive_agent(verb: Token) -> Token | None:
    """The object of a verb's own "by" agent phrase ("was claimed by X" -> X), if any."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def each_other(verb: Token) -> bool:
    """Whether a verb's object, or the object of one of its prepositions, is "each other" or
    "one another" ("blamed each other", "fired at one another")."""
    objects = [c for c in verb.children if c.dep_ in OBJ]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    pairs = [{"each", "other"}, {"one", "another"}]  # the parser heads either word
    return any({c.lower_, o.lower_} in pairs for o in objects for c in o.children)


def name_start(token: Token) -> int:
    """The first token of the proper name a token ends ("Tel Aviv" from "Aviv")."""
    return min([token.i, *(c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")])


def is_passive(token: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in token.children)


def relative_object(verb: Token) -> Token | None:
    """The antecedent a relative clause's object pronoun stands for: "the commander, whom
    Israel blamed" -> commander."""
    if verb.dep_ != "relcl":
        return None
    if any(c.dep_ in OBJ and c.lower_ in RELATIVE_PRONOUNS for c in verb.children):
        return verb.head
    return None
