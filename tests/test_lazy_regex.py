"""A reading module's rarer patterns are compiled when first used, and match as `re` does."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

from conftest import cli_env

from postlint.lazy_regex import LazyRegex, lazy_regex

# Import a reading module with `re`'s compiler watched, then use one of its lazy patterns.
_PROBE = (
    "from re import _compiler\n"
    "built = []\n"
    "original = _compiler.compile\n"
    "def recording(p, flags=0):\n"
    "    built.append(p)\n"
    "    return original(p, flags)\n"
    "_compiler.compile = recording\n"
    "from postlint.facts import locations\n"
    "before = locations._WIDE.pattern in built\n"
    "found = locations._WIDE.findall('東京 office')\n"
    "print('BEFORE', before, 'AFTER', locations._WIDE.pattern in built, 'FOUND', found)\n"
)


def test_a_lazy_pattern_is_compiled_only_when_used(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        env=cli_env({"POSTLINT_CACHE_DIR": str(tmp_path / "cache")}),  # an empty store: `re` compiles
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "BEFORE False AFTER True FOUND ['東', '京']"


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<word>\b[a-z]+)\s+(?P=word)"
    lazy, compiled = lazy_regex(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.flags == compiled.flags  # known before compiling
    text = "the the cat Cat sat"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (lazy.groups, lazy.groupindex, lazy.sub("x", text)) == (compiled.groups, compiled.groupindex, "x x sat")
    again = pickle.loads(pickle.dumps(lazy_regex(source)))
    assert isinstance(again, LazyRegex) and again.search("a a") is not None
