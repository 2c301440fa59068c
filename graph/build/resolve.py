"""Entity resolution across sources: actors that are likely one, with the evidence for each pair.

Names are compared after normalisation (accents, case, punctuation and titles
such as "General" or "President" dropped). A pair of actors of compatible types
(the same class, or one a subclass of the other) is proposed when

- a name of one equals a name of the other ("same name");
- one name is the initials of the other ("acronym": SSB / State Security Bureau);
- for persons, the last names are alike and the first names alike or absent
  ("similar names": Karim Massimov / Masimov, Anton Dravic / Antun Dravitch);
- for others, the whole names are alike ("similar names");
- they share two or more ties: the same relation with the same third actor, in the
  same direction ("shared ties": both headed by Masimov, both arrested by the state).
  A shared tie is also listed as supporting evidence of a name match. It is what
  finds an acronym of another language (KNB, for the Russian name, beside "National
  Security Committee"), which no comparison of names can.

Pairs already judged (same or not the same, ``judgements.yaml``) are never
proposed; nothing is merged here: the curator decides (``powergraph judge``).

>>> from graph.build.assertions import Actor
>>> from ontology import PG
>>> def person(ident, label, *aliases):
...     return Actor(ident, PG.Person, label, aliases, None, "x.yaml", 1)
>>> actors = {"masimov": person("masimov", "Karim Massimov"), "masimov-2": person("masimov-2", "Masimov"),
...           "tokayev": person("tokayev", "Kassym-Jomart Tokayev")}
>>> [(d["a"], d["b"], d["evidence"]) for d in likely_duplicates(actors)]
[('masimov', 'masimov-2', ["similar names: 'karim massimov' / 'masimov' (last names 0.93)"])]
>>> likely_duplicates(actors, judged={frozenset(("masimov", "masimov-2")): "not-same"})
[]
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

from rdflib import URIRef
from rdflib.namespace import RDFS

from graph.build.assertions import Actor, Assertion, declared_actors, read_assertions
from graph.build.corpus import read_corpus
from graph.build.judgements import judged_pairs, merges, read_judgements
from ontology import PG, ontology_graph

__all__ = ["likely_duplicates", "corpus_duplicates", "corpus_actors", "actor_ties", "Tie", "normal_name", "initials"]

_TITLES = {"general", "president", "minister", "interior", "foreign", "prime", "mr", "mrs", "ms", "dr", "former",
           "chief", "the", "head", "of", "gen", "col", "colonel", "senator", "judge"}
_SMALL = {"of", "the", "for", "and", "on", "in"}
_SIMILAR = 0.8


def normal_name(name: str) -> str:
    """A name without accents, case, punctuation and titles.

    >>> normal_name("General Antun Dravić"), normal_name("the KNB")
    ('antun dravic', 'knb')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    words = re.sub(r"[^\w\s-]+", " ", text).replace("-", " ").split()
    kept = [w for w in words if w not in _TITLES]
    return " ".join(kept or words)


def initials(name: str) -> str | None:
    """The initials of a name of two or more words, small words left out (None for one word).

    >>> initials("Collective Security Treaty Organization"), initials("National Security Committee")
    ('csto', 'nsc')
    """
    words = [w for w in re.sub(r"[^\w\s]+", " ", name.lower()).split() if w not in _SMALL]
    return "".join(w[0] for w in words) if len(words) >= 2 else None


@lru_cache(maxsize=256)
def _ancestors(cls: URIRef) -> frozenset[URIRef]:
    return frozenset(c for c in ontology_graph().transitive_objects(cls, RDFS.subClassOf) if isinstance(c, URIRef))


def _compatible(a: URIRef, b: URIRef) -> bool:
    return a in _ancestors(b) or b in _ancestors(a)


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _person_evidence(x: str, y: str) -> str | None:
    xs, ys = x.split(), y.split()
    last = _ratio(xs[-1], ys[-1])
    if last < _SIMILAR:
        return None
    if len(xs) > 1 and len(ys) > 1 and _ratio(xs[0], ys[0]) < 0.6:
        return None
    return f"similar names: {x!r} / {y!r} (last names {last:.2f})"


