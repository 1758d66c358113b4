"""The per-posting shortcuts give what the plain path gives: term lists searched only where their RE2 twin
allows, twin answers kept per scope, sentences too short to break a word limit left uncounted."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from postlint import textstats
from postlint.kinds.check_base import ScopeView, scope_view
from postlint.kinds.forbid.check import ForbidCheck, TermsMatcher
from postlint.kinds.metric.check import MetricCheck
from postlint.prefilter import _unavailable, holds_all, holds_any
from postlint.reader import parse
from postlint.runner import load_linter

_ENGINE = load_linter(use_cache=False)


def _term_words() -> list[str]:
    """Every word of the built-in term lists, as written and in capitals."""
    found: set[str] = set()
    for rule in _ENGINE.rules:
        check = rule.check
        if isinstance(check, ForbidCheck):
            for pattern in check.patterns:
                if isinstance(pattern, TermsMatcher):
                    found |= {w for words in pattern.words for w in words}
    return sorted(found | {w.upper() for w in found} | {w.title() for w in found})


# Words of the term lists, and what sits next to them and tests word edges, case folding and offsets.
_TOKENS = st.sampled_from(
    [*_term_words(), "the", "will", "they", "-", "/", "(", ")", "'", "’", "ſ", "İ", "K", "ß", ".", ",", "\n", "*"]
)
_PIECE = st.lists(_TOKENS, min_size=1, max_size=14).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "  ", "", "\t", "-"]), min_size=len(words), max_size=len(words)).map(
        lambda gaps: "".join(g + w for g, w in zip(gaps, words, strict=True))
    )
)
_POSTING = st.lists(
    st.tuples(st.sampled_from(["", "- ", "## ", "> "]), _PIECE).map("".join), min_size=1, max_size=6
).map(lambda blocks: "# A job\n\n" + "\n\n".join(blocks) + "\n")


def _without_term_filters(check: ForbidCheck) -> tuple[list[Any], list[Any]]:
    """`ForbidCheck._filters` as it was before term lists had prefilters: None for each of them."""
    regexes = iter(check.prefilters)
    for_patterns = [None if isinstance(p, TermsMatcher) else next(regexes, None) for p in check.patterns]
    return for_patterns, [next(regexes, None) for _ in check.substitutions]


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain path: term lists without a prefilter, twins asked afresh, every sentence counted."""
    monkeypatch.setattr(ForbidCheck, "_filters", _without_term_filters)
    monkeypatch.setattr(TermsMatcher, "prefilter", lambda self: _unavailable(self.pattern.pattern))
    monkeypatch.setattr(ScopeView, "twin_first", lambda self, linear, at=0: linear.first(self.encoded, at))
    monkeypatch.setattr(MetricCheck, "_too_short_to_exceed", lambda self, sentence: False)


def _findings(text: str) -> list[dict[str, Any]]:
    return [v.to_dict() for v in _ENGINE.lint_text(text)]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(_POSTING)
