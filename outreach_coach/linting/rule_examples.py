"""Running rules' own `fires` and `passes` examples: by `outreach-coach rules check` and the tests, never
when rules load (an example's Jinja is someone else's code, so a rule file in a repository cannot make
every `lint` render it)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .engine import Coach
from .ruleset import Rule, RuleSet, expand_example


@dataclass(frozen=True)
class ExampleFailure:
    """One example that did not do what it says: which rule, which list and item, and what went wrong."""

    rule: str
    file: str
    where: str  # e.g. "examples.fires[2]"
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: rule '{self.rule}': key '{self.where}': {self.problem}"


def example_failures(rules: RuleSet, checked: Iterable[Rule], today: dt.date | None = None) -> Iterator[ExampleFailure]:
    """Lint each checked rule's examples with all of `rules` switched on; yield every one that fails."""
    from jinja2 import TemplateError

    coach = Coach(rules=RuleSet(dataclasses.replace(rule, enabled=True) for rule in rules.all.values()), today=today)
    for rule in checked:
        for expected, examples in (("fires", rule.fires), ("passes", rule.passes)):
            for index, example in enumerate(examples):
                failure = lambda problem: ExampleFailure(rule.id, rule.file, f"examples.{expected}[{index}]",  # noqa: E731
                                                         " ".join(problem.split()))
                try:
                    text = expand_example(example)
                except TemplateError as err:
                    yield failure(f"{type(err).__name__}: {err}")
                    continue
                result = coach.lint_text(text, "example.md", "md")
                if result.error:
                    yield failure(f"cannot be linted: {result.error}")
                elif (rule.id in {f.rule for f in result.findings}) != (expected == "fires"):
                    yield failure("does not fire" if expected == "fires" else "fires")
