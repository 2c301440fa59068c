"""Extract candidate assertions from a parsed text: a pipeline of small components.

1. :func:`~graph.ingest.mentions.finder.find_mentions`: names, variants, party nouns, new actors;
2. :func:`~graph.ingest.coreference.resolver.resolve`: pronouns and definite descriptions;
3. :func:`~graph.ingest.relations.rules.matches`: verb, noun, title and copular rules over the parse;
4. here: each match fanned out over conjuncts to actors (appositions and relative pronouns
   reach their noun, "I"/"we" the speaker), with its negation, hedge, claimant (the speaker of
   a reporting verb above it, or "according to", or of the quotation it stands in
   (:mod:`~graph.ingest.context.quotes`); the reporter otherwise) and date; domain and
   range checked against the ontology; figures added.

>>> from graph.ingest.nlp import parse
>>> actors = {"masimov": {"type": "Person", "label": "Karim Masimov", "aliases": []},
...           "knb": {"type": "SecurityService", "label": "KNB", "aliases": []}}
>>> found = extract(parse("Karim Masimov, head of the KNB, has been arrested."), actors)["candidates"]
>>> [(c["subject"], c["relation"], c["object"], c["rule"]) for c in found]
[('masimov', 'headed', 'knb', 'title: head'), (None, 'arrested', 'masimov', 'verb: arrest')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rdflib import URIRef
from rdflib.namespace import RDFS

from graph.ingest.mentions.bodies import DocumentBodies, one_present_head, own_government
from graph.ingest.coreference.resolver import resolve, token_index
from graph.ingest.candidates import headline_end
from graph.ingest.dates import find_dates, nearest_date
from graph.ingest.relations.act_agents import act_agents
from graph.ingest.relations.earlier import EARLIER
from graph.ingest.relations.event_objects import event_object
from graph.ingest.relations.figures import find_figures
from graph.ingest.relations.implicit import infer_agents
from graph.ingest.relations.members import MEMBER_BODIES, member_mention
from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.finder import find_mentions
from graph.ingest.relations.offices import office
from graph.ingest.coreference.plurals import each
from graph.ingest.context.quotes import quote_speaker, quote_speakers, quoted_background, reporter_first
from graph.ingest.context.clause import background, speaker
from graph.ingest.context.modality import hedge, negation
from graph.ingest.relations.roles import fan, named_beyond, prep_objects
from graph.ingest.relations.rules import matches
from graph.ingest.relations.stance import act_pronouns_out
from graph.ingest.context.speakers import body_word, describe, described
from ontology import PG, ontology_graph, relation_metadata

__all__ = ["extract"]

_SPEAKER_PRONOUNS = {"i", "we", "me", "us", "my", "our"}
_PLACES = {"Place", "State", None}
_ENVOYS = {"minister", "official", "envoy", "leader", "diplomat", "representative", "delegate", "spokesman"}
_BODIES = {"Organisation", "PublicBody", "SecurityService", "ArmedForce", "MilitaryAlliance", "MediaOutlet", "State"}


@lru_cache(maxsize=1)
def _relations() -> dict[str, Any]:
    return {r.id: r for r in relation_metadata().values()}


@lru_cache(maxsize=256)
def _compatible(actor_type: str | None, cls: URIRef | None) -> bool:
    """Whether an actor of ``actor_type`` fits a domain or range (unknown types and unions fit)."""
    if not actor_type or cls is None or cls == PG.Actor or not str(cls).startswith(str(PG)):
        return actor_type != "Event" or cls is None or cls == PG.Event
    return cls in set(ontology_graph().transitive_objects(PG[actor_type], RDFS.subClassOf))


class _Sentence:
    """What the components know of one sentence: the mention index, the claimant, the dates."""

    def __init__(self, index: dict[int, dict[str, Any]], dates: list[dict[str, Any]],
                 found: dict[str, Any] | None = None) -> None:
        self.index, self.dates = index, dates
        self.found = found or {"actors": {}, "proposed": {}}

    def named(self, tokens: list[Any]) -> list[Any]:
        """Each token, or for a role noun that is no mention the names apposed to it ("two sons-in-law,
        Dosanov and Sharipbayev, quit"), or for a member noun the bodies after its "of" ("troops of A and B")."""
        out = []
        members = load_lexicon()["member_nouns"]
        for token in tokens:
            bodies = [o for o in prep_objects(token, "of") if o.i in self.index] if token.lower_ in members else []
            if bodies and bodies[0].conjuncts:  # "the missions of the EU, France and Germany urged": each of them
                out += [bodies[0], *bodies[0].conjuncts]
                continue
            names = [c for c in token.children if c.dep_ == "appos" and c.i in self.index] or [
                c for c in token.head.children if c.dep_ == "npadvmod" and c.i > token.i and c.i in self.index and
                token.doc[c.left_edge.i - 1].text == "," and token.lemma_.lower() in load_lexicon()["titles"]
            ][:1]  # "sacked the head of the army, General Sabo," (the name hung on the verb)
            plural = token.tag_ == "NNS" and token.pos_ == "NOUN"  # "journalists X and Y": the names, though the
            # graph knows "journalists"
            guessed = plural or self.index.get(token.i, {}).get("kind") in ("group", "description")
            bare = token.i not in self.index or guessed and any(
                self.index[n.i].get("kind") in ("name", "new", "variant") and not self._holder_hung_on_body(
                    token, self.index[n.i]) for n in names if n.i in self.index)
            # "two deputies, X and Y"; "close to Halm's son-in-law, the banker Viktor Lenz": the name, not the guess
            out += [names[0], *names[0].conjuncts] if bare and names else [token]
        return out

    def _holder_hung_on_body(self, token: Any, name: dict[str, Any]) -> bool:
        """Whether ``name``, apposed to the body ``token`` after a role's "of", is a person's: the role's holder,
        whom the parser hung on the body ("the speaker of parliament, Jonas Wehr"), not the body's name."""
        return token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.lemma_.lower() in load_lexicon()["titles"] and \
            self._known().get(name["actors"][0], {}).get("type") == "Person"

    def _known(self) -> dict[str, dict[str, Any]]:
        """The actors the sentence may name: the graph's and those the text proposes."""
        return {**self.found["proposed"], **self.found["actors"]}

    def _people(self, token: Any) -> dict[str, Any] | None:
        """The state a people's adjective names (the lexicon's ``demonyms``, "Russian"), where the text names it or
        the graph knows it: a mention of the state, read from the adjective."""
        label = load_lexicon()["demonyms"].get(token.text)
        known = self._known()
        state = next((a for a, spec in known.items() if label and spec.get("label") == label), None)
        if state is None:
            return None
        return {"actors": [state], "text": token.text, "start": token.idx, "end": token.idx + len(token.text),
                "kind": "demonym", "tokens": (token.i, token.i + 1), "head": token.i,
                "reading": f"{token.text!r} read as {known[state]['label']}"}

    def actor(self, token: Any, claimant: dict[str, Any] | None) -> dict[str, Any] | None:
        """The mention ``token`` stands for: its own, its apposition's, its relative pronoun's noun, the speaker."""
        if token.lower_ in {*load_lexicon()["member_nouns"], *load_lexicon()["equipment_nouns"]} and \
                (body := prep_objects(token, "of")) and \
                body[0].i in self.index:
            return self.index[body[0].i]  # "troops of the National Guard", "officers of the SPB": the body acts
        if (token.lower_ == "whose" or (token.lower_ in ("which", "whom") and token.dep_ == "pobj" and
                                         token.head.head.pos_ not in ("NUM", "PRON", "DET"))) and (
                clause := next((a for a in token.ancestors if a.dep_ == "relcl"), None)) is not None:
            return self.actor(clause.head, claimant)  # "the union, whose leader Pavel Ondra": the union;
            # "the bloc, of which Santavera is a founding member": the bloc
        whose = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        if whose is not None and token.tag_ == "NNS" and (token.lower_ in load_lexicon()["member_nouns"] or
                                                         token.lemma_.lower() in _ENVOYS):
            owner = self.actor(whose, claimant)  # "the Pact, whose foreign ministers threatened X": the Pact
            if owner is not None and len(owner["actors"]) == 1 and \
                    self.found["actors"].get(owner["actors"][0], {}).get("type") in _BODIES:
                return owner
        titled = body_word(token, self.index, self.found["actors"], self.found["proposed"])
        if titled is not None:
            return titled  # "the army chief, General Petrache": the army, not the chief
        if token.dep_ == "npadvmod" and token.head.lower_ in load_lexicon()["participle_compounds"] and (
                people := self._people(token)) is not None:
            return people  # "a Russian-led military alliance": Russia, whose mention is the alliance's own
        if token.i in self.index:
            own = self.index[token.i]
            named = [self.index[c.i] for c in token.children if c.dep_ == "appos" and c.i in self.index] + (
                [self.index[token.head.i]] if token.dep_ == "appos" and token.head.i in self.index else [])
            if own["kind"] == "group" and named and named[0]["kind"] in ("name", "new", "variant") and \
                    not self._holder_hung_on_body(token, named[0]):
                return named[0]  # "the gas company QazaqGaz": the name, not the noun
            return own
        if token.lower_ in _SPEAKER_PRONOUNS and claimant is not None:
            return {**claimant, "reading": f"{token.text!r} read as the speaker, {claimant['text']}"}
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.index:
                return self.index[child.i]
        if token.dep_ == "appos" and token.head.i in self.index:
            return self.index[token.head.i]
        beyond = [t for t in named_beyond(token) if t.i in self.index]
        if beyond:
            return self.index[beyond[0].i]
        compounds = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i in self.index]
        return self.index[compounds[-1].i] if token.pos_ == "NOUN" and compounds else None  # "the Civic Dawn party"


