"""`template list|show|render`, `suggest` and `followup`."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from ...errors import ConfigError, InputError
from ...writing.templates import Catalogue, RenderError, Template, render
from ...yamlfile import load_yaml_file
from .common import ExitCode, load_config
from .outputs import OutputError, check_target, write_atomically

config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Config file (default: .outreach-coach.yaml or pyproject.toml, found upward).")
format_option = click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format.")
output_option = click.option("-o", "--output", "output", type=click.Path(dir_okay=False),
                             help="Write the message to this file instead of standard output.")
force_option = click.option("--force", is_flag=True, help="Overwrite the --output file if it exists.")


def _catalogue(config_path: str | None) -> Catalogue:
    return Catalogue.load(load_config(config_path))


def _config_file(config_path: str | None) -> str | None:
    """The config file in force, which an output must not replace either."""
    return load_config(config_path).source


def _get(catalogue: Catalogue, template_id: str) -> Template:
    try:
        return catalogue.get(template_id)
    except RenderError as err:
        raise click.BadParameter(str(err), param_hint="TEMPLATE_ID") from None


def _render(template: Template, values: dict[str, Any]) -> str:
    try:
        return render(template, values)
    except RenderError as err:
        raise click.UsageError(str(err)) from None


def _write(text: str, output: str | None, force: bool, reads: tuple[str | None, ...] = ()) -> None:
    """Print the message, or write it atomically to a new file (an existing one only with --force), never
    onto a file the command reads."""
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        check_target(Path(output), reads, force)
        write_atomically(Path(output), text)
    except OutputError as err:
        raise click.UsageError(str(err)) from None
    click.echo(f"wrote {output}", err=True)


@click.group("template")
def template_group() -> None:
    """List, show and render the templates for better messages."""


@template_group.command("list")
@config_option
@format_option
def list_command(config_path, output_format):
    """List the templates: id and the situation each fits."""
    templates = _catalogue(config_path).all().values()
    if output_format == "json":
        entries = [{"id": t.id, "situation": t.situation, "kinds": list(t.kinds), "file": t.file} for t in templates]
        click.echo(json.dumps({"templates": entries}, indent=2))
        return
    for template in templates:
        click.echo(f"{template.id:34} {template.situation}")


@template_group.command("show")
@click.argument("template_id")
@config_option
def show_command(template_id, config_path):
    """Show one template: where it fits, its variables with examples, and the example rendered."""
    template = _get(_catalogue(config_path), template_id)
    echo = click.echo
    echo(f"{template.id}  ({template.file})")
    echo(f"\nSituation: {template.situation}")
    for label, items in (("Kinds", template.kinds), ("Channels", template.channels),
                         ("Recipient types", template.recipient_types), ("Fixes", template.fixes)):
        if items:
            echo(f"{label}: {', '.join(items)}")
    echo("\nVariables:")
    for variable in template.variables:
        need = "required" if variable.required else "optional"
        kind = ", a list" if variable.type == "list" else ""
        echo(f"  {variable.name} ({need}{kind}): {variable.description}")
        echo(f"      e.g. {json.dumps(variable.example, ensure_ascii=False)}")
    echo("\nExample (outreach-coach template render " + template.id + " --example):\n")
    echo(_render(template, template.example_values()), nl=False)


def _parse_vars(pairs: tuple[str, ...], template: Template) -> dict[str, Any]:
    """--var key=value options; a list variable collects repeated keys."""
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--var")
        key = key.strip()
        variable = template.variable(key)
        if variable is not None and variable.type == "list":
            values.setdefault(key, []).append(value)
        else:
            values[key] = value
    return values


def _vars_file(path: str | None) -> dict[str, Any]:
    if path is None:
        return {}
    data = load_yaml_file(Path(path))
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise ConfigError(f"{path}: a vars file maps variable names to values")
    return data


def _parse_draft(path: str, config_path: str | None):
    from ...inputs import files as reading
    from ...inputs import messages

    config = load_config(config_path)
    try:
        text = reading.decode(reading.read_bytes(path, config.max_file_size), path)
        return messages.parse(text, path)
    except InputError as err:
        click.echo(f"outreach-coach: {err}", err=True)
        sys.exit(ExitCode.USAGE)


def _kind_as_lint_reads_it(message, config_path: str | None):
    """The message with the kind lint settles from the parse; without a spaCy model, the kind structure gives."""
    from ...linting.engine import Coach
    from ...understanding.nlp import ModelError

    try:
        return Coach(load_config(config_path)).settled_message(message)
    except ModelError:
        return message


@template_group.command("render")
@click.argument("template_id")
@click.option("--var", "pairs", multiple=True, metavar="KEY=VALUE", help="A variable's value (repeatable).")
@click.option("--vars", "vars_path", type=click.Path(dir_okay=False, exists=True),
              help="A YAML file of variable values.")
@click.option("--from", "draft", type=click.Path(dir_okay=False, exists=True),
              help="Fill what it can from a draft's front matter and headers (name, work, shared background...).")
@click.option("--example", is_flag=True, help="Start from the template's own example values.")
@output_option
@force_option
@config_option
def render_command(template_id, pairs, vars_path, draft, example, output, force, config_path):
    """Render a template to a message file (.md with front matter) that `lint` reads.

    Values come from --example, then --from, then --vars, then --var (later ones win).
    """
    from ...writing.drafts import values_from

    template = _get(_catalogue(config_path), template_id)
    values: dict[str, Any] = template.example_values() if example else {}
    if draft:
        declared = {v.name for v in template.variables}
        values.update({k: v for k, v in values_from(_parse_draft(draft, config_path)).items() if k in declared})
    values.update(_vars_file(vars_path))
    values.update(_parse_vars(pairs, template))
    _write(_render(template, values), output, force, (draft, vars_path, template.file, _config_file(config_path)))


@click.command("suggest")
@click.argument("paths", nargs=-1, required=True)
@config_option
@format_option
@click.option("-n", "--top", default=3, show_default=True, help="How many templates to list per file.")
def suggest_command(paths, config_path, output_format, top):
    """Suggest, for each draft, the templates that fit it best, each with a reason tied to the draft."""
    from ...linting.engine import Coach
    from ...writing.suggest import rank

    config = load_config(config_path)
    catalogue = Catalogue.load(config)
    catalogue.all()  # a broken template is a config error before any linting starts
    entries, unreadable = [], False
    coach = Coach(config)
    for result in coach.lint_paths(paths):
        if result.error or result.message is None:
            unreadable = True
            click.echo(f"outreach-coach: {result.path}: {result.error}", err=True)
            entries.append({"path": result.path, "error": result.error})
            continue
        ranked = rank(coach.reading_of(result), result.findings, catalogue)[:top]
        entries.append({"path": result.path, "templates": [s.to_dict() for s in ranked]})
    if output_format == "json":
        click.echo(json.dumps({"files": entries}, indent=2))
    else:
        for entry in entries:
            if "error" in entry:
                continue
            click.echo(entry["path"])
            for index, suggestion in enumerate(entry["templates"], 1):
                click.echo(f"  {index}. {suggestion['id']}: {suggestion['reason']}")
    sys.exit(ExitCode.USAGE if unreadable else ExitCode.CLEAN)


def _date(_ctx, _param, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command("followup")
@click.argument("sent_message", type=click.Path(dir_okay=False))
@click.option("--today", callback=_date, help="Take this date (YYYY-MM-DD) as today.")
@click.option("--var", "pairs", multiple=True, metavar="KEY=VALUE", help="A value for the follow-up template.")
@output_option
@force_option
@config_option
def followup_command(sent_message, today, pairs, output, force, config_path):
    """Say when to follow up a sent message, and draft the follow-up once it is time."""
    from ...writing.followup import describe, draft_values, plan

    message = _kind_as_lint_reads_it(_parse_draft(sent_message, config_path), config_path)
    try:
        chosen = plan(message, today)
    except InputError as err:
        click.echo(f"outreach-coach: {err}", err=True)
        sys.exit(ExitCode.USAGE)
    click.echo(f"{sent_message}: {chosen.advice()}", err=True)
    if not chosen.ready:
        return
    template = _get(_catalogue(config_path), chosen.template_id)
    try:
        values = draft_values(message, chosen, template, _parse_vars(pairs, template))
    except RenderError as err:
        raise click.UsageError(str(err)) from None
    text = _render(template, values)
    for line in describe(template, values):
        click.echo(line, err=True)
    _write(text, output, force, (sent_message, template.file, _config_file(config_path)))
