"""What postlint knows about one posting: its places, jurisdictions and pay, computed once and lazily.

Rules share these facts through the check context, so a posting is searched for
places and pay once however many rules ask, and not at all when none does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from postlint.document import Document
from postlint.laws import within
from postlint.prefilter import holds_any
from postlint.regex_store import regex

if TYPE_CHECKING:
    from postlint.facts.gazetteer import Gazetteer
    from postlint.facts.language import Guess
    from postlint.facts.locations import Place
    from postlint.facts.page import NotAPosting
    from postlint.facts.pay import PayMention
    from postlint.facts.statements import StatementFinder

# A section about pay: a bare amount under it is pay ("## Compensation" then "$120k – $150k").
PAY_HEADING = regex(
    r"\b(?:compensation|salary|salaries|pay|wages?|remuneration|rate of pay|pay range|what we offer|"
    r"(?:hourly|starting|base|pay|daily)\s+rate|"
    r"gehalt|vergütung|verguetung|salaire|rémunération|salario|retribución|lön)\b"
    # Chinese has no spaces between words, so its pay words are found inside longer ones ("薪酬范围", "薪资待遇").
    # 待遇 alone is pay ("## 待遇"), but next to 福利 the section is about benefits ("福利待遇", "待遇及福利").
    # The look-behinds come after 待遇, so that every branch opens with a character `re` can skip ahead to.
    r"|薪资|薪酬|工资|薪水|待遇(?<!福利待遇)(?<!福利与待遇)(?<!福利和待遇)(?<!福利及待遇)(?!福利|及福利|和福利|与福利)",
    re.IGNORECASE,
)
# A string of each branch of PAY_HEADING, lower-cased: a text holding none of them names no pay, and testing for
# them costs far less than the search, which `re` tries at every position of a paragraph.
_PAY_HEADING_WORDS = (
    "compensation", "salar", "salaire", "pay", "wage", "remuneration", "rémunération", "rate", "what we offer",
    "gehalt", "vergütung", "verguetung", "retribución", "lön", "薪资", "薪酬", "工资", "薪水", "待遇",
)  # fmt: skip
_HAN = regex(r"[\u4e00-\u9fff]")
_KANA_OR_HANGUL = regex(r"[\u3040-\u30ff\uac00-\ud7af]")  # Japanese or Korean, whose titles may be all Han
_DIGIT = regex(r"\d")
_LABEL_PERIOD = regex(r"\b(?:hourly|daily|weekly|monthly|annual|yearly)\b", re.IGNORECASE)
_PAY_SCOPES = frozenset({"heading", "paragraph", "list_item", "table_cell"})


def names_pay(text: str) -> bool:
    """Whether the text holds a word for pay (`PAY_HEADING`)."""
    return holds_any(text.lower(), _PAY_HEADING_WORDS) and PAY_HEADING.search(text) is not None


def _introduces_pay(text: str, named: bool | None = None) -> bool:
    """Whether a block introduces a list of pay figures ("Our base salary ranges are:"): it names pay and gives
    no figure of its own, or ends with a colon. `named` is `names_pay(text)` where the caller has it."""
    if named is None:
        named = names_pay(text)
    return named and (not _DIGIT.search(text) or text.endswith((":", "：")))


_PAY_TEMPLATE = regex(r"\{%-?\s*include\s[^%]*?(?:salary|pay|compensation|wage)[^%]*%\}", re.IGNORECASE)
_TEMPLATE_MIN = regex(r"\bmin(?:imum)?\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_TEMPLATE_MAX = regex(r"\bmax(?:imum)?\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_EXPLICIT_US_DOLLAR = regex(r"US\$|USD|U\.S\.\s*dollars?", re.IGNORECASE)
# The currency a bare '$' means, by the country of the posting.
_DOLLAR_BY_COUNTRY = (("CA", "CAD"), ("AU", "AUD"), ("NZ", "NZD"), ("SG", "SGD"), ("US", "USD"))


@dataclass(frozen=True, slots=True)
class PayFact:
    """A pay mention in the posting, with offsets into the whole source."""

    start: int
    end: int
    kind: str  # range | single | up-to | from | vague
    minimum: float | None
    maximum: float | None
    currency: str | None
    period: str | None
    text: str
    source: str  # where it was read: text, badge, header, front-matter, template or json-ld
    period_implied: bool = False  # no period is written; a salary-sized figure reads as per year
    currency_implied: bool = False  # no currency is written; it is the posting's country's

    @property
    def is_amount(self) -> bool:
        return self.kind != "vague"

    def describe(self) -> str:
        """'USD 135,000–165,000 per year (range)' for inspect and messages."""
        low = _money(self.minimum)
        high = _money(self.maximum)
        if self.kind == "range":
            amount = f"{low}–{high}"
        elif self.kind == "single":
            amount = low
        elif self.kind == "up-to":
            amount = f"up to {high}"
        elif self.kind == "from":
            amount = f"from {low}"
        else:
            return "vague"
        currency = f"{self.currency} " if self.currency else ""
        period = f" per {self.period}" if self.period else ""
        return f"{currency}{amount}{period} ({self.kind})"


def _money(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.2f}" if value != int(value) else f"{int(value):,}"


class PostingFacts:
    """Facts about one document, each computed on first use."""

    __slots__ = (
        "_by_employer",
        "_federal",
        "_jurisdiction_set",
        "_jurisdictions",
        "_language",
        "_page",
        "_pay",
        "_places",
        "_statements",
        "_words",
        "default",
        "doc",
        "gazetteer",
        "memo",
        "names",
        "override",
    )

    def __init__(
        self,
        doc: Document,
        gazetteer: Gazetteer | None,
        front_matter_names: Mapping[str, str],
        *,
        override: Sequence[str] = (),
        default: Sequence[str] = (),
    ) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.names = front_matter_names
        self.override = tuple(override)
        self.default = tuple(default)
        self._places: list[Place] | None = None
        self._jurisdictions: tuple[str, ...] | None = None
        self._by_employer = False  # `detected` is the employer's country: the posting names no place
        self._jurisdiction_set: frozenset[str] | None = None
        self._pay: list[PayFact] | None = None
        self._page: NotAPosting | bool | None = False  # False: not read yet
        self._language: Guess | None = None
        self._words: int | None = None
        self._federal: tuple[str, str] | bool | None = False  # False: not read yet
        self._statements: dict[tuple[str, tuple[str, ...]], list[tuple[int, int]]] = {}
        # Views of the document that rules and facts share (scopes lower-cased, the fact view of the
        # blocks, JSON-LD, metrics): built on first use and kept for this lint only, here rather than
        # on the document, which stays as the reader made it.
        self.memo: dict[Any, Any] = {}

    def field(self, canonical: str) -> Any:
        """A front-matter value by its canonical name (mapped by the `front-matter` config)."""
        return self.doc.meta(self.names.get(canonical, canonical))

    @property
    def places(self) -> list[Place]:
        if self._places is None:
            if self.gazetteer is None:
                self._places = []
            else:
                from postlint.facts.locations import find_places

                keys = [self.names.get("location", "location")]
                self._places = find_places(self.doc, self.gazetteer, keys, self.memo)
                if not self._places and self.doc.format == "html":
                    # A place stated only in the page's JobPosting markup is still the job's place.
                    from postlint.facts.markup import markup_places

                    self._places = markup_places(self.doc, self.gazetteer, self.memo)
        return self._places

    @property
    def jurisdiction_source(self) -> str:
        """Where the jurisdictions came from: option, posting (its places), employer, config or none."""
        if self.override:
            return "option"
        if self.detected:
            return "employer" if self._by_employer else "posting"
        return "config" if self.default else "none"

    @property
    def detected(self) -> tuple[str, ...]:
        """The jurisdictions of the places the posting names; where it names none, the country of a national
        government that is the employer (a Canadian Digital Service job is in Canada, wherever in it)."""
        if self._jurisdictions is None:
            if self.gazetteer is None or not self.doc.linted:
                self._jurisdictions = ()
            else:
                from postlint.facts.locations import posting_jurisdictions

                self._jurisdictions = posting_jurisdictions(self.places, self.gazetteer)
                if not self._jurisdictions:
                    self._jurisdictions = self._employer_country()
                    self._by_employer = bool(self._jurisdictions)
        return self._jurisdictions

    def _employer_country(self) -> tuple[str, ...]:
        federal = self.federal_employer
        if federal is None or self.gazetteer is None or self.gazetteer.get(federal[0]) is None:
            return ()
        return (federal[0],)

    @property
    def jurisdictions(self) -> tuple[str, ...]:
        """`--jurisdiction` wins; else what the posting names; else the config's default."""
        if self.override:
            return self.override
        return self.detected or self.default

    @property
    def jurisdiction_set(self) -> frozenset[str]:
        """`jurisdictions` as a set, built once: every rule's conditions and laws ask for it."""
        if self._jurisdiction_set is None:
            self._jurisdiction_set = frozenset(self.jurisdictions)
        return self._jurisdiction_set

    @property
    def federal_employer(self) -> tuple[str, str] | None:
        """(country, sign) when the job is a national government's own, which regional laws do not bind."""
        if self._federal is False:
            from postlint.facts.employer import federal_employer

            self._federal = federal_employer(self.doc) if self.doc.linted else None
        return self._federal  # type: ignore[return-value]

    @property
    def language_guess(self) -> Guess:
        """The posting's language and what it rests on (front matter or the text's function words)."""
        if self._language is None:
            from postlint.facts.language import guess_language

            self._language = guess_language(self.doc)
        return self._language

    @property
    def language(self) -> str | None:
        """The posting's language as an ISO 639-1 code (`en`, `fr`, `de`...), or None if unsure."""
        return self.language_guess.language

    @property
    def word_count(self) -> int:
        """Words of the posting's prose, counted once for every rule that asks."""
        if self._words is None:
            from postlint.facts.language import count_words

            self._words = count_words(self.doc, self.memo)
        return self._words

    def statements(self, finder: StatementFinder) -> list[tuple[int, int]]:
        """Where the posting's own statements (equal opportunity, inclusion...) are, as source spans: found
        once for every rule that recognises them the same way."""
        found = self._statements.get(finder.key)
        if found is None:
            found = self._statements[finder.key] = finder.find(self.doc, self.memo)
        return found

    @property
    def not_a_posting(self) -> NotAPosting | None:
        """Why the file is plainly not a job posting (a privacy policy, an error page), or None."""
        if self._page is False:
            from postlint.facts.page import not_a_posting

            self._page = not_a_posting(self.doc, has_pay=lambda: any(p.is_amount for p in self.pay))
        return self._page  # type: ignore[return-value]

    @property
    def pay(self) -> list[PayFact]:
        if self._pay is None:
            self._pay = self._find_pay()
        return self._pay

    def _find_pay(self) -> list[PayFact]:
        from postlint.facts.pay import find_pay
        from postlint.facts.view import fact_blocks, header_fields

        doc = self.doc
        # A Chinese posting quotes pay by its own conventions even on a line with no Han character ("25-50K").
        # `isascii` takes constant time: an ASCII text holds no Han and needs no search.
        chinese = (
            not doc.text.isascii()
            and _HAN.search(doc.text) is not None
            and (self.language == "zh" or self._chinese_title())
        )
        found = self._front_matter_pay()
        pay_sections = {i for i, s in enumerate(doc.sections) if names_pay(s.title)}
        header = header_fields(doc, self.memo)
        # A job board's pay badge: `💰 USD 110k~190k`. Found once: most postings have none, and many have code spans.
        money_badges = [(a, b) for a, b in doc.code_spans if "💰" in doc.text[a:b]]
        previous = ""
        lead_in = False  # a run of list items after a sentence about pay ("Our base salary ranges are:")
        for block in fact_blocks(doc, self.memo):
            if block.kind not in _PAY_SCOPES:
                continue
            # Under a pay heading, or right after a pay label ("Base salary" | "$120k–$150k" in a table).
            # A label alone: "Salary: $51,408 - $74,124" already holds its figures, so the next line is not pay.
            short = len(previous) <= 40
            previous_names_pay = short and names_pay(previous)
            labelled = previous_names_pay and not _DIGIT.search(previous)
            previous_label = previous
            # A lead-in introduces figures; "薪资待遇：5000 — 8000美元" states its own: the list after it is not pay.
            # Asked only of the block before a list's first item: the search reads a whole paragraph. A short
            # block's answer to `names_pay` is the one just found.
            lead_in = block.kind == "list_item" and (
                lead_in or _introduces_pay(previous, previous_names_pay if short else None)
            )
            context = (block.section in pay_sections or labelled or lead_in) and block.kind != "heading"
            prose = block.prose
            previous = prose.strip()
            if header and block.start <= header[0][0] < block.end:
                # Each field of a "Company | Role | Place | $170-225K" header is a value: a figure there is pay.
                for start, end in header:
                    piece = prose[start - block.start : end - block.start]
                    found += self._facts(find_pay(piece, pay_context=True, chinese=chinese), start, "header")
                first, last = header[0][0] - block.start, header[-1][1] - block.start
                prose = prose[:first] + " " * (last - first) + prose[last:]
            badges = [(a, b) for a, b in money_badges if block.start <= a < block.end] if money_badges else []
            for a, b in badges:
                found += self._facts(find_pay(prose[a - block.start : b - block.start], pay_context=True), a, "badge")
                prose = prose[: a - block.start] + " " * (b - a) + prose[b - block.start :]
            mentions = find_pay(prose, pay_context=context, chinese=chinese)
            if labelled and (label_period := _LABEL_PERIOD.search(previous_label)):
                # "Minimum Starting Hourly Rate" over "$31.84 (Bachelors)": the label gives the period.
                period = _PERIODS[label_period.group().lower()]
                mentions = [m if m.period else replace(m, period=period) for m in mentions]
            found += self._facts(mentions, block.start, "text")
        found += self._template_pay()
        if doc.format == "html" and not any(fact.is_amount for fact in found):
            # Pay stated only in the page's JobPosting markup is still stated (the jobposting pack says so).
            from postlint.facts.markup import markup_pay

            found += markup_pay(doc, self.memo)
        found.sort(key=lambda fact: fact.start)
        return found

    def _chinese_title(self) -> bool:
        """Whether the posting is titled in Chinese though its prose is in another language: a board for Chinese
        readers ("【Remote/China】秘猿科技 - Blockchain Engineer") whose k-figures are monthly pay in yuan."""
        title = self.doc.title or ""
        return (
            _HAN.search(title) is not None
            and self.language not in ("ja", "ko")
            and _KANA_OR_HANGUL.search(self.doc.text) is None
        )

    def _facts(self, mentions: list[PayMention], base: int, source: str) -> list[PayFact]:
        """Pay mentions found in a snippet at `base` in the source, as facts with their evidence kind."""
        facts = []
        for m in mentions:
            currency = self._currency(m.currency, m.text) if m.kind != "vague" else None
            implied = m.period is None and _reads_annual(m.minimum or m.maximum, currency)
            period = "year" if implied else m.period
            facts.append(
                PayFact(
                    base + m.start,
                    base + m.end,
                    m.kind,
                    m.minimum,
                    m.maximum,
                    currency,
                    period,
                    m.text,
                    source,
                    implied,
                    m.currency is None and currency is not None,
                )
            )
        return facts

    def _template_pay(self) -> list[PayFact]:
        """Pay passed to a site template: `{% include salary_range.html min="$90,000" max="$120,000" %}`."""
        from postlint.facts.pay import find_pay

        found: list[PayFact] = []
        for tag in _PAY_TEMPLATE.finditer(self.doc.text):
            low, high = _TEMPLATE_MIN.search(tag.group(0)), _TEMPLATE_MAX.search(tag.group(0))
            if not (low and high and low.group(1).strip() and high.group(1).strip()):
                continue
            for m in find_pay(f"{low.group(1)} - {high.group(1)}", pay_context=True)[:1]:
                text = tag.group(0)
                found.append(
                    PayFact(
                        tag.start(), tag.end(), m.kind, m.minimum, m.maximum, m.currency, m.period, text, "template"
                    )
                )
        return found

    def _currency(self, currency: str | None, text: str) -> str | None:
        """A bare '$' is the dollar of the posting's country (CA$ in Toronto), not always US$; a figure with no
        currency at all ("Range: 110K-130K" in a Colorado posting) is in the currency of the posting's country."""
        if currency is None:
            return self._country_currency()
        if currency != "USD" or "$" not in text or _EXPLICIT_US_DOLLAR.search(text):
            return currency
        for country, code in _DOLLAR_BY_COUNTRY:
            if self.jurisdictions and all(within(j, country) for j in self.jurisdictions):
                return code
        return currency

    def _country_currency(self) -> str | None:
        """The currency of the one country every jurisdiction of the posting lies in, if there is one."""
        countries = {_country_of(j) for j in self.jurisdictions}
        return _CURRENCY_BY_COUNTRY.get(countries.pop()) if len(countries) == 1 else None

    def _front_matter_pay(self) -> list[PayFact]:
        """Pay given as front-matter fields (`salary_min`/`salary_max`, or one `salary` text)."""
        doc = self.doc
        fm = doc.front_matter
        if fm is None:
            return []
        low, high = _number(self.field("salary_min")), _number(self.field("salary_max"))
        currency = self.field("salary_currency")
        period = self.field("salary_period")
        key = self.names.get("salary_min", "salary_min") if low is not None else self.names.get("salary_max")
        if low is not None or high is not None:
            at = fm.key_offsets.get(key or "", fm.start)
            if low is not None and high is not None and high > low:
                kind = "range"
            elif low is not None and (high is None or high == low):
                kind, high = "single", low if high is None else high
            elif high is not None and low is None:
                kind = "up-to"
            else:
                return []
            text = doc.text[at : doc.text.find("\n", at)] if at >= 0 else ""
            code = str(currency).upper() if currency else self._country_currency()
            # No period field: a salary-sized figure reads as per year, as it does in the prose.
            implied = period is None and _reads_annual(low if low is not None else high, code)
            currency_implied = not currency and code is not None
            return [
                PayFact(
                    at,
                    at + len(text),
                    kind,
                    low,
                    high,
                    code,
                    "year" if implied else _period(period),
                    text,
                    "front-matter",
                    implied,
                    currency_implied,
                )
            ]
        raw = fm.data.get("salary")  # one text field: "$120,000 - $150,000 per year"
        if isinstance(raw, (str, int, float)) and not isinstance(raw, bool) and "salary" in fm.key_offsets:
            from postlint.facts.pay import find_pay

            at = fm.key_offsets["salary"]
            line_end = doc.text.find("\n", at)
            end = line_end if line_end >= 0 else len(doc.text)
            return [
                PayFact(at, end, m.kind, m.minimum, m.maximum, m.currency, m.period, m.text, "front-matter")
                for m in find_pay(str(raw), pay_context=True)
            ]
        return []


