"""Hostile and random inputs for the endpoint (item 8), shared by the in-suite fuzz test and the long run.

``requests()`` is a Hypothesis strategy of plain request dicts (method, path, params,
headers, body); :func:`check_response` holds what every answer must satisfy: no 5xx,
the one JSON error shape on errors, no traceback, file path or library version.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from hypothesis import strategies as st

__all__ = ["requests", "check_response", "MALFORMED", "grammar_mutations"]

_TOKENS = ["SELECT", "*", "WHERE", "{", "}", "(", ")", "?s", "?p", "?o", "$x", "FILTER", "OPTIONAL", "UNION",
           "GRAPH", "<http://x/a>", "<>", "'lit'", '"x"@en', '"1"^^<http://www.w3.org/2001/XMLSchema#int>', "1",
           "-2.5e3", "ASK", "CONSTRUCT", "DESCRIBE", "VALUES", "BIND", "AS", "REGEX", "COUNT", "GROUP BY",
           "ORDER BY", "LIMIT", "OFFSET", "PREFIX", "ex:", "ex:a", ".", ";", ",", "a", "^^", "|", "/", "+", "?",
           "!", "MINUS", "EXISTS", "NOT", "SERVICE", "LOAD", "FROM", "NAMED", "INSERT", "DELETE", "DATA", "#",
           "\\u0041", "<<", ">>", "LATERAL", "[", "]", "BASE", "SUM(?x)", "'''", '"""', "\\", "\x00", "\ufffd",
           "CLEAR", "DROP", "ALL", "SILENT", "USING", "WITH", "COPY", "MOVE", "ADD", "TO", "DEFAULT"]

#: hand-written malformed inputs (the fuzzer adds random ones)
MALFORMED = [
    "SELECT * " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,
    "SELECT * { ?s ?p ?o FILTER(" + "(" * 5000 + "true" + ")" * 5000 + ") }",
    "SELECT * { BIND(" + "+".join(["1"] * 10_000) + " AS ?x) }",
    "SELECT * { " + " UNION ".join(["{ ?s ?p ?o }"] * 7000) + " }",
    "SELECT * { " + " ".join(f"?s{i} <http://x/p{i}> ?o{i} ." for i in range(300)) + " }",
    "SELECT * { ?s ?p '" + "x" * 900_000 + "' }",
    "SELECT (STRLEN('" + "é" * 100_000 + "') AS ?n) {}",
    "SELECT * { ?s ?p ?o } LIMIT 99999999999999999999999",
    "SELECT * { ?s ?p ?o } OFFSET -1",
    "ASK { FILTER(REGEX('a', '(((((((((((a*)*)*)*)*)*)*)*)*)*)*)*$')) }",
    "SELECT * { ?s ?p ?o FILTER(?o = \"\\uD800\") }",
    "PREFIX : <http://x/> SELECT * { :a :b* :c }",
    "SELECT * { <<?s ?p ?o>> ?q ?r }",
    "",
    "\x00\x01\x02",
]


_SEEDS = [
    "SELECT * { ?s ?p ?o FILTER(?o > 0) } LIMIT 5",
    "PREFIX ex: <http://x/> SELECT ?s (COUNT(*) AS ?n) { ?s ex:p/ex:q|^ex:r ?o ; ex:t ?u , ?v } GROUP BY ?s",
    "ASK { { ?s ?p 1 } UNION { ?s ?p 'x'@en } OPTIONAL { ?s ?q [ ?r ?t ] } MINUS { ?s ?p true } }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . BIND(STR(?o) AS ?t) FILTER(REGEX(?t, '^a') || ?o IN (1, 2)) }",
    "INSERT { ?s <http://x/q> ?o } WHERE { ?s ?p ?o FILTER(?o != 2 && !BOUND(?z)) }",
    "DELETE DATA { <http://x/a> <http://x/p> 1 } ; INSERT DATA { <http://x/a> <http://x/p> 2 , 3 ; <http://x/q> 4 }",
]
#: the grammar's separators and operators, what a comment may end with (and what it may not), and glue
_SEPARATORS = ["-", "+", "*", "/", "|", "||", "&&", "!", ",", ";", ".", "^", "=", "<", ">", "<=", "!="]
_OPENERS = [("(", ")"), ("{", "}"), ("[", "]"), ("<<( ", " )>>"), ("STR(", ")"), ("{ {} UNION ", "}")]
_COMMENTS = ["#x\n", "#x\r", "#x\r\n", "#\x0bSERVICE <http://127.0.0.1:9/>", "#\u2028", "#"]
_GLUE = ["true.SERVICE <http://127.0.0.1:9/> {}", "1SERVICE <http://127.0.0.1:9/> {}", "SERVICESILENT<http://127.0.0.1:9/>{}",
         "LOADSILENT<http://127.0.0.1:9/>", "FILTER(1<2)SERVICE#x>\n<http://127.0.0.1:9/>{}", "\u00a0", "\x0c"]


