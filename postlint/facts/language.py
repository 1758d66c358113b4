"""The language a posting is written in, from its most common function words.

Function words (articles, pronouns, prepositions) make up a large share of any
running text and differ between languages, so counting them is a fast and
dependable guess for a job posting's few hundred words, with no model to load.
Chinese and Japanese are told by their scripts. Words that several languages
share ("de", "la", "en") count for none of them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from postlint.kinds.check_base import Condition, Context
from postlint.laws import any_within
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex

if TYPE_CHECKING:
    from postlint.document import Document

_FUNCTION_WORDS = {
    "en": "the and of to for are with you we our will be on as this that or your at by from have it not who what "
    "their they can all about us has which would should",
    "fr": "le les des et est une du pour dans vous nous sur avec au aux qui ne pas sont votre notre vos nos ce cette "
    "ces leur leurs être avoir ou où été sera afin chez aussi mais comme très",
    "de": "der die das und ist ein eine einen einem einer mit für auf den dem des wir sie ihr ihre ihren nicht zu von "
    "im bei oder als auch uns unser unsere unseren du dich dein deine sich wird werden sind zum zur über nach",
    "es": "el los las y con por para una del su sus al nuestro nuestra nuestros tu tus como más usted ustedes somos "
    "estamos experiencia trabajo",
    "nl": "het een van voor met op je jij wij zijn niet ook jouw bij naar dat wat hebt heb wordt worden onze ons bent "
    "kun kunnen",
    # Italian, Polish and Slovak: for the gender-neutral job-title laws of Italy, Poland and Slovakia.
    "it": "il di che sono della delle degli dei nel nella alla questo questa anche siamo nostro nostra gli è "
    "lavoro azienda ruolo esperienza cerchiamo",
    "pl": "w z się że jest dla oraz lub przez pracy naszego naszej będzie są który która które jak szukamy osoby",
    "sk": "v sa že pre ako alebo ktorý ktorá ktoré sme naša náš práca práce bude sú hľadáme ktorí",
}
# A word in two languages' lists ("des", "du") tells nothing: it counts for neither.
_SEEN = Counter(word for text in _FUNCTION_WORDS.values() for word in set(text.split()))
STOP_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(word for word in text.split() if _SEEN[word] == 1) for lang, text in _FUNCTION_WORDS.items()
}
_OWNER = {w: lang for lang, words in STOP_WORDS.items() for w in words}

_WORD = regex(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_WORD = regex(_WORD.pattern, re.ASCII)  # the same words in ASCII text, found faster (`textstats.WORD`)
_HAN = regex(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = regex(r"[\u3040-\u30ff]")
_HANGUL = regex(r"[\uac00-\ud7af]")
_SAMPLE = 4_000  # characters: the start of a posting says as much as the whole of it
_MIN_HITS = 5  # fewer function words than this is too little text to tell
# Function words are a fifth or more of running text in the language they belong to; a few English words in
# a Finnish or Swedish posting ("Analytics Engineer", a tool's name) are one word in fifty or fewer.
_MIN_DENSITY = 0.03
_TAGS = lazy_regex(r"^([a-z]{2})(?:[-_][A-Za-z0-9]+)*$")
LANGUAGE_KEYS = ("lang", "language", "locale")


@dataclass(frozen=True, slots=True)
class Guess:
    """A detected language and what it rests on (for `inspect`)."""

    language: str | None
    source: str  # "front-matter", "text" or "none"
    scores: tuple[tuple[str, int], ...] = ()


def detect_language(text: str) -> str | None:
    """The language of a text as an ISO 639-1 code (en, fr, de, es, nl, it, pl, sk, zh, ja, ko), or None if unsure."""
    return _detect(text)[0]


def _detect(text: str) -> tuple[str | None, tuple[tuple[str, int], ...]]:
    sample = text[:_SAMPLE]
    if sample.isascii():  # constant time, and most postings: no script to count
        han = kana = hangul = 0
    else:
        han = len(_HAN.findall(sample))
        kana = len(_KANA.findall(sample))
        hangul = len(_HANGUL.findall(sample))
    lowered = sample.lower()
    tokens = (_ASCII_WORD if lowered.isascii() else _WORD).findall(lowered)
    owner = _OWNER.get
    counts = Counter(lang for lang in map(owner, tokens) if lang is not None)
    scores = tuple(counts.most_common())
    # A CJK character is roughly a word of Latin-script text; whichever is more of the text wins.
    cjk = han + kana + hangul
    if cjk >= 10 and cjk > len(tokens):
        if hangul > han + kana:
            return "ko", scores
        return ("ja" if kana >= 0.1 * (han + kana) else "zh"), scores
    if not scores or scores[0][1] < _MIN_HITS:
        return None, scores
    best, hits = scores[0]
    if hits < _MIN_DENSITY * len(tokens):  # a count of hits says little without the words around them
        return None, scores
    runner_up = scores[1][1] if len(scores) > 1 else 0
    # A bilingual posting with neither language clearly ahead has no single language.
    if hits < 1.25 * runner_up:
        return None, scores
    return best, scores


def _declared(doc: Document) -> str | None:
    """A language the front matter states (`lang: fr`, `language: de-AT`)."""
    for key in LANGUAGE_KEYS:
        value = doc.meta(key)
        if isinstance(value, str):
            match = _TAGS.match(value.strip())
            if match:
                return match.group(1).lower()
    return None


def guess_language(doc: Document) -> Guess:
    """The posting's language: what its front matter declares, else what its prose reads as."""
    declared = _declared(doc)
    if declared is not None:
        return Guess(declared, "front-matter")
    parts = [doc.title] if doc.title else []
    parts += [block.prose for block in doc.prose_blocks()]
    language, scores = _detect("\n".join(parts))
    return Guess(language, "text" if language else "none", scores)


@dataclass(frozen=True, slots=True)
class FactCondition(Condition):
    """A rule's `when` with conditions on what is read from the posting: its language, where it is not,
    how long it is."""

    languages: tuple[str, ...] = ()
    outside: tuple[str, ...] = ()
    min_words: int = 0

    def applies_before_text(self, doc: Document, ctx: Context) -> bool:
        if not Condition.applies_before_text(self, doc, ctx):
            return False
        if self.outside and any_within(self.outside, ctx.jurisdictions):
            return False
        facts = ctx.facts
        if self.min_words and (facts.word_count if facts is not None else count_words(doc)) < self.min_words:
            return False
        if not self.languages:
            return True
        language = facts.language if facts is not None else guess_language(doc).language
        return language in self.languages


def count_words(doc: Document, memo: dict[Any, Any] | None = None) -> int:
    """Words of the posting's prose (headings, paragraphs, list items, table cells); each block's count is kept
    in `memo` (the lint's, if given), where the word metrics find it."""
    from postlint.textstats import counts

    memo = {} if memo is None else memo
    return sum(counts(block.prose, memo).words for block in doc.prose_blocks())
