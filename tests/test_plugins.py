"""Packs and rule kinds installed by other packages, found through entry points.

The plugin is a real distribution (a .dist-info folder with entry_points.txt) on
PYTHONPATH, so importlib.metadata finds it exactly as it finds a pip-installed one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PACK = """\
pack: acme
version: "1"
description: ACME's posting rules.
rules:
  - id: acme/codename
    kind: forbid
    severity: error
    message: "Internal code name '{match}'"
    description: Code names mean nothing to candidates.
    references: [https://example.org/style]
    terms: [Project Falcon]
    examples:
      pass: ["Join our payments team."]
      fail: ["Join Project Falcon."]
  - id: acme/shout
    kind: exclaim
    severity: warning
    message: "Too many exclamation marks"
    description: One is plenty.
    references: [https://example.org/style]
    limit: 1
    examples:
      pass: ["Apply now!"]
      fail: ["Apply now!!!"]
"""

KIND = """\
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from postlint.kinds.check_base import Check, iter_scope
from postlint.kinds.spec_base import RuleSpec
from postlint.violation import Finding


@dataclass(frozen=True)
class ExclaimCheck(Check):
    limit: int

    def check(self, doc, ctx):
        for offset, text in iter_scope(doc, ("text",)):
            run = "!" * (self.limit + 1)
            at = text.find(run)
            while at != -1:
                end = at
                while end < len(text) and text[end] == "!":
                    end += 1
                yield Finding(offset + at, offset + end, {"match": text[at:end]})
                at = text.find(run, end)


class ExclaimSpec(RuleSpec):
    kind: Literal["exclaim"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match"})
    limit: int = 1

    def compile(self):
        return ExclaimCheck(self.limit)
"""


def _plugin(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    package = site / "acme_postlint"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from pathlib import Path\n\ndef packs():\n    return [Path(__file__).parent / 'acme.yaml']\n", encoding="utf-8"
    )
    (package / "acme.yaml").write_text(PACK, encoding="utf-8")
    (package / "kinds.py").write_text(KIND, encoding="utf-8")
    info = site / "acme_postlint-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-postlint\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        "[postlint.packs]\nacme = acme_postlint:packs\n\n[postlint.kinds]\nexclaim = acme_postlint.kinds:ExclaimSpec\n",
        encoding="utf-8",
    )
    return site


def _run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]), "NO_COLOR": "1"}
    env["POSTLINT_CACHE_DIR"] = str(cwd / ".cache")
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "postlint", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_installed_pack_and_kind_are_used_by_name(tmp_path: Path) -> None:
    site = _plugin(tmp_path)
    (tmp_path / ".postlint.yaml").write_text("packs: [acme]\n", encoding="utf-8")
    (tmp_path / "job.md").write_text("# Engineer\n\nJoin Project Falcon today!!!\n", encoding="utf-8")
    proc = _run(site, tmp_path, "check", "job.md", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    found = [(v["rule"], v["line"], v["column"]) for v in json.loads(proc.stdout)["violations"]]
    assert found == [("acme/codename", 3, 6), ("acme/shout", 3, 26)]


def test_installed_kind_is_in_the_pack_schema_and_its_examples_run(tmp_path: Path) -> None:
    site = _plugin(tmp_path)
    schema = json.loads(_run(site, tmp_path, "packs", "schema").stdout)
    assert "exclaim" in schema["properties"]["rules"]["items"]["properties"]["kind"]["enum"]
    proc = _run(site, tmp_path, "packs", "test", str(site / "acme_postlint" / "acme.yaml"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "4 passed, 0 failed" in proc.stdout
