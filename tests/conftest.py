"""Shared helpers: run the CLI in a real subprocess, lint text through the Python API, build packs."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

# What the compliance packs ask of a Colorado posting, in few words: pay, benefits, a deadline and
# a way to apply, work authorization, equal opportunity, accommodation. Tests about other rules
# append it so that only the rules they test fire.
COMPLIANT = (
    "Salary: $52,000 – $61,000 per year, with medical insurance and paid time off. "
    "Apply by March 1 at jobs@example.com. You must be authorized to work in the US. "
    "We are an equal opportunity employer; ask us for any accommodation. This is a full-time role. "
    "No bonus or commission is offered.\n"
)
EXAMPLES = ROOT / "examples"
BUILTIN_PACKS = sorted((ROOT / "rules").glob("*.yaml"))

# `pytest` (rather than `python -m pytest`) does not put the checkout on sys.path;
# make the package importable either way, installed or not.
if importlib.util.find_spec("postlint") is None:  # pragma: no cover - depends on how pytest is started
    sys.path.insert(0, str(ROOT))


def cli_env(overrides: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """The environment for a CLI subprocess: NO_COLOR, no GitHub Actions, the checkout importable."""
    env = {k: v for k, v in os.environ.items() if k not in {"GITHUB_ACTIONS", "FORCE_COLOR", "POSTLINT_DEBUG"}}
    env["NO_COLOR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    for key, value in (overrides or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run_cli(
    *args: Any,
    cwd: str | Path | None = None,
    input: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
) -> tuple[int, str, str]:
    """Run `python -m postlint ARGS` and return (exit code, stdout, stderr).

    `env` adds variables to the default environment (a value of None removes one).
    """
    data = input.encode("utf-8") if isinstance(input, str) else input
    proc = subprocess.run(
        [sys.executable, "-m", "postlint", *map(str, args)],
        cwd=str(cwd) if cwd is not None else None,
        input=data,
        capture_output=True,
        env=cli_env(env),
        timeout=120,
        check=False,
    )
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


# A probe's first lines: every pattern `re`'s compiler builds from here on is appended to `built`.
RECORD_COMPILES = (
    "from re import _compiler\n"
    "built = []\n"
    "original = _compiler.compile\n"
    "def recording(p, flags=0):\n"
    "    built.append(p)\n"
    "    return original(p, flags)\n"
    "_compiler.compile = recording\n"
)


def probe_process(script: str, cache: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a probe script in a fresh interpreter with this disk cache folder."""
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=cli_env({"POSTLINT_CACHE_DIR": str(cache)}),
        cwd=cwd,
        timeout=120,
        check=False,
    )


