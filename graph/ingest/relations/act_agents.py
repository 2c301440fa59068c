"""The agent of an act a reaction is about: "the committee condemned the sentences" condemns the court.

A reaction (lexicon ``act_reactions``: welcomed, criticised, condemned, praised) may take an act as its
object ("condemned the sentences", "called the arrest an act of revenge", "welcomed the purge"): the
event actor of :mod:`~graph.ingest.relations.event_objects`. News rarely repeats who did the act, because
it said so before ("A court in Varn sentenced three editors ... The committee condemned the sentences"),
and a reaction to an act is a reaction to its doer: that is the edge the faction analysis needs. So beside
the candidate on the act, a second one names the doer, when the text reported the act earlier: the
nearest earlier candidate with a subject, not negated, whose relation the act's head noun names (one of
the relation's event nouns or its verb, "arrest" -> arrested, "purge" -> dismissed, or the lexicon's
``act_nouns``, "verdict" -> sentenced). The new candidate keeps the reaction's quote and says, in a
reading, which act lent the doer.

>>> raws = [{"relation": "sentenced", "subject": "court", "object": "editor", "start": 0, "negated": False,
...          "readings": [], "rule": "verb: sentence"},
...         {"relation": "condemned", "subject": "committee", "object": "sentences", "start": 60, "negated": False,
...          "readings": [], "rule": "verb: condemn"}]
>>> actors = {"sentences": {"type": "Event", "label": "the sentences"}, "court": {"label": "court"}}
>>> [(r["subject"], r["relation"], r["object"]) for r in act_agents(raws, actors)]
[('court', 'sentenced', 'editor'), ('committee', 'condemned', 'sentences'), ('committee', 'condemned', 'court')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["act_agents", "act_relations"]


@lru_cache(maxsize=1)
def _noun_relations() -> dict[str, frozenset[str]]:
    """Act noun -> the relations it names: the relations' event nouns and verbs, and the lexicon's ``act_nouns``."""
    lex = load_lexicon()
    table: dict[str, set[str]] = {}
    for relation, spec in lex["relations"].items():
        words = [*(spec.get("nouns") or {}), *(str(v).split()[0] for v in spec.get("verbs") or [])]
        for word in words:
            if not word.startswith("+"):
                table.setdefault(word.lower(), set()).add(relation)
    for noun, relations in lex["act_nouns"].items():
        table.setdefault(noun, set()).update(relations)
    return {k: frozenset(v) for k, v in table.items()}


def act_relations(label: str) -> frozenset[str]:
    """The relations an act's name names, by its head noun (the last word before "of", in the singular too).

    >>> sorted(act_relations("the arrests of two generals")), sorted(act_relations("the verdict"))
    (['arrested', 'detained'], ['sentenced'])
    >>> act_relations("the funeral")
    frozenset()
    """
    words = re.findall(r"[\w-]+", label.lower().split(" of ")[0])
    if not words:
        return frozenset()
    head = words[-1]
    table = _noun_relations()
    for form in (head, head[:-1] if head.endswith("s") else "", head[:-2] if head.endswith("es") else ""):
        if form and form in table:
            return table[form]
    return frozenset()


def act_agents(raws: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """``raws`` (in text order) with, after each reaction to an act, the reaction to the act's doer."""
    reactions = set(load_lexicon()["act_reactions"])
    out: list[dict[str, Any]] = []
    for i, raw in enumerate(raws):
        out.append(raw)
        spec = actors.get(raw.get("object") or "", {})
        if raw.get("relation") not in reactions or spec.get("type") != "Event" or raw.get("subject") is None:
            continue
        names = act_relations(str(spec.get("label", "")))
        act = next((r for r in reversed(raws[:i]) if r.get("relation") in names and r.get("subject") and
                    not r.get("negated") and r["subject"] not in (raw["subject"], raw["object"])), None)
        if act is None or any(r.get("relation") == raw["relation"] and r.get("subject") == raw["subject"] and
                              r.get("object") == act["subject"] for r in raws):
            continue
        doer = actors.get(act["subject"], {}).get("label", act["subject"])
        kept = [r for r in raw.get("readings", []) if not r.startswith("the event ")]  # the act's, not the doer's
        out.append({**raw, "object": act["subject"], "rule": f"{raw['rule']} (the act's doer)",
                    "readings": [*kept, f"{spec.get('label')!r} read as the act of {doer} ({act['relation']}, "
                                        "reported before)"]})
    return out
