"""An article's text as HTML with every quote marked where its offsets say.

A quote that occurs more than once is marked at its own offsets, not at its first
occurrence; quotes that overlap are cut into segments, each marked for every
statement that covers it. The first segment of a statement carries its anchor
(``id="st-..."``), so ``/source/{id}#st-...`` scrolls to it.

>>> text = "A said B. Later, A said B again."
>>> html = mark_text(text, [{"id": "st-2", "start": 17, "end": 25, "quote": "A said B"},
...                         {"id": "st-1", "start": 0, "end": 6, "quote": "A said"}])
>>> print(html)
<a class="quote" href="/entity/st-1"><mark id="st-1" data-st="st-1">A said</mark></a> B. Later, <a class="quote" href="/entity/st-2"><mark id="st-2" data-st="st-2">A said B</mark></a> again.
>>> print(mark_text("<b>x</b>", [{"id": "st-x", "start": 3, "end": 4, "quote": "x"}]))
&lt;b&gt;<a class="quote" href="/entity/st-x"><mark id="st-x" data-st="st-x">x</mark></a>&lt;/b&gt;
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

__all__ = ["mark_text", "place_quotes"]


def place_quotes(text: str, statements: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The statements whose quote is at its offsets in ``text`` (or, if the offsets are missing or
    wrong, at its only occurrence), with ``start``/``end`` set; and those whose quote is not there.

    >>> placed, lost = place_quotes("one two one", [{"id": "a", "quote": "one", "start": 8, "end": 11},
    ...                                             {"id": "b", "quote": "two", "start": None, "end": None},
    ...                                             {"id": "c", "quote": "one", "start": None, "end": None}])
    >>> [(s["id"], s["start"]) for s in placed], [s["id"] for s in lost]
    ([('a', 8), ('b', 4)], ['c'])
    """
    placed, lost = [], []
    for st in statements:
        quote, start, end = st.get("quote") or "", st.get("start"), st.get("end")
        if quote and isinstance(start, int) and isinstance(end, int) and text[start:end] == quote:
            placed.append(st)
        elif quote and text.count(quote) == 1:
            at = text.index(quote)
            placed.append({**st, "start": at, "end": at + len(quote)})
        else:
            lost.append(st)
    return placed, lost


def _entity_page(statement_id: str) -> str:
    return f"/entity/{urlquote(statement_id)}"


def mark_text(text: str, statements: list[dict[str, Any]], *, href: Callable[[str], str] = _entity_page) -> Markup:
    """``text`` escaped, with each placed statement's span in ``<mark>`` linking to ``href(id)`` (see the module doc)."""
    placed, _ = place_quotes(text, statements)
    cuts = sorted({0, len(text), *(s["start"] for s in placed), *(s["end"] for s in placed)})
    anchored: set[str] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        covering = [s for s in placed if s["start"] <= a and s["end"] >= b]
        if not covering:
            out.append(piece)
            continue
        ids = [str(s["id"]) for s in covering]
        fresh = [i for i in ids if i not in anchored]
        anchored.update(fresh)
        extra = "".join(f'<span class="anchor" id="{escape(i)}"></span>' for i in fresh[1:])
        own = f' id="{escape(fresh[0])}"' if fresh else ""
        out.append(f'{extra}<a class="quote" href="{escape(href(ids[0]))}"><mark{own} '
                   f'data-st="{escape(" ".join(ids))}">{piece}</mark></a>')
    return Markup("".join(out))
