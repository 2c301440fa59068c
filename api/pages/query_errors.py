"""A SPARQL syntax error in one sentence: the undeclared prefix, or the token and its line.

pyoxigraph reports an undeclared prefix as a grammar position ("expected OPTIONAL")
and other errors with every token the grammar could take there (hundreds of
characters). This module says what a person needs: which prefix to declare (and its
IRI when it is one of the project's), or which token at which line and column, with
a few of the expected tokens.

>>> explain("SELECT * WHERE { ?s pg:x ?o }", "expected OPTIONAL", 1, 26)
'The prefix pg: (line 1) is not declared: add PREFIX pg: <https://w3id.org/powergraph/ontology#> at the top of the query.'
>>> explain("PREFIX pg: <x#>\\nSELECT * WHERE {\\n ?s ?p ?o . FILTER(?x = ) }", "expected one of ABS, AVG, DAY", 3, 24)
"Unexpected ')' at line 3, column 24: expected one of ABS, AVG, DAY."
>>> explain("SELECT * WHERE { ?s ?p ?o", 'expected one of ",", ".", ";", "{", "}", [_], [\\'0\\' ..= \\'9\\']', 1, 26)
'Unexpected end of query at line 1, column 26 (after \\'ELECT * WHERE { ?s ?p ?o\\'): expected one of ",", ".", ";", "{", "}" or more.'
"""

from __future__ import annotations

import re

from ontology import NAMESPACES

__all__ = ["explain", "undeclared_prefix"]

_SKIP = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_USED = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w-]*(?:\.[\w-]+)*)?:(?=[\w%\\]|\s|[;,.)}\]])")
_TOKEN = re.compile(r"\S+?(?=[\s(){}\[\],;]|$)|[(){}\[\],;]")
_PART = re.compile(r'"[^"]*"|\[[^\]]*\]|[^,\s][^,]*')
_MOST = 6
_LONGEST = 50_000  # characters of a query searched for an undeclared prefix (the scan runs in the server)
_CONTEXT = 24  # characters of the line shown before an error at its end


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def undeclared_prefix(query: str) -> tuple[str, int] | None:
    """The first prefix used but not declared in ``query``, and its line (strings, IRIs and comments skipped).

    >>> undeclared_prefix('PREFIX a: <x:>\\nSELECT * { ?s a:p "b:c" . ?s b:q ?o }')
    ('b', 2)
    >>> undeclared_prefix("SELECT * { ?s <http://x/p> ?o }") is None
    True
    """
    if len(query) > _LONGEST:
        return None
    plain = _SKIP.sub(_blank, query)
    declared = {m.group(1) or "" for m in _DECLARED.finditer(plain)}
    for match in _USED.finditer(plain):
        name = match.group(1) or ""
        before = plain[max(0, match.start() - 7):match.start()]
        if name.upper() in ("PREFIX", "BASE") or before.strip().upper().endswith("PREFIX"):
            continue
        if name not in declared:
            return name, plain.count("\n", 0, match.start()) + 1
    return None


def _expected(message: str) -> str:
    """The first few expected tokens of pyoxigraph's message (character classes left out)."""
    text = message.split("expected", 1)[1].strip() if "expected" in message else ""
    text = text[len("one of"):].strip() if text.startswith("one of") else text
    parts = [p.strip() for p in _PART.findall(text) if p.strip()]
    plain = [p for p in parts if not p.startswith("[")]
    shown = plain[:_MOST]
    more = " or more" if len(shown) < len(parts) else ""
    if not shown:
        return "the query cannot go on there"
    return ("expected one of " if len(parts) > 1 else "expected ") + ", ".join(shown) + more


def explain(query: str, message: str, line: int | None, column: int | None) -> str:
    """One sentence for a syntax error of ``query`` (see the module doc)."""
    missing = undeclared_prefix(query)
    if missing:
        name, at = missing
        iri = NAMESPACES.get(name)
        declare = f"PREFIX {name}: <{iri}>" if iri else f"PREFIX {name}: <...>"
        return f"The prefix {name}: (line {at}) is not declared: add {declare} at the top of the query."
    if line is None or column is None:
        return f"The query is not valid SPARQL: {_expected(message)}."
    lines = query.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    token = _TOKEN.match(text[column - 1:].lstrip())
    if token:
        return f"Unexpected '{token.group(0)}' at line {line}, column {column}: {_expected(message)}."
    before = text[:column - 1].strip()[-_CONTEXT:]
    where = "query" if line >= len(lines) or not "".join(lines[line:]).strip() else f"line {line}"
    return f"Unexpected end of {where} at line {line}, column {column} (after '{before}'): {_expected(message)}."
