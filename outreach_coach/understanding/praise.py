"""Praise of the reader or their work, and whether a sentence tells what a work did for the writer.

What a praise word praises is read from the parse: the reader themselves ("you're one of the most
impressive ..."), a thing of theirs ("your designs are amazing"), or nothing of theirs at all
("hope your week is great"). The personalisation checks decide from that target and from whether
an effect on the writer is told nearby.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import WordSet
from .ownership import (
    FIRST_PERSON,
    MODALS,
    READER_PRONOUNS,
    owned_by_reader,
    subject_is_reader,
)
from .references import CREATION_VERBS, numbered_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRAISE_ADJECTIVES = WordSet("praise", "praise-adjectives")
PRAISE_VERBS = WordSet("praise", "praise-verbs")
FAN_WORDS = WordSet("praise", "fan-words")
EVERYONE = WordSet("praise", "everyone")
EFFECT_VERBS = WordSet("praise", "effect-verbs")
GENERIC_TARGETS = WordSet("praise", "generic-targets")
READER_WORDS = WordSet("praise", "reader-words")
PLEASANTRY_NOUNS = WordSet("praise", "pleasantry-nouns")
MOVED_BY_VERBS = WordSet("praise", "moved-by-verbs")


def belongs_to_reader(noun: "Token") -> bool:
    """Whether a noun is the reader or theirs: "you", "ur designs", "the impact you've had", "what you do"."""
    if noun.lower_ in READER_PRONOUNS | {"yours", "urs"}:
        return True
    if noun.lower_ in ("what", "everything", "all") and noun.head.dep_ in ("ccomp", "relcl"):
        return subject_is_reader(noun.head)
    return owned_by_reader(noun) or any(c.dep_ == "ccomp" and subject_is_reader(c) for c in noun.children)


def _made_by_you(verb: "Token") -> bool:
    """ "You do / have built / make ...": a verb of making whose subject is the reader, stated as fact."""
    return (verb.lemma_.lower() in CREATION_VERBS | {"do", "have"} and subject_is_reader(verb)
            and verb.head.lemma_.lower() not in ("hope", "wish", "trust")
            and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children))


def _subjects(head: "Token") -> list["Token"]:
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _reader_described_as(noun: "Token") -> "Token | None":
    """The reader, when a noun is said of them: "you're an amazing teacher", "you're one of the best fundraisers"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head
    if noun.dep_ not in ("attr", "oprd"):
        return None
    return next((s for s in _subjects(noun.head) if s.lower_ in READER_PRONOUNS), None)


def _superlative(adjective: "Token") -> bool:
    return adjective.tag_ == "JJS" or any(c.lower_ == "most" for c in adjective.children)


def _praises_as_modifier(adjective: "Token") -> bool:
    """A praise word, its superlative ("the best", "the greatest"), or any superlative that ranks the reader among
    the top of a group ("one of the most talented")."""
    if adjective.lower_ in PRAISE_ADJECTIVES:
        return True
    if not _superlative(adjective):
        return False
    noun = adjective.head
    one_of = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one"
    return one_of or adjective.lemma_.lower() in PRAISE_ADJECTIVES | {"good"}


def _fit_for(noun: "Token") -> bool:
    """ "The best person to ask about X": a judgement of who fits a purpose, not praise of them."""
    return any(c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in noun.children)


def _model_for_everyone(noun: "Token") -> "Token | None":
    """The reader cast as a figure for others: "you've been a North Star for those of us who ..."."""
    reader = _reader_described_as(noun)
    if reader is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    preps = [c for node in (noun, noun.head) for c in node.children if c.dep_ == "prep" and c.lower_ in ("for", "to")]
    return reader if any(o.lemma_.lower() in EVERYONE for p in preps for o in p.children if o.dep_ == "pobj") else None


