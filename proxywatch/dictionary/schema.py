"""Pydantic schema of actor dictionary files (see ``dictionary/data/*.yaml`` for examples)."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

_ID = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def period_end(value: str) -> date:
    """The last day a dictionary date (YYYY, YYYY-MM or YYYY-MM-DD) covers.

    >>> period_end("2020"), period_end("2020-02"), period_end("2020-01-03")
    (datetime.date(2020, 12, 31), datetime.date(2020, 2, 29), datetime.date(2020, 1, 3))
    """
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], parts[1], parts[2])


def period_start(value: str) -> date:
    """The first day a dictionary date (YYYY, YYYY-MM or YYYY-MM-DD) covers.

    >>> period_start("2020"), period_start("2020-02")
    (datetime.date(2020, 1, 1), datetime.date(2020, 2, 1))
    """
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], *(parts[1:] + [1, 1])[:2])


class TieEntry(BaseModel):
    """A standing tie from the actor that lists it to ``target``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tie: str
    target: str
    valid: Literal["current", "former"] = "current"
    start: str | None = None
    end: str | None = None
    role: str | None = None  # the office the tie is held as ("president", "foreign minister")

    @field_validator("start", "end")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None and not _DATE.match(str(value)):
            raise ValueError(f"date {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
        return None if value is None else str(value)

    def holds_on(self, day: date | None) -> bool:
        """Whether the tie holds on ``day`` by its dates (a current tie with no dates always
        does; with no day, only a current tie does).

        >>> TieEntry(tie="leads", target="x", start="2018-10-02", end="2022-10-13").holds_on(date(2020, 1, 1))
        True
        >>> TieEntry(tie="leads", target="x", valid="former").holds_on(date(2020, 1, 1))
        False
        """
        if day is None:
            return self.valid == "current"
        if self.start is not None and day < period_start(self.start):
            return False
        if self.end is not None:
            return day <= period_end(self.end)
        return self.valid == "current"


class ActorEntry(BaseModel):
    """One canonical actor."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)
    part_of: str | None = None
    ties: list[TieEntry] = Field(default_factory=list)
    # names found only written with their capitals ("Islamic Jihad Union", never "an islamic
    # jihad union"): for names made of common words, as the converted Phoenix groups are
    match_case: bool = False

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"id {value!r} must be lowercase snake_case ASCII")
        return value


class DictionaryFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    actors: list[ActorEntry]
