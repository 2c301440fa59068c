"""Clause shapes beyond the verb lexicon: being in a place, a replacement "with" someone.

- ``presence``: "Halm-Lind is believed to be in Dravic", "Lenz spent the crisis in Dravic" (locatedIn;
  troops that stay somewhere are deployed there);
- ``replacement``: "Reval replaced Dolan with Varga", "Dolan was replaced with Varga": Varga took the
  post over from Dolan, and the one who replaced him appointed her;
- ``ordered``: "a court ordered him held for two months", "the court ordered that Dorn be kept in custody":
  the one who ordered it did it (a court's order is its act);
- ``call for``: "Tesch called for Dolan to resign", "renewed her call for Dolan to step down" (a demand on
  him: demandedFrom), "called for the army to stay in its barracks" (an appeal: appealedTo);
- ``refusal``: "Brask asked Reval to fire him. Reval has so far refused.": a bare refusal rejected the one
  who asked (``document: asker``, :mod:`graph.ingest.relations.earlier`).

>>> from graph.ingest.nlp import parse
>>> doc = parse("Reval replaced Dolan with Varga.")
>>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]])
...  for t in doc for m in replacement_matches(t)]
[('tookOverFrom', ['Varga'], ['Dolan']), ('appointed', ['Reval'], ['Varga'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.extents import capital_name
from graph.ingest.mentions.kinds import org_word
from graph.ingest.relations.roles import is_passive, prep_objects, subjects

__all__ = ["seat_matches", "presence_matches", "replacement_matches", "replaced_with", "call_for_matches", "ordered_matches",
           "refusal_matches"]


def replaced_with(verb: Any) -> list[Any]:
    """Who ``verb`` ("replaced X with Y") puts in the post: Y, or nobody when it is no replacement."""
    if verb.lemma_.lower() not in load_lexicon()["replacing"]:
        return []
    return prep_objects(verb, "with")


def replacement_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Reval replaced Dolan with Varga": tookOverFrom(Varga, Dolan) and appointed(Reval, Varga)."""
    new = replaced_with(verb)
    passive = is_passive(verb)
    former = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    if not new or not former:
        return
    yield {"relation": "tookOverFrom", "subjects": new, "objects": former, "trigger": [verb],
           "rule": f"verb: {verb.lemma_.lower()} X with Y", "passive": False, "clause": verb}
    boss = [] if passive else subjects(verb)
    if boss:
        yield {"relation": "appointed", "subjects": boss, "objects": new, "trigger": [verb],
               "rule": f"verb: {verb.lemma_.lower()} X with Y (the new one appointed)", "passive": False,
               "clause": verb}


_PLACES = ("GPE", "LOC", "FAC")


def _place(token: Any) -> bool:
    """Whether ``token`` names a place: an entity of a place type, a proper noun not a body's or a people's, or
    "the capital" or "the city" with the place's name in apposition."""
    return token.ent_type_ in _PLACES or (token.pos_ == "PROPN" and token.ent_type_ not in ("ORG", "NORP")) or (
        token.lemma_.lower() in ("capital", "city") and any(c.dep_ == "appos" and c.ent_type_ in _PLACES for c in token.children))


def _kept_in(verb: Any, nouns: list[str]) -> list[Any]:
    """The place of a noun of where someone is kept or stays, in or at which the subject of ``verb`` is ("remains
    in custody in Tarvo", "is at his estate at Vellin", "is still in a Tarvo jail": Tarvo, Vellin, Tarvo).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Dorn remains in custody in Tarvo and is still in a Vellin jail.")
    >>> [t.text for v in (doc[1], doc[7]) for t in _kept_in(v, ["custody", "jail"])]
    ['Tarvo', 'Vellin']
    """
    stays = [n for prep in ("in", "at") for n in prep_objects(verb, prep) if n.lemma_.lower() in nouns]
    return [p for n in stays for p in [*prep_objects(n, "in"), *prep_objects(n, "at"),
                                       *(c for c in n.children if c.dep_ == "compound")]
            if _place(p) or capital_name(p) or (p.pos_ == "PROPN" and p.ent_type_ not in ("PERSON", "NORP"))]  # a
    # name the tagger took for a body's is a place here


