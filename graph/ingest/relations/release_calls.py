"""Calls for a prisoner's release said with a verb: "demanded that Kell be freed", "called for Kell to be released",
a call that names no one to do it.

The README's convention reads a call for someone's release as ``supported`` -> the prisoner (the noun form,
"called for her release", is :func:`~graph.ingest.relations.nouns.demand_matches`). Here the freeing verb (the
lexicon's ``release_calls: freeing``), in the passive, is the infinitive or the clause of a verb of asking
(``release_calls: asking``): its subject is the prisoner, and the asker's subject supports him. The freeing
itself has not happened and stays out (``irrealis``). A call on someone to free him ("urged Reval to free Ondra",
"demanded that the authorities free her") is a call on them (appealedTo), as annotators read it.

>>> from graph.ingest.nlp import parse
>>> doc = parse("The Forum called for Kell to be released. Kell Watch demanded that Marn be freed.")
>>> [([t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for t in doc for m in release_call_matches(t)]
[(['Forum'], ['Kell']), (['Watch'], ['Marn'])]
>>> [m for t in parse("The Forum urged the junta to release Kell.") for m in release_call_matches(t)]
[]
>>> [m for t in parse("The court ordered that Kell be freed.") for m in release_call_matches(t)]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["release_call_matches"]


def release_call_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """A freeing verb under a verb of asking: the asker supported the one to be freed."""
    spec = load_lexicon()["release_calls"]
    asking = verb.head
    if verb.lemma_.lower() not in spec["freeing"] or verb.dep_ not in ("xcomp", "ccomp", "advcl") or \
            asking.lemma_.lower() not in spec["asking"] or any(c.dep_ == "neg" for c in (*verb.children, *asking.children)):
        return
    if any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "on" for c in asking.children):
        return  # "urged Reval to free Ondra", "called on the junta to release her": a call on them (appealedTo)
    freed = [c for c in verb.children if c.dep_ == "nsubjpass"]  # not "demanded that the authorities free her"
    askers = [s for s in subjects(asking) if s.lower_ not in ("which", "that", "who")]
    if freed and askers:
        yield {"relation": "supported", "subjects": askers, "objects": freed, "trigger": [asking, verb],
               "rule": f"verb: {asking.lemma_.lower()} to {verb.lemma_.lower()} (the prisoner supported)",
               "passive": False, "clause": asking}
