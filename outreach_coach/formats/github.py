"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff."""
from __future__ import annotations

from ..linting.engine import FileResult
from ..linting.findings import Severity
from .base import Formatter
from .terminal import printable

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def _escape_data(text: str) -> str:
    # Line breaks as GitHub encodes them; any other control character (the log is shown in a terminal) escaped.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    """One workflow command line: `::level key=value,...::message`, escaped as GitHub requires."""
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{_escape_data(message)}\n"


class GithubFormatter(Formatter):
    """`::warning file=...,line=...,col=...,title=rule-id::message`, one line per finding or unreadable file."""

    def file(self, result: FileResult) -> None:
        if result.error:
            self.stream.write(command("error", result.error, file=result.path, title="unreadable"))
            return
        for f in result.findings:
            text = f"{f.message} Suggestion: {f.suggestion}" if self.show_suggestions and f.suggestion else f.message
            self.stream.write(command(LEVELS[f.severity], text, file=result.path, line=f.line, col=f.column,
                                      endLine=f.end_line, endColumn=f.end_column, title=f.rule))
