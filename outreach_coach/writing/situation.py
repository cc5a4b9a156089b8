"""Situation cues read from a draft: what it asks, who it is to, how it relates to earlier messages.

Each signal is a plain name (`meeting`, `research`, `reminder`, ...) that template headers list
under `signals`; suggest.py weighs them. What the draft asks (a meeting, a job, an introduction)
and offers comes from `intents`, the reading the rules use; the kind is `message.kind`. Other cues
come from the draft's metadata (recipient type, shared background, `previous`, quoted history)
and from its own text, never from quoted history.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..inputs.messages import Message
from ..understanding import clauses as language
from ..understanding.asks import JOB_NOUNS
from ..understanding.lexicon import WordSet

if TYPE_CHECKING:
    from ..understanding.reading import Reading

SHORT_NOTE = 300  # characters: LinkedIn's limit for a connection note
SIGNALS = ("meeting", "no-meeting", "collaboration", "research", "shared", "networking", "short-note", "reminder",
           "thread", "event", "outcome", "thanks", "thanks-first", "sharing", "intro-ask", "hiring", "two-sided",
           "one-sided")

# One case-insensitive pattern per cue, compiled once.
_CUE_SOURCES = {
    # Forward-looking only: "I collaborated with my team" is history, not a proposal.
    "collaboration": (
        r"\b(collaborat(e|ion|ing)|contribut(e|ing|ion to your)|co-?(author|write|host|teach|present)\b(?!-)"
        r"|partner(ing)? (with|on)|team up|joint (project|paper|workshop|grant|study|event))\b"
        r"|\b(open to|mind if|okay if|ok if|happy for) (me|I) (turn|build|adapt|translat|port|packag|feature|includ"
        r"|add|publish|record|writ|mak|creat|cover|arrang|remix|extend)\w*"
        # An offer of value to both: sponsorship, paid invitations, a story or product pitched to them.
        r"|\b(sponsor(ship|ing)?|partnership|exclusive|synerg(y|ies))\b"
        r"|\b(would|'d) (like|love) to (sponsor|fund|feature|screen|host|commission|publish|exhibit|stage|book"
        r"|invite)\b"
        r"|\b(we|I)('ll| will| can)? (cover|pay|fund)\b|\boffer(ing)? (it |this )?(to )?you\b"
        r"|\bthere (may|might|could|would) be a ([\w-]+ )?fit\b"
        r"|\b(we|I) help (\w+ ){0,3}(teams|companies|businesses|brands|clinics|practices|firms|startups|shops|stores"
        r"|agencies|organi[sz]ations)\b"
    ),
    # Something the writer built, offered to them to use.
    "built": (
        r"\bI('ve| have)? (built|made|created|developed|coded|prototyped) an? ([\w-]+ ){0,3}(tool|app|plugin|extension"
        r"|library|script|bot|template|kit|add-on|mod|site|website|widget|dashboard|version|game|course)\b"
    ),
    "offered": r"\b(free|open[- ]source|(try|test|use) it)\b",
    # The opening paragraph thanks them for something they did.
    "thanks-first": (
        r"(^|[.!?]\s+)\W*((many |huge |big )?thank(s| you)\b[^.!?\n]{0,40}?\bfor\b(?! (any|reading|considering)\b)"
        r"|I (just |really )?(wanted |want )?to (say )?thank you|I('m| am) (so |really |very )?grateful"
        r"|I (really |truly )?appreciated?)"
    ),
    "research-work": r"^\s*(paper|preprint|dataset|data set|study|thesis|dissertation|article)\b",
    "research-text": (
        r"\byour(\s+(?!(on|about|by|of|for|with|in|at|to)\b)[\w'-]+){0,4}?\s+"
        r"(paper|preprint|dataset|data set|study|thesis|dissertation|lab|experiments?|publication|manuscript"
        r"|monograph)\b"
        r"|\b(figure|fig\.|table|supplement(ary)?)\s+[0-9S]|\bet al\b|\breplicat\w+|\breproduc(ed|ing|tion)\b"
    ),
    "shared": (
        r"\b(fellow|we both|alum(na|nus|ni|nae)?"
        r"|both (studied|went|attended|came|worked|trained|graduated)"
        r"|(also|too) (studied|went to|attended|graduated))\b"
    ),
    "networking": r"\b(connect(ing|ion)?|network(ing)?|stay in touch|keep in touch|follow your)\b",
    "reminder": (
        r"\b(follow(ing)?[- ]up on|remind\w*|nudge|bump\w*|circling back|resurfac\w+|(my|the) (last|previous|earlier)"
        r" (note|email|message)|haven'?t heard|checking in (on|about)|just checking in|resend\w*"
        r"|in case (it|this|my \w+) (got|slipped|was)|wanted to (follow|circle) (up|back))\b"
    ),
    "recent": (
        r"\b(last night|yesterday|(mon|tues|wednes|thurs|fri|satur|sun)day"
        r"|this (morning|afternoon|evening|week)|earlier today|today|tonight|last (evening|week))\b"
    ),
    "event": (
        r"\b(meetup|meet-up|conference|con|talk|workshop|panel|event|summit|fair|hackathon|webinar"
        r"|session|dinner|mixer|reception|booth|lecture|seminar|symposium|convention|expo|gathering"
        r"|festival|launch party|open day|open house|gig|concert|recital)s?\b"
    ),
    "conversation": (
        r"\b(met|meeting you|chat(ted|ting)?|conversation|talk(ed|ing) (with|to)|spoke"
        r"|speaking (with|to)|to meet you)\b"
    ),
    "recruiting-role": r"\b(recruit\w*|talent|hiring manager|head of hiring|sourcer)\b",
    "research-role": (
        r"\b(professor|prof\.?|lecturer|(?<!ux )(?<!user )(?<!market )researcher|postdoc\w*|research (fellow|scientist)"
        r"|principal investigator|PhD (student|candidate))\b"
    ),
    "outcome": (
        r"\b(I|we)('ve| have)?( just| finally| officially| \w+ly)? (accepted (an?|the|their) \w+|landed|shipped"
        r"|launched|published|defended|passed|won(?!['’]t)|was hired"
        r"|got (into|in|accepted|promoted|hired|funded|the (job|offer"
        r"|role|position|place|grant|part|seat|contract|scholarship)|(the|an?|my)( \w+){1,2} (job|offer|role|position"
        r"|place|grant|part|seat|contract|scholarship)))\b"
        r"|\bI('m| am) starting\b|\bI start (at|in|on|my)\b|\bgood news\b|\b(it|that) (worked|paid off)\b"
        r"|\b(happy|glad|excited|thrilled) to (share|report|tell you|let you know) that\b"
    ),
    "sharing": (
        r"https?://|\b(thought of you|made me think of you|came across|you might (like|enjoy|find)"
        r"|in case (it'?s|it is) (useful|handy|helpful)|sharing (this|a|an|the))\b"
    ),
    "thanks": r"\bthank(s| you)\b",
}
_CUE = {name: re.compile(source, re.I) for name, source in _CUE_SOURCES.items()}
# Signals read straight from the draft's own text by the pattern of the same name.
_TEXT_SIGNALS = ("reminder", "outcome", "sharing")
_PAIR = re.compile(r"[A-Z][\w'.-]+\s*(,|and|&|\+)\s*[A-Z][\w'.-]+|\b(both|you two|all)\b")
# Kinds of ask (intents) that put a draft in a situation a template is written for.
_ASK_SIGNALS = {"meeting": "meeting", "introduction": "intro-ask"}
NAMING_DETERMINERS = WordSet("situation", "naming-determiners")
PRESENTING_VERBS = WordSet("situation", "presenting-verbs")


@dataclass(frozen=True)
class Situation:
    """How a draft reads for choosing a template: its kind, channel, recipient type and signals."""

    kind: str
    channel: str
    recipient: str | None
    signals: frozenset[str]


def situation(reading: "Reading") -> Situation:
    """The draft's situation, read once from the same parse and asks the rules use."""
    message = reading.message
    recipient = recipient_type(message)
    return Situation(message.kind, message.channel, recipient, _signals(reading, recipient))


