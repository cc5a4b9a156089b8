"""When to follow up a sent message, and a draft of the follow-up carrying the thread forward.

Timing follows the articles: a friendly reminder 7 to 14 days after a message with no reply;
a thank-you or after-event note within 24 to 48 hours of the call or event; a check-in after
about three months. Front matter `met: DATE` says a call or event happened (`event: NAME` for an
event); a thank-you, check-in or update is followed by a check-in.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass
from typing import Any

from .drafts import values_from
from .errors import InputError
from .messages import Message
from .templates import Template

REMINDER_AFTER = dt.timedelta(days=7)
REMINDER_BY = dt.timedelta(days=14)
THANKS_BY = dt.timedelta(days=2)
CHECK_IN_AFTER = dt.timedelta(days=90)
CHECK_IN_BY = dt.timedelta(days=120)
NOTES = {
    "follow-up/no-reply": "a friendly reminder", "follow-up/thank-you": "a thank-you note",
    "follow-up/after-event": "an after-event note", "follow-up/check-in": "a check-in",
}
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
_REQUEST = re.compile(r"\b(would|could|can|may|might) (you|I|we)\b|\bI'?d (\w+ )?(like|love|be grateful)\b", re.I)


@dataclass(frozen=True)
class Plan:
    """Which follow-up, the window for sending it, and whether today is in (or past) it."""

    template_id: str
    sent: dt.date
    due: dt.date
    by: dt.date
    today: dt.date

    @property
    def ready(self) -> bool:
        """Whether the window has opened (it may also have closed: late is better than never)."""
        return self.today >= self.due

    def advice(self) -> str:
        """One line saying when to send, for the writer."""
        what = NOTES[self.template_id]
        if not self.ready:
            return (f"not yet: wait until {self.due.isoformat()} ({_days(self.due - self.today)}) "
                    f"before sending {what}; the window runs to {self.by.isoformat()}")
        if self.today > self.by:
            return (f"send {what} now: the usual window closed on {self.by.isoformat()}, "
                    f"but a late, friendly note still beats none")
        return f"send {what} now: today is within the window {self.due.isoformat()} to {self.by.isoformat()}"


def _days(delta: dt.timedelta) -> str:
    return f"{delta.days} day{'' if delta.days == 1 else 's'}"


def _date(message: Message, key: str) -> dt.date | None:
    value = message.meta.get(key)
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(message.path, f"front matter '{key}: {value}' is not a date (YYYY-MM-DD)") from None


def _sent_date(message: Message) -> dt.date:
    if "sent" in message.meta:
        return message.sent
    header = message.meta.get("date")
    if isinstance(header, str):
        try:
            return email.utils.parsedate_to_datetime(header).date()
        except (TypeError, ValueError):
            pass
        try:
            return dt.date.fromisoformat(header.strip()[:10])
        except ValueError:
            raise InputError(message.path, f"the Date header {header!r} is not a date") from None
    raise InputError(message.path, "no sent date: add 'sent: YYYY-MM-DD' to the front matter "
                                   "(or a Date header)")


def plan(message: Message, today: dt.date) -> Plan:
    """Decide the follow-up for a sent message; a message with no sent date is an InputError."""
    sent = _sent_date(message)
    met = _date(message, "met")
    if met is not None:
        template = "follow-up/after-event" if message.meta.get("event") else "follow-up/thank-you"
        return Plan(template, sent, met, met + THANKS_BY, today)
    if message.kind in ("thank-you", "check-in") or message.meta.get("replied"):
        return Plan("follow-up/check-in", sent, sent + CHECK_IN_AFTER, sent + CHECK_IN_BY, today)
    return Plan("follow-up/no-reply", sent, sent + REMINDER_AFTER, sent + REMINDER_BY, today)


def original_ask(message: Message) -> str | None:
    """The draft's ask in one line: its first question, else its first request, else its first sentence."""
    start, end = message.sections.get("body", (0, 0))
    sentences = [" ".join(s.split()) for s in _SENTENCE_END.split(message.text[start:end]) if s.strip()]
    for test in (lambda s: s.endswith("?"), lambda s: bool(_REQUEST.search(s)), lambda s: True):
        found = next((s for s in sentences if test(s)), None)
        if found:
            return found
    return None


def draft_values(message: Message, chosen: Plan, template: Template, given: dict[str, Any]) -> dict[str, Any]:
    """Values for the follow-up template: from the sent message, then the user's, then markers to fill in."""
    subject = re.sub(r"^\s*(re|fwd?):\s*", "", message.subject or "", flags=re.I).strip()
    values: dict[str, Any] = {
        **values_from(message),
        "subject": subject or f"My note of {chosen.sent.isoformat()}",
        "previous": chosen.sent.isoformat(),
        "sent": max(chosen.today, chosen.due).isoformat(),
        "ask": original_ask(message),
        "event": message.meta.get("event"),
        "when": _when(chosen),
        "since": f"we last wrote in {chosen.sent.strftime('%B')}",
    }
    values.update(given)
    declared = {v.name: v for v in template.variables}
    filled = {key: value for key, value in values.items() if key in declared and value}
    for variable in template.variables:
        if variable.required and variable.name not in filled:
            # A visible slot: the linter flags it (unfilled-placeholder) until the writer fills it in.
            filled[variable.name] = [f"[{variable.description}]"] if variable.type == "list" else \
                f"[{variable.description}]"
    return filled


def _when(chosen: Plan) -> str:
    days = (max(chosen.today, chosen.due) - chosen.due).days
    return {0: "today", 1: "yesterday"}.get(days, f"on {chosen.due.strftime('%A')}")
