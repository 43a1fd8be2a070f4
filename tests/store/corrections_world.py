"""A small store written by hand (no spaCy model) for the corrections tests: two actors that
are one ("Kata'ib Hezbollah" and "KH"), one that is two (the PMF, wrongly given the mentions
of Harakat al-Nujaba), a directive and the answers to it."""

from __future__ import annotations

from datetime import date

from proxywatch.extract.records import Actor, Event, Evidence, Extraction, Mention, Tie
from proxywatch.ingest.records import RawDocument
from proxywatch.store.db import Store
from proxywatch.store.documents import insert_document
from proxywatch.store.facts import save_extraction

ACTORS = {
    "kataib_hezbollah": Actor("kataib_hezbollah", "Kata'ib Hezbollah", "armed_group", "IRQ", "extracted"),
    "armed_group:kh": Actor("armed_group:kh", "KH", "armed_group", None, "extracted"),
    "quds_force": Actor("quds_force", "Quds Force", "state_agency", "IRN", "extracted"),
    "us_embassy": Actor("us_embassy", "U.S. Embassy", "facility", "USA", "extracted"),
    "pmf": Actor("pmf", "Popular Mobilization Forces", "armed_group", "IRQ", "extracted"),
}
DOC1 = (
    "Kata'ib Hezbollah fired rockets at the U.S. Embassy.\n"
    "The Quds Force funds KH.\n"
    "Harakat al-Nujaba attacked the U.S. Embassy.\n"
    "The PMF met the Quds Force."
)
DOC2 = (
    "The Quds Force asked KH to stop attacks on the U.S. Embassy.\n"
    "KH rejected the request.\n"
    "Harakat al-Nujaba is funded by the Quds Force."
)


def _sentence(text: str, needle: str) -> Evidence:
    start = text.index(needle)
    return Evidence(needle, start, start + len(needle), "test", 0.9)


def _mentions(text: str, forms: list[tuple[str, str]]) -> list[Mention]:
    found = []
    for form, actor_id in forms:
        at = 0
        while (start := text.find(form, at)) >= 0:
            found.append(Mention(actor_id, form, start, start + len(form), "test", 0.9))
            at = start + len(form)
    return found


FORMS = [
    ("Kata'ib Hezbollah", "kataib_hezbollah"),
    ("KH", "armed_group:kh"),
    ("Quds Force", "quds_force"),
    ("U.S. Embassy", "us_embassy"),
    ("Harakat al-Nujaba", "pmf"),  # the extractor's mistake: Nujaba is not the PMF
    ("PMF", "pmf"),
]


def extraction_1() -> Extraction:
    t = DOC1
    s = t.split("\n")
    return Extraction(
        actors=dict(ACTORS),
        mentions=_mentions(t, FORMS),
        events=[
            Event(
                "ASSAULT",
                "kataib_hezbollah",
                "us_embassy",
                _sentence(t, s[0]),
                date=date(2024, 1, 5),
                date_precision="day",
            ),
            Event(
                "ASSAULT",
                "pmf",
                "us_embassy",
                _sentence(t, s[2]),
                date=date(2024, 1, 5),
                date_precision="day",
            ),
            Event(
                "CONSULT",
                "pmf",
                "quds_force",
                _sentence(t, s[3]),
                date=date(2024, 1, 5),
                date_precision="day",
            ),
        ],
        ties=[Tie("funds", "quds_force", "armed_group:kh", _sentence(t, s[1]))],
    )


def extraction_2() -> Extraction:
    t = DOC2
    s = t.split("\n")
    return Extraction(
        actors=dict(ACTORS),
        mentions=_mentions(t, FORMS),
        events=[
            Event(
                "REQUEST",
                "quds_force",
                "armed_group:kh",
                _sentence(t, s[0]),
                date=date(2024, 1, 20),
                date_precision="day",
                extra={"prohibits": "ASSAULT", "protected": "us_embassy"},
            ),
            Event(
                "REJECT",
                "armed_group:kh",
                "quds_force",
                _sentence(t, s[1]),
                date=date(2024, 1, 21),
                date_precision="day",
            ),
        ],
        ties=[Tie("funds", "quds_force", "pmf", _sentence(t, s[2]))],
    )


DOCS = [(DOC1, date(2024, 1, 5), extraction_1), (DOC2, date(2024, 1, 21), extraction_2)]


def build(store: Store) -> list[str]:
    """Store both documents and what was read in them; their ids."""
    ids = []
    for text, published, make in DOCS:
        with store.begin() as conn:
            doc_id = insert_document(
                conn, RawDocument(text=text, origin="hand", fmt="text", published=published)
            )
            save_extraction(conn, doc_id, published, make())
        ids.append(doc_id)
    return ids


def reextract(store: Store) -> None:
    """Store what is read in both documents again, as a re-extraction does."""
    from sqlalchemy import select

    from proxywatch.ids import document_id
    from proxywatch.store.schema import documents

    with store.begin() as conn:
        for text, published, make in DOCS:
            doc_id = document_id(text)
            assert conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first()
            save_extraction(conn, doc_id, published, make())
