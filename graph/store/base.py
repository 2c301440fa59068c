"""The one store interface every part of powergraph talks to.

Three implementations share it: embedded Oxigraph on disk, in-memory Oxigraph,
and any remote SPARQL 1.1 endpoint. Results are pyoxigraph objects in all three
cases (``QuerySolutions``, ``QueryTriples`` or ``QueryBoolean``), so callers
never know which store they talk to.

Bound variables are passed as ``bindings`` (a mapping from variable name to a
pyoxigraph term); implementations substitute them safely (pyoxigraph
``substitutions`` locally, a ``VALUES`` clause built from serialized terms
remotely), never by pasting user text into query strings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, Protocol, runtime_checkable

import pyoxigraph as ox

__all__ = ["Store", "Term", "QueryResult"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal
QueryResult = ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean


@runtime_checkable
class Store(Protocol):
    """What every store offers."""

    #: a short human description, e.g. ``"oxigraph at .powergraph/store"``
    description: str

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        default_graph: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> QueryResult:
        """Run a SPARQL 1.1 query on the engine (never on rdflib's evaluator)."""
        ...

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update."""
        ...

    def add_quads(self, quads: Iterable[ox.Quad]) -> int:
        """Add quads in one transaction; returns how many were given."""
        ...

    def replace_graphs(self, quads_by_graph: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Atomically replace each named graph with the given quads (readers see old or new, never half)."""
        ...

    def load(
        self,
        path: Path,
        *,
        format: ox.RdfFormat | None = None,
        graph: str | None = None,
        progress: Callable[[int, int, int], None] | None = None,
    ) -> int:
        """Bulk-load one RDF file atomically; returns the number of quads loaded.

        ``graph`` receives the file's default-graph triples; ``progress(done, total, quads)``
        is called as the load advances. A syntax error raises ``RDFSyntaxError`` (file, line,
        column) and leaves the store as it was.
        """
        ...

    def export(
        self, out: BinaryIO, *, format: ox.RdfFormat, graph: str | None = None, canonical: bool = False
    ) -> None:
        """Stream the whole dataset (or ``graph``) to ``out`` (no full copy in Python).

        Formats without named graphs get the union of all graphs. ``canonical=True`` sorts
        the statements, so the same data always gives the same bytes.
        """
        ...

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Iterate over the quads, optionally of one named graph."""
        ...

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs."""
        ...

    def clear(self) -> None:
        """Remove everything."""
        ...

    def __len__(self) -> int:
        """Number of quads."""
        ...

    def close(self) -> None:
        """Release files and connections."""
        ...
