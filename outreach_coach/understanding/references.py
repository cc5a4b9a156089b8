"""The recipient's work as the message speaks of it: which words name one piece of it.

Notions over the spaCy parse shared by the personalisation checks: which words name a piece of
work, when "your post" is narrowed to one post (a topic, a title, a number, a section, a relative
clause saying the reader made it). Whose a thing is lives in `ownership.py`, `to.work` entries and
roles in `listed_work.py`, praise in `praise.py`.
"""
from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .clauses import DEMAND_LEMMAS
from .lexicon import WordSet
from .ownership import (
    INDEFINITE,
    MODALS,
    READER_PRONOUNS,
    TOPIC_PREPOSITIONS,
    owned_by_reader,
    possessor,
    prep_objects,
    relative_clauses,
    subject_is_reader,
    writers_own,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

WORK_NOUNS = WordSet("references", "work-nouns")
TOPIC_NOUNS = WordSet("references", "topic-nouns")
VAGUE_MODIFIERS = WordSet("references", "vague-modifiers")
SPECIFYING_PREPOSITIONS = WordSet("references", "specifying-prepositions")
NOT_SPECIFIC_OBJECTS = WordSet("references", "not-specific-objects")
PLATFORMS = WordSet("references", "platforms")
ENGAGEMENT_VERBS = WordSet("references", "engagement-verbs")
CREATION_VERBS = WordSet("references", "creation-verbs")
TELLING_VERBS = WordSet("references", "telling-verbs")
def numbered_sentences(doc: "Doc", scope: tuple[int, int]) -> Iterator[tuple[int, "Span"]]:
    """The doc's sentences that overlap a scope, each with its index in the whole doc."""
    for index, sent in enumerate(doc.sents):
        if sent.end_char > scope[0] and sent.start_char < scope[1]:
            yield index, sent


@dataclass(frozen=True)
class Reference:
    """A place where the message names a piece of the recipient's work."""

    start: int
    end: int
    sentence: int


# -- when a work noun names one piece ---------------------------------------------------------------

SECTION_NOUNS = WordSet("references", "section-nouns")
YEAR = re.compile(r"(?:19|20)\d{2}")
TIMESTAMP = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
# A release named by its number ("csvkit-lite 3.2.0", "v2.4"): one piece of a project.
VERSION = re.compile(r"v\d+(?:\.\d+)+|\d+(?:\.\d+){2,}", re.IGNORECASE)


def _modifiers(noun: "Token") -> list["Token"]:
    """The words before a noun that narrow it, leaving out determiners and the possessor with its own words."""
    owner = possessor(noun)
    owned_words = {t.i for t in owner.subtree} if owner is not None else set()
    doc = noun.doc
    joined = noun.i - 2 if noun.i >= 2 and doc[noun.i - 1].text == "-" else None  # "op" of "op-ed"
    return [t for t in doc[noun.left_edge.i:noun.i]
            if not t.is_punct and t.dep_ not in ("det", "case") and t.i not in owned_words and t.i != joined]


def _titled(noun: "Token", owners: frozenset[str]) -> bool:
    """ "Your last newsletter, Five Ways Grant Budgets Go Wrong": a title set after the noun, without quotes."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text not in (",", ":", "-", "–", "—"):
        return False
    run = list(itertools.takewhile(lambda t: t.text[:1].isupper() or t.like_num or t.is_stop and t.is_lower,
                                   doc[noun.i + 2:min(len(doc), noun.i + 14)]))
    capitals = [t for t in run if t.text[:1].isupper()]
    # "your talk, Dr. Ruiz": the reader's own name after a comma addresses them; it names no piece.
    return len(capitals) >= 2 and not any(t.lower_.strip(".") in owners for t in capitals)


def locates_within(sent: "Span") -> bool:
    """Whether a sentence points into a piece: a timestamp, or a part with its number ("Fig. 3", "page 12")."""
    return any(TIMESTAMP.fullmatch(token.text) or token.like_num and _after_section_noun(token) for token in sent)


def _after_section_noun(number: "Token") -> bool:
    """ "Fig. 3", "page 12": the word before the number, across the sentence break a splitter puts after "Fig."."""
    doc, i = number.doc, number.i - 1
    if i > 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and doc[i].lower_.strip(".") in SECTION_NOUNS


def _specified(doc: "Doc", noun: "Token", sent: "Span", owners: frozenset[str]) -> bool:
    """Whether the work noun is narrowed to one piece: a topic, venue, year, title, name or relative clause."""
    if any(t.lower_ not in VAGUE_MODIFIERS | PLATFORMS and t.lemma_.lower() not in WORK_NOUNS
           for t in _modifiers(noun)):
        return True
    if _titled(noun, owners) or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children):
        return True
    following = doc[noun.i + 1:min(sent.end, noun.i + 7)]
    if not len(following):
        return False
    first = following[0]
    if first.text in ('"', "“", "‘", ":", "'") or first.lower_ in READER_PRONOUNS or first.like_num:
        return True
    if first.pos_ == "PROPN" and first.lower_ not in PLATFORMS:
        return True
    for prep, obj in zip(following, following[1:]):
        if prep.is_punct or prep.pos_ in ("VERB", "AUX") and prep.dep_ != "acl":
            break
        if prep.lower_ in SPECIFYING_PREPOSITIONS and not obj.is_punct:
            objects = [c for c in prep.children if c.dep_ == "pobj"] or [obj]
            if not any(o.lemma_.lower() in NOT_SPECIFIC_OBJECTS | PLATFORMS or writers_own(o) for o in objects):
                return True
    return locates_within(sent)


@functools.cache
def hyphen_tails() -> frozenset[str]:
    """The last parts of hyphenated work nouns ("ed" of "op-ed"), the only words worth a look back at a hyphen."""
    return frozenset(noun.rsplit("-", 1)[1] for noun in WORK_NOUNS if "-" in noun)


def is_work_noun(token: "Token") -> bool:
    """Whether a token names a kind of work ("post", "repo", "op-ed", "pull request")."""
    lower = token.lower_
    if lower in WORK_NOUNS or token.lemma_.lower() in WORK_NOUNS:
        return True
    doc, i = token.doc, token.i
    if lower in hyphen_tails() and i >= 2 and doc[i - 1].text == "-":
        return f"{doc[i - 2].lower_}-{lower}" in WORK_NOUNS
    return lower == "request" and i >= 1 and doc[i - 1].lower_ in ("pull", "merge")


def _about_topic(doc: "Doc", noun: "Token", sent: "Span") -> bool:
    """ "Your research on coral spawning": a broad word for work, narrowed by what it is about."""
    following = doc[noun.i + 1:min(sent.end, noun.i + 3)]
    return (len(following) == 2 and following[0].lower_ in ("on", "about", "into")
            and following[1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB"))


def _asked_for(noun: "Token") -> bool:
    """ "I need your intake template": a piece the writer wants handed over, not one they know."""
    while noun.dep_ == "conj" and noun.head != noun:
        noun = noun.head
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in DEMAND_LEMMAS


def _made_by_reader(noun: "Token") -> bool:
    """A noun with a relative clause saying the reader made it, or did it on a date: "the retry transport you
    added to httpx", "the warm-up you ran with our team in 2019" (not "any thoughts you could share")."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        subject_is_reader(clause) and (clause.lemma_.lower() in CREATION_VERBS
                                       or _dated(clause) and clause.lemma_.lower() not in MEMBERSHIP_VERBS)
        and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in clause.children)
        for clause in relative_clauses(noun))


