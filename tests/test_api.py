"""The library API: `postlint.Linter.from_config`, `lint_text` with facts, `Violation.to_dict`, pickling."""

from __future__ import annotations

import json
import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, cli_env, run_cli, run_probe

import postlint
from postlint.api import Linter
from postlint.document import LineIndex
from postlint.output.json_format import violation_dict
from postlint.results_cache import _plain, _violation

FORMAT_OF = {".md": "markdown", ".txt": "text", ".html": "html"}
POSTINGS = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in FORMAT_OF)
NO_PLACE = (
    "# Backend Engineer\n\nWe build routing software for delivery fleets. You will design services, "
    "review code and mentor two engineers.\n\nApply at https://jobs.example.com/apply\n"
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.from_config()


def test_the_package_exports_the_api_lazily() -> None:
    code = "import sys, postlint; print('postlint.engine' in sys.modules, postlint.Linter.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env(), check=True)
    assert out.stdout.split() == ["False", "postlint.api"]
    assert postlint.Violation.__module__ == "postlint.violation"
    assert issubclass(postlint.PostlintError, Exception)
    with pytest.raises(AttributeError):
        _ = postlint.not_there  # type: ignore[attr-defined]


def test_results_equal_the_json_report_of_the_same_files(linter: Linter, tmp_path: Path) -> None:
    copies = []
    for index, source in enumerate(POSTINGS):
        copy = tmp_path / f"{index:02d}-{source.name}"
        copy.write_bytes(source.read_bytes())
        copies.append(copy.name)
    code, out, err = run_cli("check", *copies, "--format", "json", "--no-cache", "--jobs", "1", cwd=tmp_path)
    assert code in (0, 1), err
    reported: dict[str, list[dict[str, Any]]] = {name: [] for name in copies}
    for item in json.loads(out)["violations"]:
        reported[item["path"]].append(item)
    with_fixes = 0
    for name in copies:
        text = (tmp_path / name).read_text(encoding="utf-8")
        found = [v.to_dict() for v in linter.lint_text(text, format=FORMAT_OF[Path(name).suffix], path=name)]
        assert found == reported[name], name
        with_fixes += sum(1 for item in found if item["fix"] and item["fix"]["edits"])
    assert with_fixes >= 5


def test_to_dict_needs_no_text_and_matches_the_line_index(linter: Linter) -> None:
    text = (EXAMPLES / "flawed" / "copy-paste-mojibake.md").read_text(encoding="utf-8")
    index = LineIndex(text)
    violations = [v for v in linter.lint_text(text) if v.fix is not None]
    assert violations
    for v in violations:
        assert v.to_dict() == violation_dict(v, index)
        for edit, shown in zip(v.fix.edits, v.to_dict()["fix"]["edits"], strict=True):  # type: ignore[union-attr]
            assert (shown["line"], shown["column"]) == index.position(edit.start)
            assert (shown["end_line"], shown["end_column"]) == index.position(edit.end)
        assert pickle.loads(pickle.dumps(v)).to_dict() == v.to_dict()
        assert _violation(json.loads(json.dumps(_plain(v))), v.path).to_dict() == v.to_dict()


def test_a_result_cache_entry_without_edit_positions_is_a_miss(linter: Linter) -> None:
    text = (EXAMPLES / "flawed" / "copy-paste-mojibake.md").read_text(encoding="utf-8")
    v = next(v for v in linter.lint_text(text) if v.fix is not None)
    old = _plain(v)
    old["f"][2] = [edit[:3] for edit in old["f"][2]]  # the entry as written before edits had positions
    with pytest.raises(ValueError):
        _violation(old, v.path)


def rules(violations: list[Any]) -> dict[str, str]:
    return {v.rule: v.severity.name for v in violations}


def test_a_location_fact_brings_the_laws_of_the_place(linter: Linter) -> None:
    alone = rules(linter.lint_text(NO_PLACE))
    placed = rules(linter.lint_text(NO_PLACE, facts={"location": "Denver, CO"}))
    assert "pay/application-deadline" not in alone  # Colorado's rule: the text names no place
    assert placed["pay/application-deadline"] == "error"
    assert placed["pay/salary-range"] == "error"
    assert "quality/location" in alone and "quality/location" not in placed
    front_matter = "---\nlocation: Denver, CO\n---\n" + NO_PLACE
    assert rules(linter.lint_text(front_matter)) == placed
    assert rules(linter.lint_text(NO_PLACE, facts={"location": ["Denver, CO"]})) == placed


def test_a_location_fact_replaces_the_front_matter_location(linter: Linter) -> None:
    posting = "---\nlocation: Austin, TX\n---\n" + NO_PLACE
    assert "pay/application-deadline" not in rules(linter.lint_text(posting))
    placed = linter.lint_text(posting, facts={"location": "Denver, CO"})
    assert rules(placed)["pay/application-deadline"] == "error"


def test_a_jurisdictions_fact_overrides_detection(linter: Linter) -> None:
    posting = "---\nlocation: Austin, TX\n---\n" + NO_PLACE
    assert rules(linter.lint_text(posting, facts={"jurisdictions": ["US-CO"]}))["pay/application-deadline"] == "error"
    assert rules(linter.lint_text(posting, facts={"jurisdictions": []})) == rules(linter.lint_text(posting))


@pytest.mark.parametrize(
    ("kwargs", "error", "names"),
    [
        ({"format": "pdf"}, ValueError, ["markdown", "text", "html"]),
        ({"facts": {"place": "Denver"}}, ValueError, ["location", "jurisdictions"]),
        ({"facts": {"jurisdictions": "US-CO"}}, TypeError, ["list of strings"]),
        ({"facts": {"jurisdictions": ["US-XX"]}}, ValueError, ["US-XX"]),
        ({"facts": {"location": 7}}, TypeError, ["location"]),
        ({"facts": ["location"]}, TypeError, ["mapping"]),
        ({"path": 3}, TypeError, ["path"]),
    ],
)
def test_bad_arguments_are_refused_by_name(
    linter: Linter, kwargs: dict[str, Any], error: type[Exception], names: list[str]
) -> None:
    with pytest.raises(error) as caught:
        linter.lint_text(NO_PLACE, **kwargs)
    for name in names:
        assert name in str(caught.value)


def test_from_config_reads_a_config_and_the_selection(tmp_path: Path) -> None:
    config = tmp_path / ".postlint.yaml"
    config.write_text("packs: [builtin]\nignore: [visa]\nmax-file-size: 0.001\n", encoding="utf-8")
    linter = Linter.from_config(config, select=["pay", "visa", "postlint"])
    assert linter.rule_ids and all(r.startswith(("pay/", "postlint/")) for r in linter.rule_ids)
    assert linter.max_bytes == 1048
    assert [v.rule for v in linter.lint_text("x" * 2000)] == ["postlint/file-too-large"]
    with pytest.raises(postlint.PostlintError):
        Linter.from_config(config, select=["no-such-pack"])
    with pytest.raises(TypeError):
        Linter.from_config(select="pay")


def _lint_all(linter: Linter, texts: list[str]) -> list[list[dict[str, Any]]]:
    return [[v.to_dict() for v in linter.lint_text(text, path=str(i))] for i, text in enumerate(texts)]


def _lint_one(item: tuple[Linter, int, str]) -> list[dict[str, Any]]:
    linter, index, text = item
    return [v.to_dict() for v in linter.lint_text(text, path=str(index))]


def test_the_linter_pickles_as_small_from_the_disk_cache_as_built_afresh(tmp_path: Path) -> None:
    """Packs unpickled from the disk cache share each pattern's prefilter, as packs built afresh do: a copy per
    rule made the Linter a third larger for every worker it is sent to."""
    script = "import pickle\nfrom postlint.api import Linter\nprint(len(pickle.dumps(Linter.from_config())))"
    built = int(run_probe(script, tmp_path))  # an empty cache: packs built, then stored
    cached = int(run_probe(script, tmp_path))  # the same packs, read back
    assert cached < built * 1.02, (built, cached)


def test_the_linter_pickles_small_and_gives_the_same_results_in_a_pool(linter: Linter) -> None:
    blob = pickle.dumps(linter)
    # About 700 kB: the compiled rules, with their prefilters and RE2 twins, and the gazetteer. Each pattern is kept
    # as written, relaxed and as its twin, so a long statement shape costs about four times its length.
    assert len(blob) < 740_000
    texts = [p.read_text(encoding="utf-8") for p in POSTINGS if p.suffix == ".md"]
    expected = _lint_all(linter, texts)
    with multiprocessing.get_context("spawn").Pool(2) as pool:  # spawn: the linter really crosses by pickle
        got = pool.map(_lint_one, [(linter, i, t) for i, t in enumerate(texts)], chunksize=1)
    assert got == expected
