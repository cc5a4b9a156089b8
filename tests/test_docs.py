"""The rule catalogue in docs/rules.md is generated from the rule files and kept current."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from outreach_coach.frontends.cli import cli

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def test_rule_catalogue_is_current():
    generated = CliRunner().invoke(cli, ["rules", "--all", "--format", "markdown"]).output
    assert DOC.read_text(encoding="utf-8") == generated, \
        "docs/rules.md is stale: run `outreach-coach rules --all --format markdown > docs/rules.md`"


def test_catalogue_names_every_rule_and_its_source():
    generated = CliRunner().invoke(cli, ["rules", "--all", "--format", "markdown"]).output
    for rule_id in ("too-long", "hard-to-read", "empty-message"):
        assert f"## `{rule_id}`" in generated
    assert generated.count("**Source:** article") == generated.count("\n## `")
