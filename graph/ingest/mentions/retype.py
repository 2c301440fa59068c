"""Second thoughts on the type of a proposed one-word "person": a place when the text uses it as one.

The entity recogniser takes many unknown one-word names for persons ("in Cordana", "Mirvan's
second city"). A news text introduces a person by the full name or a title first, so a one-word
proposed person that the text never titles and that stands after a preposition of place ("in",
"from", "to", "of neighbouring"), owns a place or a body ("Mirvan's foreign ministry", "Ilvany's
electoral board") or stands beside a place noun ("the capital, Haldor") is retyped: a ``State``
when it owns a body or is "neighbouring", a ``Place`` otherwise. The reading says so.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> doc = parse("Arriaga was the most feared man in Cordana. He fled to Ruvala.")
>>> found = find_mentions(doc, {})
>>> found["actors"]["cordana"]["type"], found["actors"]["ruvala"]["type"]
('Place', 'Place')
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.mentions.extents import capital_name
from graph.ingest.mentions.kinds import org_word
from graph.ingest.mentions.mention_data import load_mention_data
from graph.ingest.mentions.peoples import adjectives_of, named_as_town

__all__ = ["retype_places", "retype_persons", "retype_states", "retype_countries"]

_PLACE_PREPS = {"in", "from", "to", "into", "across", "throughout", "inside", "near", "at", "towards", "toward"}
_NEIGHBOUR = {"neighbouring", "neighboring", "nearby", "adjacent"}
_COUNTRY_OWNED = {"president", "premier", "minister", "government", "parliament", "army", "military", "constitution",
                  "embassy", "ambassador", "king", "queen", "monarch", "presidency"}  # not a city's, nor a region's
_STATE_OWNED = {"PublicBody", "ArmedForce", "SecurityService", "Person", "MediaOutlet"}  # "Kharzan's state television"


def _named_place(token: Any) -> bool:
    """Whether ``token`` is the name after "the capital" or "the city" and a comma ("in the capital, Varn").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police surrounded the bureau in the capital, Varn.")
    >>> _named_place(doc[8]), _named_place(doc[4])
    (True, False)
    """
    return token.i > 1 and capital_name(token.doc[token.i - 2]) == token


def _evidence(token: Any) -> str | None:
    """``State``, ``Place`` or None: what the position of a name's head token says it is."""
    data = load_mention_data()
    if any(c.lower_ in _NEIGHBOUR for c in token.children) or (token.i and token.doc[token.i - 1].lower_ in _NEIGHBOUR):
        return "State"
    if token.dep_ == "poss":
        owned = data["groups"].get(token.head.lower_) or next(iter(data["descriptions"].get(token.head.lemma_.lower(),
                                                                                            [])), None)
        return "State" if owned in _STATE_OWNED else "Place" if owned in ("Place", None) else None
    if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPS:
        return "Place"
    places = [t for t in [token.head, *token.children] if t.dep_ == "appos" or token.dep_ == "appos"]
    if any(data["descriptions"].get(t.lemma_.lower()) == ["Place"] for t in places):
        return "Place"
    return None


def retype_places(doc: Any, mentions: list[dict[str, Any]], proposed: dict[str, dict[str, Any]],
                  titled: Any) -> None:
    """Retype, in place, the one-word proposed persons the text uses as places (``titled(token)``: whether
    a person's title or honorific stands beside the name's head)."""
    for actor_id, spec in proposed.items():
        if spec.get("type") not in ("Person", "Organisation") or " " in spec["label"] or "-" in spec["label"]:
            continue
        heads = [doc[m["head"]] for m in mentions if m["actors"] == [actor_id] and m["kind"] != "demonym"]
        if spec["type"] == "Organisation":  # the recogniser's ORG: a place only after "the capital,"
            if heads and any(_named_place(h) for h in heads):
                spec["type"] = "Place"
                spec["note"] = f"{spec['label']!r} names a capital or a city in the text: typed Place"
            continue
        if any(m["kind"] == "demonym" and m["actors"] == [actor_id] for m in mentions):
            spec["type"] = "State"  # "Kestria's 'founding father' ... a Kestrian head of state": a people's country
            spec["note"] = f"{spec['label']!r} has a people's adjective in the text: typed State"
            continue
        if not heads or any(titled(h) for h in heads):
            continue
        found = {e for e in (_evidence(h) for h in heads) if e}
        if found:
            spec["type"] = "State" if "State" in found else "Place"
            spec["note"] = f"{spec['label']!r} is used as a place, not a person: typed {spec['type']}"


