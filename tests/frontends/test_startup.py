"""Start-up cost: `template list` never imports spaCy, and a fully cached lint loads no model."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bench.corpus import write_corpus
from outreach_coach.frontends.cli import cli
from outreach_coach.linting.ruleset import RuleSet

from ..conftest import REPO

PROBE = """
import sys
sys.argv = ["outreach-coach", *sys.argv[1:]]
from outreach_coach.frontends.cli import main
try:
    main()
except SystemExit:
    pass
print("SPACY-IMPORTED" if "spacy" in sys.modules else "SPACY-ABSENT", file=sys.stderr)
"""


def spacy_imported(*args: str, cwd=None) -> bool:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)
    marker = done.stderr.strip().splitlines()[-1]
    assert marker in ("SPACY-IMPORTED", "SPACY-ABSENT"), done.stderr
    return marker == "SPACY-IMPORTED"


def test_template_list_does_not_import_spacy():
    # --help, rules and explain are covered in test_cli; `template list` arrives with the templates.
    if "template" not in cli.commands:
        pytest.skip("no template command in this build")
    assert not spacy_imported("template", "list")


def test_rerun_over_unchanged_files_loads_no_model(tmp_path):
    write_corpus(tmp_path / "drafts", 12)
    first = spacy_imported("lint", "drafts", "--jobs", "1", cwd=tmp_path)
    assert first == bool(RuleSet.load().features())  # the first run parses when any rule needs the parse
    assert not spacy_imported("lint", "drafts", "--jobs", "1", cwd=tmp_path)
