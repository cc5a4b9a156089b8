"""`--jobs` workers end when their parent is killed, instead of lingering as orphans."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from ..conftest import REPO

PARENT = """
import multiprocessing, sys, time
from outreach_coach import Coach
from outreach_coach.linting import parallel
from outreach_coach.inputs.messages import parse
coach = Coach()
drafts = [parse("Hi Dana,\\n\\nCould I pick your brain?\\n\\nThanks,\\nRui\\n", f"d{i}.txt") for i in range(400)]
results = parallel.lint(coach, drafts, jobs=2)
next(results)
print(" ".join(str(child.pid) for child in multiprocessing.active_children()), flush=True)
time.sleep(600)
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as status:
            return "\nState:\tZ" not in status.read()  # a zombie has ended, only its reaping is left
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads process state from /proc")
@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_when_the_parent_is_killed(signal_number):
    parent = subprocess.Popen([sys.executable, "-c", PARENT], cwd=REPO, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert len(workers) == 2 and all(alive(pid) for pid in workers)
    parent.send_signal(signal_number)
    parent.wait(30)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
