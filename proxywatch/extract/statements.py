"""Statements that code an event though no event verb names it: "U.S. officials said Hezbollah
was responsible for the attack" (ACCUSE), "Iran said Israel would pay a heavy price" and "any
Israeli attack would not go unanswered" (THREATEN).

A mixin of :class:`proxywatch.extract.events.EventCoder`, which provides ``new_event``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from proxywatch.extract.arguments import ArgumentReader, Found
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Event
from proxywatch.extract.syntax import OBJ, PASS_SUBJ, SUBJ, Trigger

# Reporters interviewing officials are not political events.
SOURCE_EXCLUDED = {"media"}


def speaker_pairs(
    template: Event, speakers: Found, others: Sequence[tuple[str | None, str]], found: DocMentions
) -> list[Event]:
    """One event of ``template`` per speaker and actor spoken of, none of a speaker with
    itself or of the media as speaker."""
    return [
        replace(template, source=source, target=target, extra=dict(template.extra))
        for source, _ in speakers
        for target, _ in others
        if source != target and found.actors[source].type not in SOURCE_EXCLUDED
    ]


class StatementReader(ArgumentReader):
    """Accusations and threats read from what a speaker says of someone."""

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
            events += speaker_pairs(template, speakers, blamed, found)
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
            speech = self.stating(token)
            if speech is None:
                continue
            entry = self.verb_entry(speech)
            if entry is not None and entry.type == "THREATEN" and any(c.dep_ in OBJ for c in speech.children):
                continue  # "warned Israel that it would pay": the warning names its target itself
            targets = [a for c in token.children if c.dep_ in SUBJ for a in self.actors_at(c, found)]
            speakers, _ = self.subject(speech, found)
            trig = Trigger(token, "THREATEN", "violence", [], "verb", lemma)
            template = self.new_event(trig, found, published, "THREATEN", "violence", f"penalty:{lemma}", 0.7)
            template.intended = True
            events += speaker_pairs(template, speakers, targets, found)
        return events

    def answers(self, doc: Doc, found: DocMentions, published: date | None) -> list[Event]:
        """ "Hamas warned that any Israeli assault on Rafah would not go unanswered", "any attack
        on Iran will be met with a crushing response, the army chief said": an answer foretold
        to an attack that may come is a threat (THREATEN) by the speaker against whoever would
        attack (the attack's named author, else unnamed)."""
        events = []
        for token in doc:
            entry = self.noun_entry(token) if token.pos_ == "NOUN" else None
            if entry is None or entry.type != "ASSAULT" or not self.any_of(token):
                continue
            verb = token.head
            if token.dep_ not in SUBJ | PASS_SUBJ or not self.answered(verb):
                continue
            speakers = self.speaker_of(verb, found)
            attack = Trigger(token, "ASSAULT", entry.mode, entry.target_preps, "noun", entry.lemma)
            attackers: list[tuple[str | None, str]] = [*self.noun_source(attack, found)[0]] or [(None, "")]
            trig = Trigger(verb, "THREATEN", "violence", [], "verb", verb.lemma_.lower())
            template = self.new_event(
                trig, found, published, "THREATEN", "violence", f"answer:{verb.lemma_.lower()}", 0.7
            )
            template.intended = True
            events += speaker_pairs(template, speakers, attackers, found)
        return events

    def any_of(self, noun: Token) -> bool:
        """Whether an event noun is quantified by "any" ("any attack")."""
        return any(c.dep_ == "det" and c.lower_ in self.mod.unrealised_determiners for c in noun.children)

    def answered(self, verb: Token) -> bool:
        """Whether a verb foretells an answer: "will be met with", "would trigger a response",
        "would not go unanswered"."""
        future = self.mod.future_aux | {"would"}
        foretold = any(c.dep_ == "aux" and c.lower_ in future for c in verb.children)
        left = {c.lower_ for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp")}
        return foretold and (
            verb.lemma_.lower() in self.mod.answer_verbs or bool(left & self.mod.unanswered_words)
        )

    def stating(self, clause: Token) -> Token | None:
        """The verb a clause is the content of when it says or warns it: "said that ...",
        "warned that ...", "made clear to X that ..."; else None."""
        speech = clause.head
        if clause.dep_ != "ccomp":
            return None
        lemma = speech.lemma_.lower()
        complements = [c.lemma_.lower() for c in speech.children if c.dep_ in ("acomp", "oprd")]
        said = {lemma, *(f"{lemma} {c}" for c in complements)}  # "said", "made clear"
        entry = self.verb_entry(speech)
        warned = entry is not None and entry.type == "THREATEN"
        return speech if warned or said & (self.mod.speech_verbs | self.mod.statement_phrases) else None

    def speaker_of(self, clause: Token, found: DocMentions) -> list[tuple[str, str]]:
        """Who says or warns a clause: the subject of the reporting or warning verb it is the
        content of ("Hamas warned that ..."), or that follows it ("..., the army chief said")."""
        speech = self.stating(clause)
        after = [c for c in clause.children if c.dep_ in ("parataxis", "ccomp")]
        for told in ([speech] if speech is not None else []) + after:
            if told is speech or told.lemma_.lower() in self.mod.speech_verbs:
                return self.subject(told, found)[0]
        return []
