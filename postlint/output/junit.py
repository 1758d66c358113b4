"""JUnit XML, the test report CI servers (GitLab, Jenkins) show: a linted file is a test, a violation a failure.

One test case per violation (classname: the path, name: the rule and position), and one
passing case named `postlint` per clean file. Jenkins and GitLab show only the first
`<failure>` of a test case and merge test cases with the same name, so several failures
in one case would hide all but one violation. Every violation is a failure whatever
its severity; the exit code, set by `--fail-on`, still decides whether the job fails.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from postlint.display import safe_path
from postlint.violation import Violation

if TYPE_CHECKING:
    from postlint.output import ReportOptions
    from postlint.runner import FileResult

# Characters XML 1.0 cannot carry, even as references: C0 controls but tab and newlines, surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: a forbidden character becomes its U+XXXX code, so nothing is silently lost."""
    return _NOT_XML.sub(lambda m: f"U+{ord(m.group()):04X}", text)


def testcase_name(v: Violation) -> str:
    return f"{v.rule} ({v.line}:{v.column})"


class JunitReporter:
    """One `<testsuite>` for the run, written once at the end."""

    def __init__(self, options: ReportOptions) -> None:
        self.options = options
        self.cases: list[ET.Element] = []
        self.violations: list[Violation] = []

    def file(self, result: FileResult) -> None:
        from postlint.output.text import render_violation

        path = xml_text(safe_path(result.path))
        if not result.violations:
            self.cases.append(ET.Element("testcase", classname=path, name="postlint", file=path, time="0"))
            return
        source = result.decoded.text if result.decoded else None
        names: set[str] = set()
        for v in result.violations:
            name = testcase_name(v)
            suffix = 2
            while name in names:  # CI servers merge test cases of the same name
                name, suffix = f"{testcase_name(v)} #{suffix}", suffix + 1
            names.add(name)
            case = ET.Element("testcase", classname=path, name=name, file=path, line=str(v.line), time="0")
            failure = ET.SubElement(case, "failure", message=xml_text(v.message), type=v.rule)
            failure.text = xml_text(render_violation(v, source, colour=False))
            self.cases.append(case)
        self.violations.extend(result.violations)

    def finish(self, files: int) -> None:
        tests, failures = str(len(self.cases)), str(len(self.violations))
        counts = {"tests": tests, "failures": failures, "errors": "0", "skipped": "0", "time": "0"}
        root = ET.Element("testsuites", {"name": "postlint", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "postlint", **counts})
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="postlint.version", value=self.options.version)
        ET.SubElement(properties, "property", name="files", value=str(files))
        suite.extend(self.cases)
        ET.indent(root)
        self.options.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.options.stream.write(ET.tostring(root, encoding="unicode") + "\n")
        if self.options.statistics and self.violations:
            from postlint.output.text import render_statistics

            self.options.errors.write(render_statistics(self.violations) + "\n")
