"""Events found in short conflict-event reports (the style of ACLED event notes).

    python bench/short_reports.py [--sets dev test] [--details]

Runs the extractor (``proxywatch.extract.extract_many``, as ``proxywatch extract`` does) over
each set in ``eval/short_reports/`` (see its README) and prints, per set: the number of
reports, the share with a factual event (not negated, hypothetical or only intended) of one
of the report's accepted PLOVER types, the share with any factual event, and the same shares
for each accepted type. ``--details`` lists the dev reports without an accepted event, with
the events found instead; the test set is held out and only ever scored.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from proxywatch.extract import extract_many
from proxywatch.records import Event, Extraction

ROOT = Path(__file__).resolve().parent.parent / "eval" / "short_reports"


@dataclass(frozen=True)
class Report:
    """One short report and the PLOVER types an event found in it may have."""

    id: str
    text: str
    published: date
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    report: Report
    found: tuple[Event, ...]

    @property
    def hit(self) -> bool:
        return any(e.type in self.report.kinds for e in self.found)


def load(path: Path) -> list[Report]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Report(r["id"], r["text"], date.fromisoformat(r["published"]), tuple(r["kinds"])) for r in rows]


def factual(extraction: Extraction) -> tuple[Event, ...]:
    return tuple(e for e in extraction.events if not (e.negated or e.hypothetical or e.intended))


def run(reports: list[Report]) -> list[Outcome]:
    extractions = extract_many((r.text, r.published) for r in reports)
    return [Outcome(r, factual(x)) for r, x in zip(reports, extractions, strict=True)]


def share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def print_table(name: str, outcomes: list[Outcome]) -> None:
    n = len(outcomes)
    hits = sum(o.hit for o in outcomes)
    anything = sum(bool(o.found) for o in outcomes)
    print(f"\n{name}: n={n}  accepted kind {share(hits, n)} ({hits})  any event {share(anything, n)}")
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        for kind in outcome.report.kinds:
            by_kind[kind].append(outcome)
    print(f"  {'accepted kind':<14}{'n':>5}{'hit':>8}{'any':>8}")
    for kind, group in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        hit = sum(o.hit for o in group)
        found = sum(bool(o.found) for o in group)
        print(f"  {kind:<14}{len(group):>5}{share(hit, len(group)):>8}{share(found, len(group)):>8}")


def print_details(outcomes: list[Outcome]) -> None:
    print("\nmisses (dev):")
    for outcome in outcomes:
        if outcome.hit:
            continue
        found = ", ".join(f"{e.type}<{e.trigger}> {e.source}->{e.target}" for e in outcome.found) or "none"
        print(f"  {outcome.report.id} want {'/'.join(outcome.report.kinds)}; found {found}")
        print(f"      {outcome.report.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=["dev", "test"], choices=["dev", "test"])
    parser.add_argument("--details", action="store_true", help="list the dev reports missed")
    args = parser.parse_args()
    for name in args.sets:
        outcomes = run(load(ROOT / f"{name}.jsonl"))
        print_table(name, outcomes)
        if args.details and name == "dev":
            print_details(outcomes)


if __name__ == "__main__":
    main()
