"""The JSON format is written as it goes, and reads back as the same document json.dump would write."""
from __future__ import annotations

import io
import json

import pytest

from outreach_coach.formats import FORMATTERS, Summary
from outreach_coach.linting.engine import FileResult
from outreach_coach.linting.findings import Finding, Severity


@pytest.mark.parametrize("count", [0, 1, 3])
def test_streamed_document_equals_json_dump(coach, count):
    finding = Finding("too-long", Severity.WARNING, "Too \"long\".", 2, 1, 2, 5, suggestion="Cut.")
    results = [FileResult(f"m{i}.md", (finding,) * i, "cold", "email") for i in range(count)]
    results[1:1] = [FileResult("gone.md", error="no such file or directory")] if count else []
    stream = io.StringIO()
    formatter = FORMATTERS["json"](stream, coach.rules)
    for result in results:
        formatter.file(result)
    formatter.finish(Summary())
    expected = {"files": [{"path": r.path, "error": r.error} if r.error else
                          {"path": r.path, "kind": r.kind, "kind_cue": "", "channel": r.channel, "score": r.score,
                           "findings": [f.to_dict() for f in r.findings]} for r in results]}
    assert stream.getvalue() == json.dumps(expected, indent=2) + "\n"


def test_entries_are_written_before_the_run_ends(coach):
    stream = io.StringIO()
    FORMATTERS["json"](stream, coach.rules).file(FileResult("a.md", (), "cold", "email"))
    assert '"path": "a.md"' in stream.getvalue()
