"""The `mojibake` check: reports what `facts/mojibake.py` finds, with its repair as the fix."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from postlint.document import Document
from postlint.facts.mojibake import LOSSY, READINGS, find_mojibake, symbol_bullets, visible
from postlint.kinds.check_base import Check, Context
from postlint.violation import Edit, Finding, Fix


@dataclass(frozen=True, slots=True)
class MojibakeCheck(Check):
    """Report mojibake runs with their repair (safe when lossless, unsafe when a guess)."""

    lossy: bool = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        text = doc.text
        taken: list[tuple[int, int]] = []
        for r in find_mojibake(text):
            taken.append((r.start, r.end))
            source, reading = ("Windows-1252", "Latin-1") if r.codec == "latin-1" else ("UTF-8", READINGS[r.codec])
            fix = Fix("safe" if r.certain else "unsafe", f"Replace with '{r.text}'", (Edit(r.start, r.end, r.text),))
            values = {
                "match": visible(text[r.start : r.end]),
                "replacement": r.text,
                "encoding": reading,
                "source": source,
            }
            yield Finding(r.start, r.end, values, fix=fix)
        yield from symbol_bullets(text, taken)
        if not self.lossy or ("â" not in text and "Â" not in text):
            return
        for pattern, replacement, what in LOSSY:
            for m in pattern.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                fix = Fix("unsafe", f"Replace with {what}", (Edit(m.start(), m.end(), replacement),))
                values = {
                    "match": m.group(),
                    "replacement": replacement,
                    "encoding": "Windows-1252, bytes lost",
                    "source": "UTF-8",
                }
                yield Finding(m.start(), m.end(), values, fix=fix)
