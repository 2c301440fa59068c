"""The verb rules: a verb of the lexicon with its subject and object (PETRARCH-style verb patterns).

Active ("Reval sacked Velkov"), passive with its agent ("Velkov was sacked by Reval"), a
preposition of the pattern ("held talks with X"), a content noun before the party ("dismissed the
claims of X"), a pattern whose subject and object swap ("X handed the chairmanship to Y": Y took
it over from X), conjoined subjects of a symmetric verb ("police and miners clashed"), and the
destination of what was sent ("sent troops to Almaty").

>>> from graph.ingest.nlp import parse
>>> doc = parse("Reval handed the chairmanship of the council to Brask.")
>>> [(m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for m in verb_matches(doc[1])]
[('tookOverFrom', ['Brask'], ['Reval']), ('headed', ['Brask', 'Reval'], ['council'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import PREPOSITIONS, load_lexicon
from graph.ingest.relations.clauses import replaced_with
from graph.ingest.context.clause import trailing_speaker
from graph.ingest.coreference.plurals import plural_description
from graph.ingest.relations.parties import CONTENT, author, body_left, descend, keeper, offerer
from graph.ingest.relations.roles import agents, copular_doer, is_passive, objects, prep_objects, subjects

__all__ = ["act_relation", "said_phrase", "nobody_of", "verb_matches", "symmetric_matches", "subjects_of", "leaving_matches", "place_matches",
           "state_matches", "denial_matches"]

_NOBODY = {"none", "nobody", "no-one", "noone", "nothing"}
_RELATIVES = {"whom", "which", "that", "who"}
_LOOSE_PARTICLES = {"up", "down", "in", "back"}  # "locked up", "gunned down", "flew in": the verb's own sense
_OTHER_CLAUSES = {"conj", "parataxis", "advcl", "relcl", "cc"}  # a pattern's words stand in the verb's own clause
def _below(verb: Any) -> tuple[set[str], set[str]]:
    """The words (and lemmas) within two links below ``verb``, and within three."""
    found: list[set[str]] = []
    level = [c for c in verb.children if c.dep_ not in _OTHER_CLAUSES] + (
        [verb.head] if verb.dep_ in ("relcl", "acl") and verb.head.pos_ == "NOUN" else [])  # "the deal he signed
    # with X", "a strike called by the unions"
    for _ in range(3):
        found.append({w for t in level if t.ent_type_ != "DATE" or t.pos_ != "PROPN" for w in (t.lower_, t.lemma_)})
        # a month is no word of a pattern ("led the office since March" is no "lead +march")
        level = [g for t in level for g in t.children if g.dep_ not in _OTHER_CLAUSES]
    return found[0] | found[1], found[0] | found[1] | found[2]


def _has_words(below: tuple[set[str], set[str]], words: tuple[str, ...]) -> bool:
    """Whether ``words`` all stand below the verb: a preposition within two links ("took the chairmanship of"),
    another word within three ("placed under house arrest")."""
    return all(w in (below[0] if w in PREPOSITIONS else below[1]) for w in words)


def _lemmas(verb: Any) -> list[str]:
    """The verb's lemma, and its base forms when the lemmatizer does not know it ("handpicked")."""
    low = verb.lower_
    forms = [verb.lemma_.lower(), low]
    for ending, base in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("s", "")):
        if low.endswith(ending):
            forms.append(low[: -len(ending)] + base)
            if not base and len(low) > len(ending) + 2 and low[-len(ending) - 1] == low[-len(ending) - 2]:
                forms.append(low[: -len(ending) - 1])  # "extolled", "patrolling": one consonant fewer
    return list(dict.fromkeys(forms))


def nobody_of(objs: list[Any]) -> str | None:
    """The word of ``objs`` that says the act had no object ("charged none of them", "no journalist"), or None.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("He betrayed none of them and charged no journalist.")
    >>> nobody_of([doc[2]]), nobody_of([doc[8]]), nobody_of([doc[0]])
    ('none', 'journalist', None)
    """
    return next((o.text for o in objs if o.lower_ in _NOBODY or any(
        c.dep_ == "det" and c.lower_ == "no" for c in o.children)), None)


