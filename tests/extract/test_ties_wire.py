"""Standing ties as wire and regional press write them: proxies and backers, armed wings and
parts of umbrellas, supply verbs, lists of tie verbs, successors, and validity ("slain", "was")."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 3, 1)

# (text, expected (tie, source, target, valid))
PATRONAGE = [
    (
        "Hezbollah, Iran's most powerful proxy, fired rockets into northern Israel.",
        ("funds", "iran", "hezbollah", "current"),
    ),
    ("The Houthis and their Iranian backers deny the charge.", ("funds", "iran", "houthis", "current")),
    ("Hezbollah and its Iranian patrons have vowed revenge.", ("funds", "iran", "hezbollah", "current")),
    (
        "Kataib Hezbollah, which receives funding and weapons from Tehran, denied involvement.",
        ("arms", "iran", "kataib_hezbollah", "current"),
    ),
    ("Hezbollah receives most of its funding from Iran.", ("funds", "iran", "hezbollah", "current")),
    (
        "Iran supplies the Houthis with missiles and drones, U.S. officials say.",
        ("arms", "iran", "houthis", "current"),
    ),
    (
        "The Revolutionary Guards have supplied Hezbollah with precision missiles.",
        ("arms", "irgc", "hezbollah", "current"),
    ),
    ("Iran provides weapons, training and funding to the Houthis.", ("trains", "iran", "houthis", "current")),
    ("Iran provides weapons, training and funding to the Houthis.", ("funds", "iran", "houthis", "current")),
    (
        "Tehran funds and arms Hezbollah, according to Western officials.",
        ("arms", "iran", "hezbollah", "current"),
    ),
    (
        "Iran arms, trains and finances the Houthis, the U.S. military says.",
        ("trains", "iran", "houthis", "current"),
    ),
    (
        "Iran arms, trains and finances the Houthis, the U.S. military says.",
        ("funds", "iran", "houthis", "current"),
    ),
]

# the patronage phrase is said of a named group, not only of the generic phrase
BOUND = [
    (
        "Kataib Hezbollah is one of the most powerful Iran-backed factions in Iraq.",
        ("funds", "iran", "kataib_hezbollah", "current"),
    ),
    ("The Tehran-backed Houthis control much of northern Yemen.", ("funds", "iran", "houthis", "current")),
    ("Hamas and Islamic Jihad, both backed by Iran, fought in Gaza.", ("funds", "iran", "pij", "current")),
    (
        "Asaib Ahl al-Haq, an Iranian proxy militia, denied the report.",
        ("funds", "iran", "asaib_ahl_al_haq", "current"),
    ),
    (
        "Iran sends weapons to the Houthis through Oman, the report says.",
        ("arms", "iran", "houthis", "current"),
    ),
]

MEMBERSHIP = [
    (
        "Hamas's armed wing, the Qassam Brigades, said it fired rockets at Tel Aviv.",
        ("member_of", "qassam_brigades", "hamas", "current"),
    ),
    (
        "Kataib Hezbollah, part of the Popular Mobilization Forces, has been blamed for the attacks.",
        ("member_of", "kataib_hezbollah", "pmf", "current"),
    ),
    (
        "Kataib Hezbollah and Nujaba are among the hardline factions of the PMF.",
        ("member_of", "harakat_al_nujaba", "pmf", "current"),
    ),
    (
        "The Quds Force, the IRGC's external arm, trains militias across the region.",
        ("member_of", "quds_force", "irgc", "current"),
    ),
    (
        "Hamas is part of Iran's so-called Axis of Resistance.",
        ("member_of", "hamas", "axis_of_resistance", "current"),
    ),
]

ROLES = [
    (
        "Houthi military spokesman Yahya Saree said the group targeted a ship.",
        ("spokesperson_of", "yahya_saree", "houthis", "current"),
    ),
    (
        "Mohammed Abdulsalam, the Houthis' chief negotiator and spokesman, spoke to Reuters.",
        ("spokesperson_of", "mohammed_abdulsalam", "houthis", "current"),
    ),
    (
        "Esmail Qaani, who succeeded Soleimani as Quds Force commander, visited Baghdad.",
        ("commands", "esmail_ghaani", "quds_force", "current"),
    ),
    (
        "Naim Qassem succeeded Hassan Nasrallah as Hezbollah's secretary-general.",
        ("leads", "naim_qassem", "hezbollah", "current"),
    ),
    (
        "Israel and Hezbollah, longtime foes, exchanged fire across the border.",
        ("hostile_to", "israel", "hezbollah", "current"),
    ),
    ("Israel and Iran, arch-foes, traded strikes in April.", ("hostile_to", "israel", "iran", "current")),
    # the U.S. lifted its 2021 designation and designated the Houthis again in 2024
    (
        "Washington designated the Houthis a terrorist organization in January.",
        ("designates_terrorist", "united_states", "houthis", "current"),
    ),
]

ALIGNMENT = [
    ("The pro-Iran Hezbollah movement denied any role.", ("allied_with", "hezbollah", "iran", "current")),
    (
        "Kataib Hezbollah is a powerful Iraqi faction close to Iran.",
        ("allied_with", "kataib_hezbollah", "iran", "current"),
    ),
    (
        "The IRGC's Quds Force supports armed groups across the region.",
        ("member_of", "quds_force", "irgc", "current"),
    ),
    (
        "Kataib Hezbollah, which Washington has designated a terrorist group, denied the charge.",
        ("designates_terrorist", "united_states", "kataib_hezbollah", "current"),
    ),
    # the perfect tense of a list of tie verbs states a tie that still holds
    ("Tehran has armed and funded Hamas for decades.", ("funds", "iran", "hamas", "current")),
]

VALIDITY = [
    (
        "Slain Hamas leader Yahya Sinwar masterminded the October 7 attack.",
        ("leads", "yahya_sinwar", "hamas", "former"),
    ),
    (
        "The late Hezbollah leader Hassan Nasrallah was buried in Beirut.",
        ("leads", "hassan_nasrallah", "hezbollah", "former"),
    ),
    (
        "Muhandis, who was deputy head of the PMF, died with Soleimani.",
        ("member_of", "abu_mahdi_al_muhandis", "pmf", "former"),
    ),
    (
        "Former PMF deputy chief Abu Mahdi al-Muhandis was killed alongside Soleimani.",
        ("member_of", "abu_mahdi_al_muhandis", "pmf", "former"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATRONAGE + BOUND + MEMBERSHIP + ROLES + ALIGNMENT + VALIDITY)
def test_wire_phrasing_states_the_tie(text: str, expected: tuple[str, str, str, str]) -> None:
    ties = {(t.tie, t.source, t.target, t.valid) for t in extract_text(text, PUBLISHED).ties}
    tie, source, target, valid = expected
    if tie in ("allied_with", "hostile_to"):  # undirected: either order
        assert (tie, source, target, valid) in ties or (tie, target, source, valid) in ties, ties
    else:
        assert expected in ties, ties


NOT_TIES = [
    # a patron and "its proxies", none named: no tie to an unnamed bloc
    ("The Iranian regime and its proxies continued to plot attacks.", "funds"),
    # service members of a state are no membership stated by a role noun
    ("Five U.S. service members were wounded in the attack.", "member_of"),
    # plural "arms" are weapons, not a group's arm
    ("Hezbollah's arms were moved to the south.", "member_of"),
    ("Iran does not fund the Houthis, Tehran says.", "funds"),
    ("Iran does not arm the Houthis, Tehran insists.", "arms"),
    # "close to" a place named by its possessor is no alignment
    ("The militia has a base close to Iran's border.", "allied_with"),
]


def test_a_person_is_no_bodys_wing() -> None:
    # a list the parser reads as an apposition to the person's name
    text = (
        "The alliance includes the Badr Organization of Hadi al-Amiri, the political wing of Asaib Ahl "
        "al-Haq and a party close to Kata'ib Hezbollah."
    )
    ties = [t for t in extract_text(text, PUBLISHED).ties if t.source == "hadi_al_amiri"]
    assert not ties, ties


def test_allies_including_names_are_allies_of_the_owner_not_of_each_other() -> None:
    text = "Iran and its allies, including Hezbollah and the Houthis, have threatened Israel."
    ties = {(t.tie, t.source, t.target) for t in extract_text(text, PUBLISHED).ties}
    assert ("allied_with", "houthis", "iran") in ties, ties
    assert ("allied_with", "hezbollah", "iran") in ties, ties
    assert not {("allied_with", "hezbollah", "houthis"), ("allied_with", "houthis", "hezbollah")} & ties


def test_a_phrase_said_of_a_named_group_is_no_membership_of_the_generic() -> None:
    text = "Kataib Hezbollah is one of the most powerful Iran-backed factions in Iraq."
    ties = extract_text(text, PUBLISHED).ties
    assert not [t for t in ties if t.target.startswith("generic:")], ties


@pytest.mark.parametrize(("text", "tie"), NOT_TIES)
def test_wire_phrasing_that_states_no_tie(text: str, tie: str) -> None:
    ties = [t for t in extract_text(text, PUBLISHED).ties if t.tie == tie]
    assert not ties, ties


def test_listed_tie_verbs_keep_the_sentence_as_evidence() -> None:
    text = "Tehran funds and arms Hezbollah, according to Western officials."
    ties = [t for t in extract_text(text, PUBLISHED).ties if t.tie == "funds"]
    assert ties and ties[0].evidence.rule == "listed:fund"
    assert ties[0].evidence.sentence == text
