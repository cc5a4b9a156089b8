"""A running count of linted files on a terminal's stderr, so long runs show life; never in the output."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

# Short runs finish before a counter would help; redrawing often costs time on slow terminals.
SHOW_AFTER_SECONDS = 1.0
REDRAW_SECONDS = 0.2


class Progress:
    """`outreach-coach: 1,234 files linted` drawn in place on stderr, erased before other output and at the end."""

    def __init__(self, stream: IO[str], enabled: bool | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.enabled = stream.isatty() if enabled is None else enabled
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.visible = False
        self.count = 0

    def step(self) -> None:
        """Count one more file, drawing the counter when it is due."""
        self.count += 1
        if not self.enabled:
            return
        now = self.clock()
        due = self.drawn_at is None or now - self.drawn_at >= REDRAW_SECONDS or not self.visible
        if now - self.started >= SHOW_AFTER_SECONDS and due:
            self.stream.write(f"\r\x1b[Koutreach-coach: {self.count:,} files linted")
            self.stream.flush()
            self.drawn_at = now
            self.visible = True

    def hide(self) -> None:
        """Erase the counter, so a line of output (on the same terminal) starts clean."""
        if self.visible:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.visible = False
