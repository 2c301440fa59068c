"""Any SPARQL 1.1 endpoint (Oxigraph server, ``powergraph serve``, Virtuoso, Fuseki, GraphDB, ...).

Only the standard protocols are used: SPARQL 1.1 Protocol queries (POST form,
``default-graph-uri``/``named-graph-uri``) and updates (POST ``application/sparql-update``).
Bound variables travel as a ``VALUES`` block made of serialized terms (:mod:`._sparql_text`).
Results are parsed by pyoxigraph from the answer as it was received (:mod:`._http`: one
response path, a size cap, every failure a ``StoreError``), so callers get the same objects
as from the embedded store. What differs between engines (Virtuoso's union default graph
and its system graphs) is in :mod:`._engines`.

Loads and graph replacements are atomic (:mod:`._staging`): chunks under the server's body
limit (on Virtuoso, Graph Store POSTs) go into staging graphs, which one update moves into
place; on ``oxigraph serve`` a load is one streamed POST to its ``/store?no_transaction`` (the
server's bulk loader, which commits when the body has ended; a checked N-Quads or N-Triples file
goes as its own bytes). A URL with
``user:password@`` authenticates with HTTP digest (Virtuoso's ``/sparql-auth``).
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx
import pyoxigraph as ox

from graph.errors import RDFSyntaxError, StoreError
from graph.store._common import StoreBase
from graph.store._engines import DEFAULT_GRAPH_STANDIN, STAGING_PREFIX, Engine, detect
from graph.store._export import finish_export
from graph.store._formats import check_rdfxml_bytes, prepare_load, syntax_error
from graph.store._http import DEFAULT_MAX_BYTES, Answer, Http
from graph.store._local import Progress
from graph.store._queries import sparql
from graph.store._sparql_text import drop_graphs_update, query_form, with_values
from graph.store._staging import CHUNK_BYTES, StagedLoad
from graph.store.base import QueryResult, Term

__all__ = ["RemoteStore", "DEFAULT_TIMEOUT", "DEFAULT_MAX_BYTES", "CHUNK_BYTES"]

DEFAULT_TIMEOUT = 30.0
#: quads serialized at a time into a streamed N-Quads upload
_BATCH = 20_000
#: bytes read at a time from a file streamed as it is
_FILE_BLOCK = 1 << 20

#: Accept by query form: some engines (Virtuoso) answer in the first type they can write, whatever the q
_ACCEPT_SOLUTIONS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.8, application/rdf+xml;q=0.5"
_ACCEPT = f"{_ACCEPT_SOLUTIONS}, {_ACCEPT_GRAPH}"
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


def _credentials(url: str) -> tuple[str, httpx.DigestAuth | None]:
    """The URL without ``user:password@``, and digest credentials when it had them.

    >>> _credentials("http://dba:s%40cret@h:8890/sparql-auth")[0]
    'http://h:8890/sparql-auth'
    """
    parts = urlsplit(url)
    if parts.username is None:
        return url, None
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    plain = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return plain, httpx.DigestAuth(unquote(parts.username), unquote(parts.password or ""))


def _with_graph(quads: Iterable[ox.Quad], graph: str | None) -> Iterable[ox.Quad]:
    if graph is None:
        return quads
    name = ox.NamedNode(graph)
    return (ox.Quad(q.subject, q.predicate, q.object, name) if isinstance(q.graph_name, ox.DefaultGraph) else q
            for q in quads)


def _raw_target(fmt: ox.RdfFormat, graph: str | None) -> dict[str, str] | None:
    """The Graph Store parameters that load a file of ``fmt`` as it is, as :meth:`RemoteStore.load`
    would (N-Quads keep their graphs; N-Triples go to ``graph`` or the default graph); None when
    the quads must be rewritten first (N-Quads into a given graph) or the format is not a line format.

    >>> _raw_target(ox.RdfFormat.N_QUADS, None), _raw_target(ox.RdfFormat.N_TRIPLES, "http://g")
    ({}, {'graph': 'http://g'})
    >>> _raw_target(ox.RdfFormat.N_TRIPLES, None), _raw_target(ox.RdfFormat.N_QUADS, "http://g")
    ({'default': ''}, None)
    """
    if fmt == ox.RdfFormat.N_QUADS:
        return {} if graph is None else None
    if fmt == ox.RdfFormat.N_TRIPLES:
        return {"default": ""} if graph is None else {"graph": graph}
    return None


def _nquads(quads: list[ox.Quad]) -> bytes:
    """``quads`` as N-Quads.

    >>> _nquads([ox.Quad(ox.NamedNode("http://s"), ox.NamedNode("http://p"), ox.Literal("o"))])
    b'<http://s> <http://p> "o" .\\n'
    """
    out = io.BytesIO()
    ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
    return out.getvalue()


class _Discard(io.BytesIO):
    """A file that keeps nothing written to it."""

    def write(self, data: bytes) -> int:  # type: ignore[override]
        return len(data)


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
        max_bytes: int | None = None,
        chunk_bytes: int = CHUNK_BYTES,
    ) -> None:
        self.url, auth = _credentials(url)
        self.update_url = _credentials(update_url)[0] if update_url else _default_update_url(self.url)
        self.timeout = timeout if timeout is not None else DEFAULT_TIMEOUT
        self.chunk_bytes = chunk_bytes
        headers = {"User-Agent": "powergraph"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = Http(timeout=self.timeout, max_bytes=max_bytes or DEFAULT_MAX_BYTES, headers=headers, auth=auth)
        self._engine: Engine | None = None
        self.description = f"SPARQL endpoint {self.url}"

    @property
    def engine(self) -> Engine:
        """The engine's profile, from the ``Server`` header of a first small query."""
        if self._engine is None:
            self._engine = detect(self._http.post(self.url, accept=_ACCEPT, form={"query": "ASK {}"}).server)
        return self._engine

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
            default_graph = self._own_graphs() or None
        if default_graph is not None:
            data["default-graph-uri"] = list(default_graph)
        if named_graphs is not None:
            data["named-graph-uri"] = list(named_graphs)
        form = query_form(sparql)
        if form == "SELECT":  # as SPARQL TSV where the engine writes it right
            accept = self.engine.select_accept
        else:
            accept = {"ASK": _ACCEPT_SOLUTIONS, "CONSTRUCT": _ACCEPT_GRAPH, "DESCRIBE": _ACCEPT_GRAPH}.get(form or "", _ACCEPT)
        return self._result(self._http.post(self.url, accept=accept, form=data))

    def _result(self, answer: Answer) -> QueryResult:
        if self._engine is None:
            self._engine = detect(answer.server)
        fmt = _RESULTS.get(answer.media)
        if fmt is None:
            return self._graph_answer(self._engine.fix_triples(answer.read()), answer.media)
        body: BinaryIO = answer.body  # type: ignore[assignment]
        if fmt != ox.QueryResultsFormat.TSV and self._engine.rewrites_results:
            body = io.BytesIO(self._engine.fix_results(answer.read(), xml=fmt == ox.QueryResultsFormat.XML))
        return self._parsed(body, fmt)

    def _parsed(self, body: BinaryIO, fmt: ox.QueryResultsFormat) -> ox.QuerySolutions | ox.QueryBoolean:
        """The results in ``body``, read through once by the engine's parser first (in Rust, no
        Python objects), so that a malformed answer is a StoreError here, not in the caller's loop."""
        try:
            first = ox.parse_query_results(body, fmt)
            if isinstance(first, ox.QuerySolutions):
                first.serialize(_Discard(), ox.QueryResultsFormat.TSV)
            body.seek(0)
            return ox.parse_query_results(body, fmt)
        except SyntaxError as exc:
            raise StoreError(f"the SPARQL endpoint {self.url} answered malformed {fmt.name}: {exc}",
                             hint="check the endpoint and its logs") from None

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
        """Run a SPARQL update on the update URL (the body is the update: no form encoding)."""
        self._http.post(self.update_url, accept="*/*", content=sparql.encode("utf-8"),
                        content_type="application/sparql-update")

    # -- writes --------------------------------------------------------------------------------

    def _staged(self) -> StagedLoad:
        store_url = self.engine.store_url(self.url)
        upload = None
        if self.engine.upload == "graph" and store_url is not None:
            def upload(graph: str, body: bytes) -> None:
                self._http.post(store_url, accept="*/*", params={"graph-uri": graph}, content=body,
                                content_type="application/n-triples", deadline=False)
        return StagedLoad(self, self.engine, chunk_bytes=self.chunk_bytes, upload=upload)

    def add_quads(self, quads: Iterable[ox.Quad], *, progress: Progress | None = None, total: int = 0) -> int:
        """Add quads atomically (staged, then moved into place; on ``oxigraph serve`` one
        transaction); returns how many were given."""
        report = (lambda sent: progress(sent, total or sent, sent)) if progress else None
        store_url = self.engine.store_url(self.url)
        if self.engine.upload == "dataset" and store_url is not None:
            return self._post_dataset(store_url, quads, report)
        return self._staged().run(quads, progress=report)

    def _post_dataset(self, store_url: str, quads: Iterable[ox.Quad], progress: Callable[[int], None] | None) -> int:
        """One POST of the quads as N-Quads, streamed: the engine's bulk loader commits the body
        when it has ended, and a body cut short (a killed client) loads nothing."""
        self._staged().drop_stale()
        sent = 0

        def body() -> Iterator[bytes]:
            nonlocal sent
            batch: list[ox.Quad] = []
            for quad in quads:
                batch.append(quad)
                if len(batch) == _BATCH:
                    yield _nquads(batch)
                    sent += len(batch)
                    batch = []
                    if progress:
                        progress(sent)
            if batch:
                yield _nquads(batch)
                sent += len(batch)

        self._http.post(store_url, accept="*/*", content=body(), content_type="application/n-quads",
                        params=self.engine.load_params, deadline=False)
        if progress:
            progress(sent)
        return sent

    def replace_graphs(self, quads_by_graph: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Replace each named graph atomically: the new contents are staged, then one update
        empties the graphs and moves the staged ones in."""
        if not quads_by_graph:
            return
        moved = (ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(graph))
                 for graph, quads in quads_by_graph.items() for q in quads)
        self._staged().run(moved, replace=list(quads_by_graph))

    def load(
        self,
        path: Path,
        *,
        format: ox.RdfFormat | None = None,
        graph: str | None = None,
        progress: Progress | None = None,
    ) -> int:
        """Load the file atomically; returns the number of quads sent. A syntax error loads nothing.

        Into staging graphs (every engine but ``oxigraph serve``) the file is read once: nothing
        is visible before the one move, so a syntax error part-way drops the staging graphs and
        stops there. A load in one POST (``oxigraph serve``) checks the whole file first."""
        path, fmt = prepare_load(path, format)
        if self.engine.upload != "dataset" or self.engine.store_url(self.url) is None:
            return self._load_staged(path, fmt, graph, progress)
        total = 0
        try:
            for _ in ox.parse(path=str(path), format=fmt):
                total += 1
        except SyntaxError as exc:
            raise syntax_error(exc, file=str(path)) from None
        store_url = self.engine.store_url(self.url)
        target = _raw_target(fmt, graph)
        if store_url is not None and target is not None:
            return self._post_file(store_url, path, fmt, target, total, progress)
        quads = _with_graph(ox.parse(path=str(path), format=fmt), graph)
        return self.add_quads(quads, progress=progress, total=total)

    def _load_staged(self, path: Path, fmt: ox.RdfFormat, graph: str | None, progress: Progress | None) -> int:
        """The file parsed once, as it is staged; progress in bytes read."""
        size = path.stat().st_size
        with path.open("rb") as raw:
            report = (lambda sent: progress(raw.tell(), size, sent)) if progress else None
            try:
                return self._staged().run(_with_graph(ox.parse(raw, format=fmt), graph), progress=report)
            except SyntaxError as exc:
                raise syntax_error(exc, file=str(path)) from None

    def _post_file(self, store_url: str, path: Path, fmt: ox.RdfFormat, target: dict[str, str], total: int,
                   progress: Progress | None) -> int:
        """The checked file's own bytes as one streamed POST (a line format: the server parses it as
        the check did); progress in quads, in proportion to the bytes sent."""
        self._staged().drop_stale()
        size = path.stat().st_size or 1

        def body() -> Iterator[bytes]:
            done = 0
            with path.open("rb") as raw:
                while block := raw.read(_FILE_BLOCK):
                    yield block
                    done += len(block)
                    if progress:
                        progress(total * done // size, total, total * done // size)

        self._http.post(store_url, accept="*/*", content=body(), content_type=fmt.media_type,
                        params={**self.engine.load_params, **target}, deadline=False)
        return total

    # -- reads ---------------------------------------------------------------------------------

    def _select_file(self, query: str) -> tuple[BinaryIO, ox.QueryResultsFormat]:
        """A bulk SELECT's answer as the engine wrote it (spooled to a file) and its format."""
        answer = self._http.post(self.url, accept=self.engine.select_accept, form={"query": query}, deadline=False)
        fmt = _RESULTS.get(answer.media, ox.QueryResultsFormat.JSON)
        if fmt != ox.QueryResultsFormat.TSV and self.engine.rewrites_results:
            return io.BytesIO(self.engine.fix_results(answer.read(), xml=fmt == ox.QueryResultsFormat.XML)), fmt
        return answer.body, fmt  # type: ignore[return-value]

    def _graph_quads(self, query: str, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> Iterator[ox.Quad]:
        raw, fmt = self._select_file(query)
        with raw:
            for row in _solutions(self._parsed(raw, fmt), "the quads query"):
                g = graph if graph is not None else row["g"]
                yield ox.Quad(row["s"], row["p"], row["o"], g if g is not None else ox.DefaultGraph())

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """Stream the quads (through a temporary file, not memory), optionally of one graph."""
        if graph is not None:
            yield from self._graph_quads(with_values(sparql("graph_quads"), {"g": ox.NamedNode(graph)}))
        elif not self.engine.union_default:
            yield from self._graph_quads(sparql("quads"))
        else:  # graph by graph: the engine's default graph is everything, its own graphs included
            for name in self._own_graphs():
                target = ox.DefaultGraph() if name == DEFAULT_GRAPH_STANDIN else ox.NamedNode(name)
                yield from self._graph_quads(with_values(sparql("graph_quads"), {"g": ox.NamedNode(name)}), target)

    def export(
        self,
        out: BinaryIO,
        *,
        format: ox.RdfFormat,
        graph: str | None = None,
        canonical: bool = False,
    ) -> None:
        """Stream the dataset (or one graph, or for triple formats the union of the graphs) to ``out``."""
        if graph is None and not format.supports_datasets and not self.engine.union_default:
            answer = self._http.post(self.url, accept="application/n-triples", form={"query": sparql("union_triples")},
                                     deadline=False)
            with answer.body as raw:
                finish_export(raw, ox.RdfFormat.N_TRIPLES, out, format, canonical=canonical)  # type: ignore[arg-type]
            return
        items: Iterator[ox.Quad] | Iterator[ox.Triple] = self.quads(graph)
        if not format.supports_datasets:
            items = (q.triple for q in self.quads(graph))
        if not canonical:
            ox.serialize(items, out, format)
            return
        source_format = ox.RdfFormat.N_QUADS if format.supports_datasets else ox.RdfFormat.N_TRIPLES
        with tempfile.TemporaryFile() as raw:
            ox.serialize(items, raw, source_format)
            finish_export(raw, source_format, out, format, canonical=True)

    def all_graphs(self) -> list[str]:
        """Every named graph the endpoint reports, the engine's own and staging graphs included."""
        result = _solutions(self.query(sparql("graphs")), "the graphs query")
        return sorted(row["g"].value for row in result)

    def _own_graphs(self) -> list[str]:
        """The graphs that hold powergraph's data: named graphs and, on a union engine, the
        default graph's stand-in (not the engine's own graphs, not staging graphs)."""
        engine = self.engine
        return [g for g in self.all_graphs() if not engine.is_system(g) and not g.startswith(STAGING_PREFIX)]

    def graphs(self) -> list[str]:
        """The IRIs of the non-empty named graphs, sorted."""
        return [g for g in self._own_graphs() if g != DEFAULT_GRAPH_STANDIN]

    def clear(self) -> None:
        """Remove everything (``CLEAR ALL``; on a union engine, every graph but the engine's own)."""
        if not self.engine.union_default:
            self.update(sparql("clear"))
            return
        graphs = [g for g in self.all_graphs() if not self.engine.is_system(g)]
        if graphs:
            self.update(drop_graphs_update(graphs))

    def __len__(self) -> int:
        if not self.engine.union_default:
            return self._count(sparql("count"))
        return sum(self._count(with_values(sparql("count_graph"), {"g": ox.NamedNode(g)})) for g in self._own_graphs())

    def _count(self, query: str) -> int:
        for row in _solutions(self.query(query), "the count query"):
            return int(row["n"].value)
        return 0

    def close(self) -> None:
        """Close the HTTP connections."""
        self._http.close()

