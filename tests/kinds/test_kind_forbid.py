"""The `forbid` kind: terms, replacements, patterns, substitutions, exceptions, case, scopes, fixes."""

from __future__ import annotations

import pytest

from postlint.document import LineIndex
from postlint.engine import RuleEngine
from postlint.packs.loader import parse_pack

GENDERED = {
    "id": "t/gendered",
    "kind": "forbid",
    "message": "'{match}' is gendered; use {replacement}",
    "replace": {"salesman": "salesperson", "chairman": ["chair", "chairperson"], "sales manager": "sales lead"},
}


def spans(violations, rule: str | None = None) -> list[tuple[int, int, str]]:
    return [(v.start, v.end, v.match) for v in violations if rule is None or v.rule == rule]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Our salesman calls.", ["salesman"]),
        ("Salesmanship matters.", []),
        ("A super-salesman.", []),
        ("The salesmen call.", []),
        ("salesman, SALESMAN and Salesman.", ["salesman", "SALESMAN", "Salesman"]),
        ("Ask the chairman.", ["chairman"]),
        ("(salesman)", ["salesman"]),
        ("The sales manager decides.", ["sales manager"]),
        ("The sales\nmanager decides.", ["sales\nmanager"]),
    ],
    ids=[
        "word",
        "not-inside-a-longer-word",
        "not-after-hyphen",
        "not-plural",
        "any-case",
        "other-term",
        "punctuation",
        "phrase",
        "phrase-over-newline",
    ],
)
def test_forbid_terms_whole_words(make_linter, text: str, found: list[str]) -> None:
    linter = make_linter([GENDERED])
    violations = linter.lint_text(text)
    assert [v.match for v in violations] == found
    for v in violations:
        assert text[v.start : v.end] == v.match


def test_forbid_longest_term_first(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["sales", "sales manager", "manager"]}
    text = "The sales manager and the manager in sales."
    violations = make_linter([rule]).lint_text(text)
    assert [v.match for v in violations] == ["sales manager", "manager", "sales"]
    assert [v.start for v in violations] == [
        text.index("sales manager"),
        text.index("the manager") + 4,
        text.rindex("sales"),
    ]


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("our salesman", "salesperson"),
        ("Our Salesman", "Salesperson"),
        ("OUR SALESMAN", "SALESPERSON"),
    ],
    ids=["lower", "capitalised", "upper"],
)
def test_forbid_replacement_keeps_case(make_linter, text: str, replacement: str) -> None:
    (v,) = make_linter([GENDERED]).lint_text(text)
    assert v.fix is not None
    assert v.fix.applicability == "safe"
    assert [(e.start, e.end, e.replacement) for e in v.fix.edits] == [(4, 12, replacement)]
    assert v.suggestion is None
    assert replacement in v.message


def test_forbid_several_replacements_give_a_suggestion_and_no_fix(make_linter) -> None:
    (v,) = make_linter([GENDERED]).lint_text("Ask the chairman.")
    assert v.fix is None
    assert v.suggestion is not None
    assert "chair" in v.suggestion and "chairperson" in v.suggestion


def test_forbid_term_without_replacement_has_no_fix(make_linter) -> None:
    (v,) = make_linter([{"kind": "forbid", "terms": ["rockstar"]}]).lint_text("A rockstar.")
    assert (v.fix, v.suggestion) == (None, None)


@pytest.mark.parametrize("applicability", ["unsafe", "display"])
def test_forbid_fix_applicability_is_configurable(make_linter, applicability: str) -> None:
    rule = {"kind": "forbid", "replace": {"salesman": "salesperson"}, "fix": applicability}
    (v,) = make_linter([rule]).lint_text("A salesman.")
    assert v.fix is not None and v.fix.applicability == applicability


def test_forbid_patterns_and_exceptions(make_linter) -> None:
    rule = {
        "kind": "forbid",
        "patterns": [r"\bninja\w*", r"\bguru\b"],
        "exceptions": [r"ninja\s+turtles?", r"(?i)guru\s+nanak"],
    }
    text = "Be a ninja, a coding guru, not Ninja Turtles or Guru Nanak fans. Ninjas welcome."
    violations = make_linter([rule]).lint_text(text)
    assert [v.match for v in violations] == ["ninja", "guru", "Ninjas"]
    assert [v.start for v in violations] == [text.index("ninja"), text.index("guru"), text.index("Ninjas")]


def test_forbid_exceptions_apply_to_terms(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["guys"], "exceptions": ["guys and gals"]}
    text = "Hey guys! Guys and gals welcome."
    assert [v.start for v in make_linter([rule]).lint_text(text)] == [4]


def test_forbid_ignore_case_false(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["IT"], "ignore_case": False}
    assert [v.match for v in make_linter([rule]).lint_text("It is IT work, it is.")] == ["IT"]


SCOPE_TEXT = (
    "# Hiring\n"
    "\n"
    "A `salesman` in code, [a link](https://example.com/salesman) and https://example.com/salesman too.\n"
    "\n"
    "```\n"
    "salesman = 1\n"
    "```\n"
)


