"""What the text said earlier about an actor, for a relation whose object the sentence leaves out.

- ``post``: "Interior Minister Cuesta resigned": the body whose post the text gave him last
  (``headed``, ``memberOf``);
- ``accuser``: "Moll denied any wrongdoing", "a charge he rejected", "Welkow pleaded not guilty": the
  one who accused, charged or investigated him last;
- ``asker``: "Brask asked Reval to fire him. Reval has so far refused.": the one who asked, urged or
  ordered him last (or, just before, asked anyone: "Kordan asked for bail. The judge refused.");
- ``president``: "Vice-President Ferrer": the president of the text's country the text named last.

Each is a far mention (its words are not part of the quote) with a reading for the curator.

>>> results = [{"subject": "oduya", "relation": "accused", "object": "dolan", "negated": False, "start": 0,
...             "end": 9, "rule": "verb: accuse"}]
>>> accuser(results, {"actors": ["dolan"]}, {"oduya": {"label": "Harriet Oduya"}})["actors"]
['oduya']
>>> post(results, {"actors": ["dolan"]}, {}) is None
True
>>> asks = [{**results[0], "relation": "appealedTo", "start": 0, "end": 20}]
>>> asker(asks, {"actors": ["reval"], "start": 60}, {})["actors"], asker(asks, {"actors": ["reval"], "start": 900}, {})
(['oduya'], None)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["post", "accuser", "asker", "president", "EARLIER"]

_ACCUSING = ("accused", "charged", "investigated", "blamed", "criticised", "condemned", "sanctioned")
_HOLDING = ("arrested", "detained")  # the body that arrested him on a charge holds it against him
_ASKING = ("appealedTo", "demandedFrom", "ordered", "invited")
_JUST_BEFORE = 300
"""How far back (characters) a request to someone else is still the one a bare refusal turns down."""


def _far(result: dict[str, Any], actor: str, actors: dict[str, dict[str, Any]], what: str) -> dict[str, Any]:
    return {"actors": [actor], "text": actors.get(actor, {}).get("label", actor), "start": result["start"],
            "end": result["end"], "far": True, "reading": f"{what}: {result['rule']}"}


def post(results: list[dict[str, Any]], subject: dict[str, Any] | None,
         actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The body whose post the text gave ``subject`` last (headed, memberOf), as a far mention, or None."""
    if subject is None or len(subject["actors"]) != 1:
        return None
    held = [c for c in results if c["subject"] == subject["actors"][0] and c["relation"] in ("headed", "memberOf")
            and c["object"] and not c["negated"]]
    return _far(held[-1], held[-1]["object"], actors, "the post the text gave him") if held else None


def accuser(results: list[dict[str, Any]], subject: dict[str, Any] | None,
            actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Who accused, charged or investigated ``subject`` last (else who arrested or held him), or None."""
    if subject is None or len(subject["actors"]) != 1:
        return None
    acts = [c for c in results if c["relation"] in _ACCUSING + _HOLDING and c["subject"] and not c["negated"]
            and c["subject"] != subject["actors"][0] and c["object"] == subject["actors"][0]]
    found = [c for c in acts if c["relation"] in _ACCUSING][-1:] or acts[-1:]  # else who arrested or held him
    return _far(found[0], found[0]["subject"], actors, "the accuser the text named before") if found else None


def asker(results: list[dict[str, Any]], subject: dict[str, Any] | None,
          actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Who asked, urged or ordered ``subject`` last, else who asked anyone just before, or None."""
    if subject is None or len(subject["actors"]) != 1:
        return None
    asks = [c for c in results if c["relation"] in _ASKING and c["subject"] and not c["negated"]
            and c["subject"] != subject["actors"][0]]
    found = [c for c in asks if c["object"] == subject["actors"][0]][-1:] or [
        c for c in asks[-1:] if 0 <= subject.get("start", 0) - c["end"] <= _JUST_BEFORE]
    return _far(found[0], found[0]["subject"], actors, "the one who asked before") if found else None


def president(results: list[dict[str, Any]], subject: dict[str, Any] | None,
              actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The head of the text's country the text named last ("President X", rule "... (of the country)"), not
    ``subject`` nor a former one ("the former president"), or None.

    >>> heads = [{"subject": "reval", "relation": "headed", "object": "k", "negated": False, "start": 0, "end": 9,
    ...           "rule": "title: president (of the country)"}]
    >>> president(heads, {"actors": ["ferrer"]}, {})["actors"], president(heads, {"actors": ["reval"]}, {})
    (['reval'], None)
    """
    if subject is None or len(subject["actors"]) != 1:
        return None
    heads = [c for c in results if c["relation"] == "headed" and c["rule"].endswith("(of the country)") and
             c["rule"].startswith("title: president") and c["subject"] not in (None, subject["actors"][0])]
    return _far(heads[-1], heads[-1]["subject"], actors, "the president the text named before") if heads else None


EARLIER: dict[str, Callable[[list[dict[str, Any]], dict[str, Any] | None, dict[str, dict[str, Any]]],
                            dict[str, Any] | None]] = {"post": post, "accuser": accuser, "asker": asker,
                                                                      "president": president}
