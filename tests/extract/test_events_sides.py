"""The sides of events news names indirectly: "the two sides" and "both countries" (the parties
told just before), "each other", a noun that is its verb with its object ("an exchange of
fire"), taking part in an event ("engaged in", "took part in", "was involved in") and an attack
"claimed by" its author. Sentences are our own wording about various conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 3, 4)
Pair = tuple[str, str | None, str | None]


def _events(text: str) -> set[Pair]:
    return {(e.type, e.source, e.target) for e in extract_text(text, PUB).events if not e.hypothetical}


BOTH_WAYS: list[tuple[str, str, str, str]] = [
    # "the two sides": the parties of the events told just before
    (
        "Armenia and Azerbaijan exchanged fire along the border on Tuesday. "
        "The two sides blamed each other for the clash.",
        "ACCUSE",
        "state:arm",
        "state:aze",
    ),
    (
        "Sudan's army and the Rapid Support Forces met in Jeddah on Saturday. "
        "Both sides signed a short truce.",
        "AGREE",
        "state:sdn",
        "state_agency:rapid_support_forces",
    ),
    # one party is a person: the side comes from the actors named before
    (
        "Hamas fired rockets at Ashkelon on Monday. Israel killed Hamas commander Ahmed Ghandour in "
        "Gaza in response, and the two sides traded heavy fire.",
        "ASSAULT",
        "israel",
        "hamas",
    ),
    # "the two countries": states (or their agencies) named before
    (
        "Pakistani officials travelled to Kabul on Monday, and the two countries agreed to reopen "
        "the crossing.",
        "AGREE",
        "afghanistan",
        "generic:pak:gov",
    ),
    # "each other", "one another": conjoined subjects act on each other
    (
        "India and Pakistan accused one another of violating the ceasefire.",
        "ACCUSE",
        "state:ind",
        "pakistan",
    ),
    # a noun that is its verb with the verb's object: "an exchange of fire"
    (
        "Russian and Ukrainian forces engaged in heavy exchanges of artillery fire near Bakhmut.",
        "ASSAULT",
        "russia",
        "state:ukr",
    ),
    (
        "The Taliban and Pakistani border guards were engaged in an exchange of gunfire at the crossing.",
        "ASSAULT",
        "taliban",
        "pakistan",
    ),
    # "between neighboring X and the ... group Y": a participle misread, a group named after its kind
    (
        "Armed clashes since January between neighboring Israel and the Iran-backed militant group "
        "Hezbollah have displaced thousands.",
        "ASSAULT",
        "israel",
        "hezbollah",
    ),
]


@pytest.mark.parametrize(("text", "kind", "one", "other"), BOTH_WAYS)
def test_both_sides_act_on_each_other(text: str, kind: str, one: str, other: str) -> None:
    got = _events(text)
    assert {(kind, one, other), (kind, other, one)} <= got, got


ONE_WAY: list[tuple[str, Pair]] = [
    # an attack claimed by its author in a passive
    (
        "An attack on an Iraqi army checkpoint was claimed by the Islamic State.",
        ("ASSAULT", "isis", "iraqi_army"),
    ),
    # taking part in an event: its subject (or the one "involved") acts
    (
        "Kataib Hezbollah fighters took part in the assault on the U.S. embassy.",
        ("ASSAULT", "kataib_hezbollah", "united_states"),
    ),
    (
        "Houthi fighters participated in the attack on the Saudi border post.",
        ("ASSAULT", "houthis", "saudi_arabia"),
    ),
    (
        "Two Hezbollah operatives were involved in the bombing of the Israeli embassy in Buenos Aires.",
        ("ASSAULT", "hezbollah", "israel"),
    ),
]


@pytest.mark.parametrize(("text", "want"), ONE_WAY)
def test_the_author_of_an_event_named_around_it_acts(text: str, want: Pair) -> None:
    assert want in _events(text)


NO_SIDES = [
    # with no two parties told before, "the two sides" names no one
    "The two sides clashed on Monday.",
    "The two sides met in Geneva on Friday.",
]


@pytest.mark.parametrize("text", NO_SIDES)
def test_two_sides_named_nowhere_stand_for_no_one(text: str) -> None:
    assert not any(s and t for _, s, t in _events(text))


def test_two_sides_name_no_one_told_long_before() -> None:
    text = (
        "Israel and Hamas held talks in Cairo in January. Aid trucks waited at the crossing. "
        "Prices rose in the markets. Schools stayed closed. Hospitals ran short of fuel. "
        "The two sides clashed again on Monday."
    )
    assert not any(e[0] == "ASSAULT" and e[1] and e[2] for e in _events(text))


def test_assets_struck_before_are_the_same_side_s() -> None:
    text = (
        "Israeli jets struck Hezbollah positions on Monday. Israeli warplanes returned on Tuesday "
        "and destroyed the positions."
    )
    got = _events(text)
    assert ("ASSAULT", "idf", "hezbollah") in got, got


def test_assets_struck_before_by_another_side_lend_no_target() -> None:
    got = _events("Hezbollah fired rockets at Israeli positions. Israel struck the launchers.")
    assert ("ASSAULT", "israel", "israel") not in got and ("ASSAULT", "israel", None) in got, got


def test_a_verb_with_its_own_object_does_not_share_its_neighbour_s() -> None:
    text = (
        "The U.S. Navy intercepted Houthi drones, formed a task force to patrol the Red Sea and "
        "issued warnings to the Houthis."
    )
    assert not any(kind == "COOPERATE" for kind, _, _ in _events(text))


ENDS: list[tuple[str, Pair]] = [
    # "an end to" an action: the verb's sense its object selects, told by a noun
    (
        "Vietnam announced an end to its occupation of Cambodia in 1989.",
        ("RETREAT", "state:vnm", "state:khm"),
    ),
    # asking for an end to someone's attacks asks the attacker
    ("Ukraine demanded an end to Russian attacks on Ukrainian ports.", ("REQUEST", "state:ukr", "russia")),
    ("Qatar called for an end to the Israeli siege of Gaza.", ("REQUEST", "qatar", "israel")),
    # "entered into talks with": taking part in the talks
    ("The Tamil Tigers entered into talks with Sri Lanka in 2002.", ("CONSULT", None, "state:lka")),
]


@pytest.mark.parametrize(("text", "want"), ENDS)
def test_an_end_and_its_author_and_addressee(text: str, want: Pair) -> None:
    got = _events(text)
    assert any(all(w is None or w == g for w, g in zip(want, pair, strict=True)) for pair in got), got


def test_a_request_to_end_attacks_protects_their_target() -> None:
    events = extract_text("Ukraine demanded an end to Russian attacks on Ukrainian ports.", PUB).events
    asked = [e for e in events if e.type == "REQUEST"]
    assert asked and asked[0].directive == {"prohibits": "ASSAULT", "protected": "state:ukr"}, asked


def test_backing_a_call_backs_those_who_made_it() -> None:
    text = (
        "France and Britain called for an emergency meeting of the Security Council on Iran. "
        "Greece and Panama also supported the call."
    )
    got = _events(text)
    backers = {(s, t) for kind, s, t in got if kind == "SUPPORT"}
    assert {("state:grc", "france"), ("state:grc", "united_kingdom"), ("state:pan", "france")} <= backers, got


def test_backing_without_a_call_named_keeps_its_own_target() -> None:
    got = _events("Iran urged Hezbollah to show restraint. Germany supported Ukraine on Monday.")
    assert ("SUPPORT", "germany", "state:ukr") in got and ("SUPPORT", "germany", "iran") not in got, got


DENIALS: list[tuple[str, Pair]] = [
    # a denial answers the last accusation against the one denying
    (
        "Pakistani officials said the Taliban were responsible for the bombing. "
        "The group denied any involvement.",
        ("REJECT", "taliban", "generic:pak:gov"),
    ),
    ("Israel accused Hamas of stealing aid. Hamas denied the accusation.", ("REJECT", "hamas", "israel")),
    # "despite the group's denial": the group named before its kind, the accusation in the same sentence
    (
        "Israeli officials said Hezbollah was responsible for the strike, despite the group's denial.",
        ("REJECT", "hezbollah", "generic:isr:gov"),
    ),
]


@pytest.mark.parametrize(("text", "want"), DENIALS)
def test_a_denial_answers_its_accusers(text: str, want: Pair) -> None:
    assert want in _events(text)


def test_a_rejection_of_a_plan_answers_no_accuser() -> None:
    got = _events("Israel accused Hamas of stalling the talks. Hamas rejected the Egyptian plan.")
    assert ("REJECT", "hamas", "israel") not in got, got


def test_all_parties_are_those_of_the_events_told() -> None:
    text = (
        "Azerbaijan shelled Armenian positions near the border on Monday. "
        "The European Union urged all parties to show restraint."
    )
    got = set(_events(text))
    assert {("REQUEST", "european_union", "state:aze"), ("REQUEST", "european_union", "state:arm")} <= got, (
        got
    )
