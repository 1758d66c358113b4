"""Pieces every format parser shares: masking, bare URLs and e-mails, sections."""

from __future__ import annotations

import re
from dataclasses import replace

from postlint.document import HEADING, Block, Document, Link, Section

_NOT_NEWLINE = re.compile(r"[^\n]")

# A bare URL in running text; trailing sentence punctuation is not part of it.
BARE_URL = re.compile(r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]{1,9}://|\bwww\.)[^\s<>\"'`]+", re.ASCII)
# Template tags of static-site generators (Liquid/Jekyll `{% ... %}`, Hugo shortcodes): logic, not prose.
TEMPLATE_TAG = re.compile(r"\{%.*?%\}|\{\{<.*?>\}\}|\{\{%.*?%\}\}", re.DOTALL)
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
URL_TRAILING = ".,;:!?'\")]}*_"  # sentence punctuation that ends a bare URL rather than belonging to it


def mask(text: str) -> str:
    """Replace every character but newlines with a space, keeping the length."""
    if "\n" not in text:
        return " " * len(text)
    return _NOT_NEWLINE.sub(" ", text)


def compose_prose(source: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The prose of source[start:end]: the given (absolute, sorted) spans kept, the rest masked."""
    parts: list[str] = []
    pos = start
    for span_start, span_end in spans:
        a, b = max(span_start, pos), min(span_end, end)
        if a >= b:
            continue
        parts.append(mask(source[pos:a]))
        parts.append(source[a:b])
        pos = b
    parts.append(mask(source[pos:end]))
    return "".join(parts)


def _trim_url(url: str) -> str:
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def mask_bare_links(doc: Document, block: Block) -> Block:
    """Record bare URLs and e-mail addresses in a block as links; mask them and template tags in its prose."""
    prose = block.prose
    if "@" not in prose and "://" not in prose and "www." not in prose and "{" not in prose:
        return block
    hits: list[tuple[int, int]] = [m.span() for m in TEMPLATE_TAG.finditer(prose)] if "{" in prose else []
    for m in BARE_URL.finditer(prose):
        url = _trim_url(m.group())
        if m.start() and prose[m.start() - 1] == "@":
            continue  # the host of an e-mail address (jobs@www.example.com), not a URL
        if not url or any(a < m.start() + len(url) and m.start() < b for a, b in hits):
            continue
        a = block.start + m.start()
        doc.links.append(Link(url, url, a, a + len(url), a, a + len(url)))
        hits.append((m.start(), m.start() + len(url)))
    for m in EMAIL.finditer(prose):
        if any(a < m.end() and m.start() < b for a, b in hits):
            continue
        a = block.start + m.start()
        doc.links.append(Link("mailto:" + m.group(), m.group(), a, a + len(m.group()), a, a + len(m.group())))
        hits.append((m.start(), m.end()))
    if not hits:
        return block
    hits.sort()
    parts: list[str] = []
    pos = 0
    for a, b in hits:
        parts.append(prose[pos:a])
        parts.append(mask(prose[a:b]))
        pos = b
    parts.append(prose[pos:])
    return replace(block, prose="".join(parts))


def finish_document(doc: Document) -> None:
    """Sort blocks and links, build sections from headings, and tag each block with its section."""
    doc.blocks.sort(key=lambda b: b.start)
    doc.links.sort(key=lambda link: link.start)
    headings = [(i, b) for i, b in enumerate(doc.blocks) if b.kind == HEADING]
    sections: list[Section] = []
    for n, (_, block) in enumerate(headings):
        end = len(doc.text)
        for _, later in headings[n + 1 :]:
            if later.level <= block.level:
                end = later.start
                break
        sections.append(Section(block.prose.strip(), block.level, block.start, block.end, end))
    doc.sections = sections
    if not sections:
        return
    current = -1
    heading_number = 0
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if block.kind == HEADING:
            current = heading_number
            heading_number += 1
        if block.section != current:
            blocks[i] = replace(block, section=current)
