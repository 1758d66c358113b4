"""The `jobposting` check: a page's schema.org JobPosting markup is complete, valid and agrees with the page.

One check with a `test` chosen by the rule: the pack's rules are data, the rules of
Google's structured-data guidelines are here. Every test reads the markup once per
posting (`read_markup`), and a page without a JSON-LD script costs one substring test.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.document import Document
from postlint.facts.markup import (
    JsonObject,
    employment_types,
    is_remote,
    parse_date,
    read_markup,
    salary_values,
    span,
)
from postlint.kinds.check_base import Check, Context
from postlint.regex_store import regex
from postlint.violation import Finding

_HEAD_END = regex(r"</head\s*>", re.IGNORECASE)
_SHORT_DESCRIPTION = 120
_PAGE = regex(r"<(?:html|head|body)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class JobPostingCheck(Check):
    test: str
    properties: tuple[str, ...] = ()
    employment_types: tuple[str, ...] = ()
    compare: tuple[str, ...] = ()
    labels: re.Pattern[str] | None = None
    within: int = 60
    grace_days: int = 0

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if doc.format != "html":
            return
        markup = read_markup(doc, ctx.memo)
        if self.test == "invalid-json":
            for script in markup.scripts:
                if script.error is not None:
                    at = max(script.error_at, script.start)
                    end = min(at + 1, script.end) if at < script.end else at
                    yield Finding(at, end, {"problem": script.error, "match": doc.text[at:end]})
            return
        if self.test == "missing":
            if not markup.scripts and _PAGE.search(doc.text):
                yield self._missing(doc, ctx)
            return
        test = getattr(self, "_" + self.test.replace("-", "_"))
        for posting in markup.postings:
            yield from test(doc, ctx, posting)

    def _required(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        for name in self.properties:
            if _has(posting, name):
                continue
            if name == "jobLocation" and is_remote(posting) and _has(posting, "applicantLocationRequirements"):
                continue  # Google: a fully remote job names the areas it is open to instead
            start, end = span(posting, "@type")
            yield Finding(start, end, {"property": name, "match": doc.text[start:end]})

    _recommended = _required

    def _dates(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        days: dict[str, dt.date] = {}
        for name in ("datePosted", "validThrough"):
            if name not in posting:
                continue
            value = posting[name]
            day = parse_date(value)
            start, end = span(posting, name)
            if day is None:
                problem = f"{name} {_quote(value)} is not an ISO 8601 date (2027-03-01 or 2027-03-01T17:00:00Z)"
                yield Finding(start, end, {"property": name, "value": str(value), "problem": problem})
            else:
                days[name] = day
        if len(days) == 2 and days["validThrough"] < days["datePosted"]:
            start, end = span(posting, "validThrough")
            problem = (
                f"validThrough {days['validThrough'].isoformat()} is before datePosted {days['datePosted'].isoformat()}"
            )
            yield Finding(
                start, end, {"property": "validThrough", "value": str(posting["validThrough"]), "problem": problem}
            )

    def _expired(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        day = parse_date(posting.get("validThrough"))
        today = ctx.today or dt.date.today()
        if day is None or day + dt.timedelta(days=self.grace_days) >= today:
            return
        start, end = span(posting, "validThrough")
        yield Finding(start, end, {"property": "validThrough", "value": day.isoformat(), "days": (today - day).days})

    def _salary(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        if "baseSalary" not in posting:
            return
        low, high, currency, unit = salary_values(posting["baseSalary"])
        start, end = span(posting, "baseSalary")
        problems = []
        if low is None and high is None:
            problems.append("has no amount (value, or minValue and maxValue)")
        if not currency:
            problems.append("has no currency (an ISO 4217 code such as USD)")
        if not unit:
            problems.append("has no unitText (HOUR, DAY, WEEK, MONTH or YEAR)")
        elif unit not in ("HOUR", "DAY", "WEEK", "MONTH", "YEAR"):
            problems.append(f"has unitText {_quote(unit)}, not HOUR, DAY, WEEK, MONTH or YEAR")
        if low is not None and high is not None and low > high:
            problems.append(f"has minValue {low:,g} above maxValue {high:,g}")
        if problems:
            yield Finding(start, end, {"property": "baseSalary", "problem": "baseSalary " + "; ".join(problems)})

    def _employment_type(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        allowed = set(self.employment_types)
        for value in employment_types(posting):
            if value not in allowed:
                start, end = span(posting, "employmentType")
                yield Finding(
                    start,
                    end,
                    {"property": "employmentType", "value": value, "allowed": ", ".join(self.employment_types)},
                )

    def _telecommute(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        if is_remote(posting) and not _has(posting, "applicantLocationRequirements"):
            start, end = span(posting, "jobLocationType")
            yield Finding(start, end, {"property": "jobLocationType"})

    def _disagrees(self, doc: Document, ctx: Context, posting: JsonObject) -> Iterator[Finding]:
        from postlint.kinds.jobposting.markup_agreement import disagreements

        yield from disagreements(doc, ctx, posting, self.compare, self.labels, self.within)

    def _missing(self, doc: Document, ctx: Context) -> Finding:
        """No markup on a full HTML page: where it would go (before </head>), with the markup to add."""
        import json

        from postlint.markup_writer import build_job_posting

        head = _HEAD_END.search(doc.text)
        at = head.start() if head else len(doc.text)
        suggestion = None
        if ctx.facts is not None:
            built, _ = build_job_posting(doc, ctx.facts, ctx.today or dt.date.today())
            text = built.get("description")
            if isinstance(text, str) and len(text) > _SHORT_DESCRIPTION:
                # The page's whole text would drown the suggestion; `postlint jsonld` prints it in full.
                built["description"] = text[:_SHORT_DESCRIPTION].rsplit(" ", 1)[0] + " …"
            # "</" cannot appear inside a script element: JSON allows "<\/" for it.
            body = json.dumps(built, ensure_ascii=False).replace("</", "<\\/")
            suggestion = f'<script type="application/ld+json">{body}</script>'
        return Finding(at, at, {"match": ""}, suggestion=suggestion)


def _has(posting: JsonObject, name: str) -> bool:
    value = posting.get(name)
    return value not in (None, "", [], {}) and (not isinstance(value, str) or bool(value.strip()))


def _quote(value: object) -> str:
    text = str(value)
    return repr(text[:60] + "…" if len(text) > 60 else text)
