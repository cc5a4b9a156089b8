"""Whose a thing is in a message: the reader's ("your post", "ur video", "the repo you maintain") or the writer's.

Read from the parse (possessives, relative clauses, of-phrases), with texting spellings of the
reader ("u", "ur") taken as the full words. Shared by the reference and praise notions.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .lexicon import WordSet

if TYPE_CHECKING:
    from spacy.tokens import Token

# Titles and words that address no one ("Dr.", "Team"): not parts of anyone's name.
NOT_NAME_PARTS = WordSet("recipient", "generic-address")
# Words of an organisation's name that say what kind it is, not which one ("University", "Inc").
INSTITUTION_WORDS = WordSet("recipient", "institution-words")


def name_parts(name: str | None) -> list[str]:
    """The parts of a person's name that address them, without titles ("Dr. Mei-Ling Chou" -> mei-ling, chou)."""
    if not name:
        return []
    words = re.findall(r"[\w'’-]+", name.lower())
    return [w for w in words if w not in NOT_NAME_PARTS and len(w) > 1]


def reader_names(to) -> frozenset[str]:
    """The words by which a message can name the reader or their organisation as the owner of a work."""
    return frozenset(name_parts(to.name) + [w for w in name_parts(to.org) if w not in INSTITUTION_WORDS])


READER_PRONOUNS = WordSet("ownership", "reader-pronouns")
READER_POSSESSIVES = WordSet("ownership", "reader-possessives")
FIRST_PERSON = WordSet("ownership", "first-person")
MODALS = WordSet("ownership", "modals")
OWNING_PREPOSITIONS = WordSet("ownership", "owning-prepositions")
TOPIC_PREPOSITIONS = WordSet("ownership", "topic-prepositions")
INDEFINITE = WordSet("ownership", "indefinite")


def possessor(noun: "Token") -> "Token | None":
    """The word saying whose a noun is ("your", "Priya's", "our"), however texting spellings are tagged ("ur").

    The parser often hangs it on the first word of a compound ("your [op]-ed", "your [Pianists at Work] episode").
    """
    for child in noun.lefts:
        if child.dep_ == "poss" or child.lower_ in READER_POSSESSIVES:
            return child
        if child.dep_ in ("compound", "nmod") and (owner := possessor(child)) is not None:
            return owner
    return None


def owned_by_reader(noun: "Token", owners: frozenset[str] = frozenset()) -> bool:
    """Whether a thing is the reader's, from the parse: "your post", "ur video", "Priya's talk", "your lab's paper",
    "the repo you maintain", "that talk of yours", "episode 47 of your podcast"."""
    owner = possessor(noun)
    if owner is not None:
        return (owner.lower_ in READER_POSSESSIVES | owners
                or owner.pos_ in ("NOUN", "PROPN") and owner != noun and owned_by_reader(owner))
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and owned_by_reader(noun.head, owners):
        return True
    if any(subject_is_reader(clause) for clause in relative_clauses(noun)):
        return True
    if any(c.lower_ in INDEFINITE for c in noun.lefts):
        return False  # "a guide for your students" is some piece, not one of theirs
    return any(o.lower_ in READER_POSSESSIVES or o.pos_ in ("NOUN", "PROPN") and owned_by_reader(o, owners)
               for o in prep_objects(noun, OWNING_PREPOSITIONS))


def prep_objects(noun: "Token", prepositions: frozenset[str]) -> Iterator["Token"]:
    """The objects of a noun's prepositional phrases headed by the given prepositions."""
    return (o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in prepositions
            for o in prep.children if o.dep_ == "pobj")


def relative_clauses(noun: "Token") -> Iterator["Token"]:
    """The verbs of a noun's relative clauses, also where the parser reads a contact clause as a new one
    ("the warm-up you ran with our team" parsed as "... warm-up; you ran ...")."""
    yield from (c for c in noun.children if c.dep_ == "relcl")
    doc = noun.doc
    if noun.i + 2 >= len(doc) or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in noun.children):
        return
    # A subject phrase right after the noun, and its verb right after that: "the trackway [your crew] excavated".
    subject = next((t for t in doc[noun.i + 1:min(len(doc), noun.i + 5)] if t.dep_ == "nsubj"), None)
    if subject is not None and subject.left_edge.i == noun.i + 1 and subject.i + 1 < len(doc):
        verb = doc[subject.i + 1]
        if subject.head == verb and verb.dep_ != "relcl" and verb.pos_ == "VERB":
            yield verb


def subject_is_reader(verb: "Token") -> bool:
    """Whether the reader, or something of theirs, does the verb: "you added", "u said", "your students built"."""
    return any(c.dep_ == "nsubj" and (c.lower_ in READER_PRONOUNS or c.pos_ == "NOUN" and owned_by_reader(c))
               for c in verb.children)


def writers_own(noun: "Token") -> bool:
    """ "my commute", "our team": the writer's own things place a work; they do not say which it is."""
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in noun.children)
