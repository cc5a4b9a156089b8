"""Hostile config, rule and template files: nothing they hold runs as code, expands without bound,
hangs the linter or silently switches rules off."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from jinja2 import TemplateError

from outreach_coach import Coach
from outreach_coach import config as config_module
from outreach_coach.errors import ConfigError
from outreach_coach.linting.ruleset import RuleSet, expand_example, load_rule
from outreach_coach.writing.sandbox import render

RULE = """id: {id}
severity: warning
check: {check}
message: Found it.
rationale: For tests.
source: {{article: "003"}}
"""
CATASTROPHIC = "(a+)+$"
BOMB = "\n".join(["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                 + [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)])


def rule_folder(tmp_path, **rules: str):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    for rule_id, check in rules.items():
        (folder / f"{rule_id}.yaml").write_text(RULE.format(id=rule_id, check=check))
    return folder


def user_rules(folder) -> RuleSet:
    return RuleSet.load(config_module.from_mapping({"rule-paths": [str(folder)]}, "c.yaml"))


def test_python_tags_in_config_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    config = tmp_path / "c.yaml"
    config.write_text(f"fail-on: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ConfigError, match="python/object/apply") as err:
        config_module.load(config)
    assert str(err.value).startswith(str(config)) and not marker.exists()


@pytest.mark.parametrize("document, problem", [
    (BOMB, "refusing to expand"),
    ("disable: &a [*a]\n", "recursive alias"),
    ("disable: " + "[" * 3000 + "]" * 3000 + "\n", "nested too deeply"),
    ("max-file-size: !!int nine\n", "invalid value"),
])
def test_alias_bombs_and_deep_nesting_in_config_are_refused_quickly(tmp_path, document, problem):
    config = tmp_path / "c.yaml"
    config.write_text(document)
    started = time.monotonic()
    with pytest.raises(ConfigError, match=problem) as err:
        config_module.load(config)
    assert time.monotonic() - started < 2
    assert str(err.value).startswith(str(config)) and "\n" not in str(err.value)


def test_a_catastrophic_user_regex_is_a_clear_error_for_that_file_not_a_hang(tmp_path):
    folder = rule_folder(tmp_path, **{"runaway": f"{{type: regex, patterns: ['{CATASTROPHIC}']}}"})
    coach = Coach(config_module.from_mapping({"rule-paths": [str(folder)]}, "c.yaml"))
    (tmp_path / "long.txt").write_text("a" * 5000 + "b\n")
    (tmp_path / "short.txt").write_text("Hi Dana,\n\nYour choir was a joy.\n\nRui\n")
    started = time.monotonic()
    results = list(coach.lint_paths([str(tmp_path / "long.txt"), str(tmp_path / "short.txt")]))
    assert time.monotonic() - started < 10
    assert "rule 'runaway'" in results[0].error and "simplify" in results[0].error
    assert results[1].error is None


@pytest.mark.parametrize("pattern", [r"^(\w+\s?)*$", "(a+)+b", "(?:ab*){2,}"])
def test_matcher_regex_that_nests_repetitions_is_refused_when_the_rule_loads(tmp_path, pattern):
    # spaCy runs REGEX token predicates with `re`, which no timeout can stop.
    folder = rule_folder(tmp_path, **{"token-regex": f"{{type: pattern, patterns: [[{{TEXT: {{REGEX: '{pattern}'}}}}]]}}"})
    with pytest.raises(ConfigError, match="rule 'token-regex'.*REGEX.*regex check type") as err:
        user_rules(folder)
    assert str(err.value).startswith(str(folder / "token-regex.yaml"))


def test_a_simple_matcher_regex_is_accepted(tmp_path):
    folder = rule_folder(tmp_path, **{"token-regex": "{type: pattern, patterns: [[{LOWER: {REGEX: '^(cello|viola)s?$'}}]]}"})
    assert user_rules(folder).get("token-regex") is not None


def test_a_pattern_spacy_rejects_is_an_error_naming_the_rule_file(tmp_path, coach):
    folder = rule_folder(tmp_path, **{"odd-pattern": "{type: pattern, patterns: [[{LOWER: {NOT_AN_OPERATOR: 1}}]]}"})
    odd = Coach(config_module.from_mapping({"rule-paths": [str(folder)]}, "c.yaml"))
    with pytest.raises(ConfigError, match="odd-pattern.yaml: rule 'odd-pattern': key 'check'") as err:
        odd.lint_text("Hi Dana, a note.")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("check, key", [
    ("{type: pattern, patterns: [just-text]}", "list of token mappings"),
    ("{type: regex, patterns: ['(unclosed']}", "invalid parameters"),
    ("{type: regex, patterns: 5}", "patterns"),
])
def test_malformed_check_parameters_name_file_rule_and_key(tmp_path, check, key):
    folder = rule_folder(tmp_path, **{"bad-check": check})
    with pytest.raises(ConfigError, match=f"bad-check.yaml: rule 'bad-check': check.*{key}"):
        user_rules(folder)


@pytest.mark.parametrize("content, problem", [
    (b"- a list\n- of things\n", "one mapping"),
    (b"id: x\n  bad: [indent\n", "invalid YAML"),
    (b"id: caf\xe9\n", "not UTF-8"),
    (b"id: tagged\nseverity: !!python/name:os.system\n", "python/name"),
])
def test_unreadable_rule_files_name_the_file(tmp_path, content, problem):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "broken.yaml").write_bytes(content)
    with pytest.raises(ConfigError, match=problem) as err:
        user_rules(folder)
    assert str(err.value).startswith(str(folder / "broken.yaml")) and "\n" not in str(err.value)


@pytest.mark.parametrize("example, problem", [
    ("{{ ''.__class__.__mro__ }}", "SecurityError"),
    ("{{ cycler.__init__.__globals__.os }}", "SecurityError"),
    ("{{ no_such_variable }}", "UndefinedError"),
    ("{% include '/etc/passwd' %}", "TemplateNotFound"),
    ("{% for i in range(5 %}", "TemplateSyntaxError"),
])
def test_hostile_jinja_in_a_rule_example_fails_when_checked_not_when_the_rule_loads(tmp_path, example, problem):
    from outreach_coach.linting.rule_examples import example_failures

    text = RULE.format(id="jinja-example", check="{type: regex, patterns: [zzz]}")
    (tmp_path / "jinja-example.yaml").write_text(text + f"examples: {{fires: [\"{example}\"]}}\n")
    rule = load_rule(tmp_path / "jinja-example.yaml")  # loading never renders an example
    (failure,) = example_failures(RuleSet([rule]), [rule])
    assert str(failure).startswith(f"{tmp_path / 'jinja-example.yaml'}: rule 'jinja-example': "
                                   f"key 'examples.fires[0]': {problem}") and "\n" not in str(failure)


def test_a_broken_user_rule_stops_the_run_on_the_cli_instead_of_dropping_rules(tmp_path):
    folder = rule_folder(tmp_path, **{"fine-rule": "{type: regex, patterns: [zzz]}",
                                      "bad-rule": "{type: regex, patterns: [zzz], colour: red}"})
    config = tmp_path / "c.yaml"
    config.write_text(f"rule-paths: [{folder}]\n")
    draft = tmp_path / "d.txt"
    draft.write_text("Hi Dana, zzz.\n")
    done = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--config", str(config), str(draft)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0
    assert "bad-rule.yaml: rule 'bad-rule'" in done.stderr and "colour" in done.stderr
    (folder / "bad-rule.yaml").unlink()
    assert user_rules(folder).get("fine-rule").enabled


@pytest.mark.parametrize("template", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ self.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ os.system('id') }}",
    "{{ open('/etc/passwd').read() }}",
    "{% include '/etc/passwd' %}",
    "{% import 'os' as os %}{{ os }}",
    "{{ ''|attr('__class__') }}",
    "{{ '{0.__class__}'.format(1) }}",
])
def test_templates_cannot_reach_python_internals_or_files(template):
    with pytest.raises(TemplateError):
        render(template)


@pytest.mark.parametrize("template", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**10 }}",
    "{{ [0] * 10**10 }}",
    "{{ 9 ** 99999999 }}",
    "{{ 'x'|center(10**10) }}",
    "{{ 'x'.ljust(10**10) }}",
    "{{ '{:>9999999999}'.format(1) }}",
    "{{ '{0:{1}}'.format(1, 10**10) }}",
    "{{ '%9999999999d' % 1 }}",
    "{{ '%*d'|format(10**10, 1) }}",
    "{% for i in range(100000) %}{{ 'many words ' * 10 }}{% endfor %}",
    "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
])
def test_templates_cannot_exhaust_time_or_memory(template):
    started = time.monotonic()
    with pytest.raises(TemplateError):
        render(template)
    assert time.monotonic() - started < 3


def test_ordinary_template_features_still_work():
    text = ("{% for part in parts %}{{ loop.index }}. {{ part|title }}{{ '\\n' }}{% endfor %}"
            "{{ 'Dear %s,'|format(name) }} {{ '{:>3}'.format(7) }} {{ 'ab' * 3 }} {{ 2 ** 10 }}")
    assert render(text, {"parts": ["cello", "viola"], "name": "Dana"}) == \
        "1. Cello\n2. Viola\nDear Dana,   7 ababab 1024"
    assert expand_example("{% for i in range(3) %}word {% endfor %}") == "word word word "


@pytest.mark.parametrize("name, content, problem", [
    ("pyproject.toml", b'[tool.outreach-coach]\nfail-on = "caf\xe9"\n', "invalid TOML"),
    ("pyproject.toml", b"[tool.outreach-coach]\nmax-file-size = 100000000000000000000000\n", "max-file-size"),
    (".outreach-coach.yaml", b"max-file-size: -1\n", "max-file-size"),
    (".outreach-coach.yaml", b"globs: ['']\n", "globs"),
    (".outreach-coach.yaml", b"fail-on: [error]\n", "fail-on"),
    (".outreach-coach.yaml", b"rules: {too-long: {max-words: lots}}\n", "max-words"),
    (".outreach-coach.yaml", b"rule-paths: [{a: 1}]\n", "rule-paths"),
])
def test_malformed_config_values_name_the_file_and_key(tmp_path, name, content, problem):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ConfigError, match=problem) as err:
        RuleSet.load(config_module.load(start=tmp_path))
    assert str(err.value).startswith(str(tmp_path / name)) and "\n" not in str(err.value)


def test_a_pyproject_whose_tool_table_is_not_a_table_is_not_a_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    assert config_module.discover(tmp_path) != tmp_path / "pyproject.toml"


def test_an_empty_glob_from_the_command_line_falls_back_to_the_message_suffixes(tmp_path):
    from outreach_coach.inputs.files import discover

    (tmp_path / "a.md").write_text("Hi.")
    (tmp_path / "b.csv").write_text("x")
    assert list(discover([str(tmp_path)], [""])) == [str(tmp_path / "a.md")]


TEMPLATE = """{#-
id: cold/hostile
situation: A test of what a user template cannot do.
kinds: [cold]
variables:
  name:
    description: Who you write to
    required: true
    example: Dana
-#}
---
kind: cold
---
Hi {{ name }},
"""


@pytest.mark.parametrize("body", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ name * 10**9 }}",
    "{{ name|center(10**10) }}",
    "{{ '{:>9999999999}'.format(name) }}",
    "{{ name|format(1, 2) }}",
    "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
])
def test_a_user_template_that_would_hang_or_crash_is_a_render_error(tmp_path, body):
    from outreach_coach.writing.templates import Catalogue, RenderError
    from outreach_coach.writing.templates import render as render_template

    (tmp_path / "cold").mkdir()
    (tmp_path / "cold" / "hostile.md.j2").write_text(TEMPLATE + body + "\n")
    template = Catalogue((tmp_path,)).get("cold/hostile")
    started = time.monotonic()
    with pytest.raises(RenderError, match="cold/hostile"):
        render_template(template, {"name": "Dana"})
    assert time.monotonic() - started < 3


def test_render_output_never_overwrites_an_input_even_with_force(tmp_path):
    from click.testing import CliRunner

    from outreach_coach.frontends.cli import cli

    draft = tmp_path / "draft.md"
    draft.write_text("---\nto: {name: Dana Li}\n---\nHi Dana,\n\nA question about your choir.\n\nRui\n")
    values = tmp_path / "values.yaml"
    values.write_text("name: Dana\n")
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "elsewhere.md")
    before = {path: path.read_bytes() for path in (draft, values)}
    for output, source in ((draft, ["--from", str(draft)]), (values, ["--vars", str(values)]), (link, [])):
        result = CliRunner().invoke(cli, ["template", "render", "cold/connection-note", "--example", *source,
                                          "-o", str(output), "--force"])
        assert result.exit_code == 2, result.output
    assert {path: path.read_bytes() for path in (draft, values)} == before
    assert not (tmp_path / "elsewhere.md").exists()
    followup = CliRunner().invoke(cli, ["followup", str(draft), "--today", "2030-01-01", "-o", str(draft), "--force"])
    assert followup.exit_code == 2 and draft.read_bytes() == before[draft]
