"""What can be told about a URL without fetching it: its host, whether it is well formed, its tracking.

Everything here is pure and offline. Hosts, shorteners and tracking parameters come
from `postlint/data/link_hosts.yaml`, read once per process. Nothing raises on a
strange URL (IDNA hosts, bad ports, bracketed hosts): a URL that cannot be parsed is
a malformed URL, not a crash.
"""

from __future__ import annotations

import html
import ipaddress
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, urlsplit

from postlint.lazy_regex import lazy_regex
from postlint.regex_store import regex

if TYPE_CHECKING:
    from postlint.document import Document, Link

# Values a static-site generator or template fills in later ({{ page.apply_url }}, %7B%7Bsite.baseurl%7D%7D).
_TEMPLATE = regex(r"\{\{|\{%|%7B%7B|%7B%25|\$\{|<%", re.IGNORECASE)
# The start of an absolute URL, possibly misspelled: letters, then a colon and/or slashes.
_SCHEME_LIKE = regex(r"([a-zA-Z]{2,8})(:[/\\]{0,4}|[/\\]{2,3}|;//)")
# A link target that is clearly a web address written without its scheme.
_SCHEMELESS = lazy_regex(
    r"(?:www\d?\.[^\s/]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|co|us|ca|uk|de|fr|eu|jobs))"
    r"(?::\d+)?(?:[/?#]|$)",
    re.IGNORECASE,
)
_SPACE = regex(r"\s")
# Schemes that are not web addresses but are not typos of http either.
_OTHER_SCHEMES = frozenset(
    {"ftp", "ftps", "sftp", "tel", "sms", "mailto", "file", "data", "ws", "wss", "git", "ssh", "irc", "ircs", "news"}
    | {"webcal", "urn", "tag", "geo", "skype", "callto", "facetime", "whatsapp", "weixin", "fax", "blob", "about"}
)
_WEB_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "ws", "wss"})
_LOCAL_SUFFIXES = (".localhost", ".local", ".test", ".example", ".invalid", ".internal", ".lan", ".home.arpa")
# In an HTML start tag: an href attribute and its value as written (quoted or not).
_HREF = regex(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# A Markdown link reference definition: `[label]: destination`.
_REFERENCE = regex(r"^ {0,3}\[(?:[^\]\\\n]|\\.)+\]:[ \t]*\n?[ \t]*(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
_PARAM_SEPARATOR = regex(r"&amp;|&#0*38;|&#x0*26;|&", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HostPattern:
    """One entry of a host list: a host (and its subdomains), or subdomains only, optionally a path prefix."""

    host: str
    subdomains_only: bool = False
    path: str = ""

    @classmethod
    def parse(cls, entry: str) -> HostPattern:
        entry = entry.strip().lower()
        host, _, path = entry.partition("/")
        if host.startswith("*."):
            return cls(host[2:], True, "/" + path if path else "")
        return cls(host, False, "/" + path if path else "")

    def matches(self, host: str, path: str) -> bool:
        if host == self.host:
            if self.subdomains_only:
                return False
        elif not host.endswith("." + self.host) or (self.subdomains_only and host == "www." + self.host):
            return False
        return not self.path or path.lower().startswith(self.path)


@dataclass(frozen=True, slots=True)
class LinkHosts:
    """The contents of link_hosts.yaml, ready to match against."""

    apply_hosts: tuple[HostPattern, ...]
    shorteners: frozenset[str]
    tracking_names: frozenset[str]
    tracking_prefixes: tuple[str, ...]
    tracking_by_host: tuple[tuple[str, frozenset[str]], ...]


@lru_cache(maxsize=1)
def link_hosts() -> LinkHosts:
    """The built-in host lists (postlint/data/link_hosts.yaml), read once per process (from the disk cache
    if it can)."""
    from postlint.cache import cached

    return cached("link-hosts", _hosts_path(), _read_link_hosts)


def _hosts_path() -> Path:
    import postlint.data

    return Path(postlint.data.__file__).parent / "link_hosts.yaml"


def _read_link_hosts() -> LinkHosts:
    from postlint.packs.yamlpos import load_shipped

    data = load_shipped(_hosts_path().read_text(encoding="utf-8"))
    tracking = data.get("tracking") or {}
    return LinkHosts(
        tuple(HostPattern.parse(h) for h in data.get("apply_hosts") or ()),
        frozenset(h.lower() for h in data.get("shorteners") or ()),
        frozenset(tracking.get("names") or ()),
        tuple(tracking.get("prefixes") or ()),
        tuple((h.lower(), frozenset(names)) for h, names in (tracking.get("hosts") or {}).items()),
    )


def split(url: str) -> SplitResult | None:
    """urlsplit, or None for what it cannot parse (an unclosed '[' in the host, for one)."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def host_of(url: str) -> str:
    """The URL's host, lower-case, without port or credentials; "" if it has none.

    A URL written without a scheme (`www.example.com/jobs`) is read as http, the way
    a reader's browser would.
    """
    url = url.strip()
    if url[:4].lower() == "www." or (url and "://" not in url and _SCHEMELESS.match(url)):
        url = "http://" + url
    parts = split(url)
    if parts is None:
        return ""
    try:
        return (parts.hostname or "").rstrip(".")
    except ValueError:
        return ""


def path_of(url: str) -> str:
    parts = split(url if "://" in url else "http://" + url)
    return parts.path if parts is not None else ""


def fragment_of(url: str) -> str:
    """The URL's fragment ("jobs" in example.com/#jobs), or "" if it has none."""
    return url.split("#", 1)[1] if "#" in url else ""


def is_template(url: str) -> bool:
    """A URL a template engine fills in ({{ page.apply_url }}): nothing can be said about it."""
    return bool(_TEMPLATE.search(url))


def is_local_host(host: str) -> bool:
    """localhost, loopback, private, link-local and reserved-for-testing hosts."""
    host = host.strip("[]").lower()
    if not host:
        return False
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified


def is_loopback_host(host: str) -> bool:
    """localhost and loopback addresses: a link there points at the reader's own computer."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _near(word: str, target: str) -> bool:
    """True if `word` is within two edits (insert, delete, substitute, swap) of `target`."""
    if abs(len(word) - len(target)) > 2:
        return False
    previous = list(range(len(target) + 1))
    before: list[int] = []
    for i, a in enumerate(word, 1):
        row = [i]
        for j, b in enumerate(target, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == target[j - 2] and word[i - 2] == b:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        before, previous = previous, row
    return previous[-1] <= 2


def scheme_typo(url: str) -> str | None:
    """The misspelled scheme at the start of `url` ('htps:', 'http//', 'http:/'), or None."""
    m = _SCHEME_LIKE.match(url.strip())
    if m is None:
        return None
    name, sep = m.group(1), m.group(2)
    lower = name.lower()
    if sep == "://" and lower in ("http", "https"):
        return None
    if lower in ("http", "https"):
        return m.group(0)
    if lower in _OTHER_SCHEMES or not (lower.startswith(("h", "t")) or lower.endswith(("tp", "tps"))):
        return None
    if ("//" in sep or sep.startswith(":")) and (_near(lower, "http") or _near(lower, "https")):
        return m.group(0)
    return None


def url_problem(url: str, raw: str | None = None, *, bare: bool = False) -> str | None:
    """Why a link's URL cannot work, in a few words; None if nothing is wrong with its form.

    `raw` is the URL as written in the source (it may differ from `url` by escaping);
    `bare` says the URL stands in running text, where `www.example.com` needs no scheme.
    """
    raw = url if raw is None else raw
    stripped = url.strip()
    if is_template(stripped) or is_template(raw):
        return None
    if stripped in ("", "#"):
        return "empty link target" if not stripped else "link target is only '#'"
    lower = stripped.lower()
    if lower.startswith(("javascript:", "vbscript:")):
        return "a script, not an address"
    typo = scheme_typo(stripped)
    if typo is not None:
        return f"misspelled scheme '{typo}'"
    if not bare and ":" not in stripped.split("/", 1)[0] and _SCHEMELESS.match(stripped):
        return "no scheme: write 'https://' before it, or browsers read it as a page of this site"
    if _SPACE.search(raw.strip()):
        return "space inside the URL"
    brackets = raw.replace("%5B", "[").replace("%5D", "]").replace("%5b", "[").replace("%5d", "]")
    if brackets.count("(") != brackets.count(")") or brackets.count("[") != brackets.count("]"):
        return "unbalanced brackets"
    if "](" in brackets:
        return "a Markdown link inside a link"
    parts = split(stripped)
    if parts is None:
        return "cannot be parsed"
    scheme = parts.scheme.lower()
    if scheme == "mailto":
        if lower.startswith("mailto:/"):
            return "'mailto:' takes no slashes"
        address = parts.path.split("?")[0]
        return None if "@" in address else "no e-mail address"
    if scheme not in _WEB_SCHEMES:
        return None
    try:
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return "bad port"
    if not host:
        return "no host"
    if ".." in host or host.startswith("."):
        return "empty label in the host name"
    if is_loopback_host(host):
        return "points to localhost, the reader's own computer"
    return None


_EMAIL = regex(r"(?:mailto:)?[^@\s/]+@[^@\s/]+\.[^@\s/]+", re.IGNORECASE)


def address_problem(value: str) -> str | None:
    """Why a front-matter apply address (a URL or an e-mail address) cannot work; None if it can."""
    value = value.strip()
    if is_template(value) or _EMAIL.fullmatch(value):
        return None
    if not value:
        return "empty link target"
    looks_like_url = "://" in value or value.startswith(("/", "www.")) or _SCHEMELESS.match(value)
    if not looks_like_url and scheme_typo(value) is None:
        return f"'{value}' is not a URL or an e-mail address"
    return url_problem(value)


def is_insecure(url: str) -> bool:
    """An http:// URL to a public host (https is expected; local and test hosts are left alone)."""
    if not url.strip().lower().startswith("http://") or is_template(url):
        return False
    host = host_of(url)
    return bool(host) and not is_local_host(host)


def is_shortener(url: str, hosts: LinkHosts) -> bool:
    host = host_of(url)
    return host in hosts.shorteners or (host.startswith("www.") and host[4:] in hosts.shorteners)


def is_apply_host(url: str, hosts: LinkHosts) -> bool:
    host = host_of(url)
    if not host:
        return False
    path = path_of(url)
    return any(pattern.matches(host, path) for pattern in hosts.apply_hosts)


def _query(raw: str) -> tuple[int, int]:
    """The span of the query string inside a URL (without '?', up to '#'); (-1, -1) if none."""
    q = raw.find("?")
    if q == -1:
        return -1, -1
    h = raw.find("#", q)
    return q + 1, (h if h != -1 else len(raw))


def tracking_params(url: str, hosts: LinkHosts) -> list[str]:
    """The names of the tracking parameters in a URL's query, in order."""
    a, b = _query(url)
    if a == -1:
        return []
    host = host_of(url)
    extra: frozenset[str] = frozenset()
    for suffix, names in hosts.tracking_by_host:
        if host == suffix or host.endswith("." + suffix):
            extra = extra | names
    found: list[str] = []
    for piece in _PARAM_SEPARATOR.split(url[a:b]):
        name = html.unescape(piece.split("=", 1)[0])
        tracking = name in hosts.tracking_names or name in extra or name.startswith(hosts.tracking_prefixes)
        if tracking and name not in found:
            found.append(name)
    return found


def without_params(raw: str, names: list[str] | set[str]) -> str:
    """`raw` with the named query parameters removed; other parameters, separators and the fragment as written."""
    a, b = _query(raw)
    if a == -1:
        return raw
    query = raw[a:b]
    kept: list[str] = []
    pos = 0
    separator = ""
    for m in [*_PARAM_SEPARATOR.finditer(query), None]:
        end = m.start() if m is not None else len(query)
        piece = query[pos:end]
        if piece and html.unescape(piece.split("=", 1)[0]) not in names:
            kept.append((separator if kept else "") + piece)
        if m is not None:
            separator, pos = m.group(0), m.end()
    new_query = "".join(kept)
    head = raw[: a - 1] if not new_query else raw[:a]
    return head + new_query + raw[b:]


def url_span(doc: Document, link: Link) -> tuple[int, int, bool]:
    """Where a link's URL is written in the source: (start, end, exact).

    `exact` is True when source[start:end] is the URL as written (possibly HTML-escaped,
    `&amp;` for `&`), so an edit there changes the URL; otherwise the span is the whole link.
    """
    text = doc.text
    if link.url_start != -1:
        return link.url_start, link.url_end, True
    tag_end = text.find(">", link.start, link.end if link.end > link.start else len(text))
    if text.startswith("<", link.start) and tag_end != -1:
        m = _HREF.search(text, link.start, tag_end)
        if m is not None:
            group = next(g for g in (1, 2, 3) if m.group(g) is not None)
            value = m.group(group)
            lead = len(value) - len(value.lstrip())
            start, end = m.start(group) + lead, m.start(group) + len(value.rstrip())
            if html.unescape(text[start:end]) == link.url:
                return start, end, True
    if doc.format == "markdown" and text.startswith("[", link.start):
        found = _reference_span(text, link.url)
        if found is not None:
            return found[0], found[1], True
    return link.start, link.end, False


def _reference_span(text: str, url: str) -> tuple[int, int] | None:
    """The destination of the reference definition that gives `url` (as markdown-it normalizes it)."""
    if "]:" not in text:
        return None
    from markdown_it.common.normalize_url import normalizeLink as normalize

    for m in _REFERENCE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        written = m.group(group)
        if written == url or normalize(html.unescape(written)) == url:
            return m.start(group), m.end(group)
    return None


def is_bare(doc: Document, link: Link) -> bool:
    """A URL or e-mail address standing in running text, not the target of `[text](url)`, `<a href>` or `<url>`."""
    return link.start < len(doc.text) and doc.text[link.start] not in "<["
