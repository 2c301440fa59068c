"""The trigger lexicon (``lexicon.yaml``): verb phrases, templates and figure cues per relation.

Relation ids come from the ontology; the lexicon only says how English text
expresses them, and :func:`load_lexicon` refuses a key that is not a relation.

>>> sorted(verb_forms("arrest"))
['arrest', 'arrested', 'arresting', 'arrests']
>>> participles("round up", {})
{'rounded up'}
>>> lex = load_lexicon()
>>> "arrested" in lex["relations"] and "detainedCount" in lex["figures"]
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import AssertionFileError
from ontology import relation_metadata

__all__ = ["LEXICON_FILE", "load_lexicon", "verb_forms", "participles", "inflect_phrase"]

LEXICON_FILE = Path(__file__).with_name("lexicon.yaml")
_VOWELS = "aeiou"

def _regular(base: str) -> tuple[str, str, str]:
    """(3rd person, past/participle, -ing) of a regular verb."""
    if base.endswith(("s", "x", "z", "ch", "sh")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    if base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    return third, past, ing

def _doubled(base: str) -> tuple[str, str] | None:
    """slam -> (slammed, slamming); label -> (labelled, labelling); None when not consonant-vowel-consonant."""
    if len(base) >= 3 and base[-1] not in _VOWELS + "wxy" and base[-2] in _VOWELS and base[-3] not in _VOWELS:
        return base + base[-1] + "ed", base + base[-1] + "ing"
    return None

def _forms(base: str, irregular: dict[str, list[str]]) -> tuple[set[str], set[str]]:
    """All forms of ``base`` and, among them, the past participles."""
    if base in irregular:
        third, past, participle, ing = irregular[base]
        return {base, third, past, participle, ing}, {participle}
    third, past, ing = _regular(base)
    forms, parts = {base, third, past, ing}, {past}
    doubled = _doubled(base)
    if doubled:
        forms |= set(doubled)
        parts.add(doubled[0])
    return forms, parts

def verb_forms(base: str, irregular: dict[str, list[str]] | None = None) -> set[str]:
    """Every inflected form of a one-word verb."""
    return _forms(base, irregular or {})[0]

def inflect_phrase(phrase: str, irregular: dict[str, list[str]]) -> dict[str, bool]:
    """Every form of a verb phrase (first word inflected) -> whether it is a past participle.

    >>> inflect_phrase("call for", {})["called for"]
    True
    """
    first, _, rest = phrase.partition(" ")
    forms, parts = _forms(first, irregular)
    tail = f" {rest}" if rest else ""
    result = {f"{form}{tail}": form in parts for form in forms}
    if first == "be":  # "be deployed to": the phrase is itself passive; keep its participle
        result = {phrase.split(" ", 1)[1]: True}
    return result

def participles(phrase: str, irregular: dict[str, list[str]]) -> set[str]:
    """The past-participle forms of a verb phrase."""
    return {form for form, is_part in inflect_phrase(phrase, irregular).items() if is_part}

def _check(raw: Any, file: Path) -> None:
    if not isinstance(raw, dict) or not isinstance(raw.get("relations"), dict):
        raise AssertionFileError("the lexicon needs a 'relations' mapping", file=str(file), line=1)
    known = {r.id: r for r in relation_metadata().values()}
    for section, figure in (("relations", False), ("figures", True)):
        for key in raw.get(section) or {}:
            relation = known.get(key)
            if relation is None or relation.is_figure != figure:
                kind = "figure" if figure else "relation"
                valid = sorted(r for r, m in known.items() if m.is_figure == figure)
                raise AssertionFileError(
                    f"{section}: {key!r} is not a {kind} of the ontology", file=str(file),
                    hint=f"use one of: {', '.join(valid)}",
                )

@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_FILE) -> dict[str, Any]:
    """The lexicon, checked against the ontology, with verb phrases inflected.

    ``relations[r]["forms"]`` maps each inflected phrase to "is a past participle".
    """
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    _check(raw, path)
    irregular = {k: [str(v) for v in forms] for k, forms in (raw.get("irregular_verbs") or {}).items()}
    for section in ("relations", "figures"):
        for spec in (raw.get(section) or {}).values():
            forms: dict[str, bool] = {}
            for phrase in spec.get("verbs") or []:
                forms.update(inflect_phrase(str(phrase).lower(), irregular))
            spec["forms"] = forms
    raw["speech_forms"] = {form for verb in raw.get("attribution_verbs") or []
                           for form in verb_forms(str(verb), irregular)}
    raw["irregular"] = irregular
    raw["negations"] = [str(n) for n in raw.get("negations") or []]
    raw["auxiliaries"] = {str(a) for a in raw.get("auxiliaries") or []}
    raw["be_forms"] = {"be", "am", "is", "are", "was", "were", "been", "being", "'s"}
    return raw
