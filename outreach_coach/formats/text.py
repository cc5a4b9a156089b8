"""The default, human-readable format."""
from __future__ import annotations

from ..engine import FileResult
from ..findings import Severity
from .base import Formatter, Summary
from .terminal import printable

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


class TextFormatter(Formatter):
    """`path:line:col: severity rule-id message`, a score line per file, and a summary."""

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour else text

    def file(self, result: FileResult) -> None:
        write = self.stream.write
        # File names, rule messages and matched text can hold escape sequences and line breaks: never raw.
        path = printable(result.path)
        if result.error:
            write(f"{path}: {self._paint('error', '31;1')} {printable(result.error)}\n")
            return
        for f in result.findings:
            severity = self._paint(f.severity.label, _COLOURS[f.severity])
            write(f"{path}:{f.line}:{f.column}: {severity} {f.rule} {printable(f.message)}\n")
            if self.show_suggestions and f.suggestion:
                write(f"    suggestion: {printable(f.suggestion)}\n")
        extra = self.extra(result)
        fixes = f" (it fixes {', '.join(extra['fixes'])})" if extra.get("fixes") else ""
        note = f"; try template {printable(extra['template'])}{fixes}" if extra.get("template") else ""
        if result.language:
            write(f"{path}: not scored: written in '{result.language}', and the coach judges English only\n")
            return
        write(f"{path}: score {result.score}/100 ({result.kind}, {result.channel}){note}\n")

    def finish(self, summary: Summary) -> None:
        counts = ", ".join(f"{summary.by_severity[s]} {s.label}{'s' if summary.by_severity[s] != 1 else ''}"
                           for s in sorted(Severity, reverse=True))
        unreadable = f", {summary.unreadable} unreadable" if summary.unreadable else ""
        self.stream.write(f"{summary.files} file{'s' if summary.files != 1 else ''} checked: {counts}{unreadable}\n")
