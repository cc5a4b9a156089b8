"""Which templates fit a draft: the draft's situation (cues.py) matched against template headers.

A template header says which kinds, channels and recipient types it suits, which situations
(`signals`) it is written for, and which rules it `fixes`. The draft gives its situation (kind,
channel, recipient type, signals: one reading, shared with the rules) and the findings that fired.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..inputs.messages import Message
from ..linting.findings import Finding
from .situation import Situation, recipient_type, situation
from .templates import Catalogue, Template

if TYPE_CHECKING:
    from ..linting.engine import FileResult
    from ..understanding.reading import Reading

WEIGHTS = {"default": 0.5, "kind": 4.0, "recipient-type": 5.0, "channel": 1.0, "wrong-channel": -3.0, "fix": 0.25}
# What the draft asks shapes the message most (a meeting, a pitch, a job); context (research, shared) less.
SIGNAL_WEIGHTS = {
    "meeting": 4.0, "no-meeting": 1.0, "collaboration": 5.0, "research": 2.0, "shared": 3.0, "networking": 1.5,
    "short-note": 1.5, "reminder": 3.0, "thread": 2.0, "sharing": 1.0, "intro-ask": 2.0, "event": 5.0,
    "outcome": 3.5, "thanks": 1.0, "thanks-first": 3.0, "hiring": 3.0, "two-sided": 2.0, "one-sided": 1.0,
}
# Each kind as lint names it, read as a phrase.
KINDS = {"cold": "a cold message", "connection-note": "a connection note", "follow-up": "a follow-up",
         "thank-you": "a thank-you note", "intro-request": "an intro request", "introduction": "an introduction",
         "check-in": "a check-in"}
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
    "thanks-first": "it thanks them for something they did", "hiring": "it asks about a job",
    "sharing": "it shares something useful to them", "intro-ask": "it asks them to introduce you",
    "two-sided": "it addresses both people", "one-sided": "it writes to one side first",
}


@dataclass(frozen=True)
class Suggestion:
    """A template that fits a draft, its score, the reason tied to the draft, and the findings it fixes."""

    id: str
    score: float
    reason: str
    fits: bool = True
    fixes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The JSON form `suggest --format json` prints."""
        return {"id": self.id, "reason": self.reason, "fixes": list(self.fixes)}


def rank(reading: "Reading", findings: Iterable[Finding], catalogue: Catalogue) -> list[Suggestion]:
    """The catalogue's templates that suit this draft (read through the rules' context), best first."""
    fired = {f.rule for f in findings}
    seen = situation(reading)
    ranked = [_score(template, seen, fired) for template in catalogue.all().values()]
    suitable = sorted((s for s in ranked if s is not None), key=lambda s: -s.score)
    # A template whose situations none are present is kept only when nothing else fits.
    fitting = [s for s in suitable if s.fits]
    return fitting or suitable[:1]


def _score(template: Template, seen: Situation, fired: set[str]) -> Suggestion | None:
    if template.kinds and seen.kind not in template.kinds:
        return None
    score = WEIGHTS["kind"] if template.kinds else 0.0
    if seen.kind in template.default_for:
        score += WEIGHTS["default"]
    typed = seen.recipient in template.recipient_types
    if template.recipient_types:
        if typed:
            score += WEIGHTS["recipient-type"]
        elif seen.recipient:
            return None
    if template.channels and seen.channel != "other":
        score += WEIGHTS["channel"] if seen.channel in template.channels else WEIGHTS["wrong-channel"]
    matched = [signal for signal in template.signals if signal in seen.signals]
    score += sum(SIGNAL_WEIGHTS[signal] for signal in matched)
    fixes = tuple(rule for rule in template.fixes if rule in fired)
    score += WEIGHTS["fix"] * len(fixes)
    fits = bool(matched) or typed or not (template.signals or template.recipient_types)
    return Suggestion(template.id, score, _reason(seen, matched, fixes), fits, fixes)


def _reason(seen: Situation, matched: list[str], fixes: tuple[str, ...]) -> str:
    """One line a student reads: what the draft is, why this template, what it fixes."""
    medium = {"email": " by email", "linkedin": " on LinkedIn"}.get(seen.channel, "")
    what = f"{KINDS.get(seen.kind, seen.kind)}{medium}"
    if seen.recipient:
        what += f" to {RECIPIENTS[seen.recipient]}"
    reason = f"Your draft is {what}" + (f", and {' and '.join(SIGNAL_REASONS[s] for s in matched)}" if matched else "")
    return reason + (f"; this template fixes {', '.join(fixes)}." if fixes else ".")


def fixing_template(message: Message, findings: Iterable[Finding], catalogue: Catalogue) -> Suggestion | None:
    """The template, among those that suit the draft's kind, channel and recipient, that fixes most findings.

    Read from metadata and findings only, so a stored (cached) result names the same template without a parse.
    """
    fired = {f.rule for f in findings}
    seen = Situation(message.kind, message.channel, recipient_type(message), frozenset())
    scored = [s for s in (_score(t, seen, fired) for t in catalogue.all().values()) if s is not None and s.fixes]
    return max(scored, key=lambda s: (len(s.fixes), s.score), default=None)


def top_template(catalogue: Catalogue) -> Callable[["FileResult"], dict]:
    """A formatter `extra` callback: for a draft with findings, the template that fixes most of them."""
    def extra(result: "FileResult") -> dict:
        if result.message is None or not result.findings:
            return {}
        best = fixing_template(result.message, result.findings, catalogue)
        return {"template": best.id, "fixes": list(best.fixes)} if best else {}
    return extra
