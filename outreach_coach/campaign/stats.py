"""`stats`: the folder's reply rate, and per rule the reply rate of sent messages it fired on and did not.

Every number is computed here, from the files; nothing leaves the machine.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..inputs.messages import Message
from ..linting.engine import Coach
from ..writing.followup import REMINDER_AFTER
from .copies import RULE_ID as COPY_RULE
from .copies import CopyIndex
from .outcomes import is_sent, outcome_of
from .threads import threads

# Below this many messages on either side, a difference in reply rate is as likely chance as advice.
MIN_MEANINGFUL = 10


@dataclass(frozen=True)
class Rate:
    """Replies out of messages."""

    replied: int
    sent: int

    @property
    def percent(self) -> float | None:
        return round(100 * self.replied / self.sent, 1) if self.sent else None

    def to_dict(self) -> dict:
        return {"replied": self.replied, "sent": self.sent, "rate": self.percent}

    def __str__(self) -> str:
        return f"{self.replied}/{self.sent} ({self.percent:g}%)" if self.sent else "0/0 (-)"


@dataclass(frozen=True)
class RuleRate:
    rule: str
    fired: Rate
    not_fired: Rate

    @property
    def too_few(self) -> bool:
        return min(self.fired.sent, self.not_fired.sent) < MIN_MEANINGFUL

    def to_dict(self) -> dict:
        return {"rule": self.rule, "fired": self.fired.to_dict(), "not_fired": self.not_fired.to_dict(),
                "too_few": self.too_few}


@dataclass(frozen=True)
class Stats:
    overall: Rate
    pending: int  # sent too recently to tell (under a week, no answer yet): left out of every rate
    rules: tuple[RuleRate, ...]

    def to_dict(self) -> dict:
        return {"overall": self.overall.to_dict(), "pending": self.pending, "min_meaningful": MIN_MEANINGFUL,
                "rules": [r.to_dict() for r in self.rules]}


def answered(messages: list[Message], today: dt.date) -> dict[str, bool]:
    """Per sent message of the writer's (by path): whether that message got an answer.

    An answer counts for the message it answers: its own front matter; a reply file of theirs answers the
    writer's latest message sent by then; a reply of theirs quoted in a message answers the one before it.
    """
    result: dict[str, bool] = {}
    for thread in threads(m for m in messages if is_sent(m, today)):
        mine = thread.mine
        got = {m.path: outcome_of(m) for m in mine}
        flags = {m.path: got[m.path].answered and got[m.path].source == "front matter" for m in mine}
        for later, earlier in zip(mine[1:], mine):
            if got[later.path].source == "quoted reply":
                flags[earlier.path] = True
        for reply in thread.theirs:
            before = [m for m in mine if m.sent <= reply.sent]
            if before:
                flags[before[-1].path] = True
        result.update(flags)
    return result


def stats(coach: Coach, messages: Iterable[Message], today: dt.date) -> Stats:
    """Reply rates over the folder, and per rule from a fresh lint of the sent messages (copies included)."""
    messages = list(messages)
    flags = answered(messages, today)
    by_path = {m.path: m for m in messages}
    counted = {path: flag for path, flag in flags.items()
               if flag or today - by_path[path].sent >= REMINDER_AFTER}
    linted = [by_path[path] for path in counted]
    copy_rule = coach.rules.get(COPY_RULE)
    index = CopyIndex(copy_rule, coach.config) if copy_rule is not None and copy_rule.enabled else None
    for message in linted if index is not None else ():
        index.add(message)
    fired: dict[str, set[str]] = {}
    for result in coach.lint_messages(linted):
        result = index.mark(result) if index is not None else result
        for finding in result.findings:
            fired.setdefault(finding.rule, set()).add(result.path)
    rates = []
    for rule in sorted(fired):
        on = [counted[p] for p in counted if p in fired[rule]]
        off = [counted[p] for p in counted if p not in fired[rule]]
        rates.append(RuleRate(rule, Rate(sum(on), len(on)), Rate(sum(off), len(off))))
    return Stats(Rate(sum(counted.values()), len(counted)), len(flags) - len(counted), tuple(rates))


def stats_text(result: Stats) -> str:
    """The numbers as text: the overall rate, then a line per rule that fired on any sent message."""
    lines = [f"Reply rate: {result.overall} of sent messages"
             + (f"; {result.pending} sent under a week ago left out" if result.pending else "")]
    if result.overall.sent < MIN_MEANINGFUL:
        lines.append(f"Fewer than {MIN_MEANINGFUL} messages: too few for the rate to mean much yet.")
    if result.rules:
        lines.append(f"\n{'rule':28} {'replies when fired':20} when not fired")
    for rate in result.rules:
        note = f"  too few to tell (below {MIN_MEANINGFUL} on a side)" if rate.too_few else ""
        lines.append(f"{rate.rule:28} {str(rate.fired):20} {str(rate.not_fired):20}{note}".rstrip())
    return "\n".join(lines) + "\n"
