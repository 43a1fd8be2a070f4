"""Load actor dictionary files, cross-check ids, types and ties, and index aliases for lookup."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from proxywatch.dictionary.schema import ActorEntry, DictionaryFile
from proxywatch.errors import ConfigError
from proxywatch.extract.normalise import normalise_name
from proxywatch.ontology import Ontology, load_ontology, load_yaml_model

DATA_DIR = Path(str(resources.files("proxywatch.dictionary").joinpath("data")))


@dataclass
class ActorDictionary:
    """Canonical actors by id, and the normalised-alias index used to resolve mentions."""

    actors: dict[str, ActorEntry]
    by_alias: dict[str, list[str]] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)

    def lookup(self, surface: str) -> list[str]:
        """Actor ids whose name or an alias normalises like ``surface`` (several when ambiguous)."""
        return self.by_alias.get(normalise_name(surface), [])

    def is_umbrella(self, actor_id: str) -> bool:
        """Whether other actors are members or parts of this one (a coalition, a PMF)."""
        return bool(self.members.get(actor_id))


def _index(actors: dict[str, ActorEntry]) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    by_alias: dict[str, list[str]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for actor in actors.values():
        for surface in (actor.name, *actor.aliases):
            key = normalise_name(surface)
            if key and actor.id not in by_alias[key]:
                by_alias[key].append(actor.id)
        for tie in actor.ties:
            if tie.tie == "member_of":
                members[tie.target].add(actor.id)
        if actor.part_of and actor.type == "armed_group":
            members[actor.part_of].add(actor.id)
    return dict(by_alias), dict(members)


def _check(actors: dict[str, ActorEntry], origin: dict[str, Path], onto: Ontology) -> None:
    for actor in actors.values():
        where = f"{origin[actor.id]}: actor {actor.id!r}"
        if actor.type not in onto.actor_types:
            raise ConfigError(f"{where}: unknown type {actor.type!r}")
        if actor.part_of and actor.part_of not in actors:
            raise ConfigError(f"{where}: part_of names unknown actor {actor.part_of!r}")
        for tie in actor.ties:
            if tie.tie not in onto.tie_types:
                raise ConfigError(f"{where}: unknown tie type {tie.tie!r}")
            if tie.target not in actors:
                raise ConfigError(f"{where}: tie {tie.tie} names unknown actor {tie.target!r}")


def dictionary_dirs() -> list[Path]:
    """The packaged folder, then user folders from ``PROXYWATCH_DICTIONARY``."""
    extra = os.environ.get("PROXYWATCH_DICTIONARY", "")
    return [DATA_DIR, *(Path(p) for p in extra.split(os.pathsep) if p)]


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...]) -> ActorDictionary:
    onto = load_ontology()
    actors: dict[str, ActorEntry] = {}
    origin: dict[str, Path] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.y*ml")):
            for actor in load_yaml_model(path, DictionaryFile).actors:
                if actor.id in actors:
                    raise ConfigError(f"{path}: actor {actor.id!r} is already defined in {origin[actor.id]}")
                actors[actor.id] = actor
                origin[actor.id] = path
    _check(actors, origin, onto)
    by_alias, members = _index(actors)
    return ActorDictionary(actors=actors, by_alias=by_alias, members=members)


def load_dictionary(dirs: list[Path] | None = None) -> ActorDictionary:
    """The validated dictionary from ``dirs`` (default: packaged data plus user folders)."""
    return _load(tuple(dirs or dictionary_dirs()))
