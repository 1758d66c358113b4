"""The registry of rule kinds.

A kind is a pydantic spec (what a pack author writes) whose `compile()` returns a
check (what runs). Built-in kinds are listed here by module so that only the
kinds a pack uses are imported; other packages add kinds through the
`postlint.kinds` entry-point group (`name = "package.module:SpecClass"`).
Adding a kind never touches the engine.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postlint.kinds.base import RuleSpec

BUILTIN_KINDS: dict[str, str] = {
    "forbid": "postlint.kinds.forbid:ForbidSpec",
    "require": "postlint.kinds.require:RequireSpec",
    "field": "postlint.kinds.field:FieldSpec",
    "metric": "postlint.kinds.metric:MetricSpec",
    "input": "postlint.kinds.input:InputSpec",
    "mojibake": "postlint.kinds.mojibake:MojibakeSpec",
    "pay-range": "postlint.kinds.pay:PayRangeSpec",
    "pay-width": "postlint.kinds.pay:PayWidthSpec",
    "pay-period": "postlint.kinds.pay:PayPeriodSpec",
    "gender-coded": "postlint.kinds.gender_coded:GenderCodedSpec",
    "duplicate": "postlint.kinds.duplicate:DuplicateSpec",
    "deadline": "postlint.kinds.deadline:DeadlineSpec",
    "title-form": "postlint.kinds.title_form:TitleFormSpec",
    "shouting": "postlint.kinds.shouting:ShoutingSpec",
    "title-match": "postlint.kinds.title_match:TitleMatchSpec",
    "link": "postlint.kinds.links:LinkSpec",
    "apply-link": "postlint.kinds.links:ApplyLinkSpec",
    "link-status": "postlint.kinds.links:LinkStatusSpec",
    "jobposting": "postlint.kinds.jobposting:JobPostingSpec",
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
