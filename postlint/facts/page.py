"""Whether a file is a job posting at all: a scraped privacy policy or a "page not found" is not.

Postings are collected by scraping job boards, and a scrape keeps whatever page the
board served: its privacy policy, an error page, a site's home page. Rules that report
something *missing* (no pay range, no EEO statement, no way to apply) are false alarms
on such a page, and an error with a law's name on a privacy policy costs the reader's
trust in every other finding. So the engine asks this module first, and on a page that
is plainly not a posting it runs only the rules that report what is there.

The signals are deliberately narrow, each a shape of the page itself, never of one site:

- the page says it was not found ("The page you requested cannot be found", "Page not found");
- the page is a job search or careers page that says it lists no opening ("No results to
  display", "There are no open positions at this time"), with no pay on it;
- the page opens with a policy's own heading ("Privacy Policy", "Terms of Use") and keeps
  referring to itself ("this Policy", "these Terms"), with no pay on it;
- the page's title is a navigation word ("Home", "Careers") and nothing on it speaks to a
  candidate (no role, duties, qualifications or way to apply);
- a page of some length in plain English whose title names no kind of job ("Mission", "OUR
  MISSION", an organisation's tagline) and which says nothing to a candidate and nothing of
  hiring: an About page, a product page or an HR department's home page.

A posting that merely ends with an applicant privacy notice, or whose scrape begins with a
"Home" breadcrumb, still reads as a posting.

A posting may also carry a section that is not the employer's text at all: a job seeker's or
collector's notes on the posting, appended under a heading of their own ("Analysis", "Behavioural
insights"). `commentary_spans` finds them, so the rules that judge the employer's wording do not
count the notes' words as the posting's. `questionnaire_span` finds an application
questionnaire appended to a posting (numbered questions "01", "02"... with "Required Question"
marks, as public-sector job boards print them): a form the applicant fills in, not a description
of the job or the people.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from postlint.document import Document
from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex

# How far into the page its opening runs: error messages and policy headings come first.
_OPENING_LINES = 15
_OPENING_CHARS = 3000

_NOT_FOUND = regex(
    r"\b(?:page|job|posting|position|listing|vacancy)\b[^.\n]{0,60}?"
    r"\b(?:cannot|can ?not|could not|couldn[’']t|can[’']t)\s+be\s+found\b|"
    r"\bpage\s+not\s+found\b|\b404\b[^\n]{0,40}\bnot\s+found\b",
    re.IGNORECASE,
)
# A search or careers page saying it has nothing to show: what a scrape keeps when the posting has gone.
_NO_OPENINGS = regex(
    r"\bno\s+(?:results|matching\s+(?:jobs|positions)|jobs|job\s+openings|openings|vacancies|positions|"
    r"current\s+openings)\s+(?:to\s+display|found|available|at\s+this\s+time)\b|"
    r"\bthere\s+are\s+(?:currently\s+)?no\s+(?:open\s+|current\s+)?(?:positions|vacancies|openings|jobs)\b",
    re.IGNORECASE,
)
# A line that is a policy's heading and nothing else ("NEOGOV PRIVACY POLICY", "Terms of Use").
_POLICY_HEADING = regex(
    r"^[#*\s]*(?:[\w.&'’-]+\s+){0,3}(?:privacy\s+(?:policy|notice|statement)|cookie\s+(?:policy|notice)|"
    r"terms\s+(?:of\s+(?:use|service)|and\s+conditions))[*\s]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SELF_REFERENCE = regex(r"\bth(?:is|ese)\s+(?:privacy\s+)?(?:policy|notice|terms)\b", re.IGNORECASE)
_SELF_REFERENCES = 3
_NAVIGATION_TITLE = regex(
    r"(?:home(?:\s*page)?|careers?|jobs|job\s+search|search(?:\s+results)?|sign\s+in|log\s*in|menu|welcome)\W*",
    re.IGNORECASE,
)
# Words a posting uses to speak to a candidate about a role.
_CANDIDATE_WORDS = lazy_regex(
    r"\b(?:you\s+will|you[’']ll|you\s+have|your\s+role|(?:the|this)\s+(?:role|position)|successful\s+candidate|"
    r"candidates?|applicants?|qualifications?|requirements?|responsibilities|duties|apply|salary|"
    r"full[- ]time|part[- ]time|we\s+are\s+(?:looking|seeking|hiring))\b",
    re.IGNORECASE,
)
# Words of a page that hires, though it says nothing else to a candidate ("We would like to hire someone").
_HIRING_WORDS = lazy_regex(
    r"\bhir(?:e|es|ing)\b|\bjoin\s+(?:us|our|the)\b|\brecruit\w*|\bvacanc\w+|\bjob\s+(?:openings?|offers?|postings?)\b",
    re.IGNORECASE,
)
# A page that names no job and speaks to no candidate is judged only when it has this many words (a short
# posting may be terse) and is plainly English (the candidate words are English): at least one function word
# in this many words, so a Swedish page without its diacritics, read as English on a few hits, is not judged.
_ABOUT_PAGE_MIN_WORDS = 120
_ENGLISH_WORDS_PER_HIT = 10
_LAST_LATIN = 0x24F  # the end of Latin Extended-B


@dataclass(frozen=True, slots=True)
class NotAPosting:
    """Why a file is read as something other than a job posting, and the span that shows it."""

    reason: str
    start: int
    end: int


def not_a_posting(doc: Document, *, has_pay: Callable[[], bool]) -> NotAPosting | None:
    """The reason this document is plainly not a job posting, or None for a posting (the usual case).

    `has_pay` is asked only when a weaker signal needs ruling out, so most postings are not searched for pay.
    """
    text = doc.text
    opening = _opening(text)
    found = _NOT_FOUND.search(opening)
    if found:
        return NotAPosting("an error page (the page was not found)", found.start(), found.end())
    empty = _NO_OPENINGS.search(opening)
    if empty and not has_pay():
        return NotAPosting("a job search or careers page that lists no opening", empty.start(), empty.end())
    heading = _POLICY_HEADING.search(opening)
    if (
        heading
        and not _CANDIDATE_WORDS.search(text, 0, heading.start())  # the page opens with the policy
        and len(_SELF_REFERENCE.findall(text)) >= _SELF_REFERENCES
        and not has_pay()
    ):
        line = heading.group()
        start = heading.start() + len(line) - len(line.lstrip("#* \t\r\n"))
        end = heading.start() + len(line.rstrip("#* \t\r\n"))
        name = " ".join(text[start:end].split())
        return NotAPosting(f"a policy page ('{name}')", start, end)
    title, start, end = _title(doc)
    if title and _NAVIGATION_TITLE.fullmatch(title) and not _CANDIDATE_WORDS.search(text) and not has_pay():
        return NotAPosting(f"a site page (titled '{title}') that describes no role", start, end)
    if title and _names_no_job(doc, title) and not has_pay():
        return NotAPosting(f"a page (opening '{title[:60]}') that names no job and speaks to no candidate", start, end)
    return None


def _names_no_job(doc: Document, title: str) -> bool:
    """Whether a page of some length in plain English names no kind of job in its title, and nowhere speaks to
    a candidate or of hiring."""
    from postlint.facts.language import guess_language
    from postlint.facts.view import names_a_role

    text = doc.text
    # The cheap tests first: nearly every posting names its job or speaks to candidates near the top.
    if names_a_role(title) or _CANDIDATE_WORDS.search(text):
        return False
    if any(c.isalpha() and ord(c) > _LAST_LATIN for c in title):
        return False  # a title in another script ("数据分析师") may name a job in words the role list lacks
    if _HIRING_WORDS.search(text):
        return False
    words = len(text.split())
    if words < _ABOUT_PAGE_MIN_WORDS:
        return False
    guess = guess_language(doc)
    english = dict(guess.scores).get("en", 0)
    return guess.language == "en" and english * _ENGLISH_WORDS_PER_HIT >= words


# Notes on a posting call it "the JD" and speak of what it signals and how to frame an application to it.
_JD = regex(r"\bJDs?\b")
_ANALYSIS_WORDS = regex(r"\b(?:signals?|signall?ing|implications?|framing|ATS|bullets?)\b", re.IGNORECASE)
_ANALYSIS_MIN = 4


def commentary_spans(doc: Document) -> list[tuple[int, int]]:
    """The source spans of sections that are notes on the posting rather than the posting: a section (not the
    one the page opens with) that refers to the posting as "the JD" and analyses it (what its wording
    *signals*, its *implications*, how to *frame* résumé *bullets* for an *ATS*). Outermost sections only."""
    text = doc.text
    if "JD" not in text or len(doc.sections) < 2:
        return []
    first = min(s.heading_start for s in doc.sections)
    spans: list[tuple[int, int]] = []
    for section in sorted(doc.sections, key=lambda s: (s.heading_start, -s.end)):
        if section.heading_start == first or (spans and section.end <= spans[-1][1]):
            continue
        body = text[section.heading_end : section.end]
        if _JD.search(body) and len(_ANALYSIS_WORDS.findall(body)) >= _ANALYSIS_MIN:
            spans.append((section.heading_start, section.end))
    return spans


# A question number on a line of its own ("01", "02"), as a job board prints its supplemental questions.
_QUESTION_NUMBER = regex(r"^[ \t]*0([12])[ \t]*$", re.MULTILINE)
_REQUIRED_QUESTION = "Required Question"


def questionnaire_span(doc: Document) -> tuple[int, int] | None:
    """The source span of an application questionnaire at the end of the posting: from its first question's
    number ("01", with "02" after it) to the end, where a "Required Question" mark follows the first question."""
    text = doc.text
    marked = text.rfind(_REQUIRED_QUESTION)
    if marked == -1:
        return None
    first = None
    for m in _QUESTION_NUMBER.finditer(text, 0, marked):
        if m.group(1) == "1" and first is None:
            first = m.start()
        elif m.group(1) == "2" and first is not None:
            return first, len(text)
    return None


def _title(doc: Document) -> tuple[str, int, int]:
    """The page's title as read, or else its first line (a Markdown page's "Home" is a paragraph)."""
    if doc.title and doc.title_start >= 0:
        return doc.title.strip(), doc.title_start, doc.title_end
    text = doc.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    line = text[start:end].strip()
    return line, start, start + len(line)


def _opening(text: str) -> str:
    """The first lines of the page, where an error message or a policy's heading stands."""
    end = 0
    for _ in range(_OPENING_LINES):
        newline = text.find("\n", end)
        if newline == -1:
            return text[:_OPENING_CHARS]
        end = newline + 1
    return text[: min(end, _OPENING_CHARS)]
