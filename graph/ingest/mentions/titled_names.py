"""A title whose "of" phrase runs into its holder's name, without a comma: "President of Kazakhstan Kassym-Jomart
Tokayev", "Chairman of the Security Council Nursultan Nazarbayev" (the way translated agency copy writes it).

The parser hangs the name on "of" and the body's words on the name, as if the man were of the country; the
holder is the person the phrase ends in, the body the words before his name. The title stands for him
("President of Kazakhstan X replaced Y": X replaced Y), and relates him to the body
(:func:`~graph.ingest.relations.rules.matches`: "title: X of <body> <name>").

>>> from graph.ingest.nlp import parse
>>> doc = parse("Chairman of the Security Council Nursultan Nazarbayev said he would stay.")
>>> title_holder(doc[0])
(Nazarbayev, Council)
>>> title_holder(parse("The head of the KNB, Karim Masimov, resigned.")[1]) is None
True
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["title_holder", "titled_name_mentions"]


def title_holder(role: Any) -> tuple[Any, Any] | None:
    """``(holder, body)`` tokens of a capitalised title ``role`` whose "of" phrase ends in a person's name, else
    None (a comma before the name makes it an apposition, the title rules' own)."""
    if not role.text[:1].isupper() or role.lemma_.lower() not in load_lexicon()["titles"]:
        return None
    name = next((g for c in role.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
    if name is None or name.ent_type_ not in ("PERSON", "ORG", "GPE"):
        return None
    honorifics = load_mention_data()["name_titles"]
    after = name.right_edge.i + 1
    while after < len(name.doc) and name.doc[after].lower_.rstrip(".") in honorifics and name.doc[after].pos_ == "PROPN":
        after += 1  # "Chief of the Presidential Guard Gen. Oskar Tamm": the parser ends "of" at the body
    if name.ent_type_ != "PERSON" and after < len(name.doc) and name.doc[after].ent_type_ == "PERSON" and \
            name.doc[after].ent_iob_ == "B":
        end = after
        while end + 1 < len(name.doc) and name.doc[end + 1].ent_iob_ == "I" and name.doc[end + 1].ent_type_ == "PERSON":
            end += 1
        return name.doc[end], name
    first = name.i
    while first > 0 and name.doc[first - 1].ent_type_ == name.ent_type_ and name.doc[first - 1].ent_iob_ != "O" and \
            name.doc[first].ent_iob_ != "B":
        first -= 1  # the name's first word ("Nursultan")
    if name.ent_type_ != "PERSON":  # "Kazakhstan Kassym-Jomart Tokayev", read as one name: a country's name first
        states = set(load_lexicon()["demonyms"].values())
        words = [t.text for t in name.doc[first:name.i + 1]]
        cut = next((k for k in range(len(words) - 2, 0, -1) if " ".join(words[:k]) in states), None)
        if cut is None:
            return None
        first += cut
    before = [t for t in name.doc[role.i + 2:first] if t.lower_.rstrip(".") not in honorifics and t.pos_ == "PROPN"]
    if not before or any(t.text in ",;(" for t in name.doc[role.i:first]):
        return None  # "President of Kestria, Anton Reval": an apposition
    return name, before[-1]


def titled_name_mentions(doc: Any, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mentions of the holder at each such title, where the holder's name is a person's mention."""
    by_head = {m["head"]: m for m in mentions if len(m["actors"]) == 1}
    found = []
    for token in doc:
        pair = title_holder(token) if token.pos_ in ("NOUN", "PROPN") else None
        holder = by_head.get(pair[0].i) if pair else None
        if holder is not None and not any(m["tokens"][0] <= token.i < m["tokens"][1] for m in mentions):
            found.append({"start": token.idx, "end": token.idx + len(token), "text": token.text,
                          "actors": list(holder["actors"]), "kind": "description", "tokens": (token.i, token.i + 1),
                          "head": token.i, "reading": f"{token.text!r} read as {holder['text']} (the name its title "
                                                      "runs into)"})
    return found
