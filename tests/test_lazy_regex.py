"""A reading module's rarer patterns are compiled when first used, and match as `re` does."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from conftest import RECORD_COMPILES, run_probe

from postlint.lazy_regex import LazyRegex, lazy_regex

# Import a reading module with `re`'s compiler watched, then use one of its lazy patterns.
_PROBE = RECORD_COMPILES + (
    "from postlint.facts import locations\n"
    "before = locations._WIDE.pattern in built\n"
    "found = locations._WIDE.findall('東京 office')\n"
    "print('BEFORE', before, 'AFTER', locations._WIDE.pattern in built, 'FOUND', found)\n"
)


def test_a_lazy_pattern_is_compiled_only_when_used(tmp_path: Path) -> None:
    out = run_probe(_PROBE, tmp_path / "cache")  # an empty store: `re` compiles
    assert out.strip() == "BEFORE False AFTER True FOUND ['東', '京']"


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    source = r"(?P<word>\b[a-z]+)\s+(?P=word)"
    lazy, compiled = lazy_regex(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert lazy.flags == compiled.flags  # known before compiling
    text = "the the cat Cat sat"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert (lazy.groups, lazy.groupindex, lazy.sub("x", text)) == (compiled.groups, compiled.groupindex, "x x sat")
    again = pickle.loads(pickle.dumps(lazy_regex(source)))
    assert isinstance(again, LazyRegex) and again.search("a a") is not None
