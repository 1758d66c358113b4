"""The rules that report the online link checker's results: links/broken, links/unverified, links/blocked.

No network here: each test gives the linter the results `--check-links` would have found,
as the command line does once every URL has been checked.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from conftest import lint, run_cli, write_pack

from postlint.config import Settings
from postlint.engine import RuleEngine, RunContext
from postlint.links.status import LinkStatus
from postlint.runner import load_linter

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "# Analyst\n\n"
    "[Apply](https://example.com/apply) or read https://example.com/team#people.\n\n"
    "Profile: https://www.linkedin.com/company/acme\n\n"
    "Wiki: [intranet](http://10.0.0.5/wiki), www.example.org/jobs and jobs@example.com\n"
)


@lru_cache(maxsize=1)
def _linter() -> RuleEngine:
    return load_linter(Settings(packs=(str(ROOT / "rules" / "links.yaml"),)))


def reported(statuses: dict[str, LinkStatus] | None, text: str = TEXT) -> list[tuple[str, int, int, str]]:
    run = RunContext(link_status=statuses)
    return [
        (v.rule, v.line, v.column, v.message)
        for v in _linter().lint_text(text, run=run)
        if v.rule in ("links/broken", "links/unverified", "links/blocked")
    ]


def status(url: str, state: str, code: int = 0, detail: str = "") -> LinkStatus:
    return LinkStatus(url, state, code, detail)  # type: ignore[arg-type]


def test_offline_nothing_is_reported() -> None:
    assert reported(None) == []
    assert reported({}) == []


def test_each_state_is_reported_by_its_rule_at_the_url() -> None:
    statuses = {
        "https://example.com/apply": status("https://example.com/apply", "broken", 404, "404 Not Found"),
        "https://www.linkedin.com/company/acme": status(
            "https://www.linkedin.com/company/acme", "unverified", 999, "999: the site refuses automated requests"
        ),
        "http://10.0.0.5/wiki": status("http://10.0.0.5/wiki", "blocked", 0, "resolves to 10.0.0.5 (private)"),
    }
    found = reported(statuses)
    assert [(rule, line, column) for rule, line, column, _ in found] == [
        ("links/broken", 3, 9),
        ("links/unverified", 5, 10),
        ("links/blocked", 7, 18),
    ]
    # The checker's detail is the point of these messages.
    assert "404 Not Found" in found[0][3]
    assert "999" in found[1][3]
    assert "10.0.0.5 (private)" in found[2][3]


def test_ok_and_excluded_links_are_not_reported() -> None:
    statuses = {
        "https://example.com/apply": status("https://example.com/apply", "ok", 200),
        "https://www.linkedin.com/company/acme": status("https://www.linkedin.com/company/acme", "excluded"),
    }
    assert reported(statuses) == []


def test_a_url_is_found_without_its_fragment_or_with_the_scheme_a_browser_adds() -> None:
    statuses = {
        "https://example.com/team": status("https://example.com/team", "broken", 0, "timed out after 10 s"),
        "https://www.example.org/jobs": status("https://www.example.org/jobs", "broken", 410, "410 Gone"),
    }
    found = reported(statuses)
    assert [(rule, line, column) for rule, line, column, _ in found] == [
        ("links/broken", 3, 44),
        ("links/broken", 7, 41),
    ]
    assert "timed out after 10 s" in found[0][3]


def test_email_addresses_are_never_reported_as_blocked() -> None:
    statuses = {"mailto:jobs@example.com": status("mailto:jobs@example.com", "blocked", 0, "not an http or https URL")}
    assert reported(statuses) == []


def test_every_occurrence_of_a_broken_url_is_reported() -> None:
    text = "[Apply](https://example.com/gone)\n\nAgain: https://example.com/gone\n"
    statuses = {"https://example.com/gone": status("https://example.com/gone", "broken", 404, "404 Not Found")}
    assert [(line, column) for _, line, column, _ in reported(statuses, text)] == [(1, 9), (3, 8)]


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({}, 1),
        ({"link_status": {"https://example.com/gone": {"state": "broken", "detail": "404 Not Found"}}}, 0),
    ],
    ids=["fail-example-without-status", "fail-example-with-status"],
)
def test_pack_examples_can_give_the_checkers_results(tmp_path: Path, extra: dict, code: int) -> None:
    example = {"text": "[Apply](https://example.com/gone)\n", **extra}
    rule = {"id": "t/dead", "kind": "link-status", "states": ["broken"], "message": "Dead: {detail}"}
    path = write_pack(tmp_path, [{**rule, "examples": {"fail": [example]}}])
    got, out, err = run_cli("packs", "test", str(path))
    assert got == code, out + err


# --- links/apply: the shapes of a way to apply ------------------------------------------------


def _apply_found(text: str, fmt: str = "markdown") -> list[tuple[str, int]]:
    return [(v.rule, v.line) for v in lint(text, fmt, select="links/apply")]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("# 后端工程师\n\n负责后端开发。\n\n```\n联系方式：\n发送简历至：hr@example.cn\n```\n", "markdown"),
        ("# 后端工程师\n\n负责后端开发。\n\n联系方式：微信：lihejia_114（备注来源）\n", "markdown"),
        ("# 后端工程师\n\n负责后端开发。\n\n感兴趣的可以加我微信，A610819267，备注 Github。\n", "markdown"),
        ("# 前端工程师\n\n负责前端开发。\n\n添加微信`tan_heng4040`\n", "markdown"),
        ("# Engineer\n\nWe build tools.\n\nwx: pungentz\n", "markdown"),
        ("Analyst\n\nWe are an E-Verify employer. Learn more at jobs.example.gov.\n", "text"),
        ("Analyst\n\nLearn more at acmejobs.com.\n", "text"),
        ("Analyst\n\nVisit us at example.com/company/careers and follow us.\n", "text"),
        (
            "<p>Engineers wanted.</p><p>If you have any questions, you can email me (ann@example.com) but"
            ' otherwise, all postings are available at <a href="https://www.example.com/about-us/">'
            "https://www.example.com/about-us/</a> Cheers!</p>",
            "html",
        ),
    ],
)
def test_ways_to_apply_in_many_shapes(text: str, fmt: str) -> None:
    assert _apply_found(text, fmt) == []


@pytest.mark.parametrize(
    ("text", "fmt", "line"),
    [
        ("# 前端工程师\n\n熟悉微信小程序开发。关注我们的微信公众号：`acme_ai`\n", "markdown", 3),
        ("Analyst\n\nWe ship tools. Learn more at example.com.\n", "text", 3),
        (
            "Instructor\n\nTeach.\n\nContact: Please reach out to recruiting@example.org with any questions.\n",
            "text",
            5,
        ),
        (
            "Analyst\n\nAn applicant who requires an accommodation during the application process should contact"
            " recruiting@example.com.\n",
            "text",
            3,
        ),
    ],
)
def test_contacts_and_sites_that_are_not_a_way_to_apply(text: str, fmt: str, line: int) -> None:
    assert _apply_found(text, fmt) == [("links/apply", line)]


def test_a_link_pasted_into_a_links_text_is_named_so() -> None:
    found = lint("Site: [[example.com](https://example.com)](https://example.org)\n", select="links/malformed")
    assert [(v.rule, v.line, v.column) for v in found] == [("links/malformed", 1, 44)]
    assert "inside a link's text" in found[0].message
