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
# Going through material together: "go over the counts", "walk me through your setup" ("talk over coffee" is not).
MATERIAL_PREPS = frozenset({"over", "through"})
MATERIAL_VERBS = frozenset({"go", "walk", "run", "talk", "take", "look"})
# Verbs of holding a view: "what you think about X" is as specific as X is.
OPINION_VERBS = frozenset({"think", "feel", "see"})
# Wh-words that open a clause of time, place or condition ("when you have a window"), not a question.
SETTING_WH = frozenset({"when", "where", "if"})
NOT_TOPICS = MEETING_NOUNS | frozenset({"zoom", "phone", "week", "day", "team", "monday", "tuesday", "wednesday",
                                        "thursday", "friday", "weekend", "calendar", "way", "own"})
# Words that make a sentence state what the writer wants to find out ("I'm curious about...").
ASKING_WORDS = frozenset({"question", "interested", "curious", "keen", "eager"})


def names_agenda(piece: "Span", is_meeting: bool) -> bool:
    """Whether a sentence says what specifically to discuss: a topic, a pointed question, a list item."""
    if any(t.lower_ in lang.GENERIC_MARKERS for t in piece):
        return False
    asking = is_meeting or lang.is_request(piece) or any(t.lemma_ in ASKING_WORDS for t in piece)
    if asking and (any(_names_topic(t) for t in piece) or _embedded_question(piece)):
        return True
    question = lang.is_question(piece)
    if not is_meeting and (question or piece[0].lower_ in lang.WH_WORDS - {"if"}) and (
            lang.asks_about_their_own(piece) or question and _pointed_question(piece)):
        return True
    return _list_item(piece) and lang.is_specific_topic(piece.root)


def _embedded_question(piece: "Span") -> bool:
    """A pointed question put inside the request: "a call to ask how you sized the tanks", "one thing: which dye"."""
    for token in piece:
        if token.i == piece.start or token.lower_ not in lang.WH_WORDS - {"if"}:
            continue
        # "which paste you use": the wh-phrase, not its determiner, sits in the clause.
        token = token.head if token.dep_ == "det" else token
        clause = token.head
        if clause.pos_ in ("VERB", "AUX") and (token.dep_ in ("advmod", "mark") or clause.i > token.i):
            if clause.dep_ == "advcl" and token.lower_ in SETTING_WH:
                continue
            if _pointed_clause(clause):
                return True
        elif token.pos_ == "PRON" and lang.is_specific_topic(token):
            # "which of the two you would do first": the pronoun's own phrase says what is asked.
            return True
    return False


def _pointed_clause(verb: "Token") -> bool:
    if lang.lemma_of(verb) in OPINION_VERBS:
        return any(lang.is_specific_topic(o) for o in _clause_objects(verb))
    return lang.is_specific_clause(verb)


def _clause_objects(verb: "Token") -> list["Token"]:
    return [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ in ("pobj", "pcomp")] + [
        c for c in verb.children if c.dep_ in ("dobj", "ccomp") and c.lower_ not in lang.WH_WORDS]


def _pointed_question(piece: "Span") -> bool:
    """A fallback when the parse is unsure: a longer wh-question about them that is not a broad one."""
    words = [t for t in piece if t.is_alpha]
    return len(words) >= 7 and any(t.lower_ in lang.WH_WORDS - {"if"} for t in words) and any(
        t.lower_ in ("you", "your") for t in words) and not is_broad_question(piece)


def _names_topic(token: "Token") -> bool:
    head = token.head
    if token.dep_ == "prep" and (token.lower_ in TOPIC_PREPS and head.lemma_ in TOPIC_HEADS
                                 or token.lower_ in MATERIAL_PREPS and head.lemma_ in MATERIAL_VERBS):
        return any(g.dep_ in ("pobj", "pcomp") and g.lemma_.lower() not in NOT_TOPICS and (
            _pointed_clause(g) if g.pos_ in ("VERB", "AUX") else lang.is_specific_topic(g)) for g in token.children)
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
    """Whether a sentence asks an open question: any advice, how to get into a field, what to learn.

    Put as a question or as a request ("I'd love to hear what it takes to..."); the open part is
    advice on nothing in particular, getting on in a field (whoever does it), the reader's view
    of a field, or a judgement of a career move ("is now a good time to get into...").
    """
    question = lang.is_question(piece)
    asking = question or lang.is_request(piece)
    for token in piece:
        lemma = lang.lemma_of(token)
        if lemma not in OPEN_QUESTION_WORDS or not _meant(token, piece):
            continue
        if lemma in ADVICE_NOUNS and _advice_asked_for(token, question, piece) and not lang.is_reported(token, piece):
            if not any(lang.is_specific_topic(o) for o in _advice_topics(token)):
                return True
        if not asking or token.pos_ not in ("VERB", "AUX"):
            continue
        wh = _asks_wh(token, piece)
        if lemma in lang.CAREER_VERBS - {"be"} and (wh and _anyones_doing(token) or question and _judged_move(token)):
            return True
        if lemma in ("tell", "think", "say") and any(c.lower_ == "you" for c in token.children):
            topics = [g for c in token.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"of"}
                      for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if topics and not any(lang.is_specific_topic(t) for t in topics):
                return True
        if wh and lemma in RANKING_VERBS and not _names_something_specific(piece):
            return True
        if lemma in ("be", "look") and any(c.lower_ == "like" for c in token.children) and wh:
            return True
    if question and any(_field_outlook(t) for t in piece):
        return True
    return question and piece[0].lower_ == "what" and any(_what_is_it_like(t) for t in piece)


