"""The ``powergraph`` command line. Each command group lives in its own module."""

from __future__ import annotations

from graph.cli._app import app, main

__all__ = ["app", "main"]
