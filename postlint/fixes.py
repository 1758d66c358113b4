"""Applying fixes: pure edits on text, then an atomic write that keeps the file's bytes' shape.

Overlapping edits are never merged: the first one wins and the other violation
stays reported. Edits are applied from the end backwards so offsets stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from postlint.document import Document
from postlint.violation import Edit, Violation

if TYPE_CHECKING:
    from postlint.engine import RuleEngine

ALLOWED = {False: ("safe",), True: ("safe", "unsafe")}


def fixable(violations: Iterable[Violation], unsafe: bool = False) -> list[Violation]:
    return [v for v in violations if v.fix is not None and v.fix.applicability in ALLOWED[unsafe]]


def apply_edits(text: str, violations: Iterable[Violation], unsafe: bool = False) -> tuple[str, int]:
    """Apply the allowed, non-overlapping fixes; return the new text and how many were applied."""
    chosen: list[tuple[Edit, ...]] = []
    taken: list[tuple[int, int]] = []
    for violation in sorted(fixable(violations, unsafe), key=lambda v: (v.start, v.end)):
        assert violation.fix is not None
        edits = violation.fix.edits
        if any((a < e.end and e.start < b) or (a == b == e.start) for e in edits for a, b in taken):
            continue
        chosen.append(edits)
        taken.extend((e.start, e.end) for e in edits)
    all_edits = sorted((e for edits in chosen for e in edits), key=lambda e: (e.start, e.end), reverse=True)
    if not all_edits:
        return text, 0
    newline = "\r\n" if "\r\n" in text else "\n"
    parts: list[str] = []
    pos = len(text)
    for edit in all_edits:
        replacement = edit.replacement.replace("\r\n", "\n").replace("\n", newline)
        parts.append(text[edit.end : pos])
        parts.append(replacement)
        pos = edit.start
    parts.append(text[:pos])
    return "".join(reversed(parts)), len(chosen)


MAX_PASSES = 10


def fix_document(linter: RuleEngine, doc: Document, unsafe: bool = False) -> tuple[str, int]:
    """Apply fixes to a fixpoint: re-lint after each pass, since one fix can enable or overlap another.

    Returns the fixed text and the number of fixes applied. A document decoded with
    replacement characters is only changed by a fix that replaces the whole text (a
    re-encoding, which is unsafe); anything else would write the replacement characters.
    """
    from postlint.reader import parse

    text, total = doc.text, 0
    for _ in range(MAX_PASSES):
        violations = linter.lint_document(doc)
        if doc.lossy:
            violations = [v for v in violations if v.fix is not None and _whole(v, doc)]
        new_text, applied = apply_edits(text, violations, unsafe=unsafe)
        if not applied or new_text == text:
            break
        text, total = new_text, total + applied
        doc = parse(text, doc.format, doc.path)
    return text, total


def _whole(violation: Violation, doc: Document) -> bool:
    assert violation.fix is not None
    return any(e.start == 0 and e.end == len(doc.text) for e in violation.fix.edits)


def write_atomically(path: Path, text: str, bom: bool) -> None:
    """Write UTF-8 (with the original BOM, if any) through a temporary file and a rename."""
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    from postlint.atomic import replace_file

    status = path.stat()
    replace_file(path, data, mode=status.st_mode & 0o7777, durable=True, owner=(status.st_uid, status.st_gid))
