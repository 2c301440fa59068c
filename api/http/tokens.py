"""The update token: one check for every route that writes (SPARQL Update, the review pages).

The token comes as ``Authorization: Bearer <token>``. HTTP's optional white space (SP, HTAB;
RFC 9110 5.5) around the header value is not part of it; nothing else is removed, so a token
with a U+00A0 or any other Unicode space is another token.

>>> from starlette.requests import Request
>>> def asking(value: str) -> Request:
...     return Request({"type": "http", "headers": [(b"authorization", value.encode())]})
>>> require_token(asking("Bearer s3cret "), "s3cret", doing="SPARQL Update")
>>> require_token(asking("Bearer s3cret\\u00a0"), "s3cret", doing="SPARQL Update")
Traceback (most recent call last):
...
api.http.errors.Problem: the update token is wrong
"""

from __future__ import annotations

import hmac

from fastapi import Request

from api.http.errors import Problem

__all__ = ["require_token"]


def require_token(request: Request, token: str, *, doing: str, hint: str | None = None) -> None:
    """Refuse ``request`` unless it carries ``token``: 403 on a read-only server (no token set),
    401 without a bearer token, 403 with another one. ``doing`` names what needs the token in
    the messages; ``hint`` says how to send it (default: the header)."""
    send = hint or "send 'Authorization: Bearer <POWERGRAPH_UPDATE_TOKEN>'"
    if not token:
        raise Problem(403, "read_only", f"this server is read-only: {doing} is disabled",
                      hint="start the server with POWERGRAPH_UPDATE_TOKEN set")
    sent = request.headers.get("authorization", "").strip(" \t")
    scheme, _, credentials = sent.partition(" ")
    if scheme.lower() != "bearer" or not credentials:
        raise Problem(401, "unauthorized", f"{doing} needs the update token", hint=send,
                      headers={"WWW-Authenticate": 'Bearer realm="powergraph"'})
    if not hmac.compare_digest(credentials.encode("utf-8", "surrogateescape"),
                               token.encode("utf-8", "surrogateescape")):
        raise Problem(403, "forbidden", "the update token is wrong", hint=send)
