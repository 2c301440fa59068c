"""Import every command module so that each registers on :data:`graph.cli._app.app`."""

from graph.cli import core  # noqa: F401
from graph.cli import store_cmds  # noqa: F401
from graph.cli import analysis_cmds  # noqa: F401
from graph.cli import ingest_cmds  # noqa: F401
from graph.cli import serve_cmds  # noqa: F401
from graph.cli import explore_cmds  # noqa: F401
from graph.cli import sources_cmds  # noqa: F401
