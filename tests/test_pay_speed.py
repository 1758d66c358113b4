"""The pay parser's quick paths answer exactly as the plain patterns they stand for."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint.facts import pay

# `_PAY_WORDS` as it was written before its words were listed apart: every quick form is checked against it.
PLAIN_PAY_WORDS = (
    r"\b(?:salary|salaries|salaried|pay|paid|pays|paying|compensation|comp|wages?|rates?|ote|on[- ]target|ctc"
    r"|base(?=\s*(?:salary|pay|rate|comp|wage|:|up\s+to|of\b|[$€£¥₹\d]))"
    r"|(?<=[0-9kK][ ])base(?!\s*pairs?\b)"
    r"|remuneration|earnings?|earn|income|(?:hiring|recruitment|recruiting)\s+range|gross(?!\s+negligence)"
    r"|annual(?:ly)?|hourly|monthly|weekly|yearly"
    r"|per\s+(?:hour|annum|year|month|week|day)|an\s+hour|a\s+year|p\.\s?a\.|brutto|netto|gehalt(?:s\w+)?|jahresgehalt"
    r"|vergütung|lohn|(?:brutto|netto|stunden|monats|jahres|grund|ziel|einstiegs|fest){0,2}(?:lohn|gehalt|vergütung)"
    r"|stundensatz|tagessatz|uurloon|uurtarief|dagtarief|maandsalaris|jaarsalaris|månadslön|timlön|årslön|salaire"
    r"|salariale?s?|rémunération|rémunéré|salario|sueldo|retribución|lön|lønn|løn|salaris|salário"
    r"|superannuation|super|kiwisaver|doe|doq|pro[- ]rata"
    r"|depend(?:ing|ent|s)\s+(?:up)?on\s+(?:[\w,]+\s+){0,3}?(?:experience|qualifications)"
    r"|commensurate)\b|/\s?(?:hr|h|yr|mo)\b|薪|工资|待遇|报酬|酬劳|年収|月給|時給|日給|給与|給料"
    r"|\bemployer\s+est(?:imated?)?\b"
)
PLAIN_WORTH_PARSING = re.compile(
    PLAIN_PAY_WORDS + r"|\b(?:hour|hrs?|days?|diem|week|wk|month|mth|year|yr|annum|pa|p\.\s?[hm]|daily|fortnight\w*"
    r"|bi-?weekly|semi-?monthly|stunde|std|heure|hora|timme|jour|tag|día|dia|woche|semaine|semana|vecka|monat\w*"
    r"|mois|mes|jahr|jaar|maand|uur|dag|jährlich|année|año|ano|år|anual|mensual|månad|mån|annuel\w*|mensuel\w*"
    r"|par\s+an)\b|/\s?(?:h|mo)\b"
)
PLAIN_MONEY_SIGN = re.compile(rf"[$€£₹¥￥₩]|{pay._CODE}")


def _pieces(pattern: str) -> list[str]:
    """Words and fragments of a pattern's alternatives, to build texts that nearly match and match."""
    return [w for w in re.findall(r"[^\W\d_]+", pattern) if len(w) > 1]


WORDS = sorted(set(_pieces(PLAIN_WORTH_PARSING.pattern) + _pieces(pay._CODES)))
GLUE = [" ", "  ", "\n", "/", "/ ", "-", "5k ", "120 ", "K ", ":", ".", ", ", "x", "$", "€", "(", "", "é", "薪", "工资"]


