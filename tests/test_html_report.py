"""The HTML report: markup that keeps every character and nests, and the page as headless Chromium shows it.

Chromium is driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: file
descriptors 3 and 4), so the tests need the browser binary and nothing else. They check what
a reader sees: every violation highlighted where it is, visibly, linked both ways, and a page
that loads nothing from anywhere. A screenshot of each page is kept in `tmp_path` (of the whole
page, and copied there, if `POSTLINT_ARTIFACTS` names a folder). `POSTLINT_DOCS_SCREENSHOT=1`
also rewrites docs/report.png, the README's picture of the report.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, run_cli, run_cli_many, write_pack
from hypothesis import given
from hypothesis import strategies as st

from postlint.document import LineIndex
from postlint.output.html_report import CSP, SCRIPT, STYLE, Highlight, render_source

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
WIDTH, HEIGHT = 1280, 900


def find_chromium() -> str | None:
    for name in (os.environ.get("POSTLINT_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name) if name else None
        if found:
            return found
    return None


class Chromium:
    """Headless Chromium and one DevTools connection to it over a pipe: commands, replies and events."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_browser, self._in = os.pipe()
        self._out, from_browser = os.pipe()

        def wire() -> None:  # in the child: the protocol expects to read fd 3 and write fd 4
            reading = fcntl.fcntl(to_browser, fcntl.F_DUPFD, 10)
            writing = fcntl.fcntl(from_browser, fcntl.F_DUPFD, 10)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=wire,  # noqa: PLW1509 - no threads run while the browser starts
            pass_fds=(3, 4),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._out], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._out, 1 << 20)
            if not chunk:
                raise EOFError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._in, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, session: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            seen = len(self.events)
            self.events.append(self._read(deadline))

    def open(self, url: str, width: int = WIDTH, height: int = HEIGHT) -> str:
        """Load a page in a new tab with network and console recording on; returns the session id."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session: str = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Network", "Page", "Log", "Runtime"):
            self.call(f"{domain}.enable", session)
        self.call(
            "Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1, mobile=False
        )
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired", session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(reply["exceptionDetails"])
        return reply["result"].get("value")

    def screenshot(self, session: str, path: Path, full_page: bool = False) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = self.evaluate(session, "document.documentElement.scrollHeight")
            params.update(
                captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": WIDTH, "height": height, "scale": 1}
            )
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", session, **params)["data"]))

    def session_events(self, session: str, method: str) -> list[dict[str, Any]]:
        return [e["params"] for e in self.events if e.get("sessionId") == session and e.get("method") == method]

    def close(self) -> None:
        with contextlib.suppress(OSError, TimeoutError, EOFError, RuntimeError):
            self.call("Browser.close", timeout=10)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._in)
        os.close(self._out)


@pytest.fixture(scope="module")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Any:
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium binary (install Debian's 'chromium' package, or set POSTLINT_CHROMIUM)")
    browser = Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


ARTIFACTS = os.environ.get("POSTLINT_ARTIFACTS")  # a folder to keep screenshots of whole pages in


def keep_artifact(path: Path) -> None:
    if ARTIFACTS:
        Path(ARTIFACTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(ARTIFACTS) / path.name)


# What the page shows of every violation's head highlight; each one is scrolled to and hit-tested.
INSPECT = """
(() => {
  const heads = [...document.querySelectorAll("mark.hl[id]")];
  const found = heads.map((m) => {
    const key = m.dataset.v;
    const pieces = [...document.querySelectorAll(`mark.hl[data-v="${key}"]`)];
    m.scrollIntoView({block: "center"});
    const box = m.getClientRects()[0] || m.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      path: m.closest("section.posting").dataset.path,
      rule: m.dataset.rule,
      position: [+m.dataset.line, +m.dataset.column, +m.dataset.endLine, +m.dataset.endColumn],
      marker: m.classList.contains("zw"),
      width: box.width, height: box.height,
      hit: !!hit && (hit === m || m.contains(hit) || hit.contains(m)),
      text: pieces.map((p) => p.textContent).join(""),
      listed: !!document.getElementById("p" + key),
      linked: !!document.querySelector(`a[href="#${m.id}"]`),
      border: getComputedStyle(m).borderBottomWidth,
    };
  });
  window.scrollTo(0, 0);
  return {
    heads: found,
    marks: document.querySelectorAll("mark.hl").length,
    resources: performance.getEntriesByType("resource").map((e) => e.name),
    csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
})()
"""


def expected_text(source: str, line: int, column: int, end_line: int, end_column: int) -> tuple[str, str]:
    """What a highlight holds: its characters without line breaks, and the text of those that are not
    shown as code points (controls, zero-width and bidirectional characters are labels, not text)."""
    index = LineIndex(source)
    span = re.sub("\r?\n", "", source[index.offset(line, column) : index.offset(end_line, end_column)])
    return span, re.sub("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]", "", span)


def read_source(path: str, cwd: Path) -> str:
    data = (cwd / path).read_bytes()
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")


def check_page(browser: Chromium, report: Path, violations: list[dict[str, Any]], cwd: Path) -> dict[str, Any]:
    """Load a report and check each violation against what the browser shows; returns the page facts."""
    session = browser.open(report.as_uri())
    page = browser.evaluate(session, INSPECT)
    heads = page["heads"]
    assert len(heads) == len(violations)
    seen = sorted((h["path"], h["rule"], *h["position"]) for h in heads)
    wanted = sorted((v["path"], v["rule"], v["line"], v["column"], v["end_line"], v["end_column"]) for v in violations)
    assert seen == wanted
    for head in heads:
        where = (head["path"], head["rule"], head["position"])
        assert head["width"] > 0 and head["height"] > 0, where
        assert head["hit"], where  # on top, not hidden behind something else
        assert head["listed"] and head["linked"], where
        span, text = expected_text(read_source(head["path"], cwd), *head["position"])
        assert head["marker"] == (span == ""), where
        assert head["text"] == text, where
        if not head["marker"]:
            assert head["border"] == "2px", where  # the inline style sheet was allowed to apply
    # Nothing fetched: the one request is the page itself, and the policy forbids any other.
    requests = [e["request"]["url"] for e in browser.session_events(session, "Network.requestWillBeSent")]
    assert requests == [report.as_uri()]
    assert page["resources"] == []
    assert "default-src 'none'" in page["csp"]
    problems = [e["entry"] for e in browser.session_events(session, "Log.entryAdded") if e["entry"]["level"] == "error"]
    assert problems == []  # a blocked style or script (a stale hash) would be logged here
    assert page["overflow"] <= 0  # long lines wrap
    page["session"] = session
    return page


def run_report(*args: Any, cwd: Path, output: Path) -> list[dict[str, Any]]:
    """Write the HTML report and return the violations of the same run as JSON."""
    (code_html, _, err_html), (code_json, out, err_json) = run_cli_many(
        [
            (("check", *args, "--format", "html", "--output", output), {"cwd": cwd}),
            (("check", *args, "--format", "json"), {"cwd": cwd}),
        ]
    )
    assert code_html == code_json == 1, (err_html, err_json)
    violations: list[dict[str, Any]] = json.loads(out)["violations"]
    return violations


def test_examples_report_in_chromium(chromium: Chromium, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    violations = run_report("examples", cwd=ROOT, output=report)
    assert len(violations) > 20
    page = check_page(chromium, report, violations, ROOT)
    session = page["session"]

    # Clicking a highlight selects it and its entry in the list; the list links back by id.
    clicked = chromium.evaluate(
        session,
        """(() => {
          const m = document.querySelector("mark.hl[id]");
          m.click();
          const item = document.getElementById("p" + m.dataset.v);
          return [m.classList.contains("active"), item.classList.contains("active")];
        })()""",
    )
    assert clicked == [True, True]

    shot = tmp_path / "report-examples.png"
    chromium.screenshot(session, shot, full_page=ARTIFACTS is not None)
    assert shot.read_bytes().startswith(b"\x89PNG")
    keep_artifact(shot)

    if os.environ.get("POSTLINT_DOCS_SCREENSHOT"):
        # The README's picture, at a laptop's size: one posting with highlights of every kind and fixes.
        docs = ROOT / "docs" / "report.png"
        docs.parent.mkdir(exist_ok=True)
        chromium.evaluate(
            session,
            """document.querySelectorAll(".active").forEach((e) => e.classList.remove("active"));
            const s = document.querySelector('section.posting[data-path$="sales-rockstar.md"]');
            const bar = document.getElementById("toolbar").offsetHeight;
            window.scrollTo(0, s.getBoundingClientRect().top + window.scrollY - 16 - bar);""",
        )
        chromium.screenshot(session, docs)


TRICKY_PACK = [
    {"id": "t/first", "kind": "forbid", "severity": "error", "patterns": ["alpha beta"]},
    {"id": "t/second", "kind": "forbid", "severity": "warning", "patterns": ["beta gamma"]},
    {"id": "t/inner", "kind": "forbid", "severity": "info", "patterns": ["eta"]},
    {"id": "t/across", "kind": "forbid", "severity": "warning", "patterns": ["(?s)delta.*?epsilon"], "scope": ["raw"]},
]


def test_tricky_postings_in_chromium(chromium: Chromium, tmp_path: Path) -> None:
    """Crossing and nested spans, a span over line breaks, CRLF, emoji, controls and markup in the text."""
    pack = write_pack(tmp_path, TRICKY_PACK, name="t")
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "crossing.md").write_text(
        "# Alpha Beta Gamma\n\nWe say alpha beta gamma twice: alpha beta gamma.\n\n"
        "Then delta, and a long\nway later, epsilon.\n",
        encoding="utf-8",
    )
    (posts / "crlf.md").write_bytes(
        b"\xef\xbb\xbf# Caf\xc3\xa9 \xf0\x9f\x98\x80 Lead\r\n\r\n\xf0\x9f\x98\x80 \xc3\xa9 alpha beta gamma\r\n"
        b"Pay: TBD\r\n"
    )
    (posts / "markup.txt").write_text(
        "Title: <script>alert('x')</script> & <b>bold</b> lead\n\n"
        "Right-to-left \u202eoverride\u202c and zero\u200bwidth.\n"
        + "A very long line without any break " * 30
        + "alpha beta.\n",
        encoding="utf-8",
    )
    (posts / "scan.txt").write_bytes(b"%PDF-1.4\x00\x01 binary")  # reported, but has no text to show
    report = tmp_path / "tricky.html"
    violations = run_report("posts", "--pack", pack, cwd=tmp_path, output=report)
    rules = {v["rule"] for v in violations}
    assert {"t/first", "t/second", "t/inner", "t/across", "encoding/control-char", "postlint/binary-file"} <= rules
    html = report.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "\u202e" not in html  # a bidirectional override would reorder the report itself
    page = check_page(chromium, report, violations, tmp_path)
    shot = tmp_path / "report-tricky.png"
    chromium.screenshot(page["session"], shot, full_page=ARTIFACTS is not None)
    keep_artifact(shot)


def test_html_to_stdout_and_escaping(tmp_path: Path) -> None:
    """Without --output the page goes to standard output; the policy's hashes match the inline code."""
    (tmp_path / "job.txt").write_text("Title: <img src=x onerror=alert(1)> [Company Name]\n", encoding="utf-8")
    code, out, err = run_cli("check", "job.txt", "--format", "html", cwd=tmp_path)
    assert code == 1, err
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert f'content="{CSP}"' in out and f"<style>{STYLE}</style>" in out and f"<script>{SCRIPT}</script>" in out
    tags = _Tags()
    tags.feed(out)
    # Nothing that loads: no src attributes, no link, img, iframe or object elements, one inline script.
    assert tags.names["script"] == 1 and not tags.names.keys() & {"link", "img", "iframe", "object", "embed"}
    assert not any(name in {"src", "srcset", "style"} for name, _ in tags.attributes)
    assert all(value.startswith(("#", "https://", "http://")) for name, value in tags.attributes if name == "href")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: Counter[str] = Counter()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names[tag] += 1
        self.attributes += [(name, value or "") for name, value in attrs]


