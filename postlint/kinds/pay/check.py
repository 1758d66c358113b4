"""Pay checks: a range where one is required, ranges no wider than the law allows, a stated period.

They read the posting's pay from the shared facts (`ctx.facts.pay`), found once
per posting by the pay parser, and the laws in force from `ctx.laws`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from postlint.document import Document
from postlint.facts.posting import PayFact
from postlint.insertion import anchor, insertion_fix
from postlint.kinds.check_base import Check, Context
from postlint.laws import Law, describe_laws, for_area
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex
from postlint.violation import Edit, Finding, Fix

_LABEL = regex(r"[^:\n]{1,40}:\s*")
AMOUNT_KINDS = frozenset({"range", "single", "from", "up-to"})
DEFAULT_ACCEPTS = ("range", "single")
_PERIOD_WORDS = lazy_regex(
    r"\b(?:per\s+(?:hour|hr|day|week|month|year|annum)|hourly|daily|weekly|bi-?weekly|monthly|annual(?:ly)?|yearly|"
    r"p\.\s?a\.|pa|an\s+hour|a\s+year|a\s+month)\b|/\s?(?:hr|h|hour|yr|year|mo|month|wk|week)\b|"
    r"月薪|年薪|时薪|日薪|薪|brutto|jährlich|monatlich|par\s+an|par\s+mois|al\s+año",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PayRangeCheck(Check):
    """No pay, only a vague phrase, or (where a law asks for a range) a single figure or open bound."""

    reports_absence: ClassVar[bool] = True

    suggestion: str
    symbols: tuple[tuple[str, str], ...]
    insert_at: str = "after-location"

    def _placeholder(self) -> re.Pattern[str]:
        return _template_regex(self.suggestion)

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        facts = ctx.facts
        if facts is None:
            return
        pay = facts.pay
        amounts = [p for p in pay if p.is_amount]
        vague = [p for p in pay if not p.is_amount]
        jurisdictions = tuple(sorted(ctx.jurisdictions))
        symbol = for_area(self.symbols, jurisdictions) or "$"
        period = next((p.period for p in pay if p.period), None) or "year"
        line = self.suggestion.format(currency=symbol, period=period)
        amount_template = line.split(":", 1)[1].strip() if ":" in line else line
        if ctx.laws:
            unmet = [
                law
                for law in ctx.laws
                if not any(p.kind in _accepts(law) for p in amounts) and not _commission_met(law, doc.text)
            ]
            if not unmet:
                return
            laws = describe_laws(unmet, ctx.today)
        elif amounts:
            return
        else:
            laws = ""
        placeholder = self._placeholder().search(doc.text) if _template_literal(self.suggestion) in doc.text else None
        if placeholder and not amounts:
            # The pay line a fix added is still waiting for its figures: report it, offer nothing more.
            problem = f"The pay range is still a placeholder ('{placeholder.group(0)}')"
            yield Finding(
                placeholder.start(),
                placeholder.end(),
                {"match": placeholder.group(0), "problem": problem, "laws": laws},
                suggestion=f"Fill in the figures: {amount_template}",
            )
            return
        if amounts:
            shown = amounts[0]
            kind = {"single": "a single figure", "from": "only a minimum", "up-to": "only a maximum"}.get(
                shown.kind, shown.kind
            )
            problem = f"The pay is {kind} ('{shown.text.strip()}'), not a minimum and a maximum"
            yield Finding(
                shown.start,
                shown.end,
                {"match": shown.text, "problem": problem, "laws": laws},
                suggestion=f"Give the range: {amount_template}",
            )
            return
        if vague:
            shown = vague[0]
            problem = f"The pay is only a vague phrase ('{shown.text.strip()}')"
            fix = None
            if shown.source == "text":
                # "Salary: competitive" keeps its label; "Competitive pay" becomes a labelled pay line.
                label = _LABEL.match(shown.text)
                start = shown.start + (label.end() if label else 0)
                new = amount_template if label else line
                fix = Fix("unsafe", f"Replace with {new!r}", (Edit(start, shown.end, new),))
            yield Finding(
                shown.start,
                shown.end,
                {"match": shown.text, "problem": problem, "laws": laws},
                fix=fix,
                suggestion=line,
            )
            return
        where, fix = insertion_fix(doc, line, anchor(facts, self.insert_at), "Add a pay line")
        yield Finding(where, where, {"match": "", "problem": "No pay in the posting", "laws": laws}, fix, line)


# "Paid entirely on commission", "commission-only role", "100% commission": what Maine lets a posting
# say instead of a range. Commission on top of a base pay is not this.
_COMMISSION_ONLY = lazy_regex(
    r"\b(?:paid|compensated|pay\s+is|compensation\s+is)\s+(?:entirely|solely|only|exclusively|wholly|fully)\s+"
    r"(?:on|by|through|via|in)\s+(?:a\s+)?commissions?\b"
    r"|\bcommission[-\s]only\b|\b(?:100\s?%|straight|pure|all)[-\s]commission\b",
    re.IGNORECASE,
)
# Vermont and Delaware accept, for a job paid on commission "in whole or in part", a statement of that fact.
_COMMISSION_BASIS = lazy_regex(
    r"\b(?:paid|compensated|compensation|pay|earnings?)\b[^.\n]{0,40}?\b(?:on|by|through|via|in|plus|\+)\s+"
    r"(?:a\s+)?commissions?\b|\bcommission[-\s](?:based|basis|only)\b|\bon\s+a\s+commission\s+basis\b"
    r"|\b(?:base\s+(?:salary|pay|wage)\s+)?plus\s+commissions?\b",
    re.IGNORECASE,
)


def commission_only(text: str) -> bool:
    """Whether the posting says the job is paid on commission alone."""
    return "commission" in text.lower() and _COMMISSION_ONLY.search(text) is not None


def commission_basis(text: str) -> bool:
    """Whether the posting says the job is paid on commission, in whole or in part."""
    return "commission" in text.lower() and (commission_only(text) or _COMMISSION_BASIS.search(text) is not None)


def _commission_met(law: Law, text: str) -> bool:
    accepts = _accepts(law)
    return ("commission" in accepts and commission_basis(text)) or (
        "commission-only" in accepts and commission_only(text)
    )


def _template_literal(suggestion: str) -> str:
    """The longest fixed part of the suggestion's amount ("[minimum] – "): every placeholder line holds it, and
    `in` rules out in a few microseconds what the template's search, which may start anywhere, takes far longer
    to."""
    amount = suggestion.split(":", 1)[1].strip() if ":" in suggestion else suggestion
    return max(re.split(r"\{(?:currency|period)\}", amount), key=len)


def _template_regex(suggestion: str) -> re.Pattern[str]:
    """The suggestion's amount with any currency and period: finds a pay line a fix added and nobody filled in."""
    amount = suggestion.split(":", 1)[1].strip() if ":" in suggestion else suggestion
    escaped = re.escape(amount).replace(re.escape("{currency}"), r"[^\s\[\]]{0,4}")
    return re.compile(escaped.replace(re.escape("{period}"), r"\w+"))


