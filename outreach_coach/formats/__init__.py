"""Output formats behind one interface, chosen by name from `FORMATTERS` (one small module per format)."""
from __future__ import annotations

from .base import Formatter, Summary
from .github import GithubFormatter
from .json_doc import JsonFormatter
from .sarif import SarifFormatter
from .text import TextFormatter

FORMATTERS: dict[str, type[Formatter]] = {
    "text": TextFormatter,
    "json": JsonFormatter,
    "sarif": SarifFormatter,
    "github": GithubFormatter,
}

__all__ = ["FORMATTERS", "Formatter", "Summary"]
