"""Implicit agents: an agentless passive takes the agent the text already gave the same act.

"Kazakh authorities have detained Masimov. He was taken into custody on Thursday": the
second act has no agent, and the nearest earlier candidate of the same family of relations
(``implicit_agents`` in the lexicon) on the same object names one, or else the nearest one up
to ``NEAR`` characters before on another object, or a later one on the same object; an authority
that states the act (or the principal its press service speaks for) is the agent otherwise, and
of a charge after another act ("arrested by the DSI ... charged, the prosecutor said"). The agent is marked
inferred, with a reading, so the curator sees where it came from.

>>> raws = [{"relation": "detained", "subject": "authorities", "object": "masimov", "start": 0, "passive": False,
...          "readings": []},
...         {"relation": "arrested", "subject": None, "object": "masimov", "start": 40, "passive": True,
...          "readings": []}]
>>> infer_agents(raws)[1]["subject"], raws[1]["agent_inferred"]
('authorities', True)
"""

from __future__ import annotations

from typing import Any

from graph.ingest.lexicon import load_lexicon

__all__ = ["infer_agents", "NEAR"]

NEAR = 400
"""How far back (characters) an act on another object lends its agent ("two of his deputies were also detained")."""


def _family(relation: str) -> set[str]:
    """The relations whose agent an agentless ``relation`` may take: its family, less the acts that lend their agent
    only to some of it (``implicit_lends_only``: a court that frees on bail charges no one).

    >>> sorted(_family("charged"))
    ['arrested', 'charged', 'detained', 'expelled', 'investigated']
    >>> "released" in _family("detained")
    True
    """
    lex = load_lexicon()
    for family in lex["implicit_agents"]:
        if relation in family:
            return {r for r in family if relation in lex["implicit_lends_only"].get(r, family)}
    return set()


def _authority(raw: dict[str, Any], actors: dict[str, dict[str, Any]], heads: dict[str, set[str]]) -> bool:
    """Whether the claimant of ``raw`` is a body that does such acts ("Vail was ordered to leave, the ministry said"),
    or the head of an acting office (``heads``: who heads what) who states it ("the attorney-general said he had
    been charged").

    >>> actors = {"o": {"type": "PublicBody", "label": "Attorney-General's Office"}, "v": {"type": "Person"}}
    >>> _authority({"relation": "charged", "claimant": "v"}, actors, {"v": {"o"}})
    True
    >>> _authority({"relation": "charged", "claimant": "v"}, actors, {})
    False
    """
    claimant = actors.get(raw.get("claimant") or "", {})
    spec = load_lexicon()["speaking_agents"]
    return raw["relation"] in spec["relations"] and (claimant.get("type") in spec["types"] or any(
        _acting_office(actors.get(body, {})) for body in heads.get(raw.get("claimant") or "", ())))


def _acting_office(body: dict[str, Any]) -> bool:
    """Whether ``body`` is an office whose name makes it an authority (the lexicon's ``acting_offices``)."""
    words = str(body.get("label", "")).lower().replace("'s", "").split()
    return bool(set(words) & set(load_lexicon()["acting_offices"]))


def _headed_body(claimant: str, heads: dict[str, set[str]], actors: dict[str, dict[str, Any]]) -> str | None:
    """The acting body the claimant heads where the body, not its head, acts: a bureau, an agency or a commission
    ("the bureau's director said X had been questioned": the bureau questioned him), not an office that is its
    holder's own ("the attorney-general said X had been charged": she charged him).

    >>> actors = {"b": {"label": "Anti-Corruption Bureau"}, "o": {"label": "Attorney-General's Office"}}
    >>> _headed_body("d", {"d": {"b"}}, actors), _headed_body("v", {"v": {"o"}}, actors)
    ('b', None)
    """
    bodies = [b for b in sorted(heads.get(claimant, ())) if _acting_office(actors.get(b, {})) and
              str(actors[b].get("label", "")).lower().split()[-1:] != ["office"]]
    return bodies[0] if len(bodies) == 1 else None


def _speaks_for_someone(claimant: str, actors: dict[str, dict[str, Any]]) -> bool:
    """Whether the claimant is an office or a press service ("her office confirmed"): not the authority acting, unless
    its name makes it one ("the Anti-Corruption Office", the lexicon's ``acting_offices``).

    >>> _speaks_for_someone("o", {"o": {"label": "Presidential Office"}})
    True
    >>> _speaks_for_someone("o", {"o": {"label": "Prosecutor-General's Office"}})
    False
    """
    words = str(actors.get(claimant, {}).get("label", "")).lower().split()
    return bool(words) and words[-1] in load_lexicon()["speaking_bodies"] and not _acting_office(actors.get(claimant, {}))


