"""Prefilters may rule a rule out only when no block could match: never a missed violation."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.kinds.check_base import scope_view
from postlint.prefilter import Prefilter, folds_plainly
from postlint.reader import parse
from postlint.runner import load_linter


def _pieces_may_match(pattern: re.Pattern[str], pieces: list[str]) -> tuple[bool, bool]:
    """(does the original match some piece, does the prefilter allow the joined pieces)."""
    prefilter = Prefilter.of(pattern)
    assert prefilter is not None
    joined = "\n\n".join(pieces)
    lowered = "\n\n".join(p.lower() for p in pieces)
    allowed = prefilter.may_match(joined, lowered, folds_plainly(joined, lowered))
    return any(pattern.search(p) for p in pieces), allowed


@pytest.mark.parametrize(
    ("regex", "flags", "pieces"),
    [
        (r"^Requirements$", 0, ["Intro text", "Requirements"]),
        (r"\ARequirements\Z", 0, ["Intro", "Requirements"]),
        (r"(?<!\s)young", 0, ["young at the start of a block"]),
        (r"(?<![\w-])rockstar(?![\w-])", re.IGNORECASE, ["ROCKSTAR"]),
        (r"\bninja\b", re.IGNORECASE, ["a", "Ninja"]),
        (r"(?>young|youthful)\s+team", re.IGNORECASE, ["youthful team"]),
        (r"young++er", 0, ["youngger"]),
        (r"(a)?(?(1)b|c)young", 0, ["cyoung"]),
        (r"salesman", re.IGNORECASE, ["ſalesman"]),  # 'ſ' matches 's' without ignoring case
        (r"(?i:ΟΔΟΣ)", 0, ["οδος"]),
        (r"(?:must|should)\s+be\s+(?:a\s+)?recent\s+grad", re.IGNORECASE, ["You MUST be a recent grad"]),
    ],
)
def test_prefilter_never_rules_out_a_match(regex: str, flags: int, pieces: list[str]) -> None:
    matched, allowed = _pieces_may_match(re.compile(regex, flags), pieces)
    assert matched
    assert allowed


def test_prefilter_rules_out_text_without_the_words() -> None:
    pattern = re.compile(r"\b(?:young|youthful)\s+(?:team|crew)\b|\bdigital\s+natives?\b", re.IGNORECASE)
    prefilter = Prefilter.of(pattern)
    assert prefilter is not None
    text = "We build payroll software for schools.\n\nA small team in Denver."
    assert not prefilter.may_contain(text.lower(), True)
    assert not prefilter.may_match(text, text.lower(), True)


def test_prefilter_survives_pickling() -> None:
    import pickle

    pattern = re.compile(r"\b(?:current|previous)\s+salary\b", re.IGNORECASE)
    prefilter = Prefilter.of(pattern)
    restored = pickle.loads(pickle.dumps(prefilter))
    for text in ("what is your previous salary", "salary: $90k"):
        assert restored.may_match(text, text.lower(), True) == prefilter.may_match(text, text.lower(), True)


_WORDS = st.sampled_from(
    [
        "young",
        "youthful",
        "team",
        "digital",
        "native",
        "recent",
        "grad",
        "graduate",
        "must",
        "be",
        "salary",
        "history",
        "current",
        "previous",
        "he",
        "she",
        "his",
        "her",
        "him",
        "chairman",
        "salesman",
        "ninja",
        "rockstar",
        "fit",
        "culture",
        "EOE",
        "equal",
        "opportunity",
        "ſ",
        "Σ",
        "ς",
        "İ",
        "K",
        "-",
        ",",
        ".",
        "!",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_WORDS, max_size=12).map(" ".join), min_size=1, max_size=4))
def test_builtin_rules_prefilters_are_supersets(pieces: list[str]) -> None:
    """Every built-in rule's prefilters, on random blocks made of the words the rules look for."""
    for rule in _RULES:
        check = rule.check
        for prefilter, pattern in zip(getattr(check, "prefilters", ()), _regexes(check), strict=False):
            if prefilter is None:
                continue
            joined = "\n\n".join(pieces)
            lowered = "\n\n".join(p.lower() for p in pieces)
            if any(pattern.search(p) for p in pieces):
                assert prefilter.may_match(joined, lowered, folds_plainly(joined, lowered)), (rule.id, pieces)


def _regexes(check: object) -> list[re.Pattern[str]]:
    """The regexes a check's `prefilters` line up with: its regex patterns, then its substitutions."""
    patterns = [p for p in getattr(check, "patterns", ()) if isinstance(p, re.Pattern)]
    return patterns + [p for p, _ in getattr(check, "substitutions", ())]


_RULES = load_linter(use_cache=False).rules