def retype_persons(doc: Any, mentions: list[dict[str, Any]], proposed: dict[str, dict[str, Any]],
                   titled: Any) -> None:
    """Retype, in place, a proposed organisation of two or three capitalised words that the text titles as a person
    anywhere ("Matej Hollan ... Hollan, the regional president"): the recogniser's ORG was a guess."""
    for actor_id, spec in proposed.items():
        words = spec["label"].split()
        if spec.get("type") != "Organisation" or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
            continue
        heads = [doc[m["head"]] for m in mentions if m["actors"] == [actor_id] and m["kind"] in ("name", "new")]
        after_of = any(m["actors"] == [actor_id] and m["tokens"][0] > 1 and doc[m["tokens"][0] - 1].lower_ == "of" and
                       doc[m["tokens"][0] - 2].ent_type_ == "PERSON" for m in mentions)  # "Ruth Amosa of Nakoro First"
        if heads and not after_of and not any(org_word(h) for h in heads) and any(titled(h) for h in heads):
            spec["type"] = "Person"
            spec["note"] = f"{spec['label']!r} is titled as a person in the text: typed Person"


def retype_states(doc: Any, mentions: list[dict[str, Any]], proposed: dict[str, dict[str, Any]]) -> None:
    """Retype, in place, a proposed one-word "organisation" the text gives what only a country has ("Orveno's
    Prime Minister", "Halvenia's wealthiest region", "the president of Orveno"): a ``State``."""
    owned = load_mention_data()["state_owned_words"]
    for actor_id, spec in proposed.items():
        label = spec["label"]
        if spec.get("type") != "Organisation" or " " in label or label.isupper() or not label[:1].isupper():
            continue
        heads = [doc[m["head"]] for m in mentions if m["actors"] == [actor_id]]
        if any(org_word(h) for h in heads):
            continue
        for head in heads:
            owner = head.head if head.dep_ == "poss" else head.head.head if (
                head.dep_ == "pobj" and head.head.lower_ == "of") else None
            if owner is not None and owner.lemma_.lower() in owned:
                spec["type"] = "State"
                spec["note"] = f"{label!r} has a {owner.lemma_.lower()} in the text, as a country does: typed State"
                break


def retype_countries(doc: Any, mentions: list[dict[str, Any]], proposed: dict[str, dict[str, Any]]) -> None:
    """Retype, in place, a proposed one-word place (or a guessed organisation) as a ``State`` when the text writes
    its people's adjective ("Korundia" beside "the Korundian army") or gives it what only a country has ("Tesselia's
    president", "the parliament of Arvenia"), unless it makes it a town ("the town of Ossel").

    >>> from graph.ingest.nlp import parse
    >>> from graph.ingest.mentions.finder import find_mentions
    >>> found = find_mentions(parse("Troops moved into Velmora on Monday. The Velmoran army said it was calm."), {})
    >>> found["actors"]["velmora"]["type"]
    'State'
    """
    text = doc.text
    for actor_id, spec in proposed.items():
        label = str(spec["label"])
        if spec.get("type") not in ("Place", "Organisation") or " " in label or "-" in label or \
                not label[:1].isupper() or label.isupper() or named_as_town(label, text):
            continue
        heads = [doc[m["head"]] for m in mentions if m["actors"] == [actor_id] and m["kind"] != "demonym"]
        if not heads or any(org_word(h) for h in heads):
            continue
        adjective = next((a for a in sorted(adjectives_of(label)) if re.search(rf"\b{re.escape(a)}\b", text)), None)
        owner = next((o.lemma_.lower() for h in heads for o in [h.head if h.dep_ == "poss" else h.head.head if (
            h.dep_ == "pobj" and h.head.lower_ == "of") else None] if o is not None and
            o.lemma_.lower() in _COUNTRY_OWNED), None)
        if adjective or owner:
            spec["type"] = "State"
            spec["note"] = f"{label!r} " + (f"has a people's adjective in the text ({adjective!r})" if adjective else
                                          f"has a {owner} in the text, as a country does") + ": typed State"
