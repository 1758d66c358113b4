"""The `shouting` kind: sentences in capitals (`min_words`, `min_plain`, `plain_words`, `heading_words`,
`exceptions`, scopes)."""

from __future__ import annotations

import pytest

SHOUT = "Hello. APPLY TODAY AND JOIN OUR AMAZING TEAM now.\n"


@pytest.mark.parametrize(("min_words", "fires"), [(7, True), (8, False)])
def test_shouting_min_words(make_linter, min_words: int, fires: bool) -> None:
    violations = make_linter([{"kind": "shouting", "min_words": min_words}]).lint_text(SHOUT)
    assert [v.match for v in violations] == (["APPLY TODAY AND JOIN OUR AMAZING TEAM"] if fires else [])


def test_shouting_min_plain_and_plain_words_tell_a_sentence_from_acronyms(make_linter) -> None:
    text = "Skills: AWS GCP SQL ETL API CSS HTML.\n"
    assert make_linter([{"kind": "shouting"}]).lint_text(text) == []
    assert make_linter([{"kind": "shouting", "min_plain": 0}]).lint_text(text)
    assert make_linter([{"kind": "shouting", "plain_words": ["AWS", "GCP"]}]).lint_text(text)


@pytest.mark.parametrize(("heading_words", "fires"), [(8, False), (5, True)])
def test_shouting_heading_words(make_linter, heading_words: int, fires: bool) -> None:
    text = "Intro.\n\nBENEFITS AND PERKS FOR ALL OF OUR STAFF\n\nBuild things.\n"
    assert bool(make_linter([{"kind": "shouting", "heading_words": heading_words}]).lint_text(text)) is fires


def test_shouting_exceptions(make_linter) -> None:
    rule = {"kind": "shouting", "exceptions": [r"\bEQUAL OPPORTUNITY\b"]}
    text = "Note: WE ARE AN EQUAL OPPORTUNITY EMPLOYER AND WELCOME ALL.\n"
    assert make_linter([{"kind": "shouting"}]).lint_text(text)
    assert make_linter([rule]).lint_text(text) == []


def test_shouting_scope(make_linter) -> None:
    text = "- " + SHOUT
    assert make_linter([{"kind": "shouting"}]).lint_text(text)
    assert make_linter([{"kind": "shouting", "scope": ["paragraph"]}]).lint_text(text) == []
