"""Linting on Dask's local process scheduler gives exactly the plain run's results, in order."""
from __future__ import annotations

import pytest

from bench.corpus import draft
from outreach_coach.linting.dask_bag import as_messages, lint_bag

from ..conftest import TODAY

dask_bag = pytest.importorskip("dask.bag")


def comparable(results) -> list[tuple]:
    return [(r.path, r.findings, r.kind, r.channel, r.error) for r in results]


def test_dask_run_equals_plain_run(coach):
    items = [draft(i) for i in range(300)]
    items[17] = ("broken.md", "---\nkind: [not, a, kind]\n---\nHi")
    bag = dask_bag.from_sequence(items, npartitions=6)
    on_dask = lint_bag(bag, coach.config, TODAY).compute(scheduler="processes", num_workers=2)
    plain = list(coach.lint_messages(as_messages(items, TODAY)))
    assert len(on_dask) == len(items)
    assert comparable(on_dask) == comparable(plain)
    assert on_dask[17].error and any(r.findings for r in on_dask)


def test_plain_texts_are_linted_as_text_files(coach):
    (result,) = lint_bag(dask_bag.from_sequence([draft(1)[1]], npartitions=1), coach.config, TODAY).compute(
        scheduler="synchronous")
    assert result.path == "<text 0>" and result.channel == "email"
