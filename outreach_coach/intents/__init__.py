"""What a whole message asks of the reader and what it offers, computed once per message.

Built on the sentence notions in `language.py`: each request sentence is sorted into kinds of
ask (`asking`: meeting, job, introduction, advice, connect, other); meeting requests are checked
for a bounded length (`meetings`) and an agenda (`questions`); offers (`offering`) are the
writer's own giving, not the CV sent for review and not thanks. Rules reach all of it through
the functions here, which remember their answers per message.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import language as lang
from .asking import ask_kinds
from .meetings import states_duration
from .offering import is_offer
from .questions import is_broad_question, names_agenda

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..checks.base import Context

__all__ = ["Ask", "Offer", "asks", "broad_questions", "has_agenda", "is_bounded", "meeting_asks", "message_pieces",
           "offers", "ask_kinds", "is_broad_question", "is_offer"]


@dataclass(frozen=True)
class Ask:
    """One request in the message: its kinds, the characters of the sentence that makes it, and
    whether that sentence is put as a request (not only words for an ask, as in "any job at all")."""

    kinds: frozenset[str]
    start: int
    end: int
    requested: bool = False


@dataclass(frozen=True)
class Offer:
    """One thing the writer gives: the sentence that offers it."""

    start: int
    end: int


def message_pieces(ctx: "Context") -> list["Span"]:
    """The subject and body sentences of the message (cut at line breaks), parsed once."""
    scopes = [ctx.message.sections[name] for name in ("subject", "body") if name in ctx.message.sections]
    return ctx.remember("intents.pieces", lambda: lang.pieces(ctx.doc, scopes))


def asks(ctx: "Context") -> tuple[Ask, ...]:
    """The message's asks, computed once per message and shared by the rules."""
    return ctx.remember("intents.asks", lambda: tuple(_find_asks(ctx)))


def offers(ctx: "Context") -> tuple[Offer, ...]:
    """What the message offers the reader, computed once per message."""
    return ctx.remember("intents.offers", lambda: tuple(
        Offer(p.start_char, p.end_char) for p in message_pieces(ctx) if is_offer(p)))


def meeting_asks(ctx: "Context") -> tuple[Ask, ...]:
    """The asks for a meeting (a call, coffee, a chat) with the reader."""
    return tuple(a for a in asks(ctx) if "meeting" in a.kinds)


def _find_asks(ctx: "Context"):
    subject = ctx.message.sections.get("subject")
    for piece in message_pieces(ctx):
        in_subject = subject is not None and piece.end_char <= subject[1]
        # A subject asks by naming the request ("Coffee chat?", "Informational interview request").
        requested = lang.is_request(piece) or in_subject and (
            lang.is_question(piece) or any(t.lemma_ == "request" for t in piece))
        # "I'm keen on a call" asks for the call, but keenness on a subject asks nothing.
        kinds = ask_kinds(piece, requested or lang.states_eagerness(piece))
        if requested or kinds:
            yield Ask(frozenset(kinds or {"other"}), piece.start_char, piece.end_char, requested)


def is_bounded(ctx: "Context") -> bool:
    """Whether a meeting request states how long it will take ("15 minutes", "a 20-minute call")."""
    def find() -> bool:
        subject = ctx.message.sections.get("subject")
        meeting = {(a.start, a.end) for a in meeting_asks(ctx)}
        return any(states_duration(p, bool(subject) and p.end_char <= subject[1],
                                   (p.start_char, p.end_char) in meeting) for p in message_pieces(ctx))
    return ctx.remember("intents.bounded", find)


def has_agenda(ctx: "Context") -> bool:
    """Whether the message names something specific to discuss: a topic, a question or a decision."""
    def find() -> bool:
        meeting = {(a.start, a.end) for a in meeting_asks(ctx)}
        return any(names_agenda(p, (p.start_char, p.end_char) in meeting) for p in message_pieces(ctx))
    return ctx.remember("intents.agenda", find)


def broad_questions(ctx: "Context") -> list["Span"]:
    """The questions a search, their public work, or no email could answer ("any advice?").

    "I'd welcome any advice" alongside a meeting request is what the meeting is for (an agenda
    problem); on its own it asks for advice by email.
    """
    def find() -> list["Span"]:
        meeting = bool(meeting_asks(ctx))
        return [p for p in message_pieces(ctx) if is_broad_question(p) and (lang.is_question(p) or not meeting)]
    return ctx.remember("intents.broad", find)
