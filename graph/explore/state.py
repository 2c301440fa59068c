"""The explorer's view state as text: what the page keeps in its address after ``#``.

The same text opens the same view in the page (``/explore#...``, ``explorer.html#...``) and in
``powergraph explore --view``. Keys (all optional):

- ``time``: ``slice:NAME`` (a default slice, e.g. ``slice:January 2022``; the page opens on the
  most recent one), ``span:FROM..TO`` (days, either end may be empty) or ``all`` (the whole window);
- ``ego`` (an actor id) and ``depth`` (1-3): the actor's neighbourhood, laid out around it;
- ``hide``: relations switched off (comma-separated ids); ``status``: the statuses shown
  (comma-separated; default all but revised and retracted);
- ``select``: ``node:ID`` or ``edge:STATEMENT-ID``, whose evidence the panel shows;
- ``group``: the timeline's grouping, ``actor`` or ``relation``.

>>> parse_state("time=slice:January+2022&ego=masimov&depth=2")
{'time': 'slice:January 2022', 'ego': 'masimov', 'depth': '2'}
>>> parse_state("http://127.0.0.1:8000/explore?at=2022-01-10#time=span:2022-01-03..2022-01-09")
{'time': 'span:2022-01-03..2022-01-09'}
>>> state_text({"time": "all", "select": "node:masimov"})
'time=all&select=node%3Amasimov'
>>> parse_state("colour=red")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
graph.errors.QueryError: unknown view state key 'colour' (hint: ...)
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl, urlencode

from graph.analysis.projection import STATUSES
from graph.analysis.slices import DEFAULT_SLICES
from graph.errors import QueryError

__all__ = ["parse_state", "state_text", "KEYS"]

#: the keys of the view state, in the order the page writes them
KEYS = ("time", "ego", "depth", "hide", "status", "select", "group")
_HINT = ("write the state as the page does, e.g. 'time=slice:January 2022&ego=masimov&depth=2&select=node:masimov' "
         "(keys: " + ", ".join(KEYS) + ")")


def _day(value: str, what: str) -> None:
    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise QueryError(f"{what} {value!r} is not a day", hint="write days as YYYY-MM-DD") from None


def _check(key: str, value: str) -> None:
    if key == "time":
        names = [str(s["name"]) for s in DEFAULT_SLICES]
        if value.startswith("slice:") and value[6:] not in names:
            raise QueryError(f"unknown time slice {value[6:]!r}", hint=f"the slices are: {', '.join(names)}")
        if value.startswith("span:"):
            low, sep, high = value[5:].partition("..")
            if not sep:
                raise QueryError(f"time span {value!r} has no '..'", hint="write span:FROM..TO, e.g. span:2022-01-03..2022-01-09")
            _day(low, "span start")
            _day(high, "span end")
        elif not value.startswith("slice:") and value != "all":
            raise QueryError(f"time {value!r} is not a slice, a span or all", hint=_HINT)
    elif key == "depth" and value not in ("1", "2", "3"):
        raise QueryError(f"depth {value!r} is out of range", hint="choose a depth of 1, 2 or 3 steps")
    elif key == "status":
        unknown = sorted(set(value.split(",")) - set(STATUSES) - {""})
        if unknown:
            raise QueryError(f"unknown status {', '.join(unknown)}", hint=f"the statuses are: {', '.join(STATUSES)}")
    elif key == "select" and value.partition(":")[0] not in ("node", "edge"):
        raise QueryError(f"selection {value!r} is neither node:ID nor edge:ID", hint=_HINT)
    elif key == "group" and value not in ("actor", "relation"):
        raise QueryError(f"timeline grouping {value!r} is neither actor nor relation", hint=_HINT)


def parse_state(text: str) -> dict[str, str]:
    """The state in ``text`` (a state, or a whole address whose part after ``#`` is one), checked."""
    fragment = text.split("#", 1)[1] if "#" in text else text
    if "://" in fragment:  # an address without a fragment: no state in it
        return {}
    state: dict[str, str] = {}
    for key, value in parse_qsl(fragment, keep_blank_values=True):
        if key not in KEYS:
            raise QueryError(f"unknown view state key {key!r}", hint=_HINT)
        _check(key, value)
        state[key] = value
    return state


def state_text(state: dict[str, str]) -> str:
    """The state as the page writes it after ``#`` (keys in :data:`KEYS` order)."""
    return urlencode([(key, state[key]) for key in KEYS if state.get(key)])
