"""How far a name reaches: a place's own common noun ("Sarrow province") and a body's label before its name
("the opposition Civic Dawn party").

News writes a region by its name and a common noun ("the governor of Sarrow province", "in the Mangistau
region"): the noun is part of the place's name, and a region is not the town it is named after, so the
mention is widened and a new place is proposed ("Sarrow province", typed Place). A party or movement is
often given a label before its name ("the opposition Civic Dawn party", "the ruling Tamberu People's
Alliance"); the parser may hang the label on its own ("the leader of the opposition", then the name in
apposition), and the label then stands for the named body, not for a party of its own.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> found = find_mentions(parse("The governor of Sarrow province, Lisbet Harrow, resigned."), {})
>>> [(m["text"], m["actors"]) for m in found["mentions"]][:1], found["proposed"]["sarrow-province"]["type"]
([('Sarrow province', ['sarrow-province'])], 'Place')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Span

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.kinds import BODIES, group_word, org_word
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["capital_name", "comma_pieces", "widen_places", "label_before_name", "region_in_title", "name_head", "ordinal", "ordinal_before",
           "name_word", "modified_form", "join_split_names", "with_patronymic"]

_PREPS = ("of", "in", "at", "from")

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


def widen_places(doc: Any, mentions: list[dict[str, Any]], linker: Any) -> None:
    """Widen, in place, each name followed by a place noun it modifies ("Sarrow province") to the whole."""
    words = load_mention_data()["place_words"]
    for mention in mentions:
        end = mention["tokens"][1]
        if end >= len(doc) or mention["kind"] not in ("name", "new", "variant") or len(mention["actors"]) != 1:
            continue
        noun, head = doc[end], doc[mention["head"]]
        if noun.lower_ not in words or head.head.i != noun.i or head.dep_ != "compound":
            continue
        span = doc[mention["tokens"][0]:end + 1]
        ids, kind, reading = linker.link(span.text)
        actor = ids[0] if len(ids) == 1 else linker.propose(span.text, "Place", span.text)
        mention.update(end=span.end_char, text=span.text, tokens=(span.start, span.end), head=noun.i,
                       actors=[actor], kind=kind if ids else "new", reading=reading)


def label_before_name(doc: Any, mentions: list[dict[str, Any]]) -> None:
    """Read, in place, a party noun right before a named body ("the opposition Civic Dawn party") as that body."""
    by_start = {m["tokens"][0]: m for m in mentions}
    for mention in mentions:
        if mention["kind"] != "group" or len(mention["actors"]) != 1:
            continue
        named = by_start.get(mention["tokens"][1])
        if named is None or named["kind"] not in ("name", "new", "variant") or len(named["actors"]) != 1:
            continue
        body = doc[named["tokens"][1]] if named["tokens"][1] < len(doc) else None
        if body is None or group_word(body) not in BODIES or doc[mention["head"]].tag_ not in ("NN", "NNP"):
            continue  # "the opposition Civic Dawn party"; not "police Civic Dawn"
        mention.update(actors=list(named["actors"]), kind="group",
                       reading=f"{mention['text']!r} read as {named['text']}, the body it labels")


def region_in_title(token: Any) -> bool:
    """Whether ``token`` is a region only in a person's title ("the CPJ's Europe and Central Asia coordinator",
    "our Central Asia correspondent"): a portfolio, not a party."""
    title = token.head
    while title.dep_ in ("compound", "nmod", "conj") and title.head.i > title.i and title.pos_ == "PROPN":
        title = title.head
    return token.ent_type_ == "LOC" and token.dep_ in ("compound", "nmod", "conj") and \
        "Person" in load_mention_data()["descriptions"].get(title.lemma_.lower(), [])


def name_head(span: Any) -> Any:
    """``span`` with the capitalised proper noun after it that the recogniser left out ("Nakoro First", where it
    saw "Nakoro" and an ordinal), unless that noun is an entity of its own or begins another name (a title's).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Ruth Amosa of Nakoro First blamed him.")
    >>> name_head(doc[3:4]).text
    'Nakoro First'
    """
    doc = span.doc
    if span.end >= len(doc) or not span.text[:1].isupper():
        return span
    head = doc[span.end]
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.is_sent_start or head.ent_type_ not in ("", "ORDINAL") \
            or (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"):  # "of Nakoro First Deputy X": a title
        return span
    return doc[span.start:head.i + 1]


def with_patronymic(span: Any) -> Any:
    """``span`` with the Turkic patronymic word after it (lexicon: ``patronymics``), which the recogniser leaves
    out of the name ("Aigerim Sultan kyzy"; the parser then makes the lower-case word the head of the phrase).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police detained Aigerim Sultan kyzy on Monday.")
    >>> with_patronymic(doc[2:4]).text
    'Aigerim Sultan kyzy'
    """
    doc = span.doc
    if len(span) and span.end < len(doc) and doc[span.end].lower_ in load_lexicon()["patronymics"] and span[-1].text[:1].isupper():
        return doc[span.start:span.end + 1]
    return span


def ordinal(token: Any) -> bool:
    """Whether ``token`` is a numbered ordinal ("3rd", "101st").

    >>> from graph.ingest.nlp import parse
    >>> [ordinal(t) for t in parse("the 3rd and the third")]
    [False, True, False, False, False]
    """
    return bool(_ORDINAL.fullmatch(token.text))


def ordinal_before(span: Any, taken: list[bool]) -> Any:
    """A unit's name with the numbered ordinal and the proper nouns before it that modify it ("the Dravic 14th
    Guards Brigade", "Soldiers of the 3rd Armoured Regiment"), where no mention holds them; else ``span``.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Soldiers of the 3rd Armoured Regiment mutinied.")
    >>> ordinal_before(doc[4:6], [False] * len(doc)).text
    '3rd Armoured Regiment'
    """
    doc, start = span.doc, span.start
    if not len(span) or not org_word(span[-1]) or start == 0 or not ordinal(doc[start - 1]) or taken[start - 1] \
            or doc[start - 1].head.i not in range(start, span.end):
        return span
    start -= 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and not taken[start - 1] \
            and doc[start - 1].head.i in range(start, span.end):
        start -= 1
    return doc[start:span.end]


def name_word(token: Any, span: Any) -> bool:
    """Whether ``token`` may be a word of the run of proper nouns ``span`` that the recogniser missed: a word, a
    unit's numbered ordinal ("3rd Armoured Regiment"), or a hyphen inside a word ("Tarvo Anti-Graft Commission").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The Tarvo Anti-Graft Commission met.")
    >>> all(name_word(t, doc[1:6]) for t in doc[1:6])
    True
    """
    if token.pos_ != "PROPN":
        return False
    return token.is_alpha or (ordinal(token) and org_word(span[-1])) or (
        token.text == "-" and span.start < token.i < span.end - 1 and not token.whitespace_)


def modified_form(chunk: Any) -> str | None:
    """The form of a party noun with the reduced relative that says whose it is ("companies owned by Halm's
    circle", "a supplier run by his brother-in-law"), or a collective's with the phrase that says whose or where
    it is ("members of his family", "two officials at the bank"): the chunk through the agent's phrase or the
    preposition's object; None without one. (Not a force's: "soldiers of the force" is no name of the force.)

    >>> from graph.ingest.nlp import parse
    >>> modified_form(next(parse("Companies owned by his family won.").noun_chunks))
    'Companies owned by his family'
    >>> modified_form(next(parse("Two officials at the bank resigned.").noun_chunks))
    'Two officials at the bank'
    >>> modified_form(next(parse("Relatives of people killed in Lemberg, who marched, wept.").noun_chunks))
    'Relatives of people killed in Lemberg'
    >>> modified_form(next(parse("A court in Astana jailed him.").noun_chunks))
    'A court in Astana'
    """
    head = chunk.root
    agents = [a for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i == chunk.end
              for a in c.children if a.dep_ == "agent"]
    if agents:
        return chunk.doc[chunk.start:agents[0].right_edge.i + 1].text
    collective = group_word(head) == "CollectiveActor"
    objects = [g for c in head.children if c.dep_ == "prep" and (c.lower_ in _PREPS if collective else c.lower_ == "in")
               and c.i == chunk.end for g in c.children if g.dep_ == "pobj" and (collective or g.pos_ == "PROPN")]
    return chunk.doc[chunk.start:_edge(objects[0]) + 1].text if objects else None  # "members of his family";
    # a body's with its place ("a court in Astana")


def _edge(token: Any) -> int:
    """The last token of ``token``'s phrase without its relative clause, apposition or conjuncts ("people killed
    in Almaty", not "people, who ...")."""
    return max([token.i] + [_edge(c) for c in token.children if c.i > token.i and c.dep_ not in
                            ("relcl", "appos", "punct", "cc", "conj", "advcl")])


