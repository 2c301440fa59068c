"""Load an article's text with checks: size, emptiness, binary content, encoding.

Every bad input raises an error of the project's tree with the file, what is
wrong and how to fix it; nothing is written anywhere.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = path.write_text("Tokayev spoke.\\r\\n", encoding="utf-8")
>>> load_text(path)
'Tokayev spoke.\\n'
>>> _ = path.write_bytes(b"")
>>> try:
...     load_text(path)
... except ArticleTextError as err:
...     print(err.message, "|", err.hint)
the article is empty | give a UTF-8 text file with the article
"""

from __future__ import annotations

from pathlib import Path

from graph.errors import ArticleTextError, InputTooLargeError

__all__ = ["ArticleTextError", "MAX_ARTICLE_BYTES", "load_text", "check_text_bytes"]

#: the largest article accepted, in bytes (1 MiB: a long feature is ~50 KB)
MAX_ARTICLE_BYTES = 1_048_576

_CONTROL_OK = {"\n", "\t", "\r", "\f"}


def check_text_bytes(data: bytes, *, name: str, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Decode ``data`` as an article text or raise; line endings become ``\\n``.

    >>> check_text_bytes(b"caf\\xc3\\xa9", name="x")
    'café'
    >>> try:
    ...     check_text_bytes(b"caf\\xe9", name="x")
    ... except ArticleTextError as err:
    ...     print(err.location, err.message)
    x:1 not UTF-8 text: byte 0xe9 at offset 3 cannot be decoded
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"the article has {len(data):,} bytes, more than the limit of {max_bytes:,}", file=name,
            hint="split the article into several source documents, each under the limit",
        )
    if not data.strip():
        raise ArticleTextError("the article is empty", file=name, hint="give a UTF-8 text file with the article")
    if b"\x00" in data:
        nul = data.index(b"\x00")
        raise ArticleTextError(
            f"binary file (NUL byte at offset {nul})", file=name,
            hint="ingest plain text: export the article as a UTF-8 .txt file (not PDF, DOCX or an image)",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ArticleTextError(
            f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded", file=name,
            line=line, hint="convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8 IN > OUT`",
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in _CONTROL_OK)
    if controls > max(2, len(text) // 100):
        raise ArticleTextError(
            f"binary-looking file ({controls} control characters)", file=name,
            hint="ingest plain text: export the article as a UTF-8 .txt file",
        )
    return text


def load_text(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> str:
    """Read ``path`` as an article text (see :func:`check_text_bytes`)."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # do not read a huge file into memory just to refuse it
            raise InputTooLargeError(
                f"the article has {size:,} bytes, more than the limit of {max_bytes:,}", file=name,
                hint="split the article into several source documents, each under the limit",
            )
        data = path.read_bytes()
    except OSError as err:
        raise ArticleTextError(f"cannot read the article: {err.strerror}", file=name,
                               hint="check the path and permissions") from None
    return check_text_bytes(data, name=name, max_bytes=max_bytes)
