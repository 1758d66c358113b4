"""A run whose packs come from the disk cache imports no pydantic, and a cache from older code is ignored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import probe_process, run_probe

POSTING = "# Engineer\n\nWe are a rockstar ninja team. Pay: competitive.\n"

# Lint in a fresh interpreter and print the pydantic modules it imported.
_PROBE = (
    "import sys\n"
    "from postlint.cli import main\n"
    "code = main(['check', '--format', 'json', sys.argv[1]])\n"
    "sys.stdout.flush()\n"
    "print('PYDANTIC', sorted(m for m in sys.modules if m.partition('.')[0] == 'pydantic'))\n"
)


def _check(posting: Path, cache: Path) -> tuple[str, str]:
    report, _, probe = run_probe(_PROBE, cache, str(posting), cwd=posting.parent).rpartition("PYDANTIC ")
    return report, probe.strip()


def test_a_cached_check_never_imports_pydantic(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    cache = tmp_path / "cache"
    first, loaded = _check(posting, cache)
    assert loaded == "[]"  # the first run builds the shipped packs without pydantic too (tests/test_fast_packs.py)
    assert list(cache.glob("*.pickle"))
    second, loaded = _check(posting, cache)
    assert loaded == "[]"
    assert second == first


def test_a_cache_entry_naming_modules_that_moved_is_ignored(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    cache = tmp_path / "cache"
    first, _ = _check(posting, cache)
    for entry in cache.glob("*.pickle"):
        # A pickle of a check where it was before kinds became packages.
        entry.write_bytes(b"cpostlint.checks.forbid\nForbidCheck\n.")
    again, _ = _check(posting, cache)
    assert again == first


_LOAD_ALL = (
    "import sys\n"
    "from postlint.runner import load_linter\n"
    "engine = load_linter(use_cache=True)\n"
    "for rule in engine.rules:\n"
    "    rule.check.loaded(), rule.when.loaded()\n"
    "print('PYDANTIC', sorted(m for m in sys.modules if m.partition('.')[0] == 'pydantic'))\n"
)


def test_every_cached_check_loads_without_pydantic(tmp_path: Path) -> None:
    """Not only the checks one posting runs: each rule's check and condition, unpickled from the cache."""
    for _ in range(2):  # the first run writes the cache
        out = run_probe(_LOAD_ALL, tmp_path / "cache", cwd=tmp_path)
    assert out.rpartition("PYDANTIC ")[2].strip() == "[]"


# Lint in a fresh interpreter, in `cwd` (where the result cache lives), and print what it imported of the
# modules only linting needs.
_LINT_MODULES = (
    "import sys\n"
    "from postlint.cli import main\n"
    "main(['check', '--format', 'json', sys.argv[1]])\n"
    "sys.stdout.flush()\n"
    "wanted = ('markdown_it', 'postlint.regex_store', 'postlint.prefilter', 'postlint.linear_twin', 'postlint.facts')\n"
    "print('LINTING', sorted(m for m in sys.modules if m.startswith(wanted)))\n"
)


def test_a_check_answered_by_the_result_cache_imports_nothing_linting_needs(tmp_path: Path) -> None:
    """pre-commit starts postlint on every commit, mostly on files that have not changed: such a run
    reads their results and imports neither the parser, the reading modules nor their caches."""
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    imported = []
    for _ in range(2):  # the first run lints and stores the result
        out = run_probe(_LINT_MODULES, tmp_path / "cache", str(posting), cwd=tmp_path)
        imported.append(out.rpartition("LINTING ")[2].strip())
    assert imported[0] != "[]"  # the probe sees what linting imports
    assert imported[1] == "[]"


# Check in a fresh interpreter with the given options, then print the report and whether any pack was loaded.
_CHECK_LOADING = (
    "import sys\n"
    "import postlint.packs.loader as loader\n"
    "loads = []\n"
    "original = loader.load_pack\n"
    "def counted(*args, **kwargs):\n"
    "    loads.append(args[0])\n"
    "    return original(*args, **kwargs)\n"
    "loader.load_pack = counted\n"
    "from postlint.cli import main\n"
    "code = main(['check', *sys.argv[1:]])\n"
    "sys.stdout.flush()\n"
    "print('EXIT', code, 'LOADED', bool(loads))\n"
)


def _check_loading(tmp_path: Path, *args: str) -> tuple[str, str]:
    report, _, tail = run_probe(_CHECK_LOADING, tmp_path / "cache", *args, cwd=tmp_path).rpartition("EXIT ")
    return report, tail.strip()


@pytest.mark.parametrize("fmt", ["json", "text", "github"])
def test_a_check_the_result_cache_answers_in_full_loads_no_rule(tmp_path: Path, fmt: str) -> None:
    """The findings come from the result cache, the rules' references from its index: no pack is loaded."""
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    first, state = _check_loading(tmp_path, "--format", fmt, str(posting))
    assert state.endswith("LOADED True")
    again, state = _check_loading(tmp_path, "--format", fmt, str(posting))
    assert state.endswith("LOADED False")
    assert again == first


def test_a_report_that_describes_the_rules_loads_them_from_a_full_cache(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    first, _ = _check_loading(tmp_path, "--format", "sarif", str(posting))
    again, state = _check_loading(tmp_path, "--format", "sarif", str(posting))
    assert state.endswith("LOADED True")
    assert again == first
    described = json.loads(again)["runs"][0]["tool"]["driver"]["rules"]
    assert len(described) > 50 and all("shortDescription" in rule for rule in described)


def test_a_file_the_cache_does_not_hold_loads_the_rules(tmp_path: Path) -> None:
    known, new = tmp_path / "known.md", tmp_path / "new.md"
    known.write_text(POSTING, encoding="utf-8")
    _check_loading(tmp_path, "--format", "json", str(known))
    new.write_text(POSTING.replace("Engineer", "Analyst"), encoding="utf-8")
    report, state = _check_loading(tmp_path, "--format", "json", str(known), str(new))
    assert state.endswith("LOADED True")
    assert report.count('"path"') > 1  # both files reported


def test_a_broken_pack_is_reported_before_files_and_the_output_is_left_alone(tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(POSTING, encoding="utf-8")
    pack = tmp_path / "mine.yaml"
    pack.write_text("pack: mine\nversion: '1'\nrules: [\n", encoding="utf-8")
    output = tmp_path / "report.json"
    output.write_text("the last report", encoding="utf-8")
    proc = probe_process(
        _CHECK_LOADING,
        tmp_path / "cache",
        "--pack",
        str(pack),
        "--output",
        str(output),
        "nope.md",
        str(posting),
        cwd=tmp_path,
    )
    assert "mine.yaml" in proc.stderr and "nope.md" not in proc.stderr
    assert output.read_text(encoding="utf-8") == "the last report"
