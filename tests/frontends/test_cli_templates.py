"""`template list|show|render`, `suggest`, `followup`, and the template named by `lint`."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from outreach_coach.frontends.cli import cli
from outreach_coach.inputs import messages

DRAFT_MD = """---
kind: cold
subject: Coffee?
sent: 2026-11-02
to:
  name: Dr. Wanjiru Kamau
  org: Coast Marine Lab
  work: ["paper: Mangrove roots as nurseries for reef fish"]
  shared: ["the Mombasa dive club"]
from: {name: Jonas Berg}
---
Hi Dr. Kamau,

Could we meet for coffee to talk about mangroves?

Jonas
"""
DRAFT_TXT = "Subject: Mangroves\nTo: Wanjiru Kamau <w@example.org>\n\nHi Wanjiru,\n\nWould you be free for a quick chat next week?\n\nJonas\n"
DRAFT_EML = ("From: Jonas Berg <jonas@example.org>\nTo: \"Dr. Wanjiru Kamau\" <w@example.org>\n"
             "Subject: Mangrove nurseries\nDate: Mon, 02 Nov 2026 09:00:00 +0000\n\nDear Dr. Kamau,\n\n"
             "Could we talk for 20 minutes about your mangrove paper?\n\nJonas Berg\n")


def run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def drafts(tmp_path):
    for name, text in (("draft.md", DRAFT_MD), ("draft.txt", DRAFT_TXT), ("draft.eml", DRAFT_EML)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_list_text_and_json():
    text = run("template", "list")
    assert text.exit_code == 0 and "cold/informational-interview" in text.output and "15" in text.output
    listed = json.loads(run("template", "list", "--format", "json").output)["templates"]
    assert len(listed) == 15 and all(entry["situation"] for entry in listed)


def test_show_gives_variables_example_and_rendered_example():
    result = run("template", "show", "cold/researcher")
    assert result.exit_code == 0
    assert "paper (required):" in result.output and "e.g." in result.output
    rendered = result.output.split("--example):\n", 1)[1].lstrip()
    assert messages.parse(rendered, "x.md").to.type == "researcher"


def test_render_missing_variables_exit_2_naming_every_one():
    result = run("template", "render", "cold/connection-note", "--var", "name=Ana")
    assert result.exit_code == 2
    assert "missing required variables: work, effect, offer, sender" in result.output


@pytest.mark.parametrize("tid, problem", [("cold/limerick", "no template 'cold/limerick'"),
                                          ("../../etc/passwd", "not a template id")])
def test_render_unknown_or_escaping_id_exit_2(tid, problem):
    result = run("template", "render", tid, "--example")
    assert result.exit_code == 2 and problem in result.output


def test_var_and_vars_file_override_the_example(tmp_path):
    values = tmp_path / "vars.yaml"
    values.write_text("topics: [how you price workshops, which venues you avoid]\nminutes: '15'\n")
    result = run("template", "render", "cold/informational-interview", "--example", "--vars", str(values),
                 "--var", "name=Olu")
    assert result.exit_code == 0
    assert "Hi Olu," in result.output and "15-minute call" in result.output
    assert "1. how you price workshops" in result.output and "2. which venues you avoid" in result.output


def test_repeated_var_fills_a_list():
    result = run("template", "render", "cold/informational-interview", "--example",
                 "--var", "topics=first point", "--var", "topics=second point")
    assert "1. first point\n2. second point" in result.output


def test_output_file_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "note.md"
    assert run("template", "render", "cold/connection-note", "--example", "-o", str(out)).exit_code == 0
    first = out.read_text()
    out.write_text("my edits")
    refused = run("template", "render", "cold/connection-note", "--example", "-o", str(out))
    assert refused.exit_code == 2 and "--force" in refused.output and out.read_text() == "my edits"
    assert run("template", "render", "cold/connection-note", "--example", "-o", str(out), "--force").exit_code == 0
    assert out.read_text() == first


@pytest.mark.parametrize("name, greeting, sender", [("draft.md", "Dear Dr. Kamau,", "Jonas Berg"),
                                                    ("draft.txt", "Dear Wanjiru,", "Jonas"),
                                                    ("draft.eml", "Dear Dr. Kamau,", "Jonas Berg")])
def test_from_fills_what_each_format_gives(drafts, name, greeting, sender):
    result = run("template", "render", "cold/researcher", "--example", "--from", str(drafts / name))
    assert result.exit_code == 0, result.output
    assert greeting in result.output and result.output.rstrip().endswith(sender)


def test_from_md_fills_work_and_shared_background(drafts):
    result = run("template", "render", "cold/shared-background", "--example", "--from", str(drafts / "draft.md"))
    message = messages.parse(result.output, "x.md")
    assert message.to.shared == ("the Mombasa dive club",)
    assert message.to.work == ('paper "Mangrove roots as nurseries for reef fish"',)
    assert "We have the Mombasa dive club in common" in message.text


def test_from_a_broken_draft_is_exit_2(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\nkind: sonnet\n---\nHi\n")
    result = run("template", "render", "cold/researcher", "--example", "--from", str(bad))
    assert result.exit_code == 2 and "bad.md" in result.output


def test_suggest_json_shape_and_text(drafts):
    paths = [str(drafts / name) for name in ("draft.md", "draft.txt", "draft.eml")]
    doc = json.loads(run("suggest", "--format", "json", *paths).output)
    assert [entry["path"] for entry in doc["files"]] == paths
    for entry in doc["files"]:
        assert entry["templates"] and all(set(t) == {"id", "reason", "fixes"} for t in entry["templates"])
    text = run("suggest", paths[0]).output
    assert "1. cold/" in text


def test_suggest_reports_unreadable_files_and_goes_on(drafts):
    result = run("suggest", "--format", "json", str(drafts / "missing.md"), str(drafts / "draft.md"))
    assert result.exit_code == 2
    files = json.loads(result.stdout)["files"]
    assert "error" in files[0] and files[1]["templates"]


def test_lint_text_names_the_top_template(drafts):
    result = run("lint", "--no-color", str(drafts / "draft.txt"))
    assert "try template cold/informational-interview (it fixes " in result.output


def test_lint_names_no_template_for_a_clean_draft(tmp_path):
    clean = tmp_path / "clean.md"
    assert run("template", "render", "cold/researcher", "--example", "-o", str(clean)).exit_code == 0
    result = run("lint", "--no-color", "--no-cache", str(clean))
    assert "score 100/100" in result.output and "try template" not in result.output


@pytest.mark.parametrize("today, drafted", [("2026-11-08", False), ("2026-11-09", True), ("2026-11-16", True)])
def test_followup_waits_until_day_seven(drafts, today, drafted):
    result = run("followup", str(drafts / "draft.md"), "--today", today)
    assert result.exit_code == 0
    if drafted:
        draft = messages.parse(result.stdout, "x.md")
        assert draft.subject == "Re: Coffee?" and draft.previous.isoformat() == "2026-11-02"
        assert "I asked whether we could meet for coffee to talk about mangroves." in draft.text
        assert "drafted from template follow-up/no-reply" in result.stderr
    else:
        assert result.stdout == "" and "not yet: wait until 2026-11-09" in result.stderr


def test_followup_rejects_an_unknown_variable(drafts):
    result = run("followup", str(drafts / "draft.md"), "--today", "2026-11-10", "--var", "colour=blue")
    assert result.exit_code == 2 and "unknown variables: colour" in result.output


def test_render_from_reads_the_sender_from_a_signed_name_with_letters(tmp_path):
    draft = tmp_path / "signed.txt"
    draft.write_text("Subject: Wound care\n\nDear Ms. Ito,\n\nWhich dressing do you use?\n\nBest regards,\n"
                     "Hannah Morales, RN\nCharge Nurse, Ward 4\n")
    result = run("template", "render", "cold/researcher", "--example", "--from", str(draft))
    assert result.exit_code == 0 and result.output.rstrip().endswith("Hannah Morales, RN")


def test_followup_writes_to_a_file_and_rejects_a_bad_date(drafts):
    out = drafts / "reminder.md"
    assert run("followup", str(drafts / "draft.eml"), "--today", "2026-11-10", "-o", str(out)).exit_code == 0
    assert messages.parse(out.read_text(), str(out)).kind == "follow-up"
    assert run("followup", str(drafts / "draft.eml"), "--today", "next week").exit_code == 2
    assert run("followup", str(drafts / "draft.txt")).exit_code == 2
