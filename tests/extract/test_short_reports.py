"""Short conflict-event reports in the style of ACLED event notes ("On <date>, <who> <did what>
<where>. Fatalities: N"): the event of the right kind comes out when the actors are generic,
descriptive or unnamed. Reports are our own wording about various conflicts; the larger sets
are eval/short_reports/ (scored by bench/short_reports.py)."""

from __future__ import annotations

from datetime import date

import pytest

from proxywatch.extract import extract_text

pytestmark = pytest.mark.model
PUB = date(2023, 9, 1)


def _types(text: str) -> set[str]:
    events = extract_text(text, PUB).events
    return {e.type for e in events if not (e.negated or e.hypothetical or e.intended)}


REPORTS: list[tuple[str, str]] = [
    # protests by people named by trade, kin or community
    (
        "On 4 August 2023, dozens of unpaid lecturers demonstrated in front of the university in Mosul.",
        "PROTEST",
    ),
    ("On 9 July 2023, relatives of detainees demonstrated outside the courthouse in Manama.", "PROTEST"),
    ("On 2 May 2023, hundreds of students marched in Tehran against the new dress rules.", "PROTEST"),
    ("On 21 June 2023, residents of Suwayda protested against fuel price increases.", "PROTEST"),
    # attacks by unnamed attackers
    ("On 12 March 2023, armed men shot dead a shop owner in Zubair (Basra). Fatalities: 1", "ASSAULT"),
    ("On 30 April 2023, unidentified persons attacked a checkpoint near Tafas (Daraa).", "ASSAULT"),
    ("On 6 May 2023, attackers opened fire on a police station in Arish.", "ASSAULT"),
    # one unnamed person or unit hit, the attacker unnamed or a weapon
    ("On 17 February 2023, a landmine killed a shepherd in the desert east of Homs.", "ASSAULT"),
    ("On 25 January 2023, a Syrian army patrol was ambushed near Palmyra. Fatalities: 4", "ASSAULT"),
    ("On 3 June 2023, an improvised explosive device wounded a soldier near Kirkuk.", "ASSAULT"),
    ("On 14 August 2023, a journalist was abducted by unknown gunmen in Aden.", "ASSAULT"),
    # clashes between members of communities
    ("On 8 April 2023, members of two clans clashed over grazing land near Amarah. Fatalities: 3", "ASSAULT"),
    # arrests and raids with a generic agent
    ("On 19 May 2023, security forces arrested a blogger in Kuwait City over his posts.", "COERCE"),
    ("On 11 July 2023, police detained a man in Amman for insulting officials online.", "COERCE"),
]


@pytest.mark.parametrize(("text", "kind"), REPORTS)
def test_short_report_yields_its_event(text: str, kind: str) -> None:
    assert kind in _types(text)
