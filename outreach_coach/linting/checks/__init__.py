"""The check types rules can name in `check: {type: ...}`: a plain table, no registration magic."""
from __future__ import annotations

from .appeals import LastResort, UnnamedFutureGain
from .asks import AskKind, AskWithoutOffer, BroadQuestion, MeetingWithout
from .base import Check, Context, Hit, Param
from .combine import AnyOf
from .copies import MassMessage
from .hype import SelfHype
from .matching import Pattern, Phrase, Regex
from .metrics import (
    DaysBetween,
    EmptyBody,
    Length,
    MissingSubject,
    PronounRatio,
    QuestionCount,
    ReadingGrade,
)
from .pressure import DeadlineDemand, OneFinding, ReaderSilence
from .recipient import (
    CommonGround,
    GenericPraise,
    GreetingAddress,
    SubjectContent,
    WorkReference,
)
from .tone import Exclamations, Shouting

CHECK_TYPES: dict[str, type[Check]] = {
    # matching
    "phrase": Phrase,
    "pattern": Pattern,
    "regex": Regex,
    # measured
    "empty": EmptyBody,
    "missing-subject": MissingSubject,
    "length": Length,
    "reading-grade": ReadingGrade,
    "question-count": QuestionCount,
    "pronoun-ratio": PronounRatio,
    "days-between": DaysBetween,
    # judgement over the message's asks and offers
    "ask": AskKind,
    "meeting-without": MeetingWithout,
    "ask-without-offer": AskWithoutOffer,
    "broad-question": BroadQuestion,
    # personalisation judgements
    "work-reference": WorkReference,
    "praise": GenericPraise,
    "common-ground": CommonGround,
    "greeting-address": GreetingAddress,
    "subject-content": SubjectContent,
    # tone
    "exclamations": Exclamations,
    "shouting": Shouting,
    "self-hype": SelfHype,
    "deadline-demand": DeadlineDemand,
    "reader-silence": ReaderSilence,
    "last-resort": LastResort,
    "unnamed-future-gain": UnnamedFutureGain,
    # combining
    "any-of": AnyOf,
    "one-finding": OneFinding,
    # across the files of one run
    "mass-message": MassMessage,
}

__all__ = ["CHECK_TYPES", "Check", "Context", "Hit", "Param"]
