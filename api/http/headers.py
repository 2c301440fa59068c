"""Security headers on every response: nosniff, a strict CSP on every HTML page, no CORS.

A pure ASGI middleware. Routes that render HTML set their own Content-Security-Policy
(:data:`api.pages.html.CSP`); any HTML response that comes without one (a framework page, an
error page) gets the same strict policy here, so no page ever runs an inline or remote
script. No route sends CORS headers, and this middleware removes any
``Access-Control-Allow-Credentials`` together with an ``Access-Control-Allow-Origin``
that is not ``*``: an arbitrary origin is never reflected with credentials.

>>> sorted(dict(secure_headers([(b"content-type", b"text/html")])))[:2]
[b'content-security-policy', b'content-type']
>>> dict(secure_headers([(b"access-control-allow-origin", b"https://evil.example"),
...                      (b"access-control-allow-credentials", b"true")])).get(b"access-control-allow-origin")
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.pages.html import CSP

__all__ = ["SecureHeaders", "secure_headers", "secure_send"]

_CSP = b"content-security-policy"
_CORS = (b"access-control-allow-origin", b"access-control-allow-credentials")


def secure_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The response headers with nosniff, a CSP on HTML, and no credentialed CORS."""
    names = {name.lower(): value for name, value in headers}
    out = list(headers)
    if names.get(b"access-control-allow-credentials") or names.get(b"access-control-allow-origin", b"*") != b"*":
        out = [(name, value) for name, value in out if name.lower() not in _CORS]
    if b"x-content-type-options" not in names:
        out.append((b"x-content-type-options", b"nosniff"))
    if names.get(b"content-type", b"").startswith(b"text/html"):
        if _CSP not in names:
            out.append((_CSP, CSP.encode()))
        if b"referrer-policy" not in names:
            out.append((b"referrer-policy", b"no-referrer"))
    return out


class SecureHeaders:
    """Apply :func:`secure_headers` to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        await self.app(scope, receive, secure_send(send))


def secure_send(send: Send) -> Send:
    """``send`` with :func:`secure_headers` applied to the response's headers."""

    async def send_secure(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": secure_headers(list(message.get("headers") or []))}
        await send(message)

    return send_secure