def _evidence(a: Actor, b: Actor) -> list[str]:
    names_a = {normal_name(n): n for n in (a.label, *a.aliases)}
    names_b = {normal_name(n): n for n in (b.label, *b.aliases)}
    found: list[str] = []
    for x, y in sorted((x, y) for x in names_a for y in names_b):
        if x == y:
            found.append(f"same name: {names_a[x]!r} / {names_b[y]!r}")
        elif initials(names_a[x]) == y.replace(" ", "") or initials(names_b[y]) == x.replace(" ", ""):
            found.append(f"acronym: {names_a[x]!r} / {names_b[y]!r}")
        elif a.type == PG.Person and b.type == PG.Person:
            if (person := _person_evidence(x, y)) is not None:
                found.append(person)
        elif _ratio(x, y) >= 0.85:
            found.append(f"similar names: {x!r} / {y!r} ({_ratio(x, y):.2f})")
    return list(dict.fromkeys(found))


Tie = tuple[str, str, str]  # (direction, relation id, the other actor's id)


def actor_ties(assertions: Iterable[Assertion], merged: Mapping[str, str] | None = None) -> dict[str, set[Tie]]:
    """Each actor's ties in current, non-negated statements between two actors (merged ids replaced).

    >>> from graph.build.assertions import read_assertions
    >>> from graph.build.corpus import read_corpus
    >>> ties = actor_ties(read_assertions(read_corpus()[0]).assertions)
    >>> ("in", "headed", "masimov") in ties["knb"]
    True
    """
    merged = merged or {}
    ties: dict[str, set[Tie]] = {}
    for a in assertions:
        if a.object is None or a.negated or a.status in ("revised", "retracted"):
            continue
        subject, obj = merged.get(a.subject, a.subject), merged.get(a.object, a.object)
        ties.setdefault(subject, set()).add(("out", a.relation.id, obj))
        ties.setdefault(obj, set()).add(("in", a.relation.id, subject))
    return ties


def _tie_text(tie: Tie) -> str:
    direction, relation, other = tie
    return f"shared tie: {other} {relation} both" if direction == "in" else f"shared tie: both {relation} {other}"


def likely_duplicates(actors: Mapping[str, Actor], *, judged: Mapping[frozenset[str], str] | None = None,
                      merged: Mapping[str, str] | None = None,
                      ties: Mapping[str, set[Tie]] | None = None) -> list[dict[str, Any]]:
    """Pairs of ``actors`` that are likely one, strongest evidence first; judged pairs left out.

    An actor merged into another (``merged``: old id -> kept id) lends its names to the kept one;
    ``ties`` (see :func:`actor_ties`) adds shared ties as evidence.
    """
    judged, merged, ties = judged or {}, merged or {}, ties or {}
    current: dict[str, Actor] = {}
    for ident in sorted(actors):
        actor = actors[ident]
        kept = merged.get(ident, ident)
        base = current.get(kept, actors[kept])
        names = (*base.aliases, *((actor.label, *actor.aliases) if kept != ident else ()))
        current[kept] = Actor(kept, base.type, base.label, tuple(dict.fromkeys(names)), base.note, base.file, base.line)
    verdicts = {frozenset(merged.get(i, i) for i in pair): v for pair, v in judged.items()}
    found = []
    for a, b in combinations(sorted(current), 2):
        one, two = current[a], current[b]
        if frozenset((a, b)) in verdicts or not _compatible(one.type, two.type):
            continue
        by_name = _evidence(one, two)
        shared = sorted(_tie_text(t) for t in (ties.get(a, set()) & ties.get(b, set())) if t[2] not in (a, b))
        if by_name or len(shared) >= 2:
            evidence = by_name + shared
            found.append({"a": a, "a_label": one.label, "b": b, "b_label": two.label, "evidence": evidence,
                          "score": len(evidence) + sum(e.startswith(("same", "acronym")) for e in evidence)})
    return sorted(found, key=lambda d: (-d["score"], d["a"], d["b"]))


def corpus_actors(corpus: Path) -> dict[str, Actor]:
    """Every actor declared in ``corpus`` (merged ones too), by id; the first declaration wins."""
    return declared_actors(read_corpus(corpus))


def corpus_duplicates(corpus: Path) -> list[dict[str, Any]]:
    """:func:`likely_duplicates` of every actor of ``corpus``, its judgements and shared ties applied."""
    sources = read_corpus(corpus)
    actors = declared_actors(sources)
    judgements = read_judgements(corpus)
    merged = merges(judgements, known=actors)
    statements = [a for source in sources for a in read_assertions(source, known_actors=actors).assertions]
    return likely_duplicates(actors, judged=judged_pairs(judgements), merged=merged,
                             ties=actor_ties(statements, merged))
