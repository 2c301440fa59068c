"""Speakers the mentions do not name: "according to a senior official of the ruling party", "his wife said".

An attributed statement keeps its claimant even when the speaker is only described: the noun
phrase (without its relative clause or apposition) becomes a proposed actor, a person for a
singular noun and a collective for a plural one, its possessor written out when the text names
it ("his wife" -> "Ilya Marek's wife"), with the text's own words as an alias.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Police detained Dorn, according to a senior official of the party, who spoke anonymously.")
>>> actors, proposed = {}, {}
>>> actor = describe(doc[8], {}, actors, proposed)["actors"][0]
>>> actor, proposed[actor]["label"], proposed[actor]["type"], proposed[actor]["aliases"]
('senior-official-of-the-party', 'senior official of the party', 'Person', ['a senior official of the party', 'a senior official', 'official'])
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.finder import slug

__all__ = ["describe", "described", "body_word", "noun_phrase", "phrase_actor", "own_voice"]

_DROP = {"relcl", "appos", "acl", "punct", "advcl"}
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_PLACING = {"in", "on", "at", "from", "close", "near", "inside", "within"}
_SOME = {"some", "many", "others", "several", "most", "few", "none"}


def own_voice(token: Any | None) -> bool:
    """Whether the speaker ``token`` is the outlet's own staff ("our correspondent says", "our reporter in Tarn"):
    the report's voice, no claimant.

    >>> from graph.ingest.nlp import parse
    >>> own_voice(parse("Our reporter in Tarn says it.")[1]), own_voice(parse("Our sources say it.")[1])
    (True, False)
    """
    return token is not None and token.lemma_.lower() in load_lexicon()["own_staff"] and any(
        c.dep_ == "poss" and c.lower_ == "our" for c in token.children)


def noun_phrase(token: Any) -> list[Any]:
    """The tokens of ``token``'s noun phrase, without relative clauses, appositions and punctuation (but for
    the hyphens of a compound word: "shoot-on-sight")."""
    keep = [token]
    for child in token.children:
        if _CLOCK.match(child.text):
            continue  # "06:45 A man ...": a live blog's time stamp, not a word of the phrase
        if child.dep_ not in _DROP or (child.text == "-" and not child.whitespace_):
            keep += noun_phrase(child)
    return sorted(keep, key=lambda t: t.i)


def describe(token: Any, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]],
             proposed: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A mention of a proposed actor for the speaker ``token`` (a common noun), or None."""
    lex = load_lexicon()
    if token.lower_ in _SOME and any(c.dep_ == "prep" for c in token.children):
        mention = phrase_actor(token, "CollectiveActor", index, actors, proposed)  # "some in the capital"
        return {**mention, "kind": "description", "reading": f"the speakers, {mention['text']!r}, as a new actor"}
    if token.pos_ != "NOUN" or token.ent_type_ in ("DATE", "TIME", "CARDINAL") or \
            token.lemma_.lower() in lex["document_nouns"] or token.lemma_.lower() in lex["content_nouns"]:
        return None  # "the statement said": its author is unknown, not a new actor
    kind = "CollectiveActor" if token.tag_ == "NNS" else "Person"
    if token.lemma_.lower() in lex["speaking_bodies"]:
        kind = str(lex["groups"].get(token.lemma_.lower(), "PublicBody"))  # "his office": a body
    mention = phrase_actor(token, kind, index, actors, proposed)
    return {**mention, "kind": "description", "reading": f"the speaker, {mention['text']!r}, as a new actor"}


def described(token: Any, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]]) -> bool:
    """Whether the speaker ``token`` is a generic group of people that its own words place ("officials on both
    sides", "diplomats in Varn", "dockers in Brenholt"): the phrase is the claimant, not the bare noun.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Diplomats in Varn said it.")
    >>> described(doc[0], {0: {"actors": ["diplomats"], "kind": "group"}}, {"diplomats": {"type": "CollectiveActor"}})
    True
    """
    own = index.get(token.i)
    if token.lemma_.lower() in load_lexicon()["speaking_bodies"] and own is not None and own.get("kind") == "group" and \
            any(c.dep_ == "poss" and c.pos_ == "PRON" and len(index.get(c.i, {}).get("actors", [])) == 1 for c in token.children):
        return True  # "his office said": the office of the one "his" stands for, not a bare "office"
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and own is not None and own.get("kind") == "group" and \
        len(own["actors"]) == 1 and actors.get(own["actors"][0], {}).get("type") == "CollectiveActor" and \
        any(c.dep_ == "prep" and c.lower_ in _PLACING for c in token.children)


