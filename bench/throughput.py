"""Throughput of the whole extraction against bare spaCy on the same texts, and peak memory.

    python bench/throughput.py [--texts 2000] [--repeat 1] [--model NAME]

Texts: ``--texts`` texts made of pairs of paragraphs of the bundled public-domain demo corpus
(the same texts as ``bench/scale.py``), plus the seed article when ../shared is present. Both
runs use the same spaCy model, the same batch size and the same texts; each is timed after a
warm-up, best of ``--repeat``. Prints tokens per second for each, their ratio (target: the
whole extraction at 0.8 or more of bare spaCy's speed) and the process's peak memory (target:
1.5 GB or less).
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import spacy

from proxywatch.demo import corpus_dir
from proxywatch.extract import build_pipeline
from proxywatch.settings import spacy_model


def texts(n: int) -> list[str]:
    rows = [json.loads(line) for line in (corpus_dir() / "articles.jsonl").read_text("utf-8").splitlines()]
    paras = [p.strip() for r in rows for p in r["text"].split("\n") if len(p.strip()) > 80]
    k = len(paras)
    docs = [f"{paras[i % k]}\n\n{paras[(i + 1 + i // k) % k]}" for i in range(n)]
    seed = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "article.txt"
    if seed.exists():
        docs.append(seed.read_text(encoding="utf-8"))
    return docs


def best_time(nlp: spacy.Language, corpus: list[str], repeat: int) -> float:
    list(nlp.pipe(corpus[:4]))  # warm-up: lazy tables, caches
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _doc in nlp.pipe(corpus, batch_size=16):
            pass
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--texts", type=int, default=2000)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    corpus = texts(args.texts)
    name = spacy_model(args.model)
    bare = spacy.load(name)
    words = sum(len(doc) for doc in bare.pipe(corpus))
    full = build_pipeline(args.model)
    t_bare = best_time(bare, corpus, args.repeat)
    t_full = best_time(full, corpus, args.repeat)
    print(f"texts {len(corpus)}, tokens {words}, model {name}, best of {args.repeat}")
    print(f"bare spaCy          {words / t_bare:10.0f} tokens/s  ({t_bare:.2f} s)")
    print(f"proxywatch extract  {words / t_full:10.0f} tokens/s  ({t_full:.2f} s)")
    print(f"ratio (extract / bare) {t_bare / t_full:.2f}  (target >= 0.80)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6  # KiB on Linux -> GB
    print(f"peak memory {peak:.2f} GB  (target <= 1.5)")


if __name__ == "__main__":
    main()
