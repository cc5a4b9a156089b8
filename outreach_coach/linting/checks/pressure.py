"""Pressure on the reader, read from the clause: deadlines set on their answer, and their silence held against them."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...inputs.sections import quoted_spans
from ...understanding import clauses as language
from ...understanding.lexicon import WordSet
from .base import Check, Context, Hit
from .combine import AnyOf
from .matching import FILTER_PARAMS, MatchFilter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span, Token

LIMIT_PREPOSITIONS = WordSet("pressure", "limit-prepositions")
TIME_WORDS = WordSet("pressure", "time-words")
NEAR_TIMES = WordSet("pressure", "near-times")
DAY_OF_MONTH = re.compile(r"^\d{1,2}(st|nd|rd|th)$")
# Wants that, with an object, put the writer's demand on the reader ("I want an answer by Monday").
DEMAND_VERBS = language.DEMAND_LEMMAS
URGENCY_NOUNS = WordSet("pressure", "urgency-nouns")
ASKING_MODALS = WordSet("pressure", "asking-modals")
OBLIGING_VERBS = WordSet("pressure", "obliging-verbs")

MESSAGE_NOUNS = WordSet("pressure", "message-nouns")
MESSAGE_VERBS = WordSet("pressure", "message-verbs")
READING_VERBS = WordSet("pressure", "reading-verbs")
ORDINALS = WordSet("pressure", "ordinals")
EARLIER_WORDS = WordSet("pressure", "earlier-words")
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 3, "multiple": 3,
               "many": 3, "numerous": 3, "twice": 2}
ANSWER_NOUNS = WordSet("pressure", "answer-nouns")
GETTING_VERBS = WordSet("pressure", "getting-verbs")
NONE_WORDS = WordSet("pressure", "none-words")


def _count(token: "Token") -> int:
    if token.lower_ in COUNT_WORDS:
        return COUNT_WORDS[token.lower_]
    return int(token.text) if token.text.isdigit() else 0


def _counted(head: "Token") -> bool:
    """ "third note", "the last two pings", "four times": a number or ordinal of two or more."""
    return any(c.lower_ in ORDINALS or c.dep_ in ("nummod", "amod", "quantmod") and _count(c) >= 2
               for c in head.children)


def _the_reader(token: "Token") -> bool:
    return token.lower_ in ("you", "your") or any(c.lower_ == "your" for c in token.children)


def _writer_or_none(verb: "Token") -> bool:
    subject = language.clause_subject(verb)
    # "It's disheartening to get silence": an impersonal frame leaves the writer as the one waiting
    return subject is None or subject.lower_ in language.WRITER_PRONOUNS or subject.lower_ == "it"


class _ClauseCheck(Check):
    """A check that proposes token spans and lets the shared match filters judge them."""

    params = FILTER_PARAMS
    needs = frozenset({"dep", "lemma", "pos", "sents"})

    def __init__(self, options):
        super().__init__(options)
        self.filter = MatchFilter(self.options)

    def features(self) -> frozenset[str]:
        return self.needs | frozenset(self.filter.features())

    def prepare(self, nlp: "Language") -> None:
        self.filter.prepare(nlp)

    def run(self, ctx: Context) -> Iterator[Hit]:
        spans = sorted({(low.i, high.i + 1) for low, high in self.found(ctx)})
        for start, end in self.filter.spans(ctx, [(0, s, e) for s, e in spans]):
            yield Hit(start, end, {"match": ctx.message.text[start:end]})

    def found(self, ctx: Context) -> Iterator[tuple["Token", "Token"]]:
        raise NotImplementedError


class DeadlineDemand(_ClauseCheck):
    """Fires on a time limit set on the reader's doing: an order, the writer's demand, or "you must" by a date.

    "Send it by Friday", "I want a yes or no by the 30th", "you need to reply within 24 hours" fire;
    the writer's own deadline ("I'll send it by Friday", "I need to submit by May"), someone else's
    ("my board decides by March") and a question ("Could you reply by Friday?") do not.
    """

    def found(self, ctx: Context) -> Iterator[tuple["Token", "Token"]]:
        waived = False
        for sent in language.sentences(ctx.doc, ctx.scope):
            # "No rush: send it by Friday" names a date the writer has just said need not be kept
            waived, waived_before = _waives_urgency(sent), waived
            if language.is_question(sent) or waived or waived_before:
                continue
            for prep in sent:
                limit = self._time_limit(prep) or self._time_window(prep)
                verb = limit and self._limited_verb(prep)
                if verb is not None and self._set_on_reader(verb):
                    yield min(verb, prep, key=lambda t: t.i), max(verb, limit, key=lambda t: t.i)

    @staticmethod
    def _limited_verb(prep: "Token") -> "Token | None":
        """The verb the limit is set on; an order's first word the tagger read as a noun ("Reply by ...") counts."""
        for node in language.ancestors_and_self(prep.head):
            if node.pos_ in ("VERB", "AUX"):
                return node
        root = prep.sent.root
        opens = root.i == prep.sent.start or root.doc[root.i - 1].is_space or root.doc[root.i - 1].is_punct
        return root if opens and not any(c.dep_ in ("det", "poss") for c in root.children) else None

    @staticmethod
    def _time_window(token: "Token") -> "Token | None":
        """A time named without a preposition: "next week", "this week", "today", "tomorrow"."""
        # "next week is fine" grants time and "I expect a crowd this week" predicts; neither presses
        if token.dep_ != "npadvmod" or token.lower_ not in NEAR_TIMES or token.head.lemma_ in ("be", "expect"):
            return None
        near = token.lower_ in ("today", "tonight", "tomorrow") or any(c.lower_ in ("next", "this") for c in token.children)
        return token if near else None

    @staticmethod
    def _time_limit(prep: "Token") -> "Token | None":
        """The time word ending "by Friday", "before the 30th", "no later than noon", if the preposition sets one."""
        if not (prep.lower_ in LIMIT_PREPOSITIONS or prep.lower_ == "than" and prep.head.lower_ == "later"):
            return None
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            words = [obj, *obj.children]
            if any(w.lower_ in TIME_WORDS or w.lemma_.lower() in TIME_WORDS or DAY_OF_MONTH.match(w.lower_)
                   for w in words):
                return obj.doc[max(w.i for w in language.near_subtree(obj))]
        return None

    @staticmethod
    def _set_on_reader(verb: "Token") -> bool:
        if any(c.lower_ in ASKING_MODALS for c in verb.children if c.dep_ == "aux"):
            return False
        subject = language.clause_subject(verb)
        if subject is None:  # an order: "Send it by Friday" (the tagger reads some as present tense)
            return verb.tag_ in ("VB", "VBP", "NN") and not any(c.dep_ == "aux" for c in verb.children)
        if subject.lower_ in ("i", "we"):
            # "I want an answer by Monday", not "I need to finish by Monday" (the writer's own doing)
            return verb.lemma_ in DEMAND_VERBS and not any(c.dep_ == "xcomp" for c in verb.children)
        if subject.lower_ == "you":  # "you must reply by Monday", "you need to send it by noon"
            return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children) or (
                verb.dep_ == "xcomp" and verb.head.lemma_ in OBLIGING_VERBS)
        return False


