"""Read standing ties from appositions, possessives, copulas, compounds and tie verbs.

Patterns (words from ``ontology/data/tie_lexicon.yaml``):
- role nouns: "X, leader of Y" / "Y's leader X" / "X is the spokesman for Y" /
  "X, Soleimani's replacement as commander of the Quds Force" / "militia commander X";
- verbs, active and passive: "Y are funded and led by X", "designated as terrorist
  organizations by X", "follow the lead of X", "X, who was respected by Y";
- compounds: "PMF militia Kata'ib Hezbollah" -> member_of;
- hyphenated participles: "Iran-backed militias" -> funds, "U.S.-designated terrorist
  organization Hamas" -> designates_terrorist;
- heads of state: "Iranian President Masoud Pezeshkian", "President Joe Biden" -> leads the state;
- membership: "The coalition includes X and Y", "the IRGC's Quds Force" -> member_of.
Past tense and words such as "former" make a tie former.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.dictionary.schema import period_end
from proxywatch.extract.events import EventCoder
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Actor, Evidence, Tie
from proxywatch.ontology import Ontology
from proxywatch.ontology.schema import TieVerb

NAME_DEPS = {"appos", "compound", "nmod"}
ORG_PREPS = {"of", "for"}
# an organisation leading another is operational command, a person leading one is leadership
GROUP_LEADS_AS = "commands"
SYMMETRIC = {"allied_with", "hostile_to"}  # roles held by groups as well as people


class TieReader:
    """Finds ties in a parsed, mention-resolved Doc."""

    def __init__(self, ontology: Ontology, dictionary: ActorDictionary) -> None:
        lex = ontology.tie_lexicon
        self.roles = lex.role_nouns
        self.verbs: dict[str, TieVerb] = {v.lemma: v for v in lex.verbs}
        self.former = set(lex.former_words)
        self.modifiers = {m.word: m for m in lex.modifiers}
        self.head_titles = set(lex.head_titles)
        self.membership_verbs = set(lex.membership_verbs)
        self.coalition_nouns = set(lex.coalition_nouns)
        self.military_words = set(lex.military_words)
        self.support_nouns = lex.support_nouns
        self.support_verbs = set(lex.support_verbs)
        self.designation_labels = lex.designation_labels
        self.relation_words = lex.relation_words
        self.tie_types = ontology.tie_types
        self.dictionary = dictionary

    def actor(self, token: Token | None, found: DocMentions) -> str | None:
        if token is None:
            return None
        mention = found.at(token)
        if mention is not None:
            return mention.actor_id
        # "the lead of Hezbollah's leader Hasan Nasrallah": the named person before the organisation
        for deps in (("appos",), ("compound", "poss", "amod", "nmod")):
            for child in token.children:
                if child.dep_ in deps:
                    inner = found.at(child)
                    if inner is not None:
                        return inner.actor_id
        return None

    def actors(self, token: Token | None, found: DocMentions, strict: bool = False) -> list[str]:
        """Actors a token names, with its conjuncts; ``strict`` ignores modifiers
        ("command the militia's respect" does not command the militia)."""
        if token is None:
            return []
        mention = found.at(token)
        first = (
            mention.actor_id
            if strict and mention is not None
            else None
            if strict
            else self.actor(token, found)
        )
        result = [a for a in [first] if a]
        for child in token.children:
            if child.dep_ == "conj":
                result.extend(self.actors(child, found, strict))
        return list(dict.fromkeys(result))

    @staticmethod
    def negated(verb: Token) -> bool:
        """ "does not command", "don't take orders nor respect": negated, also through "nor"."""
        for tok in (verb, verb.head if verb.dep_ == "conj" else None):
            if tok is not None and any(c.dep_ == "neg" or c.lower_ in ("nor", "never") for c in tok.children):
                return True
        return False

    def is_former(self, token: Token) -> bool:
        return any(
            c.lower_ in self.former for c in token.children if c.dep_ in ("amod", "advmod", "compound")
        )

    def make(
        self,
        doc: Doc,
        found: DocMentions,
        tie: str,
        source: str | None,
        target: str | None,
        token: Token,
        rule: str,
        former: bool,
        conf: float,
    ) -> Tie | None:
        if not source or not target or source == target:
            return None
        if tie == "leads" and (
            found.actors[source].type != "person" or self.military(found.actors[target].name)
        ):
            tie = GROUP_LEADS_AS  # a group over a group, or a person at the head of a force, commands
        types = self.tie_types[tie]
        src_type, tgt_type = found.actors[source].type, found.actors[target].type
        if types.source and src_type not in types.source or types.target and tgt_type not in types.target:
            return None
        sent = token.sent
        former = former or self.ended_before(source, tie, target, token.doc._.pw_published)
        valid = "former" if former and self.tie_types[tie].can_be_former else "current"
        return Tie(
            tie, source, target, Evidence(sent.text, sent.start_char, sent.end_char, rule, conf), valid
        )

    def military(self, name: str) -> bool:
        return bool(set(name.lower().replace("-", " ").split()) & self.military_words)

    def ended_before(self, source: str, tie: str, target: str, published: date | None) -> bool:
        """Whether the dictionary knows the tie ended before the document was published
        ("Soleimani, commander of the Quds Force" in a story of 2021: he died in 2020)."""
        entry = self.dictionary.actors.get(source)
        if entry is None or published is None:
            return False
        for known in entry.ties:
            if (
                known.tie == tie
                and known.target == target
                and known.end
                and period_end(known.end) < published
            ):
                return True
        return False

    # -- role nouns ----------------------------------------------------------------------------
    def holder(self, role: Token, found: DocMentions) -> str | None:
        """Who holds the role: the name it is in apposition with, or the subject of a copula."""
        if role.dep_ in ("appos", "compound") and found.at(role.head) is not None:
            return self.actor(role.head, found)
        between_groups = self.roles.get(role.lemma_.lower()) in SYMMETRIC  # "Iran's ally Hezbollah"
        for child in role.children:
            if child.dep_ in ("appos", "compound", "nmod") and found.at(child) is not None:
                kind = found.actors[found.at(child).actor_id].type  # type: ignore[union-attr]
                if kind == "person" or between_groups:
                    return found.at(child).actor_id  # type: ignore[union-attr]
        if role.dep_ == "attr":
            for child in role.head.children:
                if child.dep_ == "nsubj":
                    return self.actor(child, found)
        if role.dep_ == "pobj" and role.head.lemma_ == "as":  # "X, Y's replacement as commander of Z"
            return self.holder(role.head.head, found)
        org = self.organisation(role, found)
        for tok in role.subtree:  # "Esmail Ghaani Soleimani's replacement": a name run into the phrase
            if tok.i >= role.i:
                break
            inner = found.at(tok)
            if inner is not None and inner.actor_id != org and found.actors[inner.actor_id].type == "person":
                return inner.actor_id
        nxt = role.doc[role.i + 1] if role.i + 1 < len(role.doc) else None
        if nxt is not None and found.at(nxt) is not None:
            who = found.at(nxt).actor_id  # type: ignore[union-attr]
            if found.actors[who].type == "person" or between_groups:
                return who
        return None

    def organisation(self, role: Token, found: DocMentions) -> str | None:
        for child in role.children:
            if child.dep_ == "prep" and child.lemma_ in ORG_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return self.actor(pobj, found)
        for child in role.children:
            if child.dep_ in ("poss", "compound") and found.at(child) is not None:
                who = found.at(child).actor_id  # type: ignore[union-attr]
                if found.actors[who].type != "person" or self.roles.get(role.lemma_.lower()) == "succeeds":
                    return who
        return None

    def title_of(self, token: Token) -> str:
        """The title a role word ends ("prime minister", "supreme leader", "president")."""
        if token.i > 1 and token.doc[token.i - 1].text == "-":  # "Secretary-General"
            joined = f"{token.doc[token.i - 2].lower_}-{token.lower_}"
            if joined in self.roles or joined in self.head_titles:
                return joined
        if token.i > 0:
            pair = f"{token.doc[token.i - 1].lower_} {token.lower_}"
            if pair in self.head_titles or pair in self.roles:
                return pair
        return token.lower_

    def governed_state(self, role: Token, holder: str, found: DocMentions) -> str | None:
        """The state a head of state or government leads: a state named before the title
        ("Iranian President"), else the one the dictionary says the person leads."""
        for tok in role.doc[max(role.left_edge.i, role.i - 3) : role.i]:
            mention = found.at(tok)
            if mention is not None and found.actors[mention.actor_id].type == "state":
                return mention.actor_id
        entry = self.dictionary.actors.get(holder)
        for tie in entry.ties if entry is not None else []:
            target = self.dictionary.actors.get(tie.target)
            if tie.tie == "leads" and target is not None and target.type == "state":
                found.actors.setdefault(
                    target.id, Actor(target.id, target.name, target.type, target.country, "dictionary")
                )
                return target.id
        return None

    def role_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        ties = []
        for token in doc:
            title = self.title_of(token)
            tie = (
                self.roles.get(title)
                or self.roles.get(token.lemma_.lower())
                or ("leads" if title in self.head_titles else None)
            )
            if tie is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            holder = self.holder(token, found)
            org = self.organisation(token, found)
            if org is None and holder is not None and title in self.head_titles:
                if found.actors[holder].type == "person":
                    org = self.governed_state(token, holder, found)
            made = self.make(
                doc,
                found,
                tie,
                holder,
                org,
                token,
                f"role:{token.lemma_.lower()}",
                self.is_former(token),
                0.8,
            )
            if made:
                ties.append(made)
        return ties

    # -- verbs ---------------------------------------------------------------------------------
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
                    subject = tok.head if child.lower_ in ("who", "which", "that") else child
                    targets = targets or self.actors(subject, found)
                elif child.dep_ == "nsubj" and not passive:
                    subject = tok.head if child.lower_ in ("who", "which", "that") else child
                    sources = sources or self.actors(subject, found)
                elif child.dep_ in ("dobj", "obj") and not passive:
                    targets = targets or self.actors(child, found, strict=True)
        if passive and not targets and verb.dep_ == "relcl":
            targets = self.actors(verb.head, found)
        if passive and not sources:
            agent = EventCoder.deep_agent(verb)
            if agent is not None:
                sources = self.actors(agent, found)
        if passive and not sources:  # "trained in Iran": the state where it happened
            for child in verb.children:
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
            if self.negated(token):
                continue
            sources, targets, passive = self.verb_args(token, found)
            if entry.object_nouns and not targets:
                for child in token.children:
                    if child.dep_ in ("dobj", "obj") and child.lemma_.lower() in entry.object_nouns:
                        for prep in child.children:
                            if prep.dep_ == "prep" and prep.lemma_ == "of":
                                for pobj in prep.children:
                                    targets = self.actors(pobj, found)
            past = token.tag_ == "VBD" or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had") for c in token.children
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

    # -- compounds -----------------------------------------------------------------------------
    def member_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        ties = []
        for mention in found.mentions:
            member = found.actors[mention.actor_id]
            if member.type != "armed_group" or not mention.rule.startswith(("dictionary", "ner")):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            before = [t for t in span.root.subtree if t.i < span.start]
            if span.root.dep_ == "appos":  # "PMF militia Kata'ib Hezbollah" parsed as an apposition
                head = span.root.head
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

    # -- hyphenated participles ------------------------------------------------------------------
    @staticmethod
    def referent(noun: Token, found: DocMentions) -> str | None:
        """The actor a noun phrase stands for: its own mention, a name in apposition with it, the
        subject it describes ("X is a ... organization"), or the name it titles ("Organization KH")."""
        mention = found.at(noun)
        if mention is not None:
            return mention.actor_id
        for child in noun.children:
            if child.dep_ == "appos" and found.at(child) is not None:
                return found.at(child).actor_id  # type: ignore[union-attr]
        if noun.dep_ == "appos" and found.at(noun.head) is not None:
            return found.at(noun.head).actor_id  # type: ignore[union-attr]
        if noun.dep_ == "attr":
            for child in noun.head.children:
                if child.dep_ == "nsubj" and found.at(child) is not None:
                    return found.at(child).actor_id  # type: ignore[union-attr]
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if nxt is not None and found.at(nxt) is not None:
            return found.at(nxt).actor_id  # type: ignore[union-attr]
        return None

    def modifier_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Iran-backed militias", "the U.S.-designated Foreign Terrorist Organization KH"."""
        ties = []
        for token in doc:
            entry = self.modifiers.get(token.lower_)
            if entry is None or token.i < 2 or token.dep_ not in ("amod", "compound", "acl", "nmod"):
                continue
            before = doc[token.i - 1]
            patron_token = doc[token.i - 2] if before.text == "-" else before
            patron = found.at(patron_token)
            if patron is None or found.actors[patron.actor_id].type in ("civilians", "media", "facility"):
                continue
            noun = token.head
            if entry.requires and not any(
                t.lower_.strip(".") in entry.requires for t in [*noun.subtree, *noun.children]
            ):
                continue
            target = self.referent(noun, found)
            made = self.make(
                doc, found, entry.tie, patron.actor_id, target, token, f"modifier:{entry.word}", False, 0.75
            )
            if made:
                ties.append(made)
        return ties

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
            anchor = token
            while anchor.dep_ == "conj":  # "assistance and training": the first of the list
                anchor = anchor.head
            verb = anchor.head if anchor.dep_ in ("dobj", "obj") else None
            if verb is not None and verb.lemma_.lower() in self.support_verbs:  # "receives ... from Iran"
                receivers += [a for c in verb.children if c.dep_ == "nsubj" for a in self.actors(c, found)]
                around = [*verb.children, *anchor.children, *token.children]
                for prep in (c for c in around if c.dep_ == "prep" and c.lower_ == "from"):
                    givers += [a for g in prep.children if g.dep_ == "pobj" for a in self.actors(g, found)]
            for giver in dict.fromkeys(givers):
                for receiver in dict.fromkeys(receivers):
                    made = self.make(
                        doc, found, tie, giver, receiver, token, f"support:{token.lemma_}", False, 0.65
                    )
                    if made:
                        ties.append(made)
        return ties

    def described(self, word: Token, found: DocMentions) -> str | None:
        """The actor a relation word describes: the noun it hangs on ("groups affiliated with"),
        through "a group with links to", or the subject of "is loyal to"."""
        head = word.head
        if word.dep_ == "pobj" and head.dep_ == "prep":  # "a group with links to X"
            head = head.head
        if word.dep_ in ("acomp", "attr") or head.pos_ in ("AUX", "VERB") and word.dep_ != "pobj":
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return self.referent(child, found)
            return None
        if word.dep_ == "relcl" or (word.dep_ == "acl" and any(c.dep_ == "nsubjpass" for c in word.children)):
            return self.referent(head, found)  # "the militia, which is backed by Iran"
        return self.referent(head, found)

    def relation_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "a group with links to the Quds Force", "loyal to Iran", "a militia backed by Iran"."""
        ties = []
        for token in doc:
            entry = self.relation_words.get(token.lower_) or self.relation_words.get(token.lemma_.lower())
            if entry is None or found.at(token) is not None:
                continue
            others = [
                a
                for c in token.children
                if c.dep_ in ("prep", "agent") and c.lower_ in entry.preps
                for g in c.children
                if g.dep_ == "pobj"
                for a in self.actors(g, found)
            ]
            if not others:
                continue
            subject = self.described(token, found)
            for other in others:
                source, target = (other, subject) if entry.by else (subject, other)
                made = self.make(
                    doc, found, entry.tie, source, target, token, f"relation:{token.lower_}", False, 0.65
                )
                if made:
                    ties.append(made)
        return ties

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

    def membership_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "The March 8 coalition includes X and Y"; "the IRGC's Quds Force"."""
        ties = []
        groups = {"state_agency", "armed_group", "political_party"}
        for token in doc:
            if token.pos_ == "VERB" and token.lemma_.lower() in self.membership_verbs:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                whole = self.referent(subject, found) if subject is not None else None
                if whole is None or subject is None:
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
                owner = found.at(child) if child.dep_ == "poss" else None
                if owner is not None and found.actors[owner.actor_id].type in groups - {"political_party"}:
                    made = self.make(
                        doc,
                        found,
                        "member_of",
                        mention.actor_id,
                        owner.actor_id,
                        token,
                        "possessive",
                        False,
                        0.65,
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
        ]:
            key = (tie.tie, tie.source, tie.target, tie.valid)
            if key not in seen:
                seen.add(key)
                result.append(tie)
        return result
