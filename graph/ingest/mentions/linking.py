"""Names linked to actors: the corpus's actors by label, alias and surname, transliteration variants, proposals.

:class:`Linker` links a surface name to the corpus's actors ("Tokayev", "Massimov" for "Masimov",
with a score) or to an actor it proposed earlier in the text, and proposes new ones;
:func:`known_actors` reads the corpus's actors. Used by :mod:`graph.ingest.mentions.finder`.

>>> linker = Linker({"masimov": {"type": "Person", "label": "Karim Masimov", "aliases": []}})
>>> linker.link("Massimov")[:2]
(['masimov'], 'variant')
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from graph.build.yamlfile import LineDict, read_yaml
from graph.ingest.lexicon import load_lexicon

__all__ = ["known_actors", "slug", "fold", "Linker", "keep_form", "named_in", "surface_pattern", "merge_acronyms",
           "surname"]

_VARIANT_SCORE = 0.84


def slug(text: str) -> str:
    """An actor or assertion id from a name.

    >>> slug("Joe Biden's"), slug("Kazakh civil society")
    ('joe-biden', 'kazakh-civil-society')
    """
    text = re.sub(r"['\u2019]s\b", "", text.lower())
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"


def surname(label: str) -> str:
    """The last name of a person's ``label``: its last word, with the father's name before a Turkic
    patronymic word (lexicon: ``patronymics``).

    >>> surname("Karim Masimov"), surname("Makhabat Tazhibek kyzy"), surname("Kyzy")
    ('Masimov', 'Tazhibek kyzy', 'Kyzy')
    """
    words = label.split()
    if len(words) > 2 and words[-1].lower() in load_lexicon()["patronymics"]:
        return " ".join(words[-2:])
    return words[-1] if words else label


def fold(name: str) -> str:
    """A transliteration-folded key: accents off, lower case, doubled letters single, 'y' between vowels off.

    >>> fold("Massimov") == fold("Masimov"), fold("Nazarbaev") == fold("Nazarbayev")
    (True, True)
    """
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", text)
    return re.sub(r"(.)\1", r"\1", text)


def known_actors(corpus: Path) -> dict[str, dict[str, Any]]:
    """Every actor declared in the corpus's ``assertions.yaml`` files: id -> {type, label, aliases, source}, for
    a place the corpus puts in a State, ``in`` (the State's ids), and for a person the corpus says heads a State
    with no end, ``heads`` (its ids)."""
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
        for item in (raw.get("assertions") if isinstance(raw, LineDict) else None) or []:
            place, state = (actors.get(str(item.get(k, ""))) for k in ("subject", "object")) if isinstance(item, dict) \
                else (None, None)
            if place and state and item.get("relation") in ("partOf", "locatedIn") and state["type"] == "State" and \
                    place["type"] == "Place":  # "Kazakhstan's largest city, Almaty": a place the country's texts name
                place.setdefault("in", []).append(str(item["object"]))
            when = item.get("when") if isinstance(item, dict) else None
            if place and state and item.get("relation") == "headed" and state["type"] == "State" and \
                    place["type"] == "Person" and not (isinstance(when, dict) and when.get("to")):
                place.setdefault("heads", []).append(str(item["object"]))  # "President Tokayev": of Kazakhstan
    return actors


def _surfaces(actors: dict[str, dict[str, Any]]) -> dict[str, set[str]]:
    """Lower-cased surface form -> actor ids (label, aliases, a person's surname, without a leading 'the')."""
    table: dict[str, set[str]] = {}
    for actor_id, spec in actors.items():
        names = [spec["label"], *spec.get("aliases", [])]
        if spec.get("type") == "Person" and " " in spec["label"]:
            last = surname(spec["label"])
            if len(last) > 2:
                names.append(last)
        for name in names:
            name = name.strip().lower()
            if name:
                table.setdefault(name, set()).add(actor_id)
                if name.startswith("the ") and len(name) > 4:
                    table.setdefault(name[4:], set()).add(actor_id)
    return table


def surface_pattern(table: dict[str, set[str]]) -> re.Pattern[str] | None:
    if not table:
        return None
    names = sorted(table, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])", re.I)


def named_in(ids: list[str], alias: str, actors: dict[str, dict[str, Any]], text: str, *,
             adjectives: bool = True) -> bool:
    """Whether a lower-case alias may stand for its actors in ``text``: it is their label, or the text also
    names one of them by a capitalised form or (``adjectives``) its demonym ("CSTO troops" before "the troops",
    "Kazakh")."""
    for actor_id in ids:
        spec = actors.get(actor_id, {})
        if spec.get("label", "").lower() == alias.lower():
            return True
        words = [a for a, state in load_lexicon()["demonyms"].items() if state == spec.get("label")] if adjectives else []
        if any(n[:1].isupper() and re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text)
               for n in [spec.get("label", ""), *spec.get("aliases", []), *words] if n):
            return True
    return False


