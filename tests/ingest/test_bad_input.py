"""A folder of bad inputs: each is reported with its reason, nothing good is lost, re-runs are idempotent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from proxywatch.ingest import ingest_paths
from proxywatch.settings import IngestOptions
from proxywatch.store.db import Store
from proxywatch.store.schema import documents, ingest_errors

GOOD = [
    "Kataib Hezbollah fired rockets at a base hosting American troops in western Iraq on Tuesday, "
    "officials said, days after the group had promised to halt its attacks.",
    "Iraqi security forces arrested a militia commander in Baghdad on Wednesday after a raid on a "
    "compound used by the group, the counter-terrorism service said in a statement.",
    "The Quds Force commander met militia leaders in Baghdad and asked them to stop attacking the "
    "U.S. Embassy until the talks in Vienna were over, two officials said.",
]
FRENCH = (
    "Les milices irakiennes ont attaqué l'ambassade américaine à Bagdad jeudi soir avec des "
    "roquettes, selon des responsables de la sécurité irakienne."
)


def make_folder(root: Path) -> Path:
    folder = root / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / "good1.txt").write_text(GOOD[0], encoding="utf-8")
    (folder / "nested" / "good2.html").write_text(
        f"<html><head><title>Raid</title></head><body><article><p>{GOOD[1]}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "mixed.jsonl").write_text(
        json.dumps({"text": GOOD[2]})
        + "\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": "   "})
        + "\n",
        encoding="utf-8",
    )
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (folder / "scan.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (folder / "latin1.txt").write_bytes("Le caf\xe9 est servi chaque matin.".encode("latin-1"))
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (folder / "huge.txt").write_text("word " * 2000, encoding="utf-8")
    (folder / "broken.rss").write_text("<rss><channel><item><title>x</ti", encoding="utf-8")
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "notmarkup.html").write_text("just some words with no tags", encoding="utf-8")
    (folder / "README.md").write_text("This folder holds test input.", encoding="utf-8")
    return folder


EXPECTED_KINDS = {
    ("mixed.jsonl", 2): "malformed",
    ("mixed.jsonl", 3): "malformed",
    ("mixed.jsonl", 4): "empty",
    ("image.png", None): "binary",
    ("scan.txt", None): "binary",
    ("latin1.txt", None): "encoding",
    ("empty.txt", None): "empty",
    ("blank.txt", None): "empty",
    ("huge.txt", None): "too_large",
    ("broken.rss", 2): "malformed",  # expat reports the end of input, after the last line
    ("french.txt", None): "language",
    ("notmarkup.html", None): "malformed",
}


@pytest.fixture
def options() -> IngestOptions:
    return IngestOptions(max_chars=5000)


def test_each_bad_input_is_reported_and_good_ones_kept(
    store: Store, tmp_path: Path, options: IngestOptions
) -> None:
    folder = make_folder(tmp_path)
    report = ingest_paths(store, [folder], options)
    got = {(Path(p.origin).name, p.line): p.kind for p in report.problems}
    assert got == EXPECTED_KINDS
    assert all(p.reason for p in report.problems)
    assert report.added == 3 and not report.ok
    with store.connect() as conn:
        texts = {r.text for r in conn.execute(select(documents.c.text))}
        recorded = conn.execute(select(ingest_errors.c.kind)).all()
    assert any(GOOD[0] in t for t in texts) and any(GOOD[1] in t for t in texts) and GOOD[2] in texts
    assert len(recorded) == len(EXPECTED_KINDS)


def test_rerun_is_idempotent(store: Store, tmp_path: Path, options: IngestOptions) -> None:
    folder = make_folder(tmp_path)
    ingest_paths(store, [folder], options)
    again = ingest_paths(store, [folder], options)
    assert again.added == 0 and again.duplicates == 3
    with store.connect() as conn:
        assert len(conn.execute(select(documents.c.id)).all()) == 3
        times = {r.times for r in conn.execute(select(ingest_errors.c.times))}
    assert len(times) == 1 and times == {2}


def test_any_language_keeps_non_english(sqlite_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    strict = ingest_paths(sqlite_store, [path], IngestOptions())
    assert [p.kind for p in strict.problems] == ["language"]
    loose = ingest_paths(sqlite_store, [path], IngestOptions(any_language=True))
    assert loose.added == 1 and loose.ok


def test_a_failure_inside_a_document_leaves_nothing_half_written(sqlite_store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD[1], encoding="utf-8")

    def crash_on_second(conn: object, doc_id: str, doc: object) -> None:
        if "arrested" in getattr(doc, "text", ""):
            raise RuntimeError("simulated crash after the document row was written")

    with pytest.raises(RuntimeError):
        ingest_paths(sqlite_store, [tmp_path], IngestOptions(), on_document=crash_on_second)
    with sqlite_store.connect() as conn:
        stored = [r.text for r in conn.execute(select(documents.c.text))]
    assert stored == [GOOD[0]]


def test_duplicates_by_normalised_text(sqlite_store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text("  " + GOOD[0].upper().replace(" ", "\n "), encoding="utf-8")
    report = ingest_paths(sqlite_store, [tmp_path], IngestOptions())
    assert (report.added, report.duplicates) == (1, 1)


def test_fallback_published_date_for_undated_files(sqlite_store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD[0], encoding="utf-8")
    ingest_paths(sqlite_store, [tmp_path], IngestOptions(published="2021-06-27"))
    with sqlite_store.connect() as conn:
        row = conn.execute(select(documents.c.published, documents.c.published_from)).one()
    assert str(row.published) == "2021-06-27" and row.published_from == "option"


def test_a_document_the_extractor_fails_on_is_reported_and_the_rest_stored(
    sqlite_store: Store, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, text in enumerate(GOOD):
        (inbox / f"{i}.txt").write_text(text, encoding="utf-8")

    def run(docs: list[object]) -> list[object]:
        if any("arrested" in getattr(d, "text", "") for d in docs):
            raise ValueError("parser blew up")
        return [{"ok": True} for _ in docs]

    written: list[str] = []
    report = ingest_paths(
        sqlite_store,
        [inbox],
        IngestOptions(),
        processor=(run, lambda conn, doc_id, doc, result: written.append(doc_id)),
    )
    assert report.added == 2 and len(written) == 2
    assert [(p.kind, "parser blew up" in p.reason) for p in report.problems] == [("extraction", True)]
    again = ingest_paths(
        sqlite_store,
        [inbox],
        IngestOptions(),
        processor=(lambda docs: [{"ok": True} for _ in docs], lambda *a: None),
    )
    assert again.added == 1 and again.ok  # the failed one is tried again, and now lands
