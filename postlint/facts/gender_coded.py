"""Masculine- and feminine-coded words in a posting (Gaucher, Friesen and Kay 2011), counted as whole words.

The word list is data (postlint/data/gender_coded.yaml): whole word forms, never
stems, so "committee" is not "committed" and "childcare" is not "child*". Words
inside the posting's own equal-opportunity statements, quotations, headings and
code, and in an HTML page's navigation and footer, are not counted: they are not
how the posting describes the job. Words are looked up one by one in a
dictionary, which is much faster than a regex of a hundred alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from postlint.document import HEADING, PROSE_KINDS
from postlint.prefilter import Prefilter, folds_plainly
from postlint.regex_store import packaged, regex

if TYPE_CHECKING:
    from postlint.document import Document

MASCULINE = "masculine"
FEMININE = "feminine"


# A word as the lists write them: letters, maybe joined by hyphens ("self-confident"), not by apostrophes
# ("leader's" is "leader").
_TOKEN = regex(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# `_TOKEN` where `finditer` starts one: a letter no word runs into (no letter, and no letter and hyphen, before it).
_TOKEN_AT = regex(r"(?<![^\W\d_])(?<![^\W\d_]-)[^\W\d_]+(?:-[^\W\d_]+)*")
_ASCII_TOKEN = regex(_TOKEN.pattern, re.ASCII)  # the same words in ASCII text, found faster (`textstats.WORD`)


@dataclass(frozen=True, slots=True)
class WordLists:
    """The word forms of each side (lower case, plain hyphens), and the phrases in which a word is not coded."""

    sides: dict[str, str]  # word form -> "masculine" or "feminine"
    not_coded: re.Pattern[str] | None
    source: str
    forms: frozenset[str] = frozenset()  # the keys of `sides`, for set operations
    # What `not_coded` needs in a text to match (see `_PhraseTest`); analysed once, kept in the disk cache.
    phrases_prefilter: Prefilter | None = None


@dataclass(frozen=True, slots=True)
class CodedWord:
    word: str
    side: str  # "masculine" or "feminine"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Coding:
    """The coded words of one posting, in the order they appear."""

    words: tuple[CodedWord, ...]

    def side(self, side: str) -> list[CodedWord]:
        return [w for w in self.words if w.side == side]

    def counts(self, side: str) -> dict[str, int]:
        """How often each word of one side appears, most frequent first."""
        found: dict[str, int] = {}
        for w in self.side(side):
            key = w.word.lower()
            found[key] = found.get(key, 0) + 1
        return dict(sorted(found.items(), key=lambda item: (-item[1], item[0])))


def parse_word_lists(data: dict[str, object]) -> WordLists:
    """Compile the lists from their YAML form: {masculine: {stem: [forms]}, feminine: ..., not_coded: [regex]}."""
    sides: dict[str, str] = {}
    for side in (MASCULINE, FEMININE):
        entries = data.get(side)
        if not isinstance(entries, dict):
            raise ValueError(f"gender_coded: '{side}' must map each of the paper's entries to its word forms")
        for forms in entries.values():
            for form in forms or []:
                word = str(form).strip().lower()
                if sides.get(word, side) != side:
                    raise ValueError(f"gender_coded: {word!r} is listed as both masculine and feminine")
                sides[word] = side
    phrases = data.get("not_coded") or []
    if not isinstance(phrases, list):
        raise ValueError("gender_coded: 'not_coded' must be a list of regexes")
    not_coded = packaged("|".join(f"(?:{p})" for p in phrases), re.IGNORECASE) if phrases else None
    prefilter = Prefilter.of(not_coded) if not_coded is not None else None
    return WordLists(sides, not_coded, str(data.get("source", "")), frozenset(sides), prefilter)


@lru_cache(maxsize=1)
def builtin_word_lists() -> WordLists:
    """postlint's list (postlint/data/gender_coded.yaml), read once per process (from the disk cache if it can)."""
    from postlint.cache import cached

    return cached("gender-coded", _data_path("gender_coded.yaml"), _read_builtin_word_lists)


