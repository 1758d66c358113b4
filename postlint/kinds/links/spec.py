"""The link kinds: `link` (the form of every link), `apply-link` (a way to apply), `link-status` (online results).

Hosts of applicant-tracking systems, URL shorteners and tracking parameters are data
(`postlint/data/link_hosts.yaml`); a rule picks which test to run and may add hosts.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from postlint.kinds.links.build import ApplyLinkBuild, LinkBuild, LinkStatusBuild
from postlint.kinds.spec_base import Regex, RuleSpec


class LinkSpec(LinkBuild, RuleSpec):
    """Test the form of every link in the posting, offline, and report each one that fails at its URL."""

    kind: Literal["link"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "url", "host", "problem", "params"})

    check: Literal["malformed", "insecure", "shortener", "tracking-params"] = Field(
        description="`malformed`: a URL that cannot work (misspelled or missing scheme, spaces, no host, bad port, "
        "unbalanced brackets, `javascript:`, localhost); `insecure`: http:// to a public host (unsafe fix: "
        "https://); `shortener`: a URL shortener; `tracking-params`: analytics parameters such as utm_source "
        "(unsafe fix: remove them)."
    )

    def fix_safety(self) -> str:
        """What `postlint explain` says about this rule's fix."""
        if self.check == "insecure":
            return "An unsafe fix changes http:// to https:// (`postlint fix --unsafe-fixes`): open the link after it."
        if self.check == "tracking-params":
            return (
                "An unsafe fix removes the tracking parameters and keeps the others, the fragment and the escaping "
                "as written (`postlint fix --unsafe-fixes`)."
            )
        return "No automatic fix: the rule shows what to change."


class ApplyLinkSpec(ApplyLinkBuild, RuleSpec):
    """Fire once when the posting offers no usable way to apply, or its only apply link cannot work."""

    kind: Literal["apply-link"]
    placeholders: ClassVar[frozenset[str]] = frozenset({"match", "url", "problem"})

    words: tuple[Regex, ...] = Field(
        description="Regexes for apply wording (any case): a link whose text, sentence, preceding label or section "
        "heading matches is an apply link."
    )
    link_words: tuple[Regex, ...] = Field(
        (),
        description="Broader regexes (any case), enough in a link's own text or its section's heading "
        '("Careers", "Join us").',
    )
    mail_words: tuple[Regex, ...] = Field(
        (), description='More regexes (any case) for the sentence or heading around an e-mail address ("CV").'
    )
    send_words: tuple[Regex, ...] = Field(
        (),
        description="Regexes (any case) for a sentence that asks for an application at the link or address "
        '("submit your resume to"): it is a way to apply even if it also mentions questions.',
    )
    unless_words: tuple[Regex, ...] = Field(
        (),
        description="Regexes (any case): a link or address whose sentence matches one is not an apply link by its "
        "wording or heading (an accommodation contact, a questions address, a newsletter).",
    )
    url_words: tuple[Regex, ...] = Field(
        (), description="Regexes (any case) on a link's host and path that make it an apply link (/careers/, /jobs/)."
    )
    mailboxes: tuple[Regex, ...] = Field(
        (), description="Regexes (any case) on an e-mail address's local part that make it an application address."
    )
    fields: tuple[str, ...] = Field(
        ("apply_url",),
        description="Front-matter fields (canonical names, mapped by the `front-matter` config) that hold the "
        "apply URL or e-mail address.",
    )
    hosts: tuple[str, ...] = Field(
        (),
        description="Applicant-tracking hosts besides the built-in list: 'host' (and subdomains), '*.host' "
        "(subdomains only) or 'host/path'.",
    )
    suggestion: str | None = Field(None, description="What to add, shown with the violation.")


class LinkStatusSpec(LinkStatusBuild, RuleSpec):
    """Report each link whose online check ended in one of `states` (only with `--check-links`)."""

    kind: Literal["link-status"]
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"match", "url", "host", "state", "detail", "status", "final_url"}
    )

    states: tuple[Literal["broken", "unverified", "blocked", "excluded"], ...] = Field(
        min_length=1, description="The checker's outcomes to report: broken, unverified, blocked, excluded."
    )
