"""Which clause of a sentence asserts its event: the predicate a reader takes as the news.

A mixin of :class:`proxywatch.extract.events.EventCoder`. A sentence whose asserting predicate
is a clear trigger yields an event even when one side goes unnamed ("protesters rallied", "the
base was attacked", "the army conducted airstrikes"). The asserting predicate is the root, or
the clause a root reporting verb reports ("X struck Y, officials said"); a result participle
of it ("struck the camp, killing five"); the event noun a light verb at that place carries
("launched an offensive"); an attack someone claimed ("claimed responsibility for the bombing").
"""

from __future__ import annotations

from spacy.tokens import Token

from proxywatch.extract.modality import Modality
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
        for obj in objects:
            lemma = obj.lemma_.lower()
            if lemma in self.mod.issue_nouns or lemma in self.nouns:
                return True
            if any(c.type == trig.type for c in self.cues.get(lemma, [])):
                return True
        return False
