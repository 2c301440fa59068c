"""The gender a text gives its persons, read from the text itself: titles, role nouns, pronouns.

A person is ``male`` or ``female`` when the text says so: a title before the name ("Mr",
"Ms", "Mrs"), a gendered role noun beside it ("Oksana Prell, its spokeswoman", "his
nephew Oskar Halm-Lind"), or the pronouns it uses where only that person can be meant: a pronoun after the only person
named before it in its sentence ("Marrow said she"), or in a sentence that names no person before it, after the only
person of the previous sentence. Titles and nouns weigh three times an object or possessive pronoun,
a subject pronoun twice ("Harl said he would name her successor": Harl is the man); a tie leaves the
gender unknown. No list of first names is used: a name says nothing the text does not.

>>> from graph.ingest.nlp import parse
>>> from graph.ingest.mentions.finder import find_mentions
>>> doc = parse("Ilse Marrow said she would resign. Anton Reval accepted. Mr Brask, the new premier, was silent.")
>>> found = find_mentions(doc, {})
>>> genders(doc, found["mentions"], found["actors"])
{'brask': 'male', 'ilse-marrow': 'female'}
"""

from __future__ import annotations

from typing import Any

from graph.ingest.coreference.descriptions import description_chunks, description_noun
from graph.ingest.mentions.mention_data import load_mention_data

__all__ = ["genders", "pronoun_gender", "opening_subject"]

_SUBJECTS = ("nsubj", "nsubjpass")
_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}


def pronoun_gender(word: str) -> str | None:
    """``male``, ``female`` or None for a pronoun.

    >>> pronoun_gender("Her"), pronoun_gender("him"), pronoun_gender("they")
    ('female', 'male', None)
    """
    low = word.lower()
    return "male" if low in _MALE else "female" if low in _FEMALE else None


def _word_votes(doc: Any, mention: dict[str, Any]) -> list[str]:
    """The genders of the titles and role nouns beside a mention ("Mr Tokayev", "Prell, its spokeswoman")."""
    words = load_mention_data()["gender"]
    start, head = mention["tokens"][0], doc[mention["head"]]
    near = [doc[start - 1]] if start else []
    near += [c for c in head.children if c.dep_ in ("compound", "appos") and c.i < start or c.dep_ == "appos"]
    if head.dep_ == "appos":
        near.append(head.head)
    return [words[t.lower_] for t in near if t.lower_ in words]


def opening_subject(pronoun: Any) -> Any | None:
    """The subject of the clause a sentence-opening phrase holding ``pronoun`` is fronted to ("In his first
    speech since the riots, Brill thanked ...": Brill), or None."""
    for phrase in pronoun.ancestors:
        verb = phrase.head
        if phrase.dep_ not in ("prep", "advcl", "npadvmod") or verb.pos_ not in ("VERB", "AUX"):
            continue
        if phrase.left_edge.i == pronoun.sent.start:  # "Speaking after her release, Vell said": the outer phrase
            return next((c for c in verb.children if c.dep_ in _SUBJECTS and c.i > pronoun.i), None)
    return None


def _continued(token: Any, persons: list[dict[str, Any]]) -> str | None:
    """The person a subject pronoun of a conjoined clause continues: the first clause's subject (or the
    name apposed to it), when that is a person ("Sarn told the court ..., and she accused the two men")."""
    verb = token.head
    if token.dep_ not in _SUBJECTS or verb.dep_ != "conj":
        return None
    for subject in (c for c in verb.head.children if c.dep_ in _SUBJECTS):
        near = {subject.i} | {c.i for c in subject.children if c.dep_ == "appos"}
        found = {m["actors"][0] for m in persons if m["head"] in near}
        if len(found) == 1:
            return found.pop()
    return None


def _described(doc: Any) -> list[int]:
    """Heads of the person descriptions no name stands beside ("the 83-year-old", "the former president"): a
    person the pronouns after them may stand for, though no name says who.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Sarn said her office had charged the 83-year-old. Halm, the former president, left.")
    >>> [doc[i].text for i in _described(doc)]
    ['old']
    """
    table = load_mention_data()["descriptions"]
    return [c[-1].i for c in description_chunks(doc, {}) if "Person" in table.get(description_noun(c[-1]), [])
            and c[-1].dep_ not in ("appos", "attr") and not any(t.dep_ == "appos" for t in c[-1].children)]


def _upstaged(said: str, at: int, worded: dict[str, str], first: dict[str, int]) -> bool:
    """Whether a pronoun of gender ``said`` at character ``at`` may stand for a person named before it whom a
    title or role noun gave that gender ("Dariga Nazarbayeva, the eldest daughter ... Sarym said she ought to
    give up her seat": her, so no vote that Sarym is a woman).

    >>> _upstaged("female", 90, {"nazarbayeva": "female"}, {"nazarbayeva": 0, "sarym": 60})
    True
    >>> _upstaged("male", 90, {"nazarbayeva": "female"}, {"nazarbayeva": 0, "sarym": 60})
    False
    """
    return any(sex == said and first.get(other, at) < at for other, sex in worded.items())


