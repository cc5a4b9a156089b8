"""`-o` files: written atomically, never onto a file the command reads (by path or by inode)."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from outreach_coach.frontends.cli import cli, outputs
from outreach_coach.frontends.cli.outputs import (
    OutputError,
    check_target,
    write_atomically,
)

from ..conftest import REPO

DRAFT = "---\nto: {name: Dana Li}\n---\nHi Dana,\n\nA question about your orchard.\n\nRui\n"


def render(*args: str):
    return CliRunner().invoke(cli, ["template", "render", "cold/connection-note", "--example", *args])


def test_a_hard_link_to_an_input_is_refused_even_with_force(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT)
    alias = tmp_path / "alias.md"
    os.link(draft, alias)
    result = render("--from", str(draft), "-o", str(alias), "--force")
    assert result.exit_code == 2 and "reads" in result.output
    assert draft.read_text() == DRAFT


def test_the_templates_own_source_file_is_refused(tmp_path):
    folder = tmp_path / "mine" / "cold"
    folder.mkdir(parents=True)
    source = folder / "note.md.j2"
    shipped = REPO / "templates" / "cold" / "connection-note.md.j2"
    source.write_text(shipped.read_text().replace("id: cold/connection-note", "id: cold/note"))
    config = tmp_path / "coach.yaml"
    config.write_text(f"template-paths: [{tmp_path / 'mine'}]\n")
    before = source.read_bytes()
    result = CliRunner().invoke(cli, ["template", "render", "cold/note", "--example", "--config",
                                      str(config), "-o", str(source), "--force"])
    assert result.exit_code == 2 and "reads" in result.output, result.output
    assert source.read_bytes() == before


def test_the_config_file_is_refused(tmp_path):
    config = tmp_path / "coach.yaml"
    config.write_text("fail-on: error\n")
    result = render("--config", str(config), "-o", str(config), "--force")
    assert result.exit_code == 2 and "reads" in result.output and config.read_text() == "fail-on: error\n"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "out.md"
    target.write_text("my edits")

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(outputs.os, "replace", full_disk)
    result = render("-o", str(target), "--force")
    assert result.exit_code == 2 and "No space left" in result.output
    assert target.read_text() == "my edits"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_a_write_that_fails_midway_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "out.md"
    target.write_text("my edits")
    monkeypatch.setattr(outputs.os, "fsync", lambda _fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    with pytest.raises(OutputError, match="I/O error"):
        write_atomically(target, "new text")
    assert target.read_text() == "my edits" and len(list(tmp_path.iterdir())) == 1


def test_forced_overwrite_replaces_content_and_keeps_the_mode(tmp_path):
    target = tmp_path / "out.md"
    target.write_text("old")
    target.chmod(0o640)
    check_target(target, (), force=True)
    write_atomically(target, "new")
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o640


def test_a_new_file_needs_no_force_and_an_existing_one_does(tmp_path):
    check_target(tmp_path / "new.md", (tmp_path / "other.md",), force=False)
    (tmp_path / "new.md").write_text("x")
    with pytest.raises(OutputError, match="--force"):
        check_target(tmp_path / "new.md", (), force=False)
