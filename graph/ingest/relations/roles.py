"""Who does what in a clause, read from the dependency parse: subjects, objects, agents.

- subjects of a verb: its ``nsubj`` (fanned out over conjuncts); inherited by a
  conjoined verb, a controlled infinitive ("agreed to send": the subject; "urged
  X to": the object) and a subjectless adverbial clause; the noun a relative
  clause ("who anointed Tokayev") or a participle ("troops sent by Russia") hangs on;
- passive: ``nsubjpass`` is the one acted upon, the object of "by" the agent.

What the clause's context says (negation, hedge, speaker) is :mod:`graph.ingest.context.clause`.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Police said Tokayev did not sack Masimov and Bokay.")
>>> verb = doc[5]
>>> [t.text for t in subjects(verb)], [t.text for t in fan(objects(verb, None))]
(['Tokayev'], ['Masimov', 'Bokay'])
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["fan", "companions", "copular_doer", "subjects", "objects", "agents", "is_passive", "prep_objects", "named_beyond", "verb_above",
           "gapped_as"]

_RELATIVE = {"who", "that", "which", "whom"}
_ADJUNCTS = {"under", "after", "before", "during", "amid", "despite", "following", "over", "because", "since"}

def companions(token: Any) -> list[Any]:
    """Who ``token`` stands beside in an added phrase ("X, along with Y,", "X, together with Y,"): Y.

    >>> from graph.ingest.nlp import parse
    >>> [t.text for t in companions(parse("Dorn, along with Vasko, was arrested.")[0])]
    ['Vasko']
    """
    return [g for c in token.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("along", "together")
            for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for g in w.children if g.dep_ == "pobj"]


def copular_doer(verb: Any) -> Any | None:
    """Who a ranked infinitive says acted: "Orr was the first leader to congratulate him", "the only minister to
    criticise it was Kerr", "Orr was one of the first to back him": the other side of "be" (else None).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Orr was one of the first foreign leaders to back Reval. The plan to send troops was Orr's.")
    >>> copular_doer(doc[9]).text, copular_doer(doc[16])
    ('Orr', None)
    """
    noun = verb.head
    ranked = prep_objects(noun, "of")[:1] if noun.pos_ == "NUM" else [noun]
    if verb.dep_ not in ("relcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or \
            not ranked or not any(c.dep_ == "amod" and c.lower_ in load_lexicon()["ranked_first"]
                                  for c in ranked[0].children) or noun.head.lemma_ != "be":
        return None
    other = {"attr": "nsubj", "nsubj": "attr"}.get(noun.dep_)
    return next((c for c in noun.head.children if c.dep_ == other), None)


def fan(tokens: list[Any]) -> list[Any]:
    """The tokens and their conjuncts ("X, Y and Z", "X, along with Y,"), each once, in order."""
    out: list[Any] = []
    for token in tokens:
        for t in (token, *token.conjuncts, *(c for m in companions(token) for c in (m, *m.conjuncts))):
            if t not in out and (t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X") or t.lower_ == "whose" or
                                 t.dep_ in ("pobj", "dobj", "nsubjpass")):  # "the Tarn Copper Works" tagged a verb
                out.append(t)
    return sorted(out, key=lambda t: t.i)


def _reduced_relative(verb: Any) -> bool:
    """"Ondra, freed yesterday, told supporters": a participle the parser made the verb of its noun."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.tag_ != "VBN" or subj is None or subj.i > verb.i or any(
            c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        return False
    before = verb.i - 1
    while before > subj.i and verb.doc[before].dep_ == "advmod" and verb.doc[before].head == verb:
        before -= 1  # "the bureau, then still run by Velkov,"
    return verb.doc[before].text == "," or any(c.dep_ == "agent" for c in verb.children)


