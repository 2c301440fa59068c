"""Plural antecedents: "they" for two named people, "the two men", "both leaders", "the pair", "the two".

News names two people and goes on with a plural: "Sella Brandt and Jonas Ekk were detained ..., their
lawyer said"; "Brask met Pavel Ondra before the two men announced a deal". A coordination of persons
is one plural antecedent (its members may be pronouns already resolved: "he and Nemec"). "They"
reads as the nearest such coordination in its sentence or the one before when that is nearer than
the plural party the pronoun would otherwise take (or when it is a subject and that party is not).
A plural person description ("the two men", "both leaders", "the pair", "the two") reads as the
nearest coordination of its size, else as the last persons (two, or the number it gives) named in its sentence and the two before, but
for the subject of a clause above it and a person of the gender the noun excludes ("the two men"
are no women). The mention keeps its first member as ``actors`` and all of them as ``members``;
:func:`each` gives one mention per member.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> from graph.ingest.coreference.resolver import resolve
>>> doc = parse("Anna Vell and Piotr Ramm were arrested on Friday, their lawyer said. The two men deny the charges.")
>>> found = find_mentions(doc, {})
>>> [(m["text"], m["members"]) for m in resolve(doc, found["mentions"], found["actors"]) if "members" in m]
[('their', ['anna-vell', 'piotr-ramm']), ('The two men', ['anna-vell', 'piotr-ramm'])]
"""

from __future__ import annotations

from typing import Any

from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["plural_description", "size", "person_sets", "nearest_set", "last_persons", "each", "add_plural", "resolve_plural"]

_SUBJECTS = ("nsubj", "nsubjpass")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}


def plural_description(token: Any) -> bool:
    """Whether ``token`` ends a plural description of persons: "the two men", "both leaders", "the pair"."""
    if token.tag_ not in ("NNS", "CD", "NN"):
        return False
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "nummod", "predet")}
    if token.lower_ in ("pair", "duo") and "the" in dets:
        return True
    if token.lower_ in _NUMBERS and token.tag_ == "CD" and "the" in dets and token.dep_ in (*_SUBJECTS, "dobj", "pobj"):
        return True  # "the two had planned the assault", "the three had spent the morning"
    person = "Person" in load_mention_data()["descriptions"].get(token.lemma_.lower(), [])
    return token.tag_ == "NNS" and person and ("the" in dets and bool(dets & set(_NUMBERS)) or "both" in dets)
    # "the three leaders", "both men"; not "two diplomats"


def size(token: Any) -> int:
    """How many persons a plural description names ("the three leaders": 3; "both men", "the pair": 2)."""
    words = [token.lower_] + [c.lower_ for c in token.children if c.dep_ == "nummod"]
    return next((_NUMBERS[w] for w in words if w in _NUMBERS), 2)