MEMBERSHIP_VERBS = WordSet("references", "membership-verbs")


def _dated(verb: "Token") -> bool:
    """Whether a clause puts its act on a date ("in 2019", "last spring"): one occasion, not a standing role."""
    return any(YEAR.fullmatch(t.text) or t.lower_ == "last" and t.head.pos_ == "NOUN" for t in verb.subtree)


def _told_as_reader_act(verb: "Token") -> bool:
    """ "You spoke at NurseCon about falls", "you built the scheduling app": a piece told by what the reader did."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CREATION_VERBS | TELLING_VERBS or not subject_is_reader(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "dobj" and is_work_noun(child):
            return True
        if child.dep_ == "prep" and child.lower_ in ("about", "on", "at"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if any(o.pos_ == "PROPN" or child.lower_ != "at" and o.pos_ in ("NOUN", "VERB") for o in objects):
                return True
    return False


def _names_release(token: "Token") -> bool:
    """ "Heads-up on snowpit-tools 2.4.1": a project's name followed by a release number names one release."""
    if not VERSION.fullmatch(token.text) or token.i == token.sent.start:
        return False
    name = token.doc[token.i - 1]
    return (name.is_alpha or name.pos_ in ("PROPN", "NOUN")) and not name.is_stop and not writers_own(name)


