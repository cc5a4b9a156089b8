"""What a whole message asks of the reader and what it offers, computed once per message.

Built on the sentence notions in `language.py`: each request sentence is sorted into kinds of
ask (meeting, job, introduction, advice, connect, other); meeting requests are checked for a
bounded length and an agenda; offers are the writer's own giving (work, resources, help, a bug
report), not the CV sent for review and not thanks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import language as lang

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .checks.base import Context

MEETING_NOUNS = frozenset({
    "call", "chat", "coffee", "meeting", "lunch", "breakfast", "dinner", "drink", "beer", "zoom", "conversation",
    "catch-up", "catchup", "phone", "hangout", "session", "meetup", "facetime", "videocall", "tea",
})
MEETING_VERBS = frozenset({"meet", "chat", "talk", "speak", "call", "phone", "hop", "jump", "catch", "sit", "zoom"})
TIME_VERBS = frozenset({"spare", "grab", "borrow", "steal", "have", "give", "find", "get", "take", "set"})
TIME_NOUNS = frozenset({"minute", "min", "mins", "hour", "time"})
WRITTEN = re.compile(r"\b(over|by|via|in|through)\s+(e-?mail|reply|writing|message|text|slack|dm|linkedin)\b", re.I)
DURATION = re.compile(
    r"\b(\d+|five|ten|fifteen|twenty|thirty|forty|forty-five|sixty)(\s*(-|–|to)\s*\d+)?\s*(-|\s)?\s*"
    r"(minutes?|mins?)\b|\bhalf(\s+an|-an)?[\s-]+hour\b|\b(an|one|1)\s+hour\b|\bhour-long\b", re.I)
BOUND_CUES = re.compile(r"\b(your time|keep it|promise|no more than|at most|under|max(imum)?|limit|only)\b", re.I)
JOB_NOUNS = frozenset({
    "job", "position", "opening", "role", "vacancy", "internship", "opportunity", "gig", "placement",
    "apprenticeship", "spot", "externship", "residency", "post",
})
JOB_VERBS = frozenset({"have", "be", "know", "hear", "consider", "keep", "get", "find", "land", "offer", "give", "fill"})
CV_NOUNS = frozenset({"cv", "resume", "résumé", "application", "portfolio"})
INTRO_NOUNS = frozenset({"introduction", "intro"})
ADVICE_NOUNS = frozenset({"advice", "tip", "suggestion", "guidance", "pointer", "recommendation", "wisdom", "insight"})
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
OFFER_VERBS = frozenset({
    "share", "send", "give", "show", "walk", "introduce", "connect", "help", "review", "contribute", "donate",
    "lend", "forward", "pass", "offer", "provide", "write", "add", "open", "fix", "test", "translate", "credit",
    "volunteer", "host", "refer", "mentor", "present", "demo", "run", "build", "make", "create", "turn",
    "package", "port", "draft", "report", "file", "submit", "cover", "trade", "exchange", "return", "read", "put",
})
OFFER_HEADS = frozenset({"happy", "glad", "delighted", "willing", "keen", "eager", "able", "ready", "open", "offer"})
REPORT_NOUNS = frozenset({
    "bug", "issue", "typo", "error", "mistake", "discrepancy", "request", "pr", "patch", "fix", "erratum",
    "regression", "vulnerability", "link", "inconsistency", "problem",
})
REPORT_VERBS = frozenset({"fix", "report", "open", "submit", "file", "find", "notice", "spot", "catch", "flag", "send"})
BUILT_ON_VERBS = frozenset({
    "turn", "port", "translate", "adapt", "extend", "package", "implement", "reproduce", "replicate", "benchmark",
    "test",
})
# Verbs that give only with an object: "I can connect you with...", not "I'd love to connect".
PASSING_VERBS = frozenset({"connect", "introduce", "refer", "pass", "forward", "put", "give", "run", "make", "open"})
READER_AS_OBJECT = frozenset({"help", "introduce", "connect", "refer", "show", "walk", "send", "give", "credit"})
# What the writer sends to be judged, or about themselves: sending it gives the reader nothing.
ASK_MATERIAL = CV_NOUNS | frozenset({
    "profile", "background", "availability", "time", "times", "calendar", "invite", "invitation", "question",
    "reminder", "number", "contact", "letter", "transcript", "reference", "sample", "detail", "context",
    "information", "info", "bio", "story", "experience", "myself", "schedule", "slot", "agenda", "website",
    "site", "email", "message", "note", "more", "thank", "thanks", "gratitude", "appreciation",
})
USEFUL_TO_THEM = re.compile(
    r"\b(in case (it|they|this|these|that)('s| is| are| might| could)?\s*(be\s+)?(useful|helpful|handy|help|of (use|interest))"
    r"|if (it|that|this|they)('s|'re| is| are| would| helps| help| might)?\s*(be\s+)?(useful|helpful|handy|help)"
    r"|if (useful|helpful)|(might|may|could) (be )?(useful|helpful|of (use|interest)) (to|for) you"
    r"|thought you might|made me think of you|in return|in exchange|for your (next|future|upcoming))\b", re.I)
# Words that make a sentence state what the writer wants to find out ("I'm curious about...").
ASKING_WORDS = frozenset({"question", "interested", "curious", "keen", "eager"})
WRITTEN_TASKS = frozenset({"read", "review", "look", "fill", "answer", "reply", "complete", "check", "skim", "respond"})
PEOPLE = frozenset({
    "person", "someone", "anyone", "somebody", "anybody", "whoever", "colleague", "people", "folk", "head", "lead",
    "team", "partner", "friend", "contact", "expert", "staff", "chair", "dean", "cto", "ceo", "vp", "founder",
    "boss", "nurse", "doctor", "attorney", "professor", "engineer", "artist", "chef", "coach", "mentor",
})
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
SPEAKERS = frozenset({"i", "we", "me", "us"})


@dataclass(frozen=True)
class Ask:
    """One request in the message: its kinds, and the characters of the sentence that makes it."""

    kinds: frozenset[str]
    start: int
    end: int
    sentence: "Span" = field(compare=False, repr=False)


@dataclass(frozen=True)
class Offer:
    """One thing the writer gives: the sentence that offers it."""

    start: int
    end: int


def message_pieces(ctx: "Context") -> list["Span"]:
    """The subject and body sentences of the message (cut at line breaks), parsed once."""
    scopes = [ctx.message.sections[name] for name in ("subject", "body") if name in ctx.message.sections]
    return ctx.remember("intents.pieces", lambda: lang.pieces(ctx.doc, scopes))


def asks(ctx: "Context") -> tuple[Ask, ...]:
    """The message's asks, computed once per message and shared by the rules."""
    return ctx.remember("intents.asks", lambda: tuple(_find_asks(ctx)))


