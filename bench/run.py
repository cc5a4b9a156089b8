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
from outreach_coach.inputs.messages import format_for, parse
from outreach_coach.linting.engine import BATCH_SIZE, Coach
from outreach_coach.understanding import nlp

COACH = [sys.executable, "-m", "outreach_coach"]
# Every process runs the code of the checkout this script lives in, whatever is installed.
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}


@dataclass
class Run:
    seconds: float
    cpu: float
    peak_mb: float


def measure(command: list[str], cwd: Path) -> Run:
    """One run of a command: wall seconds, CPU seconds (its own and its workers') and peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    error = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {code}: {error}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def compare(first: list[str], second: list[str], cwd: Path, repeat: int) -> tuple[Run, Run]:
    """The fastest of `repeat` runs of each command, taken in turns so both see the same machine load."""
    runs: tuple[list[Run], list[Run]] = ([], [])
    for _ in range(repeat):
        runs[0].append(measure(first, cwd))
        runs[1].append(measure(second, cwd))
    return min(runs[0], key=lambda r: r.seconds), min(runs[1], key=lambda r: r.seconds)


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

    def figure(name: str, ratio: float, target: str, a: Run, b: Run, cpu: bool = True) -> None:
        cpu_ratio = f"CPU {a.cpu / b.cpu:5.2f}" if cpu else " " * 9
        figures.append(f"{name:40} {ratio:6.2f}  {cpu_ratio}  (target {target:7})  "
                       f"{a.seconds:7.2f} s vs {b.seconds:7.2f} s; CPU {a.cpu:7.2f} s vs {b.cpu:7.2f} s")
        print(figures[-1], flush=True)

    baseline_command = [sys.executable, str(HERE / "baseline.py"), model, ",".join(exclude), str(texts),
                        str(BATCH_SIZE)]
    linted, baseline = compare([*lint, "small"], baseline_command, work, r)
    figure(f"1. lint {args.messages} / nlp.pipe baseline", linted.seconds / baseline.seconds, "<= 1.25",
           linted, baseline)

    one_file = str(paths[1].relative_to(work))
    cold, bare = compare([*lint, one_file], [sys.executable, "-c", f"import spacy; spacy.load({model!r})"], work, r)
    figure("2. one file cold / spacy.load", cold.seconds / bare.seconds, "<= 1.3", cold, bare)

    cached = [*COACH, "lint", "--jobs", "1", "--cache-dir", str(work / "cache"), "small"]
    first = measure(cached, work)
    second = min((measure(cached, work) for _ in range(r)), key=lambda run: run.seconds)
    figure("3. cached re-run / first run", second.seconds / first.seconds, "<= 0.10", second, first)

    two, one = compare([*COACH, "lint", "--no-cache", "--jobs", "2", "small"], [*lint, "small"], work, r)
    figure("4. speed-up: --jobs 1 / --jobs 2", one.seconds / two.seconds, ">= 1.6", one, two, cpu=False)

    grown = measure([*lint, "large"], work)
    figure(f"5a. time {args.large} / {args.messages}", grown.seconds / linted.seconds, "<= 11", grown, linted)
    figures.append(f"5b. peak memory {args.large} / {args.messages}: {grown.peak_mb / linted.peak_mb:.2f} "
                   f"(target <= 1.10)  {grown.peak_mb:.0f} MB vs {linted.peak_mb:.0f} MB")
    print(figures[-1], flush=True)

    no_copies = work / "no-mass-message.yaml"
    no_copies.write_text("rules:\n  mass-message: off\n")
    without = measure([*lint, "--config", str(no_copies), "large"], work)
    figure(f"6a. mass-message on / off, {args.large} files", grown.seconds / without.seconds, "<= 1.2", grown,
           without)
    figures.append(f"6b. peak memory mass-message on / off: {grown.peak_mb / without.peak_mb:.2f} "
                   f"(target <= 1.05)  {grown.peak_mb:.0f} MB vs {without.peak_mb:.0f} MB")
    print(figures[-1], flush=True)

    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print("\n".join(["", "summary (ratio of wall times, then of CPU times):", *figures]))


if __name__ == "__main__":
    main()
