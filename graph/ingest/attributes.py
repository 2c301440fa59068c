"""The model's ``attribute_ruler`` (tag -> part of speech and morphology, a few lemma and tag exceptions) applied
by table lookup: the same patterns and attributes, but a token's one-token patterns are looked up by what they
read of it (its lower-case form, tag, dependency, whether it is a space), once per distinct token, instead of
spaCy's ``Matcher`` trying each of its 179 patterns at every token (a tenth of the ingest's time).

:func:`lookup_ruler` builds it from the loaded ruler's own patterns; a pattern of a form it does not read
(an operator, another attribute) makes it return None, and the pipeline keeps spaCy's ruler.

>>> from graph.ingest.nlp import load_pipeline
>>> nlp = load_pipeline()
>>> [(t.text, t.pos_, t.lemma_) for t in nlp("They ain't here.")]
[('They', 'PRON', 'they'), ('ai', 'VERB', 'be'), ("n't", 'PART', 'not'), ('here', 'ADV', 'here'), ('.', 'PUNCT', '.')]
>>> _predicate({"LOWER": {"IN": ["ai", "ca"]}, "TAG": "MD"}) is not None, _predicate({"OP": "+"})
(True, None)
"""

from __future__ import annotations

import re
from typing import Any, Callable

__all__ = ["LookupRuler", "lookup_ruler"]

_ATTRS = {"LOWER": "lower_", "TAG": "tag_", "DEP": "dep_", "IS_SPACE": "is_space"}
_Test = Callable[[Any], bool]


def _predicate(spec: dict[str, Any]) -> _Test | None:
    """A test of one token for one token pattern of the ruler, or None for a form it does not read."""
    tests: list[_Test] = []
    for key, value in spec.items():
        attr = _ATTRS.get(key)
        if attr is None:
            return None
        if isinstance(value, (str, bool)):
            tests.append(lambda t, a=attr, v=value: getattr(t, a) == v)
        elif isinstance(value, dict) and len(value) == 1 and "IN" in value:
            tests.append(lambda t, a=attr, v=frozenset(value["IN"]): getattr(t, a) in v)
        elif isinstance(value, dict) and len(value) == 1 and "NOT_IN" in value:
            tests.append(lambda t, a=attr, v=frozenset(value["NOT_IN"]): getattr(t, a) not in v)
        elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value and attr != "is_space":
            tests.append(lambda t, a=attr, r=re.compile(value["REGEX"]): r.search(getattr(t, a)) is not None)
        else:
            return None
    return lambda t: all(test(t) for test in tests)


class LookupRuler:
    """A pipeline component: spaCy's ``ruler`` with its one-token ``singles`` (attribute number, test) looked up
    per distinct token and its longer ``spans`` (attribute number, target index, tests) tried where they may
    start (see the module doc)."""

    def __init__(self, ruler: Any, singles: list[tuple[int, _Test]], spans: list[tuple[int, int, list[_Test]]]) -> None:
        self.ruler, self.singles, self.spans = ruler, singles, spans
        self._seen: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _lookup(self, token: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The numbers of the one-token patterns ``token`` matches, and the positions in :attr:`spans` of the
        longer patterns whose first token it matches (what the patterns read of a token is the key)."""
        key = (token.lower_, token.tag_, token.dep_, token.is_space)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = (tuple(number for number, test in self.singles if test(token)),
                                       tuple(n for n, (_, _, tests) in enumerate(self.spans) if tests[0](token)))
        return found

    def matches(self, doc: Any) -> dict[int, tuple[int, ...]]:
        """Token index -> the attribute numbers of the patterns that set it, in the order spaCy's ruler applies
        them (by number; a later one overrides an earlier one)."""
        found, starts = {}, []
        for token in doc:
            found[token.i], firsts = self._lookup(token)
            starts += [(token.i, n) for n in firsts]
        for start, n in starts:
            number, index, tests = self.spans[n]
            if start + len(tests) <= len(doc) and all(test(doc[start + k]) for k, test in enumerate(tests)):
                target = (start if index >= 0 else start + len(tests)) + index
                found[target] = tuple(sorted({*found[target], number}))
        return found

    def _attrs(self, numbers: tuple[int, ...]) -> dict[Any, Any]:
        merged = self._merged.get(numbers)
        if merged is None:
            merged = self._merged[numbers] = {k: v for n in numbers for k, v in self.ruler.attrs[n].items()}
        return merged

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        for i, numbers in self.matches(doc).items():
            if numbers:
                set_token_attrs(doc[i], self._attrs(numbers))
        return doc


def lookup_ruler(ruler: Any) -> LookupRuler | None:
    """The :class:`LookupRuler` of spaCy's ``AttributeRuler`` ``ruler``, or None if a pattern is of a form it
    does not read."""
    singles, spans = [], []
    for number, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            tests = [_predicate(spec) for spec in pattern]
            if not tests or any(t is None for t in tests) or not -len(tests) <= entry["index"] < len(tests):
                return None
            if len(tests) == 1:
                singles.append((number, tests[0]))
            else:
                spans.append((number, entry["index"], tests))
    return LookupRuler(ruler, singles, spans)