def offers(ctx: "Context") -> tuple[Offer, ...]:
    """What the message offers the reader, computed once per message."""
    return ctx.remember("intents.offers", lambda: tuple(
        Offer(p.start_char, p.end_char) for p in message_pieces(ctx) if is_offer(p)))


def meeting_asks(ctx: "Context") -> tuple[Ask, ...]:
    return tuple(a for a in asks(ctx) if "meeting" in a.kinds)


def _find_asks(ctx: "Context"):
    subject = ctx.message.sections.get("subject")
    for piece in message_pieces(ctx):
        in_subject = subject is not None and piece.end_char <= subject[1]
        requested = lang.is_request(piece) or (in_subject and lang.is_question(piece))
        kinds = ask_kinds(piece, requested)
        if requested or kinds:
            yield Ask(frozenset(kinds or {"other"}), piece.start_char, piece.end_char, piece)


def ask_kinds(piece: "Span", requested: bool) -> set[str]:
    """The kinds of ask a sentence makes; job asks count even outside a request ("any job at all")."""
    kinds = set()
    own = [t for t in piece if lang.is_writers_own(t, piece)]
    if any(_job_token(t, requested) for t in own):
        kinds.add("job")
    if not requested:
        return kinds
    if any(_meeting_token(t, piece) for t in own) and not _with_someone_else(piece):
        kinds.add("meeting")
    if any(_intro_token(t) for t in own):
        kinds.add("introduction")
    if any(t.lemma_ in ADVICE_NOUNS for t in own):
        kinds.add("advice")
    if any(t.lemma_ == "connect" and _with_reader(t) for t in own):
        kinds.add("connect")
    return kinds


def _with_reader(token: "Token") -> bool:
    return any(g.lower_ == "you" for c in token.children if c.dep_ == "prep" for g in c.children) or any(
        c.dep_ == "dobj" and c.lower_ == "you" for c in token.children)


def _meeting_token(token: "Token", piece: "Span") -> bool:
    written = WRITTEN.search(piece.text) is not None
    lemma = token.lemma_.lower()
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
        return not any(t.lemma_ in WRITTEN_TASKS for t in token.head.subtree)
    return False


def _asked_for(noun: "Token") -> bool:
    """Whether a meeting word names the meeting wanted: not "the coffee grinder", "your session at the
    conference", "the minutes from the board meeting" or "a call for papers"."""
    if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in ("NOUN", "PROPN"):
        return noun.head.lemma_ in ("sometime", "time", "date", "slot")
    if any(c.dep_ == "poss" and c.lower_ not in ("our",) for c in noun.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "of") and noun.lemma_ == "call" for c in noun.children):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in ("from", "of", "at", "in", "during", "about", "after",
                                                               "before", "since"))


def _with_someone_else(piece: "Span") -> bool:
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
    if verb.lemma_ in ("hop", "jump", "sit", "catch") and not any(c.dep_ == "prt" or c.dep_ == "prep"
                                                                   for c in verb.children):
        return False
    return True


def _job_token(token: "Token", requested: bool) -> bool:
    lemma = token.lemma_.lower()
    children = list(token.children)
    if lemma == "hire":
        objects = [c for c in children if c.dep_ == "dobj"]
        if any(o.lower_ in SPEAKERS for o in objects):
            return True
        return requested and token.tag_ == "VBG" and not any(c.lower_ in lang.WH_WORDS - {"if", "whether"}
                                                             for c in token.subtree)
    if lemma == "word" and token.head.lemma_ == "put" and any(c.lower_ == "good" for c in children):
        return requested
    if lemma == "refer" and requested:
        return any(c.dep_ == "dobj" and c.lower_ in SPEAKERS for c in children)
    if lemma == "referral" and requested:
        return not any(c.dep_ == "poss" and c.lower_ != "a" for c in children)
    if lemma in ("bring", "take", "get") and any(c.lower_ in ("me", "us") for c in children) and any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "board" for g in c.children) for c in children):
        return True
    if lemma == "join" and requested and any(c.dep_ == "dobj" and any(g.lower_ == "your" for g in c.children)
                                             for c in children):
        return True
    if lemma in CV_NOUNS - {"application", "portfolio"} and requested:
        verb = token.head
        return verb.lemma_ in ("pass", "forward", "send", "share", "hand", "give", "circulate", "put") and any(
            c.dep_ in ("prep", "prt") and c.lower_ in ("to", "along", "on", "in front") for c in verb.children) \
            and not any(c.lower_ in ("you",) and c.dep_ in ("dative",) for c in verb.children)
    if lemma in JOB_NOUNS and token.pos_ == "NOUN":
        dets = {c.lower_ for c in children if c.dep_ in ("det", "amod", "poss")}
        if dets & {"your", "my", "his", "her", "their", "our"}:
            return False
        # "I've applied for the open role": the writer's own step, not an ask of the reader.
        if any(n.lemma_ in ("apply", "interview") for n in lang.clause_chain(token)):
            return False
        if "any" in dets and lemma != "opportunity":
            return True
        if not requested:
            return False
        if token.head.lower_ == "for" and token.head.head.lemma_ in ("consider", "keep", "recommend", "refer", "put"):
            return True
        return bool(dets & {"open", "available", "any", "new"}) or _on_their_team(token) or (
            token.head.lemma_ in JOB_VERBS and _theirs_or_mine(token.head))
    return False


def _theirs_or_mine(verb: "Token") -> bool:
    """Whether a verb's subject is the reader, their organisation, the writer, or none ("any roles?")."""
    for node in lang.clause_chain(verb):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "expl")]
        if subjects:
            break
    else:
        return True
    subject = subjects[0]
    return subject.lower_ in SPEAKERS | {"you", "there"} or any(c.lower_ == "your" for c in subject.children)


