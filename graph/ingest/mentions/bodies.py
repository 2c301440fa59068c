"""The bodies a title without an organisation refers to: the document's government, country, ministries.

"Prime Minister Teodor Brask" heads the government the text names; "Interior Minister Casimir
Dolan" heads the interior ministry (the one the text names, else a proposed one) and belongs to the
government only where the text says so; "President Anton Reval",
at his first mention without a country, heads the country the text is about (the State it
names most, if one is named more than any other). Each body is a mention of the document,
marked ``far`` (its words are not part of the quote) with a reading for the curator.

>>> mention = lambda a, text: {"actors": [a], "text": text, "start": 0, "end": len(text)}
>>> actors = {"kestria": {"type": "State", "label": "Kestria"}, "dravic": {"type": "State", "label": "Dravic"},
...           "mi": {"type": "PublicBody", "label": "Kestrian Interior Ministry"}}
>>> bodies = DocumentBodies([mention("kestria", "Kestria"), mention("kestria", "Kestria"),
...                          mention("dravic", "Dravic"), mention("mi", "the interior ministry")], actors)
>>> bodies.get("country")["actors"], bodies.get("ministry interior")["actors"], bodies.get("ministry finance")
(['kestria'], ['mi'], None)
>>> place = {"type": "Place", "label": "Ilvany", "proposed": True}
>>> DocumentBodies([mention("i", "Ilvany")], {"i": place}, "Ilvany's army").get("country")["actors"]
['i']
>>> DocumentBodies([mention("i", "Ilvany")], {"i": place}, "in Ilvany").get("country") is None
True
"""

from __future__ import annotations

import re
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.mention_data import load_mention_data
from graph.ingest.mentions.finder import slug
from graph.ingest.mentions.peoples import named_as_town, people_country

__all__ = ["DocumentBodies", "one_present_head", "own_government"]

_BODIES = ("PublicBody", "Organisation", "SecurityService", "ArmedForce", "MilitaryAlliance", "MediaOutlet")
_TOWNS = ("town", "city", "port", "village", "capital", "district", "region", "province", "suburb", "hub", "centre")
_SUCCESSION = ("acting", "interim", "late", "new", "elected", "incoming", "outgoing", "caretaker")
_REFERRING = {"the", "this", "that", "its", "it", "their", "they", "both"}  # "both countries": a pair the coreference gave


def _most_named(found: list[dict[str, Any]], what: str, titled: frozenset[str] | None = None) -> dict[str, Any] | None:
    """The mention of the actor named most often in ``found``, if one is named more than any other. For a
    country (``titled`` given), of those named as often the ones not in ``titled`` (the country whose leader
    the text titles by its name is not the country of an unqualified "President X"), and of them the one named
    first (where the lede sets the scene)."""
    counts: dict[str, int] = {}
    for m in found:
        counts[m["actors"][0]] = counts.get(m["actors"][0], 0) + 1  # in the order first named
    tied = [a for a, n in counts.items() if n == max(counts.values(), default=0)]
    if len(tied) > 1:
        if titled is None:
            return None  # two named as often: which one is unclear
        tied = [a for a in tied if a not in titled] or tied
    if not tied:
        return None
    mention = next(m for m in found if m["actors"][0] == tied[0])
    return {**mention, "far": True, "reading": f"{what} the text names, {mention['text']!r}"}


def _stem(word: str) -> str:
    """A word in lower case without its possessive and plural ending.

    >>> _stem("dockers'"), _stem("docker"), _stem("union's")
    ('docker', 'docker', 'union')
    """
    return word.lower().strip("'").removesuffix("'s").rstrip("s")


def _country_word(trigger: list[Any]) -> str | None:
    """The word of a country in a title's words before its noun: a people's adjective or a capitalised word that
    is no word of the title itself ("Ruvalan Defence Minister", "Kessland premier"; not "Acting Prime Minister")."""
    spec = load_lexicon()["government_titles"]
    plain = {*spec["deputies"], *spec["portfolios"], *_SUCCESSION, *load_lexicon()["former_titles"], "first", "senior",
             "prime"}
    return next((t.text for t in trigger[:-1] if t.text in load_lexicon()["demonyms"] or t.ent_type_ in ("NORP", "GPE")
                 or t.text[:1].isupper() and t.lower_ not in plain), None)


