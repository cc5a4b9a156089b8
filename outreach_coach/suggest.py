"""Which templates fit a draft: situation signals read from the draft, matched against template headers.

A template header says which kinds, channels and recipient types it suits, which situations
(`signals`) it is written for, and which rules it `fixes`. The draft gives its kind, channel and
recipient type, the findings that fired, and signals read here from its text and metadata.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .findings import Finding
from .messages import Message
from .templates import Catalogue, Template

if TYPE_CHECKING:
    from .engine import FileResult

_MEETING = re.compile(
    r"\b(chat|coffee|lunch|breakfast|drinks|meet(ing|[- ]up)?|zoom|hop on|catch up|sit down|half an hour"
    r"|(a|quick|short|brief|phone|video|zoom) call|call (with you|next|this|sometime)"
    r"|talk (to|with) (you|me)|speak (to|with) you|(talk|speak) (briefly|sometime|soon)|on the phone"
    r"|informational interview|get together|(set up|find|schedule|book) (a |some )?(time|slot)|(a )?few minutes"
    r"|(a|an|for|spare|grab|have|give|just|only|about|some)\s+(\d+|ten|fifteen|twenty|thirty)[- ]?(min|minutes?)"
    r"|(\d+|ten|fifteen|twenty|thirty)[- ]?minutes? (call|chat|meeting|conversation|of your time)"
    r"|pick (at )?(your|you) brains?|brain-?picking)\b", re.I)
# Forward-looking only: "I collaborated with my team" is history, not a proposal.
_COLLABORATION = re.compile(
    r"\b(collaborat(e|ion|ing)|contribut(e|ing|ion to your)|co-?(author|write|host|teach|present)\b(?!-)"
    r"|partner(ing)? (with|on)|team up|joint (project|paper|workshop|grant|study|event))\b"
    r"|\b(open to|mind if|okay if|ok if|happy for) (me|I) (turn|build|adapt|translat|port|packag|feature|includ"
    r"|add|publish|record|writ|mak|creat|cover|arrang|remix|extend)\w*", re.I)
_RESEARCH_WORK = re.compile(r"^\s*(paper|preprint|dataset|data set|study|thesis|dissertation|article)\b", re.I)
_RESEARCH_TEXT = re.compile(
    r"\byour(\s+(?!(on|about|by|of|for|with|in|at|to)\b)[\w'-]+){0,4}?\s+"
    r"(paper|preprint|dataset|data set|study|thesis|dissertation|lab|experiments?|publication|manuscript|monograph)\b"
    r"|\b(figure|fig\.|table|supplement(ary)?)\s+[0-9S]|\bet al\b|\breplicat\w+|\breproduc(ed|ing|tion)\b", re.I)
_SHARED = re.compile(r"\b(fellow|we both|alum(na|nus|ni|nae)?|both (studied|went|attended|came|worked|trained|graduated)"
                     r"|(also|too) (studied|went to|attended|graduated))\b", re.I)
_NETWORKING = re.compile(r"\b(connect(ing|ion)?|network(ing)?|stay in touch|keep in touch|follow your)\b", re.I)
_REMINDER = re.compile(
    r"\b(follow(ing)?[- ]up on|remind\w*|nudge|bump\w*|circling back|resurfac\w+|(my|the) (last|previous|earlier)"
    r" (note|email|message)|haven'?t heard|checking in (on|about)|just checking in|resend\w*"
    r"|in case (it|this|my \w+) (got|slipped|was)|wanted to (follow|circle) (up|back))\b", re.I)
_RECENT = re.compile(r"\b(last night|yesterday|(mon|tues|wednes|thurs|fri|satur|sun)day|this (morning|afternoon|evening|week)|earlier today|today|tonight"
                     r"|last (evening|week))\b", re.I)
_EVENT = re.compile(r"\b(meetup|meet-up|conference|con|talk|workshop|panel|event|summit|fair|hackathon|webinar"
                    r"|session|dinner|mixer|reception|booth|lecture|seminar|symposium|convention|expo|gathering"
                    r"|festival|launch party|open day|open house|gig|concert|recital)s?\b", re.I)
_CONVERSATION = re.compile(r"\b(met|meeting you|chat(ted|ting)?|conversation|talk(ed|ing) (with|to)|spoke"
                           r"|speaking (with|to)|to meet you)\b", re.I)
_RECRUITING_ROLE = re.compile(r"\b(recruit\w*|talent|hiring manager|head of hiring|sourcer)\b", re.I)
_RESEARCH_ROLE = re.compile(r"\b(professor|prof\.?|lecturer|researcher|postdoc\w*|research (fellow|scientist)"
                            r"|principal investigator|PhD (student|candidate))\b", re.I)
_OUTCOME = re.compile(
    r"\b(I|we)('ve| have)?( just| finally| officially| \w+ly)? (accepted (an?|the|their) \w+|landed|shipped"
    r"|launched|published|defended|passed|won|was hired|got (into|in|accepted|promoted|hired|funded|the (job|offer"
    r"|role|position|place|grant|part|seat|contract|scholarship)|(the|an?|my)( \w+){1,2} (job|offer|role|position"
    r"|place|grant|part|seat|contract|scholarship)))\b"
    r"|\bI('m| am) starting\b|\bI start (at|in|on|my)\b|\bgood news\b|\b(it|that) (worked|paid off)\b"
    r"|\b(happy|glad|excited|thrilled) to (share|report|tell you|let you know) that\b", re.I)
_SHARING = re.compile(r"https?://|\b(thought of you|made me think of you|came across|you might (like|enjoy|find)"
                      r"|in case (it'?s|it is) (useful|handy|helpful)|sharing (this|a|an|the))\b", re.I)
_INTRO_ASK = re.compile(r"\b(introduc(e|ing) me|an introduction to|know (someone|anyone|anybody|of someone)"
                        r"|put me in touch|connect me (with|to))\b", re.I)
_THANKS = re.compile(r"\bthank(s| you)\b", re.I)
_PAIR = re.compile(r"[A-Z][\w'.-]+\s*(,|and|&|\+)\s*[A-Z][\w'.-]+|\b(both|you two|all)\b")

SHORT_NOTE = 300  # characters: LinkedIn's limit for a connection note
WEIGHTS = {"default": 0.5, "kind": 4.0, "recipient-type": 4.0, "channel": 1.0, "wrong-channel": -3.0, "fix": 0.25}
SIGNAL_WEIGHTS = {
    "meeting": 2.0, "no-meeting": 1.0, "collaboration": 3.0, "research": 3.0, "shared": 3.0, "networking": 1.5,
    "short-note": 1.5, "reminder": 3.0, "thread": 2.0, "sharing": 1.0, "intro-ask": 2.0, "event": 3.0, "outcome": 3.5, "thanks": 1.0, "two-sided": 2.0, "one-sided": 1.0,
}
RECIPIENTS = {"practitioner": "a practitioner", "researcher": "a researcher", "recruiter": "a recruiter",
              "alumni": "a fellow alum", "mentor": "a mentor", "peer": "a peer", "hiring-manager": "a hiring manager"}
SIGNAL_REASONS = {
    "meeting": "it asks for a meeting", "no-meeting": "it asks no meeting, so one pointed question fits",
    "collaboration": "it proposes working with their work", "research": "it is about a paper or dataset",
    "shared": "you share background with them", "networking": "it asks to connect",
    "short-note": "it is a short note with no subject, like a connection request",
    "reminder": "it follows up an unanswered message", "thread": "it continues an earlier thread", "event": "it follows a recent event",
    "outcome": "it reports how things turned out", "thanks": "it thanks them",
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
        return {"id": self.id, "reason": self.reason}


def signals(message: Message) -> frozenset[str]:
    """The situations this draft is in, read from its metadata and its own text (not quoted history)."""
    text = message.text
    greeting = message.section("greeting")
    found: set[str] = set()
    detectors: dict[str, Callable[[], bool]] = {
        "meeting": lambda: bool(_MEETING.search(text)),
        "collaboration": lambda: bool(_COLLABORATION.search(text)),
        "research": lambda: recipient_type(message) == "researcher" or bool(_RESEARCH_TEXT.search(text))
        or any(_RESEARCH_WORK.match(work) for work in message.to.work),
        "shared": lambda: bool(message.to.shared) or message.to.type == "alumni" or bool(_SHARED.search(text)),
        "networking": lambda: message.channel == "linkedin" or bool(_NETWORKING.search(text)),
        "short-note": lambda: message.subject is None and len(message.section("message").strip()) <= SHORT_NOTE,
        "thread": lambda: message.previous is not None or bool(message.context)
        or bool(re.match(r"\s*re:", message.subject or "", re.I)),
        "reminder": lambda: bool(_REMINDER.search(text)),
        "event": lambda: all(p.search(text) for p in (_RECENT, _EVENT, _CONVERSATION)),
        "outcome": lambda: bool(_OUTCOME.search(text)),
        "thanks": lambda: bool(_THANKS.search(message.section("body"))),
        "sharing": lambda: bool(_SHARING.search(text)),
        "intro-ask": lambda: bool(_INTRO_ASK.search(text)),
        "two-sided": lambda: bool(_PAIR.search(greeting)) or _addressees(message) > 1,
    }
    for name, detect in detectors.items():
        if detect():
            found.add(name)
    found.add("no-meeting" if "meeting" not in found else "meeting")
    found.add("one-sided" if "two-sided" not in found else "two-sided")
    return frozenset(found)


def recipient_type(message: Message) -> str | None:
    """`to.type`, else a type read from `to.role` or the greeting (a recruiter, a professor)."""
    if message.to.type:
        return message.to.type
    known = " ".join(filter(None, (message.to.role, message.section("greeting"))))
    if _RECRUITING_ROLE.search(known):
        return "hiring-manager" if re.search(r"hiring manager", known, re.I) else "recruiter"
    if _RESEARCH_ROLE.search(known):
        return "researcher"
    return None


def _addressees(message: Message) -> int:
    raw = message.meta.get("to")
    if isinstance(raw, str):
        return len([part for part in raw.split(",") if "@" in part]) or 1
    return 1


def rank(message: Message, findings: Iterable[Finding], catalogue: Catalogue) -> list[Suggestion]:
    """The catalogue's templates that suit this draft, best first."""
    fired = {f.rule for f in findings}
    present = signals(message)
    ranked = [_score(template, message, fired, present) for template in catalogue.all().values()]
    suitable = sorted((s for s in ranked if s is not None), key=lambda s: -s.score)
    # A template whose situations none are present is kept only when nothing else fits.
    fitting = [s for s in suitable if s.fits]
    return fitting or suitable[:1]


def _score(template: Template, message: Message, fired: set[str], present: frozenset[str]) -> Suggestion | None:
    if template.kinds and message.kind not in template.kinds:
        return None
    score = WEIGHTS["kind"] if template.kinds else 0.0
    if message.kind in template.default_for:
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
    reason = _describe(message, rtype) + (f": {'; '.join(why)}" if why else "")
    if fixes:
        reason += f"; rewrites what {', '.join(fixes)} flagged"
    typed = rtype in template.recipient_types
    fits = bool(matched) or typed or not (template.signals or template.recipient_types)
    return Suggestion(template.id, score, reason, fits)


def _describe(message: Message, rtype: str | None) -> str:
    channel = "" if message.channel == "other" else f" {message.channel}"
    return f"{message.kind}{channel} message" + (f" to {RECIPIENTS[rtype]}" if rtype else "")


def top_template(catalogue: Catalogue) -> Callable[["FileResult"], dict]:
    """A formatter `extra` callback naming the best template for each linted file."""
    def extra(result: "FileResult") -> dict:
        if result.message is None:
            return {}
        ranked = rank(result.message, result.findings, catalogue)
        return {"template": ranked[0].id} if ranked else {}
    return extra
