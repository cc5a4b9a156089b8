"""The recipient's metadata seen in the text: `to.work` entries named in other words, and the role or search.

A `to.work` entry counts when a sentence points at a piece (a work noun or a verb of use) and
shares enough of its title's stems, or names a one-of-a-kind work by its kind ("your podcast").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import WordSet
from .ownership import owned_by_reader, writers_own
from .references import (
    ENGAGEMENT_VERBS,
    VAGUE_MODIFIERS,
    Reference,
    is_work_noun,
    numbered_sentences,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SERIAL_KINDS = WordSet("listed-work", "serial-kinds")
ROLE_NOUNS = WordSet("listed-work", "role-nouns")
STOP = WordSet("listed-work", "stop")
STEM_LENGTH = 5
SUFFIXES = ("ings", "ing", "ers", "er", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude, forgiving stem: a common suffix off, then the first few letters ("rowing" ~ "rower")."""
    word = word.lower().strip("'’-.")
    if word.endswith("'s") or word.endswith("’s"):
        word = word[:-2]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word[:STEM_LENGTH]


def content_stems(text: str) -> set[str]:
    """Stems of the significant words of a short text (a title, a school, a hobby)."""
    return {stem(word) for word in re.findall(r"[\w’'-]+", text) if word.lower() not in STOP and len(word) > 1}


def _parse_work(entry: str) -> tuple[str, set[str]]:
    """A `to.work` entry "talk: Title (Venue)" as its kind and the stems of its title and venue."""
    kind, _, title = entry.partition(":")
    return (kind.strip().lower(), content_stems(title)) if title else ("", content_stems(entry))


def listed_references(doc: "Doc", works: tuple[str, ...], scope: tuple[int, int]) -> list[Reference]:
    """Sentences that point at an entry of `to.work` in other words (a work noun or use, plus its title words)."""
    if not works:
        return []
    entries = [_parse_work(entry) for entry in works]
    found = []
    for index, sent in numbered_sentences(doc, scope):
        stems = {stem(t.text) for t in sent if not t.is_punct} | {stem(t.lemma_) for t in sent}
        # "our donor analysis": the writer's own piece shares words with theirs without pointing at it.
        pointer = next((t for t in sent if is_work_noun(t) and not writers_own(t)), None)
        engaged = any(t.lemma_.lower() in ENGAGEMENT_VERBS and t.pos_ == "VERB" for t in sent)
        for kind, words in entries:
            overlap = words & stems
            needed = 1 if len(words) <= 2 else 2
            named_in_full = len(words) >= 2 and overlap == words
            serial = _serial_named(sent, kind)
            if serial is not None or named_in_full or len(overlap) >= needed and (pointer is not None or engaged):
                anchor = serial or pointer or sent[0]
                found.append(Reference(anchor.idx, anchor.idx + len(anchor), index))
                break
    return found


def _serial_named(sent: "Span", kind: str) -> "Token | None":
    """ "Your newsletter" for a listed newsletter: a reader has one of these, so its kind names it."""
    if kind not in SERIAL_KINDS:
        return None
    return next((t for t in sent if t.lemma_.lower() == kind and owned_by_reader(t)), None)


def role_references(doc: "Doc") -> bool:
    """Whether the message names the opening or search itself ("the analyst position", "your searches")."""
    for token in doc:
        if token.lemma_.lower() in ROLE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "det", "prep", "nmod")]
            if any(c.lower_ not in VAGUE_MODIFIERS | {"a", "an", "any"} for c in modifiers):
                return True
    return False
