"""Records as a table that reads at the terminal's width, or as JSON or CSV.

A table never cuts a value: ids, numbers and IRIs (shown as prefixed names,
``pge:Tokayev``) keep their full width; only prose (values with spaces: labels,
quotes) wraps, and never narrower than :data:`PROSE_MIN` columns. When even that
does not fit, each record prints as a block of ``key: value`` lines. Output that
is not a terminal (a pipe, a file) is never wrapped: each row is one line.

>>> import io
>>> out = io.StringIO()
>>> print_rows([{"id": "https://w3id.org/powergraph/entity/Tokayev", "degree": 3}], file=out)
>>> [line.split() for line in out.getvalue().splitlines() if "Tokayev" in line]
[['pge:Tokayev', '│', '3']]
>>> print_rows([{"actor": "Tokayev", "degree": 3}], format=OutputFormat.csv, file=out)
>>> out.getvalue().splitlines()[-2:]
['actor,degree', 'Tokayev,3']
"""

from __future__ import annotations

import csv
import json
import sys
import textwrap
from collections.abc import Sequence
from enum import Enum
from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ontology import NAMESPACES

__all__ = ["OutputFormat", "print_rows", "short_iri", "PROSE_MIN"]

#: the narrowest a wrapping column gets before the table turns into records
PROSE_MIN = 16
#: what the box and padding add: a space each side of a cell, a rule between cells (no outer edge)
_PER_COLUMN, _EDGE = 3, -1
#: longest namespace first, so that the most specific prefix wins
_NAMESPACES = sorted(NAMESPACES.items(), key=lambda item: -len(item[1]))


class OutputFormat(str, Enum):
    """Machine-readable or human output of a list of records."""

    json = "json"
    csv = "csv"
    table = "table"


def short_iri(value: str) -> str:
    """``pge:Tokayev`` for an IRI in one of the ontology's namespaces; anything else as it is.

    >>> short_iri("https://w3id.org/powergraph/ontology#arrested"), short_iri("Almaty")
    ('pg:arrested', 'Almaty')
    """
    for prefix, namespace in _NAMESPACES:
        local = value[len(namespace):]
        if value.startswith(namespace) and local and not any(c in local for c in "/#?"):
            return f"{prefix}:{local}"
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(_shown(v) for v in value)
    return short_iri(value) if isinstance(value, str) else _cell(value)


def _numeric(values: list[Any]) -> bool:
    present = [v for v in values if v is not None and v != ""]
    return bool(present) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present)


def _widths(names: list[str], cells: list[list[str]], room: int | None) -> tuple[list[int], list[bool]] | None:
    """Each column's width and whether it wraps; None when the table cannot fit in ``room``."""
    natural, least, prose = [], [], []
    for i, name in enumerate(names):
        column = [row[i] for row in cells]
        wraps = any(" " in value for value in column)
        full = max([cell_len(name), *(cell_len(value) for value in column)])
        longest_word = max([cell_len(name), *(cell_len(w) for value in column for w in value.split())])
        natural.append(full)
        least.append(max(longest_word, min(full, PROSE_MIN)) if wraps else full)
        prose.append(wraps)
    overhead = _PER_COLUMN * len(names) + _EDGE
    if room is None or sum(natural) + overhead <= room:
        return natural, prose
    if sum(least) + overhead > room:
        return None
    widths, spare = list(least), room - overhead - sum(least)
    wanted = sum(n - m for n, m in zip(natural, least))
    for i in range(len(names)):  # share what is left among the wrapping columns, by how much each wants
        widths[i] += (natural[i] - least[i]) * spare // wanted if wanted else 0
    return widths, prose


def _records(names: list[str], cells: list[list[str]], out: TextIO, room: int) -> None:
    """One block of ``key: value`` lines per record (prose wraps under its value, nothing is cut)."""
    pad = max(cell_len(name) for name in names) + 2
    for number, row in enumerate(cells):
        if number:
            out.write("\n")
        for name, value in zip(names, row):
            lead = f"{name}:".ljust(pad)
            if " " in value and cell_len(value) > room - pad:
                value = textwrap.fill(value, width=max(room - pad, PROSE_MIN), subsequent_indent=" " * pad,
                                      break_long_words=False, break_on_hyphens=False)
            out.write(f"{lead}{value}\n")


def _table(rows: Sequence[dict[str, Any]], names: list[str], title: str | None, out: TextIO,
           width: int | None) -> None:
    console = Console(file=out, highlight=False)
    room = width or (console.width if console.is_terminal else None)
    if title:
        out.write(f"{title}\n")
    cells = [[_shown(row.get(k)) for k in names] for row in rows]
    fitted = _widths(names, cells, room)
    if fitted is None:
        assert room is not None
        _records(names, cells, out, room)
        return
    widths, prose = fitted
    table = Table(show_header=True, show_edge=False, expand=False)
    for i, name in enumerate(names):
        numeric = _numeric([row.get(name) for row in rows])
        table.add_column(name, width=widths[i], no_wrap=not prose[i], overflow="fold",
                         justify="right" if numeric else "left")
    for row_cells in cells:
        table.add_row(*(Text(value) for value in row_cells))
    # as wide as the table is: never wrapped (not a terminal), or known to fit
    console.width = sum(widths) + _PER_COLUMN * len(names) + _EDGE
    console.print(table)


def print_rows(
    rows: Sequence[dict[str, Any]],
    *,
    format: OutputFormat = OutputFormat.table,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    file: TextIO | None = None,
    width: int | None = None,
) -> None:
    """Print records as JSON (a list of objects), CSV (header first) or a table (see the module).

    ``width`` lays the table out for a terminal that wide (default: the terminal's, if
    ``file`` is one; else no limit).
    """
    out = file or sys.stdout
    names = list(columns) if columns else list(dict.fromkeys(k for row in rows for k in row))
    if format == OutputFormat.json:
        json.dump(list(rows), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif format == OutputFormat.csv:
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in names})
    elif names and rows:
        _table(rows, names, title, out, width)
    elif title:
        out.write(f"{title}\n(nothing)\n")
