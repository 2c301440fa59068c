"""What differs between SPARQL engines, found from the ``Server`` header of their answers.

Three profiles: the standard one (Fuseki, ``powergraph serve`` and any engine not recognised),
Oxigraph server's (standard, plus a Graph Store endpoint whose bulk loader takes a whole N-Quads
body atomically) and Virtuoso's, whose default graph is the union of all graphs (its own system graphs
included) and which cannot store a triple outside a named graph. On Virtuoso the store
keeps the default graph's triples in :data:`DEFAULT_GRAPH_STANDIN`, reads and counts
graph by graph, and never touches the engine's own graphs.

>>> detect("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu").name, detect("Oxigraph/0.5.13").name, detect("").name
('Virtuoso', 'Oxigraph', 'SPARQL 1.1')
>>> OXIGRAPH.store_url("http://h:7878/query"), VIRTUOSO.store_url("http://h:8890/sparql-auth")
('http://h:7878/store', 'http://h:8890/sparql-graph-crud-auth')
>>> STANDARD.store_url("http://h/sparql"), OXIGRAPH.store_url("http://h/elsewhere") is None
(None, True)
>>> VIRTUOSO.is_system("http://www.openlinksw.com/schemas/virtrdf#"), VIRTUOSO.is_system("http://example.org/g")
(True, False)
>>> VIRTUOSO.fix_results(b'{"s": { "type": "bnode", "value": "nodeID://b10000" }}')
b'{"s": { "type": "bnode", "value": "b10000" }}'
>>> VIRTUOSO.fix_results(b'{"datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "1" }')
b'{"datatype": "http://www.w3.org/2001/XMLSchema#boolean", "value": "true" }'
>>> VIRTUOSO.fix_results(b'<binding name="o"><bnode>nodeID://b10000</bnode></binding>', xml=True)
b'<binding name="o"><bnode>b10000</bnode></binding>'
>>> VIRTUOSO.fix_results(b'<literal datatype="http://www.w3.org/2001/XMLSchema#boolean">0</literal>', xml=True)
b'<literal datatype="http://www.w3.org/2001/XMLSchema#boolean">false</literal>'
>>> VIRTUOSO.fix_results(b'<literal xml:lang="en">\\r\\n two \\n</literal><literal/>\\n<literal>  </literal>', xml=True)
b'<literal xml:lang="en">&#13;&#10;&#32;two&#32;&#10;</literal><literal/>\\n<literal>&#32;&#32;</literal>'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Engine", "STANDARD", "OXIGRAPH", "VIRTUOSO", "detect", "DEFAULT_GRAPH_STANDIN", "STAGING_PREFIX"]

#: where the default graph's triples live on an engine whose default graph is a union
DEFAULT_GRAPH_STANDIN = "urn:powergraph:default-graph"
#: named graphs that hold a load until it is moved into place (see :mod:`._staging`)
STAGING_PREFIX = "urn:powergraph:staging:"

_SELECT_TSV = "text/tab-separated-values, application/sparql-results+json;q=0.5"
#: Virtuoso writes SPARQL XML about three times as fast as SPARQL JSON (44.5 s against 128.7 s for the
#: 1.59M-quad corpus's 72 MB projection answer here); it leaves a carriage return raw (which pyoxigraph
#: keeps) and pyoxigraph trims the whitespace at a literal's ends, which :meth:`Engine.fix_results` keeps
#: as character references; its TSV and CSV lose the term types: so XML
_SELECT_XML = "application/sparql-results+xml, application/sparql-results+json;q=0.5"
#: Virtuoso writes blank nodes in SPARQL JSON/XML as ``nodeID://b123``, which is no blank node label
_VIRTUOSO_BNODE = re.compile(rb'("type"\s*:\s*"bnode"\s*,\s*"value"\s*:\s*"|<bnode>)nodeID://')
#: and stores xsd:boolean as a number: ``true`` comes back as ``"1"^^xsd:boolean`` (valid, not canonical)
_NT_BOOLEAN = re.compile(rb'"([01])"(?=\^\^<http://www\.w3\.org/2001/XMLSchema#boolean>)')
#: whitespace at either end of a literal in SPARQL XML, which pyoxigraph's XML reader trims
_XML_EDGE_SPACE = re.compile(rb"(<literal(?: [^>]*[^/>])?>)([ \t\r\n]+)|([ \t\r\n]+)(</literal>)")
_VIRTUOSO_BOOLEAN = re.compile(rb'("datatype"\s*:\s*"http://www.w3.org/2001/XMLSchema#boolean"\s*,\s*"value"\s*:\s*"|'
                               rb'<literal datatype="http://www.w3.org/2001/XMLSchema#boolean">)([01])(["<])')


@dataclass(frozen=True)
class Engine:
    """An engine's differences from the standard."""

    name: str
    #: the default graph is the union of all graphs (no separate default graph to write to)
    union_default: bool = False
    #: graphs of the engine itself (exact IRIs, and IRI prefixes)
    system_graphs: frozenset[str] = frozenset()
    system_prefixes: tuple[str, ...] = ()
    #: Accept header for the bulk SELECTs (quads, projection): SPARQL TSV where the engine writes it right
    select_accept: str = _SELECT_TSV
    #: the engine's blank node labels and booleans need rewriting in SPARQL JSON and N-Triples
    rewrites_results: bool = False
    #: most triples in one update request (None: only the byte size counts)
    chunk_triples: int | None = None
    #: how a load goes up: "update" (``INSERT DATA`` chunks into staging graphs), "graph" (Graph Store
    #: Protocol POSTs of N-Triples into staging graphs) or "dataset" (one POST of the whole N-Quads
    #: stream, which the engine loads in one transaction: no staging, no move)
    upload: str = "update"
    #: the Graph Store endpoint, from the query endpoint's path: (query path suffix, store path suffix)
    store_paths: tuple[tuple[str, str], ...] = ()
    #: the staging graphs are dropped in an update of their own after the move (not in the move's
    #: transaction), led by ``drop_define``
    drop_apart: bool = False
    drop_define: str = ""
    #: query parameters of a load POST to the Graph Store endpoint
    load_params: Mapping[str, str] = field(default_factory=dict)

    def store_url(self, query_url: str) -> str | None:
        """The engine's Graph Store Protocol URL beside ``query_url`` (None: not known, use updates)."""
        for query_path, store_path in self.store_paths:
            if query_url.endswith(query_path):
                return query_url[: -len(query_path)] + store_path
        return None

    def is_system(self, graph: str) -> bool:
        """A graph the engine keeps for itself (never read, counted or dropped by powergraph)."""
        return graph in self.system_graphs or graph.startswith(self.system_prefixes)

    def fix_results(self, body: bytes, *, xml: bool = False) -> bytes:
        """SPARQL JSON or (``xml``) XML results made readable by pyoxigraph, booleans in their
        canonical form; in XML, the whitespace at either end of a literal as character references."""
        if not self.rewrites_results:
            return body
        body = _VIRTUOSO_BNODE.sub(rb"\1", body)
        body = _VIRTUOSO_BOOLEAN.sub(lambda m: m.group(1) + (b"true" if m.group(2) == b"1" else b"false") + m.group(3),
                                     body)
        return _XML_EDGE_SPACE.sub(_char_references, body) if xml else body

    def fix_triples(self, body: bytes) -> bytes:
        """N-Triples with booleans in their canonical form."""
        if not self.rewrites_results:
            return body
        return _NT_BOOLEAN.sub(lambda m: b'"true"' if m.group(1) == b"1" else b'"false"', body)


