"""Where to add something a posting lacks (an EEO sentence, a pay line), and the edit that adds it.

A missing statement is reported at the place the fix would put it: after the
line it belongs with (the pay or location line) when there is one, else at the
end of the posting. The edit keeps the posting's own shape: a new list item
after a list item, a new paragraph in Markdown, a new line in plain text, a
new <p> in HTML, and the file's line ending.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from postlint.document import Document
from postlint.regex_store import regex
from postlint.violation import Edit, Fix

if TYPE_CHECKING:
    from postlint.facts.posting import PostingFacts

_LIST_MARKER = regex(r"[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_BODY_END = regex(r"</body\s*>", re.IGNORECASE)
_BLANK_LINE = regex(r"\r?\n[ \t]*\r?\n")


def end_of_posting(doc: Document) -> int:
    """Just after the last non-blank character (the place for a closing statement)."""
    return len(doc.text.rstrip())


def insertion(doc: Document, text: str, after: int | None = None) -> tuple[int, str]:
    """(offset, inserted text) for adding `text` after the line holding `after`, or at the end."""
    newline = "\r\n" if "\r\n" in doc.text else "\n"
    if doc.format == "html":
        element = f"<p>{html.escape(text, quote=False)}</p>"
        body_end = _BODY_END.search(doc.text)
        if after is None or after < 0:
            if body_end:
                return body_end.start(), f"{element}{newline}"
            return end_of_posting(doc), f"{newline}{element}"
        close = doc.text.find(">", doc.text.find("</", after))
        at = close + 1 if close >= 0 else end_of_posting(doc)
        return at, f"{newline}{element}"
    if after is None or after < 0 or after >= len(doc.text):
        return end_of_posting(doc), f"{newline}{newline}{text}"
    line_end = doc.text.find("\n", after)
    line_end = len(doc.text) if line_end < 0 else line_end
    if line_end > 0 and doc.text[line_end - 1] == "\r":
        line_end -= 1
    line_start = doc.text.rfind("\n", 0, after) + 1
    marker = _LIST_MARKER.match(doc.text, line_start)
    if marker:
        return line_end, f"{newline}{marker.group(0)}{text}"
    if doc.format == "text":
        return line_end, f"{newline}{text}"
    # Markdown: a line added under a paragraph line would join that paragraph; add a paragraph of its own.
    blank = _BLANK_LINE.search(doc.text, line_end)
    if blank is None:
        return end_of_posting(doc), f"{newline}{newline}{text}"
    return blank.start(), f"{newline}{newline}{text}"


def insertion_fix(doc: Document, text: str, after: int | None = None, what: str = "Add") -> tuple[int, Fix]:
    """The offset to report and an `unsafe` fix adding `text` there (it needs a human to fill in)."""
    at, inserted = insertion(doc, text, after)
    short = text if len(text) <= 60 else text[:57] + "..."
    return at, Fix("unsafe", f"{what}: {short!r}", (Edit(at, at, inserted),))


def anchor(facts: PostingFacts | None, where: str) -> int | None:
    """The offset to add after: the first pay or location line in the body, per `where`; None for the end."""
    if facts is None or where == "end":
        return None
    body_start = facts.doc.front_matter.end if facts.doc.front_matter else 0
    order = ("pay", "location") if where == "after-pay" else ("location", "pay")
    for kind in order:
        if kind == "pay":
            offsets = [p.start for p in facts.pay if p.source == "text" and p.start >= body_start]
        else:
            offsets = [p.start for p in facts.places if p.source != "front-matter" and p.start >= body_start]
        if offsets:
            return min(offsets)
    return None