def is_passive(verb: Any) -> bool:
    """'was arrested', 'arrested by the KNB' (a participle on a noun)."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)) or \
        _reduced_relative(verb) or (verb.dep_ == "relcl" and verb.tag_ == "VBN" and any(  # "the SBV, then run by X,"
            c.dep_ == "agent" for c in verb.children) and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)) or (
        verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and verb.head.pos_ == "VERB" and is_passive(verb.head) and not any(
            c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children))  # "were detained by police and released"


def _dateline(verb: Any, found: list[Any]) -> list[Any]:
    """Without a subject the parser took from a dateline ("KESSABA, Feb 16 (Agency) - Soldiers detained")."""
    if len(found) < 2:
        return found
    dashes = [t.i for t in verb.sent if t.text in ("-", "\u2013", "\u2014") and t.i < verb.i]
    return [f for f in found if not dashes or f.i > dashes[-1]] or found


def _stolen_subject(verb: Any) -> Any | None:
    """The subject the parser gave to a neighbour of a subjectless finite clause: "Police, Vasko said, had
    detained Dorn" (both on "said"), "Vasko said on Friday police had detained Dorn" ("Friday police")."""
    said = [c for c in verb.children if c.dep_ == "parataxis" and c.lemma_ in load_lexicon()["reporting"] and
            c.i > verb.i - 8]
    for report in said:
        subs = [c for c in report.children if c.dep_ == "nsubj"]
        if len(subs) > 1 and subs[0].i < report.i and subs[0].i < verb.i:
            return subs[0]
    dated = [t for t in verb.lefts if t.dep_ == "prep" for t in t.subtree if t.dep_ == "appos" and t.pos_ == "PROPN"
             and t.head.ent_type_ in ("DATE", "TIME") and t.ent_type_ not in ("DATE", "TIME")]
    if dated:  # "On Wednesday, Tokayev, 68, accepted": the name the parser apposed to the day
        return dated[-1]
    left = verb.left_edge
    if verb.dep_ == "ccomp" and left.dep_ in ("aux", "auxpass") and left.i > 0:
        before = verb.doc[left.i - 1]
        if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "pobj" and before.head.head == verb.head and \
                any(c.dep_ == "compound" and c.ent_type_ in ("DATE", "TIME") for c in before.children):
            return before
    return None


def _gapped(verb: Any) -> list[Any]:
    """The names of a second conjunct whose verb is left out ("Dorn was jailed for ten years and Vasko for
    eight"), which the parser hangs on the verb itself; it stands right after the conjunction (not "and with
    helping his cousin, Oskar Dorn, ...": an apposition); or on the verb's first role (:func:`gapped_as`)."""
    cc = [c.i for c in verb.children if c.dep_ == "cc" and c.i > verb.i]
    counted = [g for c in verb.children if c.dep_ == "conj" and c.pos_ == "NUM" and cc and cc[0] < c.i
               for g in c.children if g.dep_ == "nsubj" and g.pos_ == "PROPN" and g.i < c.i]  # "X was given sixteen
    # years and Y fifteen": the parser makes Y the subject of the number
    return counted + list(gapped_as(verb).values()) + [
        c for c in verb.children if c.dep_ in ("conj", "npadvmod") and c.pos_ == "PROPN" and cc and
            cc[0] < c.i and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].dep_ == "cc" and
            c.ent_type_ not in ("DATE", "TIME") and not any(
                g.dep_ in ("nsubj", "nsubjpass", "dobj") for g in c.children)]


def gapped_as(verb: Any) -> dict[int, Any]:
    """"appointing Smailov as prime minister and Nurtileu as deputy chairman": the parser hangs the second name on
    the first role; the holder of each later role, by the role's token.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Reval named Ana Sol as prime minister and Piet Hol as interior minister.")
    >>> {doc[i].text: name.text for i, name in gapped_as(doc[1]).items()}
    {'minister': 'Hol'}
    """
    roles = prep_objects(verb, "as")
    out: dict[int, Any] = {}
    for before, role in zip(roles, roles[1:]):
        names = [c for c in before.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i < role.i]
        if names:
            out[role.i] = names[-1]
    return out


