"""A collective bound by a definition binds only its own noun, and a state that only designated
or sanctioned a group is neither its home nor its patron (our own wording)."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

PUB = date(2024, 3, 1)


def _ids(text: str, mention: str) -> set[str]:
    return {m.actor_id for m in extract_text(text, PUB).mentions if m.text == mention}


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # the definition's own noun: bound
        (
            "The Syrian Democratic Forces (SDF) fighters held the dam. Kurdish fighters later left.",
            "Kurdish fighters",
            "sdf",
        ),
        # another noun of the same sector: not bound by "Islamic State fighters"
        (
            "Islamic State fighters are regrouping in the desert. Iraqi militias shelled a checkpoint.",
            "Iraqi militias",
            "generic:irq:uaf",
        ),
        (
            "Hezbollah fighters crossed the border. Syrian militias later retook the village.",
            "Syrian militias",
            "generic:syr:uaf",
        ),
    ],
)
def test_a_definition_binds_its_own_noun_only(text: str, mention: str, expected: str) -> None:
    assert _ids(text, mention) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry listed several U.S.-designated terrorist organizations operating in the region.",
        "The militants, among them EU-sanctioned militias, crossed the border.",
    ],
)
def test_a_designating_state_is_not_the_home_of_the_group(text: str) -> None:
    mentions = extract_text(text, PUB).mentions
    generic = [m.actor_id for m in mentions if m.actor_id.startswith("generic:")]
    assert generic and not any(a.startswith(("generic:usa", "generic:backed_usa")) for a in generic), generic
