"""Spelling keys fold the transliterations of one name together and keep other names apart."""

from __future__ import annotations

import pytest

from proxywatch.dictionary.spelling import SpellingIndex, spelling_key

SAME = [
    ("Kataib Hezbollah", "Kait’ib Hizballah"),
    ("Asaib Ahl al-Haq", "Asa'eb Ahl al-Haqq"),
    ("Jemaah Islamiyah", "Jamaah Islamiya"),
    ("Lashkar-e-Taiba", "Laskar i Toiba"),
    ("Ansarallah", "Ansar Allah"),
    ("Harakat al-Nujaba", "Harakat al-Nujabaa"),
]
DIFFERENT = [("Kataib Hezbollah", "Hezbollah"), ("Islamic State", "Islamic Jihad")]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_transliterations_share_a_key(a: str, b: str) -> None:
    assert spelling_key(a) == spelling_key(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_other_names_keep_their_own_key(a: str, b: str) -> None:
    assert spelling_key(a) != spelling_key(b)


def test_index_holds_long_names_of_one_actor_only() -> None:
    index = SpellingIndex.build(
        {"kataib hezbollah": ["kh"], "hamas": ["hamas"], "badr brigade": ["badr"], "bader brigade": ["other"]}
    )
    assert index.lookup("kataeb hizbollah") == "kh"
    assert index.lookup("homs") is None  # one word: never by spelling
    assert index.lookup("badr brigades") is None  # two actors share the key
