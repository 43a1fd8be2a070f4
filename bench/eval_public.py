"""Score extraction on the public labelled sets in ../shared/data (read each SOURCE.md there).

    python bench/eval_public.py [--data ../shared/data] [--limit N] [--only plover,cameo,re3d]

Prints first the PRODUCT-LEVEL block: what `proxywatch extract` outputs (extract_many), where a
gold sentence counts only when the output holds an event of its gold PLOVER type (plover-gsr)
or an event whose type maps to its gold five-way class (conflibert-cameo); a sentence with no
event output counts as wrong. Then, as SECONDARY / DIAGNOSTIC figures: PLOVER event-type
accuracy where a sentence with no event falls back to its top trigger (internal, not output),
per-class and macro F1 and a confusion table, source/target actor text F1 (plover-gsr);
five-way class accuracy on the same fallback and source/target span F1 (conflibert-cameo);
Person/Organisation mention F1, IsSynonymOf pairs resolved to one actor, and InChargeOf recall
as commands/leads ties (re3d). Nothing here is tuned per record: the extractor runs as shipped,
and part of each set is held out elsewhere.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc

from proxywatch.evaluation.scores import Score
from proxywatch.extract import Event, Extraction, build_pipeline, extract_many, extract_text
from proxywatch.extract.pipeline import to_extraction
from proxywatch.ontology import load_ontology

# PLOVER 0.5 types that later versions folded into the 16 (PLOVER's own CAMEO2PLOVER notes):
# DEMAND joined REQUEST, DISAPPROVE and INVESTIGATE became ACCUSE modes, FIGHT joined ASSAULT.
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# conflibert-cameo five-way labels, as read from the examples (printed below for checking).
CAMEO_CLASSES = {
    0: "statement",
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
NONE = "NONE"


def parsed(texts: Iterable[str]) -> list[Doc | None]:
    """Each text through the pipeline; when the extractor raises, the texts go one at a time
    and the ones it raises on are None (reported, so a crash is not hidden)."""
    nlp = build_pipeline()
    texts = list(texts)
    try:
        return list(nlp.pipe(texts, batch_size=32))
    except Exception:  # a crash on one text must not stop the whole evaluation
        docs: list[Doc | None] = []
        for text in texts:
            try:
                docs.append(nlp(text))
            except Exception as exc:
                cause = exc.__cause__ or exc  # spaCy wraps a component's KeyError in a ValueError
                print(f"  extractor raised {type(cause).__name__}: {cause} on: {text[:90]!r}")
                docs.append(None)
        return docs


def run(texts: Iterable[str]) -> list[Extraction]:
    """Extractions (empty where the extractor raised)."""
    return [to_extraction(doc) if doc is not None else Extraction() for doc in parsed(texts)]


def main_event(ext: Extraction) -> Event | None:
    """The sentence's main event: an asserted one before an intended or hypothetical one (what
    was agreed, not what the agreement promises), then the most confident, then the first."""
    if not ext.events:
        return None
    ranked = sorted(
        enumerate(ext.events),
        key=lambda p: (p[1].intended or p[1].hypothetical, -p[1].evidence.confidence, p[0]),
    )
    return ranked[0][1]


def product(texts: list[str]) -> tuple[list[Extraction], int]:
    """What `proxywatch extract` outputs for each text (no publication date), and how many
    texts the extractor raised on; those count as no output (the CLI would stop there)."""
    try:
        return list(extract_many((t, None) for t in texts)), 0
    except Exception:  # score the rest, and say how many raised
        out, failed = [], 0
        for text in texts:
            try:
                out.append(extract_text(text))
            except Exception:
                out.append(Extraction())
                failed += 1
        return out, failed


def main_type(texts: list[str]) -> list[tuple[str, Extraction]]:
    """(predicted event type, extraction) per text: the first coded event, else the top trigger."""
    from proxywatch.extract.events import EventCoder
    from proxywatch.extract.modality import load_modality

    fallback = EventCoder(load_ontology(), load_modality())
    result = []
    for doc in parsed(texts):
        if doc is None:
            result.append((NONE, Extraction()))
            continue
        ext = to_extraction(doc)
        if ext.events:
            best = main_event(ext)
            assert best is not None
            result.append((best.type, ext))
            continue
        triggers = [t for t in fallback.find_triggers(doc) if t.embedded_in != "content"]
        if triggers:

            def depth(tok) -> int:  # type: ignore[no-untyped-def]
                d = 0
                while tok.head.i != tok.i:
                    tok, d = tok.head, d + 1
                return d

            top = min(triggers, key=lambda t: (depth(t.token), t.token.i))
            negated, intended, _ = fallback.modality(top)  # the coder's own recoding of intent
            result.append((fallback.recode(top.type, top.mode, negated, intended)[0], ext))
        else:
            result.append((NONE, ext))
    return result


def confusion(gold: list[str], pred: list[str], labels: list[str]) -> None:
    width = max(len(label) for label in labels + [NONE]) + 1
    cols = labels + ([NONE] if NONE in pred and NONE not in labels else [])
    print("confusion (rows gold, columns predicted):")
    print(" " * width + "".join(c[:5].rjust(6) for c in cols))
    counts = Counter(zip(gold, pred, strict=True))
    for g in labels:
        if g in gold:
            print(g.ljust(width) + "".join(str(counts[(g, p)] or ".").rjust(6) for p in cols))


def per_class(gold: list[str], pred: list[str], labels: list[str], show: bool = True) -> float:
    """Macro F1 over the labels that occur in gold; with ``show``, the per-class table too."""
    f1s = []
    if show:
        print(f"{'class':<22}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        if tp + fn == 0:
            continue
        s = Score(tp, fp, fn)
        f1s.append(s.f1)
        if show:
            print(f"{label:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{tp + fn:>6}")
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    if show:
        print(f"macro F1 {macro:.3f}")
    return macro


def share(k: int, n: int) -> str:
    return f"{k / max(n, 1):.3f} ({k}/{n})"


def norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def text_match(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a in b or b in a)


def text_f1(pairs: list[tuple[list[str], list[str]]]) -> Score:
    """Actor-text F1: a predicted text is right when it overlaps a gold text as a substring."""
    tp_pred = fp = tp = fn = 0
    for predicted, gold in pairs:
        for p in predicted:
            if any(text_match(p, g) for g in gold):
                tp_pred += 1
            else:
                fp += 1
        for g in gold:
            if any(text_match(p, g) for p in predicted):
                tp += 1
            else:
                fn += 1
    return Score(tp, fp, fn, tp_pred)


def mention_text(ext: Extraction, actor_id: str | None, text: str) -> list[str]:
    return [m.text for m in ext.mentions if m.actor_id == actor_id][:1] if actor_id else []


# -- plover-gsr ----------------------------------------------------------------------------------
def plover_records(data: Path, limit: int | None) -> list[dict]:  # type: ignore[type-arg]
    records = [
        r
        for r in json.loads((data / "plover-gsr" / "records.json").read_text())
        if "event" in r and "text" in r
    ]
    return records[:limit] if limit else records


def product_plover(data: Path, limit: int | None) -> None:
    """Product level: a sentence is right only when the output holds an event of its gold type."""
    records = plover_records(data, limit)
    gold = [OLD_TYPES.get(r["event"], r["event"]) for r in records]
    extractions, failed = product([r["text"] for r in records])
    n = len(records)
    right = sum(any(e.type == g for e in ext.events) for g, ext in zip(gold, extractions, strict=True))
    with_event = sum(bool(ext.events) for ext in extractions)
    pred = [event.type if (event := main_event(ext)) else NONE for ext in extractions]
    macro = per_class(gold, pred, sorted(load_ontology().event_types), show=False)
    print(f"plover-gsr (product level): n sentences {n}")
    print(f"  type accuracy (an output event of the gold type)  {share(right, n)}")
    print(f"  sentences with any event output                   {share(with_event, n)}")
    print(f"  macro-F1 over types (main event; no event = NONE) {macro:.3f}")
    if failed:
        print(f"  the extractor RAISED on {failed} sentence(s), counted as no output")


def eval_plover(data: Path, limit: int | None) -> None:
    records = plover_records(data, limit)
    texts = [r["text"] for r in records]
    gold = [OLD_TYPES.get(r["event"], r["event"]) for r in records]
    print(f"\n== plover-gsr (diagnostic): {len(records)} sentences ==")
    predictions = main_type(texts)
    pred = [p for p, _ in predictions]
    labels = sorted(load_ontology().event_types)
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    print(f"event type accuracy, main event else top trigger (internal, not output) {accuracy:.3f}")
    per_class(gold, pred, labels)
    confusion(gold, pred, labels)
    src_pairs, tgt_pairs = [], []
    for record, (_, ext) in zip(records, predictions, strict=True):
        event = main_event(ext)
        g_src = [a["actorText"] for a in record.get("source", []) if isinstance(a, dict)]
        g_tgt = (
            [a["actorText"] for a in record.get("target", []) if isinstance(a, dict)]
            if isinstance(record.get("target"), list)
            else []
        )
        src_pairs.append((mention_text(ext, event.source if event else None, record["text"]), g_src))
        tgt_pairs.append((mention_text(ext, event.target if event else None, record["text"]), g_tgt))
    for name, pairs in (("source", src_pairs), ("target", tgt_pairs)):
        s = text_f1(pairs)
        print(f"{name} actor text: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")


# -- conflibert-cameo ---------------------------------------------------------------------------
def read_bio(path: Path) -> list[list[tuple[str, str]]]:
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, _, tag = line.rpartition(" ")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def bio_spans(tokens: list[tuple[str, str]]) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Text joined with single spaces, and the character spans of S and T tags."""
    text, spans, pos = [], defaultdict(list), 0
    open_span: tuple[str, int] | None = None
    end = 0
    for token, tag in tokens:
        start = pos
        text.append(token)
        pos += len(token) + 1
        kind = tag[2:] if "-" in tag else None
        if tag.startswith("B-") or not tag.startswith("I-") or (open_span and open_span[0] != kind):
            if open_span:
                spans[open_span[0]].append((open_span[1], end))
                open_span = None
            if tag.startswith(("B-", "I-")) and kind:
                open_span = (kind, start)
        end = start + len(token)
    if open_span:
        spans[open_span[0]].append((open_span[1], end))
    return " ".join(text), spans


