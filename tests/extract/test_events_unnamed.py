"""Events whose trigger is clear while a side is unnamed, a person noun or a weapon: "gunmen
killed", "a sniper shot" (persons act for their sector, they are not weapons), "two bombers blew
themselves up" (the reflexive object is the attacker), "a bomb went off" (an attack told by its
means alone, with no one's name on it), "launched dozens of rockets" (the object counts what
was launched), "went on strike", "staged a sit-in", "gathered in front of", "set X on fire",
"broke into", "defused a bomb". Sentences are our own wording about various conflicts."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 5, 20)
Pair = tuple[str | None, str | None]


def _pairs(text: str, kind: str) -> set[Pair]:
    events = extract_text(text, PUB).events
    return {
        (e.source, e.target)
        for e in events
        if e.type == kind and not (e.negated or e.hypothetical or e.intended)
    }


# (text, kind, source): the event comes out with this source (None: unnamed)
ACTED: list[tuple[str, str, str | None]] = [
    # person nouns of attack are actors of their sector, never the weapon of the attack
    ("Gunmen shot dead three farmers near Maiduguri.", "ASSAULT", "generic:uaf"),
    ("A sniper killed a boy in the old city of Taiz.", "ASSAULT", "generic:uaf"),
    ("Masked gunmen ambushed a minibus on the road to Kidal.", "ASSAULT", "generic:uaf"),
    # the one named as the person's side acts: "a gunman from Hamas"
    ("A gunman from Hamas opened fire on a bus near the settlement.", "ASSAULT", "hamas"),
    # suicide attackers who "blew themselves up" attack; the reflexive is not their target
    ("Two suicide bombers blew themselves up at a checkpoint in Mogadishu.", "ASSAULT", "generic:reb"),
    # an attack told by its means alone, indefinite: ASSAULT with neither side
    ("A roadside bomb went off near a market in Kandahar.", "ASSAULT", None),
    ("An explosion hit a fuel depot on the outskirts of Kharkiv overnight.", "ASSAULT", None),
    ("A drone strike hit a wedding party in a village near Kunduz.", "ASSAULT", None),
    # strikes, sit-ins and crowds before a building are protests
    ("Teachers went on strike across Khartoum over unpaid salaries.", "PROTEST", "civilians:teachers"),
    ("Relatives of the missing staged a sit-in outside the parliament in Beirut.", "PROTEST", "generic:cvl"),
    (
        "Hundreds of farmers gathered in front of the provincial council in Lahore.",
        "PROTEST",
        "civilians:farmers",
    ),
    # two unnamed groups of one sector: the protest is told with its actor alone
    (
        "Mothers of detainees protested outside the prison against the isolation of inmates.",
        "PROTEST",
        "generic:cvl",
    ),
    # arson, break-ins and a device made safe
    ("Rioters set a police station on fire in Dhaka.", "ASSAULT", "generic:opp"),
    ("Armed men broke into a school in Zamfara and abducted pupils.", "ASSAULT", "generic:uaf"),
    ("Police defused a car bomb outside the stadium in Kabul.", "COERCE", "generic:cop"),
    # shells that fall, devices that target: the means alone
    ("A rocket fired from across the border fell on a school in Kiryat Shmona.", "ASSAULT", None),
    ("A roadside device targeted a fuel convoy on the road to Gao.", "ASSAULT", None),
    (
        "Palestinian youths launched incendiary balloons across the fence into Israel.",
        "ASSAULT",
        "generic:pse:cvl",
    ),
    # a march told with what it demands is a protest too; chanting crowds protest
    (
        "Students marched through central Dhaka calling for the resignation of the vice-chancellor.",
        "PROTEST",
        "civilians:students",
    ),
    (
        "Supporters of the club chanted against the governor during the match in Izmir.",
        "PROTEST",
        "civilians:supporters",
    ),
]


@pytest.mark.parametrize(("text", "kind", "source"), ACTED)
def test_a_clear_trigger_yields_its_event_with_the_side_named(
    text: str, kind: str, source: str | None
) -> None:
    assert source in {s for s, _ in _pairs(text, kind)}, extract_text(text, PUB).events


# (text, kind, pair): the object counts what was launched ("dozens of rockets")
COUNTED: list[tuple[str, str, Pair]] = [
    ("Hamas launched hundreds of rockets at Israel on Saturday.", "ASSAULT", ("hamas", "israel")),
    ("Hezbollah fired dozens of missiles at Israel overnight.", "ASSAULT", ("hezbollah", "israel")),
]


@pytest.mark.parametrize(("text", "kind", "pair"), COUNTED)
def test_a_counted_object_selects_the_verb_sense(text: str, kind: str, pair: Pair) -> None:
    assert pair in _pairs(text, kind), extract_text(text, PUB).events


# an attack named by a definite or owned means was told before (or is someone's): no sideless event
TOLD_BEFORE = [
    "Russia struck Odesa overnight. The strike hit a port warehouse.",
    "Israel said its drones hit a launch site in southern Lebanon.",
]


@pytest.mark.parametrize("text", TOLD_BEFORE)
def test_a_definite_means_is_not_a_new_unclaimed_attack(text: str) -> None:
    assert (None, None) not in _pairs(text, "ASSAULT")


def test_an_unclaimed_means_yields_nothing_where_another_trigger_names_a_side() -> None:
    text = "A car bomb exploded near an army checkpoint in Aleppo, wounding four soldiers."
    assert _pairs(text, "ASSAULT") and (None, None) not in _pairs(text, "ASSAULT")


# a state role opening a text with no one named before it stands for its sector
ROLES: list[tuple[str, str, Pair]] = [
    (
        "The prime minister met the visiting Japanese foreign minister in Hanoi.",
        "CONSULT",
        ("generic:gov", "generic:jpn:gov"),
    ),
    (
        "The foreign ministry summoned the Russian ambassador over the remarks.",
        "ACCUSE",
        ("generic:gov", "generic:rus:gov"),
    ),
    (
        "The president called on Ethiopia to withdraw its troops from the border.",
        "REQUEST",
        ("generic:gov", "state:eth"),
    ),
    (
        "The court sentenced four journalists to prison for spreading false news.",
        "SANCTION",
        ("generic:jud", "civilians:journalists"),
    ),
]


@pytest.mark.parametrize(("text", "kind", "pair"), ROLES)
def test_a_role_with_no_one_named_before_stands_for_its_sector(text: str, kind: str, pair: Pair) -> None:
    assert pair in _pairs(text, kind), extract_text(text, PUB).events


def test_a_role_after_a_name_is_not_a_sector() -> None:
    text = "Kenya's foreign ministry said talks would resume. The president rejected the proposal."
    assert not {s for s, _ in _pairs(text, "REJECT")} & {"generic:gov"}


# generic officials who meet or talk with no other party named meet one another
MUTUAL: list[tuple[str, str, Pair]] = [
    ("Ministers discussed the drought at an emergency meeting in Nairobi.", "CONSULT", ("generic:gov", None)),
    ("Officials met in Vienna on Friday to review the inspections.", "CONSULT", ("generic:gov", None)),
]


@pytest.mark.parametrize(("text", "kind", "pair"), MUTUAL)
def test_generic_officials_consult_with_no_other_party_named(text: str, kind: str, pair: Pair) -> None:
    assert pair in _pairs(text, kind), extract_text(text, PUB).events


# stepping down is told with the one who leaves alone; a particle parsed as an adverb still counts
LEAVING: list[tuple[str, str, Pair]] = [
    ("The cabinet resigned after weeks of protests over fuel prices.", "CONCEDE", ("generic:gov", None)),
    ("The interior minister stepped down on Thursday.", "CONCEDE", ("generic:gov", None)),
    ("Ethiopian troops pulled back from the disputed town.", "RETREAT", ("generic:eth:mil", None)),
]


@pytest.mark.parametrize(("text", "kind", "pair"), LEAVING)
def test_leaving_office_or_ground_is_told_with_its_actor_alone(text: str, kind: str, pair: Pair) -> None:
    assert pair in _pairs(text, kind), extract_text(text, PUB).events


# fighting that breaks out between two named sides: each attacks the other
BOTH_WAYS = [
    ("Fighting broke out between the Taliban and the Islamic State near Jalalabad.", "ASSAULT"),
    ("Clashes erupted between Hamas and Fatah in Khan Younis on Monday.", "ASSAULT"),
]


@pytest.mark.parametrize(("text", "kind"), BOTH_WAYS)
def test_fighting_that_breaks_out_between_two_sides_goes_both_ways(text: str, kind: str) -> None:
    pairs = {p for p in _pairs(text, kind) if None not in p}
    assert pairs and all((t, s) in pairs for s, t in pairs), extract_text(text, PUB).events