def person_sets(mentions: list[dict[str, Any]], doc: Any, actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The coordinations of persons among ``mentions``, and the plural mentions already read as persons:
    ``{start, end, head, members}``, in text order."""
    heads = {m["head"]: m for m in mentions if len(m["actors"]) == 1 and
             actors.get(m["actors"][0], {}).get("type") == "Person"}
    sets = []
    for head, first in sorted(heads.items()):
        if doc[head].dep_ == "conj":
            continue
        parts = [first, *(heads[c.i] for c in doc[head].conjuncts if c.i in heads and c.i > head)]
        members = list(dict.fromkeys(m["actors"][0] for m in parts))
        if len(members) >= 2:
            sets.append({"start": first["start"], "end": parts[-1]["end"], "head": head, "members": members})
    sets += [{"start": m["start"], "end": m["end"], "head": m["head"], "members": m["members"]} for m in mentions
             if "members" in m and all(actors.get(a, {}).get("type") == "Person" for a in m["members"])]
    # "Both men had been covering the protests when they were detained" (not "both countries")
    return sorted(sets, key=lambda s: s["start"])


def _window_start(token: Any, back: int = 1) -> int:
    """Where the window of ``token`` starts: its sentence and the ``back`` ones before it."""
    sentence = token.sent
    for _ in range(back):
        if not sentence.start:
            break
        sentence = token.doc[sentence.start - 1].sent
    return int(sentence.start_char)


def nearest_set(sets: list[dict[str, Any]], token: Any) -> dict[str, Any] | None:
    """The last coordination of persons before ``token`` in its sentence or the one before (of the size
    a plural description gives)."""
    start = _window_start(token)
    found = [s for s in sets if start <= s["start"] and s["end"] <= token.idx and
             (token.tag_ in ("PRP", "PRP$") or len(s["members"]) == size(token))]
    return found[-1] if found else None


def last_persons(mentions: list[dict[str, Any]], token: Any, actors: dict[str, dict[str, Any]],
                 sexes: dict[str, str]) -> list[str]:
    """The last persons (as many as :func:`size` says) named before ``token`` in its sentence and the two before,
    but for the speaker it is reported by ("Orsk said the two had planned it") and a person of the gender its
    noun excludes; empty when there are fewer."""
    above = {s.i for a in token.ancestors if a.dep_ == "ccomp" for s in a.head.children if s.dep_ in _SUBJECTS}
    above |= {c.i for s in list(above) for c in token.doc[s].children if c.dep_ == "appos"}  # the speaker
    sex = load_mention_data()["gender"].get(token.lemma_.lower())
    start = _window_start(token, back=2)
    found: list[str] = []  # the latest first
    for m in sorted((m for m in mentions if start <= m["start"] and m["end"] <= token.left_edge.idx), key=lambda m: -m["end"]):
        actor = m["actors"][0] if len(m["actors"]) == 1 else None
        if actor is None or actors.get(actor, {}).get("type") != "Person" or m["head"] in above or actor in found or \
                (sex and sexes.get(actor, sex) != sex) or "members" in m:
            continue
        found.append(actor)
        if len(found) == size(token):
            first = {a: min(m["start"] for m in mentions if m["actors"] == [a] and m["start"] >= start) for a in found}
            return sorted(found, key=first.__getitem__)  # in the order the text named them
    return []


def each(mention: dict[str, Any] | None) -> list[dict[str, Any] | None]:
    """One mention per member of a plural mention (the mention itself otherwise)."""
    if mention is None or "members" not in mention:
        return [mention]
    return [{**mention, "actors": [member]} for member in mention["members"]]


def add_plural(result: list[dict[str, Any]], span: Any, members: list[str], actors: dict[str, dict[str, Any]],
                what: str, mention: dict[str, Any] | None = None) -> None:
    """Record ``span`` as a plural mention of ``members`` (the party mention it was, if any, rewritten)."""
    names = " and ".join(actors[a]["label"] for a in members)
    found = {"start": span.start_char, "end": span.end_char, "text": span.text, "actors": [members[0]],
             "members": members, "kind": "description" if len(span) > 1 else "pronoun", "tokens": (span.start, span.end),
             "head": span[-1].i, "reading": f"{span.text!r} read as {names} ({what} before it)"}
    if mention is not None:
        mention.update(found)
    else:
        result.append(found)
        result.sort(key=lambda m: m["start"])


def resolve_plural(doc: Any, chunk: Any, result: list[dict[str, Any]], covered: dict[int, dict[str, Any]],
            actors: dict[str, dict[str, Any]], sexes: dict[str, str]) -> None:
    """"The two men", "both leaders", "the pair": the persons named together before, or the last ones named."""
    head = chunk[-1]
    pair = nearest_set(person_sets(result, doc, actors), head)
    members = pair["members"] if pair else last_persons(result, head, actors, sexes)
    if len(members) < 2:
        return
    party = covered.get(head.i)
    if party is not None and party["kind"] != "group":
        return  # a name or a known party, not a description
    add_plural(result, chunk, members, actors, "the persons named together" if pair else "the last persons named",
                party)