def span_score(pred: list[list[tuple[int, int]]], gold: list[list[tuple[int, int]]]) -> Score:
    tp_pred = fp = tp = fn = 0
    for p_spans, g_spans in zip(pred, gold, strict=True):

        def hit(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
            return any(a[0] < b[1] and b[0] < a[1] for b in spans)

        tp_pred += sum(hit(p, g_spans) for p in p_spans)
        fp += sum(not hit(p, g_spans) for p in p_spans)
        tp += sum(hit(g, p_spans) for g in g_spans)
        fn += sum(not hit(g, p_spans) for g in g_spans)
    return Score(tp, fp, fn, tp_pred)


def cameo_rows(data: Path, limit: int | None) -> list[tuple[str, int]]:
    rows = []
    for line in (
        (data / "conflibert-cameo" / "cameo_class" / "train.tsv").read_text(encoding="utf-8").splitlines()
    ):
        text, _, label = line.rpartition("\t")
        if label.strip().isdigit():
            rows.append((text, int(label)))
    return rows[:limit] if limit else rows


def product_cameo(data: Path, limit: int | None) -> None:
    """Product level: a sentence is right only when an output event's type maps to its class."""
    rows = cameo_rows(data, limit)
    onto = load_ontology()
    gold = [CAMEO_CLASSES[lab] for _, lab in rows]
    extractions, failed = product([t for t, _ in rows])

    def quad(t: str) -> str | None:
        return onto.event_types[t].quad if t in onto.event_types else None

    hits = [any(quad(e.type) == g for e in ext.events) for g, ext in zip(gold, extractions, strict=True)]
    n = len(rows)
    with_event = sum(bool(ext.events) for ext in extractions)
    events_only = [h for g, h in zip(gold, hits, strict=True) if g != "statement"]
    print(f"conflibert-cameo class (product level): n sentences {n}")
    print(f"  class accuracy (an output event of the gold class) {share(sum(hits), n)}")
    print(f"  sentences with any event output                    {share(with_event, n)}")
    print(
        "  same, on the four event classes (no PLOVER type maps to statement) "
        f"{share(sum(events_only), len(events_only))}"
    )
    if failed:
        print(f"  the extractor RAISED on {failed} sentence(s), counted as no output")


def eval_cameo(data: Path, limit: int | None) -> None:
    rows = cameo_rows(data, limit)
    print(f"\n== conflibert-cameo class (diagnostic): {len(rows)} sentences ==")
    print("label reading check (first example of each label):")
    for label in sorted(CAMEO_CLASSES):
        example = next((t for t, lab in rows if lab == label), "")
        print(f"  {label} {CAMEO_CLASSES[label]:<21} {example[:110]}")
    onto = load_ontology()
    predictions = main_type([t for t, _ in rows])
    gold = [CAMEO_CLASSES[lab] for _, lab in rows]
    pred = [onto.event_types[p].quad if p != NONE else "statement" for p, _ in predictions]
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    print(f"five-way class accuracy, main event else top trigger, none = statement {accuracy:.3f}")
    labels = list(CAMEO_CLASSES.values())
    per_class(gold, pred, labels)
    confusion(gold, pred, labels)

    sentences = read_bio(data / "conflibert-cameo" / "cameo_ner" / "train.txt")
    sentences = sentences[:limit] if limit else sentences
    texts, gold_s, gold_t = [], [], []
    for tokens in sentences:
        text, spans = bio_spans(tokens)
        texts.append(text)
        gold_s.append(spans.get("S", []))
        gold_t.append(spans.get("T", []))
    pred_s, pred_t = [], []
    for ext in run(texts):
        spans_by_actor = defaultdict(list)
        for m in ext.mentions:
            spans_by_actor[m.actor_id].append((m.start, m.end))
        event = main_event(ext)
        pred_s.append(spans_by_actor.get(event.source, [])[:1] if event and event.source else [])
        pred_t.append(spans_by_actor.get(event.target, [])[:1] if event and event.target else [])
    print(f"\n== conflibert-cameo BIO (diagnostic): {len(sentences)} sentences ==")
    for name, p, g in (("source", pred_s, gold_s), ("target", pred_t, gold_t)):
        s = span_score(p, g)
        print(f"{name} span: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")


# -- re3d -----------------------------------------------------------------------------------------
ORG_TYPES = {"armed_group", "state_agency", "political_party", "international_org", "media", "other"}


def read_lines(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def eval_re3d(data: Path, limit: int | None) -> None:
    docs, entities, relations = {}, defaultdict(list), defaultdict(list)
    for folder in sorted((data / "re3d").iterdir()):
        if not folder.is_dir():
            continue
        for d in read_lines(folder / "documents.json"):
            docs[d["_id"]] = d["text"]
        for e in read_lines(folder / "entities.json"):
            if e.get("confidence", 0) >= 0.5:
                entities[e["documentId"]].append(e)
        for r in read_lines(folder / "relations.json"):
            if r.get("confidence", 0) >= 0.5:
                relations[r["documentId"]].append(r)
    ids = sorted(docs)[:limit] if limit else sorted(docs)
    extractions = dict(zip(ids, run(docs[i] for i in ids), strict=True))
    print(f"\n== re3d (diagnostic): {len(ids)} documents ==")

    def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    for label, wanted in (("Person", {"person"}), ("Organisation", ORG_TYPES)):
        tp_pred = fp = tp = fn = 0
        for i in ids:
            ext = extractions[i]
            pred = [(m.start, m.end) for m in ext.mentions if ext.actors[m.actor_id].type in wanted]
            gold = [(e["begin"], e["end"]) for e in entities[i] if e["type"] == label]
            tp_pred += sum(any(overlap(p, g) for g in gold) for p in pred)
            fp += sum(not any(overlap(p, g) for g in gold) for p in pred)
            tp += sum(any(overlap(g, p) for p in pred) for g in gold)
            fn += sum(not any(overlap(g, p) for p in pred) for g in gold)
        s = Score(tp, fp, fn, tp_pred)
        print(f"{label} mentions: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} (gold {tp + fn})")

    def actor_at(ext: Extraction, span: tuple[int, int]) -> str | None:
        for m in ext.mentions:
            if overlap((m.start, m.end), span):
                return m.actor_id
        return None

    same = total = 0
    found_ties = gold_ties = 0
    for i in ids:
        ext = extractions[i]
        for r in relations[i]:
            src, tgt = (r["sourceBegin"], r["sourceEnd"]), (r["targetBegin"], r["targetEnd"])
            if r["type"] == "IsSynonymOf":
                total += 1
                a, b = actor_at(ext, src), actor_at(ext, tgt)
                same += a is not None and a == b
            elif r["type"] == "InChargeOf":
                gold_ties += 1
                a, b = actor_at(ext, src), actor_at(ext, tgt)
                found_ties += any(
                    t.tie in ("commands", "leads") and t.source == a and t.target == b for t in ext.ties
                )
    print(f"IsSynonymOf pairs resolved to one actor: {same}/{total} = {same / max(total, 1):.3f}")
    print(
        f"InChargeOf recall as commands/leads ties: {found_ties}/{gold_ties} = "
        f"{found_ties / max(gold_ties, 1):.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "data"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items of each set")
    parser.add_argument("--only", default="plover,cameo,re3d")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no evaluation data at {args.data} (expected ../shared/data); pass --data", file=sys.stderr)
        return 1
    wanted = set(args.only.split(","))
    present = {
        "plover": args.data / "plover-gsr" / "records.json",
        "cameo": args.data / "conflibert-cameo" / "cameo_class" / "train.tsv",
        "re3d": args.data / "re3d",
    }
    for name, path in present.items():
        if name in wanted and not path.exists():
            print(f"skipping {name}: {path} is missing", file=sys.stderr)
            wanted.discard(name)
    if wanted & {"plover", "cameo"}:
        print("== PRODUCT LEVEL: events `proxywatch extract` outputs; no event output = wrong ==")
    if "plover" in wanted:
        product_plover(args.data, args.limit)
    if "cameo" in wanted:
        product_cameo(args.data, args.limit)
    print("\n######## SECONDARY / DIAGNOSTIC figures (below: internal, not the product's output) ########")
    if "plover" in wanted:
        eval_plover(args.data, args.limit)
    if "cameo" in wanted:
        eval_cameo(args.data, args.limit)
    if "re3d" in wanted:
        eval_re3d(args.data, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
