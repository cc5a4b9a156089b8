"""What a message leans on instead of a reason: the writer's need of this one reply, or some unnamed future gain."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...understanding import clauses as language
from ...understanding.lexicon import WordSet
from .base import Context
from .pressure import _ClauseCheck

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

RESORT_NOUNS = WordSet("appeals", "resort-nouns")
RESORT_MODALS = WordSet("appeals", "resort-modals")
GIVING_UP_VERBS = WordSet("appeals", "giving-up-verbs")
GIVING_UP_STATES = WordSet("appeals", "giving-up-states")
REFUSAL_WORDS = WordSet("appeals", "refusal-words")

INDEFINITES = WordSet("appeals", "indefinites")
COMING_VERBS = WordSet("appeals", "coming-verbs")
CONTACT_LEMMAS = WordSet("appeals", "contact-lemmas")
CROWD_WORDS = WordSet("appeals", "crowd-words")
MEETING_VERBS = WordSet("appeals", "meeting-verbs")


class LastResort(_ClauseCheck):
    """Fires where the writer makes the reader their last resort or ties giving up to the reader's no.

    "You're the last person I can ask", "my last hope", "if you say no I'm done with music":
    the weight of the writer's situation put on one reply.
    """

    def found(self, ctx: Context) -> Iterator[tuple["Token", "Token"]]:
        for sent in language.sentences(ctx.doc, ctx.scope):
            for token in sent:
                if token.lower_ == "last" and token.dep_ == "amod" and self._the_resort(token.head):
                    yield token, token.head
            refusal = self._refusal_condition(sent)
            if refusal is not None:
                for token in sent:
                    if self._gives_up(token):
                        # "give up" ends on its particle
                        end = max((c for c in token.children if c.dep_ == "prt"), key=lambda t: t.i, default=token)
                        yield min(refusal, token, key=lambda t: t.i), max(refusal, end, key=lambda t: t.i)

    @staticmethod
    def _the_resort(noun: "Token") -> bool:
        # "the last sommelier I can ask": whoever the noun, what is left to the writer makes it a resort,
        # unlike "the last talk I saw", which only orders in time
        left_to_writer = any(c.dep_ == "relcl" and any(a.dep_ == "aux" and a.lower_ in RESORT_MODALS
                                                       for a in c.children) for c in noun.children)
        if noun.lemma_.lower() not in RESORT_NOUNS and not left_to_writer:
            return False
        if any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in noun.children):
            return True  # "my last hope"
        # "You're (honestly) the last person I can think of to ask"
        return noun.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in ("you", "this", "it")
                                           for c in noun.head.children)

    @staticmethod
    def _refusal_condition(sent: "Span") -> "Token | None":
        """The verb of an "if you say no / can't help" clause in the sentence, if it has one."""
        for token in sent:
            if token.lower_ != "if" or token.dep_ != "mark":
                continue
            head = token.head
            # "if you say no, ...": the parser often hangs the "no" on the main verb, so read on one word
            clause = token.doc[token.i:min(head.right_edge.i + 2, sent.end)]
            if any(t.lower_ == "you" for t in clause) and any(t.lower_ in REFUSAL_WORDS for t in clause):
                return head
        return None

    @staticmethod
    def _gives_up(token: "Token") -> bool:
        subject = language.clause_subject(token)
        if subject is None or subject.lower_ not in ("i", "we"):
            return False
        if token.lemma_ in GIVING_UP_VERBS or token.lemma_ == "give" and any(c.lower_ == "up" for c in token.children):
            return True
        # "I'm done with music (for good)", not "I'll be done by five"
        return token.lower_ in GIVING_UP_STATES and any(c.lower_ in ("with", "for") for c in token.children)


class UnnamedFutureGain(_ClauseCheck):
    """Fires where the reason for contact is people met for their own sake or a gain no one names.

    "whatever comes up later on", "you never know what might come of it", "be in touch in case
    there's a chance down the line", "meet as many people as I can", "get to know more of the coaches".
    """

    def found(self, ctx: Context) -> Iterator[tuple["Token", "Token"]]:
        for sent in language.sentences(ctx.doc, ctx.scope):
            coming = [t for t in sent if self._indefinite_coming(t)]
            horizons = [t for t in sent if self._horizon(t)]
            contact = any(t.lemma_.lower() in CONTACT_LEMMAS for t in sent)
            for token in coming if horizons or contact else []:
                yield token.left_edge, token.right_edge
            spans = [(t.left_edge, t.right_edge) for t in (coming if horizons or contact else [])]
            # a horizon inside "whatever comes up down the road" is already in that span
            spans += [(t.head if t.head.i < t.i else t, t) for t in (horizons if coming or contact else [])
                      if not any(low.i <= t.i <= high.i for low, high in spans)]
            yield from spans
            for token in sent:
                crowd = self._crowd_met(token) if token.lemma_ in MEETING_VERBS else None
                if crowd is not None:
                    yield token, crowd

    @staticmethod
    def _indefinite_coming(token: "Token") -> bool:
        """ "whatever comes up", "what might come of it", "in case anything arises"."""
        return token.lemma_ in COMING_VERBS and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in INDEFINITES for c in token.children)

    @staticmethod
    def _horizon(token: "Token") -> bool:
        """ "down the road", "down the line", "later on", "some day", "one day"."""
        lower = token.lower_
        if lower in ("road", "line") and token.dep_ == "pobj" and token.head.lower_ == "down":
            return True
        if lower == "on" and token.head.lower_ == "later":
            return True
        return lower in ("day", "someday") and any(c.lower_ in ("some", "one") for c in token.children) or lower == "someday"

    @staticmethod
    def _crowd_met(verb: "Token") -> "Token | None":
        """The crowd in "meet as many people as I can", "get to know more of the coaches", "connect with other agents"."""
        for obj in verb.children:
            if obj.dep_ == "prep" and obj.lower_ == "with":
                obj = next((g for g in obj.children if g.dep_ == "pobj"), obj)
            elif obj.dep_ != "dobj":
                continue
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if obj.lower_ in CROWD_WORDS and of is not None:
                return max(of.subtree, key=lambda t: t.i)  # "more of the coaches"
            if obj.tag_ == "NNS" and any(c.lower_ in CROWD_WORDS for c in obj.children):
                return obj  # "as many people", "other agents"
        return None
