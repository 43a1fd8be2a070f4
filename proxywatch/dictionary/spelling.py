"""Spelling keys: one key for the transliterations of a name ("Kata'ib", "Kataeb", "Kait'ib").

Names transliterated from Arabic, Persian or Urdu reach English news in many spellings: the
vowels move ("Hezbollah", "Hizballah", "Hizbullah"), letters double or not ("Sayyid",
"Sayed"), "q" is written "k", "sh" is written "s" ("Lashkar", "Laskar"), a final "h" comes and
goes ("Islamiyah", "Islamiya"). A name's spelling key keeps its first letter and the
consonants after it, with those alternations folded, so such spellings share one key.
The key is loose: the resolver uses it only for names of two words or more, with a long key
and only where one actor has it (:class:`SpellingIndex`), and checks the spelling is close.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from proxywatch.names import normalise_name

MIN_RATIO = 75  # how close the spelling must stay to a known one (rapidfuzz ratio, 0-100)
MIN_KEY = 6  # consonants a key needs before it may name an actor ("hms" is Hamas and Homs)
_FOLDS = (
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("sh", "s"),
    ("th", "t"),
    ("dh", "d"),
    ("q", "k"),
    ("ck", "k"),
    ("z", "s"),
)
_VOWELS = re.compile(r"[aeiouyw]")
_DOUBLE = re.compile(r"(.)\1+")


def _folded(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return word.removesuffix("h") if len(word) > 3 and word[-2:-1] in "aeiou" else word


def _consonants(text: str) -> str:
    return _DOUBLE.sub(r"\1", text[:1] + _VOWELS.sub("", text[1:])) if text else ""


def word_key(word: str) -> str:
    """The spelling key of one normalised word.

    >>> word_key("kataib"), word_key("kaitib"), word_key("kataeb"), word_key("katayib")
    ('ktb', 'ktb', 'ktb', 'ktb')
    >>> word_key("hezbollah") == word_key("hizballah") == word_key("hizbullah")
    True
    """
    return _consonants(_folded(word))


@lru_cache(maxsize=1 << 16)  # pure; the dictionary scan asks it for every name prefix
def spelling_key(name: str) -> str:
    """The spelling key of a name: its words' keys, joined without spaces, so that
    "Ansarallah" and "Ansar Allah" share one.

    >>> spelling_key("Kait’ib Sayyid al-Shuhada") == spelling_key("Kata'ib Sayyed al-Shuhadaa")
    True
    >>> spelling_key("Lashkar-e-Tayyiba") == spelling_key("Laskar i Toiba")
    True
    >>> spelling_key("Ansarallah") == spelling_key("Ansar Allah")
    True
    """
    return _consonants("".join(_folded(w) for w in normalise_name(name).split() if len(w) > 1))


@dataclass
class SpellingIndex:
    """Spelling keys of a dictionary's names of two words or more whose key is long and
    belongs to one actor, with the keys of their first words for a word-by-word scan."""

    owner: dict[str, str] = field(default_factory=dict)  # spelling key -> actor id
    names: dict[str, list[str]] = field(default_factory=dict)  # spelling key -> normalised names
    prefixes: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, by_alias: dict[str, list[str]]) -> SpellingIndex:
        owners: dict[str, set[str]] = defaultdict(set)
        names: dict[str, list[str]] = defaultdict(list)
        for key, actor_ids in by_alias.items():
            if len(key.split()) >= 2:
                skey = spelling_key(key)
                owners[skey].update(actor_ids)
                names[skey].append(key)
        index = cls()
        for skey, owner_ids in owners.items():
            if len(owner_ids) == 1 and len(skey) >= MIN_KEY:
                index.owner[skey] = next(iter(owner_ids))
                index.names[skey] = names[skey]
                for name in names[skey]:
                    words = name.split()
                    index.prefixes.update(spelling_key(" ".join(words[:n])) for n in range(1, len(words) + 1))
        return index

    def lookup(self, name: str) -> str | None:
        """The actor a normalised name of two words or more is another spelling of, if any.

        >>> index = SpellingIndex.build({"kataib hezbollah": ["kh"], "hamas": ["hamas"]})
        >>> index.lookup("kaitib hezbollah"), index.lookup("homs"), index.lookup("kitab hasbala")
        ('kh', None, None)
        """
        if len(name.split()) < 2:
            return None
        skey = spelling_key(name)
        owner = self.owner.get(skey)
        if owner is None or max(fuzz.ratio(name, known) for known in self.names[skey]) < MIN_RATIO:
            return None
        return owner
