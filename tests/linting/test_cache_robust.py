"""The cache cannot lie: rows are keyed by the fingerprint, writes are short, and a damaged or foreign
file is moved aside and rebuilt with one notice."""
from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys

import pytest

from outreach_coach import config as config_module
from outreach_coach.linting import cache as cache_module
from outreach_coach.linting.cache import ResultCache
from outreach_coach.linting.engine import Coach

from ..conftest import TODAY
from .test_cache import comparable, messages, run

SALESY = "Hi Priya,\n\nAct now: this limited-time offer is a game-changer, guaranteed results or your money back!\n\nSam\n"


def salesy_ids(results) -> list[str]:
    return [f.rule for r in results for f in r.findings if f.rule == "salesy-tone"]


def test_two_configs_sharing_one_folder_read_only_their_own_rows(tmp_path, coach):
    from outreach_coach.inputs.messages import parse

    items = [parse(SALESY, "pitch.txt", today=TODAY), *messages(3)]
    quiet = Coach(config_module.from_mapping({"disable": ["salesy-tone"]}), today=TODAY)
    assert salesy_ids(coach.lint_messages(items)), "the sample must be salesy for this test to mean anything"
    for round_ in range(2):
        loud_results, loud_linted = run(tmp_path, coach, items)
        quiet_results, quiet_linted = run(tmp_path, quiet, items)
        assert salesy_ids(loud_results) and not salesy_ids(quiet_results)
        if round_:  # the second time round, both configs find their own rows
            assert loud_linted == quiet_linted == []


def test_a_run_paused_on_its_output_does_not_block_another(tmp_path, coach):
    items = messages(cache_module._BATCH * 2 + 3)
    paused = ResultCache.open(tmp_path, coach, timeout=0.2)
    stream = paused.run(items, coach.lint_messages)
    for _ in range(cache_module._BATCH + 2):  # past a batch: that run has written, and now waits on its reader
        next(stream)
    other = Coach(config_module.from_mapping({"disable": ["too-long"]}), today=TODAY)
    other_store = ResultCache.open(tmp_path, other, timeout=0.2)
    list(other_store.run(items, other.lint_messages))
    assert run(tmp_path, other, items)[1] == []
    list(stream)
    assert run(tmp_path, coach, items)[1] == []


def _garbage(path):
    path.write_bytes(b"this is no database\n" * 300)


def _foreign_schema(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
        db.execute("INSERT INTO meta VALUES ('fingerprint', 'from an older version')")


def _other_tables(path):
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")


def _malformed_pages(path):
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 3 * page
    data[page:len(data)] = bytes([0xA5]) * (len(data) - page)
    path.write_bytes(bytes(data))


def _rows(value: str):
    def spoil(path):
        with sqlite3.connect(path) as db:
            db.execute("UPDATE results SET value = ?", (value,))
    return spoil


DAMAGE = {"not-a-database": _garbage, "other-schema": _foreign_schema, "other-tables": _other_tables,
          "malformed-page": _malformed_pages, "bad-json": _rows("{not json"),
          "wrong-shape": _rows(json.dumps([1, 2])), "bad-severity": _rows(json.dumps(
              {"kind": "cold", "channel": "email", "findings": [{"severity": 7}]}))}
NEEDS_ROWS = {"malformed-page", "bad-json", "wrong-shape", "bad-severity"}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cache_is_rebuilt_with_one_notice_and_true_results(tmp_path, coach, caplog, damage):
    items = messages(40)
    expected = comparable(list(coach.lint_messages(items)))
    if damage in NEEDS_ROWS:
        run(tmp_path, coach, items)
    DAMAGE[damage](tmp_path / "results.sqlite")
    with caplog.at_level(logging.WARNING, logger="outreach_coach.linting.cache"):
        results, _ = run(tmp_path, coach, items)
    assert comparable(results) == expected
    notices = [r.getMessage() for r in caplog.records]
    assert len(notices) == 1, notices
    assert "\n" not in notices[0]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="outreach_coach.linting.cache"):
        again, linted = run(tmp_path, coach, items)
    assert comparable(again) == expected and linted == [] and caplog.records == []


def test_the_command_line_gives_one_notice_and_no_traceback(tmp_path):
    draft = tmp_path / "note.txt"
    draft.write_text("Hi Ana,\n\nCould you tell me how your bakery sources its rye?\n\nLee\n")
    (tmp_path / "c").mkdir()
    _garbage(tmp_path / "c" / "results.sqlite")
    command = [sys.executable, "-m", "outreach_coach", "lint", str(draft), "--cache-dir", str(tmp_path / "c")]
    first, second = (subprocess.run(command, capture_output=True, text=True, timeout=300) for _ in range(2))
    assert first.stderr.count("moved aside") == 1 and "Traceback" not in first.stderr, first.stderr
    assert "cache" not in second.stderr and second.stdout == first.stdout
    assert (tmp_path / "c" / "results.sqlite.broken").is_file()
