"""The Reading of one message: what it does, read from its parse once and shared by every reader.

Rules, suggestions and the follow-up all ask the same `Reading` what a message asks of the reader
(`asks.py`: meeting, job, introduction, advice, connect, other), whether a meeting has a length
(`meetings.py`) and an agenda (`questions.py`), which questions are too broad, what the writer
offers (`offers.py`: their own giving, not the CV sent for review and not thanks), and where it
names the reader's work (`references.py`, `listed_work.py`). Each part is worked out on first use
and kept, so no notion is decided twice and nothing a rule does not need is computed.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from . import clauses as lang
from .asks import ask_kinds
from .listed_work import listed_references
from .meetings import states_duration
from .offers import asks_review_of_own, hands_over, is_offer
from .ownership import reader_names
from .questions import is_broad_question, names_agenda
from .references import Reference, named_references, quoted_titles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from ..inputs.messages import Message


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


@dataclass(frozen=True, eq=False)
class Reading:
    """What one message does, each part computed once, on first use, from the message and its parse."""

    message: "Message"
    doc: "Doc"

    @cached_property
    def pieces(self) -> list["Span"]:
        """The subject and body sentences (cut at line breaks)."""
        sections = self.message.sections
        return lang.pieces(self.doc, [sections[name] for name in ("subject", "body") if name in sections])

    @cached_property
    def asks(self) -> tuple[Ask, ...]:
        """Every request the message makes of the reader."""
        return tuple(self._find_asks())

    @cached_property
    def meeting_asks(self) -> tuple[Ask, ...]:
        """The asks for a meeting (a call, coffee, a chat) with the reader."""
        return tuple(a for a in self.asks if "meeting" in a.kinds)

    @cached_property
    def offers(self) -> tuple[Offer, ...]:
        """What the message offers the reader."""
        # What is attached to a request to review the writer's own thing is that thing: the ask's material.
        material_asked = any(asks_review_of_own(p) for p in self.pieces)
        return tuple(Offer(p.start_char, p.end_char) for p in self.pieces
                     if is_offer(p) or not material_asked and hands_over(p))

    @cached_property
    def meeting_bounded(self) -> bool:
        """Whether a meeting request states how long it will take ("15 minutes", "a 20-minute call")."""
        subject = self.message.sections.get("subject")
        meeting = {(a.start, a.end) for a in self.meeting_asks}
        return any(states_duration(p, bool(subject) and p.end_char <= subject[1], (p.start_char, p.end_char) in meeting)
                   for p in self.pieces)

    @cached_property
    def has_agenda(self) -> bool:
        """Whether the message names something specific to discuss: a topic, a question or a decision."""
        meeting = {(a.start, a.end) for a in self.meeting_asks}
        return any(names_agenda(p, (p.start_char, p.end_char) in meeting) for p in self.pieces)

    @cached_property
    def broad_questions(self) -> list["Span"]:
        """The questions a search, their public work, or no email could answer ("any advice?").

        "I'd welcome any advice" alongside a meeting request is what the meeting is for (an agenda
        problem); on its own it asks for advice by email.
        """
        meeting = bool(self.meeting_asks)
        return [p for p in self.pieces if is_broad_question(p) and (lang.is_question(p) or not meeting)]

    @cached_property
    def work_references(self) -> list[Reference]:
        """Every place the message names a piece of the reader's work: named, quoted, or listed in `to.work`."""
        scope = (0, len(self.message.text))
        return (named_references(self.doc, scope, reader_names(self.message.to)) + quoted_titles(self.doc, scope)
                + listed_references(self.doc, self.message.to.work, scope))

    def _find_asks(self):
        subject = self.message.sections.get("subject")
        for piece in self.pieces:
            in_subject = subject is not None and piece.end_char <= subject[1]
            # A subject asks by naming the request ("Coffee chat?", "Informational interview request").
            requested = lang.is_request(piece) or in_subject and (
                lang.is_question(piece) or any(t.lemma_ == "request" for t in piece))
            # "I'm keen on a call" asks for the call, but keenness on a subject asks nothing.
            kinds = ask_kinds(piece, requested or lang.states_eagerness(piece))
            if requested or kinds:
                yield Ask(frozenset(kinds or {"other"}), piece.start_char, piece.end_char, requested)
