"""A small SPARQL lexer for the checks that must happen before a query runs.

It finds the query form, the keywords that make outbound requests (SERVICE,
LOAD), the graphs named by FROM / FROM NAMED / USING / USING NAMED / WITH, and
where ``using-graph-uri`` parameters must go. Strings, IRIs and comments are
skipped, so a keyword inside a literal never counts.

>>> scan("PREFIX ex: <http://x/> SELECT * FROM ex:g WHERE { ?s ?p 'SERVICE' }").form
'SELECT'
>>> scan("SELECT * FROM <http://x/g> WHERE { ?s ?p ?o }").graphs
[('FROM', 'http://x/g')]
>>> scan("select * { service <http://e/sparql> { ?s ?p ?o } }").outbound
['SERVICE']
>>> scan("# SERVICE in a comment\\nASK {}").outbound
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.errors import QueryError

__all__ = ["Scan", "scan", "with_using", "with_base", "MAX_NESTING", "MAX_OPERATORS"]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<var>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<word>[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*(?::[\w.\-:%\\\u00b7\u00c0-\uffff]*)?|:[\w.\-:%\\\u00b7\u00c0-\uffff]*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)

_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}

#: pyoxigraph's parser and evaluator recurse on nesting and on operator chains; a 20 KB query
#: (10,000 '+' or 5,000 '{') overflows the stack and kills the process (SIGSEGV). Measured crash
#: points are 2,000-7,000; these limits keep a wide margin and stay far above real queries.
MAX_NESTING = 256
MAX_OPERATORS = 1000
_OPENERS, _CLOSERS = "({[", ")}]"
_OPERATORS = set("+*/|&!=<>^")
_CHAINING = {"UNION", "OPTIONAL", "MINUS", "EXISTS", "FILTER", "BIND"}


@dataclass
class Token:
    kind: str
    text: str
    start: int
    depth: int


@dataclass
class Scan:
    """What the lexer found in one query or update."""

    form: str | None = None
    outbound: list[str] = field(default_factory=list)
    graphs: list[tuple[str, str]] = field(default_factory=list)
    has_with: bool = False
    tokens: list[Token] = field(default_factory=list)
    nesting: int = 0
    operators: int = 0


def _tokens(text: str) -> list[Token]:
    tokens: list[Token] = []
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        if kind in ("ws", "comment"):
            continue
        value = match.group()
        if value == "}":
            depth -= 1
        tokens.append(Token(kind, value, match.start(), depth))
        if value == "{":
            depth += 1
    return tokens


_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OUTBOUND = ("SERVICE", "LOAD")


def _unescape(iri: str) -> str:
    """Decode ``\\uXXXX`` / ``\\UXXXXXXXX`` in an IRI, as the SPARQL parser does.

    >>> _unescape(r"http\\u003A//x/g")
    'http://x/g'
    """
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)


def _hidden_outbound(token: Token) -> list[str]:
    """SERVICE/LOAD that a parser could read inside what the lexer took for an IRI.

    ``<`` is also the less-than operator: in ``FILTER(1<2)SERVICE#x>`` followed by a
    newline and ``<http://...> {...}``, the lexer sees one IRI ``<2)SERVICE#x>``, the
    parser sees ``1 < 2``, the keyword SERVICE and a comment. A keyword can only hide
    this way when a ``#`` (a comment for the parser) follows it inside the "IRI"
    (whitespace, ``<`` and ``{`` cannot occur there), so the text before the first
    ``#`` (or quote) is lexed again as code; words right after a ``/`` are IRI path
    segments, not keywords. Fails closed: ``<service#x>`` counts too.

    >>> _hidden_outbound(Token("iri", "<2)SERVICE#x>", 0, 0))
    ['SERVICE']
    >>> _hidden_outbound(Token("iri", "<http://x.org/service#p>", 0, 0))
    []
    """
    inner = token.text[1:-1]
    cut = min((i for i in (inner.find("#"), inner.find("'")) if i >= 0), default=-1)
    if cut < 0:
        return []
    code = inner[:cut]
    found = []
    for match in _TOKEN.finditer(code):
        word = match.group().upper()
        if match.lastgroup == "word" and word in _OUTBOUND and not code[:match.start()].endswith("/"):
            found.append(word)
    return found


def _resolve(token: Token, prefixes: dict[str, str], base: str | None) -> str:
    if token.kind == "iri":
        iri = _unescape(token.text[1:-1])
        if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri):
            return base.rsplit("/", 1)[0] + "/" + iri if iri else base
        return iri
    prefix, _, local = token.text.partition(":")
    return prefixes.get(prefix, f"{prefix}:") + local


def scan(text: str) -> Scan:
    """Lex ``text`` (a query or an update) and report what the checks need."""
    found = Scan(tokens=_tokens(text))
    prefixes: dict[str, str] = {}
    base: str | None = None
    tokens = found.tokens
    for index, token in enumerate(tokens):
        if token.kind == "iri":
            found.outbound.extend(_hidden_outbound(token))
        if token.kind != "word":
            continue
        word = token.text.upper()
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if word == "PREFIX" and following is not None and index + 2 < len(tokens):
            prefixes[following.text.rstrip(":")] = _unescape(tokens[index + 2].text[1:-1])
        elif word == "BASE" and following is not None and following.kind == "iri":
            base = _unescape(following.text[1:-1])
        elif word in _FORMS and found.form is None:
            found.form = word
        elif word in _OUTBOUND:
            found.outbound.append(word)
        elif word == "WITH" and token.depth == 0:
            found.has_with = True
        elif word in ("FROM", "USING") and token.depth == 0 and following is not None:
            named = following.kind == "word" and following.text.upper() == "NAMED"
            target = tokens[index + 2] if named and index + 2 < len(tokens) else following
            keyword = f"{word} NAMED" if named else word
            # anything else after FROM/USING is recorded as it is: no such graph, refused (fails closed)
            resolved = _resolve(target, prefixes, base) if target.kind in ("iri", "word") else target.text
            found.graphs.append((keyword, resolved))
    found.nesting, found.operators = _complexity(tokens)
    _check_complexity(found)
    return found


def _complexity(tokens: list[Token]) -> tuple[int, int]:
    """Deepest nesting of ``({[`` and the number of operators and chaining keywords (outside DATA blocks).

    >>> _complexity(_tokens("SELECT * { FILTER((1+2) > 0) } "))
    (3, 4)
    >>> _complexity(_tokens("INSERT DATA { <a> <b> 1 } ; DELETE WHERE { ?s ?p ?o FILTER(!true) }"))
    (2, 2)
    """
    depth = deepest = operators = 0
    data_depth: int | None = None  # the depth at which the current DATA block opened
    after_data = False
    for token in tokens:
        text = token.text
        if token.kind == "punct" and text in _OPENERS:
            if after_data and text == "{":
                data_depth = depth
            depth += 1
            deepest = max(deepest, depth)
        elif token.kind == "punct" and text in _CLOSERS:
            depth -= 1
            if data_depth is not None and depth <= data_depth:
                data_depth = None
        elif data_depth is None and ((token.kind == "punct" and text in _OPERATORS)
                                     or (token.kind == "word" and text.upper() in _CHAINING)):
            operators += 1
        after_data = token.kind == "word" and text.upper() == "DATA"
    return deepest, operators


def _check_complexity(found: Scan) -> None:
    if found.nesting > MAX_NESTING:
        raise QueryError(f"the query is nested {found.nesting} levels deep; the limit is {MAX_NESTING}",
                         hint="flatten the groups and parentheses")
    if found.operators > MAX_OPERATORS:
        raise QueryError(f"the query has {found.operators} operators and UNION/OPTIONAL/FILTER/BIND/MINUS/EXISTS; "
                         f"the limit is {MAX_OPERATORS}",
                         hint="split it into smaller queries, or use VALUES for long lists of alternatives")


def _iri(value: str) -> str:
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise QueryError(f"invalid graph IRI {value!r}: {exc}", hint="pass an absolute IRI such as http://example.org/g") from None


def with_using(update: str, *, using: list[str], using_named: list[str]) -> str:
    """Put the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` into every DELETE/INSERT ... WHERE.

    The IRIs are checked and written by pyoxigraph (never pasted raw).

    >>> with_using("INSERT { ?s a <http://x/T> } WHERE { ?s ?p ?o }", using=["http://g/1"], using_named=[])
    'INSERT { ?s a <http://x/T> } USING <http://g/1> WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return update
    found = scan(update)
    if found.has_with or any(kind.startswith("USING") for kind, _ in found.graphs):
        raise QueryError(
            "the update names its dataset (USING or WITH) and the request adds using-graph-uri or using-named-graph-uri",
            hint="use either the protocol parameters or USING/WITH in the update, not both",
        )
    clause = " ".join([f"USING {_iri(g)}" for g in using] + [f"USING NAMED {_iri(g)}" for g in using_named])
    tokens = found.tokens
    out, last = [], 0
    for index, token in enumerate(tokens):
        if token.kind == "word" and token.text.upper() == "WHERE" and token.depth == 0:
            previous = tokens[index - 1].text.upper() if index else ""
            if previous == "DELETE":  # DELETE WHERE has no USING in the grammar
                raise QueryError("DELETE WHERE cannot take using-graph-uri",
                                 hint="write DELETE { ... } WHERE { ... } instead")
            out.append(update[last:token.start])
            out.append(clause + " ")
            last = token.start
    out.append(update[last:])
    return "".join(out)


def with_base(text: str, base: str) -> tuple[str, int]:
    """Prefix ``BASE <base>`` (the endpoint URL) and return the columns it adds to line 1.

    >>> with_base("ASK {}", "http://h/sparql")
    ('BASE <http://h/sparql> ASK {}', 23)
    """
    prefix = f"BASE {_iri(base)} "
    return prefix + text, len(prefix)