def said_phrase(verb: Any, index: dict[str, list[dict[str, Any]]]) -> dict[str, Any] | None:
    """The first pattern of ``index`` (lemma -> compiled phrases, :func:`graph.ingest.lexicon.compile_phrase`)
    that ``verb`` with the words below it says, or None.

    >>> from graph.ingest.lexicon import compile_phrase
    >>> from graph.ingest.nlp import parse
    >>> said_phrase(parse("Dorn took bribes.")[1], {"take": [compile_phrase("take +bribes")]})["words"]
    ('bribes',)
    """
    lemma = next((f for f in _lemmas(verb) if f in index), None)
    below = _below(verb) if lemma else (set(), set())
    return next((p for p in index.get(lemma or "", ()) if _has_words(below, p["words"])), None)


def act_relation(verb: Any) -> str | None:
    """The relation of the lexicon ``verb`` says with a direct object ("held" -> detained), or None."""
    lex = load_lexicon()
    lemma = next((f for f in _lemmas(verb) if f in lex["verbs"]), None)
    below = _below(verb) if lemma else (set(), set())
    return next((p["relation"] for p in lex["verbs"].get(lemma or "", ()) if p["prep"] is None and not p["swap"]
                 and not p["content"] and _has_words(below, p["words"])), None)


def _author_of(agent: Any) -> Any:
    """The agent of "by a decree of President Reval": Reval (the decree itself is no agent)."""
    if agent.lemma_.lower() in load_lexicon()["non_agents"]:
        found = [c for c in agent.children if c.dep_ == "poss"] or prep_objects(agent, "of")
        return found[0] if found else agent
    return agent


def leaving_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Interior Minister Cuesta resigned": he left the post the text gives him (``document: post``)."""
    prts = [c for c in verb.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ("down", "aside"))]
    phrase = " ".join([verb.lemma_.lower(), *(p.lower_ for p in prts)])
    if phrase not in load_lexicon()["leaving"] or any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ in ("as", "from") for c in verb.children) or verb.dep_ in ("xcomp", "acl") or \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):  # "called for Dolan to resign"
        return
    subs = subjects(verb)
    if subs:
        yield {"relation": "resignedFrom", "subjects": subs, "objects": [], "document": "post", "trigger": [verb, *prts],
               "rule": f"verb: {phrase} (from the post the text gives)", "passive": False, "clause": verb}