class _Reader(HTMLParser):
    """Reads render_source's markup back: the lines of text, and the text inside each highlight."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.lines: list[str] = []
        self.marked: dict[str, str] = {}
        self.heads: dict[str, bool] = {}  # key -> is a zero-width marker
        self.in_line = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        self.stack.append((tag, a.get("data-v")))
        if tag == "span" and "t" in classes:
            self.lines.append("")
            self.in_line = True
        elif tag == "span" and "cc" in classes:
            codes = (a.get("data-cp") or "").split()
            self.handle_data("".join(chr(int(code[2:], 16)) for code in codes))
        elif tag == "mark" and a.get("id"):
            key = a["data-v"] or ""
            assert key not in self.heads, "two heads for one highlight"
            self.heads[key] = "zw" in classes
            self.marked.setdefault(key, "")

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        if tag == "span" and not self.stack:
            self.in_line = False

    def handle_data(self, data: str) -> None:
        if self.in_line:
            self.lines[-1] += data
        for tag, key in self.stack:
            if tag == "mark" and key is not None:
                self.marked[key] = self.marked.get(key, "") + data


@given(
    text=st.text(alphabet='ab <&>"\n\r\t😀é\u200b\u202e', max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 44), st.integers(0, 44)), max_size=6),
)
def test_render_source_keeps_every_character_and_nests(text: str, spans: list[tuple[int, int]]) -> None:
    highlights = [
        Highlight(key=f"1-{k}", start=min(a, b), end=max(a, b), severity="error", rule="t/r", title="<t>", number=k)
        for k, (a, b) in enumerate(spans, 1)
    ]
    reader = _Reader()
    reader.feed(render_source(text, highlights, all_lines=True))
    reader.close()
    assert reader.stack == []
    *body, last = text.split("\n")
    shown = "".join((line[:-1] if line.endswith("\r") else line) + "\n" for line in body) + last
    joined = "\n".join(reader.lines)
    assert shown in (joined, joined + "\n")  # the empty line after a final newline may be left out
    assert set(reader.heads) == {h.key for h in highlights}
    for h in highlights:
        line_break = {j for j, ch in enumerate(text) if ch == "\n" or text[j : j + 2] == "\r\n"}
        expected = "".join(text[j] for j in range(h.start, min(h.end, len(text))) if j not in line_break)
        assert reader.heads[h.key] == (expected == "")
        assert reader.marked[h.key] == expected


def test_long_files_show_lines_around_violations() -> None:
    text = "".join(f"line {n}\n" for n in range(1, 5001))
    at = text.index("line 2500")
    markup = render_source(text, [Highlight("1-1", at, at + 9, "error", "t/r", "t", 1)])
    assert markup.count('<span class="n">') == 2 * 3 + 1
    assert "2496 lines not shown" in markup and "2497 lines not shown" in markup
    assert '<span class="n">2500</span>' in markup
