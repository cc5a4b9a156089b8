"""Options of phrase and pattern checks that drop matches the writer does not mean as said."""
from __future__ import annotations

import pytest

from outreach_coach.errors import ConfigError
from outreach_coach.linting.ruleset import load_rule

ASAP = [[{"LOWER": "asap"}]]
HEARD_BACK = [[{"LEMMA": "hear"}, {"LOWER": "back"}]]
NO_WORRIES = [[{"LOWER": "no"}, {"LOWER": "worries"}]]



@pytest.mark.parametrize("option, text, plain", [
    ("skip-negated", "I can't guarantee a slot.", "I guarantee a slot."),
    ("skip-hypothetical", "If you guarantee a slot, I'll come.", "You guarantee a slot, so I'll come."),
    ("skip-questions", "Can you guarantee a slot?", "You guarantee a slot."),
    ("skip-conditional-outcomes", "If so, we guarantee a slot.", "We guarantee a slot."),
])
def test_each_skip_option_drops_only_the_case_it_names(run, option, text, plain):
    patterns = [[{"LEMMA": "guarantee"}]]
    assert run("pattern", {"patterns": patterns, option: True}, text) == []
    assert run("pattern", {"patterns": patterns}, text) == ["guarantee"]
    assert run("pattern", {"patterns": patterns, option: True}, plain) == ["guarantee"]


def test_a_negation_in_another_clause_does_not_skip_a_match(run):
    options = {"patterns": [[{"LOWER": "last"}, {"LOWER": "chance"}]], "skip-negated": True}
    assert run("pattern", options, "You're my last chance, please don't ignore this.") == ["last chance"]
    assert run("pattern", options, "This is not my last chance.") == []


@pytest.mark.parametrize("text, fires", [
    ("I'll send the score ASAP.", False),  # the writer's own doing
    ("We will reply ASAP.", False),
    ("I'd love to hear back ASAP.", False),  # a wish, not a demand
    ("The choir needs the score ASAP.", False),  # a third party
    ("Send the score ASAP.", True),  # an imperative
    ("I need the score ASAP.", True),  # the writer's need put on the reader
    ("I need to finish the score ASAP.", False),  # the writer's own task
    ("You can send it ASAP, please.", True),
    ("Hi Omar,\n\nPlease send the score ASAP.", True),  # the name addressed is not the subject
])
def test_only_what_is_put_to_the_reader_is_kept(run, text, fires):
    found = run("pattern", {"patterns": ASAP, "only-put-to-reader": True}, text)
    assert bool(found) == fires


def test_unless_within_a_sentence_or_the_whole_scope(run):
    text = "I haven't heard back from the board. No worries, I know it's exam season."
    sentence = {"patterns": HEARD_BACK, "unless": NO_WORRIES, "unless-within": "sentence"}
    scope = {"patterns": HEARD_BACK, "unless": NO_WORRIES, "unless-within": "scope"}
    assert run("pattern", sentence, text) == ["heard back"]
    assert run("pattern", scope, text) == []
    assert run("pattern", sentence, "I haven't heard back, no worries though.") == []


def test_a_negated_unless_match_does_not_cancel(run):
    options = {"patterns": [[{"LOWER": "meet"}, {"POS": "PROPN"}]],
               "unless": [[{"LEMMA": "check"}, {"LOWER": "with"}]]}
    assert run("pattern", options, "Ana, meet Raj. I checked with you both.") == []
    assert run("pattern", options, "Ana, meet Raj. I didn't check with Raj first.") == ["meet Raj"]


def test_first_only_reports_the_earliest_surviving_match(run):
    options = {"patterns": [[{"LEMMA": "guarantee"}]], "skip-negated": True, "first-only": True}
    text = "I can't guarantee the hall. We guarantee the piano. We guarantee the tuner."
    assert run("pattern", options, text) == ["guarantee"]
    assert len(run("pattern", {**options, "first-only": False}, text)) == 2


def test_phrase_checks_take_the_same_filters(run):
    options = {"phrases": ["world class"], "skip-negated": True}
    assert run("phrase", options, "Our kitchen is world class.") == ["world class"]
    assert run("phrase", options, "Our kitchen is not world class.") == []


RULE = """id: yaml-slip
severity: warning
check: {type: pattern, patterns: [[{LOWER: PLACE}, {LOWER: problem}]]}
message: m
rationale: r
source: {article: "003"}
"""


@pytest.mark.parametrize("word", ["no", "on", "yes", "off"])
def test_an_unquoted_yaml_boolean_in_a_pattern_is_a_config_error(tmp_path, word):
    path = tmp_path / "slip.yaml"
    path.write_text(RULE.replace("PLACE", word))
    with pytest.raises(ConfigError) as err:
        load_rule(path)
    assert str(err.value).startswith(str(path)) and "yaml-slip" in str(err.value) and "quote" in str(err.value)
    path.write_text(RULE.replace("PLACE", f'"{word}"'))
    assert load_rule(path).id == "yaml-slip"


def test_flags_numbers_and_regexes_are_not_mistaken_for_yaml_slips(tmp_path):
    path = tmp_path / "ok.yaml"
    patterns = '[[{LENGTH: {">=": 3}}, {LOWER: {REGEX: "^cc"}}, {LIKE_NUM: true}, {IS_PUNCT: false}]]'
    path.write_text(RULE.replace("[[{LOWER: PLACE}, {LOWER: problem}]]", patterns))
    assert load_rule(path).id == "yaml-slip"


def test_unless_within_takes_only_sentence_or_scope(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(RULE.replace("PLACE", "x").replace("problem}]]}", "problem}]], unless-within: paragraph}"))
    with pytest.raises(ConfigError, match="unless-within"):
        load_rule(path)
