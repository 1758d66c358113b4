"""Prefilters may rule a rule out only when no block could match: never a missed violation."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

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


_DEFERRED_CASES = [
    (r"\b(?:young|youthful)\s+(?:team|crew)\b|\bdigital\s+natives?\b", re.IGNORECASE),
    (r"\b(?:current|previous)\s+salary\b", re.IGNORECASE),
    (r"^Requirements$", 0),
    (r"(?<![\w-])rockstar(?![\w-])", re.IGNORECASE),
    (r"\d+\+?\s+years", 0),
]
_DEFERRED_TEXTS = [
    "A young team of digital natives.",
    "What is your previous salary?\n\nRequirements",
    "Rockstar wanted: 5+ years of Go.",
    "We build payroll software for schools.",
    "ſalesman ΟΔΟΣ",
]


def _answers(prefilter: Prefilter, pattern: re.Pattern[str]) -> list[Any]:
    found = []
    for text in _DEFERRED_TEXTS:
        lowered, plain = text.lower(), folds_plainly(text)
        encoded = lowered.encode() if plain else None
        found += [
            prefilter.may_match(text, lowered, plain),
            prefilter.may_match(text, lowered, plain, encoded),
            prefilter.may_contain(lowered, plain),
            prefilter.rules_out(lowered, plain, encoded),
            prefilter.starts(lowered, plain),
            _span(prefilter.search(pattern, text, lowered, plain)),
            [m.span() for m in prefilter.finditer(pattern, text, lowered, plain)],
        ]
    return found


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@pytest.mark.parametrize(("regex", "flags"), _DEFERRED_CASES)
def test_a_deferred_prefilter_answers_as_an_eager_one(regex: str, flags: int) -> None:
    from postlint.prefilter import build_prefilters

    pattern = re.compile(regex, flags)
    eager = Prefilter.of(pattern)
    assert eager is not None
    before = build_prefilters(True)
    try:
        deferred = Prefilter.deferred(pattern)
        assert deferred.linear is None  # nothing analysed until asked
        assert _answers(deferred, pattern) == _answers(eager, pattern)
        assert deferred.linear == eager.linear
    finally:
        build_prefilters(before)


@pytest.mark.parametrize(("regex", "flags"), _DEFERRED_CASES)
def test_a_prefilter_not_analysed_rules_nothing_out(regex: str, flags: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without analysis a deferred prefilter answers as no prefilter: every pattern is searched as `re` would."""
    import postlint.prefilter as module
    from postlint.prefilter import build_prefilters

    def refuse(pattern: re.Pattern[str]) -> None:
        raise AssertionError(f"analysed {pattern.pattern!r}")

    monkeypatch.setattr(module, "_analyse", refuse)
    pattern = re.compile(regex, flags)
    before = build_prefilters(False)
    try:
        prefilter = Prefilter.deferred(pattern)
        for text in _DEFERRED_TEXTS:
            lowered, plain = text.lower(), folds_plainly(text)
            assert prefilter.may_match(text, lowered, plain)
            assert prefilter.may_contain(lowered, plain)
            assert not prefilter.rules_out(lowered, plain, lowered.encode())
            assert prefilter.starts(lowered, plain) is None
            assert prefilter.linear_pattern() is None
            assert _span(prefilter.search(pattern, text, lowered, plain)) == _span(pattern.search(text))
            assert [m.span() for m in prefilter.finditer(pattern, text, lowered, plain)] == [
                m.span() for m in pattern.finditer(text)
            ]
    finally:
        build_prefilters(before)


def test_the_disk_cache_stores_prefilters_analysed() -> None:
    """Pickled for the disk cache, a deferred prefilter is analysed first, so a cached start finds it ready
    even on a short run that analyses nothing."""
    import pickle

    from postlint.compiled_regex import dumps
    from postlint.prefilter import build_prefilters

    pattern = re.compile(r"\b(?:current|previous)\s+salary\b", re.IGNORECASE)
    before = build_prefilters(False)
    try:
        restored = pickle.loads(dumps(Prefilter.deferred(pattern)))
        text = "We build payroll software."
        assert restored.rules_out(text.lower(), True, None)  # ready, though analysis is off
        assert restored.starts("your previous salary", True) == [5]
    finally:
        build_prefilters(before)


def test_a_pattern_without_a_prefilter_pickles_as_one_that_rules_nothing_out() -> None:
    import pickle

    pattern = re.compile(r"(?>(?:a+)+(?=b))c")
    assert Prefilter.of(pattern) is None
    restored = pickle.loads(pickle.dumps(Prefilter.deferred(pattern)))
    assert restored.may_match("xyz", "xyz", True)
    assert restored.starts("xyz", True) is None


def _count_analyses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import postlint.prefilter as module

    analysed: list[str] = []
    original = module._analyse

    def counting(pattern: re.Pattern[str]) -> Any:
        analysed.append(pattern.pattern)
        return original(pattern)

    monkeypatch.setattr(module, "_analyse", counting)
    return analysed


def test_a_short_run_analyses_no_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of fewer postings than `PREFILTERS_THRESHOLD` lints without analysing patterns; a longer one
    analyses them, and both give the same findings."""
    from postlint.facts.statements import _prefilter
    from postlint.packs.loader import _load_pack_cached
    from postlint.runner import PREFILTERS_THRESHOLD, lint_files

    _load_pack_cached.cache_clear()  # rules whose prefilters no other test has asked yet
    _prefilter.cache_clear()
    analysed = _count_analyses(monkeypatch)
    engine = load_linter(use_cache=False)
    posting = "# Rockstar Salesman\n\nA young team of digital natives. What is your current salary?\n"
    paths = []
    for number in range(PREFILTERS_THRESHOLD):
        path = tmp_path / f"{number}.md"
        path.write_text(posting, encoding="utf-8")
        paths.append(str(path))
    short = [r.violations for r in lint_files(engine, paths[:1], max_bytes=1 << 20, jobs=1)]
    assert analysed == []
    assert short[0]
    long = [r.violations for r in lint_files(engine, paths, max_bytes=1 << 20, jobs=1)]
    assert analysed
    assert [v.rule for v in long[0]] == [v.rule for v in short[0]]
