"""Messages of one conversation, however many files it spans: by Message-ID links, or subject and recipient."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..inputs.messages import Message
from .outcomes import Person, recipient, sender

_REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|aw|wg)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_MESSAGE_ID = re.compile(r"<[^<>\s]+>")


def base_subject(subject: str | None) -> str:
    """The subject without its Re:/Fwd: prefixes, spacing and case: the same for every message of a thread."""
    return " ".join(_REPLY_PREFIX.sub("", subject or "").split()).lower()


def same_person(one: Person, other: Person) -> bool:
    if one.address and other.address:
        return one.address == other.address
    return bool(one.name and other.name) and one.name.lower() == other.name.lower()


@dataclass(frozen=True)
class Thread:
    """One conversation: the writer's messages (oldest first) and the recipient's own replies, if any are files."""

    mine: tuple[Message, ...]
    theirs: tuple[Message, ...]

    @property
    def latest(self) -> Message:
        return self.mine[-1]

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(m.path for m in self.mine)


def _keys(message: Message) -> list[str]:
    keys = [f"id:{found}" for name in ("message-id", "in-reply-to", "references")
            for found in _MESSAGE_ID.findall(str(message.meta.get(name) or ""))]
    who = recipient(message)
    if who.key:
        keys.append(f"subject:{base_subject(message.subject)}\0{who.key}")
    return keys


def threads(messages: Iterable[Message]) -> list[Thread]:
    """Group messages into threads (union of shared keys); within each, split the writer's from the recipient's."""
    items = list(messages)
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    owner: dict[str, int] = {}
    for index, message in enumerate(items):
        for key in _keys(message):
            if key in owner:
                parent[root(index)] = root(owner[key])
            else:
                owner[key] = index
    groups: dict[int, list[Message]] = {}
    for index, message in enumerate(items):
        groups.setdefault(root(index), []).append(message)
    return [thread for group in groups.values() if (thread := _split(group)).mine]


def _split(group: list[Message]) -> Thread:
    group.sort(key=lambda m: (m.sent, m.path))
    # The person the thread is to is the first message's recipient; files they wrote are their replies.
    to = next((recipient(m) for m in group if recipient(m).key), Person(None, None))
    is_theirs = [bool(to.key) and same_person(sender(m), to) for m in group]
    return Thread(tuple(m for m, flag in zip(group, is_theirs) if not flag),
                  tuple(m for m, flag in zip(group, is_theirs) if flag))
