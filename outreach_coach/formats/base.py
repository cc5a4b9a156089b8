"""What every output format shares: the `Formatter` interface and the run `Summary`."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Callable

from ..linting.engine import FileResult
from ..linting.ruleset import RuleSet


@dataclass
class Summary:
    """Counts over a whole run, for the closing line and the exit code: files checked, and apart, files unreadable."""

    files: int = 0
    unreadable: int = 0
    by_severity: Counter = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        if result.error:
            self.unreadable += 1
        else:
            self.files += 1
        self.by_severity.update(f.severity for f in result.findings)


class Formatter:
    """Receives results one file at a time, then the summary."""

    def __init__(self, stream: IO[str], rules: RuleSet, colour: bool = False, show_suggestions: bool = False,
                 extra: Callable[[FileResult], dict] | None = None):
        self.stream = stream
        self.rules = rules
        self.colour = colour
        self.show_suggestions = show_suggestions
        self.extra = extra or (lambda result: {})

    def file(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        """Called once after the last file."""
