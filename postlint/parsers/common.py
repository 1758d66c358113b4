"""Pieces every format parser shares: masking, bare URLs and e-mails, sections."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import replace

from postlint.document import HEADING, Block, DocumentDraft, Link, Section
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex

_NOT_NEWLINE = regex(r"[^\n]")

# A bare URL in running text; trailing sentence punctuation is not part of it. It also ends at any
# Unicode space (a no-break space after "www.example.com") and at CJK punctuation ("https://a.cn/，之后").
_NOT_IN_BARE_URL = (
    "\\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000-\u303f\ufeff\uff01-\uff0f\uff1a-\uff1f<>\"'`"
)
BARE_URL = lazy_regex(rf"(?:\b[a-zA-Z][a-zA-Z0-9+.-]{{1,9}}://|\bwww\.)[^{_NOT_IN_BARE_URL}]+", re.ASCII)
# Template tags of static-site generators (Liquid/Jekyll `{% ... %}`, Hugo shortcodes): logic, not prose.
TEMPLATE_TAG = regex(r"\{%.*?%\}|\{\{<.*?>\}\}|\{\{%.*?%\}\}", re.DOTALL)
# An address ends at a word boundary or where non-ASCII text runs straight into it: Chinese postings write
# "简历发至jobs@example.com请注明", and a CJK character is a word character, so `\b` alone saw no edge there.
EMAIL = regex(
    r"(?:\b|(?<=[^\x00-\x7f]))[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?:\b|(?=[^\x00-\x7f]))"
)
URL_TRAILING = ".,;:!?'\")]}*_"  # sentence punctuation that ends a bare URL rather than belonging to it


def mask(text: str) -> str:
    """Replace every character but newlines with a space, keeping the length."""
    if "\n" not in text:
        return " " * len(text)
    return _NOT_NEWLINE.sub(" ", text)


def compose_prose(source: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """The prose of source[start:end]: the given (absolute, sorted) spans kept, the rest masked."""
    if len(spans) == 1 and spans[0][0] <= start and spans[0][1] >= end:
        return source[start:end]  # most blocks: one text, nothing masked
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


def trim_url(url: str) -> str:
    """A bare URL without the text that follows it: a bracket it does not open ("(see https://a.example/)next")
    and trailing sentence punctuation."""
    depth = {")": 0, "]": 0}
    for i, ch in enumerate(url):
        if ch in "([":
            depth[")" if ch == "(" else "]"] += 1
        elif ch in ")]":
            if not depth[ch]:
                url = url[:i]
                break
            depth[ch] -= 1
    while url and url[-1] in URL_TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def bare_urls(text: str) -> Iterator[tuple[int, str]]:
    """(offset, URL) of each bare URL in text, trimmed; the search goes on right after a trimmed URL,
    so a second URL in what was cut off ("https://a.example](https://b.example") is found too."""
    pos = 0
    while True:
        m = BARE_URL.search(text, pos)
        if m is None:
            return
        url = trim_url(m.group())
        yield m.start(), url
        pos = m.start() + max(len(url), 1)


def mask_bare_links(doc: DocumentDraft, block: Block, linked: list[tuple[int, int]] | None = None) -> Block:
    """Record bare URLs and e-mail addresses in a block as links; mask them and template tags in its prose.

    `linked` are the (source) spans of the block's links: a URL written as a link's text
    (`[https://a.example](https://a.example)`) is masked but already has its link.
    """
    prose = block.prose
    if "@" not in prose and "://" not in prose and "www." not in prose and "{" not in prose:
        return block
    hits = _Spans([m.span() for m in TEMPLATE_TAG.finditer(prose)] if "{" in prose else [])
    inside = _Spans(sorted(linked or []))
    for at, url in bare_urls(prose):
        if at and prose[at - 1] == "@":
            continue  # the host of an e-mail address (jobs@www.example.com), not a URL
        if not url or hits.overlaps(at, at + len(url)):
            continue
        a = block.start + at
        if not inside.overlaps(a, a + 1):
            doc.links.append(Link(url, url, a, a + len(url), a, a + len(url)))
        hits.add(at, at + len(url))
    for m in EMAIL.finditer(prose):
        if hits.overlaps(m.start(), m.end()):
            continue
        a = block.start + m.start()
        if not inside.overlaps(a, a + 1):
            doc.links.append(Link("mailto:" + m.group(), m.group(), a, a + len(m.group()), a, a + len(m.group())))
        hits.add(m.start(), m.end())
    if not hits.spans:
        return block
    parts: list[str] = []
    pos = 0
    for a, b in hits.spans:
        parts.append(prose[pos:a])
        parts.append(mask(prose[a:b]))
        pos = b
    parts.append(prose[pos:])
    return replace(block, prose="".join(parts))


class _Spans:
    """Sorted, disjoint spans (template tags, URLs, addresses, a block's links) with overlap tests by
    bisection: a block with thousands of URLs or addresses is masked in time linear in their number."""

    __slots__ = ("ends", "spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1  # the last span starting before `end`; disjoint spans
        return i >= 0 and self.ends[i] > start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.spans.insert(i, (start, end))
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def finish_document(doc: DocumentDraft) -> None:
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
            # Spelled out, not dataclasses.replace: this runs for nearly every block of a posting,
            # and replace() costs several times as much (test_parse_markdown pins Block's fields).
            blocks[i] = Block(
                block.kind, block.start, block.end, block.prose, block.level, current, block.quoted, block.chrome
            )
