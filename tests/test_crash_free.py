"""Inputs and surroundings that used to end in a traceback: each is now one line for that file or the run."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from outreach_coach.linting.engine import FileResult

from .conftest import REPO

DRAFT = "Hi Dana,\n\nCould I pick your brain about choir arrangements?\n\nThanks,\nRui\n"


def run_cli(*args: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--no-cache", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, timeout=120, env=env)


def nested_email(depth: int) -> str:
    head = 'From: rui@example.org\nSubject: Choir\nContent-Type: multipart/mixed; boundary="b0"\n\n'
    levels = "".join(f'--b{i}\nContent-Type: multipart/mixed; boundary="b{i + 1}"\n\n' for i in range(depth))
    return head + levels + f"--b{depth}\nContent-Type: text/plain\n\n{DRAFT}"


def test_an_email_nested_a_thousand_multiparts_deep_is_that_files_error_and_the_run_goes_on(tmp_path):
    (tmp_path / "deep.eml").write_text(nested_email(1000))
    (tmp_path / "plain.txt").write_text(DRAFT)
    done = run_cli(str(tmp_path / "deep.eml"), str(tmp_path / "plain.txt"))
    assert "Traceback" not in done.stderr and done.returncode == 2
    assert "deep.eml: error cannot read the email: its parts are nested too deeply" in done.stdout
    assert "plain.txt:3:9: error pick-your-brain" in done.stdout


def test_a_shallow_multipart_email_is_still_read(coach):
    result = coach.lint_text(nested_email(3), "shallow.eml", "eml")
    assert result.error is None and "pick-your-brain" in {f.rule for f in result.findings}


def test_a_file_deleted_between_discovery_and_reading_is_an_error_for_that_file(coach, tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DRAFT)
    items = coach.read_paths([str(tmp_path)])
    assert next(items).path.endswith("a.txt")
    (tmp_path / "b.txt").unlink()
    gone = next(items)
    assert isinstance(gone, FileResult) and gone.error.startswith("cannot read file: No such file")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_stdout_on_a_full_disk_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "x.txt").write_text(DRAFT)
    with open("/dev/full", "w") as full:
        done = run_cli(str(tmp_path / "x.txt"), stdout=full)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["outreach-coach: No space left on device"]


def test_a_deleted_working_directory_is_one_line_and_exit_2(tmp_path):
    (tmp_path / "x.txt").write_text(DRAFT)
    gone = tmp_path / "gone"
    gone.mkdir()
    # The child starts in the folder, then the folder goes: as when a shell sits in a deleted directory.
    script = (f"import os, runpy, sys; os.chdir({str(gone)!r}); os.rmdir({str(gone)!r}); "
              f"sys.argv = ['outreach-coach', 'lint', {str(tmp_path / 'x.txt')!r}]; "
              "runpy.run_module('outreach_coach', run_name='__main__')")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "working directory no longer exists" in done.stderr


def test_an_unreadable_file_is_reported_once_on_a_terminal_and_counted_apart(tmp_path):
    import pty

    (tmp_path / "x.txt").write_text(DRAFT)
    main, terminal = pty.openpty()
    done = run_cli(str(tmp_path / "x.txt"), str(tmp_path / "missing.txt"), stdout=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the terminal's other end is closed: all is read
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    lines = shown.decode().splitlines()
    assert done.returncode == 2 and "missing.txt" not in done.stderr
    assert sum("missing.txt" in line for line in lines) == 1
    assert lines[-1].startswith("1 file checked:") and lines[-1].endswith("1 unreadable")