def subjects_of(verb: Any) -> list[Any]:
    """The verb's own subjects (not inherited)."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def verb_matches(verb: Any) -> Iterator[dict[str, Any]]:
    lex = load_lexicon()
    if verb.head.lemma_ in lex["irrealis"] and (
            verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children)) or
            (verb.dep_ == "ccomp" and verb.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in verb.children)) or
            (verb.dep_ == "ccomp" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children) and
             not any(c.dep_ == "aux" for c in verb.children))):  # "demanded that Marek be released"
        return  # "urged Reval to release Ondra", "demanded that the authorities free her": asked for, not done
    if verb.dep_ in ("acl", "relcl", "advcl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) and (
            verb.head.pos_ == "NOUN" and copular_doer(verb) is None if verb.dep_ != "advcl" else any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex["called_for"]["nouns"] for c in verb.head.children)):
        return  # "calls to resign", "a plan to send troops", "has faced calls to resign": not done
    if verb.dep_ == "advcl" and verb.i >= 2 and verb.doc[verb.i - 1].lower_ == "to" and \
            verb.doc[verb.i - 2].lemma_.lower() in lex["efforts"]:
        return  # "the face of the campaign to free him" (the parser hangs it on "become"): sought, not done
    past = verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex["unreal_marks"] and not (
            past and c.lower_ == "until") for c in verb.children):
        return  # "will stay until Vasko is freed", "unless the army withdraws": not (yet) done ("until X took it": done)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return  # "opens the way for the prosecutor to question Halm": made possible, not done
    lemma = next((f for f in _lemmas(verb) if f in lex["verbs"]), None)
    below = _below(verb) if lemma else (set(), set())
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    for pattern in lex["verbs"].get(lemma or "", ()):
        if not _has_words(below, pattern["words"]) or (particles and not pattern["words"] and pattern["prep"] not in
                                                         particles and particles - _LOOSE_PARTICLES):
            continue  # "rules out the police" is no rule over them; "hand over" has a pattern of its own
        if pattern["phrase"] in lex["judging_as"] and (any(o.lemma_.lower() in lex["titles"] or prep_objects(o, "of") for o in
                                                           prep_objects(verb, "as")) or any(o.lower_ in CONTENT for o in objects(verb, None))):
            continue  # "dismissed X as irrelevant" judges X; "dismissed X as chairman" removes him, "the claims as lies"
            # rejects them
        passive = is_passive(verb) and pattern["relation"] != "familyOf"  # "is married to X": no passive
        if passive and pattern["prep"] == "from" and not agents(verb) and body_left(verb, pattern["relation"]):
            continue  # "was expelled from the party's group": the party expelled him (a pattern without "from")
        if pattern["prep"] is not None:
            objs = objects(verb, pattern["prep"])
            subs = (agents(verb) if passive else subjects(verb))
            if passive and not objs and any(c.dep_ == "prep" and c.lower_ == pattern["prep"] and not list(c.children)
                                            for c in verb.children):
                objs = subjects(verb)  # "journalists were shot at by gunmen": the stranded preposition's object
            if passive and not objs:
                continue
        elif passive:
            objs, subs = subjects(verb), [_author_of(a) for a in agents(verb)] or keeper(verb, pattern["relation"]) or (
                [o for o in prep_objects(verb, "from") if o.ent_type_ == "GPE" or o.pos_ == "PROPN"]
                if pattern["relation"] == "expelled" else []) or body_left(verb, pattern["relation"]) or (
                [c for o in subjects(verb) for c in o.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                if pattern["relation"] == "deployed" else [])  # "the alliance's force was deployed": it sent it; "was
            # extradited from Dravic": Dravic sent him
            if verb.dep_ == "acl" and objs == [verb.head] and verb.head.tag_ == "NNS" and verb.head.dep_ == "pobj" \
                    and verb.head.head.lower_ == "of" and verb.head.head.head.pos_ == "NOUN":
                objs = [verb.head.head.head]  # "the alliance of six states led by Russia": the alliance is led
            subs = [a for a in subs if a.lemma_.lower() not in lex["non_agents"]]
        else:
            objs, subs = objects(verb, None), [author(s) or s for s in subjects(verb)]  # "The decree named X"
            if not objs and lemma in lex["through_infinitive"]:  # "threatened to jail X": X was threatened
                objs = [o for c in verb.children if c.dep_ == "xcomp" for o in objects(c, None)]
            if not objs and lemma in lex["clause_objects"]:  # "demanded that the authorities free her"
                objs = [o for c in verb.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)
                        and not is_passive(c) for o in subjects_of(c)]  # not "demanded that Marek be released"
            if not objs and pattern["words"]:  # "to make Vasko their chairman": the small clause's subject
                objs = [g for c in verb.children if c.lower_ in pattern["words"] for g in c.children if g.dep_ == "nsubj"]
            if not objs and pattern["words"]:  # "the union, which called the strike" (parsed as a predicate):
                objs = [c for c in verb.children if c.dep_ == "oprd" and c.lower_ in pattern["words"]]  # the strike
            if not objs:  # "police beat and burned detainees": the object of the last conjoined verb
                objs = next((objects(c, None) for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                             and objects(c, None) and not subjects_of(c)), [])
        if not objs and pattern["prep"] is None and verb.dep_ == "relcl" and subs and verb.head.pos_ in ("NOUN", "PROPN") and \
                subs[0] != verb.head and not any(c.lower_ == "whose" for c in subs[0].children) and not any(
                c.dep_ == "xcomp" and any(o.dep_ == "dobj" and o.lower_ in _RELATIVES for o in c.children)
                for c in verb.children):
            # "the man he handpicked", "the airport, which protesters seized"; not "Vask, whose party governed", nor
            # "the bloc, which Sarn has been trying to join" (the relative is the infinitive's object)
            objs = [verb.head]
        clause = verb.head if verb.dep_ == "conj" and verb.head.dep_ == "relcl" else verb  # "which X founded and led"
        if not objs and pattern["prep"] is None and clause != verb and not passive:
            objs = [o for o in objects(clause, None) if o.lower_ in _RELATIVES]
        relative = next((a for a in (clause, *clause.ancestors) if a.dep_ == "relcl"), None)  # "which X said it had
        objs = [relative.head if o.lower_ in _RELATIVES and relative is not None else o for o in objs]  # placed"
        if pattern["content"]:
            objs = [o for o in objs if o.lower_ in CONTENT and descend(o) is not o]
        objs = [o for o in objs if o.lower_ not in lex["excluded_objects"].get(pattern["relation"], ())]
        nobody = nobody_of(objs)  # "charged none of the relatives"
        if pattern["relation"] == "rejected":  # "declined the order, which Russia had offered him": Russia
            objs = [offerer(o) or o for o in objs]
        if pattern["relation"] == "rejected" and objs and all(o.lemma_.lower() in lex["asked_nouns"] and descend(o) is o
                                                              for o in objs):  # "turned down the offer (from X)"
            objs = prep_objects(verb, "from") or []  # the parser hangs "from X" on the verb; else the one who asked
            if not objs and subs:
                yield {"relation": "rejected", "subjects": subs, "objects": [], "document": "asker", "trigger": [verb],
                       "rule": f"verb: {pattern['phrase']} (the one who asked)", "passive": False, "clause": verb}
                return
        objs = [d for o in objs for d in ([descend(o), *o.conjuncts] if o.lower_ in lex["container_nouns"] else [descend(o)])
                if d.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]  # "the port of X and the power station"
        if len(objs) > 1 and (said := trailing_speaker(verb.head)) is not None and said in (objs[-1], *objs[-1].children):
            objs = objs[:-1]  # "police arrested X, the party's spokesman, Emil Sorrow, said": a second object, the speaker
        posts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex["post_nouns"]]
        if pattern["swap"]:  # "X handed the chairmanship to Y": Y took it over from X (a post, not a letter)
            objs, subs = (subs, objs) if posts and objs else ([], [])
            if not objs:
                continue  # "gave up the leadership of X" (to nobody): another pattern of the verb
        if not objs or (pattern["relation"] == "tookOverFrom" and replaced_with(verb)):
            continue  # "replaced Dolan with Varga": Varga took over (graph.ingest.relations.clauses), not the subject
        words = [t for t in verb.children if t.dep_ == "prt" or t.lower_ in pattern["words"]]
        nobody = nobody or next((f"no {t.text}" for t in words if any(  # "had no contact with them"
            c.dep_ == "det" and c.lower_ == "no" for c in t.children)), None)
        relation = pattern["relation"]
        if relation == "deployed" and any(c.lower_ == "home" and c.dep_ in ("advmod", "prt", "npadvmod") for c in verb.children):
            continue  # "sent its observers home": withdrawn, not deployed
        if relation == "tookOverFrom" and any(p.lemma_.lower() in lex["succession_posts"] for p in posts):
            relation = "succeeded"  # "handed the presidency to X": X succeeded him
        other = [c for c in verb.children if c.dep_ == "xcomp" and any(  # "urged the bloc to send observers"
            o.dep_ == "dobj" and o.lower_ not in lex["origins"] and o.lemma_.lower() not in lex["origins"]
            for o in c.children)]
        if relation == "invited":  # "invited troops from the CSTO": the alliance was invited
            objs = [next(iter(prep_objects(o, "from") + prep_objects(verb, "from")), o) if lex["origins"].get(o.lower_)
                    else o for o in objs]
        if relation == "appealedTo" and not other and any(c.dep_ == "xcomp" and c.lemma_ in lex["invite_cues"]
                                                          for c in verb.children):
            relation = "invited"
        sent = [g for o in objs if o.lemma_.lower() in lex["requested_acts"] for g in prep_objects(o, "of") or [
            c for c in o.children if c.dep_ == "poss" and c.lower_ not in ("his", "her", "its", "their")]]
        if relation == "appealedTo" and sent:  # "requested the deployment of CSTO troops", "whose presence was
            relation, objs = "invited", sent  # requested by Tokayev": a request for troops invites them
        if relation == "appealedTo" and any(c.dep_ == "xcomp" and c.lemma_ in lex["appoint_cues"] for c in verb.children):
            relation = "appointed"  # "asked the deputy minister, Ruth Kalonzi, to run the ministry"
        yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [verb, *words],
               "typed": typed[1:] if (typed := lex["object_types"].get(pattern["phrase"]) or lex["object_types"].get(
                   f"{lemma} *")) and typed[0] == relation and not any(  # "are holding the president", "charged
                   s.lemma_.lower() in lex["legal_subjects"] for s in subs) else None,  # voters"; prosecutors charge
               "rule": f"verb: {pattern['phrase']}", "passive": passive and not subs, "clause": verb, "other": bool(other),
               "negation": nobody, "background": verb.dep_ == "acl" and relation in lex["background_relations"],
               "negated_as": lex["negated_as"].get(pattern["phrase"])}  # "would not recognise X": rejected X
        if relation == "handpicked" and pattern["phrase"] in lex["successions_picked"] and not any(
                s.lemma_.lower() in lex["groups"] for s in subs):  # "handpicked Reval as his successor" (not "chosen
            # by parliament": a body appoints, the one chosen succeeds no body)
            yield {"relation": "succeeded", "subjects": objs, "objects": subs, "trigger": [verb, *words],
                   "rule": f"verb: {pattern['phrase']} (the one picked succeeded)", "passive": False, "clause": verb}
        if relation == "succeeded" and pattern["swap"]:  # "Nazarbayev handed the presidency to Tokayev": he chose him
            yield {"relation": "handpicked", "subjects": objs, "objects": subs, "trigger": [verb, *posts],
                   "rule": f"verb: {pattern['phrase']} (the post handed on)", "passive": False, "clause": verb}
        yield from _destinations(verb, relation, objs)
        if relation == "dismissed":  # "stripped him of the chairmanship of X": he headed X
            posts = [o for o in prep_objects(verb, "of") + [p for d in objs for p in prep_objects(d, "of")]
                     if o.lemma_.lower() in lex["post_nouns"]]  # the parser may hang "of" on the object
        if relation in ("tookOverFrom", "succeeded", "resignedFrom", "dismissed") and (
                bodies := [b for p in posts for b in prep_objects(p, "of")]):  # "gave up the leadership of X": he headed X
            before = objs if relation in ("tookOverFrom", "succeeded") else []
            if relation == "dismissed":
                subs, before = [], objs
            yield {"relation": "headed", "subjects": subs + before, "objects": bodies, "trigger": [verb, *posts],
                   "rule": f"verb: {pattern['phrase']} (the post of)", "passive": False, "clause": verb}
        return  # "took over the chairmanship of X from Y": Y held it before him


def _destinations(verb: Any, relation: str, sent: list[Any]) -> Iterator[dict[str, Any]]:
    """"Russia sent troops to Almaty", "the troops were deployed to Varn": what was sent went there."""
    found = load_lexicon()["destinations"].get(relation)
    if not found:
        return
    target, preps = found
    places = [p for prep in preps for p in prep_objects(verb, prep)]
    places += [p for o in sent for prep in preps for p in prep_objects(o, prep)]
    if places:
        yield {"relation": target, "subjects": sent, "objects": places, "trigger": [verb],
               "rule": f"verb: {verb.lemma_} {' / '.join(preps)} (destination)", "passive": False, "clause": verb}


def symmetric_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Police and miners clashed", "Solvay and Reval spoke": the conjoined subjects with each other."""
    lex = load_lexicon()
    relation = lex["symmetric_verbs"].get(verb.lemma_.lower())
    nouns = {**lex["symmetric_nouns"], **{n: r for c in verb.children if c.dep_ == "dobj" and any(  # "signed a joint
        a.lower_ == "joint" for a in c.children) for n, r in lex["joint_nouns"].items()}}  # statement"
    acts = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns]
    if relation is None and acts and verb.lemma_.lower() in lex["light_verbs"]:  # "X and Y held talks"
        relation = nouns[acts[0].lemma_.lower()]
    if relation is None:
        return
    subs = [s for s in subjects(verb) if s.dep_ in ("nsubj", "nsubjpass")]
    if subs and not subs[0].conjuncts and (named := [c for c in subs[0].children if c.dep_ == "appos"]):
        subs = named  # "the two ministers, Oktar of Korvash and Mardani of Lenmara, held talks"
    direct = any((c.dep_ == "dobj" and c not in acts) or (c.dep_ == "prep" and c.lower_ == "with")
                 for c in verb.children) or any(c.dep_ == "prep" and c.lower_ == "with" for a in acts for c in a.children)
    if relation and subs and subs[0].conjuncts and not direct:
        yield {"relation": relation, "subjects": [subs[0]], "objects": list(subs[0].conjuncts), "trigger": [verb],
                   "fan": False, "rule": f"verb: {verb.lemma_} (conjoined subjects)", "passive": False, "clause": verb}
    elif relation and subs and not direct and plural_description(subs[0]):  # "the two leaders held talks": the
        yield {"relation": relation, "subjects": [subs[0]], "objects": [], "trigger": [verb], "reciprocal": True,
               "fan": False, "rule": f"verb: {verb.lemma_} (plural subject)", "passive": False, "clause": verb}
        # persons the description stands for, with each other


