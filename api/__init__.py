"""The FastAPI application: SPARQL 1.1 Protocol, query UI, entity pages, ontology, analysis JSON.

``create_app(store=..., settings=...)`` builds it; nothing runs at import time.

>>> from api import Settings
>>> Settings().query_timeout
30.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from api.settings import Settings

if TYPE_CHECKING:
    from api.app import create_app

__all__ = ["create_app", "Settings"]


def __getattr__(name: str) -> Any:
    if name == "create_app":  # imported on first use: the worker processes never load FastAPI
        from api.app import create_app

        return create_app
    raise AttributeError(name)