def genders(doc: Any, mentions: list[dict[str, Any]], actors: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Person actor id -> ``male``/``female``, for the persons the text genders (others are absent)."""
    persons = [m for m in mentions if len(m["actors"]) == 1 and actors.get(m["actors"][0], {}).get("type") == "Person"
               and m["kind"] in ("name", "new", "variant")]
    votes: dict[str, dict[str, int]] = {}
    for mention in persons:
        for sex in _word_votes(doc, mention):
            votes.setdefault(mention["actors"][0], {}).setdefault(sex, 0)
            votes[mention["actors"][0]][sex] += 3
    for token in doc:  # "an investigator who introduced himself as Captain Korr": Korr is a man
        if token.lower_ in ("himself", "herself"):
            after = doc[token.i + 1:token.i + 6]
            start = next((t.i for t in after if t.lower_ == "as"), None)
            for mention in persons:  # read from the words, not the parse, which may end the clause at the name
                if start is not None and start < mention["head"] < after.end and \
                        all(t.text[:1].isupper() for t in doc[start + 1:mention["head"] + 1]):
                    votes.setdefault(mention["actors"][0], {}).setdefault(str(pronoun_gender(token.text)), 0)
                    votes[mention["actors"][0]][str(pronoun_gender(token.text))] += 3
    sentences = list(doc.sents)
    described = _described(doc)
    position = {s.start: n for n, s in enumerate(sentences)}
    said_of: list[tuple[str, str, int, set[str]]] = []  # (person, gender, weight, persons in view)
    worded = {a: max(c, key=c.__getitem__) for a, c in votes.items()}  # titles, role nouns
    first = {m["actors"][0]: m["start"] for m in reversed(persons)}
    for token in doc:
        said = pronoun_gender(token.text)
        if said is None or token.tag_ not in ("PRP", "PRP$"):
            continue
        opening = opening_subject(token)
        continued = _continued(token, persons) or next(
            (m["actors"][0] for m in persons if opening is not None and m["head"] == opening.i), None)
        if continued is not None:  # (or "After her release, Vell said": the subject after the opening phrase)  # "Sarn told the court that he and Nemec had planned it, and she accused them"
            said_of.append((continued, said, 3, set()))
            continue
        owned = token.head if token.tag_ == "PRP$" else None
        if owned is not None and (owned.dep_ in ("appos", "attr", "oprd") or owned.dep_ == "pobj" and
                                  owned.head.lower_ == "as"):
            continue  # "named Rustami as her successor", "Ekk, her deputy": the possessor is someone else
        sentence = token.sent
        before = {m["actors"][0] for m in persons if sentence.start_char <= m["start"] and m["end"] <= token.idx}
        last = max((m["head"] for m in persons if sentence.start_char <= m["start"] and m["end"] <= token.idx),
                   default=sentence.start)
        if any(last < d < token.i for d in described):
            continue  # "Sarn said her office charged the 83-year-old with enriching his family": nearer, maybe him
        view = set(before)
        if position[sentence.start]:
            previous = sentences[position[sentence.start] - 1]
            named = {m["actors"][0] for m in persons if previous.start_char <= m["start"] < previous.end_char}
            view |= named
            before = before or named
        one = next(iter(before)) if len(before) == 1 else None
        if one is not None and one not in worded and not token.lower_.endswith("self") and \
                _upstaged(said, token.idx, worded, first):  # ("Azmeh himself" is Azmeh still)
            continue  # "his wife, Nukenova ... Bishimbayev said her injuries": no vote that he is a woman
        if one is not None:  # a subject or reflexive pronoun weighs twice an object or possessive
            subject = token.dep_ in _SUBJECTS or token.lower_.endswith("self")
            said_of.append((next(iter(before)), said, 2 if subject else 1, view))
    strong = {a: max(c, key=c.__getitem__) for a, c in votes.items()}  # titles, role nouns, "X said she"
    strong.update({a: s for a, s, weight, _ in said_of if weight > 1 and a not in strong})
    for actor, said, weight, view in said_of:
        if weight == 1 and (any(strong.get(other) == said for other in view - {actor}) or
                            strong.get(actor) not in (None, said)):
            continue  # "Marrow said she would go. Reval accepted her resignation": the woman in view, not Reval;
            # "Mr Korr ... charged her": an object pronoun does not outvote a title
        votes.setdefault(actor, {}).setdefault(said, 0)
        votes[actor][said] += weight
    found = {}
    for actor, counts in votes.items():
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            found[actor] = ranked[0][0]
    return dict(sorted(found.items()))
