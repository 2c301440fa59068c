"""A party noun before a title stands for the body: "the dockers' leader", "the former customs chief".

News calls a union leader "the dockers' leader" or "the miners' chief": the possessor is a party noun
of the lexicon's ``groups`` in the plural with a bare apostrophe, and the possessed noun a title (the
lexicon's ``titles``). The noun chunk is the person's ("the dockers' leader Sella Brandt"), so no other
step finds the possessor. It is a mention of the body named before in the text with that word in its
name ("the Brenholt Dockers' Union", before or after), else of a new organisation known by the text's
form. Plural titles ("the dockers' leaders") are persons and stay one party.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.linking import Linker
>>> doc = parse("The Varn Dockers' Guild struck. The dockers' leader Ida Holm spoke.")
>>> linker = Linker({})
>>> guild = linker.propose("Varn Dockers' Guild", "Organisation", "Varn Dockers' Guild")
>>> named = [{"actors": [guild], "start": 0, "end": 22, "text": "The Varn Dockers' Guild", "tokens": (0, 5)}]
>>> [(m["text"], m["actors"]) for m in possessor_mentions(doc, named, linker, [False] * len(doc))]
[('dockers', ['varn-dockers-guild'])]
>>> doc = parse("Police detained the miners' leader Ida Holm.")
>>> linker = Linker({})
>>> found = possessor_mentions(doc, [], linker, [False] * len(doc))
>>> [(m["text"], m["actors"], m["kind"]) for m in found], linker.actors["miners-union"]["aliases"]
([('miners', ['miners-union'], 'new')], ["the miners'"])
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.kinds import group_word
from graph.ingest.mentions.linking import Linker

__all__ = ["possessor_mentions", "office_word_mentions", "owned_bodies"]

_BODIES = {"Organisation", "PublicBody", "SecurityService", "ArmedForce"}


def _named_body(word: str, mentions: list[dict[str, Any]], linker: Linker) -> list[str]:
    """The one body the text names with ``word`` in its name ("Dockers'" of the Dockers' Union), or as the noun of
    a modified party noun ("army" of "the Veldan army")."""
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.I)
    headed = re.compile(rf"\s{re.escape(word)}$", re.I)
    found = {a for m in mentions if len(m["actors"]) == 1 and m.get("kind", "name") in ("name", "new", "variant", "group")
             for a in m["actors"] if linker.actors.get(a, {}).get("type") in _BODIES
             and (pattern if m.get("kind", "name") != "group" else headed).search(linker.actors[a].get("label", ""))}
    return sorted(found) if len(found) == 1 else []


def _person(token: Any, linker: Linker) -> bool:
    """Whether the proper noun ``token`` names a person: with a first name, or a person of the corpus."""
    ids = linker.link(token.text)[0]  # (the recogniser's guess is no test: it takes "Ilvany" for a person)
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children) or any(
        linker.actors.get(i, {}).get("type") == "Person" and not linker.actors[i].get("proposed") for i in ids)


def possessor_mentions(doc: Any, mentions: list[dict[str, Any]], linker: Linker,
                       taken: list[bool]) -> list[dict[str, Any]]:
    """Mentions of "the <party noun>'" before a title: the body named with that word, else a new union."""
    titles = load_lexicon()["titles"]
    found = []
    for token in doc:
        if token.dep_ != "poss" or token.tag_ != "NNS" or taken[token.i] or group_word(token) is None or \
                not any(c.tag_ == "POS" and c.text in ("'", "\u2019") for c in token.children) or \
                token.head.tag_ != "NN" or token.head.lower_ not in titles:
            continue  # "the dockers' leaders" are persons, a party of their own
        start = token.i - 1 if token.i and doc[token.i - 1].dep_ == "det" and not taken[token.i - 1] else token.i
        form = doc[start:token.i + 2].text  # with its apostrophe: "the dockers'" is the text's form
        span = doc[token.i:token.i + 1]
        ids = _named_body(token.text, mentions, linker)
        reading = f"{form!r} read as {linker.actors[ids[0]]['label']} (named with that word)" if ids else None
        kind = "description" if ids else "new"
        if not ids:
            ids = [linker.propose(f"{token.lower_} union", "Organisation", form)]
        found.append({"start": span.start_char, "end": span.end_char, "text": span.text, "actors": ids,
                      "kind": kind, "tokens": (span.start, span.end), "head": token.i, "reading": reading})
        for i in range(span.start, span.end):
            taken[i] = True
    return found


def office_word_mentions(doc: Any, mentions: list[dict[str, Any]], linker: Linker,
                         taken: list[bool]) -> list[dict[str, Any]]:
    """Mentions of a body's bare word before a title ("Lind, the former customs chief"): the body the text names
    with that word ("the Tarvanian Customs Service"), else a new body of the word's type. A word the coreference
    resolves as a description ("the ministry spokesman") is left to it, a government's to the document's bodies.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Oskar Lind, the former customs chief, was arrested.")
    >>> [(m["text"], m["actors"]) for m in office_word_mentions(doc, [], Linker({}), [False] * len(doc))]
    [('customs', ['customs'])]
    """
    titles, descriptions = load_lexicon()["titles"], load_lexicon()["descriptions"]
    governments = set(load_lexicon()["government_titles"]["bodies"])  # "a government spokesman": the document's
    found = []
    for token in doc:
        kind = group_word(token)
        if token.dep_ != "compound" or not token.text.islower() or taken[token.i] or kind not in _BODIES or \
                token.lemma_.lower() in descriptions or token.lower_ in descriptions or token.lower_ in governments or \
                token.head.lemma_.lower() not in titles or token.head.i != token.i + 1 or \
                any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in token.children):
            continue
        ids = _named_body(token.text, mentions, linker)
        reading = f"{token.text!r} read as {linker.actors[ids[0]]['label']} (named with that word)" if ids else None
        found.append({"start": token.idx, "end": token.idx + len(token), "text": token.text,
                      "actors": ids or [linker.propose(token.lower_, kind, token.text)],
                      "kind": "description" if ids else "group", "tokens": (token.i, token.i + 1), "head": token.i,
                      "reading": reading})
        taken[token.i] = True
    return found


def owned_bodies(doc: Any, mentions: list[dict[str, Any]], linker: Linker, taken: list[bool]) -> list[dict[str, Any]]:
    """Mentions of a body a place's possessive introduces ("Ilvany's electoral board", "Tarvo's customs service"):
    a description noun of a body with its own modifiers, owned by a named place, is a new body known by the
    whole form (the place stays a mention of its own); later "the board" resolves to it.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Tarvania's electoral board declared Ines Varo the winner.")
    >>> linker = Linker({})
    >>> place = {"actors": [linker.propose("Tarvania", "State", "Tarvania")], "tokens": (0, 1)}
    >>> [(m["text"], linker.actors[m["actors"][0]]["label"]) for m in owned_bodies(doc, [place], linker, [True] + [False] * 9)]
    [('electoral board', "Tarvania's electoral board")]
    """
    descriptions = load_lexicon()["descriptions"]
    places = {m["tokens"][0]: m for m in mentions if len(m["actors"]) == 1 and m["tokens"][1] - m["tokens"][0] == 1
              and (linker.actors.get(m["actors"][0], {}).get("type") in ("State", "Place") or
                   doc[m["tokens"][0]].ent_type_ in ("GPE", "LOC"))}
    found = []
    for token in doc:
        kinds = descriptions.get(token.lemma_.lower()) or []
        owner = next((c for c in token.children if c.dep_ == "poss" and (c.i in places or (
            c.pos_ == "PROPN" and not _person(c, linker)))), None)
        mods = [c for c in token.children if c.dep_ in ("amod", "compound") and c.text.islower() and c.i < token.i]
        if token.pos_ != "NOUN" or owner is None or not mods or not set(kinds) & _BODIES or \
                any(taken[mods[0].i:token.i + 1]) or group_word(token) is not None:
            continue
        span = doc[mods[0].i:token.i + 1]
        label = doc[owner.i:token.i + 1].text
        found.append({"start": span.start_char, "end": span.end_char, "text": span.text, "kind": "new",
                      "actors": [linker.propose(label, next(k for k in kinds if k in _BODIES), label)],
                      "tokens": (span.start, span.end), "head": token.i, "reading": None})
        for i in range(span.start, span.end):
            taken[i] = True
    return found
