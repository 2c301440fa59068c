"""Ingest new articles: candidate assertions extracted from text, reviewed by a person, merged.

The extractor reads spaCy's dependency parse, part-of-speech tags and named entities
(``en_core_web_sm`` 3.8, installed as a package, loaded once per process: :mod:`~graph.ingest.nlp`)
with rules in the tradition of PETRARCH's verb patterns (:mod:`~graph.ingest.relations.rules`); the words
are data keyed by the ontology's relation ids (``lexicon.yaml``).

Steps: :func:`~graph.ingest.textload.load_text` (size, empty, binary and encoding checks) ->
language check and parse -> mentions linked to the corpus's actors or proposed
(:mod:`~graph.ingest.mentions.finder`), pronouns and descriptions resolved (:mod:`~graph.ingest.coreference.resolver`)
-> relations with voice, negation, hedges and attribution, figures and dates
(:mod:`~graph.ingest.extract`) -> a review file in the assertion format -> ``merge_review``.

>>> actors = {"masimov": {"type": "Person", "label": "Karim Masimov", "aliases": []},
...           "abish": {"type": "Person", "label": "Samat Abish", "aliases": []},
...           "knb": {"type": "SecurityService", "label": "KNB", "aliases": []}}
>>> found = candidates_for_text("Masimov has been arrested by the KNB. Abish was freed on Monday.", actors)
>>> [(i["subject"], i["relation"], i["object"], i["decision"]) for i in found["items"]]
[('knb', 'arrested', 'masimov', 'pending')]
>>> [(i["subject"], i["relation"], i["quote"]) for i in found["agentless"]]  # no agent in the text: a note
[(None, 'released', 'Abish was freed')]
"""

from __future__ import annotations

from graph.ingest.ingest import candidates_for_text, ingest_article, ingest_articles
from graph.ingest.merge import merge_review
from graph.ingest.textload import MAX_ARTICLE_BYTES, ArticleTextError, load_text

__all__ = ["ingest_article", "ingest_articles", "candidates_for_text", "merge_review", "load_text", "ArticleTextError",
           "MAX_ARTICLE_BYTES"]