def _char_references(match: re.Match[bytes]) -> bytes:
    tag, space = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
    refs = b"".join(b"&#%d;" % char for char in space)
    return tag + refs if match.group(1) else refs + tag


STANDARD = Engine("SPARQL 1.1")
#: ``oxigraph serve``: ``POST /store?no_transaction`` goes to its bulk loader, atomic since Oxigraph 0.5
#: (sorted files added in one step at the body's end: a reader sees none or all; a body cut short by a
#: killed client loads nothing: ``tests/store/test_atomic_loads.py``); 4.5x faster than its transaction
OXIGRAPH = Engine("Oxigraph", upload="dataset", store_paths=(("/query", "/store"),),
                  load_params={"no_transaction": ""})
VIRTUOSO = Engine(
    "Virtuoso",
    union_default=True,
    system_graphs=frozenset({"http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                             "http://www.w3.org/2002/07/owl#"}),
    # the URIQA host's graphs (``[URIQA] DefaultHost``; localuriqaserver when unset) and the DAV's
    system_prefixes=("http://localuriqaserver/", "http://localhost:8890/"),
    # Virtuoso's TSV is not SPARQL TSV (IRIs come quoted like strings, language tags are dropped)
    select_accept=_SELECT_XML,
    rewrites_results=True,
    # its SPARQL parser runs out of stack ("memory exhausted") at about 5,000 triples in one INSERT DATA
    chunk_triples=2_000,
    # its Turtle loader (``/sparql-graph-crud``) takes N-Triples about 4x faster than INSERT DATA and
    # without the stack limit; it takes no quads, so one POST per staging graph
    upload="graph",
    # dropping the staging graphs outside the move keeps the move's transaction half the size; row
    # by row (``log_enable(3)``: logged, each row committed)
    drop_apart=True,
    drop_define="DEFINE sql:log-enable 3\n",
    store_paths=(("/sparql-auth", "/sparql-graph-crud-auth"), ("/sparql", "/sparql-graph-crud")),
)


def detect(server: str) -> Engine:
    """The profile for a ``Server`` header."""
    name = server.lower()
    if name.startswith("virtuoso"):
        return VIRTUOSO
    return OXIGRAPH if name.startswith("oxigraph") else STANDARD
