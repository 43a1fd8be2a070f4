"""The ontology files load, hold PLOVER's 16 types, and a broken file is named with its key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from proxywatch.errors import ConfigError
from proxywatch.ontology import load_ontology
from proxywatch.ontology.loader import DATA_DIR

PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
TIES = {
    "funds",
    "commands",
    "leads",
    "trains",
    "arms",
    "member_of",
    "spokesperson_of",
    "succeeds",
    "follows",
    "allied_with",
    "hostile_to",
    "designates_terrorist",
}


def test_packaged_ontology_loads() -> None:
    onto = load_ontology()
    assert set(onto.event_types) == PLOVER
    assert set(onto.tie_types) == TIES
    assert "armed_group" in onto.actor_types and "person" in onto.actor_types
    assert onto.weight("ASSAULT") < 0 < onto.weight("AID")
    assert "drone" in onto.event_types["ASSAULT"].modes
    assert onto.tie_types["commands"].can_be_former and not onto.tie_types["allied_with"].directed
    assert len(onto.lexicon.verbs) > 100


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def test_unknown_key_names_file_and_key(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "event_types.yaml"
    path.write_text(path.read_text().replace("    weight: 4.0", "    wieght: 4.0"), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"event_types\.yaml.*AGREE"):
        load_ontology(data)


def test_lexicon_mode_must_belong_to_its_type(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "lexicon.yaml"
    path.write_text(
        path.read_text().replace("verbs:\n", "verbs:\n  - {lemma: zap, type: AGREE, mode: drone}\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"lexicon\.yaml.*zap.*drone"):
        load_ontology(data)


def test_tie_with_unknown_actor_type(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    path = data / "tie_types.yaml"
    path.write_text(path.read_text().replace("source: [person]", "source: [wizard]", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tie_types\.yaml.*wizard"):
        load_ontology(data)
