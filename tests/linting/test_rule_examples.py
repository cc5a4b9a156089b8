"""Every rule's own `fires` and `passes` examples, run as tests."""
from __future__ import annotations

import pytest

from outreach_coach.linting.ruleset import RuleSet, expand_example

from ..conftest import rule_ids

RULES = RuleSet.load()
CASES = [
    pytest.param(rule.id, expected, text, id=f"{rule.id}-{expected}-{index}")
    for rule in RULES.all.values()
    for expected, examples in (("fires", rule.fires), ("passes", rule.passes))
    for index, text in enumerate(examples)
]


@pytest.mark.parametrize("rule_id, expected, text", CASES)
def test_rule_example(lint, rule_id, expected, text):
    fired = rule_id in rule_ids(lint(expand_example(text)))
    assert fired == (expected == "fires"), f"{rule_id} should {'fire' if expected == 'fires' else 'pass'} on: {text!r}"


@pytest.mark.parametrize("rule", RULES.all.values(), ids=lambda r: r.id)
def test_rule_has_enough_examples_and_cites_an_article(rule):
    assert len(rule.fires) >= 4 and len(rule.passes) >= 4
    assert rule.rationale and rule.message and rule.source.article
