"""Hostile inputs: each is reported with path, line and reason, the batch goes on, good documents are kept.

Every fixture is generated here, in ``tmp_path``; a good document sits beside each hostile one.
"""

from __future__ import annotations

import json
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, select, text
from typer.testing import CliRunner

from proxywatch.cli import app
from proxywatch.ingest import IngestProblem, RawDocument, ingest_paths, walk
from proxywatch.ingest.walk import read_bytes
from proxywatch.settings import IngestOptions
from proxywatch.store.db import Store, open_store
from proxywatch.store.schema import documents, ingest_errors

GOOD = (
    "Kataib Hezbollah fired rockets at a base hosting American troops in western Iraq on Tuesday, "
    "officials said, days after the group had promised to halt its attacks."
)
OTHER = (
    "Iraqi security forces arrested a militia commander in Baghdad on Wednesday after a raid on a "
    "compound used by the group, the counter-terrorism service said in a statement."
)


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail, rather than hang, when a reader blocks on a FIFO or device."""

    def fail(signum: int, frame: object) -> None:
        pytest.fail("ingest blocked: a special file was opened")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def stored_texts(store: Store) -> list[str]:
    with store.connect() as conn:
        return [r.text for r in conn.execute(select(documents.c.text))]


def kinds(problems: list[IngestProblem]) -> dict[tuple[str, int | None], str]:
    return {(Path(p.origin).name, p.line): p.kind for p in problems}


def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    return folder


def jsonl(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def good_line() -> str:
    return json.dumps({"text": GOOD})


def test_deeply_nested_json_line_is_reported(store: Store, tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    folder = inbox(tmp_path)
    (folder / "deep.jsonl").write_text(jsonl('{"text": "x", "a": ' + deep + "}", good_line()))
    report = ingest_paths(store, [folder])
    [problem] = report.problems
    assert (problem.line, problem.kind) == (1, "malformed") and "nested too deeply" in problem.reason
    assert stored_texts(store) == [GOOD]


def test_huge_integer_id_is_reported(store: Store, tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    (folder / "big.jsonl").write_text(jsonl('{"id": ' + "9" * 5000 + ', "text": "x"}', good_line()))
    report = ingest_paths(store, [folder])
    [problem] = report.problems
    assert (problem.line, problem.kind) == (1, "malformed") and "digits" in problem.reason
    assert stored_texts(store) == [GOOD]


def test_lone_surrogate_is_replaced_not_fatal(store: Store, tmp_path: Path) -> None:
    text = GOOD.replace("rockets", "rock\\ud800ets")
    folder = inbox(tmp_path)
    (folder / "s.jsonl").write_text(
        jsonl('{"text": "' + text + '", "title": "T\\udfff", "id": "a\\ud800"}', json.dumps({"text": OTHER}))
    )
    report = ingest_paths(store, [folder])
    assert report.ok and report.added == 2
    assert GOOD.replace("rockets", "rock\ufffdets") in stored_texts(store)


def test_undecodable_file_name_is_read_and_shown(store: Store, tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    bad = Path(os.fsdecode(os.fsencode(folder) + b"/bad\xff.txt"))
    bad.write_text(GOOD, encoding="utf-8")
    broken = Path(os.fsdecode(os.fsencode(folder) + b"/worse\xfe.jsonl"))
    broken.write_text("{oops\n" + json.dumps({"text": OTHER}) + "\n", encoding="utf-8")
    report = ingest_paths(store, [folder])
    assert report.added == 2
    [problem] = report.problems
    assert problem.origin.endswith("worse\\xfe.jsonl") and problem.line == 1
    with store.connect() as conn:
        origins = {r.origin for r in conn.execute(select(documents.c.origin))}
        errors = [r.origin for r in conn.execute(select(ingest_errors.c.origin))]
    assert any(o.endswith("bad\\xff.txt") for o in origins)
    assert errors == [problem.origin]


def test_nul_characters_are_stripped_on_every_backend(store: Store, tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    (folder / "n.jsonl").write_text(
        jsonl(json.dumps({"text": GOOD.replace("rockets", "rock\x00ets"), "title": "T\x00"}))
    )
    long_text = (OTHER + "\n") * 60  # well past the 8 KiB that the binary sniffer reads
    assert len(long_text) > 9000
    (folder / "late_nul.txt").write_text(long_text + "\x00 The raid ended at dawn.", encoding="utf-8")
    report = ingest_paths(store, [folder])
    assert report.ok and report.added == 2, report.problems
    texts = stored_texts(store)
    assert GOOD in texts and all("\x00" not in t for t in texts)


def test_fifo_given_or_found_is_reported_without_opening(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(tmp_path / "arg.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.txt"))
    try:
        report = ingest_paths(store, [folder, tmp_path / "arg.jsonl", Path("/dev/null")])
    finally:
        sock.close()
    assert kinds(report.problems) == {
        ("pipe.txt", None): "special",
        ("sock.txt", None): "special",
        ("arg.jsonl", None): "special",
        ("null", None): "special",
    }
    reasons = {Path(p.origin).name: p.reason for p in report.problems}
    assert "FIFO" in reasons["pipe.txt"] and "socket" in reasons["sock.txt"]
    assert "device" in reasons["null"]
    assert stored_texts(store) == [GOOD]


def test_links_out_of_the_folder_are_not_followed(store: Store, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text(OTHER, encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "sub" / "up.txt").symlink_to("../../secret.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "outdir").symlink_to(tmp_path, target_is_directory=True)
    (folder / "inside.txt").symlink_to("good.txt")  # a link within the folder is fine
    report = ingest_paths(store, [folder])
    got = kinds(report.problems)
    assert got == {
        ("leak.txt", None): "link",
        ("up.txt", None): "link",
        ("zero.txt", None): "link",
        ("outdir", None): "link",
    }
    assert all("outside" in p.reason for p in report.problems)
    assert stored_texts(store) == [GOOD] and report.duplicates == 1


runner = CliRunner()


def test_console_never_reads_markup_from_paths_or_text(tmp_path: Path) -> None:
    folder = tmp_path / "[bold]in["  # a file in it is shown as ".../[bold]in[/]name"
    folder.mkdir()
    (folder / "]good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "]bad :smile:.jsonl").write_text("{broken\n", encoding="utf-8")
    Path(os.fsdecode(os.fsencode(folder) + b"/x\xff.jsonl")).write_text("[/]\n", encoding="utf-8")
    db = tmp_path / "t.db"
    args = ["ingest", str(folder), str(tmp_path / "[/]gone"), "--db", str(db), "--no-extract"]
    result = runner.invoke(app, args, env={"PROXYWATCH_PROGRESS": "1"})
    assert result.exit_code == 2, result.output
    assert "[bold]in[/]bad :smile:.jsonl:1: malformed" in result.output
    assert "[bold]in[/x\\xff.jsonl:1: malformed" in result.output
    assert "[/]gone: missing" in result.output


def test_error_messages_are_not_markup(tmp_path: Path) -> None:
    open_store(str(tmp_path / "t.db")).close()  # reading commands refuse a database not there
    result = runner.invoke(app, ["control", "--patron", "[/]nobody", "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and "[/]nobody" in result.output, result.output
    assert "Traceback" not in result.output


# Random bytes never raise out of a reader: they become documents or problems.
fuzz_bytes = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _check(items: list[RawDocument | IngestProblem]) -> None:
    """Every item is storable text, and no reader failed in a way the readers do not foresee."""
    for item in items:
        if isinstance(item, IngestProblem):
            fields: list[str | None] = [item.origin, item.reason]
            assert not item.reason.startswith("reader failed"), item
        else:
            assert isinstance(item, RawDocument)
            fields = [item.text, item.title, item.url, item.source, item.external_id, item.origin]
        for value in fields:
            if value is not None:
                assert "\x00" not in value
                value.encode("utf-8")  # no lone surrogates


@pytest.mark.parametrize("fmt", ["text", "html", "feed", "jsonl"])
@settings(max_examples=50, deadline=None)
@given(data=fuzz_bytes)
def test_random_bytes_never_raise(fmt: str, data: bytes) -> None:
    _check(list(read_bytes(data, f"fuzz.{fmt}", fmt)))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=50, deadline=None)
@given(
    rows=st.lists(
        st.dictionaries(
            st.sampled_from(["text", "title", "url", "source", "id", "published", "x"]), json_values
        ),
        max_size=4,
    )
)
def test_random_json_records_never_raise(rows: list[dict[str, object]]) -> None:
    data = "\n".join(json.dumps(r) for r in rows).encode("utf-8")
    _check(list(read_bytes(data, "fuzz.jsonl", "jsonl")))


def test_huge_metadata_is_cut_to_what_every_backend_indexes(store: Store, tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    source = os.urandom(10_000).hex()  # incompressible: PostgreSQL cannot index it whole
    (folder / "m.jsonl").write_text(jsonl(json.dumps({"text": GOOD, "source": source, "title": source})))
    report = ingest_paths(store, [folder])
    assert report.ok and report.added == 1
    with store.connect() as conn:
        row = conn.execute(select(documents.c.source, documents.c.title)).one()
    assert row.source.startswith(source[:400]) and len(row.source) == 500 and len(row.title) == 1000


def test_a_document_the_database_refuses_is_reported_and_the_rest_stored(
    store: Store, tmp_path: Path
) -> None:
    folder = inbox(tmp_path)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")

    def refuse_arrests(conn: Connection, doc_id: str, doc: RawDocument) -> None:
        if "arrested" in doc.text:
            conn.execute(text("SELECT * FROM no_such_table"))

    report = ingest_paths(store, [folder], on_document=refuse_arrests)
    [problem] = report.problems
    assert problem.kind == "unstorable" and "no_such_table" in problem.reason
    assert stored_texts(store) == [GOOD]


def test_a_reader_that_fails_unforeseen_is_one_problem(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = inbox(tmp_path)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b.html").write_text(f"<p>{OTHER}</p>", encoding="utf-8")

    def broken(html: str, origin: str) -> Iterator[RawDocument | IngestProblem]:
        raise MemoryError("simulated")
        yield  # a generator, like the real readers

    monkeypatch.setitem(walk.TEXT_READERS, "html", broken)
    report = ingest_paths(sqlite_store, [folder])
    assert [(p.kind, p.reason) for p in report.problems] == [
        ("unreadable", "reader failed: MemoryError: simulated")
    ]
    assert stored_texts(sqlite_store) == [GOOD]


def test_a_jsonl_file_may_be_larger_than_its_longest_document(sqlite_store: Store, tmp_path: Path) -> None:
    folder = inbox(tmp_path)
    lines = [json.dumps({"text": f"{GOOD} Report number {i}."}) for i in range(40)]
    (folder / "many.jsonl").write_text(jsonl(*lines), encoding="utf-8")
    options = IngestOptions(max_chars=500)
    assert (folder / "many.jsonl").stat().st_size > options.max_chars * 4 + 4096
    report = ingest_paths(sqlite_store, [folder], options)
    assert report.ok and report.added == 40
