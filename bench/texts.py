"""Texts the benchmarks ingest: pairs of paragraphs of the bundled public-domain demo corpus
(each pair once), written as JSONL files of a fixed number of records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from proxywatch.demo import corpus_dir


def corpus(n: int) -> list[dict[str, Any]]:
    """``n`` records ``{"id", "text"}``, each text two paragraphs of the demo corpus."""
    rows = [json.loads(line) for line in (corpus_dir() / "articles.jsonl").read_text("utf-8").splitlines()]
    paras = [p.strip() for r in rows for p in r["text"].split("\n") if len(p.strip()) > 80]
    k = len(paras)
    pairs = [(i % k, (i + 1 + i // k) % k) for i in range(n)]
    return [{"id": f"t{i}", "text": f"{paras[a]}\n\n{paras[b]}"} for i, (a, b) in enumerate(pairs)]


def write_files(folder: Path, records: list[dict[str, Any]], per_file: int) -> list[Path]:
    """The records in JSONL files of ``per_file`` records each under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for n, start in enumerate(range(0, len(records), per_file)):
        path = folder / f"part-{n:04d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[start : start + per_file]), "utf-8")
        files.append(path)
    return files
