"""The pre-commit hook, driven by the real pre-commit: a bad draft fails it with findings, a good one passes.

pre-commit builds the hook's environment by pip-installing this repository (about 40 s), once for both runs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import REPO

pytestmark = pytest.mark.slow

BAD = "Subject: Quick question\n\nHi Marta,\n\n" + (
    "I have been wondering about a lot of things in my career lately and I would love to hear all of your "
    "thoughts on them, because you seem to know the field and I am trying to figure out what to do next. ") * 6 + (
    "\n\nThanks,\nJo\n")

GOOD = """---
kind: cold
subject: Your talk on clinic signage
to: {name: Marta Ilic, role: wayfinding designer, type: practitioner, work: ["talk: Signs for people in a hurry"]}
---
Hi Marta,

Your talk on signs for people in a hurry changed how we lay out our clinic's floor plans.

One question, if you have a moment to answer by email: did you test the arrows with visitors who read right to left?

I'd be glad to send you the before-and-after photos from our clinic in return.

Thanks,
Jo Berg
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def snapshot(target: Path) -> str:
    """This checkout as it is now (committed or not) in a fresh repository; its commit id, as a hook `rev`."""
    for name in git(REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0"):
        source = REPO / name
        if name and source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "snapshot")
    return git(target, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit")
    hook_repo = tmp_path_factory.mktemp("hook-repo")
    rev = snapshot(hook_repo)
    user = tmp_path_factory.mktemp("user-repo")
    git(user, "init", "-q")
    (user / "drafts").mkdir()
    (user / "drafts" / "bad.txt").write_text(BAD, encoding="utf-8")
    (user / "drafts" / "good.md").write_text(GOOD, encoding="utf-8")
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {rev}\n  hooks:\n  - id: outreach-coach\n    files: ^drafts/\n",
        encoding="utf-8")
    git(user, "add", "-A")
    return user, tmp_path_factory.mktemp("pre-commit-home")


def run_hook(project, *files: str) -> subprocess.CompletedProcess:
    user, home = project
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--files", *files], cwd=user, env=env,
                          capture_output=True, text=True, timeout=600)


def test_bad_draft_fails_the_hook_with_its_findings(project):
    done = run_hook(project, "drafts/bad.txt")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "outreach-coach" in done.stdout and "Failed" in done.stdout
    assert "drafts/bad.txt:" in done.stdout and "too-long" in done.stdout


def test_good_draft_passes_the_hook(project):
    done = run_hook(project, "drafts/good.md")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
