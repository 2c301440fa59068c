"""The party a noun of a clause stands for, when the noun itself is none.

A verb's object is often a noun around the party meant: a content noun ("dismissed the claims of
X", "refused an order from X"), a quantity ("eleven of its members"), a container ("set parts of it
alight", "guarded the port of Brenholt", "owns a stake in X", the lexicon's ``container_nouns``), a
vehicle ("fired at a boat carrying journalists"). A passive without agent may name its agent by the
place it acts in ("held at the headquarters of the State Protection Bureau", ``custody_places``). A
document that acts ("The decree named X") stands for its author, named with it before (:func:`author`).

>>> from graph.ingest.nlp import parse
>>> doc = parse("Guardsmen fired at a boat carrying journalists and guarded the port of Tarn.")
>>> descend(doc[4]).text, descend(doc[10]).text
('journalists', 'Tarn')
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import agents, is_passive, prep_objects, subjects

__all__ = ["CONTENT", "descend", "keeper", "offerer", "author", "body_left"]

#: nouns whose possessor or "of"/"by"/"from" object is the party meant ("the claims of X", "X's decision")
CONTENT = {"claim", "claims", "allegation", "allegations", "accusation", "accusations", "report", "reports",
           "demand", "demands", "decision", "arrival", "statement", "remarks", "comment", "comments", "proposal",
           "offer", "call", "move", "role", "words", "actions", "efforts", "help", "support", "request", "leadership",
           "handling", "response", "assistance", "contribution", "version", "departure", "use", "exit", "return",
           "visit", "treatment", "leaders", "heads", "representatives", "complaint", "complaints",
           "charge", "policy", "policies", "stance", "record", "conduct", "performance", "courage", "reforms",
           "initiative", "position", "assessment", "findings", "conclusions", "account", "estimate", "figures",
           "order", "orders", "instruction", "instructions", "chair", "chairmanship", "presidency", "measures", "steps",
           "cooperation", "attempt", "attempts", "plan", "plans", "bid", "decisions", "proposals", "refusal", "rule"}
_QUANTITY = {"some", "many", "dozens", "hundreds", "thousands", "several", "most", "all", "dozen", "none", "one",
             "another", "others", "rest"}
_CARRYING = ("carry", "transport", "ferry")


def descend(token: Any) -> Any:
    """From a role or content noun to the party it stands for: "the head of X" / "the claims of X" / "X's claims"."""
    lex = load_lexicon()
    if token.pos_ == "NUM" or token.lower_ in _QUANTITY:  # "eleven of its members", "a dozen of them"
        found = prep_objects(token, "of")
        if found:
            return found[0]
    inside = lex["container_nouns"].get(token.lower_)
    if inside and not any(c.dep_ in ("appos", "poss") for c in token.children) and (found := prep_objects(token, inside)):
        return found[0]  # "set parts of it alight", "guard the port of Brenholt", "owns a stake in X"
    carried = [o for c in token.children if c.dep_ == "acl" and c.lemma_ in _CARRYING
               for o in c.children if o.dep_ == "dobj"]
    if carried and token.pos_ == "NOUN":
        return carried[0]  # "fired at a boat carrying journalists": at the journalists
    as_title = token.lemma_.lower() in lex["titles"] and token.dep_ == "pobj" and token.head.lower_ == "as"
    if (as_title or token.lower_ in CONTENT) and not any(c.dep_ == "appos" for c in token.children):
        for child in token.children:
            if child.dep_ == "poss":
                return child
        found = prep_objects(token, "against") or [  # "complaints of torture against X"
            g for o in prep_objects(token, "of") for g in prep_objects(o, "against")] or \
            prep_objects(token, "of") or prep_objects(token, "by") or prep_objects(token, "from")  # "an order from X"
        if found:
            return found[0]
    return token


def keeper(verb: Any, relation: str) -> list[Any]:
    """Whose place holds the one held, for a passive without agent ("was held at the headquarters of the
    State Protection Bureau", "held in the cells of the KNB"): that body.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Ondra is being held at the headquarters of the State Protection Bureau.")
    >>> [t.text for t in keeper(doc[3], "detained")]
    ['Bureau']
    """
    if relation != "detained":
        return []
    places = [p for prep in ("at", "in", "inside") for p in prep_objects(verb, prep)
              if p.lemma_.lower() in load_lexicon()["custody_places"]]
    return [o for p in places for o in prep_objects(p, "of") if o.pos_ == "PROPN"][:1]


def offerer(thing: Any) -> Any | None:
    """Who offered ``thing``, by a relative clause of offering on it or on its "of" phrase ("the award, which Russia
    had offered him", "the Order of the Lion, which Valdoria had offered him", "the post she was given by Reval"),
    or None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Halm declined the medal, which the Dravic government had offered him.")
    >>> offerer(doc[3]).text, offerer(doc[8])
    ('government', None)
    """
    for clause in (c for t in (thing, *prep_objects(thing, "of")) for c in t.children  # "the Order of X, which"
                   if c.dep_ == "relcl" and c.lemma_.lower() in load_lexicon()["offering"]):
        givers = agents(clause) if is_passive(clause) else [
            c for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who")]
        if givers:
            return givers[0]
    return None


def author(noun: Any) -> Any | None:
    """Who issued the document ``noun`` ("The decree named X") when the text named him with it just before:
    "Azmeh dismissed Sarraf in a decree. The decree named X" (the subject of the verb the earlier
    "decree" hangs on), "Reval's decree" (its possessor); None when it names its own author or none.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Reval dismissed Dolan in a decree on Monday. The decree named Varga as minister.")
    >>> author(doc[10]).text
    'Reval'
    """
    if noun.lemma_.lower() not in load_lexicon()["authored_documents"] or any(
            c.dep_ == "poss" for c in noun.children) or prep_objects(noun, "of") or prep_objects(noun, "by"):
        return None
    start = max(0, noun.sent.start - 1)
    start = noun.doc[start].sent.start  # this sentence and the one before
    for before in reversed(noun.doc[start:noun.i]):
        if before.lemma_.lower() != noun.lemma_.lower():
            continue
        owner = [c for c in before.children if c.dep_ == "poss"] or prep_objects(before, "by")
        verb = before.head if before.dep_ in ("dobj", "nsubjpass") else before.head.head if (
            before.dep_ == "pobj" and before.head.lower_ in ("in", "by", "with", "through")) else None
        found = owner or (subjects(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else [])
        return found[0] if found else None
    return None


def body_left(verb: Any, relation: str) -> list[Any]:
    """The body whose part an agentless passive removed someone from: "was expelled from the party's group",
    "was dropped from its council" (the party did it; not "from his post", not "from the chairmanship").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Dorn was dropped from the party's council.")
    >>> [t.text for t in body_left(doc[2], "dismissed")], body_left(doc[2], "arrested")
    (['party'], [])
    """
    if relation not in ("expelled", "dismissed"):
        return []
    return [c for o in prep_objects(verb, "from") if o.lemma_.lower() not in load_lexicon()["post_nouns"]
            for c in o.children if c.dep_ == "poss" and c.lower_ not in ("his", "her", "their", "my", "our", "your")]
