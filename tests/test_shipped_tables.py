"""The tables built with the package (`postlint/tables/`): a real build writes them, a `--no-cache`
run uses them and reports what a run without them reports, and a changed file is never served from them.

The package is built and installed for real (`pip install --no-build-isolation --target`, which runs
`setup.py`'s step), into a folder put first on the import path of each run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, cli_env

pytestmark = pytest.mark.slow

POSTING = EXAMPLES / "flawed" / "sales-rockstar.md"

# Run the CLI as the console script does, counting the patterns `re`'s compiler builds for postlint's
# own code (a library's and the standard library's are not in the tables) and the dataclass methods compiled.
_PROBE = """
import builtins, sys
from re import _compiler

patterns, methods = [], []
plain_pattern, plain_compile = _compiler.compile, builtins.compile

def pattern(source, flags=0):
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.endswith(_SKIPPED):
        frame = frame.f_back
    if frame is not None and "/postlint/" in frame.f_code.co_filename:
        patterns.append(source)
    return plain_pattern(source, flags)

def method(source, filename, *args, **kwargs):
    if filename == "<string>" and "def __create_fn__" in str(source):
        methods.append(source)
    return plain_compile(source, filename, *args, **kwargs)

_SKIPPED = ("/re/__init__.py", "/re/_compiler.py", "regex_store.py", "lazy_regex.py", "compiled_regex.py")
_compiler.compile, builtins.compile = pattern, method
import postlint
from postlint.cli import main
code = main(sys.argv[1:])
sys.stderr.write(f"PACKAGE {postlint.__file__}\\nREGEXES {len(patterns)}\\nMETHODS {len(methods)}\\n")
sys.exit(code)
"""


# A real build and install (setup.py's step included), with the build tools already here: nothing fetched.
_PIP_INSTALL = (sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--target")


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as `pip install .` builds it, with its tables, in a folder of its own."""
    target = tmp_path_factory.mktemp("installed")
    build = tmp_path_factory.mktemp("source")
    source = build / "postlint-source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".*", "build", "*.egg-info", "__pycache__", "tests"))
    done = subprocess.run(
        [*_PIP_INSTALL, str(target), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return target


def _run(package_root: Path | None, *args: str, cache: Path) -> tuple[int, str, dict[str, str]]:
    """Run the CLI through the probe, from `package_root` (None: the checkout); (code, stdout, probe figures)."""
    env = cli_env({"POSTLINT_CACHE_DIR": str(cache)})
    if package_root is not None:
        env["PYTHONPATH"] = str(package_root)
    done = subprocess.run(  # from the cache's folder: `-c` imports from the working folder first
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=_made(cache),
        timeout=120,
        check=False,
    )
    figures = dict(line.split(" ", 1) for line in done.stderr.splitlines() if line.split(" ", 1)[0].isupper())
    return done.returncode, done.stdout, figures


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_build_writes_a_table_of_each_kind(installed: Path) -> None:
    tables = installed / "postlint" / "tables"
    names = sorted(path.name.split("-")[0] for path in tables.glob("*.pickle"))
    assert names == ["dataclass", "regexes", "values"]
    python = ".".join(str(part) for part in sys.version_info[:3])
    assert all(python in path.name for path in tables.glob("*.pickle"))


def test_a_no_cache_run_compiles_little_and_reports_the_same(installed: Path, tmp_path: Path) -> None:
    args = ("check", "--no-cache", "--format", "json", str(POSTING))
    code, out, figures = _run(installed, *args, cache=tmp_path / "a")
    assert figures["PACKAGE"].startswith(str(installed)), figures
    plain_code, plain_out, plain_figures = _run(None, *args, cache=tmp_path / "b")
    assert (code, json.loads(out)) == (plain_code, json.loads(plain_out))
    assert json.loads(out)["violations"], "the posting has findings to compare"
    # Without tables a run compiles hundreds of patterns and methods; with them, a few small patterns.
    assert int(plain_figures["REGEXES"]) > 150 and int(plain_figures["METHODS"]) > 300, plain_figures
    assert int(figures["REGEXES"]) < 40 and int(figures["METHODS"]) == 0, figures
    assert not list((tmp_path / "a").glob("*.pickle")), "a --no-cache run writes nothing"


def test_a_first_cached_run_takes_the_tables_and_fills_the_users_cache(installed: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    args = ("check", "--format", "json", str(POSTING))
    first = _run(installed, *args, cache=cache)
    assert int(first[2]["REGEXES"]) < 40, first[2]
    assert {path.name.split("-")[0] for path in cache.glob("*.pickle")} >= {"gazetteer", "pack"}
    second = _run(installed, *args, cache=cache)
    assert first[:2] == second[:2]


def test_a_changed_pack_is_built_from_its_file_not_served_from_the_table(installed: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(installed, edited)
    pack = edited / "postlint" / "rules" / "inclusive.yaml"
    text = pack.read_text(encoding="utf-8")
    message = next(line for line in text.splitlines() if line.strip().startswith("message:"))
    changed = message.split("message:", 1)[0] + 'message: "A MESSAGE CHANGED AFTER INSTALLING"'
    pack.write_text(text.replace(message, changed, 1), encoding="utf-8")
    code, out, _ = _run(edited, "check", "--no-cache", "--format", "json", str(POSTING), cache=tmp_path / "c")
    assert code == 1, out
    messages = {v["message"] for v in json.loads(out)["violations"]}
    assert "A MESSAGE CHANGED AFTER INSTALLING" in messages, sorted(messages)


def test_a_changed_module_turns_the_values_table_off(installed: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(installed, edited)
    module = edited / "postlint" / "kinds" / "build_base.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited after installing\n", encoding="utf-8")
    probe = (
        "from pathlib import Path\n"
        "from postlint import shipped_values\n"
        "from postlint.packs.loader import builtin_dir\n"
        "print(shipped_values.lookup('pack', Path(builtin_dir()) / 'eeo.yaml') is None)\n"
    )
    for root, expected in ((installed, "False"), (edited, "True")):
        env = cli_env({"PYTHONPATH": str(root)})
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=tmp_path, check=False
        )
        assert done.stdout.strip() == expected, (root, done.stderr)
