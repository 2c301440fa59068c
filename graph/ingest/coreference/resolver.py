"""Pronouns and definite descriptions, resolved to the nearest compatible antecedent.

Compatible: "he"/"she" a person of that gender or of none the text gave (:mod:`~graph.ingest.coreference.gender`),
"it"/"its" a singular organisation, state or alliance, "they"/"their" a plural party; what a
possessive owns narrows it ("two of its reporters": a media outlet); "the president", "the former
spy chief", "the alliance" an actor the description fits (:mod:`~graph.ingest.coreference.descriptions`).
Nearest, by salience (:mod:`~graph.ingest.coreference.salience`): the subject of a clause above
the pronoun, an earlier pronoun of the same kind in the sentence, a subject of the sentence, the
nearest mention in it; then the previous sentences, their subjects first. An object pronoun is not the subject of its own verb ("Reval dismissed him"),
a possessor not the name its noun stands beside ("the former president's son-in-law, X").
Each resolution is written as a reading.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> actors = {"tokayev": {"type": "Person", "label": "Kassym-Jomart Tokayev", "aliases": []},
...           "csto": {"type": "MilitaryAlliance", "label": "CSTO", "aliases": []}}
>>> doc = parse("President Tokayev called the CSTO. The alliance agreed, and the president thanked it.")
>>> found = find_mentions(doc, actors)
>>> resolved = resolve(doc, found["mentions"], found["actors"])
>>> [(m["text"], m["actors"]) for m in resolved if m["kind"] in ("description", "pronoun")]
[('The alliance', ['csto']), ('the president', ['tokayev']), ('it', ['csto'])]
>>> resolved[-1]["reading"]
"'it' read as CSTO (nearest organisation before it)"
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from graph.ingest.coreference.descriptions import (description_chunks, description_noun, description_test, office_holder,
                                      possessed_chunks, possessed_later, relational_chunks, role_words, titles)
from graph.ingest.coreference.binding import bound_tokens, own_staff, partitive_hosts
from graph.ingest.coreference.gender import genders, pronoun_gender
from graph.ingest.coreference.kinship import kin_chunks, named_relative
from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.mention_data import load_mention_data
from graph.ingest.mentions.owners import possessed_bodies, principal, title_owners
from graph.ingest.mentions.linking import keep_form
from graph.ingest.mentions.partitives import counted
from graph.ingest.coreference.pronoun_cues import cataphor, claim_owner, conjunct_owner, fronted, intensified
from graph.ingest.coreference.salience import Test, antecedent, named_parties, pronoun_class, subject_tokens
from graph.ingest.coreference.plurals import add_plural, nearest_set, person_sets, plural_description, resolve_plural
from graph.ingest.coreference.state_pairs import resolve_state_pair, state_pair
from graph.ingest.relations.roles import subjects

__all__ = ["resolve", "token_index"]

_ORGS = {"Organisation", "PublicBody", "SecurityService", "MilitaryAlliance", "MediaOutlet", "State", "ArmedForce"}
_GROUPS = {"CollectiveActor", "ArmedForce", "PublicBody"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# "her" looks back this many sentences for a woman the text gendered before an ungendered person ("She did
# not mention it. Others have. Sarym said she ought to give up her seat": the woman, two sentences back)
_FEMALE_WINDOW = 2
_LOCATIVE = {"behind", "beside", "around", "near", "alongside", "ahead", "before", "after", "above", "below"}


def token_index(mentions: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Token index -> the mention covering it (the innermost one)."""
    index: dict[int, dict[str, Any]] = {}
    for mention in sorted(mentions, key=lambda m: -(m["tokens"][1] - m["tokens"][0])):
        for i in (range(*mention["tokens"]) if mention["kind"] not in ("description", "pronoun") else [mention["head"]]):
            index[i] = mention
    return index


def _plural(token: Any) -> bool:
    """A plural noun, also a capitalised one the tagger took for a proper noun ("Protesters stormed")."""
    return token.tag_ in ("NNS", "NNPS") or (token.tag_ == "NNP" and token.lower_.endswith("s") and
                                              token.lemma_.lower() != token.lower_)


