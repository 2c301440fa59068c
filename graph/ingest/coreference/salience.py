"""Salience: which earlier mention a pronoun or description stands for, among those that fit it.

The subject of a clause above the pronoun first ("Tokayev sacked Bektanov, whom he had criticised":
Tokayev), then an earlier pronoun of the same kind in its sentence ("his seat; his enforcer"), a subject of
the sentence, the nearest mention in it; then the previous sentences, their main subjects first. A
possessor is no subject ("the former president's son-in-law, X"), and the speaker of a report placed after
it is not who the next sentence's pronoun means ("Police freed Ondra, his lawyer said. He had been held").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.ingest.coreference.gender import pronoun_gender
from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import subjects

__all__ = ["antecedent", "named_parties", "pronoun_class", "subject_tokens", "Test"]

_PERSON = {"he", "him", "his", "she", "her", "himself", "herself"}
_THING = {"it", "its", "itself"}
_PLURAL = {"they", "them", "their", "themselves"}
_RELATIVE = {"who", "which", "that", "whom"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")

Test = Callable[[dict[str, Any]], bool]


def pronoun_class(low: str) -> str | None:
    """The kind of a pronoun ("he", "it" or "they"), None for another word.

    >>> pronoun_class("her"), pronoun_class("its"), pronoun_class("the")
    ('he', 'it', None)
    """
    return "he" if low in _PERSON else "it" if low in _THING else "they" if low in _PLURAL else None


def subject_tokens(verb: Any) -> list[Any]:
    """The subjects of ``verb``, a relative pronoun read as the noun its clause hangs on."""
    found = []
    for s in subjects(verb):
        found.append(s.head.head if s.lower_ in _RELATIVE and s.head.dep_ == "relcl" else s)
    return found


def _mention_of(token: Any, earlier: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The earlier mention a subject token stands for: its own, or the name apposed to it."""
    for m in reversed(earlier):
        if m["head"] == token.i or m["tokens"][0] <= token.i < m["tokens"][1]:
            return m
    apposed = [c.i for c in token.children if c.dep_ == "appos"]
    return next((m for m in reversed(earlier) if m["head"] in apposed), None)


def _root_noun(token: Any) -> bool:
    """A name the parser made the root of a sentence whose verb it hung on it ("President Reval, who ..., spent
    Thursday in Varn, where he met": the subject, for a subject pronoun)."""
    return token.dep_ == "ROOT" and token.pos_ in ("PROPN", "NOUN") and any(
        c.pos_ in ("VERB", "AUX") for c in token.children)


