"""Per-posting shortcuts of the lint path give what the plain code gives, on real and adversarial text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.document import Document
from postlint.facts import gender_coded
from postlint.facts.gender_coded import builtin_word_lists, count_coded_words, token_spans
from postlint.reader import parse

ROOT = Path(__file__).resolve().parents[1]
# Real postings: the examples and the accuracy set.
_POSTINGS = sorted(
    p
    for folder in (ROOT / "examples", ROOT / "tests" / "accuracy" / "postings")
    for p in folder.rglob("*")
    if p.suffix in {".md", ".txt", ".html"}
)
_FORMATS = {".md": "markdown", ".txt": "text", ".html": "html"}


def _real_docs() -> list[Document]:
    return [parse(p.read_text(encoding="utf-8", errors="replace"), _FORMATS[p.suffix], p.name) for p in _POSTINGS]


# --- gender-coded words: found with `str.find`, kept where `_TOKEN.finditer` matches them whole ---------------


def _plain_token_spans(words: str, present: frozenset[str]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in gender_coded._TOKEN.finditer(words) if m.group() in present]


_CODED = sorted(builtin_word_lists().forms)[:40]
_PIECES = st.sampled_from(
    [*_CODED, "lead", "leader", "self", "confident", "-", "--", "'", "’", "1", "_", "é", "ß", "字", "²", "½"]
)
_WORDS = st.lists(st.tuples(st.sampled_from(["", " ", "-", "_", "1", "\n", "’s "]), _PIECES), max_size=20).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@settings(max_examples=400)
@given(_WORDS, st.sets(st.sampled_from([*_CODED, "lead", "self-confident", "a", "é", "ana"]), max_size=6))
def test_token_spans_are_the_plain_tokens(words: str, wanted: set[str]) -> None:
    present = frozenset(wanted)
    assert token_spans(words, present) == _plain_token_spans(words, present)


@pytest.mark.parametrize(
    "words",
    ["banana ana anana", "self-confident self-confident-ish -self -confident", "a-a-a a--a a_a 1a a1 ²a"],
)
def test_token_spans_on_chosen_text(words: str) -> None:
    present = frozenset({"ana", "self-confident", "confident", "a", "self"})
    assert token_spans(words, present) == _plain_token_spans(words, present)


def test_coded_words_of_real_postings(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _real_docs()
    quick = [count_coded_words(doc) for doc in docs]
    assert sum(len(c.words) for c in quick) > 50  # the postings do hold coded words
    with monkeypatch.context() as patched:
        patched.setattr(gender_coded, "token_spans", _plain_token_spans)
        assert [count_coded_words(doc) for doc in docs] == quick


# --- word regexes: their ASCII twins (the same pattern with re.ASCII) on ASCII text ---------------------------


def _ascii_twins() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    from postlint import textstats
    from postlint.facts import language
    from postlint.kinds.shouting import check as shouting

    return [
        (textstats.WORD, textstats._ASCII_WORD),
        (gender_coded._TOKEN, gender_coded._ASCII_TOKEN),
        (language._WORD, language._ASCII_WORD),
        (shouting._CAPITAL_START, shouting._ASCII_CAPITAL_START),
    ]


@pytest.mark.parametrize("pair", _ascii_twins(), ids=lambda pair: pair[0].pattern)
def test_an_ascii_twin_is_its_pattern_with_the_ascii_flag(pair: tuple[re.Pattern[str], re.Pattern[str]]) -> None:
    unicode, ascii_twin = pair
    assert ascii_twin.pattern == unicode.pattern
    assert ascii_twin.flags == unicode.flags & ~re.UNICODE | re.ASCII


@pytest.mark.parametrize("pair", _ascii_twins(), ids=lambda pair: pair[0].pattern)
def test_an_ascii_twin_finds_the_same_in_every_ascii_pair(pair: tuple[re.Pattern[str], re.Pattern[str]]) -> None:
    """Every ASCII character, alone, after and before every other: `\\w`, `\\d` and the lookbehinds agree."""
    unicode, ascii_twin = pair
    chars = [chr(c) for c in range(128)]
    for a in chars:
        for b in chars:
            text = a + b + a
            assert ascii_twin.findall(text) == unicode.findall(text), repr(text)


_ASCII_TEXT = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)


@settings(max_examples=300)
@given(_ASCII_TEXT)
def test_ascii_twins_find_the_same_words(text: str) -> None:
    for unicode, ascii_twin in _ascii_twins():
        assert ascii_twin.findall(text) == unicode.findall(text)
        assert [m.span() for m in ascii_twin.finditer(text)] == [m.span() for m in unicode.finditer(text)]


def test_word_counts_of_real_postings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Word counts, sentences, reading grades, languages, coded words and every finding of real postings, with and
    without the twins."""
    from postlint import textstats
    from postlint.facts import language
    from postlint.kinds.shouting import check as shouting

    def measures() -> list[Any]:
        found: list[Any] = []
        for doc in _real_docs():
            for block in doc.blocks:
                memo: dict[Any, Any] = {}
                counted = textstats.counts(block.prose, memo)
                found.append((counted, textstats.sentences(block.prose, memo), textstats.words(block.prose)))
                found.append(textstats.reading_grade(block.prose))
            found.append((language.guess_language(doc), count_coded_words(doc)))
        return found

    def findings() -> list[Any]:
        from postlint.runner import load_linter

        engine = load_linter(use_cache=False)
        return [[v.to_dict() for v in engine.lint_document(doc)] for doc in _real_docs()]

    quick, reported = measures(), findings()
    assert any(not doc.text.isascii() for doc in _real_docs())  # both kinds of text are read
    with monkeypatch.context() as patched:
        patched.setattr(textstats, "_ASCII_WORD", textstats.WORD)
        patched.setattr(gender_coded, "_ASCII_TOKEN", gender_coded._TOKEN)
        patched.setattr(language, "_ASCII_WORD", language._WORD)
        patched.setattr(shouting, "_ASCII_CAPITAL_START", shouting._CAPITAL_START)
        assert measures() == quick
        assert findings() == reported
