"""Build the package's own tables of compiled code, once, when the package is built.

`python -m postlint.prebuild FOLDER` (run by `setup.py` on the built package, FOLDER being its
`postlint/tables/`) writes, for the Python running it, the tables read beneath the user's own
cache: the compiled code of every regex a run of the built-in packs uses (`regex_store`) and
of the methods `@dataclass` generates (`dataclass_code`), and the built-in packs and data files
as built (`shipped_values`). Without them the first run after installing, and every
`--no-cache` run, spent about half its time in `re`'s pure-Python compiler, in `compile()` and
in reading YAML. What they hold is found by doing the work: it runs the CLI on postlint's own
sample in each output format, imports every module, loads every built-in pack and compiles
every pattern left lazy. Each entry is keyed by its exact source, or by the content of every
file it was built from, so a table can only miss (the work is then done as before), never be wrong.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import io
import pickle
import pkgutil
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

# Modules that run something when imported, or need an optional extra: what they compile is not a run's.
_SKIPPED = ("postlint.__main__", "postlint.lsp", "postlint.mcp_server", "postlint.spark", "postlint.warm.boot")
_FORMATS = ("text", "json", "sarif", "github")


def build(folder: Path) -> dict[str, int]:
    """Write the tables into `folder` (replacing what is there); the number of entries of each."""
    from postlint import cache, dataclass_code, regex_store, shipped_values

    shutil.rmtree(folder, ignore_errors=True)  # an earlier build's tables must not answer for this one
    cache.disable()  # nothing of the user's: every pattern and method is compiled, so recorded
    regex_store.recorded = {}
    shipped_values.recorded = {}
    with dataclass_code.reused():
        _run_the_cli()
        _import_everything()
        _load_every_builtin_pack()
        _compile_lazy_patterns()
    regexes = regex_store.STORE.queued()
    from postlint.compiled_regex import compiled_code

    for key, pattern in regex_store.recorded.items():
        code = compiled_code(pattern)
        if code is not None:
            regexes[key] = code
    tables = {regex_store.STORE: regexes, dataclass_code.STORE: dataclass_code.STORE.queued()}
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for store, table in tables.items():
        (folder / store.file_name()).write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
        counts[store.name] = len(table)
    counts["values"] = shipped_values.write(folder)
    return counts


def _run_the_cli() -> None:
    """`postlint check --no-cache` on the sample in each format postlint reads, with each report."""
    from postlint.cli import main
    from postlint.sample_posting import SAMPLES

    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for form, (suffix, text) in SAMPLES.items():
            path = Path(scratch) / f"sample-{form}{suffix}"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        report = str(Path(scratch) / "report")
        for output in _FORMATS:
            with contextlib.redirect_stderr(io.StringIO()):
                main(["check", "--no-cache", "--jobs", "1", "--format", output, "--output", report, *paths])


def _import_everything() -> None:
    import postlint

    for module in pkgutil.walk_packages(postlint.__path__, "postlint."):
        if module.name.startswith(_SKIPPED):
            continue
        with contextlib.suppress(Exception):  # a module that cannot be imported here is not a run's
            importlib.import_module(module.name)


def _load_every_builtin_pack() -> None:
    from postlint.packs.loader import builtin_dir, load_pack

    for path in sorted(builtin_dir().glob("*.yaml")):
        load_pack(path, specs=False)


def _compile_lazy_patterns() -> None:
    """Compile every pattern still waiting for its first use (the reading modules' and the packs')."""
    from postlint.lazy_regex import LazyRegex

    waiting: list[Any] = [obj for obj in gc.get_objects() if isinstance(obj, LazyRegex)]
    for pattern in waiting:
        with contextlib.suppress(Exception):
            pattern.compiled()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m postlint.prebuild FOLDER\n")
        return 2
    counts = build(Path(argv[0]))
    sys.stdout.write(
        "postlint: built the tables of compiled code: " + ", ".join(f"{n} {name}" for name, n in counts.items()) + "\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