def _within_subject(subject: Any, earlier: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The last earlier mention inside the phrase of a subject that is no such mention itself ("Quill, the editor
    of the weekly Varn Voice, said police had held two of its reporters": Varn Voice, not an object after it)."""
    inside = {t.i for t in subject.subtree}
    return next((m for m in reversed(earlier) if m["head"] in inside), None)


def _postposed_speakers(sentence: Any) -> set[int]:
    """Heads of the speaker of a sentence whose report comes first ("Police freed Ondra, his lawyer said"): the
    subject of its reporting root after a clause it reports, with the names apposed to it; else empty.

    >>> from graph.ingest.nlp import parse
    >>> doc = parse("Police freed the editor on Monday, her lawyer said.")
    >>> [doc[i].text for i in _postposed_speakers(next(doc.sents))]
    ['lawyer']
    """
    root = sentence.root
    if root.lemma_.lower() not in load_lexicon()["reporting"] or not any(
            c.dep_ in ("ccomp", "parataxis") and c.i < root.i for c in root.children):
        return set()
    return {t.i for s in root.children if s.dep_ in _SUBJECT_DEPS and s.i > root.i - 4
            for t in [s, *(c for c in s.children if c.dep_ == "appos")]}


def _embedded(token: Any) -> bool:
    """Whether ``token`` stands in a relative clause ("the bloc, of which Santavera is a member")."""
    return any(a.dep_ in ("relcl", "acl") for a in token.ancestors)


def named_parties(doc: Any, mentions: list[dict[str, Any]]) -> set[int]:
    """Heads of party nouns a name is apposed to ("His lawyer, Ines Carrow"; "Ines Carrow, his lawyer")."""
    names = {m["head"] for m in mentions if m["kind"] in ("name", "new", "variant")}
    return {doc[h].head.i for h in names if doc[h].dep_ == "appos"} | {
        m["head"] for m in mentions if doc[m["head"]].dep_ == "appos" and doc[m["head"]].head.i in names}


def antecedent(mentions: list[dict[str, Any]], token: Any, test: Test, doc: Any,
                exclude: set[int] = frozenset(), window: int = 0,  # type: ignore[assignment]
                named: set[int] = frozenset()) -> dict[str, Any] | None:  # type: ignore[assignment]
    """The most salient earlier mention passing ``test`` for the pronoun or description ending at ``token``
    (with ``window``, only in its sentence and the ``window`` ones before that name someone; never a party noun of
    ``named``)."""
    start = token.idx if token.tag_ in ("PRP", "PRP$") else token.left_edge.idx
    first = 0
    if window:
        sentence = token.sent
        while window and sentence.start:  # sentences that name no one do not count ("Remind us what it is about.")
            sentence = doc[sentence.start - 1].sent
            window -= any(sentence.start_char <= m["start"] < sentence.end_char for m in mentions)
        first = sentence.start_char
    earlier = [m for m in mentions if first <= m["start"] and m["end"] <= start and len(m["actors"]) == 1
               and test(m) and m["head"] not in exclude and not (m["kind"] == "group" and m["head"] in named)]
    # "His lawyer, Ines Carrow, said he": the name apposed to a party noun stands for it, not the noun
    if not earlier:
        return None
    own = set(t.i for t in token.subtree) | {token.i}
    sibling = False
    for verb in (a for a in token.ancestors if a.pos_ in ("VERB", "AUX")):
        for s in [] if sibling else subject_tokens(verb):
            if s.i in own or any(t.i in own for t in s.subtree):
                continue  # the phrase that holds the pronoun is not its antecedent
            found = _mention_of(s, earlier) or _within_subject(s, earlier)
            if found is not None:
                return found
        # a conjoined clause with a subject of its own: the first clause's subject is no superior
        sibling = verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    sentence = token.sent
    same = [m for m in earlier if m["start"] >= sentence.start_char]
    kind = pronoun_class(token.lower_)
    alike = [m for m in same if m["kind"] == "pronoun" and kind and pronoun_class(m["text"].lower()) == kind
             and pronoun_gender(m["text"]) == pronoun_gender(token.text)  # "he and Nemec ..., and she": not him
             and (token.dep_ not in _SUBJECT_DEPS or doc[m["head"]].tag_ != "PRP$")]  # "Reval, silent on
    # Velkov since his arrest, went to Varn, where he met": a subject pronoun continues a subject, not a possessor
    if alike:
        return alike[-1]
    while True:
        here = [m for m in earlier if m["start"] >= sentence.start_char and m["end"] <= sentence.end_char]
        firsts = [m for m in here if doc[m["head"]].dep_ in ("nsubj", "nsubjpass") or
                  (doc[m["head"]].dep_ == "appos" and doc[m["head"]].head.dep_ in ("nsubj", "nsubjpass")) or
                  (_root_noun(doc[m["head"]]) and token.dep_ in _SUBJECT_DEPS)]
        if here and sentence.start <= token.i < sentence.end:  # the pronoun's own sentence: its nearest
            owners = [m for m in here if doc[m["head"]].dep_ != "poss"]  # subject, or mention but a possessor
            top = [m for m in firsts if not _embedded(doc[m["head"]])] if not _embedded(token) else []
            return (top or firsts or owners or here)[-1]  # "X, of which Y is a member, ...: it" is X
        main = [m for m in firsts if doc[m["head"]].head.dep_ == "ROOT"]
        speakers = _postposed_speakers(sentence) if token.dep_ != "nsubj" else set()  # ("It accused": the speaker)
        if speakers and len(speakers & {m["head"] for m in here}) < len(here):  # "Police freed Ondra, his lawyer
            here = [m for m in here if m["head"] not in speakers]  # said. He had been held": the one freed
            firsts, main = [m for m in firsts if m in here], [m for m in main if m in here]
        if firsts or here:
            return (main or firsts or here)[0]  # an earlier sentence: its main subject, or its first mention
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
