"""What the configuration says about the employer, and which laws that lets off.

A posting rarely says how many people its employer has or whether it is a federal
contractor, yet the laws turn on it: New York's pay-range law binds employers of
four or more, Delaware's of 26 or more. The `employer:` config key states these
facts once for a repository of postings. A fact left out is unknown, and an unknown
fact never lets a law off: the rule applies as before, and its message says which
threshold it assumed the employer meets.

A national government's own hiring is not bound by regional law; the posting often
says so itself (`postlint.facts.employer`), and `government: federal` says it for
all of a repository's postings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from postlint.laws import Law, within

GOVERNMENTS = ("federal", "state", "local", "none")


@dataclass(frozen=True, slots=True)
class EmployerProfile:
    """The employer's facts from the config: None (or empty) wherever the config is silent."""

    employees: int | None = None
    employees_in: Mapping[str, int] = field(default_factory=dict)  # jurisdiction id -> employees there
    federal_contractor: bool | None = None
    government: str | None = None  # one of GOVERNMENTS

    def count_for(self, law: Law) -> int | None:
        """The employees that count for this law, or None when the config does not say."""
        if law.counted == "in-jurisdiction":
            # The most specific area the config counts that contains the law's jurisdiction, or lies within it.
            inside = [(area, n) for area, n in self.employees_in.items() if within(law.jurisdiction, area)]
            if inside:
                return max(inside, key=lambda item: len(item[0]))[1]
            below = [n for area, n in self.employees_in.items() if within(area, law.jurisdiction)]
            if below:
                return sum(below)
            if self.employees is not None and self.employees < (law.employees or 0):
                return self.employees  # fewer in all than the threshold: fewer there too
            return None
        return self.employees

    def below_threshold(self, law: Law) -> bool:
        """True when the config's facts show the employer is too small for the law."""
        if not law.employees:
            return False
        count = self.count_for(law)
        return count is not None and count < law.employees

    def assumed(self, law: Law) -> bool:
        """True when the law has a threshold the config says nothing about: the rule assumes it is met."""
        return bool(law.employees) and self.count_for(law) is None

    @property
    def national_government(self) -> bool:
        return self.government == "federal"


def regional(law: Law) -> bool:
    """Whether a law is below the national level (a state's, province's or city's), which a national
    government's own hiring is not bound by."""
    from postlint.facts.gazetteer import country_of

    return law.jurisdiction != country_of(law.jurisdiction) and law.jurisdiction != "EU"


def binding_laws(laws: tuple[Law, ...], profile: EmployerProfile | None) -> tuple[Law, ...]:
    """The laws that bind this employer: small employers and national governments are let off some."""
    if profile is None:
        return laws
    kept = tuple(law for law in laws if not profile.below_threshold(law))
    if profile.national_government:
        kept = tuple(law for law in kept if not regional(law))
    return kept


def assumed_thresholds(laws: tuple[Law, ...], profile: EmployerProfile | None) -> str:
    """A note for a message that rests on an employer size the config does not give, else ''.

    When any of the laws binds whatever the size (no threshold, or a count the config
    gives that meets it), the finding stands anyway and no note is needed.
    """
    profile = profile or EmployerProfile()
    if not laws or not all(profile.assumed(law) for law in laws):
        return ""
    smallest = min(law.employees or 0 for law in laws)
    return f" (assumes an employer of {smallest}+ employees; state `employer: {{employees: N}}` in the config)"


def parse_employer(data: Mapping[str, object]) -> EmployerProfile:
    """An EmployerProfile from the validated config mapping."""
    employees = data.get("employees")
    within_map = data.get("employees_in") or {}
    contractor = data.get("federal_contractor")
    government = data.get("government")
    return EmployerProfile(
        employees=int(employees) if isinstance(employees, int) else None,
        employees_in=dict(within_map) if isinstance(within_map, Mapping) else {},
        federal_contractor=contractor if isinstance(contractor, bool) else None,
        government=government if isinstance(government, str) else None,
    )