def _on_their_team(token: "Token") -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "at", "in", "with") and any(
        g.dep_ == "pobj" and any(x.lower_ == "your" for x in g.children) for g in c.children)
        for c in token.children)


def _person(token: "Token") -> bool:
    """Whether a word names someone: a name, a pronoun, or a word for a person ("your editor")."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("PROPN", "PRON") or lemma in PEOPLE or lemma.endswith(PERSON_ENDINGS)


def _intro_token(token: "Token") -> bool:
    lemma = token.lemma_.lower()
    children = list(token.children)
    third_party = [g for c in children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                   for g in c.children if g.dep_ == "pobj" and g.lower_ not in ("you", "yourself") and _person(g)]
    if lemma in ("introduce", "connect", "refer", "point", "direct", "put"):
        subject = [c for c in children if c.dep_ == "nsubj"]
        if subject and subject[0].lower_ in SPEAKERS:
            return False
        objects = [c for c in children if c.dep_ == "dobj"]
        if lemma == "put":
            return any(o.lower_ in ("me", "us") for o in objects) and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "touch" for g in c.children)
                for c in children)
        return any(o.lower_ in ("me", "us") for o in objects) and bool(third_party)
    if lemma in INTRO_NOUNS:
        if any(c.dep_ == "poss" for c in children) or _our_people(third_party):
            return False
        return bool(third_party) or token.head.lemma_ in ("make", "open", "be", "appreciate", "love", "welcome")
    return False


def _our_people(people: list["Token"]) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for p in people for c in p.children)


def is_offer(piece: "Span") -> bool:
    """Whether a sentence gives the reader something: the writer's work, a resource, help, a report."""
    if any(t.lemma_ in INTRO_NOUNS and _our_people([g for c in t.children if c.dep_ == "prep" for g in c.children])
           for t in piece):
        return True
    material = any(t.lemma_.lower() in CV_NOUNS for t in piece)
    if not material and (USEFUL_TO_THEM.search(piece.text) and not lang.is_request(piece) or _here_is(piece)):
        return True
    return any(_offer_verb(t, piece) for t in piece)


def _here_is(piece: "Span") -> bool:
    for token in piece:
        if token.lower_ == "here" and token.head.lemma_ == "be":
            subjects = [c for c in token.head.children if c.dep_ in ("nsubj", "attr")]
            return any(s.lemma_.lower() not in ASK_MATERIAL for s in subjects)
    return False


def _offer_verb(token: "Token", piece: "Span") -> bool:
    if token.pos_ not in ("VERB", "AUX") or not _writer_does(token) or not lang.is_writers_own(token, piece):
        return False
    if _reports(token):
        return True
    if token.lemma_ not in OFFER_VERBS:
        return False
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "attr")]
    if token.lemma_ in PASSING_VERBS and not objects:
        return False
    things = [o for o in objects if o.lower_ not in ("you", "it", "them")]
    # "add you to my network" moves the reader, it gives them nothing; "walk you through X" does.
    if objects and all(o.lower_ == "you" for o in objects) and token.lemma_ not in READER_AS_OBJECT:
        return False
    if any(o.lemma_.lower() in ASK_MATERIAL or o.lower_ in ASK_MATERIAL for o in things):
        return False
    return _offered(token)


