"""What kind of actor a new name or party noun is: a person, a body, a place, a collective.

The entity recogniser's label is the last word: a title or honorific beside a name makes a person
("Mr Brask", "spokesman Aidos Ukibay", "the 79-year-old Lunn"), a last word of the lexicon's
organisation, unit or media words a body ("Kestria Watch", "the 3rd Armoured Regiment", "the Tarvo
Courier"), an apposition its kind ("Kestria Watch, the country's best-known rights group"), a party
noun of ``groups`` its type ("police": a public body).

>>> from graph.ingest.nlp import parse
>>> doc = parse("Mr Brask met the Tarvo Courier.")
>>> new_type("Brask", "GPE", doc[1]), new_type("Tarvo Courier", "ORG", doc[5])
('Person', 'MediaOutlet')
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.coreference.descriptions import description_noun
from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["BODIES", "HONORIFICS", "NER_TYPES", "person_titled", "kin_owner", "org_word", "group_word", "apposed_kind", "fronted_kind", "new_type"]

NER_TYPES = {"PERSON": "Person", "ORG": "Organisation", "GPE": "Place", "LOC": "Place", "FAC": "Place",
              "NORP": "CollectiveActor"}
_SECURITY = re.compile(r"\b(?:KGB|KNB|FSB|intelligence|security service|secret service)\b", re.I)
BODIES = {"Organisation", "PublicBody", "SecurityService", "MilitaryAlliance", "MediaOutlet"}
_OWNED = "~controls"  # the relation of a title for what someone owns ("Ochami's firm"): a company
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord", "madam", "madame"}


def person_titled(head: Any) -> bool:
    """Whether a person's title stands beside the name: "spokesman Aidos Ukibay", "Ukibay, his spokesman"."""
    lex = load_lexicon()
    words = set(lex["titles"]) | {w for w, types in lex["descriptions"].items() if "Person" in types}
    words -= {t for t, r in lex["titles"].items() if r in ("locatedIn", _OWNED)}  # "Orla Build, a firm": no person
    near = [c for c in head.children if c.dep_ in ("compound", "appos")] + ([head.head] if head.dep_ == "appos" else [])
    return any(t.lemma_.lower() in words or t.lower_ in words for t in near)


def org_word(token: Any) -> bool:
    """Whether a name's last word makes it an organisation's ("Human Rights Watch", "Ossel Free Press")."""
    return token.lower_ in load_lexicon()["org_words"] or group_word(token) in BODIES | {"ArmedForce"} or \
        token.lower_ in load_mention_data()["unit_words"]


def group_word(token: Any) -> str | None:
    """The party type of a common noun of the lexicon's ``groups`` ("police", "families"), or None."""
    groups = load_mention_data()["groups"]
    found = groups.get(token.lower_) or (groups.get(token.lemma_.lower()) if token.tag_ == "NNS" else None)
    return str(found) if found else None


def apposed_kind(head: Any) -> str | None:
    """The party type an apposition gives a name ("Kestria Watch, the country's best-known rights group")."""
    lex = load_lexicon()
    near = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
    for noun in near:
        if lex["titles"].get(noun.lemma_.lower()) == _OWNED:
            return "Organisation"  # "Derya Holding, the conglomerate run by his son": a thing one controls
        kinds = lex["descriptions"].get(noun.lemma_.lower()) or [lex["groups"].get(noun.lower_)]
        if kinds[0] and kinds[0] not in ("Person", "CollectiveActor", "Place"):
            return str(kinds[0])
    return None


def fronted_kind(head: Any, start: int) -> str | None:
    """The body type a common noun set before a name gives it ("the green party Baytaq", "the business lobby
    Atameken"), from the lexicon's descriptions; None for a person's or a place's noun ("the capital Varn").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The green party Baytaq will not be represented.")
    >>> fronted_kind(doc[3], 3)
    'Organisation'
    >>> doc = parse("Troops entered the capital Vordaq.")
    >>> fronted_kind(doc[4], 4) is None
    True
    """
    kinds = load_lexicon()["descriptions"]
    before = [head.doc[start - 1]] if start and head.doc[start - 1].pos_ in ("NOUN", "PROPN") else []
    for noun in (c for c in [*before, *head.children] if c.dep_ in ("compound", "appos", "nsubj", "nsubjpass", "dobj")
                 and c.i < start and c.text.islower()):  # however the parser hung the noun on the name
        found = (kinds.get(noun.lemma_.lower()) or [None])[0]
        if found and found not in ("Person", "CollectiveActor", "Place"):
            return str(found)
    return None


def kin_owner(head: Any) -> bool:
    """Whether a name's head owns a family noun ("X's husband", "the son of X")."""
    kin = load_mention_data()["kin_words"]
    owner = head.head if head.dep_ == "poss" else head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" \
        else None
    return owner is not None and owner.i != head.i and (owner.lemma_.lower() in kin or owner.lower_ in kin)


def new_type(label: str, ner: str, head: Any) -> str:
    lex = load_lexicon()
    if head.pos_ == "PROPN" and head.lower_ in load_mention_data()["media_words"]:
        return "MediaOutlet"  # "the Tarvo Courier", "Vista TV"
    if any(c.dep_ == "compound" and c.i < head.i and c.lower_.rstrip(".") in HONORIFICS for c in head.children) \
            or any(description_noun(c) == "year-old" for c in head.children if c.i < head.i):
        return "Person"  # "Mr Brask", "the 79-year-old Lunn", whatever the recogniser took him for
    start = head.i - len(label.split()) + 1
    after_of = start > 0 and head.doc[start - 1].lower_ == "of" and head.dep_ == "appos"
    if ner and person_titled(head) and " " in label and head.pos_ == "PROPN" and not org_word(head) and not after_of:
        return "Person"  # not "Amosa of Nakoro First", which the parser set beside "the opposition leader"
    if ner and head.pos_ == "PROPN" and kin_owner(head) and not org_word(head):
        return "Person"  # "Dariga Nazarbayeva's husband", whatever the recogniser took her for
    if ner == "PERSON" and org_word(head):
        return "Organisation"  # "Kestria Watch", which the recogniser takes for a person
    # a PERSON hung on the body after "of" is the title's holder ("the head of the Port Authority, Milan Vesk")
    misparsed = ner == "PERSON" and head.dep_ == "appos" and head.head.dep_ == "pobj"
    if ner and (kind := (None if misparsed else apposed_kind(head)) or fronted_kind(head, start)) is not None:
        return kind
    if _SECURITY.search(label):
        return "SecurityService"
    if group_word(head) and ner != "PERSON":
        return str(group_word(head))
    if ner in ("GPE", "NORP", "LOC") and label in set(lex["demonyms"].values()):
        return "State"  # a state the lexicon knows, whichever place-like label the recogniser gave it
    return NER_TYPES.get(ner, "Organisation")
