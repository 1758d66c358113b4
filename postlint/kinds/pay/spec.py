"""Pay kinds: `pay-range` (a range where required), `pay-width` (range caps), `pay-period` (a stated period).

Each law in a pay rule says what it accepts, so a new jurisdiction is a YAML
entry: `accepts: [range, single]` where a fixed figure is allowed, `[range,
from]` where a minimum is what the law asks (Austria), `[range]` where a
minimum and a maximum are both required.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.pay.build import PayLawBuild, PayPeriodBuild, PayRangeBuild, PayWidthBuild, WidthLawBuild
from postlint.kinds.spec_base import LawSpec, RuleSpec

PayKind = Literal["range", "single", "from", "up-to", "commission", "commission-only"]


class PayLawSpec(PayLawBuild, LawSpec):
    accepts: tuple[PayKind, ...] = Field(
        ("range", "single"),
        description="What satisfies the law: a range, a single fixed figure, a minimum ('from'), a maximum "
        "('up-to'), saying the job is paid on commission in whole or in part ('commission', Vermont, Delaware) "
        "or on commission alone ('commission-only', Maine).",
    )


class PayRangeSpec(PayRangeBuild, RuleSpec):
    """Fire when a posting gives no pay, only a vague phrase, or less than its laws ask for."""

    kind: Literal["pay-range"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "problem", "laws"})

    laws: tuple[PayLawSpec, ...] = ()
    suggestion: str = Field(
        "Pay range: {currency}[minimum] – {currency}[maximum] per {period}",
        description="The line to add; {currency} is the posting's currency symbol, {period} the period used.",
    )
    currency_symbols: dict[str, str] = Field(
        {}, description="Jurisdiction id -> currency symbol for the suggestion (the most specific area wins)."
    )
    insert_at: Literal["end", "after-location", "after-pay"] = "after-location"

    def fix_safety(self) -> str:
        """What `postlint explain` says about the fixes, which depend on what the posting lacks."""
        return (
            "No pay: an unsafe fix adds a pay line to fill in, after the location line "
            "(`postlint fix --unsafe-fixes`); a vague phrase: an unsafe fix replaces it with a range to fill in; "
            "a single figure or open bound: a suggestion only."
        )


class WidthLawSpec(WidthLawBuild, LawSpec):
    max_width: float | None = Field(None, gt=0, description="Largest allowed maximum minus minimum.")
    max_ratio: float | None = Field(None, gt=0, description="Largest allowed width as a share of the minimum.")
    currency: str | None = Field(None, description="ISO code the cap is written in; other currencies are not checked.")
    period: Literal["hour", "day", "week", "month", "year"] | None = "year"
    exempt_above: float | None = Field(None, gt=0, description="No cap when the maximum is above this.")


class PayWidthSpec(PayWidthBuild, RuleSpec):
    """Fire when a pay range is wider than a law (or the pack's own policy) allows."""

    kind: Literal["pay-width"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "width", "limit", "laws"})

    laws: tuple[WidthLawSpec, ...] = ()
    max_width: float | None = Field(None, gt=0, description="A policy cap used where no law applies.")
    max_ratio: float | None = Field(None, gt=0, description="A policy cap as a share of the minimum.")
    currency: str | None = None
    period: Literal["hour", "day", "week", "month", "year"] | None = "year"


class PayPeriodSpec(PayPeriodBuild, RuleSpec):
    """Fire when an amount is given without saying per hour, month or year."""

    kind: Literal["pay-period"]

    def fix_safety(self) -> str:
        """What `postlint explain` says about the fix."""
        return "The fix adds a period guessed from the amount and is shown, never applied."
