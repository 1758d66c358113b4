"""The offline link rules: a way to apply, malformed, insecure, shortened and tracked links; the parsers' links."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import run_cli, run_cli_many
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postlint.config import Settings
from postlint.fixes import apply_edits
from postlint.reader import parse
from postlint.runner import load_linter

ROOT = Path(__file__).resolve().parents[1]
LINKS_PACK = ROOT / "rules" / "links.yaml"


@lru_cache(maxsize=1)
def _linter():
    return load_linter(Settings(packs=(str(LINKS_PACK),)))


def found(text: str, fmt: str = "markdown", rule: str | None = None) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, matched text) of each links violation."""
    return [
        (v.rule, v.line, v.column, v.match)
        for v in _linter().lint_text(text, format=fmt)
        if rule is None or v.rule == rule
    ]


def fixed(text: str, fmt: str = "markdown", rule: str | None = None) -> str:
    violations = [v for v in _linter().lint_text(text, format=fmt) if rule is None or v.rule == rule]
    result, _ = apply_edits(text, violations, unsafe=True)
    return result


# ---------------------------------------------------------------- links/apply


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("# Analyst\n\n[Apply now](https://example.com/a/1)\n", "markdown"),
        ("# Analyst\n\n[Postuler](https://example.com/a/1)\n", "markdown"),
        ("# Analyst\n\nSee https://jobs.lever.co/acme/123 for details.\n", "markdown"),
        ("# Analyst\n\nMore at https://acme.wd5.myworkdayjobs.com/External/job/1\n", "markdown"),
        ("# Analyst\n\nhttps://www.usajobs.gov/job/799999900\n", "markdown"),
        ("# Analyst\n\nOur roles: https://careers.example.com/\n", "markdown"),
        ("# Analyst\n\nTo apply, send your CV to ana@example.com.\n", "markdown"),
        ("# Analyst\n\nQuestions? Write to jobs@example.com\n", "markdown"),
        ("# Analyst\n\n[Write to us](mailto:recruiting@example.com)\n", "markdown"),
        ("# Analyst\n\n## How to apply\n\nFill in [the form](https://forms.example.com/x).\n", "markdown"),
        ("# Analyst\n\nHow to apply:\n\nhttps://forms.example.com/x\n", "markdown"),
        ("# Analyst\n\n[Apply][form]\n\n[form]: https://forms.example.com/x\n", "markdown"),
        ("---\napply_url: https://example.com/apply/7\n---\n# Analyst\n\nJoin us.\n", "markdown"),
        ("---\napply_url: jobs@example.com\n---\n# Analyst\n\nJoin us.\n", "markdown"),
        ("# 后端工程师\n\n简历请发送至 hr@example.cn，邮件标题请注明职位。\n", "markdown"),
        ("Title: Clerk\n\nAPPLY AT:\nwww.example.gov/x/1\n", "text"),
        ('<h1>Clerk</h1><p><a href="https://example.com/x?a=1&amp;b=2">Apply online</a></p>', "html"),
    ],
    ids=[
        "apply-text",
        "french",
        "ats-host",
        "workday",
        "usajobs",
        "careers-host",
        "cv-to-address",
        "jobs-mailbox",
        "mailto-link",
        "section-heading",
        "label-before",
        "reference-link",
        "front-matter",
        "front-matter-email",
        "chinese",
        "plain-text-label",
        "html-entities",
    ],
)
def test_a_way_to_apply_satisfies_the_rule(text: str, fmt: str) -> None:
    assert found(text, fmt, "links/apply") == []


def test_no_way_to_apply_is_reported_at_the_end_with_a_suggestion() -> None:
    text = "# Analyst\n\nRead about [our team](https://example.com/team).\n\nJoin us in Denver.\n"
    violations = [v for v in _linter().lint_text(text) if v.rule == "links/apply"]
    assert [(v.line, v.column, v.start) for v in violations] == [(5, 19, len(text.rstrip()))]
    assert violations[0].suggestion and "jobs@example.com" in violations[0].suggestion
    assert violations[0].fix is None


