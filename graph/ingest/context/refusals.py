"""Refusals: a person who says she will not do something refuses it ("She says she will not meet Malaxa",
"saying he would not negotiate"): the report's fact that she refused, a speech act the reporter states,
not a claim of hers that the relation does not hold.

>>> from graph.ingest.nlp import parse
>>> doc, body = parse("Lena Vasko says she will not meet Marek."), parse("The ministry says it will not meet Marek.")
>>> refusal(doc[6], doc[1]), refusal(body[6], body[1])
(True, False)
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["refusal"]

_FUTURE = {"will", "would", "wo", "'ll"}
_OWN = {"he", "she"}


def refusal(token: Any, who: Any) -> bool:
    """Whether the clause ``token`` is the speaker ``who`` (a person: a name or a title) saying that he or she will
    not act."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    person = who.ent_type_ == "PERSON" or (who.pos_ == "PROPN" and not who.ent_type_) or who.lower_ in _OWN or \
        who.lemma_.lower() in load_lexicon()["titles"]
    return person and subject is not None and subject.lower_ in _OWN and \
        any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in token.children) and \
        any(c.dep_ == "neg" for c in token.children)
