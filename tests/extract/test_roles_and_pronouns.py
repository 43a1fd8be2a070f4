"""Role phrases that name an office holder, and the first person plural, in the phrasing of
wire reports on several conflicts (our own wording, not sentences of the evaluation corpus)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc

from proxywatch.dictionary.schema import TieEntry
from proxywatch.extract import extract_text
from proxywatch.extract.first_person import quotations
from proxywatch.extract.pipeline import build_pipeline
from proxywatch.extract.records import Extraction

pytestmark = pytest.mark.model


def at(ext: Extraction, text: str, surface: str, nth: int = 0) -> list[str]:
    """Actor ids of the output mentions overlapping the ``nth`` occurrence of ``surface``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    end = start + len(surface)
    return [m.actor_id for m in ext.mentions if m.start < end and start < m.end]


def parsed(text: str, published: date | None = None, source: str | None = None) -> Doc:
    nlp = build_pipeline()
    doc = nlp.make_doc(text)
    doc._.pw_published = published
    doc._.pw_source = source
    return nlp(doc)


def pronoun_at(doc: Doc, word: str, nth: int = 0) -> str | None:
    """The actor a first-person pronoun (the ``nth`` token ``word``) resolves to."""
    tokens = [t for t in doc if t.text == word]
    token = tokens[nth]
    for mention in doc._.pw_mentions.mentions:
        if mention.start == token.idx:
            return str(mention.actor_id)
    return None


# (text, publication date, role phrase, nth occurrence, expected actor id; None: no mention)
ROLES = [
    # the holder the text names with the same office, before or after
    (
        "Sudan's army chief Abdel Fattah al-Burhan rejected the truce. The army chief said the war went on.",
        None,
        "The army chief",
        0,
        "person:abdel_fattah_burhan",
    ),
    (
        "Kenya's foreign minister, Musalia Mudavadi, flew to Juba. The foreign minister urged talks.",
        None,
        "The foreign minister",
        0,
        "person:musalia_mudavadi",
    ),
    # a definite role phrase in apposition is the person beside it
    (
        "Ivan Marquez, the top commander of the rebels, said talks had failed.",
        None,
        "the top commander",
        0,
        "person:ivan_marquez",
    ),
    # the office of a state on the publication date, by the dictionary's dated roles
    ("Iraq's president condemned the attack on Sunday.", date(2020, 5, 1), "president", 0, "barham_salih"),
    (
        "Iraq's president condemned the attack on Sunday.",
        date(2023, 6, 1),
        "president",
        0,
        "abdul_latif_rashid",
    ),
    (
        "The Israeli prime minister spoke to reporters in Jerusalem.",
        date(2022, 8, 10),
        "prime minister",
        0,
        "yair_lapid",
    ),
    (
        "The Israeli prime minister spoke to reporters in Jerusalem.",
        date(2024, 3, 1),
        "prime minister",
        0,
        "benjamin_netanyahu",
    ),
    # no known holder: the government the role serves, as CAMEO codes it
    ("A Colombian official said the rebels had left the talks.", None, "official", 0, "generic:col:gov"),
    (
        "The Polish foreign minister arrived in Kyiv on Friday.",
        None,
        "foreign minister",
        0,
        "generic:pol:gov",
    ),
    # the deputy is not the office holder; a past holder needs a name
    (
        "Iraq's deputy prime minister visited Tehran.",
        date(2024, 3, 1),
        "deputy prime minister",
        0,
        "generic:irq:gov",
    ),
    ("The former president of Iraq spoke at the conference.", date(2024, 3, 1), "former president", 0, None),
    # a bare role noun is a capacity, not a reference
    ("He served as commander of the brigade until 2019.", None, "commander", 0, None),
]


@pytest.mark.parametrize(("text", "published", "surface", "nth", "expected"), ROLES)
def test_role_phrases_name_their_holder(
    text: str, published: date | None, surface: str, nth: int, expected: str | None
) -> None:
    ids = at(extract_text(text, published), text, surface, nth)
    assert ids == ([] if expected is None else [expected])


TITLES = [
    # an office before a name is its title: the name is the mention, the title adds no one
    "Ukrainian President Volodymyr Zelensky met Polish officials in Warsaw.",
    "Former President Donald Trump spoke in Ohio on Monday.",
    "Former Kurdistan Regional Government Prime Minister and Deputy Prime Minister Barham Salih was elected.",
]


@pytest.mark.parametrize("text", TITLES)
def test_titles_before_names_are_not_role_mentions(text: str) -> None:
    ext = extract_text(text, date(2024, 3, 1))
    assert not [m for m in ext.mentions if m.rule.startswith("office")]


# (text, source, pronoun, nth, expected actor of the speaker)
FIRST_PERSON = [
    # inside a quotation: the state or body of the speaker the reporting clause names
    (
        "Ukrainian President Volodymyr Zelensky met the press. “We will not give up land,” Zelensky said.",
        None,
        "We",
        0,
        "state:ukr",
    ),
    (
        "“We will protect our forces,” said Gen. Michael Erik Kurilla, commander of U.S. Central Command.",
        None,
        "We",
        0,
        "centcom",
    ),
    # a statement with no speaker in the text: the body that issued it, as its state when the
    # text never names the body
    (
        "We condemn the shelling of Kharkiv and call on Russia to stop.",
        "U.S. Department of State",
        "We",
        0,
        "united_states",
    ),
    # a media outlet does not speak as "we" for a story
    ("We condemn the shelling of Kharkiv.", "Voice of America", "We", 0, None),
]


@pytest.mark.parametrize(("text", "source", "word", "nth", "expected"), FIRST_PERSON)
def test_first_person_plural_is_the_body_that_speaks(
    text: str, source: str | None, word: str, nth: int, expected: str | None
) -> None:
    assert pronoun_at(parsed(text, date(2023, 12, 25), source), word, nth) == expected


def test_our_forces_are_the_speakers_countrys_forces() -> None:
    text = "“We will protect our forces,” said Gen. Michael Erik Kurilla, commander of U.S. Central Command."
    # "our forces" of a U.S. speaker are what "U.S. forces" names: the U.S. military
    assert at(extract_text(text, date(2023, 12, 25)), text, "forces") == ["us_military"]


def test_first_person_pronouns_are_not_output_but_carry_events() -> None:
    text = "We commend Germany for banning the group."
    doc = parsed(text, date(2020, 4, 30), "U.S. Department of State")
    assert pronoun_at(doc, "We") == "united_states"
    ext = extract_text(text, date(2020, 4, 30))
    assert not [m for m in ext.mentions if m.text == "We"]


def test_quotations_are_found_with_curly_and_straight_marks() -> None:
    assert quotations('She said: “We act.” He said "we wait".') == [(10, 19), (28, 37)]


def test_dated_roles_hold_between_their_dates() -> None:
    tie = TieEntry(
        tie="leads", target="iraq", valid="former", start="2018-10-02", end="2022-10-13", role="president"
    )
    assert tie.holds_on(date(2018, 10, 2)) and tie.holds_on(date(2022, 10, 13))
    assert not tie.holds_on(date(2018, 10, 1)) and not tie.holds_on(date(2023, 1, 1))
    assert not tie.holds_on(None)  # a former tie with no date to compare: not now
