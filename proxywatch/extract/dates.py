"""Resolve date expressions ("On Thursday", "January 2020", "last year", "in 2014") against the
publication date, keeping their precision."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from dateparser.date import DateDataParser

_PARSER = DateDataParser(
    languages=["en"],
    settings={"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False},
)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_LEAD = re.compile(r"^(on|in|since|during|by|from|until|early|late|mid|the)\s+", re.I)
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_PRECISION = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}


_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _weekday_only(text: str, published: date | None) -> date | None:
    """A bare weekday ("Saturday", "last Saturday") is the most recent such day on or before
    publication: the publication day itself when it is that weekday (news says "on Saturday"
    of the day it reports), a week earlier only with "last".

    >>> _weekday_only("Saturday", date(2023, 6, 10)), _weekday_only("last Saturday", date(2023, 6, 10))
    (datetime.date(2023, 6, 10), datetime.date(2023, 6, 3))
    """
    words = text.lower().split()
    if published is None or not words or words[-1] not in _WEEKDAYS or len(words) > 2:
        return None
    if len(words) == 2 and words[0] != "last":
        return None
    back = (published.weekday() - _WEEKDAYS.index(words[-1])) % 7
    if back == 0 and words[0] == "last":
        back = 7
    return date.fromordinal(published.toordinal() - back)


def resolve_date(text: str, published: date | None) -> tuple[date | None, str]:
    """The date an expression names and its precision (day, week, month, year or none).

    Relative expressions need ``published``; without it they resolve to nothing.

    >>> resolve_date("On Thursday", date(2023, 6, 10))
    (datetime.date(2023, 6, 8), 'day')
    >>> resolve_date("on Saturday", date(2023, 6, 10))  # the publication day is a Saturday
    (datetime.date(2023, 6, 10), 'day')
    >>> resolve_date("January 2020", None)
    (datetime.date(2020, 1, 1), 'month')
    >>> resolve_date("last year", date(2022, 5, 1))
    (datetime.date(2021, 1, 1), 'year')
    """
    cleaned = text.strip()
    while True:
        shorter = _LEAD.sub("", cleaned)
        if shorter == cleaned:
            break
        cleaned = shorter
    weekday = _weekday_only(cleaned, published)
    if weekday is not None:
        return weekday, "day"
    absolute = bool(_YEAR.search(cleaned))
    if not absolute and published is None:
        return None, "none"
    settings = {}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime.combine(published, time(12))
    parser = (
        _PARSER
        if not settings
        else DateDataParser(
            languages=["en"],
            settings={
                "PREFER_DATES_FROM": "past",
                "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False,
                **settings,
            },
        )
    )
    try:
        data = parser.get_date_data(cleaned)
    except (ValueError, OverflowError):
        return None, "none"
    if data.date_obj is None:
        if _YEAR.fullmatch(cleaned):
            return date(int(cleaned), 1, 1), "year"
        return None, "none"
    when = data.date_obj.date()
    precision = _PRECISION.get(data.period or "day", "day")
    if _WEEKDAY.search(cleaned):
        precision = "day"
    if precision == "year":
        when = date(when.year, 1, 1)
    elif precision == "month":
        when = when.replace(day=1)
    if published is not None and when > published and not absolute:
        return None, "none"  # a relative date that lands after publication is a misreading
    return when, precision
