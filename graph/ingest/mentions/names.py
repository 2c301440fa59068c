"""One person, named in part and in full: a surname before the full name, a first name after it, a surname
two relatives share.

News names a person by the surname alone in a headline or a first line ("Halm's son-in-law charged")
and in full later ("Gustav Halm"); it names relatives by the first name once the full name is given
("Dariga Nazarbayeva ... the former president's eldest daughter Dariga"). When the text names exactly
one person in full with that surname (or that first name), the short name is that person: its mentions
are moved to the full name, with a reading, and the short actor is no longer proposed. A name linked by
its surname to a one-word actor that the text turned out to use as a place ("Free Kharzan" beside
"Kharzan's state television") is a name of its own. A surname that two persons of the text share is the
one the text named first in full (the relative is then called by the first name).

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> doc = parse("Halm's son-in-law was charged. Gustav Halm, the former president, said nothing. "
...             "Dariga Nazarbayeva left. Her son met Dariga later.")
>>> found = find_mentions(doc, {})
>>> [(m["text"], found["actors"][m["actors"][0]]["label"]) for m in found["mentions"] if m["text"] in ("Halm", "Dariga")]
[('Halm', 'Gustav Halm'), ('Dariga', 'Dariga Nazarbayeva')]
"""

from __future__ import annotations

from typing import Any

from graph.ingest.mentions.kinds import new_type
from graph.ingest.mentions.linking import fold, surname
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["settle_short_names", "other_bearer"]

_PLACES = ("State", "Place")
_RANKS = {"younger", "elder", "older", "junior", "senior", "eldest", "youngest"}


def other_bearer(doc: Any, span: Any, ids: list[str], actors: dict[str, dict[str, Any]]) -> bool:
    """Whether a surname found alone is another bearer's, by the first name before it ("Aisultan Nazarbayev"
    is not Nursultan Nazarbayev, "Daniel Manyoni" not Ezra Manyoni).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Aisultan Nazarbayev met Nursultan Nazarbayev.")
    >>> spec = {"type": "Person", "label": "Nursultan Nazarbayev"}
    >>> other_bearer(doc, doc[1:2], ["n"], {"n": spec}), other_bearer(doc, doc[4:5], ["n"], {"n": spec})
    (True, False)
    """
    first = doc[span.start - 1] if len(span) == 1 and span.start else None
    if first is None or first.pos_ != "PROPN" or first.dep_ != "compound" or not first.text[:1].isupper() or \
            first.lower_.rstrip(".") in load_mention_data()["name_titles"] or first.ent_type_ not in ("PERSON", ""):
        return False
    labels = [str(actors.get(a, {}).get("label", "")).split() for a in ids]
    return all(actors.get(a, {}).get("type") == "Person" for a in ids) and all(
        len(label) > 1 and fold(label[0]) != fold(first.text) for label in labels)


def _unlink_places(doc: Any, mentions: list[dict[str, Any]], linker: Any) -> None:
    """A name read by its last word as a one-word actor that is a place after all: a name of its own."""
    for m in mentions:
        spec = linker.actors.get(m["actors"][0], {}) if len(m["actors"]) == 1 else {}
        if m["kind"] == "name" and " " in m["text"] and "(same surname)" in (m.get("reading") or "") and \
                spec.get("proposed") and spec.get("type") in _PLACES:
            head = doc[m["head"]]
            m.update(actors=[linker.propose(m["text"], new_type(m["text"], head.ent_type_ or "ORG", head), m["text"])],
                     kind="new", reading=None)


def _full(short: str, persons: dict[str, str], first: bool) -> str | None:
    """The one person of ``persons`` (id -> label) with ``short`` as the last (or first) of several names."""
    fits = [a for a, label in persons.items() if len(label.split()) > 1 and
            (label.split()[0] if first else surname(label)) == short]
    return fits[0] if len(fits) == 1 else None


def _worded(doc: Any, mentions: list[dict[str, Any]], actor: str) -> set[str]:
    """The genders the role nouns beside an actor's full-name mentions give it ("her husband, Jonas Stenbeck")."""
    words = load_mention_data()["gender"]
    out = set()
    for m in (m for m in mentions if m["actors"] == [actor] and " " in m["text"]):
        head, j = doc[m["head"]], m["tokens"][0] - 1
        near = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        near += [doc[j]] if j >= 0 and doc[j].text != "," else [doc[j - 1]] if j >= 1 else []
        out |= {words[t.lower_] for t in near if t.lower_ in words}
    return out