class DocumentBodies:
    """The government, country and ministries of a document, found once from its mentions."""

    def __init__(self, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]], text: str = "",
                 proposed: dict[str, dict[str, Any]] | None = None) -> None:
        self.mentions = [m for m in mentions if len(m["actors"]) == 1 and "members" not in m]  # not "both countries"
        self.actors, self.text, self.proposed = actors, text, proposed
        self._cache: dict[str, dict[str, Any] | None] = {}

    def _of_type(self, types: tuple[str, ...], words: tuple[str, ...]) -> list[dict[str, Any]]:
        return [m for m in self.mentions if self.actors[m["actors"][0]].get("type") in types and
                all(w in self.actors[m["actors"][0]].get("label", "").lower().split() for w in words)]

    def _guessed(self, mention: dict[str, Any]) -> bool:
        """Whether ``mention`` is a pronoun or description the coreference gave the actor ("the state", "its"),
        not its name nor one of its known forms ("the country" of a curated actor)."""
        spec = self.actors[mention["actors"][0]]
        forms = {f.lower() for f in [spec.get("label", ""), *spec.get("aliases", [])]}
        return mention["text"].split()[0].lower() in _REFERRING and mention["text"].lower() not in forms

    def _country_like(self, mention: dict[str, Any]) -> bool:
        """A State, or a proposed place the text treats as a country: with an adjective of its name
        ("Cordana" and "Cordanan") or a possessive ("Mirvan's army")."""
        spec = self.actors[mention["actors"][0]]
        if spec.get("type") == "State":
            return True
        name = spec.get("label", "")
        if not spec.get("proposed") or not name[:1].isupper() or " " in name:
            return False
        forms = {name + "'s", name + "n", name + "an", name + "ian", name + "ese", name[:-1] + "an", name[:-1] + "ian"}
        return any(re.search(rf"\b{re.escape(f)}\b", self.text) for f in forms) and \
            not named_as_town(name, self.text)  # "the town of Ossel ... the Osselan miners": a town's people

    def _propose(self, actor_id: str, kind: str, label: str, note: str, aliases: list[str] | None = None) -> None:
        """Propose the actor ``actor_id`` (where the extractor gave somewhere to put it), unless the text has it."""
        if actor_id not in self.actors and self.proposed is not None:
            self.actors[actor_id] = self.proposed[actor_id] = {
                "type": kind, "label": label, "aliases": aliases or [], "proposed": True, "note": note}

    def _autonomous(self, actor: str) -> bool:
        """Whether the text calls the place ``actor`` autonomous ("Uzbekistan's autonomous Republic of
        Karakalpakstan", "the Gorno-Badakhshan Autonomous Region"): a region of a country, not one."""
        name = re.escape(self.actors[actor].get("label", ""))
        return bool(name) and re.search(rf"\bautonomous (?:\w+ ){{0,2}}(?:of )?{name}\b|\b{name} autonomous\b",
                                        self.text, re.I) is not None

    def _written_states(self, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A mention of a state the lexicon knows for each time the text writes its name where no mention of it
        stands: inside another's name ("Tajikistan's Supreme Court", "the Democratic Party of Tajikistan"), so
        that the country of the text is the one the text names most however it names it."""
        out = []
        for label in sorted(set(load_lexicon()["demonyms"].values())):
            spans = [m.span() for m in re.finditer(rf"\b{re.escape(label)}\b", self.text)]
            actor_id = next((a for a, spec in self.actors.items() if spec.get("label") == label), slug(label))
            covered = [(m["start"], m["end"]) for m in found if m["actors"] == [actor_id]]
            spans = [(a, b) for a, b in spans if not any(s <= a < e for s, e in covered)]
            if not spans or (actor_id not in self.actors and self.proposed is None):
                continue
            self._propose(actor_id, "State", label, f"a state the text names inside other names ({label!r})")
            out += [{"actors": [actor_id], "text": label, "start": a, "end": b, "kind": "written"} for a, b in spans]
        return out

    def _bare_country(self, mention: dict[str, Any]) -> bool:
        """A proposed one-word name, no acronym nor body word, that owns something or is named thrice, never a town
        ("the town of Ossel", "Ossel, a mining town", "in Ossel, Kestria") nor itself an organisation's word."""
        spec = self.actors[mention["actors"][0]]
        name = spec.get("label", "")
        if not spec.get("proposed") or " " in name or "-" in name or not name[:1].isupper() or name.isupper() or \
                name.lower() in load_lexicon()["groups"]:
            return False
        same = [m for m in self.mentions if m["actors"] == mention["actors"]]
        if any(self.text[max(m["start"] - 4, 0):m["start"]].lower() == "the " for m in same):
            return False  # "the Senate": a body, not a country
        if any(m["text"].lower().split()[-1] in _TOWNS[:4] for m in same):
            return False  # "the city": the coreference made it a town
        head = len(self.text.split("\n", 1)[0]) if not self.text.split("\n", 1)[0].rstrip().endswith(".") else 0
        if f"{name}'s " not in self.text and sum(m["text"] == name for m in same) < 3 and not (
                any(m["start"] < head for m in same) and any(m["start"] > head for m in same)):
            return False  # a country owns ("Valsund's unions"), is named thrice or in the headline and the story
        town = "|".join(_TOWNS)
        return not re.search(rf"\b(?:{town.replace('capital|', '')}) of {re.escape(name)}\b|\b{re.escape(name)}, (?:an?|the|its) (?:[\w-]+ ){{0,3}}"
                             rf"(?:{town})\b|\b{re.escape(name)}, [A-Z]\w+[,.]|\b{re.escape(name)}-based\b|\bneighbou?ring {re.escape(name)}\b", self.text)

    def _titled_states(self, found: list[dict[str, Any]]) -> frozenset[str]:
        """The states of ``found`` whose leader the text titles by the state's name ("Russian President Orlov")."""
        demonyms = load_lexicon()["demonyms"]
        out = set()
        for actor in {m["actors"][0] for m in found}:
            label = self.actors[actor].get("label", "")
            forms = [label, f"{label}'s", *(d for d, state in demonyms.items() if state == label)]
            if any(re.search(rf"\b{re.escape(f)} (?:President|Prime Minister|Premier|Leader|King) [A-Z]", self.text)
                   for f in forms if f):
                out.add(actor)
        return frozenset(out)

    def _foreign(self, mention: dict[str, Any]) -> bool:
        """Whether the body's name gives it a country other than the text's ("Russian Defence Ministry")."""
        country = self.get("country")
        label = self.actors[country["actors"][0]].get("label") if country else None
        demonyms = load_lexicon()["demonyms"]
        words = [w[:1].upper() + w[1:] for w in self.actors[mention["actors"][0]].get("label", "").split()]
        states = {demonyms[w] for w in words if w in demonyms}  # "the Russian defence ministry" proposed in lower case
        return bool(states and label not in states)  # a country's ministry is foreign to a text of no clear country

    def _implied_government(self) -> dict[str, Any] | None:
        """The government of the text's clear country that the text never names ("Prime Minister Ruth Okande"
        in a report on Tamberu): a proposed "Government of Tamberu", if the extractor gave somewhere to put it."""
        country = self.get("country")
        if country is None or self.proposed is None:
            return None
        label = f"Government of {self.actors[country['actors'][0]].get('label')}"
        actor_id = slug(label)
        self._propose(actor_id, "PublicBody", label, f"implied by a government title in a text on {country['text']!r}")
        return {**country, "actors": [actor_id], "text": label,
                "reading": f"the government of the country the text names, {country['text']!r}"}

    def for_match(self, match: dict[str, Any]) -> dict[str, Any] | None:
        """The body of a title match's ``document``: as :meth:`get`, but none for a title its own country word
        qualifies ("Armenian Prime Minister Pashinyan", "Kessland premier Brandvik" in a report on Kazakhstan) or
        makes past ("a former finance minister": head of his ministry still, member of no government), a government
        the text never names only for its head, and the ministry of a minister's title (see :meth:`_ministry`)."""
        kind = match["document"]
        if kind == "country" and (scene := self._scene(match["trigger"][-1])) is not None:
            return scene  # "In Lenmara, President Tamar Esvali thanked the troops": of the country the sentence is in
        if kind == "country" and any(c.lower_ in load_mention_data()["local_title_words"] and c.dep_ in (
                "amod", "compound", "nmod") for c in match["trigger"][-1].children):
            return None  # "Hollan, the regional president": of a region, not of the country
        if kind == "government" and _country_word(match["trigger"]) is not None:
            return None
        if kind == "government" and any(t.lower_ in load_lexicon()["former_titles"] for t in match["trigger"]):
            return None  # "a former finance minister": of a government before the text's (but head of his ministry)
        if kind == "government" and match["relation"] == "memberOf" and any(
                t.lower_ in load_lexicon()["government_titles"]["portfolios"] for t in match["trigger"]):
            return None  # "Interior Minister Dolan": head of his ministry, of the government only where the text says
        if kind.startswith("ministry "):
            return self._ministry(match)
        if match.get("headline") and (found := self.get(kind)) is not None and not re.search(
                rf"\b{re.escape(self.actors[found['actors'][0]].get('label', '?'))}\b", self.text.split("\n", 1)[0]):
            return None  # "Salvat, the capital": of the country the headline names too, else unclear
        if kind == "government" and match["relation"] != "headed" and self._named_government() is None:
            return None
        return self.get(kind)

    def _people_country(self) -> dict[str, Any] | None:
        """The country the text names by its people's adjective (:func:`people_country`: "Askarian police"), where
        no mention stands out as the country: its mention by that name, else a proposed State (where the extractor
        gave somewhere to put it)."""
        name = people_country(self.text)
        if name is None:
            return None
        named = [m for m in self.mentions if self.actors[m["actors"][0]].get("label") == name]
        if named:
            return {**named[0], "far": True, "reading": f"the country the text names by its people, {name!r}"}
        actor_id = slug(name)
        if self.proposed is None or self.actors.get(actor_id, {}).get("type", "State") != "State":
            return None
        self._propose(actor_id, "State", name, f"the country the text names by its people's adjective ({name!r})")
        start = self.text.find(name)
        return {"actors": [actor_id], "text": name, "start": start, "end": start + len(name), "far": True,
                "reading": f"the country the text names by its people, {name!r}"}

    def _scene(self, title: Any) -> dict[str, Any] | None:
        """The country a sentence opens in ("In Lenmara, President Tamar Esvali ..."), before the title ``title``:
        a State, or a proposed name the text treats as a country; not a town ("In Almaty, President X")."""
        sentence = title.sent
        place = next((c for c in sentence[0].children if c.dep_ == "pobj"), None) if sentence[0].lower_ == "in" else None
        if place is None or place.i + 1 >= title.i or title.doc[place.i + 1].text != ",":
            return None
        found = [m for m in self.mentions if m["start"] <= place.idx < m["end"] and
                 self.actors[m["actors"][0]].get("type") in ("State", "Place") and self._country_like(m)]
        return {**found[0], "far": True, "reading": f"the country the sentence opens in, {found[0]['text']!r}"} if found else None

    def _adjective(self, actor: str) -> str:
        """The word the text makes of a country's name ("Kestrian"), else the name itself ("Tamberu")."""
        label = self.actors[actor].get("label", "")
        forms = [d for d, state in load_lexicon()["demonyms"].items() if state == label]
        forms += [label + "n", label + "an", label + "ian", label + "ese", label[:-1] + "an", label[:-1] + "ian"]
        return next((f for f in forms if re.search(rf"\b{re.escape(f)}\b", self.text)), label)

    def _ministry(self, match: dict[str, Any]) -> dict[str, Any] | None:
        """The ministry a minister's title names: the one the text names, else (where the extractor gave somewhere
        to put it) a proposed one of the title's country word ("Dravic Defence Minister") or the text's country,
        whose forms are the title ("Interior Minister Dolan": the Kestrian Interior Ministry)."""
        portfolio = match["document"].split()[1]
        adjective = _country_word(match["trigger"])
        found = self.get(match["document"]) if adjective is None else _most_named(
            [m for m in self._of_type(("PublicBody",), ("ministry", portfolio))
             if adjective.lower() in self.actors[m["actors"][0]].get("label", "").lower()], "the ministry")
        if found is not None or self.proposed is None:
            return found
        country = self.get("country")
        adjective = adjective or (self._adjective(country["actors"][0]) if country else None)
        label = " ".join(w for w in (adjective, portfolio.title(), "Ministry") if w)
        title = " ".join(t.text for t in match["trigger"])
        actor_id = slug(label)
        self._propose(actor_id, "PublicBody", label, f"implied by the title {title!r}",
                      sorted({f"{portfolio.title()} Ministry", f"{portfolio.title()} Minister", title} - {label}))
        trigger = match["trigger"]
        return {"actors": [actor_id], "text": label, "start": trigger[0].idx, "end": trigger[-1].idx + len(trigger[-1]),
                "far": True, "reading": f"the ministry of the title {title!r}"}

    def _definite(self) -> set[str]:
        """The actors the text names once at least by more than a pronoun or an indefinite ("run by a cabinet")."""
        return {m["actors"][0] for m in self.mentions if m.get("kind") != "pronoun" and
                m["text"].split()[0].lower() not in ("a", "an")}

    def _named_government(self) -> dict[str, Any] | None:
        named = [found for b in load_lexicon()["government_titles"]["bodies"]  # "government" before "cabinet"
                 if (found := [m for m in self._of_type(("PublicBody",), (b,)) if m["actors"][0] in self._definite()])]
        return _most_named(named[0], "the government") if named else None

    def get(self, kind: str) -> dict[str, Any] | None:
        """``government``, ``country``, ``ministry <word>`` ("ministry interior") or ``body <word>`` (the body
        whose name has the word: "body junta" for "the junta's leader"), or None when unclear."""
        if kind not in self._cache:
            if kind == "country":
                found = [m for m in self._of_type(("State", "Place"), ()) if self._country_like(m)]
                found = [m for m in found if m.get("kind") != "demonym"] or found  # "Russian troops": another's
                found += [{**m, "actors": [state], "text": self.actors[state].get("label", state)} for m in self.mentions
                          for state in self.actors[m["actors"][0]].get("in", []) if state in self.actors]  # "Almaty"
                found += self._written_states(found)  # "Tajikistan's Supreme Court": Tajikistan, inside a name
                found = [m for m in found if not self._autonomous(m["actors"][0])] or found  # a region
                found = [m for m in found if not self._guessed(m)] or found
                found = [m for m in found if not (m["text"].isupper() and m["start"] < 40)  # "SAN LAZARO - ": a dateline
                         and self.text[m["end"]:m["end"] + 4] != "-led"]  # "the Russian-led force": a foreign leader
                found = [m for m in found if not re.search(  # "of neighbouring Ruvala", "Neighbouring Ruvala has
                    rf"\bneighbou?ring {re.escape(self.actors[m['actors'][0]].get('label', ''))}\b", self.text, re.I)]
                # offered help": another country, the neighbour of the text's own
                titled = self._titled_states(found)
                if all(m["actors"][0] in titled for m in found):  # no State but one with its own president: a one-word
                    # name the text never makes a town of ("We start in Kestria")
                    bare = [m for m in self._of_type(("Place", "Organisation"), ()) if m.get("kind") in ("name", "new")
                            and self._bare_country(m)]
                    titled = self._titled_states(found := found + bare)
                dated = re.match(r"\s*[A-Z][A-Z'. -]+, ([A-Z][a-z]+(?: [A-Z][a-z]+)?),", self.text)  # "BRENHOLT, Kestria,"
                lined = [m for m in self.mentions if dated and m["text"] == dated[1] and m["start"] < 80]
                self._cache[kind] = {**lined[0], "far": True, "reading": f"the country of the dateline, {dated[1]!r}"} \
                    if lined and dated else _most_named(found, "the country", titled) or self._people_country()
            elif kind == "legislature":  # "the speaker, X": the parliament the text names, by whatever name
                words = set(load_lexicon()["legislature_words"])
                self._cache[kind] = _most_named([m for m in self._of_type(_BODIES, ()) if words & set(
                    self.actors[m["actors"][0]].get("label", "").lower().split())], "the legislature")
            elif kind.startswith("body "):  # "the junta's leader": the body the text names with the word
                word = kind.split()[1]
                self._cache[kind] = _most_named([m for m in self._of_type(_BODIES, ()) if _stem(word) in {
                    _stem(w) for w in self.actors[m["actors"][0]].get("label", "").lower().split()}], "the body")
            elif kind.startswith("ministry "):
                self._cache[kind] = _most_named([m for m in self._of_type(("PublicBody",), ("ministry", kind.split()[1]))
                                                 if not self._foreign(m)], "the ministry")
            else:
                self._cache[kind] = self._named_government() or self._implied_government()
        return self._cache[kind]


def one_present_head(results: list[dict[str, Any]], mentions: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """``results`` without the "President X" of the text's country (rule "... (of the country)") whose country
    another such holder, named more often, already heads: of two unqualified presidents of one country, neither
    former nor in a succession ("the late president", "acting president"), the one the text names less is a
    foreign one ("President Erdogan" in a report on Tokayev).

    >>> cand = lambda who: {"rule": "title: president (of the country)", "subject": who, "object": "k", "start": 0,
    ...                     "end": 9, "relation": "headed"}
    >>> mentions = [{"actors": ["t"]}, {"actors": ["t"]}, {"actors": ["e"]}]
    >>> [c["subject"] for c in one_present_head([cand("t"), cand("e")], mentions, "President")]
    ['t']
    """
    passing = [*load_lexicon()["former_titles"], *load_lexicon()["past_holder_words"], *_SUCCESSION]  # "the late
    # president", "acting president": a succession; "Nazarbayev, then president": a holder of the past
    former = re.compile(rf"\b(?:{'|'.join(map(re.escape, passing))})\b", re.I)
    counts: dict[str, int] = {}
    for m in mentions:
        for actor in m["actors"]:
            counts[actor] = counts.get(actor, 0) + 1
    present = [c for c in results if c["rule"].endswith("(of the country)") and not former.search(text[max(c["start"] - 12, 0):c["end"]])]  # "former president X"
    best: dict[str, str] = {}
    for c in present:
        if counts.get(c["subject"], 0) > counts.get(best.get(c["object"], ""), -1):
            best[c["object"]] = c["subject"]
    return [c for c in results if c not in present or best[c["object"]] == c["subject"]]


def own_government(results: list[dict[str, Any]], bodies: DocumentBodies, text: str) -> list[dict[str, Any]]:
    """``results`` where a prime minister titled by the text's own country ("Orveno's Prime Minister Isabel Corvo"
    in a report on Orveno) heads its government, as an untitled one does ("Prime Minister X"); a foreign one
    ("Armenia's prime minister" in a report on Kazakhstan) keeps his country."""
    country = bodies.get("country")
    for c in results:
        name = bodies.actors[country["actors"][0]].get("label", "") if country else ""
        if c["relation"] != "headed" or country is None or c["object"] != country["actors"][0] or \
                not c["rule"].startswith("title: ") or not re.search(
                    rf"\b{re.escape(name)}'s (?:prime minister|premier)\b", text[c["start"]:c["end"]], re.I):
            continue  # not "Armenian Prime Minister X": a title by the country's adjective is a foreign one's
        government = bodies.get("government")
        if government is not None:
            c["object"] = government["actors"][0]
            c.setdefault("readings", []).append(f"the government of the text's own country: {government['reading']}")
    return results
