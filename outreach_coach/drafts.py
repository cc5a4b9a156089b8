"""What a template can take from an existing draft: who it greets, who signs it, their work, shared ground."""
from __future__ import annotations

import re
from typing import Any

from .messages import Message

_GREETING_NAME = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\s+([^,!:\n]{1,60}?)\s*[,!:]?\s*$", re.I)
_TITLE = re.compile(r"^(Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?\s", re.I)
_WORK_LABEL = re.compile(r"^[ \t]*(\w[\w -]{1,19}?)[ \t]*:[ \t]*(.+)$")
_RESEARCH_LABELS = ("paper", "preprint", "dataset", "data set", "study", "thesis", "dissertation", "article")
_SIGN_OFF = re.compile(r"^[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3}$")


def greeting_name(message: Message) -> str | None:
    """How the draft greets its recipient, else a greeting made from `to.name`."""
    match = _GREETING_NAME.match(message.section("greeting").strip())
    if match and match.group(1).lower() not in ("there", "all", "everyone", "friend", "team"):
        return match.group(1).strip()
    name = message.to.name
    if not name:
        return None
    words = name.split()
    if _TITLE.match(name) and len(words) > 1:
        return f"{words[0]} {words[-1]}"
    return words[0]


def sender_name(message: Message) -> str | None:
    """The writer's name: front matter `from`, the From header, or a short last line of the signature."""
    if message.sender:
        return message.sender.strip()
    lines = [line.strip() for line in message.section("signature").splitlines() if line.strip()]
    if lines and _SIGN_OFF.match(lines[-1]):
        return lines[-1]
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
    }
    if message.to.work:
        values["work"] = work_phrase(message.to.work[0])
        research = [w for w in message.to.work if w.split(":")[0].strip().lower() in _RESEARCH_LABELS]
        values["paper"] = work_phrase(research[0]) if research else values["work"]
    if message.to.shared:
        values["shared"] = message.to.shared[0]
    return {key: value for key, value in values.items() if value}
