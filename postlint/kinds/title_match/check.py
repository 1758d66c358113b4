"""The `title-match` check: the front matter's title and the posting's first heading name different jobs.

A posting assembled from a template often keeps the old heading under a new
`title:` (or the other way round); job boards index one and candidates read the
other. Two titles agree when one contains the other once case, punctuation and
gender markers ("(m/w/d)", "(H/F)") are set aside ("Senior Backend Engineer" and
"Senior Backend Engineer, Payments Platform"), or when most of their words are
shared; otherwise the heading is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.document import HEADING, Document
from postlint.kinds.check_base import Check, Context
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex
from postlint.violation import Finding

_MARKERS = lazy_regex(r"\((?:[a-z]{1,3}\s*/\s*)+[a-z]{1,3}\)|\((?:all\s+genders?|gn|any\s+gender)\)", re.IGNORECASE)
_WORD = regex(r"\w+")


def _words(title: str) -> list[str]:
    return _WORD.findall(_MARKERS.sub(" ", title).casefold())


def agree(a: str, b: str, overlap: float) -> bool:
    """Whether two titles name the same job: one contains the other, or they share most words."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return True
    ja, jb = " ".join(wa), " ".join(wb)
    if ja in jb or jb in ja:
        return True
    sa, sb = set(wa), set(wb)
    return len(sa & sb) / min(len(sa), len(sb)) >= overlap


@dataclass(frozen=True, slots=True)
class TitleMatchCheck(Check):
    field: str
    overlap: float

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        declared = doc.meta(ctx.field_name(self.field))
        if not isinstance(declared, str) or not declared.strip():
            return
        heading = next((b for b in doc.blocks if b.kind == HEADING), None)
        if heading is None or heading.level > 1:
            return  # only the posting's own title heading, not a section ("## About us")
        text = " ".join(heading.prose.split())
        if agree(declared, text, self.overlap):
            return
        fm = doc.front_matter
        line = doc.line_index.position(fm.key_offsets.get(self.field, fm.start))[0] if fm else 1
        raw = doc.text[heading.start : heading.end]
        lead = len(raw) - len(raw.lstrip(" #"))
        values = {"match": text, "title": declared.strip(), "line": line}
        yield Finding(
            heading.start + lead,
            heading.start + len(raw.rstrip()),
            values,
            suggestion=f"Use one title in both places (the front matter on line {line} says '{declared.strip()}')",
        )
