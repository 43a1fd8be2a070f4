"""Find actor mentions in a parsed Doc and resolve each to one canonical actor.

Passes, in order (each only over tokens no earlier pass claimed):
1. dictionary names and aliases, longest match first, on normalised text;
2. definitions in the text ("Popular Mobilization Forces (PMF)") add a local alias;
3. named entities the dictionary does not know: titles stripped, then exact lookup,
   then fuzzy lookup (rapidfuzz), else a new actor keyed by normalised name and type;
4. collective nouns ("the militias", "the group") and pronouns ("he", "they"), resolved
   to the most recent compatible actor, or to the next one when none came before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.dictionary.loader import acronym_key
from proxywatch.extract.agents import Agents
from proxywatch.extract.generics import State, generic_actor, is_patron_marker, parse_generic, sector_phrase
from proxywatch.extract.places import country_named
from proxywatch.extract.records import Actor, Mention
from proxywatch.extract.references import Collective, References
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
GROUP_PREFERENCE = [{"armed_group", "political_party", "civilians"}, {"state_agency", "international_org"}]
PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around"}
PLACE_NOUNS = {
    "community",
    "city",
    "town",
    "village",
    "province",
    "district",
    "area",
    "region",
    "outskirts",
    "suburb",
}
NAME_GLUE = {"of", "the", "al", "el", "for", "and", "-"}
COLLECTIVE_DETS = {"the", "this", "these", "that", "those", "such"}
PRONOUN_WINDOW = 2  # sentences back that a pronoun may reach
COLLECTIVE_WINDOW = 6


@dataclass
class DocMentions:
    """Mentions of one Doc and the actors they resolve to."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    claimed: dict[int, int] = field(default_factory=dict)  # token index -> mention index
    sentence_of: dict[int, int] = field(default_factory=dict)  # token index -> sentence number
    paragraph_of: dict[int, int] = field(default_factory=dict)  # sentence number -> paragraph number
    person_words: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # name word -> people
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)  # sentence number -> mentions
    paragraph_start: dict[int, int] = field(default_factory=dict)  # paragraph -> its first sentence
    # sector -> the named actor the text calls by that sector ("the PMF militias"), None if several
    defined: dict[str, str | None] = field(default_factory=dict)

    def add(self, doc: Doc, start: int, end: int, actor: Actor, rule: str, confidence: float) -> None:
        span = doc[start:end]
        self.actors.setdefault(actor.id, actor)
        if actor.type == "person":  # first and last names of people named in full, for "Austin"
            for name in (span.text, actor.name):
                words = normalise_name(name).split()
                if len(words) >= 2:
                    for word in {words[0], words[-1]}:
                        self.person_words.setdefault(word, []).append((span.start_char, actor.id))
        index = len(self.mentions)
        mention = Mention(
            actor.id,
            span.text,
            span.start_char,
            span.end_char,
            rule,
            confidence,
            self.sentence_of.get(start, 0),
        )
        self.mentions.append(mention)
        self.by_sentence.setdefault(mention.sentence, []).append(mention)
        for i in range(start, end):
            self.claimed[i] = index

    def reindex(self, doc: Doc) -> None:
        """Sort mentions by position and rebuild the token index."""
        self.mentions.sort(key=lambda m: m.start)
        self.by_sentence = {}
        for mention in self.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.claimed = {}
        for index, mention in enumerate(self.mentions):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.claimed[i] = index

    def subset(self, mentions: list[Mention]) -> DocMentions:
        """A view holding only ``mentions`` (for "a person who was a subject first")."""
        view = DocMentions(mentions, self.actors, {}, self.sentence_of, self.paragraph_of)
        for mention in mentions:
            view.by_sentence.setdefault(mention.sentence, []).append(mention)
        return view

    def before(self, position: int, first_sentence: int, last_sentence: int) -> Iterator[Mention]:
        """Mentions that start before ``position`` in the sentences from first to last: the
        window a reference may reach back into (indexed by sentence, so long documents stay
        linear)."""
        for number in range(max(0, first_sentence), last_sentence + 1):
            for mention in self.by_sentence.get(number, ()):
                if mention.start < position:
                    yield mention

    def at(self, token: Token) -> Mention | None:
        """The mention covering ``token``, if any."""
        index = self.claimed.get(token.i)
        return None if index is None else self.mentions[index]

    def free(self, start: int, end: int) -> bool:
        return all(i not in self.claimed for i in range(start, end))


