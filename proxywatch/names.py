"""Normalise names so that spelling variants of one name compare equal.

Handles case, diacritics, apostrophe variants (’ ' ʿ ʼ `), hyphens, the Arabic article
(al-/el-), a leading "the", and the possessive 's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’‘ʿʼ`´ʾ"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_NON_WORD = re.compile(r"[^\w\s]")
_ARTICLE = {"al", "el", "ul", "ash", "the"}


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)  # pure, and called for every token the dictionary scan looks at
def normalise_name(text: str) -> str:
    """The comparison key of a name.

    >>> normalise_name("Kata’ib Hezbollah's") == normalise_name("Kataib Hezbollah")
    True
    >>> normalise_name("Asaib Ahl al-Haq") == normalise_name("Asa'ib Ahl Al Haq")
    True
    >>> normalise_name("the U.S.")
    'us'
    """
    text = strip_accents(text).strip()
    text = _POSSESSIVE.sub("", text)
    for mark in _APOSTROPHES:
        text = text.replace(mark, "")
    text = text.replace(".", "")
    text = _NON_WORD.sub(" ", text.replace("-", " ")).casefold()
    words = [w for w in text.split() if w not in _ARTICLE]
    return " ".join(words)
