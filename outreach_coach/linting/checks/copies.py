"""The `mass-message` check type: its parameters live in the rule file; the findings come from a run's CopyIndex."""
from __future__ import annotations

from collections.abc import Iterator

from .base import Check, Context, Hit, Param


class MassMessage(Check):
    """Drafts of one run that are the same message with names, organisations and dates changed (see copies.py)."""

    params = (
        Param("threshold", (int, float), 0.8, "how alike two masked bodies must be (Jaccard of word shingles)"),
        Param("min-words", int, 12, "shortest body compared: below it, likeness is chance"),
        Param("shingle", int, 3, "words per shingle", minimum=1),
    )
    # Judged over the whole run, not one message: the lint command's CopyIndex adds the findings.
    across_files = True

    def __init__(self, options):
        super().__init__(options)
        if not 0 < self.options["threshold"] <= 1:
            raise ValueError(f"threshold must be above 0 and at most 1, not {self.options['threshold']}")

    def run(self, ctx: Context) -> Iterator[Hit]:
        return iter(())
