"""Warnings and condemnations told without a threat or blame verb, and the sides of attacks
news tells around the attack: an answer foretold to any attack ("would not go unanswered",
"would meet any attack with force"), a penalty a speaker "made clear" to someone, an attack
called a crime, measures repeating one told before ("similar sanctions"), the outcome an attack
"resulted in", a city that stands for its state, fire told by its weapon, and a group named by
its patron ("the Iran-backed group"). Sentences are our own wording about various conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 5, 6)
Pair = tuple[str, str | None, str | None]


def _events(text: str) -> list[Pair]:
    return [(e.type, e.source, e.target) for e in extract_text(text, PUB).events if not e.hypothetical]


WARNINGS: list[tuple[str, Pair]] = [
    # an answer foretold to any attack: a threat against whoever would attack
    (
        "Hamas warned that any Israeli assault on Rafah would not go unanswered.",
        ("THREATEN", "hamas", "israel"),
    ),
    (
        "Hezbollah said any Israeli strike on Beirut would trigger a response.",
        ("THREATEN", "hezbollah", "israel"),
    ),
    (
        "Moscow would meet any NATO attack with a devastating response, a Kremlin spokesman said.",
        ("THREATEN", "russia", "nato"),
    ),
    (
        "Hezbollah will meet any Israeli aggression with force, Nasrallah said.",
        ("THREATEN", "hezbollah", "israel"),
    ),
    # a penalty a speaker makes clear to someone
    (
        "Ankara made clear to Damascus that the Syrian government would bear the consequences.",
        ("THREATEN", "turkey", "syrian_government"),
    ),
]


@pytest.mark.parametrize(("text", "want"), WARNINGS)
def test_an_answer_foretold_is_a_threat_by_the_speaker(text: str, want: Pair) -> None:
    got = _events(text)
    assert want in got, got
    assert not any(kind == "ASSAULT" for kind, _, _ in got), got  # no attack is told


def test_a_warning_told_by_its_verb_and_its_answer_is_one_threat() -> None:
    got = _events("The Houthis warned that any American attack on Yemen would be met with force.")
    assert got.count(("THREATEN", "houthis", "united_states")) == 1, got


NOT_THREATS: list[tuple[str, Pair]] = [
    # met with force when it came: an attack, not a threat
    ("Israel met the Hamas attack with a wave of airstrikes.", ("ASSAULT", "israel", "hamas")),
]


@pytest.mark.parametrize(("text", "want"), NOT_THREATS)
def test_an_answer_given_is_the_act(text: str, want: Pair) -> None:
    got = _events(text)
    assert want in got and not any(kind == "THREATEN" for kind, _, _ in got), got


def test_an_answer_with_no_speaker_threatens_no_one() -> None:
    assert not _events("Any attack on Iran will be met with a crushing response.")


def test_what_attacks_disrupt_is_no_protest() -> None:
    assert not any(kind == "PROTEST" for kind, _, _ in _events("Houthi missile attacks disrupted shipping."))
    assert ("PROTEST", "civilians:farmers", None) in _events("Farmers blocked roads in Brussels on Monday.")


AROUND: list[tuple[str, Pair]] = [
    # the outcome an attack resulted in: who it befell is the target
    (
        "Israel carried out an air raid on Gaza City that resulted in the death of Hamas commander "
        "Mohammed Deif.",
        ("ASSAULT", "israel", "mohammed_deif"),
    ),
    (
        "An Israeli airstrike led to the killing of Hamas commander Mohammed Deif.",
        ("ASSAULT", "israel", "mohammed_deif"),
    ),
    # a city the tagger did not mark stands for its state
    ("Russian drones hit Kyiv overnight.", ("ASSAULT", "generic:rus:mil", "state:ukr")),
    ("Russia launched a massive missile barrage on Kyiv overnight.", ("ASSAULT", "russia", "state:ukr")),
    # fire told by its weapon or weight is an attack
    ("Israeli troops came under heavy fire from Hamas fighters in Rafah.", ("ASSAULT", "hamas", "idf")),
    # "the Iran-backed group" is the group named before, never its patron
    (
        "Israel struck Hezbollah positions in Lebanon. The Iran-backed group responded by firing "
        "rockets at Israeli army posts.",
        ("ASSAULT", "hezbollah", "idf"),
    ),
    (
        "Kataib Hezbollah claimed the drone attack. The militia had fired rockets at U.S. troops in "
        "Syria on Sunday.",
        ("ASSAULT", "kataib_hezbollah", "us_military"),
    ),
    (
        "Iran has armed the Houthis for years. The country also supplied drones to Russia.",
        ("AID", "iran", "russia"),
    ),
]


@pytest.mark.parametrize(("text", "want"), AROUND)
def test_sides_told_around_the_event(text: str, want: Pair) -> None:
    got = _events(text)
    assert want in got, got


PATRONS_ARE_NOT_ACTORS = [
    "Israel struck Hezbollah positions in Lebanon. The Iran-backed group responded by firing rockets.",
    "The U.S.-trained unit attacked a Taliban checkpoint.",
]


@pytest.mark.parametrize("text", PATRONS_ARE_NOT_ACTORS)
def test_a_patron_named_in_a_modifier_does_not_act(text: str) -> None:
    got = _events(text)
    assert not any(source in ("iran", "united_states") for _, source, _ in got), got


def test_a_fire_is_not_an_attack() -> None:
    assert not _events("A fire broke out at the Hezbollah warehouse on Monday.")


CONDEMNED: list[tuple[str, Pair]] = [
    # an attack called a crime: the speaker accuses its author
    ("A Syrian official called the Turkish strike a war crime.", ("ACCUSE", "generic:syr:gov", "turkey")),
    (
        "Iran described the Israeli attack as a flagrant violation of its sovereignty.",
        ("ACCUSE", "iran", "israel"),
    ),
    ("Hamas branded the Israeli raid a massacre.", ("ACCUSE", "hamas", "israel")),
]


@pytest.mark.parametrize(("text", "want"), CONDEMNED)
def test_an_attack_called_a_crime_accuses_its_author(text: str, want: Pair) -> None:
    assert want in _events(text)


def test_an_attack_called_a_success_accuses_no_one() -> None:
    assert not any(
        kind == "ACCUSE" for kind, _, _ in _events("Netanyahu called the Israeli strike a great success.")
    )


RENEWED: list[tuple[str, list[Pair]]] = [
    # measures naming only who took them repeat the measure told just before
    (
        "The United States imposed sanctions on three Houthi officials on Monday. Britain and Canada "
        "announced similar sanctions on Tuesday.",
        [("SANCTION", "united_kingdom", "houthis"), ("SANCTION", "state:can", "houthis")],
    ),
    (
        "Britain designated Hamas a terrorist organization in 2021. The decision followed earlier "
        "designations by Canada and Australia.",
        [("SANCTION", "state:can", "hamas"), ("SANCTION", "state:aus", "hamas")],
    ),
]


@pytest.mark.parametrize(("text", "wants"), RENEWED)
def test_a_measure_repeated_names_the_same_target(text: str, wants: list[Pair]) -> None:
    got = _events(text)
    assert all(w in got for w in wants), got


def test_a_measure_told_long_before_lends_no_target() -> None:
    text = (
        "The United States sanctioned Houthi officials in January. Talks resumed in Muscat. "
        "Fighting eased in Marib. Aid flights landed in Sanaa. Prices fell in Aden. Schools "
        "reopened in Taiz. Fuel ships docked at Hodeidah. Britain announced new sanctions on Tuesday."
    )
    assert not any(
        kind == "SANCTION" and source == "united_kingdom" and target for kind, source, target in _events(text)
    )


def test_a_response_told_done_by_force_is_the_attack_on_the_attackers() -> None:
    got = _events("Turkey responded militarily to PKK attacks on its border posts.")
    assert ("ASSAULT", "turkey", "pkk") in got, got
    assert not any(s == "turkey" for _, s, _ in _events("Turkey responded to the PKK statement."))
