"""The studio's gate: only this machine's own pages may talk to it, and only with the page's token.

A local server is reachable by any web page the student opens, through their browser. Three
checks keep those pages out, before any route runs:

- **Host**: the request must name this server by a loopback name (``localhost``, ``127.0.0.1``,
  ``[::1]``) or, when the studio was started on another address, by that address or an IP
  literal. A page on a stranger's domain that re-points its name at 127.0.0.1 (DNS rebinding)
  still sends its own name, and is refused.
- **Origin**: a request that changes anything must come from the studio's own origin
  (``Origin`` equal to ``http://`` + Host); a cross-site fetch or form post is refused, and so is
  anything the browser marks ``Sec-Fetch-Site: cross-site`` or ``same-site``.
- **Token**: every ``/api/`` request carries ``X-Argmap-Token``, a random value written into
  the page at start; other pages cannot read it.

Bodies larger than the route allows are refused from their ``Content-Length`` (and counted
again as they arrive, see :func:`argmap.studio.server.read_json`).

>>> ok = host_checker("127.0.0.1", 8000)
>>> ok("localhost:8000"), ok("127.0.0.1:8000"), ok("[::1]:8000"), ok("evil.example:8000"), ok("localhost:9")
(True, True, True, False, False)
>>> host_checker("0.0.0.0", 8000)("192.168.1.20:8000"), host_checker("0.0.0.0", 8000)("rebind.example:8000")
(True, False)
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["Guard", "host_checker", "split_host", "TOKEN_HEADER", "LOOPBACK_NAMES", "SECURITY_HEADERS"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

TOKEN_HEADER = "x-argmap-token"
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

#: The policy: the page's own scripts, styles and requests, nothing from anywhere else, no eval.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
#: Sent with every response.
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)


def split_host(value: str) -> tuple[str, int | None]:
    """``host[:port]`` (IPv6 in brackets) as (host, port); port None when absent or not a number.

    >>> split_host("[::1]:8000"), split_host("localhost"), split_host("a:b")
    (('::1', 8000), ('localhost', None), ('a', None))
    """
    value = value.strip().lower()
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, port = value.partition(":")
    return host, int(port) if port.isdigit() else None


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def _is_loopback(name: str) -> bool:
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_checker(bound: str, port: int) -> Callable[[str], bool]:
    """The rule for Host headers of a server bound to ``bound``:``port`` (see the module's text)."""
    bound = bound.strip("[]").lower()
    local = _is_loopback(bound)

    def allowed(header: str) -> bool:
        name, given = split_host(header)
        if given is not None and given != port:
            return False
        if _is_loopback(name):
            return True
        if local:
            return False
        return name == bound or _is_ip(name)

    return allowed


class Guard:
    """ASGI middleware applying the Host, Origin, token and size rules, and the security headers."""

    def __init__(self, app: App, *, token: str, allowed_host: Callable[[str], bool], max_body: int) -> None:
        self.app = app
        self.token = token
        self.allowed_host = allowed_host
        self.max_body = max_body

    async def _refuse(self, send: Send, status: int, message: str) -> None:
        body = json.dumps({"error": "refused", "message": message}).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
            *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if not host or not self.allowed_host(host):
            await self._refuse(send, 421, "this studio answers only to its own address on this machine")
            return
        method = scope.get("method", "GET")
        site = headers.get("sec-fetch-site")
        path: str = scope.get("path", "")
        if site in ("cross-site", "same-site") and (path.startswith("/api/") or method not in ("GET", "HEAD")):
            await self._refuse(send, 403, "requests from other sites are refused")
            return
        if method not in ("GET", "HEAD") and headers.get("origin") != f"http://{host}":
            await self._refuse(send, 403, "changes are accepted only from the studio's own page")
            return
        if path.startswith("/api/"):
            given = headers.get(TOKEN_HEADER, "")
            if not hmac.compare_digest(given.encode(), self.token.encode()):
                await self._refuse(send, 403, "missing or wrong studio token: reload the studio's page")
                return
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._refuse(send, 413, f"the request is larger than the studio accepts ({self.max_body:,} bytes)")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
