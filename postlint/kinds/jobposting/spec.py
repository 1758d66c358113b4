"""`jobposting`: a page's schema.org JobPosting markup is complete, valid and agrees with the page."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from postlint.kinds.jobposting.build import GOOGLE_EMPLOYMENT_TYPES, JobPostingBuild
from postlint.kinds.spec_base import Regex, RuleSpec


class JobPostingSpec(JobPostingBuild, RuleSpec):
    """Check the JSON-LD JobPosting markup of HTML pages; `test` says what is checked.

    `required` / `recommended`: each of `properties` is present (a remote job's
    `applicantLocationRequirements` stands for `jobLocation`). `dates`: `datePosted` and
    `validThrough` are ISO 8601 and in order. `expired`: `validThrough` has passed.
    `salary`: `baseSalary` has an amount, a currency and a `unitText`, and min is not above max.
    `employment-type`: every `employmentType` is one of `employment_types`. `telecommute`:
    `jobLocationType: TELECOMMUTE` names `applicantLocationRequirements`. `disagrees`: the markup
    and the visible page state different `compare` facts. `invalid-json`: a JSON-LD script does
    not parse. `missing`: a full HTML page has no JSON-LD at all (the suggestion is the markup
    `postlint jsonld` builds).
    """

    kind: Literal["jobposting"]
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"match", "property", "value", "markup", "page", "line", "problem", "days", "allowed"}
    )

    test: Literal[
        "required",
        "recommended",
        "dates",
        "expired",
        "salary",
        "employment-type",
        "telecommute",
        "disagrees",
        "invalid-json",
        "missing",
    ] = Field(description="What the rule checks (see the kind's description).")
    properties: tuple[str, ...] = Field((), description="For `required` and `recommended`: the properties asked for.")
    employment_types: tuple[str, ...] = Field(
        GOOGLE_EMPLOYMENT_TYPES, description="For `employment-type`: the accepted values."
    )
    compare: tuple[Literal["pay", "place", "title", "deadline", "employment-type"], ...] = Field(
        (), description="For `disagrees`: the facts compared between the markup and the page."
    )
    labels: Regex | None = Field(
        None, description="For `disagrees` on `deadline`: regex (case-insensitive) of the words before a closing date."
    )
    within: int = Field(60, ge=1, description="How far after a label the closing date may be.")
    grace_days: int = Field(0, ge=0, description="For `expired`: days after `validThrough` before the rule fires.")

    @model_validator(mode="after")
    def _fields_for_test(self) -> JobPostingSpec:
        if self.test in ("required", "recommended") and not self.properties:
            raise ValueError(f"test '{self.test}' needs 'properties'")
        if self.test == "disagrees" and not self.compare:
            raise ValueError("test 'disagrees' needs 'compare'")
        return self
