"""The extraction rules over the parse, one function each; each yields raw relation matches.

A match is ``{relation, subjects, objects, trigger, rule, passive}`` where ``subjects`` and
``objects`` are tokens (fanned out over conjuncts later) and ``trigger`` the tokens
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

from graph.ingest.lexicon import load_lexicon
from graph.ingest.roles import agents, is_passive, named_beyond, objects, prep_objects, subjects, trailing_speaker

__all__ = ["matches"]

_CONTENT = {"claim", "claims", "allegation", "allegations", "accusation", "accusations", "report", "reports",
            "demand", "demands", "decision", "arrival", "statement", "remarks", "comment", "comments", "proposal",
            "offer", "call", "move", "role", "words", "actions", "efforts", "help", "support", "request", "leadership",
            "handling", "response", "assistance", "contribution", "version", "departure", "use", "exit", "return",
            "visit", "treatment", "leaders", "leadership", "heads", "representatives"}
_QUANTITY = {"some", "many", "dozens", "hundreds", "thousands", "several", "most", "all", "dozen", "none", "one",
             "another", "others", "rest"}


def _descend(token: Any) -> Any:
    """From a role or content noun to the party it stands for: "the head of X" / "the claims of X" / "X's claims"."""
    lex = load_lexicon()
    if token.pos_ == "NUM" or token.lower_ in _QUANTITY:  # "eleven of its members", "a dozen of them"
        found = prep_objects(token, "of")
        if found:
            return found[0]
    as_title = token.lemma_.lower() in lex["titles"] and token.dep_ == "pobj" and token.head.lower_ == "as"
    if (as_title or token.lower_ in _CONTENT) and not any(c.dep_ == "appos" for c in token.children):
        for child in token.children:
            if child.dep_ == "poss":
                return child
        found = prep_objects(token, "of") or prep_objects(token, "by")
        if found:
            return found[0]
    return token


def _has_words(verb: Any, words: tuple[str, ...]) -> bool:
    near = {t.lower_ for c in verb.children for t in (c, *c.children)} | {t.lemma_ for c in verb.children for t in (c, *c.children)}
    return all(w in near for w in words)


def _lemmas(verb: Any) -> list[str]:
    """The verb's lemma, and its base forms when the lemmatizer does not know it ("handpicked")."""
    low = verb.lower_
    forms = [verb.lemma_.lower(), low]
    for ending, base in (("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("s", "")):
        if low.endswith(ending):
            forms.append(low[: -len(ending)] + base)
    return list(dict.fromkeys(forms))


def subjects_of(verb: Any) -> list[Any]:
    """The verb's own subjects (not inherited)."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _verb_matches(verb: Any) -> Iterator[dict[str, Any]]:
    lex = load_lexicon()
    if verb.head.lemma_ in lex["irrealis"] and (
            verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children)) or
            (verb.dep_ == "ccomp" and verb.tag_ in ("VB", "VBP") and not any(c.dep_ == "aux" for c in verb.children))):
        return  # "urged Reval to release Ondra", "demanded that the authorities free her": asked for, not done
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return  # "calls to resign", "a plan to send troops": not done
    lemma = next((f for f in _lemmas(verb) if f in lex["verbs"]), None)
    for pattern in lex["verbs"].get(lemma or "", ()):
        if not _has_words(verb, pattern["words"]):
            continue
        passive = is_passive(verb)
        if pattern["prep"] is not None:
            objs = objects(verb, pattern["prep"])
            subs = (agents(verb) if passive else subjects(verb))
            if passive and not objs:
                continue
        elif passive:
            objs, subs = subjects(verb), [a for a in agents(verb) if a.lemma_.lower() not in lex["non_agents"]]
        else:
            objs, subs = objects(verb, None), subjects(verb)
            if not objs and lemma in lex["through_infinitive"]:  # "threatened to jail X": X was threatened
                objs = [o for c in verb.children if c.dep_ == "xcomp" for o in objects(c, None)]
            if not objs and lemma in lex["clause_objects"]:  # "demanded that the authorities free her"
                objs = [o for c in verb.children if c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children)
                        for o in subjects_of(c)]
            if not objs:  # "police beat and burned detainees": the object of the last conjoined verb
                objs = next((objects(c, None) for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                             and objects(c, None) and not subjects_of(c)), [])
        if not objs and pattern["prep"] is None and verb.dep_ == "relcl" and subs and verb.head.pos_ in ("NOUN", "PROPN") and \
                subs[0] is not verb.head:  # "the man he handpicked", "the airport, which protesters seized"
            objs = [verb.head]
        objs = [verb.head if o.lower_ in ("whom", "which", "that", "who") and verb.dep_ == "relcl" else o for o in objs]
        if pattern["content"]:
            objs = [o for o in objs if o.lower_ in _CONTENT and _descend(o) is not o]
        objs = [d for d in map(_descend, objs) if d.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")]
        if len(objs) > 1 and (said := trailing_speaker(verb.head)) is not None and said in (objs[-1], *objs[-1].children):
            objs = objs[:-1]  # "police arrested X, the party's spokesman, Emil Sorrow, said": a second object, the speaker
        if not objs:
            continue
        words = [t for t in verb.children if t.dep_ == "prt" or t.lower_ in pattern["words"]]
        relation = pattern["relation"]
        if relation == "appealedTo" and any(c.dep_ == "xcomp" and c.lemma_ in lex["invite_cues"] for c in verb.children):
            relation = "invited"
        yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [verb, *words],
               "rule": f"verb: {pattern['phrase']}", "passive": passive and not subs, "clause": verb}
        yield from _destinations(verb, relation, objs)
        return


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


def _symmetric_matches(verb: Any) -> Iterator[dict[str, Any]]:
    """"Police and miners clashed", "Solvay and Reval spoke": the conjoined subjects with each other."""
    relation = load_lexicon()["symmetric_verbs"].get(verb.lemma_.lower())
    subs = [s for s in subjects(verb) if s.dep_ in ("nsubj", "nsubjpass")]
    direct = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in verb.children)
    if relation and subs and subs[0].conjuncts and not direct:
        yield {"relation": relation, "subjects": [subs[0]], "objects": list(subs[0].conjuncts), "trigger": [verb],
                   "fan": False, "rule": f"verb: {verb.lemma_} (conjoined subjects)", "passive": False, "clause": verb}


def _origin_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"troops from Russia, Belarus and Armenia": each state deployed the troops."""
    relation = load_lexicon()["origins"].get(noun.lower_)
    sources = prep_objects(noun, "from")
    if relation and sources:
        yield {"relation": relation, "subjects": sources, "objects": [noun], "trigger": [noun],
               "rule": f"noun: {noun.lower_} from", "passive": False, "clause": _verb_above(noun)}


def _noun_matches(noun: Any) -> Iterator[dict[str, Any]]:
    lex = load_lexicon()
    found = lex["nouns"].get(noun.lower_) or lex["nouns"].get(noun.lemma_.lower())
    if not found:
        return
    relation, lone = found
    poss = [c for c in noun.children if c.dep_ == "poss"]
    of = prep_objects(noun, "of") or prep_objects(noun, "on") or prep_objects(noun, "against")
    by = prep_objects(noun, "by") or prep_objects(noun, "with") or prep_objects(noun, "to")
    if lone == "agent":
        subs, objs = poss or of, by
        if not objs and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "after", "following", "upon", "under"):
            objs = subjects(noun.head.head) if noun.head.head.pos_ in ("VERB", "AUX") else []
        elif not objs and noun.dep_ == "dobj":  # "the CSTO answered Tokayev's appeal": the CSTO was appealed to
            objs = subjects(noun.head)
    elif of:
        subs, objs = poss or by, of
    elif lone == "object":
        subs, objs = by, poss
    else:
        subs, objs = poss, by
        if not objs and noun.dep_ == "pobj" and noun.head.lower_ in ("at", "after", "following", "upon"):
            objs = subjects(noun.head.head) if noun.head.head.pos_ in ("VERB", "AUX") else []
    if subs and objs:
        yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [noun],
               "rule": f"noun: {noun.lemma_.lower()}", "passive": False, "clause": _verb_above(noun)}


