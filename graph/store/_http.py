"""The remote store's one response path: send a request, read the answer once, map every failure.

The body is read as httpx decodes it (``identity`` is asked; a ``Content-Encoding`` sent
anyway is undone once, by httpx; nothing is rebuilt around decoded bytes), into a spooled temporary file, against
an overall deadline and a size cap (:data:`DEFAULT_MAX_BYTES`, counted after
decoding, so a gzip bomb stops at the cap too). Every failure is a
:class:`~graph.errors.StoreError`: a refused or slow connection
:class:`~graph.errors.StoreUnavailableError`, a rejected query
:class:`~graph.errors.QueryError`, an engine's error with the engine's own message.

>>> engine_message("Virtuoso 37000 Error SP030: syntax error at '}'\\n\\nSPARQL query:\\nSELECT ...")
"Virtuoso 37000 Error SP030: syntax error at '}'"
>>> engine_message('{"error": {"code": "bad_query", "message": "no", "hint": "fix it"}}')
'no (fix it)'
>>> engine_message("<!DOCTYPE HTML><html><h1>HTTP/1.1 403 Forbidden</h1><xmp>Error SR186: No permission</xmp></html>")
'Error SR186: No permission'
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import IO

import httpx

from graph.errors import QueryError, StoreError, StoreUnavailableError

__all__ = ["Answer", "Http", "DEFAULT_MAX_BYTES", "BodyTooLarge", "engine_message"]

#: the largest answer read from a remote store, after decoding (``POWERGRAPH_REMOTE_MAX_BYTES``)
DEFAULT_MAX_BYTES = 1 << 30
#: answers up to this size stay in memory; bigger ones go to a temporary file
_SPOOL = 8 << 20
#: asked of every engine (one that compresses anyway is decoded once, by httpx): Virtuoso's gzip
#: ran at about 3.6 MB/s here, slower than the network it would save (bench_remote.py)
_ENCODING = "identity"


_XMP = re.compile(r"<xmp>(.*?)</xmp>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")


class BodyTooLarge(StoreError):
    """The server refused a request body as too large (HTTP 413): the caller may split it."""


@dataclass
class Answer:
    """A successful answer: media type (lower case, no parameters), the server's name, the body."""

    media: str
    server: str
    body: IO[bytes]

    def read(self) -> bytes:
        """The whole body (bounded by the size cap)."""
        self.body.seek(0)
        return self.body.read()


def engine_message(text: str) -> str:
    """The useful part of an engine's error body: a JSON error's message, or the text before
    the query the engine echoes back (Virtuoso does), on one line, at most 500 characters."""
    text = text.strip()
    if text.startswith("{"):
        try:
            error = json.loads(text).get("error", {})
            if isinstance(error, dict) and error.get("message"):
                hint = f" ({error['hint']})" if error.get("hint") else ""
                return f"{error['message']}{hint}"[:500]
        except (ValueError, AttributeError):
            pass
    if text[:14].lower() in ("<!doctype html", "<html>") or text[:5].lower() == "<html":  # Virtuoso's Graph Store
        detail = _XMP.search(text)
        text = html.unescape(_TAG.sub(" ", detail.group(1) if detail else text))
    text = text.split("\n\nSPARQL query:", 1)[0]
    return " ".join(text.split())[:500]


