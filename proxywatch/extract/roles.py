"""Load ``extract/data/roles.yaml``: role nouns ("official", "envoy") that name no one, nouns
for a person's followers ("loyalists"), and the offices a role phrase names ("the prime
minister")."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from proxywatch.ontology import load_yaml_model

PATH = Path(str(resources.files("proxywatch.extract").joinpath("data", "roles.yaml")))


class Roles(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    roles: frozenset[str] = Field(default_factory=frozenset)
    followers: frozenset[str] = Field(default_factory=frozenset)
    offices: dict[str, str] = Field(default_factory=dict)
    not_offices: frozenset[str] = Field(default_factory=frozenset)
    office_heads: frozenset[str] = Field(default_factory=frozenset)
    office_modifiers: frozenset[str] = Field(default_factory=frozenset)
    office_synonyms: dict[str, list[str]] = Field(default_factory=dict)


@lru_cache(maxsize=1)
def load_roles(path: Path = PATH) -> Roles:
    return load_yaml_model(path, Roles)
