"""Measured check types: counts and thresholds over the message's sections and dates."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .. import readability
from .base import Check, Context, Hit, Param

_FIRST_PERSON = re.compile(r"\b(I|me|my|mine|myself)\b", re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
# Starts only after a sentence end or line break: retrying inside a long run would make a search quadratic.
_QUESTION = re.compile(r"(?<![^.!?\n])[^.!?\n]*\?+")


def _whole_scope(ctx: Context, **variables: object) -> Hit:
    start, end = ctx.scope
    return Hit(start, max(start, end), {k: str(v) for k, v in variables.items()})


class EmptyBody(Check):
    """Fires when the scope holds no words at all."""

    def run(self, ctx: Context) -> Iterator[Hit]:
        if not readability.words(ctx.scope_text) and not re.search(r"\w", ctx.scope_text):
            yield _whole_scope(ctx)


class MissingSubject(Check):
    """Fires when the message has no subject."""

    def run(self, ctx: Context) -> Iterator[Hit]:
        if ctx.message.subject is None or not ctx.message.subject.strip():
            yield Hit(0, 0)


class Length(Check):
    """Fires when the scope is over a word limit, or a connection note over a character limit."""

    params = (
        Param("max-words", int, 200, "most words in the body"),
        Param("max-chars", int, 300, "most characters in a connection note (greeting and signature included)"),
    )

    def run(self, ctx: Context) -> Iterator[Hit]:
        message = ctx.message
        if message.kind == "connection-note":
            start, end = message.sections["message"]
            chars = len(message.text[start:end].strip())
            if chars > self.options["max-chars"]:
                yield Hit(start, end, {"count": str(chars), "length": f"{chars} characters",
                                        "limit": f"{self.options['max-chars']} characters"})
            return
        count = len(readability.words(ctx.scope_text))
        if count > self.options["max-words"]:
            yield _whole_scope(ctx, count=count, length=f"{count} words", limit=f"{self.options['max-words']} words")


class ReadingGrade(Check):
    """Fires when the Flesch-Kincaid grade of a long enough scope is above a limit."""

    params = (
        Param("max-grade", (int, float), 10, "highest Flesch-Kincaid grade"),
        Param("min-words", int, 40, "shortest body the grade is computed for"),
    )

    def run(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.scope_text
        if len(readability.words(text)) < self.options["min-words"]:
            return
        grade = readability.flesch_kincaid_grade(text)
        if grade > self.options["max-grade"]:
            yield _whole_scope(ctx, grade=f"{grade:.1f}", limit=self.options["max-grade"])


class QuestionCount(Check):
    """Fires when the scope asks more than a set number of questions."""

    params = (Param("max-questions", int, 3, "most questions in the body"),)

    def run(self, ctx: Context) -> Iterator[Hit]:
        questions = [m for m in _QUESTION.finditer(ctx.scope_text) if m.group().strip(" ?")]
        if len(questions) > self.options["max-questions"]:
            first = questions[self.options["max-questions"]]
            start = ctx.scope[0] + first.start() + len(first.group()) - len(first.group().lstrip())
            yield Hit(start, ctx.scope[0] + first.end(), {"count": str(len(questions))})


class PronounRatio(Check):
    """Fires when first-person singular words dominate second-person ones."""

    params = (
        Param("min-first-person", int, 8, "fewest I/me/my words before the rule looks at the ratio"),
        Param("ratio", (int, float), 2.0, "how many times the you/your count the I/me/my count must reach"),
    )

    def run(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.scope_text
        first = len(_FIRST_PERSON.findall(text))
        second = len(_SECOND_PERSON.findall(text))
        if first >= self.options["min-first-person"] and first >= self.options["ratio"] * second:
            yield _whole_scope(ctx, first=first, second=second)


class DaysBetween(Check):
    """Fires when fewer than `min-days` days separate the previous message and this one."""

    params = (Param("min-days", int, 7, "fewest days between the previous message and this one"),)

    def run(self, ctx: Context) -> Iterator[Hit]:
        message = ctx.message
        if message.previous is None:
            return
        days = (message.sent - message.previous).days
        if 0 <= days < self.options["min-days"]:  # a negative gap is a dating mistake, noticed when parsing
            yield Hit(0, 0, {"days": str(days), "min": str(self.options["min-days"])})
