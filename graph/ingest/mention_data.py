"""The data of the mention finder and the resolver (``mentions.yaml``), merged with the lexicon's.

``groups`` and ``descriptions`` extend the lexicon's tables of the same name; the other keys
(gender words, generic person nouns, relational nouns, what a possessive owns, prepositions
that end a name) are the mention finder's own.

>>> data = load_mention_data()
>>> data["groups"]["police"], data["groups"]["fighters"], data["gender"]["spokeswoman"]
('PublicBody', 'CollectiveActor', 'female')
>>> "successor" in data["relational"], data["possessed_types"]["reporters"]
(True, ['MediaOutlet'])
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import AssertionFileError
from graph.ingest.lexicon import load_lexicon

__all__ = ["MENTIONS_FILE", "load_mention_data"]

MENTIONS_FILE = Path(__file__).with_name("mentions.yaml")
_KEYS = ("groups", "descriptions", "generic_persons", "gender_words", "relational", "possessed_types",
         "name_breaking_prepositions", "name_titles", "unit_words", "media_words", "kin_resolved")


@lru_cache(maxsize=2)
def load_mention_data(path: Path = MENTIONS_FILE) -> dict[str, Any]:
    """The merged tables: ``groups`` (noun -> type), ``descriptions`` (noun -> types), ``gender``
    (word -> male/female), ``generic_persons``, ``relational``, ``breaking``, ``name_titles`` (with the
    lexicon's), ``unit_words``, ``media_words``, ``kin_resolved`` (sets), ``possessed_types``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    missing = [k for k in _KEYS if not isinstance(raw, dict) or k not in raw]
    if missing:
        raise AssertionFileError(f"the mention data lacks {', '.join(missing)}", file=str(path), line=1,
                                 hint=f"give every key of: {', '.join(_KEYS)}")
    lex = load_lexicon()
    gender = {str(w).lower(): sex for sex, words in raw["gender_words"].items() for w in words}
    return {"groups": {**lex["groups"], **raw["groups"]},
            "descriptions": {**lex["descriptions"], **raw["descriptions"]},
            "gender": gender, "generic_persons": set(raw["generic_persons"]), "relational": set(raw["relational"]),
            "possessed_types": dict(raw["possessed_types"]), "breaking": set(raw["name_breaking_prepositions"]),
            "name_titles": lex["name_title_words"] | set(raw["name_titles"]), "unit_words": set(raw["unit_words"]),
            "media_words": set(raw["media_words"]), "kin_resolved": set(raw["kin_resolved"])}
