"""Statements that code an event though no event verb names it: "U.S. officials said Hezbollah
was responsible for the attack" (ACCUSE), "Iran said Israel would pay a heavy price" (THREATEN).

A mixin of :class:`proxywatch.extract.events.EventCoder`, which provides ``new_event``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from proxywatch.extract.arguments import ArgumentReader
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Event
from proxywatch.extract.syntax import OBJ, SUBJ, Trigger

# Reporters interviewing officials are not political events.
SOURCE_EXCLUDED = {"media"}


class StatementReader(ArgumentReader):
    """Accusations and threats read from what a speaker says of someone."""

    def new_event(
        self,
        trig: Trigger,
        found: DocMentions,
        published: date | None,
        event_type: str,
        mode: str | None,
        rule: str,
        confidence: float,
    ) -> Event:  # provided by EventCoder
        raise NotImplementedError

    def attributions(self, doc: Doc, found: DocMentions, published: date | None) -> list[Event]:
        """ "U.S. officials said Hezbollah was responsible for the attack": the speaker accuses
        (PLOVER ACCUSE, mode allege) the actor it holds responsible."""
        events = []
        for token in doc:
            if token.lower_ not in self.mod.blame_words or token.dep_ not in ("acomp", "prep", "attr"):
                continue
            clause = token.head
            blamed = [a for c in clause.children if c.dep_ in SUBJ for a in self.actors_at(c, found)]
            speech = clause.head if clause.dep_ == "ccomp" else None
            if not blamed or speech is None or speech.lemma_.lower() not in self.mod.speech_verbs:
                continue
            speakers = [a for c in speech.children if c.dep_ in SUBJ for a in self.actors_at(c, found)]
            trig = Trigger(token, "ACCUSE", "allege", [], "verb", token.lower_)
            template = self.new_event(
                trig, found, published, "ACCUSE", "allege", f"attribution:{token.lower_}", 0.7
            )
            for source, _rule in speakers:
                for target, _t in blamed:
                    if source != target and found.actors[source].type not in SOURCE_EXCLUDED:
                        events.append(
                            replace(template, source=source, target=target, extra=dict(template.extra))
                        )
        return events

    def penalties(self, doc: Doc, found: DocMentions, published: date | None) -> list[Event]:
        """ "Iran said Israel would pay a heavy price", "warned that they will bear the
        consequences": a penalty foretold of someone is a threat (THREATEN) by the speaker
        against them."""
        events = []
        for token in doc:
            lemma = token.lemma_.lower()
            if lemma not in self.mod.penalty_verbs or token.dep_ != "ccomp":
                continue
            if not any(
                c.dep_ == "aux" and c.lower_ in self.mod.future_aux | {"would"} for c in token.children
            ):
                continue
            if not any(
                (c.dep_ in OBJ and c.lemma_.lower() in self.mod.penalty_objects)
                or (c.dep_ == "advmod" and c.lower_ in self.mod.penalty_objects)
                for c in token.children
            ):
                continue
            speech = token.head
            entry = self.verb_entry(speech)
            if speech.lemma_.lower() not in self.mod.speech_verbs and not (
                entry and entry.type == "THREATEN"
            ):
                continue
            if entry is not None and entry.type == "THREATEN" and any(c.dep_ in OBJ for c in speech.children):
                continue  # "warned Israel that it would pay": the warning names its target itself
            targets = [a for c in token.children if c.dep_ in SUBJ for a in self.actors_at(c, found)]
            speakers, _ = self.subject(speech, found)
            trig = Trigger(token, "THREATEN", "violence", [], "verb", lemma)
            template = self.new_event(trig, found, published, "THREATEN", "violence", f"penalty:{lemma}", 0.7)
            template.intended = True
            for source, _rule in speakers:
                for target, _t in targets:
                    if source != target and found.actors[source].type not in SOURCE_EXCLUDED:
                        events.append(
                            replace(template, source=source, target=target, extra=dict(template.extra))
                        )
        return events
