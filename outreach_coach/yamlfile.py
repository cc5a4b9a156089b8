"""Loading YAML safely: `safe_load` only, with a bound on alias expansion."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

MAX_ALIASES = 100


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses documents using many aliases (the "billion laughs" bomb)."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._alias_count = getattr(self, "_alias_count", 0) + 1
            if self._alias_count > MAX_ALIASES:
                raise yaml.YAMLError(f"more than {MAX_ALIASES} aliases; refusing to expand")
        return super().compose_node(parent, index)


def load_yaml_text(text: str, where: str) -> Any:
    """Parse YAML text with the safe, alias-bounded loader; errors name `where`."""
    try:
        return yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" line {mark.line + 1}:" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise ConfigError(f"{where}:{line} invalid YAML: {problem}") from None


def load_yaml_file(path: Path) -> Any:
    """Read and parse one YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    return load_yaml_text(text, str(path))
