"""Kin descriptions with no name beside them ("his wife", "her husband") read as the person the text names
as that relative of the same possessor ("his wife, Saltanat Nukenova", "her husband, Jonas Stenbeck"), before
or after; or as the possessor of the converse relative ("Iturbe's wife, Elena, said her husband": Iturbe).

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> from graph.ingest.coreference.resolver import resolve
>>> doc = parse("Pavel Rusk was jailed for the murder of his wife, Mila Rusk. Rusk admitted beating his wife.")
>>> [c.text for c in kin_chunks(doc, {})]
['his wife']
>>> found = find_mentions(doc, {})
>>> [(m["text"], m["actors"]) for m in resolve(doc, found["mentions"], found["actors"]) if m["kind"] == "description"]
[('his wife', ['mila-rusk'])]
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["kin_chunks", "named_relative", "converse"]

_DATA = Path(__file__).with_name("kinship.yaml")


def converse(noun: str) -> set[str]:
    """The kin nouns the possessor of ``noun`` is to that relative ("wife" -> husband).

    >>> sorted(converse("wife")), sorted(converse("father"))
    (['husband'], ['daughter', 'son'])
    """
    table: dict[str, list[str]] = yaml.safe_load(_DATA.read_text())["converse"]
    return set(table.get(noun, []))


def kin_chunks(doc: Any, covered: dict[int, Any]) -> list[Any]:
    """Spans "<possessor> <kin noun>" that no name stands beside ("his wife", "her father"), not in a mention."""
    kin = load_mention_data()["kin_words"]
    out = []
    for t in doc:
        poss = [c for c in t.children if c.dep_ == "poss"]
        if t.lemma_.lower() not in kin or t.pos_ != "NOUN" or t.i in covered or not poss or t.dep_ == "appos" or \
                any(c.dep_ in ("appos", "compound") for c in t.children) or _named_after(t):
            continue
        out.append(t.doc[poss[0].left_edge.i:t.i + 1])
    return out


def _named_after(noun: Any) -> bool:
    """Whether a name follows the kin noun ("his son Tobias", parsed any way)."""
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and nxt.pos_ == "PROPN"


def _possessor(noun: Any, index: dict[int, dict[str, Any]]) -> list[str] | None:
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    found = index.get(poss.i) if poss is not None else None
    return found["actors"] if found is not None else None


def _kin_beside(mention: dict[str, Any], doc: Any) -> Any | None:
    """The kin noun a name stands beside: before it ("his wife, Mila Rusk", "his son Tobias") or apposed to it
    ("Mila Rusk, his wife")."""
    kin = load_mention_data()["kin_words"]
    j = mention["tokens"][0] - 1
    if j >= 0 and doc[j].text == ",":
        j -= 1
    if j >= 0 and doc[j].lemma_.lower() in kin and doc[j].pos_ == "NOUN":
        return doc[j]
    head = doc[mention["head"]]
    return next((c for c in head.children if c.dep_ == "appos" and c.lemma_.lower() in kin), None)


def named_relative(mentions: list[dict[str, Any]], chunk: Any, owner: list[str], doc: Any,
                   index: dict[int, dict[str, Any]]) -> dict[str, Any] | None:
    """The one person the text names as the relative ``chunk`` says, of the same possessor, or whose converse
    relative the possessor is ("Iturbe's wife, Elena ... her husband": Iturbe); None if none or several."""
    noun = chunk[-1].lemma_.lower()
    fits: list[dict[str, Any]] = []
    for m in mentions:
        if len(m["actors"]) != 1 or m["kind"] not in ("name", "new", "variant"):
            continue
        role = _kin_beside(m, doc)
        if role is None:
            continue
        whose = _possessor(role, index)
        if role.lemma_.lower() == noun and whose == owner != m["actors"]:
            fits.append(m)
        elif m["actors"] == owner and noun in converse(role.lemma_.lower()) and whose and whose != owner:
            fits.append(next(x for x in mentions if x["actors"] == whose))
    return fits[0] if len({f["actors"][0] for f in fits}) == 1 else None