def test_html_without_a_way_to_apply_points_before_the_body_end() -> None:
    text = "<html><body><h1>Clerk</h1><p>Join us.</p></body></html>"
    violations = [v for v in _linter().lint_text(text, format="html") if v.rule == "links/apply"]
    assert [v.start for v in violations] == [text.index("</body>")]


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ("# A\n\n[Apply now]()\n", "markdown", (3, 1)),
        ("# A\n\n[Apply now](htps://example.com/apply)\n", "markdown", (3, 13)),
        ("# A\n\n[Apply](http://localhost:3000/apply)\n", "markdown", (3, 9)),
        ("# A\n\n[Apply](https:///apply)\n", "markdown", (3, 9)),
        ('<h1>A</h1>\n<p><a href="#">Apply online</a></p>', "html", (2, 13)),
        ('<h1>A</h1>\n<p><a href="">Apply online</a></p>', "html", (2, 13)),
        ('<h1>A</h1>\n<p><a href="https://example.com/apply now">Apply</a></p>', "html", (2, 13)),
        ("---\napply_url: TBD\n---\n# A\n\nJoin us.\n", "markdown", (2, 12)),
        ("---\napply_url: 'www.example.com/apply'\n---\n# A\n\nJoin us.\n", "markdown", (2, 13)),
    ],
    ids=[
        "empty",
        "misspelled-scheme",
        "localhost",
        "no-host",
        "hash",
        "empty-href",
        "space",
        "placeholder",
        "no-scheme",
    ],
)
def test_an_apply_link_that_cannot_work_is_reported_where_it_is(text: str, fmt: str, where: tuple[int, int]) -> None:
    assert [(line, column) for _, line, column, _ in found(text, fmt, "links/apply")] == [where]


def test_one_working_apply_link_is_enough() -> None:
    text = "# A\n\n[Apply]()\n\nOr apply at https://example.com/apply.\n"
    assert found(text, rule="links/apply") == []


@pytest.mark.parametrize(
    "text",
    [
        "# A\n\n- [How to apply](#how-to-apply)\n\n## How to apply\n\nApply in person.\n",
        "# A\n\nIf you need an accommodation to apply, write to ana@example.com.\n",
        "# A\n\n## How to apply\n\nTo hear when applications open, join our [newsletter](https://example.com/n).\n",
        "# We are hiring\n\nVisit [our blog](https://example.com/blog).\n",
    ],
    ids=["in-page-anchor", "accommodation-contact", "newsletter", "title-heading"],
)
def test_links_that_are_not_a_way_to_apply(text: str) -> None:
    assert [rule for rule, *_ in found(text, rule="links/apply")] == ["links/apply"]


def test_the_apply_field_follows_the_front_matter_config(tmp_path: Path) -> None:
    (tmp_path / ".postlint.yaml").write_text(
        "packs: [" + str(LINKS_PACK) + "]\nfront-matter: {apply_url: how_to_apply}\n", encoding="utf-8"
    )
    (tmp_path / "job.md").write_text(
        "---\nhow_to_apply: https://example.com/a\n---\n# A\n\nJoin us.\n", encoding="utf-8"
    )
    code, out, err = run_cli("check", "--format", "json", "job.md", cwd=tmp_path)
    assert code == 0, out + err
    assert json.loads(out)["violations"] == []


# ---------------------------------------------------------------- links/malformed


