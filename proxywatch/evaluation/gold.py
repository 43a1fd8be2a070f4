"""Score extraction against a gold file in the format of ``shared/gold/seed.yaml``.

Matching (the gold file's header states it):
- actors: every occurrence of a gold mention form in the text (its spaces matching any white
  space: PDF text wraps names across lines) is a gold mention (longer
  forms claim their characters first; recall is over these). Each gold actor is aligned to
  the extracted actor whose mentions cover its forms best (span overlap, nested forms too).
  An extracted mention is right (precision) when it overlaps an occurrence of a form of the
  gold actor it is aligned to, nested ones included ("Iranian" in "Iranian proxy militias"
  is a mention of Iran).
- events: an extracted event matches a gold event when it comes from the sentence holding
  the gold `evidence`, its type is `type` or in `also`, and its source and target align to
  the gold ids (a list means any one). Events matching an `optional` gold event are neither
  hits nor false hits; optional gold events are not misses.
- ties: on (source, tie, target) after alignment, the two ends in either order for the tie
  types the ontology declares undirected; an `optional` gold tie is neither a miss nor, when
  found, a false hit.
- an optional gold event with no `source` (or `target`) accepts any actor on that side.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from proxywatch.errors import ConfigError
from proxywatch.evaluation.scores import Score
from proxywatch.extract.records import Extraction
from proxywatch.ontology import load_ontology


@dataclass
class GoldReport:
    """Scores and the misses and false hits behind them."""

    mentions: Score
    events: Score
    event_types: Score
    ties: Score
    alignment: dict[str, str | None]
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_hits: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions.as_dict(),
            "events": self.events.as_dict(),
            "event_types": self.event_types.as_dict(),
            "ties": self.ties.as_dict(),
            "alignment": self.alignment,
            "misses": self.misses,
            "false_hits": self.false_hits,
        }


def load_gold(path: Path) -> tuple[dict[str, Any], str]:
    """The gold annotation and the text of the document it annotates."""
    try:
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(gold, dict) or "document" not in gold:
        raise ConfigError(f"{path}: gold file needs a 'document' key")
    for base in (path.parent, path.parent.parent):
        candidate = base / gold["document"]
        if candidate.exists():
            return gold, candidate.read_text(encoding="utf-8")
    raise ConfigError(f"{path}: document {gold['document']!r} not found beside the gold file")


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _form_pattern(form: str) -> re.Pattern[str]:
    """A gold form as whole words; its spaces match any white space (PDF text wraps names)."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, form.split())) + r"(?!\w)")


def gold_occurrences(gold: dict[str, Any], text: str) -> list[tuple[int, int, str]]:
    """(start, end, gold actor id) of every gold mention form in the text, longest forms first
    (a form's spaces match any white space, so a name wrapped across lines is an occurrence)."""
    forms = [(form, actor["id"]) for actor in gold["actors"] for form in actor.get("mentions", [])]
    forms.sort(key=lambda f: -len(f[0]))
    taken = [False] * len(text)
    found = []
    for form, actor_id in forms:
        pattern = _form_pattern(form)
        for m in pattern.finditer(text):
            if not any(taken[m.start() : m.end()]):
                for i in range(m.start(), m.end()):
                    taken[i] = True
                found.append((m.start(), m.end(), actor_id))
    return sorted(found)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / (max(a[1], b[1]) - min(a[0], b[0])) if inter > 0 else 0.0


def align(
    occurrences: list[tuple[int, int, str]],
    extraction: Extraction,
    own: dict[str, list[tuple[int, int]]] | None = None,
) -> dict[str, str]:
    """Extracted actor id -> gold actor id, one-to-one and greedy, by how well the extracted
    mentions cover each gold actor's forms: each overlap votes with its span overlap (Jaccard),
    so "Iran" in "Iran-backed armed groups" votes for the gold actor Iran (its nested form "Iran"
    matches exactly) far more than for the militias. ``own`` holds every gold actor's own form
    occurrences, nested ones included (default: the top-level occurrences)."""
    places = own if own is not None else {}
    if own is None:
        for start, end, gold_id in occurrences:
            places.setdefault(gold_id, []).append((start, end))
    votes: dict[tuple[str, str], float] = defaultdict(float)
    for m in extraction.mentions:
        for gold_id, spans in places.items():
            best = max((_jaccard((m.start, m.end), span) for span in spans), default=0.0)
            if best > 0:
                votes[(m.actor_id, gold_id)] += best
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for (ext, gold_id), _n in sorted(votes.items(), key=lambda kv: -kv[1]):
        if ext not in mapping and gold_id not in used:
            mapping[ext] = gold_id
            used.add(gold_id)
    return mapping


