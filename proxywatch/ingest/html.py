"""HTML pages: main text through trafilatura, title, site, URL and date from the page's metadata."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml.etree import ParserError

from proxywatch.ingest.published import parse_date
from proxywatch.ingest.records import IngestProblem, RawDocument

_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
}


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return fragment.strip()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    lines = [line.strip() for line in root.text_content().split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def read_html(html: str, origin: str) -> Iterator[RawDocument | IngestProblem]:
    """One document from an HTML page, or a problem when no main text can be found."""
    if "<" not in html:
        yield IngestProblem(origin, "malformed", "no HTML markup found")
        return
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_recall=True
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        yield IngestProblem(origin, "malformed", f"HTML could not be parsed: {exc}")
        return
    text = (getattr(extracted, "text", None) or "").strip() if extracted is not None else ""
    if not text:
        yield IngestProblem(origin, "empty", "no main text found in the HTML page")
        return
    title = getattr(extracted, "title", None)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = parse_date(getattr(extracted, "date", None))
    yield RawDocument(
        text=text,
        origin=origin,
        fmt="html",
        title=title,
        url=getattr(extracted, "url", None),
        source=getattr(extracted, "sitename", None) or getattr(extracted, "hostname", None),
        published=published,
        published_from="metadata" if published else "none",
    )
