"""Collectives and pronouns: "the militias", "Iran-backed militias", "U.S. forces", "they".

The fourth pass of the mention finder (``mentions.py``): a collective binds to a named actor
only where the text binds it (a name inside it or in apposition, a definition, a close
antecedent), otherwise it becomes the generic actor of its sector (``generics.py``);
pronouns take the most recent compatible actor.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.extract.agents import Agents
from proxywatch.extract.generics import (
    State,
    generic_actor,
    is_outside_marker,
    is_patron_marker,
    parse_generic,
    sector_phrase,
)
from proxywatch.extract.heads import body_named_by_head, noun_phrase_start
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.places import demonyms_of
from proxywatch.extract.populations import national_civilians
from proxywatch.extract.records import Actor, Mention
from proxywatch.extract.references import Collective, References
from proxywatch.ids import slug

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
COLLECTIVE_DETS = {"the", "this", "these", "that", "those", "such"}
INDEFINITE = {"a", "an", "another", "any", "some", "no"}
PRONOUN_WINDOW = 2  # sentences back that a pronoun may reach
COLLECTIVE_WINDOW = 6


def modifier_words(token: Token) -> set[str]:
    """The adjectives and noun modifiers of a noun and their conjuncts, as written and as
    lemmas ("a credible and inclusive transitional government": credible, inclusive, ...)."""
    modifiers = [c for c in token.children if c.dep_ in ("amod", "compound")]
    modifiers += [c for m in modifiers for c in m.children if c.dep_ == "conj"]
    return {m.lemma_.lower() for m in modifiers} | {m.lower_ for m in modifiers}


class CollectiveResolver:
    """Pass 4 of :class:`proxywatch.extract.mentions.MentionFinder`, which provides these."""

    dictionary: ActorDictionary
    references: References
    agents: Agents

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
            if token.i in found.claimed or token.i in found.in_texts:
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
            if self.resolve_state_noun(doc, token, found):
                continue
            body = body_named_by_head(doc, token, found, self.agents)
            if body is not None:  # "the Council" after "the U.N. Security Council"
                start = noun_phrase_start(token)
                if found.free(start, token.i + 1):
                    found.add(doc, start, token.i + 1, body, "collective:head", 0.75)
                continue
            entry = self.collective_of(token)
            sector = sector_phrase(token, self.agents)
            if sector is None and entry is not None and entry.sector is not None:
                sector = (entry.sector, token.i)
            if (entry is None and sector is None) or not self.is_reference(token, found):
                continue
            self.resolve_collective(doc, token, entry, sector, found)
        self.apply_definitions(found)

    def resolve_state_noun(self, doc: Doc, token: Token, found: DocMentions) -> bool:
        """ "the country" (singular, definite) is the state the last sentences name most
        ("Lebanon ... the country's religious groups"; not Germany of "a Germany-based center")."""
        if token.lemma_.lower() not in self.references.state_nouns or token.tag_ != "NN":
            return False
        dets = [c for c in token.children if c.dep_ == "det" and c.i == token.i - 1]
        if not dets or dets[0].lower_ != "the" or (token.i - 1) in found.claimed:
            return False
        sentence = found.sentence_of.get(token.i, 0)
        state = self.salient(found, token.idx, sentence, {"state"}, None)
        if state is None:
            return False
        found.add(doc, token.i - 1, token.i + 1, found.actors[state], "collective:state", 0.6)
        return True

    def apply_definitions(self, found: DocMentions) -> None:
        """Generic mentions of a sector the text defined by name ("The PMF militias ... Iranian
        proxy militias") are that named actor, where their home or patron does not contradict it."""
        for mention in found.mentions:
            parsed = parse_generic(mention.actor_id)  # pronouns that took the generic follow it
            if parsed is None or mention.rule == "generic:others":
                continue
            home, patron, sector = parsed
            # a definition binds its own noun only: "Islamic State fighters" defines fighters,
            # not "Iraqi militia"; a pronoun that took the generic follows its sector's one
            by_pronoun = mention.rule.startswith("pronoun")
            named = found.defined.get(sector if by_pronoun else _defined_key(sector, mention.text))
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
        if mention.rule == "pronoun:first" and actor.type != "state" and actor.country:
            state = self.state_of(actor.country)  # "our forces": the speaker's country's forces
            return None if state is None else State(state.id, state.name, actor.country)
        if actor.type != "state" or not actor.country:
            return None
        return State(actor.id, actor.name, actor.country)

    def state_of(self, country: str) -> Actor | None:
        """The dictionary's state of an ISO3 country code."""
        for entry in self.dictionary.actors.values():
            if entry.type == "state" and entry.country == country:
                return Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
        return None

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
            if after and is_outside_marker(after[0]):
                continue
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
        if national_civilians(doc, token, groups, found, self.agents):
            return  # "Lebanese residents": the country's civilians
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
        if self.unarmed(token):
            return  # "religious groups": a community, no actor of the story's sectors
        if modifier_words(token) & self.references.future_modifiers:
            return  # "the next government": one to come, no actor yet
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
        start = self.home_prefix(doc, self.patron_prefix(doc, start, found), token, found)
        inner = [found.mentions[found.claimed[t.i]] for t in token.children if t.i in found.claimed]
        inner = [m for m in inner if m.rule != "pronoun:first"]  # "our forces": a home, not a name
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
                    for key in (sector[0], _defined_key(sector[0], token.text)):
                        known = found.defined.setdefault(key, mention.actor_id)
                        if known != mention.actor_id:
                            found.defined[key] = None
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
            target = self.named_by_head(token, types, found) if definite else None
            target = target or self.bound_antecedent(token, entry, sector, types, found)
        if target is not None:
            found.add(doc, start, token.i + 1, found.actors[target], "collective", 0.6)
        elif sector is not None:
            national = self.national_body(token, home) if patron is None else None
            if national is not None:  # "our forces" of a U.S. speaker: the U.S. military
                found.add(
                    doc,
                    start,
                    token.i + 1,
                    found.actors.get(national.id, national),
                    "collective:national",
                    0.6,
                )
                return
            actor = generic_actor(sector[0], self.agents, home, patron)
            others = bool(modifier_words(token) & self.references.other_modifiers)
            rule = "generic:others" if others else "generic"  # "X and affiliated groups": not X
            found.add(doc, start, token.i + 1, found.actors.get(actor.id, actor), rule, 0.6)

    def national_body(self, token: Token, home: State | None) -> Actor | None:
        """The dictionary's body of a state that a collective with that home names: the one
        listed as "<state or its demonym> <noun>" ("our forces" of the U.S. -> "U.S. forces",
        the U.S. military; "the United States military")."""
        if home is None or home.id not in self.dictionary.actors:
            return None
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children):
            return None  # "an inclusive government in Syria": one that may be, not the one that is
        state = self.dictionary.actors[home.id]
        for surface in (state.name, *state.aliases, *demonyms_of().get(home.iso3, [])):
            ids = self.dictionary.lookup(f"{surface} {token.text}")
            bodies = [self.dictionary.actors[i] for i in ids if i in self.dictionary.actors]
            if len(bodies) == 1 and bodies[0].type == "state_agency" and bodies[0].country == home.iso3:
                body = bodies[0]
                return Actor(body.id, body.name, body.type, body.country, "dictionary")
        return None

    def unarmed(self, token: Token) -> bool:
        """Whether a collective's modifiers say it is a community, not a force ("the country's
        various religious groups"; not "ethnic armed groups")."""
        words = modifier_words(token)
        return bool(words & self.references.unarmed_modifiers) and not words & self.references.armed_modifiers

    @staticmethod
    def patron_prefix(doc: Doc, start: int, found: DocMentions) -> int:
        """Where a collective starts when a named patron is hyphenated to it: "Iran-backed
        militias" and "Iranian-backed militant groups" are one phrase, so the mention takes in
        the patron's name (which stays a mention of the patron too)."""
        if start < 2 or not is_patron_marker(doc[start]) or doc[start - 1].text != "-":
            return start
        named = found.at(doc[start - 2])
        if named is None or doc[start - 2].whitespace_ or doc[start - 1].whitespace_:
            return start
        first = doc.char_span(named.start, named.end, alignment_mode="expand")
        return first.start if first is not None and first.end == start - 1 else start

    @staticmethod
    def home_prefix(doc: Doc, start: int, token: Token, found: DocMentions) -> int:
        """Where a collective starts when a state's name or demonym modifies it: "Israeli
        officials" and "U.S. forces" are one phrase, so the mention takes in the state's
        name (which stays a mention of the state too)."""
        if start < 1 or start - 1 < token.left_edge.i:
            return start
        before = doc[start - 1]
        named = found.at(before)
        if named is None or found.actors[named.actor_id].type != "state":
            return start
        if before.dep_ not in ("amod", "compound", "nmod") or before.head.i < start:
            return start
        first = doc.char_span(named.start, named.end, alignment_mode="expand")
        return first.start if first is not None and first.end == start else start

    def named_by_head(self, token: Token, types: set[str], found: DocMentions) -> str | None:
        """The actor named earlier by a name with this head noun, for a definite singular
        ("the Administration" after "the Trump Administration", "the government" after "the
        Iraqi government"), the latest one."""
        if token.tag_ not in ("NN", "NNP"):
            return None
        lemma = token.lemma_.lower()
        best: str | None = None
        for mention in found.mentions:
            if mention.start >= token.idx or " " not in mention.text.strip():
                continue
            if found.actors[mention.actor_id].type not in types or mention.rule.startswith(
                ("generic", "pronoun")
            ):
                continue
            span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span[-1].lemma_.lower() == lemma:
                best = mention.actor_id
        return best

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
            if best is None and sector is not None:
                return self.sole_group_named(token, sector[0], found)  # "the Houthis ... the rebels"
            return None if best is None else best.actor_id
        if entry is None:
            return None
        # "the militia", "the group": the one just named, never a plural generic ("armed groups")
        named = found.subset([m for m in found.mentions if not self.plural_generic(token.doc, m)])
        target = self.antecedent(named, token.idx, sentence, PRONOUN_WINDOW, types, False)
        return target or self.antecedent(named, token.idx, sentence, PRONOUN_WINDOW, types, None)

    @staticmethod
    def plural_generic(doc: Doc, mention: Mention) -> bool:
        """Whether a mention is a generic actor named in the plural ("the strongest armed
        groups"), which a singular "the militia" cannot refer back to."""
        if not mention.rule.startswith("generic"):
            return False
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.tag_ in ("NNS", "NNPS")

    def sole_group_named(self, token: Token, sector: str, found: DocMentions) -> str | None:
        """The one named armed group of the sentence before or of this one, for a bare definite
        plural of its members ("The Houthis seized the port. The rebels ..."): only "the" and a
        noun listed as naming one group's members, and no other armed group named there."""
        if token.lemma_.lower() not in self.references.member_plurals or token.tag_ != "NNS":
            return None
        if [c.lower_ for c in token.children if c.i < token.i] != ["the"]:
            return None
        if self.agents.sectors[sector].type != "armed_group":
            return None
        sentence = found.sentence_of.get(token.i, 0)
        if found.paragraph_of.get(sentence) != found.paragraph_of.get(sentence - 1, -1):
            return None  # a new paragraph starts a new topic
        groups = {
            m.actor_id
            for m in found.before(token.idx, sentence - 1, sentence)
            if found.actors[m.actor_id].type == "armed_group"
        }
        if len(groups) != 1:
            return None
        (group,) = groups
        return None if parse_generic(group) is not None else group

    def collective_sector(self, token: Token) -> bool:
        """Whether an agent noun names a collective: a plural ("officials"), a plural it
        modifies ("militia leaders"), or a body or weapon named in the singular ("the army")."""
        if token.tag_ in ("NNS", "NNPS") or token.lemma_.lower() in self.references.singular_agents:
            return True
        return token.dep_ == "compound" and token.head.tag_ in ("NNS", "NNPS")


def _defined_key(sector: str, text: str) -> str:
    """The key of a definition: the sector and the collective's noun, plural or not
    ("UAF:militia" for "The PMF militias" and for "Iranian proxy militias")."""
    words = text.split()
    return f"{sector}:{words[-1].lower().removesuffix('s') if words else ''}"
