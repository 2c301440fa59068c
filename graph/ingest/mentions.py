"""Find actor mentions in a text and resolve them to the corpus's actors.

A name matches an actor through its label, its aliases and, for a person, the
last word of the label ("Tokayev" for "Kassym-Jomart Tokayev"). A name that
matches several actors is *ambiguous*: the mention lists them all and the
curator chooses; nothing is merged silently. Capitalised names that match no
actor are proposed as new actors.

>>> actors = {"tokayev": {"type": "Person", "label": "Kassym-Jomart Tokayev", "aliases": []},
...           "knb": {"type": "SecurityService", "label": "KNB", "aliases": []}}
>>> found = find_mentions("Tokayev met Joe Biden. Biden praised the KNB.", actors)
>>> [(m["text"], m["actors"]) for m in found["mentions"]]
[('Tokayev', ['tokayev']), ('Joe Biden', ['joe-biden']), ('Biden', ['joe-biden']), ('KNB', ['knb'])]
>>> found["proposed"]["joe-biden"]["type"]
'Person'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from graph.build.yamlfile import LineDict, read_yaml

__all__ = ["known_actors", "find_mentions", "slug", "PRONOUNS"]

PRONOUNS = {"he": "Person", "she": "Person", "him": "Person", "her": "Person"}
_FIRST_PERSON = {"i", "we", "me", "my"}
_ORG_WORDS = {"organisation": "Organisation", "organization": "Organisation", "party": "Organisation",
              "ministry": "PublicBody", "office": "PublicBody", "council": "PublicBody", "committee": "PublicBody",
              "service": "SecurityService", "services": "SecurityService", "agency": "PublicBody",
              "court": "PublicBody", "parliament": "PublicBody", "government": "PublicBody",
              "bank": "Organisation", "union": "Organisation", "alliance": "MilitaryAlliance",
              "army": "ArmedForce", "forces": "ArmedForce", "news": "MediaOutlet", "times": "MediaOutlet",
              "radio": "MediaOutlet", "tv": "MediaOutlet", "company": "Organisation", "group": "Organisation"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "he", "she", "it", "they", "we", "i",
              "this", "that", "these", "those", "there", "many", "most", "some", "more", "according", "after",
              "before", "when", "while", "people", "observers", "journalists"}
_TITLES = {"president", "minister", "mr", "mrs", "ms", "dr", "general", "prime", "senator", "chief", "judge"}
_CAP_WORD = r"[A-Z][\w\u00c0-\u024f'\u2019.-]*[\w\u00c0-\u024f]|[A-Z]"
_NAME_RUN = re.compile(rf"(?:{_CAP_WORD})(?:\s+(?:of\s+the\s+|of\s+|for\s+)?(?:{_CAP_WORD}))*")


def slug(text: str) -> str:
    """An actor or assertion id from a name.

    >>> slug("Joe Biden's"), slug("Kazakh civil society")
    ('joe-biden', 'kazakh-civil-society')
    """
    text = re.sub(r"['\u2019]s\b", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def known_actors(corpus: Path) -> dict[str, dict[str, Any]]:
    """Every actor declared in the corpus's ``assertions.yaml`` files: id -> {type, label, aliases, source}."""
    actors: dict[str, dict[str, Any]] = {}
    if not corpus.is_dir():
        return actors
    for folder in sorted(corpus.iterdir()):
        path = folder / "assertions.yaml"
        if not path.is_file():
            continue
        raw = read_yaml(path)
        section = raw.get("actors") if isinstance(raw, LineDict) else None
        for actor_id, spec in (section or {}).items():
            if isinstance(spec, dict) and str(actor_id) not in actors:
                actors[str(actor_id)] = {"type": str(spec.get("type", "")), "label": str(spec.get("label", "")),
                                         "aliases": [str(a) for a in spec.get("aliases") or []],
                                         "source": folder.name}
    return actors


