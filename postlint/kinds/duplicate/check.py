"""The `duplicate` check: a heading or paragraph, or a passage of them, that repeats an earlier one.

One repeated passage is one problem: a block of thirteen paragraphs pasted three
times is reported once, at its second copy, with the line of the first and the
lines of any further copies in the message (not 26 times). The check reads the
posting in one pass and looks every block up in a dictionary, so its time grows
with the posting (40,000 headings once took a minute, each heading scanning every
section for its parent).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postlint import textstats
from postlint.document import HEADING, PARAGRAPH, Block, Document
from postlint.kinds.check_base import Check, Context
from postlint.regex_store import regex
from postlint.violation import Finding

_KINDS = {"headings": HEADING, "paragraphs": PARAGRAPH}
_NAMES = {HEADING: "heading", PARAGRAPH: "paragraph"}

Key = tuple[str, str, str]
# Prompts of an application questionnaire, which repeat by design (keys are case-folded).
_QUESTIONNAIRE = regex(
    r"\bn/?a\b|\bplease\s+(?:enter|explain|indicate|describe|list|type|specify|select)\b|\bif\s+(?:so|yes|no)\b"
    r"|\bif\s+you\s+answered\b|\binitials\b|\bindicate\s+the\b|\bi\s+qualify\b|\bin\s+order\s+to\s+be\s+evaluated\b"
    r"|\b(?:more|less)\s+than\s+\d+\s+years?\b"
)  # (block kind, parent heading's key, the block's own key)


def _key(prose: str) -> str:
    """Text compared: case, spacing and the punctuation around it do not count ("Requirements:" = "REQUIREMENTS")."""
    return " ".join(prose.split()).strip(" .:;,!?*#-–—").casefold()


def _parents(doc: Document) -> dict[int, str]:
    """Each heading's parent (the nearest enclosing heading of a higher level) as a key, by heading offset.

    One walk over the sections with a stack of the open ones: linear in the number of headings.
    """
    parents: dict[int, str] = {}
    open_sections: list[tuple[int, int, str]] = []  # (level, end, key)
    for section in sorted(doc.sections, key=lambda s: s.heading_start):
        while open_sections and (
            open_sections[-1][1] <= section.heading_start or open_sections[-1][0] >= section.level
        ):
            open_sections.pop()
        parents[section.heading_start] = open_sections[-1][2] if open_sections else ""
        open_sections.append((section.level, section.end, _key(section.title)))
    return parents


@dataclass(frozen=True, slots=True)
class _Copy:
    """A run of blocks that all came before, in the same order: one repeated passage."""

    blocks: list[Block]
    keys: tuple[Key, ...]
    first_of: int  # where the first block was first seen


@dataclass(frozen=True, slots=True)
class DuplicateCheck(Check):
    of: tuple[str, ...]
    min_words: int

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        copies = self._copies(doc)
        if _sections_per_role(copies):
            # Several headings each come back: a posting for several roles, or a board's template,
            # where every role has its "Education:" and "Licenses:" sections. Only text is compared.
            copies = [c for c in copies if any(b.kind != HEADING for b in c.blocks)]
        reported: dict[tuple[Key, ...], list[_Copy]] = {}
        for copy in copies:
            reported.setdefault(copy.keys, []).append(copy)
        for same in reported.values():
            copy, later = same[0], same[1:]
            yield self._finding(doc, copy, [c.blocks[0].start for c in later])

    def _copies(self, doc: Document) -> list[_Copy]:
        """The repeated passages in order: runs of compared blocks each of which came before."""
        kinds = {_KINDS[name] for name in self.of}
        parents = _parents(doc) if HEADING in kinds else {}
        first: dict[Key, int] = {}
        passages = _Passages(first)
        other: set[tuple[str, str]] = set()  # blocks not compared (list items, short lines) seen so far
        block_keys = [_key(block.prose) for block in doc.blocks]
        repeated = _repeated(block_keys)
        for block, key in zip(doc.blocks, block_keys, strict=True):
            if key not in repeated:
                # Text that appears once is new whether it is compared or not: it only ends a passage.
                # Deciding which (a questionnaire search, a word count) is left to text that repeats.
                if key:
                    passages.end()
                continue
            if (
                block.kind not in kinds
                or block.quoted
                or not key
                or _QUESTIONNAIRE.search(key) is not None
                or (block.kind == PARAGRAPH and not self._compared(block.prose, key))
            ):
                # Not compared, but new text between two repeats ("- Excel") ends a passage.
                if key and (block.kind, key) not in other:
                    other.add((block.kind, key))
                    passages.end()
                continue
            parent = parents.get(block.start, "") if block.kind == HEADING else ""
            full = (block.kind, parent, key)
            if first.setdefault(full, block.start) == block.start:  # new text ends a repeated passage
                passages.end()
                continue
            if full in passages.in_run:  # the passage starts over: a third copy right after the second
                passages.end()
            passages.add(block, full)
        passages.end()
        return passages.copies

    def _finding(self, doc: Document, copy: _Copy, later: list[int]) -> Finding:
        first_block, last_block = copy.blocks[0], copy.blocks[-1]
        start = first_block.start + _lead(doc.text[first_block.start : first_block.end])
        text = doc.text[last_block.start : last_block.end]
        end = last_block.start + len(text.rstrip())
        position = doc.line_index.position
        line = position(copy.first_of)[0]
        if len(copy.blocks) == 1:
            what = _NAMES[first_block.kind]
        else:
            kinds = {b.kind for b in copy.blocks}
            noun = "paragraphs" if kinds == {PARAGRAPH} else "headings" if kinds == {HEADING} else "blocks"
            what = f"passage of {len(copy.blocks)} {noun}"
        again_lines = [position(at)[0] for at in later]
        again = ""
        if again_lines:
            again = f" (and is repeated again on line{'s' if len(again_lines) > 1 else ''} "
            again += ", ".join(map(str, again_lines)) + ")"
        values = {
            "match": " ".join(first_block.prose.split()),
            "what": what,
            "line": line,
            "again": again,
            "copies": len(later) + 2,
        }
        advice = f"Remove it, or merge it with the {what} on line {line}"
        if again_lines:
            advice += ", and remove the other copies"
        return Finding(start, end, values, suggestion=advice)

    def _compared(self, prose: str, key: str) -> bool:
        """Paragraphs worth comparing: long enough, and neither a list of short lines (answer choices) nor a
        question, which repeat by design (the caller has ruled out a questionnaire's prompts:
        "If you do not possess this experience, indicate 'N/A'")."""
        # The word count last: the other tests are cheaper, and `or` gives the same answer in any order.
        if prose.rstrip().endswith("?") or "question" in key or len(textstats.words(key)) < self.min_words:
            return False
        lines = [line for line in prose.splitlines() if line.strip()]
        return len(lines) < 2 or any(len(textstats.words(line)) >= self.min_words for line in lines)


class _Passages:
    """The repeated passages found so far, and the one being read."""

    def __init__(self, first: dict[Key, int]) -> None:
        self.first = first  # where each compared block was first seen
        self.copies: list[_Copy] = []
        self.run: list[Block] = []
        self.keys: list[Key] = []
        self.in_run: set[Key] = set()

    def add(self, block: Block, key: Key) -> None:
        self.run.append(block)
        self.keys.append(key)
        self.in_run.add(key)

    def end(self) -> None:
        """The passage being read, if any, is complete."""
        if self.run:
            self.copies.append(_Copy(self.run, tuple(self.keys), self.first[self.keys[0]]))
            self.run, self.keys = [], []
            self.in_run.clear()


def _repeated(keys: list[str]) -> set[str]:
    """The keys that occur more than once."""
    seen: set[str] = set()
    again: set[str] = set()
    for key in keys:
        if key in seen:
            again.add(key)
        else:
            seen.add(key)
    return again


def _sections_per_role(copies: list[_Copy]) -> bool:
    """Whether two or more different headings repeat: sections that every role of the page has."""
    return len({k[2] for c in copies for k in c.keys if k[0] == HEADING}) >= 2


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())
