"""The office a title names without a body: "the prosecutor-general, Helena Sarn" heads the prosecutor's office.

The office is the actor the text mentions whose label carries the title's stem and the
word for an office ("Prosecutor-General's Office", "prosecutor's office"); when the text names none,
a proposed actor ("Prosecutor-General's Office"), so the curator sees the body the title implies.
The mention is far (its words are not part of the quote), with a reading.

>>> actors = {"po": {"type": "PublicBody", "label": "prosecutor's office", "aliases": []}}
>>> office("prosecutor", {"prosecutor-general"}, actors, {})["actors"]
['po']
>>> proposed = {}
>>> found = office("attorney", {"attorney-general"}, {}, proposed)["actors"]
>>> found, proposed[found[0]]["label"], proposed[found[0]]["aliases"]
(['attorney-general-office'], "Attorney-General's Office", ['attorney-general'])
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.mentions.finder import slug

__all__ = ["office"]

_OFFICE = re.compile(r"\b(office|prosecution|prosecutors|chambers)\b")


def office(stem: str, titles: set[str], actors: dict[str, dict[str, Any]], proposed: dict[str, dict[str, Any]],
           mentioned: set[str] | None = None) -> dict[str, Any] | None:
    """A far mention of the office of ``stem`` ("prosecutor"): the actor the text mentions (``mentioned``: their
    ids; None: any) whose label holds the stem and an office word, else a new proposed "<Title>'s Office"
    with the title as an alias (``titles``: the title's spellings)."""
    found = sorted(a for a, spec in actors.items() if spec.get("type") in ("PublicBody", "Organisation", None) and
                   (mentioned is None or a in mentioned) and any(stem in n.lower() and _OFFICE.search(n.lower())
                                                                 and n.lower().split()[-1] != f"{stem}s"  # "two prosecutors": people
                                                                 for n in [spec.get("label", ""), *spec.get("aliases", [])]))
    if found:
        actor_id = found[0]
    else:
        title = max(titles, key=lambda t: (len(t), t))  # the longest spelling, ties broken by spelling: the same on every run
        label = "-".join(w.capitalize() for w in title.split("-")) + "'s Office"
        actor_id = slug(label)
        if actor_id not in actors:  # "the prosecutor-general" also stands for the office, as the text may say
            actors[actor_id] = proposed[actor_id] = {"type": "PublicBody", "label": label, "aliases": [title],
                                                     "proposed": True}
    return {"actors": [actor_id], "text": actors[actor_id].get("label", actor_id), "start": 0, "end": 0, "far": True,
            "kind": "far", "reading": f"the office the title {sorted(titles)[0]!r} names, "
                                      f"{actors[actor_id].get('label', actor_id)!r}"}
