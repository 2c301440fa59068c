"""Pronouns and definite descriptions, resolved to the nearest compatible antecedent.

"he", "him", "his", "she", "her" go to the nearest person named before (a subject
of the current or the previous sentences first); "it", "its" to the nearest
organisation, state or alliance; "they", "them", "their" to the nearest plural
party. "the president", "the former spy chief", "the alliance", "the ministry"
go to the nearest actor whose type fits the noun (``descriptions`` of the lexicon)
and, for a person, who carried that title in the text ("President Tokayev",
"Masimov, the spy chief") or in a label. Each resolution is written as a reading.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions import find_mentions
>>> actors = {"tokayev": {"type": "Person", "label": "Kassym-Jomart Tokayev", "aliases": []},
...           "csto": {"type": "MilitaryAlliance", "label": "CSTO", "aliases": []}}
>>> doc = parse("President Tokayev called the CSTO. The alliance agreed, and the president thanked it.")
>>> found = find_mentions(doc, actors)
>>> resolved = resolve(doc, found["mentions"], found["actors"])
>>> [(m["text"], m["actors"]) for m in resolved if m["kind"] in ("description", "pronoun")]
[('The alliance', ['csto']), ('the president', ['tokayev']), ('it', ['csto'])]
>>> resolved[-1]["reading"]
"'it' read as CSTO (nearest organisation before it)"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.roles import subjects

__all__ = ["resolve", "token_index"]

_PERSON = {"he", "him", "his", "she", "her", "himself", "herself"}
_THING = {"it", "its"}
_PLURAL = {"they", "them", "their"}
_ORGS = {"Organisation", "PublicBody", "SecurityService", "MilitaryAlliance", "MediaOutlet", "State", "ArmedForce"}
_GROUPS = {"CollectiveActor", "ArmedForce", "PublicBody"}


def token_index(mentions: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Token index -> the mention covering it (the innermost one)."""
    index: dict[int, dict[str, Any]] = {}
    for mention in sorted(mentions, key=lambda m: -(m["tokens"][1] - m["tokens"][0])):
        for i in (range(*mention["tokens"]) if mention["kind"] not in ("description", "pronoun") else [mention["head"]]):
            index[i] = mention
    return index


def _titles(doc: Any, mentions: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Actor id -> the role nouns the text gives it (compounds before its name, appositions)."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        if len(mention["actors"]) != 1:
            continue
        head = doc[mention["head"]]
        words = {t.lower_ for t in head.subtree if t.i < mention["tokens"][0] and t.pos_ in ("NOUN", "PROPN")}
        words |= {t.lemma_.lower() for c in head.children if c.dep_ == "appos" for t in c.subtree
                  if t.pos_ == "NOUN"}
        if head.dep_ == "appos":
            words |= {t.lemma_.lower() for t in head.head.subtree if t.pos_ == "NOUN" and t.i < head.i}
        found.setdefault(mention["actors"][0], set()).update(words)
    return found


def _fits(actor: dict[str, Any], types: list[str], noun: str, titles: set[str]) -> bool:
    if actor.get("type") not in types:
        return False
    if types == ["Person"]:
        words = {w.lower() for name in [actor["label"], *actor.get("aliases", [])] for w in name.split()}
        return noun in titles or noun in words
    return True


def _antecedent(mentions: list[dict[str, Any]], before: int, test: Any, doc: Any) -> dict[str, Any] | None:
    """The nearest earlier mention passing ``test``; for persons a subject of the last sentences first."""
    earlier = [m for m in mentions if m["end"] <= before and len(m["actors"]) == 1 and test(m)]
    if not earlier:
        return None
    sentence = doc[earlier[-1]["head"]].sent.start
    subjects = [m for m in earlier if doc[m["head"]].dep_ in ("nsubj", "nsubjpass") and
                doc[m["head"]].sent.start >= sentence]
    return (subjects or earlier)[-1]


def _common(token: Any) -> bool:
    """A common noun, also one the tagger took for a proper noun ("the bloc")."""
    return bool(token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower()))


def _pronoun_class(low: str) -> str | None:
    return "he" if low in _PERSON else "it" if low in _THING else "they" if low in _PLURAL else None


