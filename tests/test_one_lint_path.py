"""One lint path: a frozen document, derived views kept per lint, run-wide data in the run context."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from postlint.api import Linter
from postlint.document import Document
from postlint.engine import RunContext
from postlint.links.status import LinkStatus
from postlint.reader import parse

TEXT = (
    "---\npostlint: {ignore: [no/such-one]}\n---\n# Engineer\n\n"
    "<!-- postlint-disable no/such-rule -->\nRockstars wanted. Apply at https://example.com/jobs/1\n"
)


def test_a_document_cannot_be_written_to() -> None:
    doc = parse(TEXT, "markdown", "x.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "Other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.problems = []  # type: ignore[misc]
    assert not hasattr(doc, "memo")


def test_linting_one_document_three_times_gives_equal_results() -> None:
    engine = Linter.from_config().engine
    doc = parse(TEXT, "markdown", "x.md")
    before = copy.deepcopy(doc)
    runs = [engine.lint_document(doc) for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    assert [v.rule for v in runs[0]].count("postlint/directive") == 2
    assert doc == before  # blocks, links, problems and front matter as the reader left them


def test_a_given_location_does_not_change_the_parsed_text() -> None:
    linter = Linter.from_config()
    first = linter.lint_text("# Engineer\n\nWe build things.\n", facts={"location": "Denver, CO"})
    again = linter.lint_text("# Engineer\n\nWe build things.\n", facts={"location": "Denver, CO"})
    assert first == again


def test_link_statuses_travel_in_the_run_context_not_on_the_engine() -> None:
    engine = Linter.from_config().engine
    assert not hasattr(engine, "link_status")
    text = "# Engineer\n\nApply at https://example.com/gone today.\n"
    broken = RunContext(link_status={"https://example.com/gone": LinkStatus("https://example.com/gone", "broken", 404)})  # type: ignore[arg-type]
    assert "links/broken" in [v.rule for v in engine.lint_text(text, run=broken)]
    assert "links/broken" not in [v.rule for v in engine.lint_text(text)]


def test_check_links_reads_each_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from postlint import reader, runner
    from postlint.config import Settings

    files = []
    for number in range(3):
        path = tmp_path / f"p{number}.md"
        path.write_text(f"# Engineer {number}\n\nApply at https://example.com/jobs/{number}\n", encoding="utf-8")
        files.append(str(path))
    monkeypatch.setattr("postlint.links.checker.check_urls", lambda urls, *a, **k: {})
    built: list[str] = []
    real = reader.build_document

    def counting(data: bytes, path: str, *args: object) -> Document:
        built.append(path)
        return real(data, path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "build_document", counting)  # the runner imports it when it reads
    engine = Linter.from_config().engine
    linked = runner.with_link_status(engine, files, Settings(), max_bytes=1 << 20, use_cache=False)
    results = list(runner.lint_files(linked, files, max_bytes=1 << 20, jobs=1))
    assert sorted(built) == sorted(files)  # read once, for the links, and not again to be linted
    plain = list(runner.lint_files(engine, files, max_bytes=1 << 20, jobs=1))
    assert [r.violations for r in results] == [r.violations for r in plain]
