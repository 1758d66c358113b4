"""`postlint laws`: every law the rules encode for a place, as a compliance team asks for it.

One row per law and rule: what the posting must do there, since when, when penalties
start, whom it binds and how sure the data is. The rows come from the same `laws`
entries the rules run on, so the table cannot drift from what `check` enforces.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

from postlint.laws import Law, newest_verified, within
from postlint.packs.model import Rule

DISCLAIMER = "This is not legal advice: the data may be incomplete or out of date; check the sources."


def currency_note(laws: Iterable[Law]) -> str:
    """'Not legal advice ... verified up to 2026-12-06.' for the foot of `laws` and `explain`."""
    newest = newest_verified(laws)
    when = f" The newest check of a law against its sources was on {newest.isoformat()}." if newest else ""
    return DISCLAIMER + when


def applies_to(law: Law, jurisdiction: str | None) -> bool:
    """Whether a law covers the place (US-NY covers US-NY-NYC), or covers part of it (NYC's laws for US-NY)."""
    if jurisdiction is None:
        return True
    return within(jurisdiction, law.jurisdiction) or within(law.jurisdiction, jurisdiction)


def law_rows(rules: Sequence[Rule], jurisdiction: str | None, as_of: dt.date) -> list[dict[str, Any]]:
    """One row per (law, rule) that applies in `jurisdiction` (all when None), sorted by place and date."""
    rows = []
    for rule in rules:
        for law in rule.laws:
            if not applies_to(law, jurisdiction):
                continue
            rows.append(
                {
                    "jurisdiction": law.jurisdiction,
                    "law": law.name,
                    "citation": law.citation,
                    "rule": rule.id,
                    "requires": rule.requires or rule.summary,
                    "severity": law.severity or rule.severity.name,
                    "status": law.status,
                    "state": law.state(as_of),
                    "applies": law.in_force(as_of),
                    "since": _iso(law.since),
                    "enforced": _iso(law.enforced),
                    "until": _iso(law.until),
                    "threshold": law.threshold_text or None,
                    "confidence": law.confidence,
                    "verified": _iso(law.verified),
                    "sources": list(law.urls),
                    "note": law.note,
                    "part": jurisdiction is not None and not within(jurisdiction, law.jurisdiction),
                }
            )
    rows.sort(key=lambda r: (r["jurisdiction"], r["since"] or "", r["law"], r["rule"]))
    return rows


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def render_law_table(rows: Sequence[dict[str, Any]], jurisdiction: str | None, as_of: dt.date, note: str) -> str:
    """The rows as text, grouped by jurisdiction, with the dates and sources a reader needs to check them."""
    place = f"in {jurisdiction}" if jurisdiction else "in every jurisdiction"
    out = [f"Laws {place} on {as_of.isoformat()} ({len(rows)} entries)", ""]
    current = None
    for row in rows:
        if row["jurisdiction"] != current:
            current = row["jurisdiction"]
            part = " (covers part of it)" if row["part"] else ""
            out += [f"{current}{part}", "-" * len(f"{current}{part}")]
        title = f"{row['law']} ({row['citation']})" if row["citation"] else row["law"]
        out.append(f"  {title}")
        dates = [f"since {row['since'] or '?'}"]
        if row["enforced"]:
            dates.append(f"enforced from {row['enforced']}")
        if row["until"]:
            dates.append(f"until {row['until']}")
        out.append(f"    {row['state']}; {', '.join(dates)}; status: {row['status']}")
        who = f"; binds {row['threshold']}" if row["threshold"] else ""
        out.append(f"    rule {row['rule']} ({row['severity']}){who}")
        out += textwrap.wrap(row["requires"], 84, initial_indent="    requires: ", subsequent_indent="      ")
        checked = f", verified {row['verified']}" if row["verified"] else ", not verified"
        out.append(f"    confidence: {row['confidence']}{checked}")
        out += [f"    {url}" for url in row["sources"]]
        out.append("")
    if not rows:
        out += ["No law in the packs applies there.", ""]
    out += textwrap.wrap(note, 88)
    return "\n".join(out).rstrip() + "\n"
