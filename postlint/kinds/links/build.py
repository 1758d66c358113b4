"""The link kinds compiled without pydantic: the validated specs (`spec.py`) and the shipped packs' fast load
share this (`kinds/build_base.py` says why)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, ClassVar

from postlint.kinds.build_base import REQUIRED, RuleBuild, combine_regexes
from postlint.kinds.links.check import ApplyCheck, LinkCheck, LinkStatusCheck
from postlint.links.urls import HostPattern


class LinkBuild(RuleBuild):
    """What a `link` rule compiles to (the fields are `LinkSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("raw",)
    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "check": REQUIRED}
    if TYPE_CHECKING:
        check: Any

    def compile(self) -> LinkCheck:
        return LinkCheck(self.check)


class ApplyLinkBuild(RuleBuild):
    """What an `apply-link` rule compiles to (the fields are `ApplyLinkSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("raw",)
    FIELDS: ClassVar[dict[str, Any]] = {
        **RuleBuild.FIELDS,
        "words": REQUIRED,
        "link_words": (),
        "mail_words": (),
        "send_words": (),
        "unless_words": (),
        "url_words": (),
        "mailboxes": (),
        "fields": ("apply_url",),
        "hosts": (),
        "suggestion": None,
    }
    if TYPE_CHECKING:
        words: tuple[str, ...]
        link_words: tuple[str, ...]
        mail_words: tuple[str, ...]
        send_words: tuple[str, ...]
        unless_words: tuple[str, ...]
        url_words: tuple[str, ...]
        mailboxes: tuple[str, ...]
        fields: tuple[str, ...]
        hosts: tuple[str, ...]
        suggestion: str | None

    def compile(self) -> ApplyCheck:
        never = re.compile(r"(?!)")

        def either(patterns: tuple[str, ...]) -> re.Pattern[str]:
            return combine_regexes(patterns, re.IGNORECASE) if patterns else never

        return ApplyCheck(
            combine_regexes(self.words, re.IGNORECASE),
            either(self.link_words),
            either(self.mail_words),
            either(self.send_words),
            either(self.unless_words),
            either(self.url_words),
            either(self.mailboxes),
            self.fields,
            tuple(HostPattern.parse(h) for h in self.hosts),
            self.suggestion,
        )


class LinkStatusBuild(RuleBuild):
    """What a `link-status` rule compiles to (the fields are `LinkStatusSpec`'s)."""

    default_scope: ClassVar[tuple[str, ...]] = ("raw",)
    FIELDS: ClassVar[dict[str, Any]] = {**RuleBuild.FIELDS, "states": REQUIRED}
    if TYPE_CHECKING:
        states: Any

    def compile(self) -> LinkStatusCheck:
        return LinkStatusCheck(tuple(self.states))
