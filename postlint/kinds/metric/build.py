"""`metric` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, RuleBuild, compile_regex
from postlint.kinds.metric.check import MetricCheck


class MetricBuild(RuleBuild):
    """What a `metric` rule compiles to (the fields are `MetricSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "metric": REQUIRED,
        "min": None,
        "max": None,
        "per": "document",
        "section": None,
    }
    FLOATS: ClassVar[frozenset[str]] = frozenset({"min", "max"})
    if TYPE_CHECKING:
        metric: Any
        min: float | None
        max: float | None
        per: Any
        section: str | None

    def compile(self) -> MetricCheck:
        section = compile_regex(self.section, re.IGNORECASE) if self.section else None
        return MetricCheck(self.scopes, self.metric, self.min, self.max, self.per, section)