# The currency of each country, for pay that names none; a euro country is EU-XX.
_CURRENCY_BY_COUNTRY = {
    "US": "USD", "CA": "CAD", "AU": "AUD", "NZ": "NZD", "UK": "GBP", "IE": "EUR", "IN": "INR", "CN": "CNY",
    "JP": "JPY", "KR": "KRW", "SG": "SGD", "HK": "HKD", "TW": "TWD", "CH": "CHF", "NO": "NOK", "IS": "ISK",
    "BR": "BRL", "MX": "MXN", "ZA": "ZAR", "AE": "AED", "IL": "ILS",
    "EU-BG": "BGN", "EU-CZ": "CZK", "EU-DK": "DKK", "EU-HU": "HUF", "EU-PL": "PLN", "EU-RO": "RON", "EU-SE": "SEK",
} | {
    f"EU-{code}": "EUR"
    for code in ("AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
                 "PT", "SK", "SI", "ES")
}  # fmt: skip


def _country_of(jurisdiction: str) -> str:
    """'US-NY-NYC' -> 'US', 'EU-DE-BE' -> 'EU-DE', 'UK' -> 'UK'."""
    parts = jurisdiction.split("-")
    return "-".join(parts[:2]) if parts[0] == "EU" and len(parts) > 1 else parts[0]


