"""Role phrases that name an office holder: "the prime minister", "Iraq's President", "the top
political leader of Hamas", "China's U.N. ambassador", "the Iranian foreign minister".

A singular noun phrase headed by an office (``data/roles.yaml`` and the agent phrases of
``data/agents.yaml``) names the one person who holds that office of a state or body: the
possessive, the state or body modifying it, or its "of" phrase ("the leader of Hamas"). It
resolves, in order, to

1. the person it stands beside: a title before a name ("Prime Minister Mohammed al-Sudani")
   or an apposition ("Ismail Haniyeh, the top political leader of Hamas");
2. the person the document names with that office of that state or body, the nearest one
   before, else the nearest one after ("China's U.N. ambassador told reporters ... Fu Cong,
   China's ambassador, said");
3. the person who held that office on the publication date, by the dictionary's dated roles
   (``role`` on a tie: Barham Salih was Iraq's president from October 2018 to October 2022);
4. else, as annotators and CAMEO code a role without a name, the government it serves: the
   generic officials of the state ("Iranian officials", ``generic:irn:gov``) or the body itself.

A role phrase with no state or body ("the president") takes only steps 1 and 2.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.extract.agents import Agents
from proxywatch.extract.generics import State, generic_actor
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.records import Actor, Mention
from proxywatch.extract.roles import Roles

PERSON_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "SPY"}
QUALIFIER_TYPES = {"state", "state_agency", "armed_group", "political_party", "international_org", "media"}
NP_DEPS = {"det", "amod", "compound", "nummod", "advmod", "npadvmod", "nmod"}
APPOSITION_MARKS = {",", "—", "–", "-", "(", "as"}
PAST = {"former", "late", "then", "ex", "previous"}
SUBORDINATE = {"deputy", "vice", "assistant", "under", "undersecretary", "adjunct"}
MAX_OFFICE_WORDS = 4
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "van", "von", "de"}


@dataclass(frozen=True)
class Office:
    """The words of an office in a text ("prime minister") and where they lie."""

    words: tuple[str, ...]
    sector: str
    start: int
    end: int
    head: int


@dataclass(frozen=True)
class Holder:
    """A person (or body) the document gives an office: "Iraqi Prime Minister X", "X, Iraq's
    prime minister", or a role phrase resolved before."""

    position: int
    words: tuple[str, ...]
    qualifier: str | None
    country: str | None
    actor_id: str


