"""The pay kinds compiled without pydantic: the validated specs (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import LawBuild, Plain, RuleBuild
from postlint.kinds.pay.check import Limit, PayPeriodCheck, PayRangeCheck, PayWidthCheck


class PayLawBuild(LawBuild):
    """A pay-range law (the fields are `PayLawSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {**LawBuild.FIELDS, "accepts": ("range", "single")}


class WidthLawBuild(LawBuild):
    """A pay-width law (the fields are `WidthLawSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **LawBuild.FIELDS,
        "max_width": None,
        "max_ratio": None,
        "currency": None,
        "period": "year",
        "exempt_above": None,
    }
    FLOATS: ClassVar[frozenset[str]] = frozenset({"max_width", "max_ratio", "exempt_above"})


class PayRangeBuild(RuleBuild):
    """What a `pay-range` rule compiles to (the fields are `PayRangeSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "suggestion": "Pay range: {currency}[minimum] – {currency}[maximum] per {period}",
        "currency_symbols": {},
        "insert_at": "after-location",
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {**RuleBuild.NESTED, "laws": PayLawBuild}
    if TYPE_CHECKING:
        suggestion: str
        currency_symbols: dict[str, str]
        insert_at: Any

    def compile(self) -> PayRangeCheck:
        try:
            self.suggestion.format(currency="$", period="year")
        except (KeyError, IndexError, ValueError) as exc:
            raise ValueError(f"suggestion may use only {{currency}} and {{period}}: {exc}") from None
        return PayRangeCheck(self.suggestion, tuple(self.currency_symbols.items()), self.insert_at)


class PayWidthBuild(RuleBuild):
    """What a `pay-width` rule compiles to (the fields are `PayWidthSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "max_width": None,
        "max_ratio": None,
        "currency": None,
        "period": "year",
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {**RuleBuild.NESTED, "laws": WidthLawBuild}
    FLOATS: ClassVar[frozenset[str]] = frozenset({"max_width", "max_ratio"})
    if TYPE_CHECKING:
        max_width: float | None
        max_ratio: float | None
        currency: str | None
        period: Any

    def compile(self) -> PayWidthCheck:
        limits: tuple[Limit, ...] = ()
        if self.max_width or self.max_ratio:
            limits = (Limit(self.max_width, self.max_ratio, self.currency, self.period, None, "policy"),)
        if not limits and not self.laws:
            raise ValueError("a pay-width rule needs 'laws' with caps, or 'max_width' / 'max_ratio'")
        return PayWidthCheck(limits)


class PayPeriodBuild(RuleBuild):
    """What a `pay-period` rule compiles to (it has only the common fields)."""

    def compile(self) -> PayPeriodCheck:
        return PayPeriodCheck()