def _waives_urgency(sent: "Span") -> bool:
    """ "no rush", "no hurry at all", "no pressure": the writer lifting the urgency off the reader."""
    return any(t.lemma_.lower() in URGENCY_NOUNS and any(c.lower_ == "no" for c in t.children) for t in sent)


class ReaderSilence(_ClauseCheck):
    """Fires where the writer holds the reader's silence against them.

    Counting the unanswered messages ("my third note", "opened four times"), remarking that no
    answer came ("not so much as an acknowledgement", "zero response", "what it takes to get a
    reply"), or saying the writer knows the message reached them ("I know you saw it").
    """

    def found(self, ctx: Context) -> Iterator[tuple["Token", "Token"]]:
        for sent in language.sentences(ctx.doc, ctx.scope):
            for token in sent:
                if self._counts_attempts(token) or self._remarks_silence(token) or _nothing_back(token):
                    yield _phrase_start(token), token
                elif self._knows_it_arrived(token):
                    yield token, token

    @staticmethod
    def _counts_attempts(token: "Token") -> bool:
        lemma = token.lemma_.lower()
        if lemma in MESSAGE_NOUNS:
            # "my third note", "the last two pings"; not "two notes from the archive"
            return any(c.lower_ in ORDINALS for c in token.children) or _counted(token) and any(
                c.lower_ in EARLIER_WORDS for c in token.children)
        if lemma == "time":
            ordinal = any(c.lower_ in ORDINALS for c in token.children)
            if ordinal and any(c.dep_ == "relcl" and c.lemma_ in MESSAGE_VERBS for c in token.children):
                return True  # "the third time I'm writing"
            return _counted(token) and token.dep_ == "npadvmod" and _messaged_reader(token.head)
        return token.lower_ == "twice" and _messaged_reader(token.head)

    @staticmethod
    def _remarks_silence(token: "Token") -> bool:
        if token.lemma_.lower() not in ANSWER_NOUNS:
            return False
        head = token.head
        none_said = any(c.lower_ in NONE_WORDS for c in token.children)
        if head.lower_ == "with" and none_said or head.lower_ == "without" and _time_passed(head.head):
            return True  # "five weeks with zero response", "it's been a month without a reply"
        if head.lower_ == "as" and head.head.lower_ == "much":
            head = head.head.head  # "not so much as an acknowledgement"
        if head.lemma_ not in GETTING_VERBS or token.dep_ not in ("dobj", "pobj", "nsubjpass") or not _writer_or_none(head):
            return False
        if token.lemma_ != "silence" and any(c.dep_ == "prep" and c.lower_ == "from" and not any(
                _the_reader(g) for g in c.children) for c in (*token.children, *head.children)):
            return False  # "no reply from the county": someone else's silence
        asked_what_it_takes = any(n.lemma_ in ("take", "do") and any(c.lower_ == "what" for c in n.subtree)
                                  for n in list(language.ancestors_and_self(head))[1:4])
        return (token.lemma_ == "silence" or none_said or asked_what_it_takes
                or language.is_negated(head, within_clause=True))

    @staticmethod
    def _knows_it_arrived(token: "Token") -> bool:
        """ "I know you saw it", "so I know it reached you"."""
        if token.lemma_ != "know" or not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children):
            return False
        return any(c.dep_ == "ccomp" and c.lemma_ in READING_VERBS and any(
            _the_reader(g) for g in c.children if g.dep_ in ("nsubj", "dobj")) for c in token.children)


