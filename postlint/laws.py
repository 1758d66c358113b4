"""Laws a rule encodes: where and when each is in force, and what it asks of a posting.

A rule with `laws` runs where at least one of them covers the posting's
jurisdictions on the day of the run, at the rule's severity; elsewhere it runs at
its `elsewhere` severity, or not at all. The laws are data in the pack, so a new
jurisdiction is a YAML edit, never a code change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


def within(jurisdiction: str, area: str) -> bool:
    """True if `jurisdiction` is `area` or inside it (US-NY-NYC is within US-NY and US)."""
    return jurisdiction == area or jurisdiction.startswith(area + "-")


@dataclass(frozen=True, slots=True)
class Law:
    """One law, compiled from a pack: no pydantic, so cached packs load without it."""

    jurisdiction: str
    name: str
    citation: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    url: str | None = None
    note: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)  # what the rule's kind reads (e.g. `accepts`)

    def in_force(self, today: dt.date) -> bool:
        return (self.since is None or self.since <= today) and (self.until is None or today < self.until)

    def covers(self, jurisdictions: Iterable[str]) -> bool:
        return any(within(j, self.jurisdiction) for j in jurisdictions)

    @property
    def title(self) -> str:
        """'Colorado Equal Pay for Equal Work Act (C.R.S. § 8-5-201)' for messages."""
        return f"{self.name} ({self.citation})" if self.citation else self.name


def active_laws(laws: Iterable[Law], jurisdictions: Iterable[str], today: dt.date) -> tuple[Law, ...]:
    """The laws in force on `today` that cover any of the posting's jurisdictions."""
    wanted = tuple(jurisdictions)
    return tuple(law for law in laws if law.in_force(today) and law.covers(wanted))


def for_area(
    by_area: Iterable[tuple[str, str]], jurisdictions: Iterable[str], default: str | None = None
) -> str | None:
    """The value for the most specific area the posting is in (CA-ON over CA), else `default`.

    Suggestions worded per country and currency symbols per country are both chosen this way.
    """
    wanted = tuple(jurisdictions)
    best: tuple[int, str] | None = None
    for area, value in by_area:
        if any(within(j, area) for j in wanted) and (best is None or len(area) > best[0]):
            best = (len(area), value)
    return best[1] if best else default


def describe_laws(laws: Iterable[Law]) -> str:
    """One phrase naming the laws, for a message: 'A (x); B (y)'."""
    titles: list[str] = []
    for law in laws:
        if law.title not in titles:
            titles.append(law.title)
    return "; ".join(titles)
