"""Actor mentions in a parsed text, linked to the corpus's actors or proposed as new ones.

Known actors are found by label, alias and, for a person, the surname ("Tokayev",
"President Tokayev", "Mr Tokayev"); a transliteration variant ("Massimov" for
"Masimov") links with a score and a note, never silently; a name that matches
several actors is ambiguous and the curator chooses. Named entities and party
nouns ("police", "the army", "Russian paratroopers") that match no actor are
proposed, typed from the entity label and the head noun. Definite descriptions
("the president", "the alliance") and pronouns are resolved afterwards by
:mod:`graph.ingest.coreference.resolver`.

>>> from graph.ingest.nlp import parse
>>> actors = {"tokayev": {"type": "Person", "label": "Kassym-Jomart Tokayev", "aliases": []},
...           "masimov": {"type": "Person", "label": "Karim Masimov", "aliases": []}}
>>> found = find_mentions(parse("President Tokayev sacked Karim Massimov. Joe Biden called the police."), actors)
>>> [(m["text"], m["actors"], m["kind"]) for m in found["mentions"]]
[('Tokayev', ['tokayev'], 'name'), ('Karim Massimov', ['masimov'], 'variant'), ('Joe Biden', ['joe-biden'], 'new'), ('the police', ['police'], 'group')]
>>> found["mentions"][1]["reading"]
"'Karim Massimov' linked to Karim Masimov as a spelling variant (score 0.96)"
>>> found["proposed"]["police"]["type"], found["proposed"]["joe-biden"]["type"]
('PublicBody', 'Person')
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.kinds import BODIES, HONORIFICS, NER_TYPES, fronted_kind, group_word, kin_owner, new_type, org_word, person_titled
from graph.ingest.mentions.mention_data import load_mention_data
from graph.ingest.mentions.credits import drop_credits, drop_speaker_labels
from graph.ingest.mentions.extents import (comma_pieces, join_split_names, label_before_name, with_patronymic, modified_form, name_head, name_word,
                                          ordinal, ordinal_before, region_in_title, widen_places)
from graph.ingest.mentions.later import later_mentions
from graph.ingest.mentions.tails import tail_mentions
from graph.ingest.mentions.nations import plural_people, titled_nation
from graph.ingest.mentions.names import other_bearer, settle_short_names
from graph.ingest.mentions.short_bodies import settle_short_bodies
from graph.ingest.mentions.partitives import widen_partitives
from graph.ingest.mentions.indefinites import indefinite_bodies
from graph.ingest.mentions.possessors import office_word_mentions, owned_bodies, possessor_mentions
from graph.ingest.mentions.retype import retype_countries, retype_persons, retype_places, retype_states
from graph.ingest.mentions.titled_names import titled_name_mentions
from graph.ingest.mentions.linking import Linker, fold, known_actors, merge_acronyms, named_in, slug, surface_pattern

__all__ = ["known_actors", "find_mentions", "slug", "fold"]

_STRIP = {"det", "nummod", "quantmod", "predet", "case", "punct", "mark"}
_QUANTIFIERS = {"more", "than", "some", "dozens", "hundreds", "thousands", "of", "several", "at", "least", "about",
                "around", "nearly", "almost", "roughly", "only", "just", "up", "to", "fewer", "less", "many", "few"}
_PLACES = {"GPE", "LOC", "FAC"}  # "New York", "New Delhi": the adjective is the name's
_RESULTATIVE = {"dead", "unconscious", "senseless"}
_STATE_WORDS = {"Union", "Republic", "Federation", "Kingdom", "Emirates", "States"}
_DURATION = re.compile(r"(?:[a-z0-9]+-)?(?:hour|day|week|month|year)s?(?:-long)?$|long$|nationwide$")  # "a two-week
# state of emergency", "a month-long curfew": how long, not which
_PLAIN_ADJECTIVES = {"former", "new", "current", "acting", "same", "late", "then", "outgoing", "incoming", "ousted",
                     "powerful", "main", "whole", "entire", "ex", "first", "last", "latest", "other", "many", "some",
                     "neighbouring", "neighboring"}


def _clean(span: Any, *, titles: bool = True) -> Any:
    """The span without leading conjunctions ("And the government?", "that the committee"), determiners, numbers, titles
    (of a name) and quotes, and without a trailing "'s" or an abbreviated rank ("Gen.") the recogniser ran into."""
    titles_words = load_mention_data()["name_titles"] if titles else set()
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].dep_ in _STRIP or doc[start].lower_ in titles_words or doc[start].tag_ in ("PRP$", "CC")
                           or (doc[start].lower_ in _PLAIN_ADJECTIVES and doc[start].ent_type_ not in _PLACES)
                           or doc[start].lower_ in ("a", "an", "the")
                           or doc[start].lower_ in _QUANTIFIERS
                           or (doc[start].lower_ in _RESULTATIVE and start and doc[start - 1].pos_ == "VERB")):
        start += 1  # ("troops shot dead striking workers": "dead" is the shooting's, not the workers')
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or (
            titles and end - start > 1 and doc[end - 1].lower_.rstrip(".") in titles_words and doc[end - 1].text.endswith("."))):
        end -= 1  # "the Niger's Presidential Guard Gen. Abdourahamane Tchiani": the general's rank is his
    return doc[start:end]


def _cut(span: Any) -> Any:
    """The span up to a parenthesis, a preposition that no name holds ("the State Council to Reval",
    "National Council for Renewal and Order (NCRO") or a verb the recogniser ran over."""
    breaking = load_mention_data()["breaking"]
    for token in span[1:]:
        if token.text == "(" or (token.pos_ == "ADP" and token.lower_ in breaking) or (
                token.pos_ == "VERB" and token.is_lower):  # "the Integrity Commission led Karim Haddadi out"
            return span.doc[span.start:token.i]
    return span


def _demonym(word: str, states: list[str]) -> str | None:
    """The state a demonym-like word names ("Valdorian" -> "Valdoria"), among ``states``; else None."""
    if not word[:1].isupper():
        return None
    first = next((s for s in states if " " in s and s.split()[0] == word), None)  # "Dravic" of "Dravic Union"
    if first or not word.endswith(("an", "ian", "ese", "i", "ish", "ic")):
        return first
    return next((s for s in states if len(s) > 3 and word.startswith(s[:len(s) - 1]) and word != s), None)


def _hyphened(doc: Any, start: int) -> bool:
    """Whether ``doc[start - 1]`` is the hyphen of a double name ("Ranti-Obi"), between proper nouns and no spaces.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Emeka Ranti-Obi said so.")
    >>> _hyphened(doc, 3), _hyphened(doc, 2)
    (True, False)
    """
    return start > 1 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
        not doc[start - 2].whitespace_ and doc[start - 2].pos_ == "PROPN" and doc[start].pos_ == "PROPN"


def _office(span: Any) -> bool:
    """Whether ``span`` is a minister's title and portfolio only ("Defence Minister", "Interior")."""
    office = load_lexicon()["government_titles"]
    return any(t.lower_ in office["portfolios"] for t in span) and all(
        t.lower_ in {*office["portfolios"], *office["titles"], *office["deputies"]} for t in span)