def presence_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Halm-Lind is believed to be in Dravic", "Lenz spent the crisis in Dravic", "Nazarbayev remained in
    the capital, Nur-Sultan": the subject was in the place (locatedIn); not a wish ("wants to stay in Varn").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Vasko is believed to be in Dravic.")
    >>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]])
    ...  for t in doc for m in presence_matches(t)]
    [('locatedIn', ['Vasko'], ['Dravic'])]
    """
    lex = load_lexicon()
    if verb.lemma_.lower() not in lex["presence_verbs"] or (verb.dep_ == "xcomp" and verb.head.lemma_ in lex["irrealis"]):
        return
    places = [capital_name(g) or g for g in prep_objects(verb, "in") if capital_name(g) or _place(g)] + [
        capital_name(g) or g for g in _kept_in(verb, lex["presence_nouns"])]  # "in the capital, Varn": Varn
    subs = [s for s in subjects(verb) if s.pos_ in ("PROPN", "PRON", "NOUN") and s.ent_type_ not in _PLACES]
    troops = bool(subs) and lex["origins"].get(subs[0].lower_) == "deployed"  # "Russian soldiers would stay in X"
    if places and subs:
        yield {"relation": "deployedTo" if troops else "locatedIn", "subjects": subs, "objects": places, "trigger": [verb], "place": True,
               "rule": f"verb: {verb.lemma_.lower()} in (a place)", "passive": False, "clause": verb}


def seat_matches(name: Any) -> Iterator[dict[str, Any]]:
    """"The State Protection Bureau in the capital, Varn", "the Lakeline Energy office in Bishkek": a body named
    with the place it is in (locatedIn); a body's name only, not a common noun ("police in Almaty").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police surrounded the State Protection Bureau in the capital, Varn.")
    >>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for t in doc
    ...  for m in seat_matches(t)]
    [('locatedIn', ['Bureau'], ['Varn'])]
    """
    doc = name.doc
    if name.pos_ != "PROPN" or name.ent_type_ not in ("ORG", "FAC") or not org_word(name) or name.i + 1 >= len(doc) \
            or doc[name.i + 1].lower_ != "in":
        return
    places = [p for g in doc[name.i + 1].children if g.dep_ == "pobj"  # "in" on the name or on the verb
              for p in [capital_name(g) or g] if p is not g or _place(g)]
    if places:
        yield {"relation": "locatedIn", "subjects": [name], "objects": places, "trigger": [name], "place": True,
               "fan": False, "rule": "noun: <body> in <place>", "passive": False, "clause": None}


def call_for_matches(token: Any) -> Iterator[dict[str, Any]]:
    """"X called for Y to resign" (demandedFrom), "X called for Y to stay calm" (appealedTo); also after
    the noun ("renewed her call for Y to step down"). Nothing is said to be done: the infinitive's own
    relation is irrealis (graph.ingest.relations.verbs).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Tesch renewed her call for Dolan to resign. The union called for the army to stay out.")
    >>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]])
    ...  for t in doc for m in call_for_matches(t)]
    [('demandedFrom', ['Tesch'], ['Dolan']), ('appealedTo', ['union'], ['army'])]
    """
    spec = load_lexicon()["called_for"]
    if token.lemma_.lower() not in (spec["nouns"] if token.pos_ == "NOUN" else spec["verbs"]) and not (
            token.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in spec["nouns"] for c in token.children)):
        return  # "called for", "her call for", "renewed her call for" (the clause hung on the verb)
    for act in (c for c in token.children if c.dep_ in ("advcl", "ccomp", "acl") and any(
            m.dep_ == "mark" and m.lower_ == "for" for m in c.children)):
        asked = [c for c in act.children if c.dep_ == "nsubj"]
        phrase = " ".join([act.lemma_.lower(), *(c.lower_ for c in act.children if c.dep_ == "prt")])
        if token.pos_ == "NOUN":
            who = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"] or (
                subjects(token.head) if token.dep_ == "dobj" else []) or [  # "renewed her call": the subject
                c for c in token.children if c.dep_ == "poss"]
        else:
            who = subjects(token)
        if asked and who:
            relation = "demandedFrom" if phrase in spec["acts"] else "appealedTo"
            yield {"relation": relation, "subjects": who, "objects": asked, "trigger": [token, act],
                   "rule": f"{'noun' if token.pos_ == 'NOUN' else 'verb'}: {token.lemma_.lower()} for X to "
                           f"{phrase}", "passive": False, "clause": token if token.pos_ != "NOUN" else token.head}


def ordered_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"A court ordered him held" (detained), "the court ordered that Dorn be kept in custody": the act of the
    participle or the passive that-clause, by the subject of "ordered" (not an infinitive: "ordered police to
    fire" is an order, graph.ingest.relations.verbs).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("A court ordered him held for two months. Judge Vasko ordered Dorn confined to his estate. "
    ...             "A judge ordered Dorn held in pre-trial detention.")
    >>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]])
    ...  for t in doc for m in ordered_matches(t)]
    [('detained', ['court'], ['him']), ('detained', ['Vasko'], ['Dorn']), ('detained', ['judge'], ['Dorn'])]
    """
    from graph.ingest.relations.verbs import act_relation  # the verb lexicon's rules import this module
    if verb.lemma_.lower() not in load_lexicon()["ordering"]:
        return
    acts = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")] + [  # "ordered Dorn held", parsed as a
        a for o in verb.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl"]  # participle on Dorn
    for act in (c for c in acts if c.tag_ == "VBN" and not any(a.dep_ == "aux" for a in c.children)):
        done = [c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")] or [
            c for c in verb.children if c.dep_ == "dobj" and c.i < act.i]  # "ordered Dorn confined to his estate"
        subjunctive = any(c.dep_ == "auxpass" and c.lower_ == "be" for c in act.children)
        relation = act_relation(act)
        if done and relation and (subjunctive or not any(c.dep_ == "auxpass" for c in act.children)) and \
                (who := subjects(verb)):
            yield {"relation": relation, "subjects": who, "objects": done, "trigger": [verb, act],
                   "rule": f"verb: {verb.lemma_.lower()} X {act.text}", "passive": False, "clause": verb}


def refusal_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Reval has so far refused", "The judge refused.": a refusal with nothing refused in its own clause
    rejected whoever asked the subject before (not "refused to comment", "refused the offer").

    >>> from graph.ingest.nlp import parse
    >>> [(m["relation"], m["document"], [t.text for t in m["subjects"]]) for m in refusal_matches(parse("Reval refused.")[1])]
    [('rejected', 'asker', ['Reval'])]
    >>> list(refusal_matches(parse("Reval refused to comment.")[1]))
    []
    """
    if verb.lemma_.lower() not in load_lexicon()["refusals"] or is_passive(verb) or verb.dep_ in ("xcomp", "acl", "amod") or any(
            c.dep_ in ("dobj", "xcomp", "ccomp", "prep", "dative", "attr", "oprd", "acomp") for c in verb.children):
        return
    subs = [s for s in subjects(verb) if s.lower_ not in ("which", "that", "who")]
    if subs:
        yield {"relation": "rejected", "subjects": subs, "objects": [], "document": "asker", "trigger": [verb],
               "rule": f"verb: {verb.lemma_.lower()} (the one who asked)", "passive": False, "clause": verb}
