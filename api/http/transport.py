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
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["JoiningTransport", "HttpProtocol"]

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


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol writing through a :class:`JoiningTransport`."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(JoiningTransport(transport, self.loop))  # type: ignore[arg-type]
