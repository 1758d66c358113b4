"""The link checks: the form of every link (offline), a way to apply, and what `--check-links` found."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from postlint.document import CODE, HEADING, Block, Document, Link
from postlint.insertion import insertion
from postlint.kinds.check_base import Check, Context
from postlint.lazy_regex import lazy_regex
from postlint.links import urls
from postlint.regex_store import regex
from postlint.violation import Edit, Finding, Fix

if TYPE_CHECKING:
    from postlint.links.status import LinkStatus

# A full stop after a lone capital is an initial ("Carye L. Blaney, clerk@..."), not the end of a sentence.
_SENTENCE_END = regex(r"(?<!\b[A-Z])\.(?=\s)|[!?](?=\s)|[。！？；～~]")
_CONTEXT = 160  # characters either side of a link that can still be "its sentence"
_LABEL_MAX = 80  # a short paragraph ending in ':' just before a link labels it ("How to apply:")
_LABEL_TAIL = 160  # ... and so does a longer one's last sentence, up to this long


def _short(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _values(link: Link, **extra: str) -> dict[str, str]:
    return {"match": link.url, "url": _short(link.url), "host": urls.host_of(link.url), **extra}


def _unique(doc: Document) -> Iterator[tuple[Link, int, int, bool]]:
    """Each link once, with where its URL is written (start, end, exact)."""
    seen: set[tuple[int, int]] = set()
    for link in doc.links:
        start, end, exact = urls.url_span(doc, link)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        yield link, start, end, exact


@dataclass(frozen=True, slots=True)
class LinkCheck(Check):
    """One offline test of every link: `malformed`, `insecure`, `shortener` or `tracking-params`."""

    test: str

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if not doc.links and self.test != "malformed":
            return
        hosts = urls.link_hosts() if self.test in ("shortener", "tracking-params") else None
        for link, start, end, exact in _unique(doc):
            raw = doc.text[start:end] if exact else link.url
            if self.test == "malformed":
                bare = urls.is_bare(doc, link)
                problem = urls.url_problem(link.url, raw, bare=bare)
                if problem is None and bare and doc.format == "markdown" and doc.text.startswith("](", link.start - 2):
                    if doc.text.startswith(")", link.start - 3):
                        # "[[acme.com](https://acme.com)](https://acme.com)": a link pasted into a link's text
                        problem = "a Markdown link inside a link's text: only the inner link is rendered"
                    else:
                        problem = (
                            "Markdown link syntax that is not rendered as a link (a space or line break in its target?)"
                        )
                if problem is not None:
                    yield Finding(start, end, _values(link, problem=problem))
            elif self.test == "insecure":
                if urls.is_insecure(link.url):
                    fix = None
                    if exact and raw[:5].lower() == "http:":
                        fix = Fix(
                            "unsafe", "Use https:// (check that the site serves it)", (Edit(start, start + 4, "https"),)
                        )
                    yield Finding(start, end, _values(link), fix=fix)
            elif self.test == "shortener":
                assert hosts is not None
                if urls.is_shortener(link.url, hosts):
                    yield Finding(start, end, _values(link))
            elif self.test == "tracking-params":
                assert hosts is not None
                names = urls.tracking_params(raw, hosts) if exact else urls.tracking_params(link.url, hosts)
                if names:
                    fix = None
                    if exact:
                        what = f"Remove {', '.join(names)}"
                        fix = Fix("unsafe", what, (Edit(start, end, urls.without_params(raw, set(names))),))
                    yield Finding(start, end, _values(link, params=", ".join(names)), fix=fix)
        if self.test == "malformed":
            yield from _prose_typos(doc)


# Misspelled schemes in running text that the parsers do not take for links ("http//", "http:/", "http:\\").
_PROSE_TYPO = regex(r"\bhttps?(?://?(?!/)|//|:\\\\?)(?=[\w-]+\.[\w-])", re.IGNORECASE)


def _prose_typos(doc: Document) -> Iterator[Finding]:
    for block in doc.prose_blocks():
        prose = block.prose
        if "ttp" not in prose:
            continue
        for m in _PROSE_TYPO.finditer(prose):
            end = m.end()
            while end < len(prose) and not prose[end].isspace() and prose[end] not in "<>\"'`":
                end += 1
            while end > m.end() and prose[end - 1] in ".,;:!?)]}":
                end -= 1
            written = prose[m.start() : end]
            problem = f"misspelled scheme '{m.group(0)}'"
            a, b = block.start + m.start(), block.start + end
            yield Finding(a, b, {"match": written, "url": _short(written), "host": "", "problem": problem})


@dataclass(frozen=True, slots=True)
class ApplyCheck(Check):
    """A posting must offer a usable way to apply: an apply link, an applicant-tracking link or an e-mail."""

    reports_absence: ClassVar[bool] = True

    words: re.Pattern[str]  # apply wording, in a link's text, its sentence or its section's heading
    link_words: re.Pattern[str]  # broader wording, enough in a link's text or a heading ("Careers")
    mail_words: re.Pattern[str]  # more wording around an e-mail address ("send your CV")
    send_words: re.Pattern[str]  # a sentence asking for an application there ("submit your resume to")
    unless_words: re.Pattern[str]  # a sentence about accommodations or questions names a contact, not a way to apply
    url_words: re.Pattern[str]  # wording in a URL's host and path (careers.example.com, /jobs/123)
    mailboxes: re.Pattern[str]  # local parts of application mailboxes (jobs@, careers@)
    fields: tuple[str, ...]  # front-matter fields holding the apply URL (canonical names)
    hosts: tuple[urls.HostPattern, ...]  # extra applicant-tracking hosts given by the rule
    suggestion: str | None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        unusable: list[Finding] = []
        for name in self.fields:
            key = ctx.field_name(name)
            for value in _field_values(doc, key):
                problem = urls.address_problem(value)
                if problem is None:
                    return
                start, end = _front_matter_value(doc, key, value)
                unusable.append(Finding(start, end, {"match": value, "url": _short(value), "problem": problem}))
        hosts = urls.link_hosts()
        blocks = doc.blocks
        starts = [b.start for b in blocks]
        title = next((b.start for b in blocks if b.kind != CODE), -1)
        for link, start, end, exact in _unique(doc):
            if not self._is_apply(doc, link, blocks, starts, title, hosts):
                continue
            raw = doc.text[start:end] if exact else link.url
            problem = urls.url_problem(link.url, raw, bare=urls.is_bare(doc, link))
            if problem is None:
                return
            unusable.append(Finding(start, end, {"match": link.url, "url": _short(link.url), "problem": problem}))
        if not unusable and any(self._is_apply(doc, link, blocks, starts, title, hosts) for link in _code_spans(doc)):
            return  # "简历请发邮箱 `hr@acme.cn`": an address written as inline code, which is no link
        if not unusable and any(self._is_apply(doc, link, blocks, starts, title, hosts) for link in _spelled_out(doc)):
            return  # "email your video to jobs @ example.com": an address written so that robots miss it
        if not unusable and any(self._is_apply(doc, link, blocks, starts, title, hosts) for link in _named_sites(doc)):
            return  # "apply online at acme.com/jobs": a site named without "https://" or "www."
        if not unusable and any(self._is_apply_line(url, line, hosts) for url, line in _in_code(doc)):
            return  # "发送简历至：hr@acme.cn" in a code block: the posting pasted as code
        if not unusable and any(not self._contact_only(doc, link, blocks, starts) for link in _wechat_ids(doc)):
            return  # "微信：lihejia114": a WeChat ID to write to
        if unusable:
            first = unusable[0]
            problem = f"the apply link '{first.values['url']}' does not work ({first.values['problem']})"
            yield Finding(first.start, first.end, {**first.values, "problem": problem})
            return
        where = insertion(doc, self.suggestion or "")[0] if doc.text.strip() else 0
        problem = "no apply link or application e-mail address"
        yield Finding(where, where, {"match": "", "url": "", "problem": problem}, suggestion=self.suggestion)

    def _is_apply(
        self, doc: Document, link: Link, blocks: list[Block], starts: list[int], title: int, hosts: urls.LinkHosts
    ) -> bool:
        url = link.url.strip()
        if _BARE_EMAIL.fullmatch(url):
            url = "mailto:" + url  # "[此邮箱](hr@example.cn)": an address written as a link's target without mailto:
        mailto = url[:7].lower() == "mailto:"
        if not mailto and url.strip("#") and "#" in url and not urls.host_of(url):
            return False  # an anchor on this site ("#how-to-apply") leads to instructions, not to an application
        if mailto:
            if self.mailboxes.search(url[7:].split("@", 1)[0]) and not self._contact_only(doc, link, blocks, starts):
                return True
        else:
            host, path = urls.host_of(url), urls.path_of(url)
            if host and (urls.is_apply_host(url, hosts) or any(pattern.matches(host, path) for pattern in self.hosts)):
                return True
            if self.url_words.search(f"{host}{path}") or (host and self.url_words.search(urls.fragment_of(url))):
                return True  # careers.example.com, example.com/jobs/1, example.com/#jobs (a page's jobs section)
        text = link.text.strip()
        if text not in (url, url[7:] if mailto else url) and (self.words.search(text) or self.link_words.search(text)):
            return True
        for heading, around in _surroundings(doc, link, blocks, starts, title):
            if not heading and self.send_words.search(around):
                return True  # "Please submit your resume or address questions to info@...": a way to apply too
            if not heading and self.unless_words.search(around):
                return False  # its sentence makes it a contact for questions or a newsletter, whatever the heading
            if self.words.search(around) or (heading and self.link_words.search(around)):
                return True
            if mailto and self.mail_words.search(around):
                return True
        return False

    def _contact_only(self, doc: Document, link: Link, blocks: list[Block], starts: list[int]) -> bool:
        """Whether an application mailbox's own sentence makes it a contact for questions or accommodations only
        ("reach out to recruiting@... with any questions"): it says so and says nothing of applying."""
        for heading, around in _surroundings(doc, link, blocks, starts, -1):
            if heading:
                continue
            return bool(
                self.unless_words.search(around)
                and not self.words.search(around)
                and not self.send_words.search(around)
            )
        return False

    def _is_apply_line(self, url: str, line: str, hosts: urls.LinkHosts) -> bool:
        """Whether a link written in a code block is a way to apply, read from its own line (code has no
        sentences, sections or link text of its own)."""
        if self.unless_words.search(line) and not self.send_words.search(line):
            return False
        if url.startswith("mailto:"):
            if self.mailboxes.search(url[7:].split("@", 1)[0]) or self.mail_words.search(line):
                return True
        elif urls.is_apply_host(url, hosts) or self.url_words.search(f"{urls.host_of(url)}{urls.path_of(url)}"):
            return True
        return bool(self.words.search(line) or self.send_words.search(line))


# An e-mail address or a URL written in a code block: some postings paste all their text into one.
_CODE_ADDRESS = lazy_regex(
    r"(?<![\w.+-])([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})*\.[a-z]{2,24})\b|\bhttps?://[^\s<>()\"'`]+[^\s<>()\"'`.,;:!?]",
    re.IGNORECASE,
)


def _in_code(doc: Document) -> Iterator[tuple[str, str]]:
    """Addresses and URLs written in the posting's code blocks, each with the line it is on (and a short label
    line just before it, "联系方式："), as (url, line)."""
    for block in doc.blocks:
        if block.kind != CODE:
            continue
        text = doc.text[block.start : block.end]
        if "@" not in text and "://" not in text:
            continue
        lines = text.split("\n")
        for i, line in enumerate(lines):
            for m in _CODE_ADDRESS.finditer(line):
                label = lines[i - 1].strip() if i > 0 else ""
                around = f"{label} {line}" if label.endswith((":", "：")) and len(label) <= _LABEL_MAX else line
                yield (f"mailto:{m.group(1)}" if m.group(1) else m.group()), around


# A WeChat ID given to write to ("微信：lihejia114", "加我微信 A610819267", "WeChat: jobs1990", "vx：MrKevinX"):
# in Chinese postings the usual way to apply. After 微信 the ID may follow directly; after a Latin name
# (WeChat, VX, WX) only after a colon, so that "WeChat official account" is not an ID. An ID starts with a
# letter (6-20 letters, digits, _ and -), or is a mobile number, or is written in base64 against robots.
_WECHAT_ID = lazy_regex(
    r"(?:微信号?(?:/(?:电话|手机))?[ \t]*[:：,，]?|(?<![A-Za-z])(?:WeChat|Weixin|VX|WX)(?:[ \t]*(?:ID|号))?[ \t]*[:：])"
    r"[ \t]*[`*【\[]*[ \t]*([A-Za-z][-_A-Za-z0-9]{5,19}|1\d{10}|[A-Za-z0-9+/]{8,}={1,2})(?![-_A-Za-z0-9@.])",
    re.IGNORECASE,
)


def _wechat_ids(doc: Document) -> Iterator[Link]:
    """WeChat IDs in the posting's text, as `weixin:` links at their place in the text."""
    lowered = doc.text.lower()
    if (
        "微信" not in doc.text
        and "wechat" not in lowered
        and "weixin" not in lowered
        and "vx" not in lowered
        and "wx" not in lowered
    ):
        return
    for block in doc.blocks:
        # The raw text, not the prose: an ID is often written as inline code ("微信：`fox-mn`").
        text = doc.text[block.start : block.end]
        for m in _WECHAT_ID.finditer(text):
            yield Link(f"weixin:{m.group(1)}", m.group(1), block.start + m.start(1), block.start + m.end(1))


