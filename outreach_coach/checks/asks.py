"""Judgement check types over what a message asks and offers (see `outreach_coach.intents`)."""
from __future__ import annotations

from collections.abc import Iterator

from .. import intents
from .base import Check, Context, Hit, Param

PARSE = frozenset({"lemma", "pos", "dep", "sents"})


class AskKind(Check):
    """Fires once on asks of the given kinds (job, introduction, meeting, advice, connect, other).

    One job ask said three ways is one problem: the finding sits on the clearest sentence, the
    first put as a request, else the first.
    """

    params = (Param("kinds", list, required=True, help="kinds of ask to report"),)
    needs = PARSE

    def run(self, ctx: Context) -> Iterator[Hit]:
        wanted = set(self.options["kinds"])
        found = [a for a in intents.asks(ctx) if a.kinds & wanted and ctx.in_scope(a.start, a.end)]
        if found:
            ask = next((a for a in found if a.requested), found[0])
            yield Hit(ask.start, ask.end, {"kind": ", ".join(sorted(ask.kinds & wanted))})


class MeetingWithout(Check):
    """Fires once on the first meeting request when the message lacks an agenda or a bounded length."""

    params = (Param("missing", str, required=True, help="what the meeting request lacks: agenda or duration"),)
    needs = PARSE

    def __init__(self, options):
        super().__init__(options)
        if self.options["missing"] not in ("agenda", "duration"):
            raise ValueError(f"'missing' must be agenda or duration, not {self.options['missing']!r}")

    def run(self, ctx: Context) -> Iterator[Hit]:
        meetings = [a for a in intents.meeting_asks(ctx) if ctx.in_scope(a.start, a.end)]
        if not meetings:
            return
        present = intents.has_agenda(ctx) if self.options["missing"] == "agenda" else intents.is_bounded(ctx)
        if not present:
            yield Hit(meetings[0].start, meetings[0].end)


class AskWithoutOffer(Check):
    """Fires on the first ask when the message offers the reader nothing in return."""

    params = (Param("connection-is-ask", bool, True, "a connection note is itself an ask, even with no request"),)
    needs = PARSE

    def run(self, ctx: Context) -> Iterator[Hit]:
        if intents.offers(ctx):
            return
        found = [a for a in intents.asks(ctx) if ctx.in_scope(a.start, a.end)]
        if found:
            yield Hit(found[0].start, found[0].end)
        elif self.options["connection-is-ask"] and ctx.message.kind == "connection-note":
            body = ctx.message.sections.get("body", ctx.scope)
            yield Hit(body[0], body[1])


class BroadQuestion(Check):
    """Fires on each question that research or their public work would answer, or no email could."""

    needs = PARSE

    def run(self, ctx: Context) -> Iterator[Hit]:
        for piece in intents.broad_questions(ctx):
            if ctx.in_scope(piece.start_char, piece.end_char):
                yield Hit(piece.start_char, piece.end_char, {"question": piece.text})
