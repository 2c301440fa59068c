"""Extract candidate assertions from a text: relations, voice, negation, attribution, figures, dates.

The rules, sentence by sentence (``lexicon.yaml`` holds the words):

- a verb phrase of the lexicon is a relation trigger; the actor before it is the
  subject, the first actor after it (same clause) the object; "X, who ..." and
  "X, <apposition>, VERB" reach back to X;
- a past participle after a form of "be" is passive: the actor before is the
  object, the agent (after "by") the subject; with no agent the subject is left
  empty for the curator (``review_note`` says so);
- "not", "never", "n't", "no longer" before the verb make the candidate ``negated``;
- "according to X" and "X said/told/wrote ..." make the statements of the reported
  clause ``attributed`` to X; "I"/"we" is the speaker of the sentence or the one before;
- hedges ("apparently") make a candidate ``disputed``;
- templates of the lexicon catch appositions ("X, head of Y") and possessives;
- numbers with the units of a figure become figure candidates (``value``).

>>> from graph.ingest.mentions import find_mentions
>>> actors = {"masimov": {"type": "Person", "label": "Karim Masimov", "aliases": []},
...           "knb": {"type": "SecurityService", "label": "KNB", "aliases": []}}
>>> text = "Karim Masimov, head of the KNB, has been arrested."
>>> found = extract(text, find_mentions(text, actors)["mentions"], actors)
>>> [(c["subject"], c["relation"], c["object"]) for c in found]
[('masimov', 'headed', 'knb'), (None, 'arrested', 'masimov')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rdflib import URIRef
from rdflib.namespace import RDFS

from graph.ingest.dates import find_dates, nearest_date
from graph.ingest.items import PUNCTUATION, match_template, sentence_items
from graph.ingest.lexicon import load_lexicon
from graph.ingest.sentences import split_sentences
from ontology import PG, ontology_graph, relation_metadata

__all__ = ["extract"]

_NUMBER_WORDS = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER = re.compile(r"(?:\b(more than|over|at least|about|nearly|almost|some|up to|fewer than|less than|around)\s+)?"
                     r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)(?![\d,]\d)", re.I)
_CLAUSE_END = {";", ".", ":", "!", "?"}


@lru_cache(maxsize=1)
def _relations() -> dict[str, Any]:
    return {r.id: r for r in relation_metadata().values()}


def _compatible(actor_type: str | None, cls: URIRef | None) -> bool:
    """Whether an actor of ``actor_type`` fits a domain or range (unknown types fit)."""
    if not actor_type or cls is None or cls == PG.Actor:
        return True
    graph = ontology_graph()
    return cls in set(graph.transitive_objects(PG[actor_type], RDFS.subClassOf))


def _left_actor(items: list[dict[str, Any]], j: int) -> dict[str, Any] | None:
    """The actor a verb at ``j + 1`` belongs to: the mention before it, through 'who' and appositions."""
    if j < 0:
        return None
    if items[j]["mention"]:
        return items[j]
    if items[j]["low"] in ("who", "which", "that"):
        k = j - 1 - (j > 0 and items[j - 1]["low"] == ",")
        return items[k] if k >= 0 and items[k]["mention"] else None
    if items[j]["low"] == ",":
        for k in range(j - 1, max(-1, j - 30), -1):
            if items[k]["low"] in _CLAUSE_END:
                return None
            if items[k]["low"] == ",":
                return items[k - 1] if k > 0 and items[k - 1]["mention"] else None
        return None
    speech = load_lexicon()["speech_forms"]
    for k in range(j, max(-1, j - 4), -1):
        if items[k]["mention"]:
            return items[k]
        if items[k]["low"] in PUNCTUATION or items[k]["low"] in speech:
            return None
    return None


def _right_actor(items: list[dict[str, Any]], i: int, limit: int = 6) -> dict[str, Any] | None:
    for k in range(i, min(len(items), i + limit)):
        if items[k]["mention"]:
            return items[k]
        if items[k]["low"] in PUNCTUATION:
            return None
    return None


def _agent(items: list[dict[str, Any]], i: int) -> dict[str, Any] | None:
    for k in range(i, min(len(items), i + 12)):
        if items[k]["low"] in _CLAUSE_END:
            return None
        if items[k]["low"] == "by":
            return _right_actor(items, k + 1, limit=3)
    return None


def _triggers(items: list[dict[str, Any]], section: str) -> list[tuple[int, int, str, bool]]:
    """(first item, item after, relation, is past participle) for every lexicon phrase in ``items``."""
    lex = load_lexicon()
    found = []
    for index in range(len(items)):
        for relation, spec in (lex[section] or {}).items():
            for form, participle in spec["forms"].items():
                words = form.split()
                window = items[index:index + len(words)]
                if len(window) == len(words) and all(w["mention"] is None and w["low"] == word
                                                     for w, word in zip(window, words)):
                    found.append((index, index + len(words), relation, participle))
                elif len(words) > 1 and words[-1] in _GAPPED_PARTICLES:
                    after = _gapped(items, index, words)
                    if after is not None:
                        found.append((index, after, relation, participle))
    return found


#: particles that may stand a few words after their verb ("demanded money from X")
_GAPPED_PARTICLES = {"from"}
_GAP = 4


def _gapped(items: list[dict[str, Any]], index: int, words: list[str]) -> int | None:
    """The item after the particle when ``words`` match at ``index`` with up to :data:`_GAP` plain
    words (no actor, no punctuation) before the particle; else None."""
    head = items[index:index + len(words) - 1]
    if len(head) < len(words) - 1 or not all(w["mention"] is None and w["low"] == word
                                            for w, word in zip(head, words)):
        return None
    start = index + len(words) - 1
    for k in range(start + 1, min(len(items), start + 1 + _GAP)):  # at least one word in the gap
        if items[k - 1]["mention"] is not None or items[k - 1]["low"] in PUNCTUATION:
            return None
        if items[k]["mention"] is None and items[k]["low"] == words[-1]:
            return k + 1
    return None


def _aux_zone(items: list[dict[str, Any]], index: int) -> tuple[int, bool, bool, str | None]:
    """Scan left over auxiliaries: (boundary, negated, saw 'be', hedge word)."""
    lex = load_lexicon()
    negated, be, hedge = False, False, None
    j = index - 1
    while j >= 0 and items[j]["mention"] is None:
        low = items[j]["low"]
        if low in ("not", "never", "n't") or (low == "longer" and j > 0 and items[j - 1]["low"] == "no"):
            negated = True
        elif low in lex["hedges"]:
            hedge = low
        elif low in lex["be_forms"]:
            be = True
        elif low not in lex["auxiliaries"] and low != "no":
            break
        j -= 1
    return j, negated, be, hedge


def _speech(items: list[dict[str, Any]]) -> list[tuple[int, int, dict[str, Any]]]:
    """Reported spans ``(first, last, claimant item)`` of the sentence."""
    lex = load_lexicon()
    spans = []
    for k, item in enumerate(items):
        if item["low"] == "according" and k + 1 < len(items) and items[k + 1]["low"] == "to":
            who = _right_actor(items, k + 2, limit=3)
            if who:
                spans.append((0, len(items) - 1, who))
        elif item["mention"] is None and item["low"] in lex["speech_forms"]:
            j = _aux_zone(items, k)[0]
            who = _left_actor(items, j)
            after = _right_actor(items, k + 1, limit=1)
            if who is None and after is not None:
                spans.append((0, k - 1, after))
            elif who is not None:
                rest = [i for i in items[k + 1:] if i["low"] not in PUNCTUATION]
                before = len(rest) <= 3 and k > 2
                spans.append((0, k - 1, who) if before else (k + 1, len(items) - 1, who))
    return spans


def _candidate(relation: str, subject: dict[str, Any] | None, obj: dict[str, Any] | None,
               parts: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"relation": relation, "subject_item": subject, "object_item": obj,
            "start": min(p["start"] for p in parts), "end": max(p["end"] for p in parts), **extra}


def _speaker_item(item: dict[str, Any], speaker: dict[str, Any] | None) -> dict[str, Any] | None:
    """"I" or "we" read as the speaker of the sentence (or of the sentence before)."""
    if speaker is None or item["low"] not in ("i", "we"):
        return None
    mention = {**speaker["mention"], "reading": f"{item['text']!r} read as the speaker, {speaker['text']}"}
    return {**item, "mention": mention}


def _verb_candidates(items: list[dict[str, Any]], speaker: dict[str, Any] | None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    last_passive: dict[str, Any] | None = None
    for first, after, relation, participle in _triggers(items, "relations"):
        j, negated, be, hedge = _aux_zone(items, first)
        passive = participle and be
        patient = None
        if not passive and participle and last_passive and j >= 0 and items[j]["low"] in ("and", "or"):
            passive, patient = True, last_passive["object_item"]
        trigger = items[first:after]
        if passive:
            patient = patient or _left_actor(items, j)
            agent = _agent(items, after)
            if patient is None:
                continue
            cand = _candidate(relation, agent, patient, [patient, *trigger, *([agent] if agent else [])],
                              negated=negated, hedge=hedge, passive=True, anchor=items[first]["start"])
            last_passive = cand
        else:
            subject, obj = _left_actor(items, j), _right_actor(items, after)
            if subject is None and j >= 0:
                subject = _speaker_item(items[j], speaker)
            if obj is None or subject is None:
                continue
            cand = _candidate(relation, subject, obj, [subject, *trigger, obj], negated=negated, hedge=hedge,
                              passive=False, anchor=items[first]["start"])
        found.append(cand)
    return found


def _template_candidates(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for relation, spec in load_lexicon()["relations"].items():
        for template in spec.get("templates") or []:
            for match in match_template(items, template):
                parts = items[match["first"]:match["last"] + 1]
                found.append(_candidate(relation, match["S"], match["O"], parts, negated=False, hedge=None,
                                        passive=False, anchor=parts[0]["start"]))
    return found


def _figure_candidates(sentence: dict[str, Any], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    text, offset = str(sentence["text"]), int(sentence["start"])
    found = []
    for match in _NUMBER.finditer(text):
        raw = match.group(2).replace(",", "")
        value = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw.lower()]
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099 and "," not in match.group(2):
            continue
        after, before = text[match.end():], text[:match.start(2)].lower()
        for relation, spec in load_lexicon()["figures"].items():
            units = [m.end() for u in spec.get("units") or []
                     if (m := re.match(rf"\s+(?:[\w-]+\s+){{0,2}}?{re.escape(u)}\b", after, re.I))]
            befores = [b for b in spec.get("before") or [] if re.search(rf"\b{re.escape(b)}\s+(?:\w+\s+)?$", before)]
            context = spec.get("context") or []
            if (units or befores) and (not context or any(re.search(rf"\b{re.escape(c)}\b", text, re.I) for c in context)):
                start = offset + match.start()
                parts = [{"start": start, "end": offset + match.end()}]
                found.append({"relation": relation, "value": value, "count_qualifier": match.group(1),
                              "start": start, "end": parts[0]["end"] + (units[0] if units else 0),
                              "anchor": start, "negated": False, "hedge": None, "passive": False,
                              "subject_item": _figure_subject(items, relation, start), "object_item": None})
                break
    return found


def _main_event(mentions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The most mentioned event of the text: the default subject of an event figure."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.get("type") == "Event" and len(mention["actors"]) == 1:
            counts[mention["actors"][0]] = counts.get(mention["actors"][0], 0) + 1
    if not counts:
        return None
    best = max(sorted(counts), key=lambda a: counts[a])
    first = next(m for m in mentions if m["actors"] == [best])
    return {**first, "reading": f"no event named in the sentence: the text's most mentioned event, {first['text']!r}"}


def _figure_subject(items: list[dict[str, Any]], relation: str, position: int) -> dict[str, Any] | None:
    domain = _relations()[relation].domain
    before = [i for i in items if i["mention"] and i["start"] < position]
    fitting = [i for i in items if i["mention"] and len(i["mention"]["actors"]) == 1
               and _compatible(i["mention"].get("type"), domain)]
    if domain != PG.Event:
        fitting = [i for i in before if i in fitting]
    return min(fitting, key=lambda i: abs(i["start"] - position), default=None)


def extract(text: str, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Raw candidates of ``text``, in text order (see :mod:`graph.ingest.candidates` for the review format)."""
    for mention in mentions:
        ids = mention["actors"]
        mention["type"] = actors.get(ids[0], {}).get("type") if len(ids) == 1 else None
    results: list[dict[str, Any]] = []
    speaker: dict[str, Any] | None = None
    event = _main_event(mentions)
    for sentence in split_sentences(text):
        items = sentence_items(str(sentence["text"]), int(sentence["start"]), mentions)
        spans = _speech(items)
        speaker = spans[0][2] if spans else speaker
        dates = find_dates(str(sentence["text"]), offset=int(sentence["start"]))
        found = _verb_candidates(items, speaker) + _template_candidates(items) + _figure_candidates(sentence, items)
        for cand in found:
            if cand["subject_item"] is None and cand["object_item"] is None and event is not None:
                cand["subject_item"] = {"start": cand["start"], "end": cand["end"], "text": event["text"],
                                        "mention": event}
            cand["claimant_item"] = next((who for a, b, who in spans
                                          if items[a]["start"] <= cand["anchor"] <= items[b]["end"]), None)
            cand["when"] = nearest_date(dates, cand["anchor"], start=cand["start"], end=cand["end"])
            results.append(cand)
        speaker = spans[-1][2] if spans else None
    finished = [c for c in (_finish(c, actors) for c in results) if c]
    return sorted(finished, key=lambda c: (c["start"], c["end"]))


