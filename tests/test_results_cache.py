"""The result cache: hits return exactly what linting found, anything that changes the findings misses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from postlint.engine import RuleEngine
from postlint.results_cache import CACHE_DIR_NAME, Entry, ResultCache, _header, _line, clean, run_key
from postlint.runner import lint_files, load_linter
from tests.conftest import cli_env, run_cli

MAX = 10 * 1024 * 1024
FLAWED = "# Engineer\n\nLocation: Denver, CO\n\nWe‚Äôve got a role for you; start date TBD soon.\n"


def _linter() -> RuleEngine:
    return load_linter(select=["quality", "encoding"])


def _cache(tmp_path: Path, key: str = "k") -> ResultCache:
    return ResultCache(tmp_path / CACHE_DIR_NAME, key)


def _run(linter: RuleEngine, files: list[str], cache: ResultCache | None, jobs: int = 1) -> list[list[tuple]]:
    return [
        [(v.rule, v.line, v.column, v.message, v.fix) for v in result.violations]
        for result in lint_files(linter, files, max_bytes=MAX, jobs=jobs, cache=cache)
    ]


def _entries(root: Path) -> list[Path]:
    """The cache's index files (one per run key)."""
    return sorted(p for p in (root / "results").rglob("*") if p.is_file())


def _index(cache: ResultCache) -> dict[str, list]:
    """path -> [size, mtime_ns, digest, made_ns, linted, findings], as the index file holds them."""
    lines = cache.index_path.read_bytes().splitlines(keepends=True)
    assert lines[0] == _header(cache.key)
    assert isinstance(json.loads(lines[1]), dict)  # the rules' references
    entries = {}
    for line in lines[2:]:
        path, size, mtime, digest, made, linted, findings = line.decode("ascii").rstrip("\n").split("\t")
        entries[json.loads(path)] = [int(size), int(mtime), digest, int(made), linted == "1", json.loads(findings)]
    return entries


def _write_index(cache: ResultCache, entries: dict[str, list]) -> None:
    lines = [_line(path, *record[:5], json.dumps(record[5])) for path, record in entries.items()]
    cache.index_path.write_bytes(_header(cache.key) + b"{}\n" + b"".join(lines))


def test_a_hit_returns_what_linting_found(tmp_path: Path) -> None:
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    first = _run(linter, [str(posting)], cache)
    assert first[0], "the posting has findings"
    assert _entries(cache.root) == [cache.index_path]
    assert list(_index(cache)) == [str(posting)]
    assert _run(linter, [str(posting)], _cache(tmp_path)) == first == _run(linter, [str(posting)], None)


