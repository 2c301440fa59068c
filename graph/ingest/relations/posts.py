"""Posts held, taken, moved into or out of: "took over the post of chairman of the Security Council", "kept the
chairmanship of the Security Council", "removed him from the NSC chairman post", "replaced X on the post of
chairman of Y".

A post noun (the lexicon's ``post_nouns``) as the object of a verb of holding or taking it (``post_holding``), or
after a verb that moves someone out of it or into it (``post_moves``), names the body its holder heads, or headed: a
former post counts as a present one, as the README's conventions read titles (leaving a post is ``resignedFrom``,
which its own patterns give). The body is the object of the post's "of" (through a title: "the post of
chairman of X"), or a name before it ("the KNB chairman post"). Verb patterns of ``headed`` that name a post
("keep +leadership of") stay where they are; this rule takes what they leave.

>>> from graph.ingest.nlp import parse
>>> doc = parse("Tokayev took over the post of chairman of the Security Council. Reval removed Lenz from the KNB "
...             "chairman post.")
>>> [([t.text for t in m["subjects"]], [t.text for t in m["objects"]]) for t in doc for m in post_matches(t)]
[(['Tokayev'], ['Council']), (['Lenz'], ['KNB'])]
>>> [m for t in parse("Reval took over the post office.") for m in post_matches(t)]
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.ingest.lexicon import load_lexicon
from graph.ingest.relations.roles import prep_objects, subjects

__all__ = ["post_matches"]


def _body(post: Any) -> list[Any]:
    """The body ``post`` is a post of: "of X" (through a title word: "of chairman of X"), or a name before it."""
    titles = load_lexicon()["relations"]["headed"]["titles"]
    of = prep_objects(post, "of")
    deputies = load_lexicon()["government_titles"]["deputies"]
    if of and of[0].lemma_.lower() in titles:  # not "the post of first deputy chairman of X": a member of it
        return [] if any(c.lower_ in deputies for c in of[0].children) else prep_objects(of[0], "of")
    if of:
        return of if of[0].pos_ == "PROPN" or of[0].text[:1].isupper() else []
    words = [c for c in post.children if c.dep_ == "compound"]
    words += [c for w in words if w.lemma_.lower() in titles for c in w.children if c.dep_ == "compound"]
    return [w for w in words if w.pos_ == "PROPN"][-1:]


def _moved(post: Any) -> tuple[Any, list[Any]] | None:
    """The verb that moves someone out of or into ``post`` (an object of "from", "on", "to", "in"), and who held it."""
    lex = load_lexicon()
    if post.dep_ != "pobj" or post.head.lower_ not in ("from", "on", "to", "in"):
        return None
    verb, moved = post.head.head, [c for c in post.head.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if post.head.lower_ == "from" and verb.lemma_.lower() in lex["post_moves"]["from"]:
        return verb, moved
    if post.head.lower_ != "from" and verb.lemma_.lower() in lex["post_moves"]["into"]:
        return verb, subjects(verb) if verb.lemma_.lower() in lex["post_replacing"] else moved
    return None


def post_matches(post: Any) -> Iterator[dict[str, Any]]:
    """The holder of a post held, taken, moved into or out of headed the body it is of."""
    lex = load_lexicon()
    if post.lemma_.lower() not in lex["post_nouns"]:
        return
    if (moved := _moved(post)) is not None:
        verb, holders = moved
        phrase = f"{verb.lemma_.lower()} {post.head.lower_}"
    elif post.dep_ == "dobj" and post.head.lemma_.lower() in lex["post_holding"] and not (
            post.i + 1 < len(post.doc) and post.doc[post.i + 1].pos_ in ("NOUN", "PROPN")):  # not "the post office"
        verb, holders = post.head, subjects(post.head)
        phrase = " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt")])
    else:
        return
    if (body := _body(post)) and holders:
        yield {"relation": "headed", "subjects": holders, "objects": body, "trigger": [verb, post],
               "rule": f"verb: {phrase} +{post.lemma_.lower()} (the post's body)", "passive": False, "clause": verb}