def _surfaces(actors: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Surface form -> actor ids; lower-case forms match in any case, capitalised ones as written."""
    table: dict[str, set[str]] = {}
    for actor_id, spec in actors.items():
        names = [spec["label"], *spec.get("aliases", [])]
        if spec.get("type") == "Person" and " " in spec["label"]:
            last = re.split(r"[\s]+", spec["label"])[-1]
            if len(last) > 2:
                names.append(last)
        for name in names:
            name = name.strip()
            if name:
                table.setdefault(name, set()).add(actor_id)
                if name.lower().startswith("the ") and len(name) > 4:
                    table.setdefault(name[4:], set()).add(actor_id)
    return table


def _pattern(table: dict[str, set[str]]) -> re.Pattern[str] | None:
    if not table:
        return None
    parts = []
    for name in sorted(table, key=len, reverse=True):
        body = re.escape(name)
        if name == name.lower():
            body = f"(?i:{body})"
        parts.append(body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


def _lookup(table: dict[str, set[str]], text: str) -> set[str]:
    return table.get(text) or table.get(text.lower()) or {
        actor for name, ids in table.items() if name.lower() == text.lower() for actor in ids}


def _guess_type(name: str, text: str, start: int) -> str:
    words = name.lower().split()
    for word in reversed(words):
        if word in _ORG_WORDS:
            return _ORG_WORDS[word]
    before = text[max(0, start - 20):start].lower()
    if re.search(r"(city of|town of|capital,?|in|region of)\s*$", before):
        return "Place"
    return "Person" if 2 <= len(words) <= 3 and all(w[:1].isalpha() for w in words) else "Organisation"


def _propose(text: str, table: dict[str, set[str]], taken: set[str]) -> dict[str, dict[str, Any]]:
    """New actors: runs of capitalised words (two or more, or one after a title) matching no actor."""
    proposed: dict[str, dict[str, Any]] = {}
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        while words and words[0].lower() in _NOT_NAMES | _TITLES:
            words = words[1:]
        name = " ".join(words).removesuffix("'s").removesuffix("\u2019s")
        start = match.start() + match.group().find(words[0]) if words else match.start()
        titled = bool(re.search(r"\b(?:" + "|".join(_TITLES) + r")\.?\s+$", text[max(0, start - 12):start], re.I))
        if not name or (len(words) < 2 and not titled) or _lookup(table, name):
            continue
        if any(name in known or known in name for known in table if known[:1].isupper() and len(known) > 3):
            continue  # part of, or containing, a known name: the known-name matcher decides
        actor_id = slug(name)
        while actor_id in taken and proposed.get(actor_id, {}).get("label") != name:
            actor_id += "-new"
        kind = _guess_type(name, text, start)
        aliases = [name.split()[-1]] if kind == "Person" and len(words) > 1 else []
        proposed.setdefault(actor_id, {"type": kind, "label": name, "aliases": aliases, "proposed": True})
        taken.add(actor_id)
    return proposed


def find_mentions(text: str, actors: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Mentions of known and proposed actors, with pronouns resolved to the last person named.

    Returns ``{"mentions": [{start, end, text, actors, kind, reading}], "proposed": {id: actor}}``;
    a mention with several ``actors`` is ambiguous.
    """
    table = _surfaces(actors)
    proposed = _propose(text, table, set(actors))
    everyone = {**actors, **proposed}
    table = _surfaces(everyone)
    pattern = _pattern(table)
    mentions: list[dict[str, Any]] = []
    if pattern:
        for match in pattern.finditer(text):
            ids = sorted(_lookup(table, match.group()))
            mentions.append({"start": match.start(), "end": match.end(), "text": match.group(), "actors": ids,
                             "kind": "name", "reading": None})
    for match in re.finditer(r"\b(?:[Hh]e|[Ss]he|him|her)\b(?!['\u2019]s)", text):
        if text[match.end():match.end() + 1] == "-":
            continue
        person = _last_person(mentions, everyone, before=match.start())
        if person:
            mentions.append({"start": match.start(), "end": match.end(), "text": match.group(), "actors": [person],
                             "kind": "pronoun", "reading": f"{match.group()!r} read as {everyone[person]['label']}"})
    mentions.sort(key=lambda m: m["start"])
    return {"mentions": mentions, "proposed": proposed}


def _last_person(mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]], *, before: int) -> str | None:
    for mention in sorted(mentions, key=lambda m: m["start"], reverse=True):
        if mention["start"] < before and len(mention["actors"]) == 1 and \
                actors.get(mention["actors"][0], {}).get("type") == "Person":
            return str(mention["actors"][0])
    return None