def praised_target(token: "Token") -> "Token | None":
    """What a token praises, when it praises the reader or their work ("amazing" in "your designs are amazing")."""
    lemma = token.lemma_.lower()
    if lemma in FAN_WORDS and token.pos_ == "NOUN":
        objects = [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for c in prep.children]
        if objects:
            return next((o for o in objects if belongs_to_reader(o)), None)
        if token.dep_ == "attr":
            return next((s for s in _subjects(token.head) if belongs_to_reader(s)), None)
        return token if lemma != "follower" and any(c.dep_ == "amod" for c in token.children) else None
    if lemma in PRAISE_VERBS and token.pos_ == "VERB":
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return None  # "I'd love your feedback" asks; it does not praise
        return next((c for c in token.children if c.dep_ == "dobj" and belongs_to_reader(c)
                     or c.dep_ == "ccomp" and subject_is_reader(c)), None)
    if lemma in MOVED_BY_VERBS or token.lower_ in MOVED_BY_VERBS:
        return next((o for c in token.children if c.dep_ in ("agent", "prep") for o in c.children
                     if belongs_to_reader(o)), None)
    if lemma == "work" and token.head.lemma_.lower() in ("keep", "do"):
        return token if any(c.lemma_.lower() in PRAISE_ADJECTIVES | {"good"} for c in token.children) else None
    if token.dep_ == "attr":
        return _model_for_everyone(token)
    # The tagger reads some praise words as participles ("groundbreaking", "inspiring").
    adjectival = token.pos_ == "ADJ" or token.dep_ in ("amod", "acomp", "attr", "oprd", "conj") or _subjects(token)
    takes_object = any(c.dep_ == "dobj" for c in token.children)
    if token.dep_ == "amod" and _praises_as_modifier(token) or (
            token.lower_ in PRAISE_ADJECTIVES and adjectival and not takes_object):
        return _described(token)
    return None


@dataclass(frozen=True)
class Praise:
    """One expression of praise: its span, its sentence, and whether it names what in particular it praises."""

    start: int
    end: int
    sentence: int
    particular: bool


def praise_in(doc: "Doc", scope: tuple[int, int]) -> list[Praise]:
    """Praise of the reader or their work in a scope."""
    found = []
    for index, sent in numbered_sentences(doc, scope):
        for token in sent:
            target = praised_target(token)
            if target is not None:
                particular = target != token and target.lemma_.lower() not in GENERIC_TARGETS | READER_WORDS
                found.append(Praise(token.idx, token.idx + len(token), index, particular))
    return found


def _described(adjective: "Token") -> "Token | None":
    """The reader or their thing a praise adjective describes ("your work is amazing", "you're a brilliant X")."""
    if any(node.lemma_.lower() in ("hope", "wish", "trust") for node in adjective.ancestors):
        return None
    if adjective.dep_ == "amod":
        noun = adjective.head
        if not _praises_as_modifier(adjective) or _fit_for(noun):
            return None
        person = _reader_described_as(noun)
        if person is not None:
            return person
        if adjective.lower_ not in PRAISE_ADJECTIVES:
            return None  # "the best tools": a superlative of something not theirs praises no one
        return noun if belongs_to_reader(noun) or noun.dep_ == "dobj" and _made_by_you(noun.head) else None
    node = adjective
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    subjects = _subjects(node) or (_subjects(node.head) if node.dep_ in ("acomp", "attr", "oprd") else [])
    return next((s for s in subjects if belongs_to_reader(s) and s.lemma_.lower() not in PLEASANTRY_NOUNS), None)


def states_effect(sent: "Span") -> bool:
    """Whether a sentence says what the work did for the writer ("it cut our build time", "I used it")."""
    return any(t.lemma_.lower() in EFFECT_VERBS and t.pos_ in ("VERB", "AUX") and not _unrealised(t)
               and any(w.lower_ in FIRST_PERSON for node in (t, t.head) for w in node.subtree) for t in sent)


def _unrealised(verb: "Token") -> bool:
    """ "to learn", "could help": a wish or a possibility, not something the work already did."""
    return any(c.dep_ == "aux" and (c.lower_ == "to" or c.lower_ in MODALS) for c in verb.children)
