"""What the online link checker learned about one URL.

The checker (network, run once per run for every distinct URL) and the rules that
report its results (run per posting) meet only through this small, picklable type,
so workers can receive the results without importing anything network-related.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# ok: answered 2xx (after redirects); broken: 4xx/5xx that means the page is gone or failing,
# a timeout, a DNS failure, a refused connection, too many redirects;
# unverified: the site refuses robots (401, 403, 429, 999) so nothing can be concluded;
# blocked: not fetched on purpose (private, loopback, link-local or metadata address,
# a scheme other than http/https, or a redirect towards one);
# excluded: matched `links.exclude`, never fetched.
LinkState = Literal["ok", "broken", "unverified", "blocked", "excluded"]


@dataclass(frozen=True, slots=True)
class LinkStatus:
    """The outcome for one URL: its state, the last HTTP status seen (0: none) and a short reason."""

    url: str
    state: LinkState
    status_code: int = 0
    detail: str = ""  # for people: "404 Not Found", "timed out after 10 s", "resolves to 10.0.0.5 (private)"
    final_url: str = ""  # where redirects ended, if anywhere else
