"""Condemnations told by naming an attack a crime: "an Iraqi official called the U.S. strike a
heinous crime", "Iran described the Israeli attack as a flagrant violation of its sovereignty",
"Hamas branded the raid a massacre". The speaker accuses (PLOVER ACCUSE, mode disapprove) whoever
carried out the attack: its author named with it, else the author of the same attack told just
before ("Israel struck Beirut. Lebanon called the strike an act of aggression").

A mixin of :class:`proxywatch.extract.events.EventCoder`, which provides ``new_event``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from proxywatch.extract.antecedents import AntecedentReader
from proxywatch.extract.arguments import MATERIAL_CONFLICT
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Event
from proxywatch.extract.statements import speaker_pairs
from proxywatch.extract.syntax import OBJ, Trigger

# where the parser hangs the attack named and the crime it is called, around the naming verb
NAMED = OBJ | {"ccomp"}
CALLED = {"oprd", "dobj", "appos", "attr", "npadvmod"}


class BrandingReader(AntecedentReader):
    """Accusations read from an attack called a crime."""

    def brandings(
        self, doc: Doc, found: DocMentions, published: date | None, issued: list[Event]
    ) -> list[Event]:
        """ACCUSE events of speakers who call an attack a crime (see the module)."""
        events = []
        for verb in doc:
            if verb.lemma_.lower() not in self.mod.branding_verbs or verb.pos_ != "VERB":
                continue
            attack = self.branded_attack(verb)
            if attack is None:
                continue
            speakers, _ = self.subject(verb, found)
            authors = self.noun_source(attack, found)[0] or self.antecedent_source(attack, found, issued)
            trig = Trigger(verb, "ACCUSE", "disapprove", [], "verb", verb.lemma_.lower())
            template = self.new_event(
                trig, found, published, "ACCUSE", "disapprove", f"branding:{verb.lemma_.lower()}", 0.7
            )
            events += speaker_pairs(template, speakers, authors, found)
        return events

    def branded_attack(self, verb: Token) -> Trigger | None:
        """The attack a naming verb calls a crime ("called the strike a crime"), if it does."""
        for noun in (c for c in verb.children if c.dep_ in NAMED):
            entry = self.noun_entry(noun)
            if entry is None or entry.type not in MATERIAL_CONFLICT:
                continue
            called = [c for c in [*verb.children, *noun.children] if c.dep_ in CALLED and c is not noun]
            called += self.prep_objects(verb, ["as"]) + self.prep_objects(noun, ["as"])
            words = {c.lemma_.lower() for c in called} | {
                o.lemma_.lower() for c in called for o in self.prep_objects(c, ["of"])
            }  # "an act of aggression"
            if words & self.mod.condemnation_words:
                return Trigger(noun, entry.type, entry.mode, entry.target_preps, "noun", entry.lemma)
        return None
