"""Members as parties of their own: "deputies of the Unity Party", "two of its reporters", "the party's youth wing".

A plural member title with the body it belongs to (after "of", "at", "in", or a possessor) is, for
``memberOf``, a party of its own: the group the text counts, a member of that body; so is an indefinite
one ("a senior official of the party"). Elsewhere the members act for their body ("officers of the SBV
detained him": the SBV detained him, and member nouns such as "officers" or "troops" stay so), so only the
``memberOf`` of a title takes the noun's own mention; its phrase, which tells the group apart ("officials
at the bank"), is kept as a form the text used. A title that names no body ("members of the public",
"members of his family", "diplomats in Varn") belongs to nothing: the object must be a body, and not an
armed one, whose members the text takes for the force itself ("members of the security forces"). An
organ of a body ("its political council") is a member of it.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Two officials at the bank resigned.")
>>> actors = {}
>>> found = member_mention(doc[1], {}, actors, actors)["actors"]
>>> found, actors[found[0]]["aliases"]
(['two-officials-at-the-bank'], ['Two officials', 'officials'])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.context.speakers import noun_phrase, phrase_actor
from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.kinds import org_word
from graph.ingest.mentions.linking import keep_form

__all__ = ["member_mention", "member_body", "organ_matches", "party_holders", "MEMBER_BODIES"]

MEMBER_BODIES = {"Organisation", "PublicBody", "MilitaryAlliance", "MediaOutlet"}  # the members of an armed force or
# a security service are the force ("members of the Republican Guard held her"): extract's actor


def _member_noun(token: Any) -> bool:
    """Whether ``token`` is a noun whose members act for their body ("officers", "a police officer")."""
    nouns = load_lexicon()["member_nouns"]
    return token.lower_ in nouns or f"{token.lemma_.lower()}s" in nouns


def party_holders(role: Any, relation: str, holders: list[Any]) -> tuple[list[Any], bool]:
    """The holders of the member title ``role`` and whether the role is a party of its own: a plural
    ("deputies of the Unity Party", "two of its reporters") or an indefinite ("a senior official of the
    party") that names no holder is the group or person it describes; names the parser hung on the body
    ("two deputies of the Civic Union, X and Y") are the holders; "the men were officers of the KNB" and
    other member nouns act for the body (no holder); "both countries are members" keeps its subject.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Two officials of the bank resigned.")
    >>> party_holders(doc[1], "memberOf", [])
    ([officials], True)
    """
    plural = relation in ("memberOf", "servedUnder") and role.tag_ == "NNS" and holders != [role] and \
        not any(h.pos_ == "PROPN" for h in holders)
    indefinite = relation == "memberOf" and role.tag_ == "NN" and not holders and not (
        role.dep_ == "pobj" and role.head.lower_ == "as") and any(c.lower_ in ("a", "an") for c in role.children)
    party = (plural or indefinite) and role.dep_ not in ("attr", "oprd") and not _member_noun(role) and \
        not any(c.lower_ in ("whose", "their") for c in role.children)  # "their observers": of people, no body
    if party:
        named = [a for c in role.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
                 for a in o.children if a.dep_ in ("appos", "conj") and a.ent_type_ == "PERSON" and
                 role.doc[a.left_edge.i - 1].text == ","][:1]  # "X, A and B": A and B
        return ([*named, *(c for c in named[0].conjuncts if c.i > named[0].i)] if named else [role]), not named
    if plural and relation == "memberOf" and (role.dep_ != "attr" or _member_noun(role)):
        return [], False
    return holders, False


def member_body(role: Any, body: Any, relation: str, party: bool) -> bool:
    """Whether ``body`` may be the body a title ``role`` of ``relation`` is of; for ``memberOf`` not a nationality ("the Russian officer";
    but "the Chinese ambassador" is his state's), not a place after "in" ("an observer in Tarn"); for a party
    of its own (see :func:`party_holders`) not after "from" ("observers from the bloc": its mission, or the bloc
    itself) nor a noun with an adjective of its own ("a senior party official": the title's adjective).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Oskar Dorn, the Valdorian officer, met the Valdorian ambassador.")
    >>> member_body(doc[5], doc[4], "memberOf", False), member_body(doc[10], doc[9], "memberOf", False)
    (False, True)
    """
    if relation == "memberOf" and (body.pos_ == "ADJ" or body.ent_type_ == "NORP") and \
            role.lemma_.lower() not in load_lexicon()["state_envoys"]:
        return False
    if relation == "memberOf" and body.head.lower_ == "in" and body.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    return not party or not (body.head.lower_ == "from" or (body.dep_ == "compound" and body.pos_ == "NOUN" and any(
        c.dep_ == "amod" for c in body.children)))


def member_mention(token: Any, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]],
                   proposed: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The mention of the member noun ``token`` itself: its own (a group the mentions proposed, its phrase
    kept among its forms), else its noun phrase as a proposed collective.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Deputies of the Unity Party walked out.")
    >>> own = {"actors": ["deputies"], "kind": "group", "text": "Deputies"}
    >>> found = {"deputies": {"type": "CollectiveActor", "label": "deputies", "aliases": []}}
    >>> member_mention(doc[0], {0: own}, found, found)["actors"], found["deputies"]["aliases"]
    (['deputies'], ['Deputies of the Unity Party'])
    """
    own = index.get(token.i)
    if own is not None and own.get("kind") != "group" and len(own["actors"]) == 1:
        return own  # "the Pact's Collective Security Council": a name
    if own is None or own.get("kind") != "group" or len(own["actors"]) != 1:
        kind = "Organisation" if token.lemma_.lower() in load_lexicon()["member_organs"] else \
            "CollectiveActor" if token.tag_ == "NNS" else "Person"  # "its youth wing", "its deputies", "an official"
        return phrase_actor(token, kind, index, actors, proposed)
    words = noun_phrase(token)
    phrase = token.doc[words[0].i:words[-1].i + 1].text
    actor = own["actors"][0]
    if phrase.lower() != own["text"].lower():
        keep_form(proposed, actor, phrase)  # "officials of the national company": a form the text used
    return own


def organ_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"the party's youth wing", "its political council", "the bloc's Collective Security Council": an organ
    of a body (the lexicon's ``member_organs``) is a member of its possessor (a body: extract checks the type).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The Unity Party's youth wing marched.")
    >>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for m in organ_matches(doc[5])]
    [('memberOf', ['wing'], ['Party'])]
    """
    owners = [c for c in noun.children if c.dep_ == "poss" and (c.lower_ == "its" or c.pos_ == "PROPN" and (
        c.ent_type_ not in ("GPE", "NORP", "LOC", "PERSON") and (c.text.isupper() or org_word(c) and any(
            g.dep_ == "compound" for g in c.children))))]
    # "its", "the CSTO's", "the Northern Pact's"; not "Ilvany's electoral council" (a one-word name is mostly a
    # state's or a person's, whatever the tagger says), nor "Ines Varo's campaign board" (a person has no organs),
    # nor "the ruling party's" (a description, often misread)
    if noun.lemma_.lower() in load_lexicon()["member_organs"] and owners:
        yield {"relation": "memberOf", "subjects": [noun], "objects": owners, "trigger": [noun], "party": True,
               "rule": f"noun: X's {noun.lemma_.lower()}", "passive": False, "clause": None, "fan": False}
