"""Turn extracted candidates into review items in the assertion format, with a stable key each.

>>> raw = {"relation": "arrested", "subject": None, "object": "masimov", "start": 0, "end": 25, "negated": False,
...        "passive": True, "hedge": None, "when": None, "claimant": None, "ambiguous": {}, "readings": [],
...        "rule": "verb: arrest", "trigger": "arrested"}
>>> item = review_item(raw, "Masimov has been arrested.")
>>> item["id"], item["quote"], item["status"], item["decision"], item["rule"]
('masimov-arrested-by-unknown', 'Masimov has been arrested', 'reported', 'pending', 'verb: arrest (arrested)')
>>> print(item["review_note"])
passive voice without an agent: name the agent as subject (if you infer it, add agent_inferred: true and a reading) or reject; no date in the text near it: add `when` or leave it undated

A speaker's hedged claim is attributed, and its hedge stays in the note:

>>> said = review_item({**raw, "claimant": "knb", "hedge": "reportedly"}, "Masimov has been arrested.")
>>> said["status"], said["claimant"], said["review_note"].split("; ")[1]
('attributed', 'knb', "hedged by 'reportedly': make it disputed (with a reason) if the claim is only possible")
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

__all__ = ["review_item", "candidate_key", "review_items", "headline_end", "REVIEW_KEYS"]

#: keys a review item has beyond the assertion format; the merge removes them
REVIEW_KEYS = ("decision", "key", "ambiguous", "review_note", "rule", "corroborates")


def candidate_key(item: dict[str, Any]) -> str:
    """A fingerprint of what was proposed (relation, subject, object or value, quote, negation).

    >>> candidate_key({"relation": "arrested", "object": "x", "quote": "x was arrested"})
    'e9295e396e34'
    """
    parts = [str(item.get(k)) for k in ("relation", "subject", "object", "value", "quote", "negated")]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def _quote(text: str, start: int, end: int) -> str:
    return text[start:end].strip().rstrip(",;:")


def _item_id(subject: str | None, relation: str, obj: Any, negated: bool) -> str:
    if subject is None and obj is not None:
        base = f"{obj}-{relation}-by-unknown"
    else:
        base = "-".join(str(p) for p in (subject or "unknown", relation, obj) if p is not None)
    base = ("not-" if negated else "") + base
    return re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-")


def _occurrences(quote: str, text: str) -> list[int]:
    """Where ``quote`` starts in ``text``, occurrences not overlapping (as ``re.finditer`` finds them, without
    compiling a pattern per quote).

    >>> _occurrences("ab", "abcabab"), _occurrences("aa", "aaaa"), _occurrences("", "ab")
    ([0, 3, 5], [0, 2], [0, 1, 2])
    """
    if not quote:
        return list(range(len(text) + 1))
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + len(quote))
    return found


def review_item(raw: dict[str, Any], text: str) -> dict[str, Any]:
    """One review item: the assertion keys, then ``decision``, ``key`` and what the curator must check."""
    quote = _quote(text, raw["start"], raw["end"])
    value = raw.get("value")
    obj = raw.get("object")
    item: dict[str, Any] = {"id": _item_id(raw.get("subject"), raw["relation"], obj if value is None else value,
                                           raw["negated"]),
                            "subject": raw.get("subject"), "relation": raw["relation"]}
    if value is not None:
        item["value"] = value
        if raw.get("count_qualifier"):
            item["count_qualifier"] = raw["count_qualifier"].lower()
    else:
        item["object"] = obj
    item["quote"] = quote
    occurrences = _occurrences(quote, text)
    if len(occurrences) > 1:
        item["occurrence"] = next(i for i, s in enumerate(occurrences, 1) if s >= raw["start"] - 1)
    notes = []
    if raw.get("claimant"):
        item["status"], item["claimant"] = "attributed", raw["claimant"]
        if raw.get("hedge"):  # one status per statement: the hedge is kept for the curator to judge
            notes.append(f"hedged by {raw['hedge']!r}: make it disputed (with a reason) if the claim is only possible")
    elif raw.get("hedge"):
        item["status"], item["reason"] = "disputed", f"The text hedges it ({raw['hedge']!r})."
    else:
        item["status"] = "reported"
    if raw["negated"]:
        item["negated"] = True
    if raw.get("when") is not None:
        item["when"] = raw["when"]
        if raw.get("when_resolved"):
            notes.append(f"{raw['when']!r} resolved against the publication date: {raw['when_resolved']}")
    elif raw.get("object") is not None:
        notes.append("no date in the text near it: add `when` or leave it undated")
    if raw.get("agent_inferred"):
        item["agent_inferred"] = True
        notes.append("agent inferred from an earlier act: check it or name the agent")
    if raw.get("readings"):
        item["reading"] = "; ".join(raw["readings"])
    if raw.get("negation"):
        notes.append(f"negated by {raw['negation']!r}: the text says this did not happen")
    if raw["passive"] and raw.get("subject") is None and "subject" not in raw.get("ambiguous", {}):
        notes.append("passive voice without an agent: name the agent as subject (if you infer it, add "
                     "agent_inferred: true and a reading) or reject")
    for role, amb in raw.get("ambiguous", {}).items():
        notes.append(f"ambiguous {role} {amb['mention']!r}: choose one of {', '.join(amb['candidates'])}")
    notes.sort(key=lambda n: not n.startswith("passive"))
    item["decision"] = "pending"
    item["key"] = candidate_key(item)
    item["rule"] = f"{raw['rule']} ({raw['trigger']})" if raw.get("rule") else None
    if raw.get("ambiguous"):
        item["ambiguous"] = {role: amb["candidates"] for role, amb in raw["ambiguous"].items()}
    if notes:
        item["review_note"] = "; ".join(notes)
    return item


def headline_end(text: str) -> int:
    """Where a headline ends: the end of a first line of at most 20 words without a full stop (a report's
    headline compresses what its body states with context: the body's quote is the one to judge), else 0.

    >>> headline_end("Velmora's parliament suspends President Koval\\n\\nVELENSK - It voted."), headline_end("One.")
    (45, 0)
    """
    first, newline, _ = text.partition("\n")
    return len(first) if newline and len(first.split()) <= 20 and not first.rstrip().endswith(".") else 0


def review_items(raws: list[dict[str, Any]], text: str, *, skip_keys: set[str], skip_ids: set[str],
                 existing: dict[tuple[Any, ...], str] | None = None,
                 accepted: set[tuple[Any, ...]] | None = None) -> list[dict[str, Any]]:
    """Review items for ``raws``: no duplicates, no remembered rejection, nothing this source already has
    (``accepted``: (relation, subject, object, value, negated)); a statement the graph already has from
    another source (``existing``: the same tuple -> its id) is kept, with ``corroborates: <that id>`` and an
    id of its own; ids made unique against ``skip_ids``."""
    items: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    inferred: set[int] = set()
    used: set[str] = set(skip_ids)
    headline = headline_end(text)
    for raw in raws:
        item = review_item(raw, text)
        same = (item["relation"], item["subject"], item.get("object"), item.get("value"), bool(item.get("negated")))
        later = not raw.get("agent_inferred") and raw["start"] >= headline
        if same in seen and seen[same] in inferred and later and item["key"] not in skip_keys:
            kept = seen[same]  # the text states it with its agent later, or below its headline: that quote
            items[kept] = {**item, "id": items[kept]["id"], **(
                {"corroborates": items[kept]["corroborates"]} if "corroborates" in items[kept] else {})}
            inferred.discard(kept)
            continue
        if item["key"] in skip_keys or same in seen or same in (accepted or set()):
            continue
        if same in (existing or {}):
            item["corroborates"] = (existing or {})[same]
        seen[same] = len(items)
        if raw.get("agent_inferred") or raw["start"] < headline:
            inferred.add(len(items))
        base, number = item["id"], 2
        while item["id"] in used:
            item["id"], number = f"{base}-{number}", number + 1
        used.add(item["id"])
        items.append(item)
    return items
