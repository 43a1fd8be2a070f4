"""Constructions of wire reporting in general, on conflicts and actors other than those of our
real-news gold, each pinned by sentences of our own wording: which clause asserts the event
(reported clauses, result participles, light verbs, claims), verbal events about an issue,
condemnations, wishes, reported futures, deployments and amounts of aid."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 3, 6)
Pair = tuple[str | None, str | None]


def _pairs(text: str, kind: str) -> set[Pair]:
    return {(e.source, e.target) for e in extract_text(text, PUB).events if e.type == kind}


ASSERTED = [
    # the clause a reporting verb reports is the news, the reporting verb at its end or not
    (
        "A Russian missile struck an apartment block in Dnipro on Sunday, killing 12 people, "
        "Ukrainian officials said.",
        "ASSAULT",
        ("russia", None),
    ),
    # a result participle of the asserted act: its target, the agent unnamed
    (
        "On 2 January 2024, an IED exploded near a Syrian army patrol in Deir ez-Zor, wounding two soldiers.",
        "ASSAULT",
        (None, "generic:mil"),
    ),
    # the event noun a light verb carries in the main clause
    ("The Israeli Air Force conducted an airstrike on a house in Rafah.", "ASSAULT", ("idf", None)),
    # a claim of responsibility names the attacker
    ("ISIS claimed responsibility for the bombing in Kabul.", "ASSAULT", ("isis", None)),
    # a protest told as the purpose of a gathering, protest nouns carried by light verbs
    ("Residents of Mukalla staged a sit-in to protest power cuts.", "PROTEST", ("civilians:residents", None)),
    ("A group of women held a vigil in Sanaa.", "PROTEST", ("civilians:women", None)),
    # a fighter "from" a force acts for it
    ("A sniper from the Houthi forces fired on a car in Taiz.", "ASSAULT", ("houthis", None)),
]


@pytest.mark.parametrize(("text", "kind", "pair"), ASSERTED)
def test_the_asserted_clause_yields_its_event_with_one_side_unnamed(text: str, kind: str, pair: Pair) -> None:
    assert pair in _pairs(text, kind), extract_text(text, PUB).events


def test_a_claim_for_an_attack_told_just_before_is_not_a_second_attack() -> None:
    text = "Gunmen attacked a checkpoint in Kabul on Monday. ISIS claimed responsibility for the attack."
    assert len(_pairs(text, "ASSAULT")) == 1


def test_a_subject_that_is_itself_an_attack_does_not_carry_a_light_verb() -> None:
    # the parser reads the long opening phrase as the subject of "increased"
    text = (
        "Since the October 7 Hamas attacks and Israel's response in Gaza, Iran-backed militias "
        "have increased attacks in Syria."
    )
    assert not {s for s, _ in _pairs(text, "ASSAULT")} & {"hamas", "israel"}


ISSUES = [
    ("The European Union called for an immediate ceasefire in Sudan.", "REQUEST", ("european_union", None)),
    ("Iran rejected the peace plan.", "REJECT", ("iran", None)),
    ("Hezbollah denied the allegations.", "REJECT", ("hezbollah", None)),
]


@pytest.mark.parametrize(("text", "kind", "pair"), ISSUES)
def test_a_verbal_event_about_an_issue_is_coded_without_a_target(text: str, kind: str, pair: Pair) -> None:
    assert pair in _pairs(text, kind), extract_text(text, PUB).events


@pytest.mark.parametrize(
    "text",
    [
        "Iran's Foreign Ministry did not reply to an email requesting comment.",
        "Council members Greece and Panama also supported it.",
    ],
)
def test_a_verbal_event_with_no_issue_and_no_target_is_not_coded(text: str) -> None:
    assert not extract_text(text, PUB).events


def test_a_condemnation_targets_the_attacker_never_the_attacked() -> None:
    assert ("germany", "russia") in _pairs("Germany condemned Russia's missile strike on Odesa.", "ACCUSE")
    unnamed = _pairs("The Ukrainian foreign ministry condemned the missile strike on Odesa.", "ACCUSE")
    assert unnamed and all(target is None for _, target in unnamed)


def test_a_wish_is_not_a_pledge() -> None:
    text = "The United States seeks to reduce tensions between Israel and Hezbollah."
    assert not extract_text(text, PUB).events


REPORTED_FUTURE = [
    # "said it would": the speaker's "will" told in the past, the pronoun the speaker
    ("Israel said it would retaliate against Iran.", ("israel", "iran")),
    ("The Houthis said they would continue attacks on ships.", ("houthis", "generic:bus")),
]


@pytest.mark.parametrize(("text", "pair"), REPORTED_FUTURE)
def test_a_reported_will_is_a_threat(text: str, pair: Pair) -> None:
    threats = [e for e in extract_text(text, PUB).events if e.type == "THREATEN"]
    assert [e for e in threats if (e.source, e.target) == pair and e.intended], threats


def test_a_condition_keeps_a_reported_would_hypothetical() -> None:
    events = extract_text("Officials said Hezbollah would attack Israel if the talks failed.", PUB).events
    assert events and all(e.hypothetical for e in events)


def test_forces_deployed_are_the_sender_s_own_not_the_target() -> None:
    assert ("state:ken", "state:hti") in _pairs("Kenya will send 1,000 police officers to Haiti.", "MOBILIZE")
    deployed = _pairs("Niger deployed additional troops to the border with Mali.", "MOBILIZE")
    assert deployed and all(target != "generic:mil" for _, target in deployed)


def test_an_amount_of_aid_is_carried_by_the_verb_that_announces_it() -> None:
    text = "The United States announced $500 million in military aid to Ukraine."
    assert ("united_states", "state:ukr") in _pairs(text, "AID"), extract_text(text, PUB).events


def test_military_action_against_x_threatened_targets_x() -> None:
    text = "Turkey threatened military action against Kurdish fighters in Syria."
    assert ("turkey", "generic:syr:uaf") in _pairs(text, "THREATEN"), extract_text(text, PUB).events


@pytest.mark.parametrize(
    "text",
    [
        "Sudan accused the paramilitary group of attacking civilians in Darfur.",
        "Sudan accused the RSF of attacking civilians in Darfur.",
    ],
)
def test_the_one_judged_did_the_act_named_or_not_never_the_one_judging(text: str) -> None:
    # "accused X of attacking": the attack is X's; X unnamed leaves the attacker unknown
    speaker = {e.source for e in extract_text(text, PUB).events if e.type == "ASSAULT"}
    assert not speaker & {"state:sdn", "generic:gov"}, extract_text(text, PUB).events