QUOTED_TITLE = re.compile(r"[\"“]([^\"”\n]{3,120})[\"”]")


def quoted_titles(doc: "Doc", scope: tuple[int, int]) -> list[Reference]:
    """A quoted title the writer read, watched or used ('I just read "Night Shifts" in AJN')."""
    found = []
    for match in QUOTED_TITLE.finditer(doc.text, *scope):
        words = match.group(1).split()
        if len(words) < 2 or sum(w[0].isupper() for w in words) < 2:
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        if any(t.lemma_.lower() in ENGAGEMENT_VERBS and t.pos_ == "VERB" or is_work_noun(t) for t in sent):
            index = next(i for i, s in enumerate(doc.sents) if s.start == sent.start)
            found.append(Reference(match.start(), match.end(), index))
    return found


def _names_piece(doc: "Doc", token: "Token", sent: "Span", owners: frozenset[str]) -> bool:
    """Whether a token names one piece of the reader's work, by what it is, what it is about or how they made it."""
    pos = token.pos_
    if pos not in ("NOUN", "PROPN", "VERB", "NUM", "X"):
        return False
    if token.lemma_.lower() in TOPIC_NOUNS and owned_by_reader(token, owners) and _about_topic(doc, token, sent):
        return True
    if is_work_noun(token):
        # The tagger reads some work nouns as verbs ("the permit filing"); as a subject or object they are nouns.
        noun_like = pos != "VERB" or token.dep_ in ("nsubj", "dobj", "pobj", "compound")
        owned = owned_by_reader(token, owners) or _about_readers_own(token, owners)
        if noun_like and owned and _specified(doc, token, sent, owners) and not _asked_for(token):
            return True
        if _numbered(token, owners):
            return True
    return _made_by_reader(token) or _told_as_reader_act(token) or _names_release(token)


def _about_readers_own(noun: "Token", owners: frozenset[str]) -> bool:
    """ "The permit filing for your 12 townhomes on Oak Street": a definite piece about one named thing of theirs
    (not "the post about your company", which could be any)."""
    if any(c.lower_ in INDEFINITE for c in noun.lefts):
        return False
    return any(o.pos_ in ("NOUN", "PROPN") and owned_by_reader(o, owners) and _one_of_a_kind(o)
               for o in prep_objects(noun, TOPIC_PREPOSITIONS))


def _one_of_a_kind(thing: "Token") -> bool:
    """A thing told by a number, a name or what they did with it ("your 12 townhomes on Oak Street", "the garden
    your students built"), not only by its kind ("your avalanche center")."""
    return (any((t.like_num or t.pos_ == "PROPN") and t != thing for t in thing.subtree)
            or any(subject_is_reader(clause) for clause in relative_clauses(thing)))


def _numbered(noun: "Token", owners: frozenset[str]) -> bool:
    """ "Episode 41 of your podcast": a numbered piece of theirs, however the tagger reads the pair (it may take
    "episode" for a verb and hang "of your podcast" on the number)."""
    number = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (number is not None and number.like_num and not noun.is_sent_end
            and (owned_by_reader(noun, owners) or owned_by_reader(number, owners)))


def named_references(doc: "Doc", scope: tuple[int, int], owners: frozenset[str] = frozenset()) -> list[Reference]:
    """Pieces the text names clearly: the reader's (or their named team's) work narrowed to one piece."""
    return [Reference(token.idx, token.idx + len(token), index)
            for index, sent in numbered_sentences(doc, scope) for token in sent
            if _names_piece(doc, token, sent, owners)]
