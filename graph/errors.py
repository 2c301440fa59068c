"""One exception tree for the whole project.

Every error a user can cause derives from :class:`PowergraphError` and says
what went wrong, where, and how to fix it. The HTTP layer (``api/``) maps
each class to a status code; nothing below ``api/`` knows about HTTP.

>>> err = AssertionFileError("quote not found in source", file="a.yaml", line=3,
...                          hint="copy the quote verbatim from the article")
>>> str(err)
'a.yaml:3: quote not found in source (hint: copy the quote verbatim from the article)'
"""

from __future__ import annotations

__all__ = [
    "PowergraphError",
    "AssertionFileError",
    "ArticleTextError",
    "ValidationError",
    "StoreError",
    "StoreUnavailableError",
    "RDFSyntaxError",
    "QueryError",
    "QueryTimeoutError",
    "ForbiddenOperationError",
    "NotFoundError",
    "AmbiguousNameError",
    "InputTooLargeError",
]


class PowergraphError(Exception):
    """Base class: a message, an optional location and a hint on how to fix it."""

    code = "powergraph_error"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(str(self))

    @property
    def location(self) -> str | None:
        """``file:line:column`` as far as known, or None."""
        parts = [str(p) for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(parts) if parts else None

    def __str__(self) -> str:
        text = self.message
        if self.location:
            text = f"{self.location}: {text}"
        if self.hint:
            text = f"{text} (hint: {self.hint})"
        return text

    def to_dict(self) -> dict[str, str | None]:
        """The JSON error body used by the API and by ``--format json``."""
        message = f"{self.location}: {self.message}" if self.location else self.message
        return {"code": self.code, "message": message, "hint": self.hint}


class AssertionFileError(PowergraphError):
    """An assertion (YAML) file is malformed or refers to something unknown."""

    code = "assertion_error"


class ArticleTextError(AssertionFileError):
    """An article text cannot be ingested: empty, binary, not UTF-8 or too large."""

    code = "bad_article"


class ValidationError(PowergraphError):
    """The built graph violates the SHACL shapes; ``report`` lists each violation."""

    code = "validation_error"

    def __init__(self, message: str, *, report: list[dict[str, str | None]] | None = None, **kw: object) -> None:
        self.report = report or []
        super().__init__(message, **kw)  # type: ignore[arg-type]


class StoreError(PowergraphError):
    """The store failed or was asked for something it cannot do."""

    code = "store_error"


class StoreUnavailableError(StoreError):
    """A remote store did not answer in time or refused the connection."""

    code = "store_unavailable"


class RDFSyntaxError(PowergraphError):
    """An RDF file could not be parsed; file, line and column say where."""

    code = "rdf_syntax_error"


class QueryError(PowergraphError):
    """A SPARQL query or update is malformed or not allowed."""

    code = "query_error"


class QueryTimeoutError(QueryError):
    """A query ran past the wall-clock limit and was stopped."""

    code = "query_timeout"


class ForbiddenOperationError(QueryError):
    """The query asks for something disabled by policy (SERVICE, LOAD, writes)."""

    code = "forbidden"


class NotFoundError(PowergraphError):
    """An entity, actor or resource does not exist."""

    code = "not_found"


class AmbiguousNameError(NotFoundError):
    """A name matches several actors; ``candidates`` lists them."""

    code = "ambiguous_name"

    def __init__(self, message: str, *, candidates: list[str] | None = None, **kw: object) -> None:
        self.candidates = candidates or []
        super().__init__(message, **kw)  # type: ignore[arg-type]


class InputTooLargeError(PowergraphError):
    """An input exceeds a documented size limit."""

    code = "too_large"