def _claimant(sent: _Sentence, who: Any | None, actors: dict[str, dict[str, Any]],
              proposed: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The mention of the speaker ``who``: named, or described ("according to his wife") as a new actor."""
    if who is None:
        return None
    if who.dep_ == "appos" and who.pos_ == "NOUN" and who.i not in sent.index:
        return describe(who, sent.index, actors, proposed)  # "..., a spokesman for the Pact said": not the name before
    if who.dep_ == "appos" and who.pos_ == "NOUN" and sent.index[who.i]["kind"] == "group" and not any(
            c.dep_ == "appos" for c in who.children):
        return sent.index[who.i]  # "Police held X, the SBV's press service said" (hung on X): the service, not X
    return described(who, sent.index, actors) and describe(who, sent.index, actors, proposed) or \
        sent.actor(who, None) or describe(who, sent.index, actors, proposed) or next(  # a name split at "and":
        (m for c in who.conjuncts if (m := sent.actor(c, None)) is not None), None)  # "Ethics and Anti-Graft Office"


def _span(doc: Any, tokens: list[Any], mentions: list[dict[str, Any] | None]) -> tuple[int, int]:
    near = [m for m in mentions if m is not None and not m.get("far")]  # the document's government is not quoted
    starts = [t.idx for t in tokens] + [m["start"] for m in near]
    ends = [t.idx + len(t) for t in tokens] + [m["end"] for m in near]
    sentence = tokens[0].sent
    return max(min(starts), sentence.start_char), min(max(ends), sentence.end_char)


def _namesake(relative: str, mention: dict[str, Any], actors: dict[str, dict[str, Any]]) -> str | None:
    """The one other person of the text whose name has the one word of ``mention``, where a kinship linked a
    family name to the relative it introduces ("Bongo's late father, Omar Bongo", after "Ali Bongo Ondimba"); else
    None.

    >>> people = {"omar": {"type": "Person", "label": "Omar Bongo"}, "ali": {"type": "Person", "label": "Ali Bongo Ondimba"}}
    >>> _namesake("omar", {"text": "Bongo"}, people), _namesake("omar", {"text": "the man"}, people)
    ('ali', None)
    """
    word = mention.get("text", "")
    others = [a for a, spec in actors.items() if a != relative and spec.get("type") == "Person" and " " not in word and
              word[:1].isupper() and word in str(spec.get("label", "")).split()]
    return others[0] if len(others) == 1 else None


def _denied_agent(doc: Any, subj: dict[str, Any] | None) -> str | None:
    """"not" when the subject is an agent the text denies ("killed by rioters, not by soldiers"), else None."""
    by = doc[subj["head"]].head if subj is not None and subj.get("head") is not None else None
    return next((str(c.text) for c in by.children if c.dep_ == "neg"), None) if by is not None and \
        by.dep_ == "agent" else None


def _one(match: dict[str, Any], subj: dict[str, Any] | None, obj: dict[str, Any], claimant: dict[str, Any] | None,
         sent: _Sentence, doc: Any, actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if match["relation"] == "appealedTo" and not match.get("other") and obj and len(obj["actors"]) == 1 and \
            actors.get(obj["actors"][0], {}).get("type") in load_lexicon()["invite_types"]:
        match = {**match, "relation": "invited", "rule": match["rule"] + " (to an alliance: invited)"}
    object_type = actors.get(obj["actors"][0], {}).get("type") if obj and len(obj["actors"]) == 1 else None
    if match["rule"].startswith("title") and match["relation"] in ("headed", "memberOf") and match.get("possessor") \
            and object_type == "Person":  # "Halm's security chief": served under him
        match = {**match, "relation": "servedUnder", "rule": match["rule"] + " (of a person: served under)"}
    if match["rule"].startswith("title") and match["relation"] == "servedUnder" and object_type in _BODIES \
            and (not match.get("possessor") or match.get("party")):  # "the party's deputies": its members
        match = {**match, "relation": "memberOf", "rule": match["rule"] + " (of a body: member)"}  # "deputies of X"
    if match["relation"] == "closeTo" and subj and len(subj["actors"]) == 1 and \
            actors.get(subj["actors"][0], {}).get("type") in _BODIES:  # "the KNB, which stayed loyal to X", "Ardonia,
        match = {**match, "relation": "alignedWith", "rule": match["rule"] + " (of a body: aligned)"}  # an ally of Y"
    if match["relation"] == "foughtWith" and subj and obj and all(
            len(m["actors"]) == 1 and actors.get(m["actors"][0], {}).get("type") == "Person" for m in (subj, obj)):
        match = {**match, "relation": "rivalOf", "rule": match["rule"] + " (two persons: rivals)"}
    if match["relation"] == "handpicked" and subj and len(subj["actors"]) == 1 and \
            actors.get(subj["actors"][0], {}).get("type") in _BODIES:  # "chosen by parliament as his successor"
        match = {**match, "relation": "appointed", "rule": match["rule"] + " (by a body: appointed)"}
    if match.get("typed"):  # the relation a verb has for an object of these types (lexicon: object_types)
        changed, types = match["typed"]
        if object_type not in types and changed == match["relation"]:
            return None  # "held talks", "held the city hall": no one held
        if object_type in types and changed != match["relation"]:
            match = {**match, "relation": changed, "rule": match["rule"] + f" (of a {object_type}: {changed})"}
    relation = _relations()[match["relation"]]
    out: dict[str, Any] = {"relation": match["relation"], "negated": False, "passive": match["passive"],
                           "hedge": None, "ambiguous": {}, "readings": [], "rule": match["rule"],
                           "trigger": " ".join(t.text for t in sorted(match["trigger"], key=lambda t: t.i))}
    for key, mention, cls in (("subject", subj, relation.domain), ("object", obj, relation.range),
                              ("claimant", claimant, None)):
        out[key] = None
        if mention is None:
            continue
        ids = mention["actors"]
        if len(ids) > 1:
            out["ambiguous"][key] = {"mention": mention["text"], "candidates": list(ids)}
            continue
        spec = actors.get(ids[0], {})
        if (not spec.get("proposed") or spec.get("type") == "Person") and not _compatible(spec.get("type"), cls):
            return None  # other proposed types are guesses: the curator corrects them, the candidate stays
        out[key] = ids[0]
        if mention.get("reading"):
            out["readings"].append(mention["reading"])
    if out["subject"] is not None and out["subject"] == out["object"] and match["relation"] == "familyOf":
        out["object"] = _namesake(out["subject"], obj, actors)  # "Bongo's late father, Omar Bongo": the son
    if out["subject"] is not None and out["subject"] == out["object"]:
        return None
    if match.get("own_claim") and out["claimant"] == out["subject"]:  # "Kell says she is innocent": who tells of
        outer = match.get("outer_voice")  # her rejection, the reporter or the interviewee whose answer it is
        out["claimant"] = outer["actors"][0] if outer and len(outer["actors"]) == 1 else None
    if match.get("person") and actors.get(out["subject"] or "", {}).get("type") not in ("Person", None):
        return None  # "Brask's government" is led by Brask, "Kestria's government" is no one's
    object_kind = actors.get(out["object"] or "", {}).get("type")
    if match.get("organisation") and (object_kind in ("Place", "State") or (
            object_kind == "Person" and len(obj["text"].split()) < 2)):
        return None  # "Ruth Amosa of Nakoro": from a country, not a member of it (a one-word "person" is a place
        # the tagger misread, "Tavan of neighbouring Morvast"; "Tesch of Civic Dawn" is a party it misread)
    if match.get("party") and (out["relation"] != "memberOf" or
                               actors.get(out["object"] or "", {}).get("type") not in MEMBER_BODIES):
        return None  # "members of the public", "members of his family": of no body
    if match.get("place") and actors.get(out["object"] or "", {}).get("type") not in _PLACES:
        return None  # "is believed to be in Dravic", not "in the Civic Dawn"
    if actors.get(out["subject"] or "", {}).get("type") in load_lexicon()["excluded_subjects"].get(out["relation"], ()):
        return None  # "Reval arrived in Varn": a visit, not a deployment
    head, clause = match["trigger"][0], match.get("clause")
    out["start"], out["end"] = _span(doc, match["trigger"], [subj, obj])
    word = (negation(clause, trigger=head) if clause is not None else None) or match.get("negation") or (
        _denied_agent(doc, subj))
    if word is not None and match.get("negated_as"):  # "would not recognise X", "refused to recognise X": rejected X
        out["relation"], out["rule"], word = match["negated_as"], f'{match["rule"]} (negated: {match["negated_as"]})', None
    out["negated"], out["negation"] = word is not None, word
    out["hedge"] = hedge(clause) if clause is not None else None
    out["when"] = nearest_date(sent.dates, head.idx, start=out["start"], end=out["end"])
    return out


def _foreign_heads_out(results: list[dict[str, Any]], actors: dict[str, dict[str, Any]], text: str = "",
                       mentioned: set[str] | None = None) -> list[dict[str, Any]]:
    """Without "President X" of the text's country where the text gives X a country ("Russian President
    Putin ... President Putin") or the country a present holder ("Russian President Putin ... President
    Tokayev"; not "Nazarbayev, the former leader of Kazakhstan", "the country's first president", "Derya, who
    ruled Kalvora": only a title not of the past gives the country a present holder), and but once per holder; of
    the country the graph says he heads, where the text names it ("President Tokayev" in a report on Moscow)."""
    lex = load_lexicon()
    former = re.compile(rf"\b(?:{'|'.join(map(re.escape, [*lex['former_titles'], *lex['past_holder_words']]))})\b", re.I)
    heads = {(c["subject"], c["object"], c["rule"].startswith("title")) for c in results if c["relation"] == "headed"
             and actors.get(c["object"] or "", {}).get("type") == "State" and not c["rule"].endswith("(of the country)")
             and not former.search(text[c["start"]:c["end"]])}
    seen: set[Any] = set()
    body: dict[Any, int] = {}  # the first "President X" of each holder below the headline: the one whose sentence says more
    headline = headline_end(text)
    for c in results:
        if c["rule"].endswith("(of the country)") and c["start"] >= headline:
            body.setdefault(c["subject"], id(c))
    kept = []
    for c in results:
        known = actors.get(c["subject"] or "", {}).get("heads", [])
        if c["rule"].endswith("(of the country)") and known and c["object"] not in known:
            state = next((s for s in known if s in (mentioned or set())), None)
            if state is None:
                continue  # "President Tokayev" in a report on Moscow: of the country the graph gives him, unnamed
            c["object"] = state  # (not of the text's most named country)
            c["readings"] = [*c.get("readings", []),
                             f"the country the graph has this head of, {actors[state]['label']}"]
        if c["rule"].endswith("(of the country)"):
            if c["subject"] in seen or body.get(c["subject"], id(c)) != id(c) or any(
                    s == c["subject"] or (titled and o == c["object"]) for s, o, titled in heads):
                continue  # a holder the text gives a country, or a country the text gives a holder
            seen.add(c["subject"])
        kept.append(c)
    return kept


def _figures(sentence: Any, event: dict[str, Any] | None) -> list[dict[str, Any]]:
    found = []
    for fig in find_figures(sentence.text, sentence.start_char):
        found.append({**fig, "subject": event["actors"][0] if event else None, "object": None, "negated": False,
                      "passive": False, "hedge": None, "claimant": None, "ambiguous": {}, "when": None,
                      "readings": [f"the text's most mentioned event, {event['text']!r}"] if event else [],
                      "rule": "figure", "trigger": sentence.text[fig["start"] - sentence.start_char:
                                                                 fig["end"] - sentence.start_char]})
    return found


def _objects(match: dict[str, Any], sent: _Sentence, claimant: dict[str, Any] | None, spread: Any,
             index: dict[int, dict[str, Any]], actors: dict[str, dict[str, Any]], proposed: dict[str, dict[str, Any]],
             bodies: DocumentBodies, mentioned: set[str]) -> list[dict[str, Any] | None]:
    """The object mentions of ``match``: the document's body or office it names, else the mentions (or acts,
    "welcomed the arrests") of its object tokens, else the body its title's modifier names ("the junta's leader")."""
    document = match.get("document")
    if document and document.startswith("office "):
        stem = document[len("office "):]
        return [office(stem, {t for t, s in load_lexicon()["office_titles"].items() if s == stem}, actors, proposed,
                       mentioned)]
    if document:
        return [bodies.for_match(match)]
    named: list[dict[str, Any] | None] = [
        m for t in spread(sent.named(match["objects"])) for m in each(sent.actor(t, claimant) or (
            event_object(t, match["relation"], index, actors, proposed))) if m]
    return named or ([bodies.get(match["document_fallback"])] if match.get("document_fallback") else [])


