"""The noun rules: event nouns, the origin of troops, a leader's body, a person's organisation.

- ``noun``: an event noun: "the arrest of X by Y", "Y's sacking of X", "at Tokayev's
  invitation, the CSTO sent" (the inviter's object is the subject of the clause); after a light
  verb the verb's subject acts ("Reval gave orders to the police", "made an appeal to the bloc");
- ``origin``: "troops from Russia" (each state deployed them);
- ``led body``: "Brask's government" (headed), "Mamin's cabinet resigned" (resignedFrom);
- ``affiliation``: "Petra Vail of the Northern Gazette" (memberOf);
- ``adjunct``: an event in an adverbial phrase of the clause: "After talks with Solvay, Reval said" (the
  subject met Solvay), "Dolan resigned under pressure from Brask" (Brask pressed Dolan).

>>> from graph.ingest.nlp import parse
>>> doc = parse("Reval made an appeal to the Dravic Union.")
>>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for m in noun_matches(doc[3])]
[('appealedTo', ['Reval'], ['Union'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import prep_objects, subjects, verb_above
from graph.ingest.relations.parties import descend

__all__ = ["noun_matches", "origin_matches", "led_body_matches", "affiliation_matches", "demand_matches",
           "adjunct_matches"]


def origin_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"troops from Russia, Belarus and Armenia": each state deployed the troops."""
    relation = load_lexicon()["origins"].get(noun.lower_)
    sources = prep_objects(noun, "from") or (  # "the arrival of 2,000 troops from the CSTO"
        prep_objects(noun.head.head, "from") if noun.dep_ == "pobj" and noun.head.lower_ == "of" else [])
    if relation and sources:
        yield {"relation": relation, "subjects": sources, "objects": [noun], "trigger": [noun],
               "rule": f"noun: {noun.lower_} from", "passive": False, "clause": verb_above(noun)}


def noun_matches(noun: Any) -> Iterator[dict[str, Any]]:
    lex = load_lexicon()
    found = lex["nouns"].get(noun.lower_) or lex["nouns"].get(noun.lemma_.lower())
    if not found:
        return
    relation, lone = found
    between = prep_objects(noun, "between") or (prep_objects(noun.head, "between") if noun.dep_ == "nsubj" else [])
    # ("fighting broke out between X and Y", "clashes continue between X and Y": the parser hangs it on the verb)
    if between and between[0].conjuncts:  # "talks between Saltvik and the union leaders", "clashes between X and Y"
        yield {"relation": relation, "subjects": between[:1], "objects": list(between[0].conjuncts), "fan": False,
               "trigger": [noun], "rule": f"noun: {noun.lemma_.lower()} between", "passive": False,
               "clause": verb_above(noun)}
        return
    poss = [c for c in noun.children if c.dep_ == "poss"]
    of = prep_objects(noun, "of") or prep_objects(noun, "on") or prep_objects(noun, "against") or \
        prep_objects(noun, "at") or prep_objects(noun, "into")
    by = prep_objects(noun, "by") or prep_objects(noun, "with") or prep_objects(noun, "to")
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex["receiving_verbs"] and not poss and lone != "object":
        yield from _received(noun, relation)  # "his handling of the strike drew criticism from Y": Y criticised him
        return
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lex["light_verbs"] and not poss:
        yield from _light_verb(noun, relation)  # "Reval gave orders to the police": the verb's subject acts
        return
    if lone == "agent":
        subs, objs = poss or of or prep_objects(noun, "from"), by  # "on orders from X"
        if not objs and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "after", "following", "upon", "under", "on"):
            above = noun.head.head
            objs = subjects(above) if above.pos_ in ("VERB", "AUX") else [above] if (
                noun.head.lower_ == "under" and above.pos_ in ("NOUN", "PROPN")) else []  # "troops under X's command"
        elif not objs and noun.dep_ == "dobj" and poss:  # "the CSTO answered Tokayev's appeal": the CSTO was appealed to
            objs = subjects(noun.head)
    elif of:
        subs, objs = poss or by, of
    elif lone == "object":
        subs, objs = by, poss
    else:
        subs, objs = poss, by or (prep_objects(noun, "for") if relation in lex["for_objects"] else [])  # "its
        # backing for Reval", "her praise for X"; not "protests for X" (for him, not against him)
        if not objs and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "after", "following", "upon"):
            objs = subjects(noun.head.head) if noun.head.head.pos_ in ("VERB", "AUX") else []
    if objs and not subs and lone == "subject" and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with") and not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):  # not "a witness in the case against X"
        above = noun.head.head  # "Reval, in a rare jab at the bloc", "answered with an attack on X", "in a rebuke to X"
        subs = subjects(above) if above.pos_ in ("VERB", "AUX") else [above] if above.pos_ == "PROPN" else []
    if subs and objs:
        yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [noun],
               "rule": f"noun: {noun.lemma_.lower()}", "passive": False, "clause": verb_above(noun),
               "background": bool(poss) and noun.dep_ in ("nsubj", "nsubjpass")}