def _pronoun_test(token: Any, doc: Any, actors: dict[str, dict[str, Any]]) -> Callable[[dict[str, Any]], bool] | None:
    kind = _pronoun_class(token.lower_)
    if kind == "he":
        return lambda m: actors[m["actors"][0]].get("type") == "Person"
    if kind == "it":
        return lambda m: actors[m["actors"][0]].get("type") in _ORGS and doc[m["head"]].tag_ not in ("NNS", "NNPS")
    if kind == "they":
        return lambda m: actors[m["actors"][0]].get("type") in _GROUPS and doc[m["head"]].tag_ in ("NNS", "NNPS")
    return None


def _description_test(types: list[str], noun: str, actors: dict[str, dict[str, Any]],
                      titles: dict[str, set[str]]) -> Callable[[dict[str, Any]], bool]:
    return lambda m: _fits(actors[m["actors"][0]], types, noun, titles.get(m["actors"][0], set()))


def resolve(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """``mentions`` plus the resolved pronouns and definite descriptions, in text order."""
    lex = load_lexicon()
    titles = _titles(doc, mentions)
    covered = token_index(mentions)
    result = list(mentions)
    pronouns = [doc[t.i:t.i + 1] for t in doc if t.tag_ in ("PRP", "PRP$")]
    chunks = [doc[d.i:t.i + 1] for t in doc if t.lemma_.lower() in lex["descriptions"] and _common(t)
              for d in t.children if d.dep_ == "det" and d.lower_ == "the"]  # "the former president('s)"
    chunks += [doc[t.i - 1:t.i + 1] for t in doc if t.lemma_.lower() in lex["descriptions"] and _common(t)
               and t.i and doc[t.i - 1].lower_ == "the" and not any(c.start == t.i - 1 for c in chunks)]
    # "the bureau's former chief Dmitar Welkow": the parser hangs "the" on the name
    for chunk in sorted(pronouns + chunks, key=lambda c: c.start):
        head = chunk[-1]  # the pronoun, or the noun a description ends with
        if head.i in covered:
            continue
        found: dict[str, Any] | None = None
        if head.tag_ in ("PRP", "PRP$"):
            kind = "pronoun"
            test = _pronoun_test(head, doc, actors)
            if test is None:
                continue
            what = {"he": "person", "it": "organisation", "they": "plural party"}[_pronoun_class(head.lower_) or "he"]
            if head.dep_ in ("dobj", "pobj", "dative") and head.lower_ in ("him", "her", "them", "it"):
                verb = head.head if head.dep_ != "pobj" else head.head.head
                own = {s.i for s in subjects(verb)}
                base = test
                test = (lambda m, b=base, o=own: b(m) and m["head"] not in o)  # "Reval dismissed him": not Reval
            found = _antecedent(result, chunk.start_char, test, doc)
        else:
            kind, noun = "description", head.lemma_.lower()
            types = list(lex["descriptions"][noun])
            test = _description_test(types, noun, actors, titles)
            what = f"{types[0]} described as {noun!r}"
            if head.dep_ == "appos" and head.head.i in covered:
                found = covered[head.head.i]  # "Nazarbayev, the former president": the name it stands beside
            else:
                found = _antecedent(result, chunk.start_char,
                                    lambda m: test(m) and noun in " ".join(
                                        [actors[m["actors"][0]]["label"], *actors[m["actors"][0]].get("aliases", [])]).lower(),
                                    doc)
                if found is None and "PublicBody" not in types:  # "the ministry" needs a ministry; "the country" a state
                    found = _antecedent(result, chunk.start_char, test, doc)
        if found is None:
            continue
        actor = found["actors"][0]
        span = doc[head.i:head.i + 1] if kind == "pronoun" else chunk
        result.append({"start": span.start_char, "end": span.end_char, "text": span.text, "actors": [actor],
                       "kind": kind, "tokens": (span.start, span.end), "head": head.i,
                       "reading": f"{span.text!r} read as {actors[actor]['label']} (nearest {what} before it)"})
        result.sort(key=lambda m: m["start"])
    return result
