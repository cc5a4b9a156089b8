"""Situation cues read from a draft: what it asks, who it is to, how it relates to earlier messages.

Each signal is a plain name (`meeting`, `research`, `reminder`, ...) that template headers list
under `signals`; suggest.py weighs them. Cues come from the draft's metadata (recipient type,
shared background, `previous`, quoted history) and from its own text, never from quoted history.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .messages import Message

SHORT_NOTE = 300  # characters: LinkedIn's limit for a connection note
SIGNALS = ("meeting", "no-meeting", "collaboration", "research", "shared", "networking", "short-note", "reminder",
           "thread", "event", "outcome", "thanks", "sharing", "intro-ask", "two-sided", "one-sided")

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
_SHARED = re.compile(r"\b(fellow|we both|alum(na|nus|ni|nae)?"
                     r"|both (studied|went|attended|came|worked|trained|graduated)"
                     r"|(also|too) (studied|went to|attended|graduated))\b", re.I)
_NETWORKING = re.compile(r"\b(connect(ing|ion)?|network(ing)?|stay in touch|keep in touch|follow your)\b", re.I)
_REMINDER = re.compile(
    r"\b(follow(ing)?[- ]up on|remind\w*|nudge|bump\w*|circling back|resurfac\w+|(my|the) (last|previous|earlier)"
    r" (note|email|message)|haven'?t heard|checking in (on|about)|just checking in|resend\w*"
    r"|in case (it|this|my \w+) (got|slipped|was)|wanted to (follow|circle) (up|back))\b", re.I)
_RECENT = re.compile(r"\b(last night|yesterday|(mon|tues|wednes|thurs|fri|satur|sun)day"
                     r"|this (morning|afternoon|evening|week)|earlier today|today|tonight|last (evening|week))\b", re.I)
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


