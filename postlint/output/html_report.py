"""One self-contained HTML page a recruiter can open: a summary, then each flawed posting with its problems in place.

The page loads nothing: styles and the small script are inline and allowed by their
hashes in a Content-Security-Policy that forbids every other load. Each violation is a
`<mark>` around its text (split where it crosses a line or another violation's mark,
so the markup stays nested; only the first piece carries the id), or a numbered marker
where it has no text (something missing). Characters that would be invisible or would
reorder the text (controls, zero-width spaces, bidirectional overrides) are shown as
their code points, so what is flagged can be seen and the report cannot be spoofed.
"""

from __future__ import annotations

import base64
import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from postlint.display import safe_path
from postlint.output.html_markup import Markup, find_markup
from postlint.violation import Severity, Violation

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult

# A posting longer than this many lines, or every posting once their texts add up to more than this
# many characters (about a hundred postings), is shown only around its violations: the page stays light.
FULL_TEXT_LINES = 3000
FULL_TEXT_BUDGET = 1_000_000
OPEN_POSTING_TABLE = 40  # a longer table of postings starts folded
CONTEXT_LINES = 3

_SHOWN_AS_CODE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ufff9-\ufffb]+"
)
_SAFE_URL = re.compile(r"(?i)^(https?://|mailto:)")


def visible(text: str) -> str:
    """Escaped text, with invisible and bidirectional characters turned into labelled empty spans."""
    out: list[str] = []
    pos = 0
    for m in _SHOWN_AS_CODE.finditer(text):
        out.append(escape(text[pos : m.start()], quote=False))
        codes = " ".join(f"U+{ord(ch):04X}" for ch in m.group())
        out.append(f'<span class="cc" data-cp="{codes}" title="{codes}"></span>')
        pos = m.end()
    out.append(escape(text[pos:], quote=False))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Highlight:
    """A violation as the page marks it: `key` names all its pieces, `number` its place in the posting's list."""

    key: str
    start: int
    end: int
    severity: str
    rule: str
    title: str
    number: int
    position: tuple[int, int, int, int] = (0, 0, 0, 0)  # line, column, end line, end column


def _open_tag(h: Highlight, head: bool) -> str:
    attrs = f'class="hl sev-{h.severity}{"" if head else " cont"}" data-v="{h.key}" data-rule="{escape(h.rule)}"'
    if head:
        line, column, end_line, end_column = h.position
        attrs = (
            f'id="v{h.key}" {attrs} data-n="{h.number}" data-line="{line}" data-column="{column}" '
            f'data-end-line="{end_line}" data-end-column="{end_column}"'
        )
    return f'<mark {attrs} title="{escape(h.title)}">'


def _marker(h: Highlight) -> str:
    return _open_tag(h, head=True).replace('class="hl ', 'class="hl zw ', 1) + "</mark>"