def _led_body_matches(noun: Any) -> Iterator[dict[str, Any]]:
    """"Brask's government" (headed); "Mamin's cabinet resigned", "the resignation of Mamin's government"
    (resignedFrom, the leader from the body: the convention of the ontology)."""
    spec = load_lexicon()["led_bodies"]
    leaders = [c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ not in ("GPE", "NORP")]
    if noun.lower_ not in spec["nouns"] or not leaders:
        return
    yield {"relation": "headed", "subjects": leaders, "objects": [noun], "trigger": [noun],
           "rule": f"noun: X's {noun.lower_}", "passive": False, "clause": None}
    verb = noun.head if noun.dep_ == "nsubj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.lemma_.lower() in spec["resigning"]:
        yield {"relation": "resignedFrom", "subjects": leaders, "objects": [noun], "trigger": [verb],
               "rule": f"noun: X's {noun.lower_} {verb.lemma_.lower()}", "passive": False,
               "clause": verb if verb.pos_ in ("VERB", "AUX") else _verb_above(verb)}


def _affiliation_matches(name: Any) -> Iterator[dict[str, Any]]:
    """"Petra Vail of the Northern Gazette": a person of an organisation, without a title, is its member."""
    lex = load_lexicon()
    if name.ent_type_ != "PERSON" or any(c.lower_ in lex["titles"] or c.lemma_.lower() in lex["titles"]
                                         for c in name.children if c.dep_ in ("compound", "appos", "amod")):
        return
    bodies = [o for o in prep_objects(name, "of") if o.pos_ == "PROPN" and (
        o.ent_type_ == "ORG" or o.lower_ in lex["org_words"] or o.lower_ in lex["groups"])]
    if bodies:
        yield {"relation": "memberOf", "subjects": [name], "objects": bodies, "trigger": [name],
               "fan": False, "rule": "noun: X of <organisation>", "passive": False, "clause": None}


