"""schema.org `JobPosting` markup (JSON-LD) as facts: places, pay and dates with their positions.

Google for Jobs and the aggregators read a page's markup, candidates read its text, and
the two drift apart when the page is edited and the markup is not. The markup is read as
a facts source beside the front matter and the text; where the page states nothing, its
facts stand in (a pay range only in the markup is still a stated range).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from postlint.document import Document
from postlint.parsers.jsonld import JsonArray, JsonObject, Script, find_scripts, has_json_ld
from postlint.regex_store import regex

if TYPE_CHECKING:
    from postlint.facts.gazetteer import Gazetteer
    from postlint.facts.locations import Place
    from postlint.facts.posting import PayFact

SOURCE = "json-ld"
_MAX_POSTINGS = 32
_MAX_PLACE = 200
_MAX_WALK = 6  # how deep a JobPosting may sit inside other nodes (WebPage.mainEntity, @graph)
# Google's unitText values, as the periods postlint's pay facts use.
UNIT_PERIODS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_ISO_DATE = regex(r"\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


@dataclass(frozen=True, slots=True)
class Markup:
    """The page's JSON-LD: its scripts (with their errors) and the JobPosting objects in them."""

    scripts: tuple[Script, ...]
    postings: tuple[JsonObject, ...]


_EMPTY = Markup((), ())


def read_markup(doc: Document, memo: dict[Any, Any] | None = None) -> Markup:
    """The posting's JSON-LD, read once per lint (kept in `memo`, `PostingFacts.memo`, when given); nothing is
    read unless it is HTML with a JSON-LD script."""
    if doc.format != "html" or not has_json_ld(doc.text):
        return _EMPTY
    found: Markup | None = memo.get(SOURCE) if memo is not None else None
    if found is None:
        scripts = tuple(find_scripts(doc.text))
        postings: list[JsonObject] = []
        for script in scripts:
            if script.error is None:
                _collect(script.value, postings, 0)
        found = Markup(scripts, tuple(postings[:_MAX_POSTINGS])) if scripts else _EMPTY
        if memo is not None:
            memo[SOURCE] = found
    return found


def is_type(node: Any, name: str) -> bool:
    """Whether a node's @type is `name` ("JobPosting", "schema:JobPosting", "https://schema.org/JobPosting")."""
    if not isinstance(node, dict):
        return False
    types = node.get("@type")
    for t in types if isinstance(types, list) else [types]:
        if isinstance(t, str) and re.split(r"[/:#]", t)[-1] == name:
            return True
    return False


def _collect(node: Any, out: list[JsonObject], depth: int) -> None:
    if depth > _MAX_WALK or len(out) >= _MAX_POSTINGS:
        return
    if isinstance(node, JsonArray):
        for item in node:
            _collect(item, out, depth + 1)
    elif isinstance(node, JsonObject):
        if is_type(node, "JobPosting"):
            out.append(node)
            return
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "item"):
            if key in node:
                _collect(node[key], out, depth + 1)


def items(value: Any) -> list[Any]:
    """A property's values: schema.org allows one value or a list of them."""
    return list(value) if isinstance(value, list) else [] if value is None else [value]


def text_of(value: Any) -> str | None:
    """A property as text: a string, a number, or a node's `name` (the first of a list)."""
    for item in items(value):
        if isinstance(item, str) and item.strip():
            return " ".join(item.split())
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            return str(item)
        if isinstance(item, dict):
            name = text_of(item.get("name"))
            if name:
                return name
    return None


def span(node: JsonObject, key: str) -> tuple[int, int]:
    """Where a finding about `key` points: its value if short, else the key itself; the node's start when absent."""
    found = node.spans.get(key)
    if found is None:
        return node.start, node.start + 1
    key_start, value_start, value_end = found
    if isinstance(node.get(key), (dict, list)):
        return key_start, key_start + len(json.dumps(key))
    return value_start, value_end


def parse_date(value: Any) -> dt.date | None:
    """An ISO 8601 date or date-time (`2027-03-01`, `2027-03-01T17:00:00Z`) as a date; None if it does not parse."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def employment_types(posting: JsonObject) -> list[str]:
    """The `employmentType` values, upper-cased with '-' and ' ' as '_' (Google writes FULL_TIME)."""
    return [
        re.sub(r"[\s-]+", "_", t.strip()).upper() for t in items(posting.get("employmentType")) if isinstance(t, str)
    ]


def is_remote(posting: JsonObject) -> bool:
    return any(isinstance(t, str) and t.strip().upper() == "TELECOMMUTE" for t in items(posting.get("jobLocationType")))


def address_text(location: Any) -> str | None:
    """A `jobLocation` (Place, PostalAddress or text) as 'Boston, MA, US'."""
    if isinstance(location, str):
        return location.strip() or None
    if not isinstance(location, dict):
        return None
    address = location.get("address", location)
    if isinstance(address, list):
        address = address[0] if address else None
    if isinstance(address, str):
        return address.strip() or None
    if not isinstance(address, dict):
        return text_of(location.get("name"))
    parts = [text_of(address.get(k)) for k in ("addressLocality", "addressRegion", "addressCountry")]
    joined = ", ".join(p for p in parts if p)
    return joined or text_of(location.get("name"))


def markup_places(doc: Document, gazetteer: Gazetteer, memo: dict[Any, Any] | None = None) -> list[Place]:
    """The places of every JobPosting: its `jobLocation` addresses, and for a remote job the areas of
    `applicantLocationRequirements` (remote places)."""
    from postlint.facts.locations import Place

    places: list[Place] = []
    for posting in read_markup(doc, memo).postings:
        for key, remote in (("jobLocation", False), ("applicantLocationRequirements", True)):
            value = posting.get(key)
            spans = value.spans if isinstance(value, JsonArray) else None
            for i, item in enumerate(items(value)):
                text = address_text(item) if not remote else text_of(item)
                if not text or len(text) > _MAX_PLACE:
                    continue  # an address is short; a long text is not one to look up
                ids = _ids(gazetteer, text)
                if not ids:
                    continue
                start, end = spans[i] if spans is not None else posting.spans[key][1:]
                places.append(Place(start, end, text, ids, SOURCE, remote))
    return places


def _ids(gazetteer: Gazetteer, text: str) -> tuple[str, ...]:
    """The most specific jurisdictions a place's text names ('Boston, MA, US' -> US-MA)."""
    found = [jid for _, _, ids in gazetteer.find(text, location_value=True) for jid in ids]
    specific = [j for j in found if not any(o != j and o.startswith(j + "-") for o in found)]
    return tuple(dict.fromkeys(specific))


