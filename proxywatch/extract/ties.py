"""Read standing ties from appositions, possessives, copulas, compounds and tie verbs.

Patterns (words from ``ontology/data/tie_lexicon.yaml``):
- role nouns: "X, leader of Y" / "Y's leader X" / "X is the spokesman for Y" /
  "X, Soleimani's replacement as commander of the Quds Force" / "militia commander X";
- verbs, active and passive: "Y are funded and led by X", "designated as terrorist
  organizations by X", "follow the lead of X", "X, who was respected by Y";
- compounds: "PMF militia Kata'ib Hezbollah" -> member_of;
- hyphenated participles: "Iran-backed militias" -> funds, "U.S.-designated terrorist
  organization Hamas" -> designates_terrorist;
- heads of state and officials: "Iranian President Masoud Pezeshkian" -> leads the state
  (``tie_roles.py``); "At President Biden's direction, U.S. forces ..." -> commands, "the
  Israel-Hamas conflict" -> hostile_to (``tie_phrases.py``);
- membership: "The coalition includes X and Y", "the Axis, which includes X and Y", "the IRGC's
  Quds Force" -> member_of;
- relation words, also in lists: "loyal to Iran", "armed, trained and funded by Iran".
Past tense and words such as "former" make a tie former; a tie verb asked about, negated, or
said under a modal or a condition ("could arm", "if Iran funds") states no tie.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxywatch.extract.events import EventCoder
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Actor, Tie
from proxywatch.extract.tie_base import RELATIVE_PRONOUNS
from proxywatch.extract.tie_phrases import PhraseTies
from proxywatch.extract.tie_roles import RoleTies
from proxywatch.ontology.schema import RelationWord

EMPTY_RELATION = RelationWord(tie="funds", preps=[])  # stands for a word that states no relation


class TieReader(RoleTies, PhraseTies):
    """Finds ties in a parsed, mention-resolved Doc."""

    def verb_args(self, verb: Token, found: DocMentions) -> tuple[list[str], list[str], bool]:
        """(sources, targets, passive) of a tie verb, sharing arguments across conjoined verbs."""
        group = [verb]
        if verb.dep_ == "conj":
            group.append(verb.head)
        group += [c for c in verb.children if c.dep_ == "conj"]
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for tok in group for c in tok.children)
        sources: list[str] = []
        targets: list[str] = []
        for tok in group:
            for child in tok.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            sources = sources or self.actors(pobj, found)
                elif child.dep_ == "nsubjpass":
                    targets = targets or self.subject_actors(child, found)
                elif child.dep_ == "nsubj" and not passive:
                    sources = sources or self.subject_actors(child, found)
                elif child.dep_ in ("dobj", "obj") and not passive and child.lower_ in RELATIVE_PRONOUNS:
                    # "KH, which Washington designated": the pronoun stands for its antecedent
                    targets = targets or self.subject_actors(child, found)
                elif child.dep_ in ("dobj", "obj", "dative") and not passive:
                    # "designated the IRGC, including its Quds Force, as": the list hangs on the verb;
                    # "designated Hamas a terrorist organization": the parser may call it a dative
                    targets = targets or [*self.actors(child, found, strict=True), *self.included(tok, found)]
        if not passive and not sources:  # "commend Germany for banning Hizballah"
            sources = self.gerund_agents(verb, found)
        if passive and not targets and verb.dep_ == "relcl":
            targets = self.actors(verb.head, found)
        if passive and not sources:
            agent = EventCoder.deep_agent(verb)
            if agent is not None:
                sources = self.actors(agent, found)
        if passive and not sources:  # "trained in Iran": the state where it happened
            for child in (c for tok in group for c in tok.children):
                if child.dep_ == "prep" and child.lemma_ == "in":
                    for pobj in child.children:
                        who = self.actor(pobj, found)
                        if who and found.actors[who].type == "state":
                            sources = [who]
        return sources, targets, passive

    def verb_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        ties = []
        for token in doc:
            entry = self.verbs.get(token.lemma_.lower())
            if entry is None or token.pos_ != "VERB":
                continue
            if entry.requires and not any(t.lemma_.lower() in entry.requires for t in token.subtree):
                continue
            if self.negated(token) or self.unasserted(token):
                continue
            sources, targets, passive = self.verb_args(token, found)
            if entry.object_nouns and not targets:
                for child in token.children:
                    if child.dep_ in ("dobj", "obj") and child.lemma_.lower() in entry.object_nouns:
                        for prep in child.children:
                            if prep.dep_ == "prep" and prep.lemma_ == "of":
                                for pobj in prep.children:
                                    targets = self.actors(pobj, found)
            # "Tehran has armed and funded Hamas": the perfect of the list's first verb is no past
            perfect = any(
                c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ != "VBD"
                for c in [*token.children, *(token.head.children if token.dep_ == "conj" else [])]
            )
            # "were trained and armed by Iran": the auxiliary of the list's first verb is the list's
            past = (
                entry.past_ends
                and not perfect
                and (
                    token.tag_ == "VBD"
                    or any(
                        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had")
                        for c in [*token.children, *(token.head.children if token.dep_ == "conj" else [])]
                    )
                )
            )
            for source in sources:
                for target in targets:
                    made = self.make(
                        doc,
                        found,
                        entry.tie,
                        source,
                        target,
                        token,
                        f"verb:{'passive' if passive else 'active'}:{entry.lemma}",
                        past,
                        0.75,
                    )
                    if made:
                        ties.append(made)
        return ties

    def member_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        ties = []
        for mention in found.mentions:
            member = found.actors[mention.actor_id]
            if member.type != "armed_group" or not mention.rule.startswith(("dictionary", "ner")):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            # the token that hangs the name on the phrase ("Kata’ib" may hang as punctuation)
            root = next((t for t in span if t.dep_ == "appos" and t.head.i < span.start), span.root)
            before = [t for t in root.subtree if t.i < span.start]
            if root.dep_ == "appos":  # "PMF militia Kata'ib Hezbollah" parsed as an apposition
                head = root.head
                before += [head, *(t for t in head.children if t.i < span.start)]
            for tok in before:
                umbrella = found.at(tok)
                if (
                    umbrella
                    and umbrella.actor_id != member.id
                    and self.dictionary.is_umbrella(umbrella.actor_id)
                ):
                    made = self.make(
                        doc,
                        found,
                        "member_of",
                        member.id,
                        umbrella.actor_id,
                        span.root,
                        "compound:member",
                        False,
                        0.7,
                    )
                    if made:
                        ties.append(made)
                    break
        return ties

    def modifier_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Iran-backed militias", "the U.S.-designated Foreign Terrorist Organization KH"."""
        ties = []
        for token in doc:
            entry = self.modifiers.get(token.lower_)
            if entry is None or token.i < 2:
                continue
            before = doc[token.i - 1]
            patron_token = doc[token.i - 2] if before.text == "-" else before
            patron_id = self.patron_named(patron_token, token, found)
            if patron_id is None or found.actors[patron_id].type in ("civilians", "media", "facility"):
                continue
            noun = self.modified(token, found)
            if noun is None or token.pos_ == "VERB" and self.unasserted(token) or self.conditional(noun):
                continue  # "if the United States armed Ukraine"
            if entry.requires and not any(
                t.lower_.strip(".") in entry.requires for t in [*noun.subtree, *noun.children]
            ):
                continue
            named = self.bound_name(noun, found) or self.referent(noun, found)
            if named is None and token.i + 1 < len(doc) and found.at(doc[token.i + 1]) is not None:
                named = found.at(doc[token.i + 1]).actor_id  # type: ignore[union-attr]  # "Tehran-backed Houthis"
            for target in dict.fromkeys([named, *self.said_of(noun, found), *self.included(noun, found)]):
                made = self.make(
                    doc,
                    found,
                    entry.tie,
                    patron_id,
                    target,
                    token,
                    f"modifier:{entry.word}",
                    False,
                    0.75,
                )
                if made:
                    ties.append(made)
        return ties

    def patron_named(self, patron: Token, participle: Token, found: DocMentions) -> str | None:
        """The actor named before a tie participle; where one mention took in the whole phrase
        ("the U.S.-led coalition", "the Saudi-led coalition"), the one the dictionary knows by
        the word before the hyphen."""
        mention = found.at(patron)
        after = participle.doc[participle.i + 1] if participle.i + 1 < len(participle.doc) else participle
        if mention is None or mention is not found.at(participle) and mention is not found.at(after):
            return mention.actor_id if mention is not None else None
        ids = self.dictionary.lookup(patron.text)
        entry = self.dictionary.actors.get(ids[0]) if len(ids) == 1 else None
        if entry is None or entry.id == mention.actor_id:
            return None
        found.actors.setdefault(
            entry.id, Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
        )
        return entry.id

    @staticmethod
    def modified(participle: Token, found: DocMentions) -> Token | None:
        """The noun a tie participle modifies; where the parser made the participle a verb
        ("Iranian sponsored Kataib Hezbollah terrorists"), the name right after it."""
        if participle.dep_ in ("amod", "compound", "acl", "nmod", "advmod"):
            return participle.head
        after = participle.doc[participle.i + 1] if participle.i + 1 < len(participle.doc) else None
        if participle.tag_ in ("VBN", "VBD") and after is not None and found.at(after) is not None:
            return after
        return None

    def support_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Iran's support for Hezbollah", "receives material assistance and training from Iran"."""
        ties = []
        for token in doc:
            tie = self.support_nouns.get(token.lemma_.lower()) if token.pos_ == "NOUN" else None
            if tie is None:
                continue
            givers: list[str] = []
            receivers: list[str] = []
            for nouns in [token, *(c for c in token.children if c.dep_ == "conj")]:
                for child in nouns.children:
                    if child.dep_ == "poss":
                        givers += self.actors(child, found, strict=True)
                    if child.dep_ == "prep" and child.lower_ in ("for", "to"):
                        receivers += [
                            a for g in child.children if g.dep_ == "pobj" for a in self.actors(g, found)
                        ]
            anchor = self.list_head(token)
            verb = anchor.head if anchor.dep_ in ("dobj", "obj") else None
            if verb is not None and verb.lemma_.lower() in self.support_verbs:  # "receives ... from Iran"
                receivers += [
                    a for c in verb.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)
                ]
                around = [*verb.children, *anchor.children, *token.children]
                for prep in (c for c in around if c.dep_ == "prep" and c.lower_ == "from"):
                    givers += [a for g in prep.children if g.dep_ == "pobj" for a in self.actors(g, found)]
            given = self.given(anchor, found)
            if given is not None:  # "Iran supplies the Houthis with missiles", "provides weapons to X"
                givers += given[0]
                receivers += given[1]
            for giver in dict.fromkeys(givers):
                for receiver in dict.fromkeys(receivers):
                    made = self.make(
                        doc, found, tie, giver, receiver, token, f"support:{token.lemma_}", False, 0.65
                    )
                    if made:
                        ties.append(made)
        return ties

    @staticmethod
    def list_head(token: Token) -> Token:
        """The word a support noun hangs on: the first of a list ("weapons, training and funding"),
        or the quantity it is counted in ("most of its funding")."""
        anchor = token
        while anchor.dep_ == "conj":
            anchor = anchor.head
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.dep_ in ("dobj", "obj"):
            anchor = anchor.head.head
        return anchor

    def given(self, anchor: Token, found: DocMentions) -> tuple[list[str], list[str]] | None:
        """(givers, receivers) when a support noun is what a give verb gives: its object
        ("provides weapons to the Houthis") or the "with" of its object ("supplies the Houthis
        with missiles")."""
        verb = anchor.head if anchor.dep_ in ("dobj", "obj") else None
        receivers: list[str] = []
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "with":
            verb = anchor.head.head
            if verb.dep_ in ("dobj", "obj"):  # "with" hung on the object
                receivers = self.actors(verb, found, strict=True)
                verb = verb.head
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.give_verbs:
            return None
        if self.negated(verb) or self.unasserted(verb):
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "obj", "dative") and child is not anchor:
                receivers += self.actors(child, found, strict=True)
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                receivers += [a for g in child.children if g.dep_ == "pobj" for a in self.actors(g, found)]
        receivers += [
            a
            for p in anchor.children
            if p.dep_ == "prep" and p.lower_ == "to"
            for g in p.children
            if g.dep_ == "pobj"
            for a in self.actors(g, found)
        ]
        givers = [a for c in verb.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)]
        return givers, receivers

    def described(self, word: Token, found: DocMentions) -> str | None:
        """The actor a relation word describes: the noun it hangs on ("groups affiliated with"),
        through "a group with links to", or the subject of "is loyal to"."""
        for child in word.children:  # "KH, armed by Iran, rejected": the parser may give it the subject
            if child.dep_ in ("nsubj", "nsubjpass") and word.pos_ in ("ADJ", "VERB"):
                return next(iter(self.subject_actors(child, found)), None)
        head = word.head
        if word.dep_ == "pobj" and head.dep_ == "prep":  # "a group with links to X"
            head = head.head
        if word.dep_ in ("acomp", "attr") or head.pos_ in ("AUX", "VERB") and word.dep_ != "pobj":
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):  # "Venezuela, which has close ties with Iran"
                    return next(iter(self.subject_actors(child, found)), None)
            return None
        if word.dep_ == "relcl" or (word.dep_ == "acl" and any(c.dep_ == "nsubjpass" for c in word.children)):
            return self.referent(head, found)  # "the militia, which is backed by Iran"
        return self.referent(head, found)

    @staticmethod
    def past_passive(token: Token) -> bool:
        """ "they were supported by an international coalition": a past event, not a patronage."""
        return any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in token.children)

    def relation_entry(self, token: Token) -> RelationWord | None:
        return self.relation_words.get(token.lower_) or self.relation_words.get(token.lemma_.lower())

    def related(self, token: Token, entry: RelationWord, found: DocMentions) -> list[str]:
        """The actors named by the relation word's own preposition ("loyal to Iran", "backed by Iran")."""
        return [
            a
            for c in token.children
            if c.dep_ in ("prep", "agent") and c.lower_ in entry.preps
            for g in c.children
            if g.dep_ == "pobj"
            for a in self.actors(g, found, strict=entry.strict)
        ]

    def participle_list(self, token: Token) -> list[Token]:
        """The participles of a list the token is in ("armed, trained and funded by Iran"), the
        first one (which the list hangs on) first."""
        first = token
        while first.dep_ == "conj" and (self.relation_entry(first.head) or EMPTY_RELATION).by:
            first = first.head
        members, todo = [first], [first]
        while todo:
            for child in todo.pop().children:
                if child.dep_ == "conj" and (self.relation_entry(child) or EMPTY_RELATION).by:
                    members.append(child)
                    todo.append(child)
        return members

    def relation_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "a group with links to the Quds Force", "loyal to Iran", "a militia backed by Iran",
        "the Houthis are armed, trained and funded by Iran" (the agent of the list's last word)."""
        ties = []
        for token in doc:
            entry = self.relation_entry(token)
            if entry is None or found.at(token) is not None:
                continue
            if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "never") for c in token.children):
                continue  # "terrorists have no link with Islam"
            described = self.participle_list(token) if entry.by else [token]
            # "they were supported by a coalition" tells a past act; "were aligned with" a standing
            if entry.by and (self.past_passive(described[0]) or self.past_passive(token)):
                continue
            others = self.relation_others(token, entry, described, found)
            subjects = [self.described(described[0], found)] if others else []
            if others and described[0].dep_ in ("acl", "relcl", "amod"):
                subjects += self.actors(
                    described[0].head, found, strict=True
                )  # "Hamas and PIJ, both backed by Iran"
            for subject in dict.fromkeys(subjects):
                for other in others:
                    source, target = (other, subject) if entry.by else (subject, other)
                    rule = f"relation:{token.lower_}"
                    made = self.make(doc, found, entry.tie, source, target, token, rule, False, 0.65)
                    if made:
                        ties.append(made)
        return ties

    def relation_others(
        self, token: Token, entry: RelationWord, described: list[Token], found: DocMentions
    ) -> list[str]:
        """The actors a relation word relates its subject to: its own preposition's, or for a
        participle in a list, the "by" agent of a later one ("armed and funded by Iran")."""
        others = self.related(token, entry, found)
        if others or not entry.by:
            return others
        return [
            a
            for member in described[1:]
            if member.i > token.i
            for a in self.related(member, self.relation_entry(member) or EMPTY_RELATION, found)
        ]

    def label_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Lebanese Hezbollah (another FTO)": a designation list named beside a group."""
        ties = []
        for token in doc:
            designator = self.designation_labels.get(token.lower_)
            entry = self.dictionary.actors.get(designator or "")
            if entry is None:
                continue
            group = None
            for back in range(token.i - 1, max(-1, token.i - 6), -1):
                mention = found.at(token.doc[back])
                if mention is not None and found.actors[mention.actor_id].type in (
                    "armed_group",
                    "political_party",
                ):
                    group = mention.actor_id
                    break
            if group is None:
                continue
            found.actors.setdefault(
                entry.id, Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
            )
            made = self.make(doc, found, "designates_terrorist", entry.id, group, token, "label", False, 0.6)
            if made:
                ties.append(made)
        return ties

    @staticmethod
    def unknown_name(noun: Token, found: DocMentions) -> bool:
        """Whether a noun is titled by a name no mention covers ("The March 14 coalition"): it is
        that unknown body, not whatever group the bare noun would refer back to."""
        return any(
            c.dep_ in ("compound", "nummod", "nmod") and c.pos_ in ("PROPN", "NUM") and found.at(c) is None
            for c in noun.children
        )

    def membership_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "The March 8 coalition includes X and Y"; "the IRGC's Quds Force"."""
        ties = []
        groups = {"state_agency", "armed_group", "political_party"}
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_.lower() in self.membership_verbs:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
                    subject = token.head  # "the Axis of Resistance, which includes Hezbollah and Hamas"
                whole = self.referent(subject, found) if subject is not None else None
                if whole is None or subject is None or self.unknown_name(subject, found):
                    continue
                if subject.lemma_.lower() not in self.coalition_nouns and not self.dictionary.is_umbrella(
                    whole
                ):
                    continue
                for obj in (c for c in token.children if c.dep_ in ("dobj", "obj")):
                    for part in self.actors(obj, found, strict=True):
                        made = self.make(
                            doc, found, "member_of", part, whole, token, "verb:include", False, 0.7
                        )
                        if made:
                            ties.append(made)
            mention = found.at(token)
            if mention is None or found.actors[mention.actor_id].type not in groups:
                continue
            for child in token.children:
                owner = self.own_name(child, found) if child.dep_ == "poss" else None
                if owner is not None and found.actors[owner].type in groups - {"political_party"}:
                    made = self.make(
                        doc,
                        found,
                        "member_of",
                        mention.actor_id,
                        owner,
                        token,
                        "possessive",
                        False,
                        0.65,
                    )
                    if made:
                        ties.append(made)
            ties += self.own_parts(token, mention.actor_id, found)
        return ties

    def own_parts(self, token: Token, whole: str, found: DocMentions) -> list[Tie]:
        """ "the IRGC, including its Qods Force": a part the whole's own possessive names."""
        ties = []
        around = [*token.children, *(token.head.children if token.dep_ in ("dobj", "obj") else [])]
        for prep in (c for c in around if c.dep_ == "prep" and c.lower_ == "including"):
            for part in (g for g in prep.children if g.dep_ == "pobj"):
                if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in part.children):
                    for member in self.actors(part, found, strict=True):
                        made = self.make(
                            token.doc, found, "member_of", member, whole, part, "including:its", False, 0.65
                        )
                        if made:
                            ties.append(made)
        return ties

    def __call__(self, doc: Doc, found: DocMentions) -> list[Tie]:
        seen: set[tuple[str, str, str, str]] = set()
        result = []
        for tie in [
            *self.role_ties(doc, found),
            *self.verb_ties(doc, found),
            *self.member_ties(doc, found),
            *self.modifier_ties(doc, found),
            *self.membership_ties(doc, found),
            *self.support_ties(doc, found),
            *self.label_ties(doc, found),
            *self.relation_ties(doc, found),
            *self.hostility_ties(doc, found),
            *self.war_ties(doc, found),
            *self.opposition_ties(doc, found),
            *self.direction_ties(doc, found),
            *self.designation_ties(doc, found),
            *self.patron_ties(doc, found),
            *self.coalition_ties(doc, found),
            *self.administration_ties(doc, found),
            *self.listed_verb_ties(doc, found),
        ]:
            ends = (tie.source, tie.target)
            if not self.tie_types[tie.tie].directed:  # "conflict between Israel and Hezbollah" and back
                ends = (min(ends), max(ends))
            key = (tie.tie, *ends, tie.valid)
            if key not in seen:
                seen.add(key)
                result.append(tie)
        return result
