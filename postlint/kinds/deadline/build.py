"""`deadline` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import RuleBuild, compile_regex
from postlint.kinds.deadline.check import DeadlineCheck
from postlint.prefilter import Prefilter


class DeadlineBuild(RuleBuild):
    """What a `deadline` rule compiles to (the fields are `DeadlineSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "fields": (),
        "labels": None,
        "within": 60,
        "keywords": (),
        "grace_days": 0,
        "report": "expired",
        "skip": None,
    }
    if TYPE_CHECKING:
        fields: tuple[str, ...]
        labels: str | None
        within: int
        keywords: tuple[str, ...]
        grace_days: int
        report: str
        skip: str | None

    def compile(self) -> DeadlineCheck:
        labels = compile_regex(self.labels, re.IGNORECASE) if self.labels else None
        keywords = tuple(k.lower() for k in self.keywords)
        skip = compile_regex(self.skip, re.IGNORECASE) if self.skip else None
        labels_filter = Prefilter.deferred(labels) if labels is not None else None
        return DeadlineCheck(
            tuple(self.fields), labels, self.within, self.grace_days, keywords, self.report, skip, labels_filter
        )