def test_shortcuts_find_what_the_plain_path_finds(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    quick = _findings(text)
    with monkeypatch.context() as patched:
        _plain(patched)
        assert _findings(text) == quick


@pytest.mark.parametrize(
    "text",
    [
        "# A job\n\nHe will lead the team. His/her duties: (S)he must travel.\n\n- The chairman will decide\n",
        "# A job\n\nThe hero and the ninja: she'll be a rockstar. S/HE WILL, he-will, the will.\n",
        "# A job\n\n" + "The team will ship things and learn every day. " * 30 + "\n\n- he or she is\n",
        "# A job\n\nſhe will İ K " + "word " * 70 + "he will.\n",
        # A sentence of 66 words in under 200 characters: near the bound, and long enough to be reported.
        "# A job\n\nYou will work with us. "
        + " ".join(["it", "is", "in", "to", "of", "a", "we", "on", "at", "or", "an"] * 6)
        + "\n\n- He will go\n",
        "# A job\n\nShe will " + "字 " * 62 + "\n",
    ],
)
def test_shortcuts_on_chosen_postings(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    quick = _findings(text)
    assert quick
    with monkeypatch.context() as patched:
        _plain(patched)
        assert _findings(text) == quick


def test_a_term_list_is_ruled_out_by_its_twin() -> None:
    """The words of "he will" and "his/her" are all in this posting, but neither term: the twin rules it out."""
    matcher = TermsMatcher.of(["he will", "his/her"], ignore_case=True)
    assert matcher is not None
    doc = parse("# Job\n\nHere we will hire: his team and her manager.\n", "markdown", "x.md")
    view = scope_view(doc, ("text",), {})
    assert matcher.may_match(view)
    prefilter = matcher.prefilter()
    assert prefilter is matcher.prefilter()  # one per pattern
    if prefilter.linear_pattern() is not None:
        assert view.rules_out(prefilter)


@given(st.text(alphabet=st.sampled_from("aZé字ー1_'’- \n.!-ſ\u0345"), max_size=80))
def test_max_words_bounds_words(text: str) -> None:
    assert len(textstats.words(text)) <= textstats.max_words(text)


@given(st.text(alphabet=st.sampled_from("ab'-1 _.,/Z"), max_size=60))
def test_ascii_words_are_parted_by_other_characters(text: str) -> None:
    """`max_words` rests on this: between two `WORD` matches is a character no match holds."""
    found = list(textstats.WORD.finditer(text))
    for before, after in itertools.pairwise(found):
        assert any(c not in textstats._WORD_BYTES.decode() for c in text[before.end() : after.start()])
    assert len(found) <= textstats.max_words(text)


@given(
    st.text(alphabet=st.sampled_from("abcxyz"), max_size=30),
    st.lists(st.lists(st.text("abcx", min_size=1, max_size=3), max_size=4).map(tuple), max_size=4).map(tuple),
)
def test_holds_any_and_all_are_any_and_all(text: str, sets: tuple[tuple[str, ...], ...]) -> None:
    assert holds_all(text, sets) == all(any(s in text for s in strings) for strings in sets)
    for strings in sets:
        assert holds_any(text, strings) == any(s in text for s in strings)


def test_twin_first_is_kept_per_scope() -> None:
    from postlint.prefilter import Prefilter

    doc = parse("# Job\n\nAlpha beta.\n\nGamma delta beta.\n", "markdown", "x.md")
    view = scope_view(doc, ("text",), {})
    prefilter = Prefilter.of(re.compile(r"\bbeta\b", re.IGNORECASE))
    assert prefilter is not None
    linear = prefilter.linear_pattern()
    if linear is None:
        pytest.skip("RE2 is not installed")
    assert view.encoded is not None
    for at in (0, 5, 20):
        assert view.twin_first(linear, at) == linear.first(view.encoded, at)
        assert view.twin_first(linear, at) == linear.first(view.encoded, at)


_OFFICE_WORD = st.sampled_from(
    [
        *("office", "Offices", "OFFICE", "officer", "HUB", "hubs", "GitHub", "campus", "headquarters", "HQ", "hq"),
        *("campuſ", "offİce", "ofﬁce", "oﬃce", "Ηub", "ｏffice"),  # letters `re` folds as `str.lower` does not
    ]
)
_OFFICE_PROSE = st.tuples(
    st.sampled_from(["", "We ", "You will "]),
    st.sampled_from(["work", "based", "Working", "REPORT", "sit"]),
    st.sampled_from([" from ", " in ", " at ", " out of ", " to "]),
    st.sampled_from(["our ", "one of our ", "Our ", "OUR "]),
    st.sampled_from(["", "Denver ", "SF or NY ", "K "]),
    _OFFICE_WORD,
    st.sampled_from(["", " at 253 Broadway.", " in Boston", ".", "\nNext"]),
).map("".join)


@settings(max_examples=300)
@given(_OFFICE_PROSE)
def test_a_block_without_an_office_word_holds_no_office_cue(prose: str) -> None:
    from postlint.facts.locations import _WORK_AT_OFFICE, _may_name_office

    if _WORK_AT_OFFICE.search(prose):
        assert _may_name_office(prose)


def _require_checks() -> list[Any]:
    from postlint.kinds.require.check import RequireCheck

    return [r.check for r in _ENGINE.live_rules() if isinstance(r.check, RequireCheck) and r.check.keywords]


def _searched_plainly(check: Any, doc: Any) -> tuple[int, int] | None:
    """What `RequireCheck.find` answers without front matter or facts, found with `re` block by block: the
    title, then each block of the scope (under a matching section) that holds a keyword."""
    if "title" in check.scopes and doc.title and any(k in doc.title.lower() for k in check.keywords):
        for pattern in check.patterns:
            if pattern.search(doc.title):
                at = max(doc.title_start, 0)
                return at, at + len(doc.title)
    ranges = None
    if check.section is not None:
        ranges = [(s.heading_start, s.end) for s in doc.sections if check.section.search(s.title)]
    for offset, text, lowered in scope_view(doc, check.scopes, {}).pieces:
        if ranges is not None and not any(a <= offset < b for a, b in ranges):
            continue
        if not any(k in lowered for k in check.keywords):
            continue
        for pattern in check.patterns:
            match = pattern.search(text)
            if match:
                return offset + match.start(), offset + match.end()
    return None


_REQUIRE_WORDS = st.sampled_from(
    [
        *("equal opportunity employer", "EOE", "visa sponsorship", "we do not sponsor", "full-time", "Part time"),
        *("contract", "bonus", "equity", "health insurance", "dental", "401(k)", "regardless of", "sponsor"),
        *("the team", "will", "work", "benefits", "ſponsor", "İ", "K", "-", ".", "\n"),
    ]
)
_REQUIRE_POSTING = st.lists(
    st.tuples(st.sampled_from(["", "- ", "## ", "| a | b |\n|---|---|\n| "]), st.lists(_REQUIRE_WORDS, max_size=8)),
    min_size=1,
    max_size=8,
).map(lambda blocks: "# A job\n\n" + "\n\n".join(lead + " ".join(words) for lead, words in blocks) + "\n")


@settings(max_examples=200, deadline=None)
@given(_REQUIRE_POSTING)
@example("# A job\n\nThis is a FULL-TİME role.\n\nWe work 40 hours a week.\n")  # a match in a block with no keyword
@example("# A job\n\n- Full-time\n\nWe can sponsor visas. Full time.\n")
def test_require_finds_what_re_finds_block_by_block(text: str) -> None:
    from postlint.kinds.check_base import Context

    doc = parse(text, "markdown", "x.md")
    for check in _require_checks():
        if check.distinct > 1:
            continue
        found = check.find(doc, Context())
        assert (None if found is None else (found.start, found.end)) == _searched_plainly(check, doc), text
