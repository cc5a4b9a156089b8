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
from dataclasses import dataclass, replace
from typing import Any

from ..errors import InputError
from ..inputs.messages import Message
from .drafts import sender_name, values_from
from .templates import Template, check_known

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
# Turning a question or request into a clause after "I asked": inversion undone, modals in reported form.
_LEAD_IN = re.compile(r"^[^:?]{0,40}:\s+")
_MODAL_PAST = {"can": "could", "will": "would", "may": "might", "could": "could", "would": "would",
               "might": "might", "should": "should"}
_YES_NO = re.compile(r"^(can|could|will|would|may|might|should) (you|we|I) (.+)$", re.I)
_BE_QUESTION = re.compile(r"^(is|are|was|were) (it|there|this|that|your \w+) (.+)$", re.I)
_DO_QUESTION = re.compile(r"^(do|does) (you|they|we|your \w+) (.+)$", re.I)
_WH_QUESTION = re.compile(
    r"^((?:what|which|how|when|where|why|who)(?: [\w-]+){0,3}?) (do|does) (you|they|we) (.+)$", re.I)
_WANT = re.compile(r"^I(?:'d| would) (?:also |really )?(?:like|love|be grateful) (to .+)$", re.I)
_EMAIL = re.compile(r"<[^<>\n]{0,200}>")


@dataclass(frozen=True)
class Plan:
    """Which follow-up, the window for sending it, and whether today is in (or past) it."""

    template_id: str
    sent: dt.date
    due: dt.date
    by: dt.date
    today: dt.date
    # Who answered in the thread, when it shows the other person already replied: no reminder then.
    replied_by: str | None = None

    @property
    def ready(self) -> bool:
        """Whether the window has opened (it may also have closed: late is better than never)."""
        return self.replied_by is None and self.today >= self.due

    def advice(self) -> str:
        """One line saying when to send, for the writer."""
        if self.replied_by:
            return (f"no reminder: the thread shows {self.replied_by} already replied; to thank them, start from "
                    f"'template render follow-up/thank-you --from ...', or to tell them how it went, "
                    f"'template render follow-up/update --from ...'")
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
    reminder = Plan("follow-up/no-reply", sent, sent + REMINDER_AFTER, sent + REMINDER_BY, today)
    answered = replier(message)
    return replace(reminder, replied_by=answered) if answered else reminder


def replier(message: Message) -> str | None:
    """The other person, when the quoted thread holds a message they wrote (so they have replied)."""
    writer = (sender_name(message) or "").lower().split()
    for author in _quoted_authors(message.context or ""):
        if not writer or writer[0] not in author.lower():
            return author
    return None


def _quoted_authors(context: str):
    """Who wrote each quoted message: "On Tue, 3 Nov 2026, Agnes Moreau <agnes@...> wrote:" gives Agnes Moreau."""
    for line in context.splitlines():
        line = line.strip()
        if line.startswith("On ") and line.endswith("wrote:"):
            author = _EMAIL.sub("", line[3:-len("wrote:")]).strip().rsplit(",", 1)[-1]
            # Gmail puts the name after the time ("at 6:47 PM Jesse Mbatha"); keep the trailing capitalised words.
            words = author.split()
            name = []
            for word in reversed(words):
                if not word[:1].isupper() or word.isupper() or any(ch.isdigit() for ch in word):
                    break
                name.insert(0, word)
            if name:
                yield " ".join(name).strip('"')


def original_ask(message: Message) -> str | None:
    """The draft's ask as a clause of its own that follows "I asked" ("whether you could ..."), if it has one."""
    start, end = message.sections.get("body", (0, 0))
    sentences = [" ".join(s.split()) for s in _SENTENCE_END.split(message.text[start:end]) if s.strip()]
    asks = [s for s in sentences if s.endswith("?")] + [s for s in sentences if _REQUEST.search(s)]
    return next((clause for clause in map(_as_clause, asks) if clause), None)


def _as_clause(sentence: str) -> str | None:
    text = _LEAD_IN.sub("", sentence).rstrip("?.! ")
    if match := _YES_NO.match(text):
        modal, subject, rest = match.groups()
        return f"whether {_reported(subject)} {_MODAL_PAST[modal.lower()]} {rest}"
    if match := _BE_QUESTION.match(text):
        verb, subject, rest = match.groups()
        return f"whether {_reported(subject)} {verb.lower()} {rest}"
    if match := _WH_QUESTION.match(text):
        wh, _aux, subject, rest = match.groups()
        return f"{wh[0].lower()}{wh[1:]} {_reported(subject)} {rest}"
    if match := _DO_QUESTION.match(text):
        _aux, subject, rest = match.groups()
        return f"whether {_reported(subject)} {rest}"
    if match := _WANT.match(text):
        return match.group(1)
    return None


def _reported(subject: str) -> str:
    return subject if subject == "I" else subject.lower()


def draft_values(message: Message, chosen: Plan, template: Template, given: dict[str, Any]) -> dict[str, Any]:
    """Values for the follow-up template: from the sent message, then the user's, then slots to fill in.

    A name the template does not declare is a RenderError, as `template render` reports it.
    """
    subject = re.sub(r"^\s*(re|fwd?):\s*", "", message.subject or "", flags=re.I).strip()
    values: dict[str, Any] = {
        **values_from(message),
        "subject": subject or f"My note of {chosen.sent.isoformat()}",
        "previous": chosen.sent.isoformat(),
        "sent": max(chosen.today, chosen.due).isoformat(),
        "ask": original_ask(message),
        "event": message.meta.get("event"),
        "when": _when(chosen),
        "since": f"our last exchange in {chosen.sent.strftime('%B')}",
    }
    check_known(template, given)
    values.update(given)
    declared = {v.name: v for v in template.variables}
    filled = {key: value for key, value in values.items() if key in declared and value}
    for variable in template.variables:
        if variable.required and variable.name not in filled:
            # A visible slot: the linter flags it (unfilled-placeholder) until the writer fills it in.
            filled[variable.name] = [slot(variable.description)] if variable.type == "list" else \
                slot(variable.description)
    return filled


def slot(description: str) -> str:
    """The visible marker left for a value the sent message cannot give."""
    return f"[{description}]"


def describe(template: Template, values: dict[str, Any]) -> list[str]:
    """Lines for the writer: the template used, each value, and which variable each [slot] stands for."""
    lines = [f"drafted from template {template.id}; its values (change one with --var NAME=VALUE):"]
    for variable in template.variables:
        value = values.get(variable.name)
        shown = "; ".join(value) if isinstance(value, list) else value
        if value in (slot(variable.description), [slot(variable.description)]):
            lines.append(f"  {variable.name}: not in the sent message; fill the slot {shown} "
                         f"with --var {variable.name}=...")
        elif shown:
            lines.append(f"  {variable.name}: {shown}")
    return lines


def _when(chosen: Plan) -> str:
    days = (max(chosen.today, chosen.due) - chosen.due).days
    return {0: "today", 1: "yesterday"}.get(days, f"on {chosen.due.strftime('%A')}")
