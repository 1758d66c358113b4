"""Standard input without --stdin-filename: HTML is read as HTML, everything else as Markdown."""

from __future__ import annotations

import json

import pytest
from conftest import EXAMPLES, run_cli

from postlint.sniff import sniff_format

HTML_POSTING = EXAMPLES / "flawed" / "legacy-careers-page.html"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><h1>Nurse</h1></body></html>", "html"),
        ("\ufeff<html lang='en'><p>Hi</p></html>", "html"),
        ("<!-- exported --><!doctype html>\n<title>x</title>", "html"),
        ("<div><h2>Nurse educator</h2><p>Join us.</p><ul><li>Pay</li></ul></div>", "html"),
        ("# Nurse educator\n\nJoin us.<br>\n\n- Pay: $80k\n", "markdown"),
        ("# Title\n\n<!-- postlint-disable quality/too-short -->\nText.\n", "markdown"),
        ("Nurse educator\n\nJoin us in Seattle, WA.\n", "markdown"),
        ("", "markdown"),
        ("# A\n- one\n- two\n- three\n<p>x</p><p>y</p>\n", "markdown"),
    ],
)
def test_sniff_format(text: str, expected: str) -> None:
    assert sniff_format(text.encode("utf-8")) == expected


def test_html_on_stdin_gives_the_findings_of_an_html_file() -> None:
    data = HTML_POSTING.read_bytes()
    named = run_cli("check", "-", "--stdin-filename", "page.html", "--format", "json", input=data)
    sniffed = run_cli("check", "-", "--format", "json", input=data)
    as_markdown = run_cli("check", "-", "--stdin-filename", "page.md", "--format", "json", input=data)

    def found(run: tuple[int, str, str]) -> list[tuple[str, int, int]]:
        return [(v["rule"], v["line"], v["column"]) for v in json.loads(run[1])["violations"]]

    assert found(sniffed) == found(named)
    assert found(sniffed) != found(as_markdown)  # markup read as Markdown gives other findings


def test_inspect_reads_html_on_stdin_as_html() -> None:
    code, out, _ = run_cli("inspect", "-", "--format", "json", input=HTML_POSTING.read_bytes())
    assert code == 0
    assert json.loads(out)["format"] == "html"
