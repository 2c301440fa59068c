"""What the store implementations share: replacing graphs by one update, context management."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import TracebackType

import pyoxigraph as ox

from graph.store._sparql_text import replace_graphs_update

__all__ = ["StoreBase"]


class StoreBase:
    """Mixin for the implementations: needs ``update`` and ``close``."""

    def update(self, sparql: str) -> None:  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def replace_graphs(self, quads_by_graph: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Drop and refill each named graph in one update request (one transaction)."""
        if quads_by_graph:
            self.update(replace_graphs_update(quads_by_graph))

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
