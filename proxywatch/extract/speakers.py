"""Speaker labels of transcripts: "DEPUTY PRESS SECRETARY SABRINA SINGH:", "MS. SINGH:".

A briefing transcript opens each turn with the speaker in capitals and a colon at the start
of a line. The tagger finds no name in capitals, so the label is read here: the words after
the last title are the speaker's name ("Sabrina Singh"), looked up in the dictionary, else the
person named so in the document ("Singh" after "Sabrina Singh"), else a new person when a
title says it is one and the name has two words or more. Labels without a title or a known
name are headings ("SUMMARY:", "FOR FURTHER INFORMATION CONTACT:"), and labels with a title
only are roles ("SENIOR DEFENSE OFFICIAL:"): neither is read as a name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from proxywatch.extract.mention_index import DocMentions
from proxywatch.extract.records import Actor
from proxywatch.extract.roles import load_roles
from proxywatch.ids import slug
from proxywatch.names import normalise_name

MAX_LABEL_TOKENS = 10


def label_spans(doc: Doc) -> list[Span]:
    """The capitalised speaker labels at the start of a line, up to (not including) the colon."""
    labels = []
    for token in doc:
        line_start = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws or doc[token.i - 1].is_space
        if not line_start or token.is_space or not token.text[:1].isupper():
            continue
        end = token.i
        while end < len(doc) and end - token.i <= MAX_LABEL_TOKENS and doc[end].text != ":":
            word = doc[end].text.replace(".", "").replace("'", "")
            if word and not (word.isupper() and word.isalpha()):
                break
            end += 1
        if end < len(doc) and doc[end].text == ":" and end > token.i:
            labels.append(doc[token.i : end])
    return labels


class SpeakerLabels:
    """Reads speaker labels as mentions of people (a pass of the mention finder, which provides
    these attributes and methods)."""

    titles: set[str]

    def speaker_pass(self, doc: Doc, found: DocMentions) -> None:
        for label in label_spans(doc):
            if not found.free(label.start, label.end):
                continue
            words = [normalise_name(t.text) for t in label]
            roles = load_roles().roles
            titled = [i for i, w in enumerate(words) if w in self.titles or w in roles]
            name_words = label[titled[-1] + 1 :] if titled else label
            name = " ".join(t.text.capitalize() for t in name_words)
            if not name:
                continue  # "SENIOR DEFENSE OFFICIAL": a role, not a name
            actor = self.speaker(name, bool(titled), label.start_char, found)
            if actor is not None:
                found.add(doc, label.start, label.end, actor, "speaker-label", 0.8)

    def speaker(self, name: str, titled: bool, before: int, found: DocMentions) -> Actor | None:
        ids = self.lookup_person(name)
        if ids:
            return self.actor(ids[0])
        key = normalise_name(name)
        if len(key.split()) == 1:
            person = self.person_named_before(key, before, found)
            return found.actors[person] if person else None
        if not titled:
            return None  # "FOR FURTHER INFORMATION CONTACT": a heading
        actor = Actor(f"person:{slug(key)}", name, "person", None, "extracted")
        return found.actors.get(actor.id, actor)

    # provided by MentionFinder
    def lookup_person(self, name: str) -> list[str]:
        raise NotImplementedError

    def actor(self, actor_id: str) -> Actor:
        raise NotImplementedError

    @staticmethod
    def person_named_before(word: str, before: int, found: DocMentions) -> str | None:
        raise NotImplementedError
