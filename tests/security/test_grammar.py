"""Item 1 (the friendly check): the scan reads SPARQL as Oxigraph's parser does.

The agreement test runs each variant through pyoxigraph itself with a private loopback
canary: whenever the engine would make a request, the scan must have found SERVICE or
LOAD. Variants cover every comment terminator (and the characters that are not one),
keywords glued to what comes before or after them, the two readings of ``<``, case, and
escapes. The W3C syntax tests are not installed here (rdflib's test data is not
packaged), so every terminal of the grammar has cases of its own below.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from api.sparql.lexer import lex
from api.sparql.scan import scan
from tests.security.conftest import Canary

TERMINATORS = ["\n", "\r", "\r\n"]
NOT_TERMINATORS = ["\x0b", "\x0c", "\x85", "\u2028", "\u2029"]
#: {url} is the canary; each runs SERVICE or LOAD in the engine unless the parser refuses it
QUERY_VARIANTS = [
    "SELECT * {{ SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "select * {{ sErViCe <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p true.SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p trueSERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p 1SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p 1.SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p 'x'SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p 'x'@en SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ SERVICESILENT<{url}/a> {{ ?s ?p ?o }} }}",
    "PREFIX ex: <{url}/> SELECT * {{ SERVICEex:a {{ ?s ?p ?o }} }}",
    "PREFIX : <{url}/> SELECT * {{ SERVICE:a {{ ?s ?p ?o }} }}",
    "SELECT*{{?s ?p ?o.SERVICE<{url}/a>{{}}}}",
    "SELECT * {{ ?s ?p ?o FILTER(1<2)SERVICE#x>\n<{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p ?o FILTER(?o<3)SERVICE?x#x>\n{{ ?s ?p ?o }} VALUES ?x {{ <{url}/v> }} }}",
    "SELECT * {{ ?s ?p ?o FILTER(true) SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ VALUES ?x {{ UNDEF }} SERVICE <{url}/a> {{ ?s ?p ?o }} }}",
    "SELECT * {{ ?s ?p ?o MINUS{{SERVICE<{url}/a>{{?s ?p ?o}}}} }}",
    "SELECT * {{ ?s ?p ?o FILTER EXISTS{{SERVICE<{url}/a>{{?s ?p ?o}}}} }}",
    *[f"SELECT * {{{{ ?s ?p ?o #x{end}SERVICE <{{url}}/a> {{{{ ?s ?p ?o }}}} }}}}" for end in TERMINATORS],
]
UPDATE_VARIANTS = [
    "LOAD <{url}/l>",
    "LOAD<{url}/l>",
    "LOADSILENT<{url}/l>",
    "load silent <{url}/l> into graph <http://x/g>",
    "PREFIX ex: <{url}/> LOADex:l",
    "INSERT DATA {{}} ;#\rLOAD <{url}/l>",
    "INSERT DATA {{}} ;#\nLOAD <{url}/l>",
    "INSERT {{ ?s ?p ?o }} WHERE {{ ?s ?p 1.SERVICE <{url}/u> {{ ?s ?p ?o }} }}",
]


def _store() -> ox.Store:
    store = ox.Store()
    for value in ("true", "1", '"x"', '"x"@en', "<http://x/b>"):
        store.update(f"INSERT DATA {{ <http://x/a> <http://x/p> {value} }}")
    return store


def _engine_calls(canary: Canary, text: str, update: bool) -> bool:
    before = len(canary.hits)
    try:
        if update:
            _store().update(text)
        else:
            list(_store().query(text))  # type: ignore[arg-type]
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass
    return len(canary.hits) > before


@pytest.fixture(scope="module")
def private_canary():  # type: ignore[no-untyped-def]
    """A canary of this module's own: the engine is meant to call it here (positive controls)."""
    server = Canary()
    yield server
    server.close()


@pytest.mark.parametrize("template", QUERY_VARIANTS + UPDATE_VARIANTS)
def test_the_scan_finds_whatever_the_engine_would_call(private_canary: Canary, template: str) -> None:
    text = template.format(url=private_canary.url)
    called = _engine_calls(private_canary, text, update=template in UPDATE_VARIANTS)
    assert scan(text).outbound, f"the scan missed an outbound keyword in {text!r}"
    if template in (QUERY_VARIANTS[0], UPDATE_VARIANTS[0]):
        assert called, "positive control: the engine calls the canary for the plain forms"


