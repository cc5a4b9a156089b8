"""The template catalogue: headers, sandboxed rendering, lookup, and every built-in template linting clean."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from outreach_coach import messages
from outreach_coach.config import Config
from outreach_coach.errors import ConfigError
from outreach_coach.findings import Severity
from outreach_coach.rules import RuleSet
from outreach_coach.templates import Catalogue, RenderError, builtin_templates_dir, render

from .conftest import shared_path

CATALOGUE = Catalogue.load()
BUILTIN = CATALOGUE.all()
EXPECTED = {
    "cold/question-about-their-work", "cold/informational-interview", "cold/connection-note",
    "cold/collaboration-offer", "cold/shared-background", "cold/researcher", "cold/recruiter",
    "intro/ask-for-opt-in", "intro/double-opt-in", "intro/request", "follow-up/no-reply", "follow-up/thank-you",
    "follow-up/after-event", "follow-up/update", "follow-up/check-in",
}
HEADER = """{{#-
id: {id}
situation: A test situation.
kinds: [cold]
variables:
  name:
    description: Who you write to
    required: true
    example: Ana
  offer:
    description: What you offer
    required: false
    example: my notes
-#}}
"""


def write_template(folder: Path, tid: str, body: str, header: str = HEADER) -> Path:
    path = folder / f"{tid}.md.j2"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header.format(id=tid) + body, encoding="utf-8")
    return path


def test_the_catalogue_holds_the_fifteen_templates_of_the_spec():
    assert set(BUILTIN) == EXPECTED


@pytest.mark.parametrize("tid", sorted(EXPECTED))
def test_example_renders_and_lints_without_warnings(coach, tid):
    template = BUILTIN[tid]
    text = render(template, template.example_values())
    result = coach.lint_text(text, f"{tid.replace('/', '-')}.md", "md")
    assert result.error is None, result.error
    loud = [f"{f.rule}: {f.message}" for f in result.findings if f.severity >= Severity.WARNING]
    assert not loud, f"{tid} example draws {loud}"
    if template.kinds:
        assert result.kind in template.kinds


@pytest.mark.parametrize("tid", sorted(t for t in EXPECTED if t.startswith("cold/") and t != "cold/connection-note"))
def test_cold_email_examples_are_50_to_125_words(tid):
    message = messages.parse(render(BUILTIN[tid], BUILTIN[tid].example_values()), "x.md")
    words = len(re.findall(r"[\w'’-]+", message.section("body")))
    assert 50 <= words <= 125, f"{tid}: {words} words"


def test_connection_note_example_is_under_300_characters():
    template = BUILTIN["cold/connection-note"]
    message = messages.parse(render(template, template.example_values()), "x.md")
    assert message.channel == "linkedin"
    assert len(message.text.strip()) < 300


def test_informational_interview_bounds_the_time_and_has_two_or_three_points():
    template = BUILTIN["cold/informational-interview"]
    assert template.variable("minutes").example in ("15", "20")
    assert 2 <= len(template.variable("topics").example) <= 3
    text = render(template, template.example_values())
    assert re.search(r"\b(15|20)-minute call\b", text)
    assert len(re.findall(r"^\d\. ", text, re.M)) == len(template.variable("topics").example)


def test_headers_describe_every_variable_and_name_known_rules():
    heuristics = shared_path("HEURISTICS.md").read_text(encoding="utf-8")
    known = set(re.findall(r"^\| `([a-z-]+)` \|", heuristics, re.M)) | set(RuleSet.load().all)
    for template in BUILTIN.values():
        assert template.situation and template.variables
        assert set(template.fixes) <= known, f"{template.id} fixes unknown rules {set(template.fixes) - known}"
        for variable in template.variables:
            assert variable.description and variable.example not in (None, "", [])


def test_front_matter_values_survive_quotes_colons_and_hashes():
    template = BUILTIN["cold/question-about-their-work"]
    values = {**template.example_values(), "work": 'talk "Tides: a field guide" #3', "name": "O'Neil"}
    message = messages.parse(render(template, values), "x.md")
    assert message.to.work == ('talk "Tides: a field guide" #3',)
    assert message.to.name == "O'Neil"


def test_missing_required_variables_are_all_named():
    template = BUILTIN["cold/researcher"]
    with pytest.raises(RenderError) as err:
        render(template, {"name": "Dr. Lee"})
    for name in ("paper", "result", "what_you_did", "question", "offer", "sender"):
        assert name in str(err.value)
    assert "'name'" not in str(err.value).split("missing")[1]


def test_optional_variables_may_be_left_out():
    template = BUILTIN["follow-up/no-reply"]
    values = {k: v for k, v in template.example_values().items() if k not in ("extra", "sent")}
    text = render(template, values)
    assert "sent:" not in text and "None" not in text


def test_unknown_variable_and_wrong_type_are_errors():
    template = BUILTIN["cold/informational-interview"]
    with pytest.raises(RenderError, match="unknown variables: colour"):
        render(template, {**template.example_values(), "colour": "blue"})
    with pytest.raises(RenderError, match="'topics' must be a list"):
        render(template, {**template.example_values(), "topics": "just one string"})


@pytest.mark.parametrize("bad", ["../secrets", "cold/../../etc/passwd", "/etc/passwd", "cold\\recruiter",
                                 "cold/recruiter.md.j2", "Cold/Recruiter", ""])
def test_template_ids_cannot_escape_their_folder(bad):
    with pytest.raises(RenderError, match="not a template id"):
        CATALOGUE.get(bad)


def test_unknown_template_id():
    with pytest.raises(RenderError, match="no template 'cold/sonnet'"):
        CATALOGUE.get("cold/sonnet")


def test_a_symlink_leading_out_of_a_user_folder_is_ignored(tmp_path):
    outside = write_template(tmp_path / "outside", "cold/leak", "Hi {{ name }}{{ offer }}")
    user = tmp_path / "user"
    (user / "cold").mkdir(parents=True)
    (user / "cold" / "leak.md.j2").symlink_to(outside)
    catalogue = Catalogue((user, builtin_templates_dir()))
    assert "cold/leak" not in catalogue.all()


def test_user_folders_are_searched_before_the_builtin_ones(tmp_path):
    write_template(tmp_path, "cold/connection-note", "Hello {{ name }}, mine{{ offer }}.")
    catalogue = Catalogue.load(Config(template_paths=(tmp_path,)))
    assert catalogue.get("cold/connection-note").file.startswith(str(tmp_path))
    assert render(catalogue.get("cold/connection-note"), {"name": "Ana"}) == "Hello Ana, mine."
    assert "cold/researcher" in catalogue.all()


@pytest.mark.parametrize("body", [
    "{{ name.__class__.__mro__ }}{{ offer }}",
    "{{ name.__init__.__globals__ }}{{ offer }}",
    "{{ name.format.__self__.__class__ }}{{ offer }}",
])
def test_rendering_is_sandboxed(tmp_path, body):
    write_template(tmp_path, "cold/evil", body)
    with pytest.raises(RenderError, match="unsafe|access"):
        render(Catalogue((tmp_path,)).get("cold/evil"), {"name": "Ana"})


@pytest.mark.parametrize("body", ['{% include "secret.txt" %}', '{% import "secret.txt" as s %}',
                                  '{% extends "secret.txt" %}'])
def test_include_import_and_extends_reach_no_file(tmp_path, body):
    (tmp_path / "secret.txt").write_text("s3cret")
    write_template(tmp_path, "cold/include", body + "{{ name }}{{ offer }}")
    with pytest.raises(ConfigError, match="no include, import or extends"):
        Catalogue((tmp_path,)).get("cold/include")


@pytest.mark.parametrize("header, body, problem", [
    (HEADER.replace("kinds: [cold]", "kinds: [cold]\ncolour: red"), "{{ name }}{{ offer }}", "unknown key 'colour'"),
    (HEADER.replace("id: {id}", "id: cold/other"), "{{ name }}{{ offer }}", "key 'id' must be 'cold/t'"),
    (HEADER, "{{ name }}{{ offer }}{{ extra }}", "undeclared variables: extra"),
    (HEADER, "{{ name }}", "never uses: offer"),
    (HEADER.replace("    required: true\n", ""), "{{ name }}{{ offer }}", "key 'required'"),
    (HEADER.replace("kinds: [cold]", "kinds: [sonnet]"), "{{ name }}{{ offer }}", "sonnet not one of"),
    (HEADER, "{{ name }}{{ offer }}{% if %}", "line"),
    ("no header\n", "{{ name }}", "YAML header"),
])
def test_invalid_templates_are_config_errors_naming_the_file(tmp_path, header, body, problem):
    path = write_template(tmp_path, "cold/t", body, header)
    with pytest.raises(ConfigError) as err:
        Catalogue((tmp_path,)).all()
    assert str(path) in str(err.value) and problem in str(err.value)


def test_a_missing_template_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="template folder not found"):
        Catalogue.load(Config(template_paths=(tmp_path / "nope",))).all()