def _crowd_act(before: list[dict[str, Any]], raw: dict[str, Any]) -> dict[str, Any] | None:
    """The nearest earlier act of force on the object of the agentless ``raw`` that lends it its agent (the lexicon's
    ``implicit_force_lends``: "riot police fired tear gas at the marchers ... 40 of them were arrested, the ministry
    said": the police arrested them, not the ministry that tells it), up to ``NEAR`` characters before.

    >>> acts = [{"relation": "attacked", "subject": "police", "object": "marchers", "start": 0}]
    >>> _crowd_act(acts, {"relation": "arrested", "object": "marchers", "start": 90})["subject"]
    'police'
    >>> _crowd_act(acts, {"relation": "charged", "object": "marchers", "start": 90}) is None
    True
    """
    lenders = load_lexicon()["implicit_force_lends"].get(raw["relation"], [])
    return next((r for r in reversed(before) if r.get("relation") in lenders and r.get("subject") and
                 not r.get("negated") and r.get("object") == raw["object"] and r["subject"] != raw["object"] and
                 raw["start"] - r["start"] <= NEAR), None)


def _same_act(one: str, other: str) -> bool:
    """Whether two relations name one act for lending an agent (the lexicon's ``implicit_same_acts``).

    >>> _same_act("arrested", "detained"), _same_act("charged", "detained"), _same_act("charged", "charged")
    (True, False, True)
    """
    return one == other or any(one in group and other in group for group in load_lexicon()["implicit_same_acts"])


def _near(raw: dict[str, Any], earlier: dict[str, Any], text: str | None) -> bool:
    r"""Whether the act ``earlier`` of the same relation is near enough to lend ``raw`` its agent: up to ``NEAR``
    characters before, or for the relations of the lexicon's ``implicit_paragraphs`` in the same or the previous
    paragraph of ``text`` ("A court found X guilty ... Three of his deputies were convicted alongside him").

    >>> text = "A court jailed X." + " " * 500 + "\n\nY was jailed too.\n\nZ was jailed."
    >>> _near({"relation": "sentenced", "start": text.index("Y")}, {"start": 0}, text)
    True
    >>> _near({"relation": "sentenced", "start": text.index("Z")}, {"start": 0}, text)
    False
    >>> _near({"relation": "detained", "start": text.index("Y")}, {"start": 0}, text)
    False
    """
    if raw["start"] - earlier["start"] <= NEAR:
        return True
    return text is not None and raw["relation"] in load_lexicon()["implicit_paragraphs"] and \
        text.count("\n\n", earlier["start"], raw["start"]) <= 1


def infer_agents(raws: list[dict[str, Any]], actors: dict[str, dict[str, Any]] | None = None, *,
                 text: str | None = None) -> list[dict[str, Any]]:
    """``raws`` (in text order) with each agentless passive's subject filled in where the text gave one:
    an earlier act of the family on the same object or a near one of the same relation (``text``, where given,
    tells paragraphs apart), else an authority that states it, else a near act of the family; an authority that
    states a charge (lexicon ``stated_charges``) after another act does it itself."""
    principals = {r["subject"]: r["object"] for r in raws if r.get("relation") == "spokespersonFor" and
                  r.get("subject") and r.get("object") and not r.get("negated")}
    heads: dict[str, set[str]] = {}
    for r in raws:
        if r.get("relation") == "headed" and r.get("subject") and r.get("object") and not r.get("negated"):
            heads.setdefault(r["subject"], set()).add(r["object"])
    for i, raw in enumerate(raws):
        if raw.get("subject") is not None or not raw.get("passive") or raw.get("object") is None:
            continue
        family = _family(raw["relation"])
        acts = [r for r in reversed(raws[:i]) if r.get("subject") and r.get("relation") in family and
                not r.get("negated") and r["subject"] != raw["object"]]
        later = [r for r in raws[i + 1:] if r.get("subject") and r.get("relation") in family and
                 not r.get("negated") and r["subject"] != raw["object"] and r.get("object") == raw["object"] and
                 r["start"] - raw["start"] <= NEAR]  # not an act of another time, paragraphs later
        earlier = next((r for r in acts if r.get("object") == raw["object"]), None) or _crowd_act(raws[:i], raw) or next(
            (r for r in acts if _same_act(r["relation"], raw["relation"]) and _near(raw, r, text)), None) or next(
            iter(later), None)
        stated = raw.get("claimant") not in (None, raw["object"]) and _authority(raw, actors or {}, heads) and (
            raw["claimant"] in principals or not _speaks_for_someone(raw["claimant"], actors or {}))
        if stated and (earlier is None or earlier["relation"] != raw["relation"] and raw["relation"] in load_lexicon()[
                "stated_charges"]):  # "arrested by the DSI ... he had been charged, the prosecutor-general said": the
            # charge is hers, the arrest the DSI's (the arrests after police fire are still the police's)
            who = principals.get(raw["claimant"]) or _headed_body(raw["claimant"], heads, actors or {}) or \
                raw["claimant"]  # a press service speaks for its principal, a bureau's director for the bureau
            raw["subject"], raw["agent_inferred"] = who, True
            raw["readings"] = [*raw.get("readings", []), "agent inferred: the authority that states it" + (
                "" if who == raw["claimant"] else ", for whom its claimant speaks")]
            continue
        if earlier is not None:
            raw["subject"], raw["agent_inferred"] = earlier["subject"], True
            raw["readings"] = [*raw.get("readings", []),
                               f"agent inferred from the earlier {earlier['relation']!r} of the same object"]
    return raws