@pytest.mark.parametrize(
    ("text", "fmt", "where"),
    [
        ("[Apply](htps://example.com/apply)\n", "markdown", (1, 9)),
        ("[Apply](https//example.com/apply)\n", "markdown", (1, 9)),
        ("[Apply](http:/example.com/apply)\n", "markdown", (1, 9)),
        ("Apply at http//example.com/jobs/1 today.\n", "markdown", (1, 10)),
        ("Apply at http//example.com/jobs/1 today.\n", "text", (1, 10)),
        ("[Apply](www.example.com/apply)\n", "markdown", (1, 9)),
        ("[Apply]()\n", "markdown", (1, 1)),
        ("[Apply](https://example.com:80a/apply)\n", "markdown", (1, 9)),
        ("[Apply](http://127.0.0.1/apply)\n", "markdown", (1, 9)),
        ("[Docs]([example.com](https://example.com))\n", "markdown", (1, 1)),
        ("[Write](mailto://jobs@example.com)\n", "markdown", (1, 9)),
        ('<p><a href="javascript:void(0)">Apply</a></p>', "html", (1, 13)),
        ('<p><a href="https://example.com/apply now">Apply</a></p>', "html", (1, 13)),
        ("[Pay](https://example.com/pa\ny/table) rates\n", "markdown", (1, 7)),
        ("See http://[::1 and more\n", "text", (1, 5)),
    ],
    ids=[
        "htps",
        "no-colon",
        "one-slash",
        "prose-typo",
        "prose-typo-text",
        "no-scheme-target",
        "empty",
        "bad-port",
        "loopback",
        "nested-link",
        "mailto-slashes",
        "javascript",
        "space",
        "line-break",
        "unclosed-ipv6",
    ],
)
def test_malformed_links_are_reported_at_the_url(text: str, fmt: str, where: tuple[int, int]) -> None:
    assert where in [(line, column) for _, line, column, _ in found(text, fmt, "links/malformed")]


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Visit www.example.com/jobs to apply.\n", "markdown"),
        ("Read [the FAQ](/faq), [benefits](#benefits) and [this](../x.html).\n", "markdown"),
        ("See [the page](https://en.wikipedia.org/wiki/Mercury_(planet)).\n", "markdown"),
        ("See (https://example.com/a) and https://example.com/b.\n", "markdown"),
        ("[Apply]({{ page.apply_url }}) or [more]({{site.baseurl}}/jobs/)\n", "markdown"),
        ("See <https://bücher.example/jobs> and https://xn--bcher-kva.example/.\n", "markdown"),
        ("Write to jobs@example.com or [us](mailto:jobs@example.com?subject=Hi).\n", "markdown"),
        ("[FTP](ftp://files.example.com/x) [Call](tel:+15555550100)\n", "markdown"),
        ('<meta http-equiv="refresh" content="0"><p><a href="/apply">Apply</a></p>', "html"),
    ],
    ids=[
        "bare-www",
        "relative",
        "balanced-parens",
        "parenthesised",
        "templates",
        "idna",
        "mailto",
        "other-schemes",
        "meta",
    ],
)
def test_well_formed_links_are_left_alone(text: str, fmt: str) -> None:
    assert found(text, fmt, "links/malformed") == []


# ---------------------------------------------------------------- links/insecure


def test_insecure_links_get_an_unsafe_https_fix() -> None:
    text = "[Apply](http://example.com/apply) or http://example.org/jobs.\n"
    assert [(line, column) for _, line, column, _ in found(text, rule="links/insecure")] == [(1, 9), (1, 38)]
    violation = next(v for v in _linter().lint_text(text) if v.rule == "links/insecure")
    assert violation.fix is not None and violation.fix.applicability == "unsafe"
    assert fixed(text, rule="links/insecure") == "[Apply](https://example.com/apply) or https://example.org/jobs.\n"


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080/x",
        "http://10.1.2.3/wiki",
        "http://192.168.0.1/",
        "http://intranet.local/x",
        "http://a.test/",
    ],
)
def test_local_and_test_hosts_are_not_insecure(url: str) -> None:
    assert found(f"See {url} now.\n", rule="links/insecure") == []


def test_insecure_fix_reaches_a_reference_definition() -> None:
    text = "[Apply][1] today.\n\n[1]: http://example.com/apply\n"
    assert [(line, column) for _, line, column, _ in found(text, rule="links/insecure")] == [(3, 6)]
    assert fixed(text, rule="links/insecure") == "[Apply][1] today.\n\n[1]: https://example.com/apply\n"


# ---------------------------------------------------------------- links/shortener


def test_shorteners_are_reported_and_vendor_short_links_are_not() -> None:
    text = "See https://bit.ly/3x, www.tinyurl.com/acme, https://grnh.se/abc and https://forms.gle/x.\n"
    assert [match for *_, match in found(text, rule="links/shortener")] == ["https://bit.ly/3x", "www.tinyurl.com/acme"]


# ---------------------------------------------------------------- links/tracking-params


@pytest.mark.parametrize(
    ("text", "fmt", "after"),
    [
        (
            "[Apply](https://example.com/a?job=7&utm_source=x&utm_medium=y#form)\n",
            "markdown",
            "[Apply](https://example.com/a?job=7#form)\n",
        ),
        ("See https://example.com/a?utm_campaign=z.\n", "markdown", "See https://example.com/a.\n"),
        ("See https://example.com/a?fbclid=1&id=2\n", "text", "See https://example.com/a?id=2\n"),
        (
            '<a href="http://example.com/a.asp?job=1&amp;utm_source=x&amp;gclid=2&amp;page=3">Apply</a>',
            "html",
            '<a href="http://example.com/a.asp?job=1&amp;page=3">Apply</a>',
        ),
        (
            "[Job](https://www.linkedin.com/jobs/view/1/?trk=a&refId=b&trackingId=c)\n",
            "markdown",
            "[Job](https://www.linkedin.com/jobs/view/1/)\n",
        ),
    ],
    ids=["keeps-fragment", "only-params", "plain-text", "html-escaped", "linkedin"],
)
def test_tracking_parameters_are_removed_by_the_unsafe_fix(text: str, fmt: str, after: str) -> None:
    assert [rule for rule, *_ in found(text, fmt, "links/tracking-params")] == ["links/tracking-params"]
    assert fixed(text, fmt, "links/tracking-params") == after


