"""The text facts are read from: a block's prose with the masked parts that still state facts put back.

Wording rules read `Block.prose`, where inline code and HTML entities are masked. Facts cannot:
job boards put the pay and the place in inline-code badges (`` `💰 USD 110k~190k` `🌎 Denver, CO` ``)
and Hacker News writes "UK/EU" as `UK&#x2F;EU`. This view restores both, padded to the source's
length, so an offset in it is still an offset in the source.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Any

from postlint.document import HEADING, PARAGRAPH, Block, Document
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex

__all__ = ["fact_blocks", "fact_text", "header_fields", "header_role", "holds_prose", "names_a_role"]

# Inline code that is code, not a badge: assignments, calls, paths, markup, shell prompts.
_CODE_LIKE = regex(r"[{}=;<>\\]|\w\(|^\s*[$#>]\s|::|->|\w\.\w+\(")
_LETTER = regex(r"[^\W\d_]")
# Entities that shape facts: "UK&#x2F;EU", "$90,000&ndash;$120,000", "we can&#x27;t help with visas".
_ENTITY = regex(r"&(#x?[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_NAMED = {
    "amp": "&",
    "quot": '"',
    "apos": "'",
    "lt": "<",
    "gt": ">",
    "nbsp": " ",
    "ndash": "–",
    "mdash": "—",
    "euro": "€",
    "pound": "£",
    "yen": "¥",
    "rsquo": "’",
    "lsquo": "‘",
    "hellip": "…",
    "middot": "·",
    "bull": "•",
}
_MEMO_KEY = "facts.view"
_HEADER_KEY = "facts.header"
_HEADER_KINDS = frozenset({PARAGRAPH, HEADING})
_DASHES = (" - ", " – ", " — ", " · ", " • ")
_MAX_DASH_LINE = 160
_MAX_DASH_FIELD = 60
_URLISH = regex(r"https?:|www\.|<a\s", re.IGNORECASE)


def holds_prose(code: str) -> bool:
    """True for inline code that reads as words (a badge, a label), not as a program."""
    return bool(_LETTER.search(code)) and not _CODE_LIKE.search(code)


def fact_blocks(doc: Document, memo: dict[Any, Any] | None = None) -> list[Block]:
    """The document's blocks, with prose-like inline code and fact-bearing entities restored, and without
    an HTML page's chrome (`Block.chrome`).

    `memo` is the lint's store of derived views (`PostingFacts.memo`); without one the view is built afresh.
    """
    if memo is None:
        return _build(doc)
    cached: list[Block] | None = memo.get(_MEMO_KEY)
    if cached is None:
        cached = memo[_MEMO_KEY] = _build(doc)
    return cached


def _build(doc: Document) -> list[Block]:
    spans = [(a, b) for a, b in doc.code_spans if holds_prose(doc.text[a:b])]
    html = doc.format == "html"
    blocks = [b for b in doc.blocks if not b.chrome] if html else doc.blocks  # a page's chrome is not the job's
    html = html and "&" in doc.text
    if not spans and not html:
        return blocks
    starts = [a for a, _ in spans]
    out: list[Block] = []
    for block in blocks:
        chars: list[str] | None = None
        i = bisect.bisect_left(starts, block.start)
        while i < len(spans) and spans[i][0] < block.end:
            a, b = spans[i]
            chars = chars if chars is not None else list(block.prose)
            chars[a - block.start : min(b, block.end) - block.start] = doc.text[a : min(b, block.end)]
            i += 1
        if html:
            source = doc.text[block.start : block.end]
            for m in _ENTITY.finditer(source):
                a, b = m.span()
                if block.prose[a:b].strip():
                    continue  # already prose
                char = _decode(m.group(1))
                if char is not None:
                    chars = chars if chars is not None else list(block.prose)
                    chars[a:b] = char + " " * (b - a - 1)
        out.append(block if chars is None else replace(block, prose="".join(chars)))
    return out


def _decode(name: str) -> str | None:
    if name.startswith("#"):
        try:
            code = int(name[2:], 16) if name[1:2] in ("x", "X") else int(name[1:])
        except ValueError:
            return None
        char = chr(code) if 0 < code < 0x110000 else None
        return char if char and char.isprintable() and char != "\n" else None
    return _NAMED.get(name.lower())


def fact_text(doc: Document, start: int, end: int, memo: dict[Any, Any] | None = None) -> str:
    """The fact view of source[start:end] (inside one block), masked where the view masks."""
    blocks = fact_blocks(doc, memo)
    i = bisect.bisect_right([b.start for b in blocks], start) - 1
    if i >= 0 and end <= blocks[i].end:
        block = blocks[i]
        return block.prose[start - block.start : end - block.start]
    return doc.text[start:end]


def header_fields(doc: Document, memo: dict[Any, Any] | None = None) -> list[tuple[int, int]]:
    """Source spans of the fields of a pipe-separated header line opening the posting, or [] (cached).

    Hacker News "Who is hiring" comments and many boards open with
    `Company | Role | Place | Full-time | $170-225K`: two or more pipes on the first line of the body.
    """
    if memo is None:
        return _header(doc, memo)
    cached: list[tuple[int, int]] | None = memo.get(_HEADER_KEY)
    if cached is None:
        cached = memo[_HEADER_KEY] = _header(doc, memo)
    return cached


def _header(doc: Document, memo: dict[Any, Any] | None) -> list[tuple[int, int]]:
    first = next((b for b in fact_blocks(doc, memo) if b.prose.strip()), None)
    if first is None or first.kind not in _HEADER_KINDS:
        return []
    prose = first.prose
    lead = len(prose) - len(prose.lstrip())
    line_end = prose.find("\n", lead)
    line = prose[: line_end if line_end >= 0 else len(prose)]
    separator = "|"
    if line.count("|") < 2:
        # "flinc - Darmstadt, Germany - https://flinc.org": dashes separate a short opening line of short fields.
        separator = next((d for d in _DASHES if line.count(d) >= 2), "")
        if not separator or first.kind != PARAGRAPH or len(line.strip()) > _MAX_DASH_LINE:
            return []
    fields: list[tuple[int, int]] = []
    pos = 0
    for part in line.split(separator):
        stripped = part.strip()
        if stripped:
            at = pos + part.index(stripped)
            fields.append((first.start + at, first.start + at + len(stripped)))
        pos += len(part) + len(separator)
    if separator != "|" and any(
        b - a > _MAX_DASH_FIELD and not _URLISH.search(doc.text[a:b]) for a, b in fields
    ):  # a sentence with two dashes in it, not a header (a long field may only be a link)
        return []
    return fields


# Nouns that name a job: the header field holding one is the role ("Principal Software Engineer").
_ROLE = lazy_regex(
    r"\b(?:engineers?|developers?|designers?|managers?|scientists?|analysts?|leads?|director|architects?|CTO|CEO|CFO|"
    r"COO|VP|head\s+of|interns?|internships?|specialists?|consultants?|administrators?|officers?|coordinators?|"
    r"writers?|editors?|researchers?|recruiters?|accountants?|technicians?|nurses?|teachers?|instructors?|"
    r"advocates?|representatives?|associates?|assistants?|operators?|programmers?|SRE|DevOps|founding|"
    r"positions|roles|hackers?|marketers?|strategists?|partners?|executives?|directors|supervisors?|clerks?|"
    r"deputy|registrars?|attorneys?|lawyers?|paralegals?|organi[sz]ers?|trainers?|auditors?|inspectors?|planners?|"
    r"secretary|receptionists?|therapists?|pharmacists?|physicians?|tutors?|fellows?|apprentices?|chefs?|cooks?|"
    r"drivers?|mechanics?|electricians?|cashiers?|caregivers?|counselors?|counsellors?|librarians?|"
    r"social\s+workers?|aides?|advis[eo]rs?|investigators?|counsel|president|"
    r"experts?|examiners?|assessors?|adjusters?|appraisers?|estimators?|surveyors?|translators?|interpreters?|"
    r"bookkeepers?|controllers?|treasurers?|comptrollers?|buyers?|dispatchers?|custodians?|janitors?|guards?|"
    r"judges?|professors?|lecturers?|postdocs?|scholars?|trainees?|ambassadors?|evangelists?|"
    r"photographers?|illustrators?|animators?|artists?|copywriters?|journalists?|reporters?|producers?|"
    r"curators?|archivists?|statisticians?|economists?|epidemiologists?|biologists?|chemists?|physicists?|"
    r"geologists?|testers?|modell?ers?|product\s+owners?|scrum\s+masters?|bartenders?|baristas?|cleaners?|"
    r"housekeepers?|dentists?|hygienists?|paramedics?|surgeons?|veterinarians?|psychologists?|dietitians?|"
    r"carpenters?|plumbers?|welders?|machinists?|labou?rers?|installers?|couriers?|"
    # A kind of support or scouting work names a job; "support" or "scout" alone does not (a help page, a troop).
    r"(?:customer|technical|tech|IT|desktop|user|product|software)\s+support|(?:talent|technology|location)\s+scouts?|"
    # French, Spanish, Portuguese, Italian, Dutch and Polish job nouns, and German ones (often compounds:
    # "Softwareentwickler", "Teamleiterin").
    r"analystes?|d[ée]veloppeu(?:r|se)s?|ing[ée]nieure?s?|gestionnaires?|conseill[eè]re?s?|concept(?:eur|rice)s?|"
    r"directeur|directrice|sp[ée]cialistes?|adjointe?s?|stagiaires?|r[ée]dact(?:eur|rice)s?|chercheu(?:r|se)s?|"
    r"architectes?|analistas?|desarrollador(?:a|es)?|ingenier[oa]s?|engenheir[oa]s?|desenvolvedor(?:a|es)?|"
    r"consultor(?:a|es)?|gerentes?|programador(?:a|es)?|especialistas?|t[ée]cnic[oa]s?|sviluppatori?|"
    r"ingegneri?|ontwikkelaars?|medewerkers?|adviseurs?|beheerders?|specjalist(?:a|ka)|programist(?:a|ka)|"
    r"analityk|in[żz]ynier)\b"
    # Only ever searched for (never its span), so the compound's first part need not be matched: `\w*` before
    # the noun would retry every start of a long word, quadratic in its length.
    r"|(?:entwickler|ingenieur|berater|leiter|referent|sachbearbeiter|werkstudent|praktikant|analyst)(?:in)?\b"
    # Chinese role words sit between other characters with no word boundary: "前端工程师", "全栈".
    r"|工程师|架构师|设计师|经理|专家|总监|全栈|前端|后端|运维|测试|研发|开发|实习|分析师|科学家|研究员|程序员|专员|"
    r"顾问|助理|主管|负责人|讲师|会计|律师|客服",
    re.IGNORECASE,
)


def names_a_role(text: str) -> bool:
    """Whether the text names a kind of job ("Analytics Engineer", "前端工程师"), as a title does."""
    return _ROLE.search(text) is not None


def header_role(doc: Document, memo: dict[Any, Any] | None = None) -> tuple[int, int] | None:
    """The span of the header field that names the job ("Snout | Principal Software Engineer | Remote US"),
    after the company's; None when no field does."""
    fields = header_fields(doc, memo)
    # The company comes first, but a header may open with the role ("Various Engineer positions | site | SF").
    for start, end in [*fields[1:], *fields[:1]] if len(fields) > 1 else ():
        value = doc.text[start:end]
        if len(value) <= 100 and _ROLE.search(value) and not _URLISH.search(value) and "$" not in value:
            return start, end
    return None
