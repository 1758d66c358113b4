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
    """The cache's index files (one per run key)."""
    return sorted(p for p in (root / "results").rglob("*") if p.is_file())


def _index(cache: ResultCache) -> dict:
    return json.loads(cache.index_path.read_text(encoding="utf-8"))


def test_a_hit_returns_what_linting_found(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    first = _run(linter, [str(posting)], cache)
    assert first[0], "the posting has findings"
    assert _entries(cache.root) == [cache.index_path]
    assert list(_index(cache)["files"]) == [str(posting)]
    assert _run(linter, [str(posting)], _cache(tmp_path)) == first == _run(linter, [str(posting)], None)


def test_a_hit_is_served_from_the_cache(tmp_path: Path) -> None:
    """Proof that nothing is re-linted: an entry edited on disk is what comes back."""
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    _run(linter, [str(posting)], cache)
    data = _index(cache)
    data["files"][str(posting)][-1][0]["m"] = "from the cache"
    cache.index_path.write_text(json.dumps(data), encoding="utf-8")
    assert _run(linter, [str(posting)], _cache(tmp_path))[0][0][3] == "from the cache"


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    """Size and time unchanged (and not just written): the file's bytes are not even read."""
    import os

    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    expected = _run(linter, [str(posting)], cache)
    data = _index(cache)
    data["files"][str(posting)][3] += 10 * 10**9  # as if the entry were made 10 s after the file
    cache.index_path.write_text(json.dumps(data), encoding="utf-8")
    os.chmod(posting, 0)  # unreadable: a read would fail and miss
    try:
        if os.access(posting, os.R_OK):
            return  # running as a user who reads anything: the proof does not apply
        assert _run(linter, [str(posting)], _cache(tmp_path)) == expected
    finally:
        os.chmod(posting, 0o644)


def test_a_file_rewritten_with_the_same_size_and_time_is_hashed(tmp_path: Path) -> None:
    """Racily clean: an entry made within the clock's resolution of the file's time is checked by hash."""
    import os

    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    before = _run(linter, [str(posting)], cache)
    stat = posting.stat()
    posting.write_text(FLAWED.replace("TBD", "new"), encoding="utf-8")  # same length
    os.utime(posting, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = _run(linter, [str(posting)], _cache(tmp_path))
    assert after != before
    assert after == _run(linter, [str(posting)], None)


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
    record = _index(cache)["files"][str(posting)]
    garbage_records = [record[:3], [*record[:5], [{"r": 1}]], "x"]
    for garbage in (b"\x80\x81 not json", b"[]", b'{"format": "2", "files": []}'):
        cache.index_path.write_bytes(garbage)
        assert _run(linter, [str(posting)], _cache(tmp_path)) == expected
    for bad in garbage_records:
        cache.index_path.write_text(json.dumps({"format": "2", "files": {str(posting): bad}}), encoding="utf-8")
        assert _run(linter, [str(posting)], _cache(tmp_path)) == expected


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
    linter = _linter()
    uncached = _run(linter, files, None, jobs=2)
    assert _run(linter, files[::2], _cache(tmp_path), jobs=2) == uncached[::2]  # half warm
    assert _run(linter, files, _cache(tmp_path), jobs=2) == uncached  # hits and misses interleaved
    assert len(_index(_cache(tmp_path))["files"]) == 80


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


def test_indexes_of_other_run_keys_expire(tmp_path: Path) -> None:
    import os
    import time

    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    cache = _cache(tmp_path, "new-key")
    old, recent = cache.root / "results" / "old-key.json", cache.root / "results" / "other-key.json"
    old.parent.mkdir(parents=True)
    for index in (old, recent):
        index.write_text("{}", encoding="utf-8")
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (two_days_ago, two_days_ago))
    _run(_linter(), [str(posting)], cache)
    assert not old.exists()
    assert recent.exists() and cache.index_path.exists()
