"""Mentions resolve to one canonical actor across aliases, transliterations, titles,
abbreviations, definitions, collectives and pronouns."""

from __future__ import annotations

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model

# (text, surface form, expected actor id)
ALIASES = [
    ("Esmail Qaani arrived in Baghdad on Monday.", "Esmail Qaani", "esmail_ghaani"),
    ("Ghaani met the commanders.", "Ghaani", "esmail_ghaani"),
    ("Qasem Suleimani was killed near the airport.", "Qasem Suleimani", "qassem_soleimani"),
    ("Solemani's death shook the Quds Force.", "Solemani", "qassem_soleimani"),
    ("General Qassem Soleimani led the Quds Force.", "Qassem Soleimani", "qassem_soleimani"),
    ("Kata'ib Hezbollah fired rockets.", "Kata'ib Hezbollah", "kataib_hezbollah"),
    ("Kata’ib Hizballah fired rockets.", "Kata’ib Hizballah", "kataib_hezbollah"),
    ("Kataib Hezbollah fired rockets.", "Kataib Hezbollah", "kataib_hezbollah"),
    ("KH fired rockets at the base.", "KH", "kataib_hezbollah"),
    ("Asa'ib Ahl al-Haq denied the claim.", "Asa'ib Ahl al-Haq", "asaib_ahl_al_haq"),
    ("AAH denied the claim.", "AAH", "asaib_ahl_al_haq"),
    ("The Hashd al-Shaabi held a parade.", "Hashd al-Shaabi", "pmf"),
    ("The PMF held a parade.", "PMF", "pmf"),
    ("The U.S. pours billions of dollars into Iraq.", "U.S.", "united_states"),
    ("Iraqi Prime Minister al-Kadhimi ordered a raid.", "al-Kadhimi", "mustafa_al_kadhimi"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), ALIASES)
def test_alias_resolves_to_canonical_actor(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    hits = [m for m in ext.mentions if surface in text[m.start : m.end] or text[m.start : m.end] in surface]
    assert any(m.actor_id == expected for m in hits), [(m.text, m.actor_id) for m in ext.mentions]


def test_lowercase_us_and_is_are_not_acronyms() -> None:
    ext = extract_text("He told us that this is the end of the talks.")
    assert not [m for m in ext.mentions if m.actor_id in ("united_states", "isis")]


def test_definition_in_text_adds_a_local_alias() -> None:
    text = "The Sons of the Valley Brigade (SVB) claimed the attack. Later the SVB denied it."
    ext = extract_text(text)
    ids = {m.text: m.actor_id for m in ext.mentions}
    assert "SVB" in ids and ids["SVB"] == ids.get("Sons of the Valley Brigade")


REFERENCES = [
    # collective plural -> the umbrella the story is about
    (
        "The Popular Mobilization Forces held a rally. Later the militias attacked a base.",
        "the militias",
        "pmf",
    ),
    # singular collective -> the group just named
    (
        "Qais al-Khazali leads Asaib Ahl al-Haq. He said the militia would fight on.",
        "the militia",
        "asaib_ahl_al_haq",
    ),
]


@pytest.mark.parametrize(("text", "surface", "expected"), REFERENCES)
def test_references_resolve_to_antecedent(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    got = [m.actor_id for m in ext.mentions if m.text == surface]
    assert got and got[0] == expected, [(m.text, m.actor_id) for m in ext.mentions]


PRONOUNS = [
    # pronoun -> the most recent person
    ("Esmail Ghaani visited Baghdad. He asked the factions to stop.", "REQUEST", "esmail_ghaani"),
    # plural pronoun -> a group rather than an agency
    ("Kata'ib Hezbollah met the Quds Force. They attacked the U.S. Embassy.", "ASSAULT", "kataib_hezbollah"),
]


@pytest.mark.parametrize(("text", "event_type", "source"), PRONOUNS)
def test_pronouns_give_their_events_the_antecedent_but_are_not_listed(
    text: str, event_type: str, source: str
) -> None:
    ext = extract_text(text)
    assert any(e.type == event_type and e.source == source for e in ext.events), ext.events
    assert not [m for m in ext.mentions if m.text.lower() in ("he", "they")]


def test_unknown_names_become_new_actors_keyed_by_name_and_type() -> None:
    a = extract_text("Colonel Zorbak Venlow commanded the unit.")
    b = extract_text("Zorbak Venlow said nothing.")
    ids_a = {m.actor_id for m in a.mentions if "Venlow" in m.text}
    ids_b = {m.actor_id for m in b.mentions if "Venlow" in m.text}
    assert ids_a and ids_a == ids_b and all(i.startswith("person:") for i in ids_a)


APPOSITIONS = [
    # a collective in apposition to a name is that name
    (
        "Qais al-Khazali leads Asaib Ahl al-Haq, the militia that attacked the base.",
        "the militia",
        "asaib_ahl_al_haq",
    ),
    # a singular collective modifying a plural speaks of the umbrella
    (
        "The Popular Mobilization Forces met Kata'ib Hezbollah. The militia leaders agreed.",
        "militia",
        "pmf",
    ),
    # a facility named long before is still the one meant
    (
        "Rockets hit the U.S. Embassy in Baghdad. " + "Officials met. " * 8 + "The embassy was closed.",
        "The embassy",
        "us_embassy_iraq",
    ),
]


@pytest.mark.parametrize(("text", "surface", "expected"), APPOSITIONS)
def test_collectives_in_apposition_compounds_and_facilities(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    got = [m.actor_id for m in ext.mentions if m.text == surface]
    assert got and got[0] == expected, [(m.text, m.actor_id) for m in ext.mentions]


def test_civilians_take_the_group_named_after_them() -> None:
    ext = extract_text("The militia killed civilians in the Sunni village of Jurf al-Sakhar.")
    assert [m.actor_id for m in ext.mentions if m.text.startswith("civilians")] == [
        "civilians:sunni_civilians"
    ]
