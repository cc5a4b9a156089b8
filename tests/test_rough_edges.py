"""What a new user trips on: typos get a "did you mean", settings are checked, and odd inputs get a clear word."""
from __future__ import annotations

import logging
import shutil

import pytest

from outreach_coach import Coach
from outreach_coach.config import Config, from_mapping
from outreach_coach.errors import ConfigError
from outreach_coach.linting.ruleset import RuleSet, builtin_rules_dir

from .conftest import REPO, TODAY

DRAFT = "Hi Dana,\n\nCould I pick your brain about choir arrangements?\n\nThanks,\nRui\n"
SPANISH = ("Hola Dana,\n\nMe encantó tu arreglo del coro y quería preguntarte cómo organizaste las voces graves "
           "para el concierto de primavera. ¿Tendrías quince minutos la próxima semana para hablarlo?\n\nRui\n")


def warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_an_unknown_front_matter_key_is_a_notice_naming_the_near_miss(coach, caplog):
    result = coach.lint_text("---\nknd: cold\nmood: hopeful\n---\n" + DRAFT, "a.md", "md")
    assert result.error is None and "pick-your-brain" in {f.rule for f in result.findings}
    notices = warnings(caplog)
    assert any("'knd'" in n and "did you mean 'kind'" in n for n in notices)
    assert any("'mood'" in n and "did you mean" not in n for n in notices)


def test_an_unknown_rule_in_front_matter_disable_is_a_notice_with_the_near_miss(coach, caplog):
    coach.lint_text("---\ndisable: [generic-prase, pick-your-brain]\n---\n" + DRAFT, "a.md", "md")
    (notice,) = [n for n in warnings(caplog) if "generic-prase" in n]
    assert "did you mean 'generic-praise'" in notice


def test_known_front_matter_keys_give_no_notice(coach, caplog):
    coach.lint_text("---\nkind: cold\nchannel: email\nsubject: Choir\ndisable: [too-long]\n---\n" + DRAFT, "a.md")
    assert not warnings(caplog)


@pytest.mark.parametrize("config, problem", [
    ({"rules": {"too-lon": False}}, "no such rule (did you mean 'too-long'?)"),
    ({"disabel": ["too-long"]}, "unknown key 'disabel' (did you mean 'disable'?)"),
    ({"rules": {"too-long": {"max-word": 5}}}, "unknown key 'max-word' (did you mean 'max-words'?)"),
    ({"rules": {"too-long": {"max-words": -5}}}, "rule 'too-long': key 'max-words' must be at least 0, not -5"),
    ({"rules": {"too-long": {"max-words": float("nan")}}}, "key 'max-words' must be"),
    ({"per-file-disable": {"*.txt": ["pick-yor-brain"]}}, "'*.txt': no rule 'pick-yor-brain' (did you mean"),
    ({"per-file-disable": {"*.txt": "pick-your-brain", "": ["x"]}}, "'' is not a file pattern"),
    ({"per-file-disable": ["*.txt"]}, "key 'per-file-disable' must be a mapping"),
])
def test_config_mistakes_name_file_key_and_the_near_miss(config, problem):
    with pytest.raises(ConfigError) as err:
        RuleSet.load(from_mapping(config, "cfg.yaml"))
    assert str(err.value).startswith("cfg.yaml: ") and problem in str(err.value)


def test_per_file_disable_switches_rules_off_only_for_matching_files():
    coach = Coach(from_mapping({"per-file-disable": {"*.txt": ["pick-your-brain"], "notes/*.md": ["no-agenda"]}}),
                  today=TODAY)
    rules = lambda path: {f.rule for f in coach.lint_text(DRAFT, path, "txt").findings}  # noqa: E731
    assert "pick-your-brain" not in rules("drafts/a.txt") and "no-agenda" in rules("drafts/a.txt")
    assert {"pick-your-brain", "no-agenda"} <= rules("drafts/a.md")
    assert "no-agenda" not in rules("work/notes/a.md") and "pick-your-brain" in rules("work/notes/a.md")


def test_a_rule_folder_listed_twice_loads_each_rule_once(tmp_path):
    shutil.copy(builtin_rules_dir() / "too-long.yaml", tmp_path / "my-long.yaml")
    text = (tmp_path / "my-long.yaml").read_text().replace("id: too-long", "id: my-long")
    (tmp_path / "my-long.yaml").write_text(text)
    rules = RuleSet.load(Config(rule_paths=(tmp_path, tmp_path / ".", tmp_path / ".." / tmp_path.name)))
    assert "my-long" in rules.all
    (tmp_path / "my-long-copy.yaml").write_text(text)
    with pytest.raises(ConfigError, match="already defined"):  # two files of one folder with one id still clash
        RuleSet.load(Config(rule_paths=(tmp_path, tmp_path / ".")))


def test_a_follow_up_dated_before_its_previous_message_gets_a_notice_not_a_negative_gap(coach, caplog):
    front = "---\nkind: follow-up\nsent: 2025-11-20\nprevious: 2026-11-20\n---\n"
    result = coach.lint_text(front + "Hi Dana,\n\nA note on my choir question.\n\nRui\n", "f.md", "md")
    assert "follow-up-too-soon" not in {f.rule for f in result.findings}
    assert any("'previous' (2026-11-20) is after" in n for n in warnings(caplog))
    soon = coach.lint_text(front.replace("2026-11-20", "2025-11-18") + "Hi Dana,\n\nA note.\n\nRui\n", "f.md")
    assert "follow-up-too-soon" in {f.rule for f in soon.findings}


def test_explain_suggests_the_rule_id_meant():
    from click.testing import CliRunner

    from outreach_coach.frontends.cli import cli

    result = CliRunner().invoke(cli, ["explain", "pick-you-brain"])
    assert result.exit_code == 2 and "did you mean 'pick-your-brain'" in result.output


def test_a_draft_in_another_language_gets_one_notice_no_judgement_and_no_score(coach, caplog):
    result = coach.lint_text(SPANISH, "es.txt", "txt")
    assert result.language == "es" and result.score is None
    assert not {f.rule for f in result.findings} - {"too-long", "missing-subject", "empty-message"}
    assert sum("reads as language 'es'" in n for n in warnings(caplog)) == 1


@pytest.mark.parametrize("text", [DRAFT, "Hi Dana,\n\nThanks!\n\nRui\n",
                                  "Hi Dana,\n\nQuick one: Lisbon, Porto, Madrid, Sevilla, Barcelona, Valencia, Bilbao, "
                                  "Granada, Córdoba, Málaga, Zaragoza, Toledo, Salamanca, León, Burgos? Which "
                                  "would you tour first?\n\nRui\n"])
def test_english_drafts_short_or_full_of_names_are_read_as_english(coach, text):
    result = coach.lint_text(text, "en.txt", "txt")
    assert result.language is None and result.score is not None


def test_the_readme_names_the_language_library_and_per_file_disable():
    readme = (REPO / "README.md").read_text()
    assert "py3langid" in readme and "per-file-disable" in readme
