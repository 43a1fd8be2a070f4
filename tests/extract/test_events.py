"""PLOVER events from each pattern family: voice, nominal events, reported speech, requests,
negation and intent, dates and places. Each case: text, publication date, expected facts."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import Event, extract_text

pytestmark = pytest.mark.model
PUB = date(2021, 6, 25)  # a Friday


def find(events: list[Event], type_: str, source: str, target: str) -> Event | None:
    for e in events:
        if (e.type, e.source, e.target) == (type_, source, target):
            return e
    return None


# (text, expected (type, source, target))
CASES = [
    # active voice
    (
        "Kata'ib Hezbollah fired rockets at the U.S. Embassy in Baghdad.",
        ("ASSAULT", "kataib_hezbollah", "us_embassy_iraq"),
    ),
    (
        "Iraqi security forces arrested Qasim Muslih on Wednesday.",
        ("COERCE", "iraqi_security_forces", "qasim_muslih"),
    ),
    ("Esmail Ghaani met Qais al-Khazali in Baghdad.", ("CONSULT", "esmail_ghaani", "qais_al_khazali")),
    # passive voice, with and without an agent
    (
        "Abu Mahdi al-Muhandis was killed by the United States.",
        ("ASSAULT", "united_states", "abu_mahdi_al_muhandis"),
    ),
    ("Soleimani was killed in a U.S. drone strike.", ("ASSAULT", "united_states", "qassem_soleimani")),
    # nominal events
    ("The Quds Force held a meeting with Asaib Ahl al-Haq.", ("CONSULT", "quds_force", "asaib_ahl_al_haq")),
    (
        "Kata'ib Hezbollah carried out an attack on the U.S. Embassy in Baghdad.",
        ("ASSAULT", "kataib_hezbollah", "us_embassy_iraq"),
    ),
    # requests, with the directive they carry
    (
        "Esmail Ghaani asked Kata'ib Hezbollah to stop attacking the U.S. Embassy in Baghdad.",
        ("REQUEST", "esmail_ghaani", "kataib_hezbollah"),
    ),
    (
        "Kata'ib Hezbollah called on Asaib Ahl al-Haq to halt attacks on U.S. forces.",
        ("REQUEST", "kataib_hezbollah", "asaib_ahl_al_haq"),
    ),
    # reported speech: the event inside the quote keeps its own actors
    (
        "Qais al-Khazali said that Asaib Ahl al-Haq rejected the demands of the United States.",
        ("REJECT", "asaib_ahl_al_haq", "united_states"),
    ),
    # refusal aimed at a directive
    (
        "Esmail Ghaani asked Kata'ib Hezbollah to end the attacks. Kata'ib Hezbollah ignored the request.",
        ("REJECT", "kataib_hezbollah", "esmail_ghaani"),
    ),
    # sanctions
    ("The United States sanctioned Falih al-Fayyadh.", ("SANCTION", "united_states", "falih_al_fayyadh")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_event_patterns(text: str, expected: tuple[str, str, str]) -> None:
    events = extract_text(text, PUB).events
    assert find(events, *expected), [(e.type, e.source, e.target, e.evidence.rule) for e in events]


def test_request_carries_what_it_prohibits() -> None:
    events = extract_text(
        "Esmail Ghaani asked Kata'ib Hezbollah to stop attacking the U.S. Embassy in Baghdad.", PUB
    ).events
    request = find(events, "REQUEST", "esmail_ghaani", "kataib_hezbollah")
    assert request is not None
    assert request.extra.get("prohibits") == "ASSAULT" and request.extra.get("protected") == "us_embassy_iraq"
    # the attack is what is asked to stop, not something that happened
    assert not [e for e in events if e.type == "ASSAULT"]


def test_negation_intent_and_hypothesis() -> None:
    negated = extract_text("Kata'ib Hezbollah did not attack the U.S. Embassy in Baghdad.", PUB).events
    assert negated and all(e.negated for e in negated if e.type == "ASSAULT")
    intended = extract_text("Asaib Ahl al-Haq will attack the U.S. Embassy in Baghdad.", PUB).events
    threat = find(intended, "THREATEN", "asaib_ahl_al_haq", "us_embassy_iraq")
    assert threat is not None and threat.intended and threat.evidence.rule.endswith("+intent:attack")
    wanted = extract_text("The Quds Force wanted to strike the United States.", PUB).events
    assert find(wanted, "THREATEN", "quds_force", "united_states")
    # a hope is neither an act nor a threat made to anyone
    hoped = extract_text("The Quds Force hoped to strike the United States.", PUB).events
    assert not hoped
    refused = extract_text("The militias do not obey the Iraqi government.", PUB).events
    # no name binds "the militias" here: they are the generic militants, not the PMF
    assert find(refused, "REJECT", "generic:uaf", "government_of_iraq")


DATES = [
    ("On Thursday Kata'ib Hezbollah attacked the U.S. Embassy in Baghdad.", date(2021, 6, 24), "day", False),
    (
        "In January 2020 Kata'ib Hezbollah attacked the U.S. Embassy in Baghdad.",
        date(2020, 1, 1),
        "month",
        True,
    ),
    ("Last year Kata'ib Hezbollah attacked the U.S. Embassy in Baghdad.", date(2020, 1, 1), "year", True),
    ("In 2014 Asaib Ahl al-Haq attacked the U.S. Embassy in Baghdad.", date(2014, 1, 1), "year", True),
    ("Kata'ib Hezbollah attacked the U.S. Embassy in Baghdad.", PUB, "document", False),
]


@pytest.mark.parametrize(("text", "when", "precision", "historical"), DATES)
def test_dates_resolve_against_publication(text: str, when: date, precision: str, historical: bool) -> None:
    [event] = [e for e in extract_text(text, PUB).events if e.type == "ASSAULT"]
    assert (event.date, event.date_precision, event.historical) == (when, precision, historical)


def test_location_and_country_from_gazetteer() -> None:
    [event] = [
        e
        for e in extract_text(
            "Kata'ib Hezbollah attacked a convoy of the United States in Basra.", PUB
        ).events
    ]
    assert event.location == "Basra" and event.country == "IRQ"


def test_evidence_spans_point_into_the_text() -> None:
    text = "Rockets fell. Kata'ib Hezbollah fired rockets at the U.S. Embassy in Baghdad on Thursday."
    for event in extract_text(text, PUB).events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
        assert 0 < event.evidence.confidence <= 1 and event.evidence.rule


PLEDGES = [
    # promised cooperation is an agreement; promised force a threat (PLOVER)
    ("Iran will provide weapons to Kata'ib Hezbollah.", "AGREE", "iran", "kataib_hezbollah"),
    ("Iraq is willing to withdraw its troops from Syria.", "AGREE", "iraq", "syria"),
    (
        "Iraqi security forces plan to arrest Qais al-Khazali.",
        "THREATEN",
        "iraqi_security_forces",
        "qais_al_khazali",
    ),
]


@pytest.mark.parametrize(("text", "type_", "source", "target"), PLEDGES)
def test_intentions_are_coded_as_pledges_or_threats(text: str, type_: str, source: str, target: str) -> None:
    events = extract_text(text, PUB).events
    found = find(events, type_, source, target)
    assert found is not None and found.intended, [(e.type, e.source, e.target) for e in events]


def test_hunger_strike_is_a_protest_not_an_assault() -> None:
    events = extract_text("Iraqi protesters held a hunger strike against the Iraqi government.", PUB).events
    assert not [e for e in events if e.type == "ASSAULT"]
    assert [e for e in events if e.type == "PROTEST" and e.mode == "hunger"] or not events
