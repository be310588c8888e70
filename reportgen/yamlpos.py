"""YAML loading that remembers where every key and value is, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import InputError, Location, Problem


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader (no object tags) that also rejects duplicate mapping keys."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, yaml.Node] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first at line {seen[key].start_mark.line + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Dates stay strings here; the schema parses them and reports a bad one with its position.
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


# Bounds on what a hand-edited file may expand to: an alias bomb (a few lines
# that expand to billions of values) or deep nesting must be an input error,
# not an out-of-memory or RecursionError in the build.
MAX_DEPTH = 32         # nested mappings and lists
MAX_VALUES = 100_000   # values after expanding every alias


def check_limits(text: str, path: str) -> None:
    """Walk the YAML events (no recursion, nothing built) and refuse what exceeds the bounds."""
    sizes: dict[str, int] = {}  # anchor -> values it expands to
    open_collections: list[tuple[str | None, int]] = []  # (anchor, count when it started)
    count = 0
    try:
        for event in yaml.parse(text, Loader=_UniqueKeyLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                count += 1
                open_collections.append((event.anchor, count))
                if len(open_collections) > MAX_DEPTH:
                    raise _limit(path, event, f"nested more than {MAX_DEPTH} levels deep")
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, started = open_collections.pop()
                if anchor:
                    sizes[anchor] = count - started + 1
            elif isinstance(event, yaml.ScalarEvent):
                count += 1
                if event.anchor:
                    sizes[event.anchor] = 1
            elif isinstance(event, yaml.AliasEvent):
                count += sizes.get(event.anchor, 1)
            if count > MAX_VALUES:
                raise _limit(path, event, f"expands to more than {MAX_VALUES:,} values (aliases included)")
    except yaml.YAMLError:
        return  # composing reports the syntax error with its position


def _limit(path: str, event, message: str) -> InputError:
    mark = event.start_mark
    return InputError(Problem(Location(path, mark.line + 1, mark.column + 1), f"YAML too large: {message}",
                              "a landscape or sidecar is a short hand-written file"))


MAX_YAML_BYTES = 2 * 1024 * 1024  # a hand-edited file (landscape, review file); larger is not one


def read_yaml_mapping(path: Path, shown: str, what: str, not_a_mapping: str,
                      empty_ok: bool = False) -> tuple[dict, yaml.Node | None, bytes]:
    """A hand-edited YAML file's mapping, node tree and bytes, or an InputError naming the file.

    One place for what every hand-edited file gets: a size cap, UTF-8, the
    YAML bounds of `load_yaml_with_positions`, and a mapping at the top.
    """
    try:
        size = path.stat().st_size
        if size > MAX_YAML_BYTES:
            raise InputError(Problem(Location(shown), f"{what} file too large ({size} bytes; "
                                                      f"the limit is {MAX_YAML_BYTES // 1_048_576} MiB)"))
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Problem(Location(shown), f"cannot read {what}: {exc}")) from None
    data, tree = load_yaml_with_positions(text, shown)
    if data is None and empty_ok:
        data = {}
    if not isinstance(data, dict):
        raise InputError(Problem(Location(shown, 1, 1), not_a_mapping))
    return data, tree, raw


def load_yaml_with_positions(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """Parse YAML safely within the bounds; return the data and its node tree (for positions)."""
    check_limits(text, path)
    try:
        node = yaml.compose(text, Loader=_UniqueKeyLoader)
        if node is None:
            return None, None
        loader = _UniqueKeyLoader("")
        try:
            data = loader.construct_document(node)
        finally:
            loader.dispose()
        return data, node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise InputError(Problem(
            Location(path, mark.line + 1 if mark else None, mark.column + 1 if mark else None),
            f"YAML error: {message}",
        )) from None
    except yaml.YAMLError as exc:
        raise InputError(Problem(Location(path), f"YAML error: {exc}")) from None
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. a key that cannot be hashed
        raise InputError(Problem(Location(path), f"YAML error: {type(exc).__name__}: {exc}")) from None


def locate(node: yaml.Node | None, loc: tuple, path: str) -> Location:
    """The position of the value at `loc` (a pydantic error location) in the tree.

    Walks as deep as the tree goes; a missing key points at its parent mapping.
    When the path ends on a key, the key's own position is used.
    """
    current = node
    key_node = None
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            found = None
            for k, v in current.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    found = (k, v)
                    break
            if found is None:
                break
            key_node, current = found
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            key_node, current = None, current.value[part]
        else:
            break
    target = current if key_node is None else key_node
    if target is None:
        return Location(path)
    mark = target.start_mark
    return Location(path, mark.line + 1, mark.column + 1)