def join_split_names(doc: Any, mentions: list[dict[str, Any]], linker: Any) -> None:
    """Widen, in place, a body's name the parser split at its "and" ("Kambali's Ethics and Anti-Corruption
    Commission": "Ethics" the subject, the rest its conjunct) to the whole name; the first words' own mention,
    if any, goes. Not where the first words are a person's or begin another mention.

    >>> from graph.ingest.nlp import parse
    >>> from graph.ingest.mentions.linking import Linker
    >>> doc = parse("Kambali's Ethics and Anti-Corruption Commission said it had arrested him.")
    >>> linker = Linker({})
    >>> found = [{"tokens": (4, 8), "head": 7, "kind": "new", "actors": [linker.propose("Anti-Corruption Commission",
    ...          "PublicBody", "Anti-Corruption Commission")], "start": 21, "end": 47, "text": "Anti-Corruption Commission"}]
    >>> join_split_names(doc, found, linker)
    >>> found[0]["text"], linker.actors[found[0]["actors"][0]]["label"]
    ('Ethics and Anti-Corruption Commission', 'Ethics and Anti-Corruption Commission')
    """
    for mention in list(mentions):
        root, (start, end) = doc[mention["head"]], mention["tokens"]
        first = root.head
        if root.dep_ != "conj" or first.pos_ != "PROPN" or first.i != start - 2 or doc[start - 1].lower_ != "and" or \
                mention["kind"] not in ("name", "new", "variant") or len(mention["actors"]) != 1 or \
                not org_word(doc[end - 1]) or not first.text[:1].isupper():
            continue
        begin = first.i
        while begin > 0 and doc[begin - 1].dep_ == "compound" and doc[begin - 1].pos_ == "PROPN" and \
                doc[begin - 1].head.i == first.i:
            begin -= 1
        inner = [m for m in mentions if m is not mention and m["tokens"][0] < start and m["tokens"][1] > begin]
        owner = doc[begin - 1].tag_ == "POS" and begin > 1  # "Kambali's Ethics", read as one name: Kambali's
        if any(m["tokens"][0] < begin and not owner or linker.actors.get(m["actors"][0], {}).get("type") == "Person"
               for m in inner):
            continue
        for m in inner:
            mentions.remove(m)
            if m["tokens"][0] < begin - 1:
                place = doc[m["tokens"][0]:begin - 1]
                ids, kind, reading = linker.link(place.text)
                mentions.append({**m, "end": place.end_char, "text": place.text, "tokens": (place.start, place.end),
                                 "head": place.end - 1, "kind": kind if ids else "new", "reading": reading,
                                 "actors": ids or [linker.propose(place.text, "Place", place.text)]})
        span = doc[begin:end]
        actor = mention["actors"][0]
        spec = linker.actors.get(actor, {})
        if spec.get("proposed") and spec.get("label") == mention["text"]:
            spec["aliases"] = [*spec.get("aliases", []), spec["label"]]
            spec["label"] = span.text
        mention.update(start=span.start_char, text=span.text, tokens=(span.start, span.end))
    mentions.sort(key=lambda m: m["start"])


