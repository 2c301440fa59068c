"""The statements on a time axis, each at its precision: the data of ``/timeline`` and the explorer's panel.

A statement's ``span`` says how to draw it:

- ``point``: a day (precision ``day``): one date;
- ``range``: a week, a month, "the past two weeks": from its start to the day after its end;
- ``band``: a year (or longer, coarse): drawn as a wide pale band, not a precise span;
- ``open``: a start and no end (or the reverse): from the known bound to the window's edge;
- ``undated``: no date at all: listed apart, never spread over all time.

>>> span({"start": "2022-01-14", "end": "2022-01-14", "precision": "day"})
{'kind': 'point', 'from': '2022-01-14', 'to': None}
>>> span({"start": "2022-01-03", "end": "2022-01-09", "precision": "week"})
{'kind': 'range', 'from': '2022-01-03', 'to': '2022-01-10'}
>>> span({"start": "2019-01-01", "end": "2019-12-31", "precision": "year"})
{'kind': 'band', 'from': '2019-01-01', 'to': '2020-01-01'}
>>> span({"start": "2019-01-01", "end": None, "precision": None})
{'kind': 'open', 'from': '2019-01-01', 'to': None}
>>> span({"start": None, "end": None})["kind"]
'undated'
>>> timeline_data({"edges": [], "meta": {"window": {}}})["items"]
[]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["span", "timeline_data", "BAND_PRECISIONS"]

#: precisions drawn as bands (coarse: a year or more)
BAND_PRECISIONS = frozenset({"year", "decade", "century"})


def _next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def span(edge: dict[str, Any]) -> dict[str, Any]:
    """How the statement ``edge`` (a row of a view's ``edges``) sits on the time axis (see above)."""
    start, end, precision = edge.get("start"), edge.get("end"), edge.get("precision")
    if start is None and end is None:
        return {"kind": "undated", "from": None, "to": None}
    if start is None or end is None:
        return {"kind": "open", "from": start, "to": _next_day(end) if end else None}
    if precision == "day" or start == end:
        return {"kind": "point", "from": start, "to": None}
    kind = "band" if precision in BAND_PRECISIONS else "range"
    return {"kind": kind, "from": start, "to": _next_day(end)}


def timeline_data(view: dict[str, Any]) -> dict[str, Any]:
    """``{"window", "items", "undated"}`` of a view: one item per dated statement, undated ones apart.

    Each item holds the statement's id, its ends and relation (ids and labels), its span,
    its date in the source's words and its status; the evidence is the view's edge of the same id.
    """
    items: list[dict[str, Any]] = []
    undated: list[dict[str, Any]] = []
    for edge in view["edges"]:
        row = {key: edge.get(key) for key in ("id", "from", "to", "from_label", "to_label", "relation",
                                              "relation_label", "sign", "status", "status_label", "start", "end",
                                              "precision", "expression", "time", "source", "quote")}
        row["span"] = edge.get("span") or span(edge)
        (undated if row["span"]["kind"] == "undated" else items).append(row)
    items.sort(key=lambda r: (r["span"]["from"] or r["span"]["to"] or "", r["id"]))
    return {"window": view["meta"]["window"], "items": items, "undated": sorted(undated, key=lambda r: r["id"])}
