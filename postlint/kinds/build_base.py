"""What a rule compiles to, without pydantic: the shared half of every spec, and the shipped packs' fast load.

A kind's spec (`spec.py`) validates what a pack author wrote; its compiling (`compile()`,
`to_condition()`, `to_law()`) lives in a pydantic-free class here or in the kind's
`build.py`, which the spec inherits. The packs postlint ships are validated by the test
suite, so a run that only lints (no `explain`, no `packs test`) builds their rules from
the YAML with these classes alone (`Plain.from_yaml`): importing pydantic and building its models
costs a run without the disk cache more than linting a posting. `Plain.from_yaml` fills each field
as validation would (defaults, lists as tuples, numbers as floats where a float is asked,
nested models); `tests/test_fast_packs.py` proves both ways build the same rules for every
shipped pack and that each class's `FIELDS` match its spec's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from postlint.lazy_regex import LazyRegex

if TYPE_CHECKING:
    import datetime as dt

    from postlint.kinds.check_base import Check, Condition
    from postlint.laws import Law
    from postlint.prefilter import Prefilter

P = TypeVar("P", bound="Plain")

REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "REQUIRED"})()  # a field without a default
EMPTY: Any = type("Empty", (), {"__repr__": lambda self: "EMPTY"})()  # a nested model with all its defaults


class NotPlain(ValueError):
    """A field `Plain.from_yaml` cannot fill as validation would: the pack is validated instead."""


class Plain:
    """A model's fields as plain attributes: `FIELDS` (name -> default, `REQUIRED` or `EMPTY`), `NESTED`
    (name -> the plain class of a nested model, or of each item of a tuple of them), `FLOATS` (fields
    validation turns into floats). Keys in `SKIPPED` (examples) are not needed to lint."""

    FIELDS: ClassVar[dict[str, Any]] = {}
    NESTED: ClassVar[dict[str, type[Plain]]] = {}
    FLOATS: ClassVar[frozenset[str]] = frozenset()
    SKIPPED: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def from_yaml(cls: type[P], raw: Any) -> P:
        """The fields of `raw` (a YAML mapping) with the defaults of those it leaves out."""
        if not isinstance(raw, Mapping) or any(key not in cls.FIELDS and key not in cls.SKIPPED for key in raw):
            raise NotPlain(f"not a {cls.__name__} mapping")
        plain = object.__new__(cls)
        values = plain.__dict__
        for name, default in cls.FIELDS.items():
            if name in raw:
                values[name] = cls._value(name, raw[name])
            elif default is REQUIRED:
                raise NotPlain(f"missing {name!r}")
            else:
                values[name] = cls.NESTED[name].from_yaml({}) if default is EMPTY else default
        return plain

    @classmethod
    def _value(cls, name: str, value: Any) -> Any:
        nested = cls.NESTED.get(name)
        if nested is not None and value is not None:
            return (
                tuple(nested.from_yaml(item) for item in value) if isinstance(value, list) else nested.from_yaml(value)
            )
        if isinstance(value, list):
            if any(isinstance(item, (list, dict)) for item in value):
                raise NotPlain(f"{name!r} holds nested values")
            return tuple(value)
        if name in cls.FLOATS and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value


class WhenBuild(Plain):
    """Conditions under which a rule applies, compiled (the fields are `spec_base.When`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        "formats": (),
        "jurisdictions": (),
        "front_matter": {},
        "since": None,
        "until": None,
        "text": None,
        "unless": None,
        "languages": (),
        "outside": (),
        "min_words": None,
        "employer": None,
    }
    if TYPE_CHECKING:
        formats: tuple[str, ...]
        jurisdictions: tuple[str, ...]
        front_matter: dict[str, str]
        since: dt.date | None
        until: dt.date | None
        text: str | None
        unless: str | None
        languages: tuple[str, ...]
        outside: tuple[str, ...]
        min_words: int | None
        employer: str | None

    def to_condition(self) -> Condition:
        from postlint.kinds.check_base import Condition

        text = _condition_pattern(self.text) if self.text else None
        unless = _condition_pattern(self.unless) if self.unless else None
        args = (
            tuple(self.formats),
            tuple(self.jurisdictions),
            tuple((key, re.compile(pattern)) for key, pattern in self.front_matter.items()),
            self.since,
            self.until,
            text,
            unless,
        )
        filters: dict[str, Any] = {"text_filter": _condition_filter(text) if text else None}
        filters["unless_filter"] = _condition_filter(unless) if unless else None
        filters["employer_fact"] = self.employer
        if self.languages or self.outside or self.min_words:
            from postlint.facts.language import FactCondition

            return FactCondition(
                *args,
                **filters,
                languages=tuple(self.languages),
                outside=tuple(self.outside),
                min_words=self.min_words or 0,
            )
        return Condition(*args, **filters)


_CONDITION_PATTERNS: dict[str, re.Pattern[str]] = {}
_CONDITION_FILTERS: dict[tuple[str, int], Prefilter] = {}


def _condition_pattern(source: str) -> re.Pattern[str]:
    """One compiled pattern for each `when` text condition, however many rules share it (see `_condition_filter`)."""
    found = _CONDITION_PATTERNS.get(source)
    if found is None:
        found = _CONDITION_PATTERNS[source] = compile_regex(source, re.IGNORECASE)
    return found


def _condition_filter(pattern: re.Pattern[str]) -> Prefilter:
    """One prefilter for each `when` pattern, however many rules share it (a YAML anchor): the Linter sent to
    each worker pickles it once, where a copy per rule cost some 6 kB each."""
    from postlint.prefilter import Prefilter

    key = (pattern.pattern, pattern.flags)
    found = _CONDITION_FILTERS.get(key)
    if found is None:
        found = _CONDITION_FILTERS[key] = Prefilter.deferred(pattern)
    return found


