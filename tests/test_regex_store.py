"""The reading modules' regexes come from the per-user store once a run has compiled them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import RECORD_COMPILES, check_with_cache, emptied_store, run_cli, run_probe

from postlint import regex_store

POSTING = "# Engineer\n\nDenver, CO. Pay: $90,000 - $120,000 a year.\n"

# In a fresh interpreter: record every pattern re's compiler builds while the pay reader is imported,
# then say whether the reader's main pattern was among them and whether it matches as it should.
_PROBE = RECORD_COMPILES + (
    "import re\n"
    "from postlint.facts import pay\n"
    "compiled = pay._ATOM.pattern in built\n"
    "fresh = re.compile(pay._ATOM.pattern)\n"
    "same = (pay._ATOM.groupindex == fresh.groupindex and\n"
    "        [m.span() for m in pay._ATOM.finditer('$90,000 - 120k')] ==\n"
    "        [m.span() for m in fresh.finditer('$90,000 - 120k')])\n"
    "print('COMPILED', compiled, 'SAME', same)\n"
)


def test_a_run_stores_the_patterns_and_the_next_one_skips_re_compiler(tmp_path: Path) -> None:
    store = tmp_path / "cache"
    assert run_probe(_PROBE, store).strip() == "COMPILED True SAME True"  # nothing stored yet: re compiles it
    check_with_cache(tmp_path, store)
    assert len(list(store.glob("regexes-*.pickle"))) == 1
    assert run_probe(_PROBE, store).strip() == "COMPILED False SAME True"


def test_no_cache_neither_reads_nor_writes_a_store(tmp_path: Path) -> None:
    """Neither this store nor the dataclass methods' (`dataclass_code`), nor any other cache file."""
    store = tmp_path / "cache"
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", posting, env={"POSTLINT_CACHE_DIR": str(store)})
    assert code in (0, 1), err
    assert not list(store.glob("*.pickle"))


@pytest.fixture
def empty_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    yield from emptied_store(regex_store.STORE, tmp_path / "cache", monkeypatch)


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As a new process would start: nothing read, nothing used."""
    regex_store.STORE.forget()


def _compiler_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("compiled by re")

    monkeypatch.setattr(re, "compile", refuse)


def test_a_saved_pattern_is_rebuilt_without_re(empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = regex_store.regex(r"(?P<city>[a-z]+),\s*(?P<state>[A-Z]{2})", re.IGNORECASE)
    regex_store.STORE.save()
    _forget(monkeypatch)
    _compiler_refuses(monkeypatch)
    again = regex_store.regex(r"(?P<city>[a-z]+),\s*(?P<state>[A-Z]{2})", re.IGNORECASE)
    assert again.groupindex == first.groupindex
    assert again.flags == first.flags
    assert again.search("in denver, co now").span() == first.search("in denver, co now").span()  # type: ignore[union-attr]


def test_the_same_source_with_other_flags_is_another_entry(empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_store.regex("abc")
    regex_store.STORE.save()
    _forget(monkeypatch)
    assert regex_store.regex("abc", re.IGNORECASE).match("ABC") is not None
    assert regex_store.regex("abc").match("ABC") is None


def test_a_full_store_keeps_only_what_was_used(empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_store.STORE, "limit", 3)
    for n in range(3):
        regex_store.regex(f"old{n}")
    regex_store.STORE.save()
    _forget(monkeypatch)
    regex_store.regex("old0")  # used again
    regex_store.regex("new")
    regex_store.STORE.save()
    _forget(monkeypatch)
    assert sorted(source for source, _ in regex_store.STORE._read(regex_store.STORE.path())) == ["new", "old0"]


def test_a_folder_others_can_write_is_not_read(empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_store.regex("shared")
    regex_store.STORE.save()
    empty_store.chmod(0o777)
    _forget(monkeypatch)
    assert regex_store.STORE.get(("shared", 0)) is None


def test_a_damaged_store_is_ignored(empty_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_store.regex("kept")
    regex_store.STORE.save()
    (path,) = empty_store.glob("regexes-*.pickle")
    path.write_bytes(b"not a pickle")
    _forget(monkeypatch)
    assert regex_store.regex("kept").fullmatch("kept")


def test_serving_lends_the_store_to_an_import_and_gives_re_back(
    empty_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with regex_store.serving():
        assert re.compile is not regex_store._compile
        first = re.compile(r"(?P<word>\w+)!", re.IGNORECASE)
        assert re.compile(first) is first  # a compiled pattern goes to re, as before
        with pytest.raises(re.error):
            re.compile("(")
    assert re.compile is regex_store._compile
    regex_store.STORE.save()
    _forget(monkeypatch)
    re.purge()  # nothing from re's own cache either
    monkeypatch.setattr(re._compiler, "compile", lambda *args: pytest.fail("compiled by re"))  # type: ignore[attr-defined]
    with regex_store.serving():
        again = re.compile(r"(?P<word>\w+)!", re.IGNORECASE)
    assert again.groupindex == first.groupindex and again.search("say HI!").span() == (4, 7)  # type: ignore[union-attr]


def test_markdown_it_is_imported_with_the_store(tmp_path: Path) -> None:
    """A fresh interpreter that has stored markdown-it's patterns imports it without re's compiler."""
    probe = RECORD_COMPILES + (
        "from postlint.parsers.markdown import _parser\n"
        "_parser()\n"
        "from markdown_it.common.html_re import HTML_TAG_RE\n"
        "print('COMPILED', HTML_TAG_RE.pattern in built)\n"
    )

    assert run_probe(probe, tmp_path / "cache").strip() == "COMPILED True"
    assert run_probe(probe, tmp_path / "cache").strip() == "COMPILED False"