def keep_form(proposed: dict[str, dict[str, Any]], actor_id: str, form: str) -> None:
    """Keep ``form`` among the aliases of ``actor_id`` if it is one of ``proposed`` (once); others are left alone.

    >>> proposed = {"union": {"label": "Union", "aliases": []}}
    >>> keep_form(proposed, "union", "the union"); keep_form(proposed, "union", "the union"); keep_form(proposed, "x", "y")
    >>> proposed
    {'union': {'label': 'Union', 'aliases': ['the union']}}
    """
    if actor_id in proposed and form not in proposed[actor_id]["aliases"]:
        proposed[actor_id]["aliases"].append(form)


class Linker:
    """Links surface names to actors; proposes new ones; remembers what it proposed."""

    def __init__(self, actors: dict[str, dict[str, Any]]) -> None:
        self.actors = actors
        self.table = _surfaces(actors)
        self.proposed: dict[str, dict[str, Any]] = {}
        self.full_names: dict[str, str] = {}  # one-word proposed persons -> the full name the text gave them later
        self.folded = {fold(name): (ids, name) for name, ids in self.table.items() if len(name) > 3 and name[:1].isalpha()}

    def link(self, name: str) -> tuple[list[str], str, str | None]:
        """(actor ids, kind, reading) for ``name``; ids empty when nothing fits."""
        low = name.lower()
        if self.table.get(low):
            return sorted(self.table[low]), "name", None
        if " " not in low:  # "soldiers" for "Dravic soldiers"; "workers" is not the Federation of Valsund Workers
            same = [i for i, spec in self.proposed.items() if surname(spec["label"]).lower() == low and
                    (name[:1].isupper() or surname(spec["label"]).islower())]
            if len(same) == 1:
                return same, "name", f"{name!r} read as {self._label(same[0])} (named so before in the text)"
        ids = {i for i in self.table.get(surname(low), set()) if self._same_person(i, low)} if " " in low else None
        if ids and all(self._type(i) == "Person" for i in ids) and name[:1].isupper():
            for i in ids if len(ids) == 1 and ids <= set(self.proposed) else ():  # "Arkhanov" named in full as
                self.full_names.setdefault(i, name)  # "Rustam Arkhanov": a later "Bakhtiyor Arkhanov" is another man
            return sorted(ids), "name", f"{name!r} read as {self._label(sorted(ids)[0])} (same surname)"
        key = fold(low)
        best, score, score_raw = None, 0.0, 0.0
        for other, (other_ids, original) in self.folded.items():
            if other[:1] != key[:1] or abs(len(other) - len(key)) > 3:
                continue  # a variant keeps its first letter and about its length
            matcher = SequenceMatcher(None, key, other)
            bound = matcher.real_quick_ratio()
            if bound <= score or bound < _VARIANT_SCORE or (bound := matcher.quick_ratio()) <= score or \
                    bound < _VARIANT_SCORE:
                continue  # upper bounds of the ratio: it cannot beat the best so far, nor reach a variant's score
            ratio = matcher.ratio()
            if ratio > score:
                best, score, score_raw = other_ids, ratio, SequenceMatcher(None, low, original).ratio()
        if best and score >= _VARIANT_SCORE and len(best) == 1 and name[:1].isupper():
            actor = sorted(best)[0]
            return [actor], "variant", f"{name!r} linked to {self._label(actor)} as a spelling variant (score {score_raw:.2f})"
        return [], "new", None

    def propose(self, name: str, kind: str, text: str) -> str:
        actor_id = slug(name)
        while actor_id in self.actors and self.actors[actor_id]["label"].lower() != name.lower():
            actor_id += "-new"
        if actor_id not in self.actors:
            aliases = [surname(name)] if kind == "Person" and " " in name else []
            if text.lower() != name.lower():
                aliases.append(text)
            spec = {"type": kind, "label": name, "aliases": aliases, "proposed": True}
            self.actors[actor_id] = self.proposed[actor_id] = spec
            for form in [name, *aliases]:
                self.table.setdefault(form.lower(), set()).add(actor_id)
        elif text.lower() != name.lower():
            self.add_form(actor_id, text)  # every form the text uses ("two officers")
        return actor_id

    def add_form(self, actor_id: str, form: str) -> None:
        """Keep ``form``, a form the text uses for the proposed ``actor_id``, among its aliases (once); a known
        actor's are left alone.

        >>> linker = Linker({})
        >>> actor = linker.propose("Tarvo Dockers' Union", "Organisation", "Tarvo Dockers' Union")
        >>> linker.add_form(actor, "the dockers' union"); linker.add_form(actor, "the dockers' union")
        >>> linker.proposed[actor]["aliases"]
        ["the dockers' union"]
        """
        keep_form(self.proposed, actor_id, form)

    def _same_person(self, actor_id: str, name: str) -> bool:
        """Whether ``name`` may be ``actor_id`` by its surname: no other first name."""
        label = self._label(actor_id).lower().split()
        full = self.full_names.get(actor_id, "").lower().split()
        first = fold(label[0]) if len(label) > 1 else fold(full[0]) if full else None
        return first is None or first == fold(name.split()[0])

    def settle_names(self) -> None:
        """Give each one-word proposed person that the text later named in full its full name as the label."""
        for actor_id, name in self.full_names.items():
            spec = self.proposed[actor_id]
            if spec.get("type") == "Person" and " " not in spec["label"]:
                spec["aliases"] = [spec["label"], *(a for a in spec["aliases"] if a != name)]
                spec["label"] = name

    def _type(self, actor_id: str) -> str:
        return str(self.actors.get(actor_id, {}).get("type"))

    def _label(self, actor_id: str) -> str:
        return str(self.actors.get(actor_id, {}).get("label"))


