"""Who did an attack told by its means or by a definite noun: "a Houthi drone attack killed",
"a rocket attributed to X hit", "X attacked the base. The attack killed two soldiers",
"Lebanon condemned the strike" (the strike told before).

A mixin of :class:`proxywatch.extract.events.EventCoder`, over the argument reader.
"""

from __future__ import annotations

from spacy.tokens import Token

from proxywatch.extract.arguments import MATERIAL_CONFLICT, ArgumentReader, Found
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Event
from proxywatch.extract.syntax import OBJ, PASS_SUBJ, RELATIVE_PRONOUNS, SUBJ, Trigger

DEFINITE = {"the", "this", "that", "these", "those"}
ANTECEDENT_WINDOW = 2  # sentences back that "the attack" may name an attack told before
REFERENCE_WINDOW = 6  # sentences back that "condemned the strike" may name a strike told before


class AntecedentReader(ArgumentReader):
    """The agent of an attack named by its means or by a definite noun."""

    def means_nouns(self, triggers: list[Trigger]) -> dict[int, int]:
        """Attack nouns that are the subject of a harm verb ("an Israeli strike on Beirut killed
        X"), each with that verb's token index."""
        verbs = {t.token.i for t in triggers if t.pos == "verb" and t.type in MATERIAL_CONFLICT}
        return {
            t.token.i: t.token.head.i
            for t in triggers
            if t.pos == "noun" and t.type == "ASSAULT" and t.token.dep_ in SUBJ and t.token.head.i in verbs
        }

    def attributed(self, means: Token, found: DocMentions) -> Found:
        """Who an attack or weapon is attributed to: "a rocket attributed to X", "a drone
        launched by X"."""
        for acl in (c for c in means.children if c.dep_ == "acl"):
            agents = [p for c in acl.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            for obj in self.prep_objects(acl, ["to", "by"]) + agents:
                actors = self.actors_at(obj, found)
                if actors:
                    return actors
        return []

    def agent_of_means(self, means: Token, trig: Trigger, found: DocMentions, issued: list[Event]) -> Found:
        """Who acts when the subject of a harm verb is the attack or the weapon itself (and names
        no actor): the attack's own agent ("a Houthi drone attack killed"), or, for a definite
        attack told of just before ("X attacked the base on Monday. The attack killed two
        soldiers"), that attack's source."""
        if self.noun_entry(means) is not None:
            inner = self.noun_entry(means)
            assert inner is not None
            actors, _ = self.noun_source(
                Trigger(means, inner.type, inner.mode, inner.target_preps, "noun", inner.lemma), found
            )
        else:
            actors = [
                a
                for c in means.children
                if c.dep_ in ("compound", "amod", "nmod", "poss")
                for a in self.actors_at(c, found)
            ]
        if actors:
            return actors
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in means.children):
            return []
        sentence = found.sentence_of.get(trig.token.i, 0)
        for event in reversed(issued):
            back = sentence - event.extra.get("sentence_no", -99)
            told = event.evidence.rule.rsplit(":", 1)[-1]  # the trigger lemma ends the rule
            if 0 < back <= ANTECEDENT_WINDOW and event.type == "ASSAULT" and event.source:
                # "conducted airstrikes ... the strikes destroyed": the same kind of attack
                return [(event.source, "antecedent")] if told.endswith(means.lemma_.lower()) else []
        return []

    def antecedent_source(self, trig: Trigger, found: DocMentions, issued: list[Event]) -> Found:
        """Who did the event a definite noun names ("condemned the strike"): the source of the
        last event of its type told in the REFERENCE_WINDOW sentences before (or earlier in the
        same sentence) in a sentence that uses the noun ("an Israeli airstrike ... killed")."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in trig.token.children):
            return []
        sentence = found.sentence_of.get(trig.token.i, 0)
        word = trig.token.lemma_.lower()
        for event in reversed(issued):
            back = sentence - event.extra.get("sentence_no", -99)
            if (
                0 <= back <= REFERENCE_WINDOW
                and event.type == trig.type
                and event.source
                and word in event.evidence.sentence.lower()
            ):
                return [(event.source, "antecedent")]
        return []

    def antecedent_target(self, trig: Trigger, found: DocMentions, issued: list[Event]) -> Found:
        """Whom measures of the same kind told just before were aimed at, for a nominal measure
        that names only who took it: "The U.S. sanctioned three Houthi officials. Britain and
        Canada announced similar sanctions", "designations by Argentina and Colombia" (after a
        designation of Hezbollah). The target of the last event of its type in the
        REFERENCE_WINDOW sentences before."""
        sentence = found.sentence_of.get(trig.token.i, 0)
        for event in reversed(issued):
            back = sentence - event.extra.get("sentence_no", -99)
            if 0 < back <= REFERENCE_WINDOW and event.type == trig.type and event.target:
                return [(event.target, "antecedent")]
        return []

    def struck_before(self, trig: Trigger, sources: Found, found: DocMentions, issued: list[Event]) -> Found:
        """Whose assets a definite asset noun names when the same attacker struck them just
        before: "U.S. jets struck Houthi targets. ... U.S. aircraft hit the targets" -> the
        Houthis. The target of the last attack by one of ``sources`` in the ANTECEDENT_WINDOW
        sentences before (or earlier in the same sentence)."""
        assets = [
            c
            for c in trig.token.children
            if c.dep_ in OBJ | PASS_SUBJ
            and c.lemma_.lower() in self.assets
            and any(d.dep_ == "det" and d.lower_ in DEFINITE for d in c.children)
        ]
        if not assets or not sources:
            return []
        # the same attacker, or its state's forces ("Israel struck ... Israeli jets destroyed")
        attackers = {s for s, _ in sources} | {found.actors[s].country for s, _ in sources} - {None}
        sentence = found.sentence_of.get(trig.token.i, 0)
        for event in reversed(issued):
            back = sentence - event.extra.get("sentence_no", -99)
            if not (0 <= back <= ANTECEDENT_WINDOW and event.type == "ASSAULT" and event.source):
                continue
            if {event.source, found.actors[event.source].country} & attackers:
                same = [
                    e
                    for e in issued
                    if (e.evidence.start, e.trigger) == (event.evidence.start, event.trigger)
                ]
                return [(t, "antecedent") for t in dict.fromkeys(e.target for e in same) if t]  # all it hit
        return []

    def accusers(self, trig: Trigger, sources: Found, found: DocMentions, issued: list[Event]) -> Found:
        """Whom a denial answers: "U.S. officials said the group was responsible. The group
        denied any involvement", "Israel accused Hamas of X. Hamas denied the accusation": the
        accusers of the last accusation against the one denying in the REFERENCE_WINDOW
        sentences before (or earlier in the same sentence)."""
        objects = {c.lemma_.lower() for c in trig.token.children if c.dep_ in OBJ}
        if trig.lemma not in self.mod.denial_words and not objects & self.mod.allegation_nouns:
            return []
        denying = {s for s, _ in sources}
        sentence = found.sentence_of.get(trig.token.i, 0)
        for event in reversed(issued):
            back = sentence - event.extra.get("sentence_no", -99)
            if 0 <= back <= REFERENCE_WINDOW and event.type == "ACCUSE" and event.target in denying:
                same = [
                    e
                    for e in issued
                    if (e.evidence.start, e.trigger) == (event.evidence.start, event.trigger)
                ]
                return [(a, "antecedent") for a in dict.fromkeys(e.source for e in same) if a]
        return []

    def told_before(self, trig: Trigger, found: DocMentions, issued: list[Event]) -> bool:
        """Whether a definite event noun ("the attack") names an event of its type told in the
        ANTECEDENT_WINDOW sentences before."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in trig.token.children):
            return False
        sentence = found.sentence_of.get(trig.token.i, 0)
        return any(
            e.type == trig.type and 0 <= sentence - e.extra.get("sentence_no", -99) <= ANTECEDENT_WINDOW
            for e in issued
        )

    @staticmethod
    def unclaimed(means: Token) -> bool:
        """Whether an attack told by its means is told as new, with no one's name on it: "a bomb
        went off", "an explosion targeted a bus", "two rockets hit the base"; not "the strike"
        or "its drones" (told before or owned, their agent read from there)."""
        return not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in means.children)

    def means_subject(self, verb: Token) -> Token | None:
        """The subject of a verb (or of the verb it is conjoined with) when it is an attack or a
        weapon rather than an actor: "the strike destroyed", "a rocket killed"."""
        token = verb
        for _ in range(3):
            for child in token.children:
                if child.dep_ in SUBJ:
                    if child.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                        child = token.head  # "an airstrike that killed X": the airstrike
                    lemma = child.lemma_.lower()
                    entry = self.noun_entry(child)
                    if (entry is not None and entry.type == "ASSAULT") or lemma in self.weapons:
                        return child
                    return None
            if token.dep_ != "conj":
                return None
            token = token.head
        return None
