"""Load ``extract/data/references.yaml``: titles, collective nouns and pronouns the resolver reads."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from proxywatch.ontology import load_yaml_model

PATH = Path(str(resources.files("proxywatch.extract").joinpath("data", "references.yaml")))


class Collective(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    lemma: str
    types: list[str]
    umbrella: bool = False  # refers to the umbrella even in the singular ("the resistance")
    sector: str | None = None  # the generic actor an unbound plural becomes ("factions" -> UAF)


class References(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    titles: list[str] = Field(default_factory=list)
    collectives: list[Collective] = Field(default_factory=list)
    collective_heads: frozenset[str] = Field(default_factory=frozenset)
    civilians: frozenset[str] = Field(default_factory=frozenset)
    singular_agents: frozenset[str] = Field(default_factory=frozenset)
    place_preps: frozenset[str] = Field(default_factory=frozenset)
    place_nouns: frozenset[str] = Field(default_factory=frozenset)
    assets: frozenset[str] = Field(default_factory=frozenset)
    facility_nouns: frozenset[str] = Field(default_factory=frozenset)
    owner_words: frozenset[str] = Field(default_factory=frozenset)
    site_words: frozenset[str] = Field(default_factory=frozenset)
    member_plurals: frozenset[str] = Field(default_factory=frozenset)
    quantities: frozenset[str] = Field(default_factory=frozenset)
    not_actors: frozenset[str] = Field(default_factory=frozenset)
    institution_nouns: frozenset[str] = Field(default_factory=frozenset)
    honorifics: frozenset[str] = Field(default_factory=frozenset)
    state_nouns: frozenset[str] = Field(default_factory=frozenset)
    document_nouns: frozenset[str] = Field(default_factory=frozenset)
    unarmed_modifiers: frozenset[str] = Field(default_factory=frozenset)
    armed_modifiers: frozenset[str] = Field(default_factory=frozenset)
    credit_phrases: frozenset[str] = Field(default_factory=frozenset)
    future_modifiers: frozenset[str] = Field(default_factory=frozenset)
    other_modifiers: frozenset[str] = Field(default_factory=frozenset)
    pronouns: dict[str, Literal["person", "group"]] = Field(default_factory=dict)

    def collective(self, lemma: str) -> Collective | None:
        for entry in self.collectives:
            if entry.lemma == lemma:
                return entry
        return None


@lru_cache(maxsize=1)
def load_references(path: Path = PATH) -> References:
    return load_yaml_model(path, References)