def subjects(verb: Any, *, depth: int = 0) -> list[Any]:
    """The grammatical subjects of ``verb`` (the acted-upon ones when passive)."""
    found = _dateline(verb, [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")])
    if found:
        gapped = [] if any(c.dep_ in ("dobj", "dative") for c in verb.children) and not any(
            c.dep_ == "nsubjpass" for c in verb.children) else _gapped(verb)  # "was given ten years and Y eight"
        return [verb.head if (f.lower_ in _RELATIVE and verb.dep_ == "relcl") else f for f in found] + gapped
    if depth > 4:
        return []
    stolen = _stolen_subject(verb)
    if stolen is not None:
        return [stolen]
    head = verb.head
    lex = load_lexicon()
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in lex["document_nouns"] and \
            head.head.pos_ in ("VERB", "AUX"):
        return subjects(head.head, depth=depth + 1)  # "issued a statement thanking X": who issued it thanks
    if verb.dep_ == "conj" and head.dep_ == "parataxis" and head.lemma_ in lex["reporting"] and \
            head.head.pos_ in ("VERB", "AUX"):
        return subjects(head.head, depth=depth + 1)  # "X sacked Y, her office says, and named Z": X named
    if (doer := copular_doer(verb)) is not None:
        return [doer]  # "Orr was the first leader to congratulate him"
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if verb.dep_ == "xcomp" and head.lemma_.lower() in lex["instrument_verbs"]:
        return subjects(head, depth=depth + 1)  # "police used water cannon to clear X": the user clears, not the cannon
    if verb.dep_ == "xcomp":
        dobj = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON")] or [
            g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]  # "called on X to", not "voted on Friday to"
        return dobj or subjects(head, depth=depth + 1)
    if verb.dep_ == "advcl" and head.lemma_.lower() in load_lexicon()["purpose_by_object"] and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            (dobj := [c for c in head.children if c.dep_ == "dobj"] or (
                [c for c in head.children if c.dep_ == "nsubjpass"])):
        return dobj  # "named Olmedo to replace him", "sent troops to guard the airport": the one sent does it
    if verb.dep_ in ("conj", "advcl") and head.pos_ in ("VERB", "AUX"):
        return subjects(head, depth=depth + 1)
    if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
        dobj = [c for c in objects(head.head, None) if c.dep_ == "dobj"] if head.lower_ in ("for", "of", "with") else []
        return dobj or subjects(head.head, depth=depth + 1)  # "answered by sending"; "condemned X for detaining",
        # "accused her of plotting", "charged him with helping"
    return []


def agents(verb: Any) -> list[Any]:
    """The objects of the 'by' phrase of a passive verb."""
    found = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    complements = [c for c in verb.children if c.dep_ in ("oprd", "attr", "xcomp") and c.pos_ in ("NOUN", "PROPN")]
    complements += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children
                    if g.dep_ == "pobj" and g.pos_ == "NOUN"]  # "was named as the new minister by X"
    if not found:  # "was appointed head of the committee by President Tokayev": "by" hung on the complement
        found = [g for c in complements for p in c.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                 for g in p.children if g.dep_ == "pobj" and (g.pos_ == "PROPN" or (
                     g.pos_ == "NOUN" and g.lemma_.lower() not in load_lexicon()["non_agents"]))]
    return found


def prep_objects(token: Any, prep: str) -> list[Any]:
    """Objects of the preposition ``prep`` hanging on ``token`` ("talks with X": X)."""
    return [g for c in token.children if c.dep_ in ("prep", "dative", "agent", "prt") and c.lower_ == prep
            for g in c.children if g.dep_ in ("pobj", "pcomp")]


def objects(verb: Any, prep: str | None) -> list[Any]:
    """The object of ``verb``: of ``prep`` (on the verb or its object), else the direct object."""
    if prep is not None:  # "blamed the bloodshed on militants and on the elite": on the verb and on its object
        found = sorted(prep_objects(verb, prep) + [g for c in verb.children if c.dep_ == "dobj"
                                                   for g in prep_objects(c, prep)], key=lambda t: t.i)
        bare = [c.i for c in verb.children if c.dep_ == "prep" and c.lower_ == prep and not list(c.children)]
        if not found and bare:  # "has called on the Tajik authorities": the parser made them the object, "on" bare
            found = [c for c in verb.children if c.dep_ == "dobj" and c.i == bare[0] + 1 + c.n_lefts]
        frontier = [c for c in verb.children if c.dep_ in ("dobj", "prt", "xcomp", "attr", "npadvmod") or (
            c.dep_ == "prep" and c.lower_ not in _ADJUNCTS)]  # not "resigned under pressure from X"
        while not found and frontier:  # "took over as chairman of the council from X": within the clause
            token = frontier.pop(0)
            found = prep_objects(token, prep)
            frontier += [c for c in token.children if c.pos_ not in ("VERB", "AUX") and c.dep_ not in ("relcl", "acl")]
        return found
    direct = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    direct = direct[:1] + [d for d in direct[1:] if not any(  # "charged the banker with laundering money
        c.dep_ == "prep" and direct[0].i < c.i < d.i for c in verb.children)]  # through X, the lender ...": no object
    direct = [_hung_apposition(d, verb) or d for d in direct]
    return direct + _gapped(verb) if direct else _misread_object(verb) or _called(verb)  # "sentenced Dorn
    # to ten years and Vasko to eight"


