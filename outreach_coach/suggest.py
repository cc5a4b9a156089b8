"""Which templates fit a draft: the draft's situation (cues.py) matched against template headers.

A template header says which kinds, channels and recipient types it suits, which situations
(`signals`) it is written for, and which rules it `fixes`. The draft gives its kind, channel and
recipient type, the findings that fired, and its signals.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cues import recipient_type, signals
from .findings import Finding
from .messages import Message
from .templates import Catalogue, Template

if TYPE_CHECKING:
    from .engine import FileResult

WEIGHTS = {"default": 0.5, "kind": 4.0, "recipient-type": 4.0, "channel": 1.0, "wrong-channel": -3.0, "fix": 0.25}
SIGNAL_WEIGHTS = {
    "meeting": 2.0, "no-meeting": 1.0, "collaboration": 3.0, "research": 3.0, "shared": 3.0, "networking": 1.5,
    "short-note": 1.5, "reminder": 3.0, "thread": 2.0, "sharing": 1.0, "intro-ask": 2.0, "event": 5.0,
    "outcome": 3.5, "thanks": 1.0, "thanks-first": 3.0, "hiring": 3.0, "two-sided": 2.0, "one-sided": 1.0,
}
RECIPIENTS = {"practitioner": "a practitioner", "researcher": "a researcher", "recruiter": "a recruiter",
              "alumni": "a fellow alum", "mentor": "a mentor", "peer": "a peer", "hiring-manager": "a hiring manager"}
SIGNAL_REASONS = {
    "meeting": "it asks for a meeting", "no-meeting": "it asks no meeting, so one pointed question fits",
    "collaboration": "it proposes something of value to you both", "research": "it is about a paper or dataset",
    "shared": "you share background with them", "networking": "it asks to connect",
    "short-note": "it is a short note with no subject, like a connection request",
    "reminder": "it follows up an unanswered message", "thread": "it continues an earlier thread",
    "event": "it follows a recent event",
    "outcome": "it reports how things turned out", "thanks": "it thanks them",
    "thanks-first": "it opens by thanking them for something they did", "hiring": "it is about a role they are filling",
    "sharing": "it shares something useful to them", "intro-ask": "it asks them to introduce you",
    "two-sided": "it addresses both people", "one-sided": "it writes to one side first",
}



@dataclass(frozen=True)
class Suggestion:
    """A template that fits a draft, its score, and the reason tied to the draft."""

    id: str
    score: float
    reason: str
    fits: bool = True

    def to_dict(self) -> dict:
        """The JSON form `suggest --format json` prints."""
        return {"id": self.id, "reason": self.reason}


def rank(message: Message, findings: Iterable[Finding], catalogue: Catalogue) -> list[Suggestion]:
    """The catalogue's templates that suit this draft, best first."""
    fired = {f.rule for f in findings}
    present = signals(message)
    kind = _kind(message, present)
    ranked = [_score(template, message, kind, fired, present) for template in catalogue.all().values()]
    suitable = sorted((s for s in ranked if s is not None), key=lambda s: -s.score)
    # A template whose situations none are present is kept only when nothing else fits.
    fitting = [s for s in suitable if s.fits]
    return fitting or suitable[:1]


def _kind(message: Message, present: frozenset[str]) -> str:
    # A draft guessed to be cold that reports how things turned out is news for a past helper.
    if message.kind_inferred and message.kind == "cold" and "outcome" in present:
        return "follow-up"
    return message.kind


def _score(template: Template, message: Message, kind: str, fired: set[str],
           present: frozenset[str]) -> Suggestion | None:
    if template.kinds and kind not in template.kinds:
        return None
    score = WEIGHTS["kind"] if template.kinds else 0.0
    if kind in template.default_for:
        score += WEIGHTS["default"]
    why: list[str] = []
    rtype = recipient_type(message)
    if template.recipient_types:
        if rtype in template.recipient_types:
            score += WEIGHTS["recipient-type"]
        elif rtype:
            return None
    if template.channels and message.channel != "other":
        same = message.channel in template.channels
        score += WEIGHTS["channel"] if same else WEIGHTS["wrong-channel"]
    matched = [signal for signal in template.signals if signal in present]
    score += sum(SIGNAL_WEIGHTS[signal] for signal in matched)
    why.extend(SIGNAL_REASONS[signal] for signal in matched)
    fixes = [rule for rule in template.fixes if rule in fired]
    score += WEIGHTS["fix"] * len(fixes)
    reason = _describe(kind, message.channel, rtype) + (f": {'; '.join(why)}" if why else "")
    if fixes:
        reason += f"; rewrites what {', '.join(fixes)} flagged"
    typed = rtype in template.recipient_types
    fits = bool(matched) or typed or not (template.signals or template.recipient_types)
    return Suggestion(template.id, score, reason, fits)


def _describe(kind: str, channel: str, rtype: str | None) -> str:
    medium = "" if channel == "other" else f" {channel}"
    return f"{kind}{medium} message" + (f" to {RECIPIENTS[rtype]}" if rtype else "")


def top_template(catalogue: Catalogue) -> Callable[["FileResult"], dict]:
    """A formatter `extra` callback naming the best template for each linted file."""
    def extra(result: "FileResult") -> dict:
        if result.message is None:
            return {}
        ranked = rank(result.message, result.findings, catalogue)
        return {"template": ranked[0].id} if ranked else {}
    return extra
