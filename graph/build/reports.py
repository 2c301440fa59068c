"""Which source documents carry one report (the same wire copy run by several outlets).

Two documents are the same report when

- one declares it in its ``source.yaml``: ``same_report_as: other-source-id``, or
- both name the same agency (``agency:`` in the ``source.yaml`` of one, and in
  the other's ``source.yaml`` or text) and at least one relation they both state
  is quoted near-identically (similarity of the normalised quotes at least
  :data:`NEAR_IDENTICAL`).

The relation is closed (symmetric and transitive): the documents of one report
form a group, and each counts once as an independent source. Every document of
a group keeps the reasons (``basis``) of the links it takes part in.

>>> near_identical("President Mira Solen ordered the arrest of General Anton Dravic,",
...                "President Mira Solen has ordered the arrest of General Anton Dravic")
True
>>> near_identical("ordered the arrest", "denied that he had been arrested")
False
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from graph.build.assertions import Assertion, Curated
from graph.errors import AssertionFileError

__all__ = ["SameReports", "same_reports", "near_identical", "NEAR_IDENTICAL"]

NEAR_IDENTICAL = 0.9


@dataclass
class SameReports:
    """Groups of documents that are one report: source id -> the others of its group, and why."""

    partners: dict[str, set[str]] = field(default_factory=dict)
    basis: dict[str, list[str]] = field(default_factory=dict)

    def same(self, a: str, b: str) -> bool:
        return b in self.partners.get(a, set())


def _normal(quote: str) -> str:
    return re.sub(r"[^\w ]+", "", " ".join(quote.lower().split()))


def near_identical(a: str, b: str) -> bool:
    """Whether two quotes are the same copy (case, spacing and punctuation aside)."""
    return difflib.SequenceMatcher(None, _normal(a), _normal(b)).ratio() >= NEAR_IDENTICAL


def _edge(assertion: Assertion) -> tuple[object, ...]:
    return assertion.subject, assertion.relation.id, assertion.object, assertion.value, assertion.negated


def _agency(one: Curated, two: Curated) -> str | None:
    """The agency both documents name: declared in a source.yaml, declared or written in the other's text."""
    for first, second in ((one, two), (two, one)):
        agency = first.source.agency
        if agency and ((second.source.agency or "").casefold() == agency.casefold()
                       or agency.casefold() in second.source.text.casefold()):
            return agency
    return None


def _detected(one: Curated, two: Curated) -> str | None:
    agency = _agency(one, two)
    if agency is None:
        return None
    theirs: dict[tuple[object, ...], list[str]] = {}
    for assertion in two.assertions:
        theirs.setdefault(_edge(assertion), []).append(assertion.quote)
    pairs = sum(any(near_identical(a.quote, q) for q in theirs.get(_edge(a), [])) for a in one.assertions)
    if not pairs:
        return None
    return (f"detected: both name the agency {agency!r} and {pairs} relation(s) are quoted near-identically "
            f"(similarity >= {NEAR_IDENTICAL})")


def same_reports(curated: list[Curated]) -> SameReports:
    """The same-report groups of a corpus (declared and detected, see the module doc)."""
    ids = {item.source.id for item in curated}
    links: dict[frozenset[str], list[str]] = {}
    for item in curated:
        for other in item.source.same_report_as:
            if other not in ids or other == item.source.id:
                raise AssertionFileError(f"same_report_as names {other!r}, which is not another source of the corpus",
                                         file=str(item.source.folder / "source.yaml"), line=item.source.same_report_line,
                                         hint=f"use one of: {', '.join(sorted(ids - {item.source.id}))}")
            links.setdefault(frozenset((item.source.id, other)), []).append(
                f"declared: same_report_as {other} in the source.yaml of {item.source.id}")
    for n, one in enumerate(curated):
        for two in curated[n + 1:]:
            reason = _detected(one, two)
            if reason:
                links.setdefault(frozenset((one.source.id, two.source.id)), []).append(reason)
    group: dict[str, set[str]] = {}
    for pair in links:
        merged = set(pair).union(*(group.get(i, set()) for i in pair))
        for ident in merged:
            group[ident] = merged
    result = SameReports()
    for ident, members in sorted(group.items()):
        result.partners[ident] = members - {ident}
    for pair, reasons in sorted(links.items(), key=lambda kv: sorted(kv[0])):
        a, b = sorted(pair)
        for ident, other in ((a, b), (b, a)):
            result.basis.setdefault(ident, []).extend(f"with {other}: {r}" for r in reasons)
    return result
