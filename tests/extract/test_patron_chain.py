"""The patron-proxy chain in real phrasing: requests to stop, compliance and defiance, within a
sentence, across sentences, and (in the analytics) across articles. Wording is ours."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2024, 1, 30)

REQUESTS = [
    "Quds Force commander Esmail Qaani urged the factions to halt attacks on U.S. forces.",
    "Qaani asked the militias to cease their attacks on U.S. troops.",
    "Qaani pressed the groups to pause their operations against American forces.",
    "Qaani called on the armed groups to stop attacking U.S. forces.",
]


@pytest.mark.parametrize("text", REQUESTS)
def test_a_request_to_stop_carries_its_directive(text: str) -> None:
    [request] = [e for e in extract_text(text, PUB).events if e.type == "REQUEST"]
    assert request.source == "esmail_ghaani" and request.target == "generic:uaf"
    assert request.directive is not None and request.directive.get("prohibits") == "ASSAULT"


STORY = "Qaani urged the factions to halt attacks on U.S. forces in Iraq and Syria. "
RESPONSES = [
    # (what follows the request, type, responder, target)
    ("Most groups complied with the commander's request.", "CONCEDE", "generic:uaf", "esmail_ghaani"),
    ("Kata'ib Hezbollah heeded the call.", "CONCEDE", "kataib_hezbollah", "esmail_ghaani"),
    ("Harakat al-Nujaba rejected the request.", "REJECT", "harakat_al_nujaba", "esmail_ghaani"),
    ("Nujaba ignored Qaani's appeal.", "REJECT", "harakat_al_nujaba", "esmail_ghaani"),
    ("Nujaba carried out new attacks despite the request.", "REJECT", "harakat_al_nujaba", "esmail_ghaani"),
    (
        "Kata'ib Hezbollah announced a suspension of its military operations against U.S. forces.",
        "RETREAT",
        "kataib_hezbollah",
        "us_military",
    ),
    (
        "Kata'ib Hezbollah agreed to stop its attacks on U.S. forces.",
        "AGREE",
        "kataib_hezbollah",
        "us_military",
    ),
]


@pytest.mark.parametrize(("follow", "kind", "source", "target"), RESPONSES)
def test_compliance_and_defiance_answer_the_request(follow: str, kind: str, source: str, target: str) -> None:
    events = extract_text(STORY + follow, PUB).events
    assert any(e.type == kind and e.source == source and e.target == target for e in events), [
        (e.type, e.source, e.target) for e in events
    ]


def test_a_refusal_far_from_any_request_names_no_requester() -> None:
    text = "Qaani urged the factions to halt attacks. " + "The weather was cold. " * 6 + "Nujaba stood down."
    events = extract_text(text, PUB).events
    assert not [e for e in events if e.type == "RETREAT" and e.target == "esmail_ghaani"]
