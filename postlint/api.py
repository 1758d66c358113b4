"""The library API: build a linter once from a configuration, lint many postings, get plain dicts.

This is the stable surface for programs (job boards, data pipelines): `Linter.from_config`,
`Linter.lint_text` and `Violation.to_dict`. The engine behind it may change shape; this
module absorbs that, so callers never build engine objects themselves.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postlint import engine
    from postlint.violation import Violation

FORMATS: tuple[str, ...] = ("markdown", "text", "html")
FACTS: tuple[str, ...] = ("location", "jurisdictions")


@dataclass(frozen=True, slots=True)
class Linter:
    """Rules compiled once from a configuration; call `lint_text` on as many postings as you like.

    It holds no open files and no per-posting state, so one instance serves every thread,
    and it pickles (about 700 kB with the built-in packs and gazetteer) to go to worker
    processes. Shipping the gazetteer costs less than rebuilding it in each worker.
    """

    engine: engine.RuleEngine
    max_bytes: int = 10 * 1024 * 1024  # a longer posting is reported (input/file-too-large), not linted
    _known: set[str] = field(default_factory=set, compare=False, repr=False)

    @classmethod
    def from_config(
        cls,
        config: str | os.PathLike[str] | None = None,
        *,
        packs: Sequence[str] = (),
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        jurisdictions: Sequence[str] = (),
        cache: bool = True,
    ) -> Linter:
        """A linter as `postlint check` would build it.

        `config` is a `.postlint.yaml` or `pyproject.toml` path; None means the defaults
        (every built-in pack), never a file found by searching the current folder. The
        keywords add to it as the `--pack`, `--select`, `--ignore` and `--jurisdiction`
        options do. `cache` reuses compiled packs from the on-disk cache. Raises
        `postlint.PostlintError` (with the file, line and column) for a bad config or pack.
        """
        if not cache:  # before the reading modules are imported: their patterns are cached too (regex_store)
            from postlint import cache as disk_cache

            disk_cache.disable()
        from postlint.config import load_config
        from postlint.runner import RunOptions, prepare_run

        for name, value in (("packs", packs), ("select", select), ("ignore", ignore), ("jurisdictions", jurisdictions)):
            _require_strings(name, value)
        options = RunOptions(tuple(packs), tuple(select), tuple(ignore), tuple(jurisdictions), use_cache=cache)
        prepared = prepare_run(load_config(Path(config) if config is not None else None), options)
        return cls(prepared.engine, prepared.max_bytes)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of the rules this linter runs, in pack order."""
        return tuple(rule.id for rule in self.engine.rules)

    def lint_text(
        self,
        text: str,
        *,
        format: str = "markdown",
        path: str | None = None,
        facts: Mapping[str, Any] | None = None,
    ) -> list[Violation]:
        """Every violation in one posting, sorted by position. No I/O.

        The text is read as a UTF-8 file with these contents would be, so the result equals
        `postlint check --format json` on such a file. `path` names the posting in each
        violation (default "-") and is matched by `per-file-ignores`. `facts` gives what the
        text may not say: `location`, a place ("Denver, CO", or a list of them) read as a
        front-matter `location:` would be (it replaces one the posting has), and
        `jurisdictions`, ids ("US-CO") that override detection as `--jurisdiction` does.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
        if path is not None and not isinstance(path, str):
            raise TypeError(f"path must be a str or None, not {type(path).__name__}")
        location, wanted = self._facts(facts)
        given = {"location": location, "jurisdictions": wanted}
        return self.engine.lint_text(text, format=format, path=path, facts=given, max_bytes=self.max_bytes)  # type: ignore[arg-type]

    def check_facts(self, facts: Mapping[str, Any] | None) -> None:
        """Raise the ValueError or TypeError that `lint_text` would for these facts; cheap, lints nothing."""
        self._facts(facts)

    def _facts(self, facts: Mapping[str, Any] | None) -> tuple[str | list[str] | None, tuple[str, ...]]:
        if facts is None:
            return None, ()
        if not isinstance(facts, Mapping):
            raise TypeError(f"facts must be a mapping, not {type(facts).__name__}")
        unknown = sorted(str(key) for key in facts if key not in FACTS)
        if unknown:
            raise ValueError(f"unknown fact {unknown[0]!r}; expected one of {', '.join(FACTS)}")
        location = facts.get("location")
        if location is not None and not isinstance(location, str):
            _require_strings("facts['location']", location)
            location = list(location)
        wanted = facts.get("jurisdictions") or ()
        _require_strings("facts['jurisdictions']", wanted)
        for token in wanted:
            if token not in self._known_jurisdictions():
                raise ValueError(f"facts['jurisdictions']: unknown jurisdiction {token!r}; ids look like US-CO, CA-ON")
        return location, tuple(wanted)

    def _known_jurisdictions(self) -> set[str]:
        if not self._known:
            from postlint.engine import builtin_gazetteer

            gazetteer = self.engine.gazetteer or builtin_gazetteer()
            known = set(gazetteer.jurisdictions) | {law.jurisdiction for r in self.engine.rules for law in r.laws}
            self._known.update(known | {k.split("-", 1)[0] for k in known})  # 'US', 'EU' name whole areas
        return self._known


def _require_strings(name: str, value: Any) -> None:
    """A list of strings, not one string (which would be read a character at a time)."""
    if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, set, frozenset)):
        raise TypeError(f"{name} must be a list of strings, not {type(value).__name__}")
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{name} must be a list of strings, not a list holding {type(item).__name__}")
