"""Generic actors that short conflict reports use instead of names: irregular plurals listed as
written ("armed men"), unnamed attackers ("unidentified persons"), people named by trade or kin
("lecturers", "families"), and one unnamed person or unit as a clause's argument ("a gunman",
"a police officer"). Sentences are our own wording."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from proxywatch.extract import extract_text
from proxywatch.extract.agents import load_agents

PUB = date(2022, 6, 1)


def _mentions(text: str) -> dict[str, str]:
    return {m.text: m.actor_id for m in extract_text(text, PUB).mentions}


def test_agents_list_individuals_apart_from_weapons() -> None:
    agents = load_agents()
    assert {"gunman", "soldier", "patrol"} <= agents.individuals
    assert not {"drone", "warplane", "missile"} & agents.individuals


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [("armed men", "UAF"), ("unidentified person", "UAF"), ("lecturers", "CVL"), ("families", "CVL")],
)
def test_agent_phrases_have_sectors(phrase: str, sector: str) -> None:
    assert load_agents().sector_of(phrase) == sector


GENERIC: list[tuple[str, str, str]] = [
    # a plural the agents list as written, not by its lemma
    ("Armed men stormed a wedding hall in Mosul and kidnapped the groom.", "Armed men", "generic:uaf"),
    ("Unidentified persons planted a bomb under a truck near Deraa.", "Unidentified persons", "generic:uaf"),
    # people named by what they do or whose kin they are
    (
        "Hundreds of striking lecturers rallied outside the ministry in Sanaa.",
        "striking lecturers",
        "generic:cvl",
    ),
    ("Families of missing fishermen blocked the port road in Tripoli.", "Families", "generic:cvl"),
    ("Members of three clans exchanged gunfire near Kut.", "three clans", "generic:cvl"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "actor"), GENERIC)
def test_unnamed_collectives_are_generic_actors(text: str, span: str, actor: str) -> None:
    assert _mentions(text).get(span) == actor


INDIVIDUALS: list[tuple[str, str, str | None]] = [
    ("A gunman wounded two worshippers outside a mosque in Zahedan.", "A gunman", "generic:uaf"),
    ("Militants ambushed a border patrol near Rutba.", "a border patrol", "generic:cop"),
    ("A roadside bomb killed a police officer in Tikrit.", "a police officer", "generic:cop"),
    ("Masked men abducted a teacher on his way to school in Idlib.", "a teacher", "generic:cvl"),
    ("A man was stabbed to death in a market in Irbid.", "A man", "generic:cvl"),
    # a weapon or vehicle is no one; one who only speaks is no party
    ("A drone crashed near the airport in Erbil.", "A drone", "generic:mil"),
    ("A spokesman said the talks would resume.", "A spokesman", None),
    # a definite one is someone the text already named, left to the reference rules
    ("The soldier who fired was arrested.", "The soldier", None),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "span", "actor"), INDIVIDUALS)
def test_one_unnamed_person_or_unit(text: str, span: str, actor: str | None) -> None:
    assert _mentions(text).get(span) == actor


@pytest.mark.model
def test_a_named_state_keeps_its_soldier() -> None:
    mentions = _mentions("A Turkish soldier was killed by a sniper in Idlib.")
    assert mentions.get("Turkish") == "turkey"
    assert "A Turkish soldier" not in mentions


ROOT = Path(__file__).resolve().parents[2]
PHOENIX = ROOT.parent / "shared" / "resources" / "petrarch2" / "Phoenix.agents.txt"


@pytest.mark.skipif(not PHOENIX.exists(), reason="PETRARCH2's Phoenix.agents.txt is not checked out")
def test_agents_file_is_what_the_script_writes() -> None:
    spec = importlib.util.spec_from_file_location("convert", ROOT / "scripts" / "convert_phoenix_agents.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.convert(PHOENIX) == (ROOT / "proxywatch" / "extract" / "data" / "agents.yaml").read_text()
