"""Text and GitHub output never pass control or bidi characters from file names, matches or messages to a terminal."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from outreach_coach.formats import FORMATTERS, Summary
from outreach_coach.formats.terminal import printable
from outreach_coach.linting.engine import FileResult
from outreach_coach.linting.findings import Finding, Severity

HOSTILE = "a\x1b]0;owned\x07\x1b[2J\rb\nfake.txt:1:1: error forged\u202etxt.exe\x9b"


def render(rules, results: list[FileResult], output_format: str) -> str:
    stream = io.StringIO()
    formatter = FORMATTERS[output_format](stream, rules, show_suggestions=True)
    for result in results:
        formatter.file(result)
    formatter.finish(Summary())
    return stream.getvalue()


@pytest.mark.parametrize("text, shown", [
    ("\x1b[2J", "\\e[2J"), ("a\nb\rc", "a\\nb\\rc"), ("\u202eabc", "\\u202eabc"), ("\x9b\x07", "\\x9b\\x07"),
    ("caf\u00e9 \u2014 tab\tok", "caf\u00e9 \u2014 tab\tok"), ("bad\udcff.txt", "bad\\xff.txt"),
])
def test_printable_escapes_only_what_steers_a_terminal(text, shown):
    assert printable(text) == shown


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_hostile_names_messages_and_suggestions_reach_the_output_escaped(coach, output_format):
    finding = Finding("too-long", Severity.WARNING, f"matched {HOSTILE}", 1, 1, 1, 2, suggestion=HOSTILE)
    results = [FileResult(HOSTILE + ".md", (finding,)), FileResult(HOSTILE + ".txt", error=HOSTILE)]
    out = render(coach.rules, results, output_format)
    assert not any(char in out for char in "\x1b\r\x07\x9b\u202e")
    # One line per finding, one per unreadable file (plus the text format's score and summary lines): none forged.
    expected = {"text": 5, "github": 2}[output_format]
    assert len(out.splitlines()) == expected
    assert not any(line.startswith("fake.txt") for line in out.splitlines())


def test_a_non_utf8_file_name_prints_on_a_strict_utf8_stdout(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9\x1b[2J.txt"
    with open(name, "wb") as handle:
        handle.write(b"Hi Dana,\n\nCould I pick your brain about choirs?\n\nThanks,\nRui\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--no-cache", str(tmp_path)],
                          capture_output=True, env=env, timeout=120)
    out = done.stdout.decode("utf-8")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert "caf\\xe9\\e[2J.txt:3:9: error pick-your-brain" in out


def test_notices_on_stderr_name_a_hostile_file_escaped(tmp_path):
    name = tmp_path / "x\x1b]0;owned\x07.md"
    name.write_text("---\nknd: cold\n---\nHi Dana,\n\nA question about your choir.\n\nRui\n")
    done = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--no-cache", str(name)],
                          capture_output=True, text=True, timeout=120)
    (notice,) = [line for line in done.stderr.splitlines() if "knd" in line]
    assert "x\\e]0;owned\\x07.md: front matter key 'knd'" in notice and "\x1b" not in done.stderr
