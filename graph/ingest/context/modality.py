"""Whether a clause is negated or hedged, from the parse and the lexicon.

- negation ("not", "never", "refused to", "denied that") on the verb or the clauses above it;
- hedges ("reportedly", "may", "is believed to", "reports that ...", "a claim that could not be
  independently verified").

>>> from graph.ingest.nlp import parse
>>> doc = parse("Police said Tokayev did not sack Masimov and Bokay.")
>>> negation(doc[5]), hedge(doc[5])
('not', None)
"""

from __future__ import annotations

from typing import Any

from graph.ingest.context.accusations import accuser
from graph.ingest.context.clause import author, clause_chain, content_noun, semicolon
from graph.ingest.context.misparses import unconfirmed
from graph.ingest.lexicon import load_lexicon
from graph.ingest.context.statements import earlier_author

__all__ = ["negation", "hedge"]


def _own_finite(verb: Any) -> bool:
    """Whether ``verb`` is a conjoined verb with a tense of its own ("had not left the country and was in the
    capital": "was"), which the first verb's negation does not reach; a verb that shares the first one's
    auxiliary ("has not been charged or detained") is under it.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("He had not left the country and was in the capital. He was not charged or detained.")
    >>> _own_finite(doc[7]), _own_finite(doc[17])
    (True, False)
    """
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and (
        verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def negation(token: Any, *, trigger: Any | None = None) -> str | None:
    """The word that negates the clause of ``token``, or None; for an event noun ``trigger`` that is the object
    of a verb that neither makes nor reports it, only the noun's own ("no request"): "has not answered X's
    request" does not deny the request.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police beat him; the bureau has never answered his complaint.")
    >>> negation(doc[1])
    >>> negation(parse("The ministry said it had received no request from Tarn.")[5])
    'no'
    """
    lex = load_lexicon()
    if trigger is not None and trigger.pos_ == "NOUN" and trigger.head.i == token.i and \
            trigger.dep_ in ("dobj", "nsubjpass") and not _making(token):
        return next((str(c.text) for c in trigger.children if c.lower_ == "no" and c.dep_ == "det"), None)
    if token.pos_ in ("VERB", "AUX") and _making(token) and (refused := next((
            d for c in token.children if c.dep_ in ("dobj", "attr") and c.pos_ == "NOUN" for d in c.children
            if d.lower_ == "no" and d.dep_ == "det"), None)) is not None:
        return str(refused.text)  # "it had received no request from X", "has made no request": no act
    if token.dep_ == "pcomp" and token.head.lower_ == "from" and token.head.head.lemma_ in lex["preventing"]:
        return str(token.head.head.text)  # "was prevented from meeting him", "barred from leaving"
    chain = clause_chain(token)
    for i, link in enumerate(chain):
        if i and _phrase(link) in lex["negating"] and chain[i - 1].tag_ == "VBG" and chain[i - 1].i > link.i and \
                chain[i - 1].dep_ in ("advcl", "xcomp", "ccomp", "pcomp"):
            return str(link.text)  # "ruled out sacking him", "avoided meeting her"
        if i and (chain[i - 1].dep_ in ("advcl", "parataxis") or semicolon(chain[i - 1], link) or _asked(chain[i - 1])
                  or _neither_way(link) or unconfirmed(link) or _own_finite(chain[i - 1])):
            break  # "When Tokayev took the chair, Nazarbayev was not in the hall": the main clause's negation;
            # "officers beat him; the bureau has never answered": a sentence of its own; "it was not clear
            # whether police beat him": a question, neither asserted nor denied (a hedge)
        for child in link.children:
            if child.dep_ == "neg" or (child.lower_ in lex["negation_words"] and child.dep_ in ("advmod", "det", "preconj")):
                return str(child.text)
        if link.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" and link.head.i < c.i < link.i
                                       for c in link.head.children):
            return "nor"  # "neither condemned nor endorsed it", "did not confirm it, nor did he deny it"
        if i and _phrase(link) in lex["negating"] and chain[i - 1].dep_ in ("ccomp", "xcomp") and chain[i - 1].i > link.i:
            return str(link.text)  # "denied that police beat him"; not "X accused Y, a charge Z rejected" (misparsed)
        if i and chain[i - 1].dep_ == "xcomp" and link.lemma_ in ("have", "be") and any(
                c.lower_ == "yet" and c.dep_ == "advmod" for c in link.children):
            return "yet to"  # "has yet to meet him": not (yet) done
    noun = content_noun(token)
    if noun is not None and noun.dep_ == "dobj" and noun.head.lemma_ in lex["negating"]:
        return str(noun.head.text)  # "X denied reports that police beat Y"
    return None