def _reports(token: "Token") -> bool:
    """A bug found or fixed in their work, or their method carried further ("I ported your parser")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if token.lemma_ in REPORT_VERBS and any(o.lemma_.lower() in REPORT_NOUNS for o in objects):
        return True
    return token.lemma_ in BUILT_ON_VERBS and token.tag_ in ("VBD", "VBN") and any(
        g.lower_ == "your" for o in objects for g in o.children)


def _writer_does(token: "Token") -> bool:
    for node in lang.ancestors_and_self(token):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lower_ in SPEAKERS
        # "I recorded it and can send it over": coordinated verbs share the subject.
        if node.dep_ in lang.CLAUSE_BREAKS and node.dep_ != "conj":
            return False
    return False


def _offered(token: "Token") -> bool:
    for node in lang.ancestors_and_self(token):
        if any(c.dep_ == "aux" and c.lemma_ in ("can", "could", "would", "will", "shall", "might") for c in node.children):
            return True
        if node.lemma_ in OFFER_HEADS or node.lemma_ == "let":
            return True
        if node.lemma_ in ("want", "like", "love") and token.lemma_ in ("share", "send", "give", "show", "offer"):
            return True
        if node.dep_ in lang.CLAUSE_BREAKS:
            break
    return False


def is_bounded(ctx: "Context") -> bool:
    """Whether a meeting request states how long it will take ("15 minutes", "a 20-minute call")."""
    subject = ctx.message.sections.get("subject")
    meeting = {(a.start, a.end) for a in meeting_asks(ctx)}
    for piece in message_pieces(ctx):
        if not DURATION.search(piece.text):
            continue
        if subject and piece.end_char <= subject[1] or (piece.start_char, piece.end_char) in meeting:
            return True
        if lang.is_request(piece) or BOUND_CUES.search(piece.text) or any(_meeting_token(t, piece) for t in piece):
            return True
    return False


def has_agenda(ctx: "Context") -> bool:
    """Whether the message names something specific to discuss: a topic, a question or a decision."""
    meeting = {(a.start, a.end) for a in meeting_asks(ctx)}
    for piece in message_pieces(ctx):
        if any(t.lower_ in lang.GENERIC_MARKERS for t in piece):
            continue
        asking = lang.is_request(piece) or any(t.lemma_ in ASKING_WORDS for t in piece)
        if asking and any(_names_topic(t) for t in piece):
            return True
        is_meeting = (piece.start_char, piece.end_char) in meeting
        opens_wh = piece[0].lower_ in lang.WH_WORDS
        if not is_meeting and (lang.is_question(piece) or opens_wh) and (
                lang.asks_about_their_own(piece) or _pointed_question(piece)):
            return True
        if _list_item(piece) and lang.is_specific_topic(piece.root):
            return True
    return False


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
    return any(t.lower_ in lang.WH_WORDS for t in verb.subtree if t.i < verb.i)


def _list_item(piece: "Span") -> bool:
    return bool(re.match(r"^\s*(\d+[.)]|[-*•])\s+", piece.text))


def broad_questions(ctx: "Context") -> list["Span"]:
    """The questions a search, their public work, or no email could answer ("any advice?").

    "I'd welcome any advice" alongside a meeting request is what the meeting is for (an agenda
    problem); on its own it asks for advice by email.
    """
    def find() -> list["Span"]:
        meeting = bool(meeting_asks(ctx))
        return [p for p in message_pieces(ctx) if is_broad_question(p) and (lang.is_question(p) or not meeting)]
    return ctx.remember("intents.broad", find)


def is_broad_question(piece: "Span") -> bool:
    """Whether a sentence asks an open question: any advice, how to get into a field, what to learn."""
    question = lang.is_question(piece)
    for token in piece:
        if not lang.is_writers_own(token, piece):
            continue
        lemma = token.lemma_.lower()
        if lemma in ADVICE_NOUNS and (question or any(c.lower_ == "any" for c in token.children)):
            if not any(lang.is_specific_topic(o) for o in lang.topic_objects(token)):
                return True
        if not question or token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        wh = _wh_led(token) or any(c.lower_ in lang.WH_WORDS for c in token.children) or piece[0].lower_ in lang.WH_WORDS
        # "How have you been?" is a greeting, not a question about a career.
        if wh and subjects and subjects[0].lower_ in ("i", "you", "we") and lemma in lang.CAREER_VERBS - {"be"}:
            if not lang.is_specific_clause(token):
                return True
        if lemma in ("tell", "think", "say") and any(c.lower_ == "you" for c in token.children):
            topics = [g for c in token.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS | {"of"}
                      for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if topics and not any(lang.is_specific_topic(t) for t in topics):
                return True
        if lemma in ("be", "look") and any(c.lower_ == "like" for c in token.children) and wh:
            return True
    return question and piece[0].lower_ == "what" and any(_what_is_it_like(t) for t in piece)


def _what_is_it_like(token: "Token") -> bool:
    """ "What is it like to...", "What does the job look like?" (however the parser hangs "like")."""
    if token.lower_ != "like":
        return False
    return token.head.lemma_ in ("be", "look", "feel") or any(c.lemma_ == "be" for c in token.children)
