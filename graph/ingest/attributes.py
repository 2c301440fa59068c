"""The model's ``attribute_ruler`` (tag -> part of speech and morphology, a few lemma and tag exceptions) applied
by table lookup: the same patterns and attributes, but the patterns a token may match are looked up by its
lower-case form and tag (and what they find is kept per distinct token) instead of spaCy's ``Matcher``
trying each of its 179 patterns at every token (a tenth of the ingest's time).

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


def _check(attr: str, value: Any) -> _Test | None:
    """A test of one attribute of a token, as the ``Matcher`` reads ``value``; None for a form it does not read."""
    if isinstance(value, (str, bool)):
        def test(t: Any) -> bool:
            return bool(getattr(t, attr) == value)
    elif isinstance(value, dict) and len(value) == 1 and "IN" in value:
        among = frozenset(value["IN"])

        def test(t: Any) -> bool:
            return getattr(t, attr) in among
    elif isinstance(value, dict) and len(value) == 1 and "NOT_IN" in value:
        outside = frozenset(value["NOT_IN"])

        def test(t: Any) -> bool:
            return getattr(t, attr) not in outside
    elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value and attr != "is_space":
        pattern = re.compile(value["REGEX"])

        def test(t: Any) -> bool:
            return pattern.search(getattr(t, attr)) is not None
    else:
        return None
    return test


def _predicate(spec: dict[str, Any]) -> _Test | None:
    """A test of one token for one token pattern of the ruler, or None for a form it does not read."""
    tests = [_check(_ATTRS[key], value) if key in _ATTRS else None for key, value in spec.items()]
    checks = [t for t in tests if t is not None]
    if len(checks) < len(tests):
        return None
    return lambda t: all(check(t) for check in checks)


class LookupRuler:
    """A pipeline component: spaCy's ``ruler`` with its one-token ``singles`` (attribute number, test, first token
    pattern) looked up by the token's lower-case form or tag and its longer ``spans`` (attribute number, target
    index, tests, first token pattern) tried where their first token matches (see the module doc)."""

    def __init__(self, ruler: Any, singles: list[tuple[int, _Test, dict[str, Any]]],
                 spans: list[tuple[int, int, list[_Test], dict[str, Any]]]) -> None:
        self.ruler, self.spans = ruler, spans
        firsts = [(number, test, None, spec) for number, test, spec in singles] + [
            (number, tests[0], n, spec) for n, (number, _, tests, spec) in enumerate(spans)]
        self._tables: dict[str, dict[str, list[tuple[int, _Test, int | None]]]] = {"LOWER": {}, "TAG": {}}
        self._rest: list[tuple[int, _Test, int | None]] = []
        for number, test, span, spec in firsts:
            key = next((k for k in ("LOWER", "TAG") if isinstance(spec.get(k), str) or
                        isinstance(spec.get(k), dict) and "IN" in spec[k]), None)
            if key is None:
                self._rest.append((number, test, span))
                continue
            for value in [spec[key]] if isinstance(spec[key], str) else spec[key]["IN"]:
                self._tables[key].setdefault(value, []).append((number, test, span))
        self._candidates: dict[tuple[str, str], list[tuple[int, _Test, int | None]]] = {}
        self._seen: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[Any, Any]] = {}

    def _lookup(self, token: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The numbers of the one-token patterns ``token`` matches (ascending), and the positions in
        :attr:`spans` of the longer patterns whose first token it matches."""
        seen = (token.lower_, token.tag_, token.dep_, token.is_space)  # all that the patterns read of a token
        found = self._seen.get(seen)
        if found is None:
            if len(self._seen) > 200_000:
                self._seen.clear()  # a bound for a long-running process
            found = self._seen[seen] = self._match(token)
        return found

    def _match(self, token: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
        key = (token.lower_, token.tag_)
        candidates = self._candidates.get(key)
        if candidates is None:
            candidates = self._candidates[key] = sorted(
                [*self._tables["LOWER"].get(key[0], ()), *self._tables["TAG"].get(key[1], ()), *self._rest],
                key=lambda c: c[0])
        matched = [(number, span) for number, test, span in candidates if test(token)]
        return tuple(n for n, span in matched if span is None), tuple(span for _, span in matched if span is not None)

    def matches(self, doc: Any) -> dict[int, tuple[int, ...]]:
        """Token index -> the attribute numbers of the patterns that set it, in the order spaCy's ruler applies
        them (by number; a later one overrides an earlier one)."""
        found, starts = {}, []
        for token in doc:
            found[token.i], firsts = self._lookup(token)
            starts += [(token.i, n) for n in firsts]
        for start, n in starts:
            number, index, tests, _ = self.spans[n]
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
    singles: list[tuple[int, _Test, dict[str, Any]]] = []
    spans: list[tuple[int, int, list[_Test], dict[str, Any]]] = []
    for number, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            tests = [t for t in (_predicate(spec) for spec in pattern) if t is not None]
            if not tests or len(tests) < len(pattern) or not -len(tests) <= entry["index"] < len(tests):
                return None
            if len(tests) == 1:
                singles.append((number, tests[0], pattern[0]))
            else:
                spans.append((number, entry["index"], tests, pattern[0]))
    return LookupRuler(ruler, singles, spans)