def run_probe(script: str, cache: Path, *args: str, cwd: Path | None = None) -> str:
    """A probe's standard output; it must succeed."""
    proc = probe_process(script, cache, *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def check_with_cache(folder: Path, cache: Path) -> None:
    """Check a small posting in `folder` through the CLI, with this disk cache folder."""
    posting = folder / "job.md"
    posting.write_text("# Engineer\n\nDenver, CO. Pay: $90,000 - $120,000 a year.\n", encoding="utf-8")
    code, _, err = run_cli("check", posting, env={"POSTLINT_CACHE_DIR": str(cache)})
    assert code in (0, 1), err


def emptied_store(store: Any, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A `user_store.UserStore` as a new process finds it, its file to be in `folder` (for a fixture)."""
    from postlint import cache

    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(folder))
    store.forget()
    monkeypatch.setattr(cache, "_switch", {"enabled": True, "warned": False})
    yield folder
    store.forget()


@lru_cache(maxsize=32)
def _linter(select: tuple[str, ...]) -> Any:
    from postlint.runner import load_linter

    return load_linter(select=list(select))


def lint(text: str, fmt: str = "markdown", select: Sequence[str] | str | None = None) -> list[Any]:
    """Lint text with the built-in packs (optionally only the selected rules or packs)."""
    if isinstance(select, str):
        select = [select]
    return _linter(tuple(select or ())).lint_text(text, format=fmt)


def write_pack(folder: Path, rules: list[dict[str, Any]], name: str = "t", filename: str | None = None) -> Path:
    """Write a pack file built from rule dicts (id, kind, message and description are filled in if absent)."""
    import yaml

    full = []
    for index, given in enumerate(rules):
        rule = {
            "id": f"{name}/rule-{index}",
            "severity": "error",
            "message": "found '{match}'",
            "description": "A rule for the tests.",
            **given,
        }
        full.append(rule)
    path = folder / (filename or f"{name}.yaml")
    path.write_text(
        yaml.safe_dump({"pack": name, "version": "1", "description": "test pack", "rules": full}, sort_keys=False),
        encoding="utf-8",
    )
    return path


def pack_linter(folder: Path, rules: list[dict[str, Any]], name: str = "t", **kwargs: Any) -> Any:
    """A linter running only the given rules (built-ins not loaded)."""
    from postlint.config import Settings
    from postlint.runner import load_linter

    path = write_pack(folder, rules, name)
    return load_linter(Settings(packs=(str(path),)), **kwargs)


@pytest.fixture
def make_linter(tmp_path: Path) -> Any:
    """`make_linter(rules, **load_linter_kwargs)`: a linter for an inline pack written in tmp_path."""
    counter = iter(range(1000))

    def build(rules: list[dict[str, Any]], name: str = "t", **kwargs: Any) -> Any:
        folder = tmp_path / f"pack{next(counter)}"
        folder.mkdir()
        return pack_linter(folder, rules, name, **kwargs)

    return build


def check_document(doc: Any) -> None:
    """The invariants every parser keeps: spans in range, prose aligned with the source character for character."""
    n = len(doc.text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n, block
        assert len(block.prose) == block.end - block.start, block
        source = doc.text[block.start : block.end]
        for i, ch in enumerate(block.prose):
            if ch == "\n":
                assert source[i] == "\n", (block, i)
            elif not ch.isspace():
                assert ch == source[i], (block, i)
    for link in doc.links:
        assert 0 <= link.start <= link.end <= n, link
        if link.url_start != -1:
            assert link.start <= link.url_start <= link.url_end <= link.end, link
    for problem in doc.problems:
        assert 0 <= problem.start <= problem.end <= n, problem


def offset_in(doc: Any, word: str, kind: str | None = None, nth: int = 0) -> int:
    """The source offset of the nth occurrence of `word` in the prose of the blocks (of a kind), checked."""
    seen = 0
    for block in doc.blocks:
        if kind is not None and block.kind != kind:
            continue
        at = block.prose.find(word)
        while at != -1:
            if seen == nth:
                offset = block.start + at
                assert doc.text[offset : offset + len(word)] == word
                return offset
            seen += 1
            at = block.prose.find(word, at + 1)
    raise AssertionError(f"{word!r} not found in the prose of {kind or 'any'} blocks")


def prose_of(doc: Any) -> str:
    return "\n".join(block.prose for block in doc.blocks)


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """Keep postlint's on-disk cache of packs and configs out of the user's home during the tests."""
    previous = os.environ.get("POSTLINT_CACHE_DIR")
    os.environ["POSTLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("postlint-cache"))
    yield
    if previous is None:
        os.environ.pop("POSTLINT_CACHE_DIR", None)
    else:
        os.environ["POSTLINT_CACHE_DIR"] = previous


def run_main(*args: Any, cwd: str | Path | None = None) -> tuple[int, str, str]:
    """Run the CLI in this process (`postlint.cli.main`), for speed; returns (exit code, stdout, stderr).

    Used where a real subprocess adds nothing but start-up time (configuration and selection tables).
    """
    import contextlib
    import io

    from postlint.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous = Path.cwd()
    saved = {k: os.environ.pop(k) for k in ("GITHUB_ACTIONS", "FORCE_COLOR") if k in os.environ}
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in args])
    finally:
        os.chdir(previous)
        os.environ.update(saved)
    return code, out.getvalue(), err.getvalue()


def run_cli_many(calls: Sequence[tuple[Sequence[Any], Mapping[str, Any]]]) -> list[tuple[int, str, str]]:
    """Run several independent CLI calls at once (each `(args, run_cli keyword arguments)`), results in order.

    Start-up dominates a CLI call, so running them side by side keeps the suite fast.
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(8, 2 * (os.cpu_count() or 1))) as pool:
        futures = [pool.submit(run_cli, *args, **kwargs) for args, kwargs in calls]
        return [f.result() for f in futures]


@contextmanager
def loopback_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    """A real HTTP server on 127.0.0.1 in a thread, serving `handler`; yields its port. Link tests talk to it only."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


def places_of(text: str, fmt: str = "text") -> list[Any]:
    """The places read from a posting given as text (the place-reading tests' way in)."""
    from postlint.facts.gazetteer import load_gazetteer
    from postlint.facts.locations import find_places
    from postlint.reader import parse

    return find_places(parse(text, fmt, "posting"), load_gazetteer())


def places_read(text: str, fmt: str = "text") -> set[tuple[tuple[str, ...], bool]]:
    """(ids, remote) of each place read."""
    return {(p.jurisdictions, p.remote) for p in places_of(text, fmt)}
