"""A bare definite collective right after a sentence that names one group of its kind refers to
that group ("The Houthis seized the port. The rebels ..."); where the text names none, or
several, it stays the generic actor of its sector. Sentences are our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 2, 5)

# (text, surface, expected actor id)
BOUND: list[tuple[str, str, str]] = [
    # a singular collective after a plural generic description of the group: the group
    (
        "Kataib Hezbollah is among the most powerful armed factions in Iraq. The militia denied the raid.",
        "The militia",
        "kataib_hezbollah",
    ),
    (
        "Hezbollah is one of several armed groups in southern Lebanon. The group vowed revenge.",
        "The group",
        "hezbollah",
    ),
    # a bare plural of members after the one group the sentence before names
    ("The Houthis took the port of Hodeidah in 2015. The rebels still hold it.", "The rebels", "houthis"),
    (
        "Hamas claimed the rocket fire on Ashkelon. The militants said more would follow.",
        "The militants",
        "hamas",
    ),
    ("The PKK ambushed a patrol near the border. The insurgents then withdrew.", "The insurgents", "pkk"),
]

# (text, surface, an actor id the mention must not take)
UNBOUND: list[tuple[str, str, str]] = [
    # two groups named: the plural is not one of them
    (
        "Hamas and Islamic Jihad fired rockets overnight. The militants said more would follow.",
        "The militants",
        "hamas",
    ),
    # a modifier makes it a description of its own
    ("The Houthis took the port in 2015. The southern rebels resisted.", "The southern rebels", "houthis"),
    # "the militias" speaks of a class, not of the one group
    (
        "Kataib Hezbollah claimed the drone attack. The militias have struck bases 150 times.",
        "The militias",
        "kataib_hezbollah",
    ),
]


def _ids_on(text: str, surface: str) -> set[str]:
    start = text.index(surface)
    end = start + len(surface)
    return {m.actor_id for m in extract_text(text, PUB).mentions if m.start < end and start < m.end}


@pytest.mark.parametrize(("text", "surface", "expected"), BOUND)
def test_bare_collective_refers_to_the_group_just_named(text: str, surface: str, expected: str) -> None:
    assert expected in _ids_on(text, surface)


@pytest.mark.parametrize(("text", "surface", "not_expected"), UNBOUND)
def test_collective_not_bound_without_one_group(text: str, surface: str, not_expected: str) -> None:
    assert not_expected not in _ids_on(text, surface)


def test_new_paragraph_does_not_bind_members() -> None:
    text = "The Houthis took the port in 2015.\n\nThe rebels elsewhere laid down their arms."
    assert "houthis" not in _ids_on(text, "The rebels")
