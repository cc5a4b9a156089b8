"""`lint`, `rules` and `explain`."""
from __future__ import annotations

import dataclasses
import sys
from functools import partial
from pathlib import Path

import click

from ...config import FAIL_LEVELS, KEYS
from ...errors import did_you_mean
from ...formats import FORMATTERS, Summary
from ...formats.terminal import printable
from ...linting.cache import CACHE_DIR, ResultCache
from ...linting.findings import Severity
from ...linting.ruleset import RuleSet, expand_example
from ...understanding import lexicon
from .common import ExitCode, load_config
from .progress import Progress

config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="Config file (default: .outreach-coach.yaml or pyproject.toml, found upward).")


@click.command("lint")
@click.argument("paths", nargs=-1, required=True)
@config_option
@click.option("-f", "--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text",
              show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(FAIL_LEVELS), default=None,
              help="Lowest severity that makes the exit code 1 [default: warning, or the config's fail-on].")
@click.option("--stdin-filename", help="Name (and so format: .txt, .md, .eml) for text read from '-'.")
@click.option("--glob", "globs", multiple=True, help="File pattern to lint inside folders (repeatable).")
@click.option("--show-suggestions", "-s", is_flag=True, help="Print each finding's suggestion under it.")
@click.option("--color/--no-color", default=None, help="Colour the text output [default: on a terminal].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: one per core when linting many files].")
@click.option("--no-cache", is_flag=True, help="Lint every file afresh; neither read nor write the result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=CACHE_DIR, show_default=True,
              help="Folder of stored results (ignored by git).")
def lint_command(paths, config_path, output_format, fail_on, stdin_filename, globs, show_suggestions, color,
                 jobs, no_cache, cache_dir):
    """Lint message files and folders (.txt, .md, .eml); '-' reads standard input."""
    from ...campaign.copies import copy_index, with_copies
    from ...linting import parallel
    from ...linting.engine import Coach
    from ...writing.suggest import top_template
    from ...writing.templates import Catalogue

    config = load_config(config_path)
    if globs:
        config = dataclasses.replace(config, globs=tuple(globs))
    coach = Coach(config)
    # Raw bytes, read one past the size limit, so stdin gets the same size bound and decoding as files.
    stdin_text = sys.stdin.buffer.read(config.max_file_size + 1) if "-" in paths else None
    colour = sys.stdout.isatty() if color is None else color
    formatter = FORMATTERS[output_format](sys.stdout, coach.rules, colour=colour, show_suggestions=show_suggestions,
                                          extra=top_template(Catalogue.load(config, skip_broken=True)))
    # mass-message compares the drafts of the whole run: a first, quiet read indexes them (LSH, one pass).
    copies = copy_index(coach, coach.read_paths(paths, stdin_text, stdin_filename))
    items = coach.read_paths(paths, stdin_text, stdin_filename)
    cache = None if no_cache else ResultCache.open(cache_dir, coach)
    run = partial(parallel.lint, coach, jobs=jobs)
    results = cache.run(items, run) if cache else run(items)
    summary = Summary()
    progress = Progress(sys.stderr)
    # Text output on a terminal already shows each unreadable file; elsewhere stderr is where a person sees it.
    echo_errors = output_format != "text" or not sys.stdout.isatty()
    for result in with_copies(results, copies):
        summary.add(result)
        progress.hide()
        if result.error and echo_errors:
            click.echo(f"outreach-coach: {printable(result.path)}: {printable(result.error)}", err=True)
        formatter.file(result)
        progress.step()
    progress.hide()
    formatter.finish(summary)
    sys.exit(_exit_code(summary, fail_on or config.fail_on))


def _exit_code(summary: Summary, fail_on: str) -> ExitCode:
    if summary.unreadable:
        return ExitCode.USAGE
    if fail_on != "never":
        threshold = Severity.parse(fail_on)
        if any(count for severity, count in summary.by_severity.items() if severity >= threshold):
            return ExitCode.FINDINGS
    return ExitCode.CLEAN


