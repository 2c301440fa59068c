"""The mention finder's and the resolver's tables, read from the lexicon (``lexicon.yaml``, its
last section: gender words, generic person nouns, relational nouns, what a possessive owns,
prepositions that end a name, the last words of units' and media outlets' names), beside the
``groups``, ``descriptions`` and ``name_titles`` the extractor shares.

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


from graph.errors import AssertionFileError
from graph.ingest.lexicon import LEXICON_FILE, load_lexicon

__all__ = ["load_mention_data"]

_KEYS = ("groups", "descriptions", "generic_persons", "gender_words", "relational", "possessed_types",
         "name_breaking_prepositions", "name_titles", "unit_words", "media_words", "kin_resolved",
         "role_synonyms", "place_words", "kin_words", "agent_roles", "state_owned_words",
         "generic_bodies", "local_title_words")


@lru_cache(maxsize=2)
def load_mention_data(path: Path = LEXICON_FILE) -> dict[str, Any]:
    """The merged tables: ``groups`` (noun -> type), ``descriptions`` (noun -> types), ``gender``
    (word -> male/female), ``generic_persons``, ``relational``, ``breaking``, ``name_titles`` (with the
    lexicon's), ``unit_words``, ``media_words``, ``kin_resolved``, ``place_words``, ``kin_words``, ``agent_roles``, ``state_owned_words``, ``generic_bodies``, ``local_title_words`` (sets), ``possessed_types``,
    ``role_synonyms`` (a description noun -> the titles it also covers: "leader" -> "president")."""
    raw = load_lexicon(path)
    missing = [k for k in _KEYS if k not in raw]
    if missing:
        raise AssertionFileError(f"the lexicon lacks the mention data {', '.join(missing)}", file=str(path), line=1,
                                 hint=f"give every key of: {', '.join(_KEYS)}")
    gender = {str(w).lower(): sex for sex, words in raw["gender_words"].items() for w in words}
    return {"groups": dict(raw["groups"]), "descriptions": dict(raw["descriptions"]),
            "gender": gender, "generic_persons": set(raw["generic_persons"]), "relational": set(raw["relational"]),
            "possessed_types": dict(raw["possessed_types"]), "breaking": set(raw["name_breaking_prepositions"]),
            "name_titles": set(raw["name_title_words"]), "unit_words": set(raw["unit_words"]),
            "media_words": set(raw["media_words"]), "kin_resolved": set(raw["kin_resolved"]),
            "role_synonyms": {str(k): [str(w) for w in v] for k, v in raw["role_synonyms"].items()},
            "place_words": set(raw["place_words"]), "kin_words": set(raw["kin_words"]),
            "agent_roles": set(raw["agent_roles"]), "state_owned_words": set(raw["state_owned_words"]),
            "generic_bodies": set(raw["generic_bodies"]), "local_title_words": set(raw["local_title_words"])}
