"""The extractor's lexicon (``lexicon.yaml``): verb patterns, event nouns and titles per relation.

Relation ids come from the ontology; the lexicon only says how English text
expresses them, and :func:`load_lexicon` refuses a key that is not a relation.

>>> compile_phrase("hold talks with")
{'lemma': 'hold', 'words': ('talks',), 'prep': 'with', 'content': False, 'swap': False}
>>> compile_phrase("replace +as")["words"], compile_phrase("dismiss ~")["content"], compile_phrase("hand +to <")["swap"]
(('as',), True, True)
>>> lex = load_lexicon()
>>> [p["relation"] for p in lex["verbs"]["sack"]]
['dismissed']
>>> lex["titles"]["spokesman"], lex["nouns"]["arrest"]
('spokespersonFor', ('arrested', 'object'))
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML has it: the same data, ten times faster

from graph.errors import AssertionFileError
from ontology import relation_metadata

__all__ = ["LEXICON_FILE", "load_lexicon", "compile_phrase", "PREPOSITIONS"]

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")
PREPOSITIONS = {"to", "with", "from", "on", "at", "against", "in", "into", "of", "for", "as", "under", "about",
                 "by", "over", "behind", "outside", "across", "towards", "toward", "around", "near", "through",
                 "inside", "onto", "upon"}


def compile_phrase(phrase: str) -> dict[str, Any]:
    """A verb phrase as ``{lemma, words, prep, content}``: the verb's lemma, the words that must stand
    among its dependents, the preposition that introduces the object (None: the direct object), and
    whether the object is reached through a content noun ("dismiss ~": "dismissed the claims of X"), and
    whether subject and object swap ("hand +to <": "X handed the post to Y" is Y's taking it over from X)."""
    words = phrase.lower().split()
    lemma, rest = words[0], words[1:]
    content, swap = "~" in rest, "<" in rest
    rest = [w for w in rest if w not in ("~", "<")]
    prep = rest[-1] if rest and rest[-1] in PREPOSITIONS and len(rest) >= 1 and not rest[-1].startswith("+") else None
    if prep is not None:
        rest = rest[:-1]
    return {"lemma": lemma, "words": tuple(w.lstrip("+") for w in rest), "prep": prep, "content": content, "swap": swap}


def _check(raw: Any, file: Path) -> None:
    if not isinstance(raw, dict) or not isinstance(raw.get("relations"), dict):
        raise AssertionFileError("the lexicon needs a 'relations' mapping", file=str(file), line=1)
    known = {r.id: r for r in relation_metadata().values()}
    for section, figure in (("relations", False), ("figures", True)):
        for key in raw.get(section) or {}:
            relation = known.get(key)
            if relation is None or relation.is_figure != figure:
                kind = "figure" if figure else "relation"
                valid = sorted(r for r, m in known.items() if m.is_figure == figure)
                raise AssertionFileError(
                    f"{section}: {key!r} is not a {kind} of the ontology", file=str(file),
                    hint=f"use one of: {', '.join(valid)}",
                )


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> dict[str, Any]:
    """The lexicon, checked against the ontology, with indexes for the rules (read once per file and process:
    ``load_lexicon()`` and ``load_lexicon(LEXICON_FILE)`` are the same).

    ``verbs``: lemma -> patterns (most specific first), ``nouns``: lemma -> (relation, role of a lone
    possessor), ``titles``: role noun -> relation, ``copular``: "close to" -> relation, ``origins``: "troops
    from X" -> relation.

    >>> load_lexicon() is load_lexicon(LEXICON_FILE)
    True
    """
    return _read(Path(path).resolve())


@lru_cache(maxsize=4)
def _read(path: Path) -> dict[str, Any]:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    _check(raw, path)
    verbs: dict[str, list[dict[str, Any]]] = {}
    nouns: dict[str, tuple[str, str]] = {}
    titles: dict[str, str] = {}
    copular: dict[str, str] = {}
    origins: dict[str, str] = {}
    judgement = raw.get("judgement") or {}
    for verb in judgement.get("verbs") or []:  # "called the protests terror": each word of
        # judgement a pattern, first among its equals (not "call +protests", organised)
        for word in judgement.get("words") or []:
            phrase = f"{verb} +{word}"
            verbs.setdefault(str(verb), []).append({**compile_phrase(phrase), "relation": judgement["relation"],
                                                    "phrase": phrase})
    for relation, spec in raw["relations"].items():
        for phrase in spec.get("verbs") or []:
            pattern = {**compile_phrase(str(phrase)), "relation": relation, "phrase": str(phrase)}
            verbs.setdefault(pattern["lemma"], []).append(pattern)
        for noun, role in (spec.get("nouns") or {}).items():
            nouns[str(noun).lower()] = (relation, str(role))
        for title in spec.get("titles") or []:
            titles[str(title).lower()] = relation
        for title in spec.get("inverse_titles") or []:  # "Reval's predecessor, Halm": Reval succeeded Halm
            titles[str(title).lower()] = f"~{relation}"
        for phrase in spec.get("copular") or []:
            copular[str(phrase).lower()] = relation
        for phrase in spec.get("inverse_copular") or []:  # "the airport is in the hands of X": X controls it
            copular[str(phrase).lower()] = f"~{relation}"
        for noun in spec.get("origins") or []:
            origins[str(noun).lower()] = relation
    for patterns in verbs.values():
        patterns.sort(key=lambda p: (-(len(p["words"]) + (p["prep"] is not None) + p["content"]),
                                     -sum(w not in PREPOSITIONS for w in p["words"])))  # a noun is more specific
        # than a preposition: "a strike called by X" is "call +strike", not "call +by" (phoned)
    wrongs: dict[str, list[dict[str, Any]]] = {}
    for phrase in raw.get("wrongdoing") or []:  # "X said Y took bribes": X accused Y
        wrongs.setdefault(compile_phrase(str(phrase))["lemma"], []).append(compile_phrase(str(phrase)))
    raw.update(verbs=verbs, nouns=nouns, titles=titles, copular=copular, origins=origins, wrongs=wrongs,
               reporting=set(raw.get("reporting_verbs") or []), hedge_words=set(raw.get("hedges") or []),
               negating=set(raw.get("negating_verbs") or []), issuing=set(raw.get("issuing") or []),
               content_nouns=set(raw.get("content_nouns") or []), negation_words=set(raw.get("negations") or []),
               name_title_words=set(raw.get("name_titles") or []))
    return raw