# Currencies in which a figure of 20,000 or more with no period is a yearly salary to every reader
# ("The salary range is $90,000 - $105,000"); no monthly or hourly wage is that large in them.
_ANNUAL_FROM = 20_000
_ANNUAL_CURRENCIES = frozenset({"USD", "CAD", "AUD", "NZD", "EUR", "GBP", "CHF", "SGD", "IEP", None})


# Where pay is much lower than in dollars, the line falls lower: Indian pay is quoted yearly (CTC) from
# about two lakh ("8,00,000 - 12,00,000"), and a monthly wage of two lakh or more says "per month".
_ANNUAL_FROM_LOCAL = {"INR": 200_000}


def _reads_annual(amount: float | None, currency: str | None) -> bool:
    """A figure reads as yearly when it is at least 20,000 in dollar-like units: 'MXN 836,400' (about
    USD 49,000) does, '¥300,000' (a monthly salary in Japan, about USD 2,000) does not."""
    if amount is None:
        return False
    if currency in _ANNUAL_CURRENCIES:
        return amount >= _ANNUAL_FROM
    if currency in _ANNUAL_FROM_LOCAL:
        return amount >= _ANNUAL_FROM_LOCAL[currency]
    from postlint.facts.pay import dollar_scale

    scale = dollar_scale(currency)
    return scale is not None and amount / scale >= _ANNUAL_FROM


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:  # front matter is the contributor's: 1e400 is inf, and a 400-digit integer overflows a float
        if isinstance(value, (int, float)):
            number = float(value)
        elif isinstance(value, str):
            number = float(re.sub(r"[^\d.]", "", value.replace(",", "")))
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return number if 0 < number < MAX_PAY else None


MAX_PAY = 1e15  # no pay figure is larger; above it a number is a mistake or an attack, not a salary


_PERIODS = {
    "hour": "hour",
    "hourly": "hour",
    "hr": "hour",
    "day": "day",
    "daily": "day",
    "week": "week",
    "weekly": "week",
    "biweekly": "biweekly",
    "month": "month",
    "monthly": "month",
    "year": "year",
    "yearly": "year",
    "annual": "year",
    "annually": "year",
    "annum": "year",
}


def _period(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return _PERIODS.get(value.strip().lower().removeprefix("per ").replace("-", ""))
