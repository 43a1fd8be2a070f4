"""Load and cross-check the ontology files (event types, tie types, actor types, lexicon)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from proxywatch.errors import ConfigError
from proxywatch.ontology.schema import (
    ActorType,
    ActorTypesFile,
    EventType,
    EventTypesFile,
    LexiconFile,
    Predicate,
    TieLexiconFile,
    TieType,
    TieTypesFile,
)

M = TypeVar("M", bound=BaseModel)

DATA_DIR = Path(str(resources.files("proxywatch.ontology").joinpath("data")))


def load_yaml_model(path: Path, model: type[M]) -> M:
    """Parse ``path`` as YAML and validate it as ``model``; errors name the file and the key."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read YAML: {exc}") from exc
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{path}: key {key!r}: {first['msg']}") from exc


@dataclass(frozen=True)
class Ontology:
    """Everything the extractor and the analytics need to know about types."""

    event_types: dict[str, EventType]
    tie_types: dict[str, TieType]
    actor_types: dict[str, ActorType]
    lexicon: LexiconFile
    tie_lexicon: TieLexiconFile

    def weight(self, event_type: str) -> float:
        """Signed cooperation/conflict weight of an event type."""
        return self.event_types[event_type].weight


def _check_lexicon(lexicon: LexiconFile, events: dict[str, EventType], path: Path) -> None:
    entries: list[Predicate] = [*lexicon.verbs, *lexicon.nouns, *lexicon.mode_cues]
    for i, entry in enumerate(entries):
        if entry.type not in events:
            raise ConfigError(f"{path}: entry {i} ({entry.lemma!r}): unknown event type {entry.type!r}")
        if entry.mode is not None and entry.mode not in events[entry.type].modes:
            raise ConfigError(
                f"{path}: entry {i} ({entry.lemma!r}): mode {entry.mode!r} is not a mode of "
                f"{entry.type} (allowed: {', '.join(events[entry.type].modes) or 'none'})"
            )


def _check_ties(ties: dict[str, TieType], actors: dict[str, ActorType], path: Path) -> None:
    for name, tie in ties.items():
        for end in (*tie.source, *tie.target):
            if end not in actors:
                raise ConfigError(f"{path}: tie_types.{name}: unknown actor type {end!r}")


@lru_cache(maxsize=4)
def load_ontology(data_dir: Path = DATA_DIR) -> Ontology:
    """Load the ontology from ``data_dir`` (the packaged files by default), validated."""
    events = load_yaml_model(data_dir / "event_types.yaml", EventTypesFile).event_types
    actors = load_yaml_model(data_dir / "actor_types.yaml", ActorTypesFile).actor_types
    ties = load_yaml_model(data_dir / "tie_types.yaml", TieTypesFile).tie_types
    _check_ties(ties, actors, data_dir / "tie_types.yaml")
    lexicon_path = data_dir / "lexicon.yaml"
    lexicon = load_yaml_model(lexicon_path, LexiconFile)
    _check_lexicon(lexicon, events, lexicon_path)
    tie_lexicon_path = data_dir / "tie_lexicon.yaml"
    tie_lexicon = load_yaml_model(tie_lexicon_path, TieLexiconFile)
    named = [
        *tie_lexicon.role_nouns.values(),
        *(v.tie for v in tie_lexicon.verbs),
        *(m.tie for m in tie_lexicon.modifiers),
        *tie_lexicon.support_nouns.values(),
        *(r.tie for r in tie_lexicon.relation_words.values()),
        *tie_lexicon.client_nouns.values(),
        *tie_lexicon.patron_nouns.values(),
    ]
    for tie in named:
        if tie not in ties:
            raise ConfigError(f"{tie_lexicon_path}: unknown tie type {tie!r}")
    return Ontology(
        event_types=events, tie_types=ties, actor_types=actors, lexicon=lexicon, tie_lexicon=tie_lexicon
    )