def _line_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end of the shown text) of each line: the newline and a '\\r' before it are not shown."""
    bounds = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        bounds.append((start, end - 1 if line.endswith("\r") and end < len(text) else end))
        start = end + 1
    return bounds


def _gap(lines: int) -> str:
    return f'<span class="n gap">⋯</span><span class="gap">{lines} line{"s" if lines != 1 else ""} not shown</span>'


def render_source(
    text: str, highlights: Sequence[Highlight], all_lines: bool | None = None, markup: Markup | None = None
) -> str:
    """The inner HTML of a posting's source: numbered lines with every highlight in place.

    A highlight with no text to mark (zero width, or only a line break) becomes a marker
    at its start. Overlapping highlights are split so that tags nest; no text is lost.
    With `markup` (an HTML posting's), tags and character references are wrapped so the page
    can show the text as a reader sees it, and lines with nothing but markup can be hidden.
    """
    lines = _line_bounds(text)
    starts = [s for s, _ in lines]
    n = len(text)
    pieces: dict[int, list[tuple[int, int, Highlight]]] = {}
    markers: dict[int, list[tuple[int, Highlight]]] = {}
    for h in highlights:
        start, end = max(0, min(h.start, n)), max(0, min(h.end, n))
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        found = False
        for i in range(first, last + 1) if end > start else ():
            line_start, shown_end = lines[i]
            a, b = max(start, line_start), min(end, shown_end)
            if a < b:
                pieces.setdefault(i, []).append((a, b, h))
                found = True
        if not found:
            markers.setdefault(first, []).append((min(start, lines[first][1]), h))
    count = len(lines) - 1 if len(lines) > 1 and lines[-1][0] == n else len(lines)  # a final newline ends a line
    if all_lines is None:
        all_lines = count <= FULL_TEXT_LINES
    if all_lines:
        shown = set(range(count))
    else:
        shown = set()
        for i in {*pieces, *markers}:
            shown.update(range(max(0, i - CONTEXT_LINES), min(count, i + CONTEXT_LINES + 1)))
    shown.update(markers)  # a marker after the final newline gets a line of its own
    out: list[str] = []
    started: set[str] = set()
    previous = -1
    for i in sorted(shown):
        if i != previous + 1:
            out.append(_gap(i - previous - 1))
        previous = i
        line_start, shown_end = lines[i]
        body = _render_line(text, line_start, shown_end, pieces.get(i, []), markers.get(i, []), started, markup)
        only_markup = (
            markup is not None
            and i not in pieces
            and i not in markers
            and not markup.has_prose(text, line_start, shown_end)
        )
        extra = " mo" if only_markup else ""
        out.append(f'<span class="n{extra}">{i + 1}</span><span class="t{extra}">{body}</span>')
    if previous < count - 1:
        out.append(_gap(count - 1 - previous))
    return "".join(out)


def _render_line(
    text: str,
    line_start: int,
    line_end: int,
    pieces: Sequence[tuple[int, int, Highlight]],
    markers: Sequence[tuple[int, Highlight]],
    started: set[str],
    markup: Markup | None = None,
) -> str:
    """One line's text with its pieces as properly nested marks (split and reopened where they cross)."""

    def shown(start: int, end: int) -> str:
        return markup.render(text, start, end, visible) if markup is not None else visible(text[start:end])

    if not pieces and not markers:
        return shown(line_start, line_end)
    cuts = sorted(
        {line_start, line_end} | {a for a, _, _ in pieces} | {b for _, b, _ in pieces} | {p for p, _ in markers}
    )
    out: list[str] = []
    stack: list[Highlight] = []
    for index, pos in enumerate(cuts):
        ending = {h.key for _, b, h in pieces if b == pos}
        if ending and stack:
            low = min(k for k, h in enumerate(stack) if h.key in ending)
            reopen = [h for h in stack[low:] if h.key not in ending]
            out.append("</mark>" * (len(stack) - low))
            del stack[low:]
            for h in reopen:
                out.append(_open_tag(h, head=False))
                stack.append(h)
        out.extend(_marker(h) for p, h in markers if p == pos)
        for _, _, h in sorted((piece for piece in pieces if piece[0] == pos), key=lambda piece: -piece[1]):
            out.append(_open_tag(h, head=h.key not in started))
            started.add(h.key)
            stack.append(h)
        if index + 1 < len(cuts):
            out.append(shown(pos, cuts[index + 1]))
    out.append("</mark>" * len(stack))
    return "".join(out)


_SEVERITIES = tuple(reversed(Severity))  # error, warning, info


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def _link(url: str, label: str) -> str:
    """A reference as a short numbered link (its address in the tooltip); only web and mail addresses link."""
    if not _SAFE_URL.match(url):
        return f'<span title="{escape(url)}">[{escape(label)}]</span>'
    return f'<a href="{escape(url)}" title="{escape(url)}" rel="noreferrer noopener">[{escape(label)}]</a>'


def _breakable(path: str) -> str:
    """A path that may wrap after its slashes rather than mid-name."""
    return visible(path).replace("/", "/<wbr>")


def _fix_html(v: Violation, text: str) -> str:
    assert v.fix is not None
    changes = []
    for edit in v.fix.edits:
        # Line breaks around an inserted paragraph are how it is placed, not what it says.
        before = text[edit.start : edit.end].replace("\r\n", "\n")
        after = edit.replacement.replace("\r\n", "\n")
        if not before:
            after = after.strip("\n")
        if before and after:
            change = f"<del>{visible(before)}</del> → <ins>{visible(after)}</ins>"
        elif after:
            change = f"insert <ins>{visible(after)}</ins>"
        else:
            change = f"delete <del>{visible(before)}</del>"
        changes.append(f'<div class="change">{change}</div>')
    return (
        f'<div class="fix"><span class="app app-{v.fix.applicability}">{v.fix.applicability} fix</span> '
        f"{escape(v.fix.description)}{''.join(changes)}</div>"
    )


def _problem_html(v: Violation, h: Highlight, text: str) -> str:
    parts = [
        f'<li id="p{h.key}" class="sev-{h.severity}" data-v="{h.key}" data-sev="{h.severity}" '
        f'data-rule="{escape(v.rule)}">',
        f'<a class="pos" href="#v{h.key}">{v.line}:{v.column}</a> ',
        f'<span class="badge sev-{h.severity}">{h.severity}</span> ',
        f'<a class="rule" href="#r-{escape(v.rule)}" title="What it checks, and why">',
        f"<code>{escape(v.rule)}</code></a>",
        f'<div class="msg">{visible(v.message)}</div>',
    ]
    if v.suggestion:
        parts.append(f'<div class="sugg"><span class="label">Suggestion</span> {visible(v.suggestion)}</div>')
    if v.fix is not None:
        parts.append(_fix_html(v, text))
    parts.append("</li>")
    return "".join(parts)


def render_posting(
    number: int,
    path: str,
    text: str | None,
    violations: Sequence[Violation],
    all_lines: bool | None = None,
    html: bool = False,
) -> str:
    """A posting's section: header with counts, its source with highlights, and its list of problems.

    `all_lines`: show every line (True), only those around the violations (False), or decide by length (None).
    `html`: the posting is HTML, shown as its text with a button to show its markup.
    """
    highlights = []
    for k, v in enumerate(violations, 1):
        highlights.append(
            Highlight(
                key=f"{number}-{k}",
                start=v.start if text is not None else 0,
                end=v.end if text is not None else 0,
                severity=v.severity.name,
                rule=v.rule,
                title=f"{v.rule} ({v.severity.name}): {v.message}",
                number=k,
                position=(v.line, v.column, v.end_line, v.end_column),
            )
        )
    counts = Counter(v.severity for v in violations)
    badges = "".join(
        f'<span class="badge sev-{s.name}">{_plural(counts[s], s.name)}</span>' for s in _SEVERITIES if counts[s]
    )
    if text is None:
        source = '<span class="n"></span><span class="t note">The text of this file cannot be shown. '
        source += "".join(_marker(h) for h in highlights) + "</span>"
        text = ""
        html = False
    else:
        source = render_source(text, highlights, all_lines, find_markup(text) if html else None)
    problems = "".join(_problem_html(v, h, text) for v, h in zip(violations, highlights, strict=True))
    view = ' <button type="button" class="view">Show the HTML markup</button>' if html else ""
    return (
        f'<section class="posting{" html view-text" if html else ""}" id="f{number}" data-path="{escape(path)}">'
        f'<h2><a href="#f{number}">{visible(path)}</a> {badges}{view}</h2>'
        f'<div class="body"><div class="src">{source}</div><ol class="problems">{problems}</ol></div></section>'
    )


def _toolbar_html(rules: Sequence[str], postings: Sequence[tuple[int, str]]) -> str:
    """Sticky navigation and the filters: severity, rule, posting and a search over the problems."""
    severities = "".join(
        f'<label class="badge sev-{s.name}"><input type="checkbox" data-sev="{s.name}" checked> '
        f"{'info' if s is Severity.info else s.name + 's'}</label>"
        for s in _SEVERITIES
    )
    rule_options = "".join(f'<option value="{escape(rule)}">{escape(rule)}</option>' for rule in rules)
    posting_options = "".join(f'<option value="f{n}">{visible(path)}</option>' for n, path in postings)
    return (
        '<nav id="toolbar" aria-label="Sections and filters">'
        '<span class="jump"><a href="#summary">Summary</a> <a href="#by-rule">By rule</a> '
        '<a href="#postings">Postings</a></span>'
        f'<span class="filters">{severities}'
        f'<select id="f-rule" aria-label="Rule"><option value="">every rule</option>{rule_options}</select>'
        f'<select id="f-posting" aria-label="Posting"><option value="">every posting</option>{posting_options}'
        "</select>"
        '<input type="search" id="f-search" placeholder="Search problems" aria-label="Search problems">'
        '<span id="f-count" aria-live="polite"></span></span></nav>'
    )


def _summary_html(
    files: int,
    clean: Sequence[str],
    postings: Sequence[tuple[int, str, Counter[Severity]]],
    violations: Sequence[Violation],
    rule_summaries: dict[str, str],
    excerpts: bool = False,
) -> str:
    by_severity = Counter(v.severity for v in violations)
    fixable = sum(1 for v in violations if v.fix is not None and v.fix.applicability == "safe")
    cards = [f'<div class="card"><b>{files}</b>{"file" if files == 1 else "files"} checked</div>']
    for s in _SEVERITIES:
        label = _plural(by_severity[s], s.name).split(" ", 1)[1]
        cards.append(f'<div class="card sev-{s.name}"><b>{by_severity[s]}</b>{label}</div>')
    cards.append(f'<div class="card"><b>{fixable}</b>fixable by <code>postlint fix</code></div>')
    cards.append(f'<div class="card"><b>{len(clean)}</b>clean</div>')
    rows = []
    per_rule: Counter[tuple[str, Severity]] = Counter((v.rule, v.severity) for v in violations)
    references = {v.rule: v.references for v in violations}  # a rule's references, listed once here
    anchored: set[str] = set()
    for (rule, severity), count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0][0])):
        what = " ".join(rule_summaries.get(rule, "").split())
        anchor = "" if rule in anchored else f' id="r-{escape(rule)}"'
        anchored.add(rule)
        links = " ".join(_link(url, str(n)) for n, url in enumerate(references[rule], 1))
        rows.append(
            f'<tr{anchor}><td><code>{escape(rule)}</code></td><td><span class="badge sev-{severity.name}">'
            f'{severity.name}</span></td><td class="num">{count}</td>'
            f'<td class="what">{escape(what)}</td><td class="refs">{links}</td></tr>'
        )
    by_rule = (
        '<table><thead><tr><th>rule</th><th>severity</th><th class="num">count</th><th>what it checks</th>'
        f"<th>sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    rows = []
    for number, path, counts in postings:
        cells = "".join(f'<td class="num">{counts[s] or ""}</td>' for s in _SEVERITIES)
        rows.append(
            f'<tr><td><a href="#f{number}">{_breakable(path)}</a></td>{cells}'
            f'<td class="num">{sum(counts.values())}</td></tr>'
        )
    by_posting = (
        '<table><thead><tr><th>posting</th><th class="num">errors</th><th class="num">warnings</th>'
        f'<th class="num">info</th><th class="num">total</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )
    clean_list = ""
    if clean:
        items = "".join(f"<li>{visible(path)}</li>" for path in clean)
        label = _plural(len(clean), "clean posting")
        clean_list = f'<details class="clean"><summary>{label}</summary><ul>{items}</ul></details>'
    tables = ""
    if violations:
        opened = " open" if len(postings) <= OPEN_POSTING_TABLE else ""
        tables = (
            f'<h2 id="by-rule">By rule</h2>{by_rule}<details class="postings"{opened}>'
            f"<summary><h2>By posting ({len(postings)})</h2></summary>{by_posting}</details>"
        )
    note = ""
    if excerpts:
        note = (
            '<p class="note">So many postings are reported that each shows only the lines around its problems; '
            "lint fewer files for whole postings.</p>"
        )
    return f'<section id="summary"><div class="cards">{"".join(cards)}</div>{note}{tables}{clean_list}</section>'


STYLE = """
:root { --error: #c62828; --warning: #b26a00; --info: #1f5fbf; --line: #d8dee4; --muted: #667085; }
* { box-sizing: border-box; }
body {
  margin: 0; background: #f4f6f8; color: #1d2433;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
code, .src, .pos { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
a { color: #1f5fbf; }
.wrap { max-width: 1280px; margin: 0 auto; padding: 20px 24px 48px; }
header { display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
h1 { font-size: 22px; margin: 0; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 16px; margin: 18px 0 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; }
.card {
  background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px;
  min-width: 110px; color: var(--muted);
}
.card b { display: block; font-size: 24px; line-height: 1.2; color: #1d2433; }
.card.sev-error b { color: var(--error); }
.card.sev-warning b { color: var(--warning); }
.card.sev-info b { color: var(--info); }
details.postings > summary { cursor: pointer; }
details.postings > summary h2 { display: inline-block; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); font-size: 14px; }
th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid #edf0f3; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
td.what { color: #475467; width: 55%; font-size: 13px; }
td a { overflow-wrap: anywhere; }
details.clean, p.note { margin: 14px 0; color: var(--muted); }
details.clean ul { columns: 2; margin: 6px 0; }
.badge {
  display: inline-block; padding: 0 7px; border-radius: 9px; margin-left: 4px; vertical-align: 1px;
  color: #fff; font: 600 11px/18px system-ui, sans-serif;
}
.badge.sev-error { background: var(--error); }
.badge.sev-warning { background: var(--warning); }
.badge.sev-info { background: var(--info); }
.posting { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 24px 0; }
.posting > h2 {
  margin: 0; padding: 10px 16px; font-size: 15px; overflow-wrap: anywhere;
  background: #f8fafb; border-bottom: 1px solid var(--line); border-radius: 8px 8px 0 0;
}
.posting > h2 a { color: inherit; text-decoration: none; }
.body { display: grid; grid-template-columns: minmax(0, 1fr) 400px; }
.src {
  display: grid; grid-template-columns: max-content minmax(0, 1fr); align-content: start;
  padding: 8px 0; font-size: 13px; line-height: 1.65; tab-size: 4;
}
.src .n {
  color: #98a2b3; text-align: right; padding: 0 10px 0 14px; border-right: 1px solid #edf0f3; user-select: none;
}
.src .t { white-space: break-spaces; overflow-wrap: anywhere; padding: 0 16px 0 12px; min-width: 0; }
.src .gap { color: var(--muted); font-style: italic; background: #f8fafb; }
.src .note { color: var(--muted); font-style: italic; }
mark.hl { background: transparent; color: inherit; border-bottom: 2px solid; padding: 1px 0; cursor: pointer; }
mark.hl.sev-error { background: rgba(198, 40, 40, 0.14); border-color: var(--error); }
mark.hl.sev-warning { background: rgba(230, 140, 0, 0.18); border-color: var(--warning); }
mark.hl.sev-info { background: rgba(31, 95, 191, 0.12); border-color: var(--info); }
mark.hl mark.hl { padding-bottom: 4px; }
mark.zw { background: none; border: 0; padding: 0; margin: 0 1px; }
mark.zw::before {
  content: attr(data-n); display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px;
  color: #fff; font: 700 11px/17px system-ui, sans-serif; text-align: center; vertical-align: 1px;
}
mark.zw.sev-error::before { background: var(--error); }
mark.zw.sev-warning::before { background: var(--warning); }
mark.zw.sev-info::before { background: var(--info); }
mark.hl.active, mark.hl:target { outline: 2px solid #1d2433; outline-offset: 1px; }
.cc::before {
  content: attr(data-cp); margin: 0 1px; padding: 0 2px; border: 1px dashed #98a2b3; border-radius: 3px;
  color: #475467; font: 10px/1 system-ui, sans-serif; vertical-align: 1px;
}
.problems {
  margin: 0; padding: 8px 10px 8px 36px; border-left: 1px solid var(--line); font-size: 14px;
  align-self: start; position: sticky; top: var(--nav, 0px); max-height: calc(100vh - var(--nav, 0px)); overflow: auto;
}
.problems li {
  margin: 0 0 8px; padding: 6px 8px; border-left: 3px solid; border-radius: 0 6px 6px 0; overflow-wrap: anywhere;
}
.problems li.sev-error { border-color: var(--error); }
.problems li.sev-warning { border-color: var(--warning); }
.problems li.sev-info { border-color: var(--info); }
.problems li.active, .problems li:target { background: #fff6d6; }
.problems li::marker { color: var(--muted); font-size: 12px; }
.pos { font-size: 12px; }
.rule { font-size: 12px; color: var(--muted); margin-left: 4px; }
.msg { margin-top: 2px; }
.sugg, .fix { margin-top: 4px; font-size: 13px; white-space: pre-wrap; }
td.refs { white-space: nowrap; font-size: 12px; }
tr:target { background: #fff6d6; }
a.rule { text-decoration: none; }
.label, .app {
  font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted);
}
.app-safe { color: #1a7f37; }
.app-unsafe { color: var(--warning); }
.change { margin-top: 2px; }
del { background: #ffebe9; text-decoration-color: #cf222e; }
ins { background: #dafbe1; text-decoration: none; }
[id] { scroll-margin-top: calc(var(--nav, 0px) + 8px); }
#toolbar {
  position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px;
  margin: 12px -24px 0; padding: 8px 24px; background: #f4f6f8;
  border-bottom: 1px solid var(--line); font-size: 14px;
}
#toolbar .jump a { margin-right: 10px; }
#toolbar .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; min-width: 0; }
#toolbar label.badge { cursor: pointer; margin: 0; font-size: 12px; line-height: 22px; }
#toolbar label.badge input { margin: 0 3px 0 0; vertical-align: -2px; }
#toolbar select, #toolbar input[type="search"] {
  font: inherit; font-size: 13px; max-width: 240px; padding: 2px 6px; border: 1px solid var(--line);
  border-radius: 6px; background: #fff;
}
#toolbar input[type="search"] { width: 200px; }
#f-count { color: var(--muted); font-size: 13px; }
.filtered { display: none !important; }
mark.hl.dim { background: none; border-bottom-color: transparent; cursor: default; }
mark.zw.dim { display: none; }
button.view {
  float: right; font: 12px/1.4 system-ui, sans-serif; padding: 1px 8px; border: 1px solid var(--line);
  border-radius: 6px; background: #fff; color: #1d2433; cursor: pointer;
}
.view-text .mk { display: none; }
.view-text mark.hl .mk { display: inline; color: var(--muted); }
.view-text .ent > .raw { display: none; }
.view-text .ent::after { content: attr(data-ch); }
.view-text .src .mo { display: none; }
@media (max-width: 1000px) {
  .body { grid-template-columns: minmax(0, 1fr); }
  .problems { position: static; max-height: none; border-left: 0; border-top: 1px solid var(--line); }
}
@media print {
  body { background: #fff; font-size: 11pt; }
  .wrap { max-width: none; padding: 0; }
  #toolbar, button.view { display: none; }
  .posting { border: 0; border-top: 2px solid #1d2433; border-radius: 0; margin: 18px 0 0; break-before: auto; }
  .posting > h2 { background: none; break-after: avoid; }
  .body { display: block; }
  .problems { position: static; max-height: none; overflow: visible; border: 0; padding-left: 24px; }
  .problems li, tr { break-inside: avoid; }
  .src .n { border-right-color: #ccc; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  mark.hl.active, mark.hl:target { outline: 0; }
  .problems li.active, .problems li:target, tr:target { background: none; }
}
""".strip()

SCRIPT = """
(function () {
  function activate(key) {
    document.querySelectorAll(".active").forEach(function (e) { e.classList.remove("active"); });
    if (!key) return null;
    var found = document.querySelectorAll('[data-v="' + key + '"]');
    found.forEach(function (e) { e.classList.add("active"); });
    return found;
  }
  function fromHash() {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    activate(target && target.getAttribute("data-v"));
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest && event.target.closest("mark.hl");
    if (!mark) return;
    activate(mark.getAttribute("data-v"));
    var item = document.getElementById("p" + mark.getAttribute("data-v"));
    if (item) item.scrollIntoView({block: "nearest"});
  });
  window.addEventListener("hashchange", fromHash);

  // Sticky navigation: the lists of problems and the targets of links stay below it.
  var toolbar = document.getElementById("toolbar");
  function measure() {
    var height = toolbar ? toolbar.offsetHeight : 0;
    document.documentElement.style.setProperty("--nav", height + "px");
  }
  window.addEventListener("resize", measure);
  if (toolbar && window.ResizeObserver) new ResizeObserver(measure).observe(toolbar);

  // Filters: by severity, rule and posting, and words searched in a problem's text and path.
  var marks = {};
  document.querySelectorAll("mark.hl").forEach(function (m) {
    (marks[m.getAttribute("data-v")] = marks[m.getAttribute("data-v")] || []).push(m);
  });
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.posting"));
  function value(id) { var e = document.getElementById(id); return e ? e.value : ""; }
  function filter() {
    var severities = {};
    document.querySelectorAll("#toolbar input[data-sev]").forEach(function (box) {
      severities[box.getAttribute("data-sev")] = box.checked;
    });
    var rule = value("f-rule"), posting = value("f-posting");
    var words = value("f-search").toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0, total = 0;
    sections.forEach(function (section) {
      var any = false, path = (section.getAttribute("data-path") || "").toLowerCase();
      section.querySelectorAll(".problems > li").forEach(function (item) {
        var text = path + " " + item.textContent.toLowerCase();
        var ok = severities[item.getAttribute("data-sev")] !== false
          && (!rule || item.getAttribute("data-rule") === rule)
          && (!posting || section.id === posting)
          && words.every(function (word) { return text.indexOf(word) >= 0; });
        item.classList.toggle("filtered", !ok);
        (marks[item.getAttribute("data-v")] || []).forEach(function (m) { m.classList.toggle("dim", !ok); });
        total += 1;
        if (ok) { any = true; shown += 1; }
      });
      section.classList.toggle("filtered", !any);
    });
    var count = document.getElementById("f-count");
    if (count) count.textContent = shown === total ? total + (total === 1 ? " problem" : " problems")
      : shown + " of " + total + " problems shown";
    var empty = document.getElementById("f-empty");
    if (empty) empty.hidden = shown > 0;
  }
  if (toolbar) {
    toolbar.addEventListener("input", filter);
    toolbar.addEventListener("change", filter);
    filter();
  }
  measure();

  // An HTML posting shows its text; a button shows its markup.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.view");
    if (!button) return;
    var section = button.closest("section.posting");
    var text = section.classList.toggle("view-text");
    button.textContent = text ? "Show the HTML markup" : "Show as text";
  });

  // Printing: folded tables open, and close again afterwards.
  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { folded.forEach(function (d) { d.open = false; }); });
  fromHash();
})();
""".strip()


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = f"default-src 'none'; style-src {_hash(STYLE)}; script-src {_hash(SCRIPT)}; base-uri 'none'; form-action 'none'"


def render_page(version: str, files: int, summary: str, sections: Iterable[str], violations: int) -> str:
    counts = f"{_plural(violations, 'problem')} in {_plural(files, 'file')}"
    title = f"postlint report: {counts}"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<div class="wrap">\n'
        f"<header><h1>postlint report</h1><p>{escape(counts)} · postlint {escape(version)}</p></header>\n"
        f"{summary}\n" + "\n".join(sections) + f"\n</div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


_EMPTY = '<p id="f-empty" class="note" hidden>No problem matches these filters.</p>'


def _is_html(path: str, text: str) -> bool:
    """HTML by its name, or (standard input, unknown names) by its content, as the reader decided."""
    from pathlib import PurePath

    from postlint.reader import EXTENSIONS

    known = EXTENSIONS.get(PurePath(path).suffix.lower())
    if known is not None:
        return known == "html"
    from postlint.sniff import sniff_format

    return path == "-" and sniff_format(text.encode("utf-8")) == "html"


class HtmlReporter:
    """The page is written at the end, when the size of all the flawed postings decides how much of each to show."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.flawed: list[tuple[str, str | None, list[Violation]]] = []
        self.clean: list[str] = []
        self.violations: list[Violation] = []
        self.html: list[bool] = []  # whether each flawed posting is HTML

    def file(self, result: FileResult) -> None:
        if not result.violations:
            self.clean.append(safe_path(result.path))
            return
        text = result.decoded.text if result.decoded else None
        self.flawed.append((safe_path(result.path), text, result.violations))
        self.html.append(text is not None and _is_html(result.path, text))
        self.violations.extend(result.violations)

    def finish(self, files: int) -> None:
        excerpts = sum(len(text or "") for _, text, _ in self.flawed) > FULL_TEXT_BUDGET
        sections = [
            render_posting(number, path, text, violations, False if excerpts else None, html)
            for number, ((path, text, violations), html) in enumerate(zip(self.flawed, self.html, strict=True), 1)
        ]
        postings = [
            (number, path, Counter(v.severity for v in violations))
            for number, (path, _, violations) in enumerate(self.flawed, 1)
        ]
        descriptions = {rule.id: rule.description for rule in self.options.rules}
        summary = _summary_html(files, self.clean, postings, self.violations, descriptions, excerpts)
        if self.violations:
            rules = sorted({v.rule for v in self.violations})
            summary = _toolbar_html(rules, [(n, path) for n, path, _ in postings]) + summary
            sections = ['<div id="postings"></div>', *sections, _EMPTY]
        self.options.stream.write(render_page(self.options.version, files, summary, sections, len(self.violations)))
        if self.options.statistics and self.violations:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics(self.violations) + "\n")
