"""The two kinds of error the coach reports instead of crashing, and the "did you mean" they share."""
from __future__ import annotations

import difflib
from collections.abc import Iterable


class ConfigError(Exception):
    """A config, rule or template file is invalid; the message names the file, rule and key."""


class InputError(Exception):
    """A message file cannot be read or parsed; reported for that file, the run goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """" (did you mean 'x'?)" naming the closest known names to a misspelt one, or "" when none is close."""
    close = difflib.get_close_matches(name, list(known), n=2, cutoff=0.75)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
