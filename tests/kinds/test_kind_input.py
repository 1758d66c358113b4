"""The `input` kind: one rule per problem the reader finds in a file (`problem`), on files not read too."""

from __future__ import annotations

import pytest

from postlint.reader import build_document

LATIN1 = "# Caf\u00e9\n\nWe brew coffee.\n".encode("latin-1")


@pytest.mark.parametrize(
    ("problem", "data", "fires"),
    [
        ("not-utf8", LATIN1, True),
        ("not-utf8", b"# Cafe\n\nWe brew coffee.\n", False),
        ("binary-file", b"\x00\x01\x02PNG\x00\x00", True),
        ("front-matter", b"---\ntitle: [unclosed\n---\n# Job\n", True),
        ("replacement-char", "# Caf\ufffd\n".encode(), True),
    ],
    ids=["not-utf8", "clean", "binary", "front-matter", "replacement-char"],
)
def test_input_reports_its_own_problem_only(make_linter, problem: str, data: bytes, fires: bool) -> None:
    others = [p for p in ("not-utf8", "binary-file", "front-matter", "replacement-char") if p != problem]
    linter = make_linter([{"kind": "input", "problem": problem}, *({"kind": "input", "problem": p} for p in others)])
    violations = linter.lint_document(build_document(data, "job.md", "markdown"))
    assert [v.rule for v in violations] == (["t/rule-0"] if fires else [])


def test_input_runs_on_a_file_that_could_not_be_read(make_linter) -> None:
    linter = make_linter([{"kind": "input", "problem": "binary-file"}, {"kind": "forbid", "terms": ["PNG"]}])
    doc = build_document(b"\x00\x01\x02PNG\x00\x00", "job.md", "markdown")
    assert not doc.linted
    assert [v.rule for v in linter.lint_document(doc)] == ["t/rule-0"]
