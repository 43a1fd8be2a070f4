"""Pydantic schemas for the ontology files; validation errors name the file and key."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]


class Strict(BaseModel):
    """Base model that rejects unknown keys, so a typo in a data file is an error."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class EventType(Strict):
    quad: Quad
    weight: float = Field(ge=-10, le=10)
    description: str
    modes: list[str] = Field(default_factory=list)

    @property
    def cooperative(self) -> bool:
        return self.quad.endswith("cooperation")

    @property
    def material(self) -> bool:
        return self.quad.startswith("material")


class EventTypesFile(Strict):
    version: int
    event_types: dict[str, EventType]


class TieType(Strict):
    description: str
    directed: bool
    can_be_former: bool
    control: bool
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)


class TieTypesFile(Strict):
    version: int
    tie_types: dict[str, TieType]


class ActorType(Strict):
    description: str
    spacy_labels: list[str] = Field(default_factory=list)


class ActorTypesFile(Strict):
    version: int
    actor_types: dict[str, ActorType]


class Predicate(Strict):
    """What every lexicon entry has: a lemma, an event type and perhaps a mode."""

    lemma: str
    type: str
    mode: str | None = None


class VerbEntry(Predicate):
    particle: str | None = None
    object: list[str] = Field(default_factory=list)
    target_preps: list[str] = Field(default_factory=list)


class NounEntry(Predicate):
    modifiers: list[str] = Field(default_factory=list)  # the sense needs one of these as compound/amod
    target_preps: list[str] = Field(default_factory=list)


class ModeCue(Predicate):
    mode: str


class LexiconFile(Strict):
    version: int
    verbs: list[VerbEntry]
    nouns: list[NounEntry]
    light_verbs: list[str] = Field(default_factory=list)
    mode_cues: list[ModeCue] = Field(default_factory=list)
    reciprocal: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _lowercase_lemmas(self) -> LexiconFile:
        entries: list[Predicate] = [*self.verbs, *self.nouns, *self.mode_cues]
        for entry in entries:
            if entry.lemma != entry.lemma.lower():
                raise ValueError(f"lemma {entry.lemma!r} must be lowercase")
        return self


class TieVerb(Strict):
    lemma: str
    tie: str
    requires: list[str] = Field(default_factory=list)
    object_nouns: list[str] = Field(default_factory=list)
    past_ends: bool = True  # "X led Y" is over; "X designated Y" still holds


class TieModifier(Strict):
    """A participle that states a tie from the actor before its hyphen to the noun it modifies
    ("Iran-backed militias", "U.S.-designated terrorist organization")."""

    word: str
    tie: str
    requires: list[str] = Field(default_factory=list)  # a word the noun phrase must hold


class RelationWord(Strict):
    """A word stating a tie toward the object of one of its prepositions ("links to X")."""

    tie: str
    preps: list[str]
    by: bool = False  # the object is the tie's source ("backed by Iran")
    strict: bool = False  # the object itself must be a name ("close to Iran", not "close to Iran's border")


class TieLexiconFile(Strict):
    version: int
    role_nouns: dict[str, str]
    verbs: list[TieVerb]
    former_words: list[str] = Field(default_factory=list)
    modifiers: list[TieModifier] = Field(default_factory=list)
    head_titles: list[str] = Field(default_factory=list)
    government_titles: list[str] = Field(default_factory=list)
    official_titles: list[str] = Field(default_factory=list)
    deputy_words: list[str] = Field(default_factory=list)
    conflict_nouns: list[str] = Field(default_factory=list)
    hostile_prefixes: list[str] = Field(default_factory=list)
    direction_nouns: list[str] = Field(default_factory=list)
    designation_nouns: list[str] = Field(default_factory=list)
    membership_verbs: list[str] = Field(default_factory=list)
    coalition_nouns: list[str] = Field(default_factory=list)
    military_words: list[str] = Field(default_factory=list)
    support_nouns: dict[str, str] = Field(default_factory=dict)
    support_verbs: list[str] = Field(default_factory=list)
    designation_labels: dict[str, str] = Field(default_factory=dict)
    relation_words: dict[str, RelationWord] = Field(default_factory=dict)
    group_role_nouns: list[str] = Field(default_factory=list)
    body_role_nouns: list[str] = Field(default_factory=list)
    friendly_prefixes: list[str] = Field(default_factory=list)
    client_nouns: dict[str, str] = Field(default_factory=dict)
    patron_nouns: dict[str, str] = Field(default_factory=dict)
    give_verbs: list[str] = Field(default_factory=list)
    listed_verbs: list[str] = Field(default_factory=list)
    war_nouns: list[str] = Field(default_factory=list)
    administration_nouns: list[str] = Field(default_factory=list)
    department_titles: list[str] = Field(default_factory=list)
    opposition_nouns: list[str] = Field(default_factory=list)
    opposition_verbs: list[str] = Field(default_factory=list)
