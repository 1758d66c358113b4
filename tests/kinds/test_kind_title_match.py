"""The `title-match` kind: the first heading names the job the front matter names (`field`, `overlap`)."""

from __future__ import annotations

import pytest


def test_title_match_reads_the_named_field(make_linter) -> None:
    text = "---\nrole: Data Engineer\n---\n# Pastry Chef\n\nBake.\n"
    assert make_linter([{"kind": "title-match"}]).lint_text(text) == []  # no `title:` field
    (v,) = make_linter([{"kind": "title-match", "field": "role"}]).lint_text(text)
    assert (v.line, v.match) == (4, "Pastry Chef")


@pytest.mark.parametrize(("overlap", "fires"), [(0.5, False), (0.9, True)])
def test_title_match_overlap(make_linter, overlap: float, fires: bool) -> None:
    text = "---\ntitle: Senior Data Engineer Berlin\n---\n# Senior Data Platform Lead\n\nBuild.\n"
    assert bool(make_linter([{"kind": "title-match", "overlap": overlap}]).lint_text(text)) is fires
