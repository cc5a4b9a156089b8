"""Config discovery, validation, and how it changes the rules in force."""
from __future__ import annotations

from pathlib import Path

import pytest

from outreach_coach import config as config_module
from outreach_coach.errors import ConfigError
from outreach_coach.linting.findings import Severity
from outreach_coach.linting.ruleset import RuleSet


def test_discovers_yaml_config_upward(tmp_path):
    (tmp_path / ".outreach-coach.yaml").write_text("fail-on: error\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    config = config_module.load(start=nested)
    assert config.fail_on == "error"
    assert config.source == str(tmp_path / ".outreach-coach.yaml")


def test_discovers_pyproject_section_but_not_a_pyproject_without_one(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.outreach-coach]\nfail-on = "suggestion"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert config_module.load(start=inner).fail_on == "suggestion"


def test_no_config_gives_defaults(tmp_path):
    config = config_module.load(start=tmp_path)
    assert config.fail_on == "warning" and config.source is None


@pytest.mark.parametrize("data, key", [
    ({"fail-on": "sometimes"}, "fail-on"),
    ({"treshold": 3}, "treshold"),
    ({"rules": {"too-long": {"severity": "fatal"}}}, "severity"),
    ({"rules": {"too-long": "loud"}}, "too-long"),
    ({"max-file-size": -1}, "max-file-size"),
    ({"disable": "too-long, x"}, None),
])
def test_invalid_config_names_the_key(data, key):
    if key is None:  # a single string is accepted as a one-item list
        config_module.from_mapping(data, "cfg.yaml")
        return
    with pytest.raises(ConfigError) as err:
        config_module.from_mapping(data, "cfg.yaml")
    assert str(err.value).startswith("cfg.yaml: ") and key in str(err.value)


def test_rule_settings_change_severity_threshold_and_switch_rules_off():
    config = config_module.from_mapping({
        "disable": ["hard-to-read"],
        "rules": {"too-long": {"severity": "error", "max-words": 50}, "self-centered": False},
    }, "cfg.yaml")
    rules = RuleSet.load(config)
    enabled = {rule.id for rule in rules.enabled}
    assert "hard-to-read" not in enabled and "self-centered" not in enabled
    too_long = rules.get("too-long")
    assert too_long.severity is Severity.ERROR
    assert too_long.parameters()["max-words"] == 50


def test_unknown_rule_or_parameter_in_config_is_an_error():
    with pytest.raises(ConfigError, match="no-such-rule"):
        RuleSet.load(config_module.from_mapping({"rules": {"no-such-rule": {"severity": "error"}}}, "c.yaml"))
    with pytest.raises(ConfigError, match="max-wrods"):
        RuleSet.load(config_module.from_mapping({"rules": {"too-long": {"max-wrods": 3}}}, "c.yaml"))


def test_paths_are_relative_to_the_config_file(tmp_path):
    config = config_module.from_mapping({"rule-paths": ["my-rules"]}, "c.yaml", tmp_path)
    assert config.rule_paths == (tmp_path / "my-rules",)


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        config_module.load(Path(tmp_path / "nope.yaml"))
