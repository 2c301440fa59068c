"""The act an accusation names: "X accused Y of plotting with Z" is X's claim that Y plotted with Z.

An active accusing verb (or a passive one with its "by" agent) makes its subject (or agent) the claimant
of the act in its "of"/"with"/"for" clause, a claim like "X alleged that ...", not hedged; without an
accuser ("Y was accused of beating Z") the reporter says only that someone accuses: hedged.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Lena Vasko accused the police of beating Oskar Dorn.")
>>> accuser(doc[6]).text
'Vasko'
>>> accuser(parse("The police were accused of beating Oskar Dorn.")[5]) is None
True
>>> doc = parse("Lena Vasko said the timing was odd, and accused the police of beating Oskar Dorn.")
>>> accuser(doc[13]).text
'Vasko'
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["accusing_verb", "accuser"]

_CONTENT = {"of", "with", "for"}


def accusing_verb(token: Any) -> Any | None:
    """The accusing verb whose "of"/"with"/"for" clause ``token`` heads ("accused Y of beating Z"), or None."""
    if token.dep_ != "pcomp" or token.head.lower_ not in _CONTENT or token.head.dep_ != "prep":
        return None
    verb = token.head.head
    return verb if verb.pos_ == "VERB" and verb.lemma_ in load_lexicon()["accusing"] else None


def accuser(token: Any) -> Any | None:
    """Who makes the accusation whose act ``token`` heads: the subject of an active accusing verb, the agent
    of a passive one ("was accused by X of"), or None (no accuser named)."""
    verb = accusing_verb(token)
    if verb is None:
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.tag_ == "VBN" and verb.dep_ == "acl")
    if passive:
        return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    clause = verb.head
    if verb.dep_ == "conj" and clause.dep_ == "ccomp" and clause.head.lemma_ in load_lexicon()["reporting"] and not any(
            c.dep_.startswith("nsubj") for c in verb.children) and verb.doc[verb.i - 2].text == ",":
        return next(iter(subjects(clause.head)), None)  # "X said the timing was odd, and accused him of": X (the
        # parser joined the second verb to the reported clause)
    return next(iter(subjects(verb)), None)  # "X sacked Y and accused her of": X
