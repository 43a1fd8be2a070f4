"""Ties stated by phrases around nouns rather than by role nouns or tie verbs.

- alignment: "the pro-Iran Hezbollah movement" (friendly_prefixes);
- hostility: "the Israel-Hamas conflict", "U.S.-Iran tensions", "conflicts between Israel and
  Iran" (in the text's order), "the group has espoused anti-American beliefs" (the group toward
  the United States);
- direction: "At President Biden's direction, U.S. military forces conducted strikes" -> Biden
  commands the forces;
- designation as a noun: "the designation of Hamas as an FTO by the United States",
  "designations by Argentina and Colombia" of the one group the sentence names, where the
  sentence speaks of terrorism; and the gerund's agent: "We commend Germany for banning
  Hizballah as a terrorist organization", "joined the United States in designating X".
- listed tie verbs, read from the words since the parser takes them for nouns: "Tehran funds
  and arms Hezbollah", "Iran arms, trains and finances the Houthis" (listed_verbs);
- patronage nouns: "Hezbollah, Iran's most powerful proxy", "Iranian proxy Kataib Hezbollah",
  "Iran's proxy Hezbollah", "KH is one of Iran's proxies" (client_nouns); "the Houthis and their
  Iranian backers", "Iran, Hezbollah's main sponsor" (patron_nouns);
- wars stood in: "Israel, which is at war with Hamas", "Israel's war against Hamas" (war_nouns);
- coalitions described: "the IRI, a coalition of groups including KH and Nujaba", "an umbrella
  group of Iran-backed militias known as the IRI" (coalition_nouns);
- standing opposition: "Israel's campaign against Hezbollah", "U.S. policies to counter Iran"
  (opposition_nouns, opposition_verbs);
Words come from ``ontology/data/tie_lexicon.yaml`` (conflict_nouns, hostile_prefixes,
direction_nouns, designation_nouns, listed_verbs, client_nouns, patron_nouns, war_nouns,
coalition_nouns, opposition_nouns, opposition_verbs).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Tie
from proxywatch.extract.tie_base import TieBase

PARTIES = {"state", "state_agency", "armed_group", "political_party", "international_org", "person"}
GROUPS = {"armed_group", "political_party"}
TERROR_WORDS = {"terrorist", "terror", "terrorism", "fto", "sdgt"}
# verbs whose object shares the act of the gerund under them ("joined the U.S. in designating")
COMPANION_VERBS = {"join", "follow"}
# adverbs allowed between a subject and a listed tie verb ("Iran also arms the Houthis")
LIST_ADVERBS = {"also", "openly", "reportedly", "allegedly", "still", "directly"}
LIST_JOINS = {",", "and"}
# coalition nouns that name any body unless a coalition word modifies them ("an umbrella group")
PLAIN_BODIES = {"group"}
NAMING_VERBS = {"know", "call", "dub", "name"}
WAR_PREPS = {"with", "against", "on"}


class PhraseTies(TieBase):
    """Hostility, direction and designation phrases."""

    def party(self, token: Token, found: DocMentions) -> str | None:
        mention = found.at(token)
        if mention is not None and found.actors[mention.actor_id].type in PARTIES:
            return mention.actor_id
        return None

    # -- hostility -----------------------------------------------------------------------------
    def hostility_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        ties: list[Tie] = []
        for token in doc:
            pairs: list[tuple[str, str]] = []
            tie = "hostile_to"
            if token.lemma_.lower() in self.conflict_nouns or token.lower_ in self.conflict_nouns:
                if token.pos_ == "NOUN" and not self.conflict_unasserted(token):
                    pairs = self.conflict_sides(token, found)
            elif (
                (token.lower_ in self.hostile_prefixes or token.lower_ in self.friendly_prefixes)
                and token.i + 2 < len(doc)
                and doc[token.i + 1].text == "-"
            ):
                # "anti-American" is hostile; "the pro-Iran Hezbollah movement" is allied
                tie = "hostile_to" if token.lower_ in self.hostile_prefixes else "allied_with"
                holder = self.prefix_holder(token, found)
                other = self.party(doc[token.i + 2], found)
                pairs = [(holder, other)] if holder and other else []
            for source, target in pairs:
                rule = "phrase:hostility" if tie == "hostile_to" else "phrase:alignment"
                made = self.make(doc, found, tie, source, target, token, rule, False, 0.6)
                if made:
                    ties.append(made)
        return ties

    def war_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Israel, which is at war with Hamas", "the army has been locked in a war with the RSF",
        "Israel's war against Hamas": the party in the war is hostile to the one it is with."""
        ties: list[Tie] = []
        for noun in doc:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.war_nouns:
                continue
            if any(c.dep_ == "compound" for c in noun.children):
                continue  # "its trade war with China", "the Israel-Hamas war": no party in a war
            # "has been at war with Russia": the parser may hang "with" on the verb
            clause = noun.head.head.children if noun.dep_ == "pobj" and noun.head.lower_ == "at" else []
            others = [
                a
                for p in [*noun.children, *(c for c in clause if c.i > noun.i)]
                if p.dep_ == "prep" and p.lower_ in WAR_PREPS
                for g in p.children
                if g.dep_ == "pobj"
                for a in self.actors(g, found, strict=True)
            ]
            for party in self.at_war(noun, found) if others else []:
                for other in others:
                    made = self.make(doc, found, "hostile_to", party, other, noun, "phrase:war", False, 0.6)
                    if made:
                        ties.append(made)
        return ties

    def at_war(self, noun: Token, found: DocMentions) -> list[str]:
        """Who is in the war: its possessor, or the subject of the clause the war is "at" or "in"."""
        owners = [a for c in noun.children if c.dep_ == "poss" for a in self.actors(c, found, strict=True)]
        if owners or noun.dep_ != "pobj" or noun.head.lower_ not in ("at", "in"):
            return owners
        verb = noun.head.head
        if verb.pos_ not in ("AUX", "VERB") or self.negated(verb) or self.unasserted(verb):
            return []
        return [
            a
            for c in verb.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for a in self.subject_actors(c, found)
        ]

    def conflict_unasserted(self, noun: Token) -> bool:
        """ "A full-scale conflict between Hezbollah and Israel would devastate Lebanon", "to reduce
        the risk of a conflict": a conflict in a clause under a modal or a condition is none yet."""
        clause = noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        return clause.pos_ in ("VERB", "AUX") and (self.unasserted(clause) or self.negated(clause))

    def conflict_sides(self, noun: Token, found: DocMentions) -> list[tuple[str, str]]:
        """ "the Israel-Hamas conflict" (two names joined by a hyphen just before the noun), or
        "conflicts between Israel and Iran"."""
        doc = noun.doc
        if noun.i >= 3 and doc[noun.i - 2].text == "-":
            first, second = self.party(doc[noun.i - 3], found), self.party(doc[noun.i - 1], found)
            if first and second:
                return [(first, second)]
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"):
            sides = [a for g in prep.children if g.dep_ == "pobj" for a in self.actors(g, found, strict=True)]
            if len(sides) >= 2:
                return [(sides[0], sides[1])]
        return []

    def prefix_holder(self, prefix: Token, found: DocMentions) -> str | None:
        """Who holds an "anti-X" stance: the actor the phrase modifies ("anti-ISIS coalition"), or
        the subject of the verb the phrase is the object of ("the group espoused anti-American
        beliefs")."""
        noun = prefix.head
        while noun.dep_ in ("amod", "compound", "conj") and noun.head.i != noun.i and noun.pos_ != "NOUN":
            noun = noun.head
        own = found.at(noun)
        if own is not None and own.actor_id != self.party(prefix.doc[prefix.i + 2], found):
            return own.actor_id
        if noun.dep_ in ("dobj", "obj", "attr"):
            for child in noun.head.children:
                if child.dep_ == "nsubj":
                    return self.referent(child, found)
        return None

    # -- listed tie verbs ------------------------------------------------------------------------
    def verb_forms(self) -> dict[str, str]:
        """Present third-person forms of the listed verbs ("funds", "finances", "arms")."""
        return {
            lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s"): lemma
            for lemma in self.listed_verbs
            if lemma in self.verbs
        }

    def listed_verb_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """NAME [adverb] VERB(, VERB)* (and VERB) [the] NAME, read from the words."""
        forms = self.verb_forms()
        ties: list[Tie] = []
        i = 0
        while i < len(doc):
            if doc[i].lower_ not in forms or found.at(doc[i]) is not None:
                i += 1
                continue
            start = i
            before = start - 1
            while before >= 0 and doc[before].lower_ in LIST_ADVERBS:
                before -= 1
            lemmas = [forms[doc[i].lower_]]
            i += 1
            while i + 1 < len(doc) and doc[i].lower_ in LIST_JOINS:
                j = i + 2 if doc[i + 1].lower_ == "and" else i + 1
                if j >= len(doc) or doc[j].lower_ not in forms:
                    break
                lemmas.append(forms[doc[j].lower_])
                i = j + 1
            after = i + 1 if i < len(doc) and doc[i].lower_ == "the" else i
            sent = doc[start].sent
            if self.unasserted(doc[start]):
                continue
            source = found.at(doc[before]) if before >= sent.start else None
            target = found.at(doc[after]) if after < sent.end else None
            if source is None or target is None:
                continue
            for lemma in lemmas:
                rule = f"listed:{lemma}"
                made = self.make(
                    doc,
                    found,
                    self.verbs[lemma].tie,
                    source.actor_id,
                    target.actor_id,
                    doc[start],
                    rule,
                    False,
                    0.7,
                )
                if made:
                    ties.append(made)
        return ties

    # -- patronage nouns -------------------------------------------------------------------------
    def owner(self, noun: Token, found: DocMentions) -> str | None:
        """Whose proxy or backer the noun is: its possessor ("Iran's proxy"; "their" is the
        phrase the noun is conjoined with), or "of" ("a proxy of Iran")."""
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ in ("its", "their"):
                if noun.dep_ == "conj":  # "the Houthis and their Iranian backers"
                    return self.referent(noun.head, found)
            elif child.dep_ == "poss":
                return self.own_name(child, found)
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):  # "a financier for Hizballah"
                named = [a for g in child.children if g.dep_ == "pobj" for a in self.actors(g, found)]
                if named:
                    return named[0]
        return None

    def group_before(self, noun: Token, found: DocMentions) -> str | None:
        """A group named before a patron noun: "a Hizballah financier" is a financier of it."""
        for child in noun.children:
            mention = found.at(child) if child.dep_ == "compound" and child.i < noun.i else None
            if mention is not None and found.actors[mention.actor_id].type in GROUPS:
                return mention.actor_id
        return None

    def demonym(self, noun: Token, found: DocMentions) -> str | None:
        """The state an adjective before the noun names ("Iranian backers", "Iranian proxy"), or
        the capital after it ("its patrons in Tehran")."""
        places = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children]
        for child in [
            *(c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i),
            *places,
        ]:
            who = self.own_name(child, found)
            if who is not None and found.actors[who].type in ("state", "state_agency"):
                return who
        return None

    def named_by(self, noun: Token, found: DocMentions) -> str | None:
        """The actor the patronage noun itself stands for: a name in apposition or the subject of
        a copula ("Hezbollah, Iran's proxy", "Hezbollah is Iran's proxy", "Iranian proxy KH")."""
        mention = found.at(noun)
        if mention is not None and (noun.dep_ == "appos" or any(c.dep_ == "appos" for c in noun.children)):
            return mention.actor_id  # the appositive phrase is a mention of the name
        if mention is not None and not mention.rule.startswith(("dictionary", "ner")):
            # "Iranian proxy militias" read as a group the story names elsewhere: unbound, unless
            # said of a name ("KH is one of Iran's proxies")
            return self.bound_name(noun, found)
        referent = self.referent(noun, found)
        if referent is None and noun.dep_ == "appos":
            referent = self.actor(noun.head, found)
        if referent is not None and referent.startswith("generic:"):
            return self.bound_name(noun, found)  # "Tehran and its proxies": no one named
        return referent

    @staticmethod
    def name_modifier(word: Token, found: DocMentions) -> bool:
        """Whether a patronage word the parser took for an adjective modifies a name ("Iran's
        proxy Hezbollah")."""
        return word.dep_ in ("amod", "compound") and found.at(word.head) is not None

    def patron_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Hezbollah, Iran's most powerful proxy"; "the Houthis and their Iranian backers"."""
        ties: list[Tie] = []
        for token in doc:
            lemma = token.lemma_.lower()
            if lemma not in self.client_nouns and lemma not in self.patron_nouns:
                continue
            if token.pos_ != "NOUN" and not self.name_modifier(token, found):
                continue
            if token.dep_ == "compound" and token.head.pos_ == "NOUN":
                token = token.head  # "an Iranian proxy militia": the phrase is the militia's
            if self.unasserted_copula(token):
                continue
            if lemma in self.client_nouns:
                tie = self.client_nouns[lemma]
                patron = (
                    self.owner(token, found) or self.demonym(token, found) or self.name_owner(token, found)
                )
                clients = [
                    self.named_by(token, found),
                    *self.said_of(token, found),
                    *self.included(token, found),
                ]
            else:
                tie = self.patron_nouns[lemma]
                patron = self.demonym(token, found) or self.named_by(token, found)
                clients = [self.owner(token, found) or self.group_before(token, found)]
            for client in dict.fromkeys(clients):
                made = self.make(doc, found, tie, patron, client, token, f"noun:{lemma}", False, 0.65)
                if made:
                    ties.append(made)
        return ties

    # -- standing opposition ---------------------------------------------------------------------
    def opposition_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "Israel's campaign against Hezbollah", "U.S. policies to counter the influence of Iran",
        "the coalition is working to defeat ISIS", "the bloc opposes Syrian and Iranian influence":
        the one whose stance it is is hostile to the party opposed."""
        ties: list[Tie] = []
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ == "NOUN" and lemma in self.opposition_nouns:
                opposed = [
                    a
                    for p in token.children
                    if p.dep_ == "prep" and p.lower_ == "against"
                    for g in p.children
                    if g.dep_ == "pobj"
                    for a in self.actors(g, found, strict=True)
                ]
            elif token.pos_ == "VERB" and lemma in self.opposition_verbs and not self.negated(token):
                opposed = [] if self.unasserted(token) else self.opposed(token, found)
            else:
                continue
            holders = self.stance_holders(token, found) if opposed else []
            for holder in dict.fromkeys(h for h in holders if self.party_id(h, found)):
                for other in dict.fromkeys(o for o in opposed if self.party_id(o, found)):
                    made = self.make(
                        doc, found, "hostile_to", holder, other, token, "phrase:opposition", False, 0.6
                    )
                    if made:
                        ties.append(made)
        return ties

    @staticmethod
    def party_id(actor: str, found: DocMentions) -> bool:
        return found.actors[actor].type in PARTIES

    def opposed(self, verb: Token, found: DocMentions) -> list[str]:
        """Who a stance verb opposes: its object, or who the object belongs to ("the influence of
        Iran", "Syrian and Iranian influence", "threats from Iran")."""
        named: list[str] = []
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
            named += self.actors(obj, found, strict=True)
            if named:
                continue
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                    named += [a for g in child.children if g.dep_ == "pobj" for a in self.actors(g, found)]
                elif child.dep_ in ("amod", "compound", "poss"):
                    named += [m.actor_id for m in map(found.at, [child, *child.conjuncts]) if m is not None]
        return named

    def stance_holders(self, token: Token, found: DocMentions) -> list[str]:
        """Whose stance a noun or verb states: the noun's owner ("Israel's campaign", "U.S.
        policies"), the subject of the verb it is the object of ("the U.S. leads the campaign"),
        or, for a verb, its subject or that of the clause or noun its infinitive completes."""
        if token.pos_ == "NOUN":
            owners = [
                a
                for c in token.children
                if c.dep_ in ("poss", "compound", "amod", "nmod")
                for a in [self.own_name(c, found)]
                if a is not None
            ]
            if owners or token.dep_ not in ("dobj", "obj"):
                return owners
            return [
                a for c in token.head.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)
            ]
        subjects = [a for c in token.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)]
        if subjects or token.dep_ not in ("xcomp", "relcl", "acl", "advcl"):
            return subjects
        head = token.head
        if head.pos_ == "NOUN":  # "policies to counter Iran": the policies' owner
            return self.stance_holders(head, found) if head.lemma_.lower() in self.opposition_nouns else []
        for obj in (c for c in head.children if c.dep_ in ("dobj", "obj")):
            if obj.lemma_.lower() in self.opposition_nouns:  # "pursuing U.S. policies to counter Iran"
                return self.stance_holders(obj, found)
        return [
            a
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for a in self.subject_actors(c, found)
        ]

    # -- coalitions described ------------------------------------------------------------------
    def coalition_noun(self, noun: Token) -> bool:
        """ "a coalition", "an alliance", "an umbrella group" (a bare "group" is any group)."""
        lemma = noun.lemma_.lower()
        modified = any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.coalition_nouns for c in noun.children
        )  # "an umbrella group", "an umbrella organization"
        if noun.pos_ != "NOUN" or lemma not in self.coalition_nouns and not modified:
            return False
        return lemma not in PLAIN_BODIES or modified

    def called(self, noun: Token, found: DocMentions) -> str | None:
        """The name a phrase is given: "... known as the Islamic Resistance in Iraq"."""
        for acl in (c for c in noun.subtree if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS):
            for child in acl.children:
                names = [g for g in child.children if g.dep_ == "pobj"] if child.lower_ == "as" else [child]
                for name in names:
                    mention = found.at(name) if child.dep_ in ("prep", "oprd", "attr", "dobj") else None
                    if mention is not None:
                        return mention.actor_id
        return None

    def coalition_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "the Islamic Resistance in Iraq, a coalition of groups including A and B", "X is an
        alliance of A, B and other militias", "an umbrella group of Iran-backed militias known as
        X": each named part (else the generic one) is a member of the whole."""
        ties: list[Tie] = []
        for noun in doc:
            if not self.coalition_noun(noun) or found.at(noun) is not None:
                continue
            whole = self.referent(noun, found) or self.called(noun, found)
            if whole is None or whole.startswith("generic:") or found.actors[whole].type not in GROUPS:
                continue
            parts = [a for a in self.included(noun, found) if a != whole]
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                parts += [
                    a for g in prep.children if g.dep_ == "pobj" for a in self.actors(g, found) if a != whole
                ]
            named = [a for a in parts if not a.startswith("generic:")]
            for part in dict.fromkeys(named or parts):
                made = self.make(doc, found, "member_of", part, whole, noun, "coalition:of", False, 0.65)
                if made:
                    ties.append(made)
        return ties

    # -- direction -----------------------------------------------------------------------------
    def direction_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "At President Biden's direction, U.S. military forces conducted airstrikes": the one
        who directs commands the subject of the clause."""
        ties: list[Tie] = []
        for token in doc:
            if token.lower_ not in self.direction_nouns or token.dep_ != "pobj":
                continue
            prep = token.head
            if prep.lower_ not in ("at", "on", "under") or prep.head.pos_ not in ("VERB", "AUX"):
                continue
            chiefs = [
                a for c in token.children if c.dep_ == "poss" for a in self.actors(c, found, strict=True)
            ]
            chiefs += [
                a
                for p in token.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
                for a in self.actors(g, found)
            ]
            # a force acts at the direction of its chief; a person so acting holds no standing tie
            subjects = [a for c in prep.head.children if c.dep_ == "nsubj" for a in self.actors(c, found)]
            forces = [a for a in subjects if found.actors[a].type != "person"]
            for chief in chiefs:
                for force in forces:
                    made = self.make(
                        doc, found, "commands", chief, force, token, "phrase:direction", False, 0.6
                    )
                    if made:
                        ties.append(made)
        return ties

    # -- designation -----------------------------------------------------------------------------
    def gerund_agents(self, verb: Token, found: DocMentions) -> list[str]:
        """Who does what a gerund says: the object of "commend Germany for banning", or the subject
        (and, after "join", the object) of "X joined the United States in designating"."""
        if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
            return []
        governor = verb.head.head
        subjects = [a for c in governor.children if c.dep_ == "nsubj" for a in self.actors(c, found)]
        objects = [a for c in governor.children if c.dep_ in ("dobj", "obj") for a in self.actors(c, found)]
        if governor.lemma_.lower() in COMPANION_VERBS:
            return [*objects, *subjects]
        return objects or subjects

    def terror_sentence(self, sent: Span) -> bool:
        return any(t.lower_ in TERROR_WORDS for t in sent)

    def designation_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "State's designation of Ansarallah as an FTO", "designations by Argentina, Colombia and
        the United Kingdom" (of the one group the sentence names)."""
        ties: list[Tie] = []
        for token in doc:
            if token.lemma_.lower() not in self.designation_nouns or token.pos_ != "NOUN":
                continue
            if not self.terror_sentence(token.sent):
                continue
            designators: list[str] = []
            designees: list[str] = []
            for child in token.children:
                if child.dep_ == "poss":
                    designators += self.actors(child, found, strict=True)
                if child.dep_ == "prep" and child.lower_ in ("by", "of"):
                    named = [a for g in child.children if g.dep_ == "pobj" for a in self.actors(g, found)]
                    (designators if child.lower_ == "by" else designees).extend(named)
            if designators and not designees:
                named_here = (found.at(t) for t in token.sent)
                groups = {
                    m.actor_id
                    for m in named_here
                    if m is not None and found.actors[m.actor_id].type in GROUPS
                }
                designees = list(groups) if len(groups) == 1 else []
            for source in dict.fromkeys(designators):
                for target in dict.fromkeys(designees):
                    made = self.make(
                        doc,
                        found,
                        "designates_terrorist",
                        source,
                        target,
                        token,
                        "noun:designation",
                        False,
                        0.6,
                    )
                    if made:
                        ties.append(made)
        return ties
