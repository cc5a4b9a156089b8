"""The lint command's integration options: formats, cache folder, --jobs, and progress kept off stdout."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bench.corpus import write_corpus
from outreach_coach.frontends.cli import cli
from outreach_coach.frontends.cli import lint as lint_module
from outreach_coach.frontends.cli.progress import Progress


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 30)
    return folder


def lint(*args: str):
    return CliRunner().invoke(cli, ["lint", *args])


def test_progress_goes_to_stderr_and_never_into_json(corpus, tmp_path, monkeypatch):
    ticks = iter(range(10_000))
    monkeypatch.setattr(lint_module, "Progress",
                        lambda stream: Progress(stream, enabled=True, clock=lambda: float(next(ticks))))
    result = lint(str(corpus), "--format", "json", "--no-cache")
    assert result.exit_code in (0, 1), result.stderr
    assert len(json.loads(result.stdout)["files"]) == 30
    assert "30 files linted" in result.stderr


def test_cached_rerun_prints_the_same_and_no_cache_writes_nothing(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    first = lint(str(corpus), "--cache-dir", str(cache_dir), "--format", "json")
    assert (cache_dir / "results.sqlite").is_file()
    second = lint(str(corpus), "--cache-dir", str(cache_dir), "--format", "json")
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    fresh = tmp_path / "unused"
    assert lint(str(corpus), "--cache-dir", str(fresh), "--no-cache").exit_code == first.exit_code
    assert not fresh.exists()


def test_jobs_two_prints_what_jobs_one_prints(corpus):
    one = lint(str(corpus), "--no-cache", "--jobs", "1", "--format", "github")
    two = lint(str(corpus), "--no-cache", "--jobs", "2", "--format", "github")
    assert one.stdout and (two.exit_code, two.stdout) == (one.exit_code, one.stdout)


def test_sarif_run_with_an_unreadable_file_exits_2(corpus, tmp_path):
    result = lint(str(corpus / "draft-000001.txt"), str(tmp_path / "missing.md"), "--format", "sarif", "--no-cache")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
