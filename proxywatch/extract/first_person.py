"""First person plural: "We commend Germany", "our warning", "attacks on us".

"We" is whoever speaks: inside a quotation, the organisation or state of the speaker the
reporting clause names ("“We will always protect our forces,” said General Michael Kurilla":
Central Command, which he commands); outside quotations, the speaker of the transcript turn
("SABRINA SINGH: ... we"), the official a statement is attributed to ("(Attributable to
Pentagon Press Secretary John Kirby)"), else the body that issued the document (its source,
when the dictionary knows it as a state, agency or international organisation). A person
speaks for the body their title in the text names ("Pentagon Press Secretary"), else for the
one the dictionary says they lead, command, speak for or belong to on the publication date.

The pronouns resolve to that body as mentions with rule ``pronoun:first``: not output (as no
pronoun is), but events and ties can take them as arguments; "our forces" and "our partners"
take its country as their home (``collectives.py``).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from proxywatch.dictionary import ActorDictionary
from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.records import Actor, Mention
from proxywatch.names import normalise_name

FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
REPORTING = {
    "say",
    "tell",
    "add",
    "state",
    "note",
    "write",
    "declare",
    "announce",
    "warn",
    "insist",
    "stress",
    "explain",
    "continue",
    "tweet",
    "post",
    "conclude",
    "affirm",
    "vow",
    "pledge",
}
SPEAKING_TIES = ("spokesperson_of", "leads", "commands", "member_of")
BODY_TYPES = {"state", "state_agency", "international_org", "armed_group", "political_party"}
QUOTES = re.compile(r"“[^”]*”|\"[^\"]*\"")
ATTRIBUTION = re.compile(r"attributable to", re.I)


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the quotations of a text, marks included.

    >>> quotations('He said: “We will act.” Then "we left".')
    [(9, 23), (29, 38)]
    """
    return [(m.start(), m.end()) for m in QUOTES.finditer(text)]


class FirstPerson:
    """Resolves "we", "us" and "our" to the body that speaks (a pass of the mention finder)."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary

    def __call__(self, doc: Doc, found: DocMentions, published: date | None, source: str | None) -> None:
        quotes = quotations(doc.text)
        issuer = self.issuer(doc, found, published, source)
        for token in doc:
            if token.lower_ not in FIRST_PLURAL or token.pos_ != "PRON" or token.i in found.claimed:
                continue
            quote = next(((s, e) for s, e in quotes if s <= token.idx < e), None)
            if quote is not None:
                speaker = self.quoted_speaker(doc, quote, found)
            else:
                speaker = self.turn_speaker(token, found) or issuer
            body = self.body_of(speaker, found, published) if speaker is not None else None
            if body is not None:
                body = self.named_or_state(body, found)
                found.add(doc, token.i, token.i + 1, body, "pronoun:first", 0.6)

    # -- who speaks --------------------------------------------------------------------------
    def quoted_speaker(self, doc: Doc, quote: tuple[int, int], found: DocMentions) -> Actor | None:
        """The subject of the reporting verb outside the quotation, in the sentences where it
        opens or closes ("“...,” Kurilla said", "Austin said: “...”")."""
        start, end = quote
        first = doc.char_span(start, start + 1, alignment_mode="expand")
        last = doc.char_span(end - 1, end, alignment_mode="expand")
        sentences = []
        for span in (last, first):
            if span is not None and span[0].sent not in sentences:
                sentences.append(span[0].sent)
        if last is not None and last[0].sent.end < len(doc):  # "“...” ⏎ Kurilla said." rarely; the next one
            sentences.append(doc[last[0].sent.end].sent)
        for sent in sentences:
            for verb in sent:
                if (
                    verb.lemma_.lower() not in REPORTING
                    or start <= verb.idx < end
                    or verb.pos_ not in ("VERB", "AUX")
                ):
                    continue
                for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                    mention = self.mention_of(subject, found)
                    if mention is not None:
                        return found.actors[mention.actor_id]
        return None

    @staticmethod
    def mention_of(token: Token, found: DocMentions) -> Mention | None:
        """The mention on a subject or, for "General Michael Kurilla", on a word of its phrase."""
        mention = found.at(token)
        if mention is not None:
            return mention
        return next(
            (m for t in token.subtree if (m := found.at(t)) is not None and not m.rule.startswith("pronoun")),
            None,
        )

    @staticmethod
    def turn_speaker(token: Token, found: DocMentions) -> Actor | None:
        """The speaker of the transcript turn a word is in (the last speaker label before it)."""
        labels = [m for m in found.mentions if m.rule == "speaker-label" and m.start < token.idx]
        return found.actors[labels[-1].actor_id] if labels else None

    def issuer(
        self, doc: Doc, found: DocMentions, published: date | None, source: str | None
    ) -> Actor | None:
        """Who a statement is from: the official it is attributed to in its first lines, else
        the body its source names."""
        head = doc.text[:400]
        match = ATTRIBUTION.search(head)
        if match is not None:
            for mention in found.mentions:
                if mention.start > match.end() and found.actors[mention.actor_id].type == "person":
                    return found.actors[mention.actor_id]
        if source:
            name = re.sub(r"\s*\(.*?\)\s*", " ", source).strip()
            ids = self.dictionary.lookup(name) or self.dictionary.by_alias.get(normalise_name(name), [])
            entries = [self.dictionary.actors[i] for i in ids if self.dictionary.actors[i].type in BODY_TYPES]
            if len(entries) == 1:
                entry = entries[0]
                return Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
        return None

    # -- for whom they speak -------------------------------------------------------------------
    def named_or_state(self, body: Actor, found: DocMentions) -> Actor:
        """A government body the text never names speaks as its state ("We commend Germany" in
        a State Department statement: the United States), as CAMEO codes a government."""
        if body.type != "state_agency" or not body.country:
            return body
        if any(m.actor_id == body.id and not m.rule.startswith("pronoun") for m in found.mentions):
            return body
        for entry in self.dictionary.actors.values():
            if entry.type == "state" and entry.country == body.country:
                return found.actors.get(
                    entry.id, Actor(entry.id, entry.name, entry.type, entry.country, "dictionary")
                )
        return body

    def body_of(self, speaker: Actor, found: DocMentions, published: date | None) -> Actor | None:
        if speaker.type != "person":
            return speaker if speaker.type in BODY_TYPES else None
        affiliated = found.affiliation.get(speaker.id)
        if affiliated is not None and affiliated in found.actors:
            return found.actors[affiliated]
        entry = self.dictionary.actors.get(speaker.id)
        if entry is None:
            return None
        for kind in SPEAKING_TIES:
            for tie in entry.ties:
                if tie.tie == kind and tie.holds_on(published) and tie.target in self.dictionary.actors:
                    body = self.dictionary.actors[tie.target]
                    return found.actors.get(
                        body.id, Actor(body.id, body.name, body.type, body.country, "dictionary")
                    )
        return None
