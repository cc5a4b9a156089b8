"""Benchmark: lint against a bare spaCy baseline, cold start, cache, --jobs and growth, measured in one run.

    python bench/run.py [--messages 1000] [--large 10000] [--repeat 2]

Each figure is the wall time (and peak memory) of a separate process, so start-up counts as a user sees it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from bench.corpus import write_corpus  # noqa: E402
from outreach_coach import nlp  # noqa: E402
from outreach_coach.engine import BATCH_SIZE, Coach  # noqa: E402
from outreach_coach.messages import format_for, parse  # noqa: E402

COACH = [sys.executable, "-m", "outreach_coach"]
# Every process runs the code of the checkout this script lives in, whatever is installed.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float


def measure(command: list[str], cwd: Path, repeat: int = 1) -> Run:
    """The fastest of `repeat` runs of a command: wall seconds, CPU seconds and peak resident memory."""
    best: Run | None = None
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        error = process.stderr.read().decode() if process.stderr else ""
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {code}: {error}")
        run = Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)
        best = run if best is None or run.seconds < best.seconds else best
    assert best is not None
    return best


def model_name() -> str:
    for name in nlp.MODEL_CANDIDATES:
        if importlib.util.find_spec(name):
            return name
    raise SystemExit("no English spaCy model installed")


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import spacy

    return (f"{cpu}, {len(os.sched_getaffinity(0))} cores, {memory:.0f} GiB; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; spaCy {spacy.__version__}; "
            f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=1, help="best of N for every figure but the large run")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="outreach-bench-"))
    try:
        run_all(work, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_all(work: Path, args: argparse.Namespace) -> None:
    model = model_name()
    coach = Coach()
    features = coach.rules.features()
    exclude = sorted(nlp.ALL_COMPONENTS - nlp.components_for(features))
    print(f"machine: {machine()}")
    print(f"rules: {len(coach.rules.enabled)} enabled; parse features {sorted(features) or 'none'}; "
          f"model {model} without {', '.join(exclude)}")
    small, large = work / "small", work / "large"
    paths = write_corpus(small, args.messages)
    write_corpus(large, args.large)
    texts = work / "texts.jsonl"
    with texts.open("w", encoding="utf-8") as handle:
        for path in paths:
            message = parse(path.read_text(encoding="utf-8"), str(path), format_for(str(path)))
            handle.write(json.dumps(message.text) + "\n")
    lint = [*COACH, "lint", "--no-cache", "--jobs", "1"]
    r = args.repeat
    figures = []

    baseline = measure([sys.executable, str(HERE / "baseline.py"), model, ",".join(exclude), str(texts),
                        str(BATCH_SIZE)], work, r)
    linted = measure([*lint, "small"], work, r)
    figures.append((f"1. lint {args.messages} / baseline nlp.pipe", linted.seconds / baseline.seconds, "<= 1.25",
                    f"{linted.seconds:.2f} s vs {baseline.seconds:.2f} s (CPU {linted.cpu:.2f} vs {baseline.cpu:.2f})"))

    one_file = str(paths[1].relative_to(work))
    cold = measure([*lint, one_file], work, r)
    bare = measure([sys.executable, "-c", f"import spacy; spacy.load({model!r})"], work, r)
    figures.append(("2. lint one file cold / spacy.load", cold.seconds / bare.seconds, "<= 1.3",
                    f"{cold.seconds:.2f} s vs {bare.seconds:.2f} s (CPU {cold.cpu:.2f} vs {bare.cpu:.2f})"))

    cached = [*COACH, "lint", "--jobs", "1", "--cache-dir", str(work / "cache"), "small"]
    first = measure(cached, work)
    second = measure(cached, work, r)
    figures.append(("3. cached re-run / first run", second.seconds / first.seconds, "<= 0.10",
                    f"{second.seconds:.2f} s vs {first.seconds:.2f} s"))

    two = measure([*COACH, "lint", "--no-cache", "--jobs", "2", "small"], work, r)
    figures.append(("4. speed-up --jobs 2 over --jobs 1", linted.seconds / two.seconds, ">= 1.6",
                    f"{two.seconds:.2f} s vs {linted.seconds:.2f} s (CPU {two.cpu:.2f}, parent only)"))

    grown = measure([*lint, "large"], work)
    figures.append((f"5a. time {args.large} / {args.messages}", grown.seconds / linted.seconds, "<= 11",
                    f"{grown.seconds:.2f} s vs {linted.seconds:.2f} s"))
    figures.append((f"5b. peak memory {args.large} / {args.messages}", grown.peak_mb / linted.peak_mb, "<= 1.10",
                    f"{grown.peak_mb:.0f} MB vs {linted.peak_mb:.0f} MB"))

    print(f"load average after: {os.getloadavg()[0]:.1f}")
    for name, ratio, target, detail in figures:
        print(f"{name:42} {ratio:6.2f}  (target {target})  {detail}")


if __name__ == "__main__":
    main()
