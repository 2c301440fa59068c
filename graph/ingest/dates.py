"""Find time expressions in a text, written as the ``when`` values of the assertion format.

>>> [d["when"] for d in find_dates("On Thursday, 5 January 2022, and last week; from 1991 to 2019, in 2016.")]
['on Thursday', '2022-01-05', 'last week', {'from': 1991, 'to': 2019}, '2016']
>>> find_dates("during the past two weeks")[0]["when"]
'past two weeks'
>>> [d["when"] for d in find_dates("on January 6, late on 7 January", published="2022-01-10")]
['2022-01-06', '2022-01-07']
>>> resolve_when("on Thursday", "2022-01-10")
'2022-01-06'
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

from graph.build.timeexpr import resolve_time

__all__ = ["find_dates", "nearest_date", "latest_full_date", "resolve_when"]

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(name for name in calendar.month_name if name)
_DAY = "|".join(calendar.day_name)
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(\d{{1,2}}) ({_MONTH}),? (\d{{4}})\b"), "dmy"),
    (re.compile(rf"\b({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b"), "mdy"),
    (re.compile(rf"\b({_MONTH}) (\d{{4}})\b"), "my"),
    (re.compile(rf"\b({_MONTH}) (\d{{1,2}})\b(?!,? \d)"), "md"),
    (re.compile(rf"\b(\d{{1,2}}) ({_MONTH})\b(?!,? \d)"), "dm"),
    (re.compile(r"\bfrom (?:its \w+ in |)((?:19|20)\d\d) (?:to|until|till) ((?:19|20)\d\d)\b"), "interval"),
    (re.compile(r"\b(?:[Bb]etween) ((?:19|20)\d\d) and ((?:19|20)\d\d)\b"), "interval"),
    (re.compile(rf"\b[Oo]n ({_DAY})\b"), "weekday"),
    (re.compile(r"\b(?:[Ll]ast|[Tt]his) (?:week|year)\b|\b[Tt]oday\b"), "relative"),
    (re.compile(r"\b(?:[Pp]ast|[Ll]ast) (two|three|\d+) weeks\b"), "weeks"),
    (re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,])"), "year"),
]


def _value(kind: str, match: re.Match[str], year: int | None) -> Any:
    groups = match.groups()
    if kind in ("md", "dm"):
        month, day = (groups[0], groups[1]) if kind == "md" else (groups[1], groups[0])
        return f"{year:04d}-{_MONTHS[month.lower()]:02d}-{int(day):02d}" if year else None
    if kind == "dmy":
        return f"{int(groups[2]):04d}-{_MONTHS[groups[1].lower()]:02d}-{int(groups[0]):02d}"
    if kind == "mdy":
        return f"{int(groups[2]):04d}-{_MONTHS[groups[0].lower()]:02d}-{int(groups[1]):02d}"
    if kind == "my":
        return f"{int(groups[1]):04d}-{_MONTHS[groups[0].lower()]:02d}"
    if kind == "interval":
        return {"from": int(groups[0]), "to": int(groups[1])}
    if kind == "weekday":
        return f"on {groups[0]}"
    if kind == "weeks":
        return f"past {groups[0]} weeks"
    if kind == "year":
        return groups[0]
    return match.group().lower()


def find_dates(text: str, *, offset: int = 0, published: str | None = None) -> list[dict[str, Any]]:
    """Time expressions as ``{start, end, text, when}``, earliest first; overlapping ones keep the longest.
    A day without a year ("on January 6") takes the year of ``published`` (and is left out without it)."""
    found: list[dict[str, Any]] = []
    year = int(published[:4]) if published else None
    for pattern, kind in _RULES:
        for match in pattern.finditer(text):
            if any(f["start"] <= match.start() + offset < f["end"] for f in found):
                continue
            value = _value(kind, match, year)
            if value is not None:
                found.append({"start": match.start() + offset, "end": match.end() + offset, "text": match.group(),
                              "when": value})
    return sorted(found, key=lambda f: f["start"])


def nearest_date(dates: list[dict[str, Any]], position: int, *, start: int | None = None, end: int | None = None,
                 reach: int = 60) -> Any:
    """The ``when`` of the expression closest to ``position``, at most ``reach`` characters from ``start..end``.

    >>> nearest_date(find_dates("in 2016 he left; much later, in 2019, ..."), 9, start=8, end=15)
    '2016'
    """
    low, high = (position if start is None else start) - reach, (position if end is None else end) + reach
    dates = [d for d in dates if d["end"] >= low and d["start"] <= high]
    if not dates:
        return None
    best = min(dates, key=lambda d: 0 if d["start"] <= position < d["end"] else
               min(abs(d["start"] - position), abs(d["end"] - position)))
    return best["when"]


def latest_full_date(text: str) -> str | None:
    """The latest full date (day, month and year) written in ``text``, as YYYY-MM-DD.

    >>> latest_full_date("On 3 January 2022 and January 6, 2022 ...")
    '2022-01-06'
    >>> latest_full_date("He was named on Tuesday.") is None  # ten characters, and no date
    True
    """
    days = [d["when"] for d in find_dates(text) if isinstance(d["when"], str) and _FULL_DAY.fullmatch(d["when"])]
    valid = []
    for day in days:
        try:
            resolve_time(day, published=date.today())
            valid.append(day)
        except ValueError:
            continue
    return max(valid) if valid else None


def resolve_when(when: Any, published: str) -> str | None:
    """The first day of ``when`` resolved against ``published`` (YYYY-MM-DD), or None if it does not resolve."""
    if when is None:
        return None
    try:
        start = resolve_time(when, published=date.fromisoformat(published)).start
    except (ValueError, AttributeError):
        return None
    return start.isoformat() if start else None
