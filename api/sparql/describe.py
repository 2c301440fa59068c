"""The SPARQL 1.1 Service Description of the endpoint, as RDF.

>>> body = service_description("http://127.0.0.1:8000/sparql", "text/turtle", updates=False, union=True)
>>> b"sd:UnionDefaultGraph" in body and b"sd:SPARQL11Update" not in body
True
"""

from __future__ import annotations

import pyoxigraph as ox

from api.sparql.serialize import RDF_FORMATS, serialize_triples

__all__ = ["service_description"]

_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RESULT_FORMATS = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "TriG", "N-Quads"]


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(_SD + name)


def service_description(endpoint: str, media: str, *, updates: bool, union: bool) -> bytes:
    """The description of the service at ``endpoint``, serialized as ``media`` (an RDF media type)."""
    service = ox.NamedNode(endpoint)
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("default")
    triples = [
        ox.Triple(service, _RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), service),
        ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, _RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, _RDF_TYPE, _sd("Graph")),
    ]
    if updates:
        triples.append(ox.Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Update")))
    if union:
        triples.append(ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")))
    triples += [ox.Triple(service, _sd("resultFormat"), ox.NamedNode(_FORMATS + name)) for name in _RESULT_FORMATS]
    fmt = RDF_FORMATS[media]
    prefixes = None if fmt.supports_datasets else {"sd": _SD, "formats": _FORMATS}
    return serialize_triples(triples, fmt, prefixes=prefixes)