class ThresholdBuild(Plain):
    """The smallest employer a law binds (the fields are `spec_base.Threshold`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {"employees": REQUIRED, "counted": "total"}
    if TYPE_CHECKING:
        employees: int
        counted: str


class LawBuild(Plain):
    """A law a rule encodes, as the engine reads it (the fields are `spec_base.LawSpec`'s; a kind's
    subclass adds its own, which become the law's `params`)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        "jurisdiction": REQUIRED,
        "name": REQUIRED,
        "citation": "",
        "since": None,
        "until": None,
        "url": None,
        "note": "",
        "status": "in-force",
        "enforced": None,
        "threshold": None,
        "sources": (),
        "confidence": "medium",
        "verified": None,
        "severity": None,
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {"threshold": ThresholdBuild}
    SKIPPED: ClassVar[frozenset[str]] = frozenset({"examples"})  # `packs test`'s
    COMMON: ClassVar[frozenset[str]] = frozenset(FIELDS)
    if TYPE_CHECKING:
        jurisdiction: str
        name: str
        citation: str
        since: dt.date | None
        until: dt.date | None
        url: str | None
        note: str
        status: str
        enforced: dt.date | None
        threshold: ThresholdBuild | None
        sources: tuple[str, ...]
        confidence: str
        verified: dt.date | None
        severity: str | None

    def params(self) -> dict[str, Any]:
        """The fields a kind adds to its laws (everything beyond the common ones)."""
        return {name: getattr(self, name) for name in self.FIELDS if name not in self.COMMON}

    def to_law(self) -> Law:
        from postlint.laws import Law

        return Law(
            self.jurisdiction,
            self.name,
            self.citation,
            self.since,
            self.until,
            self.url,
            self.note,
            self.params(),
            status=self.status,
            enforced=self.enforced,
            employees=self.threshold.employees if self.threshold else None,
            counted=self.threshold.counted if self.threshold else "total",
            sources=self.sources,
            confidence=self.confidence,
            verified=self.verified,
            severity=self.severity,
        )


class RuleBuild(Plain):
    """The fields every rule has, and what compiles them (the fields are `spec_base.RuleSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("text",)
    FIELDS: ClassVar[dict[str, Any]] = {
        "id": REQUIRED,
        "kind": REQUIRED,
        "severity": "warning",
        "message": REQUIRED,
        "description": REQUIRED,
        "references": (),
        "aliases": (),
        "when": EMPTY,
        "laws": (),
        "elsewhere": None,
        "message_elsewhere": None,
        "requires": "",
        "scope": None,
    }
    NESTED: ClassVar[dict[str, type[Plain]]] = {"when": WhenBuild, "laws": LawBuild}
    SKIPPED: ClassVar[frozenset[str]] = frozenset({"examples", "law_examples"})
    if TYPE_CHECKING:
        id: str
        kind: str
        severity: str
        message: str
        description: str
        references: tuple[str, ...]
        aliases: tuple[str, ...]
        when: WhenBuild
        laws: tuple[LawBuild, ...]
        elsewhere: str | None
        message_elsewhere: str | None
        requires: str
        scope: tuple[str, ...] | None

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(self.scope) if self.scope else self.default_scope

    def compile(self) -> Check:
        """Build the check that runs this rule (validated, compiled once)."""
        raise NotImplementedError


class _LazyPattern(LazyRegex):
    """A shipped pack's regex, compiled when a lint first uses it.

    The packs postlint ships are validated by the test suite, not on each start; a run of
    one posting searches only some of their patterns (the others' rules do not apply, or
    their keywords are absent), and compiling all of them was a tenth of a start without
    the disk cache. Unlike the reading modules' patterns, it is not added to the user's store
    (the pack cache keeps it compiled): `packaged` takes it from the package's own table, or
    has `re` compile it. Pickled (disk cache, worker processes) it is the compiled pattern itself.
    """

    def compiled(self) -> re.Pattern[str]:
        from postlint.regex_store import packaged

        return packaged(self.pattern, self._flags)

    def __reduce__(self) -> tuple[Any, ...]:
        from postlint.packs.model import _itself  # not this module's: unpickling must not import pydantic

        return _itself, (self.compiled(),)


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pack regex, turning re.error into a message a pack author can act on.

    A shipped pack's regex is compiled when first used (`_LazyPattern`).
    """
    from postlint.packs.regex_safety import check_regex, shipped_pack

    if shipped_pack.get():
        return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"invalid regex {pattern!r}: {exc.msg} at position {exc.pos}") from None
    check_regex(pattern, flags)  # a pattern that can backtrack exponentially could hang a run
    return compiled


def combine_regexes(patterns: tuple[str, ...] | list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex for several, so a text is scanned once per rule, not once per pattern.

    Each pattern was validated on its own; a set that cannot share one regex (a
    global flag such as `(?i)` inside, or a group name used twice) is a pack error.
    """
    if len(patterns) == 1:
        return compile_regex(patterns[0], flags)
    from postlint.packs.regex_safety import check_regex, shipped_pack

    combined = "|".join(f"(?:{p})" for p in patterns)
    if shipped_pack.get():
        return cast("re.Pattern[str]", _LazyPattern(combined, flags))
    try:
        compiled = re.compile(combined, flags)
    except re.error:
        raise ValueError(
            "these patterns cannot be combined into one regex (a global flag such as '(?i)' or a repeated "
            "group name?); use 'ignore_case' instead of global flags and distinct group names"
        ) from None
    check_regex(combined, flags)  # each was safe on its own; together, under the rule's flags, too
    return compiled
