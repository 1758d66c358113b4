"""The posting's own statements are found in the blocks that hold them, whether the RE2 gate is used or not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from postlint.document import PROSE_KINDS, Document
from postlint.facts.statements import StatementFinder, statement_spans
from postlint.kinds.check_base import has_keyword
from postlint.reader import parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PATTERN = re.compile(
    r"\bequal\s+opportunity\b|\bwithout\s+regard\s+to\b|\bwe\s+welcome\s+applicants\b|\baccommodations?\b",
    re.IGNORECASE,
)


def _block_by_block(finder: StatementFinder, doc: Document) -> list[tuple[int, int]]:
    """Every prose block searched on its own: what `find` must give."""
    spans = [(s.heading_start, s.end) for s in doc.sections if finder.pattern.search(s.title)]
    for block in doc.blocks:
        if block.kind in PROSE_KINDS and (not finder.keywords or has_keyword(block.prose, finder.keywords)):
            spans += [(block.start + a, block.start + b) for a, b in statement_spans(finder.pattern, block.prose)]
    return spans


POSTINGS = [
    "# Engineer\n\nWe ship code.\n\nWe are an equal opportunity employer. We welcome applicants of all ages.\n",
    "# Engineer\n\n## Equal opportunity\n\nHired without regard to race.\n\n- Ask for accommodations.\n",
    "# Engineer\n\nNo statement here at all.\n",
    "# Ingénieur\n\nÉGALITÉ. Equal  Opportunity for ſome.\n",
]


@pytest.mark.parametrize("keywords", [(), ("equal", "regard", "welcome", "accommodation")])
@pytest.mark.parametrize("text", POSTINGS + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.md"))])
def test_find_equals_searching_every_block(text: str, keywords: tuple[str, ...]) -> None:
    finder = StatementFinder.of(PATTERN, keywords)
    assert finder.prefilter is not None
    doc = parse(text, "markdown", "job.md")
    assert finder.find(doc, {}) == _block_by_block(finder, doc)
