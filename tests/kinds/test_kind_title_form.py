"""The `title-form` kind: a title that needs a form (`needs`, `accepts`, `accepts_in`, `suggestion`, `append`)."""

from __future__ import annotations

import pytest

RULE = {
    "kind": "title-form",
    "needs": r"\b(?:engineer|manager)\b",
    "accepts": [r"\(m/w/d\)", r"\(w/m/d\)"],
    "message": "'{title}' lacks (m/w/d)",
}


@pytest.mark.parametrize(
    ("title", "fires"),
    [("Software Engineer", True), ("Software Engineer (m/w/d)", False), ("Pastry Chef", False)],
    ids=["needs-and-lacks", "accepted", "not-needed"],
)
def test_title_form_needs_and_accepts(make_linter, title: str, fires: bool) -> None:
    violations = make_linter([RULE]).lint_text(f"# {title}\n\nWork.\n")
    assert [v.line for v in violations] == ([1] if fires else [])


def test_title_form_without_needs_every_title_needs_a_form(make_linter) -> None:
    rule = {k: v for k, v in RULE.items() if k != "needs"}
    assert make_linter([rule]).lint_text("# Pastry Chef\n\nBake.\n")


def test_title_form_suggestion(make_linter) -> None:
    (v,) = make_linter([dict(RULE, suggestion="{title} (m/w/d)")]).lint_text("# Software Engineer\n\nWork.\n")
    assert v.suggestion == "Software Engineer (m/w/d)"
    assert v.fix is None


def test_title_form_append_is_an_unsafe_fix(make_linter) -> None:
    (v,) = make_linter([dict(RULE, append=" (m/w/d)")]).lint_text("# Software Engineer\n\nWork.\n")
    assert v.fix.applicability == "unsafe"
    assert [(e.start, e.end, e.replacement) for e in v.fix.edits] == [(19, 19, " (m/w/d)")]


TITLE_MARKED = {
    "id": "t/title-marked",
    "kind": "title-form",
    "message": "Title '{title}' is not marked",
    "accepts": [r"\(m/w/d\)"],
    "accepts_in": [{"languages": ["it"], "patterns": [r"^[\x20-\x7E]*\bspecialist\b[\x20-\x7E]*$"]}],
}
ITALIAN_BODY = "Siamo un'azienda che cerca una persona per il nostro ufficio; il ruolo è nella nostra sede di Milano.\n"
GERMAN_BODY = "Wir suchen eine erfahrene Person für unser Team, die unsere Datenplattform weiterentwickelt.\n"


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("# Data Specialist (m/w/d)\n\n" + GERMAN_BODY, False),
        ("# Data Specialist\n\n" + GERMAN_BODY, True),  # accepted in Italian postings only
        ("# Data Specialist\n\n" + ITALIAN_BODY, False),
        ("# Impiegato amministrativo\n\n" + ITALIAN_BODY, True),
    ],
    ids=["accepted-everywhere", "not-in-this-language", "accepted-in-this-language", "not-this-form"],
)
def test_title_form_accepts_in_a_language(make_linter, text: str, flagged: bool) -> None:
    assert bool(make_linter([TITLE_MARKED]).lint_text(text)) is flagged
