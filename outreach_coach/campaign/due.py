"""`due`: which sent threads need a follow-up now, which to leave alone, and which are ready for a check-in.

Timing is followup.py's: a reminder 7 to 14 days after an unanswered message (late still beats never), at most
two reminders; a check-in about three months after a conversation (an answer, a thank-you, a check-in).
"""
from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Iterable
from dataclasses import dataclass

from ..inputs.messages import Message
from ..writing.followup import CHECK_IN_AFTER, REMINDER_AFTER, REMINDER_BY
from .outcomes import Outcome, is_sent, outcome_of
from .threads import Thread, threads

FOLLOW_UP, CHECK_IN, LEAVE = "follow-up", "check-in", "leave-alone"
MAX_REMINDERS = 2
# Kinds written after a conversation: what follows them is a check-in, not a reminder.
AFTER_CONVERSATION_KINDS = frozenset({"thank-you", "check-in"})


@dataclass(frozen=True)
class DueItem:
    """One thread's next step: what to do, about which file, since when, and why."""

    action: str
    path: str
    sent: dt.date
    due: dt.date | None
    reason: str
    files: tuple[str, ...]
    command: str | None

    def to_dict(self) -> dict:
        return {"action": self.action, "path": self.path, "sent": self.sent.isoformat(),
                "due": self.due.isoformat() if self.due else None, "reason": self.reason,
                "files": list(self.files), "command": self.command}


def thread_outcome(thread: Thread) -> Outcome:
    """Whether the thread was answered: a reply file of theirs, else what any of the writer's files says."""
    if thread.theirs:
        return Outcome(True, thread.theirs[-1].sent, "replied", f"their reply in {thread.theirs[-1].path}")
    read = [outcome_of(m) for m in thread.mine]
    answered = [o for o in read if o.answered]
    if answered:
        return max(answered, key=lambda o: o.on or dt.date.min)
    return read[-1]


def next_step(thread: Thread, today: dt.date, today_given: bool = False) -> DueItem:
    """The next step for one thread, judged from its latest message of the writer's."""
    latest = thread.latest
    outcome = thread_outcome(thread)
    command = f"outreach-coach followup {shlex.quote(latest.path)}" + (f" --today {today}" if today_given else "")

    def item(action: str, due: dt.date | None, reason: str) -> DueItem:
        return DueItem(action, latest.path, latest.sent, due, reason, thread.paths,
                       command if action != LEAVE else None)

    if outcome.outcome == "declined":
        return item(LEAVE, None, "they declined")
    if outcome.answered or latest.kind in AFTER_CONVERSATION_KINDS:
        last_contact = max(latest.sent, outcome.on or latest.sent)
        check_in = last_contact + CHECK_IN_AFTER
        what = f"answered ({outcome.source})" if outcome.answered else f"a {latest.kind} note"
        if today >= check_in:
            return item(CHECK_IN, check_in, f"{what}; last contact {last_contact}, a check-in is due")
        return item(LEAVE, check_in, f"{what}; check in from {check_in}")
    reminders = len(thread.mine) - 1
    if reminders >= MAX_REMINDERS:
        return item(LEAVE, None, f"no reply after {reminders} follow-ups: let it rest")
    waited = (today - latest.sent).days
    due = latest.sent + REMINDER_AFTER
    if today < due:
        return item(LEAVE, due, f"too soon: {waited} days without a reply, follow up from {due}")
    late = today > latest.sent + REMINDER_BY
    return item(FOLLOW_UP, due, f"no reply after {waited} days" + ("; late, but a friendly note beats none"
                                                                     if late else ""))


def due(messages: Iterable[Message], today: dt.date, today_given: bool = False) -> list[DueItem]:
    """The next step for every thread of sent messages, oldest first (ties by file name)."""
    sent = [m for m in messages if is_sent(m, today)]
    steps = [next_step(thread, today, today_given) for thread in threads(sent)]
    return sorted(steps, key=lambda s: (s.sent, s.path))


SECTIONS = ((FOLLOW_UP, "Follow up now"), (CHECK_IN, "Check-ins due"), (LEAVE, "Leave alone"))


def due_text(steps: list[DueItem]) -> str:
    """The steps as text: one section per action, each line the date, the file and why, then the command."""
    lines: list[str] = []
    for action, title in SECTIONS:
        chosen = [s for s in steps if s.action == action]
        lines.append(f"{title} ({len(chosen)}):")
        for step in chosen:
            lines.append(f"  {step.sent}  {step.path}: {step.reason}")
            if len(step.files) > 1:
                lines.append(f"              thread: {', '.join(step.files)}")
            if step.command:
                lines.append(f"              {step.command}")
    return "\n".join(lines) + "\n"
