"""Keep other web sites out of a server that listens on localhost.

Binding to 127.0.0.1 stops other machines, not other pages in the same browser: any site could
post a form to http://127.0.0.1:8000/history/delete-all, or reach the API through a DNS name
rebound to 127.0.0.1. So changes are refused when the browser says they come from another
origin, and every request must name this machine in its Host header (unless the person chose to
bind to another address).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["LocalOnly"]

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class LocalOnly:
    """ASGI middleware: a Host check (when bound to loopback) and an Origin check on changes."""

    def __init__(self, app: ASGIApp, bound_host: str) -> None:
        self.app = app
        self.check_host = bound_host in LOOPBACK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        problem = self._problem(scope["method"], host, headers.get("origin"))
        if problem:
            await PlainTextResponse(problem, status_code=403)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _problem(self, method: str, host: str, origin: str | None) -> str | None:
        if self.check_host and _hostname(host) not in LOOPBACK:
            return f"mockmic answers on localhost only, not as {host!r}"
        if method in _UNSAFE and origin and origin != "null" and urlsplit(origin).netloc != host:
            return f"refused a change requested by another site ({origin})"
        return None


def _hostname(host: str) -> str:
    if host.startswith("["):  # [::1]:8000
        return host[1 : host.find("]")]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
