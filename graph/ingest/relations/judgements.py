"""Judgements in a that-clause: "X said the charges were politically motivated": criticised, of what is judged.

News reports criticism less often by a verb of criticism than by the judgement itself, in a speaker's words. A
judging verb with an object and a word of judgement below it ("called the raids a reprisal", "described the
vote as a sham") is a verb pattern of the lexicon (``judgement``: each of its ``verbs`` with each of its
``words``). What a pattern cannot say is a saying verb (``judgement: saying``) whose that-clause predicates a
word of judgement of its subject ("said the verdict was a farce", "insists the takeover is illegal"): that
criticises the subject of the clause. The subject may be an act ("the takeover"): the reaction then reaches
its doer as well (:mod:`~graph.ingest.relations.act_agents`). A negated judgement ("was not a sham") is none.

>>> from graph.ingest.nlp import parse
>>> [(m["rule"], [t.text for t in m["objects"]]) for t in parse("Karl Venn said the charges were politically motivated.")
...  for m in judgement_matches(t)]
[('verb: say +judgement (motivated)', ['charges'])]
>>> [m for t in parse("Anna Brisk said the general was a hero.") for m in judgement_matches(t)]
[]
>>> [m for t in parse("Anna Brisk said the vote was not a sham.") for m in judgement_matches(t)]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["judgement_matches"]


def _judging_word(clause: Any) -> Any | None:
    """The first word of judgement the predicate of ``clause`` holds (none when the clause is negated), or None."""
    words = set(load_lexicon()["judgement"]["words"])
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    predicate = [t for c in clause.children if c.dep_ in ("attr", "acomp") for t in c.subtree]
    return next((t for t in predicate if t.lemma_.lower() in words or t.lower_ in words), None)


def judgement_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"X said (that) Y was <a word of judgement>": the lexicon's relation of judgement, from X to Y."""
    lex = load_lexicon()["judgement"]
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex["saying"]:
        return
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
        judged = [c for c in clause.children if c.dep_ == "nsubj"]
        word = _judging_word(clause)
        speakers = [s for s in subjects(verb) if s.dep_ != "nsubjpass"]
        if word is not None and judged and speakers:
            yield {"relation": lex["relation"], "subjects": speakers, "objects": judged, "trigger": [verb, word],
                   "rule": f"verb: {verb.lemma_.lower()} +judgement ({word.lower_})", "passive": False,
                   "clause": verb}
