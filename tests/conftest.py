"""Shared fixtures: one coach per session (the model loads once), and the optional ../shared folder."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from outreach_coach import Coach

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="session")
def coach() -> Coach:
    """A coach with the default config and a fixed 'today' so date rules are repeatable."""
    return Coach(today=TODAY)


@pytest.fixture
def lint(coach):
    """Lint a message text (parsed as .md, so front matter works) and return its findings."""
    def run(text: str, fmt: str = "md"):
        result = coach.lint_text(text, f"example.{fmt}", fmt)
        assert result.error is None, result.error
        return result.findings
    return run


def rule_ids(findings) -> set[str]:
    return {f.rule for f in findings}


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when this clone has no ../shared (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip("../shared is not present in this clone")
    return path
