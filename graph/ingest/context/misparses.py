"""Reports the parser hung in the wrong place, found again from the words around them.

- a that-clause hung off a reporting verb's neighbour ("who has said, without offering evidence, that ...");
- a speaker taken from the dateline ("TARN, May 3 (Wire) - X's bureau said");
- a bare reporting verb hung as a participle on a noun after the object ("police hold X, state media reported");
- "X was quoted as saying", "..., citing Y", "..., quoting Y";
- a confirmation withheld ("could not confirm that", "neither confirm nor deny"): no claim, no denial.

>>> from graph.ingest.nlp import parse
>>> doc = parse("The police are holding Oskar Dorn, state media reported on Tuesday.")
>>> appended_report(doc[3], doc[3]).head.text
'media'
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["appended_report", "quoted_as", "cited", "past_dateline", "unconfirmed", "stranded_report"]

_SOURCES = {"source", "official", "diplomat", "witness", "resident", "person", "people", "officer", "aide", "spokesman",
            "spokeswoman", "spokesperson"}


def appended_report(verb: Any, token: Any) -> Any | None:
    """A bare reporting verb after ``token`` that the parser hung as a participle on a noun set off by a comma after
    an object of ``verb`` ("police hold X, state media reported on Tuesday": "media" an apposition of X), or None;
    not one with a complement or a subject of its own ("X, a man said to be close to Y")."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "pobj", "attr") and c.i > token.i - 1):
        for noun in (a for a in obj.children if a.dep_ == "appos" and a.pos_ in ("NOUN", "PROPN")):
            for said in (v for v in noun.children if v.dep_ == "acl" and v.lemma_ in load_lexicon()["reporting"]):
                if verb.doc[noun.left_edge.i - 1].text == "," and not any(c.dep_ in (
                        "ccomp", "xcomp", "dobj", "nsubj", "nsubjpass", "auxpass", "aux") for c in said.children):
                    return said
    return None


def quoted_as(verb: Any) -> Any | None:
    """The "saying" of "X was quoted as saying" (or "the Courier quoted X as saying") on ``verb``, or None."""
    if verb.lemma_ != "quote":
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                 if g.dep_ == "pcomp" and g.lemma_ in load_lexicon()["reporting"]), None)


def cited(verb: Any) -> Any | None:
    """The source a reporting verb cites or quotes ("the agency reported, citing a source in the SBV", "...,
    quoting X"), or None."""
    return next((d for c in verb.children if c.dep_ == "advcl" and c.lemma_ in ("cite", "quote") for d in c.children
                 if d.dep_ == "dobj" and d.lemma_.lower() not in load_lexicon()["document_nouns"] and (
                     d.pos_ == "PROPN" or d.lemma_.lower() in _SOURCES)), None)


def past_dateline(found: Any, verb: Any) -> Any:
    """The conjunct after a dateline's dash of the subject ``found`` the parser took from the dateline ("TARN, May 3
    (Wire) - Valdoria's Bureau of ... said": the bureau, not Tarn), else ``found``."""
    dashes = [t.i for t in verb.doc[found.i + 1:verb.i] if t.text in ("-", "\u2013", "\u2014") and t.whitespace_]
    after = [c for c in found.conjuncts if dashes and dashes[-1] < c.i < verb.i]
    return after[0] if after else found


def unconfirmed(verb: Any) -> bool:
    """Whether ``verb`` withholds a confirmation: a negated confirming verb ("could not confirm that"), or "neither
    confirm nor deny"; its clause is neither claimed nor denied.

    >>> from graph.ingest.nlp import parse
    >>> [unconfirmed(parse(t)[i]) for t, i in (("The SBV could not confirm that.", 4), ("The SBV will confirm that.", 3))]
    [True, False]
    >>> unconfirmed(parse("Marek would neither confirm nor deny that he had sacked Dorn.")[5])
    True
    """
    pair = [verb, *verb.conjuncts]
    if {"confirm", "deny"} <= {v.lemma_ for v in pair}:
        return any(c.lower_ in ("neither", "nor") for v in pair for c in v.children)
    return verb.lemma_ in load_lexicon()["confirming"] and any(c.dep_ == "neg" for c in verb.children)


def stranded_report(clause: Any) -> Any | None:
    """The reporting verb right before the that-clause ``clause`` that the parser hung elsewhere, the verb with no
    complement of its own and only its own words between them ("has said, without offering evidence, that ...");
    else None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The Northern Pact criticised Ilya Marek, who has said, without offering evidence, that the SBV had "
    ...             "arrested Oskar Dorn.")
    >>> stranded_report(doc[19]).text
    'said'
    """
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    start = clause.left_edge.i
    for verb in reversed(clause.doc[clause.sent.start:start]):
        if verb.lemma_ in load_lexicon()["reporting"] and verb.pos_ == "VERB":
            if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
                return None
            own = {t.i for t in verb.subtree}
            return verb if all(t.i in own or t.is_punct for t in clause.doc[verb.i + 1:start]) else None
    return None
