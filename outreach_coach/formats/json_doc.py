"""One JSON document for the whole run."""
from __future__ import annotations

import json

from ..engine import FileResult
from .base import Formatter, Summary


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
