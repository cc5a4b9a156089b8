"""Rule files: validation errors name the file, the rule and the key; user folders add and replace rules."""
from __future__ import annotations

import pytest

from outreach_coach import config as config_module
from outreach_coach.errors import ConfigError
from outreach_coach.linting.checks import CHECK_TYPES
from outreach_coach.linting.ruleset import RuleSet, load_rule

GOOD = """id: shouting-subject
severity: warning
scope: subject
check: {type: regex, patterns: ['^[A-Z ]{8,}$'], ignore-case: false}
message: The subject is in capitals.
rationale: Capitals read as shouting.
source: {article: "000", section: tone}
examples: {fires: ["---\\nsubject: PLEASE READ NOW\\n---\\nHi."], passes: ["---\\nsubject: Please read\\n---\\nHi."]}
"""


def write_rule(folder, text, name="rule.yaml"):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("change, key", [
    (("severity: warning", "severity: loud"), "severity"),
    (("scope: subject", "scope: footer"), "scope"),
    (("check: {type: regex,", "check: {type: telepathy,"), "check.type"),
    (("ignore-case: false", "ignore-case: 3"), "ignore-case"),
    (("ignore-case: false", "ignore-cas: false"), "ignore-cas"),
    (("message: The subject", "mesage: The subject"), "mesage"),
    (("id: shouting-subject", "id: Shouting Subject"), "id"),
])
def test_invalid_rule_names_file_rule_and_key(tmp_path, change, key):
    path = write_rule(tmp_path, GOOD.replace(*change))
    with pytest.raises(ConfigError) as err:
        load_rule(path)
    text = str(err.value)
    assert text.startswith(str(path)) and key in text
    if key != "id":
        assert "rule 'shouting-subject'" in text


def test_a_rule_of_an_existing_type_needs_no_python(tmp_path, coach):
    folder = tmp_path / "rules"
    write_rule(folder, GOOD)
    rules = RuleSet.load(config_module.from_mapping({"rule-paths": [str(folder)]}, "c.yaml"))
    rule = rules.get("shouting-subject")
    assert rule is not None and rule.check_type == "regex"


def test_user_rule_replaces_builtin_with_same_id(tmp_path):
    folder = tmp_path / "rules"
    write_rule(folder, GOOD.replace("id: shouting-subject", "id: too-long"))
    rules = RuleSet.load(config_module.from_mapping({"rule-paths": [str(folder)]}, "c.yaml"))
    assert rules.get("too-long").check_type == "regex"


def test_broken_user_rule_is_an_error_not_a_silent_skip(tmp_path):
    folder = tmp_path / "rules"
    write_rule(folder, GOOD)
    write_rule(folder, "id: broken\nseverity: warning\n", "broken.yaml")
    with pytest.raises(ConfigError, match="broken.yaml: rule 'broken': missing key 'check'"):
        RuleSet.load(config_module.from_mapping({"rule-paths": [str(folder)]}, "c.yaml"))


def test_every_builtin_rule_has_a_known_type_and_unique_id():
    rules = RuleSet.load()
    assert rules.all, "no rules loaded"
    for rule in rules.all.values():
        assert rule.check_type in CHECK_TYPES
    ids = [path.stem for path in __import__("pathlib").Path(next(iter(rules.all.values())).file).parent.glob("*.yaml")]
    assert sorted(ids) == sorted(rules.all), "each rule file is named after its rule id"
