"""A synthetic corpus with the shape of the real powergraph graph, at any size.

Actors (persons, organisations, media outlets, states, places, events, ...) with
``rdfs:label`` and ``skos:altLabel``, and qualified relations: for each relation a
statement node ``pge:st-N`` (``rdf:subject``/``rdf:predicate``/``rdf:object``,
``pg:status``, ``pg:voice``, ``pg:quote``, offsets, ``prov:wasDerivedFrom``,
``pg:time`` and sometimes ``pg:start``/``pg:end``) plus its truthy triple, unless
it is revised or retracted (then ``pg:rank pg:DeprecatedRank`` and no truthy
triple). The relation IRIs and their domains and ranges come from
``ontology/relations.ttl`` (read with rdflib through :mod:`ontology`). Everything
about a source lives in its named graph ``pgg:synthetic-N``.

Usage::

    python tests/benchmarks/synthetic.py --actors 20000 --relations 120000 -o corpus.nq

>>> import io
>>> buf = io.StringIO()
>>> counts = generate(buf, actors=30, relations=40, sources=3, seed=1)
>>> counts["relations"], counts["quads"] == buf.getvalue().count("\\n")
(40, True)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path
from typing import TextIO

__all__ = ["generate", "main"]

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from ontology import PG, PGE, PGG, PGS, relation_metadata  # noqa: E402

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"

#: actor classes and their share of the actors
_KINDS: list[tuple[str, float]] = [
    ("Person", 0.55),
    ("Organisation", 0.06),
    ("PublicBody", 0.06),
    ("SecurityService", 0.02),
    ("MilitaryAlliance", 0.01),
    ("MediaOutlet", 0.05),
    ("ArmedForce", 0.03),
    ("State", 0.02),
    ("CollectiveActor", 0.06),
    ("Place", 0.08),
    ("Event", 0.06),
]
_ACTOR_KINDS = {k for k, _ in _KINDS} - {"Place", "Event"}
_ORG_KINDS = {"Organisation", "PublicBody", "SecurityService", "MilitaryAlliance", "MediaOutlet"}

#: statuses and their share of the relations: (status, voice, deprecated)
_STATUSES: list[tuple[str, float]] = [
    ("ReportedFact", 0.78),
    ("AttributedClaim", 0.17),
    ("Revised", 0.03),
    ("Retracted", 0.02),
]

_SYLLABLES = ["ka", "ra", "to", "ma", "si", "nur", "as", "ta", "ba", "yev", "ov", "al", "ma", "ty", "ze", "ken", "sul", "tan", "er", "bo"]
_WORDS = ["the", "president", "said", "after", "protests", "council", "arrested", "security", "chief",
          "officials", "reported", "forces", "capital", "according", "sources", "city", "claimed", "troops"]


def _iri(value: str) -> str:
    return f"<{value}>"


def _name(rng: random.Random) -> str:
    parts = [rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))]
    return "".join(parts).capitalize()


def _pools(kinds: list[str]) -> dict[str, list[int]]:
    """Actor indices by ontology class (including superclasses used as domain or range)."""
    pools: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        names = {kind}
        if kind in _ACTOR_KINDS:
            names.add("Actor")
        if kind in _ORG_KINDS:
            names.add("Organisation")
        for name in names:
            pools.setdefault(name, []).append(index)
    return pools


def _pick(rng: random.Random, pool: list[int]) -> int:
    """A skewed choice: a few hubs, a long tail (like a real network)."""
    return pool[int(len(pool) * rng.random() ** 2.5)]


def generate(
    out: TextIO,
    *,
    actors: int = 20_000,
    relations: int = 120_000,
    sources: int = 50,
    seed: int = 0,
) -> dict[str, int]:
    """Write the corpus to ``out`` as N-Quads; return counts (actors, relations, quads)."""
    rng = random.Random(seed)
    t = {name: _iri(base + name) for base, names in (
        (RDF, ["type", "subject", "predicate", "object"]), (RDFS, ["label"]), (SKOS, ["altLabel"]),
        (PROV, ["wasDerivedFrom"]), (DCTERMS, ["title"]),
    ) for name in names}
    pg = {name: _iri(str(PG[name])) for name in [
        "Statement", "SourceDocument", "status", "rank", "DeprecatedRank", "voice", "ReporterVoice", "ActorVoice",
        "claimant", "quote", "quoteStart", "quoteEnd", "time", "start", "end", "statusReason",
        *[s for s, _ in _STATUSES], *[k for k, _ in _KINDS]]}
    graphs = [_iri(str(PGG[f"synthetic-{i}"])) for i in range(sources)]
    source_iris = [_iri(str(PGS[f"synthetic-{i}"])) for i in range(sources)]
    date_type = f"^^<{XSD}date>"
    int_type = f"^^<{XSD}nonNegativeInteger>"
    lines: list[str] = []
    write = out.write
    quads = 0

    def flush() -> None:
        nonlocal quads
        quads += len(lines)
        write("".join(lines))
        lines.clear()

    for i in range(sources):
        g = graphs[i]
        lines.append(f"{source_iris[i]} {t['type']} {pg['SourceDocument']} {g} .\n")
        lines.append(f"{source_iris[i]} {t['title']} \"Synthetic report {i}\"@en {g} .\n")

    kinds = rng.choices([k for k, _ in _KINDS], weights=[w for _, w in _KINDS], k=actors)
    actor_iris = [_iri(str(PGE[f"actor-{i}"])) for i in range(actors)]
    for i, kind in enumerate(kinds):
        g = graphs[i % sources]
        a = actor_iris[i]
        lines.append(f"{a} {t['type']} {pg[kind]} {g} .\n")
        lines.append(f"{a} {t['label']} \"{_name(rng)} {_name(rng)}\"@en {g} .\n")
        if rng.random() < 0.5:
            lines.append(f"{a} {t['altLabel']} \"{_name(rng)}\"@en {g} .\n")
    flush()

    pools = _pools(kinds)
    usable = [r for r in relation_metadata().values()
              if not r.is_figure and r.domain is not None and r.range is not None
              and str(r.domain)[len(str(PG)):] in pools and str(r.range)[len(str(PG)):] in pools]
    rel_iris = [_iri(str(r.iri)) for r in usable]
    domains = [pools[str(r.domain)[len(str(PG)):]] for r in usable]
    ranges = [pools[str(r.range)[len(str(PG)):]] for r in usable]
    status_names = [s for s, _ in _STATUSES]
    status_weights = [w for _, w in _STATUSES]
    day0 = dt.date(2019, 1, 1).toordinal()
    span = dt.date(2022, 12, 31).toordinal() - day0

    for n in range(relations):
        g_index = rng.randrange(sources)
        g = graphs[g_index]
        r = rng.randrange(len(usable))
        s = actor_iris[_pick(rng, domains[r])]
        o = actor_iris[_pick(rng, ranges[r])]
        p = rel_iris[r]
        st = _iri(f"{PGE}st-{n}")
        status = rng.choices(status_names, weights=status_weights)[0]
        words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 16)))
        start = rng.randrange(20_000)
        day = dt.date.fromordinal(day0 + rng.randrange(span + 1))
        lines.append(f"{st} {t['type']} {pg['Statement']} {g} .\n")
        lines.append(f"{st} {t['subject']} {s} {g} .\n")
        lines.append(f"{st} {t['predicate']} {p} {g} .\n")
        lines.append(f"{st} {t['object']} {o} {g} .\n")
        lines.append(f"{st} {pg['status']} {pg[status]} {g} .\n")
        if status == "AttributedClaim":
            lines.append(f"{st} {pg['voice']} {pg['ActorVoice']} {g} .\n")
            lines.append(f"{st} {pg['claimant']} {actor_iris[_pick(rng, pools['Actor'])]} {g} .\n")
        else:
            lines.append(f"{st} {pg['voice']} {pg['ReporterVoice']} {g} .\n")
        lines.append(f"{st} {pg['quote']} \"{words.capitalize()}.\"@en {g} .\n")
        lines.append(f"{st} {pg['quoteStart']} \"{start}\"{int_type} {g} .\n")
        lines.append(f"{st} {pg['quoteEnd']} \"{start + len(words) + 1}\"{int_type} {g} .\n")
        lines.append(f"{st} {t['wasDerivedFrom']} {source_iris[g_index]} {g} .\n")
        lines.append(f"{st} {pg['time']} \"{day.isoformat()}\"{date_type} {g} .\n")
        if rng.random() < 0.3:
            end = dt.date.fromordinal(min(day.toordinal() + rng.randrange(1, 400), day0 + span))
            lines.append(f"{st} {pg['start']} \"{day.isoformat()}\"{date_type} {g} .\n")
            lines.append(f"{st} {pg['end']} \"{end.isoformat()}\"{date_type} {g} .\n")
        if status in ("Revised", "Retracted"):
            lines.append(f"{st} {pg['rank']} {pg['DeprecatedRank']} {g} .\n")
            lines.append(f"{st} {pg['statusReason']} \"figure {status.lower()} by a later report\"@en {g} .\n")
        else:
            lines.append(f"{s} {p} {o} {g} .\n")
        if len(lines) > 50_000:
            flush()
    flush()
    return {"actors": actors, "relations": relations, "sources": sources, "quads": quads}


def main(argv: list[str] | None = None) -> int:
    """Command line: write a corpus and print its counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--actors", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=120_000)
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, required=True, help="N-Quads file to write")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    with args.output.open("w", encoding="utf-8", buffering=1 << 20) as out:
        counts = generate(out, actors=args.actors, relations=args.relations, sources=args.sources, seed=args.seed)
    elapsed = time.perf_counter() - began
    print(f"{counts['quads']:,} quads ({counts['actors']:,} actors, {counts['relations']:,} relations, "
          f"{counts['sources']} graphs) -> {args.output} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
