"""The base of the tie reader: its word lists, how a token names actors, and how a tie is made.

A tie is made only between two actors whose types the tie type allows
(``ontology/data/tie_types.yaml``); it is former when the words say so ("the late", "former")
or when the dictionary knows it ended before the document was published.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.dictionary.schema import period_end
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.modality import load_modality
from proxywatch.extract.records import Actor, Evidence, Tie
from proxywatch.ontology import Ontology
from proxywatch.ontology.schema import TieVerb

RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# an organisation leading another is operational command, a person leading one is leadership
GROUP_LEADS_AS = "commands"
ARMED = {"armed_group", "state_agency", "state"}  # a party that leads a body leads it ("Fatah leads the PLO")


class TieBase:
    """Word lists and shared helpers of :class:`proxywatch.extract.ties.TieReader`."""

    def __init__(self, ontology: Ontology, dictionary: ActorDictionary) -> None:
        lex = ontology.tie_lexicon
        self.roles = lex.role_nouns
        self.verbs: dict[str, TieVerb] = {v.lemma: v for v in lex.verbs}
        self.former = set(lex.former_words)
        self.modifiers = {m.word: m for m in lex.modifiers}
        self.head_titles = set(lex.head_titles)
        self.government_titles = set(lex.government_titles)
        self.official_titles = set(lex.official_titles)
        self.deputy_words = set(lex.deputy_words)
        self.conflict_nouns = set(lex.conflict_nouns)
        self.hostile_prefixes = set(lex.hostile_prefixes)
        self.direction_nouns = set(lex.direction_nouns)
        self.designation_nouns = set(lex.designation_nouns)
        self.membership_verbs = set(lex.membership_verbs)
        self.coalition_nouns = set(lex.coalition_nouns)
        self.military_words = set(lex.military_words)
        self.support_nouns = lex.support_nouns
        self.support_verbs = set(lex.support_verbs)
        self.designation_labels = lex.designation_labels
        self.relation_words = lex.relation_words
        self.group_roles = set(lex.group_role_nouns)
        self.body_roles = set(lex.body_role_nouns)
        self.friendly_prefixes = set(lex.friendly_prefixes)
        self.client_nouns = lex.client_nouns
        self.patron_nouns = lex.patron_nouns
        self.give_verbs = set(lex.give_verbs)
        self.listed_verbs = set(lex.listed_verbs)
        self.war_nouns = set(lex.war_nouns)
        self.administration_nouns = set(lex.administration_nouns)
        self.department_titles = set(lex.department_titles)
        self.opposition_nouns = set(lex.opposition_nouns)
        self.opposition_verbs = set(lex.opposition_verbs)
        self.tie_types = ontology.tie_types
        self.dictionary = dictionary
        self.modality = load_modality()

    def actor(self, token: Token | None, found: DocMentions) -> str | None:
        if token is None:
            return None
        mention = found.at(token)
        if mention is not None:
            return mention.actor_id
        # "the lead of Hezbollah's leader Hasan Nasrallah": the named person before the organisation
        # "the country's Alawite minority" is the Alawite one: the name run into the noun before its owner
        for deps in (("appos",), ("compound", "amod", "nmod"), ("poss",)):
            for child in token.children:
                if child.dep_ in deps:
                    inner = found.at(child)
                    if inner is not None:
                        return inner.actor_id
        return None

    def own_name(self, token: Token, found: DocMentions) -> str | None:
        """The actor a possessor or modifier names. Where the mention of an appositive phrase took
        in its possessor ("Hamas's armed wing, the Qassam Brigades" all mentions the Brigades),
        the possessor's own name is looked up in the dictionary."""
        mention = found.at(token)
        if mention is None:
            return None
        outer = found.at(token.head)
        if (
            outer is None
            or outer.actor_id != mention.actor_id
            or token.dep_ not in ("poss", "compound", "amod")
        ):
            return mention.actor_id
        names = self.dictionary.lookup(token.text)
        entry = self.dictionary.actors.get(names[0]) if len(names) == 1 else None
        if entry is None or entry.id == mention.actor_id:
            return mention.actor_id
        found.actors.setdefault(
            entry.id, Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
        )
        return entry.id

    def name_owner(self, role: Token, found: DocMentions) -> str | None:
        """ "Iran's arch-enemy Israel": the parser hangs the possessor on the name the bare role word
        modifies (not on a role with a noun of its own: "Israel's army chief X" leads no state)."""
        named = found.at(role.head) if role.dep_ in ("compound", "amod") else None
        if named is None or any(
            c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and role.doc[c.i + 1].text != "-"
            for c in role.children
        ):
            return None
        for child in role.head.children:
            who = self.own_name(child, found) if child.dep_ == "poss" and child.i < role.i else None
            if who is not None and who != named.actor_id:
                return who
        return None

    def bound_name(self, noun: Token, found: DocMentions) -> str | None:
        """The named actor a generic phrase is said of: "KH is one of the Iran-backed factions",
        "KH, another Iran-backed group" (a phrase that stands for a named actor is that actor)."""
        mention = found.at(noun)
        if mention is not None and not mention.actor_id.startswith("generic:"):
            return None
        outer = noun
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
            outer = noun.head.head  # "one of the ... factions"
        if outer.dep_ == "appos":
            named = self.actor(outer.head, found)
        elif outer.dep_ == "attr":
            named = next(
                (a for c in outer.head.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)),
                None,
            )
        else:
            return None
        return named if named is not None and not named.startswith("generic:") else None

    def said_of(self, noun: Token, found: DocMentions) -> list[str]:
        """Named actors a generic phrase is said of beyond :meth:`bound_name`: "KH and Nujaba are
        among the Iran-backed factions", "Hezbollah and other Iran-backed groups"."""
        named: list[str] = []
        if noun.dep_ == "pobj" and noun.head.lower_ == "among" and noun.head.head.pos_ == "AUX":
            named = [
                a for c in noun.head.head.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)
            ]
        elif noun.dep_ == "conj" and any(c.lower_ == "other" for c in noun.children if c.dep_ == "amod"):
            named = self.actors(noun.head, found, strict=True)
        return [a for a in named if not a.startswith("generic:")]

    def actors(self, token: Token | None, found: DocMentions, strict: bool = False) -> list[str]:
        """Actors a token names, with its conjuncts; ``strict`` ignores modifiers
        ("command the militia's respect" does not command the militia)."""
        if token is None:
            return []
        mention = found.at(token)
        first = (
            mention.actor_id
            if strict and mention is not None
            else None
            if strict
            else self.actor(token, found)
        )
        result = [a for a in [first] if a]
        for child in token.children:
            if child.dep_ == "conj":
                result.extend(self.actors(child, found, strict))
        result.extend(self.included(token, found))
        return list(dict.fromkeys(result))

    def included(self, token: Token, found: DocMentions) -> list[str]:
        """Members a phrase names ("militant groups, including Kata'ib Hezbollah and KSS"): a
        standing tie said of the phrase holds of each of them."""
        return [
            actor
            for child in token.children
            if child.dep_ == "prep" and (child.lower_ == "including" or self.such_as(child))
            for pobj in child.children
            if pobj.dep_ == "pobj"
            for actor in self.actors(pobj, found)
        ]

    @staticmethod
    def such_as(prep: Token) -> bool:
        """ "groups such as KH and Nujaba": "as" under "such" names examples, as "including" does."""
        return prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)

    @staticmethod
    def negated(verb: Token) -> bool:
        """ "does not command", "don't take orders nor respect": negated, also through "nor"."""
        for tok in (verb, verb.head if verb.dep_ == "conj" else None):
            if tok is not None and any(c.dep_ == "neg" or c.lower_ in ("nor", "never") for c in tok.children):
                return True
        return False

    def unasserted(self, verb: Token) -> bool:
        """ "Does Iran fund the Houthis?", "Iran could arm them", "if Iran supplies them": a tie
        verb asked about, or said under a modal or a condition, states no tie."""
        if verb.sent[-1].text == "?" or any(t.text == "?" for t in verb.sent[-2:]):
            return True
        for tok in (verb, verb.head if verb.dep_ == "conj" else None):
            for child in tok.children if tok is not None else ():
                if child.dep_ == "aux" and child.lower_ in self.modality.hypothetical_modals:
                    return True
                if child.dep_ == "mark" and child.lower_ in self.modality.hypothetical_marks:
                    return True
        return False

    def unasserted_copula(self, noun: Token) -> bool:
        """ "The Houthis are not Iran's proxies", "Is Hezbollah an Iranian proxy?": a copula that
        is negated, asked or hedged states nothing of its subject."""
        root = noun.sent.root
        if root.pos_ == "AUX" and noun.dep_ in ("attr", "appos") and self.unasserted(root):
            return True  # "Is Hezbollah an Iranian proxy?" (the parser may make it an apposition)
        if noun.dep_ != "attr" or noun.head.pos_ not in ("AUX", "VERB"):
            return False
        return self.negated(noun.head) or self.unasserted(noun.head)

    def conditional(self, token: Token) -> bool:
        """ "if the United States armed Ukraine": a clause the parser hung on a noun under "if"."""
        return any(c.dep_ == "mark" and c.lower_ in self.modality.hypothetical_marks for c in token.children)

    def is_former(self, token: Token) -> bool:
        """ "the former commander", "Slain Hamas leader X", "the late X, Hezbollah's leader": a
        former word before the role in its phrase, or on the name the role is in apposition with."""
        if any(c.lower_ in self.former for c in token.children if c.dep_ in ("amod", "advmod", "compound")):
            return True
        if any(t.lower_ in self.former for t in token.subtree if t.i < token.i):
            return True
        if token.dep_ in ("compound", "appos") and token.head.pos_ == "PROPN":
            return any(
                c.lower_ in self.former and c.i < token.head.i
                for c in token.head.subtree
                if c.dep_ in ("amod", "compound")
            )
        return False

    def make(
        self,
        doc: Doc,
        found: DocMentions,
        tie: str,
        source: str | None,
        target: str | None,
        token: Token,
        rule: str,
        former: bool,
        conf: float,
    ) -> Tie | None:
        if not source or not target or source == target:
            return None
        if tie == "leads" and (
            found.actors[source].type in ARMED or self.military(found.actors[target].name)
        ):
            tie = GROUP_LEADS_AS  # a force over a group, or anyone at the head of a force, commands
        types = self.tie_types[tie]
        src_type, tgt_type = found.actors[source].type, found.actors[target].type
        if types.source and src_type not in types.source or types.target and tgt_type not in types.target:
            return None
        sent = token.sent
        former = former or self.ended_before(source, tie, target, token.doc._.pw_published)
        valid = "former" if former and self.tie_types[tie].can_be_former else "current"
        return Tie(
            tie, source, target, Evidence(sent.text, sent.start_char, sent.end_char, rule, conf), valid
        )

    def military(self, name: str) -> bool:
        return bool(set(name.lower().replace("-", " ").split()) & self.military_words)

    def ended_before(self, source: str, tie: str, target: str, published: date | None) -> bool:
        """Whether the dictionary knows the tie ended before the document was published
        ("Soleimani, commander of the Quds Force" in a story of 2021: he died in 2020)."""
        entry = self.dictionary.actors.get(source)
        if entry is None or published is None:
            return False
        # every known period must have ended: the U.S. lifted its 2021 designation of the Houthis
        # and designated them again in 2024, so a story of 2024 states a current designation
        periods = [known for known in entry.ties if known.tie == tie and known.target == target]
        return bool(periods) and all(known.end and period_end(known.end) < published for known in periods)

    @staticmethod
    def referent(noun: Token, found: DocMentions) -> str | None:
        """The actor a noun phrase stands for: its own mention, a name in apposition with it, the
        subject it describes ("X is a ... organization"), or the name it titles ("Organization KH")."""
        mention = found.at(noun)
        if mention is not None:
            return mention.actor_id
        for child in noun.children:
            if child.dep_ == "appos" and found.at(child) is not None:
                return found.at(child).actor_id  # type: ignore[union-attr]
        if noun.dep_ == "appos" and found.at(noun.head) is not None:
            return found.at(noun.head).actor_id  # type: ignore[union-attr]
        described = noun
        while described.dep_ == "conj" and described.head.pos_ in ("NOUN", "PROPN"):
            described = described.head  # "The Houthis are a movement and a designated organization"
        if described.dep_ == "attr" or described.dep_ == "conj" and described.head.pos_ == "AUX":
            # "Hamas is a movement, and a U.S.-designated foreign terrorist organization"
            for child in described.head.children:
                if child.dep_ == "nsubj" and found.at(child) is not None:
                    return found.at(child).actor_id  # type: ignore[union-attr]
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if nxt is not None and found.at(nxt) is not None:
            return found.at(nxt).actor_id  # type: ignore[union-attr]
        return None

    def subject_actors(self, subject: Token, found: DocMentions) -> list[str]:
        """The actors a subject names; a relative pronoun stands for its antecedent: the noun the
        clause hangs on, the name that noun describes ("a group that is designated"), or the name
        just before the pronoun when the parser hung the clause elsewhere ("the charisma of
        Soleimani who was respected by the militias")."""
        if subject.lower_ not in RELATIVE_PRONOUNS:
            return self.actors(subject, found)
        antecedent = subject.head.head
        named = self.actors(antecedent, found) or [a for a in [self.referent(antecedent, found)] if a]
        if named:
            return named
        before = subject.doc[subject.i - 1] if subject.i > 0 else None
        if before is not None and before.text == ",":
            before = subject.doc[before.i - 1] if before.i > 0 else None
        mention = found.at(before) if before is not None else None
        return [mention.actor_id] if mention is not None else []
