"""Place names to jurisdiction ids: the compiled form of `postlint/data/gazetteer.yaml`.

Which laws apply to a posting depends on where the role is, and postings say that in
free text ("Denver, CO", "Remote (US)", "工作地点：上海"). The gazetteer turns such text
into hierarchical jurisdiction ids (`US-CO`, `US-NY-NYC`, `CN`). The data lives in YAML
so that packs can add places without code. Matching runs two precompiled regexes built
as tries (one for names on lowercased text, one for capitals-only names and postal codes
on the text as written), so scanning a posting's location snippets stays cheap.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from postlint.regex_store import packaged, regex

__all__ = ["Gazetteer", "Jurisdiction", "builtin_path", "load_gazetteer", "parse_gazetteer", "validate_entry"]

_ID = regex(r"[A-Z]{2,3}(?:-[A-Z0-9]{1,16}){0,3}")
# A code ("CO", "NSW"), or an abbreviation ending in a full stop as newspapers write states ("Calif.", "N.C.").
_CODE = regex(r"[A-Z][A-Z0-9]{1,3}|(?:[A-Z][a-z]{0,4}\.){1,2}")
_KEYS = frozenset({"id", "name", "names", "codes", "places", "remote"})
_TOP_KEYS = frozenset({"jurisdictions", "remote_regions", "ignore"})
_REGION_KEYS = frozenset({"names", "ids"})
# Scripts written without spaces between words: their names match without word boundaries.
_CJK = regex(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")

# Kinds of hit. A name or code after a place qualifies it ("Denver, CO"); a place does not.
_PLACE, _NAME, _CODE_HIT, _REGION = 0, 1, 2, 3

# A place followed by one of these is a street, county or institution named after it, not the place
# ("Montgomery County, MD", "Washington University", "Athens-Clarke County").
_NOT_A_PLACE_AFTER = regex(
    r"-\s?(?!(?:Hybrid|Remote|On-?site|Onsite|In-?office|Office|Based)\b)[A-Z]|\s+(?:County|Counties|Parish|Borough|Township|Twp|Street|St\b|Avenue|Ave\b|Road|Rd\b|"
    r"Boulevard|Blvd|University|Post|Hall)\b"
)
# What may separate a place from the region or code that qualifies it ("Denver, CO", "Denver (CO)").
_QUALIFIER_GAP = regex(r"[ \t]*[,(]?[ \t]*")
# A capitalised word beside a state's name that makes it a town's ("Port Washington", "Maryland Heights"); a
# direction, a region's word or a work mode makes it a part of the state ("Northern Virginia", "Remote Washington").
_NOT_TOWN_WORDS = (
    r"North|South|East|West|Northern|Southern|Eastern|Western|Central|Greater|Upstate|Downstate|Rural|Coastal|"
    r"Remote|Hybrid|Onsite|Office|Based|Only|State|Area|Region|Metro|In|The|Of|And|Or|Near"
)
_TOWN_WORD_BEFORE = regex(rf"(?<![\w'’.-])(?!(?:{_NOT_TOWN_WORDS})\b)[A-Z][a-z]+[ \t]+\Z")
_TOWN_WORD_AFTER = regex(rf"[ \t]+(?!(?:{_NOT_TOWN_WORDS})\b)[A-Z][a-z]+\b")


def skip(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where a pattern that can match nothing (spacing, punctuation) ends when matched at `pos`."""
    match = pattern.match(text, pos)
    return match.end() if match is not None else pos


# A code counts after "Word, " where the word has a capital ("Athens, GA", "ST. LOUIS, MO", "GA, GA").
_CODE_AFTER = regex(r"[^\s,]*[A-Z][^\s,]*[ \t]*,[ \t]*\Z")
# A code between a town and its postal code is a code: "Artarmon NSW 2064", "Burgaw NC 28425". The postal code's
# length picks the country (and so the reading of a shared code: "Joondalup WA 6027" is Western Australia); a
# code with no reading in such a country is no code there ("Form DE 2501").
_POSTCODE_AFTER = regex(r"[ \t]+(\d{4,5})(?:-\d{4})?(?![\w-])")
_TOWN_BEFORE = regex(r"[A-Z][\w.'’-]*[ \t]+\Z")
_POSTCODE_DIGITS = {"US": 5, "AU": 4}
# Codes that are also English words: in a shouted location value ("ONSITE IN DENVER") they are words.
_LONG_WORD = regex(r"[^\W\d_]{3}")
_WORDLIKE_CODES = frozenset({"IN", "OR", "ME", "OK", "HI", "ON", "DE", "AL", "LA", "PA", "MA", "ID", "US"})

