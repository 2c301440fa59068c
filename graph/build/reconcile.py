"""Statements of different sources about the same thing: corroboration, conflicts, status changes.

Two statements of different sources *of the same edge* (subject, relation,
object or value) corroborate each other unless they conflict:

- ``polarity``: one is negated, the other not;
- ``time``: both have times and the day intervals do not overlap;
- ``figure``: both have a count and the counts differ;
- ``status``: one is revised or retracted, the other is not. When the revising
  source is not earlier than the other, the other statement takes its status
  (ranked down, out of the truthy layer) with a reason naming the source.

Statements of a figure (a death toll) *of the same subject and place* with
different values conflict too (``figure``), unless one of them is itself
revised or retracted. Statements within one source are the curator's business
and are never compared. Nothing is merged: conflicts are links between statements.

>>> kinds = [kind for kind in KINDS]; kinds
['corroborates', 'polarity', 'figure', 'time', 'status']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from graph.build.assertions import Assertion, Curated

__all__ = ["Link", "StatusChange", "Reconciled", "reconcile", "KINDS"]

KINDS = ("corroborates", "polarity", "figure", "time", "status")
_DEPRECATED = {"revised", "retracted"}


@dataclass(frozen=True)
class Link:
    """A relation between the statements of two sources: ``later`` is from the later source."""

    kind: str
    later: Assertion
    earlier: Assertion
    note: str


@dataclass(frozen=True)
class StatusChange:
    """A statement ranked down by a later source's statement ``by``."""

    status: str
    reason: str
    by: str
    original: str


@dataclass
class Reconciled:
    links: list[Link] = field(default_factory=list)
    changes: dict[str, StatusChange] = field(default_factory=dict)

    @property
    def conflicts(self) -> list[Link]:
        return [link for link in self.links if link.kind != "corroborates"]


def _what(a: Assertion) -> str:
    return f"{a.subject} {'not ' if a.negated else ''}{a.relation.id} {a.object or a.value}"


def _disjoint(a: Assertion, b: Assertion) -> bool:
    if a.time is None or b.time is None:
        return False
    return bool((a.time.end and b.time.start and a.time.end < b.time.start)
                or (b.time.end and a.time.start and b.time.end < a.time.start))


def _span(a: Assertion) -> str:
    if a.time is None:
        return "no time"
    return f"{a.time.start or '..'} to {a.time.end or '..'}"


def _count(a: Assertion) -> str:
    return f"{a.count_qualifier + ' ' if a.count_qualifier else ''}{a.count}"


def _pairs(items: list[tuple[tuple[object, ...], Curated, Assertion]]) -> Iterator[tuple[Curated, Assertion, Curated, Assertion]]:
    """Every pair from different sources, the later (by publication date, then source id) first."""
    for n, (key_a, src_a, a) in enumerate(items):
        for key_b, src_b, b in items[n + 1:]:
            if src_a.source.id != src_b.source.id:
                if key_a < key_b:
                    yield src_b, b, src_a, a
                else:
                    yield src_a, a, src_b, b


def _edge_link(later_src: Curated, a: Assertion, earlier_src: Curated, b: Assertion,
               result: Reconciled) -> Link | None:
    dep_a, dep_b = a.status in _DEPRECATED, b.status in _DEPRECATED
    if dep_a and dep_b:
        return None
    if dep_a or dep_b:
        if a.negated != b.negated:
            return None
        reviser, reported = (a, b) if dep_a else (b, a)
        reviser_src = later_src if dep_a else earlier_src
        note = (f"{reported.id} reports {_what(reported)} as {reported.status}; {reviser.id} "
                f"({reviser_src.source.id}, {reviser_src.source.published}) says it was {reviser.status}")
        if dep_a and reported.id not in result.changes:  # the reviser is not the earlier source
            source = reviser_src.source
            reason = (f"{reviser.status.capitalize()} according to a later source, {source.title!r} "
                      f"({source.id}, {source.published}): {' '.join(str(reviser.reason).split())}")
            result.changes[reported.id] = StatusChange(reviser.status, reason, reviser.id, reported.status)
        return Link("status", a, b, note)
    if a.negated != b.negated:
        return Link("polarity", a, b, f"{a.id} says {_what(a)}; {b.id} says {_what(b)}")
    if _disjoint(a, b):
        return Link("time", a, b, f"{_what(a)}: {_span(a)} ({a.id}) against {_span(b)} ({b.id})")
    if a.count is not None and b.count is not None and a.count != b.count:
        return Link("figure", a, b, f"{_what(a)}: {_count(a)} ({a.id}) against {_count(b)} ({b.id})")
    return Link("corroborates", a, b, f"{a.id} and {b.id} both state {_what(a)}")


def reconcile(curated: list[Curated]) -> Reconciled:
    """The links between the statements of different sources, and the status changes they make."""
    result = Reconciled()
    edges: dict[tuple[object, ...], list[tuple[tuple[object, ...], Curated, Assertion]]] = {}
    figures: dict[tuple[object, ...], list[tuple[tuple[object, ...], Curated, Assertion]]] = {}
    for item in curated:
        for a in item.assertions:
            order = (item.source.published, item.source.id, a.line)
            edges.setdefault((a.subject, a.relation.id, a.object, str(a.value)), []).append((order, item, a))
            if a.relation.is_figure and a.status not in _DEPRECATED:
                figures.setdefault((a.subject, a.relation.id, a.place, a.negated), []).append((order, item, a))
    for key in sorted(edges, key=str):
        for later_src, a, earlier_src, b in _pairs(edges[key]):
            link = _edge_link(later_src, a, earlier_src, b, result)
            if link:
                result.links.append(link)
    for key in sorted(figures, key=str):
        for _later, a, _earlier, b in _pairs(figures[key]):
            if a.value != b.value:
                result.links.append(Link("figure", a, b, f"{a.subject} {a.relation.id}: {a.value} ({a.id}) "
                                                         f"against {b.value} ({b.id})"))
    return result
