"""`deadline`: the posting's closing date has passed."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.deadline.build import DeadlineBuild
from postlint.kinds.spec_base import Regex, RuleSpec


class DeadlineSpec(DeadlineBuild, RuleSpec):
    """Fire when every closing date the posting gives (front matter, or a date after a label) is in the past,
    or (`report: conflict`) when two of them cannot be the same day."""

    kind: Literal["deadline"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "date", "days", "other", "line"})

    fields: tuple[str, ...] = Field(
        (), description="Front-matter fields holding the closing date (a YAML date or text such as 'March 1, 2025')."
    )
    labels: Regex | None = Field(
        None,
        description="Regex (case-insensitive) of the words before a closing date in the text ('Closing date:', "
        "'Apply by'); the date must follow within `within` characters.",
    )
    within: int = Field(60, ge=1, description="How far after a label the date may be.")
    keywords: tuple[str, ...] = Field(
        (), description="A speed hint: words (any case) one of which every label contains (as for `forbid`)."
    )
    grace_days: int = Field(0, ge=0, description="Days after the closing date before the rule fires.")
    report: Literal["expired", "conflict"] = Field(
        "expired",
        description="'expired': fire when every closing date has passed; 'conflict': fire on a closing date that "
        "disagrees with the first one given ({other} is that one, {line} its line).",
    )
    skip: Regex | None = Field(
        None,
        description="Regex (case-insensitive) on the text around a date (from 40 characters before its label to 60 "
        "after the date): a match makes it another kind of date ('priority deadline'), not a closing date.",
    )
