"""Worker processes: the same results in the same order as one process, streamed with bounded read-ahead."""
from __future__ import annotations

import pytest

from bench.corpus import draft
from outreach_coach.inputs.messages import Message, parse
from outreach_coach.linting import parallel
from outreach_coach.linting.engine import FileResult

from ..conftest import TODAY


def items(count: int) -> list[Message | FileResult]:
    out: list[Message | FileResult] = [parse(draft(i)[1], draft(i)[0], today=TODAY) for i in range(count)]
    out.insert(count // 2, FileResult("missing.md", error="no such file or directory"))
    return out


def comparable(results) -> list[tuple]:
    return [(r.path, r.findings, r.kind, r.channel, r.error) for r in results]


class NoPool:
    def __init__(self, *args, **kwargs):
        raise AssertionError("no worker process should start")


def test_two_workers_give_the_results_of_one_in_input_order(coach, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 5)
    inputs = items(40)
    pooled = list(parallel.lint(coach, inputs, jobs=2))
    assert comparable(pooled) == comparable(coach.lint_messages(inputs))
    assert [r.message for r in pooled] == [i if isinstance(i, Message) else None for i in inputs]


def test_read_ahead_is_bounded(coach, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_SIZE", 4)
    consumed = []

    def stream():
        for index, item in enumerate(items(60)):
            consumed.append(index)
            yield item

    results = parallel.lint(coach, stream(), jobs=2)
    next(results)
    assert len(consumed) <= 2 * parallel._IN_FLIGHT_PER_WORKER * 4 + 4
    assert len(list(results)) == 60


def test_chunks_with_nothing_to_lint_start_no_worker(coach, monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    known = [FileResult(f"{i}.md", error="cannot read file") for i in range(100)]
    assert list(parallel.lint(coach, known, jobs=2)) == known


def test_few_inputs_are_linted_in_this_process_by_default(coach, monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", NoPool)
    inputs = items(parallel.AUTO_THRESHOLD // 20)
    assert comparable(parallel.lint(coach, inputs)) == comparable(coach.lint_messages(inputs))


def test_many_inputs_use_one_worker_per_core_by_default(coach, monkeypatch):
    started = []
    monkeypatch.setattr(parallel, "AUTO_THRESHOLD", 6)
    monkeypatch.setattr(parallel, "available_cores", lambda: 3)
    monkeypatch.setattr(parallel, "_pooled", lambda config, today, todo, jobs: started.append(jobs) or iter(()))
    list(parallel.lint(coach, items(10)))
    assert started == [3]


def test_a_worker_error_reaches_the_caller_with_its_message(tmp_path):
    from outreach_coach import config as config_module
    from outreach_coach.errors import ConfigError
    from outreach_coach.linting.engine import Coach

    (tmp_path / "rules").mkdir()
    coach = Coach(config_module.from_mapping({"rule-paths": ["rules"]}, base=tmp_path), today=TODAY)
    (tmp_path / "rules").rmdir()  # gone by the time the workers load the rules
    with pytest.raises(ConfigError, match="rule folder not found"):
        list(parallel.lint(coach, items(4), jobs=2))