def _mention(span: Any, ids: list[str], kind: str, reading: str | None, **extra: Any) -> dict[str, Any]:
    return {"start": span.start_char, "end": span.end_char, "text": span.text, "actors": ids, "kind": kind,
            "reading": reading, "tokens": (span.start, span.end), "head": span.root.i, **extra}


def _kin_form(span: Any) -> str | None:
    """The kin phrase a new name is introduced by ("her sister Dinara", "his elder son, Emre Derya"), or None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Kulibayev is the husband of her sister Dinara.")
    >>> _kin_form(doc[7:8])
    'her sister Dinara'
    """
    root = span.root
    noun = root.head if root.dep_ == "appos" else None
    if noun is None or not span.start - 2 <= noun.i < span.start or noun.lemma_.lower() not in \
            load_mention_data()["kin_words"] or not any(c.dep_ == "poss" for c in noun.children):
        return None
    return str(span.doc[noun.left_edge.i:span.end].text)


def find_mentions(doc: Any, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Mentions of known and proposed actors in the parsed ``doc``.

    Returns ``{"mentions": [{start, end, text, actors, kind, reading, tokens, head}], "proposed": {id: actor}}``
    (names, variants, new names, party nouns, demonyms; in text order). A mention with several
    ``actors`` is ambiguous.
    """
    linker = Linker(dict(actors))
    taken = [False] * len(doc)
    mentions: list[dict[str, Any]] = []

    def add(span: Any, ids: list[str], kind: str, reading: str | None) -> None:
        if span.end > span.start and not any(taken[span.start:span.end]):
            mentions.append(_mention(span, ids, kind, reading))
            for i in range(span.start, span.end):
                taken[i] = True

    lex = load_lexicon()
    text = doc.text  # spaCy joins the tokens anew on each read
    pattern = surface_pattern(linker.table)
    for match in pattern.finditer(text) if pattern else ():
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or not (match.group()[:1].isupper() or match.group().islower()):
            continue
        if match.group().isupper() and len(match.group()) > 5 and not any(
                n.isupper() for n in linker.table if n == match.group().lower()):
            continue  # "ALMATY, Jan 8": a dateline, not a mention
        common = match.group().islower() or (span[0].is_sent_start and match.group()[1:].islower()
                                             and match.group()[:1].lower() + match.group()[1:] != match.group())
        if common and any(c.dep_ in ("amod", "compound") and c.i < span.start and c.lower_ not in
                          _PLAIN_ADJECTIVES and not _DURATION.match(c.lower_) for c in span.root.children):
            continue  # "so-called free media" is not "the media": a party noun of its own
        ids = sorted(linker.table[match.group().lower()])
        if other_bearer(doc, span, ids, linker.actors):
            continue  # "Aisultan Nazarbayev": a relative of the same name, found below
        if not common and span[0].ent_type_ == "ORG" and span[0].ent_iob_ == "I" and all(
                linker.actors[a]["label"].islower() for a in ids):
            continue  # "the Committee to Protect Journalists" is not the journalists: a word of a longer name
        if common and not named_in(ids, match.group().lower(), linker.actors, text):
            continue  # "the country", "troops": a common alias stands for the actor only in a text that names it
        if common and match.group().lower().split()[-1] in load_mention_data()["descriptions"] and \
                not named_in(ids, match.group().lower(), linker.actors, text[:match.start()], adjectives=False):
            continue  # "the country" before the text names Kazakhstan by its name: the coreference finds which
        add(span, ids, "name", None)
    chunks = {c.root.i: c.text for c in doc.noun_chunks}
    for ent in comma_pieces(doc.ents):
        nominal = ent.label_ == "NORP" and len(ent) == 1 and ent.root.pos_ == "PROPN" and not plural_people(ent.text, text) \
            and ent.root.dep_ in ("pobj", "nsubj", "dobj", "nsubjpass", "conj")  # "the governor of Lannis"
        if ent.label_ not in NER_TYPES or (ent.label_ == "NORP" and not nominal) or any(t.text in ",;" for t in ent) or \
                ent.text in lex["demonyms"] or (ent.text.isupper() and len(ent.text) > 5):
            continue
        if len(ent) == 1 and (ent.root.dep_ == "amod" or ent.root.dep_ == "compound" and ent.root.is_sent_start) \
                and group_word(ent.root.head) is not None or region_in_title(ent.root):
            continue  # "Dravic troops", "Riot police dispersed": the party noun with its modifier, found below
        if ent.root.dep_ == "compound" and _office(ent):
            continue  # "Defence Minister Murat Bektanov": a portfolio of the title, no body of its own
        span = with_patronymic(ordinal_before(name_head(_cut(_clean(ent))), taken))  # "the 3rd Armoured Regiment"
        while span.start > 0 and doc[span.start - 1].pos_ == "PROPN" and doc[span.start - 1].dep_ == "compound" and \
                doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].lower_.rstrip(".") not in load_mention_data()["name_titles"] \
                and doc[span.start - 1].lower_ not in _PLAIN_ADJECTIVES and doc[span.start - 1].ent_type_ != "DATE" \
                and not taken[span.start - 1] and (ent.label_ == "PERSON" or len(ent) == 1):
            span = doc[span.start - 1:span.end]  # "Aidos Ukibay" where the recogniser saw "Ukibay"
        if not span.text or not (span.text[:1].isupper() or ordinal(span[0])):
            continue
        inner = [m for m in mentions if span.start <= m["tokens"][0] and m["tokens"][1] <= span.end
                 and (m["tokens"][1] - m["tokens"][0]) < len(span)
                 and all(linker.actors.get(a, {}).get("type") in ("State", "Place") for a in m["actors"])]
        names = [m for m in mentions if span.start <= m["tokens"][0] and m["tokens"][1] <= span.end and m not in inner]
        if inner and names:
            continue  # "President of Kazakhstan Kassym-Jomart Tokayev", read as one name: the country and the man
        if inner and ent.label_ == "ORG" and not linker.table.get(span.text.lower()):
            for m in inner:  # "Kazakhstan International Bureau for Human Rights" is not "Kazakhstan"
                mentions.remove(m)
                for i in range(*m["tokens"]):
                    taken[i] = False
        ids, kind, reading = linker.link(span.text)
        if not ids:
            chunk = chunks.get(span.root.i, span.text)
            place = nominal and fronted_kind(span.root, span.start) is None and \
                span.text not in set(lex["demonyms"].values())  # not "the green party Baytaq", nor a known state
            ids = [linker.propose(span.text, "Place" if place else new_type(span.text, ent.label_, span.root), chunk)]
            if form := _kin_form(span):
                linker.add_form(ids[0], form)  # "her sister Dinara": the form the text uses
        add(span, ids, kind, reading)
    for token in doc:  # names the entity recogniser missed: runs of proper nouns ("Samat Abish")
        modifier = token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == token.i + 1
        if token.pos_ != "PROPN" or (token.dep_ == "compound" and not modifier) or taken[token.i] or \
                not token.text[:1].isupper() or region_in_title(token):
            continue  # a run ends at its last proper noun, or before the common noun it modifies ("the Civic Dawn leader")
        start = token.i
        while start > 0 and (doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" or _hyphened(doc, start)):
            if doc[start - 1].text == "-":
                start -= 1  # "Emeka Ranti-Obi": the run goes on over the hyphen of a double name
                continue
            place = [m for m in mentions if m["tokens"] == (start - 1, start) and org_word(token) and
                     all(linker.actors.get(a, {}).get("type") in ("State", "Place") for a in m["actors"])]
            if taken[start - 1] and not place:
                break
            if place:  # "the Tarn Herald" is not Tarn
                mentions.remove(place[0])
                taken[start - 1] = False
            start -= 1
        span = _clean(doc[start:token.i + 1])
        if len(span) == 1 and span.text.isupper() and len(span.text) > 5 or _office(span):
            continue  # "ALMATY, Jan 8": a dateline; "Interior Minister", a title the parser left without its name
        if len(span) == 1 and span.text[:1].isupper():
            span = with_patronymic(span)  # "Tazhibek kyzy": a surname named before in full
            ids, kind, reading = linker.link(span.text)
            if not ids and span.text.isupper() and len(span.text) >= 2:  # an acronym: "SPB"
                ids, kind = [linker.propose(span.text, "Organisation", span.text)], "new"
            if ids:  # a surname named before in full
                add(span, ids, kind, reading)
        elif len(span) >= 2 and all(name_word(t, span) or t.text == "-" for t in span) and token.lower_ not in lex["groups"]:
            span = with_patronymic(span)
            ids, kind, reading = linker.link(span.text)
            person = len(span) <= 3 and (not modifier or token.ent_type_ == "PERSON") and not org_word(span[-1]) and \
                not (span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].ent_type_ == "PERSON")
            if not ids and (wide := ordinal_before(span, taken)) is not span:
                span, ids, kind, reading = wide, *linker.link(wide.text)  # "the 3rd Armoured Regiment"
            add(span, ids or [linker.propose(span.text, "Person" if person else "Organisation", span.text)],
                kind, reading)
    mentions += later_mentions(doc, linker, taken)  # "Awiri-Nalo, a close ally": the surname the recogniser missed
    mentions += tail_mentions(doc, mentions, linker, taken)  # "the copper works" of the Ossel Copper Works
    mentions += possessor_mentions(doc, mentions, linker, taken)  # "the dockers' leader": their union
    for chunk in doc.noun_chunks:
        dash = [t.i for t in chunk if t.text in ("-", "--", "\u2014") and t.i < chunk.root.i]
        if dash and chunk[0].text.isupper() and len(chunk[0]) > 2:
            chunk = doc[dash[-1] + 1:chunk.end]  # "VARN - A court": a dateline before the noun phrase
        head = chunk.root
        if group_word(head) is None or taken[head.i]:
            continue
        if group_word(head) == "CollectiveActor" and head.tag_ == "NNS" and \
                any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children):
            continue  # "two deputies, Oskar Dorn and Lena Vasko": the names are the party
        named = [m for m in mentions if m["tokens"][1] == head.i and m["kind"] in ("name", "new", "variant")
                 and len(m["actors"]) == 1 and doc[head.i - 1].pos_ == "PROPN"]
        if named and group_word(head) in BODIES and (linker.proposed.get(named[0]["actors"][0]) or linker.actors.get(
                named[0]["actors"][0], {})).get("type") not in ("Place", "State"):  # "the Civic Dawn party": Civic
            # Dawn; "the Almaty police" is no city
            actor = named[0]["actors"][0]
            linker.add_form(actor, chunk.text)
            if actor in linker.proposed and linker.proposed[actor]["type"] == "Person":
                linker.proposed[actor]["type"] = str(group_word(head))  # a party is not a person
            mentions.append(_mention(doc[head.i:head.i + 1], [actor], "group",
                                     f"{chunk.text!r} read as {named[0]['text']}"))
            taken[head.i] = True
            continue
        span = _clean(doc[chunk.start:head.i + 1], titles=False)
        mods = [t for t in doc[chunk.start:head.i] if not taken[t.i] and not t.is_punct and t.lower_ != "led"
                and t.dep_ not in _STRIP and t.lower_ not in _PLAIN_ADJECTIVES]
        if not span.text or (head.lower_ in lex["descriptions"] and not mods and doc[chunk.start].lower_ == "the"):
            continue  # "the ministry", "the Russia-led alliance": a definite description, resolved by coref
        label_span = span
        while span.start < head.i and taken[span.start]:
            span = doc[span.start + 1:span.end]
            if doc[span.start - 1].pos_ != "PROPN" and not doc[span.start - 1].text.isupper():
                label_span = span  # "Almaty airport", "CFN diplomats" keep the name they are of
        while span.start < head.i and (doc[span.start].tag_ == "POS" or doc[span.start].is_punct):
            span = doc[span.start + 1:span.end]  # "the TPA's headquarters", "a Moscow-led alliance": the noun's
        if head.lower_ in lex["unit_nouns"] and (of := [c for c in head.children if c.lower_ == "of"]):
            span = doc[span.start:of[0].right_edge.i + 1]
            label_span = doc[label_span.start:span.end]
        label = label_span.text.replace('"', "").replace("\u201c", "").replace("\u201d", "").strip()
        ids, kind, reading = linker.link(label)
        if kind == "name" and len(ids) == 1 and chunk.text.lower() != label.lower():
            linker.add_form(ids[0], chunk.text)  # every form the text uses
        members = [c for c in head.children if c.dep_ == "compound" and taken[c.i] and c.pos_ != "ADJ"
                   and head.lower_ in lex["member_nouns"]
                   and group_word(head) in ("CollectiveActor", "ArmedForce")]
        if kind != "name" and members:  # "police officers", "KNB officers": the body they belong to
            mention = next(m for m in mentions if m["tokens"][0] <= members[0].i < m["tokens"][1])
            ids, kind, reading = mention["actors"], "group", f"{chunk.text!r} read as {mention['text']}"
            span = doc[span.start:head.i + 1]
            form = _clean(doc[chunk.start:head.i + 1], titles=False).text
            for actor in ids:
                linker.add_form(actor, form)  # "National Guard troops": a form of the Guard
            mentions.append(_mention(doc[head.i:head.i + 1], ids, kind, reading))
            taken[head.i] = True
            continue
        if kind != "name":
            ids, reading = [linker.propose(label[:1].lower() + label[1:] if label_span[0].pos_ != "PROPN"
                                           and not label_span[0].text.isupper() else label,
                                           new_type(label, "", head), chunk.text)], None
            where = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "of")
                     for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if where:  # "families in Almaty", "the government of Prime Minister Mamin": a form to keep
                linker.add_form(ids[0], doc[chunk.start:where[0].i + 1].text)
            persons = [m for m in mentions if label_span.start <= m["tokens"][0] and m["tokens"][1] <= span.start
                       and all(linker.actors.get(a, {}).get("type") == "Person" for a in m["actors"])
                       and doc[m["head"]].dep_ == "compound"]
            if persons and group_word(head) == "CollectiveActor":  # "the Nazarbaev family": not the man
                for m in persons:
                    mentions.remove(m)
                    for i in range(*m["tokens"]):
                        taken[i] = False
                span = doc[persons[0]["tokens"][0]:span.end]
        form = modified_form(chunk)  # "companies owned by Halm's circle": the form that tells them apart
        if form and len(ids) == 1:
            linker.add_form(ids[0], form)
        lead = doc[chunk.start:span.start]
        add(doc[chunk.start:span.end] if len(lead) and not any(taken[chunk.start:span.start]) and
            not any(t.tag_ == "PRP$" for t in lead) else span, ids, "group", reading)  # "his lawyer": "his" resolves
    titles = lex["titles"]
    for token in doc:  # "the Russian foreign ministry spokeswoman": the ministry is a party of its own
        if token.dep_ != "compound" or not token.text.islower() or taken[token.i] or \
                group_word(token) not in BODIES or token.head.lower_ not in titles:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ in ("amod", "compound") and doc[start - 1].lower_ not in _PLAIN_ADJECTIVES:
            start -= 1
            if taken[start]:  # "the Dravic foreign ministry": "Dravic" named the state, here the ministry's
                inner = [m for m in mentions if m["tokens"] == (start, start + 1)]
                if not inner:
                    start += 1
                    break
                mentions.remove(inner[0])
                taken[start] = False
        if start == token.i:
            continue  # "the ministry spokesman": a description, resolved by coref
        label = doc[start:token.i + 1].text
        ids, kind, reading = linker.link(label)
        add(doc[start:token.i + 1], ids or [linker.propose(label, str(group_word(token)), label)],
            kind if ids else "group", reading)
    mentions += office_word_mentions(doc, mentions, linker, taken)  # "the former customs chief": customs
    mentions += owned_bodies(doc, mentions, linker, taken)  # "Ilvany's electoral board"
    mentions += indefinite_bodies(doc, linker, taken)  # "an Almaty-based rights group"
    states = [spec["label"] for spec in actors.values() if spec.get("type") == "State"] + [
        _clean(e).text for e in doc.ents if e.label_ == "GPE" or (e.label_ == "ORG" and e[-1].text in _STATE_WORDS)]
    for token in doc:
        if token.dep_ not in ("amod", "compound", "nmod", "npadvmod") or taken[token.i]:
            continue
        state = lex["demonyms"].get(token.text) or _demonym(token.text, states) or titled_nation(token)
        if state:
            ids, _, _ = linker.link(state)
            add(doc[token.i:token.i + 1], ids or [linker.propose(state, "State", state)], "demonym",
                f"{token.text!r} read as {state}")
    mentions = drop_speaker_labels(doc, drop_credits(doc, sorted(mentions, key=lambda m: m["start"])))
    join_split_names(doc, mentions, linker)  # "Kambali's Ethics and Anti-Corruption Commission"
    merge_acronyms(doc, mentions, linker)
    widen_partitives(doc, mentions, linker.proposed)
    widen_places(doc, mentions, linker)
    label_before_name(doc, mentions)
    titled = lambda h: person_titled(h) or kin_owner(h) or any(c.lower_.rstrip(".") in HONORIFICS  # noqa: E731
                                                               for c in h.children)
    retype_places(doc, mentions, linker.proposed, titled)
    retype_persons(doc, mentions, linker.proposed, titled)
    retype_states(doc, mentions, linker.proposed)
    retype_countries(doc, mentions, linker.proposed)  # "Korundia" beside "the Korundian army"
    linker.settle_names()
    settle_short_names(doc, mentions, linker)
    settle_short_bodies(doc, mentions, linker)  # "the Community of the Amber Coast ... the Community's"
    mentions = sorted(mentions + titled_name_mentions(doc, mentions), key=lambda m: m["start"])  # "President of X Y"
    return {"mentions": mentions, "proposed": linker.proposed, "actors": linker.actors}
