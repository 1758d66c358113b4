"""Pay stated in the prose of a job posting: ranges, single figures, open bounds and vague wording.

One block of prose at a time (a paragraph, list item, table cell, heading or `Label: value` line).
A figure is pay only when something says so: the caller knows the block is about pay
(`pay_context`), a pay word shares its sentence, or a period is attached to it ("$25/hour").
Figures about money that is not pay (funding, revenue, budgets, stipends, bonuses, prices)
are dropped even when a pay word is nearby, because postings mix them freely.

Conventions worth knowing:

* A bare `$` is read as USD, or AUD when superannuation is added to it ("$120k + super"); the caller
  may re-interpret it by jurisdiction.
* `kr` alone says nothing about which crown: currency is None unless one Nordic code
  (SEK, NOK, DKK) appears in the block.
* `¥` is JPY, or CNY when 元/RMB/CNY/人民币 appear or the block is Chinese (Han without kana).
* In Chinese text (or any block of a posting written in Chinese) a figure in thousands (`15k-25k`,
  `25-50K·15薪`) is monthly unless 年薪 says otherwise: Chinese postings quote k-figures per month,
  and yearly pay in 万/W with 年薪 or 总包. A 万/W figure with no period word keeps period None.
  A range in k, 万 or W in Chinese text counts as pay context by itself, because such postings
  put the salary straight after the job title with no label.
* `lakh`/`LPA`/`crore` (in any case) imply INR (they are Indian number words) and, with no period
  written, per year: Indian postings quote yearly pay (CTC) in lakhs.
* A mention's text covers the figures with their currency and an attached period
  ("€5,000-€6,000 per month"), not qualifiers such as "up to" or "starting at".
* A vague phrase ("competitive salary", "DOE") is reported only when no figure is given in the
  same sentence; next to a figure it merely qualifies it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from postlint.prefilter import holds_any
from postlint.regex_store import regex

__all__ = ["PayMention", "find_pay"]


@dataclass(frozen=True, slots=True)
class PayMention:
    """One statement of pay, located by offsets into the block it was found in."""

    start: int
    end: int
    kind: str  # "range" | "single" | "up-to" | "from" | "vague"
    minimum: float | None
    maximum: float | None
    currency: str | None
    period: str | None
    text: str
    total: float | None = None  # on-target earnings when the figures are the base inside them


# ---------------------------------------------------------------- lexical pieces

_SP = "[ \\t\\u00a0\\u202f\\u2009\\u2007]"  # a space, including the no-break kinds used as separators
_GAP = "[ \\t\\u00a0\\u202f\\u2009\\u2007Â]*"  # "Â" is a no-break space decoded as cp1252

_CODES = (
    "USD|CAD|AUD|NZD|GBP|EUR|CHF|SEK|NOK|DKK|ISK|PLN|CZK|HUF|RON|INR|JPY|CNY|RMB|HKD|SGD|KRW|BRL|MXN|ZAR|AED|ILS|TWD"
)
_CODE = f"(?<![A-Za-z])(?:{_CODES})(?![A-Za-z])"
# "CA$", and "CAD $" with a space, name the dollar; a bare "$" is read as USD.
_DOLLARS = (
    r"(?<![A-Za-z])(?:US|USD|CA|CAD|C|AU|AUD|A|NZ|NZD|HK|HKD|SG|SGD|S|R|MX|MXN)\$"
    r"|(?<![A-Za-z])(?:USD|CAD|AUD|NZD|HKD|SGD|MXN)[ ]\$|\$"
)
_PRE = rf"(?:{_DOLLARS}|£|€|₹|₨|¥|￥|₩|(?<![A-Za-z])(?:Rs\.?|kr\.?)(?={_SP}?\d)|{_CODE})"
# The same, to find where a prefix ends right before a figure (a window search cannot look past its end).
_PRE_TAIL = regex(rf"(?:{_DOLLARS}|£|€|₹|₨|¥|￥|₩|(?<![A-Za-z])(?:Rs\.?|kr\.?)|{_CODE}){_SP}?$")
_POST = (
    rf"(?:€|£|\$|₹|¥|￥|美元|欧元|英镑|日元|人民币|港币|元|円|{_CODE}|kr\.?(?![A-Za-zåäöæø])|:-|zł|Kč|lei(?![A-Za-z])"
    r"|(?:euros?|Euro|rupees|yuan|yen)(?![A-Za-z]))"
)

# Thousands grouped by comma, dot, space (incl. no-break kinds) or apostrophe, Indian lakh grouping, or plain.
_NUM = (
    r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d{1,2})?"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?"
    r"|(?<=[$€£₹¥])\d{1,3}(?:,[ ]?\d{3})+(?:\.\d{1,2})?"  # "$89, 670": a stray space after the comma
    r"|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?"
    r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d{1,2})?"
    r"|\d{1,3}(?:['’]\d{3})+(?:\.\d{1,2})?"
    r"|\d+(?:[.,]\d+)?"
)
_MULT = (
    # "80 000 Kč" is crowns: its K is no thousand.
    r"(?:[ \u00a0]?(?:[kK](?!č)|million(?:s|en)?|Million(?:en)?|Mio\.?|billion|Mrd\.?|trillion"
    r"|(?i:lakhs?|lacs?|lpa|crores?)|万|千)|mn|MM|M|m|bn|B|[wW])(?![A-Za-z])"
)
_ATOM = regex(
    rf"(?P<pre>{_PRE})?{_SP}?(?<![\d.])(?<!\d,)(?P<num>{_NUM})(?![\d]|[.,]\d)"
    rf"(?P<dash>,[-–](?![\d]))?(?P<plus0>\+(?={_MULT}))?(?P<mult>{_MULT})?(?P<plus>\+)?(?:{_SP}?(?P<post>{_POST})(?!{_SP}?[\d{{]))?"
)

_MULT_VALUE = {
    "k": 1e3,
    "千": 1e3,
    "万": 1e4,
    "w": 1e4,
    "m": 1e6,
    "mn": 1e6,
    "mm": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "millionen": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "mrd": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
    "lpa": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_SMALL_MULTS = frozenset({"k", "千", "万", "w", "lakh", "lakhs", "lac", "lacs", "lpa", "crore", "crores"})

_CURRENCY = {
    "$": "USD",
    "US$": "USD",
    "USD$": "USD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "C$": "CAD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "SG$": "SGD",
    "S$": "SGD",
    "R$": "BRL",
    "MX$": "MXN",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "₨": "INR",
    "RS": "INR",
    "RS.": "INR",
    "₩": "KRW",
    "RMB": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "美元": "USD",
    "欧元": "EUR",
    "英镑": "GBP",
    "日元": "JPY",
    "円": "JPY",
    "YEN": "JPY",
    "港币": "HKD",
    "EURO": "EUR",
    "EUROS": "EUR",
    "RUPEES": "INR",
    "YUAN": "CNY",
    "¥": "YEN",  # JPY or CNY, settled per block
    "￥": "YEN",
    "KR": "KR",  # some crown, settled per block
    "KR.": "KR",
    ":-": "KR",
    "zł": "PLN",  # not ASCII: looked up as written
    "Kč": "CZK",
    "LEI": "RON",
}

# Rough units per US dollar, only to judge whether a figure is a plausible wage.
_SCALE = {"SEK": 10, "NOK": 10, "DKK": 7, "ISK": 140, "PLN": 4, "CZK": 23, "HUF": 360, "RON": 4.6, "INR": 83}
_SCALE |= {"JPY": 150, "CNY": 7, "HKD": 8, "KRW": 1350, "BRL": 5, "MXN": 17, "ZAR": 18, "AED": 3.7, "ILS": 3.7}
_SCALE |= {"TWD": 32, "KR": 10}
# Plausible wages per period, in dollar-like units; outside these a figure is something else.
_BOUNDS = {
    "hour": (1.0, 2_000.0),
    "day": (10.0, 20_000.0),
    "week": (50.0, 50_000.0),
    "biweekly": (100.0, 100_000.0),
    "semimonth": (100.0, 100_000.0),
    "month": (100.0, 250_000.0),
    "year": (1_000.0, 5_000_000.0),
    None: (5.0, 5_000_000.0),
}


def dollar_scale(currency: str | None) -> float | None:
    """Units of `currency` to a US dollar, roughly (for telling a yearly figure from a monthly one); None if unknown."""
    return _SCALE.get(currency) if currency else None


def _lower_pattern(pattern: str) -> str:
    """The pattern with its literal letters in lower case, its escapes (\\S, \\W...) left alone."""
    return re.sub(r"\\.|[^\\]+", lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern)


class _CaseBlind:
    """A case-blind pattern, run case-sensitively on the block's lower-cased text: several times faster.

    The case-insensitive form, for the rare text whose lower case changes length, is compiled
    the first time such a text comes: compiling both costs a start-up as much as a posting's pay.
    """

    __slots__ = ("_blind", "lower", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.lower = regex(_lower_pattern(pattern))
        self._blind: re.Pattern[str] | None = None

    @property
    def blind(self) -> re.Pattern[str]:
        if self._blind is None:
            self._blind = re.compile(self.pattern, re.IGNORECASE)
        return self._blind

    def search(self, block: _Block, lo: int, hi: int) -> re.Match[str] | None:
        low = block.lower
        return self.lower.search(low, lo, hi) if low is not None else self.blind.search(block.text, lo, hi)

    def finditer(self, block: _Block, lo: int, hi: int) -> Iterator[re.Match[str]]:
        low = block.lower
        return self.lower.finditer(low, lo, hi) if low is not None else self.blind.finditer(block.text, lo, hi)


# ---------------------------------------------------------------- periods

_PER_WORD = (
    r"hour|hr|hrs|h|std\.?|stunde|heure|hora|timme|uur|小时|时"
    r"|day|diem|jour|tag|día|dia|dag|天|日"
    r"|week|wk|woche|semaine|semana|vecka|周"
    r"|fortnight|two\s+weeks|2\s+weeks"
    r"|month|mo|mth|monat|mois|mes|månad|mån|maand|月"
    r"|year|yr|annum|jahr|jaar|an|année|año|ano|år|年"
)
_BARE_WORD = (
    r"hourly|daily|weekly|bi-?weekly|bi\s+weekly|fortnightly|semi-?monthly|semi\s+monthly|monthly|yearly"
    r"|annually|annual|per\s+annum|p\.\s?a\.?|pa|p\.\s?h\.?|p\.\s?m\.|jährlich|monatlich|annuel(?:le)?|mensuel(?:le)?"
    r"|anual(?:es)?|mensual(?:es)?|hour|day|week|month|year"
)
_FILLER = (
    r"(?:(?:gross|brutto|brutos?|brutas?|brut|net|netto|base|basic|salary|fixed|total|OTE|CTC|before\s+tax(?:es)?|pre-?tax"
    r"|full[- ]time|FTE|in\s+total|USD|EUR|GBP|or\s+more|and\s+up|or\s+above)\s*[,/]?\s*)"
)
_PERIOD_AFTER = regex(
    rf"{_SP}*(?P<paren>\(\s*)?{_FILLER}{{0,2}}"
    rf"(?:(?:/\s*|per\s+|an?\s+|each\s+|every\s+|p\s*/\s*|pro\s+|par\s+|al\s+|im\s+|je\s+|i\s+|每)(?:/\s*)?(?:per\s+)?"
    rf"(?P<p1>{_PER_WORD})|(?P<p2>{_BARE_WORD}))(?![A-Za-zÀ-ÿ])",
    re.IGNORECASE,
)
_ADVERB = regex(r"[a-z-]+ly|per annum|p\.", re.IGNORECASE)
_PERIOD_BEFORE = _CaseBlind(
    r"\b(?:hourly|per\s+(?:hour|day|week|month|year|annum)|daily|day\s+rate|weekly|bi-?weekly|semi-?monthly|monthly"
    r"|yearly|annual(?:ly)?|(?:brutto|netto)?jahres\w*|(?:brutto|netto)?monats(?:brutto|netto)?gehalt|monatlich|stundenlohn|stundensatz"
    r"|tagessatz|annuel(?:le)?"
    r"|mensuel(?:le)?|anual|mensual|årslön|månadslön|timlön|maandsalaris|jaarsalaris|uurloon)"
    r"|年薪|月薪|时薪|日薪|周薪|总包|年包|年収|月給|時給|日給"
)


def _period_of(word: str) -> str | None:
    """Map a period word in any of the supported spellings to the period it names."""
    w = re.sub(r"\s+", " ", word.lower())
    if w.startswith(("per ", "a ", "an ")) and w != "per annum":
        w = w.split(" ", 1)[1]
    w = w.removeprefix("brutto").removeprefix("netto")  # "Bruttomonatsgehalt" is a "Monatsgehalt"
    if w.startswith(("bi", "fortnight", "two week", "2 week", "zweiwöch")):
        return "biweekly"
    if w.startswith("semi"):
        return "semimonth"
    if w.startswith(("hour", "hr", "std", "stund", "heure", "hora", "timme", "timlön", "uur", "p.h", "p. h")) or w in {
        "h",
        "小时",
        "时",
        "时薪",
        "時給",
    }:
        return "hour"
    if w.startswith(("day", "dail", "diem", "jour", "tag", "día", "dia", "dag")) or w in {"天", "日", "日薪", "日給"}:
        return "day"
    if w.startswith(("week", "wk", "woche", "semaine", "semana", "vecka")) or w in {"周", "周薪"}:
        return "week"
    if w.startswith(
        ("month", "mo", "mth", "monat", "mois", "mes", "månad", "mån", "maand", "mensu", "p.m", "p. m")
    ) or w in {
        "月",
        "月薪",
        "月給",
    }:
        return "month"
    if w.startswith(
        ("year", "yr", "annu", "per annum", "p.a", "p. a", "pa", "jahr", "jähr", "jaar", "an", "año", "ano")
    ):
        return "year"
    if w.startswith(("år", "årslön")) or w in {"年", "年薪", "总包", "年包", "年収"}:
        return "year"
    return None


# ---------------------------------------------------------------- context words

# The words of pay, each opening with a letter (see `_by_first_letter`).
_PAY_WORD_LIST = (
    r"salary|salaries|salaried|pay|paid|pays|paying|compensation|comp|wages?|rates?|ote|on[- ]target|ctc"
    r"|base(?=\s*(?:salary|pay|rate|comp|wage|:|up\s+to|of\b|[$€£¥₹\d]))"
    r"|base(?<=[0-9kK][ ]base)(?!\s*pairs?\b)"  # "$120k–$150k base + equity": the figure is the base pay
    r"|remuneration|earnings?|earn|income|(?:hiring|recruitment|recruiting)\s+range|gross(?!\s+negligence)|annual(?:ly)?|hourly|monthly"
    r"|weekly|yearly"
    r"|per\s+(?:hour|annum|year|month|week|day)|an\s+hour|a\s+year|p\.\s?a\.|brutto|netto|gehalt(?:s\w+)?|jahresgehalt"
    # Compounds: "Bruttomonatsgehalt", "Grundgehalt" (a lone "Lohn" or "Gehalt" is named above).
    r"|vergütung|lohn|(?:brutto|netto|stunden|monats|jahres|grund|ziel|einstiegs|fest)"
    r"(?:brutto|netto|stunden|monats|jahres|grund|ziel|einstiegs|fest)?(?:lohn|gehalt|vergütung)"
    r"|stundensatz|tagessatz|uurloon|uurtarief|dagtarief|maandsalaris|jaarsalaris|månadslön|timlön|årslön|salaire|salariale?s?|rémunération|rémunéré|salario|sueldo|retribución|lön|lønn|løn|salaris|salário"
    # Polish, Italian, Portuguese, Finnish, Czech, Hungarian and Romanian.
    r"|wynagrodzeni[ea]|pensja|stipendio|retribuzione|remuneração|palkka|mzda|fizetés|salariu"
    r"|superannuation|super|kiwisaver|doe|doq|pro[- ]rata"
    r"|depend(?:ing|ent|s)\s+(?:up)?on\s+(?:[\w,]+\s+){0,3}?(?:experience|qualifications)"
    r"|commensurate"
)
_PAY_SLASH = r"/\s?(?:hr|h|yr|mo)\b"
_PAY_HAN = r"薪|工资|待遇|报酬|酬劳|年収|月給|時給|日給|給与|給料"
_PAY_SIGNS = rf"{_PAY_SLASH}|{_PAY_HAN}"
# The employer's estimate on a job board: "$95K - $120K (Employer est.)". The board's own guess is no statement.
_EMPLOYER_ESTIMATE = r"employer\s+est(?:imated?)?"
_PAY_WORDS = rf"\b(?:{_PAY_WORD_LIST})\b|{_PAY_SIGNS}|\b{_EMPLOYER_ESTIMATE}\b"
_PAY_WORD = _CaseBlind(_PAY_WORDS)
# Words of a period, which make a sum of money pay.
_PERIOD_WORD_LIST = (
    r"hour|hrs?|days?|diem|week|wk|month|mth|year|yr|annum|pa|p\.\s?[hm]|daily|fortnight\w*"
    r"|bi-?weekly|semi-?monthly|stunde|std|heure|hora|timme|jour|tag|día|dia|woche|semaine|semana|vecka|monat\w*"
    r"|mois|mes|jahr|jaar|maand|uur|dag|jährlich|année|año|ano|år|anual|mensual|månad|mån|annuel\w*|mensuel\w*"
    r"|par\s+an"
)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern: it split at each `|` outside groups and character classes."""
    found, start, depth = [], 0, 0
    for i, c in _syntax(pattern):
        depth += 1 if c == "(" else -1 if c == ")" else 0
        if c == "|" and depth == 0:
            found.append(pattern[start:i])
            start = i + 1
    return [*found, pattern[start:]]


