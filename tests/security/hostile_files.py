"""Hostile RDF files: entity bombs, external entities, remote JSON-LD contexts, deep nesting.

Shared by ``test_parsers.py`` (refused, nothing loaded) and ``measure_parsers.py``
(time and memory of each refusal, for SECURITY.md).
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["hostile_files", "hostile_texts", "CANARY_PLACEHOLDER"]

CANARY_PLACEHOLDER = "http://127.0.0.1:9"
_RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/"'


def _laughs(levels: int = 9) -> str:
    """A billion-laughs entity set: 10**levels copies of a short string from a few hundred bytes."""
    entities = ['<!ENTITY l0 "lollollol!">']
    entities += [f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, levels + 1)]
    return "".join(entities)


def _root(value: str) -> str:
    return f'<rdf:RDF {_RDF}><rdf:Description rdf:about="http://ex/s"><ex:p>{value}</ex:p></rdf:Description></rdf:RDF>'


def hostile_texts(*, canary: str = CANARY_PLACEHOLDER) -> dict[str, str]:
    """Every hostile file: name -> text."""
    bomb = _laughs()
    return {
        "bomb-in-prolog.rdf": f'<?xml version="1.0"?>\n<!DOCTYPE r [{bomb}]>\n{_root("&l9;")}',
        # the DOCTYPE after the root element starts: quick-xml still honours it
        "bomb-after-root.rdf": _root("x").replace("<rdf:Description", f"<!DOCTYPE r [{bomb}]><rdf:Description", 1)
        .replace(">x<", ">&l9;<"),
        "external-file-entity.rdf": f'<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>{_root("&x;")}',
        "external-http-entity.rdf": f'<!DOCTYPE r [<!ENTITY x SYSTEM "{canary}/entity">]>{_root("&x;")}',
        "parameter-entity.rdf": f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{canary}/dtd"> %p;]>{_root("x")}',
        "lowercase-doctype.rdf": f'<!doctype r [{bomb}]>{_root("&l9;")}',
        "remote-context.jsonld": json.dumps({"@context": f"{canary}/context.jsonld", "@id": "http://ex/s",
                                             "name": "x"}),
        "remote-context-in-list.jsonld": json.dumps({"@context": [{"ex": "http://ex/"}, f"{canary}/c2"],
                                                     "@id": "http://ex/s", "ex:p": "x"}),
        "import-context.jsonld": json.dumps({"@context": {"@version": 1.1, "@import": f"{canary}/c3"},
                                             "@id": "http://ex/s"}),
        "scoped-remote-context.jsonld": json.dumps({"@context": {"ex": "http://ex/", "ex:p": {
            "@id": "http://ex/p", "@context": f"{canary}/c4"}}, "@id": "http://ex/s", "ex:p": {"ex:q": "x"}}),
        "file-context.jsonld": json.dumps({"@context": "file:///etc/passwd", "@id": "http://ex/s"}),
        "deep-nesting.jsonld": "[" * 100_000 + "]" * 100_000,
    }


def hostile_files(folder: Path, *, canary: str = CANARY_PLACEHOLDER) -> dict[str, Path]:
    """Write every hostile file into ``folder``; name -> path."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in hostile_texts(canary=canary).items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths
