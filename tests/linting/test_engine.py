"""The engine: findings stamped and located, quoted text skipped, a failing rule contained, streaming order."""
from __future__ import annotations

import socket

import pytest

from outreach_coach import Coach, Severity
from outreach_coach import config as config_module
from outreach_coach.linting.checks import CHECK_TYPES
from outreach_coach.linting.findings import Finding, score

RULE = """id: {id}
severity: {severity}
check: {{type: phrase, phrases: [{phrase}]}}
message: "Found {{match}}."
suggestion: Say it another way.
rationale: For tests.
source: {{article: "003"}}
"""


@pytest.fixture(scope="module")
def phrase_coach(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    (folder / "kelp.yaml").write_text(RULE.format(id="say-kelp", severity="warning", phrase="kelp forest"))
    (folder / "boom.yaml").write_text(RULE.format(id="say-boom", severity="error", phrase="boom"))
    config = config_module.from_mapping({"rule-paths": [str(folder)]}, "test-config")
    return Coach(config)


def test_finding_is_stamped_with_rule_severity_position_and_variables(phrase_coach):
    result = phrase_coach.lint_text("---\nsubject: Tides\n---\nHi Ana,\n\nI study the kelp forest daily.\n", "x.md")
    finding = next(f for f in result.findings if f.rule == "say-kelp")
    assert finding.severity is Severity.WARNING
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (6, 13, 6, 24)
    assert finding.message == "Found kelp forest." and finding.suggestion == "Say it another way."


def test_findings_are_frozen():
    finding = Finding("r", Severity.ERROR, "m", 1, 1, 1, 2)
    with pytest.raises(AttributeError):
        finding.rule = "other"  # type: ignore[misc]


def test_text_in_quotation_marks_is_mentioned_not_used(phrase_coach):
    result = phrase_coach.lint_text('People call it "the kelp forest" but I do not.', "x.md")
    assert "say-kelp" not in {f.rule for f in result.findings}


def test_front_matter_switches_a_rule_off(phrase_coach):
    result = phrase_coach.lint_text("---\ndisable: [say-kelp]\n---\nThe kelp forest.", "x.md")
    assert "say-kelp" not in {f.rule for f in result.findings}


def test_a_rule_that_raises_becomes_the_files_error(phrase_coach, monkeypatch):
    def explode(self, ctx):
        raise RuntimeError("kaboom")
    monkeypatch.setattr(CHECK_TYPES["missing-subject"], "run", explode)
    result = phrase_coach.lint_text("---\nchannel: email\n---\nHello.", "x.md")
    assert result.error == "rule 'missing-subject' failed: kaboom"
    assert result.score is None


def test_lint_paths_streams_results_in_input_order_with_errors_in_place(phrase_coach, tmp_path):
    names = [f"m{i:03}.txt" for i in range(70)]  # more than one batch
    for name in names:
        (tmp_path / name).write_text("Hi Ana, the kelp forest is lovely.\n")
    paths = [str(tmp_path / n) for n in names[:40]] + [str(tmp_path / "missing.txt")] + [str(tmp_path / n) for n in names[40:]]
    results = list(phrase_coach.lint_paths(paths))
    assert [r.path for r in results] == paths
    assert results[40].error == "no such file or directory"
    assert all("say-kelp" in {f.rule for f in r.findings} for r in results if not r.error)


def test_score_weights_errors_above_warnings_above_suggestions():
    def one(severity):
        return [Finding("r", severity, "m", 1, 1, 1, 1)]
    assert score([]) == 100
    assert score(one(Severity.ERROR)) < score(one(Severity.WARNING)) < score(one(Severity.SUGGESTION)) < 100
    assert score(one(Severity.ERROR) * 10) == 0


def test_lint_works_with_networking_disabled(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during lint")
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    coach = Coach()
    long_hard = ("Interdisciplinary organizational methodologies necessitate considerable administrative "
                 "deliberation regarding institutional communication. ") * 5
    result = coach.lint_text(f"---\nsubject: Tidal flats\n---\nHi Ana,\n\n{long_hard}\n\nBest,\nTom\n", "x.md")
    assert result.error is None
    assert "hard-to-read" in {f.rule for f in result.findings}
