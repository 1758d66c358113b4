"""`metric`: thresholds on counts (words, sentences, reading grade, list items...)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from postlint.kinds.metric.build import MetricBuild
from postlint.kinds.metric.check import SENTENCE_METRICS
from postlint.kinds.spec_base import Regex, RuleSpec

Metric = Literal[
    "words",
    "reading_words",
    "characters",
    "sentences",
    "paragraphs",
    "list_items",
    "longest_list",
    "headings",
    "links",
    "reading_grade",
    "words_per_sentence",
]


class MetricSpec(MetricBuild, RuleSpec):
    """Fire when a count over the posting (or over each block) is below `min` or above `max`."""

    kind: Literal["metric"]
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"match", "metric", "value", "count", "min", "max", "limit", "section"}
    )

    metric: Metric
    min: float | None = None
    max: float | None = None
    per: Literal["document", "block", "sentence", "section"] = Field(
        "document",
        description="Measure the whole scope, each block, each sentence (words, characters, reading_grade) "
        "or each section whose heading matches `section`.",
    )
    section: Regex | None = Field(
        None, description="Regex (case-insensitive) on headings: measure only the blocks under matching headings."
    )

    @model_validator(mode="after")
    def _a_threshold(self) -> MetricSpec:
        if self.min is None and self.max is None:
            raise ValueError("a metric rule needs 'min', 'max' or both")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError("'min' is greater than 'max'")
        if self.per == "section" and self.section is None:
            raise ValueError("'per: section' needs 'section' (a regex on the headings of the sections to measure)")
        if self.per == "sentence" and self.metric not in SENTENCE_METRICS:
            raise ValueError(f"'per: sentence' measures {', '.join(sorted(SENTENCE_METRICS))}, not {self.metric}")
        return self