def test_most_variants_do_reach_the_canary_in_the_engine(private_canary: Canary) -> None:
    """The variants are real attacks, not only texts the scan dislikes: the engine calls out for most."""
    reached = [t for t in QUERY_VARIANTS + UPDATE_VARIANTS
               if _engine_calls(private_canary, t.format(url=private_canary.url), update=t in UPDATE_VARIANTS)]
    assert len(reached) >= 20, reached


@pytest.mark.parametrize("end", NOT_TERMINATORS)
def test_characters_that_do_not_end_a_comment(private_canary: Canary, end: str) -> None:
    """Only \\n and \\r end a comment in Oxigraph; after the others the comment goes on, for both."""
    text = f"SELECT * {{ ?s ?p ?o #x{end}SERVICE <{private_canary.url}/a> {{ ?s ?p ?o }} }}"
    assert not _engine_calls(private_canary, text, update=False)
    assert scan(text).outbound == []


@pytest.mark.parametrize("text", [
    "SELECT ('SERVICE <http://x/> LOAD' AS ?t) {}",
    'SELECT ("""a "SERVICE" \\""" LOAD""" AS ?t) {}',
    "SELECT ('''it''s SERVICE''' AS ?t) {}",
    "SELECT ('it\\'s SERVICE' AS ?t) {}",
    "ASK { ?s <http://x/service#p> ?o }",
    "ASK { ?s <http://x/LOAD/service> ?o }",
    "# SERVICE <http://x/>\nASK {}",
    "#\x0bSERVICE\nASK {}",
    "SELECT * { ?s <http://x/load> ?o FILTER(?o < 3) }",
    "PREFIX ex: <http://x/> SELECT ?service ?load { ?service ex:service ?load }",
    "SELECT * { ?s ?p ?o } # trailing SERVICE comment",
    "SELECT ?x { BIND(<http://x/\\u0053ERVICE> AS ?x) }",
])
def test_keywords_in_literals_iris_comments_and_names_are_not_keywords(text: str) -> None:
    assert scan(text).outbound == [], text


@pytest.mark.parametrize("text, kinds", [
    ("<http://x/a> <http://x/\\u00e9> <>", ["iri", "iri", "iri"]),
    ("ex:a ex: :b :", ["pname", "pname", "pname", "pname"]),
    ("ex:a%20b ex:a\\.b ex:a.b ex:a:b ex:1", ["pname"] * 5),
    ("_:b1 _:b.c", ["bnode", "bnode"]),
    ("?x $y ?1 ?é", ["var"] * 4),
    ("'a' \"b\" '''c\n''' \"\"\"d\"\"e\"\"\"", ["string"] * 4),
    ("'a\\'b' \"a\\\"b\" '\\n'", ["string"] * 3),
    ("1 -1 1.5 .5 1e5 1.5E-3 1.e2", ["number", "punct", "number", "number", "number", "number", "number", "number"]),
    ("'x'@en-GB 'y'^^ex:t", ["string", "langtag", "string", "punct", "pname"]),
    ("a true FALSE STRSTARTS SHA256", ["word"] * 5),
    ("|| && != <= >= ^^ << >>", ["punct"] * 8),
    ("(\t)\r\n[ ]", ["punct"] * 4),
])
def test_every_terminal(text: str, kinds: list[str]) -> None:
    assert [token.kind for token in lex(text)] == kinds, [(t.kind, t.text) for t in lex(text)]


def test_keywords_are_split_where_the_engine_splits_them() -> None:
    assert [t.text for t in lex("true.SERVICE")] == ["true", ".", "SERVICE"]
    assert [t.text for t in lex("1.SERVICE")] == ["1", ".", "SERVICE"]
    assert [t.text for t in lex("ex:b.SERVICE")] == ["ex:b.SERVICE"]  # a local name may hold dots
    assert [t.text for t in lex("?o.SERVICE")] == ["?o", ".", "SERVICE"]


def test_lexing_is_linear_on_pathological_runs() -> None:
    """``a.a.a...`` could make a naive prefix matcher quadratic; the count of tokens shows it did not stall."""
    assert sum(1 for _ in lex("a." * 20_000)) == 40_000
    assert sum(1 for _ in lex("<a" * 20_000)) == 40_000