def _verb_above(token: Any) -> Any | None:
    """The verb whose clause holds the noun ``token`` (None when it is not in a clause)."""
    head = token
    for _ in range(6):
        if head.head is head:
            return head if head.pos_ in ("VERB", "AUX") else None
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None


def _title_of(token: Any) -> str | None:
    titles = load_lexicon()["titles"]
    before = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod") and c.i == token.i - 1]
    for word in ([f"{before[0]} {token.lower_}"] if before else []) + [token.lower_, token.lemma_.lower()]:
        if word in titles:
            return str(titles[word])
    return None


def _holder(role: Any) -> list[Any]:
    """Who holds the role noun ``role``: the name it precedes, its apposition, the subject of 'be'/'become'."""
    if role.dep_ == "compound" or (role.dep_ == "amod" and role.head.pos_ == "PROPN"):
        head = role.head
        while head.dep_ == "compound":
            head = head.head
        return [head] if head.pos_ == "PROPN" else []
    if role.dep_ == "appos":
        return [role.head]
    if role.dep_ == "conj" and role.head.pos_ == "NOUN":  # "a former prime minister and longtime ally of X"
        return _holder(role.head)
    appos = [c for c in role.children if c.dep_ == "appos"]
    if appos:
        return appos
    if named_beyond(role):  # "A spokesman for Halm, Ruben Aske, said": the parser hangs the name on Halm
        return named_beyond(role)
    if role.dep_ in ("attr", "oprd") or (role.dep_ == "pobj" and role.head.lower_ == "as"):
        verb = role.head if role.dep_ in ("attr", "oprd") else role.head.head
        dobj = [c for c in verb.children if c.dep_ == "dobj"]
        if role.dep_ == "oprd":  # "named Smailov prime minister", "was appointed head of the KNB"
            return dobj or subjects(verb)
        if verb.lemma_ in load_lexicon()["as_subject_verbs"]:  # "Reval replaced Halm as chairman": Reval is
            return subjects(verb)
        return dobj if dobj and role.dep_ == "pobj" else subjects(verb)
    return []


def _parenthesised(name: Any) -> list[Any]:
    """The proper noun in parentheses after ``name`` ("Mira Tesch (Civic Dawn)")."""
    return [c for c in name.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i > 0
            and name.doc[c.left_edge.i - 1].text == "("]


