"""The two kinds of error the coach reports instead of crashing."""
from __future__ import annotations


class ConfigError(Exception):
    """A config, rule or template file is invalid; the message names the file, rule and key."""


class InputError(Exception):
    """A message file cannot be read or parsed; reported for that file, the run goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
