"""Lint in worker processes, each loading the model once; results come back in input order, streamed."""
from __future__ import annotations

import ctypes
import datetime as dt
import itertools
import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace

from ..config import Config
from ..inputs.messages import Message
from .engine import Coach, FileResult

log = logging.getLogger(__name__)

CHUNK_SIZE = 32
# Below this many inputs, starting workers (each loading the model) costs more than it saves.
AUTO_THRESHOLD = 200
_IN_FLIGHT_PER_WORKER = 3

_worker_setup: tuple[Config, dt.date | None] = (Config(), None)
_worker_coach: Coach | None = None


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def lint(coach: Coach, items: Iterable[Message | FileResult], jobs: int | None = None) -> Iterator[FileResult]:
    """Lint parsed messages with `jobs` processes (None: one per core when there are many inputs)."""
    iterator = iter(items)
    if jobs is None:
        head = list(itertools.islice(iterator, AUTO_THRESHOLD))
        jobs = available_cores() if len(head) >= AUTO_THRESHOLD else 1
        iterator = itertools.chain(head, iterator)
    if jobs <= 1:
        return coach.lint_messages(iterator)
    log.info("linting in %d worker processes", jobs)
    return _pooled(coach.config, coach.today, iterator, jobs)


def _pooled(config: Config, today: dt.date | None, items: Iterator[Message | FileResult],
            jobs: int) -> Iterator[FileResult]:
    pool: ProcessPoolExecutor | None = None
    pending: deque[tuple[list, Future | None]] = deque()
    try:
        while chunk := list(itertools.islice(items, CHUNK_SIZE)):
            future = None
            if any(isinstance(item, Message) for item in chunk):
                if pool is None:  # started on the first message to lint, so a fully cached run starts none
                    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(config, today, os.getpid()))
                future = pool.submit(_lint_chunk, chunk)
            pending.append((chunk, future))
            if len(pending) >= jobs * _IN_FLIGHT_PER_WORKER:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _collect(chunk: list[Message | FileResult], future: Future | None) -> Iterator[FileResult]:
    if future is None:
        yield from chunk  # only results already known (unreadable files, cache hits)
        return
    for item, result in zip(chunk, future.result()):
        # Workers send results back without the message, which this process already holds.
        yield replace(result, message=item) if isinstance(item, Message) and not result.error else result


def _start_worker(config: Config, today: dt.date | None, parent: int) -> None:
    global _worker_setup
    _die_with(parent)
    # One BLAS thread per worker: the workers already use every core, more threads would only contend.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    _worker_setup = (config, today)


_PR_SET_PDEATHSIG = 1
_PARENT_POLL_SECONDS = 1.0


def _die_with(parent: int) -> None:
    """End this worker when the parent goes, even by SIGKILL (which leaves the pool no chance to stop it)."""
    try:  # Linux: the kernel sends SIGTERM when the parent dies
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # elsewhere, a thread notices this process being handed to a new parent
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request above was made
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)


def _lint_chunk(chunk: list[Message | FileResult]) -> list[FileResult]:
    global _worker_coach
    if _worker_coach is None:
        # Built in a task, not the initializer, so a config or model error reaches the caller with its message.
        config, today = _worker_setup
        _worker_coach = Coach(config, today=today)
    return [replace(result, message=None) for result in _worker_coach.lint_messages(chunk)]
