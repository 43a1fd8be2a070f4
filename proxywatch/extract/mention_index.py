"""The mentions of one document and the indexes the resolver reads them through: by token,
by sentence, and people's first and last names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from proxywatch.extract.records import Actor, Mention
from proxywatch.names import normalise_name

BESIDE_RULES = ("facility:",)  # mentions that stand beside those of their tokens, claiming none


def claims_tokens(mention: Mention) -> bool:
    """Whether a mention claims its tokens. A facility of a named owner ("KH bases") does not:
    it is listed beside the owner's mention, and the rules that read the actor at a token
    ("struck KH bases": the target) keep reading the owner through it, as before facilities
    were actors."""
    return not mention.rule.startswith(BESIDE_RULES)


@dataclass
class DocMentions:
    """Mentions of one Doc and the actors they resolve to."""

    mentions: list[Mention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    claimed: dict[int, int] = field(default_factory=dict)  # token index -> mention index
    sentence_of: dict[int, int] = field(default_factory=dict)  # token index -> sentence number
    paragraph_of: dict[int, int] = field(default_factory=dict)  # sentence number -> paragraph number
    person_words: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # name word -> people
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)  # sentence number -> mentions
    paragraph_start: dict[int, int] = field(default_factory=dict)  # paragraph -> its first sentence
    # sector -> the named actor the text calls by that sector ("the PMF militias"), None if several
    defined: dict[str, str | None] = field(default_factory=dict)
    # person -> the state or body their title names ("Pentagon Press Secretary X": the DoD)
    affiliation: dict[str, str] = field(default_factory=dict)
    # tokens of names of texts ("the Foreign Terrorist Organizations Sanctions Regulations"),
    # whose nouns are no collectives
    in_texts: set[int] = field(default_factory=set)

    def add(self, doc: Doc, start: int, end: int, actor: Actor, rule: str, confidence: float) -> None:
        span = doc[start:end]
        self.actors.setdefault(actor.id, actor)
        if actor.type == "person":  # first and last names of people named in full, for "Austin"
            for name in (span.text, actor.name):
                words = normalise_name(name).split()
                if len(words) >= 2:
                    for word in {words[0], words[-1]}:
                        self.person_words.setdefault(word, []).append((span.start_char, actor.id))
        index = len(self.mentions)
        inner = {i: self.claimed[i] for i in range(start, end) if i in self.claimed}
        mention = Mention(
            actor.id,
            span.text,
            span.start_char,
            span.end_char,
            rule,
            confidence,
            self.sentence_of.get(start, 0),
        )
        self.mentions.append(mention)
        self.by_sentence.setdefault(mention.sentence, []).append(mention)
        if not claims_tokens(mention):
            return
        for i in range(start, end):  # a name inside ("Iran" of "Iran-backed militias") keeps its tokens
            self.claimed[i] = inner.get(i, index)

    def reindex(self, doc: Doc) -> None:
        """Sort mentions by position and rebuild the token index; of two mentions that start
        together the longer comes first, so the one nested in it keeps its own tokens."""
        self.mentions.sort(key=lambda m: (m.start, m.start - m.end))
        self.by_sentence = {}
        for mention in self.mentions:
            self.by_sentence.setdefault(mention.sentence, []).append(mention)
        self.claimed = {}
        for index, mention in enumerate(self.mentions):
            if not claims_tokens(mention):
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                for i in range(span.start, span.end):
                    self.claimed[i] = index

    def subset(self, mentions: list[Mention]) -> DocMentions:
        """A view holding only ``mentions`` (for "a person who was a subject first")."""
        view = DocMentions(mentions, self.actors, {}, self.sentence_of, self.paragraph_of)
        for mention in mentions:
            view.by_sentence.setdefault(mention.sentence, []).append(mention)
        return view

    def before(self, position: int, first_sentence: int, last_sentence: int) -> Iterator[Mention]:
        """Mentions that start before ``position`` in the sentences from first to last: the
        window a reference may reach back into (indexed by sentence, so long documents stay
        linear)."""
        for number in range(max(0, first_sentence), last_sentence + 1):
            for mention in self.by_sentence.get(number, ()):
                if mention.start < position:
                    yield mention

    def at(self, token: Token) -> Mention | None:
        """The mention covering ``token``, if any."""
        index = self.claimed.get(token.i)
        return None if index is None else self.mentions[index]

    def free(self, start: int, end: int) -> bool:
        return all(i not in self.claimed for i in range(start, end))
