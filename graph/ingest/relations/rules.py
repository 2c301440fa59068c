"""The extraction rules over the parse, one function each; each yields raw relation matches.

A match is ``{relation, subjects, objects, trigger, rule, passive}`` where ``subjects`` and
``objects`` are tokens (fanned out over conjuncts later, unless ``fan`` is false, or
``fan_subjects`` for the subjects alone) and ``trigger`` the tokens
that carry the relation. The rules (in the tradition of PETRARCH's verb patterns):

- ``verb``: a verb of the lexicon with its subject and object (passive: the agent
  after "by"; a preposition of the pattern: "held talks with X");
- ``noun``: an event noun: "the arrest of X by Y", "Y's sacking of X", "Masimov's
  arrest", "at Tokayev's invitation, the CSTO sent" (the inviter's object is the
  subject of the clause);
- ``title``: a role noun linking a holder and an organisation: "KNB chief Karim
  Masimov", "Kazakh President Tokayev", "Masimov, head of the KNB", "the KNB's chief,
  Masimov", "X became chairman of Y", "X, an ally of Y";
- ``copular``: "X is close to Y", "Y-led X" (headed).

>>> from graph.ingest.nlp import parse
>>> doc = parse("KNB chief Karim Masimov was arrested by police.")
>>> [(m["rule"], m["relation"], [t.text for t in m["subjects"]], [t.text for t in m["objects"]])
...  for m in matches(doc[:])]
[('title: chief', 'headed', ['Masimov'], ['KNB']), ('verb: arrest', 'arrested', ['police'], ['Masimov'])]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.context.clause import trailing_speaker
from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.family_nouns import family_party
from graph.ingest.relations.nouns import adjunct_matches, affiliation_matches, demand_matches, led_body_matches, noun_matches, origin_matches
from graph.ingest.relations.members import member_body, organ_matches, party_holders
from graph.ingest.relations.member_forms import composition_matches, member_relative_matches, organ_of_matches
from graph.ingest.relations.capitals import capital_matches
from graph.ingest.relations.roles import (agents, fan, gapped_as, is_passive, named_beyond, objects, prep_objects, subjects,
                                        verb_above)
from graph.ingest.relations.wrongdoing import alleged_wrong_matches
from graph.ingest.relations.judgements import judgement_matches
from graph.ingest.relations.custody_orders import custody_order_matches
from graph.ingest.relations.innocence import innocence_matches
from graph.ingest.relations.posts import post_matches
from graph.ingest.relations.release_calls import release_call_matches
from graph.ingest.relations.stance import answered_claim_matches, denied_act_matches
from graph.ingest.relations.described_heads import (counterpart_matches, described_head_matches, titled_name_matches,
                                                    vice_head_matches)
from graph.ingest.relations.clauses import (call_for_matches, seat_matches, ordered_matches, presence_matches, refusal_matches,
                                            replacement_matches)
from graph.ingest.relations.verbs import (denial_matches, leaving_matches, place_matches, state_matches, symmetric_matches,
                                verb_matches)

__all__ = ["matches"]


def _title_of(token: Any) -> str | None:
    titles = load_lexicon()["titles"]
    before = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    plural = [token.lower_[:-1]] if token.lower_.endswith("s") and token.pos_ == "NOUN" else []  # "nephews" tagged NN
    for word in ([f"{before[0]} {token.lower_}"] if before else []) + [token.lower_, token.lemma_.lower(), *plural]:
        if word in titles:
            return str(titles[word])
    return None


_BODY_TYPES = ("ArmedForce", "PublicBody", "SecurityService", "Organisation")
_SECONDS = {"deputy", "vice", "assistant", "vice-"}


def _speaking_body(role: Any) -> bool:
    """Whether ``role`` is a body that speaks for its possessor ("his press service said", "according to
    Harrow's office"), not a place ("sealed his office") or a name ("the Prosecutor-General's Office")."""
    lex = load_lexicon()
    speaks = (role.dep_ == "nsubj" and role.head.lemma_ in lex["reporting"]) or (
        role.dep_ == "pobj" and role.head.lower_ == "to" and role.head.head.lower_ == "according")
    return role.lemma_.lower() in lex["speaking_bodies"] and role.pos_ == "NOUN" and speaks and \
        any(c.dep_ == "poss" for c in role.children)


def _plural(role: Any) -> bool:
    """Whether the role noun is plural, whatever its tag ("nephews" is at times tagged NN and left as its own lemma,
    "sons-in-law" always).

    >>> from graph.ingest.nlp import parse
    >>> [_plural(t) for t in parse("Reval's nephews and his son-in-law, Halm's sons-in-law")
    ...  if t.lower_ in ("nephews", "son-in-law", "sons-in-law")]
    [True, False, True]
    """
    return role.tag_ == "NNS" or any(c.dep_ == "nummod" for c in role.children) or "s-in-law" in role.lower_ or (
        role.lower_.endswith("s") and not role.lower_.endswith("ss"))


def _holder(role: Any) -> list[Any]:
    """Who holds the role noun ``role``: the name it precedes, its apposition, the subject of 'be'/'become'."""
    if _speaking_body(role):
        return [role]
    if not family_party(role):  # "the net around Vell's family": no party
        return []
    counted = role.head.head if role.dep_ == "pobj" and role.head.lower_ == "of" else None
    if counted is not None and (counted.lower_ == "one" or counted.pos_ == "NUM") and (named := [
            c for c in (*role.children, *counted.children) if c.dep_ == "appos" and c.pos_ == "PROPN"]):
        return named  # "one of his nephews, Kairat Satybaldy", wherever the parser hung the name
    listed = next((c for c in role.children if c.dep_ == "conj"), None)
    if _plural(role) and listed is not None and \
            listed.pos_ == "PROPN" and role.doc[listed.left_edge.i - 1].text == ",":  # "his two nephews, A and B":
        return [listed]  # the parser coordinates the names with the plural role noun; they are its holders
    if role.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") and role.head.lower_ != "as" and _title_of(role) in load_lexicon()[
            "description_titles"] and (role.tag_ == "NN" or _title_of(role) in ("supported", "criticised", "advised")) and \
            (any(c.dep_ == "poss" for c in role.children) or (role.tag_ == "NNS" and _title_of(role) in (
                "supported", "criticised") and (prep_objects(role, "of") or any(  # "supporters of Ablyazov",
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in role.children)))) and \
            not any(c.dep_ == "appos" for c in role.children) and not named_beyond(role):  # "Quintero supporters"
        return [role]  # "his nephew's dismissal", "her lawyer said": the description, resolved to its actor
    counted = role.dep_ == "pobj" and role.head.lower_ == "of" and (
        role.head.head.pos_ == "NUM" or role.head.head.lower_ in ("some", "several", "many", "most", "all"))
    if role.tag_ == "NNS" and (counted or role.dep_ in ("nsubj", "nsubjpass", "dobj", "conj")) and \
            _title_of(role) == "servedUnder" and any(c.dep_ == "poss" and (counted or c.lower_ != "its")
                                                     for c in role.children) and \
            not any(c.dep_ == "appos" for c in role.children):  # not "its deputies": a body's members
        return [role]  # "two of his deputies", "his two deputies were held": the group the text counts
    named = [c for c in role.head.children if c.dep_ == "attr" and c.pos_ == "PROPN"]
    if role.dep_ == "nsubj" and role.head.lemma_ == "be" and named and not any(c.dep_ == "poss" for c in role.children):
        return named  # "the new interior minister is Lidia Varga": the name after the copula
    if role.dep_ == "compound" or (role.dep_ == "amod" and role.head.pos_ == "PROPN"):
        head = role.head
        while head.dep_ == "compound":
            head = head.head
        return [head] if head.pos_ == "PROPN" else []
    if role.dep_ == "appos":
        return [role.head]
    if role.dep_ == "ccomp" and (said := [c for c in role.children if c.dep_ == "nsubj"]):
        return said  # "to make Vasko their chairman", parsed as a clause
    if role.dep_ == "pobj" and role.head.lower_ == "of" and (
            role.head.head.lower_ == "one" or role.head.head.pos_ == "NUM"):
        return _holder(role.head.head)  # "regarded as one of Marek's closest allies"
    if role.dep_ == "conj" and role.head.pos_ == "NOUN" and not any(c.dep_ == "appos" for c in role.children):
        return _holder(role.head)  # "a former prime minister and longtime ally of X" (not "his minister, A, and
        # the head of the service, B": B heads it)
    appos = [c for c in role.children if c.dep_ == "appos"]
    if appos:
        return appos
    if role.dep_ == "dobj" and (e := role.left_edge.i) > 1 and role.doc[e - 1].text == "," and role.doc[e - 2].pos_ == \
            "PROPN" and any(c.dep_ == "dobj" and c.i < e for c in role.head.children):  # "took over the barracks in
        return [role.doc[e - 2]]  # Sarrow, Mirvan's second city": an apposition the parser made a second object
    if named_beyond(role):  # "A spokesman for Halm, Ruben Aske, said": the parser hangs the name on Halm
        return named_beyond(role)
    if role.dep_ in ("attr", "oprd") or (role.dep_ == "pobj" and role.head.lower_ == "as"):
        verb = role.head if role.dep_ in ("attr", "oprd") else role.head.head
        if role.dep_ == "pobj" and role.i in gapped_as(verb):  # "Smailov as prime minister and Nurtileu as deputy"
            return [gapped_as(verb)[role.i]]
        dobj = [c for c in verb.children if c.dep_ == "dobj"] or (objects(verb, None) if role.dep_ == "pobj" else [])
        if role.dep_ == "oprd":  # "named Smailov prime minister", "was appointed head of the KNB"
            return dobj or subjects(verb)
        if _taking_over(verb):  # "Reval took over from Halm as chairman": Reval is, and Halm was before him
            return subjects(verb) + prep_objects(verb, "from")
        if verb.lemma_ in load_lexicon()["as_subject_verbs"]:  # "Reval replaced Halm as chairman": Reval is;
            return agents(verb) if is_passive(verb) else subjects(verb)  # "Halm was replaced by Reval as chairman"
        return dobj if dobj and role.dep_ == "pobj" else subjects(verb)
    return []


