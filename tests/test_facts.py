"""A posting's facts are the same whatever its format: places, jurisdictions and pay from
Markdown, plain text, HTML and front matter alike; and missing statements are added in the
posting's own shape (list item, paragraph, line, <p>, CRLF)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from postlint.engine import RuleEngine
from postlint.fixes import apply_edits
from postlint.reader import parse
from postlint.runner import load_linter

SAME_POSTING = {
    "markdown": "# Data Engineer\n\n**Location:** Denver, CO\n\n## Compensation\n\n$120,000 – $150,000 per year\n",
    "text": "Data Engineer\n\nLocation: Denver, CO\nSalary: $120,000 - $150,000 per year\n",
    "html": (
        "<html><body><h1>Data Engineer</h1><p><strong>Location:</strong> Denver, CO</p>"
        "<table><tr><td>Base salary</td><td>$120,000&ndash;$150,000 per year</td></tr></table></body></html>"
    ),
    "front matter": "---\ntitle: Data Engineer\nlocation: Denver, CO\nsalary_min: 120000\nsalary_max: 150000\n"
    "salary_currency: USD\nsalary_period: year\n---\nBuild our pipelines.\n",
}


@pytest.fixture(scope="module")
def linter() -> RuleEngine:
    return dataclasses.replace(load_linter(), today=dt.date(2026, 11, 23))


@pytest.mark.parametrize("form", list(SAME_POSTING))
def test_places_and_pay_are_found_in_every_format(linter: RuleEngine, form: str) -> None:
    fmt = {"front matter": "markdown"}.get(form, form)
    doc = parse(SAME_POSTING[form], fmt, "posting")
    facts = linter.facts(doc)
    assert "US-CO" in facts.jurisdictions
    amounts = [p for p in facts.pay if p.is_amount]
    assert amounts, facts.pay
    assert (amounts[0].kind, amounts[0].minimum, amounts[0].maximum) == ("range", 120_000, 150_000)
    assert (amounts[0].currency, amounts[0].period) == ("USD", "year")
    found = {v.rule for v in linter.lint_document(doc)}
    assert "pay/salary-range" not in found


def _fixed(linter: RuleEngine, text: str, fmt: str, rule: str) -> str:
    doc = parse(text, fmt, "posting")
    violations = [v for v in linter.lint_document(doc) if v.rule == rule]
    assert violations, f"{rule} did not fire"
    fixed, _ = apply_edits(doc.text, violations, unsafe=True)
    return fixed


def test_visa_statement_goes_after_the_location_list_item(linter: RuleEngine) -> None:
    text = "# Clerk\n\n- Location: Austin, TX\n- Team: Records\n"
    fixed = _fixed(linter, text, "markdown", "visa/policy")
    assert fixed.startswith("# Clerk\n\n- Location: Austin, TX\n- Work authorization: ")
    assert fixed.endswith("- Team: Records\n")


def test_a_statement_added_to_a_crlf_file_keeps_crlf(linter: RuleEngine) -> None:
    text = "Clerk\r\n\r\nLocation: Austin, TX\r\nJoin the records team.\r\n"
    fixed = _fixed(linter, text, "text", "eeo/statement")
    assert "\n" not in fixed.replace("\r\n", "")
    assert fixed.endswith(
        "Join the records team.\r\n\r\nWe are an equal opportunity employer. All qualified applicants "
        "will receive consideration for employment without regard to race, color, religion, sex, "
        "sexual orientation, gender identity, national origin, age, disability, genetic information, "
        "protected veteran status or any other characteristic protected by law.\r\n"
    )


def test_html_gets_a_paragraph_before_the_end_of_the_body(linter: RuleEngine) -> None:
    text = "<html><body><h1>Clerk</h1><p>Location: Austin, TX</p><p>Join us &amp; grow.</p></body></html>\n"
    fixed = _fixed(linter, text, "html", "eeo/statement")
    assert fixed.endswith("protected by law.</p>\n</body></html>\n")
    assert "<p>Join us &amp; grow.</p>" in fixed


def test_pay_line_replaces_only_the_vague_phrase(linter: RuleEngine) -> None:
    fixed = _fixed(linter, "# Clerk\n\nLocation: Denver, CO\n\nSalary: competitive\n", "markdown", "pay/salary-range")
    assert fixed.endswith("Salary: $[minimum] – $[maximum] per year\n")


def test_remote_canada_suggests_canadian_dollars_and_wording(linter: RuleEngine) -> None:
    doc = parse("# Analyst\n\nLocation: Remote (Canada)\n\nJoin us.\n", "markdown", "posting")
    by_rule = {v.rule: v for v in linter.lint_document(doc)}
    assert by_rule["pay/salary-range"].severity.name == "error"  # British Columbia covers remote roles
    assert "CA$[minimum]" in (by_rule["pay/salary-range"].suggestion or "")
    assert "Canada" in (by_rule["visa/policy"].suggestion or "")
