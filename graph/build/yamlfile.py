"""Read a YAML file keeping the line of every mapping, for errors that say where."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.errors import AssertionFileError

__all__ = ["LineDict", "read_yaml"]


class LineDict(dict[str, Any]):
    """A dict that remembers the file and 1-based line it was read from.

    >>> d = LineDict({"a": 1}); d.file, d.line = "x.yaml", 4
    >>> d.where()
    'x.yaml:4'
    """

    file: str = "?"
    line: int = 0
    key_lines: dict[str, int]

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def line_of(self, key: str) -> int:
        """The line of ``key`` inside this mapping (the mapping's own line if unknown)."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are :class:`LineDict` with their lines."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.file = loader.name
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise AssertionFileError(
                f"duplicate key {key!r}",
                file=loader.name,
                line=key_node.start_mark.line + 1,
                hint="each key may appear once in a mapping; remove or rename one",
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, *, display_name: str | None = None) -> Any:
    """Parse ``path``; a syntax error becomes an :class:`AssertionFileError` naming file and line.

    Dates stay strings (``2022-01-14`` is not turned into a ``date``), so that the
    time resolver sees exactly what the curator wrote.
    """
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise AssertionFileError(
            f"not UTF-8 text ({err.reason} at byte {err.start})", file=name, hint="save the file as UTF-8"
        ) from err
    except OSError as err:
        raise AssertionFileError(f"cannot read: {err.strerror}", file=name) from err
    loader = _Loader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise AssertionFileError(
            f"YAML syntax error: {err.problem or err.context}",
            file=name,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
            hint="check indentation and quoting on that line; quote strings that contain ': ' or start with a quote",
        ) from err
    finally:
        loader.dispose()


# Dates are kept as plain strings: remove the implicit timestamp resolver.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
