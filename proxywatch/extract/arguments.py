"""Arguments of event triggers: who acts (source) and who is acted upon (target).

A mixin of :class:`proxywatch.extract.events.EventCoder`, which provides the lexicon it reads
(verbs, nouns, light verbs, assets, quantities) and the entity index. Sources come from a
verb's subject, its passive agent ("by X") or the clause it hangs on; targets from the direct
object, the passive subject or a listed preposition's object; for nominal triggers from their
possessive or compound modifier, "by"/"from" phrases and the light verb that carries them.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from spacy.tokens import Span, Token

from proxywatch.extract import syntax
from proxywatch.extract.agents import load_agents
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.modality import Modality
from proxywatch.extract.places import country_names, country_of
from proxywatch.extract.records import Actor, Event
from proxywatch.extract.salience import antecedent_kinds, salient_actor
from proxywatch.extract.sides import two_sides
from proxywatch.extract.syntax import INHERIT, MODIFIERS, OBJ, PASS_SUBJ, SUBJ, Trigger, deep_agent
from proxywatch.extract.unnamed_roles import unnamed_role
from proxywatch.ids import parse_generic
from proxywatch.ontology.schema import NounEntry, VerbEntry

Found = list[tuple[str, str]]  # (actor id, rule) of each actor found on one side
MATERIAL_CONFLICT = {"ASSAULT", "COERCE", "SANCTION"}
# Events done to someone: in an agentless passive or a participle, the noun is the target.
ONE_SIDED_TARGET = {"ASSAULT", "COERCE", "SANCTION"}
LEAD_IN_WINDOW = 8  # list items back to the line that introduces them
# Nominal events whose "from" phrase names the one who acts ("an attack from X", "support from
# X"); for withdrawals and releases it names a place or a captor.
AGENT_FROM = {"ASSAULT", "THREATEN", "SUPPORT", "AID", "COOPERATE", "REQUEST", "ACCUSE", "SANCTION"}
PLACE_OF_ASSET = {"in", "across", "throughout", "inside", "within"}


def gazetteer_state(iso3: str) -> Actor | None:
    """The state of a country the actor dictionary does not list ("Kyiv" -> Ukraine), as the
    mention finder names it (``state:ukr``)."""
    name = next((n for n, code in country_names().values() if code == iso3), None)
    return Actor(f"state:{iso3.lower()}", name, "state", iso3, "extracted") if name else None


class ArgumentReader:
    """Sources and targets of triggers in a parsed, mention-resolved Doc."""

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
        """An event of a trigger, its sides left to the caller: made by ``EventCoder``, which
        the readers of this module and of ``statements``, ``antecedents`` and ``branding`` are
        mixed into."""
        raise NotImplementedError

    mod: Modality
    verbs: dict[str, list[VerbEntry]]
    nouns: dict[str, list[NounEntry]]
    light: set[str]
    assets: Collection[str]
    quantities: Collection[str]
    states: dict[str, Actor]
    weapons: set[str]
    _entities: dict[int, Span]
    _issued: list[Event]  # the events of the document coded so far ("the two sides" reads them)
    patron_words: set[str]  # "Iran-backed", "U.S.-trained": a modifier that names a patron

    prep_objects = staticmethod(syntax.prep_objects)
    deep_agent = staticmethod(deep_agent)

    def verb_entry(self, token: Token) -> VerbEntry | None:
        entries = self.verbs.get(token.lemma_.lower())
        if not entries:
            return None
        # a particle is often parsed as an adverb ("stepped down", "pulled back")
        child_lemmas = {c.lemma_.lower() for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
        objects = {c.lemma_.lower() for c in token.children if c.dep_ in OBJ | PASS_SUBJ}
        objects |= self.counted_objects(token)
        for entry in entries:
            if entry.particle and entry.particle not in child_lemmas:
                continue
            # "went on strike", "set the bank on fire": the object of the particle, too
            phrase = (
                {o.lemma_.lower() for o in syntax.prep_objects(token, [entry.particle])}
                if entry.particle
                else set()
            )
            if entry.object and not (objects | phrase) & set(entry.object):
                continue
            return entry
        return None

    def counted_objects(self, verb: Token) -> set[str]:
        """What an object that counts names ("launched dozens of rockets", "fired a barrage of
        missiles"): the lemmas of its "of" phrase, as objects of the verb."""
        counts = [
            c for c in verb.children if c.dep_ in OBJ | PASS_SUBJ and c.lemma_.lower() in self.quantities
        ]
        return {o.lemma_.lower() for c in counts for o in syntax.prep_objects(c, ["of"])}

    def noun_entry(self, token: Token) -> NounEntry | None:
        """The first sense of a noun whose required modifiers are present ("hunger strike")."""
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod")}
        for entry in self.nouns.get(token.lemma_.lower(), []):
            if not entry.modifiers or modifiers & set(entry.modifiers):
                return entry
        return self.verbal_noun_entry(token)

    def verbal_noun_entry(self, token: Token) -> NounEntry | None:
        """A noun that is its verb with the verb's object in an "of" or "to" phrase ("an exchange
        of fire", "exchanges of prisoners", "an end to its occupation"): the sense of the verb
        that object selects."""
        if token.pos_ != "NOUN" or token.tag_ not in ("NN", "NNS"):
            return None
        objects = {o.lemma_.lower() for o in syntax.prep_objects(token, ["of", "to"])}
        for entry in self.verbs.get(token.lemma_.lower(), []):
            if entry.object and not entry.particle and objects & set(entry.object):
                return NounEntry(
                    lemma=entry.lemma, type=entry.type, mode=entry.mode, target_preps=entry.target_preps
                )
        return None

    def actors_at(self, token: Token, found: DocMentions, depth: int = 0) -> list[tuple[str, str]]:
        """Actors a token stands for: its own mention, else one inside its modifiers; conjuncts too."""
        result: list[tuple[str, str]] = []
        mention = found.at(token)
        sides = two_sides(token, found, self._issued, self.mod) if mention is None else []
        if sides:  # "the two sides", "both countries": the parties told just before
            return sides
        if mention is None and depth == 0 and antecedent_kinds(token, self.mod) is not None:
            salient = salient_actor(token, found, self.mod)  # "the group", "it" (named before)
            if salient:
                return salient
        if mention is not None and token.lemma_.lower() in self.weapons and self.sideless(mention.actor_id):
            mention = None  # "Iranian missiles and drones": a weapon is its side's, not "the military"
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
        elif token.lemma_.lower() in self.assets and self.controller_of(token, found):
            result.extend(self.controller_of(token, found))  # "targets in Houthi-controlled areas"
        elif depth < 2:
            for child in token.children:
                if child.lower_ in self.patron_words:
                    continue  # "the Iran-backed group": Iran backs the group, it does not act
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
                            # "U.S. and U.K. aircraft": every conjoined modifier acts
                            for conj in (c for c in arg.children if c.dep_ == "conj"):
                                result.extend(self.actors_at(conj, found, depth + 1)[:1])
                            break
        for child in token.children:
            if child.dep_ == "conj" and depth == 0:
                result.extend(self.actors_at(child, found, depth))
        seen: set[str] = set()
        return [r for r in result if not (r[0] in seen or seen.add(r[0]))]  # type: ignore[func-returns-value]

    @staticmethod
    def sideless(actor_id: str) -> bool:
        """Whether an actor is a generic one of no country ("generic:mil")."""
        parts = parse_generic(actor_id)
        return parts is not None and parts[0] is None and parts[1] is None

    @staticmethod
    def conjoined_states(token: Token, found: DocMentions) -> list[tuple[str, str]]:
        """The states of "U.S. and British forces": a generic actor whose modifiers name several."""
        mention = found.at(token)
        if mention is None or parse_generic(mention.actor_id) is None:
            return []
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod")]
        modifiers += syntax.prep_objects(token, ["of"])  # "the militaries of X and Y"
        modifiers += [g for c in modifiers for g in c.children if g.dep_ == "conj"]
        states: list[tuple[str, str]] = []
        for tok in modifiers:
            inner = found.at(tok)
            if inner is not None and found.actors[inner.actor_id].type == "state":
                states.append((inner.actor_id, inner.rule))
        return states if len({s for s, _ in states}) >= 2 else []

    def user_of(self, token: Token, found: DocMentions, hops: int = 0) -> list[tuple[str, str]]:
        """Who uses an asset: the agent of "used by X" / "belonging to X" on it, or on the place
        it is said to lie at ("facilities located at a border post used by X")."""
        for child in token.children:
            if child.dep_ not in ("acl", "relcl"):
                continue
            for grand in child.children:
                if grand.dep_ in ("agent", "prep") and grand.lower_ in ("by", "to"):
                    for pobj in (g for g in grand.children if g.dep_ == "pobj"):
                        found_actors = self.actors_at(pobj, found, depth=1)
                        if found_actors:
                            return found_actors
                if hops == 0 and grand.dep_ == "prep" and grand.lower_ in ("at", "in", "near", "on"):
                    for place in (g for g in grand.children if g.dep_ == "pobj"):
                        found_actors = self.user_of(place, found, hops + 1)
                        if found_actors:
                            return found_actors
        return []

    def controller_of(self, token: Token, found: DocMentions) -> list[tuple[str, str]]:
        """Who holds the place an asset lies in: "targets in Houthi-controlled areas", "sites
        across militia-held territory" stand for the Houthis and the militias."""
        for place in syntax.prep_objects(token, PLACE_OF_ASSET):
            for mod in place.children:
                if mod.dep_ == "amod" and mod.lemma_.lower() in self.mod.control_verbs:
                    held = [c for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod")]
                    for holder in held:
                        actors = self.actors_at(holder, found, depth=1)
                        if actors:
                            return actors[:1]
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
            agent = deep_agent(token)
            if agent is not None:
                return self.actors_at(agent, found), False
        for child in token.children:
            if child.dep_ in SUBJ:
                if child.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
                    return self.actors_at(token.head, found), True
                # "a sniper from the Houthi forces shot": the one named as his side
                members = [a for o in self.prep_objects(child, ["from"]) for a in self.actors_at(o, found)]
                own = self.actors_at(child, found)
                if members and all(parse_generic(a) is not None for a, _ in own):
                    return members, False  # "a gunman from Hamas": Hamas, not unnamed gunmen
                speaker = own or members or self.speaker_itself(child, found)
                return speaker or unnamed_role(child, found, load_agents()), False
        if hops < 3 and token.dep_ in INHERIT and token.head.i != token.i:
            head = token.head
            if head.dep_ == "prep" and token.dep_ == "pcomp":  # "accused of killing": up to "accused"
                prep = head.lower_
                head = head.head
                for child in head.children:
                    if child.dep_ in PASS_SUBJ:  # the accused did the killing
                        return self.actors_at(child, found), True
                    if child.dep_ in OBJ and prep in ("for", "of"):  # "praised X for banning": X bans
                        actors = self.actors_at(child, found)
                        if actors or head.lemma_.lower() in self.mod.judging_verbs:
                            return actors, True  # an unnamed accused is still not the accuser
            if token.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                if (
                    token.dep_ == "acl"
                    and token.tag_ == "VBN"
                    and self.done_to(token)
                    and not any(c.dep_ in OBJ for c in token.children)
                ):  # "Hamas leader killed in Iran": the noun is the one killed; with an object
                    # ("airstrikes on Rafah killed 67 people", misparsed) the noun is the attack
                    return [], False
                return self.actors_at(head, found), True
            if token.dep_ == "xcomp":  # object control: "urged X to stop" -> X is the subject
                for child in head.children:
                    if child.dep_ in OBJ:
                        return self.actors_at(child, found), True
            if token.dep_ == "advcl" and syntax.is_passive(head):
                # "X was killed while visiting Tehran": the adverbial clause's subject is the main
                # clause's grammatical subject, not its agent
                for child in head.children:
                    if child.dep_ in PASS_SUBJ:
                        return self.actors_at(child, found), True
            actors, _ = self.subject(head, found, hops + 1)
            return actors, True
        if token.dep_ == "ROOT" and hops == 0:
            return self.lead_in_subject(token, found), True
        return [], False

    def speaker_itself(self, pronoun: Token, found: DocMentions) -> list[tuple[str, str]]:
        """ "Israel said it would retaliate", "the militias said they had struck": a subject
        pronoun left unresolved in what a speaker reports, agreeing in number with the
        speaker, is the speaker."""
        clause = pronoun.head
        speech = clause.head
        if (
            pronoun.lower_ not in ("it", "they")
            or clause.dep_ != "ccomp"
            or speech.lemma_.lower() not in self.mod.speech_verbs
        ):
            return []
        for speaker in (c for c in speech.children if c.dep_ in SUBJ):
            plural = speaker.tag_ in ("NNS", "NNPS")
            if plural == (pronoun.lower_ == "they") or speaker.pos_ == "PROPN":
                return self.actors_at(speaker, found)
        return []

    def lead_in_subject(self, verb: Token, found: DocMentions) -> list[tuple[str, str]]:
        """The subject of a list item that opens with its verb: the subject of the line that
        introduced the list with a colon ("Iran's leadership has:" / "Provided support to X." /
        "Backed attacks on Y."), across the items before it."""
        sent = verb.sent
        if verb.i != sent.start or verb.tag_ not in ("VBD", "VBN", "VBG"):
            return []
        doc = verb.doc
        for _ in range(LEAD_IN_WINDOW):
            start = sent.start
            while start > 0 and doc[start - 1].is_space:
                start -= 1
            if start == 0:
                return []
            sent = doc[start - 1].sent
            if sent.text.rstrip().endswith(":"):
                actors, _ = self.subject(sent.root, found, hops=1)
                return actors
            first = next((t for t in sent if not t.is_space), None)
            if first is None or first.tag_ not in ("VBD", "VBN", "VBG") or not first.is_title:
                return []  # not an item of the same list
        return []

    def verb_target(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        token = trig.token
        passive = any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in token.children)
        candidates: list[Token] = []
        if passive:
            candidates += [c for c in token.children if c.dep_ in PASS_SUBJ]
        if self.headline_passive(token):
            candidates += [c for c in token.children if c.dep_ == "nsubj"]
        candidates += [c for c in token.children if c.dep_ in OBJ | {"dative"}]
        antecedent = syntax.relative_object(token)  # "the commander, whom Israel blamed"
        if antecedent is not None:
            candidates.insert(0, antecedent)
        candidates += self.prep_objects(token, trig.target_preps or ["on", "against", "at", "with", "to"])
        for obj in (c for c in token.children if c.dep_ in OBJ):  # "landed blows against X"
            # "threatened military action against X"; an event noun's own phrase ("condemned
            # the strike on X") is that event's target, read with it
            preps = trig.target_preps or ([] if obj.lemma_.lower() in self.nouns else ["against", "on"])
            candidates += self.prep_objects(obj, [p for p in preps if p in ("against", "on", "upon")])
            if trig.type == "CONSULT":  # "received a delegation from Hamas": the visitors' side
                candidates += self.prep_objects(obj, ["from", "of"])
        if trig.type == "MOBILIZE":  # "deployed troops to X": the troops are its own, X is where they go
            candidates = [c for c in candidates if not (c.dep_ in OBJ and self.generic_at(c, found))]
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
        # "ignoring and even sneering at the orders", "don't take orders nor respect X": shared
        # objects, unless the verb has its own ("intercepted projectiles, formed a coalition")
        own = any(c.dep_ in OBJ for c in token.children)
        for conj in [c for c in token.children if c.dep_ == "conj" and not own] + (
            [token.head] if token.dep_ == "conj" and not own else []
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
        if trig.type == "ASSAULT":  # "fired drones at Israel": the weapon is not the one hit, but
            # its side may be ("shot down a U.S. drone"), after any other candidate
            weapons = [c for c in candidates if c.dep_ in OBJ and c.lemma_.lower() in self.weapons]
            candidates = [c for c in candidates if c not in weapons]
            for weapon in weapons:
                own = found.at(weapon) is None
                candidates += (
                    [weapon]
                    if own
                    else [c for c in weapon.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
                )
        for cand in candidates:
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in cand.children) and cand.dep_ in OBJ:
                continue  # "withdraw its troops from Syria": the subject's own, not the target
            if cand.lower_ in syntax.REFLEXIVES:
                continue  # "two bombers blew themselves up": the attackers, hitting no one named
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
        if ent is not None and ent.label_ != "GPE":
            return []
        if ent is None:  # a proper name the tagger left out of its entities ("hit Kyiv")
            if token.pos_ != "PROPN":
                return []
            ent = token.doc[syntax.name_start(token) : token.i + 1]
        kind, iso3 = country_of(ent.text)
        if kind != "city" or iso3 is None or not found.free(ent.start, ent.end):
            return []
        state = next(
            (a for a in found.actors.values() if a.type == "state" and a.country == iso3),
            self.states.get(iso3) or gazetteer_state(iso3),
        )
        if state is None:
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
        preps = ["by", "between", "among"] + (["from"] if trig.type in AGENT_FROM else [])
        between = self.prep_objects(token, preps)  # "an attack from Assad loyalists"
        if token.dep_ in SUBJ:  # "clashes erupted between X and Y": the phrase hangs on the verb
            between += self.prep_objects(token.head, ["between", "among"])
        between += syntax.participle_objects(token, ["between", "among"])  # "between neighboring X and Y"
        for obj in between:
            actors = self.actors_at(obj, found)  # "clashes between X and Y": both, each on the other
            if actors:
                return actors, False
        anchor = self.counted_by(token)
        head = anchor.head
        if anchor.dep_ in OBJ and head.lemma_.lower() in self.light | self.mod.intent_verbs:
            return self.subject(head, found)  # "carried out an attack", "vowed further attacks"
        if anchor.dep_ in PASS_SUBJ and head.lemma_.lower() in self.light and syntax.passive_agent(head):
            return self.subject(head, found)  # "a drone strike on the base was claimed by X"
        if anchor.dep_ == "pobj" and head.lower_ in ("in", "into"):
            taking_part = self.participant(head.head, found)  # "X engaged in an exchange of fire"
            if taking_part is not None:
                return taking_part
        carrier = head.head.lemma_.lower() in self.mod.response_verbs | self.mod.persist_verbs
        if anchor.dep_ == "pobj" and head.lower_ == "with" and carrier:
            return self.subject(head.head, found)  # "Israel responded with airstrikes", "pressed on with"
        return [], False

    def participant(self, verb: Token, found: DocMentions) -> tuple[Found, bool] | None:
        """Who takes part in the event a verb of participation governs with "in": the subject of
        "X engaged / took part in the attack", the passive subject of "X was involved in the
        bombing" (not the verb's own agent, which would lead back to the event). None where the
        verb is not one of participation."""
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in OBJ}
        phrases = {verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {o}" for o in objects)}
        if not phrases & self.mod.participation_verbs:  # "engaged in", "took part in"
            return None
        if any(c.dep_ == "auxpass" for c in verb.children):
            return [a for c in verb.children if c.dep_ in PASS_SUBJ for a in self.actors_at(c, found)], False
        return self.subject(verb, found)

    def counted_by(self, token: Token) -> Token:
        """The quantity noun an event noun is counted by ("a series of strikes" -> series), so
        that the light verb above it carries the event; else the noun itself."""
        if token.dep_ != "pobj" or token.head.lower_ not in ("of", "in"):
            return token
        counter = token.head.head
        if token.head.lower_ == "of" and counter.lemma_.lower() in self.quantities:
            return counter
        if counter.pos_ == "NUM" and counter.dep_ in OBJ:  # "announced $500 million in military aid"
            return counter
        return token

    def undergoer(self, token: Token, found: DocMentions) -> list[tuple[str, str]]:
        """Who suffers an event they are said to be "under": the subject of "came under attack",
        "were under fire", "remained under siege"."""
        prep = token.head
        if (
            token.dep_ != "pobj"
            or prep.lower_ != "under"
            or prep.head.lemma_.lower() not in self.mod.undergo_verbs
        ):
            return []
        for child in prep.head.children:
            if child.dep_ in SUBJ | PASS_SUBJ:
                return self.actors_at(child, found)
        return []

    def noun_target(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        undergoer = self.undergoer(trig.token, found)
        if undergoer:
            return undergoer
        preps = trig.target_preps or ["on", "against", "with", "of", "to"]
        objects = self.prep_objects(trig.token, preps)
        anchor = self.counted_by(trig.token)
        head = anchor.head
        if anchor is not trig.token:  # "a series of strikes on X" (not the counted noun itself)
            objects += [o for o in self.prep_objects(anchor, preps) if o.i != trig.token.i]
        if anchor.dep_ in OBJ and head.lemma_.lower() in self.light:
            objects += self.prep_objects(head, preps)  # "held a meeting with X": "with" hangs on "held"
        if trig.type in MATERIAL_CONFLICT:
            objects += self.outcome_objects(trig.token)  # "a raid that resulted in the death of X"
        for obj in objects:
            actors = self.actors_at(obj, found)
            if actors:
                return actors
        if trig.type in MATERIAL_CONFLICT:  # "a missile barrage on Kyiv"
            return next((state for obj in objects if (state := self.city_state(obj, found))), [])
        return []

    def outcome_objects(self, noun: Token) -> list[Token]:
        """Who suffers the outcome an attack is said to have: "a raid that resulted in the death
        of X", "the airstrike led to the killing of X", "an operation which caused the capture
        of X" -> X."""
        verbs = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
        if noun.dep_ in SUBJ:
            verbs.append(noun.head)
        objects: list[Token] = []
        for verb in (v for v in verbs if v.lemma_.lower() in self.mod.outcome_verbs):
            outcomes = self.prep_objects(verb, ["in", "to"]) + [c for c in verb.children if c.dep_ in OBJ]
            for outcome in outcomes:
                if outcome.lemma_.lower() in self.mod.harm_nouns:
                    objects += self.prep_objects(outcome, ["of"])
        return objects

    def place_as_source(self, trig: Trigger, found: DocMentions) -> list[tuple[str, str]]:
        if not any(c.dep_ == "auxpass" for c in trig.token.children):
            return []
        verbs = [trig.token, *(c for c in trig.token.children if c.dep_ == "conj")]
        for obj in [o for verb in verbs for o in self.prep_objects(verb, ["in"])]:
            mention = found.at(obj)
            if mention is not None and found.actors[mention.actor_id].type == "state":
                return [(mention.actor_id, "place")]
        return []

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

    @staticmethod
    def generic_at(token: Token, found: DocMentions) -> bool:
        """Whether a token is a mention of a generic actor ("troops", "police officers")."""
        mention = found.at(token)
        return mention is not None and parse_generic(mention.actor_id) is not None

    def entity_at(self, token: Token) -> Span | None:
        """The named entity a token is part of (entities are indexed once per document: reading
        ``doc.ents`` rebuilds the whole list, which made long documents quadratic)."""
        return self._entities.get(token.i)