def actor_occurrences(gold: dict[str, Any], text: str) -> dict[str, list[tuple[int, int]]]:
    """Every place each gold actor's own forms occur, nested inside other actors' forms too
    ("Iranian" inside "Iranian proxy militias" is still a mention of Iran)."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for actor in gold["actors"]:
        for form in actor.get("mentions", []):
            pattern = _form_pattern(form)
            found[actor["id"]].extend((m.start(), m.end()) for m in pattern.finditer(text))
    return found


def score_mentions(
    occurrences: list[tuple[int, int, str]],
    extraction: Extraction,
    mapping: dict[str, str],
    own: dict[str, list[tuple[int, int]]],
) -> tuple[Score, list[str], list[str]]:
    """Recall over the top-level gold occurrences; precision over extracted mentions, each right
    when it lies on a form of the gold actor it is aligned to (nested forms count)."""
    hit_gold: set[int] = set()
    tp = fp = 0
    false_hits = []
    for m in extraction.mentions:
        gold_id = mapping.get(m.actor_id)
        span = (m.start, m.end)
        matched = [i for i, (s, e, g) in enumerate(occurrences) if g == gold_id and _overlaps(span, (s, e))]
        hit_gold.update(matched)
        if matched or any(_overlaps(span, place) for place in own.get(gold_id or "", [])):
            tp += 1
        else:
            fp += 1
            false_hits.append(f"{m.text!r} -> {m.actor_id}")
    misses = [f"{g}: {s}-{e}" for i, (s, e, g) in enumerate(occurrences) if i not in hit_gold]
    return Score(tp=len(hit_gold), fp=fp, fn=len(occurrences) - len(hit_gold), tp_pred=tp), misses, false_hits


def _sentence_has(text: str, start: int, end: int, evidence: str) -> bool:
    return evidence in text[start:end]


def _side_matches(aligned: str | None, gold_event: dict[str, Any], side: str) -> bool:
    """Whether an extracted actor fills a gold event's side: it is aligned to one of the gold ids,
    or the gold event is optional and names no actor on that side (any actor will do)."""
    ids = as_list(gold_event.get(side))
    if not ids:
        return bool(gold_event.get("optional"))
    return aligned in ids


def score_events(
    gold: dict[str, Any], text: str, extraction: Extraction, mapping: dict[str, str], typed: bool
) -> tuple[Score, list[str], list[str]]:
    matched_gold: set[str] = set()
    tp = fp = 0
    false_hits = []
    for ev in extraction.events:
        hits = []
        for g in gold.get("events", []):
            if not _sentence_has(text, ev.evidence.start, ev.evidence.end, g["evidence"]):
                continue
            if ev.type not in [g["type"], *as_list(g.get("also"))]:
                continue
            if typed and not (
                _side_matches(mapping.get(ev.source or ""), g, "source")
                and _side_matches(mapping.get(ev.target or ""), g, "target")
            ):
                continue
            hits.append(g)
        required = [g for g in hits if not g.get("optional")]
        if required:
            tp += 1
            matched_gold.update(g["id"] for g in required)
        elif not hits:
            fp += 1
            false_hits.append(f"{ev.type} {ev.source} -> {ev.target}: {ev.evidence.sentence[:90]!r}")
    required_gold = [g for g in gold.get("events", []) if not g.get("optional")]
    misses = [
        f"{g['id']} {g['type']} {as_list(g.get('source'))} -> {as_list(g.get('target'))}: "
        f"{g['evidence'][:80]!r}"
        for g in required_gold
        if g["id"] not in matched_gold
    ]
    return Score(tp=len(matched_gold), fp=fp, fn=len(misses), tp_pred=tp), misses, false_hits


def _tie_key(source: str | None, tie: str, target: str | None) -> tuple[Any, ...]:
    """A tie as compared: its ends in order, or in either order for a tie type the ontology
    declares undirected (``allied_with``, ``hostile_to``: "X and Y are allies" has no direction)."""
    known = load_ontology().tie_types.get(tie)
    if known is not None and not known.directed and source is not None and target is not None:
        source, target = sorted((source, target))
    return (source, tie, target)


def score_ties(
    gold: dict[str, Any], extraction: Extraction, mapping: dict[str, str]
) -> tuple[Score, list[str], list[str]]:
    gold_ties = gold.get("ties") or []
    gold_set = {_tie_key(t["source"], t["tie"], t["target"]) for t in gold_ties if not t.get("optional")}
    optional = {_tie_key(t["source"], t["tie"], t["target"]) for t in gold_ties if t.get("optional")}
    optional -= gold_set
    got = {_tie_key(mapping.get(t.source), t.tie, mapping.get(t.target)) for t in extraction.ties}
    raw: dict[tuple[Any, ...], str] = defaultdict(str)
    for t in extraction.ties:
        raw[_tie_key(mapping.get(t.source), t.tie, mapping.get(t.target))] = f"{t.source} {t.tie} {t.target}"
    tp = len(gold_set & got)
    wrong = got - gold_set - optional  # an optional tie found is neither a hit nor a false hit
    false_hits = [raw[k] for k in wrong]
    misses = [f"{s} {t} {o}" for s, t, o in sorted(gold_set - got)]
    return Score(tp, len(wrong), len(gold_set - got)), misses, false_hits


def score_document(gold: dict[str, Any], text: str, extraction: Extraction) -> GoldReport:
    """Score one document's extraction against its gold annotation."""
    occurrences = gold_occurrences(gold, text)
    own = actor_occurrences(gold, text)
    mapping = align(occurrences, extraction, own)
    mentions, m_miss, m_false = score_mentions(occurrences, extraction, mapping, own)
    events, e_miss, e_false = score_events(gold, text, extraction, mapping, typed=True)
    types, _t_miss, _t_false = score_events(gold, text, extraction, mapping, typed=False)
    ties, t_miss, t_false = score_ties(gold, extraction, mapping)
    alignment: dict[str, str | None] = {a["id"]: None for a in gold["actors"]}
    for ext, gold_id in mapping.items():
        alignment[gold_id] = ext
    return GoldReport(
        mentions=mentions,
        events=events,
        event_types=types,
        ties=ties,
        alignment=alignment,
        misses={"mentions": m_miss, "events": e_miss, "ties": t_miss},
        false_hits={"mentions": m_false, "events": e_false, "ties": t_false},
    )


