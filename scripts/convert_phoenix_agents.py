"""Convert PETRARCH2's generic-agents dictionary into proxywatch's agents data file.

    python scripts/convert_phoenix_agents.py ../shared/resources/petrarch2/Phoenix.agents.txt \
        > proxywatch/extract/data/agents.yaml

Phoenix.agents.txt (github.com/openeventdata/petrarch2, MIT, Copyright (c) 2014 Open Event
Data Alliance) maps generic nouns ("militant", "government forces", "protester") to CAMEO
sector codes ("[~UAF]", "[~MIL]", "[~OPP]"). We keep the phrases of the sectors that act in
political and armed conflict, lower-cased with spaces for underscores, its substitution sets
(!PERSON!, !MINIST!) expanded, and the first sector code of each. The sector table (what each
code is called and which actor type a generic actor of that sector has), the phrases in EXTRA
and the INDIVIDUALS (nouns naming one person or unit, not a weapon) are ours.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SECTORS = {
    # code: (plural name, actor type)
    "GOV": ("officials", "state_agency"),
    "MIL": ("forces", "state_agency"),
    "COP": ("police", "state_agency"),
    "SPY": ("intelligence services", "state_agency"),
    "JUD": ("judiciary", "state_agency"),
    "LEG": ("legislators", "state_agency"),
    "REB": ("rebels", "armed_group"),
    "UAF": ("militants", "armed_group"),
    "INS": ("insurgents", "armed_group"),
    "OPP": ("opposition", "civilians"),
    "CVL": ("civilians", "civilians"),
    "BUS": ("commercial actors", "other"),
}
LINE = re.compile(r"^([A-Z!_'\- ]+?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})")
SUBSTITUTIONS = {
    "!PERSON!": ["man", "men", "woman", "women", "person"],
    "!MINIST!": ["minister", "ministers", "ministry", "ministries"],
}
MAX_WORDS = 3
# Ours, added to Phoenix's list: words its patterns reached by other means, and the weapons
# that news names as the actor ("a Turkish drone struck ...").
EXTRA = {
    "force": "MIL",
    "official": "GOV",
    "armed group": "UAF",
    "militant group": "UAF",
    "warplane": "MIL",
    "drone": "MIL",
    "jet": "MIL",
    "gunboat": "MIL",
    "vessel": "BUS",
    "ship": "BUS",
    "shipping": "BUS",
    "tanker": "BUS",
    "commercial vessel": "BUS",
    "merchant vessel": "BUS",
    "commercial shipping": "BUS",
    "international shipping": "BUS",
    # unnamed attackers of short event reports ("unidentified persons threw a grenade")
    "armed man": "UAF",
    "masked man": "UAF",
    "unidentified man": "UAF",
    "unidentified person": "UAF",
    "unknown person": "UAF",
    "unknown assailant": "UAF",
    "unidentified assailant": "UAF",
    "attacker": "UAF",
    "kidnapper": "UAF",
    "abductor": "UAF",
    "sniper": "UAF",
    "shooter": "UAF",
    "assassin": "UAF",
    "unknown group": "UAF",
    "unidentified group": "UAF",
    # people who protest or are attacked, named by trade, kin or community ("lecturers
    # demonstrated", "prisoners' families staged a sit-in", "members of two tribes clashed")
    "lecturer": "CVL",
    "family": "CVL",
    "relative": "CVL",
    "depositor": "CVL",
    "fan": "CVL",
    "survivor": "CVL",
    "prisoner": "CVL",
    "inmate": "CVL",
    "tribe": "CVL",
    "clan": "CVL",
    "clansman": "CVL",
}

# Ours: head nouns that name one person or one unit (not a weapon or vehicle, which Phoenix lists
# under the same sectors); "a gunman", "a police officer", "a patrol" may act or be hit alone.
INDIVIDUALS = [
    "abductor",
    "assailant",
    "assassin",
    "attacker",
    "bomber",
    "boy",
    "crowd",
    "fighter",
    "group",
    "guard",
    "gunman",
    "herder",
    "insurgent",
    "jihadist",
    "kidnapper",
    "man",
    "militant",
    "militiaman",
    "mob",
    "officer",
    "patrol",
    "person",
    "policeman",
    "policewoman",
    "rebel",
    "shepherd",
    "shooter",
    "sniper",
    "soldier",
]


def phrases(raw: str) -> list[str]:
    forms = [raw]
    for mark, words in SUBSTITUTIONS.items():
        forms = [f.replace(mark, w) for f in forms for w in (words if mark in f else [""])][:64]
        forms = [f for f in forms if f]
    out = []
    for form in forms:
        text = form.replace("_", " ").lower().strip()
        if text and "!" not in text and len(text.split()) <= MAX_WORDS and re.fullmatch(r"[a-z' \-]+", text):
            out.append(" ".join(text.split()))
    return out


def convert(source: Path) -> str:
    agents: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or "[~" not in line:
            continue
        match = LINE.match(line.strip())
        if match is None or match.group(2) not in SECTORS:
            continue
        for phrase in phrases(match.group(1)):
            agents.setdefault(phrase, match.group(2))
    for phrase, code in EXTRA.items():
        agents.setdefault(phrase, code)
    lines = [
        '# Generic agents: nouns that name an actor by its sector, not its name ("militants",',
        '# "government forces", "protesters"), with the CAMEO sector code each stands for.',
        "# Converted by scripts/convert_phoenix_agents.py from PETRARCH2's Phoenix.agents.txt",
        "# (github.com/openeventdata/petrarch2, commit 676801cd; MIT License, Copyright (c) 2014",
        "# Open Event Data Alliance), plus a few of ours (EXTRA in the script).",
        "# Do not edit the agents by hand: change the script and rerun it.",
        "# sectors: what each code is called and the actor type of a generic actor of that sector.",
        "version: 1",
        "sectors:",
    ]
    for code, (name, kind) in SECTORS.items():
        lines.append(f"  {code}: {{name: {name}, type: {kind}}}")
    lines.append("agents:")
    for phrase in sorted(agents):
        lines.append(f"  {json.dumps(phrase)}: {agents[phrase]}")
    lines.append("# individuals: nouns naming one person or unit (see INDIVIDUALS in the script).")
    lines.append(f"individuals: [{', '.join(sorted(INDIVIDUALS))}]")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(convert(Path(sys.argv[1])))
