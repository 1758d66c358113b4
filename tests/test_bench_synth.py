"""The synthetic postings of bench/synth.py: deterministic, the right size, varied, and lintable."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SYNTH = ROOT / "bench" / "synth.py"
# Rules that mean postlint could not read a file as a posting at all.
INPUT_ERRORS = {"postlint/binary-file", "postlint/unreadable", "postlint/file-too-large", "encoding/invalid-utf8"}


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("postlint_bench_synth", SYNTH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synth = _load()


def test_same_seed_same_postings() -> None:
    assert list(synth.postings(40, seed=3)) == list(synth.postings(40, seed=3))


def test_other_seed_other_postings() -> None:
    first = [p["text"] for p in synth.postings(20, seed=1)]
    second = [p["text"] for p in synth.postings(20, seed=2)]
    assert not set(first) & set(second)


def test_a_larger_run_starts_with_the_smaller_one() -> None:
    assert list(synth.postings(60))[:25] == list(synth.postings(25))


def test_count_and_ids() -> None:
    made = list(synth.postings(120, seed=5))
    assert len(made) == 120
    assert [p["id"] for p in made] == [f"synth-{n:06d}" for n in range(1, 121)]
    assert all(set(p) == {"id", "text", "format", "location"} for p in made)
    assert list(synth.postings(0)) == []


def test_lengths_are_like_real_postings() -> None:
    sizes = sorted(len(p["text"].encode("utf-8")) for p in synth.postings(500))
    mean = sum(sizes) / len(sizes)
    assert 4_500 < mean < 9_000
    assert sizes[0] < 1_000  # some very short
    assert sizes[-1] > 20_000  # a long tail


def test_formats_and_locations_vary() -> None:
    made = list(synth.postings(300))
    assert {p["format"] for p in made} == {"markdown", "html", "text"}
    locations = {p["location"] for p in made}
    assert "" in locations
    assert len(locations) > 20
    assert {"Denver, CO", "Berlin, Germany", "Toronto, ON"} <= locations
    assert any(p["text"].startswith("---\n") for p in made)
    assert any(p["text"].startswith("<!DOCTYPE html>") for p in made if p["format"] == "html")
    assert any("â€" in p["text"] or "‚Ä" in p["text"] for p in made)


def test_cli_writes_sharded_files(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    subprocess.run([sys.executable, str(SYNTH), "1005", "--out", str(out), "--seed", "4"], check=True)
    files = sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file())
    assert len(files) == 1005
    assert sorted({name.split("/")[0] for name in files}) == ["000", "001"]
    assert files[0].startswith("000/synth-000001.")
    expected = {p["id"]: p["text"] for p in synth.postings(1005, seed=4)}
    sample = out / files[-1]
    assert sample.read_text(encoding="utf-8") == expected[sample.stem]


def test_cli_writes_json_lines(tmp_path: Path) -> None:
    target = tmp_path / "postings.jsonl"
    subprocess.run([sys.executable, str(SYNTH), "30", "--jsonl", str(target)], check=True)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(synth.postings(30))
    piped = subprocess.run(
        [sys.executable, str(SYNTH), "30", "--jsonl", "-"], check=True, capture_output=True, text=True
    )
    assert piped.stdout.splitlines() == lines


def test_every_posting_lints_without_an_input_error(tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    synth.write_files(50, out)
    run = subprocess.run(
        [sys.executable, "-m", "postlint", "check", str(out), "--format", "json", "--no-cache"],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode in (0, 1), run.stderr
    report = json.loads(run.stdout)
    assert report["summary"]["files"] == 50
    rules = {v["rule"] for v in report["violations"]}
    assert not rules & INPUT_ERRORS
    # Front matter is broken on purpose in a few postings, as in real ones; nowhere else.
    broken = {v["path"] for v in report["violations"] if v["rule"] == "postlint/front-matter"}
    assert all(Path(path).read_text(encoding="utf-8").splitlines()[1].count('"') == 1 for path in broken)
    # The postings exercise the core rules, as real ones do.
    assert {"pay/salary-range", "eeo/statement", "visa/policy", "links/apply"} <= rules