def signals(reading: "Reading") -> frozenset[str]:
    """The situations this draft is in, read from its metadata, its asks and its own text (not quoted history)."""
    return situation(reading).signals


def _signals(reading: "Reading", recipient: str | None) -> frozenset[str]:
    message = reading.message
    text = message.text
    found = {name for name in _TEXT_SIGNALS if _CUE[name].search(text)}
    asks = reading.asks
    found |= {_ASK_SIGNALS[kind] for ask in asks for kind in ask.kinds if kind in _ASK_SIGNALS}
    opening = message.section("body").strip().split("\n\n", 1)[0]
    detectors: dict[str, Callable[[], bool]] = {
        "hiring": lambda: _about_a_role(reading, asks),
        "collaboration": lambda: _proposes(reading, asks),
        "thanks-first": lambda: bool(_CUE["thanks-first"].search(opening)) and not _CUE["reminder"].search(text),
        "research": lambda: recipient == "researcher" or bool(_CUE["research-text"].search(text))
        or any(_CUE["research-work"].match(work) for work in message.to.work),
        "shared": lambda: bool(message.to.shared) or message.to.type == "alumni" or bool(_CUE["shared"].search(text)),
        "networking": lambda: message.channel == "linkedin" or bool(_CUE["networking"].search(text)),
        "short-note": lambda: message.subject is None and len(message.section("message").strip()) <= SHORT_NOTE,
        "thread": lambda: message.previous is not None or bool(message.context)
        or bool(re.match(r"\s*re:", message.subject or "", re.I)),
        "event": lambda: all(_CUE[cue].search(text) for cue in ("recent", "event", "conversation")),
        "thanks": lambda: bool(_CUE["thanks"].search(message.section("body"))),
        "two-sided": lambda: bool(_PAIR.search(message.section("greeting"))) or _addressees(message) > 1,
    }
    for name, detect in detectors.items():
        if detect():
            found.add(name)
    found.add("no-meeting" if "meeting" not in found else "meeting")
    found.add("one-sided" if "two-sided" not in found else "two-sided")
    return frozenset(found)


