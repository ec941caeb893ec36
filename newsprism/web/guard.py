"""Two small ASGI middlewares: security headers on every response, and request limits."""

from __future__ import annotations

import ipaddress
from typing import Any

__all__ = ["CSP", "LimitsMiddleware", "SecurityHeadersMiddleware", "is_loopback"]

# Only this app's own script, style and images; no inline code, no plugins, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
MAX_TARGET = 2048  # bytes of path + query string
MAX_PARAMS = 20

ASGIApp = Any


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _refuse(send: Any, status: int, text: str) -> None:
    body = text.encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})


class LimitsMiddleware:
    """Only GET and HEAD, no body, a bounded URL and number of query parameters."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        if scope["method"] not in ("GET", "HEAD"):
            await _refuse(send, 405, "only GET is served\n")
        elif headers.get(b"content-length", b"0") not in (b"0", b"") or b"transfer-encoding" in headers:
            await _refuse(send, 413, "requests carry no body\n")
        elif len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > MAX_TARGET:
            await _refuse(send, 414, "the address is too long\n")
        elif scope.get("query_string", b"").count(b"&") >= MAX_PARAMS:
            await _refuse(send, 400, "too many query parameters\n")
        else:
            await self.app(scope, receive, send)


def is_loopback(host: str) -> bool:
    """Whether ``host`` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
