"""RE2 twins match wherever their pattern matches, in the lower-cased text: a rule is never skipped wrongly."""

from __future__ import annotations

import re
import subprocess
import sys
from bisect import bisect_right
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.compiled_regex import _sre_parser
from postlint.document import Document
from postlint.kinds.check_base import scope_view
from postlint.linear_twin import _CATEGORIES, Untranslatable, _uncased, compile_twin, translate, translate_search
from postlint.prefilter import Prefilter, folds_plainly
from postlint.reader import parse
from postlint.runner import load_linter

re2 = pytest.importorskip("re2")


def _twin(regex: str, flags: int = 0) -> object:
    """The twin compiled by the binding's public API, for `fullmatch` (postlint itself only asks `first`)."""
    twin = translate(_sre_parser.parse(regex, flags))
    assert compile_twin(twin) is not None
    return re2.compile(twin)


def _plain_characters() -> str:
    """Every code point whose lower-case form is one character and folds plainly (what twins are given)."""
    chars = (chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    return "".join(c for c in chars if len(c.lower()) == 1 and folds_plainly(c))


@pytest.fixture(scope="module")
def plain_characters() -> str:
    return _plain_characters()


@pytest.mark.parametrize("category", [r"\d", r"\D", r"\s", r"\S", r"\w", r"\W"])
def test_categories_hold_every_character_python_gives_them_lower_cased(category: str, plain_characters: str) -> None:
    """Checked on every code point: RE2's `\\w`, `\\d` and `\\s` are ASCII only, so they are spelled out."""
    matched = re.findall(category, plain_characters)
    twin = _twin(f"(?:{category})+")
    lowered = "".join(matched).lower()
    found = twin.fullmatch(lowered.encode("utf-8"))
    if found is None:  # name the first character it misses
        missing = [c for c in matched if twin.fullmatch(c.lower().encode("utf-8")) is None]
        pytest.fail(f"{category}: {len(missing)} characters missed, first {missing[0]!r} (U+{ord(missing[0]):04X})")
    assert set(_CATEGORIES)  # every category is spelled


def test_an_uncased_character_is_no_other_characters_lower_case(plain_characters: str) -> None:
    """`[^.]` may stay negated in the twin only if nothing else lower-cases to '.'."""
    for char in plain_characters:
        lowered = char.lower()
        if lowered != char:
            assert not _uncased(lowered), char


@pytest.mark.parametrize(
    ("regex", "flags", "text"),
    [
        (r"\bRockstar\b", 0, "a Rockstar"),  # the twin sees it lower-cased
        (r"(?i)ROCKSTAR", 0, "ROCKSTAR"),
        (r"[A-Z][a-z]+ville", 0, "Greenville"),
        (r"[^a]b", 0, "Ab"),  # 'A' is not 'a', but lower-cased it is: the twin must still match
        (r"[^.\n]{2}x", 0, "..zzx"),
        (r"(?<!no )visa sponsorship", re.IGNORECASE, "Visa sponsorship"),
        (r"^Requirements$", re.MULTILINE, "Intro\nRequirements"),
        (r"(?>young|youthful)\s+team", re.IGNORECASE, "youthful team"),
        (r"a{2000}", 0, "a" * 2000),
        (r"\d+\s*years", 0, "٣ years"),  # an Arabic-Indic digit is a digit to re
        (r"CAF\w", 0, "CAFÉ"),
    ],
)
def test_twin_matches_where_the_pattern_matches(regex: str, flags: int, text: str) -> None:
    assert re.search(regex, text, flags)
    assert _twin(regex, flags).search(text.lower().encode("utf-8")) is not None


def test_twin_rules_out_text_the_pattern_cannot_match() -> None:
    twin = compile_twin(translate(_sre_parser.parse(r"\b(?:job\s+|work\s+)?locations?\s*:", re.IGNORECASE)))
    assert twin is not None
    assert twin.first(b"our office is in denver; apply by friday") == -1
    assert twin.first(b"job location: denver") == 0
    assert twin.first(b"job location: denver", 1) == 4


@pytest.mark.parametrize("regex", [r"(a)\1", r"(a)?(?(1)b|c)"])
def test_backreferences_and_conditionals_have_no_twin(regex: str) -> None:
    with pytest.raises(Untranslatable):
        translate(_sre_parser.parse(regex, 0))
    prefilter = Prefilter.of(re.compile(regex))
    assert prefilter is None or prefilter.linear is None


_WORDS = st.sampled_from(
    [
        "he",
        "she",
        "his",
        "her",
        "visa",
        "sponsorship",
        "sponsor",
        "not",
        "do",
        "does",
        "will",
        "can",
        "equal",
        "opportunity",
        "employer",
        "EOE",
        "location",
        "Location:",
        "remote",
        "hybrid",
        "full-time",
        "part",
        "time",
        "contract",
        "years",
        "experience",
        "5+",
        "salary",
        "$90,000",
        "responsibilities",
        "duties",
        "include",
        "Denver",
        "CO",
        "federal",
        "contractor",
        "USAJOBS",
        "clearance",
        "ſ",
        "K",
        "İ",
        "É",
        "é",
        "-",
        ",",
        ".",
        ":",
        "!",
        "\n",
        "\xa0",
        "\t",
        "18F",
        "GS-12",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_WORDS, max_size=14).map(" ".join), min_size=1, max_size=4))
