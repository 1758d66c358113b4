"""Loaded packs and rules: typed, immutable, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar, cast

from postlint.laws import Law
from postlint.violation import Severity

if TYPE_CHECKING:
    from postlint.kinds.check_base import Check, Condition
    from postlint.kinds.spec_base import RuleSpec

T = TypeVar("T")


@lru_cache(maxsize=1)
def _sentence_end() -> re.Pattern[str]:
    """A full stop that ends a sentence: not one after an abbreviation ("Mr.", "e.g.", "U.S.", "No. 5") or
    inside a parenthesis or quotation ("(e.g. "10 km")"). Compiled when a summary is first asked for: a lint
    never does, and every run imports this module."""
    return re.compile(
        r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\bvs)(?<!\be\.g)(?<!\bi\.e)(?<!\betc)"
        r"(?<!\b[A-Z])\.(?=\s+[A-Z(\"“‘'])(?![^()]*\))"
    )


class Deferred:
    """A cached rule's check or condition, unpickled when the engine first uses it.

    Unpickling a check imports its kind's module and the facts that module reads (and
    compiles their regexes), and a condition the document model: most of a cached
    start-up. A run whose results all come from the result cache never lints, so it
    never pays for that. Reading an attribute or calling a method gets the real object,
    loaded then.
    """

    __slots__ = ("_pickled", "_value")

    def __init__(self, pickled: bytes | None, value: object = None) -> None:
        self._pickled = pickled
        self._value = value

    @staticmethod
    def wrap(value: T) -> T:
        """`value` behind a proxy that pickles it on its own, to be loaded only when it is used."""
        return value if isinstance(value, Deferred) else cast("T", Deferred(None, value))

    def loaded(self) -> Any:
        if self._value is None:
            import pickle

            self._value = pickle.loads(self._pickled)  # type: ignore[arg-type]
        return self._value

    def __getattr__(self, name: str) -> Any:
        return getattr(self.loaded(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        from postlint.compiled_regex import dumps, storing

        if not storing():  # sent to a worker process: the object itself, which pickles small
            return _itself, (self.loaded(),)
        if self._pickled is None:
            self._pickled = dumps(self._value)
        return Deferred, (self._pickled,)

    def __repr__(self) -> str:
        return repr(self.loaded())


def _itself(value: T) -> T:
    """What a `Deferred` unpickles to outside the disk cache: the object it stood for."""
    return value


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule ready to run: what the engine needs, its compiled check, and its spec for docs."""

    id: str
    pack: str
    severity: Severity
    kind: str
    message: str
    description: str
    references: tuple[str, ...]
    aliases: tuple[str, ...]
    when: Condition
    check: Check
    source: str  # the pack file it came from
    line: int = 0  # where the rule starts in that file
    spec: RuleSpec | None = None  # the validated YAML; None when the pack came from the cache
    laws: tuple[Law, ...] = ()  # where set, the rule runs in full only where one is in force
    elsewhere: Severity | None = None  # severity where none of `laws` applies; None: not run there
    message_elsewhere: str | None = None
    requires: str = ""  # what the rule's laws ask of a posting, in a few words (for `postlint laws`)

    @property
    def validated(self) -> RuleSpec:
        """The validated YAML, for `explain` and `packs test`, which load packs from their files."""
        if self.spec is None:
            raise ValueError(f"rule {self.id} was loaded from the cache, without its YAML spec")
        return self.spec

    @property
    def name(self) -> str:
        return self.id.partition("/")[2]

    @property
    def summary(self) -> str:
        """The first sentence of the description, for `postlint rules`."""
        text = " ".join(self.description.split())
        end = _sentence_end().search(text)
        return text[: end.start() + 1] if end else text

    def loaded(self) -> Rule:
        """This rule with its check and condition themselves, not the proxies the pack cache leaves until
        they are used: a lint reads them for every rule on every posting."""
        if not isinstance(self.check, Deferred) and not isinstance(self.when, Deferred):
            return self
        when = self.when.loaded() if isinstance(self.when, Deferred) else self.when
        check = self.check.loaded() if isinstance(self.check, Deferred) else self.check
        return replace(self, when=when, check=check)

    def with_severity(self, severity: Severity) -> Rule:
        """An override from config: the rule reports at this severity wherever it runs."""
        return replace(self, severity=severity, elsewhere=severity if self.elsewhere is not None else None)


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    version: str
    description: str
    path: str
    rules: tuple[Rule, ...]
    places: tuple[dict[str, Any], ...] = ()  # gazetteer entries the pack adds (jurisdictions of its own)
