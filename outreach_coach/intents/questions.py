"""Questions and topics: whether a message names what it wants to discuss, and which questions are too broad."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import language as lang
from .asking import ADVICE_NOUNS, is_person
from .meetings import MEETING_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

TOPIC_VERBS = frozenset({
    "ask", "discuss", "learn", "understand", "hear", "know", "cover", "talk", "chat", "go", "run", "walk", "get",
    "pick", "question", "explore", "review", "compare",
})
TOPIC_HEADS = frozenset({
    "thought", "view", "take", "advice", "question", "input", "feedback", "perspective", "insight", "opinion",
    "tip", "guidance", "call", "chat", "conversation", "meeting", "coffee", "brain", "minute", "time", "more",
}) | TOPIC_VERBS
TOPIC_PREPS = frozenset({"about", "on", "regarding", "re", "around", "concerning"})
NOT_TOPICS = MEETING_NOUNS | frozenset({"zoom", "phone", "week", "day", "team", "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "weekend", "calendar", "way", "own"})
# Words that make a sentence state what the writer wants to find out ("I'm curious about...").
ASKING_WORDS = frozenset({"question", "interested", "curious", "keen", "eager"})


def names_agenda(piece: "Span", is_meeting: bool) -> bool:
    """Whether a sentence says what specifically to discuss: a topic, a pointed question, a list item."""
    if any(t.lower_ in lang.GENERIC_MARKERS for t in piece):
        return False
    asking = lang.is_request(piece) or any(t.lemma_ in ASKING_WORDS for t in piece)
    if asking and any(_names_topic(t) for t in piece):
        return True
    question = lang.is_question(piece)
    if not is_meeting and (question or piece[0].lower_ in lang.WH_WORDS - {"if"}) and (
            lang.asks_about_their_own(piece) or question and _pointed_question(piece)):
        return True
    return _list_item(piece) and lang.is_specific_topic(piece.root)


def _pointed_question(piece: "Span") -> bool:
    """A fallback when the parse is unsure: a longer wh-question about them that is not a broad one."""
    words = [t for t in piece if t.is_alpha]
    return len(words) >= 7 and any(t.lower_ in lang.WH_WORDS - {"if"} for t in words) and any(
        t.lower_ in ("you", "your") for t in words) and not is_broad_question(piece)


def _names_topic(token: "Token") -> bool:
    head = token.head
    if token.dep_ == "prep" and token.lower_ in TOPIC_PREPS and head.lemma_ in TOPIC_HEADS:
        return any(g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() not in NOT_TOPICS and lang.is_specific_topic(g)
                   for g in token.children)
    if token.dep_ in ("dobj", "ccomp") and head.lemma_ in TOPIC_VERBS and head.lemma_ not in ("get", "pick"):
        if token.lower_ in ("you", "me", "it", "that", "this"):
            return False
        return lang.is_specific_topic(token) and (token.pos_ != "VERB" or _wh_led(token))
    return False


def _wh_led(verb: "Token") -> bool:
    return any(t.lower_ in lang.WH_WORDS for t in lang.near_subtree(verb) if t.i < verb.i)


def _list_item(piece: "Span") -> bool:
    return bool(re.match(r"^\s*(\d+[.)]|[-*•])\s+", piece.text))


def is_broad_question(piece: "Span") -> bool:
    """Whether a sentence asks an open question: any advice, how to get into a field, what to learn."""
    question = lang.is_question(piece)
    for token in piece:
        lemma = lang.lemma_of(token)
        if lemma not in OPEN_QUESTION_WORDS or not lang.is_writers_own(token, piece):
            continue
        if lemma in ADVICE_NOUNS and (question or any(c.lower_ == "any" for c in token.children)
                                      or lang.is_request(piece)):
            if not any(lang.is_specific_topic(o) for o in _advice_topics(token)):
                return True
        if not question or token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        wh = piece[0].lower_ in lang.WH_WORDS or _wh_led(token) or any(
            c.lower_ in lang.WH_WORDS for c in token.children)
        # "How have you been?" is a greeting, not a question about a career.
        asker = subjects[0].lower_ in ("i", "you", "we") if subjects else _infinitive(token)
        if wh and asker and lemma in lang.CAREER_VERBS - {"be"}:
            if not lang.is_specific_clause(token):
                return True
        if lemma in ("tell", "think", "say") and any(c.lower_ == "you" for c in token.children):
            topics = [g for c in token.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"of"}
                      for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if topics and not any(lang.is_specific_topic(t) for t in topics):
                return True
        if lemma in ("be", "look") and any(c.lower_ == "like" for c in token.children) and wh:
            return True
    if question and any(_field_outlook(t) for t in piece):
        return True
    return question and piece[0].lower_ == "what" and any(_what_is_it_like(t) for t in piece)


def _advice_topics(advice: "Token") -> list["Token"]:
    """What advice is asked about, leaving out whom it is for ("tips for someone starting out" has no topic)."""
    return [o for o in lang.topic_objects(advice)
            if not (o.dep_ == "pobj" and o.head.lower_ == "for" and is_person(o))]


def _field_outlook(noun: "Token") -> bool:
    """ "What's the job outlook for...", "How does the market for... look?": a field's prospects, not theirs."""
    verb = noun.head
    if noun.lemma_ not in OUTLOOK_NOUNS or noun.dep_ not in ("nsubj", "attr") or verb.lemma_ not in ("be", "look"):
        return False
    if any(c.dep_ == "poss" for c in noun.children) or not lang.is_writers_own(noun, noun.sent):
        return False
    wh = any(c.lower_ in lang.WH_WORDS - {"if", "whether"} for c in verb.children)
    return wh and not any(lang.is_specific_topic(o) for o in _advice_topics(noun))


# A field's prospects: the same answer for everyone who asks.
OUTLOOK_NOUNS = frozenset({"outlook", "market", "prospect", "demand"})
# The words an open question turns on: advice nouns, verbs of getting on, "tell me about", "like".
OPEN_QUESTION_WORDS = ADVICE_NOUNS | lang.CAREER_VERBS | {"tell", "think", "say"}


def _infinitive(verb: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _what_is_it_like(token: "Token") -> bool:
    """ "What is it like to...", "What does the job look like?" (however the parser hangs "like")."""
    if token.lower_ != "like":
        return False
    return token.head.lemma_ in ("be", "look", "feel") or any(c.lemma_ == "be" for c in token.children)