# An e-mail address spelled out against address harvesters: "jobs @ example.com", "jobs [at] example [dot] com".
# A plain "a@b.c" is already a link; a spelled-out one is not, and is read only by the apply check.
_SPELLED_AT = r"(?:\s+@\s*|\s*@\s+|\s*[\[(]\s*at\s*[\])]\s*)"
_SPELLED_DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\.)"
_SPELLED_EMAIL = lazy_regex(
    rf"(?<![\w.+-])([\w.+-]{{1,64}}){_SPELLED_AT}([\w-]{{1,63}}(?:{_SPELLED_DOT}[\w-]{{1,63}})*{_SPELLED_DOT}[a-z]{{2,24}})\b",
    re.IGNORECASE,
)


def _spelled_out(doc: Document) -> Iterator[Link]:
    """Spelled-out e-mail addresses in the posting's prose, as `mailto:` links at their place in the text."""
    if "@" not in doc.text and "[at]" not in doc.text.lower() and "(at)" not in doc.text.lower():
        return
    for block in doc.blocks:
        if block.kind == CODE:
            continue
        for m in _SPELLED_EMAIL.finditer(block.prose):
            domain = re.sub(r"\s*[\[(]\s*dot\s*[\])]\s*", ".", m.group(2), flags=re.IGNORECASE)
            address = f"{m.group(1)}@{domain}".replace(" ", "")
            start = block.start + m.start()
            yield Link(f"mailto:{address}", m.group(), start, block.start + m.end())


