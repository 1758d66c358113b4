"""Link results kept between runs, so a re-run within the expiry makes no request.

One JSON file (`links.json` in postlint's cache folder) maps each checked URL to its
result, the time it was checked and the address policy it was checked under. Only
results of a fetch are kept (ok, broken, unverified): blocked and excluded depend on
the settings of the run, not on the link. A failure without an HTTP answer (a
timeout, an unknown host, a refused connection) is often the network of the machine
rather than the link, so it is kept for at most an hour.

Two runs may write at once: each writes a whole new file and renames it into place,
merging what is on disk just before, so a reader never sees half a file. Writers take
turns on a lock file (where the system has `fcntl`), so no entry is lost to a race;
without it, at worst a few entries are checked again. A file that cannot be read or parsed is ignored.
Like the pack cache, this is only a shortcut: failures to read or write it are ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from postlint.atomic import replace_file
from postlint.links.status import LinkStatus

FILE_NAME = "links.json"
FORMAT = 1
UNANSWERED_TTL = 3600.0  # seconds: the longest a result without an HTTP answer is kept
# Seconds an entry may be stamped after `now` and still be kept: a run that started a moment before
# another may write after it. A stamp further ahead is a damaged file.
_SKEW = 60.0
CACHED_STATES = ("ok", "broken", "unverified")
STRICT_POLICY = "public"  # a result fetched when only public addresses were allowed is valid under any policy


def _ttl(entry: Mapping[str, Any], ttl: float) -> float:
    return min(ttl, UNANSWERED_TTL) if entry["status_code"] == 0 else ttl


def _read(path: Path) -> dict[str, dict[str, Any]]:
    """The well-formed entries of the file; nothing if it is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("links"), dict):
        return {}
    entries = {}
    for url, entry in data["links"].items():
        if (
            isinstance(entry, dict)
            and entry.get("state") in CACHED_STATES
            and isinstance(entry.get("status_code"), int)
            and isinstance(entry.get("detail"), str)
            and isinstance(entry.get("final_url"), str)
            and isinstance(entry.get("checked"), (int, float))
            and isinstance(entry.get("policy"), str)
        ):
            entries[url] = entry
    return entries


def load(folder: Path, urls: list[str], *, ttl: float, policy: str, now: float) -> dict[str, LinkStatus]:
    """The fresh results for `urls` that were checked under `policy` (or a stricter one)."""
    if ttl <= 0 or not urls:
        return {}
    entries = _read(folder / FILE_NAME)
    found = {}
    for url in urls:
        entry = entries.get(url)
        if entry is None or entry["policy"] not in (policy, STRICT_POLICY):
            continue
        if not 0 <= now - entry["checked"] < _ttl(entry, ttl):
            continue
        found[url] = LinkStatus(url, entry["state"], entry["status_code"], entry["detail"], entry["final_url"])
    return found


def store(folder: Path, results: Mapping[str, LinkStatus], *, ttl: float, policy: str, now: float) -> None:
    """Add `results` to the file (expired entries are dropped); errors are ignored."""
    fresh = {url: s for url, s in results.items() if s.state in CACHED_STATES}
    if ttl <= 0 or not fresh:
        return
    path = folder / FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _turn(folder):
            entries = {url: e for url, e in _read(path).items() if -_SKEW <= now - e["checked"] < _ttl(e, ttl)}
            for url, status in fresh.items():
                entries[url] = {
                    "state": status.state,
                    "status_code": status.status_code,
                    "detail": status.detail,
                    "final_url": status.final_url,
                    "checked": now,
                    "policy": policy,
                }
            payload = json.dumps({"format": FORMAT, "links": entries}, ensure_ascii=False, separators=(",", ":"))
            replace_file(path, payload.encode("utf-8"))
    except OSError:
        pass


@contextmanager
def _turn(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file while reading and rewriting the cache (a no-op without `fcntl`)."""
    try:
        import fcntl
    except ImportError:  # Windows: the rename alone keeps the file whole
        yield
        return
    with open(folder / (FILE_NAME + ".lock"), "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
