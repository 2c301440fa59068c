"""SHACL validation of a built graph, with a report a curator can act on."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graph.errors import ValidationError
from ontology import ontology_graph, shapes_graph

__all__ = ["shacl_violations", "check_shacl"]

Origin = dict[str, tuple[str, int]]


def shacl_violations(data: Graph, *, origins: Origin | None = None) -> list[dict[str, str | None]]:
    """Validate ``data`` against the shapes (ontology mixed in); one dict per violation.

    Each dict has ``focus``, ``path``, ``message`` and, when the focus node came
    from an assertion file, ``file`` and ``line``.
    """
    from pyshacl import validate  # imported here: pyshacl is slow to import

    conforms, report, _text = validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none", allow_warnings=False,
    )
    if conforms:
        return []
    violations = []
    for result in sorted(report.subjects(SH.focusNode, None), key=str):
        # SPARQL checks run once per document: the offending node is then the sh:value
        value = report.value(result, SH.value)
        focus = value if isinstance(value, URIRef) and str(value) in (origins or {}) else report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        where = (origins or {}).get(str(focus))
        violations.append({
            "focus": str(focus),
            "path": str(path) if isinstance(path, URIRef) else None,
            "message": str(message) if message is not None else "constraint violated",
            "file": where[0] if where else None,
            "line": str(where[1]) if where else None,
        })
    violations.sort(key=lambda v: (v["file"] or "", int(v["line"] or 0), v["focus"], v["message"] or ""))
    return violations


def check_shacl(data: Graph, *, origins: Origin | None = None) -> None:
    """Raise :class:`ValidationError` listing every violation, or return quietly."""
    violations = shacl_violations(data, origins=origins)
    if not violations:
        return
    lines = []
    for v in violations:
        where = f"{v['file']}:{v['line']}: " if v["file"] else ""
        path = f" [{v['path']}]" if v["path"] else ""
        lines.append(f"{where}{v['focus']}{path}: {v['message']}")
    first = violations[0]
    raise ValidationError(
        f"SHACL validation failed with {len(violations)} violation(s):\n  " + "\n  ".join(lines),
        report=violations, file=first["file"], line=int(first["line"]) if first["line"] else None,
        hint="fix the assertions named above; nothing was written to the store",
    )
