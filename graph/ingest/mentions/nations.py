"""A country named only by the word before its leader's title: "Dravic President Marek Solvay".

News titles a foreign leader by the country's name or adjective ("Dravic President Marek Solvay",
"Estmark Prime Minister Karl Brenn"). Where the lexicon knows no demonym for the word and the text
names no State it derives from, the word itself names the country: a proposed State labelled by
the word, so that the title has the body it heads.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Dravic President Marek Solvay telephoned Reval on Tuesday.")
>>> titled_nation(doc[0]), titled_nation(doc[1])
('Dravic', None)
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["titled_nation", "plural_people"]

_LEADER_WORDS = {"prime", "premier", "chancellor", "foreign", "defence", "defense", "interior"}


def titled_nation(token: Any) -> str | None:
    """The word of ``token`` where it is a country's name or adjective the recogniser saw (NORP or GPE) right
    before a head of state's or government's title ("Dravic President", "Estmark Prime Minister"); else None."""
    doc = token.doc
    if token.i + 1 >= len(doc) or not token.text[:1].isupper() or token.text.isupper() or \
            token.ent_type_ not in ("NORP", "GPE") or token.ent_iob_ != "B" or doc[token.i + 1].ent_iob_ == "I":
        return None  # one word of its own, not "the Czech Republic"
    title = doc[token.i + 1]
    if title.lower_ in load_lexicon()["head_of_state_titles"] or (
            title.lower_ in _LEADER_WORDS and title.i + 1 < len(doc) and doc[title.i + 1].lower_ in ("minister", "minister's")) \
            or title.lower_ == "premier":
        return str(token.text)
    return None


def plural_people(word: str, text: str) -> bool:
    """Whether ``word`` is the plural of a people's name ("Kazakhs", "Kestrians": the singular is a demonym or
    stands in the text on its own), not a name that ends in s ("the province of Lannis").

    >>> plural_people("Kazakhs", ""), plural_people("Lannis", "the province of Lannis"), plural_people("Dravics", "Dravic")
    (True, False, True)
    """
    if not word.endswith("s"):
        return False
    return word[:-1] in load_lexicon()["demonyms"] or re.search(rf"\b{re.escape(word[:-1])}\b", text) is not None
