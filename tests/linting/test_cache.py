"""The result cache: unchanged messages skip spaCy; any change to message, rules, config or version misses."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bench.corpus import draft
from outreach_coach import config as config_module
from outreach_coach.inputs.messages import Message, parse
from outreach_coach.linting import cache as cache_module
from outreach_coach.linting.cache import ResultCache
from outreach_coach.linting.engine import Coach, FileResult

from ..conftest import TODAY


def messages(count: int = 6, start: int = 0) -> list[Message]:
    return [parse(draft(i)[1], draft(i)[0], today=TODAY) for i in range(start, start + count)]


class Recorder:
    """A runner that lints with the real coach and remembers which messages it had to lint."""

    def __init__(self, coach: Coach):
        self.coach = coach
        self.linted: list[str] = []

    def __call__(self, items):
        def record():
            for item in items:
                if isinstance(item, Message):
                    self.linted.append(item.path)
                yield item
        return self.coach.lint_messages(record())


def run(folder: Path, coach: Coach, items) -> tuple[list[FileResult], list[str]]:
    store = ResultCache.open(folder, coach)
    assert store is not None
    recorder = Recorder(coach)
    return list(store.run(items, recorder)), recorder.linted


def comparable(results: list[FileResult]) -> list[tuple]:
    return [(r.path, r.findings, r.kind, r.channel, r.error) for r in results]


def test_second_run_lints_nothing_and_returns_the_same_results(tmp_path, coach):
    items = [*messages(4), FileResult("gone.md", error="no such file or directory"), *messages(3, start=4)]
    first, linted_first = run(tmp_path, coach, items)
    second, linted_second = run(tmp_path, coach, items)
    assert linted_first == [m.path for m in items if isinstance(m, Message)]
    assert linted_second == []
    assert comparable(second) == comparable(first)
    assert any(r.findings for r in second)
    assert all(r.message is item for r, item in zip(second, items) if isinstance(item, Message))


def test_only_changed_messages_are_linted_again(tmp_path, coach):
    items = messages(4)
    run(tmp_path, coach, items)
    edited = dataclasses.replace(items[2], source=items[2].source + "\nP.S. One more line.\n")
    _, linted = run(tmp_path, coach, [*items[:2], edited, items[3]])
    assert linted == [edited.path]


def test_a_different_sending_date_is_a_different_message(tmp_path, coach):
    items = messages(1)
    run(tmp_path, coach, items)
    later = dataclasses.replace(items[0], sent=items[0].sent.replace(year=2027))
    assert run(tmp_path, coach, [later])[1] == [later.path]


def test_changed_config_invalidates(tmp_path, coach):
    items = messages(2)
    run(tmp_path / "cache", coach, items)
    stricter = Coach(config_module.from_mapping({"rules": {"too-long": {"max-words": 20}}}), today=TODAY)
    assert run(tmp_path / "cache", stricter, items)[1] == [m.path for m in items]


def test_changed_rule_file_invalidates(tmp_path, coach):
    rules = tmp_path / "rules"
    rules.mkdir()
    rule_file = rules / "too-long.yaml"
    rule_file.write_text(Path(coach.rules.get("too-long").file).read_text(encoding="utf-8"), encoding="utf-8")
    custom = Coach(config_module.from_mapping({"rule-paths": [str(rules)]}), today=TODAY)
    items = messages(2)
    run(tmp_path / "cache", custom, items)
    assert run(tmp_path / "cache", custom, items)[1] == []
    rule_file.write_text(rule_file.read_text(encoding="utf-8").replace("max-words: 200", "max-words: 20"),
                         encoding="utf-8")
    custom = Coach(config_module.from_mapping({"rule-paths": [str(rules)]}), today=TODAY)
    assert run(tmp_path / "cache", custom, items)[1] == [m.path for m in items]


def test_new_version_invalidates(tmp_path, coach, monkeypatch):
    items = messages(2)
    run(tmp_path, coach, items)
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    assert run(tmp_path, coach, items)[1] == [m.path for m in items]


def test_errors_are_not_stored(tmp_path, coach):
    items = messages(1)
    store = ResultCache.open(tmp_path, coach)
    failed = FileResult(items[0].path, error="rule 'x' failed: boom")
    list(store.run(items, lambda todo: iter([failed for _ in todo])))
    assert store.get(items[0]) is None


def test_cache_folder_is_ignored_by_git(tmp_path, coach):
    ResultCache.open(tmp_path / "c", coach)
    assert (tmp_path / "c" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_an_unusable_folder_means_no_cache(tmp_path, coach):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert ResultCache.open(blocker, coach) is None


@pytest.mark.parametrize("field", ["format", "source"])
def test_message_key_depends_on_content(field):
    (message,) = messages(1)
    changed = dataclasses.replace(message, **{field: "txt" if field == "format" else message.source + "x"})
    assert cache_module.message_key(changed) != cache_module.message_key(message)
    assert cache_module.message_key(dataclasses.replace(message, path="elsewhere.md")) == \
        cache_module.message_key(message)


def test_a_kind_read_from_the_parse_comes_back_from_the_cache(tmp_path, coach):
    text = "Hi Oren and Saskia,\n\nOren keeps forty hives above the orchard and Saskia breeds queens.\n\nDee\n"
    items = [parse(text, "bees.txt", today=TODAY)]
    first, _ = run(tmp_path, coach, items)
    second, linted = run(tmp_path, coach, items)
    assert linted == [] and items[0].kind == "cold"
    assert second[0].message.kind == first[0].message.kind == "introduction"
    assert second[0].message.kind_cue == first[0].message.kind_cue != ""