def _pronoun_tests(token: Any, doc: Any, actors: dict[str, dict[str, Any]], sexes: dict[str, str]) -> list[Test]:
    """The tests of a pronoun's antecedent, strictest first (empty: not a pronoun of a party)."""
    kind = pronoun_class(token.lower_)
    if kind == "he":
        sex = pronoun_gender(token.text)
        person: Test = lambda m: actors[m["actors"][0]].get("type") == "Person" and \
            sexes.get(m["actors"][0], sex) == sex  # noqa: E731
        if sex == "female":  # "her" after a woman the text gendered and a man it did not: the woman
            return [lambda m: person(m) and m["actors"][0] in sexes, person]
        return [person]
    owned = load_mention_data()["possessed_types"].get(token.head.lower_) if token.tag_ == "PRP$" else None
    if kind == "it":  # a body, or a collective named in the singular ("the family", "the opposition")
        single: Test = lambda m: actors[m["actors"][0]].get("type") in _ORGS | {"CollectiveActor"} and \
            not _plural(doc[m["head"]])  # noqa: E731
    elif kind == "they":
        single = lambda m: actors[m["actors"][0]].get("type") in _GROUPS and _plural(doc[m["head"]])  # noqa: E731
        if counted(token) is not None:  # "37 of them were detained": people, before the body that acts on them
            people: Test = lambda m: actors[m["actors"][0]].get("type") == "CollectiveActor" and \
                _plural(doc[m["head"]])  # noqa: E731
            return [people, single]
    else:
        return []
    if owned:  # "two of its reporters": a media outlet first
        return [lambda m: actors[m["actors"][0]].get("type") in owned, single]
    return [single]


def _description_tiers(head: Any, actors: dict[str, dict[str, Any]], roles: dict[str, set[str]],
                       taken: set[str], counts: dict[str, int]) -> list[Test]:
    """The tests of a description, strictest first: for a body, one whose name holds the noun ("the
    ministry": "the Interior Ministry"), then (but for a public body) any of the type."""
    noun = description_noun(head)
    types = load_mention_data()["descriptions"][noun]
    tests = description_test(head, actors, roles, taken, counts)
    if "Person" in types:
        return tests

    def named(m: dict[str, Any]) -> bool:
        spec = actors[m["actors"][0]]
        return tests[0](m) and noun in " ".join([spec["label"], *spec.get("aliases", [])]).lower()

    def typed(m: dict[str, Any]) -> bool:  # "our Central Asia correspondent": a modifier is no antecedent
        token = head.doc[m["head"]]
        return tests[0](m) and not (token.dep_ == "compound" and token.head.pos_ == "NOUN")

    if "Place" in types:  # "the capital": the place the text called so ("the capital, San Albino") first
        return [lambda m: tests[0](m) and noun in roles.get(m["actors"][0], set()), named, typed]
    generic = noun in load_mention_data()["generic_bodies"]  # "the body" is any body of the text
    return [named] if "PublicBody" in types and not generic else [named, typed]


def _role_object(token: Any) -> bool:
    """Whether ``token`` is the "for"/"of" object of a person's role ("a spokesman for the former president,
    Ruben Aske": the name stands for the spokesman, though the parser hangs it on the president)."""
    role = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("for", "of", "to") else None
    return role is not None and "Person" in load_mention_data()["descriptions"].get(description_noun(role), [])