def _time_passed(verb: "Token") -> bool:
    """ "It has been three weeks": a stretch of time named as what has gone by."""
    return verb.lemma_ == "be" and any(c.dep_ in ("attr", "npadvmod") and c.lemma_ in TIME_WORDS for c in verb.children)


def _nothing_back(token: "Token") -> bool:
    """ "Nothing back yet", "I've heard nothing back": the writer noting that no answer returned."""
    if token.lower_ != "nothing":
        return False
    back = any(t.lower_ == "back" for t in (*token.children, *token.head.children))
    return back and (token.dep_ in ("ROOT", "dep") or _writer_or_none(token.head))


def _phrase_start(noun: "Token") -> "Token":
    """The first word of a noun's own phrase ("the last two pings"), never reaching across a line."""
    for child in noun.lefts:
        if child.dep_ in ("det", "amod", "nummod", "poss", "compound", "quantmod") and "\n" not in noun.doc[child.i:noun.i].text:
            return child
    return noun


def _messaged_reader(verb: "Token") -> bool:
    """Whether the verb is the writer messaging the reader, or the reader opening the message."""
    if verb.lemma_ in MESSAGE_VERBS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        return _writer_or_none(verb) and all(_the_reader(o) or o.lemma_ in MESSAGE_NOUNS for o in objects)
    return verb.lemma_ in READING_VERBS and not _writer_or_none(verb)


class OneFinding(AnyOf):
    """Like any-of, but one problem said several ways is one finding: on the sentence with most hits."""

    def run(self, ctx: Context) -> Iterator[Hit]:

        quoted = quoted_spans(ctx.message.text)
        hits = [h for h in super().run(ctx) if not any(s <= h.start and h.end <= e for s, e in quoted)]
        if not hits or ctx.doc is None:
            yield from hits[:1]
            return
        by_sentence: dict[int, list[Hit]] = {}
        for hit in hits:
            sent = ctx.doc.char_span(hit.start, hit.end, alignment_mode="expand")
            by_sentence.setdefault(sent.sent.start if sent is not None else -1, []).append(hit)
        yield max(by_sentence.values(), key=len)[0]
