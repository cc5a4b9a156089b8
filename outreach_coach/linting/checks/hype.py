"""Self-promotion read from the clause: the writer or their work said to outdo others or to overwhelm the reader."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...understanding import clauses as language
from ...understanding.lexicon import WordSet
from .base import Context, Hit
from .pressure import _ClauseCheck

if TYPE_CHECKING:
    from spacy.tokens import Token

DEGREE_WORDS = WordSet("tone", "degree-words")
AWE_VERBS = WordSet("tone", "awe-verbs")
WRITER_OWNERS = WordSet("tone", "writer-owners")
TIME_GRADES = WordSet("tone", "time-grades")
RIVAL_WORDS = WordSet("tone", "rival-words")


def _writer_or_their_work(subject: "Token | None") -> bool:
    """ "I", "we", or a noun the writer owns ("my layouts", "our mixing desk")."""
    if subject is None:
        return False
    return subject.lower_ in ("i", "we") or any(c.dep_ == "poss" and c.lower_ in WRITER_OWNERS
                                                 for c in subject.children)


def _about_the_reader(token: "Token") -> bool:
    """ "the biggest fan of your work": the grade is the writer's regard for the reader, not a boast."""
    return any(t.lower_ in ("you", "your", "yours") for t in token.subtree)


def _rivals(than: "Token") -> bool:
    """ "than most", "than any crew", "than the big studios": a crowd of others, not "than the old build"."""
    for other in (t for t in than.subtree if t.dep_ in ("pobj", "nsubj", "dobj", "amod", "nummod") or t.head == than):
        if other.lower_ in RIVAL_WORDS or other.tag_ in ("NNS", "NNPS") or any(
                c.dep_ == "det" and c.lower_ in RIVAL_WORDS for c in other.children):
            return not any(c.lower_ in WRITER_OWNERS for c in other.children)
    return False


class SelfHype(_ClauseCheck):
    """Fires, once a message, where the writer or their work is graded above others or said to overwhelm.

    "my layouts will blow you away", "better than most of what the big studios ship", "the hungriest
    new designer in town"; not "our fix is faster than the old build" (the writer's own earlier work),
    "I'm most interested in your score" (degree, not rank) nor "the biggest fan of your work".
    """

    def run(self, ctx: Context) -> Iterator[Hit]:
        yield from list(super().run(ctx))[:1]

    def found(self, ctx: Context) -> Iterator[tuple["Token", "Token"]]:
        for sent in language.sentences(ctx.doc, ctx.scope):
            for token in sent:
                if token.lower_ in DEGREE_WORDS or not _writer_or_their_work(language.clause_subject(token)):
                    continue
                if self._graded_above(token) or self._overwhelms_reader(token):
                    yield self._span(token)

    @staticmethod
    def _span(token: "Token") -> tuple["Token", "Token"]:
        """The graded phrase ("the hungriest new percussionist in town"), or the verb to its particle ("blow you away")."""
        if token.pos_ != "VERB":
            return token.left_edge, token.right_edge
        after = [c for c in token.children if c.dep_ in ("dobj", "prt", "advmod") and c.i > token.i]
        return token, max(after, key=lambda t: t.i, default=token)

    @staticmethod
    def _graded_above(token: "Token") -> bool:
        """The predicate of a copula ("are better than most", "am the hungriest new designer")."""
        if token.dep_ not in ("acomp", "attr") or token.head.lemma_ != "be" or _about_the_reader(token):
            return False
        if token.tag_ == "JJR":
            # the parser hangs "than any crew" on the adjective or on the copula
            return any(t.lower_ == "than" and _rivals(t) for t in (*token.subtree, *token.head.children))
        return any(t.tag_ == "JJS" and t.lower_ not in DEGREE_WORDS and t.lemma_ not in TIME_GRADES
                   for t in (token, *(c for c in token.children if c.dep_ == "amod")))

    @staticmethod
    def _overwhelms_reader(verb: "Token") -> bool:
        """ "will blow you away", "will knock your socks off", "is going to wow you"."""
        return verb.lemma_ in AWE_VERBS and any(c.dep_ == "dobj" and c.lower_ in ("you", "socks")
                                               for c in verb.children)
