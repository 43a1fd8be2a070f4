"""Scoring rules the gold files rely on: optional ties, undirected ties, optional events with an
unnamed side."""

from __future__ import annotations

from proxywatch.evaluation.gold import score_events, score_ties
from proxywatch.extract.records import Event, Evidence, Extraction, Tie

TEXT = "Unknown gunmen attacked the base. Iran funds the group."
EV = Evidence(TEXT[:33], 0, 33, "test", 1.0)
TV = Evidence(TEXT[34:], 34, len(TEXT), "test", 1.0)
MAPPING = {"x:gunmen": "gunmen", "base_id": "base", "iran_id": "iran", "group_id": "group"}


def _extraction() -> Extraction:
    return Extraction(
        events=[Event("ASSAULT", "x:gunmen", "base_id", EV)],
        ties=[Tie("funds", "iran_id", "group_id", TV), Tie("arms", "iran_id", "group_id", TV)],
    )


def test_an_optional_event_without_a_source_accepts_any_source() -> None:
    gold = {
        "events": [
            {
                "id": "e1",
                "type": "ASSAULT",
                "source": None,
                "target": "base",
                "optional": True,
                "evidence": "attacked the base",
            }
        ]
    }
    score, misses, false_hits = score_events(gold, TEXT, _extraction(), MAPPING, typed=True)
    assert (score.tp, score.fp, score.fn, misses, false_hits) == (0, 0, 0, [], [])


def test_a_required_event_without_a_source_matches_nothing() -> None:
    gold = {
        "events": [
            {"id": "e1", "type": "ASSAULT", "source": None, "target": "base", "evidence": "attacked the base"}
        ]
    }
    score, misses, _false_hits = score_events(gold, TEXT, _extraction(), MAPPING, typed=True)
    assert (score.tp, score.fp, score.fn) == (0, 1, 1) and misses


def test_an_optional_tie_is_neither_a_miss_nor_a_false_hit() -> None:
    gold = {
        "ties": [
            {"source": "iran", "tie": "funds", "target": "group", "evidence": "Iran funds"},
            {"source": "iran", "tie": "arms", "target": "group", "optional": True, "evidence": "Iran"},
            {"source": "iran", "tie": "trains", "target": "group", "optional": True, "evidence": "Iran"},
        ]
    }
    score, misses, false_hits = score_ties(gold, _extraction(), MAPPING)
    assert (score.tp, score.fp, score.fn, misses, false_hits) == (1, 0, 0, [], [])


def test_undirected_ties_match_in_either_order_and_directed_ones_do_not() -> None:
    extraction = Extraction(
        ties=[Tie("hostile_to", "group_id", "iran_id", TV), Tie("funds", "group_id", "iran_id", TV)]
    )
    gold = {
        "ties": [
            {"source": "iran", "tie": "hostile_to", "target": "group", "evidence": "Iran"},
            {"source": "iran", "tie": "funds", "target": "group", "evidence": "Iran funds"},
        ]
    }
    score, misses, false_hits = score_ties(gold, extraction, MAPPING)
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert misses == ["iran funds group"] and false_hits == ["group_id funds iran_id"]


def test_alignment_weighs_overlap_so_a_nested_state_name_stays_the_state() -> None:
    from proxywatch.evaluation.gold import actor_occurrences, align, gold_occurrences
    from proxywatch.extract.records import Mention

    text = "Iran-backed armed groups attacked. Iran denied it."
    gold = {
        "actors": [
            {"id": "iran", "mentions": ["Iran"]},
            {"id": "militias", "mentions": ["Iran-backed armed groups"]},
        ]
    }
    ext = Extraction(
        mentions=[
            Mention("iran_id", "Iran", 0, 4, "dictionary", 1.0),
            Mention("generic", "backed armed groups", 5, 24, "generic", 0.6),
            Mention("iran_id", "Iran", 35, 39, "dictionary", 1.0),
        ]
    )
    mapping = align(gold_occurrences(gold, text), ext, actor_occurrences(gold, text))
    assert mapping == {"iran_id": "iran", "generic": "militias"}


def test_a_gold_form_matches_across_a_line_break() -> None:
    from proxywatch.evaluation.gold import gold_occurrences

    gold = {"actors": [{"id": "usa", "mentions": ["United States"]}]}
    text = "Forces of the United\nStates and the United  States struck; the UnitedStates did not."
    assert [(text[s:e], a) for s, e, a in gold_occurrences(gold, text)] == [
        ("United\nStates", "usa"),
        ("United  States", "usa"),
    ]
