"""Which clause of a sentence asserts its event: the predicate a reader takes as the news.

A mixin of :class:`proxywatch.extract.events.EventCoder`. A sentence whose asserting predicate
is a clear trigger yields an event even when one side goes unnamed ("protesters rallied", "the
base was attacked", "the army conducted airstrikes"). The asserting predicate is the root, or
the clause a root reporting verb reports ("X struck Y, officials said"); a result participle
of it ("struck the camp, killing five"); the event noun a light verb at that place carries
("launched an offensive"); an attack someone claimed ("claimed responsibility for the bombing").

It also reads what a clause makes of its event: vowed ("vowed further attacks"), unrealised
("any attack would be met ..."), a tally of the past ("have carried out 160 attacks since
October"), a reason ("sentenced him over the killing of X"), reported ("said they had struck"),
pressed on with ("pressed ahead with its attacks"), or a second clause after a semicolon.
"""

from __future__ import annotations

from spacy.tokens import Token

from proxywatch.extract.modality import Modality
from proxywatch.extract.records import Event
from proxywatch.extract.syntax import OBJ, SUBJ, Trigger, prep_objects
from proxywatch.ontology.schema import ModeCue, NounEntry

REPORTED = {"ccomp", "parataxis"}  # "X struck Y, officials said": the struck clause hangs on "said"


