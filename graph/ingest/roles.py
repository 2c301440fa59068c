"""Who does what in a clause, read from the dependency parse: subjects, objects, context.

- subjects of a verb: its ``nsubj`` (fanned out over conjuncts); inherited by a
  conjoined verb, a controlled infinitive ("agreed to send": the subject; "urged
  X to": the object) and a subjectless adverbial clause; the noun a relative
  clause ("who anointed Tokayev") or a participle ("troops sent by Russia") hangs on;
- passive: ``nsubjpass`` is the one acted upon, the object of "by" the agent;
- context: negation ("not", "never", "refused to", "denied that") on the verb or
  the clauses above it; hedges ("reportedly", "may", "is believed to"); the
  reporting verb above it ("X said that ...") or "according to X", whose speaker
  is the claimant.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Police said Tokayev did not sack Masimov and Bokay.")
>>> verb = doc[5]
>>> [t.text for t in subjects(verb)], [t.text for t in fan(objects(verb, None))], negation(verb)
(['Tokayev'], ['Masimov', 'Bokay'], 'not')
>>> speaker(verb).text
'Police'
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["fan", "subjects", "objects", "agents", "is_passive", "negation", "hedge", "speaker", "clause_chain",
           "prep_objects", "trailing_speaker", "named_beyond"]

_RELATIVE = {"who", "that", "which", "whom"}
_UP = {"xcomp", "ccomp", "conj", "advcl", "parataxis", "ROOT", "pcomp", "acomp", "relcl", "acl"}


def fan(tokens: list[Any]) -> list[Any]:
    """The tokens and their conjuncts ("X, Y and Z"), each once, in order."""
    out: list[Any] = []
    for token in tokens:
        for t in (token, *token.conjuncts):
            if t not in out and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
                out.append(t)
    return sorted(out, key=lambda t: t.i)


def is_passive(verb: Any) -> bool:
    """'was arrested', 'arrested by the KNB' (a participle on a noun)."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


