"""Whose a title is: the body it names by a common noun ("the miners' leader", "the board's chairwoman"), the
person a lawyer or spokesman speaks for ("His lawyer says he was at the rally": his client).

News names a body in full once ("the Ossel Miners' Federation", "the National Electoral Board") and then
gives its officers a title whose possessor or modifier is a word of that name ("the miners' leader Pavel
Ondra", "The board's chairwoman, Agnes Mott") or the kind of body it is ("the union leader"). The word
stands for the body the text named with it (the nearest before, else the first after: "the dockers'
leader ... the Brenholt Dockers' Union"); a word no name holds is left alone here (the finder makes "the
dockers' leader" of a text that names no such body a new union: :mod:`graph.ingest.mentions.possessors`). A possessor that is a person's role ("the president's spokesman") is left to the descriptions.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> doc = parse("The National Electoral Board met. The board's chairwoman, Agnes Mott, said the vote was fair.")
>>> found = find_mentions(doc, {})
>>> [(m["text"], m["actors"]) for m in title_owners(doc, found["mentions"], found["actors"])]
[('board', ['national-electoral-board'])]
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.coreference.descriptions import description_noun
from graph.ingest.mentions.kinds import BODIES
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["title_owners", "principal", "possessed_bodies"]

_OWNERS = BODIES | {"ArmedForce"}


def _words(spec: dict[str, Any]) -> set[str]:
    return {w for n in [spec.get("label", ""), *spec.get("aliases", [])] for w in re.findall(r"[a-z]+", n.lower())}


def _heads(spec: dict[str, Any]) -> set[str]:
    """The nouns a body's names are of: the last word, or the one before "of" ("Government of Kestria");
    "Government House" is a house, not a government.

    >>> sorted(_heads({"label": "Government House", "aliases": ["the Civic Dawn party", "Government of Kestria"]}))
    ['government', 'house', 'party']
    """
    return {re.findall(r"[a-z]+", n.lower().split(" of ")[0])[-1] for n in [spec.get("label", ""), *spec.get("aliases", [])]
            if re.search(r"[a-z]", n.lower().split(" of ")[0])}


def _owner(token: Any) -> bool:
    """Whether ``token`` is a common noun that owns or modifies a person's title under "the"."""
    data = load_mention_data()["descriptions"]
    title = token.head
    if token.dep_ not in ("poss", "compound") or token.pos_ != "NOUN" or token.i > title.i or \
            "Person" not in data.get(description_noun(title), []) or "Person" in data.get(description_noun(token), []):
        return False
    dets = [c for c in [*token.children, *title.children] if c.dep_ == "det"]
    return any(d.lower_ == "the" for d in dets)


def title_owners(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """New mentions, one per owner word of a title that stands for a body of ``mentions``."""
    covered = {i for m in mentions for i in range(*m["tokens"])}
    bodies = [m for m in mentions if len(m["actors"]) == 1 and m["kind"] in ("name", "new", "variant")
              and actors.get(m["actors"][0], {}).get("type") in _OWNERS]
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.dep_ not in ("poss", "compound") or token.i in covered or not _owner(token):
            continue
        words = {token.lower_, token.lemma_.lower()}
        named = [m for m in bodies if words & _words(actors[m["actors"][0]])]
        if not named:
            continue
        before = [m for m in named if m["end"] <= token.idx]
        pick = before[-1] if before else named[0]
        found.append({"start": token.idx, "end": token.idx + len(token), "text": token.text,
                      "actors": list(pick["actors"]), "kind": "description", "tokens": (token.i, token.i + 1),
                      "head": token.i, "reading": f"{token.text!r} of {token.head.text!r} read as "
                                                 f"{actors[pick['actors'][0]]['label']} (the body named with that word)"})
    return found


def principal(pronoun: Any, covered: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """For a subject pronoun in what a lawyer or spokesman says, the one they speak for: the possessor of their
    role ("His lawyer, Mereke Gabdualiev, says he was at the rally": his client), else None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("His lawyer, Karel Osk, says he was at home.")
    >>> principal(doc[7], {0: {"actors": ["lunn"], "kind": "pronoun"}})["actors"]
    ['lunn']
    """
    verb = pronoun.head
    while verb.dep_ == "conj":
        verb = verb.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "ccomp":
        return None
    agents = load_mention_data()["agent_roles"]
    for speaker in (c for c in verb.head.children if c.dep_ == "nsubj"):
        roles = [speaker] + [c for c in speaker.children if c.dep_ == "appos"] + (
            [speaker.head] if speaker.dep_ == "appos" else [])
        for role in (r for r in roles if r.lemma_.lower() in agents):
            owner = next((covered[c.i] for c in role.children if c.dep_ == "poss" and c.i in covered), None)
            if owner is not None and len(owner["actors"]) == 1:
                return owner
    return None


def possessed_bodies(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> None:
    """Read, in place, a party noun with a possessor ("her party", "his ministry") that the mention finder proposed
    as a body of its own as the body the text named with that noun (the nearest before, else the first after).

    >>> from graph.ingest.nlp import parse
    >>> from graph.ingest.mentions.finder import find_mentions
    >>> doc = parse("Mira Tesch leads the Civic Dawn party. She said her party would vote for the bill.")
    >>> found = find_mentions(doc, {})
    >>> possessed_bodies(doc, found["mentions"], found["actors"])
    >>> [(m["text"], m["actors"]) for m in found["mentions"] if m["text"] == "party"]
    [('party', ['civic-dawn']), ('party', ['civic-dawn'])]
    """
    bodies = [m for m in mentions if len(m["actors"]) == 1 and m["kind"] in ("name", "new", "variant")
              and actors.get(m["actors"][0], {}).get("type") in _OWNERS]
    for mention in mentions:
        head = doc[mention["head"]]
        spec = actors.get(mention["actors"][0], {}) if len(mention["actors"]) == 1 else {}
        label = spec.get("label", "").lower()
        if mention["kind"] != "group" or not spec.get("proposed") or not any(c.dep_ == "poss" for c in head.children) \
                or not (label == head.lower_ or label == f"own {head.lower_}" or (label.endswith(f"'s {head.lower_}") and
                                                                                 any(c.dep_ == "poss" and c.pos_ == "PROPN"
                                                                                     for c in head.children))):
            continue  # "her party" proposed as "party", "Velkov's bureau", "his own agency"
        named = [m for m in bodies if head.lower_ in _heads(actors[m["actors"][0]])]
        if named:
            before = [m for m in named if m["end"] <= mention["start"]]
            pick = before[-1] if before else named[0]
            mention.update(actors=list(pick["actors"]), reading=f"{mention['text']!r} with its possessor read as "
                                                              f"{actors[pick['actors'][0]]['label']} (the body named so)")
