"""Bounded by design: punctuation runs, counted repeats, risky patterns in `unless:`, and the sandbox."""
from __future__ import annotations

import pytest
from jinja2 import TemplateError

from outreach_coach.errors import ConfigError
from outreach_coach.understanding.nlp import MAX_PUNCTUATION_RUN, tame_punctuation_runs
from outreach_coach.writing.sandbox import render

from .test_hostile import rule_folder, user_rules


@pytest.mark.parametrize("char", ["!", "?", "[", "\u201c"])
def test_a_long_punctuation_run_is_cut_short_with_offsets_kept(char):
    text = "Hi Dana,\n" + char * 45_000 + " Rui"
    tamed = tame_punctuation_runs(text)
    assert len(tamed) == len(text) and tamed.endswith(" Rui") and tamed.startswith("Hi Dana,\n")
    assert tamed.count(char) == MAX_PUNCTUATION_RUN


@pytest.mark.parametrize("check", [
    "{type: regex, patterns: ['a{1,10000000}']}",
    "{type: pattern, patterns: [[{LOWER: a, OP: '{1,10000000}'}]]}",
    "{type: pattern, patterns: [[{LOWER: a}]], unless: [[{TEXT: {REGEX: '(a+)+$'}}]]}",
    "{type: pattern, patterns: [[{TEXT: {REGEX: '^(a|a)+$'}}]]}",
])
def test_hostile_patterns_are_refused_at_load_naming_file_and_rule(tmp_path, check):
    folder = rule_folder(tmp_path, **{"hostile": check})
    with pytest.raises(ConfigError) as err:
        user_rules(folder)
    assert str(err.value).startswith(f"{folder / 'hostile.yaml'}: rule 'hostile'") and "\n" not in str(err.value)


@pytest.mark.parametrize("source", [
    "{% set s = 'ab' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}",
    "{{ ((9**999)**999)**999 }}",
    "{% set s = 'a' * 100000 %}{{ s ~ s ~ s }}",
    "{% set s = 'a' * 100000 %}{{ s|replace('a', s) }}",
    "{% set s = 'a' * 100000 %}{{ s.replace('a', s) }}",
    "{{ ['a' * 100000, 'b' * 100000]|join('x') }}",
    "{{ ('x' * 100000).join(['1', '2', '3']) }}",
])
def test_the_sandbox_refuses_runaway_work(source):
    with pytest.raises(TemplateError):
        render(source)


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "draft.txt"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--no-cache", str(fifo)],
                          capture_output=True, text=True, timeout=120)  # a hang guard, not a speed test
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert str(fifo) in done.stderr and "regular file" in done.stderr


def test_thousands_of_blank_lines_lint_without_a_rule_timing_out():
    from outreach_coach import Coach

    text = "Hi Dana,\n\nCould I pick your brain?" + "\n" * 5000 + "Thanks,\nRui\n"
    result = Coach().lint_text(text, "blank.txt", "txt")
    assert result.error is None
    assert "pick-your-brain" in {f.rule for f in result.findings}
