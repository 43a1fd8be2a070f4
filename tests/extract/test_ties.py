"""Standing ties from appositions, possessives, copulas, compounds and tie verbs, current or former."""

from __future__ import annotations

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
