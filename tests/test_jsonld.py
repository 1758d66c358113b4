"""schema.org JobPosting markup: read with positions, checked by the jobposting pack, written by `postlint jsonld`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import EXAMPLES, ROOT, lint, run_cli, run_cli_many
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.parsers.jsonld import MAX_DEPTH, JsonArray, JsonError, JsonObject, find_scripts, parse_json

DATA = ROOT / "tests" / "data" / "jsonld"
SCHEMA = json.loads((ROOT / "tests" / "data" / "jobposting-google-required.schema.json").read_text("utf-8"))
HTML_EXAMPLES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".html", ".htm"))
AS_OF = "2027-06-01"


def _check(path: Path, *extra: str) -> list[dict]:
    code, out, err = run_cli("check", "--format", "json", "--as-of", AS_OF, *extra, path)
    assert code in (0, 1), err
    return json.loads(out)["violations"]


def _variant(tmp_path: Path, name: str) -> Path:
    """A page derived from complete.html, so the cases differ only where they mean to: the same JobPosting
    inside an @graph or an array, one with a JSON syntax error, one without two required properties."""
    page = (DATA / "complete.html").read_text("utf-8")
    head, rest = page.split('<script type="application/ld+json">\n', 1)
    script, tail = rest.split("\n</script>", 1)
    posting = json.loads(script)
    if name == "graph.html":
        context = posting.pop("@context")
        script = json.dumps(
            {"@context": context, "@graph": [{"@type": "WebPage", "name": "Careers"}, posting]}, indent=2
        )
    elif name == "array.html":
        script = json.dumps([posting], indent=2)
    elif name == "invalid-json.html":
        script = script.replace('"title": "Data Analyst",', '"title": "Data Analyst",,')
    elif name == "missing-required.html":
        del posting["datePosted"], posting["hiringOrganization"]
        script = json.dumps(posting, indent=2)
    path = tmp_path / name
    path.write_text(f'{head}<script type="application/ld+json">\n{script}\n</script>{tail}', encoding="utf-8")
    return path


def _rules(violations: list[dict], prefix: str = "jobposting/") -> list[tuple[str, int, int]]:
    return sorted((v["rule"], v["line"], v["column"]) for v in violations if v["rule"].startswith(prefix))


# Reading


def test_values_carry_the_positions_of_their_source() -> None:
    text = 'x<script type="application/ld+json">{"a": [1, "two", {"b": null}], "c": "d\\u00e9"}</script>'
    (script,) = find_scripts(text)
    value = script.value
    assert isinstance(value, JsonObject) and value == {"a": [1, "two", {"b": None}], "c": "dé"}
    key_start, value_start, value_end = value.spans["c"]
    assert text[key_start:value_end] == '"c": "d\\u00e9"' and text[value_start] == '"'
    assert isinstance(value["a"], JsonArray) and text[slice(*value["a"].spans[1])] == '"two"'
    assert text[value.start : value.end] == text[text.index("{") : text.index("</script>")]


@pytest.mark.parametrize(
    ("json_text", "at"),
    [
        ('{"a": 1,}', 8),
        ("{'a': 1}", 1),
        ('{"a": 1} x', 9),
        ('{"a": "line\nbreak"}', 6),
        ('{"a" 1}', 5),
        ("[1, 2", 5),
        ("", 0),
    ],
)
def test_invalid_json_is_an_error_at_its_position(json_text: str, at: int) -> None:
    with pytest.raises(JsonError) as raised:
        parse_json(json_text, 0, len(json_text))
    assert raised.value.pos == at


def test_nesting_and_size_are_bounded() -> None:
    deep = "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    (script,) = find_scripts(f'<script type="application/ld+json">{deep}</script>')
    assert script.error is not None and "nested" in script.error
    huge = '<script type="application/ld+json">"' + "a" * 1_000_001 + '"</script>'
    assert find_scripts(huge)[0].error is not None


def test_old_pages_wrap_scripts_in_cdata_or_comments() -> None:
    for wrapped in ('//<![CDATA[\n{"@type": "JobPosting"}\n//]]>', '<!--\n{"@type": "JobPosting"}\n-->'):
        (script,) = find_scripts(f'<script type="application/ld+json">{wrapped}</script>')
        assert script.error is None and script.value == {"@type": "JobPosting"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='{}[]",: \n\\abtrue0123-.e\u00e9', max_size=80))
def test_any_script_content_is_read_or_reported_never_a_crash(content: str) -> None:
    for script in find_scripts(f'<p>x</p><script type="application/ld+json">{content}</script>'):
        assert (script.error is None) or (script.start <= script.error_at <= script.end)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_PROPERTIES = st.sampled_from(
    [
        "title",
        "datePosted",
        "validThrough",
        "baseSalary",
        "jobLocation",
        "employmentType",
        "jobLocationType",
        "applicantLocationRequirements",
        "hiringOrganization",
        "@type",
        "address",
        "value",
        "minValue",
        "currency",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(_PROPERTIES, _JSON, max_size=8))
def test_any_jobposting_values_are_checked_without_a_crash(values: dict) -> None:
    posting = {"@type": "JobPosting", **values}
    script = json.dumps(posting).replace("</", "<\\/")
    page = (
        f'<html><head><script type="application/ld+json">{script}</script></head><body><h1>Analyst</h1></body></html>'
    )
    for violation in lint(page, "html", ["jobposting", "pay", "quality/location"]):
        assert 0 <= violation.start <= violation.end <= len(page)


def test_pages_without_a_script_are_not_read() -> None:
    from postlint.facts.markup import read_markup
    from postlint.reader import parse

    doc = parse("<html><body><h1>Analyst</h1><p>Location: Denver, CO</p></body></html>", "html", "x.html")
    assert read_markup(doc).scripts == ()
    memo: dict[object, object] = {}
    assert read_markup(doc, memo).scripts == ()
    assert not memo  # not even memoised: the page holds no JSON-LD hint


# The bars of the issue


def test_stale_and_inconsistent_markup_gets_findings_for_both() -> None:
    found = _rules(_check(DATA / "stale-denver.html"))
    assert ("jobposting/expired", 12, 19) in found
    assert ("jobposting/disagrees-with-page", 16, 3) in found


def test_missing_required_properties_are_named(tmp_path: Path) -> None:
    violations = _check(_variant(tmp_path, "missing-required.html"))
    required = [v for v in violations if v["rule"] == "jobposting/required-property"]
    assert sorted(v["message"].split("'")[1] for v in required) == ["datePosted", "hiringOrganization"]
    assert {(v["line"], v["column"]) for v in required} == {(8, 12)}  # the JobPosting's "@type"


@pytest.mark.parametrize("name", ["complete.html", "graph.html", "array.html"])
def test_complete_consistent_markup_gets_no_jobposting_finding(name: str, tmp_path: Path) -> None:
    path = DATA / name if name == "complete.html" else _variant(tmp_path, name)
    assert _rules(_check(path)) == []


def test_a_place_and_pay_only_in_the_markup_are_read() -> None:
    code, out, err = run_cli("inspect", "--format", "json", "--as-of", AS_OF, DATA / "boston-markup-only.html")
    assert code == 0, err
    facts = json.loads(out)
    assert [(p["text"], p["jurisdictions"], p["source"]) for p in facts["places"]] == [
        ("Boston, MA, US", ["US-MA"], "json-ld")
    ]
    assert facts["jurisdictions"]["ids"] == ["US-MA"]
    assert [(p["minimum"], p["maximum"], p["period"], p["source"]) for p in facts["pay"]] == [
        (80000, 95000, "year", "json-ld")
    ]
    shown = {f["property"]: f for f in facts["json_ld"]["postings"][0]}
    assert shown["datePosted"]["source"] == "json-ld" and shown["datePosted"]["line"] == 11


def test_a_pay_range_only_in_the_markup_counts_as_stated_and_says_so() -> None:
    violations = _check(DATA / "boston-markup-only.html")
    rules = {v["rule"] for v in violations}
    assert "pay/salary-range" not in rules  # Massachusetts requires a range; the markup gives one
    (said,) = [v for v in violations if v["rule"] == "jobposting/disagrees-with-page"]
    assert "not on the page" in said["message"] and said["line"] == 26


def test_a_validthrough_in_the_markup_is_an_application_deadline() -> None:
    rules = {v["rule"] for v in _check(DATA / "stale-denver.html")}
    assert "pay/application-deadline" not in rules


def test_invalid_json_is_a_finding_at_its_position(tmp_path: Path) -> None:
    violations = _check(_variant(tmp_path, "invalid-json.html"))
    assert _rules(violations) == [("jobposting/invalid-json", 9, 27)]


def test_markup_disagreeing_with_the_page_quotes_both() -> None:
    page = (DATA / "complete.html").read_text("utf-8")
    edited = page.replace('"title": "Data Analyst"', '"title": "Senior Backend Engineer"')
    edited = edited.replace('"validThrough": "2099-03-01"', '"validThrough": "2099-04-15"')
    edited = edited.replace('"employmentType": "FULL_TIME"', '"employmentType": "PART_TIME"')
    edited = edited.replace('"addressLocality": "Boston"', '"addressLocality": "Denver"')
    edited = edited.replace('"addressRegion": "MA"', '"addressRegion": "CO"')
    found = [v for v in lint(edited, "html", "jobposting/disagrees-with-page")]
    messages = {v.message.split(" ")[2]: v.message for v in found}
    assert set(messages) == {"title", "validThrough", "employmentType", "jobLocation"}
    assert "'Senior Backend Engineer'" in messages["title"] and "'Data Analyst'" in messages["title"]
    assert "'2099-04-15'" in messages["validThrough"] and "'March 1, 2099'" in messages["validThrough"]
    assert "'Denver, CO, US'" in messages["jobLocation"] and "'Boston, MA'" in messages["jobLocation"]


def test_markup_is_read_only_in_html() -> None:
    text = '<script type="application/ld+json">{"@type": "JobPosting", "validThrough": "2001-01-01"}</script>\n'
    assert [v.rule for v in lint("# Analyst\n\n" + text, "markdown", "jobposting")] == []


# Writing


def test_jsonld_output_for_every_html_example_meets_googles_required_properties() -> None:
    assert HTML_EXAMPLES
    results = run_cli_many([(["jsonld", path], {"cwd": ROOT}) for path in HTML_EXAMPLES])
    for path, (code, out, err) in zip(HTML_EXAMPLES, results, strict=True):
        assert code == 0, f"{path}: {err}"
        jsonschema.validate(json.loads(out), SCHEMA)
        assert "postlint: not filled: datePosted" in err  # no example states its posting date: today is used


def test_jsonld_keeps_what_the_markup_says_and_lists_what_it_cannot_fill() -> None:
    code, out, err = run_cli("jsonld", DATA / "stale-denver.html")
    assert code == 0, err
    built = json.loads(out)
    jsonschema.validate(built, SCHEMA)
    assert built["validThrough"] == "2020-01-31" and built["hiringOrganization"]["name"] == "Acme Analytics"
    assert sorted(line.split(":")[2].strip() for line in err.splitlines()) == ["directApply", "identifier"]


def test_jsonld_writes_a_remote_job_as_telecommute(tmp_path: Path) -> None:
    path = tmp_path / "remote.md"
    path.write_text("---\ntitle: Support Specialist\ncompany: Nimbus\n---\n# Support Specialist\n\nRemote (US)\n")
    code, out, err = run_cli("jsonld", path)
    assert code == 0, err
    built = json.loads(out)
    jsonschema.validate(built, SCHEMA)
    assert built["jobLocationType"] == "TELECOMMUTE" and "jobLocation" not in built
    assert built["applicantLocationRequirements"] == {"@type": "Country", "name": "United States"}


def test_jsonld_on_a_missing_file_is_a_usage_error() -> None:
    code, _, err = run_cli("jsonld", ROOT / "no-such-posting.html")
    assert code == 2 and "Traceback" not in err


def test_an_html_page_without_markup_gets_the_markup_as_a_suggestion() -> None:
    violations = _check(EXAMPLES / "clean" / "nurse-educator-seattle.html")
    (missing,) = [v for v in violations if v["rule"] == "jobposting/missing-markup"]
    assert missing["severity"] == "info"
    suggestion = missing["suggestion"]
    assert suggestion.startswith('<script type="application/ld+json">') and suggestion.endswith("</script>")
    body = suggestion.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "</" not in body
    jsonschema.validate(json.loads(body), SCHEMA)


def test_html_fragments_and_other_formats_get_no_markup_suggestion() -> None:
    assert lint("<p>Analyst in Denver, CO.</p>", "html", "jobposting/missing-markup") == []
    assert lint("# Analyst\n\nDenver, CO.\n", "markdown", "jobposting/missing-markup") == []
