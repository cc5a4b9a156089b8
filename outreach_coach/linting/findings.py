"""The one result type that flows from the engine to every output format."""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How much a finding matters; higher is worse."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        """Read a severity from its lower-case name."""
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (error, warning or suggestion)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """One problem in one message, located in the original file (1-based line and column)."""

    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    suggestion: str = ""

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.label,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "suggestion": self.suggestion,
        }


# Points a message loses per finding; an error costs as much as two or three warnings.
SCORE_PENALTY = {Severity.ERROR: 25, Severity.WARNING: 10, Severity.SUGGESTION: 3}


def score(findings: list[Finding] | tuple[Finding, ...]) -> int:
    """Score a message from 0 to 100: 100 less a penalty per finding by severity."""
    return max(0, 100 - sum(SCORE_PENALTY[f.severity] for f in findings))