_BARE_EMAIL = lazy_regex(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24}", re.IGNORECASE)

# An e-mail address alone in inline code: "有兴趣请联系：`hr@example.cn`". Markdown renders no link there,
# but the reader sees the address; its sentence (with the code masked) says what it is for.
_CODE_SPAN_EMAIL = lazy_regex(
    r"`[ \t]{0,3}([\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[a-z]{2,24})[ \t]{0,3}`", re.IGNORECASE
)


def _code_spans(doc: Document) -> Iterator[Link]:
    """E-mail addresses written as inline code in the posting's prose blocks, as `mailto:` links there."""
    if "@" not in doc.text or "`" not in doc.text:
        return
    for block in doc.blocks:
        if block.kind == CODE:
            continue
        at = max(0, block.start - 1)  # a table cell may start inside the code span: "| `hr@example.cn` |"
        text = doc.text[at : block.end]
        if "`" not in text:
            continue
        for m in _CODE_SPAN_EMAIL.finditer(text):
            yield Link(f"mailto:{m.group(1)}", m.group(1), at + m.start(1), at + m.end(1))


# A site named after "apply at", "visit", "go to", "learn more at" or "our jobs are listed at", without "https://"
# or "www." (which make it a link already): "apply online at acme.com/jobs", "visit careers.acme.com", "Learn more
# at acmejobs.com". Only after such words: elsewhere "ASP.NET" would do. Whether the site is a way to apply is
# then read as for any link (its host and path, its sentence): "Learn more at acme.com." is not.
_NAMED_SITE = lazy_regex(
    r"\b(?:(?:apply|applications?)\b[^.\n]{0,30}?\b(?:at|on|via|through)|visit(?:\s+us\s+(?:at|on))?|go\s+to"
    r"|learn\s+more\s+(?:at|on)|(?:postings|openings|positions|roles|jobs|vacancies)\s+(?:are\s+)?(?:available|listed|posted)"
    r"\s+(?:at|on))\s+(?:our\s+(?:website|site)\s+)?"
    r"((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?:/[^\s<>()\"'`]*[^\s<>()\"'`.,;:!?])?)(?![\w@-])",
    re.IGNORECASE,
)


