"""Start-up cost: commands that need no parse never import spaCy, and a fully cached lint loads no model."""
from __future__ import annotations

import subprocess
import sys

import pytest

from bench.corpus import write_corpus
from outreach_coach.cli import cli
from outreach_coach.rules import RuleSet

PROBE = """
import sys
sys.argv = ["outreach-coach", *sys.argv[1:]]
from outreach_coach.cli import main
try:
    main()
except SystemExit:
    pass
print("SPACY-IMPORTED" if "spacy" in sys.modules else "SPACY-ABSENT", file=sys.stderr)
"""


def spacy_imported(*args: str, cwd=None) -> bool:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd, timeout=120)
    marker = done.stderr.strip().splitlines()[-1]
    assert marker in ("SPACY-IMPORTED", "SPACY-ABSENT"), done.stderr
    return marker == "SPACY-IMPORTED"


LIGHT_COMMANDS = [["--help"], ["rules"], ["explain", "too-long"], ["lint", "--help"]]
if "template" in cli.commands:
    LIGHT_COMMANDS.append(["template", "list"])


@pytest.mark.parametrize("args", LIGHT_COMMANDS, ids=" ".join)
def test_command_does_not_import_spacy(args):
    assert not spacy_imported(*args)


def test_rerun_over_unchanged_files_loads_no_model(tmp_path):
    write_corpus(tmp_path / "drafts", 12)
    first = spacy_imported("lint", "drafts", "--jobs", "1", cwd=tmp_path)
    assert first == bool(RuleSet.load().features())  # the first run parses when any rule needs the parse
    assert not spacy_imported("lint", "drafts", "--jobs", "1", cwd=tmp_path)
