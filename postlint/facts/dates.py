"""Dates as postings write them: "2024-03-01", "March 1, 2024", "1 mars 2024", "1. März 2024", "3/1/2024".

A date with digits only can be read two ways (3/1/2024 is 1 March in the US and
3 January elsewhere); `DateMention.days` holds every reading that makes a valid
date, so a rule can act only when all readings agree. A date without a year is
not a date here: postings reuse it every year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from postlint.lazy_regex import lazy_regex

_MONTHS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10,
    "dezember": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_DATE = lazy_regex(
    rf"(?P<iso>(?P<iy>{_YEAR})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d))"
    rf"|(?P<num>(?<![\d/.-])(?P<na>\d{{1,2}})[/.-](?P<nb>\d{{1,2}})[/.-](?P<ny>{_YEAR}|\d\d)(?![\d/.-]|\.\d))"
    rf"|(?P<mdy>\b(?P<mm>{_MONTH})\.?\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<my>{_YEAR}))"
    rf"|(?P<dmy>(?P<dd>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?P<dm>{_MONTH})\.?,?\s+(?:de\s+)?(?P<dy>{_YEAR}))"
    rf"|(?P<cjk>(?P<cy>{_YEAR})\s*年\s*(?P<cm>\d{{1,2}})\s*月\s*(?P<cd>\d{{1,2}})\s*日)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in text: every valid reading of it, and where it is."""

    days: tuple[dt.date, ...]
    start: int
    end: int
    text: str


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _readings(m: re.Match[str]) -> tuple[dt.date, ...]:
    if m.group("iso"):
        found = [_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))]
    elif m.group("num"):
        year = int(m.group("ny"))
        year += 2000 if year < 100 else 0
        a, b = int(m.group("na")), int(m.group("nb"))
        found = [_date(year, a, b), _date(year, b, a)]  # month first (US), then day first
    elif m.group("mdy"):
        found = [_date(int(m.group("my")), _MONTHS[m.group("mm").lower()], int(m.group("md")))]
    elif m.group("dmy"):
        found = [_date(int(m.group("dy")), _MONTHS[m.group("dm").lower()], int(m.group("dd")))]
    else:
        found = [_date(int(m.group("cy")), int(m.group("cm")), int(m.group("cd")))]
    return tuple(sorted({d for d in found if d is not None}))


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in text[start:end] with a year, with its readings; offsets are into `text`."""
    found = []
    for m in _DATE.finditer(text, start, len(text) if end is None else end):
        days = _readings(m)
        if days:
            found.append(DateMention(days, m.start(), m.end(), m.group()))
    return found


def as_dates(value: object) -> tuple[dt.date, ...]:
    """The readings of a front-matter value: a YAML date or datetime, or text holding one date."""
    if isinstance(value, dt.datetime):
        return (value.date(),)
    if isinstance(value, dt.date):
        return (value,)
    if isinstance(value, str):
        mentions = find_dates(value)
        return mentions[0].days if mentions else ()
    return ()
