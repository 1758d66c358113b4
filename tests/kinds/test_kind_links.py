"""The link kinds: `link` (`check`), `apply-link` (`words`, `link_words`, `mail_words`, `send_words`,
`unless_words`, `url_words`, `mailboxes`, `fields`, `hosts`, `suggestion`) and `link-status` (`states`).
URL parsing and the link checker are tested in test_links_offline.py and test_link_checker.py."""

from __future__ import annotations

import pytest

from postlint.engine import RunContext
from postlint.links.status import LinkStatus

# ---------------------------------------------------------------- link


@pytest.mark.parametrize(
    ("check", "text", "found", "fix"),
    [
        ("malformed", "See htps://example.com/jobs today.\n", ["htps://example.com/jobs"], None),
        ("malformed", "See https://example.com/jobs today.\n", [], None),
        ("insecure", "See http://example.com/jobs today.\n", ["http://example.com/jobs"], "unsafe"),
        ("shortener", "See https://bit.ly/abc123 today.\n", ["https://bit.ly/abc123"], None),
        (
            "tracking-params",
            "See https://example.com/jobs?utm_source=x&id=3.\n",
            ["https://example.com/jobs?utm_source=x&id=3"],
            "unsafe",
        ),
    ],
    ids=["malformed", "well-formed", "insecure", "shortener", "tracking-params"],
)
def test_link_check(make_linter, check: str, text: str, found: list[str], fix: str | None) -> None:
    violations = make_linter([{"kind": "link", "check": check}]).lint_text(text)
    assert [v.match for v in violations] == found
    assert [v.fix.applicability if v.fix else None for v in violations] == [fix] * len(found)


# ---------------------------------------------------------------- apply-link

APPLY = {"kind": "apply-link", "words": [r"\bapply\b"]}


def _applies(make_linter, text: str, **options) -> bool:
    """True when the posting offers a way to apply (the rule is quiet)."""
    return make_linter([dict(APPLY, **options)]).lint_text(text) == []


def test_apply_link_words(make_linter) -> None:
    assert _applies(make_linter, "# Job\n\n[Apply here](https://example.com/x)\n")
    assert not _applies(make_linter, "# Job\n\n[Our blog](https://example.com/x)\n")


def test_apply_link_link_words_count_in_the_link_text(make_linter) -> None:
    text = "# Job\n\n[Careers](https://example.com/x)\n"
    assert not _applies(make_linter, text)
    assert _applies(make_linter, text, link_words=[r"\bcareers\b"])


def test_apply_link_mail_words_count_around_an_address(make_linter) -> None:
    text = "# Job\n\nSend your CV to ana@example.com.\n"
    assert not _applies(make_linter, text)
    assert _applies(make_linter, text, mail_words=[r"\bCV\b"])


def test_apply_link_send_words_win_over_unless_words(make_linter) -> None:
    text = "# Job\n\nSubmit your resume or questions to ana@example.com.\n"
    options = {"mail_words": [r"\bresume\b"], "unless_words": [r"\bquestions\b"]}
    assert not _applies(make_linter, text, **options)
    assert _applies(make_linter, text, send_words=[r"\bsubmit your resume\b"], **options)


def test_apply_link_unless_words(make_linter) -> None:
    text = "# Job\n\nTo apply with an accommodation, write to ana@example.com.\n"
    assert _applies(make_linter, text)
    assert not _applies(make_linter, text, unless_words=[r"\baccommodation\b"])


def test_apply_link_url_words(make_linter) -> None:
    text = "# Job\n\nhttps://example.com/careers/123\n"
    assert not _applies(make_linter, text)
    assert _applies(make_linter, text, url_words=[r"/careers/"])


def test_apply_link_mailboxes(make_linter) -> None:
    text = "# Job\n\nWrite to jobs@example.com.\n"
    assert not _applies(make_linter, text)
    assert _applies(make_linter, text, mailboxes=[r"^jobs$"])


def test_apply_link_fields(make_linter) -> None:
    text = "---\nhow: https://example.com/x\n---\n# Job\n\nJoin us.\n"
    assert not _applies(make_linter, text)
    assert _applies(make_linter, text, fields=["how"])
    (v,) = make_linter([dict(APPLY, fields=["how"])]).lint_text(text.replace("https://example.com/x", "htps:/x"))
    assert v.line == 2


def test_apply_link_hosts(make_linter) -> None:
    text = "# Job\n\nhttps://hire.example.org/posting/9\n"
    assert not _applies(make_linter, text)
    assert _applies(make_linter, text, hosts=["hire.example.org"])
    assert _applies(make_linter, text, hosts=["*.example.org"])
    assert not _applies(make_linter, text, hosts=["example.org/other"])


def test_apply_link_suggestion(make_linter) -> None:
    (v,) = make_linter([dict(APPLY, suggestion="Add: 'Apply at https://…'")]).lint_text("# Job\n\nJoin us.\n")
    assert v.suggestion == "Add: 'Apply at https://…'"


# ---------------------------------------------------------------- link-status


@pytest.mark.parametrize(("states", "found"), [(["broken"], ["https://example.com/gone"]), (["blocked"], [])])
def test_link_status_states(make_linter, states: list[str], found: list[str]) -> None:
    linter = make_linter([{"kind": "link-status", "states": states}])
    text = "# Job\n\nSee https://example.com/gone and https://example.com/ok.\n"
    assert linter.lint_text(text) == []  # offline: nothing to report
    statuses = {
        "https://example.com/gone": LinkStatus("https://example.com/gone", "broken", 404, "404 Not Found"),
        "https://example.com/ok": LinkStatus("https://example.com/ok", "ok", 200),
    }
    online = RunContext(link_status=statuses)
    assert [v.match for v in linter.lint_text(text, run=online)] == found


def test_link_status_rules_declare_that_they_need_statuses(make_linter) -> None:
    linter = make_linter([{"kind": "link-status", "states": ["broken"]}, dict(APPLY)])
    assert [r.check.needs_link_status for r in linter.rules] == [True, False]
