"""Find actors by any alias or misspelling: exact normalised alias first, then fuzzy matches.

>>> index = AliasIndex([("esmail_ghaani", "Esmail Qaani", "esmail qaani"),
...                     ("esmail_ghaani", "Ghaani", "ghaani"), ("hezbollah", "Hezbollah", "hezbollah")])
>>> [(m.actor_id, m.alias, m.exact) for m in index.search("Qaani")]
[('esmail_ghaani', 'Esmail Qaani', False)]
>>> [m.actor_id for m in index.search("Hezbolah")]
['hezbollah']
>>> index.search("ghaani")[0].exact
True
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from proxywatch.names import normalise_name

SCORE_CUTOFF = 85.0  # rapidfuzz token_set_ratio, 0-100


@dataclass(frozen=True)
class Match:
    actor_id: str
    alias: str  # the alias that matched
    score: float  # 100 for an exact match of the normalised alias, else token_set_ratio
    exact: bool
    closeness: float = 100.0  # the whole alias against the whole query: breaks ties of score


class AliasIndex:
    """Every actor alias by its normalised form (``actor_aliases.normalized``)."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self.by_key: dict[str, list[tuple[str, str]]] = {}
        for actor_id, alias, key in rows:
            self.by_key.setdefault(key, []).append((actor_id, alias))
        self.keys = list(self.by_key)

    def search(self, query: str, cutoff: float = SCORE_CUTOFF) -> list[Match]:
        """Actors whose normalised alias equals the query's, then those with a close alias
        (rapidfuzz ``token_set_ratio`` at or above ``cutoff``: a misspelling, or some of the
        alias's words), best first.

        ``token_set_ratio`` rather than ``WRatio``: the latter scores any substring highly,
        so "Ghani" would find "Afghanistan" and "Muhandis" the acronym "IS".
        """
        key = normalise_name(query)
        if not key:
            return []
        found: dict[str, Match] = {}
        wanted = query.strip().casefold()
        for actor_id, alias in sorted(self.by_key.get(key, []), key=lambda a: (a[1].casefold() != wanted, a)):
            found.setdefault(actor_id, Match(actor_id, alias, 100.0, True))
        for other, score, _ in process.extract(
            key, self.keys, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=cutoff
        ):
            closeness = round(float(fuzz.ratio(key, other)), 1)
            for actor_id, alias in self.by_key[other]:
                best = found.get(actor_id)
                candidate = Match(actor_id, alias, round(float(score), 1), False, closeness)
                if best is None or (
                    not best.exact and (candidate.score, closeness) > (best.score, best.closeness)
                ):
                    found[actor_id] = candidate
        return sorted(found.values(), key=lambda m: (not m.exact, -m.score, -m.closeness, m.actor_id))
