"""Judgement check types about personalisation: does the message show it was written to this person?

They read the parse and the recipient metadata (`to.name`, `to.work`, `to.shared`): whether a
specific piece of the recipient's work is named, whether praise says what helped and how, whether
common ground is used, whether the greeting and subject say anything in particular.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...understanding.lexicon import WordSet
from ...understanding.listed_work import STOP, content_stems, role_references, stem
from ...understanding.ownership import INSTITUTION_WORDS, name_parts
from ...understanding.praise import praise_in, states_effect
from ...understanding.references import numbered_sentences
from .base import Check, Context, Hit, Param

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class WorkReference(Check):
    """Fires when the message names no specific piece of the recipient's work (or, to recruiters, no role)."""

    params = (Param("role-counts-for", list, ["recruiter", "hiring-manager"],
                    "recipient types for whom naming the role or search counts as the reference"),)
    needs = frozenset({"lemma", "pos", "dep", "sents"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        if ctx.reading.work_references:
            return
        if ctx.message.to.type in self.options["role-counts-for"] and role_references(ctx.doc):
            return
        start, end = ctx.scope
        first_line = ctx.message.text.find("\n", start)
        yield Hit(start, end if first_line < 0 or first_line > end else first_line)


class GenericPraise(Check):
    """Fires on praise of the reader or their work when no named piece with its effect on the writer backs it."""

    params = (Param("window", int, 2, "sentences after a named piece or praise in which its effect may be told"),)
    needs = frozenset({"lemma", "pos", "dep", "sents"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        praise = praise_in(ctx.doc, ctx.scope)
        if not praise:
            return
        sents = list(ctx.doc.sents)
        if any(self._effect_after(sents, ref.sentence) for ref in ctx.reading.work_references):
            return
        for item in praise:
            # Praise of a particular thing ("your advice on pricing was invaluable") is backed by its effect.
            if not (item.particular and self._effect_after(sents, item.sentence)):
                yield Hit(item.start, item.end, {"match": ctx.message.text[item.start:item.end]})

    def _effect_after(self, sents: list["Span"], index: int) -> bool:
        return any(states_effect(sent) for sent in sents[index:index + self.options["window"] + 1])


# -- common ground ----------------------------------------------------------------------------------

SHARED_CUES = WordSet("recipient", "shared-cues")


def _initials(item: str) -> set[str]:
    """Acronyms the item may go by: "Teach For America" -> TFA, TA; "University of California, Los Angeles" -> UCLA."""
    capitals = [word for word in re.findall(r"[A-Za-z][\w'’-]*", item) if word[0].isupper()]
    if capitals and capitals[0].lower() == "the":
        capitals = capitals[1:]
    variants = {"".join(w[0] for w in capitals), "".join(w[0] for w in capitals if w.lower() not in STOP)}
    return {v.upper() for v in variants if len(v) >= 2}


def _text_pieces(sent: "Span") -> list[str]:
    return [piece for token in sent for piece in re.split(r"[-/]", token.text) if piece]


def mentions_shared(doc: "Doc", item: str, scope: tuple[int, int]) -> bool:
    """Whether the scope mentions a shared school, employer or hobby, in its own words or others'."""
    significant = {stem(w) for w in re.findall(r"[\w’'-]+", item)
                   if w.lower() not in STOP and w.lower() not in INSTITUTION_WORDS and len(w) > 1}
    significant = significant or content_stems(item)
    initials = _initials(item)
    # The writer's own affiliation under their name is not common ground put to the reader.
    for _, sent in numbered_sentences(doc, scope):
        pieces = _text_pieces(sent)
        if initials & set(pieces):
            return True
        stems = {stem(piece) for piece in pieces} | {stem(t.lemma_) for t in sent}
        matched = significant & stems
        # "J-School" for "Journalism School": a capital initial joined by a hyphen.
        letters = {letter.lower() for letter in re.findall(r"\b([A-Z])-\w", sent.text)}
        matched |= {s for s in significant - matched if s[0] in letters}
        if matched and (matched == significant or len(matched) >= 2):
            return True
        if matched and any(_cues_sharing(t) for t in sent):
            return True
    return False


def _cues_sharing(token: "Token") -> bool:
    """A word presenting something as shared ("a fellow rower"); capitalised inside a sentence it is part of a
    title or name ("Clinical Fellow, Seton Hall"), which says what the writer is, not what they share."""
    previous = token.doc[token.i - 1] if token.i else None
    opens = previous is None or token.is_sent_start or previous.is_space or previous.text in (".", "!", "?", ",", ":")
    titled = token.text[:1].isupper() and not opens
    return token.lemma_.lower() in SHARED_CUES and not titled


class CommonGround(Check):
    """Fires when `to.shared` lists common ground and the message mentions none of it."""

    needs = frozenset({"lemma", "sents"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        shared = ctx.message.to.shared
        if not shared or any(mentions_shared(ctx.doc, item, ctx.scope) for item in shared):
            return
        start, end = ctx.scope
        yield Hit(start, start, {"shared": ", ".join(shared)})


# -- greeting and subject ---------------------------------------------------------------------------

SALUTATION = re.compile(r"^\W*(?:(?:hi|hello|hey|hiya|howdy|dear|greetings|good (?:morning|afternoon|evening|day)|"
                        r"morning|yo|respected)\b\W*)+", re.IGNORECASE)
GENERIC_ADDRESS = WordSet("recipient", "generic-address")
ROLE_HEADS = WordSet("recipient", "role-heads")
GROUP_HEADS = WordSet("recipient", "group-heads")
TITLES = WordSet("recipient", "titles")
PLACEHOLDER_CHARS = re.compile(r"[\[\]{}<>%]|\bX{2,}\b")


def _no_name_words(doc: "Doc", start: int, end: int) -> set[str]:
    """The greeting's words that cannot be a name: adverbs, adjectives, particles ("again", "back")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return {t.lower_ for t in span or () if t.pos_ in FUNCTION_POS} - {"dear"}


def addresses_name(words: list[str], parts: list[str]) -> bool:
    """Whether address words name the person: first or last name, or a short form of either ("Sam", "Kat")."""
    for word in words:
        for part in parts:
            pieces = [part, *part.split("-")]
            if any(word == p or len(word) >= 3 and p.startswith(word) for p in pieces):
                return True
    return False


FUNCTION_POS = WordSet("recipient", "function-pos")
ADDRESS_PREPS = WordSet("recipient", "address-preps")


def address_words(greeting: str) -> list[str]:
    """The words a greeting addresses the reader with, lower-cased, the salutation removed."""
    words = [w.strip(".'’").lower() for w in re.findall(r"[A-Za-z][\w'’./-]*", SALUTATION.sub("", greeting))]
    return [w for part in words for w in part.split("/") if w]


def addresses_no_one(words: list[str], message, no_name_words: frozenset[str] = frozenset()) -> bool:
    """Whether address words name no one in particular ("Sir", "Hiring Team", their role or org).

    The address runs up to where it names a place ("Dear Editor of the Review"); it names someone
    when its last word is neither a role nor a word that is no name at all (`no_name_words`, from
    the parse: "again", "back"), so "Coach Amari" names her and "Dear Litigation Associate" does not.
    """
    if not words:
        return False
    role = " ".join(filter(None, (message.to.role, message.to.org)))
    known = GENERIC_ADDRESS | {w.lower() for w in re.findall(r"[\w'’-]+", role)} | no_name_words
    head = next((words[:i] for i, w in enumerate(words) if w in ADDRESS_PREPS and i), words)
    titled = len(head) >= 2 and head[-2] in TITLES
    role_or_group = head[-1] in ROLE_HEADS | known or head[0] in GROUP_HEADS
    return not titled and (all(w in known for w in head) or role_or_group)


class GreetingAddress(Check):
    """Fires when the greeting addresses no one in particular, or has no name when the reader's is known."""

    needs = frozenset({"pos"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        message, (start, end) = ctx.message, ctx.scope
        greeting = message.text[start:end]
        if PLACEHOLDER_CHARS.search(greeting):
            return
        parts = name_parts(message.to.name)
        words = address_words(greeting)
        if parts and addresses_name(words, parts):
            return
        if not words:
            # A bare salutation ("Hi!") addresses no one whether or not we know the name; a missing
            # greeting only says so when there was a name to use.
            if (greeting.strip() or parts) and not (parts and self._named_early(message, parts)):
                yield Hit(start, end, {"greeting": greeting.strip() or "no greeting"})
            return
        if addresses_no_one(words, message, frozenset(_no_name_words(ctx.doc, start, end))):
            yield Hit(start, end, {"greeting": greeting.strip()})

    @staticmethod
    def _named_early(message, parts: list[str]) -> bool:
        start, end = message.sections["message"]
        first_line = message.text[start:end].strip().split("\n", 1)[0]
        return addresses_name([w.lower() for w in re.findall(r"[\w'’-]+", first_line)[:12]], parts)


PICK_BRAIN = re.compile(r"\bpick(?:s|ed|ing)?\W+(?:at\W+)?(?:your|you|ur|yer)\W+brains?\b|\bbrain\W?pick",
                        re.IGNORECASE)
REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv)\s*:\s*)+", re.IGNORECASE)
GENERIC_SUBJECT_WORDS = WordSet("recipient", "generic-subject-words")


def _signed_name(message) -> str | None:
    """The name the writer signs with: the first short line of the signature that is not the closing."""
    lines = [line.strip() for line in message.section("signature").splitlines() if line.strip()]
    return next((line for line in lines if not line.endswith(",") and len(line.split()) <= 3), None)


class SubjectContent(Check):
    """Fires when the subject holds no word beyond generic outreach words, or asks to pick the reader's brain."""

    needs = frozenset({"lemma"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        start, end = ctx.scope
        subject = ctx.message.text[start:end]
        if not subject.strip():
            return
        if PICK_BRAIN.search(subject):
            yield Hit(start, end, {"subject": subject.strip()})
            return
        # Names (the reader's, or the writer's as signed) say who, not what about: "Hello from Maria".
        skip = {*name_parts(ctx.message.to.name), *name_parts(ctx.message.sender), *name_parts(_signed_name(ctx.message))}
        prefix = REPLY_PREFIX.match(subject)
        body_start = start + (prefix.end() if prefix else 0)
        for token in ctx.doc.char_span(body_start, end, alignment_mode="expand") or ():
            # Numbers alone ("20 minutes") bound an ask; they do not say what it is about.
            if token.is_punct or token.is_space or token.is_stop or token.like_num:
                continue
            words = {token.lower_, token.lemma_.lower()}
            if not words & (GENERIC_SUBJECT_WORDS | skip):
                return
        yield Hit(start, end, {"subject": subject.strip()})
