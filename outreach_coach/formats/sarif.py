"""SARIF 2.1.0, for GitHub code scanning and editors; results are written as they come, not held."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path, PurePath
from urllib.parse import quote

from .. import __version__
from ..linting.engine import FileResult
from ..linting.findings import Finding, Severity
from ..linting.ruleset import Rule
from .base import Formatter, Summary

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Relative URIs are relative to the folder the coach ran in, named for code scanning as the source root.
SRCROOT = "%SRCROOT%"


def _inside_root(path: str) -> str | None:
    """A path relative to the working folder, without '..', or None if it is absolute or leads outside."""
    if PurePath(path).is_absolute():
        return None
    normal = os.path.normpath(path)
    return None if normal == ".." or normal.startswith(".." + os.sep) else normal


def artifact_uri(path: str) -> str:
    """A path as a SARIF URI: a percent-encoded reference under %SRCROOT%, or a file URI for one outside it."""
    inside = _inside_root(path)
    if inside is None:
        return Path(os.path.abspath(path)).as_uri()
    return quote(PurePath(inside).as_posix(), errors="surrogateescape")  # a non-UTF-8 name keeps its bytes


def artifact_location(path: str) -> dict:
    """A SARIF artifactLocation: the URI, and the base it is relative to when it is relative."""
    location = {"uri": artifact_uri(path)}
    if _inside_root(path) is not None:
        location["uriBaseId"] = SRCROOT
    return location


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
        root = {SRCROOT: {"uri": Path.cwd().as_uri() + "/"}}
        run = json.dumps({"tool": {"driver": driver}, "originalUriBaseIds": root,
                          "columnKind": "unicodeCodePoints"})[:-1]
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
    physical: dict = {"artifactLocation": artifact_location(path)}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}
