"""Requests for an end to armed action: "Hamas demanded an end to Israeli attacks on Gaza",
"Qatar called for an end to the Israeli siege of Gaza". The request is addressed to whoever
carries the action out (its author) and protects whom it is aimed at; it prohibits the action.

A mixin of :class:`proxywatch.extract.events.EventCoder`, over the argument reader.
"""

from __future__ import annotations

from proxywatch.extract.arguments import MATERIAL_CONFLICT, ArgumentReader, Found
from proxywatch.extract.mentions import DocMentions
from proxywatch.extract.syntax import Trigger


class EndReader(ArgumentReader):
    """The armed action a nominal end or halt names, and what a request for it asks."""

    def ended_event(self, trig: Trigger) -> Trigger | None:
        """The armed action a nominal end or halt names ("an end to Israeli attacks", "a halt to
        the occupation of X"), if it names one."""
        if trig.pos != "noun" or trig.type != "RETREAT":
            return None
        for obj in self.prep_objects(trig.token, ["to", "of"]):
            entry = self.noun_entry(obj)
            if entry is not None and entry.type in MATERIAL_CONFLICT:
                return Trigger(obj, entry.type, entry.mode, entry.target_preps, "noun", entry.lemma)
        return None

    def end_asked(self, ended: Trigger, found: DocMentions) -> tuple[dict[str, str], Found]:
        """What a request for an end to an armed action prohibits, whom it protects (the
        action's target) and whom it addresses (the action's author)."""
        protected = self.noun_target(ended, found)
        directive = {"prohibits": ended.type, "protected": protected[0][0]} if protected else {}
        return directive, self.noun_source(ended, found)[0]
