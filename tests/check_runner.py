"""Run one configured check type on a message text, outside any rule, for unit tests of check types."""
from __future__ import annotations

from outreach_coach.inputs import messages
from outreach_coach.linting.checks import CHECK_TYPES, Context
from outreach_coach.linting.checks.base import validate_options
from outreach_coach.understanding import nlp

from .conftest import TODAY


def make_runner(coach):
    """A function (type, options, text, scope) -> matched texts, sharing the session coach's model."""
    pipeline = nlp.load(coach.config.model, coach.rules.features())

    def run(check_type: str, options: dict, text: str, scope: str = "message") -> list[str]:
        cls = CHECK_TYPES[check_type]
        check = cls(validate_options(cls, options, "test"))
        check.prepare(pipeline)
        message = messages.parse(text, "test.md", "md", TODAY)
        ctx = Context(message, pipeline(message.text), (0, 0)).within(scope)
        return [message.text[hit.start:hit.end] for hit in check.run(ctx)]
    return run


def body(text: str) -> str:
    """A short draft around one body line."""
    return f"Hi Jo,\n\n{text}\n\nAl"
