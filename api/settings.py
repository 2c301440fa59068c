"""The server's settings, declared in one place and read from ``POWERGRAPH_*`` variables.

Every field of :class:`Settings` is one environment variable: the field name
upper-cased behind ``POWERGRAPH_``. ``api/SETTINGS.md`` documents each one
(a test fails when a setting is missing there); :func:`settings_table` prints
that table from the dataclass itself.

>>> s = Settings.from_env({"POWERGRAPH_QUERY_TIMEOUT": "2.5", "POWERGRAPH_ALLOW_SERVICE": "yes"})
>>> s.query_timeout, s.allow_service, s.max_rows
(2.5, True, 10000)
>>> Settings.from_env({"POWERGRAPH_MAX_ROWS": "many"})
Traceback (most recent call last):
...
graph.errors.PowergraphError: POWERGRAPH_MAX_ROWS: 'many' is not a whole number (hint: set it to a whole number such as 10000)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any

from graph.errors import PowergraphError
from graph.store import DEFAULT_MAX_BYTES

__all__ = ["Settings", "settings_table", "env_name"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


#: settings that must be above 0 (the other numbers may be 0, which means "off" or "automatic")
_POSITIVE = {"query_timeout", "max_rows", "max_body", "queue_timeout", "reserved_query_limit", "page_size",
             "remote_max_bytes"}


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


@dataclass(frozen=True)
class Settings:
    """Limits and switches of the HTTP server (environment variables ``POWERGRAPH_<NAME>``)."""

    query_timeout: float = field(default=30.0, metadata=_doc(
        "Wall-clock limit of one query, analysis (`/api/...`) or explorer view, in seconds; the worker "
        "running it is killed at the deadline."))
    max_rows: int = field(default=10_000, metadata=_doc(
        "Most result rows (or triples) returned by one query; more are cut and the response says so "
        "(`X-Powergraph-Truncated: true`)."))
    max_body: int = field(default=1_048_576, metadata=_doc(
        "Largest request body in bytes; bigger requests get 413 before the body is read."))
    update_token: str = field(default="", metadata=_doc(
        "Bearer token that enables SPARQL Update; empty means the endpoint is read-only."))
    allow_service: bool = field(default=False, metadata=_doc(
        "Allow SERVICE, LOAD and FROM/USING of graphs that are not in the store (outbound requests)."))
    max_concurrent_queries: int = field(default=0, metadata=_doc(
        "Query worker processes, i.e. queries running at once; 0 means one per CPU core (two per core "
        "spent about a tenth more CPU per lookup under load)."))
    reserved_workers: int = field(default=1, metadata=_doc(
        "Extra query workers kept for clients with no other query in flight, used when every other worker "
        "is busy: a cheap query is answered while slow queries hold the rest. 0 turns this off."))
    reserved_query_limit: float = field(default=1.0, metadata=_doc(
        "Seconds a query may run on a reserved worker; a longer one is stopped there and queued for an "
        "ordinary worker with the rest of its time limit."))
    worker_memory: int = field(default=2048, metadata=_doc(
        "Address space one query worker may use, in MiB (`RLIMIT_AS`); a query that needs more fails with "
        "507 and the worker is replaced. 0 means no limit."))
    max_queries_per_client: int = field(default=16, metadata=_doc(
        "Queries, updates, analyses and explorer views one client (peer address) may have in flight; beyond "
        "that 429 with Retry-After, "
        "at once. 0 turns the check off. Behind a reverse proxy every user has the proxy's address: "
        "let the proxy limit its clients and raise or disable this."))
    max_queued_queries: int = field(default=32, metadata=_doc(
        "Queries waiting for a worker; beyond that the server answers 503 with Retry-After."))
    queue_timeout: float = field(default=10.0, metadata=_doc(
        "Seconds a query may wait for a free worker before it gets 503 with Retry-After."))
    union_default_graph: bool = field(default=True, metadata=_doc(
        "Queries without FROM or a protocol dataset see the union of all graphs as default graph."))
    page_size: int = field(default=50, metadata=_doc(
        "Relations per page on entity pages (`/entity/{id}`)."))
    tune_allocator: bool = field(default=True, metadata=_doc(
        "Tune glibc's allocator in the server and its query workers (a larger per-thread cache; freed memory "
        "kept for the next query): about 15% more cheap queries per second for some 5% more memory. "
        "Read by `powergraph serve`; no effect elsewhere than glibc."))
    remote_max_bytes: int = field(default=DEFAULT_MAX_BYTES, metadata=_doc(
        "Largest answer read from a remote SPARQL store (`--store http...`), in bytes after decoding; beyond "
        "it the query fails with a clear error. Read by every command that opens a remote store."))
    corpus: str = field(default="", metadata=_doc(
        "Corpus folder the server reads article texts (`/source/{id}`) and review files (`/review/{id}`) "
        "from, and merges reviews into; empty means `graph/corpus`. The same variable as the commands' `--corpus`."))
    static_dir: str = field(default="", metadata=_doc(
        "Folder with the YASGUI files; empty means `api/static/yasgui` (filled by `npm ci` at install time)."))

    def __post_init__(self) -> None:
        """Refuse values out of range, naming the variable.

        >>> Settings(reserved_query_limit=0)
        Traceback (most recent call last):
        ...
        graph.errors.PowergraphError: POWERGRAPH_RESERVED_QUERY_LIMIT: 0 is out of range (hint: set it above 0)
        """
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            positive = item.name in _POSITIVE
            if value < 0 or (positive and value <= 0):
                raise PowergraphError(f"{env_name(item.name)}: {value:g} is out of range",
                                      hint="set it above 0" if positive else "set it to 0 or more")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from ``environ`` (default ``os.environ``), then keyword overrides that are not None."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for item in fields(cls):
            raw = environ.get(env_name(item.name))
            if raw is not None:
                values[item.name] = _convert(item.name, item.type, raw)
        values.update({key: value for key, value in overrides.items() if value is not None})
        return replace(cls(), **values)

    def workers(self) -> int:
        """How many query worker processes to run.

        >>> Settings(max_concurrent_queries=3).workers()
        3
        >>> Settings().workers() == max(1, os.cpu_count() or 1)
        True
        """
        return self.max_concurrent_queries if self.max_concurrent_queries > 0 else max(1, os.cpu_count() or 1)


def env_name(name: str) -> str:
    """The environment variable of a field.

    >>> env_name("query_timeout")
    'POWERGRAPH_QUERY_TIMEOUT'
    """
    return f"POWERGRAPH_{name.upper()}"


def _convert(name: str, kind: Any, raw: str) -> Any:
    kind = kind if isinstance(kind, str) else kind.__name__
    var = env_name(name)
    if kind == "bool":
        if raw.strip().lower() in _TRUE:
            return True
        if raw.strip().lower() in _FALSE:
            return False
        raise PowergraphError(f"{var}: {raw!r} is not a boolean", hint="use true or false")
    if kind == "int":
        try:
            return int(raw)
        except ValueError:
            raise PowergraphError(f"{var}: {raw!r} is not a whole number",
                                  hint="set it to a whole number such as 10000") from None
    if kind == "float":
        try:
            return float(raw)
        except ValueError:
            raise PowergraphError(f"{var}: {raw!r} is not a number", hint="set it to a number such as 30") from None
    return raw


def settings_table() -> str:
    """The markdown table of every setting (what ``api/SETTINGS.md`` holds).

    >>> settings_table().splitlines()[0]
    '| variable | default | what |'
    """
    lines = ["| variable | default | what |", "|---|---|---|"]
    for item in fields(Settings):
        default = item.default if item.default is not MISSING else ""
        shown = "(empty)" if default == "" else str(default).lower() if isinstance(default, bool) else str(default)
        lines.append(f"| `{env_name(item.name)}` | `{shown}` | {item.metadata['doc']} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - `python -m api.settings` prints the table
    print(settings_table())
