"""The `jobposting` kind: a page's JSON-LD JobPosting, one `test` per rule (`properties`, `employment_types`,
`compare`, `labels`, `within`, `grace_days`). Reading the markup is tested in test_jsonld.py."""

from __future__ import annotations

import datetime as dt
import json

import pytest

TODAY = dt.date(2025, 3, 10)
POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Data Analyst",
    "datePosted": "2025-02-01",
    "validThrough": "2025-04-01",
    "employmentType": "FULL_TIME",
    "hiringOrganization": {"@type": "Organization", "name": "Acme"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Denver", "addressRegion": "CO"}},
    "baseSalary": {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {"@type": "QuantitativeValue", "minValue": 80000, "maxValue": 95000, "unitText": "YEAR"},
    },
}
BODY = "<h1>Data Analyst</h1>\n<p>Location: Denver, CO</p>\n<p>Pay: $80,000 – $95,000 per year.</p>\n"


def _page(body: str = BODY, **changes) -> str:
    posting = {k: v for k, v in {**POSTING, **changes}.items() if v is not None}
    script = f'<script type="application/ld+json">\n{json.dumps(posting, indent=1)}\n</script>\n'
    return f"<!DOCTYPE html>\n<html><head><title>Job</title>\n{script}</head>\n<body>\n{body}</body></html>\n"


def _found(make_linter, page: str, **options) -> list[str]:
    linter = make_linter([{"kind": "jobposting", "message": "{match}", **options}], as_of=TODAY)
    return [v.message for v in linter.lint_text(page, format="html")]


def test_the_complete_page_passes_every_test(make_linter) -> None:
    for test in ("dates", "expired", "salary", "employment-type", "telecommute", "invalid-json", "missing"):
        assert _found(make_linter, _page(), test=test) == [], test
    assert _found(make_linter, _page(), test="required", properties=["title", "datePosted"]) == []
    assert _found(make_linter, _page(), test="disagrees", compare=["pay", "place", "title"]) == []


@pytest.mark.parametrize("test", ["required", "recommended"])
def test_jobposting_properties(make_linter, test: str) -> None:
    page = _page(datePosted=None)
    assert len(_found(make_linter, page, test=test, properties=["title", "datePosted"])) == 1
    assert _found(make_linter, page, test=test, properties=["title"]) == []


def test_jobposting_dates(make_linter) -> None:
    assert _found(make_linter, _page(validThrough="2025-01-01"), test="dates")
    assert _found(make_linter, _page(datePosted="1 Feb 2025"), test="dates")


@pytest.mark.parametrize(("grace_days", "fires"), [(0, True), (9, True), (10, False)])
def test_jobposting_expired_and_grace_days(make_linter, grace_days: int, fires: bool) -> None:
    page = _page(validThrough="2025-02-28")
    assert bool(_found(make_linter, page, test="expired", grace_days=grace_days)) is fires


def test_jobposting_salary(make_linter) -> None:
    salary = json.loads(json.dumps(POSTING["baseSalary"]))
    del salary["value"]["unitText"]
    assert _found(make_linter, _page(baseSalary=salary), test="salary")


def test_jobposting_employment_types(make_linter) -> None:
    page = _page(employmentType="FULLTIME")
    assert _found(make_linter, page, test="employment-type")
    assert _found(make_linter, page, test="employment-type", employment_types=["FULLTIME"]) == []


def test_jobposting_telecommute(make_linter) -> None:
    page = _page(jobLocationType="TELECOMMUTE", jobLocation=None)
    assert _found(make_linter, page, test="telecommute")
    remote = _page(
        jobLocationType="TELECOMMUTE",
        jobLocation=None,
        applicantLocationRequirements={"@type": "Country", "name": "USA"},
    )
    assert _found(make_linter, remote, test="telecommute") == []


@pytest.mark.parametrize(
    ("compare", "changes", "fires"),
    [
        (["title"], {"title": "Pastry Chef"}, True),
        (["pay"], {"title": "Pastry Chef"}, False),
        (["employment-type"], {"employmentType": "PART_TIME"}, False),  # the page does not say
        (["employment-type"], {"employmentType": "PART_TIME", "body": BODY + "<p>Full-time role.</p>\n"}, True),
    ],
)
def test_jobposting_disagrees_compare(make_linter, compare: list[str], changes: dict, fires: bool) -> None:
    body = changes.pop("body", BODY)
    assert bool(_found(make_linter, _page(body, **changes), test="disagrees", compare=compare)) is fires


def test_jobposting_disagrees_on_deadline_labels_and_within(make_linter) -> None:
    body = BODY + "<p>Closing date: April 20, 2025.</p>\n"
    options = {"test": "disagrees", "compare": ["deadline"]}
    assert _found(make_linter, _page(body), **options) == []  # no labels: the page gives no closing date
    assert _found(make_linter, _page(body), labels=r"\bclosing date\b", **options)
    assert _found(make_linter, _page(body), labels=r"\bclosing date\b", within=5, **options) == []


def test_jobposting_invalid_json_and_missing(make_linter) -> None:
    broken = _page().replace('"title": "Data Analyst",', '"title": "Data Analyst",,')
    assert _found(make_linter, broken, test="invalid-json")
    bare = f"<!DOCTYPE html>\n<html><head><title>Job</title></head>\n<body>\n{BODY}</body></html>\n"
    assert _found(make_linter, bare, test="missing")
