"""Mentions in the phrasing of real reporting: countries the dictionary does not list, places
that only locate, the armed services, and the classes of noun phrase that name actors without
naming them (population groups, speakers, roles, bodies referred to by their head noun)."""

from __future__ import annotations

import pytest

from proxywatch.extract import extract_text
from proxywatch.extract.records import Extraction

pytestmark = pytest.mark.model


def at(ext: Extraction, text: str, surface: str) -> list[str]:
    """Actor ids of the mentions that overlap the first occurrence of ``surface``."""
    start = text.index(surface)
    end = start + len(surface)
    return [m.actor_id for m in ext.mentions if m.start < end and start < m.end]


# (text, surface form, expected actor id; None: no mention there)
COUNTRIES = [
    # a state the actor dictionary does not list comes from the gazetteer, in lists too
    ("Sweden, Norway and New Zealand joined the mission against the pirates.", "New Zealand", "state:nzl"),
    ("Peru, Uruguay, and Paraguay designated the group last year.", "Paraguay", "state:pry"),
    # a country's name after a place and a comma only locates the place
    ("The brigade is based out of Fort Bragg, Georgia, and deployed in May.", "Georgia", None),
    ("Drones struck a depot near Abu Kamal, Syria, on Tuesday.", "Syria", None),
    # ... but a list of countries is a list
    ("Sweden, Norway and Denmark protested to the ambassador.", "Norway", "state:nor"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), COUNTRIES)
def test_countries_from_the_gazetteer_and_places_that_locate(
    text: str, surface: str, expected: str | None
) -> None:
    ids = at(extract_text(text), text, surface)
    assert ids == ([] if expected is None else [expected])


SERVICES = [
    # the armed services are actors of their own, part of the armed forces
    ("The U.S. Navy intercepted two drones over the Red Sea.", "U.S. Navy", "us_navy"),
    ("A U.S. Army Reserve unit lost three soldiers.", "U.S. Army Reserve", "us_army_reserve"),
    # "U.S. forces in Iraq" is the armed forces, and Iraq is Iraq
    ("Militants attacked U.S. forces in Iraq and Syria.", "U.S. forces", "us_military"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), SERVICES)
def test_armed_services_and_forces_in_a_country(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    assert expected in at(ext, text, surface), [(m.text, m.actor_id) for m in ext.mentions]
    assert not any(m.text.endswith("in Iraq") for m in ext.mentions)


PEOPLES = [
    # a plural demonym heading its phrase names the country's people, not its state
    ("The blast killed 40 Syrians and two foreign workers.", "Syrians", "generic:syr:cvl"),
    ("Bandits kidnapped Iraqis on the highway.", "Iraqis", "generic:irq:cvl"),
    # a demonym on a civilians noun is the nationality of those civilians
    ("Some 5,000 Jordanian villagers fled the fighting.", "Jordanian villagers", "generic:jor:cvl"),
    # peoples without a state are groups of their own, also when listed with others
    ("The charter ignores the Yazidis and Druze, the activist said.", "Druze", "civilians:druze"),
    ("Armenians and Circassians were resettled there.", "Circassians", "civilians:circassians"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), PEOPLES)
def test_peoples_named_by_plural_nouns_are_population_groups(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    assert at(ext, text, surface) == [expected], [(m.text, m.actor_id) for m in ext.mentions]


def test_the_nation_with_the_article_keeps_its_state() -> None:
    text = "The Americans said they would leave the base."
    assert at(extract_text(text), text, "Americans") == ["united_states"]


def test_speaker_labels_of_a_transcript_name_the_speaker() -> None:
    text = (
        "ASSISTANT SECRETARY MARIA VELLACOTT: Good morning.\n\nQ: Thank you.\n\n"
        "MS. VELLACOTT: We are assessing.\n\nSUMMARY: The office amends the rule.\n\n"
        "SENIOR MILITARY OFFICIAL: Thanks."
    )
    ext = extract_text(text)
    labels = {m.text: m.actor_id for m in ext.mentions if m.rule == "speaker-label"}
    assert labels == {
        "ASSISTANT SECRETARY MARIA VELLACOTT": "person:maria_vellacott",
        "MS. VELLACOTT": "person:maria_vellacott",
    }


HEADS = [
    # a definite noun that heads a body's name refers to that body, however far back
    (
        "The Northern Maritime Council met in Oslo. " + "Ministers spoke. " * 8 + "The Council adjourned.",
        "The Council",
        "northern_maritime_council",
    ),
    (
        "Iran is defying the U.N. Security Council, envoys said. The council meeting was private.",
        "council",
        "un_security_council",
    ),
]


@pytest.mark.parametrize(("text", "surface", "expected"), HEADS)
def test_bodies_referred_to_by_the_head_of_their_name(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    named = {m.actor_id for m in ext.mentions if m.start < text.index(surface)}
    got = at(ext, text, surface)
    assert len(got) == 1 and got[0] in named and expected in got[0], [
        (m.text, m.actor_id) for m in ext.mentions
    ]


NAMES = [
    # a collective named after a person is his followers, not him
    ("Omar Haddad fled. Haddad loyalists then attacked the port.", "Haddad loyalists", "armed_group:"),
    # a misspelt surname of the person named in full is that person
    ('Envoy Geir Pedersen spoke. "It is terrible," Pederson said.', "Pederson", "person:geir_pedersen"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), NAMES)
def test_followers_and_misspelt_surnames(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    got = at(ext, text, surface)
    assert len(got) == 1 and got[0].startswith(expected), [(m.text, m.actor_id) for m in ext.mentions]


def test_one_word_names_are_people_only_when_something_says_so() -> None:
    text = "Fighting spread to Latakia. The Kataeb opposed it. Secretary Austin condemned it."
    ext = extract_text(text)
    people = {m.text for m in ext.mentions if ext.actors[m.actor_id].type == "person"}
    assert "Latakia" not in people and "Kataeb" not in people
    assert "Austin" in people
