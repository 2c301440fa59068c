"""Orders to hold someone: "a court ordered him held for seven days", "ordered that Kell be kept in custody",
"has ordered a nephew of Nazarbayev to be held in pre-trial detention".

An order is irrealis as a rule ("ordered troops to fire" says nothing of the firing), but an order to hold
someone is the holding itself: whoever gives it detained him, as the README's convention reads "a judge ordered
him held". The holding verb (lexicon ``custody_orders: holding``) is the clause or the infinitive of a verb of
ordering (``custody_orders: ordering``); the one held is its subject, its passive subject or the order's object.

>>> from graph.ingest.nlp import parse
>>> doc = parse("A court ordered Satybaldy held for two months. The court ordered that Kell be kept in custody.")
>>> [([t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for t in doc for m in custody_order_matches(t)]
[(['court'], ['Satybaldy']), (['court'], ['Kell'])]
>>> [m for t in parse("The court ordered the police to hold a hearing.") for m in custody_order_matches(t)]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["custody_order_matches"]


def custody_order_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """A holding verb under a verb of ordering: the one who ordered it detained the one held."""
    spec = load_lexicon()["custody_orders"]
    order = verb.head
    if verb.lemma_.lower() not in spec["holding"] or verb.dep_ not in ("ccomp", "xcomp") or \
            order.lemma_.lower() not in spec["ordering"] or any(c.dep_ == "neg" for c in (*verb.children, *order.children)):
        return
    if any(c.dep_ == "dobj" for c in verb.children):
        return  # "ordered the police to hold a hearing", "ordered them to hold X": held by others, or no one
    held = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or (
        [c for c in order.children if c.dep_ == "dobj"] if verb.dep_ == "xcomp" else [])
    if held and (orderers := [s for s in subjects(order) if s.lower_ not in ("which", "that", "who")]):
        yield {"relation": "detained", "subjects": orderers, "objects": held, "trigger": [order, verb],
               "rule": f"verb: {order.lemma_.lower()} held (the order is the holding)", "passive": False,
               "clause": order}