class OfficeReader:
    """Reads role phrases as mentions of their holders (a pass of the mention finder)."""

    def __init__(self, dictionary: ActorDictionary, agents: Agents, roles: Roles, titles: set[str]) -> None:
        self.dictionary = dictionary
        self.agents = agents
        self.roles = roles
        self.titles = titles
        self.held = [
            (actor.id, tie)
            for actor in dictionary.actors.values()
            if actor.type == "person"
            for tie in actor.ties
            if tie.role
        ]

    # -- the office words ----------------------------------------------------------------------
    def sector_of(self, phrase: str) -> str | None:
        if phrase in self.roles.not_offices:
            return None
        code = self.roles.offices.get(phrase) or self.agents.sector_of(phrase)
        return code if code in PERSON_SECTORS else None

    def office_at(self, doc: Doc, token: Token, found: DocMentions) -> Office | None:
        """The office whose last word (or "secretary" of "secretary of state") ``token`` is."""
        if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS") or token.i in found.claimed:
            return None
        if token.lower_ not in self.roles.office_heads:
            return None
        end = token.i + 1
        if token.lower_ == "secretary" and end + 1 < len(doc) and doc[end].lower_ == "of":
            phrase = f"secretary of {doc[end + 1].lower_}"  # "Secretary of State"
            if self.sector_of(phrase) is not None:
                return Office(
                    tuple(phrase.split()), self.sector_of(phrase) or "GOV", token.i, end + 2, token.i
                )
        sector = None
        for first in range(max(0, token.i - MAX_OFFICE_WORDS + 1), token.i + 1):
            span = doc[first : token.i + 1]
            if any(t.i in found.claimed or (t.is_punct and t.text != "-") for t in span):
                continue
            sector = self.sector_of(" ".join(t.lower_ for t in span if t.text != "-"))
            if sector is not None:
                break
        if sector is None:
            return None
        start = self.phrase_start(doc, token, found)
        if start > 0 and doc[start - 1].text == "-":
            return None  # "Prime Minister-designate", "ex-president"
        # every modifier counts: "the defense minister" is not "the prime minister"
        words = tuple(t.lower_ for t in doc[start:end] if t.dep_ != "det" and not t.is_punct)
        return Office(words, sector, start, end, token.i)

    @staticmethod
    def phrase_start(doc: Doc, head: Token, found: DocMentions) -> int:
        """The first token of the role phrase: determiners and modifiers left of the office's
        head that no name claimed ("the top political leader")."""
        start = head.i
        while start > head.left_edge.i:
            before = doc[start - 1]
            if before.i in found.claimed or (before.dep_ not in NP_DEPS and before.text != "-"):
                break
            start -= 1
        while start < head.i and doc[start].is_punct:
            start += 1
        return start

    def qualifier(self, doc: Doc, office: Office, found: DocMentions) -> Mention | None:
        """The state or body whose office it is: the possessive, else the first name among
        the modifiers ("U.S. Defense Secretary"), else the object of "of" ("leader of Hamas")."""
        head = doc[office.head]
        inside = [
            m
            for t in doc[head.left_edge.i : office.start]
            if (m := found.at(t)) is not None and found.actors[m.actor_id].type in QUALIFIER_TYPES
        ]
        owners = [m for m in inside if any(t.dep_ == "poss" for t in (doc[i] for i in m_span(doc, m)))]
        if owners or inside:
            return (owners or inside)[0]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                mention = found.at(obj)
                if mention is not None and found.actors[mention.actor_id].type in QUALIFIER_TYPES:
                    return mention
        return None

    # -- who stands beside it --------------------------------------------------------------
    def titled_person(self, doc: Doc, office: Office, found: DocMentions) -> Mention | None:
        """The person an office is the title of ("Prime Minister Mohammed al-Sudani", "Quds
        Force commander Gen. Esmail Qaani")."""
        j = office.end
        while j < len(doc) and self.is_title_word(doc[j]) and j not in found.claimed:
            j += 1
        mention = found.at(doc[j]) if j < len(doc) else None
        return mention if mention is not None and found.actors[mention.actor_id].type == "person" else None

    def is_title(self, doc: Doc, office: Office) -> bool:
        """Whether an office is the title of the name after it ("President Biden", "Hezbollah's
        leader Hasan Nasrallah"), titles and initials between them."""
        head = doc[office.head]
        if head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i > head.i:
            return True  # "Kurdistan Regional Government Prime Minister and ... Barham Salih"
        j = office.end
        if j < len(doc) and doc[j].lower_ == "and":  # "Prime Minister and Deputy Prime Minister X"
            j += 1
            while j < len(doc) and j - office.end < 10 and doc[j].ent_type_ != "PERSON":
                if not (doc[j].is_title or doc[j].lower_.rstrip(".") in self.titles or doc[j].text == "."):
                    return False
                j += 1
        while j < len(doc) and self.is_title_word(doc[j]):
            j += 1
        if j >= len(doc) or doc[j].pos_ != "PROPN" or doc[j].is_sent_start:
            return False
        return doc[j].is_title or doc[j].lower_ in NAME_PARTICLES  # "Prime Minister al-Kadhimi"

    @staticmethod
    def refers(doc: Doc, office: Office, qualifier: Mention | None) -> bool:
        """Whether a role phrase refers to someone: it has a determiner or a state or body
        before its head ("the prime minister", "an Iraqi official", "Iraq's President", "Hamas
        leader"); a bare role noun is a capacity ("as commander of the Quds Force")."""
        head = doc[office.head]
        if any(c.dep_ in ("det", "poss") for c in head.children):
            return True
        return qualifier is not None and qualifier.start < head.idx

    @staticmethod
    def definite(doc: Doc, office: Office) -> bool:
        """ "the prime minister", "Iraq's President": a definite description, not a bare title."""
        head = doc[office.head]
        return any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
            for c in head.children
        )

    def is_title_word(self, token: Token) -> bool:
        return token.lower_.rstrip(".") in self.titles and token.is_title

    def apposed_person(self, doc: Doc, office: Office, start: int, found: DocMentions) -> Mention | None:
        """The person a role phrase is in apposition to: "X, the prime minister", "X as Iraq's
        President", "the U.N. envoy, X,"."""
        head = doc[office.head]
        if head.dep_ == "appos" and (m := self.person_at(head.head, found)) is not None:
            return m
        for child in head.children:
            if child.dep_ == "appos" and (m := self.person_at(child, found)) is not None:
                return m
        first = start  # back over the qualifier of "X as Iraq's President"
        while first > head.left_edge.i and (
            doc[first - 1].dep_ == "case"
            or (found.at(doc[first - 1]) is not None and self.person_at(doc[first - 1], found) is None)
        ):
            first -= 1
        if first >= 2 and doc[first - 1].lower_ in APPOSITION_MARKS:
            mention = self.person_at(doc[first - 2], found)
            if mention is not None:
                return mention
        after = office.end  # "the U.N. special envoy for Syria, Geir Pedersen,"
        while after < len(doc) and (
            doc[after].lower_ in ("for", "of", "to", "in", "the")
            or (found.at(doc[after]) is not None and self.person_at(doc[after], found) is None)
        ):
            after += 1
        if after + 1 < len(doc) and doc[after].text in (",", "—", "–"):
            return self.person_at(doc[after + 1], found)
        return None

    @staticmethod
    def person_at(token: Token, found: DocMentions) -> Mention | None:
        mention = found.at(token)
        return mention if mention is not None and found.actors[mention.actor_id].type == "person" else None

    # -- matching offices ------------------------------------------------------------------
    def forms(self, words: tuple[str, ...]) -> list[frozenset[str]]:
        """The office's words without the modifiers that do not change it, and its synonyms."""
        phrase = " ".join(w for w in words if w not in self.roles.office_modifiers)
        names = [phrase, *self.roles.office_synonyms.get(phrase, [])]
        return [frozenset(name.replace("-", " ").split()) for name in names]

    def same_office(self, ref: tuple[str, ...], held: tuple[str, ...]) -> bool:
        """Whether a role phrase names the office held: the same words, or the head alone of a
        principal office ("the secretary" of "Defense Secretary X", not of "Deputy Secretary X")."""
        for mine in self.forms(ref):
            for theirs in self.forms(held):
                if mine == theirs:
                    return True
                if len(mine) == 1 and mine <= theirs and not theirs & (SUBORDINATE | PAST):
                    return True
        return False

    @staticmethod
    def compatible(qualifier: tuple[str | None, str | None], holder: Holder) -> bool:
        """Whether a holder fits a role phrase's state or body: the same one, or a holder named
        with no body whose country is the phrase's ("President X" ... "Syria's president")."""
        actor_id, country = qualifier
        if actor_id is None or actor_id == holder.qualifier:
            return True
        return holder.qualifier is None and country is not None and holder.country == country

    def from_document(
        self, words: tuple[str, ...], qualifier: tuple[str | None, str | None], at: int, holders: list[Holder]
    ) -> str | None:
        """The holder the document names with this office: the nearest before, else after."""
        fits = [h for h in holders if self.same_office(words, h.words) and self.compatible(qualifier, h)]
        before = [h for h in fits if h.position < at]
        if before:
            return max(before, key=lambda h: h.position).actor_id
        after = [h for h in fits if h.position > at]
        return min(after, key=lambda h: h.position).actor_id if after else None

    def from_dictionary(self, words: tuple[str, ...], qualifier: Actor, published: date | None) -> str | None:
        """The one person the dictionary says held this office of the qualifier that day."""
        if set(words) & PAST:
            return None  # "the former president": which one, the text must say
        exact: set[str] = set()
        national: set[str] = set()
        for person, tie in self.held:
            if not tie.holds_on(published):
                continue
            role = tuple(str(tie.role).split())
            target = self.dictionary.actors.get(tie.target)
            if tie.target == qualifier.id and self.same_office(words, role[-1:]):
                exact.add(person)  # "Hezbollah's secretary general", "the KRG's prime minister"
            elif (
                qualifier.type == "state"
                and target is not None
                and target.country == qualifier.country
                and self.same_office(words, role)
            ):
                national.add(person)  # "Iran's president" leads the government of Iran
        people = exact or national
        return next(iter(people)) if len(people) == 1 else None

    # -- the pass ----------------------------------------------------------------------------
    def __call__(
        self, doc: Doc, found: DocMentions, published: date | None
    ) -> list[tuple[int, int, Actor, str]]:
        """Mentions to add for the document's role phrases: (start, end, actor, rule)."""
        holders: list[Holder] = []
        added: list[tuple[int, int, Actor, str]] = []
        references: list[tuple[Office, int, Mention | None]] = []
        for token in doc:
            office = self.office_at(doc, token, found)
            if office is None:
                continue
            qualifier = self.qualifier(doc, office, found)
            start = office.start
            if self.is_title(doc, office):
                person = self.titled_person(doc, office, found)
                if person is not None:  # "Prime Minister Mohammed al-Sudani"
                    holders.append(self.holder(doc[start].idx, office, qualifier, person.actor_id, found))
                    if qualifier is not None:
                        found.affiliation.setdefault(person.actor_id, qualifier.actor_id)
                continue  # a title of a name, whoever it names
            person = self.titled_person(doc, office, found)
            rule = "office:title"
            if person is None:
                person, rule = self.apposed_person(doc, office, start, found), "office:apposition"
            if person is None:
                if self.refers(doc, office, qualifier):
                    references.append((office, start, qualifier))
                continue
            holders.append(self.holder(doc[start].idx, office, qualifier, person.actor_id, found))
            if qualifier is not None:
                found.affiliation.setdefault(person.actor_id, qualifier.actor_id)
            if rule == "office:apposition" and self.definite(doc, office):
                # "X, the top political leader of Hamas"; a bare "X, leader of Y" is a title
                added.append((start, office.end, found.actors[person.actor_id], rule))
        known = dict(found.actors)
        for office, start, qualifier in references:
            key = (
                (qualifier.actor_id, found.actors[qualifier.actor_id].country) if qualifier else (None, None)
            )
            position = doc[start].idx
            actor_id = self.from_document(office.words, key, position, holders)
            actor, rule = (known[actor_id], "office:document") if actor_id else (None, "")
            if actor is None and qualifier is not None and not set(office.words) & PAST:
                owner = found.actors[qualifier.actor_id]
                holder = self.from_dictionary(office.words, owner, published)
                if holder is not None:
                    entry = self.dictionary.actors[holder]
                    actor = Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
                    rule = "office:dictionary"
                else:
                    actor, rule = self.served(office, owner), "office:government"
            if actor is not None:
                known.setdefault(actor.id, actor)
                added.append((start, office.end, actor, rule))
            if actor is not None and rule != "office:document":  # the named holder is known already
                holders.append(self.holder(position, office, qualifier, actor.id, found))
        return added

    def holder(
        self, position: int, office: Office, qualifier: Mention | None, actor_id: str, found: DocMentions
    ) -> Holder:
        owner = found.actors[qualifier.actor_id] if qualifier is not None else None
        person = found.actors.get(actor_id)
        country = owner.country if owner else (person.country if person else None)
        return Holder(position, office.words, owner.id if owner else None, country, actor_id)

    def served(self, office: Office, owner: Actor) -> Actor:
        """The government a role with no known holder serves: the state's generic officials of
        the office's sector, or the body itself."""
        if owner.type == "state" and owner.country:
            return generic_actor(office.sector, self.agents, State(owner.id, owner.name, owner.country), None)
        return owner


def m_span(doc: Doc, mention: Mention) -> range:
    """Token indexes of a mention, and the token after it (a possessive "'s")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return range(0)
    return range(span.start, min(len(doc), span.end + 1))