def test_rules_give_the_same_findings_without_prefilters() -> None:
    """The whole engine, with and without prefilters, on postings with and without problems."""
    from dataclasses import replace

    from postlint.engine import RuleEngine

    linter = load_linter(use_cache=False)
    plain_rules = []
    for rule in linter.rules:
        check = rule.check
        if hasattr(check, "prefilters"):
            check = replace(check, prefilters=())
        plain_rules.append(replace(rule, check=check))
    unfiltered = RuleEngine(rules=tuple(plain_rules), gazetteer=linter.gazetteer)
    texts = [
        "# Rockstar Salesman\n\nWe want a young, energetic team. Digital natives only!\n\n"
        "He will report to the chairman. What is your current salary?\n\nLocation: Denver, CO",
        "# Engineer\n\nWe are an equal opportunity employer.\n\n- Must be able to lift 50 lbs\n- Culture fit",
    ]
    for text in texts:
        with_filters = [v.rule for v in linter.lint_text(text)]
        without = [v.rule for v in unfiltered.lint_text(text)]
        assert with_filters == without
        assert with_filters


def test_scope_view_is_shared_by_rules() -> None:
    doc = parse("# Title\n\nSome text.\n\n- an item\n", "markdown", "x.md")
    memo: dict[object, object] = {}  # one lint's store (PostingFacts.memo)
    assert scope_view(doc, ("text",), memo) is scope_view(doc, ("text",), memo)


@pytest.mark.parametrize(
    ("regex", "flags", "text"),
    [
        (r"\b(?:job\s+|work\s+)?locations?\s*:", re.IGNORECASE, "Work location: Denver. Location: remote"),
        (r"\b(?:job\s+|work\s+)?locations?\s*:", re.IGNORECASE, "our locations are many; job  location : x"),
        (r"(?<![\w-])rockstar(?![\w-])", re.IGNORECASE, "a ROCKSTAR, not a rock-rockstar or rockstars"),
        (r"\bequal\s+opportunit(?:y|ies)\b", re.IGNORECASE, "equal opportunity equalopportunity EQUAL  Opportunities"),
        (r"(?:full|part)[-\s]?time", re.IGNORECASE, "fulltime, part-time and Full Time"),
        (r"(?:abc)+d|xyz", 0, "abcabcd xyz abd"),
    ],
)
def test_search_and_finditer_at_starts_equal_re(regex: str, flags: int, text: str) -> None:
    """Trying a pattern only where a match can start finds exactly what `re` finds."""
    pattern = re.compile(regex, flags)
    prefilter = Prefilter.of(pattern)
    assert prefilter is not None
    lowered = text.lower()
    assert prefilter.starts(lowered, True) is not None  # the shortcut is taken, not the fallback
    found = prefilter.search(pattern, text, lowered, True)
    expected = pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in prefilter.finditer(pattern, text, lowered, True)] == [
        m.span() for m in pattern.finditer(text)
    ]


def test_leading_strings_reach_past_an_optional_group() -> None:
    """`(?:job\\s+)?location` can only start at "job" or at "location"."""
    prefilter = Prefilter.of(re.compile(r"\b(?:job\s+|work\s+)?locations?\b", re.IGNORECASE))
    assert prefilter is not None
    text = "where we are: our job location is denver; other locations too"
    starts = prefilter.starts(text, True)
    assert starts == sorted({text.index("job"), text.index("location"), text.index("locations")})


@pytest.mark.parametrize("regex", [r"\b(?:ab)?c", r"(?:x*)yz", r"\b\d+\s*years"])
def test_no_leading_strings_when_a_match_may_start_anywhere(regex: str) -> None:
    """Short, empty-able or class-led starts give no start positions: `search` is used as before."""
    prefilter = Prefilter.of(re.compile(regex))
    assert prefilter is not None
    assert prefilter.starts("ab c xyz 5 years", True) is None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, max_size=30).map(" ".join))
def test_builtin_rules_search_at_starts_equals_search(text: str) -> None:
    """For every built-in rule's patterns, `Prefilter.search` and `finditer` equal `re`'s, on random text."""
    lowered = text.lower()
    plain = folds_plainly(text, lowered)
    for rule in _RULES:
        check = rule.check
        for prefilter, pattern in zip(getattr(check, "prefilters", ()), _regexes(check), strict=False):
            if prefilter is None:
                continue
            found, expected = prefilter.search(pattern, text, lowered, plain), pattern.search(text)
            assert (found and found.span()) == (expected and expected.span()), (rule.id, text)
            spans = [m.span() for m in prefilter.finditer(pattern, text, lowered, plain)]
            assert spans == [m.span() for m in pattern.finditer(text)], (rule.id, text)
