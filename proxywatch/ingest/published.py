"""Parse publication dates from metadata strings and wire-style datelines."""

from __future__ import annotations

import re
import time
from datetime import date, datetime

import dateparser

# "BAGHDAD, January 5, 2020 — " or "TEHRAN, Iran, 5 Jan 2020 (Wire) -- "
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?),\s+"
    r"(?P<date>[A-Za-z0-9 ,.]{6,40}?)\s*(?:\([^)]{0,60}\)\s*)?[—–-]{1,2}\s",
)


def parse_date(value: str | None) -> date | None:
    """A date from an ISO string, an RFC 822 string or free text; None when it cannot be read.

    >>> parse_date("2020-01-05T08:00:00Z")
    datetime.date(2020, 1, 5)
    >>> parse_date("Sun, 05 Jan 2020 08:00:00 GMT")
    datetime.date(2020, 1, 5)
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    parsed = dateparser.parse(
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    )
    return parsed.date() if parsed else None


def struct_to_date(value: time.struct_time | None) -> date | None:
    """A date from feedparser's parsed time tuple."""
    if value is None:
        return None
    return date(value.tm_year, value.tm_mon, value.tm_mday)


def parse_dateline(text: str) -> tuple[str, date] | None:
    """The (place, date) of a wire dateline opening ``text``, if there is one.

    >>> parse_dateline("BAGHDAD, January 5, 2020 — Rockets struck ...")
    ('BAGHDAD', datetime.date(2020, 1, 5))
    """
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    when = parse_date(match.group("date"))
    if when is None or not re.search(r"\d{4}", match.group("date")):
        return None
    return match.group("place").strip(), when
