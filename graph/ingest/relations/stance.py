"""Stance rules of the eleventh round: denials of an act, and reactions whose "it" is an act.

- ``denied_act_matches``: "Moll denied taking any money", "Sandnes denies spying", "he denied that he had
  ordered the raid": denying an act of one's own (a gerund, or a that-clause whose subject is a pronoun)
  rejects the one who accused him, whom the text named before (``document: accuser``, as "denied the
  charges" does in ``verbs.denial_matches``). A that-clause about someone else ("denied that troops had
  fired") and a bare "denied" name no act of the denier's and are left alone.
- ``answered_claim_matches``: "she accused the DIN of spying on her, a charge he rejected", "Oduya said Dolan
  gave the order, an accusation his ministry rejected": a claim noun (``denials: nouns``) set off by a comma after
  a clause, with a relative clause of denial, rejects the one who made the claim: the subject of the nearest
  accusing or reporting verb above the noun.
- ``act_pronouns_out``: "the ruling came on Monday; the Northern Pact welcomed it": the "it" a reaction takes
  (welcomed, criticised, condemned, praised: relations whose range admits an event) stands for the act just
  reported far more often than for a body, so it names no party; the match keeps its other objects.

>>> from graph.ingest.nlp import parse
>>> [(m["relation"], [t.text for t in m["subjects"]]) for t in parse("Moll denied taking any money.")
...  for m in denied_act_matches(t)]
[('rejected', ['Moll'])]
>>> [m for t in parse("The ministry denied that troops had fired.") for m in denied_act_matches(t)]
[]
>>> [([t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for t in parse(
...  "Vasko accused the SBV of spying on her, a charge it denied.") for m in answered_claim_matches(t)]
[(['it'], ['Vasko'])]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["denied_act_matches", "answered_claim_matches", "act_pronouns_out"]

_DENYING = ("deny",)
"""Verbs whose gerund or that-clause of one's own act is a denial of it ("denied taking", "denies that he ...")."""
_OWN = ("he", "she", "it", "they", "i", "we")
"""Subjects of a that-clause that may be the denier himself ("denied that he had ...")."""
_ACT_PRONOUNS = ("it",)


def _own_act(verb: Any) -> Any | None:
    """The complement of ``verb`` that states an act of the denier's, or None."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return None  # "denied the charges": verbs.denial_matches reads it
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and (
                c.tag_ == "VBG" or any(a.dep_ == "aux" and a.lower_ == "having" for a in c.children)):
            return c  # "denied taking any money", "denied having met them"
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) and any(
                s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in _OWN for s in c.children):
            return c  # "denied that he had ordered the raid"
    return None


def denied_act_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"X denied doing Y", "X denied that he did Y": rejected, of the accuser the text named before."""
    if verb.lemma_.lower() not in _DENYING or verb.pos_ != "VERB":
        return
    act = _own_act(verb)
    subs = [s for s in subjects(verb) if s.lower_ not in ("which", "that")]
    if act is not None and subs:
        yield {"relation": "rejected", "subjects": subs, "objects": [], "document": "accuser",
               "trigger": [verb, act], "rule": f"verb: {verb.lemma_.lower()} doing (of the accuser)",
               "passive": False, "clause": verb}


_CLAIM_NOUNS = ("charge", "accusation", "allegation", "claim")
"""Nouns that sum up the clause before them as someone's claim ("..., a charge he rejected")."""


def _claimer(noun: Any) -> list[Any]:
    """The subjects of the nearest accusing or reporting verb above ``noun`` (at most four steps up)."""
    lex = load_lexicon()
    verbs = set(lex["accusing"]) | {v for v in lex["reporting_verbs"] if " " not in v} - {"deny"}
    head = noun.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in verbs:
            return [c for c in subjects(head) if c.dep_ != "nsubjpass"]  # a conjunct's subject is its first's
        if head.head is head:
            return []
        head = head.head
    return []


def _denying_clauses(noun: Any, denials: set[str]) -> list[tuple[Any, list[Any], Any]]:
    """(denial verb, its subjects, the token the claimer's verb is above) of the claim ``noun``: its relative clause
    ("a charge he rejected"), or the clause the parser made of it when a name follows the noun ("an allegation
    Marek rejected": the noun a compound of the name, the name the verb's subject, the verb a clause of its own)."""
    found = [(v, [s for s in v.children if s.dep_ == "nsubj" and s.lower_ not in ("which", "that")], noun)
             for v in noun.children if v.dep_ == "relcl" and v.lemma_.lower() in denials]
    name = noun.head
    if noun.dep_ == "compound" and name.pos_ == "PROPN" and name.dep_ == "nsubj" and \
            name.head.lemma_.lower() in denials and name.head.pos_ == "VERB":
        found.append((name.head, [name], name.head))
    return found


def answered_claim_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"<X accused Y of Z>, a charge Y rejected": Y rejected X."""
    if noun.lemma_.lower() not in _CLAIM_NOUNS or noun.dep_ not in ("npadvmod", "appos", "dobj", "compound"):
        return
    if noun.i < 2 or noun.doc[noun.i - 1].lower_ not in ("a", "an") or noun.doc[noun.i - 2].text != ",":
        return  # ", a charge ...", ", an accusation ..."
    for verb, subs, below in _denying_clauses(noun, set(load_lexicon()["denials"]["verbs"])):
        claimers = [c for c in _claimer(below) if c.i < noun.i]
        if subs and claimers:
            yield {"relation": "rejected", "subjects": subs, "objects": claimers, "trigger": [verb, noun],
                   "rule": f"verb: {verb.lemma_.lower()} the claim (of its claimer)", "passive": False,
                   "clause": verb}


def _reaction(relation: str) -> bool:
    """Whether ``relation`` is a reaction to someone or to an act (the lexicon's ``act_reactions``)."""
    return relation in load_lexicon()["act_reactions"]


def act_pronouns_out(found: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``found`` with the pronoun objects ("welcomed it") of reactions taken out; a match left with no object
    and none to find elsewhere is dropped.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The Pact welcomed it.")
    >>> list(act_pronouns_out([{"relation": "welcomed", "objects": [doc[3]]}]))
    []
    >>> len(list(act_pronouns_out([{"relation": "met", "objects": [doc[3]]}])))
    1
    """
    for match in found:
        if _reaction(match["relation"]) and not match.get("document") and any(
                t.lower_ in _ACT_PRONOUNS for t in match.get("objects", [])):
            kept = [t for t in match["objects"] if t.lower_ not in _ACT_PRONOUNS]
            if not kept and not match.get("document_fallback"):
                continue
            match = {**match, "objects": kept}
        yield match
