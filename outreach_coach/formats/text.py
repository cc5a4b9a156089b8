"""The default, human-readable format."""
from __future__ import annotations

from ..engine import FileResult
from ..findings import Severity
from .base import Formatter, Summary

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.SUGGESTION: "36"}


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
        fixes = f" (it fixes {', '.join(extra['fixes'])})" if extra.get("fixes") else ""
        note = f"; try template {extra['template']}{fixes}" if extra.get("template") else ""
        write(f"{result.path}: score {result.score}/100 ({result.kind}, {result.channel}){note}\n")

    def finish(self, summary: Summary) -> None:
        counts = ", ".join(f"{summary.by_severity[s]} {s.label}{'s' if summary.by_severity[s] != 1 else ''}"
                           for s in sorted(Severity, reverse=True))
        unreadable = f", {summary.unreadable} unreadable" if summary.unreadable else ""
        self.stream.write(f"{summary.files} file{'s' if summary.files != 1 else ''} checked: {counts}{unreadable}\n")
