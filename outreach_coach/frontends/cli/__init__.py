"""The command line: a thin layer over the library. Each command group lives in its own module."""
from __future__ import annotations

import logging
import os
import sys

import click

from ... import __version__
from ...errors import ConfigError
from ...formats.terminal import printable
from .campaign import due_command, stats_command
from .common import ExitCode
from .editors import lsp_command, serve_command
from .lint import explain_command, lint_command, rules_command
from .templates import followup_command, suggest_command, template_group


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="outreach-coach")
@click.option("-v", "--verbose", count=True, help="Log decisions to stderr (-vv for more).")
def cli(verbose: int) -> None:
    """Coach cold outreach: lint drafts for what gets them ignored, and write better ones from templates.

    Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
    """
    level = logging.WARNING - 10 * verbose
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_PrintableFormatter("outreach-coach: %(message)s"))
    logging.basicConfig(level=max(level, logging.DEBUG), handlers=[handler])


class _PrintableFormatter(logging.Formatter):
    """Notices name files, keys and values from the input: escaped like the output (a traceback stays as is)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record))


cli.add_command(lint_command)
cli.add_command(rules_command)
cli.add_command(explain_command)
cli.add_command(template_group)
cli.add_command(suggest_command)
cli.add_command(followup_command)
cli.add_command(lsp_command)
cli.add_command(serve_command)
cli.add_command(due_command)
cli.add_command(stats_command)


def main() -> None:
    """Console entry point: usage errors and config errors exit 2 with one line, never a traceback."""
    try:
        os.getcwd()
    except FileNotFoundError:  # relative paths cannot resolve, and spaCy's import itself asks for the cwd
        click.echo("outreach-coach: the working directory no longer exists; cd to an existing folder", err=True)
        sys.exit(ExitCode.USAGE)
    try:
        code = cli.main(standalone_mode=False)
    except click.exceptions.Exit as exit_:
        code = exit_.exit_code
    except click.ClickException as err:
        err.show()
        code = ExitCode.USAGE
    except click.Abort:
        click.echo("Aborted.", err=True)
        code = ExitCode.USAGE
    except ConfigError as err:
        click.echo(f"outreach-coach: {printable(err)}", err=True)
        code = ExitCode.USAGE
    except BrokenPipeError:
        code = ExitCode.CLEAN
    except OSError as err:  # stdout on a full disk, a working directory deleted under us, ...
        _drop_unwritable_stdout()
        where = f": {printable(err.filename)}" if err.filename else ""
        click.echo(f"outreach-coach: {err.strerror or err}{where}", err=True)
        code = ExitCode.USAGE
    sys.exit(code if isinstance(code, int) else ExitCode.CLEAN)


def _drop_unwritable_stdout() -> None:
    """Point stdout at /dev/null if it cannot be flushed, so exiting does not fail a second time on it."""
    try:
        sys.stdout.flush()
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