def extract(doc: Any, actors: dict[str, dict[str, Any]], *, published: str | None = None) -> dict[str, Any]:
    """``{candidates, mentions, proposed, actors}`` of the parsed ``doc`` (candidates in text order);
    ``published`` gives the year of a day written without one."""
    found = find_mentions(doc, actors)
    everyone = found["actors"]
    mentions = resolve(doc, found["mentions"], everyone)
    index = token_index(mentions)
    events = [m for m in mentions if len(m["actors"]) == 1 and everyone[m["actors"][0]].get("type") == "Event"]
    event = max(events, key=lambda m: sum(e["actors"] == m["actors"] for e in events), default=None)
    results: list[dict[str, Any]] = []
    quotes = quote_speakers(doc)
    text = doc.text  # spaCy joins the tokens anew on each read
    bodies = DocumentBodies(mentions, everyone, text, found["proposed"])
    mentioned = {a for m in mentions for a in m["actors"]}
    for sentence in doc.sents:
        sent = _Sentence(index, find_dates(sentence.text, offset=sentence.start_char, published=published), found)
        for match in act_pronouns_out(matches(sentence)):
            said = speaker(match["clause"], reported_relatives=match["relation"] not in load_lexicon()[
                "background_relations"]) if match.get("clause") is not None else None
            voice = _claimant(sent, said, everyone, found["proposed"]) if match.get("clause") is not None else None
            quoted = voice is None  # a sentence inside a quotation or an interview's answer given to a speaker
            if quoted:
                voice = _claimant(sent, quote_speaker(quotes, match["trigger"][0].idx), everyone, found["proposed"])
            claimant = None if background(match) or (quoted and quoted_background(match)) else voice  # background is the reporter's; "my" is still the speaker
            if match.get("own_claim") and not quoted:  # the voice around the speaker's own claim: an interview's answer
                match = {**match, "outer_voice": _claimant(sent, quote_speaker(quotes, match["trigger"][0].idx),
                                                           everyone, found["proposed"])}
            spread = fan if match.get("fan", True) else list
            holders = spread if match.get("fan_subjects", True) else list  # a title fans its own holders
            subjects = [m for t in holders(sent.named(match["subjects"])) for m in each((member_mention(
                t, index, everyone, found["proposed"]) if match.get("party") else sent.actor(t, voice)) or (
                describe(t, index, everyone, found["proposed"]) if match.get("describe") else None))] or [None]
            if match.get("reciprocal"):  # "the two leaders held talks": the first member with the others
                pairs = [(subjects[0], o) for o in subjects[1:]]
            elif match.get("document") in EARLIER:  # "Cuesta resigned" (his post), "denied wrongdoing" (his accuser)
                pairs = [(s, EARLIER[match["document"]](results, s, everyone)) for s in subjects]
            else:
                objects = _objects(match, sent, voice, spread, index, everyone, found["proposed"], bodies, mentioned)
                pairs = [(s, o) for o in objects for s in subjects]
                if len(subjects) == len(objects) > 1 and (
                        any(c.lower_ == "respectively" for c in match["trigger"][0].children) or
                        (match["rule"].startswith("title") and match["trigger"][0].tag_ == "NNS")):
                    pairs = list(zip(subjects, objects))  # "X and Y quit A and B respectively"; "heads of A and B"
            for subj, obj in pairs:
                if obj is not None and (subj is not None or match["passive"]):
                    cand = _one(match, subj, obj, claimant, sent, doc, everyone)
                    if cand is not None:
                        results.append(cand)
        results.extend(_figures(sentence, event))
    results = own_government(one_present_head(results, mentions, text), bodies, text)  # the text's own head
    results = [c for c in _foreign_heads_out(results, everyone, text, mentioned) if c["subject"] is not None or not c["negated"] or
               "subject" in c["ambiguous"]]  # "Dolan has not been charged": nothing anyone did, nothing to assert
    results = reporter_first(results, doc)
    results.sort(key=lambda c: (c["start"], c["end"]))
    infer_agents(results, everyone, text=text)
    results = act_agents(results, everyone)  # "condemned the sentences": the court that passed them too
    return {"candidates": results, "mentions": mentions, "proposed": found["proposed"], "actors": everyone}
