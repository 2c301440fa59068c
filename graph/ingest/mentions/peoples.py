"""A country the text names with its people's adjective: "Askarian police", "the Serkandi capital", "Esmerans".

Where no State or country-like place stands out among a text's mentions, the country is often named
in other ways: by its people's adjective ("Askarian opposition leader held", "most Esmerans
expect"), inside the names of its bodies ("the Free Askaria Movement", "Serkand Forward") and in the
headline. A capitalised word W is such a country when the text also has an adjective of it (W + n,
an, ian, i or ese; "Ocaria" and "Ocarian"), neither is an English word the text writes in lower case
("The" and "Then"), and the text makes no town nor neighbour of it ("the town of W", "W-based",
"neighbouring W"). Of such words, the one written most often, with its adjectives, is the country, if
one is written more often than any other.

>>> people_country("Askarian opposition leader held\\n\\nPolice detained the leader of the Free Askaria "
...                "Movement. Askarian Unity denied it. The Askarians are angry.")
'Askaria'
>>> people_country("Then the men left the town of Ossel. The Osseln miners stayed.") is None
True
"""

from __future__ import annotations

import re

__all__ = ["people_country", "adjectives_of", "named_as_town"]

_TOWNS = ("town", "city", "port", "village", "capital", "district", "region", "province", "suburb", "hub", "centre")
_OF_A_COUNTRY = ("capital", "hub", "centre")  # "the capital of Bendara": a country's


def named_as_town(name: str, text: str) -> bool:
    """Whether ``text`` makes a town or a region of ``name`` ("the town of Ossel", "Ossel, a mining town",
    "a Varn-based group"; not "the capital of Bendara").

    >>> named_as_town("Ossel", "in the town of Ossel"), named_as_town("Bendara", "Lisu, the capital of Bendara")
    (True, False)
    """
    towns, of = "|".join(_TOWNS), "|".join(t for t in _TOWNS if t not in _OF_A_COUNTRY)
    word = re.escape(name)
    return re.search(rf"\b(?:{of}) of {word}\b|\b{word}, (?:an?|the|its) (?:[\w-]+ ){{0,3}}(?:{towns})\b|"
                     rf"\b{word}-based\b", text, re.I) is not None


def adjectives_of(word: str) -> set[str]:
    """The forms a people's adjective of the name ``word`` may take ("Ocaria": "Ocarian", "Serkand": "Serkandi",
    "Brenland": "Brenlandic").

    >>> {"Korvashi", "Korvashan"} <= adjectives_of("Korvash"), "Brenlandic" in adjectives_of("Brenland")
    (True, True)
    """
    return ({word + e for e in ("n", "an", "ian", "i", "ese", "ic", "ish")} | {word[:-1] + e for e in ("an", "ian")}) - {word}


def _written(word: str, text: str) -> int:
    """How often ``word`` (and its plural) stands in ``text`` as a word of its own."""
    return len(re.findall(rf"\b{re.escape(word)}s?\b", text))


def people_country(text: str) -> str | None:
    """The name of the country ``text`` names with its people's adjective (see the module), or None."""
    scores: dict[str, int] = {}
    for word in dict.fromkeys(re.findall(r"\b[A-Z][a-z]{2,}\b", text)):
        if re.search(rf"\b{re.escape(word.lower())}\b", text):
            continue  # an English word at the start of a sentence
        adjectives = [a for a in adjectives_of(word) if not re.search(rf"\b{re.escape(a.lower())}\b", text)]
        said = sum(_written(a, text) for a in adjectives)
        if not said or named_as_town(word, text) or re.search(rf"\bneighbou?ring {re.escape(word)}\b", text, re.I):
            continue
        scores[word] = len(re.findall(rf"\b{re.escape(word)}\b", text)) + said
    best = max(scores.values(), default=0)
    top = [w for w, n in scores.items() if n == best]
    return top[0] if len(top) == 1 else None
