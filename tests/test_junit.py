"""JUnit XML: parses back, with a failing test case per violation and a passing one per clean file."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from conftest import EXAMPLES, run_cli_many, write_pack


def test_junit_counts_match_json(tmp_path: Path) -> None:
    # A vertical tab in a message (XML 1.0 cannot carry it) and markup characters in a file name.
    pack = write_pack(tmp_path, [{"id": "t/vtab", "kind": "forbid", "patterns": ["x\x0by"], "scope": ["raw"]}])
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / 'R&D <lead> "q".md').write_text("# R&D Lead\n\nWe need x\x0by & <b>z</b>.\n", encoding="utf-8")
    (junit_code, xml, err), (json_code, out, _) = run_cli_many(
        [
            (("check", "posts", EXAMPLES, "--pack", pack, "--format", "junit"), {"cwd": tmp_path}),
            (("check", "posts", EXAMPLES, "--pack", pack, "--format", "json"), {"cwd": tmp_path}),
        ]
    )
    assert junit_code == json_code == 1, err
    report = json.loads(out)
    violations = report["violations"]
    assert any("\x0b" in v["message"] for v in violations)

    root = ET.fromstring(xml.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    failures = [(case, case.find("failure")) for case in cases if case.find("failure") is not None]
    for element in (root, suite):
        assert int(element.get("failures", "")) == len(failures) == len(violations)
        assert int(element.get("tests", "")) == len(cases)
        assert element.get("errors") == "0"

    # One failing case per violation: the path as class name, the rule as failure type.
    got = Counter((case.get("classname"), failure.get("type"), failure.get("message")) for case, failure in failures)
    wanted = Counter((v["path"], v["rule"], v["message"].replace("\x0b", "U+000B")) for v in violations)
    assert got == wanted
    assert all(failure.text and f":{case.get('line')}:" in failure.text for case, failure in failures)
    # Every linted file appears; the clean ones as one passing case each.
    assert len({case.get("classname") for case in cases}) == report["summary"]["files"]
    flawed = {v["path"] for v in violations}
    passing = [case.get("classname") for case in cases if case.find("failure") is None]
    assert len(passing) == report["summary"]["files"] - len(flawed) and not set(passing) & flawed
    # Servers merge test cases with the same name in a class, so each name is unique there.
    names = Counter((case.get("classname"), case.get("name")) for case in cases)
    assert max(names.values()) == 1
    assert 'R&D <lead> "q".md' in {Path(name).name for name in flawed}