def _taking_over(verb: Any) -> bool:
    """Whether ``verb`` takes a post over from someone ("took over from Halm as chairman")."""
    return verb.lemma_ == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children) and \
        bool(prep_objects(verb, "from"))


def _personal(role: Any) -> list[Any]:
    """The person whose role ``role`` is ("his security chief", "Ilya Reval's interior minister"); a one-word
    name may be a country the tagger took for a person ("Korvash's President")."""
    return [c for c in role.children if c.dep_ == "poss" and (c.lower_ in ("his", "her") or (
        c.ent_type_ == "PERSON" and any(g.dep_ == "compound" and g.ent_type_ == "PERSON" for g in c.children)))]


def _parenthesised(name: Any) -> list[Any]:
    """The proper noun in parentheses after ``name`` ("Mira Tesch (Civic Dawn)")."""
    return [c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i > 0
            and name.doc[c.left_edge.i - 1].text == "("]


def _own_roles_out(holders: list[Any]) -> list[Any]:
    """The holders of one title, without a conjunct that is a role of its own ("Marek's son Oskar Dorn and his
    wife Lena Vasko": the wife is no son of Marek's).

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Marek's son Oskar Dorn and his wife Lena Vasko left Tarvo.")
    >>> [t.text for t in _own_roles_out(fan([doc[4]]))]
    ['Dorn']
    >>> doc = parse("Kalimar imposed travel bans on Sunderra's army chief, General Surya Wiranata, and three ministers "
    ...             "of the army-backed government.")
    >>> [t.text for t in _own_roles_out(fan([doc[12]]))]
    ['chief', 'Wiranata']
    """
    named = any(h.pos_ == "PROPN" for h in holders)  # "army chief General Wiranata and three ministers"
    ministers = load_lexicon()["government_titles"]["titles"]
    return [h for h in holders if not (h.dep_ == "conj" and h.pos_ == "NOUN" and (
        _title_of(h) is not None or h.lemma_.lower() in ministers) and (named or any(c.dep_ == "poss" for c in h.children)))]


