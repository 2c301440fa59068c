"""Read SPARQL TSV results as plain strings: the bulk path for large projections.

Turning 100,000 rows into pyoxigraph term objects costs more than the query itself;
the engine's own TSV writer plus ``str.split`` costs a fraction. Terms come in Turtle
syntax (SPARQL 1.1 Query Results TSV): ``<iri>``, ``"lexical"`` with ``@lang`` or
``^^<datatype>``, bare numbers and booleans, ``_:blank``; an unbound cell is empty.

>>> names, rows = read_tsv(b'?s\\t?o\\t?none\\n<http://x/a>\\t"say \\\\"hi\\\\"\\\\tnow"@en\\t\\n')
>>> names, [(iri(s), lexical(o), lexical(none)) for s, o, none in rows]
(['s', 'o', 'none'], [('http://x/a', 'say "hi"\\tnow', None)])
>>> lexical('"2022-01-05"^^<http://www.w3.org/2001/XMLSchema#date>'), lexical("true")
('2022-01-05', 'true')

:func:`read_columns` gives the same cells by column, cut in one pass over the text
(the bulk path: no list per row):

>>> read_columns(b'?s\\t?o\\n<http://x/a>\\t1\\n<http://x/b>\\t\\n')
{'s': ['<http://x/a>', '<http://x/b>'], 'o': ['1', '']}
>>> read_columns(b'?s\\t?o\\n'), read_columns(b'')
({'s': [], 'o': []}, {})
"""

from __future__ import annotations

import re

from graph.errors import StoreError

__all__ = ["read_tsv", "read_columns", "iri", "lexical"]

_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def read_tsv(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The variable names (without ``?``) and the rows (lists of cells) of a TSV result."""
    lines = data.decode("utf-8").split("\n")
    names = [name.removeprefix("?") for name in lines[0].split("\t")] if lines and lines[0] else []
    return names, [line.split("\t") for line in lines[1:] if line]


def read_columns(data: bytes) -> dict[str, list[str]]:
    """The cells of a TSV result by column: variable name (without ``?``) -> its cells, row by row.

    Cells hold no tab or newline (TSV escapes them), so splitting the whole text on both
    gives every row's cells in turn; column ``i`` is every ``width``-th cell from ``i``.
    """
    text = data.decode("utf-8")
    head, _, body = text.partition("\n")
    names = [name.removeprefix("?") for name in head.split("\t")] if head else []
    cells = body.replace("\n", "\t").split("\t") if body else []
    if body.endswith("\n"):
        cells.pop()  # after the last row's newline
    width = len(names)
    if width and len(cells) % width:
        raise StoreError(f"a TSV result of {width} columns has {len(cells)} cells, not whole rows",
                         hint="the store wrote a malformed SPARQL TSV result; check its version")
    return {name: cells[index::width] for index, name in enumerate(names)}


def iri(cell: str) -> str | None:
    """The IRI of an ``<iri>`` cell; None for an empty cell."""
    return cell[1:-1] if cell else None


def _unescape(match: re.Match[str]) -> str:
    short, long, char = match.groups()
    if char is not None:
        return _ECHAR.get(char, "\\" + char)
    return chr(int(short or long, 16))


def lexical(cell: str) -> str | None:
    """The lexical form of a literal cell (quoted, or a bare number or boolean); None for an empty cell."""
    if not cell:
        return None
    if cell[0] != '"':
        return cell
    value = cell[1:cell.rindex('"')]  # language tags and datatype IRIs hold no '"'
    return _ESCAPE.sub(_unescape, value) if "\\" in value else value