def _first_bearer(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> None:
    """A surname two persons of the text share is the one named first in full ("Leon Achter ... his wife, Dana
    Achter ... Achter said": Leon; news calls the relative by the first name), but after an honorific the one
    a role noun gave that gender ("Aurelia Stenbeck ... her husband, Jonas Stenbeck ... Mr Stenbeck": Jonas)."""
    first: dict[str, int] = {}
    for m in mentions:
        if len(m["actors"]) == 1 and " " in m["text"]:
            first.setdefault(m["actors"][0], m["start"])
    for m in mentions:
        ids = m["actors"]
        if len(ids) < 2 or " " in m["text"] or not all(
                actors.get(a, {}).get("type") == "Person" and a in first for a in ids) or \
                (m["tokens"][0] and doc[m["tokens"][0] - 1].lower_ in _RANKS):
            continue  # "the younger Arkhanov" is not the first named
        said = load_mention_data()["gender"].get(doc[m["tokens"][0] - 1].lower_.rstrip(".")) if m["tokens"][0] else None
        agree = [a for a in ids if said and said in _worded(doc, mentions, a)]
        pick = agree[0] if len(agree) == 1 else min(ids, key=first.__getitem__)  # "Mr Stenbeck": her husband
        why = f"the person of that name a role noun makes {said}" if len(agree) == 1 else \
            "the first person of that name the text names in full"
        m.update(actors=[pick], reading=f"{m['text']!r} read as {actors[pick]['label']} ({why})")


def _kin_named(doc: Any, mentions: list[dict[str, Any]], actor: str) -> bool:
    """Whether a mention of ``actor`` follows a kin noun ("his son Tobias", "his nephew, Anvar Dovletov")."""
    kin = load_mention_data()["kin_words"]
    for m in (m for m in mentions if m["actors"] == [actor]):
        j = m["tokens"][0] - 1
        j -= 1 if j >= 0 and doc[j].text == "," else 0
        if j >= 0 and doc[j].lower_ in kin:
            return True
    return False


def _ranked_bearer(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> None:
    """"The younger Arkhanov" of two persons the text names in full with that surname, one of them named as a
    relative ("his son Tobias", "his nephew, Anvar Dovletov"): that relative; "the elder Arkhanov": the other.
    Without a kin noun the text does not say which is younger."""
    first: dict[str, int] = {}
    for m in mentions:
        if len(m["actors"]) == 1 and " " in m["text"] and actors.get(m["actors"][0], {}).get("type") == "Person":
            first.setdefault(m["actors"][0], m["start"])
    for m in mentions:
        rank = doc[m["tokens"][0] - 1].lower_ if m["tokens"][0] else ""
        if rank not in _RANKS or " " in m["text"]:
            continue
        bearers = sorted((a for a in first if surname(str(actors[a]["label"])) == m["text"]), key=first.__getitem__)
        kin = [a for a in bearers if _kin_named(doc, mentions, a)]
        if len(bearers) == 2 and len(kin) == 1:
            pick = kin[0] if rank in ("younger", "junior", "youngest") else next(a for a in bearers if a != kin[0])
            m.update(actors=[pick], reading=f"{m['text']!r} read as {actors[pick]['label']} (the {rank} of the two "
                                            f"persons of that name, one named as a relative)")


def settle_short_names(doc: Any, mentions: list[dict[str, Any]], linker: Any) -> None:
    """Move, in place, the mentions of a one-word proposed actor to the person the text names in full."""
    _unlink_places(doc, mentions, linker)
    _first_bearer(doc, mentions, linker.actors)
    named = {a for m in mentions for a in m["actors"]}
    persons = {a: str(linker.actors[a]["label"]) for a in named
               if linker.actors.get(a, {}).get("type") == "Person"}
    for actor_id, spec in list(linker.proposed.items()):
        label = str(spec["label"])
        if " " in label or not label[:1].isupper() or spec.get("type") in _PLACES or actor_id not in named:
            continue
        full = _full(label, persons, first=False) or (_full(label, persons, first=True)
                                                     if spec.get("type") == "Person" else None)
        if full is None or full == actor_id:
            continue
        what = "surname" if surname(linker.actors[full]["label"]) == label else "first name"
        for m in mentions:
            if actor_id in m["actors"]:
                m.update(actors=[full], kind="name",
                         reading=f"{m['text']!r} read as {linker.actors[full]['label']} (the {what} of a person "
                                 f"the text names in full)")
        linker.add_form(full, label)
        del linker.proposed[actor_id]
    _ranked_bearer(doc, mentions, linker.actors)  # once first names are settled ("his son Tobias")
