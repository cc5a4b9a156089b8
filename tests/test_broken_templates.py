"""A broken user template is reported once with its own line, left out of suggestions, and lint goes on."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from outreach_coach.config import Config
from outreach_coach.errors import ConfigError
from outreach_coach.templates import Catalogue, RenderError

from .conftest import REPO

BROKEN = """{#-
id: mine/broken
situation: A note to a choir director
variables:
  name: {description: Their name, required: true, example: Dana}
-#}
Hi {{ name }},

{% if name %}Thanks for the rehearsal.
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "broken.md.j2").write_text(BROKEN)
    return tmp_path


def test_a_broken_user_template_is_left_out_and_named_with_its_real_line(folder, caplog):
    catalogue = Catalogue.load(Config(template_paths=(folder,)), skip_broken=True)
    assert "mine/broken" not in catalogue.all() and "cold/collaboration-offer" in catalogue.all()
    catalogue.all()
    (record,) = [r for r in caplog.records if "mine/broken" in r.getMessage()]
    # The `{% if %}` that is never closed is on line 9 of the file (line 3 of the body after the header).
    assert "line 9:" in record.getMessage() and "left out" in record.getMessage()
    with pytest.raises(RenderError, match="cannot be used.*line 9:"):
        catalogue.get("mine/broken")
    with pytest.raises(ConfigError, match="line 9:"):  # where a template is asked for by name, it still stops
        Catalogue.load(Config(template_paths=(folder,))).all()


def test_lint_with_a_broken_user_template_reports_it_once_and_lints_as_usual(folder, tmp_path):
    config = tmp_path / ".outreach-coach.yaml"
    config.write_text(f"template-paths: [{folder}]\n")
    draft = tmp_path / "a.txt"
    draft.write_text("Hi Dana,\n\nCould I pick your brain about choirs?\n\nThanks,\nRui\n")
    draft.with_name("b.txt").write_text(draft.read_text())
    done = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--no-cache", "--config", str(config),
                           str(draft), str(draft.with_name("b.txt"))], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=tmp_path)
    assert "pick-your-brain" in done.stdout and "Traceback" not in done.stderr
    assert done.returncode == 1 and done.stdout.count(" error pick-your-brain ") == 2
    assert done.stderr.count("template left out") == 1


def test_an_unknown_template_id_suggests_the_close_one():
    with pytest.raises(RenderError, match="did you mean 'cold/collaboration-offer'"):
        Catalogue.load(Config()).get("cold/colaboration-offer")