def comma_pieces(ents: Iterable[Any]) -> Iterator[Any]:
    """The recogniser's entities, one that runs over a comma cut there: "The mayor of Veldora, Anna Brisk,
    resigned" tagged as one ORG "Veldora, Anna Brisk" is "Veldora" and "Anna Brisk" (each piece that
    starts with a capital, with the entity's label, or PERSON for a piece in apposition to a title).

    >>> from graph.ingest.nlp import load_pipeline
    >>> doc = load_pipeline()("The mayor of Veldora, Anna Brisk, resigned on Monday.")
    >>> [(e.text, e.label_) for e in comma_pieces(doc.ents) if e.label_ != "DATE"]
    [('Veldora', 'ORG'), ('Anna Brisk', 'PERSON')]
    """
    for ent in ents:
        if not any(t.text == "," for t in ent):
            yield ent
            continue
        start = ent.start
        for cut in [t.i for t in ent if t.text == ","] + [ent.end]:
            if cut > start and ent.doc[start].text[:1].isupper():
                piece = ent.doc[start:cut]
                titled = piece.root.dep_ == "appos" and piece.root.head.pos_ == "NOUN"  # "the mayor of X, <name>"
                yield Span(ent.doc, start, cut, label="PERSON" if titled else ent.label_)
            start = cut + 1


def capital_name(token: Any) -> Any | None:
    """The name after "the capital" or "the city" and a comma ("in the capital, Varn"), however the parser hung
    it, or None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police surrounded the bureau in the capital, Varn.")
    >>> capital_name(doc[6]).text, capital_name(doc[3])
    ('Varn', None)
    """
    doc, i = token.doc, token.i
    if token.lemma_.lower() in ("capital", "city") and i + 2 < len(doc) and doc[i + 1].text == "," and \
            doc[i + 2].pos_ == "PROPN":
        return doc[i + 2]
    return None
