"""What came of a sent message: front matter `replied:` / `outcome:`, or the recipient's reply quoted in an email."""
from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass

from ..inputs.messages import Message

# Outcomes that mean the recipient answered, whatever they said.
ANSWERED_OUTCOMES = frozenset({"replied", "meeting", "declined"})
# The attribution line a mail client writes above a quoted reply: "On <date>, <who> wrote:" (may wrap once).
_ATTRIBUTION = re.compile(r"^[ \t>]*On\b([^\n]{0,300}(?:\n[^\n]{0,300})?)\bwrote:[ \t]*$", re.MULTILINE | re.IGNORECASE)
# Starts only where an address can start, so a long line without "@" is scanned once, not from every letter.
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class Person:
    """Whom a message is to (or from): a display name and an address, either possibly unknown."""

    name: str | None
    address: str | None

    def named_in(self, text: str) -> bool:
        """Whether `text` (an attribution line, a From header) names this person by address or full name."""
        lowered = text.lower()
        if self.address and self.address in lowered:
            return True
        return bool(self.name) and re.search(rf"(?<!\w){re.escape(self.name.lower())}(?!\w)", lowered) is not None

    @property
    def key(self) -> str:
        return self.address or (self.name or "").lower()


def person(value: object) -> Person:
    """A Person from a `to:`/`from:` value: an email header ('Ana Ruiz <ana@x.org>'), a name, or a mapping."""
    if isinstance(value, dict):
        value = value.get("name")
    if not isinstance(value, str) or not value.strip():
        return Person(None, None)
    name, address = email.utils.parseaddr(value)
    if "@" not in address:
        return Person(" ".join(value.split()) or None, None)
    return Person(" ".join(name.split()) or None, address.lower())


def recipient(message: Message) -> Person:
    """The person the message is to: the To header's address and name, else the front matter `to.name`."""
    found = person(message.meta.get("to"))
    return found if found.name or found.address else Person(message.to.name, None)


def sender(message: Message) -> Person:
    return person(message.meta.get("from"))


def quoted_reply_from(message: Message, who: Person) -> bool:
    """Whether the message's quoted history holds a reply written by `who` ("On <date>, <who> wrote:")."""
    return any(who.named_in(match.group(1)) for match in _ATTRIBUTION.finditer(message.context))


@dataclass(frozen=True)
class Outcome:
    """What came of one sent message: whether they answered, when (if known), and what came of it."""

    answered: bool
    on: dt.date | None = None
    outcome: str | None = None
    source: str = ""  # where it was read: "front matter", "quoted reply", "their reply in FILE"


def outcome_of(message: Message) -> Outcome:
    """What the file itself says came of this message: its front matter, else a quoted reply from the recipient."""
    if message.outcome is not None:
        replied_on = message.replied if isinstance(message.replied, dt.date) else None
        return Outcome(message.outcome in ANSWERED_OUTCOMES, replied_on, message.outcome, "front matter")
    if isinstance(message.replied, dt.date):
        return Outcome(True, message.replied, "replied", "front matter")
    if message.replied is False:
        return Outcome(False, None, "no-reply", "front matter")
    who = recipient(message)
    if (who.name or who.address) and quoted_reply_from(message, who):
        return Outcome(True, None, "replied", "quoted reply")
    return Outcome(False)


def is_sent(message: Message, today: dt.date) -> bool:
    """A message counts as sent when it carries a date (front matter `sent:` or a Date header) on or before today."""
    return ("sent" in message.meta or "date" in message.meta) and message.sent <= today