class Http:
    """An httpx client with the store's timeout, size cap and error mapping."""

    def __init__(self, *, timeout: float, max_bytes: int, headers: Mapping[str, str],
                 auth: httpx.Auth | None = None) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.client = httpx.Client(timeout=timeout, headers={**headers, "Accept-Encoding": _ENCODING}, auth=auth)

    def post(self, url: str, *, accept: str, form: Mapping[str, str | list[str]] | None = None,
             content: bytes | Iterable[bytes] | None = None, content_type: str | None = None,
             params: Mapping[str, str] | None = None, deadline: bool = True) -> Answer:
        """POST a form or a body (bytes, or blocks streamed as they come); the answer within
        ``timeout`` seconds in all when ``deadline`` (a big export or upload passes False: each
        read is still bounded by the timeout)."""
        headers = {"Accept": accept}
        if content_type:
            headers["Content-Type"] = content_type
        ends = time.monotonic() + self.timeout if deadline else float("inf")
        try:
            with self.client.stream("POST", url, data=form, content=content, headers=headers,
                                    params=params) as response:
                if response.status_code >= 400:
                    self._refuse(response, url)
                if response.headers.get("x-powergraph-truncated", "").lower() == "true":
                    raise StoreError(f"the SPARQL endpoint {url} cut its answer short (X-Powergraph-Truncated)",
                                     hint="raise POWERGRAPH_MAX_ROWS on that powergraph server, or ask for less")
                body = tempfile.SpooledTemporaryFile(max_size=_SPOOL)
                size = 0
                for block in response.iter_bytes():  # as the bytes arrive, decoded once
                    size += len(block)
                    if size > self.max_bytes:
                        body.close()
                        raise StoreError(f"the SPARQL endpoint {url} answered more than {self.max_bytes:,} bytes",
                                         hint="raise POWERGRAPH_REMOTE_MAX_BYTES if the answer is meant to be "
                                         "that large, or ask for less (LIMIT, a time window)")
                    body.write(block)
                    if time.monotonic() > ends:
                        raise httpx.ReadTimeout("overall deadline passed")
                media = response.headers.get("content-type", "").split(";")[0].strip().lower()
                body.seek(0)
                return Answer(media, response.headers.get("server", ""), body)
        except httpx.TimeoutException:
            raise StoreUnavailableError(
                f"the SPARQL endpoint {url} did not answer within {self.timeout:g} s",
                hint="check that the server runs and is not overloaded, or raise the timeout",
            ) from None
        except httpx.TransportError as exc:
            raise StoreUnavailableError(f"cannot reach the SPARQL endpoint {url}: {exc}",
                                        hint="check the URL and that the server runs") from None
        except httpx.DecodingError as exc:
            raise StoreError(f"the SPARQL endpoint {url} sent a body that cannot be decoded: {exc}",
                             hint="check the endpoint's Content-Encoding (powergraph asks for none)") from None
        except httpx.HTTPError as exc:
            raise StoreError(f"the SPARQL endpoint {url} failed: {exc}") from None

    def _refuse(self, response: httpx.Response, url: str) -> None:
        """Raise the error that an answer with status >= 400 stands for."""
        raw = b""
        for block in response.iter_bytes():
            raw += block
            if len(raw) > 64 << 10:
                break
        message = engine_message(raw.decode("utf-8", "replace"))
        status = response.status_code
        if status in (401, 403):
            raise StoreError(f"the SPARQL endpoint {url} refused the request ({status}): {message}",
                             hint="pass --store-token or set POWERGRAPH_STORE_TOKEN (for Virtuoso, grant "
                             "SPARQL_UPDATE to the SPARQL user, or give its /sparql-auth URL with user:password@)")
        if status == 413:
            raise BodyTooLarge(f"the SPARQL endpoint {url} refused a request body as too large: {message}",
                               hint="send smaller chunks, or raise the server's body limit")
        if status == 400:
            raise QueryError(f"the SPARQL endpoint rejected the request: {message}", hint="check the SPARQL syntax")
        if status in (502, 503, 504):
            raise StoreUnavailableError(f"the SPARQL endpoint {url} is unavailable ({status}): {message}",
                                        hint="retry later; check the server's load and logs")
        hint = ("grant the right to the endpoint's user (Virtuoso: GRANT SPARQL_UPDATE TO \"SPARQL\")"
                if "permission" in message.lower() else "check the engine's message and its logs")
        raise StoreError(f"the SPARQL endpoint {url} failed ({status}): {message}", hint=hint)

    def close(self) -> None:
        """Close the connections."""
        self.client.close()
