"""Resolve what a user types ("Tokayev", "Kassym-Jomart Tokayev", "tokayev") to one actor.

An id wins over a label, a label over an alias; within the winning kind the name
must point at exactly one entity. Matching ignores case.

>>> from graph.analysis._demo import demo_store
>>> store = demo_store()
>>> resolve_actor(store, "baker"), resolve_actor(store, "Alice Able"), resolve_actor(store, "c")
('b', 'a', 'c')
>>> resolve_actor(store, "Nobody")
Traceback (most recent call last):
...
graph.errors.NotFoundError: no actor is called 'Nobody' (hint: use an id, a label or an alias, e.g. 'a' or 'Alice Able')
"""

from __future__ import annotations

from urllib.parse import quote

import pyoxigraph as ox

from graph.analysis._sparql import local_id, select
from graph.errors import AmbiguousNameError, NotFoundError
from graph.store.base import Store, Term
from ontology import entity_iri

__all__ = ["resolve_actor", "actor_candidates"]

_RANK = {"id": 0, "label": 1, "alias": 2}


def actor_candidates(store: Store, name: str) -> list[dict[str, str]]:
    """Every entity the name matches: dicts with ``id``, ``label`` and ``match`` (id, label or alias)."""
    text = name.strip()
    # the name as an id: percent-encoded, so that any text makes a valid IRI (and only a real id matches)
    as_id = quote(text.replace(" ", "-"), safe="-._~")
    bindings: dict[str, Term] = {"name": ox.Literal(text), "iri": ox.NamedNode(str(entity_iri(as_id)))}
    found: dict[str, dict[str, str]] = {}
    for row in select(store, "analysis_names", bindings):
        ident = local_id(row["entity"]) or ""
        entry = {"id": ident, "label": row["label"].value if row["label"] is not None else ident,
                 "match": row["match"].value}
        old = found.get(ident)
        if old is None or (_RANK[entry["match"]], entry["label"]) < (_RANK[old["match"]], old["label"]):
            found[ident] = entry
    return sorted(found.values(), key=lambda e: (_RANK[e["match"]], e["id"]))


def resolve_actor(store: Store, name: str) -> str:
    """The id of the one actor called ``name`` (an id, a label or an alias)."""
    candidates = actor_candidates(store, name)
    if not candidates:
        raise NotFoundError(f"no actor is called {name!r}", hint=_example_hint(store))
    best = _RANK[candidates[0]["match"]]
    top = [c for c in candidates if _RANK[c["match"]] == best]
    if len(top) > 1:
        listed = [f"{c['id']} ({c['label']})" for c in top]
        raise AmbiguousNameError(f"{name!r} may mean {len(top)} actors: {', '.join(listed)}",
                                 candidates=[c["id"] for c in top], hint="name the actor by its id")
    return top[0]["id"]


def _example_hint(store: Store) -> str:
    rows = select(store, "analysis_any_actor")
    for row in rows:
        return f"use an id, a label or an alias, e.g. {local_id(row['entity'])!r} or {row['label'].value!r}"
    return "the store holds no actors; build the graph first (powergraph build)"
