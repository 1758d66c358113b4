"""The `duplicate` check: a heading or paragraph that repeats an earlier one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postlint import textstats
from postlint.checks.base import Check, Context
from postlint.document import HEADING, PARAGRAPH, Block, Document
from postlint.violation import Finding

_KINDS = {"headings": HEADING, "paragraphs": PARAGRAPH}
_NAMES = {HEADING: "heading", PARAGRAPH: "paragraph"}


def _key(prose: str) -> str:
    """Text compared: case, spacing and the punctuation around it do not count ("Requirements:" = "REQUIREMENTS")."""
    return " ".join(prose.split()).strip(" .:;,!?*#-–—").casefold()


def _parent(doc: Document, block: Block) -> str:
    """The heading a heading sits under (the nearest one of a higher level), as a key; '' for paragraphs."""
    if block.kind != HEADING:
        return ""
    parents = [s for s in doc.sections if s.level < block.level and s.heading_start < block.start < s.end]
    return _key(parents[-1].title) if parents else ""


@dataclass(frozen=True, slots=True)
class DuplicateCheck(Check):
    of: tuple[str, ...]
    min_words: int

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        kinds = {_KINDS[name] for name in self.of}
        first: dict[tuple[str, str, str], int] = {}
        for block in doc.blocks:
            if block.kind not in kinds or block.quoted:
                continue
            key = _key(block.prose)
            if not key or (block.kind == PARAGRAPH and not self._compared(block.prose, key)):
                continue
            seen = first.setdefault((block.kind, _parent(doc, block), key), block.start)
            if seen == block.start:
                continue
            text = doc.text[block.start : block.end]
            lead = len(text) - len(text.lstrip())
            start, end = block.start + lead, block.start + len(text.rstrip())
            line = doc.line_index.position(seen)[0]
            values = {"match": " ".join(block.prose.split()), "what": _NAMES[block.kind], "line": line}
            advice = f"Remove it, or merge it with the {values['what']} on line {line}"
            yield Finding(start, end, values, suggestion=advice)

    def _compared(self, prose: str, key: str) -> bool:
        """Paragraphs worth comparing: long enough, and neither a list of short lines (answer choices) nor a
        questionnaire prompt, which repeat by design."""
        if len(textstats.words(key)) < self.min_words or prose.rstrip().endswith("?") or "question" in key:
            return False
        lines = [line for line in prose.splitlines() if line.strip()]
        return len(lines) < 2 or any(len(textstats.words(line)) >= self.min_words for line in lines)
