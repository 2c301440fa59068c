"""Definite descriptions: which noun phrases are one ("the president", "the 83-year-old", "the
alliance") and which actors each may stand for.

A person description needs an actor the text gave that role ("President Tokayev",
"Masimov, the spy chief", "The 83-year-old Halm"), and "former" must agree: "the former
president" is not the president in office, "the president" not a former one. A noun that is
no office ("the musician", "the 81-year-old") may go to a person without an office when no
actor of the text carries it. An organisation description needs an actor of a fitting type, one whose name holds
the noun first ("the ministry" -> "Interior Ministry").

>>> from graph.ingest.nlp import parse
>>> doc = parse("Former president Gustav Halm met President Anton Reval. The former president left.")
>>> [c.text for c in description_chunks(doc, {})]
['The former president']
>>> roles = titles(doc, [{"actors": ["halm"], "head": 3, "tokens": (2, 4)}, {"actors": ["reval"], "head": 7, "tokens": (6, 8)}])
>>> sorted(roles["halm"]), sorted(roles["reval"])
(['former president', 'president'], ['president'])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["description_chunks", "possessed_chunks", "office_holder", "possessed_later", "relational_chunks",
           "description_noun", "titles", "description_test", "is_former", "country_of", "role_words"]

_RELATIVE = {"successor", "heir", "protege", "rival", "ally"}  # a role only towards its possessor
_PLAIN = {"new", "current", "acting", "same", "then", "powerful", "main", "top", "senior", "junior", "young", "old",
          "veteran", "long-serving", "embattled", "interim", "first", "second", "third"}
_NEUTRAL = {"year-old", "man", "woman", "veteran"}  # nouns that say nothing of a person's office
_ORDINALS = {"first", "second", "third", "fourth", "fifth"}  # "the first president" held it before
_FORMER = {"former", "ex", "ex-", "onetime", "erstwhile", "late", "then", "outgoing", "ousted", "deposed", "retired"}


def description_noun(token: Any) -> str:
    """The lemma a description is looked up by ("presidents" -> "president", "83-year-old" -> "year-old")."""
    if token.lower_ == "old" and token.i >= 2 and token.doc[token.i - 1].text == "-" and \
            token.doc[token.i - 2].lower_ == "year":
        return "year-old"
    return str(token.lemma_.lower())


def _common(token: Any) -> bool:
    """A common noun, also one the tagger took for a proper noun ("the bloc") or an age ("the 81-year-old")."""
    return bool(token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower()) or
                description_noun(token) == "year-old")


def description_chunks(doc: Any, covered: dict[int, Any]) -> list[Any]:
    """Spans "the <modifiers> <noun>" whose noun is a description noun, not inside a mention."""
    table = load_mention_data()["descriptions"]
    chunks = []
    for token in doc:
        if description_noun(token) not in table or not _common(token) or token.i in covered or \
                (token.dep_ == "compound" and token.head.pos_ == "NOUN"):
            continue  # "the army chief" is a chief
        det = [d for d in token.children if d.dep_ == "det" and d.lower_ == "the"]
        if det:
            chunks.append(doc[det[0].i:token.i + 1])
        elif token.i and doc[token.i - 1].lower_ == "the":
            chunks.append(doc[token.i - 1:token.i + 1])  # "the bureau's former chief Welkow": "the" hangs on the name
        elif description_noun(token) == "year-old" and token.i > 4 and doc[token.i - 5].lower_ == "the":
            chunks.append(doc[token.i - 5:token.i + 1])  # "the 81-year-old": "the" may hang elsewhere
    return chunks


def possessed_chunks(doc: Any, covered: dict[int, Any]) -> list[Any]:
    """Spans "<possessor> <person's role>" that no name stands beside ("his security chief", "Reval's interior
    minister"): a person the text gave that role, other than the possessor (roles relative to the possessor,
    "his successor", "his ally", aside: :func:`relational_chunks` and the title rules read them)."""
    data = load_mention_data()
    return [doc[c.left_edge.i:t.i + 1] for t in doc if data["descriptions"].get(description_noun(t)) == ["Person"]
            and _common(t) and t.i not in covered and description_noun(t) not in data["kin_resolved"] | _RELATIVE
            and description_noun(t) not in data["generic_persons"] and t.dep_ not in ("appos", "compound")
            and not any(a.dep_ == "appos" for a in t.children) for c in t.children if c.dep_ == "poss"]


def relational_chunks(doc: Any, covered: dict[int, Any]) -> list[Any]:
    """Spans "<possessor> <relational noun>" that no name stands beside ("his predecessor", "Reval's mentor")."""
    nouns = load_mention_data()["kin_resolved"]
    return [doc[c.i:t.i + 1] for t in doc if t.lemma_.lower() in nouns and t.pos_ == "NOUN" and t.i not in covered
            and not any(a.dep_ == "appos" for a in t.children) and t.dep_ != "appos"
            for c in t.children if c.dep_ == "poss"]


def is_former(token: Any) -> bool:
    """Whether a role noun carries "former", "ex-" or the like ("the former spy chief", "ex-president")."""
    if token.lower_.startswith("ex-"):
        return True
    mods = [c for c in token.children if c.dep_ in ("amod", "compound", "advmod") and c.i < token.i]
    return any(c.lower_ in _FORMER for m in mods for c in [m, *m.children])


def role_words(noun: Any) -> set[str]:
    """The role words of one role noun: "president", and "former president" when it is former."""
    word = description_noun(noun)
    return {word, f"former {word}"} if is_former(noun) else {word}


def _within(token: Any, start: int, end: int) -> bool:
    """Whether ``token`` modifies the name at ``start:end``, directly or through the words before it."""
    while token.dep_ in ("compound", "amod", "nmod", "npadvmod") and token.head.i < end and token.head is not token:
        token = token.head
        if start <= token.i < end:
            return True
    return False


def titles(doc: Any, mentions: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Actor id -> the role words the text gives it: nouns before its name ("Former president Gustav Halm",
    "The 83-year-old Halm"), its apposition's head ("Masimov, the spy chief"), the noun it is apposed to;
    a former role also as "former <noun>". Possessors and prepositional objects inside them do not count."""
    found: dict[str, set[str]] = {}
    for mention in mentions:
        if len(mention["actors"]) != 1:
            continue
        head = doc[mention["head"]]
        words: set[str] = set()
        start, end = mention["tokens"]
        left = [t for t in doc[min(head.left_edge.i, doc[start].left_edge.i):start] if _within(t, start, end)]
        former = any(t.lower_ in _FORMER for t in left)  # "Former president Edvard Lunn"
        for token in left:
            if token.pos_ in ("NOUN", "PROPN") or description_noun(token) == "year-old":
                words |= role_words(token) | ({f"former {description_noun(token)}"} if former else set())
            if (state := country_of(token)) is not None:
                words.add(f"of {state}")  # "Kazakh President Tokayev": his title's country
        roles = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            roles.append(head.head)
        for role in roles:
            words |= role_words(role) | {f"{c.lower_} {description_noun(role)}" for c in role.children
                                         if c.dep_ == "amod" and c.lower_ in _ORDINALS}  # "its first president"
            words |= {description_noun(c) for c in role.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        found.setdefault(mention["actors"][0], set()).update(words)
    return found


def description_test(noun_token: Any, actors: dict[str, dict[str, Any]], roles: dict[str, set[str]],
                     taken: set[str], counts: dict[str, int]) -> list[Callable[[dict[str, Any]], bool]]:
    """Tests of the mentions a description may stand for, the strictest first: first an actor the text gave
    the description's modifiers too ("the prime minister" is not "the finance minister, Ana Ribas"), then
    those of :func:`_tests`."""
    tiers = _tests(noun_token, actors, roles, taken, counts)
    mods = {description_noun(c) for c in noun_token.children if c.dep_ in ("compound", "amod") and c.i < noun_token.i
            and c.pos_ in ("NOUN", "PROPN", "ADJ") and c.lower_ not in _FORMER | _PLAIN and country_of(c) is None}
    if not mods or "Person" not in load_mention_data()["descriptions"][description_noun(noun_token)]:
        return tiers
    return [lambda m: tiers[0](m) and mods <= roles.get(m["actors"][0], set()), *tiers]


def _tests(noun_token: Any, actors: dict[str, dict[str, Any]], roles: dict[str, set[str]],
           taken: set[str], counts: dict[str, int]) -> list[Callable[[dict[str, Any]], bool]]:
    """Tests of the mentions a description may stand for, the strictest first.

    ``roles`` are the role words of :func:`titles`; ``taken`` every role word the text gives anyone.
    A former role no actor carries may go to the person the text names most often among those who do
    not hold the role now ("the former president" when the text only titled the president in office);
    ``counts`` are the names' counts.
    """
    data = load_mention_data()
    noun = description_noun(noun_token)
    types = list(data["descriptions"][noun])
    former = is_former(noun_token)
    late = any(c.lower_ == "late" for c in noun_token.children)
    if types != ["Person"]:
        return [lambda m: actors[m["actors"][0]].get("type") in types]

    nouns = {noun, *data["role_synonyms"].get(noun, [])}  # "the late leader": a president who died
    country = next((c for c in map(country_of, noun_token.children) if c), None)  # "the Kazakh leader"

    def named(m: dict[str, Any]) -> bool:
        spec = actors[m["actors"][0]]
        words = roles.get(m["actors"][0], set())
        names = " ".join([spec["label"], *spec.get("aliases", [])]).lower()
        if spec.get("type") != "Person":
            return False
        if former:  # "the late president": a former one, or the one who died in office
            return any(f"former {n}" in words or f"former {n}" in names or late and n in words for n in nouns)
        was = any(f"former {n}" in words or f"former {n}" in names or f"ex-{n}" in names for n in nouns)
        return any(n in words or n in names.split() for n in nouns) and not was

    if country is not None:  # "the Kazakh leader": not "Russian President Putin"; one of his country first
        def agrees(m: dict[str, Any]) -> bool:
            return not any(w.startswith("of ") and w != f"of {country}" for w in roles.get(m["actors"][0], set()))

        return [lambda m: named(m) and f"of {country}" in roles.get(m["actors"][0], set()),
                lambda m: named(m) and agrees(m)]

    def person(m: dict[str, Any]) -> bool:
        return actors[m["actors"][0]].get("type") == "Person"

    offices = {w for w, kinds in data["descriptions"].items() if "Person" in kinds} - data["generic_persons"]
    if noun in data["generic_persons"] and noun not in taken and f"former {noun}" not in taken:
        # "the musician": the person in view who holds no office the text names
        # (one the text described by such a noun first: "a jazz pianist" for "the musician")
        def plain(m: dict[str, Any]) -> bool:
            return person(m) and not roles.get(m["actors"][0], set()) & offices

        plains: list[Callable[[dict[str, Any]], bool]] = [
            lambda m: plain(m) and bool(roles.get(m["actors"][0], set()) & data["generic_persons"]), plain]
        return plains + [person] if noun in _NEUTRAL else plains  # "the 83-year-old": an office-holder too
    if former and not any(f"former {n}" in taken for n in nouns):
        others = {a: n for a, n in counts.items() if actors.get(a, {}).get("type") == "Person"
                  and not nouns & roles.get(a, set())}
        persons = offices | data["generic_persons"]  # no other office or occupation either ("the banker")
        free = {a: n for a, n in others.items() if not roles.get(a, set()) & (persons - _NEUTRAL) and not any(
            w not in _NEUTRAL and not w.startswith("of ") for w in roles.get(a, set()))}  # "The Prosecutor-General,
        # Sarn": a role the table does not know is a role still
        tiers: list[Callable[[dict[str, Any]], bool]] = [named]
        holders = {a for a, words in roles.items() if nouns & words}
        ranked = {a for a in holders if any(f"{o} {n}" in roles[a] for o in _ORDINALS for n in nouns)}
        if ranked and holders - ranked:  # "Kazakhstan's first president, Nazarbayev ... President Tokayev ...
            tiers.append(lambda m: m["actors"][0] in ranked)  # the former president": the first one
        for pool in (free, others):
            if pool:
                tiers.append(lambda m, top=_most(pool): m["actors"][0] in top)  # type: ignore[misc]
        return tiers
    return [named]


def country_of(token: Any) -> str | None:
    """The state a demonym modifier names ("Kazakh" -> "Kazakhstan"), from the lexicon; else None."""
    if token.dep_ not in ("amod", "compound", "nmod") or token.i > token.head.i:
        return None
    found = load_lexicon()["demonyms"].get(token.text)
    return str(found) if found else None


def _most(counts: dict[str, int]) -> set[str]:
    """The keys of ``counts`` with the highest count."""
    return {a for a, n in counts.items() if n == max(counts.values())}


def office_holder(mentions: list[dict[str, Any]], chunk: Any, owner: list[str],
            roles: dict[str, set[str]]) -> dict[str, Any] | None:
    """For "his predecessor": the one person named before ``chunk`` whom the text gave the possessor's office as a
    former one ("President Tokayev ... former president Nazarbayev"); for "his successor", the one holding the
    possessor's former office. None when no one, or more than one, fits."""
    noun, held = chunk[-1].lemma_.lower(), roles.get(owner[0], set())
    if noun == "predecessor":
        wanted = {f"former {r}" for r in held if not r.startswith("former ")}
    elif noun == "successor":
        wanted = {r[len("former "):] for r in held if r.startswith("former ")}
    else:
        return None
    fits = [m for m in mentions if m["end"] <= chunk.start_char and len(m["actors"]) == 1 and m["actors"] != owner
            and roles.get(m["actors"][0], set()) & wanted]
    return fits[-1] if len({m["actors"][0] for m in fits}) == 1 else None


def possessed_later(mentions: list[dict[str, Any]], chunk: Any, owner: list[str], roles: dict[str, set[str]],
                    actors: dict[str, dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """For "his security chief" with no one so titled before it: the person the rest of its sentence or the next
    one gives the role ("Harl sacked his security chief. Ruben Stasz, the security chief since 2015, ...");
    for a country's office as the subject of the text's first sentence or after its "of" ("Kazakhstan's president
    fired two officials", "the son of Turkmenistan's long-time ruler": the way a wire's lede waits for the name),
    the first person the text gives that role later (any head's title for a head: "ruler", "leader") whom it
    gives no other country's title ("Russian President Putin").

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Velmora's president sacked two ministers. Crowds gathered. President Anton Brisk spoke.")
    >>> found = {"actors": ["brisk"], "start": doc[9].idx, "head": 10}
    >>> possessed_later([found], doc[0:3], ["velmora"], {"brisk": {"president"}},
    ...                 {"velmora": {"type": "State", "label": "Velmora"}})["actors"]
    ['brisk']
    """
    noun = description_noun(chunk[-1])
    sentence = chunk[-1].sent
    end = sentence.end_char if sentence.end >= len(chunk.doc) else chunk.doc[sentence.end].sent.end_char
    later = [(m, roles.get(m["actors"][0], set())) for m in mentions if chunk.end_char <= m["start"] and
             len(m["actors"]) == 1 and m["actors"] != owner]
    near = [m for m, held in later if noun in held and m["start"] < end]
    if near:
        return near[0]
    state = (actors or {}).get(owner[0], {})
    heads = {"ruler", "leader", "strongman", *load_lexicon()["head_of_state_titles"]}
    wanted = heads if noun in heads else {noun}  # "Turkmenistan's long-time ruler ... President Berdimuhamedov"
    own = [m for m, held in later if held & wanted and not {r for r in held if r.startswith("of ")} - {
        f"of {state.get('label')}"}]  # (not "Russian President Putin")
    place = chunk[-1].dep_ in ("nsubj", "nsubjpass") or (chunk[-1].dep_ == "pobj" and chunk[-1].head.lower_ == "of")
    # (not "went on television as Valdoria's president")
    return own[0] if own and place and state.get("type") == "State" and sentence.start == 0 else None
