"""More shapes of membership: "the bloc, of which Ardonia is a member", "the observer mission of the Forum", "an
alliance made up of Russia, Armenia and Belarus".

A relative clause whose pronoun is the object of "of" before a copula with "member" ("The Forum, of
which Ardonia is a founding member, met"; "of which both countries are members") makes the clause's
subject a member of the noun the clause hangs on (the parser hangs "of which" on the verb, so the title
rule, which reads "a member of X", never sees the body). An organ or a mission of a named body ("the
observer mission of the League of Inland Republics", "the fifth department of the Security Committee")
is a member of it, as "the bloc's commission" is of its possessor (:func:`~graph.ingest.relations.members.organ_matches`);
only a common noun of the lexicon's ``member_organs`` or ``member_missions`` with a proper name after "of"
("the finance committee of parliament" is a body of its own; "the Council of Southern Republics" is a name).

>>> from graph.ingest.nlp import parse
>>> doc = parse("The Forum, of which Ardonia is a member, met.")
>>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for m in member_relative_matches(doc[8])]
[('memberOf', ['Ardonia'], ['Forum'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["member_relative_matches", "organ_of_matches", "composition_matches"]

_WHICH = {"which", "whom"}


def member_relative_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"The Forum, of which Ardonia is a member": Ardonia is a member of the Forum."""
    verb = noun.head
    if noun.lemma_.lower() != "member" or noun.dep_ != "attr" or verb.lemma_ != "be" or verb.dep_ != "relcl":
        return
    linked = [p for t in (verb, noun) for p in t.children if p.dep_ in ("prep", "dep") and p.lower_ == "of" and any(
        o.dep_ == "pobj" and o.lower_ in _WHICH for o in p.children)]
    if linked and verb.head.pos_ in ("NOUN", "PROPN") and (subs := subjects(verb)):
        yield {"relation": "memberOf", "subjects": subs, "objects": [verb.head], "trigger": [noun, linked[0]],
               "rule": "title: of which X is a member", "passive": False, "clause": None}


def organ_of_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"The observer mission of the League of Inland Republics": the organ (its own party) is a member of
    the named body after "of"."""
    lex = load_lexicon()
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.lemma_.lower() not in (
            *lex["member_organs"], *lex["member_missions"]) or any(c.dep_ == "poss" for c in noun.children):
        return
    bodies = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj" and o.pos_ == "PROPN"]
    if bodies:
        yield {"relation": "memberOf", "subjects": [noun], "objects": bodies[:1], "trigger": [noun], "party": True,
               "rule": f"noun: {noun.lemma_.lower()} of X", "passive": False, "clause": None, "fan": False}


def composition_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"The alliance, made up of Russia, Armenia and Belarus", "The bloc comprises six states": each of the named
    parts (the object of a verb of the lexicon's ``composed_of``, fanned out over its conjuncts) is a member of the
    whole (the verb's subject, or the noun a reduced relative hangs on).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The Forum, made up of Ardonia and Velmar, met.")
    >>> [(m["subjects"], m["objects"]) for m in composition_matches(doc[3])]
    [([Ardonia], [Forum])]
    >>> doc = parse("The bloc, whose members include Ardonia, met. The detainees include Kell.")
    >>> [(m["subjects"], m["objects"]) for v in (doc[5], doc[12]) for m in composition_matches(v)]
    [([Ardonia], [bloc])]
    """
    wanted = load_lexicon()["composed_of"]
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    key = " ".join([verb.lemma_.lower(), *particles])
    if key not in wanted:
        return
    prep = wanted[key]
    parts = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children
             if g.dep_ == "pobj"] if prep else [c for c in verb.children if c.dep_ == "dobj"]
    whole = [verb.head] if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") else subjects(verb)
    if verb.lemma_.lower() in load_lexicon()["inclusive"]["verbs"]:
        whole = [w for w in map(_whole_of_members, whole) if _body_word(w)]
    if parts and whole:
        yield {"relation": "memberOf", "subjects": parts, "objects": whole[:1], "trigger": [verb],
               "rule": f"verb: {key} (its parts are members)", "passive": False, "clause": None}


def _whole_of_members(token: Any) -> Any:
    """The body whose "members" ``token`` is ("whose members", "its members"), else ``token`` itself."""
    if token.lemma_.lower() != "member":
        return token
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ == "whose" and token.head.dep_ == "relcl":
        return token.head.head
    return owner if owner is not None and owner.pos_ in ("NOUN", "PROPN") else token


def _body_word(token: Any) -> bool:
    """Whether ``token`` names a body a verb of the lexicon's ``inclusive`` may take as a whole: a word of its
    ``wholes``, or the last word of an organisation's name ("the Collective Security Treaty Organisation")."""
    return token.lemma_.lower() in load_lexicon()["inclusive"]["wholes"] or (
        token.pos_ in ("PROPN", "NOUN") and token.ent_type_ == "ORG")