def _other(mentions: list[dict[str, Any]], chunk: Any, owner: list[str],
           actors: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """For "his predecessor": the person named most before ``chunk`` other than the possessor (None on a tie)."""
    earlier = [m for m in mentions if m["end"] <= chunk.start_char and len(m["actors"]) == 1
               and actors[m["actors"][0]].get("type") == "Person" and m["actors"] != owner]
    counts = Counter(m["actors"][0] for m in earlier).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None
    return next(m for m in reversed(earlier) if m["actors"][0] == counts[0][0])


def _excluded(token: Any, covered: dict[int, dict[str, Any]]) -> set[int]:
    """Mention heads a possessor cannot be: the names its noun stands beside ("the former president's
    son-in-law, Timur Kulibayev"; "his nephew Oskar Halm-Lind")."""
    if token.dep_ != "poss":
        return set()
    owned = token.head
    near = [c for c in owned.children if c.dep_ in ("appos", "compound")] + ([owned.head] if owned.dep_ == "appos" else [])
    hosts = {t.i for t in near} | partitive_hosts(token)  # "Voss, one of his daughters": not Voss
    return {covered[i]["head"] for i in hosts if i in covered}


def _accusing_speaker(pronoun: Any, covered: dict[int, dict[str, Any]], roles: dict[str, set[str]]) -> set[int]:
    """The head of the speaker who reports a legal act done to ``pronoun`` in a title of the law ("Prosecutor-General
    Aurora Velt said he had been charged with treason"): a prosecutor does not report her own charge.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Prosecutor Ana Velt said he had been charged with treason.")
    >>> _accusing_speaker(doc[4], {2: {"head": 2, "actors": ["velt"]}}, {"velt": {"prosecutor"}})
    {2}
    """
    lex = load_lexicon()
    verb = pronoun.head
    if pronoun.dep_ != "nsubjpass" or verb.lemma_.lower() not in lex["legal_passives"] or verb.dep_ != "ccomp":
        return set()
    said, legal = verb.head, set(lex["legal_subjects"])
    return {covered[s.i]["head"] for s in said.children if s.dep_ == "nsubj" and s.i in covered and (any(
        roles.get(a, set()) & legal for a in covered[s.i]["actors"]) or any(  # "Prosecutor-General Velt" (an
        c.lower_ in legal for c in s.children if c.dep_ in ("amod", "compound", "appos")))}  # adjective to the tagger)


def _home_state(head: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> list[Test]:
    """For a bare "the country", "the state": a test of the State the text names most before it, by its name or
    adjective (the one the text is about, not the foreign power named last); empty for a qualified one ("the
    neighbouring state")."""
    if load_mention_data()["descriptions"][description_noun(head)] != ["State"] or any(
            c.dep_ in ("amod", "compound", "nmod") for c in head.children):
        return []
    counts = Counter(m["actors"][0] for m in mentions if m["end"] <= head.idx and len(m["actors"]) == 1 and
                     m["kind"] in ("name", "new", "variant", "demonym") and actors[m["actors"][0]].get("type") == "State")
    if not counts:  # (names and adjectives, "Kazakh courts"; of two named as often, the one named first)
        return []
    home = next(a for a in counts if counts[a] == max(counts.values()))
    return [lambda m: m["actors"][0] == home]


def _commanders(head: Any) -> set[int]:
    """Tokens a description cannot be: the subjects of the clauses above it, with the names apposed to them
    ("The prosecutor, Ana Sarn, said her office accused the 83-year-old": not Sarn). A predicate noun or
    apposition is its subject's ("Reval became the president") and has none.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("The prosecutor, Ana Sarn, said her office had charged the 83-year-old.")
    >>> sorted(doc[i].text for i in _commanders(doc[len(doc) - 2]))
    ['Sarn', 'office', 'prosecutor']
    """
    if head.dep_ in ("attr", "oprd", "appos", "conj"):
        return set()
    own = {t.i for t in head.subtree}
    out: set[int] = set()
    for verb in (a for a in head.ancestors if a.pos_ in ("VERB", "AUX")):
        for s in subject_tokens(verb):
            if s.i not in own and not any(t.i in own for t in s.subtree):
                out |= {s.i} | {c.i for c in s.children if c.dep_ == "appos"}
    return out


def resolve(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """``mentions`` plus the resolved pronouns and definite descriptions, in text order."""
    possessed_bodies(doc, mentions, actors)
    mentions = sorted(mentions + title_owners(doc, mentions, actors), key=lambda m: m["start"])
    roles = titles(doc, mentions)
    taken = set().union(*roles.values()) if roles else set()
    sexes = genders(doc, mentions, actors)
    counts = Counter(m["actors"][0] for m in mentions if len(m["actors"]) == 1)
    covered = token_index(mentions)
    named = named_parties(doc, mentions)
    staff = own_staff(doc, mentions)
    result = list(mentions)
    pronouns = [doc[t.i:t.i + 1] for t in doc if t.tag_ in ("PRP", "PRP$")]
    kin = relational_chunks(doc, covered)
    plurals = [doc[t.left_edge.i:t.i + 1] for t in doc if plural_description(t)]
    pairs = [doc[t.left_edge.i:t.i + 1] for t in doc if state_pair(t)]
    owned = possessed_chunks(doc, covered)
    relatives = [c for c in kin_chunks(doc, covered) if c not in owned]
    chunks = pronouns + description_chunks(doc, covered) + kin + plurals + pairs + owned + relatives
    for chunk in sorted(chunks, key=lambda c: (c.start, len(c))):
        head = chunk[-1]  # the pronoun, or the noun a description ends with
        if chunk in plurals:
            resolve_plural(doc, chunk, result, covered, actors, sexes)
            continue
        if chunk in pairs:  # "both countries": the two states named most
            resolve_state_pair(chunk, result, covered, actors)
            continue
        inside = head.i in covered and not (head.tag_ in ("PRP", "PRP$") and covered[head.i]["kind"] == "group")
        if inside or any(m["head"] == head.i for m in result):
            continue  # ("two of its reporters": "its" resolves inside the party's phrase)
        found: dict[str, Any] | None = None
        forward = False
        exclude = _excluded(head, covered)
        if chunk in relatives:  # "his wife": the one the text names as his wife, or whose husband he is
            poss = next(c.i for c in head.children if c.dep_ == "poss")
            owner = next((m["actors"] for m in result if m["head"] == poss or m["tokens"][0] <= poss < m["tokens"][1]),
                         None)
            kind, what = "description", f"person the text names as the possessor's {head.lower_!r}"
            found = named_relative(result, chunk, owner, doc, token_index(result)) if owner and len(owner) == 1 else None
        elif chunk in kin:
            kind, what = "description", f"person named most other than its possessor, as {head.lower_!r}"
            owner = next((m["actors"] for m in result if m["head"] == chunk[0].i or
                          m["tokens"][0] <= chunk[0].i < m["tokens"][1]), None)
            holder = office_holder(result, chunk, owner, roles) if owner and len(owner) == 1 else None
            if holder is not None:
                what = f"person in the possessor's office before or after, as {head.lower_!r}"
            found = holder or (_other(result, chunk, owner, actors) if owner and len(owner) == 1 else None)
        elif head.tag_ in ("PRP", "PRP$"):
            kind = "pronoun"
            tests = _pronoun_tests(head, doc, actors, sexes)
            if not tests:
                continue
            what = {"he": "person", "it": "organisation", "they": "plural party"}[pronoun_class(head.lower_) or "he"]
            if head.dep_ in ("dobj", "pobj", "dative") and head.lower_ in ("him", "her", "them", "it") and \
                    head.head.lower_ not in _LOCATIVE:  # "Tokayev had the Kremlin behind him": Tokayev may be
                verb = head.head if head.dep_ != "pobj" else next(  # "carrying messages between him and Anand":
                    (a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), head.head.head)  # the verb, past nouns
                doers = subjects(verb) + [c for c in verb.head.children if c.dep_ == "oprd" and verb.dep_ == "xcomp"]
                exclude |= {i for s in doers for i in (bound_tokens(s) if head not in s.subtree else {s.i, *(
                    c.i for c in s.children if c.dep_ == "appos")})}  # "Reval dismissed him": not Reval; "named
                # her deputy, Karel Wynn, to replace him": not Wynn; "an officer who called himself Korr pressed her"
                doing = [covered[t.i]["actors"] for s in doers for t in [s, *s.children] if t.i in covered and (
                    t is s or t.dep_ == "appos")]  # nor an earlier "his" of the doer ("Halm, who named Reval his
                exclude |= {m["head"] for m in result if m["actors"] in doing and  # heir and lost the post to him")
                            head.sent.start_char <= m["start"] < head.idx}
            if head.dep_ in _SUBJECT_DEPS:  # "Of Brask he speaks warmly", "Flanked by Ferrer, he said": not them
                exclude |= fronted(head)
            exclude |= _accusing_speaker(head, covered, roles)  # "Prosecutor Velt said he had been charged": not her
            exclude |= {i for i in staff if i < head.sent.start}  # "Our correspondent Katya Morn ... He was": not her
            intensive = intensified(head, covered) or conjunct_owner(head, covered, tests[-1]) or \
                claim_owner(head, covered, tests[-1])  # "the miners' claim that they": the miners
            after = cataphor(head, covered, tests[-1])
            client = principal(head, {m["head"]: m for m in result if m["kind"] in ("pronoun", "name", "variant")})
            if intensive is not None:  # "Halm himself": the name it stands beside
                found, tests = intensive, []
            elif after is not None:  # "In his first speech since the riots, Brill said": the subject after it
                found, tests, forward = after, [], True
            elif client is not None and any(t(client) for t in tests):  # "His lawyer says he ...": his client
                found, tests, what = client, [], "person the speaker's role is for"
            for test in tests:
                found = antecedent(result, head, test, doc, exclude, named=named, window=(
                    _FEMALE_WINDOW if pronoun_gender(head.text) == "female" else 1) if len(tests) > 1 and test is tests[0] else 0)
                if found is not None:
                    break
            pair = nearest_set(person_sets(result, doc, actors), head) if what == "plural party" else None
            if pair and (found is None or pair["start"] > found["start"] or (
                    doc[pair["head"]].dep_ in _SUBJECT_DEPS and doc[found["head"]].dep_ not in _SUBJECT_DEPS)):
                add_plural(result, doc[head.i:head.i + 1], pair["members"], actors, "the persons named together")
                continue
        else:
            kind, noun = "description", description_noun(head)
            what = f"{load_mention_data()['descriptions'][noun][0]} described as {noun!r}"
            apposed = [c for c in head.children if c.dep_ == "appos" and c.i in covered
                       and covered[c.i]["kind"] != "group"]  # "The businessman, one of the wealthiest men": no name
            beside = head.head.head if head.dep_ == "conj" and head.head.dep_ == "appos" else head.head
            if (head.dep_ == "appos" or beside.i != head.head.i) and beside.i in covered:
                found = covered[beside.i]  # "Nazarbayev, the former president": the name it stands beside
                # ("Halm-Lind, his nephew and the former customs chief": both nouns are his)
            elif apposed and not _role_object(head):
                found = covered[apposed[0].i]  # "the capital, Varn"
            else:
                owner = next((m["actors"] for m in result if m["head"] == chunk[0].i or
                              m["tokens"][0] <= chunk[0].i < m["tokens"][1]), None) if chunk in owned else None
                if chunk in owned and (owner is None or len(owner) != 1):
                    continue  # "his security chief": whose, first
                above = [covered[i]["actors"] for i in _commanders(head) if i in covered]  # "Sarn said she had
                home = _home_state(head, result, actors)  # "the country": the one the text is about
                for test in home + _description_tiers(head, actors, roles, taken, counts):  # charged the 83-year-old"
                    if owner or above:  # not the possessor himself
                        test = (lambda t: lambda m: t(m) and m["actors"] != owner and m["actors"] not in above)(test)
                    found = antecedent(result, head, test, doc, exclude, named=named)
                    if found is not None:
                        break
                if found is None and owner:  # "Harl sacked his security chief. Ruben Stasz, the security chief"
                    found = possessed_later(result, chunk, owner, roles, actors)
                    what = f"Person given the role {noun!r} after it, not"
        if found is None:
            continue
        actor = found["actors"][0]
        if kind == "description" and chunk not in kin and chunk not in relatives:  # "the 52-year-old banker": a role the text gave him
            roles.setdefault(actor, set()).update(role_words(head))
        if kind == "pronoun" and pronoun_gender(head.text) and actors[actor].get("type") == "Person":
            sexes.setdefault(actor, str(pronoun_gender(head.text)))  # "she" read as Ferro: "he" is someone else
        span = doc[head.i:head.i + 1] if kind == "pronoun" else chunk
        if kind == "pronoun" and (count := counted(head)) is not None:
            span = doc[count.left_edge.i:head.i + 1]  # "at least 40 of them": the part, a form of the party
            if actors[actor].get("proposed"):
                keep_form(actors, actor, span.text)
        result.append({"start": span.start_char, "end": span.end_char, "text": span.text, "actors": [actor],
                       "kind": kind, "tokens": (span.start, span.end), "head": head.i,
                       "reading": f"{span.text!r} read as {actors[actor]['label']} " + (
                           "(the subject of the clause its opening phrase leads to)" if forward else
                           f"(nearest {what} before it)")})
        result.sort(key=lambda m: m["start"])
    return result
