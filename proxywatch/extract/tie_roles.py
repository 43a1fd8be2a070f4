"""Ties stated by titles and role nouns.

"X, leader of Y" / "Y's leader X" / "X is the spokesman for Y" / "X, Soleimani's replacement as
commander of the Quds Force" / "militia commander X"; heads of state and government ("Iranian
President Masoud Pezeshkian" leads Iran, "Iraqi Prime Minister al-Kadhimi" leads the Government
of Iraq where the text names it); officials ("Iranian Deputy Foreign Minister X" is a member of
Iran; a deputy of a leader is a member, not the leader); governments named after their leader
("the Trump administration" is led by Trump).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Actor, Mention, Tie
from proxywatch.extract.tie_base import TieBase

ORG_PREPS = {"of", "for"}
# "a commander in Kataib Hezbollah", "a senior official with Hamas": a body, never a place
BODY_PREPS = {"in", "with", "within"}
BODIES = {"armed_group", "political_party", "state_agency", "international_org"}
SUBJECTS = ("nsubj", "nsubjpass")
# "considers Hezbollah its closest partner": the role ends a small clause under the verb
SMALL_CLAUSES = {"ccomp", "xcomp", "oprd"}
# the names a department goes by, for titles that name it by one word ("Secretary of Defense")
DEPARTMENT_FORMS = (
    "Department of {}",
    "Department of the {}",
    "{} Department",
    "Ministry of {}",
    "{} Ministry",
)
APPOSITION_MARKS = {",", "—", "–", "-", "--"}
SYMMETRIC = {"allied_with", "hostile_to"}  # roles held by groups as well as people
# who may hold a role by being "included" in its phrase ("its allies, including Hezbollah")
MEMBER_TYPES = {"state", "state_agency", "armed_group", "political_party", "person", "international_org"}


class RoleTies(TieBase):
    """Role nouns and titles: who holds the role, and of what."""

    def holder(self, role: Token, found: DocMentions) -> str | None:
        """Who holds the role: the name it is in apposition with, or the subject of a copula."""
        own = found.at(role)
        if own is not None and self.roles.get(role.lemma_.lower()) == "follows" and role.dep_ != "appos":
            if found.actors[own.actor_id].type != "person":  # "Hezbollah supporters": the phrase itself
                return own.actor_id
        named = role
        while named.dep_ == "compound" and found.at(named.head) is None and named.head.i != named.i:
            named = named.head  # "Supreme Leader Ayatollah Ali Khamenei": past the honorific
        if named.dep_ in ("appos", "compound", "nmod") and found.at(named.head) is not None:
            return self.actor(named.head, found)
        # "Iran's ally Hezbollah", "Hamas's armed wing, the Qassam Brigades"
        between_groups = (
            self.roles.get(role.lemma_.lower()) in SYMMETRIC or role.lemma_.lower() in self.group_roles
        )
        for child in role.children:
            if child.dep_ in ("appos", "compound", "nmod") and found.at(child) is not None:
                kind = found.actors[found.at(child).actor_id].type  # type: ignore[union-attr]
                if kind == "person" or between_groups:
                    return found.at(child).actor_id  # type: ignore[union-attr]
        copula = self.copula_of(role)
        if copula is not None:
            for child in copula.children:
                if child.dep_ == "nsubj":  # "Muhandis, who was deputy head of the PMF"
                    return next(iter(self.subject_actors(child, found)), None)
        if role.dep_ in SMALL_CLAUSES:  # "Iran considers Hezbollah its closest partner"
            for child in role.children:
                if child.dep_ == "nsubj" and found.at(child) is not None:
                    return found.at(child).actor_id  # type: ignore[union-attr]
        outer = self.counted_in(role)
        if outer is not None and outer.lower_ == "one":  # "X, one of the factions of Y"
            return self.holder(outer, found)
        if role.dep_ == "conj" and role.head.pos_ == "NOUN":  # "the Houthis' chief negotiator and spokesman"
            return self.holder(role.head, found)
        if role.dep_ == "pobj" and role.head.lemma_ == "as":  # "X, Y's replacement as commander of Z"
            verb = role.head.head
            known = self.verbs.get(verb.lemma_.lower())
            if verb.pos_ == "VERB" and known is not None and known.tie == "succeeds":
                # "X, who succeeded Soleimani as Quds Force commander": the successor holds the role
                return next(
                    (a for c in verb.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)),
                    None,
                )
            if verb.pos_ == "VERB" or verb.pos_ == "AUX" and between_groups:
                # "chose X as Iraq's President"; without an object, the subject: "X serves as",
                # "X was appointed as commander", "the UK, as part of the coalition, is"
                deps = ("dobj", "obj") if any(c.dep_ in ("dobj", "obj") for c in verb.children) else SUBJECTS
                candidates = [
                    a for c in verb.children if c.dep_ in deps for a in self.subject_actors(c, found)
                ]
                return next(
                    (a for a in candidates if between_groups or found.actors[a].type == "person"), None
                )
            return self.holder(verb, found)
        for child in role.children:  # "former KRG Prime Minister and former Deputy Prime Minister X"
            mention = found.at(child) if child.dep_ == "conj" else None
            if mention is not None and found.actors[mention.actor_id].type == "person":
                return mention.actor_id
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
        return self.named_before(role, found)

    @staticmethod
    def named_before(role: Token, found: DocMentions) -> str | None:
        """A person named just before the role's phrase, with or without a comma or dash: an
        apposition the parser missed ("General Qassem Soleimani the former commander of the
        Quds Force", "Al-Sharaa — leader of Hayat Tahrir al-Sham")."""
        i = role.left_edge.i - 1
        if i >= 0 and role.doc[i].text in APPOSITION_MARKS:
            i -= 1
        mention = found.at(role.doc[i]) if i >= role.sent.start else None
        if mention is not None and found.actors[mention.actor_id].type == "person":
            return mention.actor_id
        return None

    @staticmethod
    def counted_in(role: Token) -> Token | None:
        """The word a role noun is counted under: "one" in "one of the factions of Y", or
        "among" in "X and Z are among the factions of Y"."""
        if role.dep_ != "pobj":
            return None
        prep = role.head
        if prep.lower_ == "of" and prep.head.lower_ == "one":
            return prep.head
        if prep.lower_ == "among" and prep.head.pos_ == "AUX":
            return prep
        return None

    @staticmethod
    def copula_of(role: Token) -> Token | None:
        """The copula whose subject holds the role: "X is the leader of Y", "X is one of the
        factions of Y", "X and Z are among the factions of Y"."""
        if role.dep_ == "attr":
            return role.head
        outer = RoleTies.counted_in(role)
        if outer is not None and (outer.lower_ == "among" or outer.dep_ == "attr"):
            return outer.head
        return None

    def body_after(self, role: Token, found: DocMentions, preps: set[str]) -> str | None:
        """The actor the role is "of" (any) or "in"/"with" (a body, not a place: "a U.S. official in
        Baghdad" is no official of Iraq)."""
        for child in role.children:
            if child.dep_ == "prep" and child.lemma_ in preps:
                for pobj in child.children:
                    who = self.actor(pobj, found) if pobj.dep_ == "pobj" else None
                    if who is not None and (
                        child.lemma_ not in BODY_PREPS or found.actors[who].type in BODIES
                    ):
                        return who
        return None

    @staticmethod
    def listed_body(role: Token, found: DocMentions) -> str | None:
        """ "Gen. Joseph Votel, commander, U.S. Central Command": the body named after the role of a
        name in apposition, as military releases write it."""
        if role.dep_ != "appos":
            return None
        for child in role.children:
            mention = found.at(child) if child.dep_ == "appos" and child.i > role.i else None
            if mention is not None and found.actors[mention.actor_id].type in BODIES:
                return mention.actor_id
        return None

    def organisation(self, role: Token, found: DocMentions) -> str | None:
        # "Israel's supporters in Congress" are in Congress, not its followers
        follower = self.roles.get(role.lemma_.lower()) == "follows"
        body = self.body_after(role, found, ORG_PREPS if follower else ORG_PREPS | BODY_PREPS)
        body = body or self.listed_body(role, found)
        if body is not None:
            return body
        own = found.at(role)
        for child in role.children:
            who = self.own_name(child, found) if child.dep_ in ("poss", "compound", "nmod", "amod") else None
            if own is not None and who == own.actor_id and own.actor_id.startswith("generic:"):
                continue  # "Iran-backed factions": the phrase's own generic actor is no organisation
            if who is not None:
                symmetric = self.roles.get(role.lemma_.lower()) in SYMMETRIC  # "an Egyptian ally" is Egypt's
                if child.dep_ == "amod" and found.actors[who].type == "state" and not symmetric:
                    continue  # "Iranian commander X" states no command of Iran
                if found.actors[who].type != "person" or self.roles.get(role.lemma_.lower()) == "succeeds":
                    return who
        if role.dep_ == "conj" and role.head.pos_ == "NOUN":  # "the Houthis' chief negotiator and spokesman"
            return self.organisation(role.head, found)
        if role.dep_ in SMALL_CLAUSES:
            return self.antecedent(role, found)
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in role.children):
            return self.whose(role, found)
        return self.name_owner(role, found)

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

    def co_holders(self, role: Token, holder: str, found: DocMentions) -> list[str]:
        """The holder and those conjoined with it as the subject of the copula ("Russia and China
        are allies of Tehran")."""
        copula = self.copula_of(role)
        if role.dep_ == "appos" and role.tag_ == "NNS":  # "KH and Nujaba, both members of the PMF"
            subjects = self.actors(role.head, found, strict=True)
        elif copula is None:
            return [holder]
        else:
            subjects = [a for c in copula.children if c.dep_ == "nsubj" for a in self.actors(c, found)]
        return [
            holder,
            *(a for a in subjects if a != holder and found.actors[a].type == found.actors[holder].type),
        ]

    def named_before_title(self, role: Token, found: DocMentions, kinds: tuple[str, ...]) -> str | None:
        """The first actor of one of ``kinds`` named in the title before the role word
        ("Iranian President", "British Deputy U.N. Ambassador", "China's U.N. ambassador")."""
        for kind in kinds:
            for tok in role.doc[max(role.left_edge.i, role.i - 4) : role.i]:
                mention = found.at(tok)
                if mention is not None and found.actors[mention.actor_id].type == kind:
                    return mention.actor_id
        return None

    def governed_state(self, role: Token, holder: str, found: DocMentions) -> str | None:
        """The state a head of state or government leads: a state named before the title
        ("Iranian President"), else the one the dictionary says the person leads (or whose
        government he leads)."""
        named = self.named_before_title(role, found, ("state",))
        if named is not None:
            return named
        entry = self.dictionary.actors.get(holder)
        for tie in entry.ties if entry is not None else []:
            target = self.dictionary.actors.get(tie.target)
            if tie.tie == "leads" and target is not None and target.type != "state" and target.part_of:
                target = self.dictionary.actors.get(target.part_of)  # "Government of Iran": Iran
            if tie.tie == "leads" and target is not None and target.type == "state":
                found.actors.setdefault(
                    target.id, Actor(target.id, target.name, target.type, target.country, "dictionary")
                )
                return target.id
        return None

    def government_of(self, state: str, found: DocMentions) -> str | None:
        """The state's government, where the document names it ("the current Iraqi government");
        where it names it both as a generic and by its dictionary name, the one it names most."""
        entry = self.dictionary.actors.get(state)
        generic = f"generic:{entry.country.lower()}:gov" if entry is not None and entry.country else None
        named = []
        for actor in found.actors.values():
            known = self.dictionary.actors.get(actor.id)
            if actor.id == generic or (
                known is not None and known.part_of == state and known.name.lower().startswith("government")
            ):
                named.append(actor.id)
        counts = {a: sum(m.actor_id == a for m in found.mentions) for a in named}
        return max(named, key=lambda a: (counts[a], a == generic), default=None)

    def title_role(self, token: Token, title: str) -> str | None:
        """The tie a title states, if any: a role noun, a head of state, an official; a deputy's
        title makes him a member ("Deputy Prime Minister", "deputy commander")."""
        lemma = token.lemma_.lower()
        tie = (
            self.roles.get(title)
            or (self.roles.get(lemma) if token.lower_ != "arms" else None)  # plural "arms" are weapons
            or ("leads" if title in self.head_titles else None)
            or ("member_of" if title in self.official_titles or lemma in self.official_titles else None)
        )
        if tie in ("leads", "commands") and self.deputy(token):
            return "member_of"
        return tie

    def deputy(self, role: Token) -> bool:
        first = role.i - (2 if self.title_of(role) != role.lower_ else 1)
        return first >= 0 and any(
            t.lower_ in self.deputy_words for t in role.doc[max(role.left_edge.i, first - 2) : first + 1]
        )

    def title_organisation(self, token: Token, title: str, holder: str, found: DocMentions) -> str | None:
        """For heads of state and government and officials: what the title places them in."""
        person = found.actors[holder].type == "person"
        official = title in self.official_titles or token.lemma_.lower() in self.official_titles
        if official and title not in self.head_titles:
            # "the U.N. special envoy for Syria": Syria is the mandate, the U.N. the organisation
            # "a senior Hamas official", "a security official of Kataib Hezbollah"
            kinds = ("state", "international_org", "state_agency", "armed_group", "political_party")
            if not person:
                return None
            return self.named_before_title(token, found, kinds) or self.body_after(
                token, found, {"of"} | BODY_PREPS
            )
        org = self.organisation(token, found)
        if org is not None or not person or title not in self.head_titles:
            return org
        if title in self.government_titles:
            agency = self.named_before_title(token, found, ("state_agency",))
            if agency is not None:  # "Kurdistan Regional Government Prime Minister"
                return agency
        state = self.governed_state(token, holder, found)
        if state is not None and title in self.government_titles:
            return self.government_of(state, found) or state
        return state

    def role_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        ties = []
        for token in doc:
            title = self.title_of(token)
            tie = self.title_role(token, title)
            if tie is None or not self.role_word(token, title, found):
                continue
            if tie in SYMMETRIC and self.organisation(token, found) is None:
                ties += self.mutual(token, tie, self.is_former(token), found)
            ties += self.included_holders(token, tie, found)
            ties += self.held_role(token, title, tie, found)
        return ties

    def role_word(self, token: Token, title: str, found: DocMentions) -> bool:
        """Whether a word with a role's name stands for the role here: a noun (or the last word of
        a title: "Hezbollah's secretary-general", where the parser may take "general" for an
        adjective; or an adjective before an owned name: "Turkey's rival Greece"), not under a
        negated or asked copula ("Hamas is not a member of the coalition")."""
        owned = token.pos_ == "ADJ" and self.name_owner(token, found) is not None
        if token.pos_ not in ("NOUN", "PROPN") and title == token.lower_ and not owned:
            return False
        return not self.unasserted_copula(token)

    def held_role(self, token: Token, title: str, tie: str, found: DocMentions) -> list[Tie]:
        """The tie of the role's holder (and those conjoined with it) to the role's organisation."""
        holder = self.holder(token, found)
        if holder is None:
            return []
        if token.lemma_.lower() in self.body_roles and found.actors[holder].type == "person":
            return []  # "Badr of Hadi al-Amiri, the political wing of X": a list, not a person's wing
        org = self.title_organisation(token, title, holder, found) or self.department(token, tie, found)
        held = self.held_as(token, tie, org, found) if org is not None else None
        if held is None:
            return []
        copula = self.copula_of(token)
        # "Muhandis, who was deputy head of the PMF": a role said in the past has ended
        person = found.actors[holder].type == "person"
        former = self.is_former(token) or person and copula is not None and copula.tag_ == "VBD"
        rule = f"role:{token.lemma_.lower()}"
        made = [
            self.make(token.doc, found, held, who, org, token, rule, former, 0.8)
            for who in self.co_holders(token, holder, found)
        ]
        return [t for t in made if t is not None]

    def held_as(self, role: Token, tie: str, org: str, found: DocMentions) -> str | None:
        """The tie a role holds toward its organisation, once the organisation is known: a
        commander "in" a body is one of its members; a department head's title said of a state
        ("Britain's foreign secretary", "Israel's army chief") or a title with a part of its own
        ("Hezbollah's head of foreign relations") makes a member of it (of no person: "Zelenskyy's
        chief of staff")."""
        if tie not in ("leads", "commands"):
            return tie
        if found.actors[org].type == "civilians":
            return None  # "director of the women's rights division" leads no women
        if org == self.body_after(role, found, BODY_PREPS):
            return "member_of"  # "a commander in Hezbollah" is one of its members, not its head
        department = role.lemma_.lower() in self.department_titles and found.actors[org].type == "state"
        if department or self.own_part(role, found):
            return None if found.actors[org].type == "person" else "member_of"
        return tie

    def own_part(self, role: Token, found: DocMentions) -> bool:
        """ "chief of staff", "head of foreign relations": an "of" that names a part, not a body."""
        return any(
            g.pos_ == "NOUN" and self.actor(g, found) is None and not self.included(g, found)
            for p in role.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        )

    def department(self, role: Token, tie: str, found: DocMentions) -> str | None:
        """ "Secretary of Defense Lloyd Austin", "Treasury Secretary X": the department the title
        names, where the dictionary knows it by a department's name and the document names it."""
        words = [g for p in role.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        words += [c for c in role.children if c.dep_ == "compound" and c.i < role.i]
        if tie != "leads":
            return None
        for word in (w for w in words if found.at(w) is None and w.pos_ == "PROPN"):
            for form in DEPARTMENT_FORMS:
                ids = self.dictionary.lookup(form.format(word.text))
                if len(ids) == 1 and ids[0] in found.actors:
                    return ids[0]
        return None

    def whose(self, role: Token, found: DocMentions) -> str | None:
        """ "Hezbollah, whose leader Hassan Nasrallah was killed": the name the clause hangs on."""
        clause = role
        for _ in range(4):
            if clause.dep_ == "relcl":
                return self.referent(clause.head, found)
            clause = clause.head
        # the parser missed the clause: the name just before "whose"
        whose = next(c for c in role.children if c.lower_ == "whose")
        before = role.doc[whose.i - 1] if whose.i > 0 else whose
        before = role.doc[before.i - 1] if before.text == "," and before.i > 0 else before
        mention = found.at(before)
        return mention.actor_id if mention is not None else None

    def antecedent(self, role: Token, found: DocMentions) -> str | None:
        """Whose role it is when "its"/"their" owns it: the name the phrase is conjoined with
        ("Iran and its allies", "Iran and some of its allies"), or the subject of the verb whose
        small clause it ends ("Iran considers Hezbollah its closest partner")."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in role.children):
            return None
        phrase = role
        if role.dep_ == "pobj" and role.head.lower_ == "of" and role.head.head.pos_ in ("PRON", "NUM", "DET"):
            phrase = role.head.head  # "some of its allies"
        if phrase.dep_ == "conj":
            return self.referent(phrase.head, found)
        if phrase.dep_ in SMALL_CLAUSES:
            verb = phrase.head
            return next(
                (a for c in verb.children if c.dep_ == "nsubj" for a in self.subject_actors(c, found)), None
            )
        return None

    def included_holders(self, role: Token, tie: str, found: DocMentions) -> list[Tie]:
        """ "Iran and its allies, including Hezbollah and the Houthis": each one included holds the
        role toward the owner."""
        members = [a for a in self.included(role, found) if found.actors[a].type in MEMBER_TYPES]
        owner = (self.organisation(role, found) or self.antecedent(role, found)) if members else None
        rule = f"role:{role.lemma_.lower()}:including"
        made = [
            self.make(role.doc, found, tie, m, owner, role, rule, self.is_former(role), 0.7) for m in members
        ]
        return [t for t in made if t is not None]

    def mutual(self, role: Token, tie: str, former: bool, found: DocMentions) -> list[Tie]:
        """ "Israel and Hezbollah, longtime foes", "Iran and Russia are allies": the tie holds
        between the names the plural role describes."""
        copula = self.copula_of(role)
        if any(c.dep_ == "poss" for c in role.children):
            return []  # "Iran and its allies": the allies are Iran's, not Iran
        if role.dep_ == "appos" or role.dep_ == "conj" and found.at(role.head) is not None:
            # "Israel and Iran, arch-foes": the parser may hang the plural on the list as one more item
            items = [role.head, *(c for c in role.head.children if c.dep_ == "conj" and c is not role)]
            names = list(dict.fromkeys(m.actor_id for m in map(found.at, items) if m is not None))
        elif copula is not None:
            names = [
                a for c in copula.children if c.dep_ == "nsubj" for a in self.actors(c, found, strict=True)
            ]
        else:
            return []
        rule = f"role:{role.lemma_.lower()}"
        made = [
            self.make(role.doc, found, tie, a, b, role, rule, former, 0.7)
            for n, a in enumerate(names)
            for b in names[n + 1 :]
        ]
        return [t for t in made if t is not None]

    # -- governments named after their leader ---------------------------------------------------
    def administration_ties(self, doc: Doc, found: DocMentions) -> list[Tie]:
        """ "the Trump administration", "Netanyahu's government", "the Assad regime": the person
        the government is named after leads it."""
        ties: list[Tie] = []
        for noun in doc:
            government = found.at(noun)
            if government is None or noun.lemma_.lower() not in self.administration_nouns:
                continue
            if found.actors[government.actor_id].type == "person":
                continue
            for child in (c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"):
                if not self.names_government(government, child, found):
                    continue
                leader = self.person_named(child, found)
                made = self.make(
                    doc,
                    found,
                    "leads",
                    leader,
                    government.actor_id,
                    noun,
                    "phrase:administration",
                    False,
                    0.65,
                )
                if made:
                    ties.append(made)
        return ties

    @staticmethod
    def names_government(government: Mention, leader: Token, found: DocMentions) -> bool:
        """Whether the phrase's mention is the government named after the leader: one mention of
        the whole phrase ("the Trump administration"), or a generic government ("Netanyahu's
        government"), not a body the bare noun was taken to refer back to."""
        return government.start <= leader.idx or government.actor_id.startswith("generic:")

    def person_named(self, token: Token, found: DocMentions) -> str | None:
        """The person a name word stands for: its own mention, or the one person the dictionary
        knows by it (inside "the Trump administration" the name is no mention of its own)."""
        mention = found.at(token)
        if mention is not None and mention.actor_id != (found.at(token.head) or mention).actor_id:
            return mention.actor_id if found.actors[mention.actor_id].type == "person" else None
        ids = self.dictionary.lookup(token.text)
        entry = self.dictionary.actors.get(ids[0]) if len(ids) == 1 else None
        if entry is None or entry.type != "person":
            return None
        found.actors.setdefault(
            entry.id, Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
        )
        return entry.id