def _data_path(name: str) -> Path:
    import postlint.data

    return Path(postlint.data.__file__).parent / name


def _read_builtin_word_lists() -> WordLists:
    from postlint.packs.yamlpos import load_shipped

    return parse_word_lists(load_shipped(_data_path("gender_coded.yaml").read_text(encoding="utf-8")))


def count_coded_words(
    doc: Document, skipped: list[tuple[int, int]] | None = None, lists: WordLists | None = None
) -> Coding:
    """Every coded word in the posting's prose, outside headings, quotations and the `skipped` source spans
    (the posting's own statements)."""
    from postlint.facts.statements import Covered, quoted_spans

    lists = lists or builtin_word_lists()
    covered = Covered(skipped or [])
    found: list[CodedWord] = []
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS or block.kind == HEADING or block.quoted or block.chrome:
            continue
        text = block.prose
        # Lower-cased, with typographic hyphens as plain ones; the same length, so offsets hold.
        words = text.lower().replace("\u2010", "-").replace("\u2011", "-")
        if len(words) != len(text):
            words = text
        present = lists.forms.intersection((_ASCII_TOKEN if words.isascii() else _TOKEN).findall(words))
        if not present:
            continue
        quotes = Covered(quoted_spans(text))
        phrases = _PhraseTest(lists, text)
        for a, b, word in token_spans(words, present):
            if covered and covered.covers(block.start + a, block.start + b):
                continue
            if (quotes and quotes.covers(a, b)) or phrases.not_coded(a, b):
                continue
            if words[b : b + 1] in _NAME_JOINERS and words[b + 1 : b + 2].isalpha() and text[b + 1 : b + 2].islower():
                continue  # a name, not a word: "Challenge.gov", "lead_time", "challenge@"
            found.append(CodedWord(text[a:b], lists.sides[word], block.start + a, block.start + b))
    return Coding(tuple(found))


def token_spans(words: str, present: AbstractSet[str]) -> list[tuple[int, int, str]]:
    """The `_TOKEN.finditer(words)` matches that are in `present`, as (start, end, word), in order.

    A block holds a few coded words among hundreds of others: each is found with `str.find` and kept where
    `finditer` would have matched it whole, rather than visiting every word of the block in Python.
    """
    found: list[tuple[int, int, str]] = []
    for word in present:
        size = len(word)
        at = words.find(word)
        while at != -1:
            m = _TOKEN_AT.match(words, at)
            if m is not None and m.end() == at + size:
                found.append((at, at + size, word))
            at = words.find(word, at + 1)
    found.sort()
    return found


_WINDOW = 60  # characters around a word that a `not_coded` phrase may span
# What joins a word into a name when a lower-case letter follows it: a domain ("Challenge.gov"), an identifier.
_NAME_JOINERS = frozenset({".", "_"})


class _PhraseTest:
    """Whether a word of one block is part of a phrase in which it is not coded ("competitive salary").

    The phrases are searched in a window around the word. Most windows lack the words every
    phrase needs (its prefilter's literals), and testing for those is several times cheaper
    than the search: a window without them holds no phrase, so the search is skipped.
    """

    __slots__ = ("_lowered", "_pattern", "_prefilter", "_text")

    def __init__(self, lists: WordLists, text: str) -> None:
        self._text = text
        self._pattern = lists.not_coded
        self._prefilter = lists.phrases_prefilter
        lowered = text.lower()
        self._lowered = lowered if self._prefilter is not None and folds_plainly(text, lowered) else None

    def not_coded(self, a: int, b: int) -> bool:
        """Whether the word at text[a:b] lies in a phrase in which it is not coded."""
        if self._pattern is None:
            return False
        lo, hi = max(0, a - _WINDOW), min(len(self._text), b + _WINDOW)
        if self._lowered is not None and not self._prefilter.may_contain(self._lowered[lo:hi], True):  # type: ignore[union-attr]
            return False  # every match in the window lies in it, and contains the phrase's words
        return any(m.start() < b and a < m.end() for m in self._pattern.finditer(self._text, lo, hi))