def _texts(seed: int, count: int, words: list[str] = WORDS) -> list[str]:
    """Texts of pattern words, their pieces and glue: they hit every word boundary the patterns look at."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            word = rng.choice(words)
            if rng.random() < 0.3:
                cut = rng.randint(0, len(word))
                word = word[:cut] if rng.random() < 0.5 else word[cut:]
            if rng.random() < 0.2:
                word = word.upper() if rng.random() < 0.5 else word.title()
            parts.append(word)
            parts.append(rng.choice(GLUE))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("text", _texts(1, 3000) + _texts(2, 3000))
def test_worth_parsing_answers_as_the_plain_pattern(text: str) -> None:
    """Where it is asked: of a block with no Han character (see the next test)."""
    for variant in (text, text.lower()):
        if pay._CJK.search(variant) is None:
            assert (pay._WORTH_PARSING.search(variant) is None) == (PLAIN_WORTH_PARSING.search(variant) is None)


def test_the_han_pay_words_are_han() -> None:
    """`_WORTH_PARSING` leaves out the Han pay words, as a block with Han is parsed without asking it."""
    assert all(pay._CJK.search(word) for word in pay._alternatives(pay._PAY_HAN))


@pytest.mark.parametrize("text", [f"{t} 5" for t in _texts(7, 1500)])
def test_find_pay_reads_as_with_the_plain_worth_test(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for chinese in (False, True):
        quick = pay.find_pay(text, chinese=chinese)
        monkeypatch.setattr(pay, "_WORTH_PARSING", PLAIN_WORTH_PARSING)
        plain = pay.find_pay(text, chinese=chinese)
        monkeypatch.undo()
        assert quick == plain


@pytest.mark.parametrize("text", _texts(3, 3000))
def test_pay_words_answer_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(PLAIN_PAY_WORDS, re.IGNORECASE)
    quick = re.compile(pay._PAY_WORDS, re.IGNORECASE)
    for lo in (0, len(text) // 3):
        assert (quick.search(text, lo) is None) == (plain.search(text, lo) is None)


@pytest.mark.parametrize("text", _texts(4, 2000))
def test_money_sign_answers_as_the_plain_pattern(text: str) -> None:
    for variant in (text, text.upper()):
        assert (pay._MONEY_SIGN.search(variant) is None) == (PLAIN_MONEY_SIGN.search(variant) is None)


STEMS = ["competitive", "negotiable", "depending on", "depends upon", "commensurate", "market rate", "market-rate"]
STEMS += ["attractive", "attractif", "Attraktive", "wettbewerbsfähige", "based on experience", "to be determined"]
STEMS += ["confirmed", "discussed", "DOE", "DOQ", "D.O.E.", "TBD", "TBC", "TBA", "rewarding", "excellent", "generous"]
STEMS += ["lucrative", "outstanding", "exceptional", "handsome", "above-market", "great", "leading", "salary", "pay"]
STEMS += ["open", "Salary: Open", "compensation", "面议", "优厚", "优于", "高薪", "高于", "竞争力", "可谈"]
STEMS += ["对标", "不输"]
STEMS += ["PETITI", "PEND", "GOTIA", "MENSUR", "KET RATE", "RACTIV", "rakti", "be", "on", "exp"]


@pytest.mark.parametrize("text", _texts(5, 3000, STEMS))
def test_grouped_stems_are_found_where_the_plain_ones_are(text: str) -> None:
    """`_by_first_letter` keeps the matches of these lists: no two of their alternatives match at one place."""
    for quick, plain, variant in (
        (pay._QUICK_VAGUE, pay._QUICK_VAGUE_STEMS, text),
        (pay._QUICK_PRAISE, pay._PRAISE, text.lower()),
        (pay._QUICK_VAGUE_CJK, pay._QUICK_VAGUE_CJK_STEMS, text),
    ):
        expected = [m.span() for m in re.finditer(plain, variant)]
        assert [m.span() for m in quick.finditer(variant)] == expected
        assert [m.span() for m in quick.finditer(variant, 3, len(variant) - 2)] == [
            m.span() for m in re.compile(plain).finditer(variant, 3, len(variant) - 2)
        ]


def test_currency_codes_are_three_capitals() -> None:
    """The look-behind of `_MONEY_SIGN` steps back over exactly three capitals."""
    assert all(re.fullmatch("[A-Z]{3}", code) for code in pay._CODES.split("|"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdehklnoprstuwyABEKPSU $/.:-0123456789薪é\n", max_size=60))
def test_quick_patterns_on_any_text(text: str) -> None:
    if pay._CJK.search(text) is None:
        assert (pay._WORTH_PARSING.search(text) is None) == (PLAIN_WORTH_PARSING.search(text) is None)
    assert (pay._MONEY_SIGN.search(text) is None) == (PLAIN_MONEY_SIGN.search(text) is None)


def test_alternatives_split_only_at_the_top() -> None:
    assert pay._alternatives(r"a[|\]]b|(c|d)|e") == [r"a[|\]]b", "(c|d)", "e"]
    assert pay._alternatives(r"a\|b|c") == [r"a\|b", "c"]


def test_a_leading_group_is_distributed() -> None:
    assert pay._distributed(r"(?:a|(?:b|c)x)y") == ["ay", "bxy", "cxy"]
    assert pay._distributed(r"(?:a|b)?y") == [r"(?:a|b)?y"]  # a quantified group stays as it is


def test_alternatives_are_grouped_by_first_letter() -> None:
    assert pay._by_first_letter("ab|ac|d?x|(?:ea|eb)z|(?:q)?r") == "a(?:b|c)|e(?:az|bz)|d?x|(?:q)?r"


@pytest.mark.parametrize(
    ("pattern", "words"),
    [(pay._VAGUE_STRONG, pay._VAGUE_STRONG_NOUNS), (pay._VAGUE_WEAK, pay._VAGUE_WEAK_WORDS)],
)
def test_every_vague_phrase_holds_a_listed_word(pattern: pay._CaseBlind, words: tuple[str, ...]) -> None:
    """Each alternative needs a string that holds one of the listed words (by the literal analysis the prefilters
    use): a window with none of them can hold no match."""
    from postlint.compiled_regex import _sre_parser
    from postlint.prefilter import _literals

    for alternative in pay._alternatives(pattern.lower.pattern):
        needed = _literals(_sre_parser.parse(alternative)) or ()
        assert any(all(any(word in literal for word in words) for literal in strings) for strings in needed), (
            alternative
        )


VAGUE_TEXTS = [
    "Competitive salary and great benefits.",
    "We offer a great place to work, great people and excellent pay.",
    "Salary: Open. Leading provider of services.",
    "Compensation is negotiable; DOE.",
    "An attractive remuneration package awaits. Our great support team is here.",
    "Pay rate: competitive",
    "Salary will be negotiated",
    "薪资面议，待遇优厚",
    "Attraktive Vergütung und ein großartiges Team",
    "Salaire compétitif selon profil",
    "salario competitivo",
    "Outstanding leadership, generous benefits, lucrative commission, rewarding work.",
    "Great Salary!!! Leading Salaries in the region, above-market compensation",
    "İstanbul office: competitive salary",  # lower-casing changes the length: the plain search
    "Salary: $50,000 DOE. The Department of Energy (DOE) funds it.",
    "Rate: negotiable, depending on experience; commensurate with qualifications. TBD.",
    "Pay is competitive.",
    "薪资可谈",
]


@pytest.mark.parametrize("text", VAGUE_TEXTS + _texts(6, 1500, STEMS))
def test_vague_phrases_are_found_as_without_the_word_tests(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for context in (False, True):
        quick = pay.find_pay(text, pay_context=context)
        monkeypatch.setattr(pay, "_VAGUE_STRONG_NOUNS", ("",))  # "" is in every text: every window is searched
        monkeypatch.setattr(pay, "_VAGUE_WEAK_WORDS", ("",))
        plain = pay.find_pay(text, pay_context=context)
        monkeypatch.undo()
        assert quick == plain
