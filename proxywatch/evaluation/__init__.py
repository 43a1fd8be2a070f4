"""Evaluation of extraction against gold annotations (``proxywatch evaluate GOLD.yaml``)."""

from proxywatch.evaluation.gold import GoldReport, evaluate_gold, load_gold

__all__ = ["GoldReport", "evaluate_gold", "load_gold"]