def test_builtin_rules_twins_match_wherever_the_rules_do(pieces: list[str]) -> None:
    """Every built-in rule's twin, on random blocks made of the words the rules look for."""
    lowered = "\n\n".join(p.lower() for p in pieces)
    if not folds_plainly("\n\n".join(pieces), lowered):
        return
    encoded = lowered.encode("utf-8")
    starts = [len("\n\n".join(p.lower() for p in pieces[:i]).encode("utf-8")) + 2 * (i > 0) for i in range(len(pieces))]
    for rule in _RULES:
        check = rule.check
        patterns = [p for p in getattr(check, "patterns", ()) if isinstance(p, re.Pattern)]
        patterns += [p for p, _ in getattr(check, "substitutions", ())]
        for prefilter, pattern in zip(getattr(check, "prefilters", ()), patterns, strict=False):
            twin = prefilter.linear_pattern() if prefilter is not None else None
            matched = [i for i, p in enumerate(pieces) if pattern.search(p)]
            if twin is None or not matched:
                continue
            at = twin.first(encoded)
            assert at >= 0, (rule.id, pieces)
            # The twin's first match starts no later than the block of the pattern's first match.
            assert bisect_right(starts, at) - 1 <= matched[0], (rule.id, pieces)


def test_next_piece_skips_the_blocks_before_the_first_possible_match() -> None:
    text = "# Engineer\n\nWe build things.\n\nYou will ship code.\n\nWe are an equal opportunity employer.\n"
    doc: Document = parse(text, "markdown", "job.md")
    view = scope_view(doc, ("text",), {})
    prefilter = Prefilter.of(re.compile(r"\bequal\s+opportunity\b", re.IGNORECASE))
    assert prefilter is not None
    last = len(view.pieces) - 1
    assert "equal opportunity" in view.pieces[last][2]
    assert view.next_piece(prefilter, 0) == last
    assert view.next_piece(prefilter, last) == last
    other = Prefilter.of(re.compile(r"\bvisa\b", re.IGNORECASE))
    assert view.next_piece(other, 0) == len(view.pieces)
    assert view.next_piece(None, 1) == 1


_RULES = load_linter(use_cache=False).rules


_TWIN_PROBE = (
    "import sys\n"
    "from postlint.cli import main\n"
    "code = main(['check', '--format', 'json', '--no-cache', *sys.argv[1:]])\n"
    "sys.stdout.flush()\n"
    "print('RE2', 're2' in sys.modules)\n"
)


