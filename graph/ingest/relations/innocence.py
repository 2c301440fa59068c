"""Claims of innocence: "he had done nothing wrong", "she is innocent", "Marn maintains his innocence".

Each rejects the one who accused the speaker, whom the text named before (``document: accuser``, as
"denied the charges" does in :func:`~graph.ingest.relations.verbs.denial_matches`): the subject of the act
of nothing wrong (lexicon ``innocence``: an act verb with "nothing" and a word of wrong), of "innocent" after a
copula, or of a verb asserting one's "innocence". A that-clause carries the speaker's attribution as any
other ("His lawyer said he had done nothing wrong": the lawyer's claim), save the accused's own ("Kell says she
is innocent": the reporter tells of her rejection, as of "Kell denies the charges").

>>> from graph.ingest.nlp import parse
>>> [([t.text for t in m["subjects"]], m["rule"]) for t in parse("Vidal Construct says it has done nothing illegal.")
...  for m in innocence_matches(t)]
[(['it'], 'verb: do nothing wrong (of the accuser)')]
>>> [[t.text for t in m["subjects"]] for t in parse("Marn maintains his innocence. She is innocent.")
...  for m in innocence_matches(t)]
[['Marn'], ['She']]
>>> [m for t in parse("Nothing was done wrong. He did nothing.") for m in innocence_matches(t)]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["innocence_matches"]


def _claim(verb: Any) -> str | None:
    """The shape of innocence ``verb`` states, or None."""
    spec = load_lexicon()["innocence"]
    lemma = verb.lemma_.lower()
    if lemma in spec["acts"] and any(o.dep_ == "dobj" and (
            o.lower_ == "nothing" and any(c.lower_ in spec["wrongs"] for c in o.children) or  # "done nothing wrong"
            o.lower_ in spec["wrongs"] and any(d.lower_ == "no" for d in o.children)) for o in verb.children):
        return "do nothing wrong"  # "had committed no crime"
    if lemma == "be" and any(c.dep_ == "acomp" and c.lower_ in spec["adjectives"] for c in verb.children):
        return "be innocent"
    if lemma in spec["asserting"] and any(o.dep_ == "dobj" and o.lower_ in spec["nouns"] for o in verb.children):
        return f"{lemma} innocence"
    return None


def innocence_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """A claim of innocence by the verb's subject: rejected, of the accuser the text named before."""
    shape = _claim(verb)
    if shape is None or any(c.dep_ == "neg" for c in verb.children):
        return
    subs = [s for s in subjects(verb) if s.lower_ not in ("which", "that", "nothing")]
    if not subs:
        return
    words = [t for o in verb.children if o.dep_ in ("dobj", "acomp") for t in o.subtree]
    yield {"relation": "rejected", "subjects": subs, "objects": [], "document": "accuser", "trigger": [verb, *words],
           "rule": f"verb: {shape} (of the accuser)", "passive": False, "clause": verb, "own_claim": True}
