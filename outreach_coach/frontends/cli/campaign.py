"""`due` and `stats`: a folder of outreach read as one campaign."""
from __future__ import annotations

import datetime as dt
import json

import click

from ...formats.terminal import printable
from .common import load_config

folder_argument = click.argument("folder", nargs=-1, required=True)
config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Config file (default: .outreach-coach.yaml or pyproject.toml, found upward).")
format_option = click.option("-f", "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
                             show_default=True, help="Output format.")
today_option = click.option("--today", help="Take this date (YYYY-MM-DD) as today.")


def _today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--today") from None


def _messages(folder, config_path, today: dt.date):
    """The coach and the folder's parsed messages; an unreadable file is a notice on stderr, and the rest go on."""
    from ...linting.engine import Coach, FileResult

    coach = Coach(load_config(config_path), today=today)
    messages = []
    for item in coach.read_paths(folder):
        if isinstance(item, FileResult):
            click.echo(f"outreach-coach: {printable(item.path)}: {printable(item.error)}", err=True)
        else:
            messages.append(item)
    return coach, messages


def _echo_lines(text: str) -> None:
    """Text output, each line escaped like the lint output (file names come from the user's folder)."""
    for line in text.splitlines():
        click.echo(printable(line))


def _report(folder, today, output_format, config_path, compute, to_json, to_text) -> None:
    """Read the folder, compute one campaign report, print it as JSON or as escaped text."""
    day = _today(today)
    coach, messages = _messages(folder, config_path, day)
    result = compute(coach, messages, day)
    if output_format == "json":
        click.echo(json.dumps(to_json(result, day), indent=2))
    else:
        _echo_lines(to_text(result))


@click.command("due")
@folder_argument
@today_option
@format_option
@config_option
def due_command(folder, today, output_format, config_path):
    """Sent messages to follow up now, check-ins due, and threads to leave alone, oldest first."""
    from ...campaign.due import due, due_text

    _report(folder, today, output_format, config_path,
            lambda _coach, messages, day: due(messages, day, today_given=today is not None),
            lambda steps, day: {"today": day.isoformat(), "threads": [s.to_dict() for s in steps]}, due_text)


@click.command("stats")
@folder_argument
@today_option
@format_option
@config_option
def stats_command(folder, today, output_format, config_path):
    """Reply rate over the folder, and per rule the reply rate with and without it firing (computed locally)."""
    from ...campaign.stats import stats, stats_text

    _report(folder, today, output_format, config_path, stats, lambda result, _day: result.to_dict(), stats_text)
