"""The `deadline` kind: closing dates that passed or disagree (`fields`, `labels`, `within`, `keywords`,
`grace_days`, `report`, `skip`)."""

from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2025, 3, 10)
LABELS = r"\bclosing date\b|\bapply by\b"


def _dates(make_linter, text: str, **options) -> list[tuple[int, str]]:
    linter = make_linter([{"kind": "deadline", "message": "{date}", **options}], as_of=TODAY)
    return [(v.line, v.message) for v in linter.lint_text(text)]


def test_deadline_fields_read_the_front_matter(make_linter) -> None:
    text = "---\nends: 2025-03-01\n---\n# Job\n\nWork.\n"
    assert _dates(make_linter, text, fields=["ends"]) == [(2, "2025-03-01")]
    assert _dates(make_linter, text, fields=["closes"]) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Closing date: March 1, 2025.\n", [(1, "2025-03-01")]),
        ("Closing date: March 30, 2025.\n", []),
        ("Start date: March 1, 2025.\n", []),
    ],
    ids=["past", "to-come", "not-a-label"],
)
def test_deadline_labels(make_linter, text: str, found: list[tuple[int, str]]) -> None:
    assert _dates(make_linter, text, labels=LABELS) == found


def test_deadline_within_limits_how_far_the_date_may_be(make_linter) -> None:
    text = "Closing date: reviewed as they come, by March 1, 2025.\n"
    assert _dates(make_linter, text, labels=LABELS) == [(1, "2025-03-01")]
    assert _dates(make_linter, text, labels=LABELS, within=20) == []


def test_deadline_keywords_skip_blocks_without_them(make_linter) -> None:
    text = "Closing date: March 1, 2025.\n"
    assert _dates(make_linter, text, labels=LABELS, keywords=["closing"]) == [(1, "2025-03-01")]
    # A wrong speed hint hides the label: the rule's examples are there to show a list is complete.
    assert _dates(make_linter, text, labels=LABELS, keywords=["deadline"]) == []


@pytest.mark.parametrize(("grace_days", "fires"), [(0, True), (8, True), (9, False)])
def test_deadline_grace_days(make_linter, grace_days: int, fires: bool) -> None:
    found = _dates(make_linter, "Closing date: March 1, 2025.\n", labels=LABELS, grace_days=grace_days)
    assert bool(found) is fires


def test_deadline_report_conflict(make_linter) -> None:
    text = "---\nends: 2030-03-01\n---\n# Job\n\nClosing date: April 1, 2030.\n"
    assert _dates(make_linter, text, fields=["ends"], labels=LABELS) == []  # not past
    assert _dates(make_linter, text, fields=["ends"], labels=LABELS, report="conflict") == [(6, "2030-04-01")]
    same = text.replace("April 1", "March 1")
    assert _dates(make_linter, same, fields=["ends"], labels=LABELS, report="conflict") == []


def test_deadline_skip_other_kinds_of_dates(make_linter) -> None:
    text = "Priority closing date: March 1, 2025.\n"
    assert _dates(make_linter, text, labels=LABELS) == [(1, "2025-03-01")]
    assert _dates(make_linter, text, labels=LABELS, skip=r"\bpriority\b") == []


def test_deadline_labels_are_found_in_every_block_that_holds_one(make_linter) -> None:
    """Blocks are searched only where the labels' RE2 twin can match: a label in the first block or the
    last is still read, with twins on and off (the latest of the dates is the one reported)."""
    from postlint.linear_twin import use_twins

    filler = "We build things.\n\nMore text here.\n\n"
    first = f"# Job\n\nClosing date: March 1, 2025.\n\n{filler}"
    last = f"# Job\n\n{filler}- Apply by March 2, 2025\n\nThe end. CLOSING DATE: March 3, 2025.\n"
    before = use_twins(False)
    try:
        for twins in (False, True):
            use_twins(twins)
            assert _dates(make_linter, first, labels=LABELS) == [(3, "2025-03-01")]
            assert _dates(make_linter, last, labels=LABELS) == [(9, "2025-03-03")]
    finally:
        use_twins(before)