def _meant(token: "Token", piece: "Span") -> bool:
    """The writer's own words, not negated, set aside or supposed; who does the asked-about thing is weighed apart."""
    return not (lang.is_negated(token) or lang.in_contrast_phrase(token, piece)
                or lang.is_own_hypothetical(token, piece))


def _asks_wh(verb: "Token", piece: "Span") -> bool:
    """Whether a wh-word asks about the verb's clause; "if you have time", "when you get a chance" set a scene."""
    if piece[0].lower_ in lang.WH_WORDS - {"if"}:
        return True
    # "whether I look like a fit" asks a yes or no of the writer's case, not how one gets on.
    words = (*(t for t in lang.near_subtree(verb) if t.i < verb.i), *verb.children)
    return any(t.lower_ in lang.WH_WORDS - SETTING_WH - {"whether"} for t in words)


def _anyones_doing(verb: "Token") -> bool:
    """Whether a clause asks how anyone gets on, not about one specific thing: "what does a translator do",
    "what it takes to get hired", "how did you get into falconry" (but not "how did you get the mews dry").

    When the doer is anyone at all ("a curator", "someone like me"), the answer is general practice
    whatever the object, unless it is the reader's own ("how does a curator use your catalogue").
    "How have you been?" is a greeting, not a question about a career: "be" is left out by the caller.
    """
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[0] if subjects else None
    if subject is None and not _infinitive(verb):
        return False
    if subject is not None and _anyone(subject):
        return not any(t.lower_ in ("you", "your", "yours") for t in lang.near_subtree(verb))
    # "What does it take to...": "it" stands for the infinitive that follows; "how it goes" is about a thing.
    dummy_it = subject is not None and subject.lower_ == "it" and any(c.dep_ == "xcomp" for c in verb.children)
    if subject is not None and subject.lower_ not in WRITER_OR_READER and not dummy_it:
        return False
    return not lang.is_specific_clause(verb)


def _anyone(subject: "Token") -> bool:
    """ "someone like me", "a curator", "translators": anyone of a kind, not "the team" or "your editor"."""
    if subject.lower_ in ANYONE:
        return True
    return subject.pos_ == "NOUN" and is_person(subject) and not any(
        c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in lang.SPECIFIC_DETERMINERS for c in subject.children)


def _judged_move(verb: "Token") -> bool:
    """ "Is now a good time to get into...", "Is it worth learning...": a career move put up for judgement.

    Not "would you be willing to look over...": there the frame says how a person stands, not how good the move is.
    """
    frame = verb.head
    if not (_infinitive(verb) or verb.tag_ == "VBG") or frame.dep_ not in ("attr", "acomp"):
        return False
    if frame.head.lemma_ != "be":
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that", "now") for c in frame.head.children)


def _names_something_specific(piece: "Span") -> bool:
    return any(t.pos_ in ("NOUN", "PROPN") and lang.is_specific_topic(t) for t in piece)


def _advice_asked_for(advice: "Token", question: bool, piece: "Span") -> bool:
    """Whether advice is asked for ("any tips?", "I'd welcome your advice"), not given already ("I tried your tips")."""
    if question or any(c.lower_ == "any" for c in advice.children):
        return True
    verb = advice.head.head if advice.dep_ == "pobj" else advice.head
    return lang.is_request(piece) and lang.lemma_of(verb) in SEEKING_VERBS


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
# Who asks about their own getting on ("how do I...", "how did you...").
WRITER_OR_READER = frozenset({"i", "you", "we"})
# Anyone at all: the question is about general practice ("how does someone like me...").
ANYONE = frozenset({"one", "someone", "anyone", "people", "somebody", "anybody"})
# Verbs that rank what helps in general ("which skills matter most"): the same answer for everyone.
RANKING_VERBS = frozenset({"matter", "count"})
# Verbs by which advice is asked for or given: "I'd welcome your advice", "could you share some tips".
SEEKING_VERBS = lang.WANT_LEMMAS | {"welcome", "give", "share", "have", "get", "offer", "seek", "ask", "pass", "be"}
# The words an open question turns on: advice nouns, verbs of getting on, "tell me about", "like", ranking.
OPEN_QUESTION_WORDS = ADVICE_NOUNS | lang.CAREER_VERBS | RANKING_VERBS | {"tell", "think", "say"}


def _infinitive(verb: "Token") -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _what_is_it_like(token: "Token") -> bool:
    """ "What is it like to...", "What does the job look like?" (however the parser hangs "like")."""
    if token.lower_ != "like":
        return False
    return token.head.lemma_ in ("be", "look", "feel") or any(c.lemma_ == "be" for c in token.children)
