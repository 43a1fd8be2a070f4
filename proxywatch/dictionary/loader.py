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
from proxywatch.names import normalise_name
from proxywatch.ontology import Ontology, load_ontology, load_yaml_model

COALITION_MEMBERS = 3  # member groups that make an umbrella a coalition
BACKING_TIES = {"funds", "arms", "trains", "commands"}
DATA_DIR = Path(str(resources.files("proxywatch.dictionary").joinpath("data")))


@dataclass
class ActorDictionary:
    """Canonical actors by id, and the normalised-alias index used to resolve mentions."""

    actors: dict[str, ActorEntry]
    by_alias: dict[str, list[str]] = field(default_factory=dict)
    by_acronym: dict[str, list[str]] = field(default_factory=dict)
    members: dict[str, set[str]] = field(default_factory=dict)

    def lookup(self, surface: str) -> list[str]:
        """Actor ids whose name or an alias normalises like ``surface`` (several when ambiguous).

        Acronyms ("US", "IS", "KH") match only in capitals, so "us" and "is" stay words.
        """
        acronym = acronym_key(surface)
        if acronym is not None:
            return self.by_acronym.get(acronym, [])
        return self.by_alias.get(normalise_name(surface), [])

    def is_umbrella(self, actor_id: str) -> bool:
        """Whether other actors are members or parts of this one (a coalition, a PMF)."""
        return bool(self.members.get(actor_id))

    def backed_by(self, actor_id: str, country: str) -> bool:
        """Whether an actor of ``country`` (ISO3) funds, arms, trains or commands ``actor_id``, an
        umbrella it belongs to or a member of it, by the dictionary's ties ("Iran-backed" fits
        the PMF, whose member groups the Quds Force funds)."""
        entry = self.actors.get(actor_id)
        targets = {actor_id} | ({entry.part_of} if entry and entry.part_of else set())
        targets |= self.members.get(actor_id, set())
        if entry is not None:
            targets |= {t.target for t in entry.ties if t.tie == "member_of"}
        for patron in self.actors.values():
            if patron.country != country:
                continue
            if any(t.tie in BACKING_TIES and t.target in targets for t in patron.ties):
                return True
        return False

    def is_coalition(self, actor_id: str) -> bool:
        """Whether an actor is a coalition of groups (the PMF, the Islamic Resistance in Iraq),
        which "the militias" may mean, rather than a group with a wing or two (Hezbollah)."""
        return len(self.members.get(actor_id, ())) >= COALITION_MEMBERS


def acronym_key(surface: str) -> str | None:
    """The letters of an all-capitals acronym of up to six letters ("U.S." -> "US"), else None.

    >>> acronym_key("U.S."), acronym_key("KH"), acronym_key("Iran")
    ('US', 'KH', None)
    """
    letters = surface.replace(".", "").strip()
    if 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper():
        return letters
    return None


def _index(
    actors: dict[str, ActorEntry],
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, set[str]]]:
    by_alias: dict[str, list[str]] = defaultdict(list)
    by_acronym: dict[str, list[str]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for actor in actors.values():
        for surface in (actor.name, *actor.aliases):
            acronym = acronym_key(surface)
            index, key = (by_acronym, acronym) if acronym else (by_alias, normalise_name(surface))
            if key and actor.id not in index[key]:
                index[key].append(actor.id)
        if actor.type == "armed_group":  # an umbrella is a group whose members are groups
            targets = {t.target for t in actor.ties if t.tie == "member_of"}
            for target in targets | ({actor.part_of} if actor.part_of else set()):
                members[target].add(actor.id)
    return dict(by_alias), dict(by_acronym), dict(members)


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
    by_alias, by_acronym, members = _index(actors)
    return ActorDictionary(actors=actors, by_alias=by_alias, by_acronym=by_acronym, members=members)


def load_dictionary(dirs: list[Path] | None = None) -> ActorDictionary:
    """The validated dictionary from ``dirs`` (default: packaged data plus user folders)."""
    return _load(tuple(dirs or dictionary_dirs()))
