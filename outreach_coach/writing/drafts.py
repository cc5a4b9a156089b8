"""What a template can take from an existing draft: who it greets and how, who signs it and how, their work."""
from __future__ import annotations

import re
from typing import Any

from ..inputs.messages import Message
from ..linting.checks.recipient import address_words, addresses_no_one

_GREETING = re.compile(
    r"^\s*(hi|hello|hey|dear|good (?:morning|afternoon|evening))\s+([^,!:\n]{1,60}?)\s*[,!:]?\s*$", re.I)
_TITLE = re.compile(r"^(Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s", re.I)
_WORK_LABEL = re.compile(r"^[ \t]*(\w[\w -]{1,19}?)[ \t]*:[ \t]*(.+)$")
_RESEARCH_LABELS = ("paper", "preprint", "dataset", "data set", "study", "thesis", "dissertation", "article")
# A name as signed, perhaps with letters after it: "Hannah Morales, RN", "Ravi Menon, AICP".
_SIGNED_NAME = re.compile(r"^[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}(?:,\s*[A-Z][A-Za-z.]{1,8}){0,3}$")
# A closing line: a few words ending in a comma ("Best regards,", "Thanks again,").
_CLOSING_LINE = re.compile(r"^[A-Za-z][\w' ]{0,30},$")


def salutation(message: Message) -> str | None:
    """The word the draft greets with, kept so a reply keeps its register ("Dear" stays "Dear")."""
    match = _GREETING.match(message.section("greeting").strip())
    return match.group(1).capitalize() if match else None


def greeting_name(message: Message) -> str | None:
    """How the draft greets its recipient, else a greeting made from `to.name`."""
    match = _GREETING.match(message.section("greeting").strip())
    if match and not addresses_no_one(address_words(match.group(2)), message):
        return match.group(2).strip()
    name = message.to.name
    if not name:
        return None
    words = name.split()
    if _TITLE.match(name) and len(words) > 1:
        return f"{words[0]} {words[-1]}"
    return words[0]


def _signature_lines(message: Message) -> list[str]:
    return [line.strip() for line in message.section("signature").splitlines() if line.strip()]


def sign_off(message: Message) -> str | None:
    """The closing the writer used ("Best regards"), without its comma."""
    lines = _signature_lines(message)
    return lines[0].rstrip(",") if lines and _CLOSING_LINE.match(lines[0]) else None


def sender_name(message: Message) -> str | None:
    """The writer's name: front matter `from`, the From header, or the name line of the signature."""
    if message.sender:
        return message.sender.strip()
    lines = [line for line in _signature_lines(message) if not _CLOSING_LINE.match(line)]
    # The name comes first after the closing; a job title or organisation may follow it.
    if lines and _SIGNED_NAME.match(lines[0]):
        return lines[0]
    return None


def work_phrase(entry: str) -> str:
    """A `to.work` entry as a phrase that reads after "your": 'post: Title' -> 'post "Title"'."""
    match = _WORK_LABEL.match(entry)
    if not match:
        return entry.strip()
    return f'{match.group(1).strip()} "{match.group(2).strip()}"'


def values_from(message: Message) -> dict[str, Any]:
    """Every template value this draft can supply; a template takes the ones it declares."""
    values: dict[str, Any] = {
        "name": greeting_name(message), "sender": sender_name(message), "subject": message.subject,
        "org": message.to.org, "role": message.to.role, "recipient_type": message.to.type,
        "greeting": salutation(message), "sign_off": sign_off(message),
    }
    if message.to.work:
        values["work"] = work_phrase(message.to.work[0])
        research = [w for w in message.to.work if w.split(":")[0].strip().lower() in _RESEARCH_LABELS]
        values["paper"] = work_phrase(research[0]) if research else values["work"]
    if message.to.shared:
        values["shared"] = message.to.shared[0]
    return {key: value for key, value in values.items() if value}