def ner_type(label: str, text: str) -> str:
    """Actor type for an unknown named entity, from its NER label and words in its name."""
    if label == "ORG":
        for pattern, kind in _ORG_HINTS:
            if pattern.search(text):
                return kind
        return "other"
    return NER_TYPES.get(label, "other")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:120] or "unnamed"


class MentionFinder:
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

    # -- helpers -----------------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        entry = self.dictionary.actors[actor_id]
        return Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")

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
            best: tuple[int, list[str]] | None = None
            acronym = acronym_key(doc[i].text)
            if acronym is not None and (acronym in self.dictionary.by_acronym or acronym.lower() in local):
                best = (i + 1, self.dictionary.by_acronym.get(acronym) or [local[acronym.lower()]])
            words: list[str] = []
            for j in range(i, min(n, i + MAX_ALIAS_WORDS * 2)):
                piece = normalise_name(doc[j].text)
                if not piece:
                    if j == i or doc[j].is_space or doc[j].is_sent_start:
                        break
                    continue  # punctuation or an article inside a name: "al-Haq", "Kata'ib"
                words.append(piece)
                key = " ".join(words)
                if key not in self.prefixes and key not in local:
                    break
                if key in local:
                    best = (j + 1, [local[key]])
                elif key in self.dictionary.by_alias:
                    best = (j + 1, self.dictionary.by_alias[key])
            if best is not None and self.names_institution(doc, best[0], best[1]):
                best = None  # "the Washington Institute": an organisation, not the state
            if best is not None and self.other_first_name(doc, i, best[0], best[1]):
                best = None  # "Laith al-Khazali" is not Qais al-Khazali
            if best is not None and found.free(i, best[0]):
                end, ids = best
                actor_id = self.choose(ids, found)
                conf = 0.95 if len(ids) == 1 else 0.6
                found.add(doc, i, end, self.local_actor(actor_id, found), "dictionary", conf)
                i = end
            else:
                i += 1

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
        return all(self.dictionary.actors[i].type == "person" for i in ids if i in self.dictionary.actors)

    def short_names(self, doc: Doc, found: DocMentions) -> None:
        """Surnames and first names the tagger left unnamed ("Saadi" after "Abu Baqir al-Saadi"),
        and bare surnames two people of the story share, which name neither."""
        for token in doc:
            if token.i in found.claimed or token.pos_ != "PROPN" or not token.is_title:
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
            if ent.label_ in ("GPE", "NORP"):
                country = country_named(core.text)
                if country is not None:  # a state the dictionary does not list
                    state = Actor(f"state:{country[1].lower()}", country[0], "state", country[1], "extracted")
                    found.add(
                        doc, core.start, core.end, found.actors.get(state.id, state), "ner+gazetteer", 0.8
                    )
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

    def fuzzy(self, key: str) -> tuple[str, float] | None:
        if len(key) < 5:
            return None
        hit = process.extractOne(key, self.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit is None:
            return None
        ids = self.dictionary.by_alias[hit[0]]
        return (ids[0], float(hit[1])) if len(ids) == 1 else None

    # -- pass 4: collectives and pronouns ----------------------------------------------------
    def antecedent(
        self,
        found: DocMentions,
        before: int,
        sentence: int,
        window: int,
        accept: set[str] | None,
        umbrella: bool | None,
    ) -> str | None:
        """Most recent earlier mention's actor within ``window`` sentences, whose type is accepted."""
        best: Mention | None = None
        for mention in found.before(before, sentence - window, sentence):
            actor = found.actors[mention.actor_id]
            if accept is not None and actor.type not in accept:
                continue
            if umbrella is not None and self.dictionary.is_umbrella(actor.id) != umbrella:
                continue
            if best is None or mention.start > best.start:
                best = mention
        return None if best is None else best.actor_id

    def salient(
        self,
        found: DocMentions,
        before: int,
        sentence: int,
        accept: set[str],
        umbrella: bool | None,
        window: int = COLLECTIVE_WINDOW,
    ) -> str | None:
        """The compatible actor mentioned most often in the window, the most recent among equals.

        Collectives ("the militias") refer to the group the story is about, which need not be
        the last one named ("to face the Islamic State, the militias ...").
        """
        counts: dict[str, tuple[int, int]] = {}
        for mention in found.before(before, sentence - window, sentence):
            actor = found.actors[mention.actor_id]
            if actor.type not in accept:
                continue
            if umbrella is not None and self.dictionary.is_umbrella(actor.id) != umbrella:
                continue
            n, _ = counts.get(actor.id, (0, 0))
            counts[actor.id] = (n + 1, mention.start)
        return max(counts, key=lambda a: counts[a]) if counts else None

    def reference_pass(self, doc: Doc, found: DocMentions) -> None:
        for token in doc:
            if token.i in found.claimed:
                continue
            lower = token.lower_
            kind = self.references.pronouns.get(lower) if token.pos_ == "PRON" else None
            if kind is not None:
                self.resolve_pronoun(doc, token, kind, found)
                continue
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            if token.lemma_.lower() in self.references.civilians and token.tag_ in ("NNS", "NNPS"):
                self.resolve_civilians(doc, token, found)
                continue
            entry = self.collective_of(token)
            sector = sector_phrase(token, self.agents)
            if sector is None and entry is not None and entry.sector is not None:
                sector = (entry.sector, token.i)
            if (entry is None and sector is None) or not self.is_reference(token, found):
                continue
            self.resolve_collective(doc, token, entry, sector, found)
        self.apply_definitions(found)

    def apply_definitions(self, found: DocMentions) -> None:
        """Generic mentions of a sector the text defined by name ("The PMF militias ... Iranian
        proxy militias") are that named actor, where their home or patron does not contradict it."""
        for mention in found.mentions:
            parsed = parse_generic(mention.actor_id)  # pronouns that took the generic follow it
            if parsed is None:
                continue
            home, patron, sector = parsed
            named = found.defined.get(sector)
            if named is None:
                continue
            country = found.actors[named].country
            if patron is not None and not self.dictionary.backed_by(named, patron):
                continue  # "Turkish-backed factions" are not the SDF the story named
            if home is None or country is None or home == country:
                found.actors.setdefault(named, found.actors[named])
                mention.actor_id = named
                mention.rule = "collective:defined" if mention.rule == "generic" else mention.rule
        used = {m.actor_id for m in found.mentions}
        found.actors = {k: v for k, v in found.actors.items() if k in used}

    def collective_of(self, token: Token) -> Collective | None:
        """The collective-noun entry a token is an instance of ("Militias" -> militia)."""
        for form in (token.lemma_.lower(), token.lower_, token.lower_.removesuffix("s")):
            entry = self.references.collective(form)
            if entry is not None:
                return entry
        return None

    @staticmethod
    def in_place_phrase(token: Token) -> bool:
        """Whether a token is the object of "in X" or "the community of X"."""
        if token.dep_ != "pobj":
            return False
        prep = token.head
        if prep.lower_ in PLACE_PREPS:
            return True
        return prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS

    def is_reference(self, token: Token, found: DocMentions) -> bool:
        """Whether a collective noun refers to an actor ("the militias") rather than describes
        one ("designated as terrorist organizations")."""
        if token.dep_ == "compound" and token.head.i in found.claimed:
            return False
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children)
        if indefinite and token.dep_ in ("appos", "attr"):
            return False  # "Hamas, a U.S.-designated terrorist organization": a description
        if token.dep_ == "compound" and token.head.lemma_.lower() in self.references.collective_heads:
            return True  # "a militia compound", "the militia leaders"
        if token.dep_ == "appos":  # "the militia that conducted ...", in apposition to a name
            return token.head.i in found.claimed
        if token.dep_ == "pobj" and token.head.lower_ == "as" or token.dep_ in ("attr", "oprd"):
            return False
        mass = token.lemma_.lower() in self.references.singular_agents
        if mass and token.dep_ in ("pobj", "dobj", "nsubj"):
            return True  # "attacks on shipping", "the army said"
        children = list(token.children)
        if any(c.dep_ == "poss" or c.lower_ in COLLECTIVE_DETS for c in children):
            return True
        if any(c.i in found.claimed for c in children if c.dep_ in ("compound", "amod", "nmod")):
            return True
        dep = token.dep_
        head = token
        while dep == "conj" and head.head.i != head.i:  # "X and government forces": as the first
            head = head.head
            dep = head.dep_
        return token.tag_ in ("NNS", "NNPS") and dep in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "pobj",
            "compound",
        )

    def resolve_pronoun(self, doc: Doc, token: Token, kind: str, found: DocMentions) -> None:
        sentence = found.sentence_of.get(token.i, 0)
        target = None
        if kind == "person":  # a person who was a subject first ("Ghaani ... as he"), else the last one
            subjects = found.subset([m for m in found.mentions if self.is_subject(doc, m)])
            target = self.antecedent(subjects, token.idx, sentence, PRONOUN_WINDOW, {"person"}, None)
            target = target or self.antecedent(found, token.idx, sentence, PRONOUN_WINDOW, {"person"}, None)
        else:
            for types in GROUP_PREFERENCE:
                target = target or self.antecedent(found, token.idx, sentence, PRONOUN_WINDOW, types, None)
        if target is not None:
            found.add(doc, token.i, token.i + 1, found.actors[target], f"pronoun:{kind}", 0.55)

    @staticmethod
    def is_subject(doc: Doc, mention: Mention) -> bool:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def state_at(self, token: Token, found: DocMentions) -> State | None:
        """The state a token's mention names, if it names one."""
        mention = found.at(token)
        if mention is None:
            return None
        actor = found.actors[mention.actor_id]
        if actor.type != "state" or not actor.country:
            return None
        return State(actor.id, actor.name, actor.country)

    def home_and_patron(
        self, doc: Doc, token: Token, found: DocMentions
    ) -> tuple[State | None, State | None]:
        """Where a collective is ("Iraqi militias", "militias in Iraq") and who backs it
        ("Iran-backed militias"), from its modifiers and its place phrase."""
        home = patron = None
        several = False
        for t in doc[token.left_edge.i : token.i]:
            state = self.state_at(t, found)
            if state is None:
                continue
            after = [
                a
                for a in doc[t.i + 1 : token.i]
                if not a.is_punct and a.dep_ != "case" and found.at(a) is None
            ]
            if after and is_patron_marker(after[0]):
                patron = patron or state
            elif after and after[0].lower_ in ("and", "or"):
                several = True  # "U.S. and Iraqi forces": more than one home, so none
            else:
                home = state
        if several:
            return None, patron
        if home is None:
            for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    home = home or self.state_at(obj, found)
        return home, patron

    def resolve_civilians(self, doc: Doc, token: Token, found: DocMentions) -> None:
        """ "innocent Sunni civilians" -> one civilians actor per group name and noun."""
        groups = [c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
        # "civilians in the Sunni farming community": the group named in the phrase
        after = doc[token.i + 1 : min(token.i + 6, token.sent.end)]
        if not groups and len(after) and after[0].lower_ in ("in", "of", "from"):
            groups = [t for t in after if t.ent_type_ == "NORP"][:1]
        words = [*(g.text for g in groups), token.lower_]
        start = min([token.i, *(g.i for g in groups if g.i < token.i)])
        name = " ".join(words)
        actor = Actor(f"civilians:{slug(name)}", name.capitalize(), "civilians", None, "extracted")
        if found.free(start, token.i + 1):
            found.add(doc, start, token.i + 1, found.actors.get(actor.id, actor), "civilians", 0.6)

    def resolve_collective(
        self,
        doc: Doc,
        token: Token,
        entry: Collective | None,
        sector: tuple[str, int] | None,
        found: DocMentions,
    ) -> None:
        """A collective ("the militias", "Iran-backed militias", "U.S. forces") is a named actor
        only where the text binds it: a name inside it or in apposition, or, for a definite
        one, an antecedent close by; otherwise it is the generic actor of its sector."""
        if entry is None and not self.collective_sector(token):
            return  # "the commander", "a spokesman": one person, not a collective
        types = set(entry.types) if entry is not None else {"armed_group", "state_agency"}
        # the noun phrase: determiners and modifiers to the left that no name claimed
        start = token.i
        while start > token.left_edge.i and (start - 1) not in found.claimed:
            before = doc[start - 1]
            if before.dep_ in ("det", "amod", "compound", "nummod", "poss", "punct", "npadvmod") and not (
                before.is_punct and before.text not in ("-",)
            ):
                start -= 1
            else:
                break
        while start < token.i and (doc[start].is_punct or doc[start].dep_ == "npadvmod"):
            start += 1
        inner = [found.mentions[found.claimed[t.i]] for t in token.children if t.i in found.claimed]
        for mention in inner:  # "the Asaib Ahl al-Haq militia", "Hezbollah fighters": the name decides
            if found.actors[mention.actor_id].type in types - {"state"}:
                found.add(doc, start, token.i + 1, found.actors[mention.actor_id], "collective:named", 0.85)
                if mention.rule.startswith(("generic", "collective", "pronoun")):
                    return  # "militia officials": the militias' people; a definition needs a name
                same_kind = (
                    sector is not None
                    and self.agents.sectors[sector[0]].type == found.actors[mention.actor_id].type
                )  # "the PMF militias" defines the militias; "Houthi forces" no government forces
                if sector is not None and same_kind and token.tag_ in ("NNS", "NNPS"):
                    known = found.defined.setdefault(sector[0], mention.actor_id)
                    if known != mention.actor_id:
                        found.defined[sector[0]] = None
                return
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj" and g.i in found.claimed):
                named = found.mentions[found.claimed[obj.i]]  # "the militias of the PMF"
                if found.actors[named.actor_id].type in types - {"state"}:
                    found.add(doc, start, token.i + 1, found.actors[named.actor_id], "collective:of", 0.8)
                    return
        if token.dep_ == "appos" and token.head.i in found.claimed:  # "the AAH militia, the militia that"
            named = found.mentions[found.claimed[token.head.i]]
            if found.actors[named.actor_id].type in types:
                found.add(doc, start, token.i + 1, found.actors[named.actor_id], "collective:apposition", 0.8)
                return
        if types == {"facility"}:  # "the embassy" is the one the story named, never a sector
            sector = None
        elif sector is not None and not self.collective_sector(token):
            sector = None  # "the commander", "a spokesman": one person, not a collective
        home, patron = self.home_and_patron(doc, token, found)
        definite = any(c.dep_ == "poss" or c.lower_ in COLLECTIVE_DETS for c in token.children)
        target = None
        if home is None and patron is None and (definite or token.dep_ == "compound"):
            target = self.bound_antecedent(token, entry, sector, types, found)
        if target is not None:
            found.add(doc, start, token.i + 1, found.actors[target], "collective", 0.6)
        elif sector is not None:
            actor = generic_actor(sector[0], self.agents, home, patron)
            found.add(doc, start, token.i + 1, found.actors.get(actor.id, actor), "generic", 0.6)

    def bound_antecedent(
        self,
        token: Token,
        entry: Collective | None,
        sector: tuple[str, int] | None,
        types: set[str],
        found: DocMentions,
    ) -> str | None:
        """The actor a definite collective refers back to, if the text gives one close by."""
        sentence = found.sentence_of.get(token.i, 0)
        if types == {"facility"}:  # "the embassy": the one the story named, however far back
            return self.salient(found, token.idx, sentence, types, None, window=len(token.doc))
        # "the militia leaders": a singular modifier of a plural speaks of the militias
        plural = token.tag_ in ("NNS", "NNPS") or (
            token.dep_ == "compound" and token.head.tag_ in ("NNS", "NNPS")
        )
        if plural or (entry is not None and entry.umbrella):
            # "the militias": the umbrella or the generic actor of this sector named just before,
            # in the same paragraph or at most PRONOUN_WINDOW sentences back
            best: Mention | None = None
            paragraph = found.paragraph_start.get(found.paragraph_of.get(sentence, -1), sentence)
            for mention in found.before(token.idx, min(paragraph, sentence - PRONOUN_WINDOW), sentence):
                actor = found.actors[mention.actor_id]
                same_sector = sector is not None and actor.id.endswith(":" + sector[0].lower())
                umbrella = (
                    entry is not None and actor.type in types and self.dictionary.is_coalition(actor.id)
                )
                if (same_sector or umbrella) and (best is None or mention.start > best.start):
                    best = mention
            return None if best is None else best.actor_id
        if entry is None:
            return None
        # "the militia", "the group": the one just named
        target = self.antecedent(found, token.idx, sentence, PRONOUN_WINDOW, types, False)
        return target or self.antecedent(found, token.idx, sentence, PRONOUN_WINDOW, types, None)

    def collective_sector(self, token: Token) -> bool:
        """Whether an agent noun names a collective: a plural ("officials"), a plural it
        modifies ("militia leaders"), or a body or weapon named in the singular ("the army")."""
        if token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() in self.references.singular_agents:
            return True
        return token.dep_ == "compound" and token.head.tag_ in ("NNS", "NNPS")

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
        self.reference_pass(doc, found)
        self.drop_places(doc, found)
        found.reindex(doc)
        return found

    def drop_places(self, doc: Doc, found: DocMentions) -> None:
        """A state named only as where things happen ("strikes in eastern Syria", "off Yemen")
        is a place, not an actor of the story: its mentions are dropped. One mention as an
        actor (subject, object, possessor, a demonym on an agent) keeps them all."""
        acting: set[str] = set()
        for mention in found.mentions:
            if found.actors[mention.actor_id].type != "state":
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not self.is_place(span.root):
                acting.add(mention.actor_id)
        found.mentions = [
            m for m in found.mentions if found.actors[m.actor_id].type != "state" or m.actor_id in acting
        ]
        found.actors = {k: v for k, v in found.actors.items() if v.type != "state" or k in acting}

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
