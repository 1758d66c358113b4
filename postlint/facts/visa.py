"""What a posting says about visas and work authorization, with its polarity.

`visa/policy` only asks whether a posting says something; a reader (and `inspect`) needs to know
what: "CapTech cannot transfer nor sponsor a work visa" must never read as sponsorship offered.
Every statement in the posting is found, then the strongest decides:

- `not_offered`: sponsorship refused ("unable to offer visa sponsorship", "without sponsorship",
  "we can't help with visas", "cannot transfer nor sponsor");
- `offered`: sponsorship or visa help offered and not negated ("visa sponsorship available",
  "eligible for day-one PERM sponsorship", a `Visa` field in a Hacker News header);
- `must_be_authorized`: the candidate must already be allowed to work (authorization, right to
  work, citizenship or permanent residence, a clearance);
- `other`: only an employer's participation in E-Verify or I-9 checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from postlint.document import CODE, Document
from postlint.regex_store import regex

__all__ = ["VisaStatement", "visa_polarity", "visa_statements"]

POLARITIES = ("not_offered", "offered", "must_be_authorized", "other")  # strongest first

_SPONSOR = r"(?:sponsor\w*|visas?|H-?1B|work\s+permits?|immigration|PERM|green\s+cards?)"
_NEGATION = regex(
    rf"\b(?:(?:do|does|will|can|ca|wo|are|is|could|would)\s*(?:not|n\s*[’']\s*t)|cannot|can\s+not|unable\s+to|not\s+able\s+to"
    rf"|no\s+longer|nor|never|not)\b(?:\s+(?:currently|presently|at\s+this\s+time|be\s+able\s+to|able\s+to|offer(?:ing)?"
    rf"|provid(?:e|ing)|support(?:ing)?|help(?:ing)?\s+with|assist(?:ing)?\s+with|transfer(?:ring)?|or|nor|and|any"
    rf"|consider(?:ing)?|for|a|an|the|work|new|applicants?|candidates?|employees?|eligible"
    rf"|qualify\s+for|(?:commenc(?:e|ing)|initiat(?:e|ing)|fil(?:e|ing)|pursu(?:e|ing)|process(?:ing)?))){{0,8}}\s+[\"“]?{_SPONSOR}\b"
    rf"|\bineligible\s+for\s+(?:(?:visa|immigration|H-?1B|employment)\s+)?sponsorship\b"
    rf"|\bwithout\s+(?:the\s+need\s+for\s+)?(?:current\s+or\s+future\s+|company\s+|employer\s+|our\s+)?"
    rf"(?:visa\s+|immigration\s+)?sponsorship\b"
    rf"|\b(?:no|not)\s+(?:visa\s+|H-?1B\s+|immigration\s+)?(?:sponsorship|sponsoring|transfers?)\b"
    rf"|\bsponsorship\s+(?:is\s+|will\s+)?(?:not\s+(?:be\s+)?(?:available|offered|provided|possible)|unavailable)\b"
    # A field that answers no: "Sponsorship: Not available", "H-1B sponsorship: No".
    rf"|\b(?:visa\s+|H-?1B\s+|immigration\s+)?sponsorship(?:\s+(?:available|offered|provided))?\s*[:：]\s*"
    rf"(?:no|none|not\s+(?:available|offered|provided|possible)|unavailable|n/a)\b"
    # "Candidates requiring sponsorship will not be considered", "applicants who need visa sponsorship".
    rf"|\b(?:candidates?|applicants?|those|anyone)\s+(?:who\s+(?:will\s+)?(?:require|need)|requiring|needing)\s+"
    rf"(?:visa\s+|immigration\s+|work\s+permit\s+)?sponsorship\b(?=[^.;!?\n]{{0,40}}\b(?:not|cannot|ineligible)\b)"
    # "Acme is not currently hiring individuals who now or in the future require sponsorship".
    rf"|\b(?:not|cannot|unable\s+to)\s+(?:currently\s+)?(?:hir|consider|accept|employ)\w*\b[^.;!?\n]{{0,80}}?"
    rf"\b(?:require|need)\w*\s+(?:(?:visa|immigration|employment|work)\s+)?sponsorship\b"
    rf"|(?:不|无法|不能)(?:提供|办理|包|协助)[^。\n]{{0,6}}签证",
    re.IGNORECASE,
)
_OFFERED = regex(
    r"\b(?:visa|immigration|work\s+permit|H-?1B|PERM|green\s+card)\s+(?:sponsorship|support|assistance)\b"
    r"|\bsponsor(?:ship)?\s+(?:of\s+|for\s+)?(?:your\s+|a\s+)?(?:work\s+)?(?:visas?|work\s+permits?|H-?1B)\b"
    r"|\bwe\s+(?:will|can|do)\s+sponsor\b|\bsponsorship\s+(?:is\s+)?(?:available|offered|provided|possible)\b"
    r"|\b(?:visa\s+|H-?1B\s+|immigration\s+)?sponsorship\s*[:：]\s*(?:yes|available|offered|provided)\b"
    r"|\bhelp\s+(?:you\s+)?(?:with|obtain(?:ing)?)\s+(?:a\s+|your\s+)?(?:relocation\s+and\s+)?(?:visas?|work\s+permits?)\b"
    r"|\b(?:EU\s+)?Blue\s+Card\b|\beligible\s+for\s+(?:[\w-]+\s+){0,2}(?:PERM|visa|green\s+card)\s+sponsorship\b"
    # "Candidates requiring sponsorship are welcome to apply" (a refusal, "... will not be considered", is found first).
    r"|\b(?:candidates?|applicants?|those|anyone|people)\s+(?:who\s+(?:will\s+)?(?:require|need)|requiring|needing)\s+"
    r"(?:visa\s+|immigration\s+|work\s+permit\s+)?sponsorship\s+(?:are|is|will\s+be)\s+(?:also\s+|still\s+|very\s+)?"
    r"(?:welcome|encouraged|invited|eligible|considered)\b"
    # "H-1B transfers welcome", "Open to candidates requiring a Skilled Worker visa".
    r"|\bH-?1B\s+(?:visa\s+)?transfers?\s+(?:are\s+)?(?:welcome|accepted|considered|supported|available)\b"
    r"|\b(?:open\s+to\s+|welcome\s+(?:applications\s+from\s+)?)(?:candidates?|applicants?|people)\s+"
    r"(?:who\s+(?:will\s+)?(?:require|need)|requiring|needing)\s+"
    r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:visa|sponsorship)\b"
    r"|(?:包|提供|办理|协助|帮助|负责|解决)[^。\n，,；;]{0,8}签证|工作签证|工签|ビザ(?:サポート|支援|スポンサー)|就労ビザ",
    re.IGNORECASE,
)
_AUTHORIZED = regex(
    r"\b(?:legally\s+)?(?:authori[sz]ed|eligible|entitled|permitted)\s+to\s+(?:legally\s+)?work\b"
    r"|\b(?:work|employment)\s+authori[sz]ation\b|\bright\s+to\s+(?:live\s+and\s+)?work\b|\b(?:full\s+)?working\s+rights\b"
    r"|\b(?:valid|existing|current)\s+(?:[A-Z]{2,3}\s+)?work\s+(?:permits?|visas?|authori[sz]ation)\b|\bpermanent\s+residen\w*"
    r"|\bresiden(?:cy|ce)\s+with\s+(?:a\s+)?(?:valid\s+)?work\s+permits?\b"
    r"|\bcitizenship\s+(?:is\s+)?required\b|\bproof\s+of\s+citizenship\b"
    r"|\b(?:U\.?S\.?|United\s+States|Canadian|British|EU|Australian)\s+citizens?(?:hip)?\b"
    r"|\bcitizens?\s+(?:of|or\s+(?:lawful\s+)?permanent)\b"
    r"|\b(?:eligibility|authori[sz]ation|entitlement|permission)\s+to\s+(?:legally\s+)?work\b"
    r"|\b(?:New\s+Zealand|Indian|Singapore(?:an)?)\s+citizens?(?:hip)?\b|\bcitizens?\s+(?:or|and|/)\s*PRs?\b"
    r"|\bAufenthalts(?:titel|erlaubnis)\b|\btitre\s+de\s+séjour\b|\bpermiso\s+de\s+(?:trabajo|residencia)\b"
    r"|\bpermesso\s+di\s+(?:lavoro|soggiorno)\b|\b(?:werk|verblijfs)vergunning\b|\bautorização\s+de\s+trabalho\b|在留資格"
    r"|\bsecurity\s+clearance\b|\b(?:active|current|interim)\s+(?:[\w/-]+\s+){0,3}?clearance\b"
    r"|\b(?:(?:Top\s+)?Secret|TS\s*/\s*SCI|SCI|DoD|DOE|DHS|government)\s+(?:or\s+higher\s+)?clearance\b"
    r"|\b(?:TS|Top\s+Secret)\s*/\s*SCI\b|\bclearance(?:\s+level)?(?:\s+(?:required|must\s+currently\s+possess))?\s*:\s*"
    r"(?:active\s+|current\s+)?(?:DoD\s+)?(?:(?:Top\s+)?Secret|TS|SCI|Public\s+Trust)"
    r"|\bbaseline\s+(?:clearance|vetting)\b|\b(?:negative|positive)\s+vetting\b|(?-i:\bNV[12]\b|\b(?:SC|DV)\s+(?:clearance|cleared)\b)",
    re.IGNORECASE,
)
_OTHER = regex(r"\bE-?Verify\b|\bI-9\b", re.IGNORECASE)
_HEADER_VISA = regex(r"(?:visa(?:\s+sponsorship)?|visas?\s+(?:ok|available|welcome|provided))\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class VisaStatement:
    """One statement about visas or work authorization, at source offsets."""

    start: int
    end: int
    polarity: str
    text: str


def visa_statements(doc: Document, memo: dict[Any, Any] | None = None) -> list[VisaStatement]:
    """Every visa or work-authorization statement in the posting, in order of position."""
    from postlint.facts.view import fact_blocks, header_fields

    found: list[VisaStatement] = []
    memo = {} if memo is None else memo  # header_fields and fact_blocks share the fact view
    for start, end in header_fields(doc, memo):
        if _HEADER_VISA.match(doc.text[start:end].strip()):
            found.append(VisaStatement(start, end, "offered", doc.text[start:end]))
    taken: list[tuple[int, int]] = []
    for block in fact_blocks(doc, memo):
        if block.kind == CODE:
            continue
        prose = block.prose
        for polarity, pattern in (
            ("not_offered", _NEGATION),
            ("offered", _OFFERED),
            ("must_be_authorized", _AUTHORIZED),
            ("other", _OTHER),
        ):
            for m in pattern.finditer(prose):
                a, b = block.start + m.start(), block.start + m.end()
                if any(x < b and a < y for x, y in taken):
                    continue  # "cannot sponsor a work visa" is not also an offer
                taken.append((a, b))
                found.append(VisaStatement(a, b, polarity, m.group()))
    found.sort(key=lambda s: s.start)
    return found


def visa_polarity(statements: list[VisaStatement]) -> VisaStatement | None:
    """The statement that decides what the posting says: a refusal over an offer over a requirement."""
    for polarity in POLARITIES:
        for statement in statements:
            if statement.polarity == polarity:
                return statement
    return None
