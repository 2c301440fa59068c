"""Events as objects: "the bloc welcomed the arrests", "the order was condemned by Human Rights Watch".

A reaction or an inquiry may be about an act rather than an actor. When the object of a relation
whose range admits an actor or an event (read from the ontology) is a common noun that is no mention and
names an act (an event noun of the lexicon, or one of its ``event_objects``), its noun phrase
becomes a proposed actor of type Event, with the text's words as an alias; an event actor of the
text with the same head noun ("the Brenholt shootings" before, "the shootings" now) is linked instead.
Document and content nouns ("the statement", "the charge") are never events, unless the lexicon
lists them as acts ("the order", "the verdict").

>>> from graph.ingest.nlp import parse
>>> doc = parse("The Concord welcomed the arrests of two generals.")
>>> actors, proposed = {}, {}
>>> mention = event_object(doc[4], "welcomed", {}, actors, proposed)
>>> mention["actors"], proposed["arrests-of-two-generals"]["type"], proposed["arrests-of-two-generals"]["aliases"]
(['arrests-of-two-generals'], 'Event', ['the arrests of two generals', 'the arrests', 'arrests'])
>>> event_object(doc[4], "arrested", {}, actors, proposed) is None  # its range takes actors only
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rdflib import RDFS
from rdflib.collection import Collection
from rdflib.namespace import OWL

from graph.ingest.lexicon import load_lexicon
from graph.ingest.context.speakers import noun_phrase, phrase_actor
from ontology import PG, ontology_graph

__all__ = ["event_object", "event_relations"]


@lru_cache(maxsize=1)
def event_relations() -> frozenset[str]:
    """The relations whose range admits an actor or an event (a union of ``pg:Actor`` and ``pg:Event``); those
    that take only events ("participatedIn") keep to the events the mentions found.

    >>> relations = event_relations()
    >>> {"welcomed", "condemned"} <= relations, "arrested" in relations, "participatedIn" in relations
    (True, False, False)
    """
    graph, out = ontology_graph(), set()
    for prop, range_ in graph.subject_objects(RDFS.range):
        union = graph.value(range_, OWL.unionOf)
        if union is not None and {PG.Actor, PG.Event} <= set(Collection(graph, union)) and \
                str(prop).startswith(str(PG)):
            out.add(str(prop)[len(str(PG)):])
    return frozenset(out)


def _is_act(token: Any) -> bool:
    lex = load_lexicon()
    lemma, word = token.lemma_.lower(), token.lower_
    if token.pos_ != "NOUN" or token.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERSON", "ORG", "GPE", "NORP"):
        return False
    listed = lemma in lex["event_objects"] or word in lex["event_objects"]
    if not listed and (lemma in lex["document_nouns"] or lemma in lex["content_nouns"] or word in lex["content_nouns"]):
        return False  # "rejected the statement", "rejected the charge": words, not acts
    return listed or lemma in lex["nouns"] or word in lex["nouns"]


def _same_head(token: Any, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]],
               proposed: dict[str, dict[str, Any]]) -> str | None:
    """An event actor of the text (mentioned or proposed in it) whose name ends in ``token``'s noun ("the
    Brenholt shootings", then "the shootings")."""
    heads = {token.lower_, token.lemma_.lower()}
    for actor_id in dict.fromkeys([*(a for m in index.values() for a in m["actors"]), *proposed]):
        spec = actors.get(actor_id, {})
        names = [spec.get("label", ""), *spec.get("aliases", [])]
        if spec.get("type") == "Event" and any(n and n.lower().split()[-1] in heads for n in names):
            return actor_id
    return None


def event_object(token: Any, relation: str, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]],
                 proposed: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A mention of the event ``token`` names, as the object of ``relation``, or None: for a relation whose
    range admits an event, or one whose range is only events that the lexicon lets take a new one
    (``proposed_events``: "the union, which called the strike", participatedIn).

    >>> from graph.ingest.nlp import parse
    >>> event_object(parse("The union called the strike.")[4], "participatedIn", {}, {}, {})["actors"]
    ['strike']
    """
    if (relation not in event_relations() and relation not in load_lexicon()["proposed_events"]) or not _is_act(token):
        return None
    linked = _same_head(token, index, actors, proposed)
    if linked is not None:
        words = noun_phrase(token)
        text = token.doc[words[0].i:words[-1].i + 1].text
        return {"actors": [linked], "text": text, "start": words[0].idx, "end": words[-1].idx + len(words[-1]),
                "kind": "event", "reading": f"the event {text!r}, the text's {actors[linked].get('label')!r}"}
    mention = phrase_actor(token, "Event", index, actors, proposed)
    return {**mention, "kind": "event", "reading": f"the event {mention['text']!r} as the object, a new actor"}
