"""Each input format yields documents with their title, source, URL and publication date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from proxywatch.ingest import RawDocument, read_path

BODY = (
    "Three rockets struck near the U.S. Embassy in Baghdad on Sunday, security officials said. "
    "Nobody was hurt in the attack, which came days after a drone strike killed a senior commander."
)


def docs(path: Path) -> list[RawDocument]:
    items = list(read_path(path))
    assert all(isinstance(i, RawDocument) for i in items), items
    return [i for i in items if isinstance(i, RawDocument)]


def test_plain_text_takes_headline_and_dateline(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Rockets hit embassy\n\nBAGHDAD, January 5, 2020 — {BODY}\n", encoding="utf-8")
    [doc] = docs(path)
    assert doc.title == "Rockets hit embassy"
    assert doc.published == date(2020, 1, 5) and doc.published_from == "dateline"
    assert doc.text.startswith("Rockets hit embassy") and BODY in doc.text
    assert doc.fmt == "text"


def test_plain_text_without_headline_or_dateline(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text(BODY, encoding="utf-8")
    [doc] = docs(path)
    assert doc.title is None and doc.published is None and doc.text == BODY


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        "<!doctype html><html><head><title>Rockets hit embassy</title>"
        '<meta property="article:published_time" content="2020-01-05T08:00:00Z">'
        '<meta property="og:site_name" content="Test Wire">'
        '<link rel="canonical" href="https://example.invalid/a"></head><body>'
        "<header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>"
        f"<article><h1>Rockets hit embassy</h1><p>{BODY}</p><p>{BODY.upper()}</p></article>"
        "<footer>Copyright Test Wire</footer></body></html>",
        encoding="utf-8",
    )
    [doc] = docs(path)
    assert doc.title == "Rockets hit embassy"
    assert doc.published == date(2020, 1, 5)
    assert doc.source == "Test Wire"
    assert doc.url == "https://example.invalid/a"
    assert BODY in doc.text and "Copyright" not in doc.text and "Home" not in doc.text


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    items = "".join(
        f"<item><title>Story {i}</title><link>https://example.invalid/{i}</link>"
        f"<guid>id-{i}</guid><pubDate>Sun, 0{i} Jan 2020 08:00:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{BODY} Story {i}.</p><p>Second paragraph.</p>]]></description></item>"
        for i in (1, 2)
    )
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    first, second = docs(path)
    assert first.title == "Story 1" and first.url == "https://example.invalid/1"
    assert first.published == date(2020, 1, 1) and second.published == date(2020, 1, 2)
    assert first.source == "Test Wire" and first.external_id == "id-1" and first.line == 1
    assert "Second paragraph." in first.text and "<p>" not in first.text


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Wire</title><entry><title>Truce</title><id>urn:1</id>"
        '<link href="https://example.invalid/t"/><updated>2024-01-30T10:00:00Z</updated>'
        f'<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )
    [doc] = docs(path)
    assert doc.title == "Truce" and doc.published == date(2024, 1, 30) and BODY in doc.text


def test_jsonl_fields_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [
        {
            "id": "w1",
            "text": BODY,
            "title": "T1",
            "url": "https://example.invalid/1",
            "published": "2021-06-27",
            "source": "Wire",
        },
        {"text": BODY + " Again."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = docs(path)
    assert (first.external_id, first.title, first.source) == ("w1", "T1", "Wire")
    assert first.published == date(2021, 6, 27) and first.line == 1
    assert second.published is None and second.line == 2


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text(BODY, encoding="utf-8")
    [doc] = docs(path)
    assert doc.fmt == "text"