def merge_acronyms(doc: Any, mentions: list[dict[str, Any]], linker: Linker) -> None:
    """"the National Security Committee (KNB)" or "..., or KNB": the name and its acronym are one actor."""
    for long, short in zip(mentions, mentions[1:]):
        a, b = long["tokens"][1], short["tokens"][0]
        joined = (b == a + 1 and doc[a].text == "(") or (b == a + 2 and doc[a].text == "," and doc[a + 1].lower_ == "or")
        if not (joined and short["text"].isupper() and len(short["actors"]) == 1):
            continue  # "the National Security Committee (KNB)", "..., or KNB"
        keep, drop = (short, long) if long["kind"] == "new" else (long, short)
        if drop["kind"] != "new" or len(keep["actors"]) != 1:
            continue
        dropped = linker.proposed.pop(drop["actors"][0], {})
        actor = linker.actors[keep["actors"][0]]
        actor["aliases"] = [*actor.get("aliases", []), drop["text"]]
        if actor.get("proposed") and actor.get("type") == "Organisation" and dropped.get("type"):
            actor["type"] = dropped["type"]  # "SPB" is the bureau its long name says
        drop.update(actors=list(keep["actors"]), kind="name",
                    reading=f"{long['text']} ({short['text']}): one actor, {actor['label']}")