@st.composite
def grammar_mutations(draw: Any) -> str:
    """A real query or update with the grammar's pieces inserted: separators chained (up to 20,000),
    brackets nested (up to 5,000), comments with every terminator, keywords glued to their neighbours."""
    text = draw(st.sampled_from(_SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        choice = draw(st.sampled_from(["chain", "nest", "comment", "glue"]))
        if choice == "chain":
            piece = draw(st.sampled_from(_SEPARATORS)) + draw(st.sampled_from(["1", "?o", "<http://x/p>", " ", "'a'"]))
            piece *= draw(st.sampled_from([1, 2, 10, 100, 1000, 2001, 5000, 20_000]))
        elif choice == "nest":
            opener, closer = draw(st.sampled_from(_OPENERS))
            depth = draw(st.sampled_from([1, 10, 127, 129, 500, 5000]))
            piece = opener * depth + draw(st.sampled_from(["1", "?s ?p ?o", ""])) + closer * depth
        elif choice == "comment":
            piece = draw(st.sampled_from(_COMMENTS))
        else:
            piece = draw(st.sampled_from(_GLUE))
        text = text[:at] + piece + text[at:]
    return text


def _sparql() -> st.SearchStrategy[str]:
    words = st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=8)), max_size=60).map(" ".join)
    return st.one_of(words, st.sampled_from(MALFORMED), st.text(max_size=200), grammar_mutations())


_CONTENT_TYPES = ["application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                  "application/sparql-query; charset=latin-1", "text/plain", "", "multipart/form-data; boundary=x",
                  "application/x-www-form-urlencoded; charset=utf-16"]
_ACCEPTS = ["*/*", "text/html", "application/sparql-results+json", "text/csv;q=0.1, text/turtle;q=0",
            "application/ld+json", "image/png", "text/*;q=abc", ",,,;;;"]
_PATHS = ["/entity/{x}", "/entity/{x}.ttl", "/api/path", "/api/centrality", "/api/factions", "/api/timeline",
          "/explore.json", "/ontology.{x}", "/examples.json", "/health", "/{x}", "/static/{x}", "/explore/static/{x}"]


@st.composite
def requests(draw: Any, *, names: bool = True) -> dict[str, Any]:
    """One random request to the application; ``names`` adds actor names to /api/path and /explore.json."""
    kind = draw(st.sampled_from(["get", "form", "direct", "bytes", "route"] + (["name"] if names else [])))
    if kind == "name":
        name = draw(st.one_of(st.text(max_size=30), st.sampled_from(["tokayev", "Masimov", '"} ; DROP ALL ; #'])))
        if draw(st.booleans()):
            return {"method": "GET", "path": "/api/path", "params": {"source": name, "target": "tokayev"}}
        return {"method": "GET", "path": "/explore.json", "params": {"ego": name}}
    text = draw(_sparql())
    accept = draw(st.sampled_from(_ACCEPTS))
    if kind == "get" and len(text) > 8000:
        kind = "form"  # URLs that long are refused by the client (and by servers' header limits)
    if kind == "get":
        return {"method": "GET", "path": "/sparql", "params": {"query": text}, "headers": {"Accept": accept}}
    if kind == "form":
        field = draw(st.sampled_from(["query", "update", "queryx"]))
        return {"method": "POST", "path": "/sparql", "data": {field: text}, "headers": {"Accept": accept}}
    if kind == "direct":
        media = draw(st.sampled_from(_CONTENT_TYPES))
        return {"method": "POST", "path": "/sparql", "content": text.encode("utf-8", "surrogatepass"),
                "headers": {"Content-Type": media, "Accept": accept}}
    if kind == "bytes":  # invalid UTF-8 and binary bodies
        media = draw(st.sampled_from(_CONTENT_TYPES))
        return {"method": "POST", "path": "/sparql", "content": draw(st.binary(max_size=300)),
                "headers": {"Content-Type": media}}
    value = draw(st.one_of(st.text(max_size=40), st.sampled_from(["%00", "..%2F..%2Fetc%2Fpasswd", "tokayev"])))
    path = draw(st.sampled_from(_PATHS)).replace("{x}", quote(value, safe="%"))
    params = draw(st.dictionaries(st.sampled_from(["source", "target", "at", "from", "to", "top", "limit", "ego",
                                                    "depth", "relation", "status", "method", "seed", "after",
                                                    "format"]), st.text(max_size=30), max_size=4))
    return {"method": draw(st.sampled_from(["GET", "GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD"])), "path": path,
            "params": params, "headers": {"Accept": accept}}


_LEAKS = re.compile(r"Traceback|File \"|/work/|site-packages|\.py\b|pyoxigraph|uvicorn/|starlette|fastapi "
                    r"\d|Python/3")


def check_response(request: dict[str, Any], status: int, body: bytes, content_type: str) -> None:
    """What every response must satisfy (raises AssertionError with the request on a violation)."""
    assert status < 500 or status in (503, 504), (status, request, body[:300])
    if request["path"] in ("/openapi.json",):
        return
    text = body.decode("utf-8", "replace")
    if status >= 400:
        assert not _LEAKS.search(text), (status, request, text[:300])
        if content_type.startswith("application/json") and request["method"] != "HEAD":
            error = json.loads(text)["error"]
            assert set(error) == {"code", "message", "hint"}, (request, text[:300])
            assert error["code"] not in ("worker_died", "worker_memory"), (status, request, text[:300])
