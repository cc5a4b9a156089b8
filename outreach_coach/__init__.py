"""outreach-coach: a linter for cold outreach messages, with templates for better ones.

Library use::

    from outreach_coach import Coach
    coach = Coach.from_config()
    result = coach.lint_text("Hi Sam, can I pick your brain?")
    for finding in result.findings:
        print(finding.rule, finding.line, finding.message)
"""
from __future__ import annotations

from .errors import ConfigError, InputError
from .inputs.messages import Message, parse
from .linting.engine import Coach, FileResult
from .linting.findings import Finding, Severity, score

__version__ = "0.1.0"
__all__ = ["Coach", "ConfigError", "FileResult", "Finding", "InputError", "Message", "Severity", "parse", "score"]