def phrase_actor(token: Any, kind: str, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]],
                 proposed: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The mention of ``token``'s noun phrase as an actor of type ``kind``, proposed unless known: its label
    without the leading article and with a possessive pronoun written out, the text's words as aliases.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The bloc welcomed the arrests of two generals.")
    >>> actors = {}
    >>> phrase_actor(doc[4], "Event", {}, actors, {})["actors"], actors["arrests-of-two-generals"]["aliases"]
    (['arrests-of-two-generals'], ['the arrests of two generals', 'the arrests', 'arrests'])
    """
    words = noun_phrase(token)
    text = token.doc[words[0].i:words[-1].i + 1].text
    parts = []
    for t in words:
        if t.dep_ == "poss" and t.pos_ == "PRON" and t.i in index and len(index[t.i]["actors"]) == 1:
            parts.append(f"{actors.get(index[t.i]['actors'][0], {}).get('label', t.text)}'s{t.whitespace_}")
        elif not (t.i == words[0].i and t.dep_ == "det"):
            parts.append(t.text_with_ws)  # the text's spacing: "shoot-on-sight order", "Marek's wife"
    label = " ".join("".join(parts).split())
    actor_id = slug(label)
    if actor_id not in actors:
        short = token.doc[words[0].i:token.i + 1].text  # "a senior official" (of the party)
        aliases = [a for a in dict.fromkeys([text, short, token.text, *_unnamed(words)]) if a.lower() != label.lower()]
        actors[actor_id] = proposed[actor_id] = {"type": kind, "label": label, "aliases": aliases, "proposed": True}
    return {"actors": [actor_id], "text": text, "start": words[0].idx, "end": words[-1].idx + len(words[-1])}


def _unnamed(words: list[Any]) -> list[str]:
    """The phrase ``words`` without the name that ends it after a title ("the office of Orveno's Prime Minister
    Isabel Corvo": "the office of Orveno's Prime Minister"), if it ends so.

    >>> from graph.ingest.nlp import parse
    >>> _unnamed(noun_phrase(parse("The office of President Hana Drel said it.")[1]))
    ['The office of President']
    """
    titles = load_lexicon()["name_title_words"]
    cut = max((i for i, t in enumerate(words) if t.lower_ in titles), default=None)
    if cut is None or cut == len(words) - 1 or cut == 0 or not all(t.pos_ == "PROPN" for t in words[cut + 1:]):
        return []
    return [words[0].doc[words[0].i:words[cut].i + 1].text]


def body_word(token: Any, index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]],
              proposed: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A party noun that modifies a title and is no mention of its own ("the army chief, General Petrache",
    "a union spokeswoman") as a mention of a proposed body of the lexicon's type, or None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The army chief, General Sorin Petrache, spoke.")
    >>> actors, proposed = {}, {}
    >>> body_word(doc[1], {}, actors, proposed)["actors"], proposed["army"]["type"]
    (['army'], 'ArmedForce')
    """
    kind = load_lexicon()["groups"].get(token.lemma_.lower())
    own = index.get(token.i)
    if token.dep_ != "compound" or token.pos_ != "NOUN" or kind is None or (own is not None and own.get("head") == token.i):
        return None
    start = token.i
    while start > token.sent.start and token.doc[start - 1].dep_ in ("amod", "compound") and \
            token.doc[start - 1].head in (token, token.doc[start]):
        start -= 1
    label = token.doc[start:token.i + 1].text  # "the Russian foreign ministry spokeswoman": Russian foreign ministry
    phrase = token.doc[token.head.left_edge.i:token.i + 1].text.lower()  # the title's words up to the body noun
    named = sorted(((len(n), a) for a, spec in actors.items() for n in [spec.get("label", ""), *spec.get("aliases", [])]
                    if n and n.lower().endswith(token.lower_) and n.lower() in phrase), reverse=True)
    actor_id = named[0][1] if named else slug(label)  # "the Russian foreign ministry": the text's Russian ministry
    if actor_id not in actors:
        actors[actor_id] = proposed[actor_id] = {"type": kind, "label": label, "aliases": [], "proposed": True}
    return {"actors": [actor_id], "text": token.text, "start": token.idx, "end": token.idx + len(token),
            "kind": "group", "reading": f"{token.text!r}, the body of the title {token.head.text!r}, as an actor"}