class ClauseReader:
    """Tells the asserting predicate of a sentence from embedded ones."""

    mod: Modality
    light: set[str]
    nouns: dict[str, list[NounEntry]]
    cues: dict[str, list[ModeCue]]

    def counted_by(self, token: Token) -> Token:  # provided by ArgumentReader
        raise NotImplementedError

    def asserting(self, token: Token) -> bool:
        """Whether a verb is the predicate its sentence asserts: the root (or a verb conjoined
        with it), or the clause a root reporting verb reports."""
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ == "acl" and token.head.dep_ == "ROOT":  # a headline parse: "Interns protested ..."
            token = token.head
        if token.dep_ == "ROOT":
            return True
        head = token.head
        return (
            token.dep_ in REPORTED
            and head.dep_ == "ROOT"
            and head.lemma_.lower() in self.mod.speech_verbs
            and not any(c.dep_ == "neg" for c in head.children)
        )

    def result_participle(self, token: Token) -> bool:
        """ "struck a market, killing 12": a participle that tells what the asserted act did."""
        return (
            token.dep_ == "advcl"
            and token.tag_ == "VBG"
            and not any(c.dep_ in ("mark", "prep", "aux") for c in token.children)
            and token.head.pos_ in ("VERB", "AUX")
            and self.asserting(token.head)
        )

    def protest_purpose(self, trig: Trigger) -> bool:
        """ "staged a sit-in to protest power cuts", "gathered to denounce": a protest told as
        the purpose of an asserted gathering is the protest itself."""
        token = trig.token
        return (
            trig.type == "PROTEST"
            and token.dep_ in ("advcl", "xcomp")
            and token.head.pos_ == "VERB"
            and self.asserting(token.head)
        )

    @staticmethod
    def protest_besides(trig: Trigger, events: list[Event]) -> bool:
        """A protest verb in a sentence told only by what the protesters asked ("marched through
        Amman calling for the expulsion of the ambassador"): the march is told too."""
        start = trig.token.sent.start_char
        return (
            trig.type == "PROTEST"
            and trig.pos == "verb"
            and not any(e.evidence.start == start and e.type == "PROTEST" for e in events)
        )

    def claimed_attack(self, token: Token) -> Token | None:
        """The claim verb of "X claimed responsibility for the bombing", with the attack noun."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != "for":
            return None
        claimed = prep.head
        verb = claimed.head
        if (
            claimed.lemma_.lower() in self.mod.claim_objects
            and claimed.dep_ in OBJ
            and verb.lemma_.lower() in self.mod.claim_verbs
        ):
            return verb
        return None

    def main_clause(self, trig: Trigger) -> bool:
        """Whether a trigger is the asserting predicate of its sentence, a result participle of
        it, or an event noun carried there: the subject or object of that predicate for a
        protest ("protesters gathered"), the object of a light verb ("conducted an airstrike"),
        or an attack claimed ("claimed responsibility for the bombing")."""
        token = trig.token
        if trig.pos == "verb":
            return self.asserting(token) or self.result_participle(token) or self.protest_purpose(trig)
        anchor = self.counted_by(token)  # "Hundreds of protesters gathered"
        head = anchor.head
        if trig.type == "PROTEST" and anchor.dep_ in SUBJ | OBJ and self.asserting(head):
            return True
        if anchor.dep_ in OBJ and head.lemma_.lower() in self.light and self.asserting(head):
            # "Hamas attacks ... have increased attacks": a subject that is itself an event
            # noun is a misparse of a long opening phrase, not the one who acts
            return not any(c.dep_ in SUBJ and c.lemma_.lower() in self.nouns for c in head.children)
        carrier = head.head.lemma_.lower() in self.mod.response_verbs | self.mod.persist_verbs
        if anchor.dep_ == "pobj" and head.lower_ == "with" and carrier:
            return self.asserting(head.head)  # "responded with strikes", "pressed ahead with its offensive"
        if anchor.dep_ == "pobj" and head.lower_ == "under":  # "U.S. forces came under attack"
            undergo = head.head
            if undergo.lemma_.lower() in self.mod.undergo_verbs and self.asserting(undergo):
                return True
        verb = self.claimed_attack(token)
        return verb is not None and self.asserting(verb)

    def about_issue(self, trig: Trigger) -> bool:
        """Whether a verbal trigger's object is an issue rather than an actor: "called for a
        ceasefire", "rejected the peace plan", "denied the allegations", "agreed to a truce"."""
        token = trig.token
        if trig.pos != "verb" or any(c.dep_ == "neg" for c in token.children):
            return False
        objects = [c for c in token.children if c.dep_ in OBJ | {"nsubjpass"}]
        objects += prep_objects(token, ["for", "to", "on", "with", "against", "of"])
        if trig.type == "REQUEST":  # "urged its allies to avoid escalation": what is asked
            objects += [g for c in token.children if c.dep_ == "xcomp" for g in c.children if g.dep_ in OBJ]
        for obj in objects:
            lemma = obj.lemma_.lower()
            if lemma in self.mod.issue_nouns or lemma in self.nouns:
                return True
            if any(c.type == trig.type for c in self.cues.get(lemma, [])):
                return True
        return False

    @staticmethod
    def semicolon_between(clause: Token, head: Token) -> bool:
        """Whether a semicolon stands between a clause and the verb it hangs on."""
        low, high = sorted((clause.i, head.i))
        return any(t.text == ";" and t.head.i == head.i for t in head.doc[low:high])

    def vowed(self, trig: Trigger) -> bool:
        """Whether a trigger is the act an asserted intent verb commits to ("vowed to
        retaliate", "pledged to keep up attacks", "vowed further attacks"): a threat or pledge
        told as the news."""
        if trig.embedded_in != "intent":
            return False
        token = self.counted_by(trig.token) if trig.pos == "noun" else trig.token
        if trig.pos == "noun" and token.dep_ in OBJ:
            if token.head.lemma_.lower() in self.mod.intent_verbs:  # "vowed further attacks"
                return self.asserting(token.head)
            token = token.head
        return (
            token.dep_ == "xcomp"
            and token.head.lemma_.lower() in self.mod.intent_verbs
            and self.asserting(token.head)
        )

    def reason(self, child: Trigger) -> bool:
        """Whether an embedded event is the reason for its head ("sentenced a man over the
        killing of X", "sanctioned them for attacks on Y"): its target is not the head's."""
        token = self.counted_by(child.token) if child.pos == "noun" else child.token
        return token.dep_ == "pobj" and token.head.lower_ in self.mod.reason_preps

    def unrealised(self, trig: Trigger) -> bool:
        """An event noun quantified by "any" ("any attack on Yemen") names no event that
        happened: the sentence is a condition, a threat or a denial."""
        return trig.pos == "noun" and any(
            c.dep_ == "det" and c.lower_ in self.mod.unrealised_determiners for c in trig.token.children
        )

    def presses_on(self, verb: Token) -> bool:
        """ "pressed ahead with", "pushed on with": a verb of going on, with its particle."""
        return verb.lemma_.lower() in self.mod.persist_verbs and any(
            c.dep_ in ("prt", "advmod") and c.lower_ in self.mod.persist_particles for c in verb.children
        )

    def tally(self, trig: Trigger) -> bool:
        """A count of acts over a period up to now ("have carried out more than 160 attacks since
        October", "has fired thousands of rockets since the war began"): background, not an
        event of the day."""
        token = self.counted_by(trig.token) if trig.pos == "noun" else trig.token
        verb = token.head if trig.pos == "noun" and token.dep_ in OBJ else token
        perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has") for c in verb.children)
        clauses = [verb, *(c for c in verb.children if c.dep_ == "advcl")]  # "since the war began"
        since = any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for t in clauses for c in t.children)
        often = any(c.dep_ == "advmod" and c.lower_ in self.mod.tally_adverbs for c in verb.children)
        period = any(  # "in recent years", "over the past month"
            m.lower_ in self.mod.tally_periods
            for p in verb.children
            if p.dep_ == "prep"
            for o in p.children
            if o.dep_ == "pobj"
            for m in o.children
            if m.dep_ == "amod"
        )
        return perfect and (since or often or period)

    def reported_clause(self, verb: Token) -> bool:
        """Whether a verb (or the verb it is conjoined with) is what a reporting verb reports."""
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return verb.dep_ in ("ccomp", "parataxis") and verb.head.lemma_.lower() in self.mod.speech_verbs
