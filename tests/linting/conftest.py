"""Fixtures of the check-type tests."""
from __future__ import annotations

import pytest

from ..check_runner import make_runner


@pytest.fixture(scope="module")
def run(coach):
    """Run one check type's rule on a draft (see check_runner.make_runner)."""
    return make_runner(coach)
