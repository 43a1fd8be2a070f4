"""Find actor mentions in a parsed Doc and resolve each to one canonical actor.

Passes, in order (each only over tokens no earlier pass claimed):
1. dictionary names and aliases, longest match first, on normalised text, other
   transliterations of names of two words or more by their spelling key ("Kait'ib
   Hezbollah", ``dictionary/spelling.py``), across a line break of wrapped text too;
2. definitions in the text ("Popular Mobilization Forces (PMF)") add a local alias;
3. named entities the dictionary does not know: titles stripped, then exact lookup,
   then fuzzy lookup (rapidfuzz), else a new actor keyed by normalised name and type;
   names of texts ("the Caesar Act") are none;
4. collective nouns ("the militias", "the group", "the country") and pronouns ("he",
   "they"): bound to a named actor only where the text binds them, else generic actors of
   their sector (``collectives.py``);
5. installations of a named owner ("KH bases", "facilities used by X"): facility actors of
   that owner, listed beside the owner's mention (``heads.py``);
then surnames alone, states named only as places, and credit lines. The mentions and their
indexes live in ``mention_index.py``.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.dictionary.loader import acronym_key
from proxywatch.dictionary.spelling import SpellingIndex, spelling_key
from proxywatch.extract.agents import Agents
from proxywatch.extract.collectives import CollectiveResolver
from proxywatch.extract.first_person import FirstPerson
from proxywatch.extract.heads import body_named_by_head, names_text, owned_facilities, text_names
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.offices import OfficeReader
from proxywatch.extract.places import country_named, country_names, country_of
from proxywatch.extract.populations import followers, population_groups
from proxywatch.extract.records import Actor, Mention
from proxywatch.extract.references import References
from proxywatch.extract.roles import load_roles
from proxywatch.extract.speakers import SpeakerLabels
from proxywatch.ids import slug
from proxywatch.names import normalise_name

MAX_ALIAS_WORDS = 8
# Chosen on the dictionary's own variant pairs (Qaani/Ghaani, Suleimani/Soleimani): at 88
# they match and distinct names of one family (Barzani) stay apart; see docs/extraction.md.
FUZZY_THRESHOLD = 88
NER_TYPES = {"PERSON": "person", "ORG": "other", "FAC": "facility", "GPE": "state", "NORP": "state"}
_ORG_HINTS = [
    (
        re.compile(
            r"\b(militia|brigades?|battalions?|front|resistance|hezbollah|hizballah|jihad|army of|"
            r"kataib|saraya|asaib|harakat|movement|fighters|rebels?)\b",
            re.I,
        ),
        "armed_group",
    ),
    (
        re.compile(
            r"\b(ministry|government|forces|police|army|council|command|agency|service|"
            r"department|guard|corps|parliament)\b",
            re.I,
        ),
        "state_agency",
    ),
    (re.compile(r"\b(party|coalition|alliance|bloc)\b", re.I), "political_party"),
    (
        re.compile(r"\b(news|times|post|press|tv|radio|agency|television|journal|reuters|channel)\b", re.I),
        "media",
    ),
    (re.compile(r"\b(united nations|un|nato|league|union|organi[sz]ation)\b", re.I), "international_org"),
]
# "they" prefers groups that act collectively over agencies and organisations
NAME_GLUE = {"of", "the", "al", "el", "for", "and", "-"}


def is_line_wrap(token: Token) -> bool:
    """Whether a token is the single line break of text wrapped in its lines (a PDF's)."""
    return token.is_space and token.text.count("\n") == 1


def ner_type(label: str, text: str) -> str:
    """Actor type for an unknown named entity, from its NER label and words in its name."""
    if label == "ORG":
        for pattern, kind in _ORG_HINTS:
            if pattern.search(text):
                return kind
        return "other"
    return NER_TYPES.get(label, "other")


class MentionFinder(CollectiveResolver, SpeakerLabels):
    """Finds and resolves mentions; built once per pipeline from the dictionary and references."""

    def __init__(self, dictionary: ActorDictionary, references: References, agents: Agents) -> None:
        self.dictionary = dictionary
        self.references = references
        self.agents = agents
        self.titles = set(references.titles)
        self.prefixes: set[str] = set()
        for key in dictionary.by_alias:
            words = key.split()
            for n in range(1, len(words) + 1):
                self.prefixes.add(" ".join(words[:n]))
        self.fuzzy_keys = [k for k in dictionary.by_alias if len(k) >= 5]
        self.spellings = SpellingIndex.build(dictionary.by_alias)  # "Kait'ib Hezbollah"
        self.cased = {a.id for a in dictionary.actors.values() if a.match_case}
        # states by ISO3, and the gazetteer's countries the dictionary does not list ("Paraguay")
        self.state_ids = {
            a.country: a.id for a in dictionary.actors.values() if a.type == "state" and a.country
        }
        self.countries = {k: v for k, v in country_names().items() if k not in dictionary.by_alias}
        self.offices = OfficeReader(dictionary, agents, load_roles(), self.titles)
        self.first_person = FirstPerson(dictionary)
        for key in self.countries:
            words = key.split()
            self.prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))

    # -- helpers -----------------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        entry = self.dictionary.actors[actor_id]
        return Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")

    def state(self, name: str, iso3: str, found: DocMentions) -> Actor:
        """The state of a country: the dictionary's actor where it lists one, else a new one."""
        if iso3 in self.state_ids:
            return self.actor(self.state_ids[iso3])
        actor = Actor(f"state:{iso3.lower()}", name, "state", iso3, "extracted")
        return found.actors.get(actor.id, actor)

    def lookup_person(self, name: str) -> list[str]:
        """Dictionary people called ``name``."""
        ids = self.dictionary.by_alias.get(normalise_name(name), [])
        return [i for i in ids if self.dictionary.actors[i].type == "person"]

    def choose(self, ids: list[str], found: DocMentions) -> str:
        """Pick among ambiguous ids: one already seen in the document, else the first listed."""
        for actor_id in ids:
            if actor_id in found.actors:
                return actor_id
        return ids[0]

    # -- pass 1: dictionary ------------------------------------------------------------------
    def dictionary_pass(self, doc: Doc, found: DocMentions, local: dict[str, str]) -> None:
        i = 0
        n = len(doc)
        while i < n:
            best = self.longest_name(doc, i, local)
            if best is not None and self.names_institution(doc, best[0], best[1]):
                best = None  # "the Washington Institute": an organisation, not the state
            if best is not None and self.other_first_name(doc, i, best[0], best[1]):
                best = None  # "Laith al-Khazali" is not Qais al-Khazali
            if best is not None and best[1] and not self.cased_as_needed(doc[i : best[0]], best[1]):
                best = None  # "an armed islamic group": words, not the name of one
            if best is not None and not best[1] and found.free(i, best[0]):
                name, iso3 = self.countries[normalise_name(doc[i : best[0]].text)]
                found.add(doc, i, best[0], self.state(name, iso3, found), "gazetteer", 0.85)
                i = best[0]
            elif best is not None and found.free(i, best[0]):
                end, ids = best
                actor_id = self.choose(ids, found)
                conf = 0.95 if len(ids) == 1 else 0.6
                found.add(doc, i, end, self.local_actor(actor_id, found), "dictionary", conf)
                i = end
            else:
                i += 1

    def longest_name(self, doc: Doc, i: int, local: dict[str, str]) -> tuple[int, list[str]] | None:
        """(end, actor ids) of the longest dictionary name starting at token ``i``: an acronym,
        a name or alias, another spelling of one ("Kait'ib Hezbollah"), or a country only the
        gazetteer knows (no ids). A name may run over a line break ("Kataib\\nHezbollah") and
        a word hyphenated at one ("Hez-\\nbollah")."""
        best: tuple[int, list[str]] | None = None
        acronym = acronym_key(doc[i].text)
        if acronym is not None and (acronym in self.dictionary.by_acronym or acronym.lower() in local):
            best = (i + 1, self.dictionary.by_acronym.get(acronym) or [local[acronym.lower()]])
        words: list[str] = []
        joined = False  # the last word was hyphenated at a line break
        for j in range(i, min(len(doc), i + MAX_ALIAS_WORDS * 2)):
            piece = normalise_name(doc[j].text)
            if not piece:
                if j > i and is_line_wrap(doc[j]):
                    continue
                if j == i or doc[j].is_space or doc[j].is_sent_start:
                    break
                continue  # punctuation or an article inside a name: "al-Haq", "Kata'ib"
            if joined:
                words[-1] += piece
            else:
                words.append(piece)
            joined = doc[j].text.endswith("-") and j + 1 < len(doc) and is_line_wrap(doc[j + 1])
            if joined:
                continue  # "Hez-": the word goes on after the line break
            key = " ".join(words)
            known_spelling = spelling_key(key) in self.spellings.prefixes
            if key not in self.prefixes and key not in local and not known_spelling:
                break
            if key in local:
                best = (j + 1, [local[key]])
            elif key in self.dictionary.by_alias:
                best = (j + 1, self.dictionary.by_alias[key])
            elif key in self.countries and doc[i].is_title and doc[i].ent_type_ != "PERSON":
                best = (j + 1, [])  # a country only the gazetteer knows ("New Zealand")
            elif known_spelling and len(piece) > 1 and doc[i].text[:1].isalpha():
                owner = self.spellings.lookup(key)
                if owner is not None and self.cased_as_needed(doc[i : j + 1], [owner], always=True):
                    best = (j + 1, [owner])
        return best

    def cased_as_needed(self, span: Span, ids: list[str], always: bool = False) -> bool:
        """Whether a name of actors found only capitalised (or, with ``always``, any name) is
        written with capitals: each of its words of three letters or more but the glue of
        names ("al", "the")."""
        if not always and not all(i in self.cased for i in ids):
            return True
        words = [t for t in span if t.text[:1].isalpha() and len(t.text) >= 3 and t.lower_ not in NAME_GLUE]
        return bool(words) and all(t.text[:1].isupper() for t in words)

    def other_first_name(self, doc: Doc, start: int, end: int, ids: list[str]) -> bool:
        """Whether a one-word surname alias follows a first name the dictionary does not give
        its person ("Laith" before "al-Khazali"): then it names someone else."""
        words = [t for t in doc[start:end] if normalise_name(t.text)]
        if len(words) != 1 or start == 0:
            return False
        k = start - 1
        while k > 0 and start - k <= 2 and not normalise_name(doc[k].text):  # "al", "-" of "al-Khazali"
            k -= 1
        before = doc[k]
        if not (before.is_title and before.pos_ == "PROPN") or normalise_name(before.text) in self.titles:
            return False
        return bool(ids) and all(
            self.dictionary.actors[i].type == "person" for i in ids if i in self.dictionary.actors
        )

    def short_names(self, doc: Doc, found: DocMentions) -> None:
        """Surnames and first names the tagger left unnamed ("Saadi" after "Abu Baqir al-Saadi"),
        and bare surnames two people of the story share, which name neither."""
        for token in doc:
            if token.i in found.claimed or not token.is_title or not self.may_be_name(token):
                continue
            person = self.person_named_before(normalise_name(token.text), token.idx, found)
            if person:
                found.add(doc, token.i, token.i + 1, found.actors[person], "short-name", 0.8)
        end = doc[-1].idx + len(doc[-1].text) + 1 if len(doc) else 0
        keep = []
        for mention in found.mentions:
            words = mention.text.split()
            if len(words) == 1 and found.actors[mention.actor_id].type == "person":
                if self.person_named_before(normalise_name(mention.text), end, found) == "":
                    continue  # a surname two people share names neither
            keep.append(mention)
        found.mentions = keep

    @staticmethod
    def may_be_name(token: Token) -> bool:
        """Whether a capitalised word may be a name: a proper noun, or a bare noun the tagger
        took for a common one as the subject ("Mehdiyev, who is Azerbaijani, said")."""
        if token.pos_ == "PROPN":
            return True
        bare = not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in token.children)
        return token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and bare

    def names_institution(self, doc: Doc, end: int, ids: list[str]) -> bool:
        """Whether a place's name is the first word of an institution's ("Washington Institute")."""
        if (
            end >= len(doc)
            or not doc[end].is_title
            or doc[end].lower_ not in self.references.institution_nouns
        ):
            return False
        return all(self.dictionary.actors[i].type == "state" for i in ids if i in self.dictionary.actors)

    def local_actor(self, actor_id: str, found: DocMentions) -> Actor:
        if actor_id in self.dictionary.actors:
            return self.actor(actor_id)
        return found.actors[actor_id]

    # -- pass 2: definitions ("Popular Mobilization Forces (PMF)") ---------------------------
    def definitions(self, doc: Doc, found: DocMentions) -> dict[str, str]:
        """Abbreviations defined in the text: "NAME (ABBR)" makes ABBR a local alias of NAME.

        NAME is the mention just before the brackets, widened to the capitalised words
        (with "of", "the", "al") whose initials spell the abbreviation; a name no pass found
        becomes a new actor.
        """
        local: dict[str, str] = {}
        for i in range(1, len(doc) - 2):
            open_, abbr, close = doc[i], doc[i + 1], doc[i + 2]
            if not (open_.text == "(" and close.text == ")" and acronym_key(abbr.text)):
                continue
            if abbr.lower_ in self.references.honorifics:
                continue  # "Imam Hussein (AS)": a blessing, not an abbreviation
            start = i
            while start > 0 and (doc[start - 1].is_title or doc[start - 1].lower_ in NAME_GLUE):
                start -= 1
            while start < i and doc[start].lower_ in NAME_GLUE:
                start += 1
            initials = "".join(t.text[0] for t in doc[start:i] if t.is_title)
            known = found.at(doc[i - 1])
            if known is not None and (not initials or not initials.startswith(abbr.text[0])):
                local[normalise_name(abbr.text)] = known.actor_id
                continue
            if initials.upper() != abbr.text.replace(".", "").upper():
                if known is not None:
                    local[normalise_name(abbr.text)] = known.actor_id
                continue
            name = doc[start:i]
            if normalise_name(name.text) in self.references.not_actors:
                continue
            if names_text(name, self.references.document_nouns):
                found.in_texts.update(range(name.start, name.end))
                continue
            inside = {found.at(t).actor_id for t in name if found.at(t) is not None}  # type: ignore[union-attr]
            if known is not None and len(inside) == 1 and found.at(name[0]) is not None:
                local[normalise_name(abbr.text)] = known.actor_id
                continue
            kind = ner_type("ORG", name.text)
            actor = Actor(f"{kind}:{slug(normalise_name(name.text))}", name.text, kind, None, "extracted")
            for t in name:  # the longer name replaces the partial mentions inside it
                if t.i in found.claimed:
                    found.mentions[found.claimed[t.i]].actor_id = actor.id
            found.mentions = [m for m in found.mentions if not (name.start_char <= m.start < name.end_char)]
            found.reindex(doc)
            found.add(doc, name.start, name.end, actor, "definition", 0.8)
            local[normalise_name(abbr.text)] = actor.id
        return local

    # -- pass 3: named entities --------------------------------------------------------------
    def strip_titles(self, span: Span) -> Span:
        start = span.start
        while start < span.end - 1 and normalise_name(span.doc[start].text) in self.titles | {""}:
            start += 1
        return span.doc[start : span.end]

    def entity_pass(self, doc: Doc, found: DocMentions) -> None:
        for ent in doc.ents:
            if ent.label_ not in NER_TYPES:
                continue
            core = self.strip_titles(ent)
            named = any(  # "Free Patriotic Movement" is a name; "Proxy Militias" a description
                t.pos_ == "PROPN"
                and t.i != core.root.i
                and t.i not in found.claimed
                and not self.collective_of(t)
                for t in core
            )
            if core.root.is_stop or (self.collective_of(core.root) is not None and not named):
                continue  # "Proxy Militias", "Embassy": the reference pass reads these
            if normalise_name(ent.text) in self.references.not_actors:
                continue  # "Imam Hussein": a religious figure of the past, not an actor of the story
            if names_text(core, self.references.document_nouns):
                found.in_texts.update(range(core.start, core.end))
                continue  # "the Caesar Act": a text, whose names inside stay mentions
            if len(core) == 1 and body_named_by_head(doc, core[0], found, self.agents) is not None:
                continue  # "the Council" of the Security Council named before: the reference pass
            if len(core) == 1 and normalise_name(core.text) in self.titles:
                continue  # "State" of "Secretary of State": part of a title
            if len(core) == 1 and core[0].pos_ == "PROPN" and core.start not in found.claimed:
                person = self.person_named_before(normalise_name(core.text), core.start_char, found)
                if person == "":
                    continue  # two people of that name in the story: never merged, never guessed
                if person is not None:  # "Austin" after "Lloyd Austin"
                    found.add(doc, core.start, core.end, found.actors[person], "short-name", 0.85)
                    continue
            if ent.label_ == "PERSON" and self.in_place_phrase(ent.root):
                continue  # "in Jurf al-Sakhar": a place the tagger took for a name
            if ent.label_ == "PERSON" and country_named(ent.text) is not None:
                continue  # "who is Azerbaijani": a nationality the tagger took for a name
            # claim only the tokens of the entity that no earlier pass took
            free = [t.i for t in core if t.i not in found.claimed]
            if len(free) != len(core):
                continue
            key = normalise_name(core.text)
            if not key or key in self.references.not_actors:
                continue  # "FTO": a label, not an actor
            ids = self.dictionary.by_alias.get(key)
            if ids:
                found.add(
                    doc, core.start, core.end, self.actor(self.choose(ids, found)), "ner+dictionary", 0.9
                )
                continue
            match = self.fuzzy(key)
            if match is not None:
                actor_id, score = match
                found.add(doc, core.start, core.end, self.actor(actor_id), f"ner+fuzzy:{score:.0f}", 0.7)
                continue
            kind = ner_type(ent.label_, core.text)
            titled = core.start > ent.start or (
                ent.start > 0 and normalise_name(doc[ent.start - 1].text) in self.titles
            )
            if kind == "person" and len(key.split()) == 1 and not titled:
                person = self.close_person(key, found)
                if person is not None:  # "Pederson" after "Geir Pedersen"
                    found.add(doc, core.start, core.end, found.actors[person], "short-name:fuzzy", 0.7)
                    continue
                if country_of(core.text)[0] == "city":
                    continue  # "Latakia": a city the tagger took for a name
                kind = "other"  # one word, no title, no one named so: nothing says it is a person
            if ent.label_ in ("GPE", "NORP"):
                country = country_named(core.text)
                if country is not None:  # a state the dictionary does not list by this name
                    state = self.state(country[0], country[1], found)
                    found.add(doc, core.start, core.end, state, "ner+gazetteer", 0.8)
                continue  # other places and peoples are locations or descriptions, not actors
            actor = Actor(f"{kind}:{slug(key)}", core.text, kind, None, "extracted")
            found.add(doc, core.start, core.end, found.actors.get(actor.id, actor), "ner", 0.6)

    @staticmethod
    def person_named_before(word: str, before: int, found: DocMentions) -> str | None:
        """The person named in full earlier in the document whose first or last name ``word`` is;
        "" when two different people fit (brothers, namesakes), None when none does."""
        people = {actor_id for start, actor_id in found.person_words.get(word, ()) if start < before}
        if len(people) > 1:
            return ""
        return next(iter(people), None)

    @staticmethod
    def close_person(word: str, found: DocMentions) -> str | None:
        """The one person of the document whose first or last name is spelt almost like ``word``."""
        if len(word) < 5:
            return None
        people = {
            actor_id
            for name, entries in found.person_words.items()
            if fuzz.ratio(word, name) >= FUZZY_THRESHOLD - 3
            for _start, actor_id in entries
        }
        return next(iter(people)) if len(people) == 1 else None

    def fuzzy(self, key: str) -> tuple[str, float] | None:
        if len(key) < 5:
            return None
        hit = process.extractOne(key, self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit is None:
            return None
        ids = self.dictionary.by_alias[hit[0]]
        return (ids[0], float(hit[1])) if len(ids) == 1 else None

    # -- all passes ----------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> DocMentions:
        found = DocMentions()
        paragraph = 0
        for number, sent in enumerate(doc.sents):
            if sent.start > 0 and "\n" in doc[sent.start - 1].text_with_ws:
                paragraph += 1
            found.paragraph_of[number] = paragraph
            found.paragraph_start.setdefault(paragraph, number)
            for token in sent:
                found.sentence_of[token.i] = number
        self.dictionary_pass(doc, found, {})
        self.speaker_pass(doc, found)
        self.entity_pass(doc, found)
        found.reindex(doc)
        self.short_names(doc, found)
        found.reindex(doc)
        local = self.definitions(doc, found)
        if local:  # "Sons of the Valley Brigade (SVB)": every SVB is that actor
            for mention in found.mentions:
                defined = local.get(normalise_name(mention.text))
                if defined is not None and mention.actor_id != defined:
                    mention.actor_id, mention.rule = defined, "definition"
            used = {m.actor_id for m in found.mentions}
            found.actors = {k: v for k, v in found.actors.items() if k in used}
            self.dictionary_pass(doc, found, local)
            found.reindex(doc)
        population_groups(doc, found, self.agents)
        followers(doc, found, load_roles().followers)
        found.reindex(doc)
        published = doc._.pw_published if Doc.has_extension("pw_published") else None
        for start, end, actor, rule in self.offices(doc, found, published):  # "the prime minister"
            if found.free(start, end):
                found.add(doc, start, end, found.actors.get(actor.id, actor), rule, 0.7)
        found.reindex(doc)
        source = doc._.pw_source if Doc.has_extension("pw_source") else None
        self.first_person(doc, found, published, source)  # "we", "our": the body that speaks
        found.reindex(doc)
        found.in_texts.update(text_names(doc, self.references.document_nouns))
        self.reference_pass(doc, found)
        found.reindex(doc)
        owned_facilities(doc, found, self.references)  # "KH bases"
        found.reindex(doc)
        self.drop_places(doc, found)
        self.drop_credits(doc, found)
        found.reindex(doc)
        return found

    def drop_credits(self, doc: Doc, found: DocMentions) -> None:
        """The people of a credit line ("Margaret Besheer contributed to this report.") wrote
        the story: no actors of it."""
        lowered = doc.text.lower()
        if not any(phrase in lowered for phrase in self.references.credit_phrases):
            return
        credits = {
            number
            for number, sent in enumerate(doc.sents)
            if any(phrase in sent.text.lower() for phrase in self.references.credit_phrases)
        }
        if not credits:
            return

        def credited(m: Mention) -> bool:
            return m.sentence in credits and found.actors[m.actor_id].type == "person"

        dropped = {m.actor_id for m in found.mentions if credited(m)}
        found.mentions = [m for m in found.mentions if not credited(m)]
        dropped -= {m.actor_id for m in found.mentions}
        found.actors = {k: v for k, v in found.actors.items() if k not in dropped}

    def drop_places(self, doc: Doc, found: DocMentions) -> None:
        """A state named only as where things happen ("strikes in eastern Syria", "off Yemen")
        is a place, not an actor of the story: its mentions are dropped. One mention as an
        actor (subject, object, possessor, a demonym on an agent) keeps them all, but for the
        demonym of a body of its own that the story names apart ("the former Yemeni central
        government": Yemen's government acts)."""
        acting: set[str] = set()
        for mention in found.mentions:
            if found.actors[mention.actor_id].type != "state" or self.home_of_body(mention, found):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not (self.is_place(span.root) or self.after_place(span)):
                acting.add(mention.actor_id)
        found.mentions = [
            m for m in found.mentions if found.actors[m.actor_id].type != "state" or m.actor_id in acting
        ]
        found.actors = {k: v for k, v in found.actors.items() if v.type != "state" or k in acting}

    @staticmethod
    def home_of_body(mention: Mention, found: DocMentions) -> bool:
        """Whether a state's mention lies inside a longer mention of another actor of its
        country ("Yemeni" in "Yemeni central government", "Iraqi" in "Iraqi authorities")."""
        country = found.actors[mention.actor_id].country
        return any(
            other.start <= mention.start
            and mention.end <= other.end
            and other.end - other.start > mention.end - mention.start
            and other.actor_id != mention.actor_id
            and found.actors[other.actor_id].country == country
            and found.actors[other.actor_id].type != "facility"  # "U.S. bases": the U.S. owns them
            for other in found.by_sentence.get(mention.sentence, ())
        )

    def after_place(self, span: Span) -> bool:
        """Whether a state follows a place's name and a comma, as the country that locates it
        ("Abu Kamal, Syria", "Fort Moore, Georgia", "Erbil, Iraq"); a state before the comma
        makes it a list ("Australia, Bahrain")."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text != ",":
            return False
        if span.end < len(doc) and doc[span.end].text == "-":
            return False  # "Gaza, Iran-supported militias": the state backs, it locates nothing
        start = span.start - 2
        while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start:
            start -= 1
        place = doc[start : span.start - 1]
        if not place[-1].is_title or country_of(place.text)[0] == "country":
            return False
        if any(self.dictionary.actors[i].type == "state" for i in self.dictionary.lookup(place.text)):
            return False
        return place[-1].ent_type_ in ("GPE", "LOC", "FAC") or country_of(place[-1].text)[0] == "city"

    def is_place(self, token: Token) -> bool:
        """Whether a state's mention only locates something: the object of "in", "across",
        "off", or an adjective on a place noun ("Yemeni waters", "Iraqi territory"); a conjunct
        takes the place of the first ("in Iraq and Syria")."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ == "pobj" and token.head.lower_ in self.references.place_preps:
            return True
        if token.dep_ in ("amod", "compound", "poss"):  # "Yemeni waters", "Yemen's civil war"
            return token.head.lemma_.lower() in self.references.place_nouns
        return False