def led_body_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"Brask's government" (headed); "Mamin's cabinet resigned", "the resignation of Mamin's government", "the
    government led by Mamin resigned" (resignedFrom, the leader from the body: the convention of the ontology)."""
    spec = load_lexicon()["led_bodies"]
    whose = [c for c in noun.children if c.dep_ == "poss" and c.lower_ == "whose"]
    lex = load_lexicon()
    relation = "memberOf" if noun.lemma_.lower() in lex["whose_bodies"] else lex["origins"].get(noun.lower_)
    # "Tesch, whose party": her party, of which she is a member (the text says so when she leads it)
    if whose and relation and noun.dep_ in ("nsubj", "nsubjpass", "dobj"):  # "Tesch, whose party"; "whose soldiers"
        yield {"relation": relation, "subjects": whose, "objects": [noun], "trigger": [noun],
               "rule": f"noun: whose {noun.lower_}", "passive": False, "clause": None, "fan": False}
        return
    named = noun.pos_ == "PROPN" or any(c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" for c in noun.children)
    if noun.lower_ in spec["member_bodies"] and named and (members := [c for c in noun.children if c.dep_ == "poss" and (
            c.pos_ == "PROPN" or c.lower_ in ("his", "her"))]):  # "Quintero's Citizens' Front", "his own party, X"
        yield {"relation": "memberOf", "subjects": members, "objects": [noun], "trigger": [noun], "person": True,
               "rule": f"noun: X's {noun.lower_}", "passive": False, "clause": None, "fan": False}
        return
    owned = noun.lower_ in spec["owned"] or (noun.lower_ in spec["speaking"] and (  # "his office said", "a
        noun.dep_ in ("nsubj", "nsubjpass") or (noun.dep_ == "pobj" and noun.head.lower_ in ("by", "from", "to"))))
    # statement released by his office": the office he heads (not "sealed his office", a place)
    leaders = [c for c in noun.children if c.dep_ == "poss" and (
        (c.pos_ == "PROPN" and c.ent_type_ != "NORP") or c.lower_ in ("his", "her") or (
            c.pos_ == "NOUN" and c.lemma_.lower() in lex["titles"]))] or [  # "the government of Prime Minister Mamin"
        o for o in prep_objects(noun, "of") if o.ent_type_ == "PERSON" or any(
            c.dep_ == "compound" and c.lower_ in ("minister", "premier", "president") for c in o.children)]
    led = [g for c in noun.children if c.dep_ == "acl" and c.lemma_ in ("lead", "head") for a in c.children
           if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]  # "the cabinet led by X": the verb's own
    # rule says X headed it
    if (noun.lower_ not in spec["nouns"] and not owned) or not (leaders or led) or (owned and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() not in spec["owned_modifiers"] for c in noun.children)):
        return
    if leaders:
        yield {"relation": "headed", "subjects": leaders, "objects": [noun], "trigger": [noun], "person": True,
               "rule": f"noun: X's {noun.lower_}", "passive": False, "clause": None}
    verb = noun.head if noun.dep_ == "nsubj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.lemma_.lower() in spec["resigning"]:
        yield {"relation": "resignedFrom", "subjects": leaders or led, "objects": [noun], "trigger": [verb], "person": True,
               "rule": f"noun: X's {noun.lower_} {verb.lemma_.lower()}", "passive": False,
               "clause": verb if verb.pos_ in ("VERB", "AUX") else verb_above(verb)}


