"""Heads named around their names: by a description alone ("the former president said", "Kazakhstan's president
fired two officials"), as a head of state's counterpart ("his Kazakh counterpart, X"), by a title whose "of" runs
into the name ("Chairman of the Security Council X"), and vice-presidents under the president.

A definite description of a head-of-state title ("the former president", "the president") with no
body of its own (no "of", no possessor, no country word) stands for the person the coreference gives
it; that person heads the country the text is about, as "President Reval" does (rule "... (of the
country)", so the extractor keeps one such per holder and none for a foreign one); with a named possessor
("Kazakhstan's president"), the possessor. The subject must be a person: an unresolved description
proposes nothing.

>>> from graph.ingest.nlp import parse
>>> doc = parse("The former president denied it. The Kestrian president said nothing. Velmora's president left.")
>>> [(m["rule"], m["objects"]) for t in doc for m in described_head_matches(t)]
[('title: the former president (of the country)', []), ("title: X's president", [Velmora])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.titled_names import title_holder

__all__ = ["described_head_matches", "vice_head_matches", "counterpart_matches", "titled_name_matches"]

_PLACES = ("nsubj", "nsubjpass", "dobj", "pobj")  # not "the president's lawyer": the possessed one's mention


def described_head_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"the former president" (a subject or object) heads the text's country; not "the president of
    the bank", "the party's president", "the Kestrian president", "the regional president" nor "President Reval"
    (the title rule's)."""
    lex = load_lexicon()
    spec = lex["described_heads"]
    if role.pos_ != "NOUN" or role.lower_ not in lex["head_of_state_titles"] or role.dep_ not in _PLACES:
        return
    children = list(role.children)
    owner = next((c for c in children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    if owner is not None and role.head.lower_ != "as" and not any(c.dep_ in ("compound", "nmod", "appos") or (
            c.dep_ == "amod" and c.lower_ not in spec["modifiers"]) or (
            c.dep_ == "prep" and c.lower_ == "of") for c in children):  # "Kazakhstan's president fired two officials"
        # (not "went on television as Velmora's president": the subject's role)
        yield {"relation": "headed", "subjects": [role], "objects": [owner], "trigger": [role], "person": True,
               "fan": False, "rule": "title: X's president", "passive": False, "clause": None}
        return
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
            c.dep_ in ("poss", "compound", "nmod") or (c.dep_ == "prep" and c.lower_ == "of") for c in children):
        return  # "the party's president", "the president of the bank": a body's
    if any(c.dep_ == "appos" and role.doc[c.left_edge.i - 1].text == "," for c in children):
        return  # "a spokesman for the former president, Ruben Aske,": the name is the spokesman's
    modifiers = [c for c in children if c.dep_ == "amod"]
    if any(c.lower_ not in spec["modifiers"] for c in modifiers):
        return  # "the Kestrian president", "the regional president": another's or a part's
    words = " ".join(["the", *(c.lower_ for c in modifiers), role.lower_])
    yield {"relation": "headed", "subjects": [role], "objects": [], "document": "country", "trigger": [role],
           "person": True, "fan": False, "rule": f"title: {words} (of the country)", "passive": False, "clause": None}


def vice_head_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"Vice-President Claudia Ibanez" (a title before a name, with no body nor country word of its own) served
    under the president of the text's country the text named before (``document`` "president").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Vice-President Claudia Ibanez said nothing. The Kestrian Vice-President Ana Sol spoke.")
    >>> [(m["relation"], [t.text for t in m["subjects"]]) for t in doc for m in vice_head_matches(t)]
    [('servedUnder', ['Ibanez'])]
    """
    first = role.i - 1 if role.i > role.sent.start and role.doc[role.i - 1].lower_ == "vice" else role.i
    title = role.doc[first:role.i + 1].text.lower().replace(" ", "-")
    if title not in load_lexicon()["described_heads"]["vice_titles"] or role.dep_ != "compound" or \
            role.head.pos_ != "PROPN":
        return
    before = role.doc[first - 1] if first > role.sent.start else None
    if before is not None and (before.text[:1].isupper() or before.tag_ == "POS"):
        return  # "the Kestrian Vice-President Ana Sol", "Kestria's Vice-President": another country's
    holder = role.head
    while holder.dep_ == "compound":
        holder = holder.head
    yield {"relation": "servedUnder", "subjects": [holder], "objects": [], "document": "president", "trigger": [role],
           "fan": False, "rule": f"title: {title} (of the country's president)", "passive": False, "clause": None}


def counterpart_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"President Putin had talks with his Kazakh counterpart, Kassym-Jomart Tokayev": the counterpart of a head of
    state (a head-of-state title on the clause's subject) whom a people's adjective gives a country heads it; a
    minister's counterpart ("Foreign Minister Lavrov met his Kazakh counterpart") is nobody's head here.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("President Vladimir Putin met his Kazakh counterpart, Kassym-Jomart Tokayev. "
    ...             "Foreign Minister Sergei Lavrov met his Kazakh counterpart, Mukhtar Tileuberdi.")
    >>> [(m["subjects"], m["objects"]) for t in doc for m in counterpart_matches(t)]
    [([Tokayev], [Kazakh])]
    """
    if role.lemma_.lower() != "counterpart" or not any(c.dep_ == "poss" for c in role.children):
        return
    demonyms = load_lexicon()["demonyms"]
    country = [c for c in role.children if c.dep_ in ("amod", "compound") and c.text in demonyms]
    holders = [c for c in role.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    verb = next((a for a in role.ancestors if a.pos_ in ("VERB", "AUX")), None)
    doers = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")] if verb is not None else []
    heads = load_lexicon()["head_of_state_titles"]
    if country and holders and any(c.lower_ in heads for s in doers for c in s.children if c.dep_ == "compound"):
        yield {"relation": "headed", "subjects": holders, "objects": country[:1], "trigger": [role], "fan": False,
               "rule": "title: counterpart (of a head of state)", "passive": False, "clause": None}


def titled_name_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"President of Kazakhstan Kassym-Jomart Tokayev", "Chairman of the Security Council Nursultan Nazarbayev": the
    title's relation (lexicon ``titles``) between the name its "of" phrase runs into and the body before the name
    (:func:`~graph.ingest.mentions.titled_names.title_holder`).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Chairman of the Security Council Nursultan Nazarbayev said he would stay.")
    >>> [(m["relation"], m["subjects"], m["objects"]) for m in titled_name_matches(doc[0])]
    [('headed', [Nazarbayev], [Council])]
    """
    pair = title_holder(role)
    if pair is not None:
        yield {"relation": load_lexicon()["titles"][role.lemma_.lower()], "subjects": [pair[0]], "objects": [pair[1]],
               "trigger": [role], "fan": False, "rule": f"title: {role.lower_} of <body> <name>", "passive": False,
               "clause": None}