def test_a_hit_is_served_from_the_cache(tmp_path: Path) -> None:
    """Proof that nothing is re-linted: an entry edited on disk is what comes back."""
    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    _run(linter, [str(posting)], cache)
    data = _index(cache)
    data[str(posting)][-1][0]["m"] = "from the cache"
    _write_index(cache, data)
    assert _run(linter, [str(posting)], _cache(tmp_path))[0][0][3] == "from the cache"


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    """Size and time unchanged (and not just written): the file's bytes are not even read."""
    import os

    posting = tmp_path / "a.md"
    posting.write_text(FLAWED, encoding="utf-8")
    linter, cache = _linter(), _cache(tmp_path)
    expected = _run(linter, [str(posting)], cache)
    data = _index(cache)
    data[str(posting)][3] += 10 * 10**9  # as if the entry were made 10 s after the file
    _write_index(cache, data)
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
    good = cache.index_path.read_bytes().splitlines(keepends=True)[1]
    header = _header(cache.key)
    other_layout = header.replace(b"results 3 ", b"results 2 ")
    for garbage in (b"\x80\x81 not an index", b"", other_layout + good, b'{"format": "2", "files": {}}'):
        cache.index_path.write_bytes(garbage)
        assert _run(linter, [str(posting)], _cache(tmp_path)) == expected
    fields = good.split(b"\t")
    garbage_lines = [
        good[:-1],  # cut short: no newline
        good[: len(good) // 2] + b"\n",
        b"\t".join(fields[:3]) + b"\n",
        b"\t".join([fields[0], b"size", *fields[2:]]),
        b"\t".join([fields[0], *fields[1:6], b'[{"r": 1}]\n']),
        b"\t".join([fields[0], *fields[1:6], b"x\n"]),
        b"\t".join([b"17", *fields[1:]]),
    ]
    for bad in garbage_lines:
        cache.index_path.write_bytes(header + bad)
        assert _run(linter, [str(posting)], _cache(tmp_path)) == expected
    assert _run(linter, [str(posting)], _cache(tmp_path)) == expected  # and the index is whole again
    assert list(_index(cache)) == [str(posting)]


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
    assert len(_index(_cache(tmp_path))) == 80


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


# --- the index at scale ----------------------------------------------------------------------------


def _many_findings(tmp_path: Path, count: int) -> tuple[RuleEngine, list[str]]:
    """Postings with many findings each, so that findings, not stamps, dominate the index."""
    linter = _linter()
    files = []
    for index in range(count):
        posting = tmp_path / f"p{index:04}.md"
        posting.write_text(FLAWED + "\nWe‚Äôre hiring. " * 40 + f"\nPosting {index}.\n", encoding="utf-8")
        files.append(str(posting))
    return linter, files


def test_memory_holds_stamps_not_findings(tmp_path: Path) -> None:
    """Reading an index keeps a few hundred bytes a file, however many findings the files have."""
    import tracemalloc

    linter, files = _many_findings(tmp_path, 200)
    _run(linter, files, _cache(tmp_path))
    size = _cache(tmp_path).index_path.stat().st_size
    assert size > 200 * 10_000, "each entry holds many findings"
    cache = _cache(tmp_path)
    tracemalloc.start()
    try:
        assert cache.get(files[0]) is not None  # reads the index
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        cache.flush()
    assert held < 200 * 1_000, f"{held} bytes held for a {size}-byte index"


class _CountingCache(ResultCache):
    """A real cache that counts how many files' findings it has read."""

    loads = 0

    def load(self, path: str) -> Entry | None:
        self.loads += 1
        return super().load(path)


def test_a_cached_re_run_reads_findings_only_as_each_file_is_reported(tmp_path: Path) -> None:
    linter, files = _many_findings(tmp_path, 50)
    expected = _run(linter, files, _cache(tmp_path))
    cache = _CountingCache(tmp_path / CACHE_DIR_NAME, "k")
    results = lint_files(linter, files, max_bytes=MAX, jobs=1, cache=cache)
    first = next(results)
    assert cache.loads == 1, "findings of files not yet reported stay on disk"
    rest = list(results)
    assert cache.loads == len(files)
    assert [[(v.rule, v.line, v.column, v.message, v.fix) for v in r.violations] for r in [first, *rest]] == expected


def test_new_entries_spill_to_disk_and_come_back_whole(tmp_path: Path, monkeypatch) -> None:
    """Past the spool's limit new entries wait in a temporary file; the index written is the same."""
    from postlint import results_cache

    linter, files = _many_findings(tmp_path, 30)
    expected = _run(linter, files, None)
    monkeypatch.setattr(results_cache, "_SPOOL_BYTES", 4096)
    assert _run(linter, files, _cache(tmp_path)) == expected
    assert _run(linter, files, _cache(tmp_path)) == expected
    assert list(_index(_cache(tmp_path))) == files


def test_writers_that_overlap_keep_each_others_entries(tmp_path: Path) -> None:
    """Two runs read the index, lint different files, write in turn: the second keeps the first's entries."""
    linter, files = _many_findings(tmp_path, 4)
    first, second = _cache(tmp_path), _cache(tmp_path)
    _run(linter, files[:1], None)
    for cache in (first, second):
        assert cache.get(files[0]) is None  # both have read the (missing) index
    list(lint_files(linter, files[:2], max_bytes=MAX, jobs=1, cache=first))
    list(lint_files(linter, files[2:], max_bytes=MAX, jobs=1, cache=second))
    assert sorted(_index(_cache(tmp_path))) == sorted(files)
    list(lint_files(linter, files[:1], max_bytes=MAX, jobs=1, cache=_cache(tmp_path)))  # all hits: not rewritten
    assert sorted(_index(_cache(tmp_path))) == sorted(files)


def test_any_path_survives_the_index(tmp_path: Path) -> None:
    """Tabs, newlines, quotes and bytes that are not UTF-8 in a file name: the index is line-based."""
    import os

    linter = _linter()
    names = ["tab\there.md", "new\nline.md", 'quote"d.md', "caf\u00e9.md"]
    if os.name == "posix" and sys.platform != "darwin":
        names.append(os.fsdecode(b"latin1-\xe9.md"))
    files = []
    for name in names:
        posting = tmp_path / name
        posting.write_text(FLAWED, encoding="utf-8")
        files.append(str(posting))
    expected = _run(linter, files, None)
    assert _run(linter, files, _cache(tmp_path)) == expected
    assert sorted(_index(_cache(tmp_path))) == sorted(files)
    cache = _cache(tmp_path)
    assert all(cache.get(path) is not None for path in files)
    cache.flush()