def evaluate_gold(path: Path, published: date | None = None, model: str | None = None) -> GoldReport:
    """Extract the gold file's document and score the result."""
    from proxywatch.extract import extract_text

    gold, text = load_gold(path)
    when = published or (date.fromisoformat(str(gold["published"])) if gold.get("published") else None)
    return score_document(gold, text, extract_text(text, when, model=model))


def _summed(scores: list[Score]) -> Score:
    return Score(
        tp=sum(s.tp for s in scores),
        fp=sum(s.fp for s in scores),
        fn=sum(s.fn for s in scores),
        tp_pred=sum(s.tp if s.tp_pred is None else s.tp_pred for s in scores),
    )


@dataclass
class CorpusReport:
    """Micro-averaged scores over a corpus of gold documents, and each document's report."""

    documents: dict[str, GoldReport]

    def total(self, what: str) -> Score:
        return _summed([getattr(r, what) for r in self.documents.values()])

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            **{what: self.total(what).as_dict() for what in ("mentions", "events", "event_types", "ties")},
            "by_document": {doc_id: r.as_dict() for doc_id, r in self.documents.items()},
        }


def load_gold_dir(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold annotations under a folder (recursively), keyed by the document id they name."""
    if not gold_dir.is_dir():
        raise ConfigError(f"{gold_dir}: not a folder of gold files")
    golds: dict[str, dict[str, Any]] = {}
    for path in sorted(gold_dir.rglob("*.yaml")):
        try:
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read gold file: {exc}") from exc
        if not isinstance(gold, dict) or "document" not in gold or "actors" not in gold:
            raise ConfigError(f"{path}: gold file needs 'document' and 'actors' keys")
        golds[str(gold["document"])] = gold
    if not golds:
        raise ConfigError(f"{gold_dir}: no gold files (*.yaml) found")
    return golds


def evaluate_corpus(corpus: Path, gold_dir: Path, model: str | None = None) -> CorpusReport:
    """Extract every document of ``corpus`` (any format ingest reads; JSONL ``id`` names the
    document) that has a gold file in ``gold_dir``, as ``proxywatch extract`` would, and score it."""
    from proxywatch.extract import extract_many
    from proxywatch.ingest.records import RawDocument
    from proxywatch.ingest.walk import read_path

    golds = load_gold_dir(gold_dir)
    docs = [d for d in read_path(corpus) if isinstance(d, RawDocument) and d.external_id in golds]
    missing = set(golds) - {d.external_id for d in docs}
    if missing:
        raise ConfigError(f"{corpus}: no document for gold file(s) {', '.join(sorted(missing))}")
    extractions = extract_many(((d.text, d.published, d.source) for d in docs), model=model)
    reports = {
        str(d.external_id): score_document(golds[str(d.external_id)], d.text, ext)
        for d, ext in zip(docs, extractions, strict=True)
    }
    return CorpusReport(reports)