_NAMED_SITE_WORDS = ("apply", "applica", "visit", "go to", "learn more", " available ", " listed ", " posted ")
# What each of `_NAMED_SITE`'s openings holds, whatever spaces it has ("go" only as "go\s+to", tested apart).
_NAMED_SITE_OPENERS = ("apply", "applica", "visit", "learn", "available", "listed", "posted")
_GO_TO = lazy_regex(r"\bgo\s+to\b")


def _named_sites(doc: Document) -> Iterator[Link]:
    """Sites the prose names as the place to apply without writing them as links, as `https://` links there."""
    if not any(word in doc.text.lower() for word in _NAMED_SITE_WORDS):
        return
    for block in doc.blocks:
        if block.kind == CODE:
            continue
        lowered = block.prose.lower()
        if not any(word in lowered for word in _NAMED_SITE_OPENERS) and (
            "go" not in lowered or _GO_TO.search(lowered) is None
        ):
            continue  # every match holds one of these: most blocks hold none, and the search costs more
        for m in _NAMED_SITE.finditer(block.prose):
            site = m.group(1)
            if "." not in site.split("/", 1)[0].rstrip("."):
                continue
            start = block.start + m.start(1)
            yield Link(f"https://{site}", site, start, block.start + m.end(1))


def _field_values(doc: Document, key: str) -> Iterator[str]:
    """A front-matter field's text values: a string or a list of strings, at the top level or one mapping down
    (`position: {source_url: ...}`, as some boards nest a posting's fields)."""
    fm = doc.front_matter
    if fm is None:
        return
    found = [fm.data.get(key)] + [v.get(key) for v in fm.data.values() if isinstance(v, dict)]
    for value in found:
        items = value if isinstance(value, list) else [value]
        for item in items:
            if item is not None and not isinstance(item, (dict, list, bool)) and str(item).strip():
                yield str(item).strip()


