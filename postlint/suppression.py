"""Inline suppression comments and front-matter ignores.

`<!-- postlint-disable RULE... -->` ... `<!-- postlint-enable RULE... -->`,
`<!-- postlint-disable-next-line RULE... -->`, `<!-- postlint-disable-file RULE... -->`
(no rule: all rules). Plain text uses the same directive alone on a line after `# `.
Front matter: `postlint: {ignore: [RULE...]}`. A directive naming an unknown rule
is itself reported, so suppressions cannot silently go stale.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from postlint.document import CODE, Document, Problem
from postlint.regex_store import regex

_COMMENT = regex(r"<!--\s*postlint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.DOTALL)
_TEXT_LINE = regex(r"^[ \t]*#[ \t]*postlint-(disable-next-line|disable-file|disable|enable)\b([^\n]*)$", re.MULTILINE)
ALL = "*"
_TOKEN = regex(r"[^\s,]+")


@dataclass
class Suppressions:
    """Which rules are off where: for the whole file, or over ranges of offsets."""

    file_wide: set[str] = field(default_factory=set)  # tokens (ALL for every rule)
    ranges: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, token)
    problems: list[Problem] = field(default_factory=list)  # unknown rule names, reported by the `directive` rule

    def suppressed(self, offset: int, matches: Callable[[str], bool]) -> bool:
        if any(t == ALL or matches(t) for t in self.file_wide):
            return True
        return any(a <= offset < b and (t == ALL or matches(t)) for a, b, t in self.ranges)


def parse_suppressions(doc: Document, is_known: Callable[[str], bool]) -> Suppressions:
    """Read every directive of a document; unknown rule names become `directive` problems of this run
    (kept in the result, not written into the document, so linting it again gives the same answer)."""
    result = Suppressions()
    text = doc.text
    pattern = _TEXT_LINE if doc.format == "text" else _COMMENT
    open_at: dict[str, int] = {}
    if "postlint-" in text:
        code = [(b.start, b.end) for b in doc.blocks if b.kind == CODE]
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in code):
                continue  # a directive shown in a code sample is not a directive
            verb = m.group(1)
            named = [(t.group(), m.start(2) + t.start()) for t in _TOKEN.finditer(m.group(2))]
            for token, at in named:
                if not is_known(token):
                    message = f"Unknown rule or pack {token!r} in a suppression comment"
                    result.problems.append(Problem("directive", message, at, at + len(token)))
            tokens = [t for t, _ in named if is_known(t)] if named else [ALL]
            if not tokens:
                continue
            if verb == "disable-file":
                result.file_wide.update(tokens)
            elif verb == "disable":
                for token in tokens:
                    open_at.setdefault(token, m.end())
            elif verb == "enable":
                closing = list(open_at) if tokens == [ALL] else tokens
                for token in closing:
                    if token in open_at:
                        result.ranges.append((open_at.pop(token), m.start(), token))
            else:
                start, end = _next_line(text, m.end())
                result.ranges.extend((start, end, token) for token in tokens)
    for token, start in open_at.items():
        result.ranges.append((start, len(text) + 1, token))
    ignored = doc.meta("postlint")
    if isinstance(ignored, dict):
        listed = ignored.get("ignore", [])
        listed = [listed] if isinstance(listed, str) else listed
        if isinstance(listed, list):
            for token in map(str, listed):
                if is_known(token):
                    result.file_wide.add(token)
                else:
                    at = doc.front_matter.key_offsets.get("postlint", 0) if doc.front_matter else 0
                    result.problems.append(
                        Problem("directive", f"Unknown rule or pack {token!r} in front-matter ignore", at, at)
                    )
    return result


def _next_line(text: str, after: int) -> tuple[int, int]:
    """The span of the first non-blank line after the directive's line."""
    pos = text.find("\n", after)
    while pos != -1:
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return start, end + 1
        pos = end if end < len(text) else -1
    return len(text), len(text)