def _title_matches(role: Any) -> Iterator[dict[str, Any]]:
    relation = _title_of(role)
    if relation is None:
        return
    if relation == "headed" and any(c.lower_ in _SECONDS and c.dep_ in ("amod", "compound", "nmod") for c in role.children):
        relation = "memberOf"  # "a deputy governor of the central bank": of it, not its head
    if relation == "headed" and _personal(role) and not prep_objects(role, "of") and \
            role.lower_ not in load_lexicon()["head_of_state_titles"]:
        relation = "servedUnder"  # "his security chief, Dmitar Velkov": a chief of the person's, under him
    holders = _holder(role)
    if role.dep_ == "appos" and any(trailing_speaker(v) == role for v in role.sent if v.i > role.i and v.pos_ == "VERB"):
        holders = []  # "... are holding Vasko, a spokesman for the Pact said": the speaker, not Vasko
    holders, party = party_holders(role, relation, holders)  # "deputies of the Unity Party": the group itself
    modifiers = [c for c in role.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < role.i]
    groups = load_lexicon()["groups"]
    orgs = [c for c in modifiers if c.pos_ == "PROPN" or (c.pos_ == "ADJ" and c.text[:1].isupper()) or (
        c.dep_ == "compound" and c.pos_ == "NOUN" and groups.get(c.lemma_.lower(), groups.get(c.lower_)) in _BODY_TYPES) or (
        c.dep_ == "poss" and not any(m.pos_ == "NOUN" and m.dep_ == "compound" and (
            relation == "headed" or groups.get(m.lemma_.lower()) in _BODY_TYPES) for m in modifiers))] or \
        prep_objects(role, "of") or prep_objects(role, "for") or prep_objects(role, "at") or prep_objects(role, "to") or \
        ([o for o in prep_objects(role, "in") + prep_objects(role, "from") if o.ent_type_ not in ("GPE", "LOC", "FAC")
          and load_lexicon()["titles"].get(o.lemma_.lower()) not in ("locatedIn", "partOf")]
         if relation == "memberOf" else [])  # "a major
    # general in the KNB", "two investigators from the prosecutor's office"
    if relation == "headed" and prep_objects(role, "for") and any(o.dep_ == "poss" for o in orgs):
        relation = "memberOf"  # "the group's director for Europe and Central Asia": of a branch, in the group
    orgs = [o for o in orgs if o.ent_type_ not in ("DATE", "TIME") and o not in holders and  # "a rival for years"
            member_body(role, o, relation, party)]  # not "the Russian officer", "diplomats in Varn"
    if not orgs and role.dep_ == "attr":  # "the Pact, of which it was a founding member": "of which" on the copula
        orgs = [o for o in prep_objects(role.head, "of") if o.lower_ in ("which", "whom")]
    if relation == "rivalOf" and not orgs and role.dep_ == "pobj" and role.head.lower_ == "as" and \
            role.head.head.lemma_ in load_lexicon()["seen_as"] and (seers := subjects(role.head.head)) and \
            (seen := [c for c in role.head.head.children if c.dep_ == "dobj"]):
        holders, orgs = seen, seers  # "Reval may have regarded Halm as a rival": rivals, as Reval sees it
    if relation == "locatedIn" and prep_objects(role, "of") and holders and holders != [role] and (
            role.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in role.children)) and not any(
            c.pos_ == "PROPN" or c.text[:1].isupper() or c.dep_ == "poss" for c in modifiers):
        # "Tarn, the capital of Valdoria", "Tarn is a port town of X", "the second city of X, Tarn"
        orgs = prep_objects(role, "of")
    elif relation == "locatedIn" and prep_objects(role, "of"):  # "the Kestrian town of Ossel"
        holders, orgs = prep_objects(role, "of"), [c for c in modifiers if c.pos_ == "PROPN" or c.text[:1].isupper()
                                                    or c.dep_ == "poss"]
    if holders and not orgs and role.dep_ == "compound":  # "Opposition leader Tesch of the Civic Dawn party"
        orgs = prep_objects(holders[0], "of") or _parenthesised(holders[0])  # "Opposition leader Tesch (Civic Dawn)"
    place = role.head.head if role.dep_ == "pobj" and role.head.lower_ == "of" and (
        role.head.head.lower_ == "one" or role.head.head.pos_ == "NUM") else role  # "as one of his allies"
    predicative = place.dep_ in ("attr", "oprd") or (place.dep_ == "pobj" and place.head.lower_ == "as")
    if holders and not orgs and role.dep_ == "compound" and holders[0].dep_ == "poss":
        orgs = [holders[0].head]  # "Prime Minister Mamin's government"
    if holders and not orgs and role.dep_ in ("compound", "amod"):  # "the bureau's former chief Dmitar Welkow",
        orgs = [c for c in holders[0].children if c.dep_ == "poss" or (  # "CSTO Secretary-General Stanislav Zas"
            c.dep_ in ("compound", "nmod") and c.i < role.i and c.pos_ == "PROPN" and c.text.isupper())]
    offices = load_lexicon()["office_titles"]
    title = next((t for t in (f"{role.doc[role.i - 1].lower_} {role.lower_}", role.lower_) if t in offices), None)
    if holders and title and not [o for o in orgs if o.ent_type_ not in ("GPE", "NORP") and o.pos_ != "ADJ" and not (
            o.dep_ == "poss" and o.pos_ == "PROPN" and not o.text.isupper() and all(c.dep_ == "case" for c in o.children))]:  # "Kalvora's
        # prosecutor-general": a one-word name's, a country's (not "the ICC's", "the Supreme Court's")
        yield {"relation": "headed", "subjects": holders, "objects": [], "document": f"office {offices[title]}",
               "trigger": [role], "fan": False, "rule": f"title: {title} (of the office)", "passive": False,
               "clause": verb_above(place) if predicative else None}  # "Kestria's prosecutor-general, Helena Sarn"
        return
    if relation.startswith("~"):  # an inverse title: the holder is the relation's object
        relation, holders, orgs = relation[1:], orgs, holders
    state = [o for o in orgs if o.lower_ == "state" and o.dep_ == "pobj"]  # "Vasko, the head of state,"
    if state and len(orgs) == 1 and role.lower_ == "head":
        orgs = []
    local = any(c.dep_ in ("amod", "compound") and c.lower_ in load_lexicon()["sub_state_modifiers"] for c in role.children)
    if holders and not orgs and not local and relation == "headed" and (  # not "Hollan, the regional president"
            role.dep_ in ("compound", "appos", "ccomp") or predicative) and \
            (role.lower_ in load_lexicon()["head_of_state_titles"] or state):  # "President Reval", "Halm, the former president",
        # "who declared himself head of state"
        yield {"relation": relation, "subjects": holders, "objects": [], "document": "country", "trigger": [role],
               "fan": False, "rule": f"title: {role.lower_} (of the country)", "passive": False, "clause": None}
    if holders and holders != [role] and not orgs and relation == "headed" and role.lower_ == "speaker":
        yield {"relation": relation, "subjects": holders, "objects": [], "document": "legislature", "trigger": [role],
               "fan": False, "rule": "title: speaker (of the legislature the text names)", "passive": False,
               "clause": None}  # "The speaker, Renato Pavesi": of the parliament the text names
    if holders and not orgs and relation == "memberOf" and role.lower_ == "judge" and role.dep_ == "compound":
        yield {"relation": relation, "subjects": holders, "objects": [], "document": "body court", "trigger": [role],
               "fan": False, "rule": "title: judge (of the court the text names)", "passive": False, "clause": None}
    if holders and orgs:
        spread = role.dep_ not in ("compound", "amod") and not (role.dep_ == "appos" and role.tag_ == "NN") and \
            not any(h in o.conjuncts for o in orgs for h in holders) and \
            not (holders == [role] and role.dep_ == "conj")  # "deputies of X, A and B": A and B of X; not "X and
        # his deputies": X is no deputy
        yield {"relation": relation, "subjects": _own_roles_out(fan(holders)) if spread else holders, "objects": orgs,
               "trigger": [role], "fan_subjects": False,  # fanned here
               "describe": holders == [role] and relation in load_lexicon()["described_holders"],  # "Boranbayev's
               # lawyer said": the lawyer, a new actor if the mentions leave it unnamed
               "body": bool(holders and orgs == _parenthesised(holders[0])), "party": party,
               "possessor": any(o.dep_ == "poss" for o in orgs),
               "fan": spread,
               "rule": f"title: {role.lower_}", "passive": False,  # "X, the head of Y, and his deputies": X only
               "clause": verb_above(place) if predicative or (holders == [role] and not any(  # "said it detained
                   c.dep_ == "poss" for c in role.children)) else None,  # supporters of X": the speaker's; "the junta's leader": if "junta" is
               # no mention, the body the text names with the word ("the Junta of National Salvation")
               "document_fallback": f"body {orgs[0].lemma_.lower()}" if len(orgs) == 1 and orgs[0].pos_ == "NOUN" and
               relation in ("headed", "memberOf") else None,
               "negation": "without" if role.dep_ == "pobj" and role.head.lower_ == "without" else None}  # "questioned
        # without her lawyer": he did not advise her


