"""Cohesion and rifts, reference leaders, and what-if removal on small hand-made graphs."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from proxywatch.analyse.cohesion import change_points, cohesion
from proxywatch.analyse.control import Outcome, Response
from proxywatch.analyse.follows import reference_leaders
from proxywatch.analyse.graphs import ties_graph
from proxywatch.analyse.records import EventRecord, TieRecord
from proxywatch.analyse.whatif import removal

WEIGHTS = {"REJECT": -4.0, "ASSAULT": -10.0, "CONSULT": 1.0, "AGREE": 4.0}


def ev(i: str, type_: str, src: str, tgt: str, day: date) -> EventRecord:
    return EventRecord(i, type_, src, tgt, day)


def test_cohesion_counts_defiance_and_infighting() -> None:
    events = [
        ev("1", "CONSULT", "kh", "qf", date(2020, 1, 5)),
        ev("2", "REJECT", "kh", "qf", date(2020, 2, 5)),
        ev("3", "ASSAULT", "kh", "aah", date(2020, 2, 6)),
        ev("4", "ASSAULT", "kh", "usa", date(2020, 2, 7)),  # outside the bloc: not counted
    ]
    report = cohesion(events, {"qf"}, {"kh", "aah"}, WEIGHTS)
    jan, feb = report.windows
    assert (jan.cooperative, jan.conflictual, jan.cohesion) == (1, 0, 1.0)
    assert (feb.defiance, feb.infighting, feb.cohesion) == (1, 1, -1.0)


def test_rift_is_flagged_with_the_events_that_drove_it() -> None:
    calm = [ev(f"c{m}", "CONSULT", "kh", "qf", date(2020, m, 1)) for m in range(1, 13)]
    storm = [ev(f"s{i}", "REJECT", "aah", "qf", date(2021, 1 + i % 4, 1 + i)) for i in range(10)]
    after = [ev(f"a{m}", "AGREE", "kh", "qf", date(2021, m, 1)) for m in range(6, 13)]
    report = cohesion([*calm, *storm, *after], {"qf"}, {"kh", "aah"}, WEIGHTS)
    [rift] = report.rifts
    assert (rift.start, rift.end) == ("2021-01", "2021-04")
    assert {e.id for e in rift.events} == {f"s{i}" for i in range(10)}


@given(st.lists(st.just(0), min_size=0, max_size=40))
def test_no_change_point_in_a_flat_series(counts: list[int]) -> None:
    assert change_points(counts) == []


def test_reference_leader_shift() -> None:
    ties = [
        TieRecord("follows", "pmf", "soleimani", "former", sentence="once followed"),
        TieRecord("follows", "pmf", "nasrallah", sentence="now follow"),
        TieRecord("follows", "pmf", "khamenei", observed=False),
    ]
    defied = Outcome(
        "d1",
        "ghaani",
        "pmf",
        None,
        "ASSAULT",
        "usa",
        "asked",
        [Response("r1", "defiance", "REJECT", "pmf", None, "ignored")],
    )
    result = reference_leaders(ties, [defied], {"pmf"})
    assert result.as_dict()["shift"] == {"from": ["ghaani", "soleimani"], "to": ["nasrallah"]}
    assert {t.leader for t in result.timeline} == {"soleimani", "nasrallah", "ghaani"}


def test_removal_cuts_command_paths_and_names_candidates() -> None:
    G = ties_graph(
        [
            TieRecord("commands", "soleimani", "qf"),
            TieRecord("commands", "soleimani", "kh"),
            TieRecord("funds", "qf", "pmf"),
            TieRecord("member_of", "aah", "pmf"),
            TieRecord("follows", "kh", "nasrallah"),
            TieRecord("succeeds", "ghaani", "soleimani"),
        ],
        types={"soleimani": "person", "ghaani": "person", "nasrallah": "person"},
    )
    result = removal(G, "qf", {"soleimani"}, {"kh", "pmf", "aah"})
    assert result.proxies_reached_before == ["aah", "kh", "pmf"]
    assert result.lost_proxies == ["kh"]
    assert result.commanded_patron == ["soleimani"] and result.successors == ["ghaani"]
    assert result.as_dict()["vacuum_candidates"][0] == {
        "actor": "nasrallah",
        "followed_by_proxies": True,
        "brokerage": result.vacuum_candidates[0].brokerage,
        "ties_from": "documents",
    }


def test_heirs_come_from_the_patrons_camp_never_its_adversaries_or_itself() -> None:
    G = ties_graph(
        [
            TieRecord("commands", "soleimani", "qf"),
            TieRecord("funds", "qf", "kh"),
            TieRecord("leads", "nasrallah", "hezbollah"),
            TieRecord("funds", "qf", "hezbollah"),
            TieRecord("hostile_to", "usa", "qf"),
            TieRecord("hostile_to", "usa", "kh"),
            TieRecord("designates_terrorist", "usa", "kh"),
            TieRecord("member_of", "gcc_state", "gcc", observed=False),
            TieRecord("allied_with", "kh", "gcc", observed=False),
        ],
        types={"soleimani": "person", "nasrallah": "person"},
    )
    candidates = [c.actor for c in removal(G, "qf", {"soleimani"}, {"kh", "hezbollah"}).vacuum_candidates]
    assert "nasrallah" in candidates
    assert not {"usa", "qf", "gcc"} & set(candidates)
    named = removal(G, "qf", {"soleimani"}, {"kh", "hezbollah"}, named={"kh"}).vacuum_candidates
    assert [c.actor for c in named] == []  # nobody the documents name is placed to fill it


@given(st.text(alphabet="xyz", min_size=2, max_size=6))
def test_removing_an_isolated_actor_changes_nothing(name: str) -> None:
    ties = [
        TieRecord("funds", "qf", "pmf"),
        TieRecord("member_of", "kh", "pmf"),
        TieRecord("allied_with", f"iso_{name}", f"far_{name}"),
    ]
    G = ties_graph(ties)
    result = removal(G, "qf", {f"iso_{name}"}, {"pmf", "kh"})
    assert result.lost_proxies == [] and result.proxies_reached_after == ["kh", "pmf"]


def test_a_facility_or_a_crowd_is_never_an_heir() -> None:
    G = ties_graph(
        [
            TieRecord("commands", "soleimani", "qf"),
            TieRecord("funds", "qf", "hezbollah"),
            TieRecord("leads", "nasrallah", "hezbollah"),
            TieRecord("leads", "hamiyah", "hezbollah"),  # a name the tagger took for a place
            TieRecord("follows", "supporters", "hezbollah"),
        ],
        types={
            "soleimani": "person",
            "nasrallah": "person",
            "hamiyah": "facility",
            "supporters": "civilians",
        },
    )
    heirs = [c.actor for c in removal(G, "qf", {"soleimani"}, {"hezbollah"}).vacuum_candidates]
    assert "nasrallah" in heirs and "hamiyah" not in heirs and "supporters" not in heirs