def _title_matches(role: Any) -> Iterator[dict[str, Any]]:
    relation = _title_of(role)
    if relation is None:
        return
    holders = _holder(role)
    modifiers = [c for c in role.children if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < role.i]
    orgs = [c for c in modifiers if c.pos_ == "PROPN" or (c.pos_ == "ADJ" and c.text[:1].isupper()) or (
        c.dep_ == "poss" and not (relation == "headed" and any(m.pos_ == "NOUN" and m.dep_ == "compound"
                                                                for m in modifiers)))] or prep_objects(role, "of") or prep_objects(role, "for") or prep_objects(role, "at") \
        or prep_objects(role, "to")
    if relation == "locatedIn" and prep_objects(role, "of"):  # "the Kestrian town of Ossel"
        holders, orgs = prep_objects(role, "of"), [c for c in modifiers if c.pos_ == "PROPN" or c.text[:1].isupper()
                                                    or c.dep_ == "poss"]
    if holders and not orgs and role.dep_ == "compound":  # "Opposition leader Tesch of the Civic Dawn party"
        orgs = prep_objects(holders[0], "of") or _parenthesised(holders[0])  # "Opposition leader Tesch (Civic Dawn)"
    predicative = role.dep_ in ("attr", "oprd") or (role.dep_ == "pobj" and role.head.lower_ == "as")
    if holders and not orgs and role.dep_ == "compound" and holders[0].dep_ == "poss":
        orgs = [holders[0].head]  # "Prime Minister Mamin's government"
    if holders and not orgs and role.dep_ in ("compound", "amod"):  # "the bureau's former chief Dmitar Welkow",
        orgs = [c for c in holders[0].children if c.dep_ == "poss" or (  # "CSTO Secretary-General Stanislav Zas"
            c.dep_ in ("compound", "nmod") and c.i < role.i and c.pos_ == "PROPN" and c.text.isupper())]
    if relation.startswith("~"):  # an inverse title: the holder is the relation's object
        relation, holders, orgs = relation[1:], orgs, holders
    if holders and orgs:
        yield {"relation": relation, "subjects": holders, "objects": orgs, "trigger": [role],
               "body": bool(holders and orgs == _parenthesised(holders[0])),
               "fan": role.dep_ not in ("compound", "amod"), "rule": f"title: {role.lower_}", "passive": False, "clause": _verb_above(role) if predicative else None}


def _government_matches(role: Any) -> Iterator[dict[str, Any]]:
    """"Interior Minister Casimir Dolan" (memberOf), "Prime Minister Teodor Brask" (headed): of the government
    the text names; the object is left to the extractor (``government``), which knows the document."""
    spec = load_lexicon()["government_titles"]
    if role.lower_ not in spec["titles"]:
        return
    words: list[str] = []
    j = role.i - 1
    while j >= role.sent.start and role.doc[j].dep_ in ("compound", "amod") and role.doc[j].text[:1].isupper():
        words.insert(0, role.doc[j].lower_)
        j -= 1
    heads = role.lower_ != "minister" or (words[-1:] == ["prime"])
    relation = "memberOf" if not heads or set(words) & set(spec["deputies"]) else "headed"
    holders = _holder(role) if role.dep_ != "compound" or role.head.pos_ == "PROPN" else []
    if holders and (role.dep_ == "compound" or words or role.lower_ != "minister"):
        yield {"relation": relation, "subjects": holders, "objects": [], "government": True,
               "trigger": [*role.doc[j + 1:role.i], role],
               "fan": role.dep_ != "compound", "rule": f"title: {' '.join([*words, role.lower_])} (of the government)",
               "passive": False, "clause": _verb_above(role) if role.dep_ == "attr" else None}


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
        if subs and objs:
            yield {"relation": relation, "subjects": subs, "objects": objs, "trigger": [token, prep],
                   "rule": f"copular: {token.lower_} {prep.lower_}", "passive": False,
                   "clause": _verb_above(token)}
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
        if token.pos_ in ("VERB", "AUX"):
            yield from _verb_matches(token)
            yield from _symmetric_matches(token)
        if token.pos_ in ("NOUN", "PROPN"):
            yield from _noun_matches(token)
            yield from _origin_matches(token)
            yield from _title_matches(token)
            yield from _government_matches(token)
            yield from _led_body_matches(token)
            yield from _affiliation_matches(token)
        elif token.dep_ == "amod" and token.head.pos_ == "PROPN":  # "whose chief Oskar Dorn", tagged an adjective
            yield from _title_matches(token)
        yield from _copular_matches(token)