def place_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"named his deputy, Karel Wynn, in his place", "was appointed in place of Dolan": the one appointed
    took the post over from the one whose place it was (tookOverFrom)."""
    if verb.lemma_.lower() not in load_lexicon()["purpose_by_object"]:
        return
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
        for place in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() == "place"):
            former = [c for c in place.children if c.dep_ == "poss"] or prep_objects(place, "of")
            new = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            if former and new:
                yield {"relation": "tookOverFrom", "subjects": new, "objects": former, "trigger": [verb, prep, place],
                       "rule": f"verb: {verb.lemma_.lower()} in place of", "passive": False, "clause": verb}


def state_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Strath is under house arrest", "Ondra remains in custody": held, by whom the text says elsewhere
    (an agentless ``detained``), or by the keeper the custody names ("remains in SSS custody").

    >>> from graph.ingest.nlp import parse
    >>> [([t.text for t in m["subjects"]], [t.text for t in m["objects"]])
    ...  for t in parse("Dorn remains in SBV custody.") for m in state_matches(t)]
    [(['SBV'], ['Dorn'])]
    """
    lex = load_lexicon()
    states = lex["held_states"]
    if verb.lemma_.lower() not in states["verbs"]:
        return
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        held = [g for g in prep.children if g.dep_ == "pobj" and f"{prep.lower_} {g.lemma_.lower()}" in states["states"]]
        subs = [c for c in verb.children if c.dep_ == "nsubj"]
        if held and subs:
            keepers = [c for c in held[0].children if c.dep_ in ("compound", "poss") and (  # "in SSS custody", "in
                c.pos_ == "PROPN" or c.lower_ in lex["groups"])]  # police custody", "in the KNB's custody"
            yield {"relation": "detained", "subjects": keepers or [o for o in prep_objects(verb, "under") if o not in held],
                   "objects": subs,  # "spent two years in jail under Manyoni": in his prisons
                   "trigger": [verb, prep, held[0]],
                   "rule": f"verb: {verb.lemma_.lower()} {prep.lower_} {held[0].lemma_.lower()}", "passive": True,
                   "clause": verb}