@pytest.mark.parametrize(
    "text",
    [
        "[Apply](https://boards.greenhouse.io/acme/jobs/1?gh_src=abc)\n",
        "[Docs](https://example.com/?ref=nav&trk=x)\n",  # trk is LinkedIn's, ref is everyone's
    ],
)
def test_other_parameters_are_not_tracking(text: str) -> None:
    assert found(text, rule="links/tracking-params") == []


# ---------------------------------------------------------------- the parsers' links


@pytest.mark.parametrize(
    ("text", "fmt", "urls"),
    [
        ("See www.example.gov/jobs\u00a0for more.\n", "text", ["www.example.gov/jobs"]),
        ("官网：https://example.cn/，欢迎投递。\n", "markdown", ["https://example.cn/"]),
        ("(Visit: https://example.com/gym/)Free gyms\n", "text", ["https://example.com/gym/"]),
        ("[https://example.com/x](https://example.com/x)\n", "markdown", ["https://example.com/x"]),
        ("[x](https://a.example/1（部署在 vercel）) y\n", "markdown", ["https://a.example/1"]),
        ("<p><a href='https://a.example/'>https://a.example/</a></p>", "html", ["https://a.example/"]),
    ],
    ids=["nbsp", "cjk-punctuation", "unbalanced-bracket", "url-as-link-text", "after-broken-link", "html-anchor-text"],
)
def test_bare_urls_end_where_the_url_ends_and_are_recorded_once(text: str, fmt: str, urls: list[str]) -> None:
    assert [link.url for link in parse(text, fmt).links] == urls


# ---------------------------------------------------------------- properties and the command line


URLISH = st.text(alphabet="htps:/w.e-xamplc[]()#?&=%@ üß\u00a0_~", min_size=0, max_size=30)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(["http://", "https://", "htps://", "www.", "mailto:", "http//", "https://[", ""]),
    rest=URLISH,
    fmt=st.sampled_from(["markdown", "text", "html"]),
    markup=st.booleans(),
)
def test_strange_urls_never_crash_and_spans_stay_in_range(prefix: str, rest: str, fmt: str, markup: bool) -> None:
    url = prefix + rest
    if markup and fmt == "markdown":
        text = f"# A\n\n[Apply]({url}) and {url}\n"
    elif markup and fmt == "html":
        text = f'<h1>A</h1><p><a href="{url}">Apply</a> {url}</p>'
    else:
        text = f"A\n\nApply at {url} now.\n"
    for v in _linter().lint_text(text, format=fmt):
        assert 0 <= v.start <= v.end <= len(text), v
        if v.fix is not None:
            assert all(0 <= e.start <= e.end <= len(text) for e in v.fix.edits), v
            once, _ = apply_edits(text, [v], unsafe=True)
            assert isinstance(once, str)


def test_the_command_line_reports_and_documents_the_pack(tmp_path: Path) -> None:
    (tmp_path / "job.md").write_text(
        "# Analyst\n\n[Apply](http://example.com/a?utm_source=x) and https://bit.ly/y\n", encoding="utf-8"
    )
    check, explain, rules = run_cli_many(
        [
            (["check", "--select", "links", "--format", "json", "job.md"], {"cwd": tmp_path}),
            (["explain", "links/apply"], {}),
            (["rules", "--pack", "links"], {}),
        ]
    )
    assert check[0] == 0, check[1] + check[2]  # warnings and info only
    got = {(v["rule"], v["line"], v["column"]) for v in json.loads(check[1])["violations"]}
    assert got == {("links/insecure", 3, 9), ("links/tracking-params", 3, 9), ("links/shortener", 3, 48)}
    assert explain[0] == 0 and "links/apply" in explain[1]
    listed = {line.split()[0] for line in rules[1].splitlines() if line.startswith("links/")}
    assert listed == {
        "links/apply",
        "links/malformed",
        "links/insecure",
        "links/shortener",
        "links/tracking-params",
        "links/broken",
        "links/unverified",
        "links/blocked",
    }
