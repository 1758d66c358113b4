"""Place reading's shortcuts give what the plain path gives: the lower-cased view of the blocks is each block's own
`prose.lower()`, every twin finds a block (or a text) wherever its pattern would, and each literal tested before a
search is in every match of that search. Pinned on generated text and, where the shared corpus of real postings
sits beside the repository, on its postings."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from postlint.document import HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL, Block
from postlint.facts import locations as loc
from postlint.facts.cities import CityIndex
from postlint.facts.gazetteer import load_gazetteer
from postlint.facts.view import fact_blocks
from postlint.prefilter import folds_plainly
from postlint.reader import parse

_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
_EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_FORMATS = {".md": "markdown", ".txt": "text", ".html": "html"}


def _files(every: int) -> list[Path]:
    """Every `every`-th posting of the real and bulk corpora (when present), and the shipped examples."""
    found = sorted(p for p in _EXAMPLES.rglob("*") if p.suffix in _FORMATS)
    for name in ("real", "bulk"):
        found += sorted(p for p in (_CORPUS / name).rglob("*") if p.suffix in _FORMATS)[::every]
    return found


def _documents(every: int) -> Iterator[tuple[Path, object]]:
    for path in _files(every):
        yield path, parse(path.read_text(encoding="utf-8", errors="replace"), _FORMATS[path.suffix], str(path))


def _corpus_blocks(every: int) -> list[str]:
    """The prose of the fact blocks of the sampled postings."""
    return [b.prose for _, doc in _documents(every) for b in fact_blocks(doc)]  # type: ignore[arg-type]


# Words of the place cues and patterns, and characters that test case folding, offsets and block edges.
_TOKENS = st.sampled_from(
    [
        "it is", "is not", "not", "a", "requirement", "required", "no", "need", "don't", "don’t", "have", "to",
        "be", "based", "in", "relocate", "London", "UK", "for you", "work", "from", "our", "one of", "SF", "office",
        "Offices", "HQ", "campus", "facility", "Remote", "REMOTE", "remotely", "Work Remotely", "yes", "Yes", ":",
        "：", "|", "*", "\n", "\r\n", "Location", "Locations", "Job Location", "(FR)", "(US)", ")", "(", "US-CO",
        "CA-", "-", ",", "Munich", "BY", "DE", "base", "Base", "北京", "中国-北京", "上海", "远程", "Σ", "ς", "σ",
        "İ", "ſ", "K", "ß", "ﬃ", "é", "ᄀ", "한", "ｱ", "⺀", ".", ";", "hybrid", "wfh", "telecommute",
        "anywhere", "world",
    ]
)  # fmt: skip
_TEXT = st.lists(_TOKENS, min_size=1, max_size=16).flatmap(
    lambda words: st.lists(
        st.sampled_from([" ", "", "  ", "\t", "\n", "-"]), min_size=len(words), max_size=len(words)
    ).map(lambda gaps: "".join(g + w for g, w in zip(gaps, words, strict=True)))
)


def _blocks(proses: list[str]) -> list[Block]:
    kinds = (PARAGRAPH, LIST_ITEM, HEADING, TABLE_CELL)
    out, at = [], 0
    for i, prose in enumerate(proses):
        out.append(Block(kinds[i % len(kinds)], at, at + len(prose), prose))
        at += len(prose) + 2
    return out


_WORD_SETS = (
    loc._NOT_REQUIRED_WORDS,
    loc._COUNTRY_WIDE_WORDS,
    ("reside", "live in", "resident"),
    ("be based", "be located"),
    loc._MARKER_WORDS,
    loc._OFFICE_WORDS,
    ("σ", "ς", "i̇"),
)


def _check_view(proses: list[str]) -> None:
    blocks = _blocks(proses)
    view = loc._Lowered(blocks)
    viewed = [b.prose for b in blocks if b.kind in loc._VIEWED]
    assert view.plain == all(folds_plainly(p, p.lower()) for p in viewed)
    for index, prose in enumerate(proses):
        lowered = prose.lower() if blocks[index].kind in loc._VIEWED else ""
        if blocks[index].kind in loc._VIEWED:
            assert view.plain_at(index) == folds_plainly(prose, lowered)
        assert view.piece(index) == lowered
        for words in _WORD_SETS:
            assert view.holds(index, words) == any(w in lowered for w in words)
        for twin in (loc._NOT_REQUIRED_TWIN, loc._WORK_AT_OFFICE_TWIN):
            assert (view.search(twin, index) is None) == (twin.search(lowered) is None)
    for words in _WORD_SETS:
        for kinds in ((PARAGRAPH, LIST_ITEM), (PARAGRAPH, LIST_ITEM, HEADING)):
            plain = [i for i, b in enumerate(blocks) if b.kind in kinds and any(w in b.prose.lower() for w in words)]
            assert view.holding(words, kinds) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=6))
@example(["ΣΑΣ", "Σ end", "İstanbul"])
@example(["ΟΔΟΣ", "σ"])
def test_the_lowered_view_is_each_blocks_own_lowering(proses: list[str]) -> None:
    _check_view(proses)


def test_the_lowered_view_of_real_postings() -> None:
    if not (_CORPUS / "real").is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    for _, doc in _documents(7):
        _check_view([b.prose for b in fact_blocks(doc)])  # type: ignore[arg-type]


def _twin_holds(pattern: re.Pattern[str], twin: re.Pattern[str], text: str) -> None:
    """Where `text` lower-cases plainly, a text the pattern matches is one the twin matches lower-cased."""
    if folds_plainly(text) and pattern.search(text) is not None:
        assert twin.search(text.lower()) is not None, text


# (pattern, what every match holds, tested as the code tests it)
_GATES: list[tuple[re.Pattern[str], object]] = [
    (loc._GLUED_LABEL, lambda m, t: t.endswith(loc._GLUED_ENDS)),
    (loc._LANGUAGE_MARK, lambda m, t: ")" in t),
    (loc._CODE_RUN, lambda m, t: "-" in t),
    (loc._CODE_TOWN, lambda m, t: "-" in t),
    (loc._COUNTRY_PATH, lambda m, t: "-" in t),
    (loc._CODE_TRIPLE, lambda m, t: t.count(",") >= 2),
    (loc._BASE_CUE, lambda m, t: not t.isascii() and loc._HAN.search(t) is not None),
    (loc._PLACE_PATH, lambda m, t: not t.isascii() and loc._HAN.search(t) is not None),
    # `_remote_option_line` keeps a line only where a remote marker is in it.
    (
        loc._REMOTE_OPTIONS_LINE,
        lambda m, t: (
            loc._REMOTE_MARKER.search(m.group()) is None
            or not folds_plainly(t)
            or any(w in t.lower() for w in loc._MARKER_WORDS)
        ),
    ),
]


def _check_text(text: str) -> None:
    _twin_holds(loc._NOT_REQUIRED, loc._NOT_REQUIRED_TWIN, text)
    _twin_holds(loc._WORK_AT_OFFICE, loc._WORK_AT_OFFICE_TWIN, text)
    _twin_holds(loc._REMOTE_ANSWER, loc._REMOTE_ANSWER_TWIN, text)
    _twin_holds(loc._ROLE_IS_REMOTE, loc._ROLE_IS_REMOTE_TWIN, text)
    _twin_holds(loc._REMOTE_ROLE, loc._REMOTE_ROLE_TWIN, text)
    if folds_plainly(text) and loc._REMOTE_ROLE_FR.search(text):
        assert "télétravail" in text.lower()
    for pattern, holds in _GATES:
        for m in (pattern.match(text), *pattern.finditer(text)):
            if m is not None:
                assert holds(m, text), (pattern.pattern, text)  # type: ignore[operator]
    assert loc._width(text) == len(text) + len(loc._WIDE.findall(text))
    for line in text.split("\n"):
        assert loc._width(line) == len(line) + len(loc._WIDE.findall(line))


_SHAPES = [
    "It is not a requirement to be UK based",
    "You don't have to be based in London",
    "it's not necessary for applicants to move to Berlin",
    "You DON’T need to relocate to London.",
    "There is no need for candidates to be located in the US",
    "we are not required to live in Berlin",
    "You will work from one of our SF or NY offices",
    "Reporting to our HQ in Boston",
    "Work Remotely: Yes, always",
    "REMOTE WORK |\n yes",
    "Duration: 12 Months ContractLocation",
    "Designer (FR)",
    "NY-NJ-CT Only",
    "DE-Berlin",
    "United States-California-San Diego",
    "Munich, BY, DE, 80331",
    "可以 Base 上海、杭州",
    "中国-北京-内推直达：https://example.com",
    "Remote • Hybrid",
    "Work from home / Onsite",
    "This is a 100% remote position",
    "The role is fully remote",
    "Ce poste est entièrement en télétravail",
]


# Clauses built along each twin's pattern, in the cases and spacings postings write them.
_SPACE = st.sampled_from([" ", "  ", "\n", "\t", " \n "])
_CLAUSE = st.tuples(
    st.sampled_from(["", "We ", "You ", "Candidates "]),
    st.sampled_from(
        [
            "it is not",
            "It's not",
            "is not",
            "are NOT",
            "do not",
            "does not",
            "will not",
            "don't",
            "DON’T",
            "doesn't",
            "won’t",
            "no",
        ]
    ),
    _SPACE,
    st.sampled_from(["", "a "]),
    st.sampled_from(["requirement", "required", "necessary", "Mandatory", "need", "have"]),
    _SPACE,
    st.sampled_from(["", "for you ", "for candidates\n", "FOR APPLICANTS "]),
    st.sampled_from(
        [
            "to be based in London",
            "to be located within the UK",
            "To relocate to Berlin",
            "to move to Paris",
            "to live in Ohio",
            "to be UK based",
            "to be resident in Spain",
        ]
    ),
).map("".join)
_OFFICE = st.tuples(
    st.sampled_from(
        [
            "work",
            "Working",
            "WORKS",
            "report",
            "reporting",
            "based",
            "located",
            "sit",
            "sitting",
            "position",
            "role",
            "job",
            "team",
        ]
    ),
    _SPACE,
    st.sampled_from(["from", "in", "at", "out of", "to"]),
    _SPACE,
    st.sampled_from(["", "one of "]),
    st.sampled_from(["our", "Our", "OUR"]),
    _SPACE,
    st.sampled_from(["", "SF or NY", "Albany, NY", "main"]),
    st.sampled_from(["", " ", "\n"]),
    st.sampled_from(["office", "Offices", "hub", "hubs", "campus", "Headquarters", "HQ", "facility", "facilities"]),
    st.sampled_from(["", " at 253 Broadway.", " in Boston", "."]),
).map("".join)
_ROLE = st.tuples(
    st.sampled_from(["", "This ", "the ", "These ", "THE "]),
    st.sampled_from(["position", "Role", "job", "opportunity", "You", "positions", "roles", "jobs", "opportunities"]),
    st.sampled_from(["", " is", " can be", " will be done, as agreed, mostly", " x" * 20]),
    _SPACE,
    st.sampled_from(["", "fully ", "100%\n", "FULLY  "]),
    st.sampled_from(["remote", "Remotely", "telecommuting", "REMOTE"]),
    st.sampled_from(["", " position", " role", " job", " opportunity", "."]),
).map("".join)
_FRENCH = st.tuples(
    st.sampled_from(["Ce poste", "POSTE", "un poste"]),
    _SPACE,
    st.sampled_from(["", "est "]),
    st.sampled_from(["", "entièrement ", "COMPLÈTEMENT ", "100 % "]),
    st.sampled_from(["en télétravail", "EN TÉLÉTRAVAIL", "en Télétravail"]),
).map("".join)
_ANSWER = st.tuples(
    st.sampled_from(["", "* ", "| ", "__"]),
    st.sampled_from(["Work Remotely", "remote work", "REMOTE", "Fully  Remote", "work\nremotely"]),
    st.sampled_from(["", " ", "*", " |"]),
    st.sampled_from([":", "："]),
    st.sampled_from(["", " ", "\n", "\r\n  ", " *"]),
    st.sampled_from(["Yes", "yes, always", "YES"]),
).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_TEXT, _CLAUSE, _OFFICE, _ANSWER, _ROLE, _FRENCH))
def test_twins_and_literals_hold_in_every_match(text: str) -> None:
    _check_text(text)


@pytest.mark.parametrize("text", _SHAPES)
def test_twins_and_literals_hold_in_shapes_the_cues_read(text: str) -> None:
    _check_text(text)
    for pattern, twin in (
        (loc._NOT_REQUIRED, loc._NOT_REQUIRED_TWIN),
        (loc._WORK_AT_OFFICE, loc._WORK_AT_OFFICE_TWIN),
        (loc._REMOTE_ANSWER, loc._REMOTE_ANSWER_TWIN),
        (loc._ROLE_IS_REMOTE, loc._ROLE_IS_REMOTE_TWIN),
        (loc._REMOTE_ROLE, loc._REMOTE_ROLE_TWIN),
    ):
        assert pattern.search(text) is None or twin.search(text.lower()) is not None


def test_twins_and_literals_hold_on_real_lines() -> None:
    if not (_CORPUS / "real").is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    for prose in _corpus_blocks(6):
        _check_text(prose)
        for line in prose.split("\n"):
            _check_text(line)


def test_real_postings_read_the_same_places_on_the_plain_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """With every twin turned off (as for text that does not lower-case plainly), each posting reads the same."""
    gazetteer = load_gazetteer()
    documents = list(_documents(5))
    fast = [loc.find_places(doc, gazetteer, memo={}) for _, doc in documents]  # type: ignore[arg-type]
    monkeypatch.setattr(loc._Lowered, "plain", property(lambda self: False))
    monkeypatch.setattr(loc._Lowered, "plain_at", lambda self, index: False)
    for (path, doc), places in zip(documents, fast, strict=True):
        assert loc.find_places(doc, gazetteer, memo={}) == places, path  # type: ignore[arg-type]


def test_a_name_holds_what_isalnum_and_the_name_marks_allow() -> None:
    """`_one_name` asks `re` (`\\w` is `str.isalnum()` or "_") what it asked of each character: the same answer for
    every code point."""
    from postlint.facts.cities import _one_name

    for code in range(0x110000):
        ch = chr(code)
        assert _one_name(ch, 0, 1) == (ch.isalnum() or ch in " '’.-"), hex(code)


def _plain_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
@example("Zürich")
@example("  SAN\tJosé  ")
def test_fold_gives_the_key_of_the_plain_fold(name: str) -> None:
    from postlint.facts.cities import fold

    assert fold(name) == _plain_fold(name)


def _plain_find(index: CityIndex, text: str, known: Collection[str]) -> list[tuple[int, int, str]]:
    """`CityIndex.find` as it was: every name tried, its capital tested once the name is formed."""
    from postlint.facts import cities

    words = list(cities._WORD.finditer(text))
    taken, out = -1, []
    for i, first in enumerate(words):
        if first.start() < taken:
            continue
        for n in range(min(cities._MAX_WORDS, len(words) - i), 0, -1):
            last = words[i + n - 1]
            if not all(ch.isalnum() or ch in " '’.-" for ch in text[first.start() : last.end()]):
                continue
            name = text[first.start() : last.end()].rstrip(".")
            if not name[:1].isupper():
                break
            jid = index.names.get(_plain_fold(name))
            if jid is not None and jid in known:
                out.append((first.start(), first.start() + len(name), jid))
                taken = last.end()
                break
    return out


_CITY_TEXT = st.lists(
    st.sampled_from(["Santa Clara", "santa clara", "Salt Lake City", "Herndon", "Zürich", "ZÜRICH", "München", "Paris",
                     "TX", "St.", "the", "of", ",", " / ", "-", "(", ")", "Reading", "San José", "Mobile", "_", "Növ"]),
    max_size=10,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_CITY_TEXT)
@example("Location: Herndon, VA / Santa Clara")
def test_city_lookup_finds_what_the_plain_lookup_finds(text: str) -> None:
    from postlint.facts.cities import city_index

    index = city_index()
    assert index is not None
    known = load_gazetteer().jurisdictions
    assert list(index.find(text, known)) == _plain_find(index, text, known)


def test_city_lookup_on_real_lines() -> None:
    from postlint.facts.cities import city_index

    if not (_CORPUS / "real").is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    index = city_index()
    assert index is not None
    known = load_gazetteer().jurisdictions
    for prose in _corpus_blocks(9):
        for line in prose.split("\n"):
            if len(line) <= 200:
                assert list(index.find(line, known)) == _plain_find(index, line, known), line


def _office_test_agrees(doc: object) -> None:
    view = loc._Lowered(fact_blocks(doc))  # type: ignore[arg-type]
    searched = [
        (i, view.search(loc._WORK_AT_OFFICE_TWIN, i))
        for i, b in enumerate(view.blocks)
        if b.kind in (PARAGRAPH, LIST_ITEM)
    ]
    lowered = doc.text.lower()  # type: ignore[attr-defined]
    expected = any(word in lowered for word in loc._OFFICE_WORDS)
    for part in (searched, [s for s in searched if s[1] is not None], searched[:1]):
        assert loc._text_holds_office_word(doc, view, part) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<p>You will work from our Denver offic&#101;.</p>", "html"),
        ("<p>You will work from our Denver &#79;ffice.</p>", "html"),
        ("<p>You will work from our Denver office.</p>", "html"),
        ("You will work from our Denver `office`.\n", "markdown"),
        ("You will work from our Denver OFFİCE.\n", "markdown"),
    ],
)
def test_the_office_word_test_is_the_texts(text: str, fmt: str) -> None:
    """Whether the text holds an office word, however the blocks that may hold the phrase are asked first."""
    _office_test_agrees(parse(text, fmt))  # type: ignore[arg-type]


def test_the_office_word_test_on_real_postings() -> None:
    if not (_CORPUS / "real").is_dir():
        pytest.skip("the shared corpus is not beside the repository")
    for _, doc in _documents(7):
        _office_test_agrees(doc)
