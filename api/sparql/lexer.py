"""A tokenizer of the SPARQL 1.1 grammar's terminals, read the way Oxigraph's parser reads them.

The checks in front of the engine (:mod:`api.sparql.scan`) are only as good as their
tokens. This lexer follows the grammar's terminals (section 19.8 of SPARQL 1.1 Query):
``IRIREF`` (with ``\\u`` escapes), prefixed names (``PN_PREFIX``, ``PN_LOCAL`` with ``%xx``
and ``\\``-escapes), blank node labels, variables (``?`` and ``$``), ``LANGTAG``, numbers,
strings in all four quote forms with their escapes, comments, and punctuation. What
Oxigraph does differently from a naive lexer, measured against it (``tests/security``):

- a comment ends at ``\\n`` *or* ``\\r``; whitespace is only space, tab, ``\\r``, ``\\n``;
- keywords have no boundary: ``true.SERVICE`` is ``true``, ``.``, ``SERVICE``, and even
  ``trueSERVICE``, ``1SERVICE``, ``SERVICESILENT`` or ``SERVICEex:a`` reach the keyword.
  So a *word* is a run of ASCII letters and digits (keywords and function names), and the
  checks look for a keyword anywhere inside a word or a prefix;
- ``<`` is an IRI or the less-than operator, as the parser's context decides. :func:`lex`
  reads it one way or the other (``lt_operator``); the checks lex both ways and join
  what they find, so they cannot disagree with the engine by choosing the wrong one.

>>> [t.text for t in lex("SELECT*{?s ?p true.SERVICE<http://x/>{}}")]
['SELECT', '*', '{', '?s', '?p', 'true', '.', 'SERVICE', '<http://x/>', '{', '}', '}']
>>> [t.kind for t in lex("#c\\rASK { _:b ex:a.b 'it''s' 1.5e3 ?x } # end")]
['word', 'punct', 'bnode', 'pname', 'string', 'string', 'number', 'var', 'punct']
>>> [t.text for t in lex("FILTER(1<2)SERVICE#x>", lt_operator=True)]
['FILTER', '(', '1', '<', '2', ')', 'SERVICE']
>>> [t.text for t in lex("FILTER(1<2)SERVICE#x>")]
['FILTER', '(', '1', '<2)SERVICE#x>']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Token", "lex", "OPERAND_KINDS"]

_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
         "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"

_WS = re.compile(r"[ \t\r\n]+")
_COMMENT = re.compile(r"#[^\r\n]*")
_IRI = re.compile(r'<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>')
_STRINGS = {
    "'": re.compile(r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|'(?:[^'\\\n\r]|\\.)*'", re.DOTALL),
    '"': re.compile(r'"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""|"(?:[^"\\\n\r]|\\.)*"', re.DOTALL),
}
_VAR = re.compile(rf"[?$][{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
_BNODE = re.compile(rf"_:[{_CHARS_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?")
_NAME_START = re.compile(rf"[{_BASE}]")
_RUN = re.compile(rf"[{_BASE}][{_CHARS}.]*")  # a prefix candidate (checked for a trailing '.' and a ':')
_LOCAL = re.compile(rf"(?:[{_CHARS_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_LANGTAG = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*")
_NUMBER = re.compile(r"[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+")
_PUNCT2 = ("||", "&&", "^^", "!=", "<=", ">=", "<<", ">>", "{|", "|}")

#: token kinds after which ``<`` may be the less-than operator (with ``true``/``false``, ``)``, ``]``)
OPERAND_KINDS = frozenset({"iri", "string", "var", "bnode", "pname", "number", "langtag"})


@dataclass(frozen=True, slots=True)
class Token:
    """One terminal: its kind, its text and where it starts in the query."""

    kind: str
    text: str
    start: int


def _operand(token: Token | None) -> bool:
    if token is None:
        return False
    if token.kind in OPERAND_KINDS:
        return True
    return token.text in (")", "]") or (token.kind == "word" and token.text.lower() in ("true", "false"))


def _name(text: str, pos: int, plain_until: int) -> tuple[Token, int]:
    """A prefixed name, or else a word (keywords, function names, ``a``) or one character.

    ``plain_until``: the run of name characters from an earlier position was no prefix; no
    later start inside it can be one either (same end, same next character), so it is not
    scanned again: lexing stays linear on ``a.a.a.a...``.
    """
    if text[pos] == ":":
        local = _LOCAL.match(text, pos + 1)
        return Token("pname", text[pos:local.end() if local else pos + 1], pos), plain_until
    run = _RUN.match(text, pos) if pos >= plain_until else None
    if run is not None:
        stop = run.end()
        if text.startswith(":", stop) and text[stop - 1] != ".":
            local = _LOCAL.match(text, stop + 1)
            return Token("pname", text[pos:local.end() if local else stop + 1], pos), plain_until
        plain_until = stop
    word = _WORD.match(text, pos)
    return Token("word", word.group(), pos) if word else Token("punct", text[pos], pos), plain_until


def _other(text: str, pos: int, char: str, previous: Token | None, lt_operator: bool) -> Token | None:
    """The terminal that starts with ``char`` when it is not a name (None: no terminal matches)."""
    pattern, kind = None, ""
    if char == "<" and not text.startswith("<<", pos) and not (lt_operator and _operand(previous)):
        pattern, kind = _IRI, "iri"
    elif char in _STRINGS:
        pattern, kind = _STRINGS[char], "string"
    elif char in "?$":
        pattern, kind = _VAR, "var"
    elif char == "_":
        pattern, kind = _BNODE, "bnode"
    elif char == "@":
        pattern, kind = _LANGTAG, "langtag"
    elif char.isdigit() or (char == "." and text[pos + 1:pos + 2].isdigit()):
        pattern, kind = _NUMBER, "number"
    match = pattern.match(text, pos) if pattern is not None else None
    return Token(kind, match.group(), pos) if match else None


def lex(text: str, *, lt_operator: bool = False) -> Iterator[Token]:
    """The tokens of ``text`` (whitespace and comments dropped), in order; never fails.

    With ``lt_operator``, ``<`` right after an operand is read as less-than, not as an IRI.
    Text the grammar has no terminal for comes out as one-character ``punct`` tokens.
    """
    pos, end = 0, len(text)
    previous: Token | None = None
    plain_until = -1
    while pos < end:
        char = text[pos]
        if char in " \t\r\n":
            pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
            continue
        if char == "#":
            pos = _COMMENT.match(text, pos).end()  # type: ignore[union-attr]
            continue
        token = _other(text, pos, char, previous, lt_operator)
        if token is None:
            if char == ":" or _NAME_START.match(char):
                token, plain_until = _name(text, pos, plain_until)
            else:
                two = text[pos:pos + 2]
                token = Token("punct", two if two in _PUNCT2 else char, pos)
        pos += len(token.text)
        previous = token
        yield token
