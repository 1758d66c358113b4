"""The `shouting` check: sentences written in capitals, told apart from lists of acronyms.

A regex for "six words in capitals" cannot tell "APPLY TODAY AND JOIN THE BEST TEAM"
from "CISSP, GIAC, CCNA/CCNP, ITIL/PMP/PMI, AWS", and one with nested repetition
backtracks on a long line of capitals (32,000 of them took 30 seconds). This check
reads each block once, word by word, so its time grows with the text, and it reports
a run of capitals only when it reads as words: it must hold a few ordinary words
(short function words such as THE, AND, YOU, or words of seven letters or more,
which acronyms rarely are) and must not be a bare list (every gap a comma or slash).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.document import Document
from postlint.kinds.check_base import Check, Context, scope_view
from postlint.regex_store import regex
from postlint.violation import Finding

# A word as the old pattern saw one: letters with apostrophes, ampersands and hyphens inside.
_TOKEN = regex(r"[\w'’&-]+")
# What may stand between two words of one run: spaces and punctuation on one line.
_GAP = regex(r"[ \t,.!:;/]+")
_LIST_GAP = regex(r"[,;/]")
# Where a word of two or more capitals may start: a run needs at least `min_words` of them.
_CAPITAL_START = regex(r"(?<![\w'’&-])[^\W\d_a-z][^\W\d_a-z]")
# The same starts in ASCII text, found faster (see `textstats.WORD`).
_ASCII_CAPITAL_START = regex(_CAPITAL_START.pattern, re.ASCII)
LONG_WORD = 7  # acronyms and certification names are shorter than this
# Finite verbs that make a line of capitals a sentence rather than a heading.
_VERBS = frozenset(
    [
        "IS",
        "ARE",
        "WAS",
        "WERE",
        "BE",
        "WILL",
        "SHALL",
        "MUST",
        "CAN",
        "MAY",
        "SHOULD",
        "WOULD",
        "DO",
        "DOES",
        "HAVE",
        "HAS",
        "NEED",
        "NEEDS",
        "PLEASE",
    ]
)

# A heading may be a question word's clause, verb and all: "WHAT YOU'LL NEED TO BE SUCCESSFUL", "WHY YOU SHOULD
# JOIN US" head a section as "What you'll do" does.
_QUESTION_WORDS = frozenset(["WHAT", "WHO", "WHY", "HOW", "WHERE", "WHEN"])


@dataclass(frozen=True, slots=True)
class ShoutingCheck(Check):
    scopes: tuple[str, ...]
    min_words: int  # words in capitals in a row
    min_plain: int  # of which at least this many read as ordinary words
    plain_words: frozenset[str]  # upper-case function words
    heading_words: int = 8  # a line of capitals this short, with no verb, is a heading
    exceptions: tuple[re.Pattern[str], ...] = ()  # a run matching one is not reported

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        view = scope_view(doc, self.scopes, ctx.memo)
        if not any(c.isupper() for c in view.joined):
            return
        for offset, text, _lowered in view.pieces:
            # Most prose holds few words in capitals: counting their starts (one C-speed pass) skips it.
            starts = _ASCII_CAPITAL_START if text.isascii() else _CAPITAL_START
            if len(starts.findall(text)) < self.min_words:
                continue
            for start, end in self._runs(text):
                yield Finding(offset + start, offset + end, {"match": text[start:end]})

    def _runs(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each run of capitals that reads as shouting; one pass over the text."""
        run: list[re.Match[str]] = []
        for token in _TOKEN.finditer(text):
            if not _capitals(token.group()):
                yield from self._judge(run, text)
                run = []
                continue
            if run and not _GAP.fullmatch(text, run[-1].end(), token.start()):
                yield from self._judge(run, text)
                run = []
            if not run and len(token.group()) < 2:
                continue  # a run starts with a word of two letters or more ("A" alone is a grade, a list mark)
            run.append(token)
        yield from self._judge(run, text)

    def _judge(self, run: list[re.Match[str]], text: str) -> Iterator[tuple[int, int]]:
        if len(run) < self.min_words:
            return
        plain = sum(1 for t in run if len(t.group()) >= LONG_WORD or t.group() in self.plain_words)
        if plain < self.min_plain:
            return  # "CISSP, GIAC, CCNA/CCNP, ITIL/PMP/PMI, AWS": acronyms
        gaps = (text[a.end() : b.start()] for a, b in itertools.pairwise(run))
        if all(_LIST_GAP.search(gap) for gap in gaps):
            return  # "PYTHON, JAVASCRIPT, TYPESCRIPT, ...": a list of names, not a sentence
        start, end = run[0].start(), run[-1].end()
        if self._heading(run, text, start, end):
            return
        line_start, line_end = _line(text, start, end)
        if any(e.search(text, line_start, line_end) for e in self.exceptions):
            return  # the whole line is exempt: a disclaimer's clauses are split by "(C)", "(D)"...
        yield start, end

    def _heading(self, run: list[re.Match[str]], text: str, start: int, end: int) -> bool:
        """A short line that is all capitals and has no verb ("WHY JOIN US AT SOLANO COUNTY?", a table
        cell naming a title, also in a table row written as plain text), or opens with a question word
        ("WHAT YOU'LL NEED TO BE SUCCESSFUL"): a heading written in capitals, as plain-text postings do."""
        if len(run) > self.heading_words:
            return False
        if run[0].group() not in _QUESTION_WORDS and any(t.group() in _VERBS for t in run):
            return False
        line_start, line_end = _line(text, start, end)
        before, after = text[line_start:start], text[end:line_end]
        if before.rstrip(" \t*_").endswith("|") and after.lstrip(" \t*_:").startswith("|"):
            return True  # a whole cell of a table row in plain text ("| ASSISTANT DIRECTOR OF FINANCE | Solano |")
        return not before.strip(" \t*_#|>-•") and not after.strip(" \t*_:?!|")


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding text[start:end] starts and ends."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


def _capitals(word: str) -> bool:
    """A word in capitals: letters, all upper-case, no digits or underscores ("B2B" and "X_1" are not words)."""
    return word[:1].isalpha() and word.isupper() and not any(c.isdigit() or c == "_" for c in word)