@click.group("rules", invoke_without_command=True)
@config_option
@click.option("--all", "show_all", is_flag=True, help="Include rules that are switched off.")
@click.option("-f", "--format", "output_format", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True, help="text: one rule a line; markdown: the catalogue in docs/rules.md.")
@click.pass_context
def rules_command(ctx, config_path, show_all, output_format):
    """List the rules: id, severity, where it applies, and what it checks ('rules check' runs their examples)."""
    ctx.obj = config_path
    if ctx.invoked_subcommand:
        return
    rules = RuleSet.load(load_config(config_path))
    listed = [r for r in sorted(rules.all.values(), key=lambda r: r.id) if r.enabled or show_all]
    if output_format == "markdown":
        click.echo(catalogue_markdown(listed), nl=False)
        return
    for rule in listed:
        state = "" if rule.enabled else " (off)"
        click.echo(f"{rule.id:28} {rule.severity.label:10} {_scope(rule):34} {rule.message.splitlines()[0]}{state}")


@rules_command.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.pass_obj
def rules_check_command(config_path, paths):
    """Run each rule's `fires` and `passes` examples (of the rule files or folders given, else of every rule);
    exit 1 if one fails."""
    from ...linting.rule_examples import example_failures

    config = load_config(config_path)
    folders = tuple(Path(p) if Path(p).is_dir() else Path(p).parent for p in paths)
    rules = RuleSet.load(dataclasses.replace(config, rule_paths=(*config.rule_paths, *folders)))
    wanted = {Path(p).resolve() for p in paths}
    checked = [r for r in rules.all.values()
               if not paths or Path(r.file).resolve() in wanted or Path(r.file).resolve().parent in wanted]
    failures = 0
    for failure in example_failures(rules, sorted(checked, key=lambda r: r.id)):
        failures += 1
        click.echo(str(failure))
    examples = sum(len(r.fires) + len(r.passes) for r in checked)
    click.echo(f"{len(checked)} rules, {examples} examples checked: {failures} failing", err=True)
    sys.exit(ExitCode.FINDINGS if failures else ExitCode.CLEAN)


def catalogue_markdown(rules) -> str:
    """The rule catalogue as Markdown, generated from rule metadata (docs/rules.md)."""
    lines = ["# Rules", "", "Generated by `outreach-coach rules --all --format markdown`; do not edit by hand.", ""]
    for rule in rules:
        lines += [f"## `{rule.id}`", "",
                  f"**{rule.severity.label}** · applies to {_scope(rule)} · scope: {rule.scope}", "",
                  f"**What it flags:** {' '.join(rule.message.split())}", "",
                  f"**Why:** {' '.join(rule.rationale.split())}", "",
                  f"**Source:** article {rule.source}", ""]
        if rule.suggestion:
            lines += [f"**Instead:** {' '.join(rule.suggestion.split())}", ""]
    return "\n".join(lines)


def _scope(rule) -> str:
    kinds = ",".join(sorted(rule.kinds)) or "all kinds"
    channels = f" [{','.join(sorted(rule.channels))}]" if rule.channels else ""
    return kinds + channels


@click.command("explain")
@click.argument("rule_id")
@config_option
def explain_command(rule_id, config_path):
    """Explain one rule: why it matters, where the advice comes from, examples and settings."""
    rules = RuleSet.load(load_config(config_path))
    rule = rules.get(rule_id)
    if rule is None:
        raise click.BadParameter(f"no rule {rule_id!r}{did_you_mean(rule_id, rules.all)}; see 'outreach-coach rules'",
                                 param_hint="RULE_ID")
    echo = click.echo
    echo(f"{rule.id} ({rule.severity.label}{'' if rule.enabled else ', off by default'})")
    echo(f"Applies to: {_scope(rule)}; looks at: {rule.scope}")
    echo(f"\nWhat it flags: {rule.message}")
    echo(f"\nWhy: {rule.rationale}")
    echo(f"\nSource: article {rule.source}")
    if rule.suggestion:
        echo(f"\nInstead: {rule.suggestion}")
    for title, examples in (("Fires on", rule.fires), ("Passes", rule.passes)):
        if examples:
            echo(f"\n{title}:")
            for example in examples:
                flat = " ".join(expand_example(example).split())
                echo("  - " + (flat[:157] + "..." if len(flat) > 160 else flat))
    echo("\nSettings (config file, under rules:):")
    echo(f"  {rule.id}: {{severity: {rule.severity.label}}}   # or: {rule.id}: off")
    for name, value in rule.parameters().items():
        if not isinstance(value, list):
            echo(f"  {rule.id}: {{{name}: {value}}}")
    families = lexicon.current().serving(rule.id)
    if families:
        echo("\nVocabulary it reads (lexicon/; add words in config under lexicon: {family.set: [...]}):")
        for family in families:
            echo(f"  {family.name}: {', '.join(family.sets)}")
    echo(f"\nOther config keys: {', '.join(KEYS)}")
