"""A body named in full and then by the head word of its name: "the Community of the Amber Coast ... the
Community's commission"; "the State Security Committee ... the Committee said".

A one-word proposed name after "the" is the one body of the text whose full name starts with that word before
"of" ("Community of the Amber Coast", "Council of Southern Republics") or ends with it ("State Security
Committee"); its mentions move to that body, with a reading. Two such bodies leave it alone.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> doc = parse("Leaders of the Union of Varn Republics met on Saturday. The Union's secretary read the text.")
>>> found = find_mentions(doc, {})
>>> [(m["text"], m["actors"]) for m in found["mentions"] if m["text"] == "Union"]
[('Union', ['union-of-varn-republics'])]
"""

from __future__ import annotations

from typing import Any

__all__ = ["settle_short_bodies"]

_BODIES = {"Organisation", "PublicBody", "SecurityService", "MilitaryAlliance", "MediaOutlet", "ArmedForce"}


def _heads(label: str) -> set[str]:
    """The words a body's name may be shortened to ("Community of the Amber Coast" -> Community)."""
    words = label.split()
    if len(words) < 2:
        return set()
    return {words[0]} if words[1] == "of" else {words[-1]}


def settle_short_bodies(doc: Any, mentions: list[dict[str, Any]], linker: Any) -> None:
    """Move, in place, the mentions of a one-word proposed body after "the" to the body named in full."""
    named = {a for m in mentions if len(m["actors"]) == 1 and " " in m["text"] for a in m["actors"]}
    for actor_id, spec in list(linker.proposed.items()):
        label = str(spec["label"])
        own = [m for m in mentions if m["actors"] == [actor_id]]
        if " " in label or not label[:1].isupper() or not own or not all(
                m["tokens"][0] and doc[m["tokens"][0] - 1].lower_ == "the" for m in own):
            continue
        fits = [a for a in named if a != actor_id and linker.actors.get(a, {}).get("type") in _BODIES
                and any(label in _heads(str(n)) for n in [linker.actors[a]["label"], *linker.actors[a].get("aliases", [])])]
        first = min((m["start"] for m in own), default=0)
        if len(fits) != 1 or not any(m["actors"] == fits and m["start"] < first for m in mentions):
            continue
        full = fits[0]
        for m in own:
            m.update(actors=[full], kind="name",
                     reading=f"{m['text']!r} read as {linker.actors[full]['label']} (the head word of a body the "
                             f"text names in full)")
        del linker.proposed[actor_id]