def markup_pay(doc: Document, memo: dict[Any, Any] | None = None) -> list[PayFact]:
    """The `baseSalary` of every JobPosting as a pay fact (source `json-ld`)."""
    from postlint.facts.posting import PayFact

    found: list[PayFact] = []
    for posting in read_markup(doc, memo).postings:
        salary = posting.get("baseSalary")
        if "baseSalary" not in posting.spans:
            continue
        low, high, currency, unit = salary_values(salary)
        if low is None and high is None:
            continue
        if low is not None and high is not None and high > low:
            kind = "range"
        elif low is not None and (high is None or high == low):
            kind, high = "single", low
        elif low is None:
            kind = "up-to"
        else:
            continue  # min above max: reported by the pack, not a fact
        _, start, end = posting.spans["baseSalary"]
        text = json.dumps(salary, ensure_ascii=False)[:200]
        found.append(PayFact(start, end, kind, low, high, currency, UNIT_PERIODS.get(unit or ""), text, SOURCE))
    return found


def salary_values(salary: Any) -> tuple[float | None, float | None, str | None, str | None]:
    """(minimum, maximum, currency, unitText) of a `baseSalary` (MonetaryAmount, QuantitativeValue or a number)."""
    if isinstance(salary, list):
        salary = salary[0] if salary else None
    currency = unit = None
    value: Any = salary
    if isinstance(salary, dict):
        currency = text_of(salary.get("currency"))
        value = salary.get("value", salary if "minValue" in salary or "maxValue" in salary else None)
        unit = text_of(salary.get("unitText"))
    low = high = None
    if isinstance(value, dict):
        unit = text_of(value.get("unitText")) or unit
        low, high = number(value.get("minValue")), number(value.get("maxValue"))
        single = number(value.get("value"))
        if single is not None and low is None and high is None:
            low = high = single
    else:
        low = high = number(value)
    return low, high, currency.upper() if currency else None, unit.upper() if unit else None


def number(value: Any) -> float | None:
    """A schema.org number (JSON number or numeric text such as "90000"); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if 0 <= value < 1e15 else None
    if isinstance(value, str):
        try:
            parsed = float(value.replace(",", "").strip())
        except ValueError:
            return None
        return parsed if 0 <= parsed < 1e15 else None
    return None


def markup_deadline(doc: Document, memo: dict[Any, Any] | None = None) -> tuple[int, int, str] | None:
    """The first `validThrough` that parses, as (start, end, text): a closing date the page's markup gives."""
    for posting in read_markup(doc, memo).postings:
        value = posting.get("validThrough")
        if parse_date(value) is not None and "validThrough" in posting.spans:
            _, start, end = posting.spans["validThrough"]
            return start, end, f"validThrough: {value}"
    return None


_SHOWN = (
    "title",
    "hiringOrganization",
    "datePosted",
    "validThrough",
    "employmentType",
    "jobLocationType",
    "directApply",
    "identifier",
)


def summarize(posting: JsonObject) -> list[tuple[str, str]]:
    """(property, value as text) for the facts `inspect` shows, in a fixed order."""
    out: list[tuple[str, str]] = []
    for name in _SHOWN:
        if name in posting:
            value = posting[name]
            shown = ", ".join(str(v) for v in items(value)) if not isinstance(value, dict) else text_of(value)
            out.append((name, shown or json.dumps(value, ensure_ascii=False)[:80]))
    for name in ("jobLocation", "applicantLocationRequirements"):
        places = [address_text(v) if name == "jobLocation" else text_of(v) for v in items(posting.get(name))]
        if any(places):
            out.append((name, "; ".join(p for p in places if p)))
    if "baseSalary" in posting:
        low, high, currency, unit = salary_values(posting["baseSalary"])
        figures = "–".join(f"{v:,g}" for v in dict.fromkeys(v for v in (low, high) if v is not None))
        out.append(("baseSalary", " ".join(p for p in (currency, figures, f"per {unit}" if unit else "") if p)))
    return out
