"""Installations of a named owner are facility actors of that owner ("KH bases", "camps run by
the PKK"), one per owner and kind, which "the facilities" later refers back to. The facility is
listed beside its owner's mention, so the event coder still codes the owner as the target.
Sentences are our own wording in the style of the wires."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 2, 5)

# (text, surface of the facility's head noun, expected facility id)
OWNED: list[tuple[str, str, str]] = [
    # a name as a noun modifier
    ("Turkish jets pounded PKK camps in the Qandil mountains.", "camps", "facility:pkk:camp"),
    ("Coalition aircraft struck KH bases near the Syrian border.", "bases", "facility:kataib_hezbollah:base"),
    # a possessive
    ("Israeli warplanes hit Hezbollah's depots in the Bekaa Valley.", "depots", "facility:hezbollah:depot"),
    # a participle of ownership hyphenated to the name
    (
        "U.S. fighter jets struck three IRGC-linked facilities near Abu Kamal overnight.",
        "facilities",
        "facility:irgc:facility",
    ),
    # the agent of "used by", "run by", "belonging to"
    (
        "The raid destroyed warehouses belonging to al-Shabaab south of Mogadishu.",
        "warehouses",
        "facility:phx_shabaab:warehouse",
    ),
    (
        "Airstrikes targeted facilities used by Kata'ib Hezbollah in Anbar province.",
        "facilities",
        "facility:kataib_hezbollah:facility",
    ),
    ("Israeli aircraft bombed outposts run by Hamas in Rafah.", "outposts", "facility:hamas:outpost"),
    # the owner of the site it lies at
    (
        "Israeli jets destroyed depots located at a border crossing used by Hezbollah.",
        "depots",
        "facility:hezbollah:depot",
    ),
    (
        "Jets bombed infrastructure utilized by Iran-backed militias in eastern Syria.",
        "infrastructure",
        "facility:generic_syr_uaf:infrastructure",
    ),
    (
        "Jets struck depots used by Iran-backed militias in Iraq.",
        "depots",
        "facility:generic_irq_uaf:depot",
    ),
    # a state or its forces as the owner
    ("Militants fired rockets at U.S. bases in Iraq and Syria.", "bases", "facility:united_states:base"),
    (
        "A drone hit a U.S. military facility in northeastern Jordan.",
        "facility",
        "facility:us_military:facility",
    ),
]

# (text, surface) where no facility actor of an owner is made
NOT_OWNED: list[tuple[str, str]] = [
    # a pronoun leaves the owner to the reader
    ("Drones hit the fighters and their camps near Marib.", "camps"),
    # a state's demonym names a side or a home, not an owner
    ("Hardliners in the Iranian camp rejected the offer.", "camp"),
    # no owner named
    ("Drones struck two facilities near the border on Tuesday.", "facilities"),
    # a bare "groups" names no one whose bases they are
    ("Jets bombed bases used by armed groups in the desert.", "bases"),
    # a base "of" something is a following, not an installation
    ("Israeli strikes have not eroded Hezbollah's base of support in the south.", "base"),
    # "the facilities" with nothing named before
    ("The facilities were empty when the strike came.", "facilities"),
]


def _ids_on(text: str, surface: str) -> set[str]:
    start = text.index(surface)
    end = start + len(surface)
    return {m.actor_id for m in extract_text(text, PUB).mentions if m.start < end and start < m.end}


@pytest.mark.parametrize(("text", "surface", "expected"), OWNED)
def test_facility_of_a_named_owner(text: str, surface: str, expected: str) -> None:
    assert expected in _ids_on(text, surface)


@pytest.mark.parametrize(("text", "surface"), NOT_OWNED)
def test_no_facility_without_a_named_owner(text: str, surface: str) -> None:
    assert not {i for i in _ids_on(text, surface) if i.startswith("facility:")}


def test_owner_stays_a_mention_inside_the_facility() -> None:
    ids = _ids_on("Coalition aircraft struck KH bases near the Syrian border.", "KH")
    assert {"kataib_hezbollah", "facility:kataib_hezbollah:base"} <= ids


def test_the_facilities_refer_back_to_the_owned_ones() -> None:
    text = "U.S. jets struck two IRGC-affiliated facilities in eastern Syria. The facilities were destroyed."
    mentions = extract_text(text, PUB).mentions
    later = [m for m in mentions if m.text == "The facilities"]
    assert [m.actor_id for m in later] == ["facility:irgc:facility"]


def test_owning_state_stays_an_actor() -> None:
    ids = _ids_on("Militants fired rockets at U.S. bases in Iraq and Syria.", "U.S.")
    assert "united_states" in ids


def test_facility_name_says_owner_and_kind() -> None:
    ext = extract_text("Turkish jets pounded PKK camps in the Qandil mountains.", PUB)
    names = {actor_id: actor.name for actor_id, actor in ext.actors.items()}
    assert names["facility:pkk:camp"].endswith("camps")


def test_strike_on_owned_facility_still_targets_the_owner() -> None:
    """The facility stands beside its owner's mention: the event coder reads the owner."""
    text = "Coalition aircraft struck KH bases near the Syrian border."
    events = [(e.type, e.target) for e in extract_text(text, PUB).events]
    assert ("ASSAULT", "kataib_hezbollah") in events
