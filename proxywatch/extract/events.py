"""Code PLOVER events from a dependency parse: who did what to whom, when, where and how.

Triggers are verbs and nouns found in the predicate lexicon (``ontology/data/lexicon.yaml``).
Arguments come from the parse: subject (or passive "by" agent) as source; direct object,
passive subject or a listed preposition's object as target; possessive, compound or
light-verb subject ("carried out an attack") for nominal triggers. Events embedded under
a request, threat or refusal ("called on X to stop attacking Y") are not asserted: they
become the directive the outer event carries (``extra["prohibits"]``, ``extra["protected"]``).
Events under intent verbs or "will" are intended; under "could"/"if", hypothetical.
A side named only by reference comes from what was told before: "the two sides" (sides.py),
"the Iran-backed group" (salience.py), "hit the targets", "similar sanctions", "supported the
call", "denied any involvement" (``targets_told_before``). Statements with no event verb are
read apart: "was responsible" and "would pay a price" (statements.py), an attack called a
crime (branding.py), a request for an end to attacks (ends.py). An attack told only by its
means ("a bomb went off") is coded with neither side where nothing else names one, and a state
role opening a text with no one named ("the ministry condemned") is its sector (unnamed_roles.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from proxywatch.extract.agents import load_agents
from proxywatch.extract.arguments import MATERIAL_CONFLICT, ONE_SIDED_TARGET, Found
from proxywatch.extract.branding import BrandingReader
from proxywatch.extract.clauses import ClauseReader
from proxywatch.extract.dates import resolve_date
from proxywatch.extract.ends import EndReader
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.modality import Modality
from proxywatch.extract.places import country_of
from proxywatch.extract.records import Actor, Event, Evidence
from proxywatch.extract.references import References, load_references
from proxywatch.extract.statements import SOURCE_EXCLUDED, StatementReader
from proxywatch.extract.syntax import EMBED, OBJ, SUBJ, Trigger, each_other, verb_lemmas
from proxywatch.ids import parse_generic
from proxywatch.ontology import Ontology
from proxywatch.ontology.schema import ModeCue, NounEntry, VerbEntry

__all__ = ["EventCoder", "Trigger"]

# Heads whose embedded events are what they ask, threaten or refuse, not what happened.
CONTENT_HEADS = {"REQUEST", "THREATEN", "REJECT"}
# Heads that commit to what they embed ("agreed to suspend attacks"): the inner event is intended.
COMMIT_HEADS = {"AGREE"}
# Aid that stops or shrinks is a sanction: "caused Iranian funding to decrease", "cut aid".
DISCONTINUED = {"AID", "COOPERATE", "SUPPORT"}
# Cooperation promised rather than done is an agreement (PLOVER: AGREE covers pledges).
PLEDGED = {"AID", "RETREAT", "CONCEDE", "COOPERATE"}
PRESENT_AUX = {"is", "are", "am", "'s", "'re"}
HISTORICAL_DAYS = 30
# Material events often reported with one side unnamed: the actor alone ("protesters rallied",
# "militants opened fire") or, in an agentless passive, the target alone ("the base was attacked").
ONE_SIDED_SOURCE = {"PROTEST", "MOBILIZE", "ASSAULT", "COERCE", "RETREAT", "AID"}
# Senses told with the actor alone whatever their type: "the government resigned", "he stepped down".
ONE_SIDED_MODES = {("CONCEDE", "leadership")}
# Verbal events told of an issue rather than an actor ("called for a ceasefire", "rejected the
# plan"): coded with the target unnamed when their object is such an issue (ClauseReader.about_issue).
ONE_SIDED_ISSUE = {"REQUEST", "REJECT", "ACCUSE", "AGREE", "THREATEN", "SUPPORT", "CONCEDE", "SANCTION"}
# Events two conjoined subjects do with each other when no other party is named ("Israel and
# Hezbollah agreed to a ceasefire", "Iran and Saudi Arabia held talks").
MUTUAL = {"AGREE", "CONSULT"}
# Measures whose nominal form, naming only who took them, repeats a measure told just before
# against the same target ("designations by Argentina and Colombia", "similar sanctions").
RENEWED = {"SANCTION"}
# Ties a hyphenated modifier states from a patron, who does not act in what the noun does.
PATRON_TIES = {"funds", "arms", "trains", "designates_terrorist"}
RESPONSE_WINDOW = 4  # sentences back that an untargeted compliance or refusal may answer a request


class EventCoder(StatementReader, BrandingReader, EndReader, ClauseReader):
    """Codes events in a parsed, mention-resolved Doc."""

    def __init__(
        self,
        ontology: Ontology,
        modality: Modality,
        references: References | None = None,
        states: dict[str, Actor] | None = None,
    ) -> None:
        self.onto = ontology
        self.mod = modality
        refs = references or load_references()
        self.assets = refs.assets
        self.quantities = refs.quantities
        self.states = states or {}  # ISO3 -> the state actor, for cities that are attacked
        self._entities: dict[int, Span] = {}
        self._issued: list[Event] = []
        lex = ontology.lexicon
        self.verbs: dict[str, list[VerbEntry]] = defaultdict(list)
        for v in lex.verbs:
            self.verbs[v.lemma].append(v)
        self.nouns: dict[str, list[NounEntry]] = defaultdict(list)
        for n in lex.nouns:
            self.nouns[n.lemma].append(n)
        self.light = set(lex.light_verbs)
        self.reciprocal = set(lex.reciprocal)
        self.tie_verbs = {v.lemma for v in ontology.tie_lexicon.verbs}
        # "Iran-backed", "U.S.-trained" name a patron of the noun they modify, never its actor;
        # "the Saudi-led coalition", "IRGC-affiliated groups" name its leader or its own network
        self.patron_words = {m.word for m in ontology.tie_lexicon.modifiers if m.tie in PATRON_TIES}
        self.cues: dict[str, list[ModeCue]] = defaultdict(list)
        for c in lex.mode_cues:
            self.cues[c.lemma].append(c)
        # weapons that stand for the attack as a subject ("a rocket killed"): ASSAULT's cues, less
        # the persons among them ("gunmen killed", "a sniper shot"), who act for their sector
        cues = {c.lemma for c in lex.mode_cues if c.type == "ASSAULT"} - {"air", "sexual", "sexually"}
        self.weapons = cues - load_agents().individuals

    # -- triggers ------------------------------------------------------------------------------
    def find_triggers(self, doc: Doc) -> list[Trigger]:
        triggers: list[Trigger] = []
        for token in doc:
            if token.pos_ == "VERB" or token.tag_.startswith("VB"):  # the tagger sometimes calls a verb AUX
                entry = self.verb_entry(token)
                if entry is not None and self.presses_on(token):
                    continue  # "pressed ahead with its attacks": the attacks go on, nothing is asked
                if entry is not None:
                    if token.lemma_.lower() in self.light and any(
                        c.dep_ in OBJ and c.lemma_.lower() in self.nouns for c in token.children
                    ):
                        continue  # "carried out an attack": the noun is the event
                    triggers.append(
                        Trigger(token, entry.type, entry.mode, entry.target_preps, "verb", entry.lemma)
                    )
                    continue
            noun = self.noun_entry(token) if token.pos_ in ("NOUN", "PROPN") else None
            if noun is not None:
                triggers.append(Trigger(token, noun.type, noun.mode, noun.target_preps, "noun", noun.lemma))
        self.link(triggers)
        return triggers

    def link(self, triggers: list[Trigger]) -> None:
        """Find, for each trigger, the trigger or modal verb it is embedded under."""
        by_token = {t.token.i: t for t in triggers}
        for trig in triggers:
            token = trig.token
            steps = 0
            while token.dep_ in EMBED and token.head.i != token.i and steps < 6:
                if token.dep_ == "conj":
                    token = token.head
                    steps += 1
                    continue
                head = token.head
                lemma = head.lemma_.lower()
                if lemma in self.mod.commission_verbs and token.dep_ in ("xcomp", "advcl"):
                    trig.embedded_in = "commissioned"  # "hired a gunman to kill X": not done
                    break
                if verb_lemmas(head) & self.mod.desire_verbs and token.dep_ in ("xcomp", "acomp"):
                    trig.embedded_in = "desire"  # "wanted to strike back": neither done nor vowed
                    break
                if self.backing(trig):
                    break  # "struck X with support from Y": an event of its own (joint_action)
                if token.dep_ == "advcl" and any(
                    c.dep_ == "mark" and c.lower_ in self.mod.asserting_marks for c in token.children
                ):
                    break  # "warned ... as Tehran rejected the offer": a circumstance, told as fact
                if head.i in by_token and head.i != trig.token.i:
                    parent = by_token[head.i]
                    if parent.lemma in self.mod.response_verbs:
                        break  # "responded with airstrikes": the airstrikes are the act
                    if token.dep_ in ("ccomp", "parataxis") and self.semicolon_between(token, head):
                        break  # "Israel kills commander; group vows response": two clauses, both told
                    if token.dep_ in ("ccomp", "parataxis") and self.reports_speech(parent):
                        break  # "X fired rockets at Y, an official told Reuters": reported, asserted
                    if trig.pos == "noun" and parent.pos == "verb" and trig.token.dep_ not in OBJ | {"pobj"}:
                        break
                    if token is trig.token and token.dep_ == "pobj" and token.head.lower_ == "as":
                        trig.embedded_in = "content"  # "condemned the strike as a violation of X"
                        break
                    trig.parent = parent
                    parent.children.append(trig)
                    if parent.type in CONTENT_HEADS or lemma in self.mod.stop_verbs:
                        trig.embedded_in = "content"
                    elif trig.lemma in self.mod.aim_verbs and trig.type != parent.type:
                        trig.embedded_in = "content"  # "imposed sanctions targeting X": X is sanctioned
                    elif lemma in self.mod.intent_verbs or parent.type in COMMIT_HEADS:
                        trig.embedded_in = "intent"
                    elif trig.pos == "noun":
                        trig.embedded_in = "content"
                    # under any other event ("accused of killing") the inner event is reported
                    break
                if lemma in self.mod.stop_verbs:
                    trig.embedded_in = "stop"
                elif lemma in self.mod.intent_verbs and trig.embedded_in is None:
                    trig.embedded_in = "intent"
                if lemma in self.mod.speech_verbs:
                    break
                token = head
                steps += 1

    # -- arguments -----------------------------------------------------------------------------
    def directive_target(
        self,
        trig: Trigger,
        sources: list[tuple[str, str]],
        found: DocMentions,
        issued: list[Event],
        named_only: bool = False,
    ) -> list[tuple[str, str]]:
        """Who a compliance or refusal answers: the issuer of the last request in the document
        addressed to the responder (or to a collective it belongs to). "Disregarded this",
        "complied with the request" reach back through the whole story; a bare "suspended its
        operations" or "stood down" only RESPONSE_WINDOW sentences. With ``named_only``, only
        a request the trigger names by a directive noun ("supported the call") is answered."""
        objects = [c for c in trig.token.children if c.dep_ in OBJ]
        objects += self.prep_objects(trig.token, ["at", "with", "to", "despite"])
        for c in trig.token.children:  # "despite the request" hanging on the verb
            if c.dep_ == "prep" and c.lower_ in ("despite", "in"):
                objects += [g for g in c.children if g.dep_ == "pobj"]
        pointed = any(
            o.lemma_.lower() in self.mod.demonstratives or o.lemma_.lower() in self.mod.directive_nouns
            for o in objects
        )
        if named_only and not any(o.lemma_.lower() in self.mod.directive_nouns for o in objects):
            return []
        sentence = found.sentence_of.get(trig.token.i, 0)
        window = sentence + 1 if pointed else RESPONSE_WINDOW
        for event in reversed(issued):
            if (
                event.type != "REQUEST"
                or not event.source
                or sentence - event.extra.get("sentence_no", -99) > window
            ):
                continue
            if named_only:  # "France and Britain called for X ... Greece supported the call": both
                same = [
                    e.source
                    for e in issued
                    if (e.evidence.start, e.trigger) == (event.evidence.start, event.trigger)
                ]
                return [(source, "directive") for source in dict.fromkeys(same) if source]
            if pointed or any(self.addressed(event.target, s, found) for s, _ in sources):
                return [(event.source, "directive")]
        return []

    @staticmethod
    def addressed(target: str | None, responder: str, found: DocMentions) -> bool:
        """Whether a request to ``target`` reaches ``responder``: the same actor, or a collective
        of armed groups ("the factions") answered by an armed group."""
        if target is None:
            return False
        if target == responder:
            return True
        kinds = {found.actors[a].type for a in (target, responder) if a in found.actors}
        return kinds == {"armed_group"} and parse_generic(target) is not None

    def halted(self, trig: Trigger) -> Token | None:
        """The armed action a halting noun stops ("a suspension of its operations"), if any."""
        for obj in self.prep_objects(trig.token, ["of"]):
            if obj.lemma_.lower() in self.mod.halted_events:
                return obj
        return None

    def persists(self, trig: Trigger) -> bool:
        """Whether armed action is said to go on ("continue its attacks", "new attacks despite",
        "press ahead with its attacks")."""
        token = trig.token
        head = token.head if token.dep_ in OBJ else token
        if token.dep_ == "pobj" and token.head.lower_ == "with" and self.presses_on(token.head.head):
            return True
        if head.lemma_.lower() in self.mod.persist_verbs:
            return True
        return any(c.dep_ == "prep" and c.lower_ == "despite" for t in (token, head) for c in t.children)

    # -- attributes ----------------------------------------------------------------------------
    def mode_of(self, trig: Trigger) -> str | None:
        if trig.mode:
            return trig.mode
        near = list(trig.token.children) + [g for c in trig.token.children for g in c.children]
        for token in [trig.token, *near]:
            for cue in self.cues.get(token.lemma_.lower(), []):
                if cue.type == trig.type:
                    return cue.mode
        return None

    def modality(self, trig: Trigger) -> tuple[bool, bool, bool]:
        """(negated, intended, hypothetical) of a trigger, from its auxiliaries and heads."""
        token = trig.token
        negated = intended = hypothetical = False
        chain = [token]
        head = token
        carried = trig.pos == "noun" and self.counted_by(token).dep_ in OBJ
        if carried:  # "said they would continue attacks": the verb carrying the noun tells
            head = self.counted_by(token).head
            chain.append(head)
        for _ in range(4):
            if head.dep_ in ("xcomp", "conj", "ccomp") and head.head.i != head.i:
                head = head.head
                chain.append(head)
            else:
                break
        for tok in chain[: 3 if carried else 2]:
            for child in tok.children:
                low = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                    negated = True
                if child.dep_ == "aux" and low in self.mod.future_aux:
                    intended = True
                if child.dep_ == "aux" and low in self.mod.hypothetical_modals:
                    if low in self.mod.reported_future and self.reported_future(tok):
                        intended = True  # "Israel said it would retaliate": a reported "will"
                    else:
                        hypothetical = True
                if child.dep_ == "mark" and low in self.mod.hypothetical_marks:
                    hypothetical = True
        if trig.embedded_in == "intent":
            intended = True
        return negated, intended, hypothetical

    def reported_future(self, clause: Token) -> bool:
        """Whether a clause is the content of a reporting verb with no condition in the
        sentence: its "would" is the speaker's "will" told in the past."""
        head = clause.head
        if clause.dep_ != "ccomp" or head.lemma_.lower() not in self.mod.speech_verbs:
            return False
        return not any(t.dep_ == "mark" and t.lower_ in self.mod.hypothetical_marks for t in clause.sent)

    def when(self, trig: Trigger, published: date | None) -> tuple[date | None, str, str | None]:
        sent = trig.token.sent
        dates = [e for e in self.entities_in(sent) if e.label_ == "DATE"]
        if not dates:
            return published, ("document" if published else "none"), None
        subtree = {t.i for t in trig.token.subtree}
        dates.sort(key=lambda e: (e.root.i not in subtree, abs(e.root.i - trig.token.i)))
        when, precision = resolve_date(dates[0].text, published)
        if when is None:
            return published, ("document" if published else "none"), dates[0].text
        return when, precision, dates[0].text

    def where(self, trig: Trigger, found: DocMentions) -> tuple[str | None, str | None]:
        tokens = [trig.token, *[c for c in trig.token.children if c.dep_ in OBJ]]
        for tok in tokens:
            for obj in self.prep_objects(tok, ["in", "at", "near", "outside", "inside"]):
                ent = self.entity_at(obj)
                if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
                    kind, iso3 = country_of(ent.text)
                    return ent.text, iso3
        return None, None

    # -- main ----------------------------------------------------------------------------------
    def entities_in(self, sent: Span) -> list[Span]:
        found = {id(e): e for i in range(sent.start, sent.end) if (e := self._entities.get(i)) is not None}
        return list(found.values())

    def __call__(self, doc: Doc, found: DocMentions, published: date | None) -> list[Event]:
        self._entities = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        triggers = self.find_triggers(doc)
        # accusations told by "was responsible" come first: a denial later in the text answers them
        events: list[Event] = self.attributions(doc, found, published)
        self._issued = events
        done: set[int] = set()  # trigger tokens already coded
        aimed: set[int] = set()  # trigger tokens coded with a target
        means = self.means_nouns(triggers)
        # an attack noun that is the subject of a harm verb comes right after that verb
        for trig in sorted(triggers, key=lambda t: means.get(t.token.i, t.token.i - 0.5) + 0.5):
            if (trig.embedded_in == "content" and trig.parent is not None) or trig.embedded_in in (
                "commissioned",
                "desire",
            ):
                continue
            if means.get(trig.token.i) in aimed:
                continue  # "an Israeli strike on Beirut killed a commander": one attack, told by the verb
            if self.unrealised(trig):
                continue  # "any attack on Yemen would be met with a response": no attack told
            if trig.embedded_in in ("content", "stop") and trig.parent is None and trig.pos == "noun":
                if not (trig.type in DISCONTINUED and self.discontinued(trig)):
                    continue
            coded = self.code_trigger(trig, found, published, events)
            if coded:
                done.add(trig.token.i)
            if any(e.target for e in coded):
                aimed.add(trig.token.i)
            events.extend(coded)
        events.extend(self.penalties(doc, found, published))
        # "warned that any attack would be met with force": one threat, whether the verb told it
        known = {(e.type, e.source, e.target, e.evidence.start) for e in events}
        told_too = self.answers(doc, found, published) + self.brandings(doc, found, published, events)
        events.extend(e for e in told_too if (e.type, e.source, e.target, e.evidence.start) not in known)
        # a sentence whose main predicate is a clear trigger yields an event even when one side
        # goes unnamed ("protesters rallied in Tahrir Square", "the base was attacked")
        told = {e.evidence.start for e in events}
        unclaimed: list[Event] = []
        for trig in sorted(triggers, key=lambda t: t.token.i):
            if trig.token.i in done or self.unrealised(trig):
                continue
            if self.vowed(trig):  # "blamed Israel and vowed to retaliate": a threat of its own
                pass
            elif (trig.token.sent.start_char in told and not self.protest_besides(trig, events)) or (
                not self.main_clause(trig) or trig.embedded_in
            ):
                continue
            one = self.code_trigger(trig, found, published, events, one_sided=True)
            if one and all(e.source is None and e.target is None for e in one):
                unclaimed.extend(one)  # "a bomb went off": told only if nothing names a side
                continue
            events.extend(one)
            told.update(e.evidence.start for e in one)
        # in a story that tells of attacks by named sides, a nameless one is likely theirs
        attacked = any(e.type == "ASSAULT" and e.source for e in events)
        for event in [] if attacked else unclaimed:
            if event.evidence.start not in told:
                events.append(event)
                told.add(event.evidence.start)
        return events

    def names_other_side(self, trig: Trigger, found: DocMentions) -> bool:
        """Whether an agreement or meeting names its other party directly ("agreed with X",
        "met X") rather than only what it is about ("agreed to a ceasefire")."""
        token = trig.token
        direct = [c for c in token.children if c.dep_ in OBJ and c.lemma_.lower() not in self.mod.issue_nouns]
        direct += self.prep_objects(token, ["with", "to", *trig.target_preps])  # "mediating between X and Y"
        return any(found.at(t) is not None for t in direct)

    def reports_speech(self, trig: Trigger) -> bool:
        """ "told Reuters that it would retaliate": a reporting clause, not a request."""
        if trig.type != "REQUEST" or trig.pos != "verb" or trig.lemma not in self.mod.report_verbs:
            return False
        return not any(c.dep_ == "xcomp" for c in trig.token.children)

    def code_trigger(
        self,
        trig: Trigger,
        found: DocMentions,
        published: date | None,
        issued: list[Event],
        one_sided: bool = False,
    ) -> list[Event]:
        if self.reports_speech(trig):
            return []
        if trig.type == "ACCUSE" and trig.pos == "verb" and trig.token.dep_ == "acl":
            return []  # "a rocket attributed to X", "a man accused of spying": a description
        if trig.type == "PROTEST" and trig.pos == "verb" and self.means_subject(trig.token) is not None:
            return []  # "attacks that disrupt shipping": what the attacks do, told by the attack
        if trig.pos == "verb":
            sources, inherited = self.subject(trig.token, found)
            targets = self.verb_target(trig, found)
            rule = "verb:" + (
                "passive" if any(c.dep_ == "auxpass" for c in trig.token.children) else "active"
            )
        else:
            sources, inherited = self.noun_source(trig, found)
            targets = self.noun_target(trig, found)
            rule = "noun"
            claim = self.claimed_attack(trig.token) if not sources and trig.type == "ASSAULT" else None
            if claim is not None:  # "Al-Shabaab claimed responsibility for the bombing"
                if self.told_before(trig, found, issued):
                    return []  # the claim names the agent of an attack told just before
                sources, _ = self.subject(claim, found)
                rule += "+claimed"
        if sources and not targets:
            targets = self.targets_told_before(trig, sources, found, issued)
        # what a request asks to stop ("to stop attacking X", "rein in the attacks on X") or to do
        directive = self.directive_from_stop(trig, found) if trig.type == "REQUEST" else {}
        for child in trig.children:
            ended = (
                self.ended_event(child) if trig.type == "REQUEST" and child.embedded_in == "content" else None
            )
            if ended is not None and not directive:  # "demanded an end to Israeli attacks on Gaza"
                directive, addressees = self.end_asked(ended, found)
                targets = targets or addressees
                continue
            if child.embedded_in == "content":
                inner_targets = (
                    self.verb_target(child, found) if child.pos == "verb" else self.noun_target(child, found)
                )
                if trig.type == "REQUEST" and inner_targets and not directive:
                    directive = {
                        "prohibits" if self.stops(child) else "asks": child.type,
                        "protected": inner_targets[0][0],
                    }
                    if directive.get("asks") == "RETREAT" and child.mode == "ceasefire":
                        # "to pause their operations against U.S. forces" asks them to stop attacking
                        directive = {"prohibits": "ASSAULT", "protected": inner_targets[0][0]}
                elif not targets and trig.type == "ACCUSE" and child.type in MATERIAL_CONFLICT:
                    # "condemned Russia's strike on Odesa": the one blamed is who struck, never
                    # the one struck; with the striker unnamed the condemnation names no target
                    targets = (
                        self.noun_source(child, found)[0] or self.antecedent_source(child, found, issued)
                        if child.pos == "noun"
                        else []
                    )  # "Israel struck Beirut. Lebanon condemned the strike": Israel is condemned
                elif trig.type == "REJECT" and child.type in MATERIAL_CONFLICT and child.token.dep_ in OBJ:
                    # "rejected the sanctions": the one who imposed them, as told before
                    agents = self.noun_source(child, found)[0] if child.pos == "noun" else []
                    targets = agents or self.antecedent_source(child, found, issued) or targets
                elif not targets and inner_targets and not self.reason(child):
                    targets = inner_targets
        if not sources and trig.type == "AID" and trig.pos == "verb":
            sources = self.place_as_source(trig, found)  # "were trained in Iran"
        means = (
            self.means_subject(trig.token) if trig.type in MATERIAL_CONFLICT and trig.pos == "verb" else None
        )
        if means is not None:  # "The attack killed two soldiers", "a drone launched by X hit"
            agents = self.attributed(means, found) or (
                [] if sources else self.agent_of_means(means, trig, found, issued)
            )
            sources, rule = (agents, rule + "+means") if agents else (sources, rule)
        joint = self.joint_action(trig, found)
        if joint is not None:  # "X struck Y with support from Z": Z cooperates with X
            sources, targets = joint
            trig = Trigger(trig.token, "COOPERATE", None, [], trig.pos, trig.lemma)
            rule += "+joint"
        halted = self.halted(trig) if trig.pos == "noun" and trig.type == "SANCTION" else None
        if halted is not None:  # "announced a suspension of its operations against U.S. forces"
            trig = Trigger(trig.token, "RETREAT", "ceasefire", trig.target_preps, "noun", trig.lemma)
            inner = self.noun_entry(halted)
            if inner is not None:
                targets = self.noun_target(
                    Trigger(halted, inner.type, inner.mode, inner.target_preps, "noun", inner.lemma), found
                )
            rule += "+halted"
        defied: Found = []  # the requester an attack that goes on defies
        if trig.type in ("REJECT", "CONCEDE", "AGREE", "RETREAT") and sources:
            answered = self.directive_target(trig, sources, found, issued)
            if answered and (not targets or trig.type in ("REJECT", "CONCEDE")):
                targets = answered
        elif trig.type == "ASSAULT" and sources and self.persists(trig):
            answered = self.directive_target(trig, sources, found, issued)
            if answered and not targets:  # "carried out new attacks despite the request": defiance
                trig = Trigger(trig.token, "REJECT", "yield", [], trig.pos, trig.lemma)
                targets, rule = answered, rule + "+persisted"
            elif answered:  # "vowed to keep up attacks on U.S. forces": a threat and a refusal
                defied = answered
        sources = [s for s in sources if found.actors[s[0]].type not in SOURCE_EXCLUDED]
        if self.onto.event_types[trig.type].quad.startswith("verbal"):
            targets = [t for t in targets if found.actors[t[0]].type not in SOURCE_EXCLUDED]  # "told Reuters"
        Side = tuple[str | None, str]  # (actor id or None when unnamed, rule)
        pairs: list[tuple[Side, Side]] = [(s, t) for s in sources for t in targets]
        if len(sources) >= 2 and (
            (not targets and (trig.lemma in self.reciprocal or each_other(trig.token)))
            or (trig.type in MUTUAL and not self.names_other_side(trig, found))
        ):  # "X and Y clashed", "X and Y agreed to a U.S.-brokered ceasefire", "blamed each other"
            pairs = [(s, t) for s in sources for t in sources if s[0] != t[0]]
        if not pairs and targets and not sources and trig.type in ONE_SIDED_TARGET:
            sources = self.claimant(trig, found)  # "... was attacked. KH claimed responsibility."
            pairs = [(s, t) for s in sources for t in targets]
            rule += "+claimed" if pairs else ""
        if not pairs and one_sided:  # "protesters rallied", "the base was attacked"
            if (
                sources
                and not targets
                and (
                    trig.type in ONE_SIDED_SOURCE
                    or (trig.type in ONE_SIDED_ISSUE and self.about_issue(trig))
                    or (trig.type in MUTUAL and all(parse_generic(s) for s, _ in sources))
                    or (trig.type, trig.mode) in ONE_SIDED_MODES
                )
            ):  # "officials met in Geneva", "ministers discussed the crisis": with one another
                # a side read from an antecedent, with the other side unnamed, is too little to tell
                pairs = [(s, (None, "")) for s in sources if s[1] != "antecedent"]
            elif targets and not sources and trig.type in ONE_SIDED_TARGET:
                pairs = [((None, ""), t) for t in targets]
            elif not sources and trig.type == "ASSAULT" and means is not None and self.unclaimed(means):
                pairs, rule = [((None, ""), (None, ""))], rule + "+unclaimed"  # "a bomb went off"
        if not pairs:
            return []
        if trig.pos == "verb" and self.standing(trig):
            return []  # "are funded and led by": a standing tie, read by the tie reader
        negated, intended, hypothetical = self.modality(trig)
        forceful = any(c.dep_ == "advmod" and c.lower_ in self.mod.force_manners for c in trig.token.children)
        if trig.lemma in self.mod.response_verbs and not intended and not forceful:
            return []  # "responded with strikes": the strikes tell it; "responded militarily": the act
        event_type, mode = trig.type, self.mode_of(trig)
        if event_type in DISCONTINUED and self.discontinued(trig):
            event_type, mode, rule = "SANCTION", "discontinue", rule + "+discontinued"
        if (
            event_type == "COERCE"
            and trig.lemma in ("ban", "outlaw", "proscribe")
            and any(t.lemma_.lower() in ("terrorist", "terror", "terrorism") for t in trig.token.subtree)
        ):  # "banned Hizballah as a terrorist organization": a designation
            event_type, mode, rule = "SANCTION", "designation", rule + "+designation"
        event_type, mode, negated, suffix = self.recode(event_type, mode, negated, intended)
        rule += suffix
        template = self.new_event(trig, found, published, event_type, mode, f"{rule}:{trig.lemma}", 0.8)
        template.negated, template.intended, template.hypothetical = negated, intended, hypothetical
        template.extra.update(directive)
        confidence = 0.8 * (0.85 if inherited else 1.0)
        results = []
        for (source, source_rule), (target, _target_rule) in pairs:
            if source is not None and source == target:
                if parse_generic(source) is None or len(pairs) > 1:
                    continue
                target = None  # "families protested the jailing of inmates": two unnamed groups
            conf = confidence * (0.85 if source_rule.startswith(("pronoun", "collective")) else 1.0)
            evidence = replace(template.evidence, confidence=round(conf, 3))
            results.append(
                replace(template, source=source, target=target, evidence=evidence, extra=dict(template.extra))
            )
        if defied:
            refusal = self.new_event(
                trig, found, published, "REJECT", "yield", f"{rule}+persisted:{trig.lemma}", 0.8
            )
            for source in dict.fromkeys(s for (s, _), _t in pairs if s is not None and s != defied[0][0]):
                results.append(
                    replace(refusal, source=source, target=defied[0][0], extra=dict(refusal.extra))
                )
        return results

    def targets_told_before(
        self, trig: Trigger, sources: Found, found: DocMentions, issued: list[Event]
    ) -> Found:
        """The target of an event that names it only by what was told before: "U.S. aircraft hit
        the targets" (those the same side struck just before), "Britain announced similar
        sanctions" (on whom the last ones were imposed), "Greece supported the call" (those who
        made it), "the group denied any involvement" (those who accused it)."""
        if trig.type == "ASSAULT" and trig.pos == "verb":
            return self.struck_before(trig, sources, found, issued)
        if trig.type in RENEWED and trig.pos == "noun":
            return self.antecedent_target(trig, found, issued)
        if trig.type == "SUPPORT":
            return self.directive_target(trig, sources, found, issued, named_only=True)
        if trig.type == "REJECT":  # "The group denied any involvement": its accusers
            return self.accusers(trig, sources, found, issued)
        return []

    def backing(self, trig: Trigger) -> bool:
        """Whether a trigger is the backing noun of a "with support from X" phrase."""
        token = trig.token
        return (
            trig.pos == "noun"
            and trig.lemma in self.mod.backing_nouns
            and token.dep_ == "pobj"
            and token.head.lower_ == "with"
        )

    def joint_action(self, trig: Trigger, found: DocMentions) -> tuple[Found, Found] | None:
        """ "The U.S. and U.K. conducted strikes with support from Australia and Canada": the
        backers (the "from"/"of" phrase of a backing noun under "with") cooperate with the
        subject of the clause the phrase modifies. None where the construction is absent."""
        if not self.backing(trig):
            return None
        token = trig.token
        prep = token.head
        backers = [a for obj in self.prep_objects(token, ["from", "of"]) for a in self.actors_at(obj, found)]
        if prep.head.pos_ in ("VERB", "AUX"):
            backed, _ = self.subject(prep.head, found)
        elif prep.head.dep_ in SUBJ:  # "the militaries of X and Y, with support from Z, struck"
            backed = self.actors_at(prep.head, found)
        else:
            return None
        if not backers or not backed:
            return None
        return backers, backed

    def new_event(
        self,
        trig: Trigger,
        found: DocMentions,
        published: date | None,
        event_type: str,
        mode: str | None,
        rule: str,
        confidence: float,
    ) -> Event:
        """An event of a trigger with its evidence sentence, date, place and whether it is
        background; the caller fills in source and target."""
        when, precision, date_text = self.when(trig, published)
        location, country = self.where(trig, found)
        sent = trig.token.sent
        return Event(
            type=event_type,
            source=None,
            target=None,
            mode=mode,
            evidence=Evidence(sent.text, sent.start_char, sent.end_char, rule, round(confidence, 3)),
            date=when,
            date_precision=precision,
            date_text=date_text,
            location=location,
            country=country,
            historical=self.is_historical(trig, when, precision, published),
            trigger=trig.token.text,
            extra={"sentence_no": found.sentence_of.get(trig.token.i, 0)},
        )

    @staticmethod
    def recode(
        event_type: str, mode: str | None, negated: bool, intended: bool
    ) -> tuple[str, str | None, bool, str]:
        """PLOVER's reading of intentions and refusals: an intended use of force is a threat
        ("vowed to attack"), an intended concession or aid is a pledge, so AGREE ("will provide
        aid", "willing to withdraw"), and a refused concession is a rejection ("did not obey")."""
        if intended and not negated and event_type in ("ASSAULT", "COERCE"):
            return "THREATEN", "violence" if event_type == "ASSAULT" else "restrict", negated, "+intent"
        if intended and not negated and event_type in PLEDGED:
            return "AGREE", None, negated, "+pledge"
        if negated and event_type in ("CONCEDE", "AGREE", "SUPPORT"):
            return "REJECT", None, False, "+negated"
        return event_type, mode, negated, ""

    def standing(self, trig: Trigger) -> bool:
        """A present-tense passive of a tie verb states a relation, not an event ("are funded by")."""
        token = trig.token
        if token.lemma_.lower() not in self.tie_verbs:
            return False
        group = [token, token.head] if token.dep_ == "conj" else [token]
        return any(c.dep_ == "auxpass" and c.lower_ in PRESENT_AUX for t in group for c in t.children)

    def discontinued(self, trig: Trigger) -> bool:
        """Whether aid is said to stop or shrink: its noun is the subject or object of a stop verb."""
        token = trig.token
        head = token.head
        halting = self.mod.stop_verbs | self.mod.decline_verbs
        if trig.pos == "noun" and token.dep_ in SUBJ | OBJ and head.lemma_.lower() in halting:
            return True
        if trig.pos == "noun" and token.dep_ in OBJ:  # "caused funding to decrease"
            if any(
                c.dep_ in ("xcomp", "advcl", "ccomp") and c.lemma_.lower() in halting for c in head.children
            ):
                return True
        return trig.embedded_in == "stop"

    def stops(self, trig: Trigger) -> bool:
        head = trig.token.head
        return head.lemma_.lower() in self.mod.stop_verbs or trig.embedded_in == "stop"

    def directive_from_stop(self, trig: Trigger, found: DocMentions) -> dict[str, str]:
        """ "asked them to rein in the attacks on X": a stop verb whose object is an event noun."""
        for tok in trig.token.subtree:
            if tok.lemma_.lower() in self.mod.stop_verbs:
                for obj in tok.children:
                    noun = self.noun_entry(obj)
                    if obj.dep_ in OBJ and noun is not None:
                        inner = Trigger(obj, noun.type, noun.mode, noun.target_preps, "noun", noun.lemma)
                        targets = self.noun_target(inner, found)
                        if targets:
                            return {"prohibits": noun.type, "protected": targets[0][0]}
                    elif obj.dep_ in ("xcomp", "pcomp", "dobj") and obj.lemma_.lower() in self.verbs:
                        entry = self.verb_entry(obj)
                        if entry is not None:
                            inner = Trigger(
                                obj, entry.type, entry.mode, entry.target_preps, "verb", entry.lemma
                            )
                            targets = self.verb_target(inner, found)
                            if targets:
                                return {"prohibits": entry.type, "protected": targets[0][0]}
        return {}

    def is_historical(self, trig: Trigger, when: date | None, precision: str, published: date | None) -> bool:
        if self.tally(trig):
            return True
        if precision not in ("none", "document") and when is not None:
            if published is not None:
                return (published - when).days > HISTORICAL_DAYS
            return precision in ("month", "year")
        token = trig.token
        verb = token if trig.pos == "verb" else token.head
        if self.reported_clause(verb):
            return False  # "said they had struck the vessel": the speaker's past, told as news
        return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN"
