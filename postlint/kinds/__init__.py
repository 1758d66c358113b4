"""The rule kinds: one package per kind, and the registry of them.

A kind is what a rule does (forbid words, require a statement, check pay...). Each
lives in `postlint/kinds/<name>/`: `spec.py` is the pydantic model of what a pack
author may write, validated when a pack is loaded, and its `compile()` returns the
check in `check.py`, a frozen dataclass that runs on every posting. The two are
split because compiled packs are pickled into the disk cache (cache.py): a run
from the cache unpickles the checks only, so it must be able to import them
without pydantic, whose import costs more than linting a posting and would be paid
on every pre-commit run. So `check.py` never imports its `spec.py` or pydantic,
and neither does a kind's `__init__.py` (`tests/test_cache_imports.py` proves it).
What every spec shares is in `spec_base.py`, what every check shares in
`check_base.py`; a check declares what the engine, `explain` and `inspect` must
know of it (`reports_absence`, `needs_link_status`, ...) instead of being named.
Detectors other code reads too (mojibake, statements) are facts, in `facts/`.

Built-in kinds are listed here by module so that only the kinds a pack uses are
imported; other packages add kinds through the `postlint.kinds` entry-point group
(`name = "package.module:SpecClass"`). Adding a kind never touches the engine.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postlint.kinds.build_base import RuleBuild
    from postlint.kinds.spec_base import RuleSpec

BUILTIN_KINDS: dict[str, str] = {
    "forbid": "postlint.kinds.forbid.spec:ForbidSpec",
    "require": "postlint.kinds.require.spec:RequireSpec",
    "field": "postlint.kinds.field.spec:FieldSpec",
    "metric": "postlint.kinds.metric.spec:MetricSpec",
    "input": "postlint.kinds.input.spec:InputSpec",
    "mojibake": "postlint.kinds.mojibake.spec:MojibakeSpec",
    "pay-range": "postlint.kinds.pay.spec:PayRangeSpec",
    "pay-width": "postlint.kinds.pay.spec:PayWidthSpec",
    "pay-period": "postlint.kinds.pay.spec:PayPeriodSpec",
    "gender-coded": "postlint.kinds.gender_coded.spec:GenderCodedSpec",
    "duplicate": "postlint.kinds.duplicate.spec:DuplicateSpec",
    "deadline": "postlint.kinds.deadline.spec:DeadlineSpec",
    "title-form": "postlint.kinds.title_form.spec:TitleFormSpec",
    "shouting": "postlint.kinds.shouting.spec:ShoutingSpec",
    "title-match": "postlint.kinds.title_match.spec:TitleMatchSpec",
    "link": "postlint.kinds.links.spec:LinkSpec",
    "apply-link": "postlint.kinds.links.spec:ApplyLinkSpec",
    "link-status": "postlint.kinds.links.spec:LinkStatusSpec",
    "jobposting": "postlint.kinds.jobposting.spec:JobPostingSpec",
}


@lru_cache(maxsize=1)
def _plugin_kinds() -> dict[str, str]:
    from importlib.metadata import entry_points

    return {ep.name: ep.value for ep in entry_points(group="postlint.kinds")}


def known_kinds() -> list[str]:
    """Every kind name: built-ins first, then plugins."""
    return list(BUILTIN_KINDS) + [k for k in _plugin_kinds() if k not in BUILTIN_KINDS]


def spec_class(kind: str) -> type[RuleSpec] | None:
    """The spec model for a kind name, or None if no such kind is registered."""
    target = BUILTIN_KINDS.get(kind) or _plugin_kinds().get(kind)
    if target is None:
        return None
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name)
    cls: type[RuleSpec] = getattr(module, attr)
    return cls


def build_class(kind: str) -> type[RuleBuild] | None:
    """The pydantic-free half of a built-in kind's spec (its `build.py`), which the shipped packs load with
    when no spec is needed; None for a plugin's kind. `FooSpec` in `spec.py` inherits `FooBuild` there."""
    target = BUILTIN_KINDS.get(kind)
    if target is None:
        return None
    module_name, _, attr = target.partition(":")
    module = importlib.import_module(module_name.removesuffix(".spec") + ".build")
    cls: type[RuleBuild] = getattr(module, attr.removesuffix("Spec") + "Build")
    return cls
