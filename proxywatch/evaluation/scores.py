"""Precision, recall and F1 with their counts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """Counts and the figures from them.

    ``tp`` counts gold items found (for recall); ``tp_pred`` counts extracted items that
    match some gold item (for precision). They differ when several extracted items
    match one gold item, as when two reports of one event are both right.
    """

    tp: int
    fp: int
    fn: int
    tp_pred: int | None = None

    @property
    def precision(self) -> float:
        hits = self.tp if self.tp_pred is None else self.tp_pred
        return hits / (hits + self.fp) if hits + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
