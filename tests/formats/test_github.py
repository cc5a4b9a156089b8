"""The GitHub Actions format: one escaped workflow command per finding."""
from __future__ import annotations

import io

from outreach_coach.formats import FORMATTERS, Summary
from outreach_coach.linting.engine import FileResult
from outreach_coach.linting.findings import Finding, Severity


def render(rules, results, **options) -> list[str]:
    stream = io.StringIO()
    formatter = FORMATTERS["github"](stream, rules, **options)
    for result in results:
        formatter.file(result)
    formatter.finish(Summary())
    return stream.getvalue().splitlines()


def test_each_finding_is_an_annotation_with_place_and_rule(coach):
    findings = (Finding("too-long", Severity.WARNING, "Too long.", 4, 2, 4, 30),
                Finding("empty-message", Severity.ERROR, "Empty.", 1, 1, 1, 1),
                Finding("self-centered", Severity.SUGGESTION, "About you.", 7, 3, 7, 9))
    lines = render(coach.rules, [FileResult("drafts/a.md", findings)])
    assert lines == [
        "::warning file=drafts/a.md,line=4,col=2,endLine=4,endColumn=30,title=too-long::Too long.",
        "::error file=drafts/a.md,line=1,col=1,endLine=1,endColumn=1,title=empty-message::Empty.",
        "::notice file=drafts/a.md,line=7,col=3,endLine=7,endColumn=9,title=self-centered::About you.",
    ]


def test_special_characters_are_escaped(coach):
    finding = Finding("too-long", Severity.WARNING, "100% over\nthe limit", 1, 1, 1, 2, suggestion="Cut, then cut.")
    (line,) = render(coach.rules, [FileResult("a,b:c.md", (finding,))], show_suggestions=True)
    assert line.startswith("::warning file=a%2Cb%3Ac.md,")
    assert line.endswith("::100%25 over%0Athe limit Suggestion: Cut, then cut.")


def test_unreadable_file_is_an_error_annotation(coach):
    assert render(coach.rules, [FileResult("gone.md", error="no such file or directory")]) == [
        "::error file=gone.md,title=unreadable::no such file or directory"]