def denial_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Moll denied any wrongdoing", "a charge he rejected", "Welkow pleaded not guilty": a rejection of the
    one who accused him, whom the text named before (``document: accuser``)."""
    spec = load_lexicon()["denials"]
    if verb.lemma_.lower() not in spec["verbs"] and verb.lemma_.lower() != "plead":
        return
    said = [c for c in verb.children if c.dep_ == "dobj"] or ([verb.head] if verb.dep_ == "relcl" else [])
    owned = [t for t in said if any(c.dep_ == "poss" for c in t.children) or prep_objects(t, "of") or
             prep_objects(t, "by")]
    denied = verb.lemma_.lower() in spec["verbs"] and any(
        t.lemma_.lower() in spec["nouns"] and t not in owned for t in said)
    pleaded = verb.lemma_.lower() == "plead" and any(
        c.lower_ == "guilty" and any(g.dep_ == "neg" or g.lower_ == "not" for g in c.children) for c in verb.children)
    subs = [s for s in subjects(verb) if s.lower_ not in ("which", "that")]
    if (denied or pleaded) and subs:
        yield {"relation": "rejected", "subjects": subs, "objects": [], "document": "accuser", "trigger": [verb],
               "rule": f"verb: {verb.lemma_.lower()} {'not guilty' if pleaded else 'the accusation'} (of the accuser)",
               "passive": False, "clause": verb}

