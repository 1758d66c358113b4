"""`postlint jsonld`: a schema.org JobPosting object built from what postlint read in a posting.

The page's own markup wins where it has a value; otherwise the facts read from the text
fill it in (title, places, pay, dates, employment type, organization). What cannot be
filled is returned by name, so the command can list it and a person can add it.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import TYPE_CHECKING, Any

from postlint.document import HEADING, LIST_ITEM, PROSE_KINDS, Document
from postlint.facts.markup import SOURCE, parse_date, read_markup, text_of

if TYPE_CHECKING:
    from postlint.facts.locations import Place
    from postlint.facts.posting import PayFact, PostingFacts

_ISO_COUNTRY = {"UK": "GB"}
_REGIONAL = ("US", "CA", "AU")  # countries whose ids name a region with a postal code (US-CO, CA-ON)
_UNITS = {"hour": "HOUR", "day": "DAY", "week": "WEEK", "month": "MONTH", "year": "YEAR"}
_ORG_KEYS = ("company", "employer", "organization", "organisation", "hiring_organization", "company_name")
_DATE_KEYS = ("date_posted", "datePosted", "posted", "date")
_CLOSE_KEYS = ("valid_through", "validThrough", "closes", "closing_date", "deadline", "application_deadline")
_EEO_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+)((?:[A-Z0-9][\w&'’.-]*\s+){0,5}?[A-Z0-9][\w&'’.-]*)\s+is\s+an?\s+equal\s+(?:employment\s+)?"
    r"opportunit(?:y|ies)\s+employer"
)
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+at\s+")
_MAX_DESCRIPTION = 50_000

# Google's required properties: what `postlint jsonld` must always try to fill.
REQUIRED = ("title", "description", "datePosted", "hiringOrganization", "jobLocation")
RECOMMENDED = ("baseSalary", "validThrough", "employmentType", "directApply", "identifier")


def build_job_posting(doc: Document, facts: PostingFacts, today: dt.date) -> tuple[dict[str, Any], list[str]]:
    """The JobPosting object for a posting, and the properties it could not fill (each with why)."""
    markup = read_markup(doc).postings
    own: dict[str, Any] = dict(markup[0]) if markup else {}
    out: dict[str, Any] = {"@context": "https://schema.org/", "@type": "JobPosting"}
    missing: list[str] = []

    title = text_of(own.get("title")) or job_title(doc)
    if title:
        out["title"] = title
    else:
        missing.append("title: no job title found")
    out["description"] = own.get("description") if isinstance(own.get("description"), str) else description(doc)
    if not out["description"]:
        del out["description"]
        missing.append("description: the posting has no text")

    posted = _date(own.get("datePosted")) or _front_matter_date(doc, _DATE_KEYS)
    if posted is None:
        posted = today
        missing.append(
            f"datePosted: not stated; {today.isoformat()} (today) was used, change it to the day it was posted"
        )
    out["datePosted"] = posted.isoformat()
    closes = _date(own.get("validThrough")) or _front_matter_date(doc, _CLOSE_KEYS)
    if closes is not None:
        out["validThrough"] = closes.isoformat()
    else:
        missing.append("validThrough: no closing date found")

    organization = text_of(own.get("hiringOrganization")) or organization_name(doc, title)
    if organization:
        out["hiringOrganization"] = {"@type": "Organization", "name": organization}
    else:
        missing.append("hiringOrganization: no employer name found")

    _locations(out, own, facts, missing)
    salary = own.get("baseSalary") or _salary([p for p in facts.pay if p.is_amount])
    if salary:
        out["baseSalary"] = salary
    else:
        missing.append("baseSalary: no pay amount with a currency found")
    types = own.get("employmentType") or _employment_types(doc)
    if types:
        out["employmentType"] = types
    else:
        missing.append("employmentType: the posting does not say full-time, part-time, contract...")
    for key in ("directApply", "identifier"):
        if key in own:
            out[key] = own[key]
        else:
            missing.append(f"{key}: not stated in the posting")
    return out, missing


def job_title(doc: Document) -> str | None:
    """The job's title: the first top-level heading, else the posting's title."""
    for block in doc.blocks:
        if block.kind == HEADING and block.level == 1 and not block.chrome:
            text = " ".join(block.prose.split())
            if text:
                return text
    return " ".join(doc.title.split()) if doc.title else None


def description(doc: Document) -> str:
    """The posting's prose as simple HTML (headings, paragraphs, lists), as Google asks for `description`."""
    parts: list[str] = []
    in_list = False
    size = 0
    for block in doc.blocks:
        if block.kind not in PROSE_KINDS or block.chrome or size > _MAX_DESCRIPTION:
            continue
        text = html.escape(" ".join(block.prose.split()), quote=False)
        if not text:
            continue
        if block.kind == LIST_ITEM:
            parts.append(("" if in_list else "<ul>") + f"<li>{text}</li>")
            in_list = True
        else:
            if in_list:
                parts.append("</ul>")
                in_list = False
            level = min(max(block.level, 2), 6) if block.kind == HEADING else 0
            parts.append(f"<h{level}>{text}</h{level}>" if level else f"<p>{text}</p>")
        size += len(parts[-1])
    if in_list:
        parts.append("</ul>")
    return "".join(parts)


