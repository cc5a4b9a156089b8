"""The any-of check: parts with their own scope and kinds; a malformed part names the file and rule."""
from __future__ import annotations

import pytest

from outreach_coach.errors import ConfigError
from outreach_coach.linting.ruleset import load_rule

EXCLAIM = {"type": "exclamations", "min-count": 2}
GUARANTEE = {"type": "pattern", "patterns": [[{"LEMMA": "guarantee"}]]}



def test_hits_of_every_part_are_reported(run):
    text = "Hi Li!\n\nWe guarantee it!\n\nBo"
    assert run("any-of", {"checks": [EXCLAIM, GUARANTEE]}, text) == ["guarantee", "!"]
    assert run("any-of", {"checks": [GUARANTEE]}, "Hi Li,\n\nWe test it.\n\nBo") == []


def test_overlapping_hits_of_different_parts_are_one_finding(run):
    need = {"type": "pattern", "patterns": [[{"LOWER": "need"}, {"LOWER": "you"}]]}
    send = {"type": "pattern", "patterns": [[{"LOWER": "you"}, {"LOWER": "to"}, {"LOWER": "send"}]]}
    text = "Hi Li,\n\nI need you to send it. We guarantee it.\n\nBo"
    assert run("any-of", {"checks": [need, send, GUARANTEE]}, text) == ["need you", "guarantee"]


def test_a_part_may_look_at_another_section_than_the_rule(run):
    text = "---\nsubject: Wow!! Big news!\n---\nHi Li,\n\nWe test it.\n\nBo"
    assert run("any-of", {"checks": [EXCLAIM]}, text, scope="all")
    assert run("any-of", {"checks": [{**EXCLAIM, "scope": "message"}]}, text, scope="all") == []


def test_a_part_may_run_only_for_some_kinds(run):
    part = {**GUARANTEE, "kinds": ["follow-up"]}
    assert run("any-of", {"checks": [part]}, "---\nkind: follow-up\n---\nWe guarantee it.") == ["guarantee"]
    assert run("any-of", {"checks": [part]}, "---\nkind: cold\n---\nWe guarantee it.") == []


RULE = """id: combined
severity: warning
check: {type: any-of, checks: [PART]}
message: m
rationale: r
source: {article: "003"}
"""


@pytest.mark.parametrize("part, problem", [
    ("{type: telepathy}", "known 'type'"),
    ("{type: exclamations, scope: footer}", "scope"),
    ("{type: exclamations, kinds: [spam]}", "kinds"),
    ("{type: exclamations, min-cout: 2}", "min-cout"),
    ("{type: exclamations, min-count: 0}", "min-count"),
])
def test_a_malformed_part_is_a_config_error_naming_file_rule_and_part(tmp_path, part, problem):
    path = tmp_path / "combined.yaml"
    path.write_text(RULE.replace("PART", part))
    with pytest.raises(ConfigError) as err:
        load_rule(path)
    text = str(err.value)
    assert text.startswith(str(path)) and "rule 'combined'" in text and "checks[0]" in text and problem in text
