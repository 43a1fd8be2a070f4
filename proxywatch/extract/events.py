"""Code PLOVER events from a dependency parse: who did what to whom, when, where and how.

Triggers are verbs and nouns found in the predicate lexicon (``ontology/data/lexicon.yaml``).
Arguments come from the parse: subject (or passive "by" agent) as source; direct object,
passive subject or a listed preposition's object as target; possessive, compound or
light-verb subject ("carried out an attack") for nominal triggers. Events embedded under
a request, threat or refusal ("called on X to stop attacking Y") are not asserted: they
become the directive the outer event carries (``extra["prohibits"]``, ``extra["protected"]``).
Events under intent verbs or "will" are intended; under "could"/"if", hypothetical.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from proxywatch.extract.dates import resolve_date
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.modality import Modality
from proxywatch.extract.places import country_of
from proxywatch.extract.records import Actor, Event, Evidence
from proxywatch.extract.references import References, load_references
from proxywatch.ids import parse_generic
from proxywatch.ontology import Ontology
from proxywatch.ontology.schema import ModeCue, NounEntry, VerbEntry

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
EMBED = {"xcomp", "ccomp", "dobj", "pobj", "prep", "prt", "advcl", "acomp", "conj", "pcomp", "attr"}
INHERIT = {"xcomp", "conj", "advcl", "acl", "pcomp", "relcl", "acomp"}
MODIFIERS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
# Heads whose embedded events are what they ask, threaten or refuse, not what happened.
CONTENT_HEADS = {"REQUEST", "THREATEN", "REJECT"}
# Heads that commit to what they embed ("agreed to suspend attacks"): the inner event is intended.
COMMIT_HEADS = {"AGREE"}
# Aid that stops or shrinks is a sanction: "caused Iranian funding to decrease", "cut aid".
DISCONTINUED = {"AID", "COOPERATE", "SUPPORT"}
# Reporters interviewing officials are not political events.
SOURCE_EXCLUDED = {"media"}
# Cooperation promised rather than done is an agreement (PLOVER: AGREE covers pledges).
PLEDGED = {"AID", "RETREAT", "CONCEDE", "COOPERATE"}
PRESENT_AUX = {"is", "are", "am", "'s", "'re"}
HISTORICAL_DAYS = 30
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION"}
# Material events often reported with one side unnamed: the actor alone ("protesters rallied",
# "militants opened fire") or, in an agentless passive, the target alone ("the base was attacked").
ONE_SIDED_SOURCE = {"PROTEST", "MOBILIZE", "ASSAULT", "COERCE", "RETREAT", "AID"}
ONE_SIDED_TARGET = {"ASSAULT", "COERCE", "SANCTION"}
RESPONSE_WINDOW = 4  # sentences back that an untargeted compliance or refusal may answer a request


@dataclass
class Trigger:
    token: Token
    type: str
    mode: str | None
    target_preps: list[str]
    pos: str
    lemma: str
    parent: Trigger | None = None
    embedded_in: str | None = None  # "content", "intent", "stop" or None
    children: list[Trigger] = field(default_factory=list)


class EventCoder:
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
        self.cues: dict[str, list[ModeCue]] = defaultdict(list)
        for c in lex.mode_cues:
            self.cues[c.lemma].append(c)

    # -- triggers ------------------------------------------------------------------------------
    def verb_entry(self, token: Token) -> VerbEntry | None:
        entries = self.verbs.get(token.lemma_.lower())
        if not entries:
            return None
        child_lemmas = {c.lemma_.lower() for c in token.children if c.dep_ in ("prt", "prep")}
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in OBJ | PASS_SUBJ}
        for entry in entries:
            if entry.particle and entry.particle not in child_lemmas:
                continue
            if entry.object and not objects & set(entry.object):
                continue
            return entry
        return None

    def noun_entry(self, token: Token) -> NounEntry | None:
        """The first sense of a noun whose required modifiers are present ("hunger strike")."""
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
        for entry in self.nouns.get(token.lemma_.lower(), []):
            if not entry.modifiers or modifiers & set(entry.modifiers):
                return entry
        return None

    def find_triggers(self, doc: Doc) -> list[Trigger]:
        triggers: list[Trigger] = []
        for token in doc:
            if token.pos_ == "VERB" or token.tag_.startswith("VB"):  # the tagger sometimes calls a verb AUX
                entry = self.verb_entry(token)
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
                if head.i in by_token and head.i != trig.token.i:
                    parent = by_token[head.i]
                    if trig.pos == "noun" and parent.pos == "verb" and trig.token.dep_ not in OBJ | {"pobj"}:
                        break
                    trig.parent = parent
                    parent.children.append(trig)
                    if parent.type in CONTENT_HEADS or lemma in self.mod.stop_verbs:
                        trig.embedded_in = "content"
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
    def actors_at(self, token: Token, found: DocMentions, depth: int = 0) -> list[tuple[str, str]]:
        """Actors a token stands for: its own mention, else one inside its modifiers; conjuncts too."""
        result: list[tuple[str, str]] = []
        mention = found.at(token)
        named = [c for c in token.children if c.dep_ == "appos" and found.at(c) is not None]
        states = self.conjoined_states(token, found) if mention is not None else []
        if states:  # "U.S. and British forces": each state's forces act
            result.extend(states)
        elif mention is not None:
            result.append((mention.actor_id, mention.rule))
        elif named:  # "the senior militia commander Abu Mahdi al-Muhandis": the named one
            inner = found.at(named[0])
            assert inner is not None
            result.append((inner.actor_id, inner.rule))
        elif token.lemma_.lower() in self.assets and self.user_of(token, found):
            result.extend(self.user_of(token, found))  # "facilities used by Kata'ib Hezbollah"
        elif depth < 2:
            for child in token.children:
                if child.dep_ in MODIFIERS or (child.dep_ == "prep" and child.lemma_ == "of"):
                    arg = (
                        child
                        if child.dep_ != "prep"
                        else next((g for g in child.children if g.dep_ == "pobj"), None)
                    )
                    if arg is not None:
                        found_inner = self.actors_at(arg, found, depth + 1)
                        if found_inner:
                            result.extend(found_inner[:1])
                            break
        for child in token.children:
            if child.dep_ == "conj" and depth == 0:
                result.extend(self.actors_at(child, found, depth))
        seen: set[str] = set()
        return [r for r in result if not (r[0] in seen or seen.add(r[0]))]  # type: ignore[func-returns-value]

    @staticmethod
    def conjoined_states(token: Token, found: DocMentions) -> list[tuple[str, str]]:
        """The states of "U.S. and British forces": a generic actor whose modifiers name several."""
        mention = found.at(token)
        if mention is None or parse_generic(mention.actor_id) is None:
            return []
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
        modifiers += [g for c in modifiers for g in c.children if g.dep_ == "conj"]
        states: list[tuple[str, str]] = []
        for tok in modifiers:
            inner = found.at(tok)
            if inner is not None and found.actors[inner.actor_id].type == "state":
                states.append((inner.actor_id, inner.rule))
        return states if len({s for s, _ in states}) >= 2 else []

    def user_of(self, token: Token, found: DocMentions) -> list[tuple[str, str]]:
        """Who uses an asset: the agent of "used by X" / "belonging to X" on it."""
        for child in token.children:
            if child.dep_ not in ("acl", "relcl"):
                continue
            for grand in child.children:
                if grand.dep_ in ("agent", "prep") and grand.lower_ in ("by", "to"):
                    for pobj in (g for g in grand.children if g.dep_ == "pobj"):
                        found_actors = self.actors_at(pobj, found, depth=1)
                        if found_actors:
                            return found_actors
        return []

    def done_to(self, token: Token) -> bool:
        """Whether a participle's event is done to someone ("killed", "arrested"), so that the
        noun it describes is its target; "interns protested" (misparsed as a participle) is not."""
        entry = self.verb_entry(token)
        return entry is not None and entry.type in ONE_SIDED_TARGET

    def headline_passive(self, token: Token) -> bool:
        """ "Top Hamas leader killed in Iran": a headline's past participle with a subject and no
        auxiliary or object is a passive; its subject is the one acted upon."""
        if token.tag_ != "VBN" or token.dep_ != "ROOT" or not self.done_to(token):
            return False
        deps = {c.dep_ for c in token.children}
        return "nsubj" in deps and not deps & {"aux", "auxpass", "dobj", "obj"}

    def subject(self, token: Token, found: DocMentions, hops: int = 0) -> tuple[list[tuple[str, str]], bool]:
        """Source actors of a verb: its subject, its passive agent, or inherited from the verb it hangs on."""
        if self.headline_passive(token):
            return [], False
        for child in token.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actors_at(pobj, found), False
        if any(c.dep_ == "auxpass" for c in token.children):
            # "were killed in a U.S. drone strike": the actor of the event noun that did it
            for obj in self.prep_objects(token, ["in", "by", "during", "from"]):
                noun = self.noun_entry(obj)
                if noun is not None:
                    inner = Trigger(obj, noun.type, noun.mode, noun.target_preps, "noun", noun.lemma)
                    actors, _ = self.noun_source(inner, found)
                    if actors:
                        return actors, False
            agent = self.deep_agent(token)
            if agent is not None:
                return self.actors_at(agent, found), False
        for child in token.children:
            if child.dep_ in SUBJ:
                if child.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
                    return self.actors_at(token.head, found), True
                return self.actors_at(child, found), False
        if hops < 3 and token.dep_ in INHERIT and token.head.i != token.i:
            head = token.head
            if head.dep_ == "prep" and token.dep_ == "pcomp":  # "accused of killing": up to "accused"
                head = head.head
                for child in head.children:
                    if child.dep_ in PASS_SUBJ:  # the accused did the killing
                        return self.actors_at(child, found), True
            if token.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                if token.dep_ == "acl" and token.tag_ == "VBN" and self.done_to(token):
                    return [], False  # "Hamas leader killed in Iran": the noun is the one killed
                return self.actors_at(head, found), True
            if token.dep_ == "xcomp":  # object control: "urged X to stop" -> X is the subject
                for child in head.children:
                    if child.dep_ in OBJ:
                        return self.actors_at(child, found), True
            actors, _ = self.subject(head, found, hops + 1)
            return actors, True
        return [], False

    @staticmethod
    def deep_agent(verb: Token) -> Token | None:
        """The object of a "by" phrase the parser attached below the verb instead of to it
        ("designated as terrorist organizations by the United States")."""
        for tok in verb.subtree:
            if tok.lower_ == "by" and tok.dep_ in ("prep", "agent") and tok.head.i != verb.i:
                for pobj in tok.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None

    def prep_objects(self, token: Token, preps: list[str]) -> list[Token]:
        objs: list[Token] = []
        for child in token.children:
            if child.dep_ in ("prep", "prt", "dative") and child.lemma_.lower() in preps:
                objs.extend(g for g in child.children if g.dep_ == "pobj")
                if child.dep_ == "dative" and not list(child.children):
                    objs.append(child)
        return objs

    def verb_target(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        token = trig.token
        passive = any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in token.children)
        candidates: list[Token] = []
        if passive:
            candidates += [c for c in token.children if c.dep_ in PASS_SUBJ]
        if self.headline_passive(token):
            candidates += [c for c in token.children if c.dep_ == "nsubj"]
        candidates += [c for c in token.children if c.dep_ in OBJ | {"dative"}]
        candidates += self.prep_objects(token, trig.target_preps or ["on", "against", "at", "with", "to"])
        for obj in (c for c in token.children if c.dep_ in OBJ):  # "landed blows against X"
            candidates += self.prep_objects(
                obj, [p for p in trig.target_preps if p in ("against", "on", "upon")]
            )
        if (
            (passive or (token.dep_ == "acl" and token.tag_ == "VBN" and self.done_to(token)))
            and not candidates
            and token.dep_
            in (
                "relcl",
                "acl",
            )
        ):
            candidates.append(token.head)  # "a leader killed in Lebanon", "the base, which was hit"
        # "ignoring and even sneering at the orders", "don't take orders nor respect X": shared objects
        for conj in [c for c in token.children if c.dep_ == "conj"] + (
            [token.head] if token.dep_ == "conj" else []
        ):
            candidates += [c for c in conj.children if c.dep_ in OBJ]
            candidates += self.prep_objects(conj, trig.target_preps or ["at", "on", "against"])
        # "threatened to remove X": the object of the clause the verb governs
        for comp in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
            if trig.type == "REQUEST" and comp.dep_ == "ccomp":  # "demanded that Iran end ...": Iran
                candidates += [c for c in comp.children if c.dep_ in SUBJ]
            candidates += [c for c in comp.children if c.dep_ in OBJ]
            if trig.type in ("REQUEST", "THREATEN"):  # "warned it will exert pressure on Iran"
                inner = [comp, *(c for c in comp.children if c.dep_ in OBJ)]
                inner += [g for c in comp.children if c.dep_ == "xcomp" for g in [c, *c.children]]
                for tok in inner:
                    candidates += self.prep_objects(tok, ["on", "against", "upon"])
        for cand in candidates:
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cand.children) and cand.dep_ in OBJ:
                continue  # "withdraw its troops from Syria": the subject's own, not the target
            actors = self.actors_at(cand, found)
            if actors:
                return actors
        if trig.type in MATERIAL_CONFLICT:
            for cand in candidates:
                state = self.city_state(cand, found)
                if state:
                    return state
        return []

    def city_state(self, token: Token, found: DocMentions) -> list[tuple[str, str]]:
        """A city that is attacked stands for its state ("attacked Tel Aviv"): the city becomes a
        mention of the state."""
        ent = self.entity_at(token)
        if ent is None or ent.label_ != "GPE" or not found.free(ent.start, ent.end):
            return []
        kind, iso3 = country_of(ent.text)
        state = next(
            (a for a in found.actors.values() if a.type == "state" and a.country == iso3),
            self.states.get(iso3 or ""),
        )
        if kind != "city" or state is None:
            return []
        found.add(token.doc, ent.start, ent.end, found.actors.get(state.id, state), "city", 0.6)
        return [(state.id, "city")]

    def noun_source(self, trig: Trigger, found: DocMentions) -> tuple[list[tuple[str, str]], bool]:
        token = trig.token
        own = found.at(token)
        if own is not None and trig.type == "PROTEST":  # "protesters gathered": the noun is the actor
            return [(own.actor_id, own.rule)], False
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                actors = self.actors_at(child, found)
                if actors:
                    return actors, False
        between = self.prep_objects(token, ["by", "between", "among"])
        if token.dep_ in SUBJ:  # "clashes erupted between X and Y": the phrase hangs on the verb
            between += self.prep_objects(token.head, ["between", "among"])
        for obj in between:
            actors = self.actors_at(obj, found)  # "clashes between X and Y": both, each on the other
            if actors:
                return actors, False
        anchor = self.counted_by(token)
        head = anchor.head
        if anchor.dep_ in OBJ and head.lemma_.lower() in self.light:
            return self.subject(head, found)
        return [], False

    def counted_by(self, token: Token) -> Token:
        """The quantity noun an event noun is counted by ("a series of strikes" -> series), so
        that the light verb above it carries the event; else the noun itself."""
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in self.quantities
        ):
            return token.head.head
        return token

    def noun_target(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        preps = trig.target_preps or ["on", "against", "with", "of", "to"]
        objects = self.prep_objects(trig.token, preps)
        anchor = self.counted_by(trig.token)
        head = anchor.head
        if anchor is not trig.token:  # "a series of strikes on X" (not the counted noun itself)
            objects += [o for o in self.prep_objects(anchor, preps) if o.i != trig.token.i]
        if anchor.dep_ in OBJ and head.lemma_.lower() in self.light:
            objects += self.prep_objects(head, preps)  # "held a meeting with X": "with" hangs on "held"
        for obj in objects:
            actors = self.actors_at(obj, found)
            if actors:
                return actors
        return []

    def directive_target(
        self,
        trig: Trigger,
        sources: list[tuple[str, str]],
        found: DocMentions,
        issued: list[Event],
    ) -> list[tuple[str, str]]:
        """Who a compliance or refusal answers: the issuer of the last request in the document
        addressed to the responder (or to a collective it belongs to). "Disregarded this",
        "complied with the request" reach back through the whole story; a bare "suspended its
        operations" or "stood down" only RESPONSE_WINDOW sentences."""
        objects = [c for c in trig.token.children if c.dep_ in OBJ]
        objects += self.prep_objects(trig.token, ["at", "with", "to", "despite"])
        for c in trig.token.children:  # "despite the request" hanging on the verb
            if c.dep_ == "prep" and c.lower_ in ("despite", "in"):
                objects += [g for g in c.children if g.dep_ == "pobj"]
        pointed = any(
            o.lemma_.lower() in self.mod.demonstratives or o.lemma_.lower() in self.mod.directive_nouns
            for o in objects
        )
        sentence = found.sentence_of.get(trig.token.i, 0)
        window = sentence + 1 if pointed else RESPONSE_WINDOW
        for event in reversed(issued):
            if (
                event.type != "REQUEST"
                or not event.source
                or sentence - event.extra.get("sentence_no", -99) > window
            ):
                continue
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
        """Whether armed action is said to go on ("continue its attacks", "new attacks despite")."""
        token = trig.token
        head = token.head if token.dep_ in OBJ else token
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
        for _ in range(4):
            if head.dep_ in ("xcomp", "conj", "ccomp") and head.head.i != head.i:
                head = head.head
                chain.append(head)
            else:
                break
        for tok in chain[:2]:
            for child in tok.children:
                low = child.lower_
                if child.dep_ == "neg" or (child.dep_ == "det" and low == "no"):
                    negated = True
                if child.dep_ == "aux" and low in self.mod.future_aux:
                    intended = True
                if child.dep_ == "aux" and low in self.mod.hypothetical_modals:
                    hypothetical = True
                if child.dep_ == "mark" and low in self.mod.hypothetical_marks:
                    hypothetical = True
        if trig.embedded_in == "intent":
            intended = True
        return negated, intended, hypothetical

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
    def entity_at(self, token: Token) -> Span | None:
        """The named entity a token is part of (entities are indexed once per document: reading
        ``doc.ents`` rebuilds the whole list, which made long documents quadratic)."""
        return self._entities.get(token.i)

    def entities_in(self, sent: Span) -> list[Span]:
        found = {id(e): e for i in range(sent.start, sent.end) if (e := self._entities.get(i)) is not None}
        return list(found.values())

    def __call__(self, doc: Doc, found: DocMentions, published: date | None) -> list[Event]:
        self._entities = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        triggers = self.find_triggers(doc)
        events: list[Event] = []
        for trig in sorted(triggers, key=lambda t: t.token.i):
            if trig.embedded_in == "content" and trig.parent is not None:
                continue
            if trig.embedded_in in ("content", "stop") and trig.parent is None and trig.pos == "noun":
                if not (trig.type in DISCONTINUED and self.discontinued(trig)):
                    continue
            events.extend(self.code_trigger(trig, found, published, events))
        events.extend(self.attributions(doc, found, published))
        # a sentence whose main predicate is a clear trigger yields an event even when one side
        # goes unnamed ("protesters rallied in Tahrir Square", "the base was attacked")
        told = {e.evidence.start for e in events}
        for trig in sorted(triggers, key=lambda t: t.token.i):
            if trig.token.sent.start_char in told or not self.main_clause(trig) or trig.embedded_in:
                continue
            one = self.code_trigger(trig, found, published, events, one_sided=True)
            events.extend(one)
            told.update(e.evidence.start for e in one)
        return events

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

    def claimant(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        """Who claimed an attack reported without its agent: the subject of "claimed
        responsibility" in the same sentence or the next one."""
        if not any(c.dep_ == "auxpass" for c in trig.token.children):
            return []
        doc = trig.token.doc
        sentence = found.sentence_of.get(trig.token.i, 0)
        for token in doc[trig.token.sent.start :]:
            if found.sentence_of.get(token.i, 0) > sentence + 2:  # the next sentence, even split
                break
            if token.lemma_.lower() not in self.mod.claim_verbs or token.pos_ != "VERB":
                continue
            claims = any(c.dep_ in OBJ and c.lemma_.lower() in self.mod.claim_objects for c in token.children)
            # "the attack, which the Islamic Resistance claimed"
            claims = claims or (token.dep_ == "relcl" and token.head.lemma_.lower() in self.mod.claim_objects)
            if not claims:
                continue
            for child in token.children:
                if child.dep_ in SUBJ:
                    actors = self.actors_at(child, found)
                    if actors:
                        return actors
        return []

    def main_clause(self, trig: Trigger) -> bool:
        """Whether a trigger is the main predicate of its sentence (or conjoined with it), or the
        protest noun that predicate carries ("held a demonstration", "protesters gathered"):
        there an event is asserted even when one side goes unnamed."""
        token = trig.token
        while token.dep_ == "conj":
            token = token.head
        if token.dep_ == "acl" and token.head.dep_ == "ROOT":  # a headline parse: "Interns protested ..."
            token = token.head
        if trig.pos == "noun":  # protests are reported without a target; other nouns need both
            token = self.counted_by(token)  # "Hundreds of protesters gathered"
            return trig.type == "PROTEST" and token.dep_ in SUBJ | OBJ and token.head.dep_ == "ROOT"
        return token.dep_ == "ROOT"

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
        # what a request asks to stop ("to stop attacking X", "rein in the attacks on X") or to do
        directive = self.directive_from_stop(trig, found) if trig.type == "REQUEST" else {}
        for child in trig.children:
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
                elif not targets and inner_targets:
                    targets = inner_targets
        if not sources and trig.type == "AID" and trig.pos == "verb":
            sources = self.place_as_source(trig, found)  # "were trained in Iran"
        halted = self.halted(trig) if trig.pos == "noun" and trig.type == "SANCTION" else None
        if halted is not None:  # "announced a suspension of its operations against U.S. forces"
            trig = Trigger(trig.token, "RETREAT", "ceasefire", trig.target_preps, "noun", trig.lemma)
            inner = self.noun_entry(halted)
            if inner is not None:
                targets = self.noun_target(
                    Trigger(halted, inner.type, inner.mode, inner.target_preps, "noun", inner.lemma), found
                )
            rule += "+halted"
        if trig.type in ("REJECT", "CONCEDE", "AGREE", "RETREAT") and sources:
            answered = self.directive_target(trig, sources, found, issued)
            if answered and (not targets or trig.type in ("REJECT", "CONCEDE")):
                targets = answered
        elif trig.type == "ASSAULT" and sources and not targets and self.persists(trig):
            answered = self.directive_target(trig, sources, found, issued)
            if answered:  # "carried out new attacks despite the request": defiance
                trig = Trigger(trig.token, "REJECT", "yield", [], trig.pos, trig.lemma)
                targets, rule = answered, rule + "+persisted"
        sources = [s for s in sources if found.actors[s[0]].type not in SOURCE_EXCLUDED]
        if self.onto.event_types[trig.type].quad.startswith("verbal"):
            targets = [t for t in targets if found.actors[t[0]].type not in SOURCE_EXCLUDED]  # "told Reuters"
        Side = tuple[str | None, str]  # (actor id or None when unnamed, rule)
        pairs: list[tuple[Side, Side]] = [(s, t) for s in sources for t in targets]
        if not targets and len(sources) >= 2 and trig.lemma in self.reciprocal:
            pairs = [(s, t) for s in sources for t in sources if s[0] != t[0]]  # "X and Y clashed"
        if not pairs and targets and not sources and trig.type in ONE_SIDED_TARGET:
            sources = self.claimant(trig, found)  # "... was attacked. KH claimed responsibility."
            pairs = [(s, t) for s in sources for t in targets]
            rule += "+claimed" if pairs else ""
        if not pairs and one_sided:  # "protesters rallied", "the base was attacked"
            if sources and not targets and trig.type in ONE_SIDED_SOURCE:
                pairs = [(s, (None, "")) for s in sources]
            elif targets and not sources and trig.type in ONE_SIDED_TARGET:
                pairs = [((None, ""), t) for t in targets]
        if not pairs:
            return []
        if trig.pos == "verb" and self.standing(trig):
            return []  # "are funded and led by": a standing tie, read by the tie reader
        negated, intended, hypothetical = self.modality(trig)
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
            if source == target:
                continue
            conf = confidence * (0.85 if source_rule.startswith(("pronoun", "collective")) else 1.0)
            evidence = replace(template.evidence, confidence=round(conf, 3))
            results.append(
                replace(template, source=source, target=target, evidence=evidence, extra=dict(template.extra))
            )
        return results

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

    def place_as_source(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        if not any(c.dep_ == "auxpass" for c in trig.token.children):
            return []
        verbs = [trig.token, *(c for c in trig.token.children if c.dep_ == "conj")]
        for obj in [o for verb in verbs for o in self.prep_objects(verb, ["in"])]:
            mention = found.at(obj)
            if mention is not None and found.actors[mention.actor_id].type == "state":
                return [(mention.actor_id, "place")]
        return []

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
        if precision not in ("none", "document") and when is not None:
            if published is not None:
                return (published - when).days > HISTORICAL_DAYS
            return precision in ("month", "year")
        token = trig.token
        verb = token if trig.pos == "verb" else token.head
        return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN"