# Remote markers, and the glue between a marker and the region it is scoped to.
_REMOTE_WORDS = ("remote", "anywhere", "telecommut", "work from home", "wfh")
_REMOTE = regex(
    r"(?<!\w)(?:(?:fully|100\s*%|completely|full[- ]time)\s+)?(?:remote(?:ly)?|telecommute|work\s+from\s+home|"
    r"wfh)(?!\w)|(?<!\w)anywhere(?=\s+in\b)",
    re.IGNORECASE,
)
_AFTER_MARKER = regex(
    r"[ \t]*(?:[-–—:,/|(\[•·][ \t]*)*(?:(?:only\s+)?(?:within|in|from|across|throughout|based\s+in)\s+)?"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
_BEFORE_MARKER = regex(
    r"[ \t]*(?:-?[ \t]*based[ \t]+)?(?:[-–—/,|(\[•·][ \t]*)*(?:(?:fully|100\s*%)\s+)?\Z", re.IGNORECASE
)  # "US Remote", "US-Remote", "US-based Remote", "United States (Remote)", "US · Remote"
_LIST_GLUE = regex(r"[ \t]*(?:[,/&+|]|\band\b|\bor\b)[ \t]*(?:the\s+)?", re.IGNORECASE)


def _listed_before(text: str, hits: list[_Hit], last: _Hit) -> _Hit:
    """The first of the countries listed up to `last` ("US/Canada", "US, UK or Canada"), joined by list glue."""
    first = last
    while True:
        previous = [h for h in hits if h.end <= first.start and all(country_of(i) == i for i in _default(h))]
        if not previous or _LIST_GLUE.fullmatch(text, previous[-1].end, first.start) is None:
            return first
        first = previous[-1]


def _okay(text: str, marker_end: int, pos: int) -> bool:
    """Whether the word after a remote marker is "OK", okay, set off by spaces alone: "Remote OK" says remote
    work is fine; "Remote, OK" and "Remote - OK" name Oklahoma."""
    spaced = not text[marker_end:pos].strip(" \t")
    return spaced and text.startswith("OK", pos) and not text[pos + 2 : pos + 3].isalnum()


@dataclass(frozen=True)
class Jurisdiction:
    """One jurisdiction: its id, display name and whether its posting law reaches remote roles."""

    id: str
    name: str
    remote: bool


class _Hit(NamedTuple):
    start: int
    end: int
    ids: tuple[str, ...]  # for a code: every reading, the default first
    kind: int


@dataclass(frozen=True)
class _Words:
    """Words compiled for matching. Lowercased names run on lowercased text (plain literal branches
    are several times faster than case-insensitive ones); names in capitals and codes run on the
    text as written, in one case-sensitive regex."""

    folded: dict[str, tuple[tuple[str, ...], int] | None]
    upper: dict[str, tuple[tuple[str, ...], int] | None]
    folded_re: re.Pattern[str] | None
    upper_re: re.Pattern[str] | None

    @classmethod
    def build(cls, lookup: Mapping[str, tuple[tuple[str, ...], int] | None]) -> _Words:
        folded = {k[1:]: v for k, v in lookup.items() if k.startswith("\x00")}
        upper = {k: v for k, v in lookup.items() if not k.startswith("\x00")}
        words = [w for w in folded if not _CJK.search(w)]
        cjk = [w for w in folded if _CJK.search(w)]
        parts = [rf"(?<!\w)(?:{_trie(words)})(?!\w)"] if words else []
        if cjk:
            # The lookahead is one set test per position, instead of trying every CJK branch everywhere.
            parts.append(f"(?={_CJK.pattern})(?:{_trie(cjk)})")
        return cls(
            folded,
            upper,
            packaged("|".join(parts)) if parts else None,
            packaged(rf"(?<!\w)(?:{_trie(upper)})(?!\w)") if upper else None,
        )

    def hits(self, text: str, folded_text: str) -> list[_Hit]:
        hits: list[_Hit] = []
        ignored: list[tuple[int, int]] = []  # phrases that name no place ("U.S. News"): no name inside them counts
        if self.folded_re is not None:
            table = self.folded
            for m in self.folded_re.finditer(folded_text):
                found = table.get(_norm(m.group()))
                if found is not None:
                    hits.append(_Hit(m.start(), m.end(), *found))
                elif _norm(m.group()) in table:
                    ignored.append(m.span())
        if self.upper_re is not None and not text.islower():
            table = self.upper
            for m in self.upper_re.finditer(text):
                found = table.get(_norm(m.group()))
                if found is None:
                    continue
                s, e = m.span()
                if not any(h.start < e and s < h.end for h in hits) and not any(
                    a < e and s < b for a, b in ignored
                ):  # "NY" in "New York, NY"; "U.S." in "U.S. News"
                    hits.append(_Hit(s, e, *found))
        return hits


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """Compiled place names -> jurisdiction ids. Picklable (it is cached on disk with the packs).

    Build it with `load_gazetteer()` and `extend()`; the constructor takes entries that are
    already validated, as (batch, entry) pairs: a later batch (a pack's additions) wins over
    an earlier one on the same id, name or code.
    """

    entries: tuple[tuple[int, Mapping[str, Any]], ...]
    remote_regions: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    ignore: tuple[str, ...] = ()
    jurisdictions: dict[str, Jurisdiction] = field(init=False, repr=False)
    _words: _Words = field(init=False, repr=False)
    _regions: _Words = field(init=False, repr=False)

    def __post_init__(self) -> None:
        latest: dict[str, tuple[int, int, Mapping[str, Any]]] = {}
        for position, (batch, entry) in enumerate(self.entries):
            old = latest.get(entry["id"])
            latest[entry["id"]] = (batch, old[1] if old else position, entry)  # replaced in place

        jurisdictions: dict[str, Jurisdiction] = {}
        lookup: dict[str, tuple[tuple[str, ...], int] | None] = {}
        lookup_batch: dict[str, int] = {}
        codes: dict[str, list[tuple[int, int, str]]] = {}
        for batch, position, entry in sorted(latest.values(), key=lambda t: t[1]):
            jid = entry["id"]
            jurisdictions[jid] = Jurisdiction(jid, entry["name"], entry["remote"])
            # A city-level jurisdiction's own name is still a place: "Toledo, Spain" is Spain.
            name_kind = _NAME if jid.count("-") <= 1 else _PLACE
            for kind, words in ((name_kind, entry["names"]), (_PLACE, entry["places"])):
                for word in words:
                    key = _key(word)
                    if lookup_batch.get(key, -1) <= batch:
                        lookup[key], lookup_batch[key] = ((jid,), kind), batch
            for code in entry["codes"]:
                codes.setdefault(code, []).append((-batch, position, jid))
        for phrase in self.ignore:
            lookup.setdefault(_key(phrase), None)
        for code, readings in codes.items():
            # Later batches first, then file order: a bare "CA" is the first entry that lists it.
            lookup.setdefault(code, (tuple(j for _, _, j in sorted(readings)), _CODE_HIT))
        regions: dict[str, tuple[tuple[str, ...], int] | None] = {}
        for names, ids in self.remote_regions:
            for name in names:
                regions[_key(name)] = (ids, _REGION)

        object.__setattr__(self, "jurisdictions", jurisdictions)
        object.__setattr__(self, "_words", _Words.build(lookup))
        object.__setattr__(self, "_regions", _Words.build(regions))

    # ------------------------------------------------------------------ queries

    def name(self, jurisdiction_id: str) -> str:
        """Display name of an id ("US-CO" -> "Colorado"); an unknown id is its own name."""
        found = self.jurisdictions.get(jurisdiction_id)
        return found.name if found else jurisdiction_id

    def get(self, jurisdiction_id: str) -> Jurisdiction | None:
        return self.jurisdictions.get(jurisdiction_id)

    def country_by_code(self, code: str) -> str | None:
        """The country whose two-letter code this is ("DE" -> "EU-DE"), never a state that shares it (Delaware).
        A country's own code comes first in its entry: "WA" among Australia's codes is Western Australia's."""
        for _, entry in reversed(self.entries):  # a later batch wins, as for names
            jid = entry["id"]
            own = entry["codes"][:1] == [code] or tuple(entry["codes"][:1]) == (code,)
            if own and ("-" not in jid or (jid.startswith("EU-") and jid.count("-") == 1)):
                return str(jid)
        return None

    def names_region(self, text: str) -> bool:
        """Whether `text` is written as the name or code of a country, state or province ("D.C.", "Calif.", "Iowa"),
        not as a town that stands for one ("Phoenix")."""
        key = _key(text)
        words = self._words
        found = words.upper.get(_norm(text))  # codes ("NY", "Calif.") and names in capitals
        if found is None and key.startswith("\x00"):
            found = words.folded.get(key[1:])
        return found is not None and found[1] != _PLACE

    def remote_covered(self, country_id: str) -> tuple[str, ...]:
        """Ids at or under `country_id` whose posting law covers remote roles that could be done there."""
        prefix = country_id + "-"
        return tuple(
            sorted(
                j.id
                for j in self.jurisdictions.values()
                if j.remote and (j.id == country_id or j.id.startswith(prefix))
            )
        )

    def find(self, text: str, *, location_value: bool = False) -> list[tuple[int, int, tuple[str, ...]]]:
        """Spans (start, end, ids) of the places named in `text`.

        `location_value=True` says the text is the value of a location field, where a bare
        code ("CO", "Remote - CA") is a code; elsewhere codes count only after "City, " or
        in parentheses. A place qualified by a region or code ("Denver, CO", "London, ON")
        is one span with the most specific reading.
        """
        hits = self._hits(text, location_value)
        return [(h.start, h.end, h.ids) for h in _qualify(text, hits)] if hits else []

    def find_remote(
        self, text: str, *, location_value: bool = False, scoped: bool = False
    ) -> list[tuple[int, int, tuple[str, ...]]]:
        """Spans (start, end, ids) of remote roles scoped to an area: "Remote (US)", "anywhere in Canada".

        The span runs from the remote marker to the region. `scoped=True` says the whole text
        is about remote work already (the value of a "Remote:" field), so every region in it counts.
        """
        if scoped:
            hits = [
                h
                for h in self._raw_hits(text, remote=True)
                if h.kind != _PLACE and (h.kind != _CODE_HIT or location_value or _code_ok(text, h))
            ]
            return [(h.start, h.end, h.ids) for h in _qualify(text, hits)]
        low = text.lower()
        if not any(word in low for word in _REMOTE_WORDS):
            return []
        markers = list(_REMOTE.finditer(text))
        if not markers:
            return []
        # Only the text around a marker can scope it; in a long text (many headings joined), look there alone.
        windows: list[list[int]] = []
        for marker in markers:
            a, b = max(0, marker.start() - 60), marker.end() + 120
            a = text.rfind(" ", 0, a) + 1 if a else 0  # whole words only
            b = len(text) if (space := text.find(" ", b)) == -1 else space
            if windows and a <= windows[-1][1]:
                windows[-1][1] = b
            else:
                windows.append([a, b])
        # Codes count in any position next to a marker ("US-Remote"); cities do not scope a remote role.
        hits = [
            _Hit(h.start + a, h.end + a, h.ids, h.kind)
            for a, b in windows
            for h in self._raw_hits(text[a:b], remote=True)
            if h.kind != _PLACE
        ]
        if not hits:
            return []
        by_start: dict[int, _Hit] = {}
        for hit in hits:
            by_start.setdefault(hit.start, hit)  # the longest hit at a position comes first
        found: list[tuple[int, int, tuple[str, ...]]] = []
        for marker in markers:
            # Forward: "Remote (US)", "Remote within the US", "anywhere in Canada", "Remote - US, Canada".
            regions: list[_Hit] = []
            pos = skip(_AFTER_MARKER, text, marker.end())
            if _okay(text, marker.end(), pos):
                continue  # "Remote OK (US time zones)": remote work is fine, not remote in Oklahoma
            while (region := by_start.get(pos)) is not None:
                regions.append(region)
                glue = _LIST_GLUE.match(text, region.end)
                if glue is None:
                    break
                pos = glue.end()
            if regions:
                ids = tuple(dict.fromkeys(i for h in regions for i in _default(h)))
                found.append((marker.start(), regions[-1].end, ids))
                continue
            # Backward, countries and regions only: "US Remote", "US-Remote", "United States (Remote)".
            before = [h for h in hits if h.end <= marker.start() and _BEFORE_MARKER.match(text, h.end, marker.start())]
            if before:
                ids = _default(before[-1])
                if all(country_of(i) == i for i in ids):  # countries, EU members included; not states
                    first = _listed_before(text, hits, before[-1])  # "US/Canada remote": the list's first country
                    ids = tuple(
                        dict.fromkeys(
                            i for h in hits if first.start <= h.start <= before[-1].start for i in _default(h)
                        )
                    )
                    found.append((first.start, marker.end(), ids))
        return _merge_spans([(s, _close_paren(text, s, e), ids) for s, e, ids in found])

    def extend(self, entries: Sequence[Mapping[str, Any]]) -> Gazetteer:
        """A gazetteer with more entries (same schema as the YAML); they win over existing ones on the same id."""
        batch = max((b for b, _ in self.entries), default=-1) + 1
        checked = _validate(entries, "gazetteer extension", strict=False)
        return Gazetteer(self.entries + tuple((batch, e) for e in checked), self.remote_regions, self.ignore)

    # ------------------------------------------------------------------ matching

    def _raw_hits(self, text: str, *, remote: bool = False, narrowing: bool = False) -> list[_Hit]:
        """Every name, place, code (in any position) and, for remote scoping, region word in `text`.
        `narrowing=True` adds only the regions that narrow a name they contain ("USA east coast")."""
        folded = _fold(text)
        hits = self._words.hits(text, folded)
        if remote or narrowing:
            # A region that contains a name is the longer reading ("USA east coast" is not all of the USA);
            # one that only overlaps a name loses to it.
            for region in self._regions.hits(text, folded):
                inside = [o for o in hits if region.start <= o.start and o.end <= region.end]
                if any(o.start < region.end and region.start < o.end for o in hits if o not in inside):
                    continue
                if (not inside and not remote) or any(o.end - o.start == region.end - region.start for o in inside):
                    continue
                hits = [o for o in hits if o not in inside] + [region]
        if len(hits) > 1:
            hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _hits(self, text: str, location_value: bool) -> list[_Hit]:
        """Hits that read as places here: names not followed by "County" etc., codes only in code position."""
        hits = self._raw_hits(text, narrowing=True)
        if not hits:
            return hits
        # A value in capitals with real words in it ("ONSITE IN DENVER") reads its short codes as words.
        shouted = location_value and not any(c.islower() for c in text) and _LONG_WORD.search(text) is not None
        kept: list[_Hit] = []
        for hit in hits:
            s, e = hit.start, hit.end
            if hit.kind == _CODE_HIT:
                if (s >= 2 and text[s - 1] in "-&" and text[s - 2].isalnum()) or (
                    e + 1 < len(text) and text[e] in "-.&" and text[e + 1].isalnum()
                ):
                    continue  # "CO-OP", "IN-HOUSE", and a name joined by "&" ("ES&S", "AT&T")
                if s and text[s - 1] == "(" and text[e : e + 1] != ")":
                    continue  # "(MS preferred)", "(OR equivalent)": a word opening a remark
                if s and text[s - 1] == "(" and _abbreviates(text, s, e):
                    continue  # "Physician Assistant (PA)", "Quality Control (QC)": the words' abbreviation
                if (postal := _postal_reading(text, hit)) is not None:
                    kept.append(postal)
                    continue
                after_place = bool(kept) and kept[-1].end < s and not text[kept[-1].end : s].strip()
                if not (after_place or _code_ok(text, hit)) and (
                    not location_value or (shouted and text[s:e] in _WORDLIKE_CODES)
                ):
                    continue
            elif _NOT_A_PLACE_AFTER.match(text, e) or (
                s >= 2 and text[s - 1] == "-" and text[s - 2].isascii() and text[s - 2].isalpha()
            ):
                continue
            kept.append(hit)
        return [hit for i, hit in enumerate(kept) if not _street_code(text, hit, kept[i + 1 : i + 2])]


def _postal_reading(text: str, hit: _Hit) -> _Hit | None:
    """A code after a town and before a postal code ("Artarmon NSW 2064"), read in the country whose postal codes
    have that many digits; None when the code is not so placed or has no reading there."""
    postcode = _POSTCODE_AFTER.match(text, hit.end)
    if postcode is None or hit.start == 0 or _TOWN_BEFORE.search(text, max(0, hit.start - 40), hit.start) is None:
        return None
    digits = len(postcode.group(1))
    ids = tuple(j for j in hit.ids if _POSTCODE_DIGITS.get(country_of(j)) == digits)
    return hit._replace(ids=ids) if ids else None


def _street_code(text: str, hit: _Hit, following: list[_Hit]) -> bool:
    """A country's code written just before a state of another country is part of a street address
    ("300 Monroe NW GR MI" is Grand Rapids, Michigan, not Greece): a country never comes before its state."""
    if hit.kind != _CODE_HIT or not following or following[0].kind != _CODE_HIT:
        return False
    country, after = hit.ids[0], following[0]
    if country_of(country) != country or text[hit.end : after.start].strip(" \t"):
        return False
    return all(country_of(j) not in (j, country) for j in after.ids)


# ---------------------------------------------------------------------- helpers


@functools.lru_cache(maxsize=8192)
def _norm(word: str) -> str:
    """A name as written, with single spaces and one kind of apostrophe."""
    return " ".join(word.split()).replace("’", "'").replace("ʻ", "'")


def _key(word: str) -> str:
    """Lookup key: lowercased and marked by a NUL, unless written in capitals ("USA" matches only "USA")."""
    word = _norm(word)
    if word.isascii():  # most names: the same answer without a list per name (its letters are its cased characters)
        return word if word.isupper() else "\x00" + word.lower()
    letters = [c for c in word if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return word
    return "\x00" + word.lower()


def _fold(text: str) -> str:
    """`text` lowercased without changing its length, so offsets stay valid ("İ" would grow: it is kept)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@functools.cache  # a trie of the gazetteer's names escapes the same few characters thousands of times
def _char(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['’ʻ]"
    return re.escape(ch)


def _trie(words: Iterable[str]) -> str:
    """A regex alternation of `words` factored as a trie: fast to scan, and the longest alternative wins."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return emit(root)


# Words right before a bracket, joined by spaces or hyphens: two for a two-letter code, three for a three-letter one.
_WORDS_BEFORE = {n: regex(rf"(?:[^\W\d_][\w'’]*[ \t-]+){{{n - 1}}}[^\W\d_][\w'’]*[ \t]*\Z") for n in (2, 3)}


def _abbreviates(text: str, s: int, e: int) -> bool:
    """Whether the code at text[s:e], in brackets, is the initials of the words just before the bracket: a term
    and its abbreviation ("Medical Doctor (MD)", "Quality Control (QC)"), not a place. A place named in full before
    its code ("New Mexico (NM)") is read from its name."""
    pattern = _WORDS_BEFORE.get(e - s)
    if pattern is None:
        return False
    before = pattern.search(text, max(0, s - 1 - 40 * (e - s)), s - 1)
    if before is None:
        return False
    initials = "".join(word[0] for word in re.split(r"[ \t-]+", before.group().strip()))
    return initials.upper() == text[s:e].upper()


def _code_ok(text: str, hit: _Hit) -> bool:
    """Is the code where codes are written: "(CO)" or after "City, "?"""
    s, e = hit.start, hit.end
    if s > 0 and text[s - 1] == "(" and text[e : e + 1] == ")":
        return True
    return s > 0 and _CODE_AFTER.search(text, max(0, s - 40), s) is not None


def _under(jid: str, ancestor: str) -> bool:
    return jid == ancestor or jid.startswith(ancestor + "-")


def _default(hit: _Hit) -> tuple[str, ...]:
    """The ids a hit stands for on its own: a shared code means its first reading."""
    return hit.ids[:1] if hit.kind == _CODE_HIT else hit.ids


def _qualify(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Join each place with the region or code that qualifies it ("Denver, CO", "Toronto, ON, Canada").

    A qualifier that contains the place keeps the place's more specific reading; one that does not
    re-reads it ("London, ON" is Ontario, "Paris, Texas" is Texas). Lists ("NY, NJ") stay apart.
    """
    if len(hits) > 1:
        hits = _towns_named_for_states(text, hits)
    out: list[_Hit] = []
    for n, hit in enumerate(hits):
        if out:
            prev = out[-1]
            if prev.end <= hit.start and skip(_QUALIFIER_GAP, text, prev.end) >= hit.start:
                closes = n == len(hits) - 1 or _closes(text, hit, hits[n + 1])
                joined = _join(prev, hit, closes and text[hit.start : hit.end].lower() not in _CITY_STATE_NAMES)
                if joined is not None:
                    out[-1] = joined
                    continue
        out.append(hit if hit.kind != _CODE_HIT else hit._replace(ids=hit.ids[:1]))
    return out


def _towns_named_for_states(text: str, hits: list[_Hit]) -> list[_Hit]:
    """A town whose name holds a state's, qualified by another state of its country, is a town of that one: "Port
    Washington, NY" is New York, "Maryland Heights, MO" Missouri, "Michigan City, IN" Indiana. The state's name is
    then one word of a longer capitalised name; a direction before it names a part of the state ("Northern
    Virginia"), and a state's name alone before a code ("Washington, NC", "Utah, Texas, NY") may be a list."""
    out: list[_Hit] = []
    n = 0
    while n < len(hits):
        hit = hits[n]
        following = hits[n + 1] if n + 1 < len(hits) else None
        if following is not None and hit.kind == _NAME and following.kind in (_NAME, _CODE_HIT):
            town = _town_around(text, hit, out[-1].end if out else 0)
            qualifier = _default(following)
            if (
                town is not None
                and following.start > town[1]
                and skip(_QUALIFIER_GAP, text, town[1]) == following.start
                and _one_state_each(hit.ids, qualifier)
            ):
                out.append(_Hit(town[0], following.end, qualifier, _NAME))
                n += 2
                continue
        out.append(hit)
        n += 1
    return out


def _town_around(text: str, hit: _Hit, floor: int) -> tuple[int, int] | None:
    """The span of a capitalised name that holds `hit` and a word before or after it ("Port Washington", "Michigan
    City"), starting at or after `floor`; None when the name is the hit alone."""
    before = _TOWN_WORD_BEFORE.search(text, max(floor, hit.start - 20), hit.start)
    after = _TOWN_WORD_AFTER.match(text, hit.end)
    if before is None and after is None:
        return None
    return (before.start() if before else hit.start), (after.end() if after else hit.end)


def _one_state_each(named: tuple[str, ...], qualifier: tuple[str, ...]) -> bool:
    """Both read one state or province (no country, city or EU member), of the same country."""
    if len(named) != 1 or len(qualifier) != 1:
        return False
    a, b = named[0], qualifier[0]
    return a.count("-") == 1 == b.count("-") and not a.startswith("EU-") and country_of(a) == country_of(b)


def country_of(jid: str) -> str:
    """The country an id is in: US for US-CA-SF, EU-DE for EU-DE (EU members are countries)."""
    parts = jid.split("-", 2)
    return "-".join(parts[:2]) if parts[0] == "EU" else parts[0]


def _closes(text: str, hit: _Hit, following: _Hit) -> bool:
    """Whether no list of places goes on after `hit`: no comma follows it, or only its country does
    ("Lexington, Virginia, USA")."""
    if not text[hit.end : following.start].lstrip(" \t").startswith(","):
        return True
    return following.kind != _PLACE and all(any(f != i and _under(i, f) for f in following.ids) for i in hit.ids)


# Regions named like a big city elsewhere: "Austin, New York" may list two cities, so the name re-reads nothing.
_CITY_STATE_NAMES = frozenset({"new york", "washington"})


def _join(prev: _Hit, hit: _Hit, closes: bool = False) -> _Hit | None:
    """`prev` qualified by `hit` when `hit` qualifies it; `closes` says that no list goes on after `hit`."""
    inside = [q for q in hit.ids if all(_under(p, q) for p in prev.ids)]
    if inside and (hit.kind != _PLACE or set(inside) != set(prev.ids)):
        return _Hit(prev.start, hit.end, prev.ids, prev.kind)
    if prev.kind != _PLACE:
        return None
    # A code re-reads the place before it ("Dublin, OH"). A region's name does so across countries ("Paris,
    # Texas", "London, Ontario"), and within one where it ends the list ("Lexington, Virginia"): "Austin, Texas,
    # Boston" goes on, so there it is a list.
    if hit.kind == _CODE_HIT or (
        hit.kind == _NAME and (closes or {country_of(i) for i in hit.ids}.isdisjoint(country_of(i) for i in prev.ids))
    ):
        return _Hit(prev.start, hit.end, _default(hit), hit.kind)
    return None


def _close_paren(text: str, start: int, end: int) -> int:
    """A span that opened a parenthesis keeps its closing one: "Anywhere in the U.S. (remote)"."""
    if text[end : end + 1] == ")" and text.count("(", start, end) > text.count(")", start, end):
        return end + 1
    return end


def _merge_spans(found: list[tuple[int, int, tuple[str, ...]]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Overlapping remote spans ("Anywhere in the U.S. (remote)") are one."""
    found.sort()
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for s, e, ids in found:
        if out and s < out[-1][1]:
            ps, pe, pids = out[-1]
            out[-1] = (ps, max(pe, e), tuple(dict.fromkeys(pids + ids)))
        else:
            out.append((s, e, ids))
    return out


# ---------------------------------------------------------------------- loading


def _strings(entry: Mapping[str, Any], key: str, problems: list[str]) -> tuple[str, ...]:
    value = entry.get(key, ())
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        problems.append(f"'{key}' must be a list of strings")
        return ()
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problems.append(f"'{key}' has an item that is not a non-empty string: {item!r}")
            continue
        out.append(item.strip())
    return tuple(out)


def _check_entry(entry: Any) -> tuple[dict[str, Any] | None, list[str]]:
    """One entry normalized, or the problems with it."""
    if not isinstance(entry, Mapping):
        return None, [f"must be a mapping, not {type(entry).__name__}"]
    problems: list[str] = []
    unknown = sorted(str(k) for k in entry if k not in _KEYS)
    if unknown:
        problems.append(f"unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(_KEYS))})")
    jid = entry.get("id")
    if not isinstance(jid, str) or not _ID.fullmatch(jid):
        problems.append(f"'id' must look like US, EU-DE, US-CO or US-NY-NYC, not {jid!r}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("'name' must be a non-empty string")
    names, places, codes = (_strings(entry, k, problems) for k in ("names", "places", "codes"))
    problems += [
        f"code {c!r} must be 2-4 capital letters or digits, or an abbreviation ending in a full stop ('Calif.')"
        for c in codes
        if not _CODE.fullmatch(c)
    ]
    remote = entry.get("remote", False)
    if not isinstance(remote, bool):
        problems.append(f"'remote' must be true or false, not {remote!r}")
    if problems or not isinstance(name, str):
        return None, problems
    return {"id": jid, "name": name.strip(), "names": names, "places": places, "codes": codes, "remote": remote}, []


def validate_entry(entry: Any) -> None:
    """Check one entry (e.g. an item of a pack's `places`) against the schema; ValueError says what is wrong."""
    _, problems = _check_entry(entry)
    if problems:
        raise ValueError("; ".join(problems))


def _validate(entries: Any, where: str, *, strict: bool) -> tuple[Mapping[str, Any], ...]:
    """Check entries and return them normalized; bad data raises ValueError naming the entry.

    `strict` (the built-in file) also refuses an id or a name used twice, which there is a data
    mistake; in an extension the later entry wins instead.
    """
    if not isinstance(entries, (list, tuple)):
        raise ValueError(f"{where}: 'jurisdictions' must be a list of entries")
    out: list[Mapping[str, Any]] = []
    seen_ids: dict[str, int] = {}
    seen_words: dict[str, tuple[int, str]] = {}
    for index, entry in enumerate(entries):
        checked, problems = _check_entry(entry)
        jid = entry.get("id") if isinstance(entry, Mapping) else None
        label = f"{where}: entry {index}" + (f" ({jid})" if isinstance(jid, str) else "")
        if checked is not None and strict:
            if checked["id"] in seen_ids:
                problems.append(f"duplicate id (also entry {seen_ids[checked['id']]})")
            for word in checked["names"] + checked["places"]:
                other = seen_words.setdefault(_key(word), (index, checked["id"]))
                if other[1] != checked["id"]:
                    problems.append(f"{word!r} also names entry {other[0]} ({other[1]})")
        if problems or checked is None:
            raise ValueError(f"{label}: {'; '.join(problems)}")
        seen_ids[checked["id"]] = index
        out.append(checked)
    return tuple(out)


def _validate_regions(regions: Any, where: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    if regions is None:
        return ()
    if not isinstance(regions, list):
        raise ValueError(f"{where}: 'remote_regions' must be a list")
    out = []
    for index, region in enumerate(regions):
        label = f"{where}: remote_regions entry {index}"
        if not isinstance(region, Mapping):
            raise ValueError(f"{label}: must be a mapping")
        problems: list[str] = []
        unknown = sorted(str(k) for k in region if k not in _REGION_KEYS)
        if unknown:
            problems.append(f"unknown key(s) {', '.join(unknown)}")
        names, ids = _strings(region, "names", problems), _strings(region, "ids", problems)
        problems += [f"id {i!r} is not a jurisdiction id" for i in ids if not _ID.fullmatch(i)]
        if not names or not ids:
            problems.append("needs 'names' and 'ids'")
        if problems:
            raise ValueError(f"{label}: {'; '.join(problems)}")
        out.append((names, ids))
    return tuple(out)


def parse_gazetteer(data: Any, where: str = "gazetteer") -> Gazetteer:
    """A gazetteer from parsed YAML: `jurisdictions`, and optionally `remote_regions` and `ignore`."""
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: must be a mapping with a 'jurisdictions' list")
    unknown = sorted(str(k) for k in data if k not in _TOP_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown top-level key(s) {', '.join(unknown)}")
    entries = _validate(data.get("jurisdictions"), where, strict=True)
    regions = _validate_regions(data.get("remote_regions"), where)
    problems: list[str] = []
    ignore = _strings(data, "ignore", problems)
    if problems:
        raise ValueError(f"{where}: {'; '.join(problems)}")
    return Gazetteer(tuple((0, e) for e in entries), regions, ignore)


def builtin_path() -> Path:
    """Where the built-in gazetteer's YAML is (a disk cache keys on its size and time).

    Beside this module, as the package ships it: `importlib.resources` would cost a start-up
    a few milliseconds to say the same, and the path is needed as a file anyway.
    """
    return Path(__file__).parent.parent / "data" / "gazetteer.yaml"


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The built-in gazetteer (postlint/data/gazetteer.yaml), read once per process."""
    from postlint.packs.yamlpos import load_shipped

    data = load_shipped(builtin_path().read_text(encoding="utf-8"))
    return parse_gazetteer(data, "gazetteer.yaml")