@pytest.mark.parametrize(("count", "expected"), [(1, "False"), (20, "True")])
def test_twins_are_used_only_for_runs_long_enough_to_repay_them(tmp_path: Path, count: int, expected: str) -> None:
    """A pre-commit hook on one posting does not compile twins; a folder of postings does."""
    paths = []
    for number in range(count):
        posting = tmp_path / f"job{number}.md"
        posting.write_text("# Engineer\n\nWe are a rockstar ninja team. Pay: competitive.\n", encoding="utf-8")
        paths.append(str(posting))
    proc = _run_probe(_TWIN_PROBE, paths, tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stdout.rpartition("RE2 ")[2].strip() == expected


def test_piece_gate_lets_each_pattern_search_only_the_pieces_its_twin_can_match() -> None:
    from postlint.kinds.check_base import PieceGate

    text = "# Engineer\n\nVisa sponsorship is available.\n\nWe ship code.\n\nWe are an equal opportunity employer.\n"
    view = scope_view(parse(text, "markdown", "job.md"), ("text",), {})
    visa = Prefilter.of(re.compile(r"\bvisa\b", re.IGNORECASE))
    eeo = Prefilter.of(re.compile(r"\bequal\s+opportunity\b", re.IGNORECASE))
    gate = PieceGate(view, [visa, eeo, None])
    allowed = [[gate.allows(number, index) for index in range(len(view.pieces))] for number in range(3)]
    holds = [[word in lowered for _, _, lowered in view.pieces] for word in ("visa", "equal opportunity")]
    assert allowed[0] == holds[0]
    assert allowed[1] == holds[1]
    assert all(allowed[2])  # no prefilter: every piece is searched


@pytest.mark.parametrize(
    ("regex", "twin"),
    [
        (r"\bvisa\b", r"\bvisa\b"),  # beside ASCII letters, \b stays
        (r"\bcafé\b", r"\bcaf\x{e9}"),  # beside 'é' it cannot: RE2's \b is ASCII
        (r"\d+\b", r"(?:[\p{Nd}]){1,}"),
        (r"^[\W\d_]*(?:skills)\b", r"skills\b"),  # what may open a match goes
    ],
)
def test_search_twins_keep_ascii_word_boundaries_and_drop_optional_openings(regex: str, twin: str) -> None:
    assert translate_search(_sre_parser.parse(regex, 0)) == twin


def test_findings_are_the_same_with_and_without_twins() -> None:
    """Every shipped example posting and a few written ones give the same violations either way."""
    from postlint.api import Linter
    from postlint.linear_twin import use_twins

    examples = Path(__file__).resolve().parents[1] / "examples"
    formats = {".md": "markdown", ".txt": "text", ".html": "html"}
    texts = [
        (p.read_text(encoding="utf-8"), str(p), formats[p.suffix])
        for p in sorted(examples.rglob("*"))
        if p.suffix in formats
    ]
    texts += [
        ("# Engineer\n\nWe are an Equal Opportunity Employer.\n\nNo visa sponsorship.\n", "a.md", "markdown"),
        ("# Engineer (m/w/d)\n\nLocation: Berlin. 5+ years of experience with Go.\n", "b.md", "markdown"),
    ]
    linter = Linter.from_config(cache=False)
    before = use_twins(False)
    try:
        without = [[v.to_dict() for v in linter.lint_text(t, format=f, path=p)] for t, p, f in texts]
        use_twins(True)
        with_twins = [[v.to_dict() for v in linter.lint_text(t, format=f, path=p)] for t, p, f in texts]
    finally:
        use_twins(before)
    assert with_twins == without
    assert any(without)


def test_without_re2_installed_the_findings_are_the_same(tmp_path: Path) -> None:
    """On a platform with no RE2 wheel the import fails, and `re` does the work: nothing else changes."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    for number, source in enumerate(sorted(p for p in examples.rglob("*") if p.is_file() and p.suffix != ".md")):
        (tmp_path / f"{number}{source.suffix}").write_bytes(source.read_bytes())
    for number, source in enumerate(sorted(examples.rglob("*.md")) * 4):  # enough postings to use twins
        (tmp_path / f"{number}.md").write_bytes(source.read_bytes())
    probe = (
        "import sys\n"
        "if sys.argv[1] == 'blocked':\n"
        "    sys.modules['re2'] = None  # import re2 now raises ImportError\n"
        "from postlint.cli import main\n"
        "from postlint import linear_twin\n"
        "code = main(['check', '--format', 'json', '--no-cache', '.'])\n"
        "print('TWINS', sum(t is not None for t in linear_twin._compiled.values()), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    reports, twins = [], []
    for mode in ("blocked", "installed"):
        proc = _run_probe(probe, [mode], tmp_path)
        assert proc.returncode == 1, proc.stderr
        reports.append(proc.stdout)
        twins.append(int(proc.stderr.rpartition("TWINS ")[2]))
    assert twins[0] == 0 < twins[1]
    assert reports[0] == reports[1]
    assert '"rule"' in reports[0]


def _run_probe(probe: str, args: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """Run a probe script in a fresh interpreter in `folder`, with a cache of its own there."""
    from conftest import cli_env

    return subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        env=cli_env({"POSTLINT_CACHE_DIR": str(folder / ".cache")}),
        cwd=folder,
        timeout=120,
        check=False,
    )


def test_a_long_repeat_of_one_character_loses_its_bound_in_the_twin() -> None:
    # RE2 would compile "[^.\n]{0,200}" as 200 copies of the class; unbounded, the twin still matches more.
    from re import _parser

    from postlint.linear_twin import translate

    assert translate(_parser.parse(r"a[^.\n]{0,200}b")).endswith("{0,}b")
    assert translate(_parser.parse(r"a[^.\n]{0,16}b")).endswith("{0,16}b")  # short repeats keep their bound
    assert translate(_parser.parse(r"a(?:\w+\s+){0,40}b")).endswith("{0,40}b")  # and so do longer bodies