def test_forbid_scope_text_skips_code_and_urls(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"]}
    assert make_linter([rule]).lint_text(SCOPE_TEXT) == []


def test_forbid_scope_raw_finds_everything(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"], "scope": ["raw"]}
    violations = make_linter([rule]).lint_text(SCOPE_TEXT)
    index = LineIndex(SCOPE_TEXT)
    assert [(v.line, v.column) for v in violations] == [
        index.position(SCOPE_TEXT.index("salesman")),
        index.position(SCOPE_TEXT.index("/salesman)") + 1),
        index.position(SCOPE_TEXT.index("/salesman too") + 1),
        (6, 1),
    ]


def test_forbid_scope_heading_only(make_linter) -> None:
    rule = {"kind": "forbid", "patterns": ["print"], "scope": ["heading"]}
    text = "# Print shop\n\nprint it.\n"
    assert [(v.line, v.column) for v in make_linter([rule]).lint_text(text)] == [(1, 3)]


def test_forbid_scope_code_searches_code_blocks(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"], "scope": ["code"]}
    text = "Our salesman.\n\n```\nsalesman = 1\n```\n\n    the salesman\n"
    violations = make_linter([rule]).lint_text(text)
    assert [(v.line, v.column) for v in violations] == [(4, 1), (7, 9)]


def test_forbid_in_link_text_is_prose(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["salesman"]}
    text = "Read about [our salesman](https://example.com/jobs).\n"
    (v,) = make_linter([rule]).lint_text(text)
    assert v.start == text.index("salesman")


def test_forbid_substitute_expands_groups_and_reports_bad_templates() -> None:
    from postlint.errors import PackError
    from postlint.fixes import apply_edits
    from postlint.reader import parse

    pack = """\
pack: sub
rules:
  - id: sub/double
    kind: forbid
    message: "double-escaped '{match}' -> '{replacement}'"
    description: d
    substitute:
      '&amp;([a-z]+);': '&\\1;'
"""
    linter = RuleEngine(rules=parse_pack(pack, "p.yaml").rules)
    text = "A &amp;amp; B &amp;nbsp; C\n"
    violations = linter.lint_document(parse(text, "text"))
    assert [(v.column, v.message) for v in violations] == [
        (3, "double-escaped '&amp;amp;' -> '&amp;'"),
        (15, "double-escaped '&amp;nbsp;' -> '&nbsp;'"),
    ]
    assert apply_edits(text, violations)[0] == "A &amp; B &nbsp; C\n"
    bad = pack.replace("'&\\1;'", "'&\\2;'")
    with pytest.raises(PackError, match=r"^p\.yaml:\d+:\d+: .*invalid group reference 2"):
        parse_pack(bad, "p.yaml")


def test_forbid_keywords_skip_blocks_without_them(make_linter) -> None:
    rule = {"kind": "forbid", "patterns": [r"\brock ?stars?\b"]}
    text = "We want a rock star.\n"
    assert make_linter([dict(rule, keywords=["rock"])]).lint_text(text)
    # A wrong speed hint hides the match: the rule's examples show whether a list is complete.
    assert make_linter([dict(rule, keywords=["ninja"])]).lint_text(text) == []


def test_forbid_statements_are_not_searched(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["age"]}
    text = "We are an equal opportunity employer: we do not discriminate by age.\n\nNo age limit applies.\n"
    assert [v.line for v in make_linter([rule]).lint_text(text)] == [1, 3]
    statements = {"patterns": [r"equal opportunity employer"], "keywords": ["equal"]}
    assert [v.line for v in make_linter([dict(rule, statements=statements)]).lint_text(text)] == [3]


def test_forbid_skip_quotes(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["rockstar"]}
    text = 'We never say "rockstar".\n\n> A rockstar, they said.\n\nOur rockstar team.\n'
    assert [v.line for v in make_linter([rule]).lint_text(text)] == [1, 3, 5]
    assert [v.line for v in make_linter([dict(rule, skip_quotes=True)]).lint_text(text)] == [5]


def test_forbid_suggestion_for_matches_without_a_replacement(make_linter) -> None:
    rule = {"kind": "forbid", "terms": ["rockstar"], "replace": {"ninja": "expert"}, "suggestion": "Say what you need"}
    rockstar, ninja = make_linter([rule]).lint_text("A rockstar and a ninja.\n")
    assert (rockstar.suggestion, rockstar.fix) == ("Say what you need", None)
    assert ninja.fix.edits[0].replacement == "expert"


@pytest.mark.parametrize(("unescape", "fixed"), [(True, "’"), (False, None)])
def test_forbid_unescape_fixes_entities(make_linter, unescape: bool, fixed: str | None) -> None:
    rule = {"kind": "forbid", "patterns": [r"&rsquo;"], "unescape": unescape, "scope": ["raw"]}
    (v,) = make_linter([rule]).lint_text("We&rsquo;re hiring.\n", format="text")
    assert (v.fix.edits[0].replacement if v.fix else None) == fixed
