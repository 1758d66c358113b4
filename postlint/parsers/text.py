"""Plain-text postings: paragraphs split on blank lines, list items, `Label: value` lines."""

from __future__ import annotations

import re

from postlint.document import HEADING, LIST_ITEM, PARAGRAPH, Block, DocumentDraft, Field
from postlint.parsers.common import compose_prose, mask_bare_links
from postlint.regex_store import regex

_LINE = regex(r"[^\n]*(?:\n|\Z)")
_BULLET = regex(r"[ \t]*(?:[-*•·▪●◦‣–]|\d{1,3}[.)]|[a-z][.)])[ \t]+")
_LABEL = regex(r"[ \t]*([A-Z][\w/&()' .-]{0,40}?)[ \t]*:[ \t]+(\S[^\n]*?)[ \t\r]*$", re.UNICODE)
_BANNER = regex(r"[ \t]*(?:={2,}|-{2,}|\*{2,}|#{1,6})[ \t]*([^=\-*#\n][^\n]*?)[ \t]*(?:={2,}|-{2,}|\*{2,})?[ \t\r]*$")
_DIRECTIVE = regex(r"[ \t]*#[ \t]*postlint-")
_TITLE_LABELS = ("title", "job title", "position", "position title", "job")


def _is_heading(line: str) -> bool:
    """A short line in capitals, or one ending in a colon, standing alone, reads as a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return False
    if _BANNER.match(line) and (stripped[0] in "=-*#"):
        return True
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters if c.isascii()) and len(stripped.split()) <= 8:
        return any(c.isascii() for c in letters)
    return stripped.endswith(":") and len(stripped.split()) <= 6


def parse_text(doc: DocumentDraft, start: int = 0) -> None:
    """Split doc.text[start:] into blocks and label fields."""
    text = doc.text
    lines: list[tuple[int, int]] = []  # (start, end without newline)
    for m in _LINE.finditer(text, start):
        if m.start() == m.end():
            break
        line_end = m.end() - 1 if m.group().endswith("\n") else m.end()
        if line_end > m.start() and text[line_end - 1] == "\r":
            line_end -= 1
        lines.append((m.start(), line_end))

    paragraph: list[tuple[int, int]] = []

    def flush() -> None:
        if paragraph:
            a, b = paragraph[0][0], paragraph[-1][1]
            spans = [(s, e) for s, e in paragraph]
            _add(doc, PARAGRAPH, a, b, spans)
            paragraph.clear()

    for index, (a, b) in enumerate(lines):
        line = text[a:b]
        if not line.strip():
            flush()
            continue
        if _DIRECTIVE.match(line):
            flush()
            continue
        label = _LABEL.match(line)
        if label and not _BULLET.match(line):
            flush()
            name = label.group(1).strip().lower()
            doc.fields.append(Field(name, label.group(2), a + label.start(2), a + label.end(2)))
            if doc.title is None and name in _TITLE_LABELS:
                doc.title, doc.title_start, doc.title_end = label.group(2), a + label.start(2), a + label.end(2)
            _add(doc, PARAGRAPH, a, b, [(a, b)])
            continue
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            _add(doc, LIST_ITEM, a + bullet.end(), b, [(a + bullet.end(), b)])
            continue
        alone = (index == 0 or not text[lines[index - 1][0] : lines[index - 1][1]].strip()) or (
            index + 1 < len(lines) and not text[lines[index + 1][0] : lines[index + 1][1]].strip()
        )
        if alone and not paragraph and _is_heading(line):
            banner = _BANNER.match(line)
            hs, he = (a + banner.start(1), a + banner.end(1)) if banner and line.strip()[0] in "=-*#" else (a, b)
            while hs < he and text[hs].isspace():
                hs += 1
            _add(doc, HEADING, hs, he, [(hs, he)], level=2)
            continue
        if paragraph and _BULLET.match(text[paragraph[-1][0] : paragraph[-1][1]]):
            flush()
        paragraph.append((a, b))
    flush()

    if doc.title is None:
        for a, b in lines:
            line = text[a:b].strip()
            if not line or _DIRECTIVE.match(line):
                continue
            banner = _BANNER.match(line)  # "=== JOB DETAILS ===" heads a section, not the job
            if len(line) <= 120 and not (banner and line[0] in "=-*" and line[-1] in "=-*"):
                offset = a + (len(text[a:b]) - len(text[a:b].lstrip()))
                doc.title, doc.title_start, doc.title_end = line, offset, offset + len(line)
            break


def _add(doc: DocumentDraft, kind: str, a: int, b: int, spans: list[tuple[int, int]], level: int = 0) -> None:
    prose = compose_prose(doc.text, a, b, spans)
    doc.blocks.append(mask_bare_links(doc, Block(kind, a, b, prose, level=level)))
