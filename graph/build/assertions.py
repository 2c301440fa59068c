"""Read and check an assertion file: actors and qualified assertions, each with its line.

Everything that can be checked without building RDF is checked here, with the
file and line of the mistake and a hint on how to fix it: unknown keys,
unknown actors, relations and statuses, quotes that are not in the text,
malformed dates.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from graph.build.corpus import Source
from graph.build.timeexpr import TimeSpan, resolve_time
from graph.build.yamlfile import LineDict, read_yaml
from graph.errors import AssertionFileError
from ontology import PG, Relation, ontology_graph, relation_metadata

__all__ = ["Actor", "Assertion", "Curated", "read_actors", "declared_actors", "read_assertions", "STATUSES"]

#: the status words of the assertion format and the ontology's status they stand for
STATUSES: dict[str, URIRef] = {
    "reported": PG.ReportedFact,
    "attributed": PG.AttributedClaim,
    "disputed": PG.Disputed,
    "inferred": PG.Inferred,
    "revised": PG.Revised,
    "retracted": PG.Retracted,
}
_NEEDS_REASON = {"disputed", "inferred", "revised", "retracted"}
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_ACTOR_KEYS = {"type", "label", "aliases", "note"}
_ASSERTION_KEYS = {
    "id", "subject", "relation", "object", "value", "quote", "occurrence", "status", "claimant", "reason",
    "when", "count", "count_qualifier", "place", "negated", "agent_inferred", "uncertain", "reading",
}


@dataclass(frozen=True)
class Actor:
    """An actor, place or event declared in an assertion file."""

    id: str
    type: URIRef
    label: str
    aliases: tuple[str, ...]
    note: str | None
    file: str
    line: int


@dataclass(frozen=True)
class Assertion:
    """One curated assertion, checked, with its quote located in the source text."""

    id: str
    subject: str
    relation: Relation
    object: str | None
    value: int | str | None
    quote: str
    quote_start: int
    quote_end: int
    status: str
    claimant: str | None
    reason: str | None
    time: TimeSpan | None
    count: int | None
    count_qualifier: str | None
    place: str | None
    negated: bool
    agent_inferred: bool
    uncertain: bool
    reading: str | None
    file: str
    line: int

    @property
    def truthy(self) -> bool:
        """Whether the statement also appears as a plain triple (current and not negated)."""
        return self.status not in ("revised", "retracted") and not self.negated


@dataclass
class Curated:
    """The checked content of one assertion file."""

    source: Source
    actors: dict[str, Actor] = field(default_factory=dict)
    assertions: list[Assertion] = field(default_factory=list)


def _classes() -> dict[str, URIRef]:
    graph = ontology_graph()
    return {
        str(cls)[len(str(PG)):]: cls
        for cls in graph.subjects(RDF.type, OWL.Class)
        if isinstance(cls, URIRef) and str(cls).startswith(str(PG))
    }


def _fail(message: str, where: LineDict, key: str | None = None, hint: str | None = None) -> AssertionFileError:
    return AssertionFileError(message, file=where.file, line=where.line_of(key) if key else where.line, hint=hint)


def _read_actors(raw: Any, file: str) -> dict[str, Actor]:
    if not isinstance(raw, LineDict):
        raise AssertionFileError("'actors' must be a mapping of id -> {type, label, ...}", file=file)
    classes = _classes()
    actors: dict[str, Actor] = {}
    for actor_id, spec in raw.items():
        if not isinstance(spec, LineDict):
            raise _fail(f"actor {actor_id!r} must be a mapping with type and label", raw, actor_id)
        if not _ID.fullmatch(str(actor_id)):
            raise _fail(f"bad actor id {actor_id!r}", raw, actor_id, "use lower-case letters, digits and hyphens")
        unknown = set(spec) - _ACTOR_KEYS
        if unknown:
            raise _fail(f"unknown key(s) {sorted(unknown)} in actor {actor_id!r}", spec, sorted(unknown)[0],
                        f"allowed: {', '.join(sorted(_ACTOR_KEYS))}")
        type_name = str(spec.get("type", ""))
        if type_name not in classes:
            raise _fail(f"actor {actor_id!r} has unknown type {type_name!r}", spec, "type",
                        f"use a class of the ontology: {', '.join(sorted(classes))}")
        if not spec.get("label"):
            raise _fail(f"actor {actor_id!r} has no label", spec, hint="add 'label: ...'")
        aliases = spec.get("aliases") or []
        if not isinstance(aliases, list):
            raise _fail("'aliases' must be a list", spec, "aliases", "write aliases: [A, B]")
        actors[str(actor_id)] = Actor(str(actor_id), classes[type_name], str(spec["label"]),
                                      tuple(str(a) for a in aliases), spec.get("note"), file, spec.line)
    return actors


def _nearest_passage(quote: str, text: str) -> str | None:
    """The passage of ``text`` (same number of words) most similar to ``quote``."""
    words = text.split()
    size = max(1, len(quote.split()))
    windows = [" ".join(words[i:i + size]) for i in range(0, max(1, len(words) - size + 1))]
    found = difflib.get_close_matches(quote, windows, n=1, cutoff=0.6)
    return found[0] if found else None


def _locate(quote: str, text: str, occurrence: int, item: LineDict) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        hint = "copy the words verbatim from the article (same spelling, punctuation and spacing)"
        nearest = _nearest_passage(quote, text)
        if nearest:
            hint += f"; the closest passage is {nearest!r}"
        raise _fail(f"quote not found in the source text: {quote!r}", item, "quote", hint)
    if len(starts) > 1 and occurrence == 0:
        raise _fail(f"quote occurs {len(starts)} times in the source text", item, "quote",
                    f"add 'occurrence: N' (1..{len(starts)}) or quote more words")
    index = (occurrence or 1) - 1
    if index >= len(starts):
        raise _fail(f"occurrence {occurrence} but the quote occurs {len(starts)} time(s)", item, "occurrence")
    return starts[index], starts[index] + len(quote)


def _read_assertion(item: Any, source: Source, actors: dict[str, Actor], file: str) -> Assertion:
    if not isinstance(item, LineDict):
        raise AssertionFileError("each assertion must be a mapping", file=file)
    unknown = set(item) - _ASSERTION_KEYS
    if unknown:
        raise _fail(f"unknown key(s) {sorted(unknown)}", item, sorted(unknown)[0],
                    f"allowed: {', '.join(sorted(_ASSERTION_KEYS))}")
    for key in ("id", "subject", "relation", "quote", "status"):
        if item.get(key) in (None, ""):
            raise _fail(f"assertion is missing {key!r}", item, hint=f"add '{key}: ...'")
    assertion_id = str(item["id"])
    if not _ID.fullmatch(assertion_id):
        raise _fail(f"bad assertion id {assertion_id!r}", item, "id", "use lower-case letters, digits and hyphens")
    relations = {r.id: r for r in relation_metadata().values()}
    relation = relations.get(str(item["relation"]))
    if relation is None:
        raise _fail(f"unknown relation {item['relation']!r}", item, "relation",
                    f"use a relation of the ontology: {', '.join(sorted(relations))}")

    def actor_ref(key: str) -> str | None:
        value = item.get(key)
        if value is None:
            return None
        if str(value) not in actors:
            raise _fail(f"unknown actor {value!r} in {key!r}", item, key, "declare it under 'actors:' first")
        return str(value)

    subject, obj, claimant, place = (actor_ref(k) for k in ("subject", "object", "claimant", "place"))
    value = item.get("value")
    if relation.is_figure:
        if value is None or obj is not None:
            raise _fail(f"{relation.id!r} is a figure: give 'value:', not 'object:'", item, "relation")
    elif obj is None or value is not None:
        raise _fail(f"{relation.id!r} relates two actors: give 'object:', not 'value:'", item, "relation")
    status = str(item["status"])
    if status not in STATUSES:
        raise _fail(f"unknown status {status!r}", item, "status", f"use one of: {', '.join(STATUSES)}")
    if status == "attributed" and not claimant:
        raise _fail("an attributed claim needs a 'claimant'", item, "status", "name the actor who makes the claim")
    if status in _NEEDS_REASON and not item.get("reason"):
        raise _fail(f"status {status!r} needs a 'reason'", item, "status", "say why, quoting the article if you can")
    for flag, note in (("agent_inferred", "reading"), ("uncertain", "reading")):
        if item.get(flag) and not item.get(note):
            raise _fail(f"'{flag}: true' needs a 'reading' note", item, flag, "say how the passage was read")
    time = None
    if item.get("when") is not None:
        try:
            time = resolve_time(item["when"], published=source.published)
        except ValueError as err:
            raise _fail(f"malformed date: {err}", item, "when") from None
    count = item.get("count", value if isinstance(value, int) else None)
    if count is not None and not isinstance(count, int):
        raise _fail(f"'count' must be a whole number, not {count!r}", item, "count")
    quote = str(item["quote"])
    start, end = _locate(quote, source.text, int(item.get("occurrence") or 0), item)
    return Assertion(
        id=assertion_id, subject=subject or "", relation=relation, object=obj, value=value, quote=quote,
        quote_start=start, quote_end=end, status=status, claimant=claimant, reason=item.get("reason"),
        time=time, count=count, count_qualifier=item.get("count_qualifier"), place=place,
        negated=bool(item.get("negated")), agent_inferred=bool(item.get("agent_inferred")),
        uncertain=bool(item.get("uncertain")), reading=item.get("reading"), file=file, line=item.line,
    )


def _read_file(source: Source) -> tuple[LineDict, str]:
    path = source.assertions_file
    name = str(path.relative_to(path.parents[3])) if len(path.parents) > 3 else str(path)
    raw = read_yaml(path, display_name=name)
    if not isinstance(raw, LineDict):
        raise AssertionFileError("expected a mapping with 'actors' and 'assertions'", file=name, line=1)
    unknown = set(raw) - {"actors", "assertions"}
    if unknown:
        raise _fail(f"unknown top-level key(s) {sorted(unknown)}", raw, sorted(unknown)[0],
                    "the file has two sections: actors and assertions")
    return raw, name


def read_actors(source: Source) -> dict[str, Actor]:
    """Only the actors declared in ``source.assertions_file``."""
    raw, name = _read_file(source)
    return _read_actors(raw.get("actors") or LineDict(), name)


def declared_actors(sources: list[Source]) -> dict[str, Actor]:
    """Every actor declared in the sources' assertion files, by id; the first declaration wins."""
    known: dict[str, Actor] = {}
    for source in sources:
        for actor_id, actor in read_actors(source).items():
            known.setdefault(actor_id, actor)
    return known


def read_assertions(source: Source, *, known_actors: dict[str, Actor] | None = None) -> Curated:
    """Read and check ``source.assertions_file``; actors declared in other sources may be referred to."""
    raw, name = _read_file(source)
    curated = Curated(source=source)
    curated.actors = _read_actors(raw.get("actors") or LineDict(), name)
    everyone = {**(known_actors or {}), **curated.actors}
    items = raw.get("assertions") or []
    if not isinstance(items, list):
        raise _fail("'assertions' must be a list", raw, "assertions", "start each assertion with '- id: ...'")
    seen: dict[str, int] = {}
    for item in items:
        assertion = _read_assertion(item, source, everyone, name)
        if assertion.id in seen:
            raise AssertionFileError(f"duplicate assertion id {assertion.id!r} (first on line {seen[assertion.id]})",
                                     file=name, line=assertion.line, hint="ids must be unique")
        seen[assertion.id] = assertion.line
        curated.assertions.append(assertion)
    return curated
