"""Standing ties from appositions, possessives, copulas, compounds and tie verbs, current or former."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model

# (text, expected (tie, source, target, valid))
CASES = [
    (
        "Qais al-Khazali, leader of Asaib Ahl al-Haq, spoke on Monday.",
        ("leads", "qais_al_khazali", "asaib_ahl_al_haq", "current"),
    ),
    (
        "Hezbollah's leader Hassan Nasrallah gave a speech.",
        ("leads", "hassan_nasrallah", "hezbollah", "current"),
    ),
    (
        "Abu Ali al-Askari, spokesman for Kata'ib Hezbollah, issued a statement.",
        ("spokesperson_of", "abu_ali_al_askari", "kataib_hezbollah", "current"),
    ),
    (
        "Qassem Soleimani, the former commander of the Quds Force, was buried in Kerman.",
        ("commands", "qassem_soleimani", "quds_force", "former"),
    ),
    (
        "Esmail Ghaani is the commander of the Quds Force.",
        ("commands", "esmail_ghaani", "quds_force", "current"),
    ),
    (
        "The militias of the Popular Mobilization Forces are funded and led by the Quds Force.",
        ("funds", "quds_force", "pmf", "current"),
    ),
    (
        "The militias of the Popular Mobilization Forces are funded and led by the Quds Force.",
        ("commands", "quds_force", "pmf", "current"),
    ),
    (
        "Kata'ib Hezbollah and Asaib Ahl al-Haq are designated as terrorist organizations "
        "by the United States.",
        ("designates_terrorist", "united_states", "asaib_ahl_al_haq", "current"),
    ),
    (
        "The Popular Mobilization Forces follow the lead of Hassan Nasrallah.",
        ("follows", "pmf", "hassan_nasrallah", "current"),
    ),
    (
        "PMF militia Kata'ib Hezbollah claimed the attack.",
        ("member_of", "kataib_hezbollah", "pmf", "current"),
    ),
    (
        "Iran named Esmail Ghaani as Soleimani's successor.",
        ("succeeds", "esmail_ghaani", "qassem_soleimani", "current"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tie_patterns(text: str, expected: tuple[str, str, str, str]) -> None:
    ties = {(t.tie, t.source, t.target, t.valid) for t in extract_text(text).ties}
    assert expected in ties, ties


VALIDITY = [
    # (text, publication date, expected validity of Soleimani's command of the Quds Force)
    ("Qassem Soleimani, the commander of the Quds Force, visited Baghdad.", date(2019, 5, 1), "current"),
    # an article published after his death: the tie has ended, whatever the wording
    ("Qassem Soleimani, the commander of the Quds Force, visited Baghdad.", date(2021, 5, 1), "former"),
    ("The late Quds Force commander Qassem Soleimani was revered.", date(2019, 5, 1), "former"),
]


@pytest.mark.parametrize(("text", "published", "valid"), VALIDITY)
def test_ties_end_with_the_words_or_the_known_end_before_publication(
    text: str, published: date, valid: str
) -> None:
    ties = [t for t in extract_text(text, published).ties if t.source == "qassem_soleimani"]
    assert ties and ties[0].valid == valid, ties


REAL_TIES = [
    (
        "Hassan Nasrallah, the secretary general of Hezbollah, spoke.",
        ("leads", "hassan_nasrallah", "hezbollah"),
    ),
    ("The Iran-backed Houthis attacked a ship.", ("funds", "iran", "houthis")),
    (
        "Hamas, a U.S.-designated foreign terrorist organization, fired rockets.",
        ("designates_terrorist", "united_states", "hamas"),
    ),
    ("Iranian President Masoud Pezeshkian spoke.", ("leads", "masoud_pezeshkian", "iran")),
    ("Iran's ally Hezbollah fired rockets.", ("allied_with", "hezbollah", "iran")),
]


@pytest.mark.parametrize(("text", "expected"), REAL_TIES)
def test_ties_in_real_phrasing(text: str, expected: tuple[str, str, str]) -> None:
    ties = {(t.tie, t.source, t.target) for t in extract_text(text, date(2024, 3, 1)).ties}
    assert expected in ties, ties


SUPPORT_TIES = [
    ("Hamas reportedly receives material assistance and training from Iran.", ("trains", "iran", "hamas")),
    ("Hamas reportedly receives material assistance and training from Iran.", ("funds", "iran", "hamas")),
    ("Iran's support for Hezbollah grew.", ("funds", "iran", "hezbollah")),
    (
        "Qassem Soleimani, the head of the Quds Force, met them.",
        ("commands", "qassem_soleimani", "quds_force"),
    ),
    (
        "Pentagon Press Secretary John Kirby spoke.",
        ("spokesperson_of", "john_kirby", "us_department_of_defense"),
    ),
    (
        "Officials said Lebanese Hezbollah (another FTO) was responsible.",
        ("designates_terrorist", "united_states", "hezbollah"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUPPORT_TIES)
def test_support_titles_and_designation_labels_state_ties(text: str, expected: tuple[str, str, str]) -> None:
    ties = {(t.tie, t.source, t.target) for t in extract_text(text, date(2019, 3, 1)).ties}
    assert expected in ties, ties


@pytest.mark.parametrize(
    ("text", "name"),
    [("Tom King spoke.", "Tom King"), ("Dayton King met the king of Jordan.", "Dayton King")],
)
def test_a_head_title_that_is_no_role_noun_does_not_break_extraction(text: str, name: str) -> None:
    # "King" is a head-of-state title but no role noun: a KeyError here once stopped `extract`
    ext = extract_text(text, date(2019, 3, 1))
    assert any(m.text == name and m.actor_id.startswith("person:") for m in ext.mentions)


RELATIONS = [
    (
        "Kataeb Hezbollah is a group with links to the Quds Force.",
        ("allied_with", "kataib_hezbollah", "quds_force"),
    ),
    ("Badr is loyal to Iran.", ("follows", "badr_organization", "iran")),
    ("Hezbollah, a militia supported by Iran, fired rockets.", ("funds", "iran", "hezbollah")),
    ("Groups affiliated with the IRGC attacked the base.", ("allied_with", "generic:uaf", "irgc")),
]


@pytest.mark.parametrize(("text", "expected"), RELATIONS)
def test_relation_words_state_ties(text: str, expected: tuple[str, str, str]) -> None:
    ties = {(t.tie, t.source, t.target) for t in extract_text(text, date(2021, 3, 1)).ties}
    assert expected in ties, ties
