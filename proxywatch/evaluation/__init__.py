"""Evaluation of extraction against gold annotations (``proxywatch evaluate GOLD.yaml``)."""

from proxywatch.evaluation.gold import CorpusReport, GoldReport, evaluate_corpus, evaluate_gold, load_gold

__all__ = ["CorpusReport", "GoldReport", "evaluate_corpus", "evaluate_gold", "load_gold"]