def _accepts(law: Law) -> tuple[str, ...]:
    return tuple(law.params.get("accepts") or DEFAULT_ACCEPTS)


@dataclass(frozen=True, slots=True)
class Limit:
    """A cap on a range's width: an amount, a share of the minimum, or both."""

    max_width: float | None = None
    max_ratio: float | None = None
    currency: str | None = None
    period: str | None = "year"
    exempt_above: float | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class PayWidthCheck(Check):
    """A range wider than the law (or the pack's own policy) allows."""

    limits: tuple[Limit, ...]  # the pack's own limits, used where no law applies

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        facts = ctx.facts
        if facts is None:
            return
        limits = [_limit(law) for law in ctx.laws] if ctx.laws else list(self.limits)
        for fact in facts.pay:
            if fact.kind != "range" or fact.minimum is None or fact.maximum is None:
                continue
            for limit in limits:
                broken = _breaks(fact, limit)
                if broken:
                    yield Finding(
                        fact.start,
                        fact.end,
                        {
                            "match": fact.text,
                            "width": _amount(fact.maximum - fact.minimum),
                            "limit": broken,
                            "laws": limit.source,
                        },
                        suggestion=f"Narrow the range to at most {broken}",
                    )
                    break


def _limit(law: Law) -> Limit:
    p: Mapping[str, object] = law.params
    return Limit(
        _float(p.get("max_width")),
        _float(p.get("max_ratio")),
        p.get("currency") if isinstance(p.get("currency"), str) else None,  # type: ignore[arg-type]
        str(p.get("period") or "year"),
        _float(p.get("exempt_above")),
        law.title,
    )


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _breaks(fact: PayFact, limit: Limit) -> str | None:
    """The limit the range breaks, written for the message, or None."""
    assert fact.minimum is not None and fact.maximum is not None
    if limit.currency and fact.currency and fact.currency != limit.currency:
        return None
    period = fact.period or ("year" if fact.minimum >= 10_000 else None)
    if limit.period and period != limit.period:
        return None
    if limit.exempt_above is not None and fact.maximum > limit.exempt_above:
        return None
    width = fact.maximum - fact.minimum
    if limit.max_width is not None and width > limit.max_width:
        return f"{limit.currency or ''} {_amount(limit.max_width)}".strip()
    if limit.max_ratio is not None and width > limit.max_ratio * fact.minimum:
        return f"{limit.max_ratio:.0%} of the minimum ({_amount(limit.max_ratio * fact.minimum)})"
    return None


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@dataclass(frozen=True, slots=True)
class PayPeriodCheck(Check):
    """An amount with no period: '$80,000–$95,000' per what?"""

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        facts = ctx.facts
        if facts is None:
            return
        with_period = [f for f in facts.pay if f.period and f.kind in AMOUNT_KINDS]
        for fact in facts.pay:
            if fact.kind not in AMOUNT_KINDS or fact.period or fact.source != "text":
                continue
            if any(_within(fact, other) for other in with_period):
                continue  # "Expected salary is $20.13 to $26.88" under "Salary: $20.13 - $33.63 HOUR"
            if fact.kind != "range" and (fact.maximum or fact.minimum or 0) < 1000:
                continue  # "$150 for the take-home exercise": a payment, not a rate of pay
            if period_plain_by_size(fact):
                continue
            if (fact.currency is None or fact.currency_implied) and not _CURRENCY_SIGN.search(fact.text):
                continue  # a bare number ('98057' of a ZIP code, a count): not recognisably pay
            line_start = doc.text.rfind("\n", 0, fact.start) + 1
            line_end = doc.text.find("\n", fact.end)
            line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
            if _PERIOD_WORDS.search(line):
                continue
            guess = _guess_period(fact)
            yield Finding(
                fact.start,
                fact.end,
                {"match": fact.text.strip()},
                fix=Fix("display", f"Add ' per {guess}'", (Edit(fact.end, fact.end, f" per {guess}"),)),
                suggestion=f"Say what period the amount is for, e.g. '{fact.text.strip()} per {guess}'",
            )


