"""The progress counter: only on a terminal, only for runs long enough to need it, erased before output."""
from __future__ import annotations

import io

from outreach_coach.frontends.cli.progress import SHOW_AFTER_SECONDS, Progress


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_counter_appears_after_a_while_and_is_erased_before_output():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, enabled=True, clock=clock)
    progress.step()
    assert stream.getvalue() == ""
    clock.now = SHOW_AFTER_SECONDS + 0.1
    progress.step()
    assert stream.getvalue().endswith("2 files linted")
    progress.hide()
    assert stream.getvalue().endswith("\r\x1b[K")
    progress.hide()
    assert stream.getvalue().count("\r\x1b[K") == 2  # the draw's own clear, then one erase


def test_nothing_is_drawn_when_stderr_is_not_a_terminal():
    stream, clock = io.StringIO(), Clock()
    progress = Progress(stream, clock=clock)
    clock.now = 100.0
    for _ in range(50):
        progress.step()
    progress.hide()
    assert stream.getvalue() == "" and progress.count == 50