def organization_name(doc: Document, title: str | None) -> str | None:
    """The employer: front matter, then the page title's other part ("Nurse Educator – Elliott Harbor"),
    then the subject of "X is an equal opportunity employer"."""
    for key in _ORG_KEYS:
        value = doc.meta(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    page_title = _page_title(doc) or doc.title
    if page_title and title:
        parts = [p.strip() for p in _TITLE_SPLIT.split(page_title) if p.strip()]
        words = set(title.casefold().split())
        others = [p for p in parts if p.casefold() != "careers" and not set(p.casefold().split()) & words]
        if len(parts) > 1 and others:
            return others[-1]
    for block in doc.blocks:
        if block.kind in PROSE_KINDS and "qual" in block.prose:
            m = _EEO_SUBJECT.search(" ".join(block.prose.split()))
            if m and m.group(1).casefold() not in ("we", "this company", "the company"):
                return m.group(1)
    return None


_PAGE_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


def _page_title(doc: Document) -> str | None:
    """An HTML page's `<title>` text: the posting's title may be its `<h1>` alone, without the employer's
    name that the page title adds ("Careers - Inside Sales Representative - Halvorsen Industrial Supply")."""
    if doc.format != "html":
        return None
    m = _PAGE_TITLE.search(doc.text)
    if m is None:
        return None
    import html

    text = " ".join(html.unescape(m.group(1)).split())
    return text or None


def _date(value: Any) -> dt.date | None:
    return parse_date(value)


def _front_matter_date(doc: Document, keys: tuple[str, ...]) -> dt.date | None:
    from postlint.facts.dates import as_dates

    for key in keys:
        days = as_dates(doc.meta(key))
        if days:
            return days[0]
    return None


def _locations(out: dict[str, Any], own: dict[str, Any], facts: PostingFacts, missing: list[str]) -> None:
    """`jobLocation` from the places, or for a remote job `jobLocationType` and `applicantLocationRequirements`."""
    for key in ("jobLocation", "jobLocationType", "applicantLocationRequirements"):
        if key in own:
            out[key] = own[key]
    if "jobLocation" in out or "applicantLocationRequirements" in out:
        return
    gazetteer = facts.gazetteer
    offices = [p for p in facts.places if not p.remote and p.source != SOURCE]
    remote = [p for p in facts.places if p.remote and p.source != SOURCE]
    seen: set[str] = set()
    locations = []
    for place in offices:
        address = _address(place, gazetteer)
        key = repr(sorted(address.items()))
        if key not in seen:
            seen.add(key)
            locations.append({"@type": "Place", "address": address})
    if locations:
        out["jobLocation"] = locations[0] if len(locations) == 1 else locations
    if remote:
        out["jobLocationType"] = "TELECOMMUTE"
        areas = []
        for place in remote:
            for jid in place.jurisdictions:
                name = gazetteer.name(jid) if gazetteer else jid
                area = {"@type": "Country" if "-" not in jid else "State", "name": name}
                if area not in areas:
                    areas.append(area)
        out["applicantLocationRequirements"] = areas[0] if len(areas) == 1 else areas
    if not locations and not remote:
        missing.append("jobLocation: no place found (for a remote job, applicantLocationRequirements)")


def _address(place: Place, gazetteer: Any) -> dict[str, Any]:
    """A PostalAddress from a place and its jurisdiction ('Seattle, WA' -> Seattle, WA, US)."""
    from postlint.facts.gazetteer import country_of

    jid = place.jurisdictions[0] if place.jurisdictions else ""
    country = country_of(jid).removeprefix("EU-") if jid else ""
    country = _ISO_COUNTRY.get(country, country)
    parts = jid.split("-")
    region = parts[1] if parts[0] in _REGIONAL and len(parts) > 1 else None
    names = {jid.casefold(), country.casefold(), (region or "").casefold()}
    if gazetteer is not None:
        names |= {gazetteer.name(j).casefold() for j in (jid, country_of(jid)) if j}
    first = place.text.split(",")[0].strip(" ()")
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if first and first.casefold() not in names:
        address["addressLocality"] = first
    if region:
        address["addressRegion"] = region
    if country:
        address["addressCountry"] = country
    return address


def _salary(amounts: list[PayFact]) -> dict[str, Any] | None:
    """A MonetaryAmount from the first pay amount that has a currency."""
    for fact in amounts:
        if not fact.currency or (fact.minimum is None and fact.maximum is None):
            continue
        value: dict[str, Any] = {"@type": "QuantitativeValue"}
        if fact.kind == "range":
            value["minValue"], value["maxValue"] = _num(fact.minimum), _num(fact.maximum)
        elif fact.kind == "up-to":
            value["maxValue"] = _num(fact.maximum)
        elif fact.kind == "from":
            value["minValue"] = _num(fact.minimum)
        else:
            value["value"] = _num(fact.minimum if fact.minimum is not None else fact.maximum)
        if fact.period in _UNITS:
            value["unitText"] = _UNITS[fact.period]
        return {"@type": "MonetaryAmount", "currency": fact.currency, "value": value}
    return None


def _num(value: float | None) -> float | int | None:
    return int(value) if value is not None and value == int(value) else value


def _employment_types(doc: Document) -> str | list[str] | None:
    from postlint.facts.employment import page_employment_types

    found = list(dict.fromkeys(m.value for m in page_employment_types(doc)))
    if not found:
        return None
    return found[0] if len(found) == 1 else found
