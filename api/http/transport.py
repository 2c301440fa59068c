"""One socket write per small response: uvicorn's HTTP protocol with a transport that joins writes.

uvicorn writes the status line and headers, then the body: two ``send`` calls, two TCP
segments, and on the client two wake-ups for one answer. :class:`JoiningTransport`
holds a small write back until the next write or the end of the event loop's current
turn, whichever comes first, and sends both as one. At most one small write is held
at a time, so memory and flow control stay as they were; a large write goes out at
once (after the held one); ``close`` sends what is held first.

:class:`HttpProtocol` is uvicorn's ``httptools`` protocol on that transport; ``powergraph
serve`` passes it to uvicorn (``http=HttpProtocol``).

>>> import asyncio
>>> class Sink:
...     def __init__(self): self.writes = []
...     def write(self, data): self.writes.append(data)
...     def close(self): self.writes.append("closed")
...     def is_closing(self): return False
>>> async def demo():
...     sink = Sink()
...     joined = JoiningTransport(sink, asyncio.get_running_loop())
...     joined.write(b"HTTP/1.1 200 OK\\r\\n\\r\\n"); joined.write(b"body")  # one response: one write
...     joined.write(b"tail")  # held until the loop's turn ends
...     await asyncio.sleep(0)
...     joined.write(b"last"); joined.close()  # close sends what is held first
...     return sink.writes
>>> asyncio.run(demo())
[b'HTTP/1.1 200 OK\\r\\n\\r\\nbody', b'tail', b'last', 'closed']
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["JoiningTransport", "HttpProtocol", "MAX_HEADER", "MAX_HEADERS", "MAX_URL", "SWITCH_INTERVAL", "favour_the_loop"]

_SMALL = 16 * 1024  # writes up to this size may wait for the next one (status lines and headers are far smaller)


class JoiningTransport:
    """``transport`` with a small write held back to go out with the next one."""

    __slots__ = ("_transport", "_loop", "_held")

    def __init__(self, transport: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: bytes | None = None

    def write(self, data: bytes) -> None:
        held = self._held
        if held is not None:
            self._held = None
            self._transport.write(held + data)
        elif len(data) <= _SMALL:
            self._held = bytes(data)
            self._loop.call_soon(self._flush)
        else:
            self._transport.write(data)

    def _flush(self) -> None:
        held, self._held = self._held, None
        if held is not None and not self._transport.is_closing():
            self._transport.write(held)

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def __getattr__(self, name: str) -> Any:  # everything else is the real transport's
        return getattr(self._transport, name)


#: security: the largest request head the event loop reads (431 / 414 beyond, and the connection is closed)
MAX_HEADER = 16 * 1024
MAX_HEADERS = 64 * 1024
MAX_URL = 1024 * 1024


def _refusal(status: int, message: str, hint: str) -> bytes:
    """A complete HTTP/1.1 error response in the one JSON error shape, closing the connection.

    >>> _refusal(431, "too big", "smaller").split(b" ")[:3]
    [b'HTTP/1.1', b'431', b'Request']
    """
    body = json.dumps({"error": {"code": "headers_too_large" if status == 431 else "url_too_long",
                                 "message": message, "hint": hint}}).encode()
    reason = {431: b"Request Header Fields Too Large", 414: b"URI Too Long"}[status]
    head = (b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
            b"x-content-type-options: nosniff\r\nconnection: close\r\n\r\n")
    return head % (status, reason, len(body)) + body


#: seconds a thread of the server may hold the GIL while the event loop waits for it (Python's default: 0.005)
SWITCH_INTERVAL = 0.0005


def favour_the_loop() -> None:
    """Let the event loop take the GIL back quickly from a thread doing CPU work (a long query's scan,
    a big form's parse, a serialization).

    Each time the loop waits for I/O it lets go of the GIL; a busy thread then keeps it
    for up to the switch interval before the loop runs again. An answer to /health takes
    several such waits, so with Python's 5 ms each it took tens of milliseconds while one
    scan ran; at 0.5 ms it takes a few.

    >>> before = sys.getswitchinterval()
    >>> favour_the_loop(); sys.getswitchinterval() == SWITCH_INTERVAL
    True
    >>> sys.setswitchinterval(before)
    """
    sys.setswitchinterval(SWITCH_INTERVAL)


class _HeadTooLarge(Exception):
    pass


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol writing through a :class:`JoiningTransport`, with bounded request heads:
    a header over :data:`MAX_HEADER` bytes, headers over :data:`MAX_HEADERS` in all (431) or a URL over
    :data:`MAX_URL` (414) are refused before the application sees them, however the bytes arrive."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(JoiningTransport(transport, self.loop))  # type: ignore[arg-type]
        self._refusal: bytes | None = None
        self._in_head, self._head, self._headers_size, self._url_size = True, 0, 0, 0

    def _refuse(self, status: int, message: str, hint: str) -> None:
        self._refusal = _refusal(status, message, hint)
        raise _HeadTooLarge(message)

    def on_url(self, url: bytes) -> None:
        self._url_size += len(url)
        if self._url_size > MAX_URL:
            self._refuse(414, f"the request URL is longer than {MAX_URL} bytes",
                         "POST the query (application/sparql-query or a form) instead of sending it in the URL")
        super().on_url(url)

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers_size += len(name) + len(value) + 4
        if len(name) + len(value) > MAX_HEADER:
            self._refuse(431, f"the header {name[:64].decode('latin-1')!r} is longer than {MAX_HEADER} bytes",
                         f"send each header in at most {MAX_HEADER} bytes")
        if self._headers_size > MAX_HEADERS:
            self._refuse(431, f"the request headers are longer than {MAX_HEADERS} bytes in all",
                         f"send at most {MAX_HEADERS} bytes of headers")
        super().on_header(name, value)

    def on_headers_complete(self) -> None:
        self._in_head, self._head, self._headers_size, self._url_size = False, 0, 0, 0
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._in_head = True
        super().on_message_complete()

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._head += len(data)
        super().data_received(data)
        if self._in_head and self._refusal is None and self._head > MAX_URL + MAX_HEADERS:
            # a head still incomplete beyond every limit (one endless header): refuse without parsing more
            self._refusal = _refusal(431, f"the request head is longer than {MAX_URL + MAX_HEADERS} bytes",
                                     f"send at most {MAX_HEADERS} bytes of headers")
            self.send_400_response("")

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request it cannot parse; ours when the head was too large."""
        if self._refusal is None:
            super().send_400_response(msg)
            return
        if not self.transport.is_closing():
            self.transport.write(self._refusal)
            self.transport.close()
