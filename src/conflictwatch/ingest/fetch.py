"""Fetch URLs safely: http(s) only, size and time limits, and no private addresses.

Before each request (and each redirect hop) the host is resolved and EVERY address it resolves
to must be public: loopback, private (RFC 1918, ULA), link-local (169.254/16, fe80::/10, cloud
metadata), multicast, reserved and unspecified addresses are refused with ``BlockedURL``, unless
``Settings.allow_private_urls`` is set. The HTTP client and the resolver are injected (tests pass
``httpx.MockTransport`` and a fake resolver). Known limit: the check resolves the name, httpx
resolves it again to connect, so a DNS server that answers differently within milliseconds
(DNS rebinding) is not stopped here; run the fetcher behind an egress proxy for that.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from conflictwatch.config import Settings, get_settings
from conflictwatch.errors import BlockedURL, FetchError, TooLarge

Resolver = Callable[[str, int], list[str]]
MAX_REDIRECTS = 5


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def blocked_reason(address: str) -> str | None:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for attr, label in (("is_loopback", "loopback"), ("is_link_local", "link-local"), ("is_private", "private"),
                        ("is_multicast", "multicast"), ("is_unspecified", "unspecified"), ("is_reserved", "reserved")):
        if getattr(ip, attr):
            return label
    if not ip.is_global:
        return "non-global"
    return None


@dataclass
class Fetched:
    url: str  # the final URL after redirects
    status: int
    content: bytes
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)


class Fetcher:
    def __init__(self, settings: Settings | None = None, client: httpx.Client | None = None,
                 resolver: Resolver | None = None) -> None:
        self.settings = settings or get_settings()
        self.client = client or httpx.Client(timeout=httpx.Timeout(self.settings.fetch_timeout),
                                             headers={"User-Agent": "conflictwatch/0.1"})
        self.client.follow_redirects = False  # we follow them ourselves, checking each hop
        self.resolver = resolver or system_resolver

    def check_url(self, url: str) -> None:
        """Raise BlockedURL unless ``url`` is http(s) to a host whose every address is public."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise BlockedURL(f"refused {url!r}: only http and https URLs are fetched")
        host = parts.hostname
        if not host:
            raise BlockedURL(f"refused {url!r}: no host")
        if self.settings.allow_private_urls:
            return
        try:
            addresses = [host] if _is_ip(host) else self.resolver(host, parts.port or 443)
        except FetchError:
            raise
        if not addresses:
            raise FetchError(f"cannot resolve {host!r}")
        for a in addresses:
            why = blocked_reason(a)
            if why:
                raise BlockedURL(f"refused {url!r}: {host} resolves to {why} address {a}")

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """GET ``url`` within the size and time limits, following at most 5 checked redirects."""
        limit = self.settings.max_fetch_bytes
        for _ in range(MAX_REDIRECTS + 1):
            self.check_url(url)
            try:
                with self.client.stream("GET", url, headers=headers or {}) as resp:
                    if resp.is_redirect and "location" in resp.headers:
                        url = urljoin(url, resp.headers["location"])
                        continue
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > limit:
                        raise TooLarge(f"{int(declared):,} bytes declared (limit {limit:,})", source=url)
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise TooLarge(f"more than {limit:,} bytes (limit)", source=url)
                        chunks.append(chunk)
                    return Fetched(url=url, status=resp.status_code, content=b"".join(chunks),
                                   content_type=resp.headers.get("content-type", ""), headers=dict(resp.headers))
            except httpx.TimeoutException as exc:
                raise FetchError(f"{url}: timed out after {self.settings.fetch_timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {exc}") from exc
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    def close(self) -> None:
        self.client.close()


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