def _front_matter_value(doc: Document, key: str, value: str) -> tuple[int, int]:
    fm = doc.front_matter
    at = fm.key_offsets.get(key, 0) if fm else 0
    limit = fm.end if fm else len(doc.text)
    found = doc.text.find(value, at, limit) if value else -1
    return (found, found + len(value)) if found != -1 else (at, at + len(key))


def _surroundings(
    doc: Document, link: Link, blocks: list[Block], starts: list[int], title: int
) -> Iterator[tuple[bool, str]]:
    """The text that says what a link is for: its sentence, a label just before it, its sections' headings.

    Each piece comes as (is a heading, text). `title` is where the first block starts: a heading
    there is the posting's title, which covers everything and says what the job is, not what a link is for.
    """
    i = bisect.bisect_right(starts, link.start) - 1
    block = blocks[i] if i >= 0 and blocks[i].start <= link.start < max(blocks[i].end, link.start + 1) else None
    if block is not None:
        at = link.start - block.start
        prose = block.prose
        lo, hi = max(0, at - _CONTEXT), min(len(prose), link.end - block.start + _CONTEXT)
        before = [m.end() for m in _SENTENCE_END.finditer(prose, lo, at)]
        after = _SENTENCE_END.search(prose, link.end - block.start, hi)
        yield block.kind == HEADING, prose[(before[-1] if before else lo) : (after.end() if after else hi)]
        if i > 0:
            previous = blocks[i - 1]
            label = _label(previous.prose) or _bold_label(doc.text, previous)
            if label:
                yield True, label
    for section in doc.sections:
        if section.heading_start <= link.start < section.end and section.heading_start != title:
            yield True, section.title