def hedge(token: Any) -> str | None:
    """The word that hedges the clause of ``token`` ("reportedly", "may", "is believed to", "is suspected of",
    "it is unclear whether", "unconfirmed reports said"), or None.

    >>> from graph.ingest.nlp import parse
    >>> hedge(parse("The police are suspected of having beaten him.")[6])
    'suspected of'
    """
    lex = load_lexicon()
    words = lex["hedge_words"]
    chain = clause_chain(token)
    if token.lemma_ in lex["seen_as"] and any(c.dep_ == "auxpass" for c in token.children) and \
            any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return f"{token.text} as"  # "is regarded as one of his closest allies": a reputation
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "with") and (
            (token.head.head.lemma_ in lex["accusing"] and (accuser(token) is None or token.head.head.lemma_ in words))
            or token.head.head.lower_ in lex["content_nouns"]):
        return f"{token.head.head.text} {token.head.text}"  # "accused of beating", "on suspicion of beating"; not
        # "X accused Y of beating Z" (X's claim, not doubted), but "X suspects Y of"
    for i, link in enumerate(chain):
        for child in link.children:
            if child.dep_ in ("aux", "advmod") and child.lower_ in words:
                return str(child.text)
            if child.dep_ == "mark" and child.lower_ in ("whether", "if") and (i or link.dep_ != "ROOT"):
                return str(child.text)  # "it is unclear whether police beat him", "if troops are sent"
        if i and link.lemma_ in words:
            return str(link.text)
        if i and _neither_way(link):
            return "confirm or deny"  # "would neither confirm nor deny that it held him": not known
        if i and unconfirmed(link):
            return f"not {link.text}"  # "could not confirm that police held him"
        if i and link.lemma_ == "be" and (sure := next((c for c in link.children if c.dep_ == "acomp" and c.lemma_ in
                                                        words), None)) is not None:
            return f"{sure.text} that"  # "it was possible that police held him"
        if i and chain[i - 1].dep_ == "xcomp" and (link.lemma_ in lex["reporting"] or link.lemma_ in lex[
                "passive_hedges"]) and any(c.dep_ == "auxpass" for c in link.children):
            return f"{link.text} to"  # "is said to control", "is understood to have met": hearsay
        if i and link.lemma_ in lex["reporting"] and (told := _unsourced(link)) is not None:
            return f"{told.text} {link.text}"  # "unconfirmed reports said ...": hearsay
        if i and link.lemma_ in lex["hearsay_passives"] and chain[i - 1].dep_ == "ccomp" and any(
                c.dep_ == "nsubjpass" and c.lower_ == "it" for c in link.children):
            return f"it was {link.text}"  # "it was claimed that police beat him": no one vouches for it
        according = next((c for c in link.children if c.lower_ == "according"), None)
        if according is not None and (source := next((g for g in according.subtree if g.dep_ == "pobj"), None)) \
                is not None and source.lemma_.lower() in lex["content_nouns"] | set(lex["document_nouns"]) and \
                author(source) is None:
            return f"according to {source.text}"  # "according to reports": hearsay
    noun = content_noun(token)
    if noun is not None and author(noun) is None:
        return f"{noun.text} that"  # "reports that police beat Y": hearsay
    return _unverified(token)


def _phrase(verb: Any) -> str:
    """The lemma of ``verb`` with its particle ("rule out"), or its lemma."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_} {particle}" if particle else str(verb.lemma_)


def _neither_way(verb: Any) -> bool:
    """Whether ``verb`` is half of "confirm or deny" ("would neither confirm nor deny", "declined to confirm
    or deny")."""
    pair = [verb, *(c for c in verb.children if c.dep_ == "conj")] + ([verb.head] if verb.dep_ == "conj" else [])
    said = [v for v in pair if any(c.dep_ in ("ccomp", "dobj") for c in v.children)]
    return {"confirm", "deny"} <= {v.lemma_ for v in pair} and len(said) < 2  # not "confirmed A but denied B"


def _asked(clause: Any) -> bool:
    """Whether ``clause`` is an indirect question ("it is not clear whether police beat him", "declined to say
    whether he was questioned"): what is above it neither asserts nor denies it (a hedge).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("He declined to say whether the police had questioned Dorn.")
    >>> _asked(doc[8]), negation(doc[8]), hedge(doc[8])
    (True, None, 'whether')
    """
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in clause.children) and clause.dep_ == "ccomp"


def _unsourced(verb: Any) -> Any | None:
    """The subject of the reporting ``verb`` when it is a report or document no one is named for ("reports
    said", "a document seen by reporters says" is not one), else None."""
    lex = load_lexicon()
    said = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if said is None or said.lemma_.lower() not in lex["content_nouns"] | set(lex["document_nouns"]):
        return None
    return said if author(said) is None and earlier_author(said) is None else None


_UNVERIFIED = {"verify", "confirm", "corroborate", "check"}


def _making(verb: Any) -> bool:
    """Whether ``verb`` makes, receives or reports the act its object noun names ("made a request", "received
    no request", "confirmed his arrest"), so that its negation is the act's."""
    lex = load_lexicon()
    return verb.lemma_ in ("be", "have") or any(verb.lemma_ in lex[k] for k in ("light_verbs", "receiving_verbs",
                                                                                  "reporting"))


def _unverified(token: Any) -> str | None:
    """"..., a claim that could not be independently verified", "Neither account could be verified." (the
    sentence itself or the one right after it): the report says it could not check it."""
    sentence = token.sent
    following = token.doc[sentence.end].sent if sentence.end < len(token.doc) else None
    for sent in (sentence, following):
        if sent is None or not any(w in sent.text.lower() for w in ("verif", "confirm", "corroborat", "check")):
            continue
        for verb in sent:
            if verb.lemma_.lower() in _UNVERIFIED and verb.tag_ == "VBN" and any(
                    c.dep_ == "auxpass" for c in verb.children) and any(c.dep_ == "neg" or (c.dep_ == "nsubjpass" and any(
                        d.lower_ in ("neither", "none", "no") for d in c.subtree)) for c in verb.children) and (
                    sent is sentence or verb.dep_ == "ROOT"):
                return f"not {verb.text}"
    return None
