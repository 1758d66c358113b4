"""An HTML page's chrome (site navigation, banner, footer, sidebars) is on the page but not about the job.

A posting saved from a careers site carries the site around it: a menu of office cities, a footer with the
head office's address, a list of other jobs. Read as the posting, those make the job's place (and with it the
laws that apply) whatever the site's menu says.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from postlint.document import DocumentDraft
from postlint.parsers.html import parse_html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Senior Data Engineer - Acme Analytics</title></head>
<body>
<header class="site-header">
  <h1><a href="/">Acme Analytics</a></h1>
  <nav><ul><li><a href="/offices/london">London</a></li><li><a href="/offices/nyc">New York</a></li>
  <li><a href="/offices/sf">San Francisco</a></li></ul></nav>
</header>
<main>
<article>
<header><h1>Senior Data Engineer</h1><p>Toronto, ON (Hybrid) &middot; Full-time</p></header>
<p>You will design and build the pipelines that feed our analytics products.</p>
<p>The base salary range for this role is $120,000 - $145,000 CAD per year.</p>
<p><a href="https://jobs.acme.example/apply/123">Apply for this job</a></p>
</article>
</main>
<aside><h3>Other jobs</h3><ul><li>Data Engineer, Austin, TX</li></ul></aside>
<footer><p>Acme Analytics Inc., 500 Market Street, San Francisco, CA 94105</p>
<p>Acme Analytics is an equal opportunity employer.</p></footer>
</body></html>
"""


def _chrome_of(src: str) -> dict[str, bool]:
    doc = DocumentDraft(text=src, format="html")
    parse_html(doc)
    return {" ".join(b.prose.split()): b.chrome for b in doc.blocks}


def test_site_navigation_banner_sidebar_and_footer_are_chrome() -> None:
    chrome = _chrome_of(PAGE)
    assert chrome["Acme Analytics"] is True  # the site's logo heading, in the page's banner
    assert chrome["London"] is chrome["San Francisco"] is True
    assert chrome["Other jobs"] is chrome["Data Engineer, Austin, TX"] is True
    assert chrome["Acme Analytics Inc., 500 Market Street, San Francisco, CA 94105"] is True
    # The posting's own header, inside its article, is the posting.
    assert chrome["Senior Data Engineer"] is False
    assert chrome["Toronto, ON (Hybrid) Full-time"] is False  # the entity is masked in prose
    assert chrome["You will design and build the pipelines that feed our analytics products."] is False


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ('<div role="navigation"><a href="/a">Berlin</a></div><p>Job text.</p>', {"Berlin": True, "Job text.": False}),
        ('<div role="contentinfo"><p>Paris office</p></div><p>Job.</p>', {"Paris office": True, "Job.": False}),
        # A footer or sidebar inside the posting's article or section is the posting's.
        (
            "<article><p>Job.</p><footer><p>Apply by May 1</p></footer></article>",
            {"Job.": False, "Apply by May 1": False},
        ),
        ("<section><aside><p>Location: Leeds</p></aside></section>", {"Location: Leeds": False}),
        # Text after the chrome closes is the posting again.
        ("<nav><a href='/'>Home</a></nav><p>Based in Leeds.</p>", {"Home": True, "Based in Leeds.": False}),
        # A banner or sidebar is chrome only on a page that marks where its content is: without a <main> or
        # an <article>, a <header> at the top is as likely the job's own title and place.
        ("<header><h1>Nurse</h1><p>Leeds</p></header><p>Job.</p>", {"Nurse": False, "Leeds": False, "Job.": False}),
        (
            '<div id="header"><h1 class="app-title">Nurse</h1><div class="location">Leeds</div></div><div>Job.</div>',
            {"Nurse": False, "Leeds": False, "Job.": False},
        ),
        ("<header><p>Acme</p></header><main><p>Leeds</p></main>", {"Acme": True, "Leeds": False}),
        (
            '<div class="site-header">Acme</div><div role="main"><aside>Leeds</aside></div>',
            {"Acme": True, "Leeds": False},
        ),
        # Older pages name their divs.
        (
            '<div class="navbar top"><a href="/">Jobs in Paris</a></div><p>Job.</p>',
            {"Jobs in Paris": True, "Job.": False},
        ),
        ('<p>Job.</p><div id="footer">1 Main St, Boston, MA</div>', {"Job.": False, "1 Main St, Boston, MA": True}),
        # A page with no chrome at all.
        ("<h1>Nurse</h1><p>Leeds.</p>", {"Nurse": False, "Leeds.": False}),
    ],
)
def test_chrome_by_element_and_role(src: str, expected: dict[str, bool]) -> None:
    assert _chrome_of(src) == expected


def test_an_h1_in_the_site_banner_is_not_the_title() -> None:
    doc = DocumentDraft(
        text="<header><h1>Acme</h1></header><main><h1>Staff Nurse</h1><p>Leeds.</p></main>", format="html"
    )
    parse_html(doc)
    assert doc.title == "Staff Nurse"


def _inspect(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "postlint", "inspect", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_the_job_is_where_the_posting_says_not_where_the_site_has_offices(tmp_path: Path) -> None:
    page = tmp_path / "job.html"
    page.write_text(PAGE, encoding="utf-8")
    facts = _inspect(page)
    text = json.dumps(facts)
    assert "CA-ON" in text
    for elsewhere in ("US-CA-SF", "US-NY", "US-TX", '"UK"'):
        assert elsewhere not in text
    # No San Francisco fair-chance error from the site's menu or its head office's address, while the
    # footer's equal-opportunity statement still counts: it is on the page the candidate reads.
    run = subprocess.run(
        [sys.executable, "-m", "postlint", "check", str(page), "--format", "json", "--no-cache"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr  # Ontario's statements on AI and on the vacancy are missing
    rules = {v["rule"] for v in json.loads(run.stdout)["violations"]}
    assert "ontario/ai-disclosure" in rules  # the job is in Ontario
    assert "fair-chance/statement" not in rules
    assert "eeo/statement" not in rules