def _label(prose: str) -> str:
    """The label a paragraph ending in ':' puts on what follows: the whole paragraph when it is short ("How to
    apply:"), else its last sentence when that is short ("If you are interested in learning more, please contact
    us by sending your resume to:").

    A long paragraph that merely ends in ':' says nothing about the link as a whole; its last sentence does.
    """
    text = prose.strip()
    if not text.endswith((":", "：")):
        return ""
    if len(text) <= _LABEL_MAX:
        return text
    tail = text[-_LABEL_TAIL:]
    ends = [m.end() for m in _SENTENCE_END.finditer(tail)]
    if ends:
        return tail[ends[-1] :].strip()
    return text if len(text) <= _LABEL_TAIL else ""  # one sentence, or a last one too long to be a label


def _bold_label(text: str, block: Block) -> str:
    """A short paragraph set wholly in bold just before a link labels it as a heading would ("**投递邮箱地址**")."""
    a, b = block.start, block.end
    if b - a > _LABEL_MAX or text[max(0, a - 2) : a] not in ("**", "__") or text[b : b + 2] != text[max(0, a - 2) : a]:
        return ""
    prose = block.prose.strip()
    return "" if "\n" in prose else prose


@dataclass(frozen=True, slots=True)
class LinkStatusCheck(Check):
    """Report links whose online check (`--check-links`) ended in one of `states`; offline, nothing."""

    needs_link_status: ClassVar[bool] = True
    states: tuple[str, ...]

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        found = ctx.link_status
        if not found:
            return
        for link, start, end, _ in _unique(doc):
            status = _status_for(found, link.url)
            if status is None or status.state not in self.states:
                continue
            values = _values(
                link,
                state=status.state,
                detail=status.detail or status.state,
                status=str(status.status_code or ""),
                final_url=status.final_url,
            )
            yield Finding(start, end, values)


def _status_for(found: Mapping[str, LinkStatus], url: str) -> LinkStatus | None:
    """The checker's result for a link's URL: as written, without its fragment, or with the scheme a browser adds."""
    url = url.strip()
    if url.lower().startswith(("mailto:", "tel:", "#")):
        return None
    candidates = [url, url.split("#", 1)[0]]
    if url[:4].lower() == "www.":
        candidates += ["https://" + url, "http://" + url]
    for candidate in candidates:
        status = found.get(candidate)
        if status is not None:
            return status
    return None
