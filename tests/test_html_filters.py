"""The HTML report as a recruiter uses it, in headless Chromium: filters, search, sticky navigation,
full rule descriptions, HTML postings shown as text, and the page as it prints."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from test_html_report import Chromium, _Reader, check_page, find_chromium, run_report

from postlint.output.html_markup import find_markup
from postlint.output.html_report import Highlight, render_source
from postlint.runner import load_linter

VISIBLE = """
(() => {
  const shown = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const items = [...document.querySelectorAll(".problems > li")].filter(shown);
  return {
    items: items.map((li) => ({rule: li.dataset.rule, sev: li.dataset.sev, text: li.textContent,
                               path: li.closest("section").dataset.path,
                               marks: [...document.querySelectorAll(`mark.hl[data-v="${li.dataset.v}"]`)]
                                 .map((m) => m.classList.contains("dim"))})),
    dimmed: [...document.querySelectorAll(".problems > li")].filter((li) => !shown(li)).map((li) =>
      [...document.querySelectorAll(`mark.hl[data-v="${li.dataset.v}"]`)].every((m) => m.classList.contains("dim"))),
    sections: [...document.querySelectorAll("section.posting")].filter(shown).map((s) => s.dataset.path),
    count: document.getElementById("f-count").textContent,
    empty: shown(document.getElementById("f-empty")),
  };
})()
"""


def set_filters(browser: Chromium, session: str, **state: Any) -> dict[str, Any]:
    """Set the toolbar's controls as a user would (firing their events), then read what is shown."""
    script = f"""
    (() => {{
      const state = {json.dumps(state)};
      document.querySelectorAll("#toolbar input[data-sev]").forEach((box) => {{
        box.checked = (state.severities || ["error", "warning", "info"]).includes(box.dataset.sev);
        box.dispatchEvent(new Event("change", {{bubbles: true}}));
      }});
      for (const [id, key] of [["f-rule", "rule"], ["f-posting", "posting"], ["f-search", "search"]]) {{
        const control = document.getElementById(id);
        control.value = state[key] || "";
        control.dispatchEvent(new Event("input", {{bubbles: true}}));
      }}
    }})()
    """
    browser.evaluate(session, script)
    result: dict[str, Any] = browser.evaluate(session, VISIBLE)
    return result


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Any:
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium binary (install Debian's 'chromium' package, or set POSTLINT_CHROMIUM)")
    chromium = Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    output = tmp_path_factory.mktemp("filters") / "report.html"
    return output, run_report("examples", cwd=ROOT, output=output)


def test_filters_and_search(browser: Chromium, report: tuple[Path, list[dict[str, Any]]]) -> None:
    chromium = browser
    path, violations = report
    session = check_page(chromium, path, violations, ROOT)["session"]
    everything = set_filters(chromium, session)
    assert len(everything["items"]) == len(violations)
    assert everything["count"] == f"{len(violations)} problems"

    errors = set_filters(chromium, session, severities=["error"])
    wanted = sum(1 for v in violations if v["severity"] == "error")
    assert len(errors["items"]) == wanted and {i["sev"] for i in errors["items"]} == {"error"}
    assert errors["count"] == f"{wanted} of {len(violations)} problems shown"
    assert all(not any(i["marks"]) for i in errors["items"])  # shown problems keep their highlights
    assert errors["dimmed"] and all(errors["dimmed"])  # hidden ones lose theirs

    rule = set_filters(chromium, session, rule="quality/placeholder")
    paths = {v["path"] for v in violations if v["rule"] == "quality/placeholder"}
    assert {i["rule"] for i in rule["items"]} == {"quality/placeholder"}
    assert set(rule["sections"]) == paths  # postings without that rule are hidden

    number = chromium.evaluate(session, """document.querySelector('section[data-path$="too-short.txt"]').id""")
    posting = set_filters(chromium, session, posting=number)
    assert posting["sections"] == ["examples/flawed/too-short.txt"]
    assert len(posting["items"]) == sum(1 for v in violations if v["path"] == "examples/flawed/too-short.txt")

    searched = set_filters(chromium, session, search="company NAME")
    assert searched["items"] and all("company name" in i["text"].lower() for i in searched["items"])
    assert len(searched["items"]) == sum(1 for v in violations if "company name" in v["message"].lower())

    nothing = set_filters(chromium, session, severities=["info"], rule="quality/placeholder")
    assert nothing["items"] == [] and nothing["sections"] == [] and nothing["empty"]
    assert not set_filters(chromium, session)["empty"]


def test_sticky_navigation_and_full_descriptions(browser: Chromium, report: tuple[Path, list[dict[str, Any]]]) -> None:
    chromium = browser
    path, _ = report
    session = chromium.open(path.as_uri())
    sticky = chromium.evaluate(
        session,
        """(() => {
          window.scrollTo(0, document.documentElement.scrollHeight / 2);
          const bar = document.getElementById("toolbar").getBoundingClientRect();
          const list = document.querySelector(".problems");
          return {top: bar.top, height: bar.height, listTop: getComputedStyle(list).top,
                  links: [...document.querySelectorAll("#toolbar .jump a")].map((a) => a.getAttribute("href"))};
        })()""",
    )
    assert sticky["top"] == 0 and sticky["height"] > 0
    assert sticky["listTop"] == f"{round(sticky['height'])}px"  # the lists of problems stay below it
    assert all(chromium.evaluate(session, f"!!document.querySelector('{href}')") for href in sticky["links"])

    linter = load_linter()
    descriptions = {r.id: " ".join(r.description.split()) for r in linter.rules}
    cells = chromium.evaluate(
        session,
        """[...document.querySelectorAll("#summary tr[id]")].map((tr) => {
          const cell = tr.querySelector("td.what");
          return [tr.id.slice(2), cell.textContent, cell.scrollWidth <= cell.clientWidth,
                  cell.scrollHeight <= cell.clientHeight + 1];
        })""",
    )
    assert cells
    for rule, text, fits_across, fits_down in cells:
        assert text == descriptions[rule], rule  # the whole description, not its first sentence
        assert fits_across and fits_down, rule  # and none of it cut off


def test_html_postings_show_their_text(browser: Chromium, report: tuple[Path, list[dict[str, Any]]]) -> None:
    chromium = browser
    path, _ = report
    session = chromium.open(path.as_uri())
    read = """(() => {
      const s = document.querySelector('section.posting[data-path$="legacy-careers-page.html"]');
      const entities = [...s.querySelectorAll(".ent")].map((e) =>
        [getComputedStyle(e, "::after").content, JSON.stringify(e.dataset.ch)]);
      return {text: s.querySelector(".src").innerText, view: s.classList.contains("view-text"), entities};
    })()"""
    shown = chromium.evaluate(session, read)
    assert shown["view"]
    # Tags and references are hidden; only a flagged link keeps its source (`&amp;` in its address).
    assert "<p>" not in shown["text"] and "&middot;" not in shown["text"] and "&copy;" not in shown["text"]
    assert shown["entities"] and all(after == char for after, char in shown["entities"])  # '·' for '&middot;'
    assert "Inside Sales Representative" in shown["text"]
    assert "<!DOCTYPE" not in shown["text"] and "site.css" not in shown["text"]  # lines of markup only
    chromium.evaluate(
        session,
        """document.querySelector('section.posting[data-path$="legacy-careers-page.html"] button.view')
        .click()""",
    )
    markup = chromium.evaluate(session, read)
    assert not markup["view"] and "<!DOCTYPE html>" in markup["text"] and "&amp;" in markup["text"]
    markdown = chromium.evaluate(
        session, """document.querySelector('section.posting[data-path$="sales-rockstar.md"] button.view')"""
    )
    assert markdown is None  # only HTML postings have the button


def test_the_page_prints_without_its_controls(browser: Chromium, report: tuple[Path, list[dict[str, Any]]]) -> None:
    chromium = browser
    path, _ = report
    session = chromium.open(path.as_uri())
    chromium.call("Emulation.setEmulatedMedia", session, media="print")
    printed = chromium.evaluate(
        session,
        """(() => {
          const style = (selector) => getComputedStyle(document.querySelector(selector));
          return {toolbar: style("#toolbar").display, body: style(".posting .body").display,
                  list: style(".problems").position, overflow: style(".problems").overflowY,
                  button: style("button.view").display};
        })()""",
    )
    assert printed == {"toolbar": "none", "body": "block", "list": "static", "overflow": "visible", "button": "none"}
    pdf = chromium.call("Page.printToPDF", session, printBackground=True)["data"]
    assert len(pdf) > 1000
    chromium.call("Emulation.setEmulatedMedia", session, media="")


@given(
    text=st.text(alphabet="ab<>&;#/p!-x1 \n", max_size=50),
    spans=st.lists(st.tuples(st.integers(0, 54), st.integers(0, 54)), max_size=5),
)
def test_html_markup_keeps_every_character_and_nests(text: str, spans: list[tuple[int, int]]) -> None:
    """Markup wrapped for hiding is still all there, and highlights still nest around it."""
    highlights = [
        Highlight(key=f"1-{k}", start=min(a, b), end=max(a, b), severity="error", rule="t/r", title="t", number=k)
        for k, (a, b) in enumerate(spans, 1)
    ]
    reader = _Reader()
    reader.feed(render_source(text, highlights, all_lines=True, markup=find_markup(text)))
    reader.close()
    assert reader.stack == []
    joined = "\n".join(reader.lines)
    assert text in (joined, joined + "\n")
    for h in highlights:
        expected = "".join(text[j] for j in range(h.start, min(h.end, len(text))) if text[j] != "\n")
        assert reader.marked[h.key] == expected


def test_finding_markup_is_linear() -> None:
    import time

    for hostile in ("<a " * 200_000, "&amp" * 200_000, "<script>" * 100_000, "<!x" * 200_000):
        started = time.perf_counter()
        find_markup(hostile)
        assert time.perf_counter() - started < 2, hostile[:10]
