"""Shared fixtures: one coach per session (the model loads once), and the optional ../shared folder."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from outreach_coach import Coach

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TODAY = dt.date(2026, 11, 28)

# Property tests share the session coach, so each example costs one spaCy pass: keep the default run small.
settings.register_profile("outreach-coach", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "outreach-coach"))


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
