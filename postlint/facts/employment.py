"""The employment type a posting's text states (full-time, part-time, contract...), as schema.org values.

Read from short blocks only (a "Full-time · Seattle" line, a table cell, a heading, the title):
long paragraphs mention other types in passing ("part-time staff also receive...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from postlint.document import PROSE_KINDS, Document
from postlint.regex_store import regex

_SHORT = 300
_TYPES = (
    ("FULL_TIME", r"full[\s-]?time|vollzeit|temps\s+plein|tiempo\s+completo|全职"),
    ("PART_TIME", r"part[\s-]?time|teilzeit|temps\s+partiel|medio\s+tiempo|兼职"),
    ("CONTRACTOR", r"contractor|freelance|contract(?:[\s-]to[\s-]hire|\s+(?:role|position|job|basis|assignment))"),
    ("TEMPORARY", r"temporary|seasonal|fixed[\s-]term|befristet"),
    ("INTERN", r"intern(?:ship)?s?|praktikum|实习"),
    ("VOLUNTEER", r"volunteer\s+(?:role|position|opportunity)"),
    ("PER_DIEM", r"per[\s-]diem"),
)
_PATTERN = regex("|".join(f"(?P<{name}>(?<![\\w-])(?:{words})(?![\\w-]))" for name, words in _TYPES), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EmploymentMention:
    """An employment type stated in the text: its schema.org value and where."""

    value: str
    start: int
    end: int
    text: str


def page_employment_types(doc: Document, memo: dict[Any, Any] | None = None) -> list[EmploymentMention]:
    """Employment types the page states in its title and short blocks, in order (kept in `memo` if given)."""
    cached: list[EmploymentMention] | None = memo.get("employment-types") if memo is not None else None
    if cached is not None:
        return cached
    found: list[EmploymentMention] = []
    pieces = [(b.start, b.prose) for b in doc.blocks if b.kind in PROSE_KINDS and len(b.prose) <= _SHORT]
    if doc.title and doc.title_start >= 0 and doc.text[doc.title_start : doc.title_end] == doc.title:
        pieces.insert(0, (doc.title_start, doc.title))
    for base, text in pieces:
        for m in _PATTERN.finditer(text):
            if m.lastgroup:
                found.append(EmploymentMention(m.lastgroup, base + m.start(), base + m.end(), m.group()))
    if memo is not None:
        memo["employment-types"] = found
    return found
