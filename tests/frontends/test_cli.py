"""The command line: output formats, exit codes, errors, and start-up cost."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from outreach_coach.frontends.cli import cli

BAD = "---\nchannel: email\n---\nHi Ana,\n\n{}\n".format("tide " * 210)
GOOD = "---\nsubject: Your tide tables\n---\nHi Ana,\n\nYour tide tables helped me plan a survey.\n\nBest,\nTom\n"


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "bad.md").write_text(BAD)
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "notes.csv").write_text("not a message")
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_text_output_one_finding_a_line_then_score_and_summary(drafts):
    result = run("lint", "--no-color", str(drafts / "bad.md"))
    lines = result.output.splitlines()
    assert any(line.startswith(f"{drafts / 'bad.md'}:4:1: warning missing-subject ") for line in lines)
    assert any("warning too-long" in line for line in lines)
    assert any(line.startswith(f"{drafts / 'bad.md'}: score ") for line in lines)
    assert lines[-1].startswith("1 file checked:")
    assert result.exit_code == 1


def test_folder_is_linted_recursively_for_message_files_only(drafts):
    result = run("lint", "--format", "json", str(drafts))
    doc = json.loads(result.output)
    assert sorted(entry["path"].rsplit("/", 1)[-1] for entry in doc["files"]) == ["bad.md", "good.md"]


def test_json_output_shape(drafts):
    doc = json.loads(run("lint", "--format", "json", str(drafts / "bad.md")).output)
    entry = doc["files"][0]
    assert {"path", "kind", "channel", "score", "findings"} <= set(entry)
    finding = entry["findings"][0]
    assert set(finding) == {"rule", "severity", "line", "column", "end_line", "end_column", "message", "suggestion"}


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("suggestion", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(drafts, fail_on, code):
    assert run("lint", "--fail-on", fail_on, str(drafts / "bad.md")).exit_code == code


def test_clean_file_exits_zero(drafts):
    assert run("lint", str(drafts / "good.md")).exit_code == 0


def test_missing_file_is_exit_2_and_other_files_still_linted(drafts):
    result = run("lint", "--format", "json", str(drafts / "nope.txt"), str(drafts / "bad.md"))
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["files"][0] == {"path": str(drafts / "nope.txt"), "error": "no such file or directory"}
    assert doc["files"][1]["findings"]


def test_stdin_with_stdin_filename_picks_the_format():
    result = run("lint", "--format", "json", "--stdin-filename", "draft.md", "-", input=BAD)
    entry = json.loads(result.output)["files"][0]
    assert entry["path"] == "draft.md" and entry["channel"] == "email"


def test_bad_config_is_one_line_exit_2(tmp_path, drafts):
    bad = tmp_path / "c.yaml"
    bad.write_text("fail-on: sometimes\n")
    proc = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--config", str(bad), str(drafts)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "fail-on" in proc.stderr and "Traceback" not in proc.stderr


def test_usage_error_is_exit_2():
    proc = subprocess.run([sys.executable, "-m", "outreach_coach", "lint"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_rules_and_explain():
    listing = run("rules").output
    assert "too-long" in listing and "hard-to-read" in listing
    explained = run("explain", "too-long").output
    assert "Why:" in explained and "Source: article 000" in explained and "max-words" in explained
    assert run("explain", "no-such-rule").exit_code == 2


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["explain", "too-long"], ["lint", "--help"],
                                  ["template", "list"], ["template", "show", "cold/recruiter"],
                                  ["template", "render", "intro/request", "--example"]])
def test_commands_that_do_not_lint_do_not_import_spacy(args):
    code = ("import sys\nfrom outreach_coach.frontends.cli import cli\n"
            f"try:\n    cli.main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules, 'spacy was imported'\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
