"""The `require` kind: patterns, terms, fields, facts, sections, distinct forms, a requirement partly met,
suggestions, insertion."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_pack

from postlint.config import Settings
from postlint.runner import load_linter

EEO = {
    "id": "t/eeo",
    "kind": "require",
    "message": "No EEO statement",
    "terms": ["equal opportunity employer"],
    "patterns": [r"without regard to (?:race|sex)"],
    "suggestion": "Add: 'We are an equal opportunity employer.'",
}


@pytest.mark.parametrize(
    "text",
    [
        "# Job\n\nWe are an equal opportunity employer.\n",
        "# Job\n\nWe hire without regard to race.\n",
        "# Job\n\n- An Equal   Opportunity Employer\n",
    ],
    ids=["term", "pattern", "list-item-any-case"],
)
def test_require_satisfied(make_linter, text: str) -> None:
    assert make_linter([EEO]).lint_text(text) == []


def test_require_fires_once_at_the_end_of_the_text(make_linter) -> None:
    text = "# Job\n\nWe build things.\n\nMore text here.\n\n\n"
    violations = make_linter([EEO]).lint_text(text)
    assert len(violations) == 1
    v = violations[0]
    assert v.rule == "t/eeo"
    end = len(text.rstrip())
    assert (v.start, v.end) == (end, end)
    assert (v.line, v.column) == (5, 16)
    assert v.suggestion == EEO["suggestion"]


def test_require_ignores_code_and_urls(make_linter) -> None:
    text = "# Job\n\n`equal opportunity employer`\n\n```\nequal opportunity employer\n```\n"
    assert len(make_linter([EEO]).lint_text(text)) == 1


BENEFITS = {
    "id": "t/benefits",
    "kind": "require",
    "message": "No health benefits",
    "section": r"^benefits",
    "terms": ["health"],
}


def test_require_section_limits_the_search(make_linter) -> None:
    text = "# Job\n\nWe offer health insurance.\n\n## Benefits\n\nA bonus.\n\n## Other\n\nMore health.\n"
    (v,) = make_linter([BENEFITS]).lint_text(text)
    assert v.start == text.index("Benefits")
    assert (v.line, v.column) == (5, 4)


def test_require_section_satisfied_inside_the_section(make_linter) -> None:
    text = "# Job\n\nIntro.\n\n## Benefits and perks\n\n- Health, dental and vision\n\n## Apply\n\nNow.\n"
    assert make_linter([BENEFITS]).lint_text(text) == []


def test_require_section_includes_subsections(make_linter) -> None:
    text = "# Job\n\n## Benefits\n\n### Insurance\n\nHealth cover.\n\n## Apply\n\nNow.\n"
    assert make_linter([BENEFITS]).lint_text(text) == []


def test_require_section_missing_points_at_the_end(make_linter) -> None:
    text = "# Job\n\nHealth cover.\n"
    (v,) = make_linter([BENEFITS]).lint_text(text)
    assert v.start == len(text.rstrip())


LOCATION = {
    "id": "t/location",
    "kind": "require",
    "message": "No location",
    "fields": ["location"],
    "patterns": [r"Location:"],
}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("---\nlocation: Denver, CO\n---\n# Job\n", 0),
        ("---\nlocation: ''\n---\n# Job\n", 1),
        ("---\ntitle: Job\n---\n# Job\n", 1),
        ("# Job\n\nLocation: Denver\n", 0),
    ],
    ids=["front-matter", "empty-field", "other-field", "pattern"],
)
def test_require_fields_satisfied_by_front_matter(make_linter, text: str, count: int) -> None:
    assert len(make_linter([LOCATION]).lint_text(text)) == count


def test_require_fields_follow_the_front_matter_mapping(tmp_path: Path) -> None:
    path = write_pack(tmp_path, [LOCATION])
    linter = load_linter(Settings(packs=(str(path),), front_matter={"location": "where"}))
    assert linter.lint_text("---\nwhere: Denver\n---\n# Job\n") == []
    assert len(linter.lint_text("---\nlocation: Denver\n---\n# Job\n")) == 1


EMPLOYMENT = {
    "id": "t/employment",
    "kind": "require",
    "message": "No employment type",
    "matching_fields": ["type"],
    "patterns": [r"\b(?:full|part)[-\s]?time\b|\bcontract\b"],
}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("---\ntitle: Phoenix Application Developer\ntype: Full Time\n---\nJoin the HCIS team.\n", 0),
        ("---\ntitle: Designer\ntype: Contract\n---\nJoin the studio.\n", 0),
        ("---\ntitle: Recruiter\ntype: section\n---\nJoin the CDS team.\n", 1),
        ("---\ntitle: Recruiter\ntype: [Full Time, Remote]\n---\nJoin the team.\n", 1),
        ("---\ntitle: Recruiter\n---\nJoin the team.\n\nType: Full Time\n", 0),
    ],
    ids=["job-board-type", "contract-type", "site-generator-type", "list-value", "in-the-text"],
)
def test_require_matching_fields_count_only_a_matching_value(make_linter, text: str, count: int) -> None:
    assert len(make_linter([EMPLOYMENT]).lint_text(text)) == count


def test_require_matching_fields_follow_the_front_matter_mapping(tmp_path: Path) -> None:
    path = write_pack(tmp_path, [EMPLOYMENT])
    linter = load_linter(Settings(packs=(str(path),), front_matter={"type": "kind"}))
    assert linter.lint_text("---\nkind: Full Time\n---\n# Job\n") == []
    assert len(linter.lint_text("---\nkind: section\n---\n# Job\n")) == 1


def test_require_terms_and_ignore_case(make_linter) -> None:
    rule = {"kind": "require", "terms": ["E-Verify"]}
    assert make_linter([rule]).lint_text("We use e-verify.\n") == []
    assert make_linter([dict(rule, ignore_case=False)]).lint_text("We use e-verify.\n")
    assert make_linter([dict(rule, ignore_case=False)]).lint_text("We use E-Verify.\n") == []


def test_require_keywords_skip_blocks_without_them(make_linter) -> None:
    rule = {"kind": "require", "patterns": [r"\bequal opportunity\b"]}
    text = "We are an equal opportunity employer.\n"
    assert make_linter([dict(rule, keywords=["equal"])]).lint_text(text) == []
    assert make_linter([dict(rule, keywords=["diversity"])]).lint_text(text)  # a wrong hint hides the statement


@pytest.mark.parametrize(
    ("facts", "text", "satisfied"),
    [
        (["places"], "# Job\n\nLocation: Denver, CO\n", True),
        (["places"], "# Job\n\nPay: $80,000 – $95,000 per year.\n", False),
        (["pay"], "# Job\n\nPay: $80,000 – $95,000 per year.\n", True),
        (["pay"], "# Job\n\nPay: competitive.\n", False),
    ],
    ids=["places", "no-place", "pay", "vague-pay"],
)
def test_require_facts(make_linter, facts: list[str], text: str, satisfied: bool) -> None:
    assert (make_linter([{"kind": "require", "facts": facts}]).lint_text(text) == []) is satisfied


def test_require_facts_deadline_reads_the_markup(make_linter) -> None:
    rule = {"kind": "require", "facts": ["deadline"]}
    script = '<script type="application/ld+json">{"@type": "JobPosting", "validThrough": "2030-01-01"}</script>'
    page = f"<html><head>{script}</head><body><h1>Job</h1><p>Join us.</p></body></html>\n"
    assert make_linter([rule]).lint_text(page, format="html") == []
    assert make_linter([rule]).lint_text(page.replace(script, ""), format="html")


def test_require_distinct_forms(make_linter) -> None:
    rule = {"kind": "require", "patterns": [r"\b(?:medical|dental|pto|pension)\b"], "distinct": 2}
    assert make_linter([rule]).lint_text("Medical cover and more medical cover.\n")
    assert make_linter([rule]).lint_text("Medical cover and PTO.\n") == []


@pytest.mark.parametrize(("insert_at", "line"), [(None, None), ("end", 5), ("after-location", 3)])
def test_require_insert_at(make_linter, insert_at: str | None, line: int | None) -> None:
    rule = dict(EEO, **({"insert_at": insert_at} if insert_at else {}))
    text = "# Job\n\nLocation: Denver, CO\n\nJoin us.\n"
    (v,) = make_linter([rule]).lint_text(text)
    if line is None:
        assert v.fix is None
        return
    (edit,) = v.fix.edits
    assert v.fix.applicability == "unsafe"
    assert text.count("\n", 0, edit.start) + 1 == line
    assert "equal opportunity employer" in edit.replacement


VISA = {
    "id": "t/visa",
    "kind": "require",
    "message": "No visa policy",
    "patterns": [r"\bsponsor"],
    "suggestion": "We cannot sponsor; work in the United States.",
    "suggestions": {"UK": "We cannot sponsor; right to work in the UK.", "*": "We cannot sponsor; work in {country}."},
}


@pytest.mark.parametrize(
    ("where", "suggestion"),
    [
        ("Location: Bengaluru, India", "We cannot sponsor; work in India."),
        ("Location: Manila, Philippines", "We cannot sponsor; work in the Philippines."),
        ("Location: London, UK", "We cannot sponsor; right to work in the UK."),  # an area's own entry wins
        # Several countries: one's own entry would be wrong for the others, so all are named.
        ("Location: Bengaluru, India or London, UK", "We cannot sponsor; work in India or the United Kingdom."),
        ("Location: Bengaluru, India or Tokyo, Japan", "We cannot sponsor; work in India or Japan."),
        ("Remote (US or Canada)", "We cannot sponsor; work in Canada or the United States."),
        ("Offices: Berlin, Paris or Madrid", "We cannot sponsor; work in Germany, Spain or France."),
        ("Berlin, Germany or remote in the EU", "We cannot sponsor; work in Germany."),  # the Union adds none
        (
            "Remote: India, Japan, Kenya or Brazil",
            "We cannot sponsor; work in the country where they will be based.",  # too many to name
        ),
        ("London or Manchester, UK", "We cannot sponsor; right to work in the UK."),  # one entry serves all
        ("Join us.", "We cannot sponsor; work in the United States."),  # no place: the default
    ],
    ids=[
        "country",
        "country-with-article",
        "area-entry",
        "area-entry-among-two",
        "two-countries",
        "us-and-canada",
        "three-member-states",
        "member-state-and-union",
        "five-countries",
        "one-entry-for-all",
        "none",
    ],
)
def test_require_any_country_suggestion_names_the_postings_country(make_linter, where: str, suggestion: str) -> None:
    (v,) = make_linter([VISA]).lint_text(f"# Engineer\n\n{where}\n\nWe build tools.\n")
    assert v.suggestion == suggestion


BENEFITS_PARTLY = {
    "id": "t/benefits",
    "kind": "require",
    "message": "No benefits",
    "distinct": 2,
    "patterns": [r"(?P<health>\bhealth insurance\b)", r"(?P<retirement>\b401\(k\))"],
    "partly": {"message": "Benefits only behind a link: '{match}'", "patterns": [r"\bbenefits\b[^.\n]*\blink\b"]},
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("# Job\n\nHealth insurance and a 401(k).\n", []),
        (
            "# Job\n\nOur benefits are behind the link below.\n",
            [("warning", "Benefits only behind a link: 'benefits are behind the link'", 3)],
        ),
        ("# Job\n\nGreat benefits.\n", [("error", "No benefits", 3)]),
        ("# Job\n\nHealth insurance. See the link for more benefits.\n", [("error", "No benefits", 3)]),
    ],
    ids=["met", "partly-met", "missing", "one-form-is-not-partly"],
)
def test_require_partly_met_is_a_lesser_finding_at_the_partial_wording(
    make_linter, text: str, found: list[tuple[str, str, int]]
) -> None:
    violations = make_linter([BENEFITS_PARTLY]).lint_text(text)
    assert [(v.severity.name, v.message, v.line) for v in violations] == found


def test_require_partly_never_raises_the_rule_severity(make_linter) -> None:
    rule = {**BENEFITS_PARTLY, "severity": "info"}
    violations = make_linter([rule]).lint_text("# Job\n\nOur benefits are behind the link below.\n")
    assert [v.severity.name for v in violations] == ["info"]


def test_require_partly_needs_patterns(tmp_path: Path) -> None:
    from postlint.errors import PackError
    from postlint.packs.loader import load_pack

    path = write_pack(tmp_path, [{**BENEFITS_PARTLY, "partly": {"message": "m", "patterns": []}}])
    with pytest.raises(PackError, match="partly"):
        load_pack(path)


# --- heading_patterns: matched only where a heading's words can begin ---------------------------

DUTIES = {"kind": "require", "heading_patterns": [r"(?:key\s+)?(?:duties|responsibilities)\b"]}


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Duties", [0]),
        ("1. - **Duties**", [7]),
        ("We grow.\nDuties\nBuild the reports.", [0, 9]),
        ("We grow.\n" + "x" * 61 + "\nDuties", [0, 71]),  # the 61-character line is too long to be a heading
        ("We grow.\nOur duties; yours\nok", [0, 27]),  # a line with a sentence end is not a heading
        ("We grow.\n\u00a0\n", [0]),  # a line without a letter gives nothing
        ("--\n\n1\nDuties are long enough to wrap past the limit of a heading line, like prose", [6]),
        ("1\n" * 50, []),
    ],
    ids=["block", "numbering", "short-line", "long-line", "sentence-end", "no-letter", "skipped-lines", "digits"],
)
def test_heading_starts(text: str, starts: list[int]) -> None:
    from postlint.kinds.require.check import heading_starts

    assert list(heading_starts(text)) == starts


@pytest.mark.parametrize(
    ("text", "fmt", "satisfied"),
    [
        ("# Job\n\n## Key Duties\n\n- Build reports\n", "markdown", True),
        ("# Job\n\n1. Duties: build reports\n", "markdown", True),
        ("Job\nAcme\n\nWe are growing fast.\nResponsibilities\nBuild the weekly reports.\n", "text", True),
        ("# Job\n\nWe list the duties of the job below, and more.\n", "markdown", False),  # not where a heading begins
        ("Job\n\nWe are growing and the\nresponsibilities of every analyst grow with us each year.\n", "text", False),
        ("Job\n\nWe are growing fast.\nDuties? Ask us.\n", "text", False),
    ],
    ids=["heading", "list-item", "short-line", "mid-sentence", "wrapped-prose", "sentence"],
)
def test_require_heading_patterns(make_linter, text: str, fmt: str, satisfied: bool) -> None:
    assert (make_linter([DUTIES]).lint_text(text, format=fmt) == []) is satisfied


def test_require_heading_patterns_read_the_title(make_linter) -> None:
    rule = {**DUTIES, "scope": ["paragraph", "title"]}
    assert make_linter([rule]).lint_text("---\ntitle: Duties of the clerk\n---\nWe hire.\n") == []
    assert make_linter([rule]).lint_text("---\ntitle: Clerk duties\n---\nWe hire.\n") != []


def test_require_heading_patterns_are_found_at_their_line(make_linter) -> None:
    from postlint.inspect import describe_document
    from postlint.reader import parse

    rule = {**DUTIES, "patterns": [r"\bbuild\b"]}
    text = "Job\nAcme\n\nWe are growing fast.\n- Responsibilities\nBuild the weekly reports.\n"
    linter = make_linter([rule])
    found = describe_document(parse(text, "text", "posting.txt"), linter)["statements"]
    assert [(s["found"], s["text"], s["line"]) for s in found] == [(True, "Responsibilities", 5)]


def test_require_heading_patterns_count_as_distinct_forms(make_linter) -> None:
    rule = {**DUTIES, "patterns": [r"\bbuild\b"], "distinct": 2}
    assert make_linter([rule]).lint_text("# Job\n\nWe build.\n") != []
    assert make_linter([rule]).lint_text("# Job\n\nWe build.\n\n## Duties\n\n- Reports\n") == []


@pytest.mark.parametrize(("pattern", "error"), [("(a+)+$", "exponential"), ("(duties", "invalid regex")])
def test_require_heading_patterns_are_validated_like_patterns(tmp_path: Path, pattern: str, error: str) -> None:
    from postlint.errors import PackError
    from postlint.packs.loader import load_pack

    path = write_pack(tmp_path, [{"kind": "require", "heading_patterns": [pattern]}])
    with pytest.raises(PackError, match=error) as raised:
        load_pack(path)
    assert "heading_patterns" in str(raised.value)


# --- item_patterns: matched where each line's words begin; min_items lines must match -----------

ITEMS = {"kind": "require", "item_patterns": [r"(?:design|build)s?\s+the\b"]}


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Design", [0]),
        ("- Design\n2. **Build**\n", [2, 14]),
        ("We grow.\n\u00a0\nBuild", [0, 11]),  # a line without a letter gives nothing
        ("1\n" * 50, []),
    ],
    ids=["block", "bullets", "no-letter", "digits"],
)
def test_line_starts(text: str, starts: list[int]) -> None:
    from postlint.kinds.require.check import line_starts

    assert list(line_starts(text)) == starts


@pytest.mark.parametrize(
    ("text", "fmt", "rule", "satisfied"),
    [
        ("# Job\n\n- Design the reports\n- Build the dashboards\n", "markdown", ITEMS, True),
        ("Job\nAcme\n\nDesigns the reports.\nBuilds the dashboards.\n", "text", ITEMS, True),
        ("# Job\n\n- Design the reports\n- Look after the dashboards\n", "markdown", ITEMS, False),  # one of two
        ("# Job\n\nWe design the reports and build the dashboards.\n", "markdown", ITEMS, False),  # not at a line start
        ("# Job\n\n- Design the reports\n", "markdown", {**ITEMS, "min_items": 1}, True),
    ],
    ids=["list", "plain-lines", "one-line", "mid-sentence", "min-items-1"],
)
def test_require_item_patterns(make_linter, text: str, fmt: str, rule: dict, satisfied: bool) -> None:
    assert (make_linter([rule]).lint_text(text, format=fmt) == []) is satisfied


def test_require_item_patterns_alone_are_a_rule_and_min_items_is_checked(make_linter) -> None:
    from postlint.errors import PackError

    with pytest.raises(PackError, match="min_items"):
        make_linter([{**ITEMS, "min_items": 0}])
