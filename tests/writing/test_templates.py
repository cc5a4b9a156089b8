"""The template catalogue: headers, sandboxed rendering, lookup, and every built-in template linting clean."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from outreach_coach.config import Config
from outreach_coach.errors import ConfigError
from outreach_coach.inputs import messages
from outreach_coach.linting.findings import Severity
from outreach_coach.linting.ruleset import RuleSet
from outreach_coach.writing.templates import (
    Catalogue,
    RenderError,
    builtin_templates_dir,
    render,
)

from ..conftest import shared_path

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


# --- every template, rendered with other values than its own example, still lints clean ----------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from outreach_coach.writing.drafts import values_from

# Names of people, nouns of other fields and other numbers, swapped into the examples so each slot keeps its role.
NAMES = ["Ana", "Dr. Okafor", "Mei-Ling", "Jonas Berg", "Prof. Ruiz", "Siobhan"]
FIELD_NOUNS = ["kiln", "ledger", "harbour", "orchard", "lathe", "archive", "hive", "loom", "quarry", "choir"]
PERSON_VARIABLES = {"name", "sender", "first", "second", "other"}
# Slots that name a thing: their last word is the head noun, which any field can replace.
NAMING_VARIABLES = {"work", "event", "topic", "shared", "paper", "result", "role", "occasion", "resource",
                    "experience", "conversation"}
LOUD_JUDGEMENTS = Severity.WARNING


def _other_head(text: str, noun: str) -> str:
    head, _, last = text.rpartition(" ")
    return f"{head} {noun}" if head and last.isalpha() and last.islower() else text


def _other_numbers(text: str, number: int) -> str:
    return re.sub(r"\b\d{1,3}\b(?!-)", str(number), text)


@st.composite
def other_values(draw, template):
    values = {}
    for variable in template.variables:
        example = variable.example
        if variable.name in PERSON_VARIABLES:
            values[variable.name] = draw(st.sampled_from(NAMES))
        elif variable.name == "recipient_type":
            values[variable.name] = draw(st.sampled_from(["recruiter", "hiring-manager"]))
        elif variable.name in NAMING_VARIABLES:
            values[variable.name] = _other_head(example, draw(st.sampled_from(FIELD_NOUNS)))
        elif variable.type == "list":
            values[variable.name] = [_other_numbers(item, draw(st.integers(2, 90))) for item in example]
        elif isinstance(example, str) and variable.name != "minutes" and not re.fullmatch(r"[\d-]+", example):
            values[variable.name] = _other_numbers(example, draw(st.integers(2, 90)))
        else:
            values[variable.name] = example
        if not variable.required and draw(st.booleans()):
            values.pop(variable.name)
    return values


@pytest.mark.parametrize("tid", sorted(EXPECTED))
def test_each_template_lints_clean_of_judgement_findings_with_generated_values(coach, tid):
    template = BUILTIN[tid]

    @settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(other_values(template))
    def check(values):
        result = coach.lint_text(render(template, values), "generated.md", "md")
        assert result.error is None, result.error
        loud = [f"{f.rule}: {f.message}" for f in result.findings
                if f.severity >= LOUD_JUDGEMENTS and f.rule != "too-long"]
        assert not loud, f"{tid} with {values} draws {loud}"
    check()


@pytest.mark.parametrize("greeting", ["Dear Hiring Manager,", "Respected Sir,", "Hello Recruiter,",
                                      "Dear Admissions Committee,", "Hi team,", "Dear Maintainers,"])
def test_a_generic_greeting_is_fixed_by_every_template_that_says_it_fixes_it(coach, greeting):
    draft = messages.parse(f"---\nto: {{name: Ana Lima}}\n---\n{greeting}\n\nWhich glaze do you use?\n\nTim\n",
                           "draft.md")
    supplied = values_from(draft)
    assert supplied["name"] == "Ana"
    for template in (t for t in BUILTIN.values() if "generic-greeting" in t.fixes and t.variable("name")):
        text = render(template, {**template.example_values(), "name": supplied["name"]})
        fired = {f.rule for f in coach.lint_text(text, "fixed.md", "md").findings}
        assert "generic-greeting" not in fired, template.id