def subjects(verb: Any, *, depth: int = 0) -> list[Any]:
    """The grammatical subjects of ``verb`` (the acted-upon ones when passive)."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and c.dep_ != "expl"]
    if found:
        return [verb.head if (f.lower_ in _RELATIVE and verb.dep_ == "relcl") else f for f in found]
    if depth > 4:
        return []
    head = verb.head
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if verb.dep_ == "xcomp":
        dobj = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON")] or [
            g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children
            if g.dep_ == "pobj"]
        return dobj or subjects(head, depth=depth + 1)
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth=depth + 1)
    if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        dobj = [c for c in head.head.children if c.dep_ == "dobj"] if head.lower_ == "for" else []
        return dobj or subjects(head.head, depth=depth + 1)  # "answered by sending"; "condemned X for detaining"
    return []


def agents(verb: Any) -> list[Any]:
    """The objects of the 'by' phrase of a passive verb."""
    found = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not found:  # "was appointed head of the committee by President Tokayev": "by" hung on the complement
        found = [g for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp") and c.pos_ in ("NOUN", "PROPN")
                 for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                 for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return found


def prep_objects(token: Any, prep: str) -> list[Any]:
    """Objects of the preposition ``prep`` hanging on ``token`` ("talks with X": X)."""
    return [g for c in token.children if c.dep_ in ("prep", "dative", "agent") and c.lower_ == prep
            for g in c.children if g.dep_ in ("pobj", "pcomp")]


def objects(verb: Any, prep: str | None) -> list[Any]:
    """The object of ``verb``: of ``prep`` (on the verb or its object), else the direct object."""
    if prep is not None:
        found = prep_objects(verb, prep)
        frontier = [c for c in verb.children if c.dep_ in ("dobj", "prt", "xcomp", "attr", "prep", "npadvmod")]
        while not found and frontier:  # "took over as chairman of the council from X": within the clause
            token = frontier.pop(0)
            found = prep_objects(token, prep)
            frontier += [c for c in token.children if c.pos_ not in ("VERB", "AUX") and c.dep_ not in ("relcl", "acl")]
        return found
    return [c for c in verb.children if c.dep_ in ("dobj", "dative")]


def clause_chain(token: Any) -> list[Any]:
    """``token`` and the heads above it through clause links (not out of a noun phrase)."""
    chain = [token]
    while chain[-1].dep_ in _UP and chain[-1].head is not chain[-1] and len(chain) < 8:
        if chain[-1].dep_ in ("relcl", "acl") and len(chain) > 1:
            break
        chain.append(chain[-1].head)
        if chain[-1].pos_ in ("NOUN", "PROPN"):
            break
    return chain


def negation(token: Any) -> str | None:
    """The word that negates the clause of ``token``, or None."""
    lex = load_lexicon()
    chain = clause_chain(token)
    for i, link in enumerate(chain):
        if i and chain[i - 1].dep_ == "advcl":
            break  # "When Tokayev took the chair, Nazarbayev was not in the hall": the main clause's negation
        for child in link.children:
            if child.dep_ == "neg" or (child.lower_ in lex["negation_words"] and child.dep_ in ("advmod", "det", "preconj")):
                return str(child.text)
        if i and link.lemma_ in lex["negating"] and chain[i - 1].dep_ in ("ccomp", "xcomp"):
            return str(link.text)
    return None


def hedge(token: Any) -> str | None:
    """The word that hedges the clause of ``token`` ("reportedly", "may", "is believed to"), or None."""
    words = load_lexicon()["hedge_words"]
    for i, link in enumerate(clause_chain(token)):
        for child in link.children:
            if child.dep_ in ("aux", "advmod") and child.lower_ in words:
                return str(child.text)
        if i and link.lemma_ in words:
            return str(link.text)
        if i and link.lemma_ in load_lexicon()["reporting"] and any(c.dep_ == "auxpass" for c in link.children):
            return f"{link.text} to"  # "is said to control": hearsay
    return None


def _said_by(verb: Any) -> Any | None:
    """The subject of a reporting verb; a name right before a subjectless one ("..., spokesman X told
    reporters", which the parser may hang on the report as an apposition)."""
    found = next(iter(subjects(verb)), None)
    before = verb.doc[verb.i - 1] if verb.i else None
    if found is None and before is not None and before.pos_ in ("PROPN", "NOUN") and before.dep_ == "appos":
        return before
    return found if found is not None else trailing_speaker(verb)


def trailing_speaker(verb: Any) -> Any | None:
    """The noun phrase right before a subjectless reporting verb at a sentence's end, which the parser
    hung on the reported clause ("police arrested X, the party's spokesman, Emil Sorrow, said": the
    spokesman), or None."""
    if verb.lemma_ not in load_lexicon()["reporting"] or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    j = verb.i - 1
    while j >= verb.sent.start and verb.doc[j].is_punct:
        j -= 1
    if j < verb.sent.start or verb.doc[j].pos_ not in ("PROPN", "NOUN") or verb.i - j > 2:
        return None
    top = verb.doc[j]
    while top.dep_ == "compound" and top.head.i < verb.i and top.head.pos_ in ("PROPN", "NOUN"):
        top = top.head
    return top if top.dep_ in ("dobj", "appos", "conj", "npadvmod") and top.head != verb else None


def _source(according: Any) -> Any | None:
    """Who "according to" names: its object, or the author of a document it names ("according to a
    decree published by the press service", "according to the ministry's statement")."""
    found = next((g for g in according.subtree if g.dep_ == "pobj"), None)
    if found is not None and found.lemma_.lower() in load_lexicon()["document_nouns"]:
        for g in found.subtree:
            if g is not found and (g.dep_ == "poss" or (g.dep_ == "pobj" and g.head.lower_ in ("by", "from", "of"))):
                return g
    return found


def named_beyond(role: Any) -> list[Any]:
    """The name the parser hung on the object of a role noun's "for"/"of" ("A spokesman for Halm, Ruben Aske,
    said": Aske), when the role is a subject."""
    if role.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "appos" for c in role.children):
        return []
    return [c for o in prep_objects(role, "for") + prep_objects(role, "of") for c in o.children
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > o.i][:1]


def _content_head(clause: Any) -> bool:
    """Whether the relative clause ``clause`` hangs on a common noun that names no party ("cases", "a video")."""
    lex = load_lexicon()
    head = clause.head
    return head.pos_ == "NOUN" and not any(
        w in lex["groups"] or w in lex["descriptions"] or w in lex["titles"] for w in (head.lower_, head.lemma_.lower()))


def speaker(token: Any) -> Any | None:
    """The speaker of the reporting verb above ``token`` ("X said that ..."), or of "according to X"."""
    reporting = load_lexicon()["reporting"]
    chain = [token]
    while chain[-1].head is not chain[-1] and (chain[-1].dep_ != "relcl" or _content_head(chain[-1])) and len(chain) < 12:
        chain.append(chain[-1].head)  # a participle inside the report is reported too; a relative clause on a
        # party is background ("Putin, who sent troops, said"), on a content noun reported ("cases in which police beat")
    for i, link in enumerate(chain):
        for child in link.children:
            if child.lower_ == "according":
                return _source(child)
        if i and link.lemma_ in reporting and chain[i - 1].dep_ in ("ccomp", "parataxis", "xcomp") and not any(
                c.dep_ == "auxpass" for c in link.children):
            return _said_by(link)
        for child in link.children:
            if child.dep_ == "parataxis" and child.lemma_ in reporting and child is not token:
                return _said_by(child)
            if child.dep_ == "conj" and child.lemma_ in reporting and child.i > token.i and not any(
                    c.dep_ == "cc" and c.i < child.i for c in link.children):
                return _said_by(child)  # "X detained Y, Z told reporters": a misparsed parataxis
    return None
