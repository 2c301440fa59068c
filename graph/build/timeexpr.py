"""Turn the ``when`` of an assertion into a time with a precision and a day interval.

Absolute times keep their precision; relative expressions ("last week", "on
Friday") are resolved against the source's publication date and say so.

>>> from datetime import date
>>> t = resolve_time("last week", published=date(2022, 1, 15))
>>> t.start, t.end, t.precision, t.expression
(datetime.date(2022, 1, 3), datetime.date(2022, 1, 9), 'Week', 'last week')
>>> resolve_time("2019", published=date(2022, 1, 15)).lexical
('2019', 'gYear')
>>> t = resolve_time({"from": 1991, "to": 2019}, published=date(2022, 1, 15))
>>> t.start, t.end, t.precision
(datetime.date(1991, 1, 1), datetime.date(2019, 12, 31), 'Interval')
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

__all__ = ["TimeSpan", "resolve_time", "RELATIVE_EXPRESSIONS"]

_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}


@dataclass(frozen=True)
class TimeSpan:
    """When a statement holds: a lexical value at a precision, and a day interval."""

    start: date | None
    end: date | None
    precision: str  # Day | Week | Month | Year | Interval
    lexical: tuple[str, str] | None  # (value, xsd datatype local name) for pg:time
    expression: str | None = None  # the relative expression, when resolved


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _relative(expression: str, published: date) -> TimeSpan:
    text = expression.strip().lower()
    if text == "today":
        return TimeSpan(published, published, "Day", (published.isoformat(), "date"), expression)
    if text in ("this week", "last week"):
        start, end = _week(published if text == "this week" else published - timedelta(days=7))
        return TimeSpan(start, end, "Week", None, expression)
    if text.startswith("on ") and text[3:] in _WEEKDAYS:
        back = (published.weekday() - _WEEKDAYS[text[3:]]) % 7
        day = published - timedelta(days=back)
        return TimeSpan(day, day, "Day", (day.isoformat(), "date"), expression)
    match = re.fullmatch(r"(?:during )?the past (two|three|\d+) weeks|past (two|three|\d+) weeks", text)
    if match:
        word = match.group(1) or match.group(2)
        weeks = {"two": 2, "three": 3}.get(word) or int(word)
        return TimeSpan(published - timedelta(days=7 * weeks), published, "Interval", None, expression)
    if text == "last year":
        year = published.year - 1
        return TimeSpan(date(year, 1, 1), date(year, 12, 31), "Year", (str(year), "gYear"), expression)
    raise ValueError(
        f"unknown relative time {expression!r}; use one of: {', '.join(RELATIVE_EXPRESSIONS)}, "
        "or an absolute YYYY, YYYY-MM, YYYY-MM-DD or {from: ..., to: ...}"
    )


RELATIVE_EXPRESSIONS = (
    "today", "this week", "last week", "on Monday", "on Tuesday", "on Wednesday",
    "on Thursday", "on Friday", "on Saturday", "on Sunday", "past two weeks", "last year",
)


def _absolute(value: str) -> TimeSpan:
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return TimeSpan(date(year, 1, 1), date(year, 12, 31), "Year", (value, "gYear"))
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = map(int, value.split("-"))
        if not 1 <= month <= 12:
            raise ValueError(f"month out of range in {value!r}")
        last = calendar.monthrange(year, month)[1]
        return TimeSpan(date(year, month, 1), date(year, month, last), "Month", (value, "gYearMonth"))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return TimeSpan(day, day, "Day", (value, "date"))
    raise ValueError(f"not a date: {value!r}")


def _bound(value: Any, published: date) -> TimeSpan:
    text = str(value).strip()
    if re.fullmatch(r"[\d-]+", text):
        return _absolute(text)
    return _relative(text, published)


def resolve_time(when: Any, *, published: date) -> TimeSpan:
    """Resolve an assertion's ``when`` (see the module doc); raises ValueError with a hint."""
    if isinstance(when, dict):
        unknown = set(when) - {"from", "to"}
        if unknown or not when:
            raise ValueError(f"an interval takes 'from' and/or 'to', not {sorted(unknown)}")
        first = _bound(when["from"], published) if "from" in when else None
        last = _bound(when["to"], published) if "to" in when else None
        start = first.start if first else None
        end = last.end if last else None
        if start and end and start > end:
            raise ValueError(f"interval starts after it ends: {start} > {end}")
        relative = [b.expression for b in (first, last) if b and b.expression]
        return TimeSpan(start, end, "Interval", None, " to ".join(relative) if relative else None)
    text = str(when).strip()
    if re.fullmatch(r"[\d-]+", text):
        try:
            return _absolute(text)
        except ValueError as err:
            raise ValueError(f"{err}; write YYYY, YYYY-MM or YYYY-MM-DD") from err
    return _relative(text, published)
