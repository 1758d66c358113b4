"""The result cache: hits return exactly what linting found, anything that changes the findings misses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from postlint.engine import Linter
from postlint.results_cache import CACHE_DIR_NAME, ResultCache, clean, run_key
from postlint.runner import lint_files, load_linter
from tests.conftest import cli_env, run_cli

MAX = 10 * 1024 * 1024
FLAWED = "# Engineer\n\nLocation: Denver, CO\n\nWe‚Äôve got a TBD role for you.\n"


def _linter() -> Linter:
    return load_linter(select=["quality", "encoding"])


def _cache(tmp_path: Path, key: str = "k") -> ResultCache:
    return ResultCache(tmp_path / CACHE_DIR_NAME, key)


def _run(linter: Linter, files: list[str], cache: ResultCache | None, jobs: int = 1) -> list[list[tuple]]:
    return [
        [(v.rule, v.line, v.column, v.message, v.fix) for v in result.violations]
        for result in lint_files(linter, files, max_bytes=MAX, jobs=jobs, cache=cache)
    ]


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / "results").rglob("*") if p.is_file())


def test_a_hit_returns_what_linting_found(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    first = _run(linter, [str(posting)], cache)
    assert first[0], "the posting has findings"
    assert len(_entries(cache.root)) == 1
    assert _run(linter, [str(posting)], cache) == first == _run(linter, [str(posting)], None)


def test_a_hit_is_served_from_the_cache(tmp_path: Path) -> None:
    """Proof that nothing is re-linted: an entry edited on disk is what comes back."""
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    _run(linter, [str(posting)], cache)
    (entry,) = _entries(cache.root)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["violations"][0]["m"] = "from the cache"
    entry.write_text(json.dumps(data), encoding="utf-8")
    assert _run(linter, [str(posting)], cache)[0][0][3] == "from the cache"


def test_changed_bytes_miss(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    before = _run(linter, [str(posting)], cache)
    posting.write_text(FLAWED.replace("We‚Äôve", "We’ve"), encoding="utf-8")
    after = _run(linter, [str(posting)], cache)
    assert any(v[0] == "encoding/mojibake" for v in before[0])
    assert not any(v[0] == "encoding/mojibake" for v in after[0])


def test_a_corrupt_entry_is_recomputed(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    expected = _run(linter, [str(posting)], cache)
    for garbage in (b"\x80\x81 not json", b'{"linted": true, "violations": [{"r": 1}]}', b"[]"):
        (entry,) = _entries(cache.root)
        entry.write_bytes(garbage)
        assert _run(linter, [str(posting)], cache) == expected


def test_the_run_key_covers_packs_options_and_date(tmp_path: Path) -> None:
    import datetime as dt

    pack = tmp_path / "pack.yaml"
    pack.write_text("pack: p\n", encoding="utf-8")
    day = dt.date(2026, 1, 1)
    base = run_key([pack], ["--select", "quality"], day)
    assert run_key([pack], ["--select", "quality"], day) == base
    assert run_key([pack], ["--select", "encoding"], day) != base
    assert run_key([pack], ["--select", "quality"], day + dt.timedelta(days=1)) != base
    pack.write_text("pack: q\n", encoding="utf-8")
    assert run_key([pack], ["--select", "quality"], day) != base


def test_cached_results_keep_file_order_with_workers(tmp_path: Path) -> None:
    files = []
    for index in range(80):
        posting = tmp_path / f"p{index:03}.md"
        posting.write_text(FLAWED if index % 3 else FLAWED.replace("TBD ", ""), encoding="utf-8")
        files.append(str(posting))
    linter, cache = _linter(), _cache(tmp_path)
    uncached = _run(linter, files, None, jobs=2)
    assert _run(linter, files[::2], cache, jobs=2) == uncached[::2]  # half warm
    assert _run(linter, files, cache, jobs=2) == uncached  # hits and misses interleaved


# --- through the CLI ---------------------------------------------------------------------------


def _cli_env(tmp_path: Path) -> dict[str, str]:
    return {"POSTLINT_CACHE_DIR": str(tmp_path / "packs-cache")}


def test_the_cli_caches_beside_the_config_and_tags_the_folder(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text("packs: [quality, encoding]\n", encoding="utf-8")
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "a.md").write_text(FLAWED, encoding="utf-8")
    first = run_cli("check", "--format", "json", "postings", cwd=tmp_path, env=_cli_env(tmp_path))
    root = tmp_path / CACHE_DIR_NAME
    assert (root / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    second = run_cli("check", "--format", "json", "postings", cwd=tmp_path, env=_cli_env(tmp_path))
    assert first == second
    assert first[0] == 1


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FLAWED, encoding="utf-8")
    code, _, err = run_cli("check", "--no-cache", "a.md", cwd=tmp_path, env=_cli_env(tmp_path))
    assert code == 1, err
    assert not (tmp_path / CACHE_DIR_NAME).exists()
    assert not (tmp_path / "packs-cache").exists()


def test_cache_clean(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(FLAWED, encoding="utf-8")
    run_cli("check", "a.md", cwd=tmp_path, env=_cli_env(tmp_path))
    assert (tmp_path / CACHE_DIR_NAME).is_dir()
    code, out, err = run_cli("cache", "clean", cwd=tmp_path, env=_cli_env(tmp_path))
    assert code == 0, err
    assert not (tmp_path / CACHE_DIR_NAME).exists()
    assert not (tmp_path / "packs-cache").exists()
    assert "removed" in out.lower()


def test_clean_refuses_a_folder_postlint_did_not_make(tmp_path: Path) -> None:
    stranger = tmp_path / "precious"
    stranger.mkdir()
    (stranger / "data.txt").write_text("keep me", encoding="utf-8")
    try:
        clean(stranger)
    except OSError as exc:
        assert "not removed" in str(exc)
    assert (stranger / "data.txt").exists()


def test_concurrent_processes_share_the_cache_safely(tmp_path: Path) -> None:
    """pre-commit runs hooks in parallel: several writers at once never corrupt a result."""
    for index in range(30):
        (tmp_path / f"p{index:02}.md").write_text(FLAWED + f"\nPosting {index}.\n", encoding="utf-8")
    env = cli_env(_cli_env(tmp_path))
    command = [sys.executable, "-m", "postlint", "check", "--format", "json", "--jobs", "1", "."]
    procs = [subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE) for _ in range(4)]
    outputs = [proc.communicate(timeout=120)[0] for proc in procs]
    reference = run_cli("check", "--format", "json", "--no-cache", ".", cwd=tmp_path, env=_cli_env(tmp_path))[1]
    assert all(json.loads(out) == json.loads(reference) for out in outputs)
    assert json.loads(run_cli("check", "--format", "json", ".", cwd=tmp_path, env=_cli_env(tmp_path))[1]) == (
        json.loads(reference)
    )
