"""SARIF 2.1.0, for GitHub code scanning and editors; results are written as they come, not held."""
from __future__ import annotations

import json
import re
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from ..engine import FileResult
from ..findings import Finding, Severity
from ..rules import Rule
from .base import Formatter, Summary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def artifact_uri(path: str) -> str:
    """A path as a SARIF URI: relative ones as forward-slash, percent-encoded references; absolute ones as file URIs."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def rule_descriptor(rule: Rule) -> dict:
    """The driver's description of one rule: id, short description, help, default level."""
    short = _PLACEHOLDER.sub(lambda m: f"<{m.group(1)}>", rule.message.splitlines()[0])
    help_text = rule.rationale + (f"\n\nInstead: {rule.suggestion}" if rule.suggestion else "")
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": f"{help_text}\n\nSource: article {rule.source}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
    }


class SarifFormatter(Formatter):
    """One SARIF log with one run: the tool and its rules, each finding as a result."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule_ids = sorted(self.rules.all)
        self.rule_index = {rule_id: index for index, rule_id in enumerate(self.rule_ids)}
        self.notifications: list[dict] = []
        self.written = 0
        self.opened = False

    def _open(self) -> None:
        if self.opened:
            return
        self.opened = True
        driver = {
            "name": "outreach-coach",
            "version": __version__,
            "rules": [rule_descriptor(self.rules.all[rule_id]) for rule_id in self.rule_ids],
        }
        head = json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0"})[:-1]
        run = json.dumps({"tool": {"driver": driver}, "columnKind": "unicodeCodePoints"})[:-1]
        self.stream.write(f'{head}, "runs": [{run}, "results": [')

    def file(self, result: FileResult) -> None:
        self._open()
        if result.error:
            self.notifications.append({"level": "error", "message": {"text": result.error},
                                       "locations": [_location(result.path)]})
            return
        for finding in result.findings:
            self.stream.write(("\n" if self.written == 0 else ",\n") + json.dumps(self._result(result.path, finding)))
            self.written += 1

    def _result(self, path: str, f: Finding) -> dict:
        entry = {
            "ruleId": f.rule,
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(path, {"startLine": f.line, "startColumn": f.column,
                                           "endLine": f.end_line, "endColumn": f.end_column})],
        }
        if f.rule in self.rule_index:
            entry["ruleIndex"] = self.rule_index[f.rule]
        if f.suggestion:
            entry["properties"] = {"suggestion": f.suggestion}
        return entry

    def finish(self, summary: Summary) -> None:
        self._open()
        invocation = {"executionSuccessful": not self.notifications,
                      "toolExecutionNotifications": self.notifications}
        self.stream.write(f'\n], "invocations": [{json.dumps(invocation)}]}}]}}\n')


def _location(path: str, region: dict | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": artifact_uri(path)}}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}
