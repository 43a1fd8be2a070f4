"""Load ``extract/data/modality.yaml``: the words that make an event intended, hypothetical or reported."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from proxywatch.ontology import load_yaml_model

PATH = Path(str(resources.files("proxywatch.extract").joinpath("data", "modality.yaml")))


class Modality(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    intent_verbs: frozenset[str]
    desire_verbs: frozenset[str] = frozenset()
    stop_verbs: frozenset[str]
    decline_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    hypothetical_marks: frozenset[str]
    future_aux: frozenset[str]
    directive_nouns: frozenset[str]
    demonstratives: frozenset[str]
    halted_events: frozenset[str] = frozenset()
    persist_verbs: frozenset[str] = frozenset()
    persist_particles: frozenset[str] = frozenset()
    report_verbs: frozenset[str] = frozenset()
    blame_words: frozenset[str] = frozenset()
    claim_verbs: frozenset[str] = frozenset()
    claim_objects: frozenset[str] = frozenset()
    control_verbs: frozenset[str] = frozenset()
    undergo_verbs: frozenset[str] = frozenset()
    backing_nouns: frozenset[str] = frozenset()
    asserting_marks: frozenset[str] = frozenset()
    commission_verbs: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    issue_nouns: frozenset[str] = frozenset()
    reported_future: frozenset[str] = frozenset()
    unrealised_determiners: frozenset[str] = frozenset()
    aim_verbs: frozenset[str] = frozenset()
    response_verbs: frozenset[str] = frozenset()
    penalty_verbs: frozenset[str] = frozenset()
    penalty_objects: frozenset[str] = frozenset()
    tally_adverbs: frozenset[str] = frozenset()
    reason_preps: frozenset[str] = frozenset()
    tally_periods: frozenset[str] = frozenset()
    participation_verbs: frozenset[str] = frozenset()
    pair_nouns: frozenset[str] = frozenset()
    pair_state_nouns: frozenset[str] = frozenset()
    answer_verbs: frozenset[str] = frozenset()
    statement_phrases: frozenset[str] = frozenset()
    outcome_verbs: frozenset[str] = frozenset()
    definite_group_nouns: frozenset[str] = frozenset()
    branding_verbs: frozenset[str] = frozenset()
    denial_words: frozenset[str] = frozenset()
    force_manners: frozenset[str] = frozenset()
    allegation_nouns: frozenset[str] = frozenset()
    condemnation_words: frozenset[str] = frozenset()
    definite_state_nouns: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    unanswered_words: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_modality(path: Path = PATH) -> Modality:
    return load_yaml_model(path, Modality)