def _syntax(pattern: str) -> Iterator[tuple[int, str]]:
    """The characters of a pattern with their offsets, less those escaped or inside a character class."""
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "[":
            i += 2 if pattern.startswith("[^", i) else 1
            i += 1  # a "]" first in a class is a member
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "\\":
            i += 1
        else:
            yield i, c
        i += 1


def _distributed(alternative: str) -> list[str]:
    """An alternative that opens with a group of alternatives, as one alternative for each of them:
    "(?:hiring|recruiting)\\s+range" is "hiring\\s+range" and "recruiting\\s+range"."""
    if not alternative.startswith("(?:"):
        return [alternative]
    close = _group_end(alternative)
    rest = alternative[close + 1 :]
    if rest[:1] in ("?", "*", "+", "{"):
        return [alternative]
    return [x for part in _alternatives(alternative[3:close]) for x in _distributed(part + rest)]


def _group_end(pattern: str) -> int:
    """Where the group that opens the pattern closes."""
    depth = 0
    for i, c in _syntax(pattern):
        depth += 1 if c == "(" else -1 if c == ")" else 0
        if depth == 0:
            return i
    raise ValueError(f"unbalanced group: {pattern}")


def _by_first_letter(pattern: str) -> str:
    """The alternatives of `pattern` grouped by their first letter: "salary|super|pay" becomes "s(?:alary|uper)|pay".

    At each word start `re` tries the alternatives of a group one by one; grouped, it tries one a letter and
    skips the rest. The grouped pattern matches the same strings, though it may find another of them first: it
    serves to ask whether there is a match, or to find the same matches where no two alternatives can match at
    one place.
    """
    groups: dict[str, list[str]] = {}
    for alternative in (x for part in _alternatives(pattern) for x in _distributed(part)):
        head = alternative[:1] if alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{") else ""
        groups.setdefault(head, []).append(alternative[len(head) :])
    tails = groups.pop("", [])  # those that open with no letter, tried as they are
    grouped = [f"{head}(?:{'|'.join(rest)})" if len(rest) > 1 else head + rest[0] for head, rest in groups.items()]
    return "|".join(grouped + tails)


# Whether a block with digits can hold pay at all: a pay word, or a period word that would make a sum of money
# pay. Most digits in postings are dates, counts and list numbers, and this spares them the parse. Run on
# lower-cased text, where it is much faster than a case-blind search; it may let through more than it needs to.
# Its words are grouped by first letter: `re` then tries a few of them at each word start, not two hundred.
# It is asked only of a block with no Han character (one with Han is parsed anyway), so the Han pay words are left
# out: they cost `re` eleven tests at every position.
_WORTH_PARSING = regex(
    rf"\b(?:{_by_first_letter('|'.join((_PAY_WORD_LIST, _PERIOD_WORD_LIST, _EMPLOYER_ESTIMATE)))})\b|{_PAY_SLASH}"
)
# Money that is not pay. Anywhere in the clause of a figure, these win over any pay word.
_NOT_PAY = _CaseBlind(
    r"\b(?:raised|raising|fundrais\w*|funding|funds|series\s+[a-h]|seed\s+(?:round|funding)|pre-seed"
    r"|(?:funding|investment)\s+round|invest(?:ed|ment|ments|or|ors|ing)?|backed|valuation|valued|revenues?|ARR|MRR"
    r"|GMV|turnover|in\s+sales|sales\s+of|under\s+management|AUM|budgets?|stipends?|allowances?|reimburs\w*"
    r"|subsid\w*|vouchers?|donations?|matching|401\s?\(?k\)?|403\s?\(?b\)?|pension|retirement"
    r"|(?:signing|sign-on|sign\s+on|referral|relocation|retention|joining|welcome|hiring)\s+bonus(?:es)?"
    r"|subscriptions?|pricing|prices?|priced|per\s+(?:user|seat|licen[cs]e)|market\s+(?:cap|size|value)|acquisitions?"
    r"|acquired|portfolio|economy|spend(?:ing)?|charit\w*|wellness|gym|tuition|scholarships?|home[- ]office"
    r"|profits?|sponsor\w*|prizes?|trillion|billion|Finanzierung|Umsatz|Zuschuss|levée|financement"
    r"|chiffre\s+d'affaires|thuiswerk\w*|\w*vergoeding|reiskosten|friskvård\w*|ayuda|alimentaria"
    r"|tickets?\s+restaurant\w*|essenszuschuss|sodexo|edenred|contribut\w*|deductibles?|premiums?|coverage"
    r"|beneficiar\w*|disability|HSA|FSA|parking|co-?insurance|insurance|benefits?\s+(?:of|payable|amount|credit)"
    r"|deferred\s+compensation|incentive\s+payments?|shift\s+(?:pay|differential)|liabilit\w*|damages|negligence"
    r"|indemnif\w*|lawsuits?|settlements?|claims|QPS|TPS|DAU|MAU)\b"
    r"|融资|投资|估值|营收|市值|补贴|津贴|补助|[房餐饭车话]补|交通补|报销|激励|期权|股票|股权|用户|客户|日均|月均|日活|月活"
    r"|安家费|订单|单量"
    r"|显示器|预算"
)
# Words of health and retirement plans so specific that a sentence with one is about benefits, whatever else it says.
_NOT_PAY_SENTENCE = _CaseBlind(
    r"\b(?:beneficiar\w*|deductibles?|co-?pays?|co-?payments?|out[- ]of[- ]pocket|roth|ira|includible"
    r"|contribute\s+to\s+(?:their|your|the)\s+(?:plan|account)|cost\s+to\s+(?:the\s+)?employees?)\b"
    r"|(?:/|\bper\s+)(?:person|family|visit)\b|/人|每人"
)
# Money that is not pay when it sits right next to the figure ("$5,000 bonus", "plans from $9.99").
_NOT_PAY_NEAR = _CaseBlind(
    r"\b(?:bonus(?:es)?|variable|incentives?|equity|stock|shares|options|RSUs?|benefits?|insurance|costs?|costing|worth"
    r"|fees?|plans?|users?|customers?|clients?|assets|deals?|match|lunch(?:es)?|meals?|food|grants?|loans?|perks?"
    r"|L&D)\b"
)
_COMMISSION = _CaseBlind(r"\bcommissions?\b")
# A budget for learning right after the figure, across the "and" that ends a clause: "$1,000 annual learning and
# development budget".
_LEARNING_AFTER = regex(
    r"\s*(?:(?:annual|yearly|monthly|per\s+year)\s+)?(?:learning\s+(?:and|&)\s+development|L&D)\b", re.IGNORECASE
)
# The cap of a whole pay system ("the maximum salary available for the GS pay system is $183,500") bounds every
# job paid under it, not this one: a figure right after such words is not the job's pay. Soft line breaks may
# fall anywhere in it, so it is looked for before the figure whatever the sentence boundaries say.
_SYSTEM_CAP = _CaseBlind(
    r"\b(?:max(?:imum)?|cap(?:ped)?|ceiling|limit)\b[^.;!?\d$€£¥₹]{0,80}"
    r"\b(?:(?:pay|salary|wage)\s+(?:system|schedule)s?|general\s+schedule|executive\s+schedule"
    r"|statutory\s+(?:cap|limit|maximum))\b[^.;!?\d$€£¥₹]{0,25}$"
)
_SYSTEM_CAP_REACH = 160
_BRACKET_REACH = 12
_ALONE_CEILING = 1_000_000
_LABEL_LEN = 40
_TITLE_LEN = 80
# A line that is a job title up to the figure: a few words, a role noun, at most a few capitalised words
# ("Relations-Remote"), a bracket and separators. A lower-case word after the noun is a verb: "Engineers handle 10-20k".
_JOB_TITLE = regex(
    r"[\s#*_>•·-]*(?:[\w+.#/&]+[ \t]+){0,5}?"
    r"(?i:engineer|developer|designer|manager|analyst|scientist|architect|lead|leader|intern|director|specialist"
    r"|consultant|administrator|programmer|officer|researcher|writer|editor|marketer|recruiter|technician|head"
    r"|SRE|DevOps|QA|tester|associate|coordinator|representative|executive|accountant|assistant|advocate"
    r"|relations|operations|support|product\s+owner)s?\b"
    r"(?:[ \t/-]+[A-Z][\w+.#]*){0,3}(?:\s*[(（\[][^)）\]\n]{0,30}[)）\]])?[\s*_#|:,–—-]*",
)
_PAY_LABEL = regex(
    r"(?:[A-Za-z]+\s+){0,3}(?:salary|salary\s+range|compensation|pay|pay\s+range|pay\s+rate|wages?|remuneration"
    r"|rate\s+of\s+pay|hiring\s+range)",
    re.IGNORECASE,
)
# A range in thousands, which may be pay after a job title (see _after_title).
_K_RANGE = regex(r"\d[kK]?\s*[-–—~～]+\s*\d+(?:[.,]\d+)?\s?[kK](?![A-Za-z])")
# A currency sign or code: a range in a currency may be pay on its own (see _alone). Written as alternatives that
# each open with one character, so that `re` skips straight to the signs and capitals; a code's own letters are
# capitals, so the look-behind past them asks what `_CODE` asks before it.
_MONEY_SIGN = regex(
    "|".join(
        [
            *map(re.escape, "$€£₹¥￥₩"),
            *(f"{codes}(?<![A-Za-z][A-Z]{{3}})(?![A-Za-z])" for codes in _alternatives(_by_first_letter(_CODES))),
        ]
    )
)
_STARTING_ALONE = regex(r"[\s*_#>|•·:()\-]*(?i:starting)(?:\s+(?i:at|from))?\s*:?\s*")
# Markup and separators around a figure, no words. Symbols and emoji count as markup: boards mark their fields with
# them ("🌏 Worldwide · 💰 $90k – $130k · Full-time", "★ $60,000 - $70,000").
_NOTHING_ELSE = regex(r"[\s*_#>|•·:()\-\u2190-\u21ff\u25a0-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]*")
_MONEY = regex(r"[$€£¥₹]\s?\d")  # a figure with its currency sign
_INCLUDED = _CaseBlind(r"\b(?:incl\w*|excl\w*|without|plus|before|not|no)\b")
_NEAR_BEFORE = 25
# On-target earnings, and the base salary they are built on (see _on_target).
_OTE_WORD = _CaseBlind(r"\b(?:ote|on[- ]target)\b")
_OTE_BEFORE = _CaseBlind(r"\b(?:ote|on[- ]target(?:\s+earnings)?)\b(?:\s+(?:of|is|at|up\s+to))?\s*[:=]?\s*[(\[]?\s*$")
_OTE_AFTER = regex(r"\s*(?:ote|OTE|on[- ]target)\b")
_BASE_BEFORE = _CaseBlind(
    r"\b(?:base|basic)(?:\s+(?:salary|pay|rate|comp(?:ensation)?))?(?:\s+(?:of|is|at))?\s*[:=]?\s*[(\[]?\s*$"
)
_BASE_AFTER = regex(r"\s*(?:base|basic|Base|Basic|BASE)\b")
_TIME_PERIODS = frozenset({"hour", "day", "week"})
_NEAR_AFTER = 30

_UP_TO = _CaseBlind(
    r"(?:\bup\s*to|\bupto|\bmax(?:imum)?\.?(?:\s+(?:of|salary|pay|rate))?|\bnot\s+to\s+exceed|\bno\s+more\s+than"
    r"|\bas\s+much\s+as|\blimited\s+to|\bcapped\s+at|\bbis\s+zu|\bjusqu['’]?\s*à|\bhasta|最高|最多|不超过)"
    r"\s*[:：]?\s*(?:(?:an?|the)\s+)?$"
    r"|\bmax(?:imum)?\b[^.;!?\d$€£¥₹]{0,60}?(?:\b(?:is|of|at)|\()\s*:?\s*$"
)
_FROM = _CaseBlind(
    r"(?:\bfrom|\bstarting\s+(?:at|from)|\bstarts\s+at|\bbeginning\s+at|\bat\s+least|\bminimum(?:\s+of)?|\bmin\."
    r"|\bno\s+less\s+than|\bab|\bmindestens|\bà\s+partir\s+de|\bdesde|\bvanaf|\bfrån|不低于|最低)\s*[:：]?\s*$"
    r"|\b(?:starting|minimum|entry)(?:\s+(?:annual|base|monthly|hourly|gross))?\s+(?:salary|pay|wage|rate)"
    r"[^.;!?\d$€£¥₹]{0,30}?(?:\b(?:is|of|at)\b)?\s*:?\s*$"
)
# Austrian postings must state the collective-agreement minimum and add that more may be paid: "bei EUR 3.954
# brutto ... mit Bereitschaft zur Überzahlung". The figure is then a lower bound.
_OVERPAY = _CaseBlind(r"\büberzahlung")
_BARE_FOLLOW = regex(
    r"\s*(?:$|[^\w\s]|(?:per|a|an|gross|net|brutto|base|annual|annually|yearly|monthly|hourly|weekly|biweekly|doe|doq"
    r"|depending|dependent|commensurate|based|negotiable|plus|and|or|to)\b)",
    re.IGNORECASE,
)
_PAREN_CURRENCY = regex(rf"{_SP}*[(（]\s*({_POST})\s*[)）]")
_OPEN_AFTER = regex(r"\s*(?:and\s+(?:up|above|over|higher)|or\s+(?:more|higher|above)|以上|起)", re.IGNORECASE)
_BETWEEN = regex(r"\b(?:between|zwischen|entre|tra|mellan|tussen)\s*$", re.IGNORECASE)
_CONN = regex(
    rf"(?:{_GAP}[\[(][^\])\d]{{1,25}}[\])])?"  # "$25.37 [Starting Wage] to $30.91"
    rf"(?:{_GAP}(?:-{{1,2}}|–{{1,2}}|—{{1,2}}|‒|−|‐|‑|~|～|〜|/|到|至){_GAP}"  # "10K到20K", "8千至1.2万"
    rf"|{_GAP}\s(?P<word>to|To|TO|through|thru|bis|à|a|tot|till|til|â|and|und|et|y|e|en|och|og)\s{_GAP}"
    rf"(?:[A-Z]{{1,4}}-?\d{{1,2}}(?:,?\s+Step\s+\d{{1,2}})?\s*[-–:]?\s*)?)",
)
_AND_WORDS = frozenset({"and", "und", "et", "y", "e", "en", "och", "og"})

# Never amounts: phone numbers and retirement-plan names (links and addresses are found by their word).
_MASK = regex(
    r"\+\d[\d ().-]{7,}\d|\(\d{3}\)\s?\d{3}[-.\s]\d{4}|(?<!\d)\d{3}[-.]\d{3}[-.]\d{4}(?!\d)"
    r"|\b(?:401|403|457)\s?\(?[kKbB]\)?"
)
_GLUED_PAY_LABEL = regex(r"(?<![A-Za-z])(?i:base|salary|ctc)$")
_LABEL_DASH = regex(r"(?<![0-9A-Za-z])[A-Za-z]{1,6}-$")  # "GS-", "COVID-", but not the "k-" of "15k-25k"
_LABEL_WORD = regex(
    r"(?:\b(?:step|level|grade|band|tier|scale|class|phase|stage|no\.?|number|version|room|suite|unit|aps|el|gs|code|id)"
    r"|§§?)\s*[:#]?\s*$",  # "§ 1205" is a section of a law or resolution
    re.IGNORECASE,
)
# Numbers that name rather than count: a leading zero ("03400"), a US ZIP code after a state ("NV 89119",
# "Nevada 89701-4204") and the four digits after one.
_IDENTIFIER = regex(
    r"0\d+(?![.,]\d)"
    r"|(?<=[A-Z]{2} )\d{5}(?![\d.,])|(?<=[A-Z]{2}, )\d{5}(?![\d.,])|\d{5}-\d{4}(?!\d)|(?<=\d{5}-)\d{4}(?!\d)"
)
_PERCENT_AFTER = regex(r"\s?(?:%|％|percent\b|per\s+cent\b|pct\b)", re.IGNORECASE)
# A bare number followed by one of these counts something (months of pay, years, people), not money.
_COUNT_AFTER = regex(r"\s*(?:薪|个?月|年|岁|周|天|人|小时|次|倍|号|名|家)")
# Ten thousands (万, w) of something counted: orders, users, companies, devices ("日均 20-50 万单", "10w+ 规模的公司").
# Chinese puts the counted noun right after 万; pay is followed by its currency, a period, or punctuation instead.
_COUNTED_AFTER = regex(
    r"\s?\+?[余多]?(?:单|笔|用户|人(?!民币)|名|家|个|台|次|条|件|套|份|行|字|张|部|辆|篇|位|户|款|座|粉丝|下载|规模"
    r"|平方|注册|日活|月活|订单|商家|门店|开发者|学员|司机|会员|员工|设备|企业|客户|级|量|[+]?\s?(?:DAU|MAU|QPS|TPS|PV|UV)\b)"
)

_SENTENCE_END = regex(r"[.!?](?=\s+(?:[A-Z\u4e00-\u9fff\"'“]|$))|[。！？；;\n]")
_CLAUSE_END = regex(
    r"[.!?](?=\s)|,(?!\d)|[。！？；;\n|•·+，、（）]|\s(?:and|plus|with|as\s+well\s+as|&|und|et|y|和|及)\s"
)

_CJK = regex(r"[\u4e00-\u9fff]")
_KANA = regex(r"[\u3040-\u30ff]")
_CNY_HINT = regex(r"元|RMB|CNY|人民币")
_NORDIC = regex(r"(?<![A-Za-z])(SEK|NOK|DKK)(?![A-Za-z])")
# Superannuation is Australian: "$120k - $140k + super", "$86,169 per annum + 10% Super" are Australian dollars.
_KIWISAVER = _CaseBlind(r"\bkiwisaver\b")  # New Zealand's retirement scheme, paid on top of its salaries
_SUPER = _CaseBlind(r"(?:\+|\bplus\b|\bincl\w*|\bexcl\w*)\.?\s*(?:\d+(?:\.\d+)?\s*%\s*)?super\b|\bsuperannuation\b")

# ---------------------------------------------------------------- vague pay

_VAGUE_TERM = (
    r"negotiable|DOE|DOQ|D\.O\.E\.?|D\.O\.Q\.?|TBD|TBC|TBA|to\s+be\s+(?:determined|confirmed|discussed|negotiated)"
    r"|depend(?:s|ing|ent)\s+(?:up)?on\s+(?:experience|qualifications)(?:\s+and\s+(?:experience|qualifications))?"
    r"|commensurate\s+with\s+(?:experience|qualifications)|based\s+on\s+experience|market[- ]rate"
)
# Words that may stand between "competitive" and the pay noun; "competitive benefits/relocation package" is no pay.
_PAY_ADJ = r"(?:base|total|annual|financial|cash|starting|overall|monthly|hourly|salary|pay|compensation|&)"
_VAGUE_STRONG = _CaseBlind(
    rf"\b(?:(?:highly|very|extremely)\s+)?competitive\s+(?:{_PAY_ADJ}\s+){{0,2}}"
    r"(?:salary|salaries|pay|compensation|comp|package|remuneration|wages?|rates?|base(?:\s+salary)?|rewards?)\b"
    # Praise of the pay with no figure: "a rewarding salary", "excellent pay", "industry-leading compensation". Not
    # pay itself when the noun names a service or a scheme: "industry-leading compensation plans" is consulting.
    rf"|\b(?:attractive|generous|rewarding|excellent|great|outstanding|exceptional|lucrative|handsome"
    rf"|(?:industry|market)[- ]leading|above[- ]market|market[- ]rate|market[- ]competitive)\s+(?:{_PAY_ADJ}\s+)?"
    r"(?:salary|salaries|pay|compensation|package|remuneration|wages?)\b"
    r"(?!\s+(?:of\s+benefits|plans?|consult\w*|strateg\w*|surveys?|data|benchmark\w*|structures?|practices?"
    r"|programs?|design\w*|committees?|philosoph\w*|transparency|equity|analy\w*|histor\w*|grades?|scales?)\b)"
    # A pay label whose value is "Open": the figure is left to be agreed.
    r"|\b(?:salary|pay|compensation|remuneration)(?:\s+range)?\s*:\s*open(?=\s*(?:$|[.;,)]))"
    r"|\b(?:salary|salaries|pay|compensation|remuneration|wages?|pay\s+rate)(?:\s+(?:range|rate|level))?"
    rf"(?:(?:\s*[:–-]\s*|\s+(?:is|are|will\s+be)\s+)(?:highly\s+)?(?:competitive|{_VAGUE_TERM})|\s+(?:{_VAGUE_TERM})"
    # "Compensation will be negotiated" leaves the figure open; "is negotiated annually/by the union" sets it.
    r"|\s+(?:is|are|will\s+be|can\s+be)\s+(?:negotiated(?!\s+(?:annually|yearly|each|every|by|between|through|under))"
    r"|open\s+to\s+negotiation))\b"
    r"|(?:薪资|薪酬|待遇|工资)?面议|(?:薪资|薪酬|薪水|待遇|工资)(?:待遇)?(?:优厚|丰厚|优越|可观|优渥|诱人)"
    r"|(?:丰厚|优厚|优越|可观|优渥|诱人|体面|一流)的?(?:基础|基本)?(?:薪资|薪酬|薪水|待遇|工资)"
    r"|高薪"  # "高薪诚聘", "拿深圳同等高薪": high pay promised, no figure
    r"|(?:有|具)?(?:市场)?竞争力的?(?:薪资|薪酬|薪水|待遇|工资)"
    # Pay said to lead or match the market or the big firms, with no figure: "行业内领先的薪酬待遇",
    # "对标国内大厂的薪酬", "薪资对标一线大厂", "薪酬是不输于大厂的", "薪酬水平可以和大厂比肩".
    r"|领先(?:行业)?(?:的|型)?(?:一流)?(?:薪资|薪酬|薪水|待遇|工资)"
    r"|(?:对标|媲美|比肩|不输于?|高于|优于)[^。，,；;：:\n\d]{0,12}?(?:薪资|薪酬|薪水|待遇|工资)"
    r"|(?:薪资|薪酬|薪水|待遇|工资)(?:水平)?[^。，,；;\n\d]{0,8}?(?:对标|媲美|比肩|不输|高于|优于|领先)"
    r"|\b(?:salaire|rémunération)\s+(?:compétitif|compétitive|attractif|attractive|selon\s+(?:profil|expérience))"
    r"|\b(?:attraktive[sn]?|wettbewerbsfähige[sn]?)\s+(?:Gehalt|Vergütung)|\bsalario\s+competitivo"
)
# Every match of `_VAGUE_STRONG` in lower-cased text holds one of these: the nouns of pay, and "competitive" (its
# "competitive comp"). A window without them is not searched, as the search tries every position of it.
_VAGUE_STRONG_NOUNS: tuple[str, ...] = ("competitive", "salar", "pay", "compensation", "package", "remuneration")
_VAGUE_STRONG_NOUNS += ("wage", "rate", "salaire", "rémunération", "gehalt", "vergütung", "面议", "薪", "待遇", "工资")
# Every match of `_VAGUE_WEAK` in lower-cased text holds one of these.
_VAGUE_WEAK_WORDS: tuple[str, ...] = ("negotiable", "doe", "doq", "d.o.e.", "d.o.q.", "experience", "qualifications")
_VAGUE_WEAK_WORDS += ("commensurate", "market", "tbd", "可谈", "competitive")
_VAGUE_WEAK = _CaseBlind(
    r"\b(?<!non-)(?:negotiable|DOE|DOQ|D\.O\.E\.|D\.O\.Q\."
    r"|depend(?:s|ing|ent)\s+(?:up)?on\s+(?:experience|qualifications)"
    r"|commensurate\s+with\s+(?:experience|qualifications)|market[- ]rate|TBD)\b"
    r"|(?<!股权)(?<!期权)(?<!股票)可谈(?!期权|股权|股票|股份)|\bcompetitive\b(?=\s*(?:$|[^\w\s]))"
)
# Every vague phrase contains one of these stems (the Chinese ones are searched only in non-ASCII text).
# They are chosen to begin with uncommon letters, so the search skips quickly through ordinary prose:
# it runs on every block and most blocks contain none of them. No two stems match at one place, so grouped by first
# letter (`_by_first_letter`), which spares `re` trying each of them in turn, they are found where they were.
_QUICK_VAGUE_STEMS = (
    r"petiti|PETITI|pétiti|gotia|GOTIA|pend(?:ent|ing|s)\s+(?:up)?on|PEND|mensur|MENSUR|ket.rate|KET.RATE"
    r"|ractiv|ractif|RACTIV|rakti|bewerbsf|based\s+on\s+exp|be\s+determ|be\s+confirm|be\s+discuss"
    r"|DO[EQ]|D\.O\.|TB[DCA]"
)
_QUICK_VAGUE = regex(_by_first_letter(_QUICK_VAGUE_STEMS))
# Praise of the pay ("rewarding salary", "excellent pay", "Salary: Open"), looked for in the lower-cased text and only
# where one of its stems is: as alternatives of `_QUICK_VAGUE` they made that scan of every block six times slower.
_PRAISE_STEMS: tuple[str, ...] = ("ewardin", "xcellen", "enerou", "ucrativ", "utstandin", "xceptiona", "andsome")
_PRAISE_STEMS += ("bove", "reat", "eading")
# Each alternative opens with a letter, so that grouped like `_QUICK_VAGUE` the search skips to those letters.
# After "great" and "leading" comes a noun of pay or one of `_PAY_ADJ` ("great base salary").
_PRAISE = (
    r"ewardin|xcellen|enerou|ucrativ|utstandin|xceptiona|andsome|bove.market|(?:reat|eading)\s+[spcrwbtafomh&]"
    r"|(?:y|n)\s*:\s*open"
)
_QUICK_PRAISE = regex(_by_first_letter(_PRAISE))
_QUICK_PRAISE_ANY_CASE = regex(_PRAISE, re.IGNORECASE)
_QUICK_VAGUE_CJK_STEMS = "面议|优厚|丰厚|优越|可观|优渥|诱人|体面|一流|高薪|竞争力|可谈|领先|对标|媲美|比肩|不输|高于"
_QUICK_VAGUE_CJK_STEMS += "|优于"
_QUICK_VAGUE_CJK = regex(_by_first_letter(_QUICK_VAGUE_CJK_STEMS))
_VAGUE_WINDOW = 100
# "Full time telework is negotiable": the term says something of a subject, which is not pay when no pay word
# comes before it in the sentence.
_OTHER_SUBJECT = regex(
    r"(\w+)\s+(?:is|are|will\s+be|can\s+be|remains?)\s+(?:also\s+|fully\s+|fairly\s+)?$", re.IGNORECASE
)
_ACRONYM_WORD = regex(r"[A-Za-z]+")
_QUOTES = frozenset("\"'“‘«")
_SAID_OF = regex(r"[\"'”’»]\s+(?:is|are|means|does|isn't|doesn't)\b", re.IGNORECASE)  # the word is talked about
_SENTENCE_REACH = 400
_CLAUSE_REACH = 200
_DIGIT_RUN = regex(r"\d+")
_DIGIT = regex(r"[0-9]")
_PRE_LAST = frozenset("$£€₹₨¥￥₩.DRPFKNYBWLSsr")  # the last character of every prefix in _PRE
_SEPARATORS = frozenset(" \t\u00a0\u202f\u2009\u2007")
_NOT_PERIOD_START = frozenset("0123456789.,;:-–—~|•)*")  # after a figure, these cannot begin a period
_CJK_MULTS = frozenset({"k", "万", "w"})
_COUNT_MULTS = frozenset({"万", "w", "千"})
_LAKH_GROUPED = regex(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d{1,2})?")  # "8,00,000", "1,20,00,000": the Indian grouping
_INR_MULTS = frozenset({"lakh", "lakhs", "lac", "lacs", "lpa", "crore", "crores"})


# ---------------------------------------------------------------- the parser


@dataclass(slots=True)
class _Atom:
    """One figure with what is glued to it."""

    start: int
    end: int  # after the figure, its multiplier and a currency written after it
    ext: int  # after an attached period, if any
    raw: float
    mult: str | None
    currency: str | None  # normalised, before the per-block settling of yen and crowns
    weak: bool  # a bare "$", which agrees with any dollar
    plus: bool
    period: str | None
    bare_noun: bool  # the period is a bare noun ("YEAR"), trusted only next to money


class _Block:
    """One block of text and what is computed about it at most once, when first needed."""

    __slots__ = ("_clause", "_sent", "cjk", "lower", "text")

    def __init__(self, text: str, lower: str, cjk: bool) -> None:
        self.text = text
        self.lower = lower if len(lower) == len(text) else None  # "İ" grows; offsets must stay put
        self.cjk = cjk
        self._sent: tuple[list[int], list[int]] | None = None
        self._clause: tuple[list[int], list[int]] | None = None

    def masked(self, lo: int, hi: int) -> bool:
        """Whether text[lo:hi] lies in a link, an e-mail address, a phone number or a plan name like 401(k)."""
        text = self.text
        # The whitespace-delimited word around the figure: a link or an address if it has "://", "www." or "@".
        w_lo = max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1
        w_hi = min((i for i in (text.find(" ", hi), text.find("\n", hi)) if i >= 0), default=len(text))
        word = text[w_lo:w_hi]
        if "://" in word or "www." in word or "@" in word:
            return True
        w_lo, w_hi = max(0, lo - 24), min(len(text), hi + 24)
        return any(m.start() < hi and lo < m.end() for m in _MASK.finditer(text, w_lo, w_hi))

    def sentence(self, lo: int, hi: int) -> tuple[int, int]:
        """The sentence around text[lo:hi], at most _SENTENCE_REACH characters either side."""
        if self._sent is None:
            self._sent = _boundaries(_SENTENCE_END, self.text)
        return _around(self._sent, len(self.text), lo, hi, _SENTENCE_REACH)

    def clause(self, lo: int, hi: int) -> tuple[int, int]:
        """The clause around text[lo:hi], at most _CLAUSE_REACH characters either side."""
        if self._clause is None:
            self._clause = _boundaries(_CLAUSE_END, self.text)
        return _around(self._clause, len(self.text), lo, hi, _CLAUSE_REACH)


def _boundaries(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    spans = [m.span() for m in pattern.finditer(text)]
    return [b for _, b in spans], [a for a, _ in spans]


def _around(bounds: tuple[list[int], list[int]], n: int, lo: int, hi: int, reach: int) -> tuple[int, int]:
    """The stretch between the last boundary before `lo` and the first one after `hi`, within `reach`.

    The limit keeps the work per figure constant in a block with no punctuation at all.
    """
    starts, ends = bounds
    i = bisect_right(starts, lo)
    j = bisect_left(ends, hi)
    left = max(starts[i - 1] if i else 0, lo - reach)
    right = min(ends[j] if j < len(ends) else n, hi + reach)
    return left, max(right, hi)


_NO_GROUPING = str.maketrans("", "", " \u00a0\u202f\u2009'’")


def _parse_number(s: str) -> float | None:
    """Read 120,000 / 120.000,00 / 120 000 / 6.5 / 20,00,000: one separator before exactly 3 digits groups."""
    s = s.translate(_NO_GROUPING)
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s or "." in s:
        sep = "," if "," in s else "."
        parts = s.split(sep)
        s = s.replace(sep, "") if len(parts) > 2 or len(parts[-1]) == 3 else s.replace(sep, ".")
    try:
        return float(s)
    except ValueError:
        return None


def _atoms(block: _Block) -> list[_Atom]:
    """Every figure that could be money, with its multiplier, currency and attached period."""
    text = block.text
    out: list[_Atom] = []
    n = len(text)
    done = 0
    for run in _DIGIT_RUN.finditer(text):
        d = run.start()
        if d < done or (d >= 2 and text[d - 1] in ".," and text[d - 2].isdigit()):
            continue
        m = None
        # A prefix ("$", "EUR ", "Rs. ") ends right before the figure; look for one only if the character fits.
        c = text[d - 1] if d else ""
        if c in _SEPARATORS and d >= 2:
            c = text[d - 2]
        tail = _PRE_TAIL.search(text, max(0, d - 8), d) if c and c in _PRE_LAST else None
        if tail:
            m = _ATOM.match(text, tail.start())
            if m and m.start("num") != d:
                m = None
        m = m or _ATOM.match(text, d)
        if m is None:
            continue
        done = m.end()
        atom = _atom(block, m, n)
        if atom is not None:
            out.append(atom)
    return out


def _atom(block: _Block, m: re.Match[str], n: int) -> _Atom | None:
    text = block.text
    ns, ne = m.span("num")
    pre, mult, post = m.group("pre"), m.group("mult"), m.group("post")
    before = text[ns - 1] if ns else ""
    if not pre:
        # GS-13, FY2025, v2, +44, 24/7, 8:30: labels, dates and times, not amounts.
        if (
            before
            and before.isascii()
            and (before.isalpha() or before in "_#:+@&")
            and not _glued_label(text, ns, mult)
        ):
            return None
        if before == "/" and ns >= 2 and text[ns - 2].isdigit():
            return None  # 24/7, 01/21/2026
        if before == "-" and _LABEL_DASH.search(text, max(0, ns - 8), ns):
            return None
        if (before in _SEPARATORS or before in ":#§") and not mult and _LABEL_WORD.search(text, max(0, ns - 12), ns):
            return None  # Step 10, Level 6, Grade 12; but "Pay Scale : 4.8 Lac" is money
    after = text[ne] if ne < n else ""
    if after and after in "/:" and ne + 1 < n and text[ne + 1].isdigit():
        return None
    p = m.end("plus") if m.group("plus") else (m.end("mult") if mult else ne)
    if p < n and text[p] in "%％ p" and _PERCENT_AFTER.match(text, p):
        return None
    mult_key = None
    end = m.end()
    if mult:
        mult_key = mult.strip().rstrip(".").lower()
        if mult_key == "k" and not block.cjk and re.fullmatch(r"\d{1,3}(?:,\d{3})+", m.group("num")):
            mult_key = None  # "$85,000k": the figure is already written out in full
        if mult_key == "w" and not block.cjk:
            if not pre:
                return None  # "60W" in English is a wattage
            mult_key, end, post = None, ne, None
    if mult_key in _COUNT_MULTS and not pre and not post and _COUNTED_AFTER.match(text, m.end()):
        return None  # "20-50 万单": ten thousands of orders, not of yuan
    if not mult_key and not pre and not post and _IDENTIFIER.match(text, ns):
        return None  # a ZIP code or a number with a leading zero ("Job Number: 23-03400")
    if not mult_key and not pre and not post:
        if after.isascii() and after.isalpha() and not m.group("dash"):
            return None  # 3rd, 10am, 2x
        if block.cjk and _COUNT_AFTER.match(text, ne):
            return None  # 15薪, 18月, 35周岁
    raw = _parse_number(m.group("num"))
    if raw is None:
        return None
    currency = None
    if pre and post:
        # "€61,200 EUR", "$5,500 USD": a code after a bare "$" is the more specific one.
        currency = _norm_currency(post) if pre == "$" else _norm_currency(pre)
    elif pre or post:
        currency = _norm_currency(pre or post or "")
    if currency is None and (mult_key in _INR_MULTS or (not mult_key and _LAKH_GROUPED.fullmatch(m.group("num")))):
        currency = "INR"  # lakhs and crores, in words or in their grouping ("8,00,000"), are Indian rupees
    period, bare_noun, ext = None, False, end
    nxt = text[end : end + 3].lstrip()[:1]
    pm = _PERIOD_AFTER.match(text, end) if nxt and nxt not in _NOT_PERIOD_START else None
    if pm:
        period = _period_of(pm.group("p1") or pm.group("p2"))
        if period:
            bare_noun = bool(pm.group("p2")) and not _ADVERB.fullmatch(pm.group("p2").strip())
            # "(annual gross)" is read but left out of the span, so the span never ends inside brackets.
            ext = end if pm.group("paren") else pm.end()
    if mult_key == "lpa":
        period = period or "year"
    weak = (pre == "$" and not post) or (post == "$" and not pre)
    start = m.start("pre") if pre else ns
    plus = bool(m.group("plus") or m.group("plus0"))  # "10 LPA+" and "10+ LPA"
    return _Atom(start, end, ext, raw, mult_key, currency, weak, plus, period, bare_noun)


def _glued_label(text: str, ns: int, mult: str | None) -> bool:
    """A figure in thousands written against its label with no space: "Base:30K-70K", "base20K-40K". A time
    ("8:30") has a digit before its colon, and "GS13" or "v2" have no multiplier."""
    if not mult or not mult.strip() or ns < 2:
        return False
    if text[ns - 1] == ":":
        return text[ns - 2].isalpha()
    return _GLUED_PAY_LABEL.search(text, max(0, ns - 8), ns) is not None


def _norm_currency(token: str) -> str | None:
    t = token.strip().replace(" ", "")  # "CAD $" is "CAD$"
    key = t.upper() if t.isascii() else t
    code = _CURRENCY.get(key) or _CURRENCY.get(key.rstrip("."))
    if code is None and re.fullmatch(_CODES, key):
        code = key
    return "CNY" if code == "RMB" else code


def _settle_currency(code: str | None, text: str) -> str | None:
    """Resolve the ambiguous yen and crown signs from the rest of the block."""
    if code == "YEN":
        if _CNY_HINT.search(text) or (_CJK.search(text) and not _KANA.search(text)):
            return "CNY"
        return "JPY"
    if code == "KR":
        found = set(_NORDIC.findall(text))
        return found.pop() if len(found) == 1 else None
    return code


def _is_year(atom: _Atom) -> bool:
    return atom.mult is None and atom.raw.is_integer() and 1900 <= atom.raw <= 2100


def _range_ok(a: _Atom, b: _Atom) -> tuple[float, float] | None:
    """The two ends of a range of `a` and `b`, or None when they do not make one."""
    ca, cb = (None if a.weak else a.currency), (None if b.weak else b.currency)
    if ca and cb and ca != cb:
        return None
    ma, mb = a.mult, b.mult
    va, vb = a.raw, b.raw
    # "EUR 6.5 – 7.5k", "25-50K", "£85-125k": one multiplier serves both ends.
    if ma is None and mb is not None and va <= vb:
        ma = mb
    elif mb is None and ma is not None and va <= vb < 1000:
        mb = ma
    lo = va * _MULT_VALUE[ma] if ma else va
    hi = vb * _MULT_VALUE[mb] if mb else vb
    # "£85-125,000": the first end is written in thousands.
    if ma is None and mb is None and lo < 1000 <= hi and hi / 10 <= lo * 1000 <= hi:
        lo *= 1000
    # "$100,000- $75,000": written high to low, still one range, when both ends are money and close.
    if a.currency and b.currency and 0 < hi < lo <= hi * 2:
        lo, hi = hi, lo
    if lo <= 0 or hi < lo or hi > lo * 20:
        return None
    return lo, hi


def find_pay(text: str, *, pay_context: bool = False, chinese: bool = False) -> list[PayMention]:
    """Pay mentions in one block of prose, in order of position.

    `chinese` says the posting is written in Chinese: its blocks are read by the Chinese conventions
    even when a block holds no Han character ("12-24k" on its own line under "### 薪资").
    """
    has_digit = _DIGIT.search(text) is not None
    vague_hits = [m.span() for m in _QUICK_VAGUE.finditer(text)] if _QUICK_VAGUE.search(text) else []
    lower = text.lower()
    if holds_any(lower, _PRAISE_STEMS) or ("open" in lower and ":" in lower):
        # Offsets of the lower-cased text are the text's unless lower-casing changed its length ("İ").
        praise = _QUICK_PRAISE.finditer(lower) if len(lower) == len(text) else _QUICK_PRAISE_ANY_CASE.finditer(text)
        vague_hits += [m.span() for m in praise]
    ascii_only = text.isascii()  # constant time: no Chinese, no "¥", nothing to look for beyond ASCII
    if not ascii_only and _QUICK_VAGUE_CJK.search(text):
        vague_hits += [m.span() for m in _QUICK_VAGUE_CJK.finditer(text)]
    if not has_digit and not vague_hits:
        return []
    cjk = chinese or (not ascii_only and _CJK.search(text) is not None)
    parse = has_digit and (
        pay_context
        or cjk
        or _WORTH_PARSING.search(lower) is not None  # not `cjk`: the block holds no Han character
        or _MONEY_SIGN.search(text) is not None
        or _K_RANGE.search(text) is not None
    )
    if not parse and not vague_hits:
        return []
    block = _Block(text, lower, cjk)
    found = _joined(block, _figures(block, pay_context)) if parse else []
    if vague_hits:
        found = _add_vague(block, pay_context, found, sorted(vague_hits))
    return found


def _joined(block: _Block, found: list[PayMention]) -> list[PayMention]:
    """'$18/hour for new staff, up to $40/hour with experience': a figure and an upper bound in the same
    sentence, in one currency and period, are the two ends of one range."""
    out: list[PayMention] = []
    for mention in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("single", "from")
            and mention.kind == "up-to"
            and (prev.currency, prev.period) == (mention.currency, mention.period)
            and prev.minimum is not None
            and mention.maximum is not None
            and prev.minimum < mention.maximum <= prev.minimum * 20
            and block.sentence(prev.start, prev.end) == block.sentence(mention.start, mention.end)
        ):
            text = block.text[prev.start : mention.end]
            out[-1] = PayMention(
                prev.start, mention.end, "range", prev.minimum, mention.maximum, prev.currency, prev.period, text
            )
            continue
        out.append(mention)
    return out


def _figures(block: _Block, pay_context: bool) -> list[PayMention]:
    atoms = _atoms(block)
    out: list[PayMention] = []
    i = 0
    while i < len(atoms):
        group, span = _pair(block.text, atoms, i)
        i += len(group) if span else 1
        mention = _mention(block, [group[0], group[-1]] if span else group[:1], span, pay_context)
        if mention:
            out.append(mention)
    return _on_target(block, out) if len(out) > 1 and _OTE_WORD.search(block, 0, len(block.text)) else out


def _on_target(block: _Block, found: list[PayMention]) -> list[PayMention]:
    """'OTE: $200k ($100k base)', 'a base of $50,000 – $60,000 with OTE of $125,000': on-target earnings with
    the base inside them are one statement of pay, whose salary is the base; the OTE is what commission may
    bring, not a second salary. A sentence with one OTE figure and one base figure becomes one mention."""
    text = block.text
    ote = [
        m for m in found if _OTE_BEFORE.search(block, max(0, m.start - 40), m.start) or _OTE_AFTER.match(text, m.end)
    ]
    base = [
        m for m in found if _BASE_BEFORE.search(block, max(0, m.start - 30), m.start) or _BASE_AFTER.match(text, m.end)
    ]
    if len(ote) != 1 or len(base) != 1 or ote[0] is base[0] or ote[0].kind == "vague":
        return found
    o, b = ote[0], base[0]
    if block.sentence(o.start, o.end) != block.sentence(b.start, b.end) or (o.maximum or 0) < (b.maximum or 0):
        return found
    start, end = min(o.start, b.start), max(o.end, b.end)
    merged = PayMention(
        start,
        end,
        b.kind,
        b.minimum,
        b.maximum,
        b.currency or o.currency,
        b.period or o.period,
        text[start:end],
        o.maximum or o.minimum,
    )
    return sorted([m for m in found if m is not o and m is not b] + [merged], key=lambda m: m.start)


def _pair(text: str, atoms: list[_Atom], i: int) -> tuple[list[_Atom], tuple[float, float] | None]:
    """Atom i and the next one as a range, if a connector joins them ("to", "-", "between … and …").

    Bare grade numbers may sit inside the connector ("$131,178 to GS-15 Step 10 $176,300").
    """
    a = atoms[i]
    for j in range(i + 1, min(i + 3, len(atoms))):
        b = atoms[j]
        if b.start < a.ext:
            break
        cm = _CONN.fullmatch(text, a.ext, b.start)
        if cm and (cm.group("word") not in _AND_WORDS or _BETWEEN.search(text, max(0, a.start - 15), a.start)):
            return atoms[i : j + 1], _range_ok(a, b)
        if b.currency or b.mult:
            break
    return [a], None


def _mention(
    block: _Block, group: list[_Atom], span: tuple[float, float] | None, pay_context: bool
) -> PayMention | None:
    """Decide whether a figure (or a pair) is pay, and describe it. Cheap tests come first."""
    text = block.text
    first, last = group[0], group[-1]
    mults = {x.mult for x in group if x.mult}
    moneyish = any(x.currency for x in group) or bool(mults & _SMALL_MULTS)
    period = last.period or first.period
    if period and not moneyish and (last.bare_noun if last.period else first.bare_noun):
        period = None  # "40 hour week" is a schedule
    if not moneyish:
        if any(_is_year(x) for x in group):
            return None  # 2019-2024, since 1998
        if not period and (span[0] if span else first.raw) < 1000:
            return None  # "APS 6", "Step 10", "team of 30"
    lo, hi = span or (_value(first), _value(first))
    if lo <= 0:
        return None

    start, end = first.start, last.ext
    s_lo, s_hi = block.sentence(start, end)
    # Chinese postings put "15-25K", "1.6-2.5万" or "$3500-5000" right after the job title, with no label. A range
    # in currency below a thousand is a price or an allowance ("日餐标80-100元/人"), not a salary.
    cjk_range = (
        block.cjk
        and span is not None
        and (bool(mults & _CJK_MULTS) or (any(x.currency for x in group) and span[0] >= 1000))
    )
    said = pay_context or cjk_range or (period is not None and moneyish)
    if (
        not said
        and _PAY_WORD.search(block, s_lo, s_hi) is None
        and not _alone(block, group, span, start, end)
        and not _after_title(block, group, span, start)
        and not _under_label(text, s_lo)
    ):
        return None
    if block.masked(start, end):
        return None
    c_lo, c_hi = block.clause(start, end)
    # A bare number is pay only as the value of a pay label ("Salary Range: 120,000 - 140,000"),
    # never when it counts something ("250,000 companies", "after 1,040 hours").
    if not (moneyish or pay_context or cjk_range) and (
        not _BARE_FOLLOW.match(text, end) or not _PAY_WORD.search(block, max(s_lo, start - 60), start)
    ):
        return None
    # Under a pay heading a bare number is pay only if nothing but a qualifier follows it: "7251 Amigo St" is
    # an address, and a heading may stand over the whole of a scraped posting.
    if pay_context and not (moneyish or cjk_range or period) and not _BARE_FOLLOW.match(text, end):
        return None
    # Figures in Chinese brackets explain the words before them: "阶段性激励机制（20K / 30K / 40K，…）" is an incentive.
    n_lo = max(0, c_lo - _BRACKET_REACH) if c_lo and text[c_lo - 1] == "（" else c_lo
    if _NOT_PAY.search(block, n_lo, c_hi) or _not_pay_near(block, start, end, c_lo, c_hi, period):
        return None
    if _NOT_PAY_SENTENCE.search(block, s_lo, s_hi):
        return None
    if _SYSTEM_CAP.search(block, max(0, start - _SYSTEM_CAP_REACH), start):
        return None

    if period is None:
        period = _period_before(block, s_lo, c_lo, start)
    if period is None and block.cjk and "k" in mults:
        period = "month"
    if period is None and mults & _INR_MULTS:
        period = "year"  # Indian postings quote yearly pay (CTC) in lakhs; a monthly figure in lakhs says so

    currency = _currency_of(block, group, end, s_lo, s_hi)
    scale = _SCALE.get(currency or "", 1.0)
    floor, ceiling = _BOUNDS[period]
    if lo / scale < floor or hi / scale > ceiling:
        return None  # a price, a budget line or a company figure, not a wage

    kind = "range" if span else "single"
    if not span:
        back = max(0, start - 80)
        if _UP_TO.search(block, back, start):
            kind = "up-to"
        elif (
            first.plus
            or _FROM.search(block, back, start)
            or _OPEN_AFTER.match(text, end)
            or _OVERPAY.search(block, end, block.sentence(start, end)[1])
        ):
            kind = "from"
    minimum = None if kind == "up-to" else lo
    maximum = None if kind == "from" else hi
    return PayMention(start, end, kind, minimum, maximum, currency, period, text[start:end])


def _currency_of(block: _Block, group: list[_Atom], end: int, s_lo: int, s_hi: int) -> str | None:
    """The currency of a figure or pair: a named one wins over a bare "$", which superannuation makes Australian."""
    text = block.text
    currency = next((x.currency for x in group if x.currency and not x.weak), None)
    if currency is None and (paren := _PAREN_CURRENCY.match(text, end)):
        currency = _norm_currency(paren.group(1))  # "6000 —— 9000 （美元）", "$90,000 (CAD)"
    if currency is None and any(x.weak for x in group):
        if _SUPER.search(block, s_lo, s_hi):
            return "AUD"  # "$120k - $140k + super"
        if _KIWISAVER.search(block, s_lo, s_hi):
            return "NZD"  # "$90,000 - $110,000 + KiwiSaver"
    currency = currency or next((x.currency for x in group if x.currency), None)
    return _settle_currency(currency, text)


def _alone(block: _Block, group: list[_Atom], span: tuple[float, float] | None, start: int, end: int) -> bool:
    """A salary-sized range in a currency standing on its own, as a line or a field ("$66,995 - $72,183",
    "Engineer | London | £85,000 - £90,000"), or as the value of a job title ("Analyst II: $3,392.80 -
    $4,750.38"): postings set their pay apart like this, with no pay word."""
    if not any(x.currency for x in group):
        return False
    c_lo, c_hi = block.clause(start, end)
    if span is None:
        # "| Starting $65,000 |": a starting figure alone in a field is the starting salary. "From $500" is a price.
        lo = _value(group[0])
        return (
            1000 <= lo / _SCALE.get(group[0].currency or "", 1.0) < _ALONE_CEILING
            and _STARTING_ALONE.fullmatch(block.text, c_lo, start) is not None
            and _NOTHING_ELSE.fullmatch(block.text, group[0].ext, c_hi) is not None
        )
    if span[0] < 1000:
        return False
    currency = next(x.currency for x in group if x.currency)
    if span[1] / _SCALE.get(currency or "", 1.0) >= _ALONE_CEILING:
        return False  # "$500k - $1M" alone is a deal size or a budget band sooner than a salary
    if _NOTHING_ELSE.fullmatch(block.text, group[-1].ext, c_hi) is None:
        return False
    if _NOTHING_ELSE.fullmatch(block.text, c_lo, start) is not None:
        return True
    # A pay table of job titles or grades, one a line: "Staff/Services Manager II:  $3,392.80 - $4,750.38".
    label = block.text[c_lo:start].rstrip()
    return label.endswith((":", "-", "–", "—")) and _JOB_TITLE.fullmatch(block.text, c_lo, start) is not None


def _after_title(block: _Block, group: list[_Atom], span: tuple[float, float] | None, start: int) -> bool:
    """A range in thousands ending a line that names a job ("## Fullstack Engineer 25-45k",
    "Data Analyst (Remote) | 60-75k"): job boards and hiring threads put the pay after the title, with no label."""
    if span is None or group[-1].mult != "k" or any(x.mult not in (None, "k") for x in group):
        return False
    text = block.text
    line_end = text.find("\n", group[-1].ext)
    if _NOTHING_ELSE.fullmatch(text, group[-1].ext, len(text) if line_end < 0 else line_end) is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= _TITLE_LEN and _JOB_TITLE.fullmatch(text, line_start, start) is not None


def _under_label(text: str, s_lo: int) -> bool:
    """Whether the line before the sentence is a pay label on its own ("Compensation" then "$35,500 to $38,500"):
    scraped text keeps a label and its value as two lines of one paragraph."""
    nl = text.rfind("\n", 0, s_lo + 1)
    if nl < 0 or text[nl:s_lo].strip():
        return False
    label = text[text.rfind("\n", 0, nl) + 1 : nl].strip(" \t*_#:")
    return 0 < len(label) <= _LABEL_LEN and _PAY_LABEL.fullmatch(label) is not None


def _value(atom: _Atom) -> float:
    return atom.raw * _MULT_VALUE[atom.mult] if atom.mult else atom.raw


def _period_before(block: _Block, s_lo: int, c_lo: int, start: int) -> str | None:
    """A period word earlier in the clause ("Annual salary: €50,000", "年薪15W"), else earlier in the sentence."""
    for lo in (c_lo, s_lo) if s_lo < c_lo else (c_lo,):
        found = None
        for found in _PERIOD_BEFORE.finditer(block, lo, start):  # noqa: B007 - the last one is the nearest
            pass
        if found is not None:
            return _period_of(found.group())
    return None


def _not_pay_near(block: _Block, start: int, end: int, c_lo: int, c_hi: int, period: str | None = None) -> bool:
    """A bonus, equity, a plan or a price right next to the figure, unless the words say it is included.

    A fee by the hour or day is a rate of pay ("Teaching Fee: $35/hour"), not a charge.
    """
    m = _NOT_PAY_NEAR.search(block, max(c_lo, start - _NEAR_BEFORE), start)
    if m and period in _TIME_PERIODS and m.group().lower().startswith("fee"):
        m = None
    if m and not _PAY_WORD.search(block, m.end(), start):
        return True
    if _LEARNING_AFTER.match(block.text, end):
        return True
    m = _NOT_PAY_NEAR.search(block, end, min(c_hi, end + _NEAR_AFTER))
    # "$100,000 commission" is commission; "Total Compensation (base + commissions) Range: 110K-130K" is pay.
    m = m or _COMMISSION.search(block, end, min(c_hi, end + _NEAR_AFTER))
    # "OTE $200,000 ($100k base / $100k variable)": a word after a later figure is that figure's.
    return bool(m and not _INCLUDED.search(block, end, m.start()) and not _MONEY.search(block.text, end, m.start()))


def _acronym_defined(text: str, term: str) -> bool:
    """Whether the block spells `term` out as the initials of the words before it in brackets: "Department of
    Energy (DOE)". An all-capitals term only: "doe" in prose is never an acronym."""
    if not (term.isupper() and term.isalpha()):
        return False
    for m in re.finditer(rf"\(\s*{term}\s*\)", text):
        words = _ACRONYM_WORD.findall(text, max(0, m.start() - 80), m.start())[-len(term) :]
        if "".join(w[0] for w in words).upper() == term:
            return True
    return False


class _Spans:
    """Disjoint, sorted spans; adding one merges it with those it touches. Queries take a bisection."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e)
        return i > 0 and self.ends[i - 1] > s

    def add(self, s: int, e: int) -> None:
        i = bisect_left(self.starts, s)
        if i > 0 and self.ends[i - 1] >= s:
            i -= 1
            s = self.starts[i]
        j = i
        while j < len(self.starts) and self.starts[j] <= e:
            e = max(e, self.ends[j])
            j += 1
        self.starts[i:j] = [s]
        self.ends[i:j] = [e]


def _add_vague(
    block: _Block, pay_context: bool, found: list[PayMention], hits: list[tuple[int, int]]
) -> list[PayMention]:
    """Add vague phrases about pay, unless a figure in the same sentence already states it.

    Only the text around the hits of the quick search is read, as every phrase contains one of them.
    """
    text = block.text
    taken = _Spans()
    for m in found:
        taken.add(m.start, m.end)
    figure_sentences = _Spans()
    for m in found:
        figure_sentences.add(*block.sentence(m.start, m.end))
    vague: list[PayMention] = []

    def add(s: int, e: int) -> None:
        if taken.overlaps(s, e) or figure_sentences.overlaps(s, s + 1):
            return
        taken.add(s, e)
        vague.append(PayMention(s, e, "vague", None, None, None, None, text[s:e]))

    windows: list[tuple[int, int]] = []
    for s, e in hits:
        lo, hi = max(0, s - _VAGUE_WINDOW), min(len(text), e + _VAGUE_WINDOW)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    low = block.lower
    for lo, hi in windows:
        if low is not None and not holds_any(low[lo:hi], _VAGUE_STRONG_NOUNS):
            continue  # most windows are around praise of something else ("great people"): `in` rules them out
        for strong in _VAGUE_STRONG.finditer(block, lo, hi):
            add(*strong.span())
    for lo, hi in windows:
        if low is not None and not holds_any(low[lo:hi], _VAGUE_WEAK_WORDS):
            continue
        for weak in _VAGUE_WEAK.finditer(block, lo, hi):
            s, e = weak.span()
            if _acronym_defined(text, text[s:e]):
                continue  # "the Department of Energy (DOE)" is no "depending on experience"
            if s and e < len(text) and text[s - 1] in _QUOTES and _SAID_OF.match(text, e):
                continue  # 'Please note that "negotiable" is neither salary nor requirements': a word, not a term
            s_lo = block.sentence(s, e)[0]
            if _OTHER_SUBJECT.search(text, max(s_lo, s - 40), s) and not _PAY_WORD.search(block, s_lo, s):
                continue
            if not pay_context:
                if weak.group().lower() == "competitive":
                    continue
                s_lo, s_hi = block.sentence(s, e)
                if _PAY_WORD.search(block, s_lo, s) is None and _PAY_WORD.search(block, e, s_hi) is None:
                    continue
            add(s, e)
    if not vague:
        return found
    return sorted(found + vague, key=lambda m: m.start)
