"""Output formats behind one interface, chosen by name from `FORMATTERS`."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Callable

from .engine import FileResult
from .findings import Severity
from .rules import RuleSet

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


@dataclass
class Summary:
    """Counts over a whole run, for the closing line and the exit code."""

    files: int = 0
    unreadable: int = 0
    by_severity: Counter = field(default_factory=Counter)

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.error:
            self.unreadable += 1
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


class TextFormatter(Formatter):
    """`path:line:col: severity rule-id message`, a score line per file, and a summary."""

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def file(self, result: FileResult) -> None:
        write = self.stream.write
        if result.error:
            write(f"{result.path}: {self._paint('error', '31;1')} {result.error}\n")
            return
        for f in result.findings:
            severity = self._paint(f.severity.label, _COLOURS[f.severity])
            write(f"{result.path}:{f.line}:{f.column}: {severity} {f.rule} {f.message}\n")
            if self.show_suggestions and f.suggestion:
                write(f"    suggestion: {f.suggestion}\n")
        extra = self.extra(result)
        note = f"; try template {extra['template']}" if extra.get("template") else ""
        write(f"{result.path}: score {result.score}/100 ({result.kind}, {result.channel}){note}\n")

    def finish(self, summary: Summary) -> None:
        counts = ", ".join(f"{summary.by_severity[s]} {s.label}{'s' if summary.by_severity[s] != 1 else ''}"
                           for s in sorted(Severity, reverse=True))
        unreadable = f", {summary.unreadable} unreadable" if summary.unreadable else ""
        self.stream.write(f"{summary.files} file{'s' if summary.files != 1 else ''} checked: {counts}{unreadable}\n")


class JsonFormatter(Formatter):
    """One JSON document for the whole run: {"files": [...]} as documented in the README."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries: list[dict] = []

    def file(self, result: FileResult) -> None:
        if result.error:
            self.entries.append({"path": result.path, "error": result.error})
            return
        entry = {"path": result.path, "kind": result.kind, "channel": result.channel, "score": result.score,
                 "findings": [f.to_dict() for f in result.findings]}
        entry.update(self.extra(result))
        self.entries.append(entry)

    def finish(self, summary: Summary) -> None:
        json.dump({"files": self.entries}, self.stream, indent=2)
        self.stream.write("\n")


FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
}
