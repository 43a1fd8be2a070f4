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


# (text, surface form as written, expected actor id): spellings the dictionary does not list
# verbatim, names wrapped by a line break, and names of converted groups written with capitals
SPELLINGS = [
    ("Drones struck a depot run by Kait’ib Hezbollah near Qaim.", "Kait’ib Hezbollah", "kataib_hezbollah"),
    (
        "Kataeb Sayyid al-Shuhadaa denied firing at the convoy.",
        "Kataeb Sayyid al-Shuhadaa",
        "kataib_sayyid_al_shuhada",
    ),
    ("Leaders of Asa’eb Ahl al-Haqq met in Baghdad.", "Asa’eb Ahl al-Haqq", "asaib_ahl_al_haq"),
    ("The report, page 4, names the Kataib\nHezbollah brigades.", "Kataib\nHezbollah", "kataib_hezbollah"),
    ("A statement from Hez-\nbollah followed the raid.", "Hez-\nbollah", "hezbollah"),
    ("Police in Mumbai blamed Lashkar-e-Toiba for the siege.", "Lashkar-e-Toiba", "phx_lashkar_e_taiba"),
    ("Gunmen of the Polisario Front crossed the berm.", "Polisario Front", "phx_polisario_front"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), SPELLINGS)
def test_other_spellings_and_wrapped_names_resolve(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    assert any(m.text == surface and m.actor_id == expected for m in ext.mentions), [
        (m.text, m.actor_id) for m in ext.mentions
    ]


# (text, a span that names no one): near spellings of other words, lowercase words of a name
NOT_NAMES = [
    ("Rebels shelled Homs overnight.", "Homs", "hamas"),
    ("Quds Force, a unit of the Guards, trained them.", "Quds Force, a", "quds_force"),
    (
        "Separatists known as tamil tigers in the press surrendered.",
        "tamil tigers",
        "phx_liberation_tigers_of_tamil_eelam",
    ),
    (
        "Activists mocked the kait’ib hizbollah slogans in lower case.",
        "kait’ib hizbollah",
        "kataib_hezbollah",
    ),
]


@pytest.mark.parametrize(("text", "surface", "not_actor"), NOT_NAMES)
def test_near_spellings_and_lowercase_words_are_not_names(text: str, surface: str, not_actor: str) -> None:
    ext = extract_text(text)
    assert not [m for m in ext.mentions if m.text == surface and m.actor_id == not_actor], [
        (m.text, m.actor_id) for m in ext.mentions
    ]


# (text, whole phrase, patron id): a patron hyphenated to a collective belongs to its mention,
# and stays a mention of the patron
PATRON_PREFIXES = [
    ("Iranian-backed militant groups shelled the airfield.", "Iranian-backed militant groups", "iran"),
    ("Turkish-backed factions advanced on Manbij.", "Turkish-backed factions", "turkey"),
    ("Rwanda-backed rebels seized Goma.", "Rwanda-backed rebels", "state:rwa"),
    ("Kyiv said Russia-linked fighters crossed the border.", "Russia-linked fighters", "russia"),
]


@pytest.mark.parametrize(("text", "phrase", "patron"), PATRON_PREFIXES)
def test_hyphenated_patron_belongs_to_the_mention(text: str, phrase: str, patron: str) -> None:
    ext = extract_text(text)
    spans = {(m.text, m.actor_id) for m in ext.mentions}
    assert any(surface == phrase for surface, _ in spans), spans
    assert any(actor == patron and phrase.startswith(surface) for surface, actor in spans), spans


# (text, ISO3 of the state "the country" is)
THE_COUNTRY = [
    ("Ethiopia expelled the envoy. The country has been at war in Tigray since 2020.", "ETH"),
    ("Colombia signed the accord. Officials said the country would disarm the guerrillas.", "COL"),
    (
        "Yemen's war began in 2014. A Germany-based group said Yemen needs aid and the country is starving.",
        "YEM",
    ),
    ("Sudan's army took the capital. Aid agencies said the country faces famine.", "SDN"),
]


@pytest.mark.parametrize(("text", "state"), THE_COUNTRY)
def test_the_country_is_the_state_the_story_names(text: str, state: str) -> None:
    ext = extract_text(text)
    country = [m for m in ext.mentions if m.text.lower() == "the country"]
    assert country, [(m.text, m.actor_id) for m in ext.mentions]
    actor = ext.actors[country[0].actor_id]
    assert (actor.type, actor.country) == ("state", state)


def test_the_country_with_no_state_named_is_no_one() -> None:
    ext = extract_text("The refugees said they would never leave the country again.")
    assert not [m for m in ext.mentions if m.text.lower() == "the country"]


# (text, span that is no actor, name inside it that stays a mention)
TEXT_NAMES = [
    (
        "Treasury amended the Hizballah Financial Sanctions Regulations (HFSR) on Tuesday.",
        "Hizballah Financial Sanctions Regulations",
        ("Hizballah", "hezbollah"),
    ),
    (
        "Kabul never ratified the Taliban Prisoner Exchange Agreement.",
        "Taliban Prisoner Exchange Agreement",
        None,
    ),
    (
        "Congress passed the Houthi Terrorist Designation Act in May.",
        "Houthi Terrorist Designation Act",
        None,
    ),
    ("The rules apply the Protection of Civilians in Armed Conflict Act of 2019.", "Civilians", None),
    (
        "Sanctions under the Foreign Terrorist Organizations Sanctions Regulations (FTOSR) apply.",
        "Organizations",
        None,
    ),
]


@pytest.mark.parametrize(("text", "span", "inside"), TEXT_NAMES)
def test_names_of_texts_are_not_actors(text: str, span: str, inside: tuple[str, str] | None) -> None:
    ext = extract_text(text)
    assert not [m for m in ext.mentions if span in m.text], [(m.text, m.actor_id) for m in ext.mentions]
    if inside is not None:
        assert (inside[0], inside[1]) in {(m.text, m.actor_id) for m in ext.mentions}


def test_surname_the_tagger_took_for_a_noun_is_the_person() -> None:
    text = "Farid Oyelaran testified on Monday. Oyelaran, who is Nigerian, said he was paid."
    ext = extract_text(text)
    full = [m.actor_id for m in ext.mentions if m.text == "Farid Oyelaran"]
    assert full and full[0] in [m.actor_id for m in ext.mentions if m.text == "Oyelaran"]


def test_state_hyphened_to_a_collective_after_a_place_is_the_patron() -> None:
    text = "After the fighting in Darfur, Chad-backed militias crossed the border."
    ext = extract_text(text)
    assert ("Chad", "state:tcd") in {(m.text, m.actor_id) for m in ext.mentions}


NEWS_OUTLETS = [
    ("The minister told VOA the talks had failed.", "VOA", "voice_of_america"),
    ("Xinhua reported that the envoy left Kabul.", "Xinhua", "xinhua"),
    ("According to Anadolu Agency, the drone fell near Tal Abyad.", "Anadolu Agency", "anadolu_agency"),
]


@pytest.mark.parametrize(("text", "surface", "expected"), NEWS_OUTLETS)
def test_news_outlets_are_named_media(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    assert (surface, expected) in {(m.text, m.actor_id) for m in ext.mentions}


# (text, phrase, expected body): a collective whose home is a state with a listed body of that
# name is that body, however the state is written; an indefinite one is not
NATIONAL_BODIES = [
    ("The United States military has the means to strike back.", "military", "us_military"),
    ("Turkey's army moved armour to the border.", "army", "turkish_armed_forces"),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), NATIONAL_BODIES)
def test_collective_of_a_state_is_its_listed_body(text: str, phrase: str, expected: str) -> None:
    ext = extract_text(text)
    assert any(phrase in m.text and m.actor_id == expected for m in ext.mentions), [
        (m.text, m.actor_id) for m in ext.mentions
    ]


def test_indefinite_collective_is_no_listed_body() -> None:
    ext = extract_text("Donors called for an inclusive government in Syria that protects minorities.")
    assert not [m for m in ext.mentions if "government" in m.text and m.rule == "collective:national"]


def test_demonym_on_a_collective_belongs_to_the_mention() -> None:
    ext = extract_text("Iraqi authorities identified billions in needs, and Iraq asked donors for help.")
    spans = {(m.text, m.actor_id) for m in ext.mentions}
    assert ("Iraqi", "iraq") in spans and any(text == "Iraqi authorities" for text, _ in spans), spans


# (text, span that is no actor): communities described by faith or ethnicity, credit lines
NO_ACTORS = [
    ("Seats in parliament are shared among the country's many religious groups.", "religious groups"),
    ("The charter is silent on Turkmen, Yazidis and other ethnic groups.", "ethnic groups"),
    ("Kenya condemned the raid. Amina Odhiambo contributed to this report from Nairobi.", "Amina Odhiambo"),
    ("Protests spread to Basra. Reporting by Omar Khalil in Baghdad; editing by Ana Reyes", "Omar Khalil"),
]


@pytest.mark.parametrize(("text", "span"), NO_ACTORS)
def test_communities_and_credit_lines_are_no_actors(text: str, span: str) -> None:
    ext = extract_text(text)
    assert not [m for m in ext.mentions if span in m.text], [(m.text, m.actor_id) for m in ext.mentions]


def test_armed_groups_of_a_community_are_still_militants() -> None:
    ext = extract_text("Ethnic armed groups seized the border town.")
    assert [m for m in ext.mentions if "armed groups" in m.text and m.actor_id.endswith(":uaf")]


# (text, definite collective, actor it refers back to): a body named earlier by a name with the
# same head noun, however many states come between
HEAD_NOUN_REFERENCES = [
    (
        "The Biden administration eased sanctions on Venezuela. Caracas freed two prisoners. "
        "The administration called it a first step.",
        "The administration",
        "us_government",
    ),
    (
        "The Iraqi government condemned the strike. Iran said the government must expel foreign troops.",
        "the government",
        "government_of_iraq",
    ),
]


@pytest.mark.parametrize(("text", "surface", "expected"), HEAD_NOUN_REFERENCES)
def test_definite_collective_refers_to_the_body_its_head_named(
    text: str, surface: str, expected: str
) -> None:
    ext = extract_text(text)
    assert (surface, expected) in {(m.text, m.actor_id) for m in ext.mentions}, [
        (m.text, m.actor_id) for m in ext.mentions
    ]


FUTURE_BODIES = [
    "Parliament failed to agree on the steps needed to form the next government.",
    "Envoys urged a credible and inclusive transitional government for Libya.",
]


@pytest.mark.parametrize("text", FUTURE_BODIES)
def test_bodies_still_to_come_are_no_actors(text: str) -> None:
    ext = extract_text(text)
    assert not [m for m in ext.mentions if "government" in m.text], [
        (m.text, m.actor_id) for m in ext.mentions
    ]


def test_affiliated_groups_are_not_the_group_named_with_them() -> None:
    text = (
        "The Ansar al-Furqan militia seized the crossing. Drones later hit depots of the militia "
        "and allied groups near the river."
    )
    ext = extract_text(text)
    allied = [m for m in ext.mentions if "allied groups" in m.text]
    named = {m.actor_id for m in ext.mentions if "Ansar al-Furqan" in m.text}
    assert allied and named and allied[0].actor_id not in named, [(m.text, m.actor_id) for m in ext.mentions]


def test_state_only_a_place_and_the_home_of_its_own_body_is_no_actor() -> None:
    text = "The rebels seized towns in northern Chad and fought the former Chadian central government."
    ext = extract_text(text)
    assert not [m for m in ext.mentions if m.text in ("Chad", "Chadian")], [
        (m.text, m.actor_id) for m in ext.mentions
    ]


def test_state_that_acts_keeps_its_demonym_mentions() -> None:
    ext = extract_text("Iraqi authorities arrested the suspects. Iraq said it would prosecute them.")
    assert {"Iraqi", "Iraq"} <= {m.text for m in ext.mentions if m.actor_id == "iraq"}


# (text, reference, actor it is): "the base" is the base the story named; a sentence may open
# on the head noun of a body named before
BODIES_BY_NOUN = [
    (
        "Drones targeted Camp Lemonnier in Djibouti. Guards at the base shot one down.",
        "the base",
        "camp_lemonnier",
    ),
    (
        "The African Union Peace and Security Council met in Addis Ababa. Council members urged a ceasefire.",
        "Council",
        "african_union_peace_and_security_council",
    ),
]


@pytest.mark.parametrize(("text", "surface", "expected"), BODIES_BY_NOUN)
def test_bodies_referred_to_by_their_noun(text: str, surface: str, expected: str) -> None:
    ext = extract_text(text)
    found = {m.text: m.actor_id for m in ext.mentions}
    assert surface in found, found
    named = [m.actor_id for m in ext.mentions if m.text != surface and m.start < text.index(surface)]
    assert found[surface] == expected or (expected not in found.values() and found[surface] in named), found
