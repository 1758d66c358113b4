"""The user's cache folder keeps what runs use: entries read are marked used, stale ones are removed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from conftest import run_cli

from postlint import cache

DAY = 24 * 3600


def _lint(folder: Path, cache_dir: Path, text: str) -> None:
    """One CLI run on a posting of this text (new text each time: the result cache answers a posting it knows)."""
    posting = folder / "job.md"
    posting.write_text(text, encoding="utf-8")
    code, _, err = run_cli("check", posting, cwd=folder, env={"POSTLINT_CACHE_DIR": str(cache_dir)})
    assert code in (0, 1), err


def _age(path: Path, days: float) -> None:
    then = time.time() - days * DAY
    os.utime(path, (then, then))


def _private(folder: Path) -> Path:
    folder.mkdir(mode=0o700)
    return folder


def test_a_run_that_writes_an_entry_removes_entries_unused_for_a_month(tmp_path: Path) -> None:
    store = _private(tmp_path / "cache")
    stale = store / f"pack-{'a' * 32}.pickle"
    stale_store = store / "regexes-1-0.0.1-3.9.0cpython-39.pickle"  # an older release's compiled regexes
    recent = store / f"pack-{'b' * 32}.pickle"
    links = store / "links.json"  # not an entry of this cache: it expires by its own rules
    for path in (stale, stale_store, recent, links):
        path.write_bytes(b"not a pickle")
        path.chmod(0o600)
    for path in (stale, stale_store, links):
        _age(path, cache.STALE_DAYS + 1)
    _age(recent, cache.STALE_DAYS - 1)
    outside = tmp_path / "outside.pickle"
    outside.write_bytes(b"")
    _age(outside, cache.STALE_DAYS + 5)
    (store / "link.pickle").symlink_to(outside)

    _lint(tmp_path, store, "# Engineer\n\nDenver, CO. Pay: $90,000 - $120,000 a year.\n")

    names = {p.name for p in store.iterdir()}
    assert stale.name not in names and stale_store.name not in names
    assert {recent.name, links.name, "link.pickle"} <= names
    assert outside.exists()  # a link is never followed, let alone its target removed
    assert any(name.startswith("pack-") and name != recent.name for name in names)  # this run's own entries


def test_an_entry_a_run_reads_is_marked_used(tmp_path: Path) -> None:
    store = _private(tmp_path / "cache")
    _lint(tmp_path, store, "# Engineer\n\nDenver, CO. Pay: $90,000 - $120,000 a year.\n")
    packs = sorted(store.glob("pack-*.pickle"))
    assert packs
    for path in packs:
        _age(path, 10)
    today = packs[0]
    _age(today, 0.1)  # read within the day: not written again
    before = today.stat().st_mtime

    _lint(tmp_path, store, "# Analyst\n\nDenver, CO. Pay: $80,000 - $100,000 a year.\n")

    assert today.stat().st_mtime == before
    for path in packs[1:]:
        assert time.time() - path.stat().st_mtime < DAY, path.name


def test_prune_stale_keeps_the_entry_named_and_what_is_not_an_entry(tmp_path: Path) -> None:
    old = [tmp_path / "pack-1.pickle", tmp_path / "pack-2.pickle", tmp_path / "notes.txt"]
    for path in old:
        path.write_bytes(b"")
        _age(path, cache.STALE_DAYS + 1)
    (tmp_path / "sub.pickle").mkdir()
    _age(tmp_path / "sub.pickle", cache.STALE_DAYS + 1)

    assert cache.prune_stale(tmp_path, keep=old[0]) == 1

    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "pack-1.pickle", "sub.pickle"]
    assert cache.prune_stale(tmp_path / "missing") == 0