def _bare_word(token: Any) -> bool:
    """A one-word name without an article or a modifier ("of Velmora"): a place far more often than a body."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return not any(c.dep_ in ("det", "compound", "amod", "poss") for c in token.children) and \
        not token.text.isupper() and token.lower_ not in load_lexicon()["org_words"] and \
        not (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper())  # "of Nakoro First"


def affiliation_matches(name: Any) -> Iterator[dict[str, Any]]:
    """"Petra Vail of the Northern Gazette": a person of an organisation, without a title, is its member."""
    lex = load_lexicon()
    person = name.ent_type_ == "PERSON" or (name.ent_type_ in ("ORG", "") and name.lower_ not in lex["org_words"] and
                                            name.lower_ not in lex["groups"] and any(  # "Petra Vail", read as an ORG
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == name.i - 1 for c in name.children))
    if not person or any(c.lower_ in lex["titles"] or c.lemma_.lower() in lex["titles"]
                                         for c in name.children if c.dep_ in ("compound", "appos", "amod")):
        return
    bodies = [o for o in prep_objects(name, "of") if (o.pos_ == "PROPN" and o.ent_type_ not in (
        "GPE", "LOC", "NORP", "DATE", "FAC") and not _bare_word(o)) or (o.lemma_.lower() in lex["whose_bodies"] and any(  # "of the Auyl party"
            c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in o.children))] or [
        a for o in prep_objects(name, "of") if o.pos_ == "NOUN" and o.lower_ in lex["groups"]
        for a in name.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.left_edge.i == o.i + 1]
    # "Ilse Marrow of the opposition Unity Party": the parser ends the "of" at the label, the name in apposition
    if bodies:  # "Mira Tesch of Civic Dawn" (a name the tagger took for a person's), "Dairabayev of the Auyl party"
        yield {"relation": "memberOf", "subjects": [name], "objects": bodies, "trigger": [name], "organisation": True,
               "fan": False, "rule": "noun: X of <organisation>", "passive": False, "clause": None}


_TARGETS = ("to", "with", "on", "against", "of", "at", "into", "for")


def _received(noun: Any, relation: str) -> Iterator[dict[str, Any]]:
    """"X drew criticism from Y", "X's handling of the strike won praise from Y": Y did the act, to X (or to
    the one whose act X is)."""
    verb = noun.head
    givers = prep_objects(noun, "from") or prep_objects(verb, "from") or [  # "accusations of fraud from Y"
        t for t in noun.subtree if t.dep_ == "pobj" and t.head.lower_ == "from" and t.head.head.pos_ == "NOUN"]
    objs = [_owner(descend(s)) for s in subjects(verb)]
    if givers and objs:
        yield {"relation": relation, "subjects": givers, "objects": objs, "trigger": [verb, noun],
               "rule": f"noun: {verb.lemma_.lower()} {noun.lemma_.lower()} from", "passive": False, "clause": verb}


def _owner(token: Any) -> Any:
    """The possessor of a common noun that names no party ("the government's hard line", "Varo's plan"): the one
    whose act or stance it is; any other token itself ("the minister's aide", "the army's troops").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The government's hard line and the minister's aide drew criticism.")
    >>> _owner(doc[4]).text, _owner(doc[9]).text
    ('government', 'aide')
    """
    lex = load_lexicon()
    owners = [c for c in token.children if c.dep_ == "poss"]
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or not owners or lemma in lex["groups"] or lemma in lex["titles"] or \
            token.lower_ in lex["groups"] or token.lower_ in lex["member_nouns"]:
        return token
    return owners[0]


def _light_verb(noun: Any, relation: str) -> Iterator[dict[str, Any]]:
    """"made an appeal to X", "launched an attack on X", "voiced criticism of X": the subject of the light
    verb does the act of its object noun, to the object of the noun's (or the verb's) preposition."""
    verb = noun.head
    preps = load_lexicon()["light_verb_preps"].get(relation, _TARGETS)
    objs = next((found for prep in preps if (found := prep_objects(noun, prep) or prep_objects(verb, prep))), [])
    subs = subjects(verb)
    doers = [c for c in noun.children if c.dep_ == "poss"] or prep_objects(noun, "of")
    if doers and load_lexicon()["relations"][relation].get("nouns", {}).get(noun.lemma_.lower()) == "subject" and \
            verb.lemma_.lower() in load_lexicon()["announcing"]:  # "Atameken announced the resignation of its
        subs, objs = doers, subs  # chairman": he resigned from it
    if subs and objs:
        yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [verb, noun],
               "rule": f"noun: {verb.lemma_.lower()} {noun.lemma_.lower()} (light verb)", "passive": False,
               "clause": verb, "negation": next((f"{c.text} {noun.text}" for c in noun.children  # "held no talks"
                                                 if c.dep_ == "det" and c.lower_ == "no"), None)}


def demand_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"Tesch called for Dolan's resignation": a demand on the one who is to act (demandedFrom); "campaigned
    for her release": a prisoner's cause taken up (supported, the lexicon's ``release_calls``)."""
    lex = load_lexicon()
    spec, relation = lex["demanded_acts"], "demandedFrom"
    if noun.lemma_.lower() in lex["release_calls"]["nouns"]:
        spec, relation = lex["release_calls"], "supported"  # "demanded his release" is a demand on his jailers
    owners = [c for c in noun.children if c.dep_ == "poss"] or prep_objects(noun, "of")
    if noun.lemma_.lower() not in spec["nouns"] or not owners:
        return
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    phrase = f"{verb.lemma_.lower()} {noun.head.lower_}" if verb is not None and noun.dep_ == "pobj" else \
        verb.lemma_.lower() if verb is not None else ""
    subs = subjects(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else [
        c for c in verb.children if c.dep_ == "poss"] or subjects(verb.head) if verb is not None else []
    if phrase in spec["verbs"] and subs:  # "Tesch called for X's resignation", "Civic Dawn led the calls for"
        yield {"relation": relation, "subjects": subs, "objects": owners, "trigger": [verb, noun],
               "rule": f"noun: {phrase} X's {noun.lemma_.lower()}", "passive": False, "clause": verb}


def adjunct_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"After talks with Solvay, Reval flew home" (met), "In a call with X, Y thanked him" (met): the subject
    of the clause took part, with the object of "with"; "resigned under pressure from X" (intimidated): X did
    the act to the subject.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("After talks with Solvay, Reval flew home. Dolan resigned under pressure from Brask.")
    >>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]])
    ...  for t in doc for m in adjunct_matches(t)]
    [('met', ['Reval'], ['Solvay']), ('intimidated', ['Brask'], ['Dolan'])]
    """
    lex = load_lexicon()
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("VERB", "AUX"):
        return
    verb, prep = noun.head.head, noun.head.lower_
    compound = " ".join(c.lower_ for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1)
    events = lex["adjunct_events"]
    relation = events["nouns"].get(f"{compound} {noun.lemma_.lower()}".strip()) or events["nouns"].get(
        noun.lower_) or events["nouns"].get(noun.lemma_.lower())
    if prep in events["preps"] and relation and (others := prep_objects(noun, "with")) and (subs := subjects(verb)):
        yield {"relation": relation, "subjects": subs, "objects": others, "trigger": [noun.head, noun],
               "rule": f"noun: {prep} {noun.lemma_.lower()} with (the clause's subject)", "passive": False,
               "clause": verb}
    relation = lex["under_from"].get(noun.lemma_.lower())
    if prep == "under" and relation and (doers := prep_objects(noun, "from")) and (subs := subjects(verb)):
        yield {"relation": relation, "subjects": doers, "objects": subs, "trigger": [noun.head, noun],
               "rule": f"noun: under {noun.lemma_.lower()} from", "passive": False, "clause": verb}
