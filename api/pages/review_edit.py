"""Edit ``review.yaml`` as a person would in a text editor: only the lines of the changed keys.

A change to a candidate's key replaces that key's lines (a value written on one line, or
a block indented under the key) and nothing else: comments, the order of keys and
candidates, and every untouched line stay as they were. A new key goes after the
candidate's last key; a key set to ``None`` is written ``key: null`` when the
assertion format knows that spelling (``subject: null``), and removed otherwise. Values
are written by the ingest's own YAML writer (:func:`graph.ingest.files.dump_yaml`). The
edited text is read back (the file must still parse, with the new values) before it
replaces the file, atomically.

>>> text = '''# a comment
... assertions:
... - id: a
...   subject: null
...   relation: arrested
...   review_note: 'passive voice: name the agent
...     or reject'
...   decision: pending
... - id: b
...   decision: pending
... '''
>>> print(edited_text(text, "a", {"subject": "state", "decision": "accept", "when": "on Monday",
...                                "review_note": None}), end="")
# a comment
assertions:
- id: a
  subject: state
  relation: arrested
  decision: accept
  when: on Monday
- id: b
  decision: pending
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.build.yamlfile import LineDict, read_yaml
from graph.errors import AssertionFileError
from graph.ingest.files import dump_yaml, read_mapping, write_atomic

__all__ = ["edited_text", "edit_candidate", "without_actor", "link_actor", "KEEP_NULL"]

#: keys written as ``key: null`` when emptied (the ingest writes them so); others are removed
KEEP_NULL = {"subject"}


def _column(line: str) -> int:
    """The column where the key of ``line`` starts (after a leading ``- `` of a sequence item)."""
    indent = len(line) - len(line.lstrip(" "))
    return indent + 2 if line.lstrip(" ").startswith("- ") else indent


def _block_end(lines: list[str], start: int) -> int:
    """The index after the last line of the key at ``lines[start]``: the lines indented deeper, and a
    sequence written at the key's own indentation (as the YAML writer does)."""
    column = _column(lines[start])
    end = last = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip():
            indent = len(line) - len(line.lstrip(" "))
            if indent < column or (indent == column and not line.lstrip(" ").startswith("- ")):
                break
            last = end + 1
        end += 1
    return last


def _candidate(raw: Any, item_id: str) -> LineDict:
    for item in raw.get("assertions") or [] if isinstance(raw, dict) else []:
        if isinstance(item, LineDict) and str(item.get("id")) == item_id:
            return item
    raise AssertionFileError(f"no candidate {item_id!r} in the review file", file=getattr(raw, "file", None),
                             hint="reload the review page: the file changed")


def _lines_of(key: str, value: Any, pad: str) -> list[str]:
    return [pad + line for line in dump_yaml({key: value}).splitlines()]


def edited_text(text: str, item_id: str, changes: dict[str, Any], *, name: str = "review.yaml") -> str:
    """``text`` with the keys of candidate ``item_id`` set to ``changes`` (see the module doc)."""
    path = Path(name)
    raw = _read_text(text, str(path))
    item = _candidate(raw, item_id)
    lines = text.split("\n")
    key_lines = dict(item.key_lines)
    first = item.line - 1
    pad = " " * _column(lines[first])
    # work from the bottom up so that earlier line numbers stay right
    spans = {key: (n - 1, _block_end(lines, n - 1)) for key, n in key_lines.items()}
    last_end = max(end for _, end in spans.values())
    inserts: list[str] = []
    for key, value in changes.items():
        if key in spans:
            continue
        if value is not None or key in KEEP_NULL:
            inserts += _lines_of(key, value, pad)
    lines[last_end:last_end] = inserts
    for key, (start, end) in sorted(spans.items(), key=lambda kv: -kv[1][0]):
        if key not in changes:
            continue
        value = changes[key]
        keep_dash = lines[start].lstrip().startswith("- ")
        if value is None and key not in KEEP_NULL:
            if keep_dash:
                raise AssertionFileError(f"the key {key!r} starts the candidate and cannot be removed", file=name)
            del lines[start:end]
            continue
        new = _lines_of(key, value, pad)
        if keep_dash:
            new[0] = lines[start][: _column(lines[start]) - 2] + "- " + new[0].lstrip()
        lines[start:end] = new
    result = "\n".join(lines)
    check = _read_text(result, str(path))
    after = _candidate(check, item_id)
    for key, value in changes.items():
        expected = value if value is not None or key in KEEP_NULL else None
        if after.get(key) != expected:
            raise AssertionFileError(f"the edit of {key!r} did not read back as written", file=name,
                                     hint="edit review.yaml by hand; this layout is unusual")
    return result


def _read_text(text: str, name: str) -> Any:
    """Parse ``text`` with the line-keeping reader of the build (via a temporary file)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="powergraph-review-") as folder:
        path = Path(folder) / Path(name).name
        path.write_text(text, encoding="utf-8")
        raw = read_yaml(path, display_name=name)
    return raw if raw is not None else LineDict()


def edit_candidate(path: Path, item_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Set ``changes`` on candidate ``item_id`` of the review file ``path``; the candidate as it reads now."""
    read_mapping(path, keys={"actors", "assertions"})  # a clear error if the file is broken
    text = path.read_text(encoding="utf-8")
    new = edited_text(text, item_id, changes, name=str(path))
    if new != text:
        write_atomic(path, new)
    return dict(_candidate(read_mapping(path, keys={"actors", "assertions"}), item_id))


def without_actor(text: str, actor_id: str, *, name: str = "review.yaml") -> str:
    """``text`` without the proposed actor ``actor_id`` under ``actors:`` (its lines only).

    >>> print(without_actor("actors:\\n  a:\\n    label: A\\n    aliases:\\n    - Ay\\n  b:\\n    label: B\\nassertions:\\n", "a"), end="")
    actors:
      b:
        label: B
    assertions:
    """
    raw = _read_text(text, name)
    actors = raw.get("actors") if isinstance(raw, dict) else None
    if not isinstance(actors, LineDict) or actor_id not in actors:
        raise AssertionFileError(f"no proposed actor {actor_id!r} in the review file", file=name,
                                 hint="reload the review page: the file changed")
    lines = text.split("\n")
    start = actors.key_lines[actor_id] - 1
    del lines[start:_block_end(lines, start)]  # the last one gone, ``actors:`` reads as null, as the merge writes it
    return "\n".join(lines)


def link_actor(path: Path, actor_id: str, existing: str, refs: tuple[str, ...]) -> list[str]:
    """Replace the proposed actor ``actor_id`` by the actor ``existing`` in every candidate's ``refs`` keys
    and remove it from ``actors:``, in one write; the ids of the candidates changed."""
    raw = read_mapping(path, keys={"actors", "assertions"})
    text = path.read_text(encoding="utf-8")
    changed = []
    for item in raw.get("assertions") or []:
        changes = {key: existing for key in refs if isinstance(item, dict) and str(item.get(key)) == actor_id}
        if changes:
            text = edited_text(text, str(item.get("id")), changes, name=str(path))
            changed.append(str(item.get("id")))
    write_atomic(path, without_actor(text, actor_id, name=str(path)))
    return changed
