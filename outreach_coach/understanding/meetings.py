"""Meeting requests: which words ask for synchronous time with the reader, and how long for."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import clauses as lang
from .lexicon import WordSet

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MEETING_NOUNS = WordSet("meetings", "meeting-nouns")
MEETING_VERBS = WordSet("meetings", "meeting-verbs")
TIME_VERBS = WordSet("meetings", "time-verbs")
TIME_NOUNS = WordSet("meetings", "time-nouns")
WRITTEN = re.compile(r"\b(over|by|via|in|through)\s+(e-?mail|reply|writing|message|text|slack|dm|linkedin)\b", re.I)
DURATION = re.compile(
    r"\b(\d+|five|ten|fifteen|twenty|thirty|forty|forty-five|sixty)(\s*(-|–|to)\s*\d+)?\s*(-|\s)?\s*"
    r"(minutes?|mins?)\b|\bhalf(\s+an|-an)?[\s-]+hour\b|\b(an|one|1)\s+hour\b|\bhour-long\b", re.I)
BOUND_CUES = re.compile(r"\b(your time|keep it|promise|no more than|at most|under|max(imum)?|limit|only)\b", re.I)
PAST_OR_TOPIC_PREPS = WordSet("meetings", "past-or-topic-preps")
WRITTEN_TASKS = WordSet("meetings", "written-tasks")


def is_meeting_word(token: "Token", piece: "Span") -> bool:
    """Whether a word asks for a meeting with the reader: a call, coffee, "pick your brain", "15 minutes"."""
    written = WRITTEN.search(piece.text) is not None
    lemma = lang.lemma_of(token)
    if lemma == "brain" and token.head.lemma_ in ("pick", "picking") or lemma in ("brain-picking", "brainpicking"):
        return not written
    if token.pos_ in ("NOUN", "PROPN") and lemma in MEETING_NOUNS:
        return _asked_for(token) and not (written and lemma in ("chat", "conversation"))
    if token.pos_ == "VERB" and lemma in MEETING_VERBS:
        if token.tag_ in ("VBD", "VBN") or any(c.dep_ == "dobj" for c in token.children):
            return False
        return not written and _with_reader_or_us(token)
    if lemma in TIME_NOUNS and token.head.lemma_ in TIME_VERBS and token.dep_ == "dobj":
        # "15 minutes to look over my draft" is time for a task, not a meeting.
        return not any(t.lemma_ in WRITTEN_TASKS for t in lang.near_subtree(token.head))
    return False


def states_duration(piece: "Span", in_subject: bool, is_meeting: bool) -> bool:
    """Whether a sentence bounds the meeting: a duration in the subject, the request, or a promise about time."""
    if not DURATION.search(piece.text):
        return False
    return in_subject or is_meeting or lang.is_request(piece) or BOUND_CUES.search(piece.text) is not None or any(
        is_meeting_word(t, piece) for t in piece)


def _asked_for(noun: "Token") -> bool:
    """Whether a meeting word names the meeting wanted, not "the coffee grinder" or "a call for papers"."""
    if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.lemma_ in ("sometime", "time", "date", "slot", "request", "invitation", "invite")
    if any(c.dep_ == "poss" and c.lower_ not in ("our",) for c in noun.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "of") and noun.lemma_ == "call" for c in noun.children):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in PAST_OR_TOPIC_PREPS)


def with_someone_else(piece: "Span") -> bool:
    """Whether the meeting asked for is with a third party ("grab lunch and talk shop with them")."""
    for token in piece:
        if token.lemma_ in MEETING_VERBS and token.pos_ == "VERB":
            partners = [g for t in _near_preps(token) if t.lower_ in ("with", "to")
                        for g in t.children if g.dep_ == "pobj"]
            if partners and not any(p.lower_ in ("you", "us") for p in partners):
                return True
    return False


def _near_preps(verb: "Token") -> list["Token"]:
    """The verb's prepositions and those of its objects ("talk about tools with them"), not of its clauses."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return preps + [c for o in objects for c in o.children if c.dep_ == "prep"]


def _with_reader_or_us(verb: "Token") -> bool:
    partners = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                for g in c.children if g.dep_ == "pobj"]
    if partners:
        return any(p.lower_ in ("you", "us") for p in partners)
    if verb.lemma_ in ("hop", "jump", "sit", "catch") and not any(c.dep_ in ("prt", "prep") for c in verb.children):
        return False
    return True
