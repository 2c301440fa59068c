"""Any SPARQL 1.1 endpoint (Oxigraph server, Fuseki, Virtuoso, GraphDB, Neptune).

Only the standard protocols are used: SPARQL 1.1 Protocol queries (POST form,
``default-graph-uri``/``named-graph-uri``) and updates (``INSERT DATA`` in
chunks, ``DROP``/``CLEAR``). Bound variables travel as a ``VALUES`` block made
of serialized terms (:mod:`._sparql_text`). Results are parsed by pyoxigraph,
so callers get the same objects as from the embedded store.

Loading validates the whole file first, so a syntax error leaves the remote
store as it was; the data then goes in chunks of :data:`CHUNK_QUADS` quads
(quads with blank nodes go together in the last request, so that their labels
keep one scope). A network failure in the middle of a load can leave part of
it behind: the endpoint's protocol offers no transaction across requests.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

import httpx
import pyoxigraph as ox

from graph.errors import QueryError, RDFSyntaxError, StoreError, StoreUnavailableError
from graph.store._common import StoreBase
from graph.store._export import finish_export
from graph.store._formats import check_rdfxml_bytes, prepare_load, syntax_error
from graph.store._local import Progress
from graph.store._queries import sparql
from graph.store._sparql_text import insert_data, with_values
from graph.store.base import QueryResult, Term

__all__ = ["RemoteStore", "CHUNK_QUADS", "DEFAULT_TIMEOUT"]

CHUNK_QUADS = 20_000
DEFAULT_TIMEOUT = 30.0

_ACCEPT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.9, text/turtle;q=0.8, application/rdf+xml;q=0.5"
)
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: the graph formats :data:`_ACCEPT` asks for: a CONSTRUCT answer in any other is refused
#: (JSON-LD, say, would need the remote-context check that local loads make)
_GRAPHS = (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML)


def _default_update_url(url: str) -> str:
    """Where updates go when no update URL is given (``.../query`` -> ``.../update``).

    >>> _default_update_url("http://localhost:7878/query"), _default_update_url("http://h/sparql")
    ('http://localhost:7878/update', 'http://h/sparql')
    """
    return url[: -len("query")] + "update" if url.rstrip("/").endswith("/query") else url


def _with_graph(quads: Iterator[ox.Quad], graph: str | None) -> Iterator[ox.Quad]:
    if graph is None:
        return quads
    name = ox.NamedNode(graph)
    return (ox.Quad(q.subject, q.predicate, q.object, name) if isinstance(q.graph_name, ox.DefaultGraph) else q
            for q in quads)


def _has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def _solutions(result: QueryResult, what: str) -> ox.QuerySolutions:
    """``result`` of a SELECT query; an endpoint that answers with something else is broken."""
    if not isinstance(result, ox.QuerySolutions):
        raise StoreError(f"the SPARQL endpoint answered {what} without solutions",
                         hint="check that the URL is a SPARQL 1.1 query endpoint")
    return result


class RemoteStore(StoreBase):
    """A SPARQL 1.1 endpoint: ``RemoteStore("http://localhost:7878/query")``."""

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        token: str | None = None,
        timeout: float | None = None,
    ) -> None:
        self.url = url
        self.update_url = update_url or _default_update_url(url)
        self.timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        headers = {"User-Agent": "powergraph"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._client = httpx.Client(timeout=self.timeout, headers=headers)
        self.description = f"SPARQL endpoint {url}"

    # -- HTTP ----------------------------------------------------------------------------------

    def _check(self, response: httpx.Response, url: str) -> None:
        if response.status_code < 400:
            return
        body = response.read().decode("utf-8", "replace").strip()[:500]
        if response.status_code in (401, 403):
            raise StoreError(
                f"the SPARQL endpoint {url} refused the request ({response.status_code})",
                hint="pass --store-token or set POWERGRAPH_STORE_TOKEN",
            )
        if response.status_code == 400:
            raise QueryError(f"the SPARQL endpoint rejected the request: {body}", hint="check the SPARQL syntax")
        raise StoreError(f"the SPARQL endpoint {url} failed ({response.status_code}): {body}")

    def _post(self, url: str, data: dict[str, str | list[str]], *, accept: str = _ACCEPT) -> httpx.Response:
        """POST and read the whole answer within ``timeout`` seconds in all.

        httpx's timeout bounds each read, so a server that trickles a byte at a
        time would hold the call forever: the body is read in blocks against one
        overall deadline instead.
        """
        deadline = time.monotonic() + self.timeout
        try:
            with self._client.stream("POST", url, data=data, headers={"Accept": accept}) as response:
                body = bytearray()
                for block in response.iter_bytes():  # as the bytes arrive (a chunk size would wait for it)
                    body += block
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("overall deadline passed")
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("overall deadline passed")
            response = httpx.Response(response.status_code, headers=response.headers, content=bytes(body),
                                      request=response.request)
        except httpx.TimeoutException:
            raise StoreUnavailableError(
                f"the SPARQL endpoint {url} did not answer within {self.timeout:g} s",
                hint="check that the server runs and is not overloaded, or raise the timeout",
            ) from None
        except httpx.TransportError as exc:
            raise StoreUnavailableError(
                f"cannot reach the SPARQL endpoint {url}: {exc}",
                hint="check the URL and that the server runs",
            ) from None
        self._check(response, url)
        return response

    def _stream_to(self, target: BinaryIO, data: dict[str, str | list[str]], *, accept: str) -> str:
        """POST a query and copy the response body to ``target``; returns its media type."""
        try:
            with self._client.stream("POST", self.url, data=data, headers={"Accept": accept}) as response:
                self._check(response, self.url)
                for block in response.iter_bytes(1 << 20):
                    target.write(block)
                return response.headers.get("content-type", "").split(";")[0].strip()
        except httpx.TimeoutException:
            raise StoreUnavailableError(f"the SPARQL endpoint {self.url} did not answer within {self.timeout:g} s",
                                        hint="raise the timeout for big exports") from None
        except httpx.TransportError as exc:
            raise StoreUnavailableError(f"cannot reach the SPARQL endpoint {self.url}: {exc}",
                                        hint="check the URL and that the server runs") from None

    # -- queries -------------------------------------------------------------------------------

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        default_graph: Iterable[str] | None = None,
        named_graphs: Iterable[str] | None = None,
        use_default_graph_as_union: bool = False,
    ) -> QueryResult:
        """Run a query on the endpoint. ``use_default_graph_as_union`` sends every named graph as
        ``default-graph-uri`` (the protocol cannot name the endpoint's own default graph)."""
        data: dict[str, str | list[str]] = {"query": with_values(sparql, bindings)}
        if default_graph is None and use_default_graph_as_union:
            default_graph = self.graphs() or None
        if default_graph is not None:
            data["default-graph-uri"] = list(default_graph)
        if named_graphs is not None:
            data["named-graph-uri"] = list(named_graphs)
        response = self._post(self.url, data)
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if media in _RESULTS:
            return ox.parse_query_results(response.content, _RESULTS[media])
        return self._graph_answer(response.content, media)

    def _graph_answer(self, body: bytes, media: str) -> QueryResult:
        """The triples of a CONSTRUCT/DESCRIBE answer, checked as a local load of that format is.

        The endpoint is configured by the operator, but a compromised one could send an
        RDF/XML entity bomb: DOCTYPE and ENTITY declarations are refused before parsing.
        """
        rdf = ox.RdfFormat.from_media_type(media)
        if rdf is None:
            raise StoreError(f"the SPARQL endpoint answered with an unknown media type {media!r}")
        if rdf not in _GRAPHS:
            raise StoreError(f"the SPARQL endpoint {self.url} answered in {rdf.name}, which was not asked for",
                             hint="configure the endpoint to answer CONSTRUCT with N-Triples or Turtle")
        source = f"the answer of {self.url}"
        try:
            if rdf == ox.RdfFormat.RDF_XML:
                check_rdfxml_bytes(body, source=source)
            graph = ox.Store()
            graph.load(body, rdf)
        except RDFSyntaxError as exc:
            raise StoreError(f"the SPARQL endpoint {self.url} answered RDF/XML with a DOCTYPE or ENTITY "
                             f"declaration (line {exc.line}); refused unparsed: entities could expand without limit",
                             hint="check the endpoint: a SPARQL endpoint has no reason to send a DOCTYPE") from None
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL endpoint {self.url} answered malformed {rdf.name}: "
                             f"{syntax_error(exc, file=None).message}",
                             hint="check the endpoint and its logs") from None
        return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the update URL."""
        self._post(self.update_url, {"update": sparql}, accept="*/*")

    # -- writes --------------------------------------------------------------------------------

    def add_quads(self, quads: Iterable[ox.Quad], *, progress: Progress | None = None, total: int = 0) -> int:
        """Send quads as ``INSERT DATA`` requests of :data:`CHUNK_QUADS`; returns how many were given."""
        chunk: list[ox.Quad] = []
        with_blanks: list[ox.Quad] = []
        sent = 0
        for quad in quads:
            (with_blanks if _has_blank(quad) else chunk).append(quad)
            if len(chunk) >= CHUNK_QUADS:
                self.update(insert_data(chunk))
                sent += len(chunk)
                chunk = []
                if progress:
                    progress(sent, total, sent)
        for rest in (chunk, with_blanks):
            if rest:
                self.update(insert_data(rest))
                sent += len(rest)
        if progress:
            progress(sent, total or sent, sent)
        return sent

    def load(
        self,
        path: Path,
        *,
        format: ox.RdfFormat | None = None,
        graph: str | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Validate the whole file, then send it in chunks; returns the number of quads sent."""
        path, fmt = prepare_load(path, format)
        total = 0
        try:
            for _ in ox.parse(path=str(path), format=fmt):
                total += 1
        except SyntaxError as exc:
            raise syntax_error(exc, file=str(path)) from None
        quads = _with_graph(ox.parse(path=str(path), format=fmt), graph)
        return self.add_quads(quads, progress=progress, total=total)

    # -- reads ---------------------------------------------------------------------------------

    def _solutions_file(self, query: str) -> tuple[BinaryIO, ox.QueryResultsFormat]:
        raw = tempfile.TemporaryFile()
        media = self._stream_to(raw, {"query": query}, accept="text/tab-separated-values, application/sparql-results+json;q=0.5")
        raw.seek(0)
        return raw, _RESULTS.get(media.lower(), ox.QueryResultsFormat.JSON)

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Stream the quads (through a temporary file, not memory), optionally of one graph."""
        query = sparql("quads") if graph is None else with_values(sparql("graph_quads"), {"g": ox.NamedNode(graph)})
        raw, fmt = self._solutions_file(query)
        with raw:
            for row in _solutions(ox.parse_query_results(raw, fmt), "the quads query"):
                g = row["g"]
                yield ox.Quad(row["s"], row["p"], row["o"], g if g is not None else ox.DefaultGraph())

    def export(
        self,
        out: BinaryIO,
        *,
        format: ox.RdfFormat,
        graph: str | None = None,
        canonical: bool = False,
    ) -> None:
        """Stream the dataset (or one graph, or for triple formats the union of the graphs) to ``out``."""
        if graph is None and not format.supports_datasets:
            with tempfile.TemporaryFile() as raw:
                self._stream_to(raw, {"query": sparql("union_triples")}, accept="application/n-triples")
                finish_export(raw, ox.RdfFormat.N_TRIPLES, out, format, canonical=canonical)
            return
        items: Iterator[ox.Quad] | Iterator[ox.Triple] = self.quads(graph)
        if graph is not None and not format.supports_datasets:
            items = (q.triple for q in self.quads(graph))
        if not canonical:
            ox.serialize(items, out, format)
            return
        source_format = ox.RdfFormat.N_QUADS if format.supports_datasets else ox.RdfFormat.N_TRIPLES
        with tempfile.TemporaryFile() as raw:
            ox.serialize(items, raw, source_format)
            finish_export(raw, source_format, out, format, canonical=True)

    def graphs(self) -> list[str]:
        """The IRIs of the non-empty named graphs, sorted."""
        result = _solutions(self.query(sparql("graphs")), "the graphs query")
        return sorted(row["g"].value for row in result)

    def clear(self) -> None:
        """Remove everything (``CLEAR ALL``)."""
        self.update(sparql("clear"))

    def __len__(self) -> int:
        result = _solutions(self.query(sparql("count")), "the count query")
        for row in result:
            return int(row["n"].value)
        return 0

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()
