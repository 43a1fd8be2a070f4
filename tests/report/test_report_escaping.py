"""The static report shows markup from articles as text: in evidence sentences, in actor names
(the network, the tables) and in the document it came from; nothing in it can run."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

from proxywatch.dictionary import load_dictionary
from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Tie
from proxywatch.ingest.records import RawDocument
from proxywatch.report import build_report, render_report
from proxywatch.store.db import Store
from proxywatch.store.documents import insert_document
from proxywatch.store.facts import save_extraction, sync_dictionary

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_ACTOR = "armed_group:hostile"


class Elements(HTMLParser):
    """Every start tag and every attribute name of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)


def seed(store: Store) -> None:
    """A group named with markup, funded by the Quds Force; Ghaani asks it to stop and it
    refuses in a sentence that carries both payloads."""
    day = date(2024, 3, 3)
    ask_text = f"Esmail Ghaani urged the factions {IMG} to halt attacks."
    defy_text = f"The group refused, in a statement headed {SCRIPT}."
    with store.begin() as conn:
        sync_dictionary(conn, load_dictionary())
        doc = insert_document(
            conn,
            RawDocument(
                text=f"{ask_text} {defy_text}", origin="t", fmt="text", published=day, title=f"story {IMG}"
            ),
        )
        hostile = Actor(HOSTILE_ACTOR, f"Brigade {IMG}", "armed_group", origin="extracted")
        ask = Event(
            "REQUEST",
            "esmail_ghaani",
            HOSTILE_ACTOR,
            Evidence(ask_text, 0, len(ask_text), "r", 0.8),
            date=day,
            date_precision="day",
            extra={"prohibits": "ASSAULT", "protected": "united_states"},
        )
        defy = Event(
            "REJECT",
            HOSTILE_ACTOR,
            "esmail_ghaani",
            Evidence(defy_text, len(ask_text) + 1, len(ask_text) + 1 + len(defy_text), "r", 0.8),
            date=day,
            date_precision="day",
        )
        funds = Tie(
            "funds", "quds_force", HOSTILE_ACTOR, Evidence(f"Funded by Iran {SCRIPT}", 0, 5, "r", 0.8)
        )
        save_extraction(
            conn,
            doc,
            day,
            Extraction(actors={HOSTILE_ACTOR: hostile}, events=[ask, defy], ties=[funds]),
        )


def test_report_shows_markup_from_articles_as_text(sqlite_store: Store) -> None:
    seed(sqlite_store)
    data = build_report("Quds Force", store=sqlite_store)
    assert HOSTILE_ACTOR in data["proxies"]  # the group is in the bloc, so the report names it
    html = render_report(data)
    # the payloads are there, escaped: as text in the tables, the network and the evidence
    assert "Brigade &#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Esmail Ghaani urged the factions &#34;&gt;&lt;img src=x onerror=alert(1)&gt; to halt" in html
    # and nothing of them is markup: no image, no script, no event handler
    assert SCRIPT not in html and "<img" not in html
    page = Elements()
    page.feed(html)
    assert "script" not in page.tags and "img" not in page.tags
    assert not {a for a in page.attributes if a.startswith("on")}
