"""Counting words, sentences and syllables for metric rules.

Reading grade is the Flesch-Kincaid grade level
(0.39 * words/sentences + 11.8 * syllables/words - 15.59). Syllables are
estimated from vowel groups with the usual English corrections; the estimate
is within one syllable for most words, which is plenty for a grade threshold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from postlint.regex_store import regex

WORD = regex(r"[^\W\d_](?:[\w'’-]*\w)?")
# `WORD` for ASCII text: there `\w` and `\d` hold the same characters whatever the flag, and `re` tests its
# ASCII classes faster than its Unicode ones (a third of the time of counting a block's words).
_ASCII_WORD = regex(WORD.pattern, re.ASCII)
_VOWEL_GROUPS = regex(r"[aeiouy]+")
_CJK = regex(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def words(text: str) -> list[str]:
    """Words of the text; each CJK character counts as one word."""
    return _cjk_words(text, word_regex(text).findall(text))


def word_regex(text: str) -> re.Pattern[str]:
    """`WORD`, or its twin for ASCII text (`_ASCII_WORD`), which finds the same words there."""
    return _ASCII_WORD if text.isascii() else WORD


# What a `WORD` match may hold, in ASCII text: `\w`, the apostrophe and the hyphen.
_WORD_BYTES = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'-"


def max_words(text: str) -> int:
    """The most words `words(text)` can find, without finding them (a C-speed count, not a regex scan).

    A `WORD` match runs on through letters, digits, `_`, apostrophes and hyphens up to the last word
    character of such a run, so two matches are always parted by some other character: in ASCII
    text there are at most one more words than such characters. Otherwise no more words than
    characters (a CJK character is one word).
    """
    if not text.isascii():
        return len(text)
    return len(text.encode("ascii").translate(None, _WORD_BYTES)) + 1


def _cjk_words(text: str, found: list[str]) -> list[str]:
    if text.isascii():
        return found
    cjk = len(_CJK.findall(text))
    if cjk:
        # A run of CJK characters matches WORD as one token; count its characters instead.
        found = [w for w in found if not _CJK.search(w)] + ["字"] * cjk
    return found


# Where a sentence ends: . ! ? before a space, a blank line, or a line break before a capital, a digit or
# a bullet (a list or a heading written without punctuation), not one inside a wrapped sentence.
# Scraped text loses the line breaks after full stops and headings ("options.Social Security",
# "as follows:Vacation", "sign upYou'll") and flattens tables into cells parted by pipes or runs of
# tabs. So a sentence also ends at . ! ? : with a capitalised word right after it, when a lower-case
# word (two letters or more: not "e.g.", "U.S.", "Mr.", "2.5", "Node.js") or a bracket comes before it
# and the word after is not a domain's ending ("StudentAid.Gov"); inside a word that starts lower-case
# and runs into a capitalised one ("jeansYour"; not "JavaScript", "iPhone" or "macOS": see
# `sentence_spans`); and at a pipe or two tabs or more.
# Every branch starts with the one character class in front, which lets `re` skip to the next
# candidate character at C speed (a pattern of branches that start differently tries each branch at
# each character, and took twice as long before these breaks were added).
_SENTENCE_BREAK = regex(
    r"[.!?。！？:\n|\tA-Z]"
    r"(?:(?<=[.!?。！？])[.!?。！？]*(?=\s|$)"
    r"|(?<=[a-zß-ÿ][a-zß-ÿ)][.!?:])(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ])(?!(?:Com|Net|Org|Gov|Edu|Io)\b)"
    r"|(?<=\n)\s*\n"
    r"|(?<=\n)(?=[ \t]*[A-ZÀ-ÖØ-ÞΑ-ΩА-Я\d*•·▪–-])"
    r"|(?<=\|)"
    r"|(?<=\t)\t+"
    r"|(?<=[a-z]{2}[A-Z])(?=[a-z]))"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Each sentence of the text as (start, end), stripped of surrounding space; only spans with words."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _SENTENCE_BREAK.finditer(text):
        end = brk.end()
        if "A" <= text[brk.start()] <= "Z":  # a capital inside a word: a break only where the word began lower-case
            end = brk.start()
            if not _starts_lower_case(text, end):
                continue
        _add_sentence(text, start, end, spans)
        start = end
    _add_sentence(text, start, len(text), spans)
    return spans


def _starts_lower_case(text: str, at: int) -> bool:
    """Whether the run of letters that ends at `at` begins with a lower-case letter ("jeans", not "Java")."""
    begin = at
    while begin > 0 and text[begin - 1].isalpha():
        begin -= 1
    return text[begin].islower()


def _add_sentence(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    if not word_regex(piece).search(piece):
        return
    lead = len(piece) - len(piece.lstrip())
    spans.append((start + lead, start + len(piece.rstrip())))


def sentence_count(text: str) -> int:
    """Sentences (see `sentence_spans`); a text with words has at least one."""
    return len(sentence_spans(text))


@lru_cache(maxsize=16384)
def syllables(word: str) -> int:
    """Estimate the syllables of an English word (cached: postings repeat their words)."""
    w = word.lower().strip("'’-")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", lambda m: m.group()[0], w)
    w = re.sub(r"^y", "", w)
    count = len(_VOWEL_GROUPS.findall(w))
    return max(1, count)


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade level of the text; 0.0 for text with no words."""
    found = word_regex(text).findall(text)
    if not found:
        return 0.0
    return grade(found, sentence_count(text))


def grade(found: Sequence[str], sentences: int) -> float:
    """Flesch-Kincaid grade level of these words (`WORD` matches) in this many sentences; 0.0 with no words."""
    if not found:
        return 0.0
    sentences = max(1, sentences)
    total_syllables = sum(map(syllables, found))
    return 0.39 * len(found) / sentences + 11.8 * total_syllables / len(found) - 15.59


# Counts kept per text in the lint's memo (`PostingFacts.memo`): the posting's word count, the word and
# grade metrics and the per-sentence metric read the same blocks, and each block is counted once. A rule
# over several blocks adds up their counts rather than counting the blocks joined by blank lines: a word
# never spans a blank line and a blank line always ends a sentence, so the sums are the joined counts.


@dataclass(frozen=True, slots=True)
class Counts:
    """The words of one text: `WORD` matches (what the reading grade reads) and `words()`'s count."""

    tokens: list[str]
    words: int  # a CJK character is one word


def counts(text: str, memo: dict[Any, Any]) -> Counts:
    """The text's `Counts`, kept in `memo` for every rule that counts the same text."""
    key = ("textstats-counts", text)
    found: Counts | None = memo.get(key)
    if found is None:
        tokens = word_regex(text).findall(text)
        found = memo[key] = Counts(tokens, len(_cjk_words(text, tokens)))
    return found


def sentences(text: str, memo: dict[Any, Any]) -> list[tuple[int, int]]:
    """`sentence_spans(text)`, kept in `memo` for every rule that splits the same text."""
    key = ("textstats-sentences", text)
    found: list[tuple[int, int]] | None = memo.get(key)
    if found is None:
        found = memo[key] = sentence_spans(text)
    return found