def _hung_apposition(obj: Any, verb: Any) -> Any | None:
    """The name in apposition to the common-noun object of a relative clause that the parser hangs on the
    relative's noun ("Dahl, who heads the largest union, the Dock Workers' Federation, said": the Federation).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Arne Dahl, who heads the largest confederation, the Federation of Morvanian Workers, said no.")
    >>> _hung_apposition(doc[7], doc[4]).text
    'Federation'
    """
    end = verb.right_edge.i
    if verb.dep_ != "relcl" or obj.pos_ != "NOUN" or end + 2 >= len(verb.doc) or verb.doc[end + 1].text != ",":
        return None
    return next((c for c in verb.head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and
                 c.left_edge.i == end + 2), None)


def _called(verb: Any) -> list[Any]:
    """The name of a free relative "what he called X" standing as the object ("accused what he called the
    'so-called free press' of stirring up the riots": the press)."""
    return [g for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "call" and any(
        w.dep_ == "dobj" and w.lower_ == "what" for w in c.children) for g in c.children if g.dep_ == "oprd"]


def _misread_object(verb: Any) -> list[Any]:
    """The name the parser made a predicate of an active verb ("Reval named Dorn as minister": "Dorn", oprd)."""
    return [c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"] if any(
        c.dep_ == "nsubj" for c in verb.children) else []


def named_beyond(role: Any) -> list[Any]:
    """The name the parser hung elsewhere than on the role noun it stands beside: on the object of the role's
    "for"/"of" ("A spokesman for Halm, Ruben Aske, said": Aske; "placed the commander of the Defence Force,
    Brigadier Rasova, under arrest"), or on a later verb ("dismissed the governor of the bank, Leyla Sarraf,
    after she defied him": Sarraf made the subject of "defied").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Soldiers placed the commander of the Nakoro Defence Force, Brigadier Peni Rasova, under house arrest.")
    >>> [t.text for t in named_beyond(doc[3])]
    ['Rasova']
    """
    if role.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") or any(c.dep_ == "appos" for c in role.children):
        return []
    lex = load_lexicon()
    if role.dep_ != "nsubj" and lex["titles"].get(role.lemma_.lower(), lex["titles"].get(role.lower_)) in (
            None, "locatedIn", "partOf") and role.lower_ not in lex["government_titles"]["titles"]:
        return []  # "the residence of the minister, Dessane": a place, no holder
    owned = [o for o in prep_objects(role, "of") if o.pos_ == "NOUN" and o.lemma_.lower() in lex["titles"]]
    hung = [c for o in prep_objects(role, "for") + prep_objects(role, "of") for c in o.children
            if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c.i > o.i and o not in owned][:1]  # not "an ally
    # of the country's first president, X": the name of a role noun after "of" is its own
    if hung or role.dep_ == "nsubj" or role.pos_ != "NOUN":
        return hung
    doc, after = role.doc, role.right_edge.i + 1
    end = after + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and end < after + 5:
        end += 1
    name = doc[end - 1] if end > after + 1 else None
    if name is None or doc[after].text != "," or end >= len(doc) or doc[end].text not in (",", ".", ";") or \
            name.head == role or name.ent_type_ not in ("PERSON", "ORG") or name.dep_ in ("compound", "conj"):
        return []
    return [name]  # the role's "X, Name," apposition the parser broke


def verb_above(token: Any) -> Any | None:
    """The verb whose clause holds the noun ``token`` (None when it is not in a clause)."""
    head = token
    for _ in range(6):
        if head.head is head:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None
