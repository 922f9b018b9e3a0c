"""The host allow-list (``AllowedHosts``): a request naming another host is refused with 400.

A page on an attacker's domain can point that domain at 127.0.0.1 (DNS rebinding) and then
read the local API as its own origin; the browser still sends the attacker's name in
``Host``, so answering only the names this server is known by closes that door.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

DEFAULT_HOSTS = ("127.0.0.1", "localhost", "::1")


def host_name(header: str) -> str:
    """The name in a ``Host`` header, lower-cased, without its port or IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):  # [::1]:8000
        return header[1:].split("]", 1)[0]
    if header.count(":") != 1:  # a bare IPv6 address, or no port
        return header
    name, _, port = header.partition(":")
    return name if port.isdigit() else header


class AllowedHosts:
    """Answers 400 ``{"detail": ...}`` to a request whose ``Host`` is not one of ``hosts``."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(host_name(h) for h in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw = dict(scope.get("headers") or ()).get(b"host", b"")
        if host_name(raw.decode("latin-1")) not in self.hosts:
            await JSONResponse({"detail": "host not allowed (see eventwire serve --allow-host)"},
                               status_code=400)(scope, receive, send)
            return
        await self.app(scope, receive, send)
