"""Ingest new articles: candidate assertions extracted from text, reviewed by a person, merged.

The pipeline is rule- and lexicon-based, in pure Python. spaCy is not used:
without a downloaded model its tokenizer and matchers add little over the
regular expressions here, a model would be a download (or a large wheel) and
the extraction must run offline; the rules are small, readable and testable,
and the lexicon (``lexicon.yaml``) is data keyed by the ontology's relation ids.

Steps: :func:`~graph.ingest.textload.load_text` (size, empty, binary and
encoding checks) -> sentences -> mentions resolved against the actors of the
corpus (labels, aliases, a person's last name; ambiguous names flagged, new
names proposed) -> relations (voice, negation, attribution, hedges), figures
and dates -> a review file in the assertion format -> ``merge_review``.

>>> actors = {"masimov": {"type": "Person", "label": "Karim Masimov", "aliases": []}}
>>> items = candidates_for_text("Masimov has been arrested.", actors)["items"]
>>> [(i["subject"], i["relation"], i["object"], i["decision"]) for i in items]
[(None, 'arrested', 'masimov', 'pending')]
"""

from __future__ import annotations

from graph.ingest.ingest import candidates_for_text, ingest_article
from graph.ingest.merge import merge_review
from graph.ingest.textload import MAX_ARTICLE_BYTES, ArticleTextError, load_text

__all__ = ["ingest_article", "candidates_for_text", "merge_review", "load_text", "ArticleTextError",
           "MAX_ARTICLE_BYTES"]