def _proposes(reading: "Reading", asks) -> bool:
    """Whether the draft pitches something of value to both: a proposal, an offer it leads with, or a demo."""
    text = reading.message.text
    if _CUE["collaboration"].search(text) or all(_CUE[cue].search(text) for cue in ("built", "offered")):
        return True
    body = reading.message.sections.get("body", (0, len(text)))
    body_asks = [ask for ask in asks if ask.start >= body[0]]
    if not body_asks:
        return False
    first_ask = min(ask.start for ask in body_asks)
    # An offer made before anything is asked is the point of the message, not something given in return.
    if any(offer.end <= first_ask for offer in reading.offers):
        return True
    meetings = [reading.doc.char_span(a.start, a.end, alignment_mode="expand") for a in asks if "meeting" in a.kinds]
    return any(_presents(span) for span in meetings if span is not None)


def _about_a_role(reading: "Reading", asks) -> bool:
    """A job ask, or a question about a named opening ("Is the role open to ...?"), is about a role they fill."""
    job_asks = [reading.doc.char_span(a.start, a.end, alignment_mode="expand") for a in asks if "job" in a.kinds]
    questions = [piece for piece in reading.pieces if language.is_question(piece)]
    # "In your role as planner, ..." is a prepositional object: their job, not an opening.
    return any(_names_role(span) for span in job_asks if span is not None) or any(
        _names_role(piece, not_in=("pobj",)) for piece in questions)


def _names_role(span, not_in: tuple[str, ...] = ()) -> bool:
    return any(token.lemma_.lower() in JOB_NOUNS and token.dep_ not in not_in
               and any(child.lower_ in NAMING_DETERMINERS for child in token.children) for token in span)


def _presents(span) -> bool:
    # "... a call so I can walk you through our plan": the writer shows their offer, rather than asks to learn.
    return any(token.lemma_ in PRESENTING_VERBS
               and not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in token.children)
               and any(c.dep_ in ("prt", "prep") and c.lower_ in ("through", "over") for c in token.children)
               for token in span)


def recipient_type(message: Message) -> str | None:
    """`to.type`, else a type read from `to.role` or the greeting; any other known role is a practitioner's."""
    if message.to.type:
        return message.to.type
    known = " ".join(filter(None, (message.to.role, message.section("greeting"))))
    if _CUE["recruiting-role"].search(known):
        return "hiring-manager" if re.search(r"hiring manager", known, re.I) else "recruiter"
    if _CUE["research-role"].search(known):
        return "researcher"
    return "practitioner" if message.to.role else None


def _addressees(message: Message) -> int:
    raw = message.meta.get("to")
    if isinstance(raw, str):
        return len([part for part in raw.split(",") if "@" in part]) or 1
    return 1


