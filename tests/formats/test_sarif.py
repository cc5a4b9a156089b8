"""The SARIF 2.1.0 format: valid against the schema, every rule described, every finding a located result."""
from __future__ import annotations

import io
import json

import pytest

from bench.corpus import draft
from outreach_coach.formats import FORMATTERS, Summary
from outreach_coach.formats.sarif import LEVELS, artifact_location, artifact_uri
from outreach_coach.linting.engine import FileResult
from outreach_coach.linting.findings import Finding, Severity

from ..conftest import shared_path


def render(rules, results) -> dict:
    stream = io.StringIO()
    formatter = FORMATTERS["sarif"](stream, rules)
    summary = Summary()
    for result in results:
        summary.add(result)
        formatter.file(result)
    formatter.finish(summary)
    return json.loads(stream.getvalue())


@pytest.fixture(scope="module")
def linted(coach):
    results = [coach.lint_text(draft(i)[1], f"drafts/{draft(i)[0]}") for i in range(12)]
    assert any(r.findings for r in results), "the sample drafts should produce findings"
    return [*results, FileResult("drafts/broken file.md", error="binary file, not a text message")]


def test_sarif_validates_against_the_schema(coach, linted):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("schemas", "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(render(coach.rules, linted), schema)


def test_driver_describes_every_rule_with_its_level_and_help(coach, linted):
    driver = render(coach.rules, linted)["runs"][0]["tool"]["driver"]
    described = {rule["id"]: rule for rule in driver["rules"]}
    assert set(described) == set(coach.rules.all)
    for rule_id, rule in coach.rules.all.items():
        entry = described[rule_id]
        assert entry["defaultConfiguration"]["level"] == LEVELS[rule.severity]
        assert entry["shortDescription"]["text"] and "{" not in entry["shortDescription"]["text"]
        assert rule.rationale in entry["help"]["text"]


def test_every_finding_is_a_result_pointing_at_its_rule_and_place(coach, linted):
    run = render(coach.rules, linted)["runs"][0]
    expected = [(r.path, f) for r in linted for f in r.findings]
    assert len(run["results"]) == len(expected)
    for result, (path, finding) in zip(run["results"], expected):
        assert result["ruleId"] == finding.rule
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding.rule
        assert result["level"] == LEVELS[finding.severity]
        assert result["message"]["text"] == finding.message
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == artifact_uri(path)
        assert location["region"] == {"startLine": finding.line, "startColumn": finding.column,
                                      "endLine": finding.end_line, "endColumn": finding.end_column}


def test_unreadable_files_become_error_notifications(coach, linted):
    invocation = render(coach.rules, linted)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and "binary" in note["message"]["text"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/broken%20file.md"


def test_an_empty_run_is_still_a_complete_log(coach):
    log = render(coach.rules, [])
    assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_results_are_written_as_they_come(coach):
    stream = io.StringIO()
    formatter = FORMATTERS["sarif"](stream, coach.rules)
    finding = Finding("too-long", Severity.WARNING, "Too long.", 3, 1, 3, 9)
    formatter.file(FileResult("a.md", (finding,)))
    assert '"ruleId": "too-long"' in stream.getvalue()


@pytest.mark.parametrize("path, uri", [("notes/a b.md", "notes/a%20b.md"), ("/tmp/x.md", "file:///tmp/x.md")])
def test_paths_become_uris(path, uri):
    assert artifact_uri(path) == uri


@pytest.mark.parametrize("path, uri, base", [
    ("notes/./a.md", "notes/a.md", "%SRCROOT%"),
    ("notes/../a.md", "a.md", "%SRCROOT%"),
    ("bad\udcff.md", "bad%FF.md", "%SRCROOT%"),
])
def test_relative_paths_have_a_base_and_no_dot_dot(path, uri, base):
    assert artifact_location(path) == {"uri": uri, "uriBaseId": base}


def test_a_path_leading_outside_the_working_folder_becomes_a_file_uri(tmp_path, monkeypatch):
    (tmp_path / "run").mkdir()
    monkeypatch.chdir(tmp_path / "run")
    assert artifact_location("../x.txt") == {"uri": (tmp_path / "x.txt").as_uri()}


def test_the_source_root_is_declared_for_the_run(coach, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = render(coach.rules, [])["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
