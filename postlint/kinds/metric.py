"""`metric`: thresholds on counts (words, sentences, reading grade, list items...)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from postlint.checks.metric import MetricCheck
from postlint.kinds.base import RuleSpec

Metric = Literal[
    "words",
    "characters",
    "sentences",
    "paragraphs",
    "list_items",
    "headings",
    "links",
    "reading_grade",
    "words_per_sentence",
]


class MetricSpec(RuleSpec):
    """Fire when a count over the posting (or over each block) is below `min` or above `max`."""

    kind: Literal["metric"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "metric", "value", "min", "max", "limit"})

    metric: Metric
    min: float | None = None
    max: float | None = None
    per: Literal["document", "block"] = Field("document", description="Measure the whole scope or each block.")

    @model_validator(mode="after")
    def _a_threshold(self) -> MetricSpec:
        if self.min is None and self.max is None:
            raise ValueError("a metric rule needs 'min', 'max' or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("'min' is greater than 'max'")
        return self

    def compile(self) -> MetricCheck:
        return MetricCheck(self.scopes, self.metric, self.min, self.max, self.per)