def _government_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"Prime Minister Teodor Brask" (headed), "Deputy Prime Minister Dolan" (memberOf): of the government the
    text names; "Interior Minister Casimir Dolan" heads the interior ministry; the object is left to the
    extractor (``government``, ``ministry interior``), which knows the document."""
    spec = load_lexicon()["government_titles"]
    chiefs = _personal(role) if role.lower_ in spec["titles"] else []
    if chiefs and (holders := _holder(role)) != [role]:
        yield {"relation": "servedUnder", "subjects": holders, "objects": chiefs, "trigger": [role], "passive": False,
               "rule": f"title: X's {role.lower_}", "clause": None}  # "Reval's interior minister, Casimir Dolan"
    if role.lower_ not in spec["titles"] or any(c.dep_ == "poss" for c in role.children) and not chiefs:
        return  # "Armenia's prime minister": of the possessor (a title rule), not of the text's government; but
    # "Dovletov's prime minister, Farrukh Nabiyev" heads the government the text names too
    words: list[str] = []
    j = role.i - 1
    while j >= role.sent.start and (role.doc[j].dep_ in ("compound", "amod") or (  # "the former Veracunan
            role.doc[j].dep_ == "nmod" and role.doc[j].text[:1].isupper())) and (  # foreign minister": a nation's
            role.doc[j].text[:1].isupper() or role.dep_ != "compound"):  # "the interior minister, Dolan"
        words.insert(0, role.doc[j].lower_)
        j -= 1
    heads = role.lower_ != "minister" or (words[-1:] == ["prime"])
    deputy = bool(set(words) & set(spec["deputies"]))
    relation = "memberOf" if not heads or deputy else "headed"
    holders = _holder(role) if role.dep_ != "compound" or role.head.pos_ == "PROPN" else []
    if not holders or not (role.dep_ == "compound" or words or role.lower_ != "minister"):
        return
    demonyms = load_lexicon()["demonyms"]
    nationality = next((demonyms.get(t.text, t.text) for t in role.doc[j + 1:role.i] if t.text in demonyms or
                        t.ent_type_ == "NORP"), None)  # "Armenian Prime Minister Pashinyan": of Armenia's government
    common = {"fan": role.dep_ != "compound", "passive": False, "trigger": [*role.doc[j + 1:role.i], role],
              "clause": verb_above(role) if role.dep_ == "attr" else None, "nationality": nationality}
    cabinet = role.lower_ != "minister" or "prime" in words  # a minister's title gives his ministry, not the
    # government: he is of the government only where the text says so ("ministers of his own cabinet")
    if cabinet and not set(words) & set(load_lexicon()["former_titles"]):  # "former prime minister": no longer
        yield {**common, "relation": relation, "subjects": holders, "objects": [], "document": "government",
               "rule": f"title: {' '.join([*words, role.lower_])} (of the government)"}
    portfolio = [w for w in words if w in spec["portfolios"]]
    if role.lower_ == "minister" and portfolio and not chiefs:  # "Interior Minister Dolan" heads the interior
        # ministry (not "Putin's emergencies minister": a ministry of the chief's country, which the text may not name)
        yield {**common, "relation": "memberOf" if deputy else "headed", "subjects": holders, "objects": [],
               "document": f"ministry {portfolio[0]}", "rule": f"title: {' '.join([*words, role.lower_])} (of the ministry)"}


def _copular_matches(token: Any) -> Iterator[dict[str, Any]]:
    copular = load_lexicon()["copular"]
    for prep in (c for c in token.children if c.dep_ == "prep"):
        relation = copular.get(f"{token.lower_} {prep.lower_}") or copular.get(f"{token.lemma_} {prep.lower_}")
        if relation is None:
            continue
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if token.dep_ in ("acomp", "attr"):
            subs = subjects(token.head)
        elif token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX"):  # "X is at odds with Y"
            subs = subjects(token.head.head)
        elif token.dep_ in ("amod", "acl") or token.head.pos_ in ("NOUN", "PROPN"):
            subs = [token.head]
        else:
            subs = subjects(token)
        if relation.startswith("~"):
            relation, subs, objs = relation[1:], objs, subs
        if subs and objs:
            yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [token, prep],
                   "rule": f"copular: {token.lower_} {prep.lower_}", "passive": False, "clause": verb_above(token),
                   "background": token.dep_ in ("amod", "acl") and relation in load_lexicon()["background_relations"]}
    found = load_lexicon()["participle_compounds"].get(token.lower_)
    if found and token.dep_ == "amod":  # "the Russia-led alliance", "a Varn-based group"
        relation, subject = found
        modifiers = [c for c in token.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")]
        if modifiers:
            subs, objs = (modifiers, [token.head]) if subject == "modifier" else ([token.head], modifiers)
            yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [token],
                   "rule": f"copular: X-{token.lower_}", "passive": False, "clause": None}


def matches(sentence: Any) -> Iterator[dict[str, Any]]:
    """Every rule's matches in ``sentence`` (a spaCy span), token by token."""
    for token in sentence:
        if token.pos_ in ("VERB", "NOUN"):
            yield from call_for_matches(token)
        if token.pos_ in ("VERB", "AUX"):
            yield from verb_matches(token)
            yield from symmetric_matches(token)
            yield from leaving_matches(token)
            yield from place_matches(token)
            yield from state_matches(token)
            yield from denial_matches(token)
            yield from denied_act_matches(token)
            yield from innocence_matches(token)
            yield from release_call_matches(token)
            yield from custody_order_matches(token)
            yield from judgement_matches(token)
            yield from composition_matches(token)
            yield from refusal_matches(token)
            yield from presence_matches(token)
            yield from alleged_wrong_matches(token)
            yield from replacement_matches(token)
            yield from ordered_matches(token)
        if token.pos_ in ("NOUN", "PROPN"):
            yield from noun_matches(token)
            yield from demand_matches(token)
            yield from answered_claim_matches(token)
            yield from origin_matches(token)
            yield from post_matches(token)
            yield from _title_matches(token)
            yield from _government_matches(token)
            yield from described_head_matches(token)
            yield from vice_head_matches(token)
            yield from counterpart_matches(token)
            yield from titled_name_matches(token)
            yield from led_body_matches(token)
            yield from affiliation_matches(token)
            yield from seat_matches(token)
            yield from organ_matches(token)
            yield from organ_of_matches(token)
            yield from member_relative_matches(token)
            yield from capital_matches(token)
            yield from adjunct_matches(token)
        elif (token.dep_ == "amod" and token.head.pos_ == "PROPN") or (token.pos_ == "ADJ" and token.dep_ in (
                "nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr")):  # "whose chief Oskar Dorn", "the
            yield from _title_matches(token)  # prosecutor-general, Helena Sarn,": a title tagged an adjective
        yield from _copular_matches(token)