# Currencies in which no one is paid tens of thousands a month or an hour: a five- or six-figure
# amount in them is a yearly salary to every reader. Not yen, rupees, won or yuan, where a
# monthly salary of ¥300,000 or ₹50,000 is ordinary.
_CURRENCY_SIGN = lazy_regex(r"[$€£¥₹₩₽¢]|\b[A-Z]{3}\b|元|円|kr\b|zł|Fr\.|CHF")
_ANNUAL_BY_SIZE_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "GBP", "EUR", "CHF", "SGD"})
ANNUAL_BY_SIZE = 20_000  # the lowest figure from which a salary reads as yearly


def period_plain_by_size(fact: PayFact) -> bool:
    """Whether the amount's period goes without saying, by its size alone: '$90,000 - $105,000' is a
    yearly salary, and so is a Chinese '30-50万' while '1.6-2.5万元' is monthly.

    The period is asked for because '$45 – $60' could be hourly and '$5,000' monthly;
    when every figure is five or six digits in a currency of high wages, no reader
    wonders, and no pay-transparency law asks for the word.
    """
    if fact.currency == "CNY":
        # Chinese postings state a monthly salary ("1.6-2.5万元", "15-25K") or a yearly one in the
        # hundreds of thousands ("年薪 30-50万"); readers tell them apart by size.
        return all(f >= 1000 for f in (fact.minimum, fact.maximum) if f is not None)
    if fact.currency not in _ANNUAL_BY_SIZE_CURRENCIES and not (fact.currency is None and "$" in fact.text):
        return False
    figures = [f for f in (fact.minimum, fact.maximum) if f is not None]
    return bool(figures) and all(ANNUAL_BY_SIZE <= f < 1_000_000 for f in figures)


def _within(fact: PayFact, other: PayFact) -> bool:
    """Whether `fact` restates `other` (same currency, its figures inside `other`'s range or starting at
    the same figure): the posting already gave the period of these amounts."""
    low, high = other.minimum or other.maximum, other.maximum or other.minimum
    figures = [f for f in (fact.minimum, fact.maximum) if f is not None]
    if low is None or high is None or not figures or (fact.currency and other.currency != fact.currency):
        return False
    # "Full salary range $20.13 to $33.63" after "Salary: $20.13 - $26.88 HOUR": the same starting figure.
    return all(low <= f <= high for f in figures) or figures[0] == low


def _guess_period(fact: PayFact) -> str:
    value = fact.maximum or fact.minimum or 0
    if value < 300:
        return "hour"
    if value < 15_000:
        return "month"
    return "year"
