"""Check real-news gold files against their documents (run before committing a gold file).

    python eval/realnews/check_gold.py eval/realnews/gold/*.yaml

Checks that every mention form and every evidence string occurs verbatim in the document,
that evidence stays inside one sentence (no line break; a warning for a sentence-ending
full stop inside it), that event and tie actor ids are defined, and that types and modes
exist in proxywatch's ontology. Reads only the gold files and the corpus; runs no extraction.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ONTOLOGY = ROOT / "proxywatch" / "ontology" / "data"
ACTOR_TYPES = set(yaml.safe_load((ONTOLOGY / "actor_types.yaml").read_text())["actor_types"])
EVENT_TYPES = yaml.safe_load((ONTOLOGY / "event_types.yaml").read_text())["event_types"]
TIE_TYPES = set(yaml.safe_load((ONTOLOGY / "tie_types.yaml").read_text())["tie_types"])
ABBREVIATIONS = re.compile(r"(?:\b[A-Z]\.|\b(?:Gen|Lt|Col|Maj|Sgt|Adm|Capt|Mr|Mrs|Ms|Dr|St|No|Jr|Sr)\.)$")


def corpus(path: Path) -> dict[str, str]:
    return {
        json.loads(line)["id"]: json.loads(line)["text"]
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


def _ids(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def check(path: Path, texts: dict[str, str]) -> tuple[list[str], list[str]]:
    """(errors, warnings) for one gold file."""
    errors: list[str] = []
    warnings: list[str] = []
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc = str(gold.get("document"))
    if doc not in texts:
        return [f"document {doc!r} is not in the corpus"], []
    text = texts[doc]
    actor_ids = set()
    for actor in gold.get("actors") or []:
        aid = actor.get("id")
        if aid in actor_ids:
            errors.append(f"actor {aid}: defined twice")
        actor_ids.add(aid)
        if actor.get("type") not in ACTOR_TYPES:
            errors.append(f"actor {aid}: unknown type {actor.get('type')!r}")
        for form in actor.get("mentions") or []:
            if not re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                errors.append(f"actor {aid}: form {form!r} not found as whole words in the text")
        if not actor.get("mentions"):
            warnings.append(f"actor {aid}: no mentions")
    for ev in gold.get("events") or []:
        label = f"event {ev.get('id')}"
        if ev.get("type") not in EVENT_TYPES:
            errors.append(f"{label}: unknown type {ev.get('type')!r}")
        for also in _ids(ev.get("also")):
            if also not in EVENT_TYPES:
                errors.append(f"{label}: unknown also-type {also!r}")
        mode = ev.get("mode")
        if mode and ev.get("type") in EVENT_TYPES and mode not in EVENT_TYPES[ev["type"]]["modes"]:
            errors.append(f"{label}: mode {mode!r} is not a mode of {ev['type']}")
        for role in ("source", "target"):
            for aid in _ids(ev.get(role)):
                if aid not in actor_ids:
                    errors.append(f"{label}: {role} {aid!r} is not a gold actor")
        _check_evidence(label, ev.get("evidence"), text, errors, warnings)
    event_ids = {ev.get("id") for ev in gold.get("events") or []}
    for ev in gold.get("events") or []:
        if ev.get("responds_to") and ev["responds_to"] not in event_ids:
            errors.append(f"event {ev.get('id')}: responds_to {ev['responds_to']!r} is not an event")
    for i, tie in enumerate(gold.get("ties") or []):
        label = f"tie {i + 1}"
        if tie.get("tie") not in TIE_TYPES:
            errors.append(f"{label}: unknown tie {tie.get('tie')!r}")
        for role in ("source", "target"):
            if tie.get(role) not in actor_ids:
                errors.append(f"{label}: {role} {tie.get(role)!r} is not a gold actor")
        if tie.get("valid") not in (None, "former", "current"):
            errors.append(f"{label}: valid must be former or current")
        _check_evidence(label, tie.get("evidence"), text, errors, warnings)
    return errors, warnings


def _check_evidence(label: str, evidence: object, text: str, errors: list[str], warnings: list[str]) -> None:
    if not isinstance(evidence, str) or not evidence:
        errors.append(f"{label}: no evidence")
        return
    if evidence not in text:
        errors.append(f"{label}: evidence {evidence[:60]!r} is not verbatim in the text")
    if "\n" in evidence:
        errors.append(f"{label}: evidence crosses a line break")
    for m in re.finditer(r"[.!?]\s+[A-Z“\"]", evidence):
        if not ABBREVIATIONS.search(evidence[: m.start() + 1]):
            warnings.append(f"{label}: evidence may cross a sentence end: {evidence[:60]!r}")


def main(argv: list[str]) -> int:
    texts = corpus(ROOT / "proxywatch" / "demo" / "corpus" / "articles.jsonl")
    paths = [Path(a) for a in argv] or sorted((HERE / "gold").rglob("*.yaml"))
    bad = 0
    for path in paths:
        try:
            errors, warnings = check(path, texts)
        except (OSError, yaml.YAMLError, AttributeError, TypeError) as exc:
            errors, warnings = [f"cannot read: {exc}"], []
        for w in warnings:
            print(f"{path.name}: warning: {w}")
        for e in errors:
            print(f"{path.name}: ERROR: {e}")
        bad += bool(errors)
        if not errors:
            print(f"{path.name}: ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
