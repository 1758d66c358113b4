"""`jobposting` rules compiled without pydantic: the validated spec (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, RuleBuild, compile_regex
from postlint.kinds.jobposting.check import JobPostingCheck

# Google's employmentType values.
GOOGLE_EMPLOYMENT_TYPES = (
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
)


class JobPostingBuild(RuleBuild):
    """What a `jobposting` rule compiles to (the fields are `JobPostingSpec`'s)."""

    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "test": REQUIRED,
        "properties": (),
        "employment_types": GOOGLE_EMPLOYMENT_TYPES,
        "compare": (),
        "labels": None,
        "within": 60,
        "grace_days": 0,
    }
    if TYPE_CHECKING:
        test: Any
        properties: tuple[str, ...]
        employment_types: tuple[str, ...]
        compare: Any
        labels: str | None
        within: int
        grace_days: int

    def compile(self) -> JobPostingCheck:
        labels = compile_regex(self.labels, re.IGNORECASE) if self.labels else None
        return JobPostingCheck(
            self.test,
            self.properties,
            self.employment_types,
            self.compare,
            labels,
            self.within,
            self.grace_days,
        )
