"""The `metric` kind: words, reading grade and other measures, per document, block, sentence or section."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from postlint import textstats
from postlint.textstats import reading_grade


def _words(n: int) -> str:
    return " ".join(f"word{chr(97 + i % 26)}" for i in range(n))


WORDS = {
    "id": "t/words",
    "kind": "metric",
    "message": "{value} words ({min}-{max})",
    "metric": "words",
    "min": 5,
    "max": 10,
}


@pytest.mark.parametrize(
    ("n", "fires"), [(4, True), (5, False), (10, False), (11, True)], ids=["below", "min", "max", "above"]
)
def test_metric_words_min_max(make_linter, n: int, fires: bool) -> None:
    violations = make_linter([WORDS]).lint_text(_words(n) + "\n")
    assert len(violations) == int(fires)
    for v in violations:
        assert f"{n} words" in v.message


def test_metric_too_few_points_at_the_end(make_linter) -> None:
    text = "# Job\n\nToo short.\n"
    (v,) = make_linter([WORDS]).lint_text(text)
    assert v.start == v.end == len(text.rstrip())


def test_metric_empty_text(make_linter) -> None:
    (v,) = make_linter([WORDS]).lint_text("")
    assert (v.line, v.column) == (1, 1)


def test_metric_does_not_count_code_or_urls(make_linter) -> None:
    text = "One two three four.\n\n```\nfive six seven eight nine ten eleven\n```\n\nhttps://example.com/a/b/c/d/e/f\n"
    (v,) = make_linter([WORDS]).lint_text(text)
    assert "4 words" in v.message


def test_metric_per_block(make_linter) -> None:
    rule = {"kind": "metric", "metric": "words", "max": 3, "per": "block", "scope": ["paragraph"]}
    text = "# A long heading that is not counted\n\nOne two three.\n\nOne two three four.\n\n- five six seven eight\n"
    violations = make_linter([rule]).lint_text(text)
    assert [(v.line, v.column) for v in violations] == [(5, 1)]
    assert violations[0].match == "One two three four."


def test_reading_grade_orders_simple_and_complex_text() -> None:
    simple = "The cat sat on the mat. We like it."
    complex_ = (
        "Comprehensive organizational responsibilities necessitate extraordinary interdisciplinary "
        "communication capabilities and considerable analytical sophistication."
    )
    assert reading_grade(simple) < 5
    assert reading_grade(complex_) > 14
    assert reading_grade("") == 0.0


def test_metric_reading_grade(make_linter) -> None:
    rule = {"kind": "metric", "metric": "reading_grade", "max": 12, "message": "grade {value} over {max}"}
    linter = make_linter([rule])
    assert linter.lint_text("The cat sat on the mat. We like it.\n") == []
    (v,) = linter.lint_text(
        "Comprehensive organizational responsibilities necessitate extraordinary interdisciplinary "
        "communication capabilities and considerable analytical sophistication.\n"
    )
    assert "over 12" in v.message


@pytest.mark.parametrize(
    ("metric", "text", "value"),
    [
        ("characters", "Ab cd.\n", 5),
        ("sentences", "One. Two. Three.\n", 3),
        ("paragraphs", "One.\n\nTwo.\n\n- three\n", 2),
        ("list_items", "One.\n\n- a\n- b\n- c\n", 3),
        ("longest_list", "- a\n- b\n\nText.\n\n- c\n- d\n- e\n", 3),
        ("longest_list", "- a\n  - x\n  - y\n  - z\n- b\n", 2),  # nested items are details of theirs
        ("longest_list", "1. a\n- x\n- y\n- z\n2. b\n- u\n", 3),  # numbered, then bulleted: new lists
        ("longest_list", "1. a\n   - x\n2. b\n   - y\n3. c\n", 3),
        ("longest_list", "- a\n- b\n1. c\n2. d\n3. e\n", 3),
        ("longest_list", "* a\n* b\n\n  * x\n\n* c\n", 3),
        ("longest_list", "- a\n- b\n* c\n* d\n* e\n", 3),  # another bullet: another list
        ("headings", "# A\n\n## B\n\nText.\n", 2),
        ("links", "See https://a.example and [b](https://b.example).\n", 2),
        ("words_per_sentence", "One two three. Four five six seven eight.\n", 4),
    ],
)
def test_metric_measures(make_linter, metric: str, text: str, value: float) -> None:
    rule = {"kind": "metric", "metric": metric, "max": 0.5, "message": "{value}"}
    (v,) = make_linter([rule]).lint_text(text)
    assert float(v.message) == value


def test_longest_list_in_plain_text_starts_a_list_where_the_bullet_changes(make_linter) -> None:
    """Knowledge, skills and abilities under "•" labels, each with its "-" items: lists of 2, 1 and 3."""
    text = "Skills:\n\u2022 Knowledge of:\n- a\n- b\n\u2022 Skill in:\n- c\n\u2022 Ability to:\n- d\n- e\n- f\n"
    rule = {"kind": "metric", "metric": "longest_list", "max": 0.5, "message": "{value}"}
    (v,) = make_linter([rule]).lint_text(text, format="text")
    assert float(v.message) == 3


def test_metric_per_sentence(make_linter) -> None:
    rule = {"kind": "metric", "metric": "words", "max": 4, "per": "sentence"}
    violations = make_linter([rule]).lint_text("Short one here. This sentence has far too many words in it.\n")
    assert [v.match for v in violations] == ["This sentence has far too many words in it."]


def test_metric_section_and_per_section(make_linter) -> None:
    text = "# Job\n\n## Duties\n\n- a\n- b\n- c\n\n## Perks\n\n- d\n- e\n- f\n- g\n"
    rule = {"kind": "metric", "metric": "list_items", "max": 3, "section": "perks|duties", "message": "{value}"}
    (whole,) = make_linter([rule]).lint_text(text)  # the blocks under both headings together
    assert (whole.line, whole.message) == (5, "7")
    per = make_linter([dict(rule, per="section")]).lint_text(text)
    assert [v.line for v in per] == [9]
    only_duties = make_linter([dict(rule, section="duties")]).lint_text(text)
    assert only_duties == []


# Letters, digits, CJK, sentence ends, bullets, spaces and line breaks: what moves word and sentence counts.
_PIECES = st.sampled_from(list("aBÉЯ字の1_.!?。 \t\n-'•*"))
_TEXTS = st.lists(st.text(_PIECES, max_size=12), max_size=4)


@settings(max_examples=300, deadline=None, database=None)
@given(_TEXTS)
def test_counts_of_texts_add_up_to_the_counts_of_the_texts_joined(texts: list[str]) -> None:
    """The metrics sum per-block counts kept in the memo; that must equal counting the blocks joined."""
    joined = "\n\n".join(texts)
    memo: dict[object, object] = {}
    tokens = [t for text in texts for t in textstats.counts(text, memo).tokens]
    sentences = sum(len(textstats.sentences(text, memo)) for text in texts)
    assert tokens == textstats.WORD.findall(joined)
    assert sum(textstats.counts(text, memo).words for text in texts) == len(textstats.words(joined))
    assert sentences == textstats.sentence_count(joined)
    assert textstats.grade(tokens, sentences) == reading_grade(joined)


def test_metric_rules_split_each_block_into_sentences_once(make_linter, monkeypatch) -> None:
    """The reading grade and the per-sentence rule read the same blocks: each block is split once, in the memo."""
    split: list[str] = []
    spans = textstats.sentence_spans

    def counting(text: str) -> list[tuple[int, int]]:
        split.append(text)
        return spans(text)

    monkeypatch.setattr(textstats, "sentence_spans", counting)
    scope = ["paragraph", "list_item"]
    rules = [
        {"id": "t/grade", "kind": "metric", "metric": "reading_grade", "max": 30, "scope": scope},
        {"id": "t/long", "kind": "metric", "metric": "words", "per": "sentence", "max": 30, "scope": scope},
        {"id": "t/wps", "kind": "metric", "metric": "words_per_sentence", "max": 30, "scope": scope},
    ]
    make_linter(rules).lint_text("# Job\n\nWe cook. We clean.\n\n- Lunch for guests\n- Dinner too\n")
    assert sorted(split) == sorted(["We cook. We clean.", "Lunch for guests", "Dinner too"])