def _finish(cand: dict[str, Any], actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """Turn items into actor ids; check domain and range; drop self-relations."""
    relation = _relations()[cand["relation"]]
    out: dict[str, Any] = {"relation": cand["relation"], "start": cand["start"], "end": cand["end"],
                           "negated": cand["negated"], "passive": cand["passive"], "hedge": cand["hedge"],
                           "when": cand["when"], "ambiguous": {}, "readings": []}
    for key, item, cls in (("subject", cand["subject_item"], relation.domain),
                           ("object", cand.get("object_item"), relation.range),
                           ("claimant", cand.get("claimant_item"), None)):
        out[key] = None
        if item is None:
            continue
        ids = item["mention"]["actors"]
        if len(ids) > 1:
            out["ambiguous"][key] = {"mention": item["text"], "candidates": list(ids)}
            continue
        if not _compatible(actors.get(ids[0], {}).get("type"), cls):
            return None
        out[key] = ids[0]
        if item["mention"].get("reading"):
            out["readings"].append(item["mention"]["reading"])
    if relation.is_figure:
        out["value"], out["count_qualifier"] = cand["value"], cand["count_qualifier"]
    elif out["object"] is None and "object" not in out["ambiguous"]:
        return None
    if out["subject"] is not None and out["subject"] == out["object"]:
        return None
    return out
