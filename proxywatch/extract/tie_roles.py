"""Ties stated by titles and role nouns.

"X, leader of Y" / "Y's leader X" / "X is the spokesman for Y" / "X, Soleimani's replacement as
commander of the Quds Force" / "militia commander X"; heads of state and government ("Iranian
President Masoud Pezeshkian" leads Iran, "Iraqi Prime Minister al-Kadhimi" leads the Government
of Iraq where the text names it); officials ("Iranian Deputy Foreign Minister X" is a member of
Iran; a deputy of a leader is a member, not the leader).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.records import Actor, Tie
from proxywatch.extract.tie_base import TieBase

ORG_PREPS = {"of", "for"}
APPOSITION_MARKS = {",", "—", "–", "-", "--"}
SYMMETRIC = {"allied_with", "hostile_to"}  # roles held by groups as well as people
# who may hold a role by being "included" in its phrase ("its allies, including Hezbollah")
MEMBER_TYPES = {"state", "state_agency", "armed_group", "political_party", "person", "international_org"}


class RoleTies(TieBase):
    """Role nouns and titles: who holds the role, and of what."""

    def holder(self, role: Token, found: DocMentions) -> str | None:
        """Who holds the role: the name it is in apposition with, or the subject of a copula."""
        named = role
        while named.dep_ == "compound" and found.at(named.head) is None and named.head is not named:
            named = named.head  # "Supreme Leader Ayatollah Ali Khamenei": past the honorific
        if named.dep_ in ("appos", "compound") and found.at(named.head) is not None:
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
            if verb.pos_ == "VERB":  # "chose X as Iraq's President", "named X as Prime Minister"
                people = [
                    a for c in verb.children if c.dep_ in ("dobj", "obj") for a in self.actors(c, found)
                ]
                return next((a for a in people if found.actors[a].type == "person"), None)
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

    def organisation(self, role: Token, found: DocMentions) -> str | None:
        for child in role.children:
            if child.dep_ == "prep" and child.lemma_ in ORG_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self.actor(pobj, found) is not None:
                        return self.actor(pobj, found)
        own = found.at(role)
        for child in role.children:
            who = self.own_name(child, found) if child.dep_ in ("poss", "compound", "nmod", "amod") else None
            if own is not None and who == own.actor_id and own.actor_id.startswith("generic:"):
                continue  # "Iran-backed factions": the phrase's own generic actor is no organisation
            if who is not None:
                if child.dep_ == "amod" and found.actors[who].type == "state":
                    continue  # "Iranian commander X" states no command of Iran
                if found.actors[who].type != "person" or self.roles.get(role.lemma_.lower()) == "succeeds":
                    return who
        if role.dep_ == "conj" and role.head.pos_ == "NOUN":  # "the Houthis' chief negotiator and spokesman"
            return self.organisation(role.head, found)
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

    def co_holders(self, role: Token, holder: str, found: DocMentions) -> list[str]:
        """The holder and those conjoined with it as the subject of the copula ("Russia and China
        are allies of Tehran")."""
        copula = self.copula_of(role)
        if copula is None:
            return [holder]
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
        """The state's government, where the document names it ("the current Iraqi government")."""
        entry = self.dictionary.actors.get(state)
        generic = f"generic:{entry.country.lower()}:gov" if entry is not None and entry.country else None
        for actor in found.actors.values():
            if actor.id == generic:
                return actor.id
            known = self.dictionary.actors.get(actor.id)
            if known is not None and known.part_of == state and known.name.lower().startswith("government"):
                return actor.id
        return None

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
            kinds = ("state", "international_org", "state_agency")
            return self.named_before_title(token, found, kinds) if person else None
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
            # "Hezbollah's secretary-general": the parser may take "general" for an adjective
            if tie is None or token.pos_ not in ("NOUN", "PROPN") and title == token.lower_:
                continue
            if tie in SYMMETRIC and self.organisation(token, found) is None:
                ties += self.mutual(token, tie, self.is_former(token), found)
            ties += self.included_holders(token, tie, found)
            holder = self.holder(token, found)
            if holder is None:
                continue
            if token.lemma_.lower() in self.body_roles and found.actors[holder].type == "person":
                continue  # "Badr of Hadi al-Amiri, the political wing of X": a list, not a person's wing
            org = self.title_organisation(token, title, holder, found)
            copula = self.copula_of(token)
            # "Muhandis, who was deputy head of the PMF": a role said in the past has ended
            person = found.actors[holder].type == "person"
            former = self.is_former(token) or person and copula is not None and copula.tag_ == "VBD"
            rule = f"role:{token.lemma_.lower()}"
            for who in self.co_holders(token, holder, found):
                made = self.make(doc, found, tie, who, org, token, rule, former, 0.8)
                if made:
                    ties.append(made)
        return ties

    def antecedent(self, role: Token, found: DocMentions) -> str | None:
        """Whose role it is when "its"/"their" owns it: the name the phrase is conjoined with
        ("Iran and its allies")."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in role.children):
            return None
        return self.referent(role.head, found) if role.dep_ == "conj" else None

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
