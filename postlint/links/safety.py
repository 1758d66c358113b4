"""Which hosts and addresses the link checker may connect to.

A posting is untrusted input: a link (or a redirect, or a DNS answer) could point
the checker at the machine it runs on, the office network, or a cloud provider's
metadata service, which hands out credentials to whoever asks. So every address is
checked before a connection is made, and only public addresses pass unless the
configuration allows more. Standard library only: the config validator uses it too.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Sequence
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Instance-metadata services (AWS, GCP, Azure, Oracle, DigitalOcean: 169.254.169.254;
# AWS ECS task metadata; Alibaba Cloud; AWS over IPv6). `allow_private: true` does not
# open these: only listing the address itself does.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
METADATA_HOSTS = frozenset(
    {"metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"}
)
_SHARED = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598, carrier-grade NAT
_UNIQUE_LOCAL = ipaddress.ip_network("fc00::/7")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HOST_NAME = re.compile(r"(?i)(?=.*[a-z_])[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?")


def classify(ip: IPAddress) -> str | None:
    """Why `ip` is not a public address ('loopback', 'private', ...), or None when it is one."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv6 form of an IPv4 address (mapped, 6to4, NAT64) reaches that IPv4 address.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return classify(embedded)
        ip = ip.__class__(str(ip).split("%", 1)[0])  # a scope id does not change what the address is
    if ip in METADATA_ADDRESSES:
        return "cloud metadata"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip in _SHARED:
        return "shared (carrier-grade NAT)"
    if ip in _UNIQUE_LOCAL:
        return "unique-local"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:
        return "non-public"
    return None


def parse_allowed(entry: str) -> IPNetwork | str:
    """An `allow_private` list entry: an address or CIDR network, or a host name (lower-cased).

    Raises ValueError for anything else, so a typo is a config error rather than a silent no-op.
    """
    text = entry.strip().strip("[]")
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        pass
    if re.fullmatch(r"[\d./:]+", text) or not _HOST_NAME.fullmatch(text):
        raise ValueError(f"{entry!r} is not an IP address, a CIDR network or a host name")
    return text.lower().rstrip(".")


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """What `links.allow_private` lets through besides public addresses."""

    allow_private: bool = False  # true: every non-public address except cloud metadata
    networks: tuple[IPNetwork, ...] = ()  # listed addresses and networks (metadata included, if listed)
    hosts: frozenset[str] = frozenset()  # listed host names: any address they resolve to, except metadata

    @classmethod
    def from_setting(cls, allow_private: bool | Sequence[str]) -> AddressPolicy:
        """Build the policy from the config value: a boolean or a list of addresses, networks and hosts."""
        if isinstance(allow_private, bool):
            return cls(allow_private=allow_private)
        parsed = [parse_allowed(entry) for entry in allow_private]
        return cls(
            networks=tuple(p for p in parsed if not isinstance(p, str)),
            hosts=frozenset(p for p in parsed if isinstance(p, str)),
        )

    @property
    def key(self) -> str:
        """A fingerprint for the result cache: results fetched under a looser policy are not reused."""
        if not (self.allow_private or self.networks or self.hosts):
            return "public"
        if self.allow_private:
            return "private"
        return "allow:" + ",".join(sorted([*map(str, self.networks), *self.hosts]))

    def host_problem(self, host: str) -> str | None:
        """Why a host name is refused before it is even resolved (metadata service names), or None."""
        name = host.lower().rstrip(".")
        if name in METADATA_HOSTS:
            return f"{name} is a cloud metadata host"
        return None

    def address_problem(self, host: str, ip: IPAddress) -> str | None:
        """Why connecting to `ip` (an address of `host`) is refused, or None when it is allowed."""
        reason = classify(ip)
        if reason is None:
            return None
        if reason == "cloud metadata":  # only the address itself, listed (as /32 or /128), opens it
            listed = any(net.num_addresses == 1 and ip == net.network_address for net in self.networks)
        else:
            listed = any(ip.version == net.version and ip in net for net in self.networks)
        if listed:
            return None
        if reason != "cloud metadata" and (self.allow_private or host.lower().rstrip(".") in self.hosts):
            return None
        article = "an" if reason[0] in "aeiou" else "a"
        what = f"{article} {reason} address"
        literal = host.strip("[]") == str(ip)
        return f"{ip} is {what}" if literal else f"{host} resolves to {ip}, {what}"
