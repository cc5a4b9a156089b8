"""One JSON document for the whole run, written entry by entry so no run's results are all held at once."""
from __future__ import annotations

import json

from ..linting.engine import FileResult
from .base import Formatter, Summary


class JsonFormatter(Formatter):
    """One JSON document for the whole run: {"files": [...]} as documented in the README."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = 0

    def file(self, result: FileResult) -> None:
        if result.error:
            entry = {"path": result.path, "error": result.error}
        else:
            entry = {"path": result.path, "kind": result.kind,
                     "kind_cue": result.message.kind_cue if result.message else "",
                     "channel": result.channel, "score": result.score,
                     "findings": [f.to_dict() for f in result.findings]}
            if result.language:
                entry["language"] = result.language
            entry.update(self.extra(result))
        # Laid out exactly as json.dump({"files": [...]}, indent=2) would lay it out.
        body = "\n".join("    " + line for line in json.dumps(entry, indent=2).splitlines())
        self.stream.write(('{\n  "files": [\n' if self.count == 0 else ",\n") + body)
        self.count += 1

    def finish(self, summary: Summary) -> None:
        self.stream.write('{\n  "files": []\n}\n' if self.count == 0 else "\n  ]\n}\n")
