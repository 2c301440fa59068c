"""The checks that must happen before a query runs, on the tokens of :mod:`api.sparql.lexer`.

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
>>> scan("ASK { ?s ?p true.SERVICE <http://e/> {} }").outbound, scan("ASK {#\\rSERVICE <http://e/> {}}").outbound
(['SERVICE'], ['SERVICE'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from api.sparql import lexer
from graph.errors import QueryError

__all__ = ["Scan", "scan", "with_using", "with_base", "MAX_NESTING", "MAX_OPERATORS"]

_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}

#: pyoxigraph's parser and evaluator recurse on nesting and on operator chains, and a deep
#: enough query overflows the stack and kills the process (SIGSEGV). Smallest crash points on
#: the default 8 MiB stack (``tests/security/measure_depth.py``): 1,000 nested function calls,
#: 5,000 parentheses, braces or brackets, 10,000 chained binary operators. The workers run the
#: engine on a 256 MiB stack; these limits stay far below both and far above real queries.
MAX_NESTING = 128
MAX_OPERATORS = 2000
_OPENERS = {"(", "{", "[", "<<"}
_CLOSERS = {")", "}", "]", ">>"}
#: every operator and separator of the grammar that builds a deeper expression, path or pattern
_OPERATORS = {"+", "-", "*", "/", "|", "||", "&&", "!", "=", "!=", "<", ">", "<=", ">=", "^", ",", ";", "."}
_CHAINING = {"UNION", "OPTIONAL", "MINUS", "EXISTS", "FILTER", "BIND", "SERVICE", "GRAPH", "LATERAL", "VALUES"}
_OUTBOUND = ("SERVICE", "LOAD")


@dataclass
class Token:
    """A terminal of :mod:`api.sparql.lexer` and the brace depth it is at."""

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


def _outbound_in(token: lexer.Token, after_slash: bool = False) -> str | None:
    """The outbound keyword the engine may read in ``token``: keywords have no boundary in its
    parser (``trueSERVICE``, ``SERVICEex:a``), so any word or prefix that contains one counts.

    >>> _outbound_in(lexer.Token("word", "trueSERVICE", 0)), _outbound_in(lexer.Token("pname", "LOADex:x", 0))
    ('SERVICE', 'LOAD')
    >>> _outbound_in(lexer.Token("pname", "ex:service", 0)) is None
    True
    """
    if token.kind == "word" and not after_slash:
        code = token.text.upper()
    elif token.kind == "pname":
        code = token.text.partition(":")[0].upper()
    else:
        return None
    return next((keyword for keyword in _OUTBOUND if keyword in code), None)


class _Measure:
    """Nesting depth and operator count of a token stream, failing as soon as a limit is passed."""

    def __init__(self) -> None:
        self.depth = self.deepest = self.operators = 0
        self._data_depth: int | None = None  # the depth at which the current DATA block opened
        self._after_data = False

    def add(self, token: lexer.Token) -> None:
        text, kind = token.text, token.kind
        if kind == "punct" and text in _OPENERS:
            if self._after_data and text == "{":
                self._data_depth = self.depth
            self.depth += 1
            if self.depth > self.deepest:
                self.deepest = self.depth
                if self.deepest > MAX_NESTING:
                    raise _too_deep(self.deepest)
        elif kind == "punct" and text in _CLOSERS:
            self.depth -= 1
            if self._data_depth is not None and self.depth <= self._data_depth:
                self._data_depth = None
        elif self._data_depth is None and ((kind == "punct" and text in _OPERATORS)
                                           or (kind == "word" and text.upper() in _CHAINING)):
            self.operators += 1
            if self.operators > MAX_OPERATORS:
                raise _too_many(self.operators)
        self._after_data = kind == "word" and text.upper() == "DATA"


def _too_deep(nesting: int) -> QueryError:
    return QueryError(f"the query is nested more than {MAX_NESTING} levels deep (parentheses, braces, brackets "
                      f"and quoted triples); the limit is {MAX_NESTING}",
                      hint="flatten the groups and parentheses")


def _too_many(operators: int) -> QueryError:
    return QueryError(f"the query has more than {MAX_OPERATORS} operators and separators (+ - * / | || && ! "
                      f"comparisons , ; . and UNION/OPTIONAL/MINUS/FILTER/BIND/EXISTS/SERVICE/GRAPH/VALUES) "
                      f"outside DATA blocks; the limit is {MAX_OPERATORS}",
                      hint="split it into smaller queries, or use VALUES for long lists of alternatives")


def _second_reading(text: str, found: Scan) -> None:
    """Lex again with ``<`` as less-than after every operand (the parser may read it so):
    what that reading finds counts too, so the two readings cannot be played against each other."""
    measure = _Measure()
    previous: lexer.Token | None = None
    for token in lexer.lex(text, lt_operator=True):
        measure.add(token)
        after_slash = previous is not None and previous.text == "/" and previous.start + 1 == token.start
        keyword = _outbound_in(token, after_slash)
        if keyword:
            found.outbound.append(keyword)
        previous = token
    found.nesting, found.operators = max(found.nesting, measure.deepest), max(found.operators, measure.operators)
    found.outbound = list(dict.fromkeys(found.outbound))  # each keyword once, in order


_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape(iri: str) -> str:
    """Decode ``\\uXXXX`` / ``\\UXXXXXXXX`` in an IRI, as the SPARQL parser does.

    >>> _unescape(r"http\\u003A//x/g")
    'http://x/g'
    """
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), iri)


def _resolve(token: Token, prefixes: dict[str, str], base: str | None) -> str:
    if token.kind == "iri":
        iri = _unescape(token.text[1:-1])
        if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:", iri):
            return base.rsplit("/", 1)[0] + "/" + iri if iri else base
        return iri
    prefix, _, local = token.text.partition(":")
    return prefixes.get(prefix, f"{prefix}:") + local


def _tokens(text: str) -> tuple[list[Token], _Measure, list[str]]:
    """The first reading (``<`` an IRI wherever one fits): tokens with their depth, measure, outbound keywords."""
    tokens: list[Token] = []
    measure = _Measure()
    outbound: list[str] = []
    depth = 0
    for token in lexer.lex(text):
        measure.add(token)
        if token.text == "}":
            depth -= 1
        tokens.append(Token(token.kind, token.text, token.start, depth))
        if token.text == "{":
            depth += 1
        keyword = _outbound_in(token)
        if keyword:
            outbound.append(keyword)
    return tokens, measure, outbound


def scan(text: str) -> Scan:
    """Lex ``text`` (a query or an update) and report what the checks need.

    Raises :class:`~graph.errors.QueryError` (400) when it is nested deeper or has more
    operators than the engine may safely be given, naming the limit.
    """
    tokens, measure, outbound = _tokens(text)
    found = Scan(tokens=tokens, outbound=outbound, nesting=measure.deepest, operators=measure.operators)
    _second_reading(text, found)
    prefixes: dict[str, str] = {}
    base: str | None = None
    for index, token in enumerate(tokens):
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
        elif word == "WITH" and token.depth == 0:
            found.has_with = True
        elif word in ("FROM", "USING") and token.depth == 0 and following is not None:
            named = following.kind == "word" and following.text.upper() == "NAMED"
            target = tokens[index + 2] if named and index + 2 < len(tokens) else following
            keyword = f"{word} NAMED" if named else word
            # anything else after FROM/USING is recorded as it is: no such graph, refused (fails closed)
            resolved = _resolve(target, prefixes, base) if target.kind in ("iri", "pname") else target.text
            found.graphs.append((keyword, resolved))
    return found


def _iri(value: str) -> str:
    try:
        return str(ox.NamedNode(value))
    except ValueError as exc:
        raise QueryError(f"invalid graph IRI {value!r}: {exc}", hint="pass an absolute IRI such as http://example.org/g") from None


def with_using(update: str, *, using: list[str], using_named: list[str], found: Scan | None = None) -> str:
    """Put the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` into every DELETE/INSERT ... WHERE.

    The IRIs are checked and written by pyoxigraph (never pasted raw).

    >>> with_using("INSERT { ?s a <http://x/T> } WHERE { ?s ?p ?o }", using=["http://g/1"], using_named=[])
    'INSERT { ?s a <http://x/T> } USING <http://g/1> WHERE { ?s ?p ?o }'
    """
    if not using and not using_named:
        return update
    found = found if found is not None else scan(update)
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
