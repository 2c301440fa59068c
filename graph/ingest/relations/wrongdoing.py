"""Accusations made by saying: "Prosecutors say Dorn took bribes", "Vasko alleged that Marek had rigged the vote".

A speaker who reports that someone did a wrong (the lexicon's ``wrongdoing``: bribes, embezzlement, rigging,
plotting, ...) accuses that person (``accused``, the reporter's fact, as "X accused Y of taking bribes" is).
Not when the report denies it ("denied that Y took bribes", "said Y had not taken bribes", "betrayed none of
them"), and not for a passive wrong without its doer ("the vote was rigged").

>>> from graph.ingest.nlp import parse
>>> doc = parse("Prosecutors say Oskar Dorn took bribes. Lena Vasko denied that Dorn had rigged the vote.")
>>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for t in doc
...  for m in alleged_wrong_matches(t)]
[('accused', ['Prosecutors'], ['Dorn'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.context.modality import negation
from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import is_passive, objects, subjects
from graph.ingest.relations.verbs import nobody_of, said_phrase

__all__ = ["alleged_wrong_matches"]


def alleged_wrong_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """The accusation a reporting ``verb`` makes by the wrong its reported clause says someone did."""
    lex = load_lexicon()
    if verb.lemma_ not in lex["reporting"] or verb.lemma_ in lex["negating"]:
        return
    speakers = [s for s in subjects(verb) if s.pos_ in ("PROPN", "NOUN", "PRON")]
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        for act in (clause, *(c for c in clause.conjuncts if c.pos_ in ("VERB", "AUX"))):
            phrase = said_phrase(act, lex["wrongs"])
            doers = [s for s in subjects(act) if s.pos_ in ("PROPN", "NOUN", "PRON")]
            if phrase is None or not doers or not speakers or is_passive(act) or negation(act) is not None or \
                    nobody_of(objects(act, None)):  # "served four presidents and betrayed none of them"
                continue
            yield {"relation": "accused", "subjects": speakers, "objects": doers, "trigger": [verb, act],
                   "rule": f"verb: {verb.lemma_} (that X {' '.join([phrase['lemma'], *phrase['words']])})",
                   "passive": False, "clause": verb}
