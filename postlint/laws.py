"""Laws a rule encodes: where and when each is in force, and what it asks of a posting.

A rule with `laws` runs where at least one of them covers the posting's
jurisdictions on the day of the run, at the rule's severity; elsewhere it runs at
its `elsewhere` severity, or not at all. The laws are data in the pack, so a new
jurisdiction is a YAML edit, never a code change.

Each law also says how sure its data is (`status`, `confidence`, the date it was
`verified` against its `sources`), when penalties start (`enforced`), and whom it
binds (`threshold`: employees, counted everywhere or only in the jurisdiction). A
law that is only `proposed` or on the `watch` list never makes a finding: it is
there so `postlint laws` can show what is coming.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# Statuses a law can have. Only the first three ever apply to a posting.
STATUSES = ("in-force", "enacted", "enforcement-delayed", "proposed", "watch")
BINDING = frozenset(STATUSES[:3])


def within(jurisdiction: str, area: str) -> bool:
    """True if `jurisdiction` is `area` or inside it (US-NY-NYC is within US-NY and US)."""
    return jurisdiction == area or jurisdiction.startswith(area + "-")


@lru_cache(maxsize=1024)
def enclosing(jurisdictions: frozenset[str]) -> frozenset[str]:
    """Each jurisdiction and every area it lies within: US-CA-SF gives US, US-CA and US-CA-SF.

    `within(j, area)` for any j is then one set lookup. Every rule with laws or a `when` on
    jurisdictions asks on every posting, and postings share a few sets, hence the cache.
    """
    return frozenset(j[:i] for j in jurisdictions for i in range(1, len(j) + 1) if i == len(j) or j[i] == "-")


def any_within(areas: Iterable[str], jurisdictions: frozenset[str]) -> bool:
    """Whether one of the jurisdictions is one of the areas or lies within it."""
    held = enclosing(jurisdictions)
    return any(area in held for area in areas)


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
    status: str = "in-force"  # one of STATUSES
    enforced: dt.date | None = None  # when penalties start, if later than `since`
    employees: int | None = None  # the smallest employer it binds
    counted: str = "total"  # where the employees are counted: "total" or "in-jurisdiction"
    sources: tuple[str, ...] = ()
    confidence: str = "medium"  # high, medium or low: how sure the data is
    verified: dt.date | None = None  # the day the data was last checked against `sources`
    severity: str | None = None  # where the law asks less than the rule (pay due before interview): lower

    def in_force(self, today: dt.date) -> bool:
        """In force on `today`: binding status, and within its dates."""
        if self.status not in BINDING:
            return False
        return (self.since is None or self.since <= today) and (self.until is None or today < self.until)

    def enforced_on(self, today: dt.date) -> bool:
        """Whether penalties apply on `today` (a law may be in effect before it is enforced)."""
        return self.enforced is None or self.enforced <= today

    def state(self, today: dt.date) -> str:
        """The law's standing on `today`, in words: 'in force', 'in force, enforced from 2027-01-01'..."""
        if self.status == "proposed":
            return "proposed"
        if self.status == "watch":
            return "on the watch list"
        if self.until is not None and today >= self.until:
            return "no longer in force"
        if self.since is not None and today < self.since:
            return f"not yet in force (from {self.since.isoformat()})"
        if not self.enforced_on(today):
            return f"in force, enforced from {self.enforced.isoformat()}"  # type: ignore[union-attr]
        return "in force"

    @property
    def urls(self) -> tuple[str, ...]:
        """Every source, the main `url` first."""
        return tuple(dict.fromkeys(([self.url] if self.url else []) + list(self.sources)))

    @property
    def threshold_text(self) -> str:
        """'15+ employees' or '25+ employees in the jurisdiction', or '' when the law binds every employer."""
        if not self.employees:
            return ""
        return f"{self.employees}+ employees" + (" in the jurisdiction" if self.counted == "in-jurisdiction" else "")

    def covers(self, jurisdictions: Iterable[str]) -> bool:
        return any(within(j, self.jurisdiction) for j in jurisdictions)

    @property
    def title(self) -> str:
        """'Colorado Equal Pay for Equal Work Act (C.R.S. § 8-5-201)' for messages."""
        return f"{self.name} ({self.citation})" if self.citation else self.name


def active_laws(laws: Iterable[Law], jurisdictions: Iterable[str], today: dt.date) -> tuple[Law, ...]:
    """The laws in force on `today` that cover any of the posting's jurisdictions."""
    held = enclosing(jurisdictions if isinstance(jurisdictions, frozenset) else frozenset(jurisdictions))
    return tuple(law for law in laws if law.jurisdiction in held and law.in_force(today))


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


def describe_laws(laws: Iterable[Law], today: dt.date | None = None) -> str:
    """One phrase naming the laws, for a message: 'A (x); B (y)', with 'enforced from' where penalties
    have not started on `today`."""
    titles: list[str] = []
    for law in laws:
        title = law.title
        if today is not None and not law.enforced_on(today):
            title += f", enforced from {law.enforced.isoformat()}"  # type: ignore[union-attr]
        if title not in titles:
            titles.append(title)
    return "; ".join(titles)


def law_severity(law: Law, severity: Any, today: dt.date) -> Any:
    """The severity a rule reports at for one law: the law's own where lower (pay owed only before
    interview), and at most a warning before penalties start."""
    from postlint.violation import Severity

    level = min(severity, Severity[law.severity]) if law.severity else severity
    return level if law.enforced_on(today) else min(level, Severity.warning)


def newest_verified(laws: Iterable[Law]) -> dt.date | None:
    """The most recent day any of these laws was checked against its sources: how current the data is."""
    return max((law.verified for law in laws if law.verified is not None), default=None)
