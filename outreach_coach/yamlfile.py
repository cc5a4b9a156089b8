"""Loading YAML safely: `safe_load` only, with a bound on alias expansion."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .bundled import is_bundled
from .errors import ConfigError

MAX_ALIASES = 100
# A document whose aliases would expand to more nodes than this is refused ("billion laughs").
MAX_EXPANDED_NODES = 100_000
# PyYAML's scanner slows quadratically with flow nesting ("[[[[..."), so deep brackets are refused unparsed.
MAX_FLOW_DEPTH = 100
_TRUSTED_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses many aliases, recursive aliases, and documents that expand too far."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._alias_count = getattr(self, "_alias_count", 0) + 1
            if self._alias_count > MAX_ALIASES:
                raise yaml.YAMLError(f"more than {MAX_ALIASES} aliases; refusing to expand")
        return super().compose_node(parent, index)

    def get_single_node(self):  # type: ignore[override]
        node = super().get_single_node()
        if node is not None:
            _expanded_size(node, {}, set())
        return node


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_nodes: set[int]) -> int:
    """Nodes in the document once every alias is expanded; each distinct node is counted once, then memoised."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_nodes:
        raise yaml.YAMLError("recursive alias (a node that contains itself); refusing to expand")
    open_nodes.add(key)
    children: list[yaml.Node] = []
    if isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    size = 1 + sum(_expanded_size(child, sizes, open_nodes) for child in children)
    open_nodes.discard(key)
    if size > MAX_EXPANDED_NODES:
        raise yaml.YAMLError(f"aliases expand to over {MAX_EXPANDED_NODES:,} values; refusing to expand")
    sizes[key] = size
    return size


def parse_yaml(text: str) -> Any:
    """Parse YAML with the safe, alias-bounded loader; raises yaml.YAMLError."""
    if _flow_depth(text) > MAX_FLOW_DEPTH:
        raise yaml.YAMLError("values nested too deeply")
    try:
        return yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        # PyYAML composes nested collections recursively; thousands of levels exhaust the stack.
        raise yaml.YAMLError("values nested too deeply") from None
    except (ValueError, TypeError, AttributeError, OverflowError) as err:
        # PyYAML's constructors let these through for bad tagged values (2024-02-30, !!int abc).
        raise yaml.YAMLError(f"invalid value: {err}") from None


def _flow_depth(text: str) -> int:
    """The deepest bracket nesting, counted roughly (brackets inside quotes count too)."""
    depth = deepest = 0
    for char in _NOT_BRACKET.sub("", text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def describe_error(err: yaml.YAMLError, first_line: int = 1) -> str:
    """A one-line account of a YAML error, with its line counted from `first_line`."""
    mark = getattr(err, "problem_mark", None)
    line = f" line {mark.line + first_line}:" if mark else ""
    problem = getattr(err, "problem", None) or str(err)
    return f"{line} invalid YAML: {' '.join(str(problem).split())}"


def load_yaml_text(text: str, where: str, trusted: bool = False) -> Any:
    """Parse YAML text with the safe, alias-bounded loader; errors name `where`.

    `trusted` text (the package's own rules, templates and lexicon) goes through libyaml's safe C
    loader instead: no Python tags either, but no alias bounds, which those files do not need, and
    several times faster at start-up.
    """
    try:
        if trusted:
            return yaml.load(text, Loader=_TRUSTED_LOADER)  # noqa: S506 - a safe loader
        return parse_yaml(text)
    except yaml.YAMLError as err:
        raise ConfigError(f"{where}:{describe_error(err)}") from None


def load_yaml_file(path: Path) -> Any:
    """Read and parse one YAML file."""
    from .inputs.files import NotRegularFile, open_regular

    try:
        with open_regular(path) as handle:
            text = handle.read().decode("utf-8-sig")
    except NotRegularFile as err:
        raise ConfigError(f"{path}: {err}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read: not UTF-8 text") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None
    return load_yaml_text(text, str(path), trusted=is_bundled(path))
