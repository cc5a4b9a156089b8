"""A message's kind read from what its sentences do, when front matter and structure do not say.

messages.py settles what needs no parse (front matter, quoted history, a reply subject) and makes a first
reading from wording; the engine hands the parse of every message whose kind is still open to `read_kind`,
which decides from clauses: who does what to whom, when, and where in the message it sits.
"""
from __future__ import annotations

from ..inputs.messages import Message
from .lexicon import WordSet

# Parse features the kind reader needs, loaded whatever rules are enabled.
FEATURES = frozenset({"pos", "lemma", "dep", "ents"})
COPY_VERBS = WordSet("kinds", "copy-verbs")
SAID_VERBS = WordSet("kinds", "said-verbs")
MESSAGE_NOUNS = WordSet("kinds", "message-nouns")
WRITER_WORDS = WordSet("kinds", "writer-words")
PAST_RELATION_WORDS = WordSet("kinds", "past-relation-words")
# Kinds a parse may overturn: the wording cues for these are weaker than what a clause shows.
OPEN_KINDS = frozenset({"cold", "follow-up"})
# How many paragraphs of the body say what the message is for.
LEADING_PARAGRAPHS = 2


def read_kind(message: Message, doc) -> tuple[str, str]:
    """(kind, cue) for a message whose kind is open: the first clause that shows a kind, else its first reading."""
    start, end = message.sections.get("body", (0, len(message.text)))
    lead_end = _lead_end(message.text, start, end)
    lead = [sent for sent in doc.sents if sent.end_char > start and sent.start_char < lead_end]
    greeting = doc.char_span(*message.sections.get("greeting", (0, 0)), alignment_mode="expand")
    for kind, found in (("introduction", _introduces(greeting, lead, doc)),
                        ("follow-up", _writer_wrote_before(lead)),
                        ("intro-request", _asks_to_be_introduced(lead)),
                        ("thank-you", _thanks_for_the_past(lead)),
                        ("check-in", _reader_helped_writer(lead))):
        if found is not None:
            return kind, f"{kind}: '{found.text.strip()[:60]}'"
    return message.kind, message.kind_cue


def _lead_end(text: str, start: int, end: int) -> int:
    position = start
    for _ in range(LEADING_PARAGRAPHS):
        found = text.find("\n\n", position + 1, end)
        if found < 0:
            return end
        position = found
    return position


def _two_addressed(greeting) -> bool:
    """The greeting names two people: two names with just a comma or 'and' between them ('Kenji, Aurélie')."""
    tokens = list(greeting)
    return any(left.pos_ == "PROPN" and right.pos_ == "PROPN" and (between.text == "," or between.pos_ == "CCONJ")
               for left, between, right in zip(tokens, tokens[1:], tokens[2:]))


def _introduces(greeting, lead, doc):
    """Both people addressed in the greeting, or someone put on the thread, or each described to the other."""
    if greeting is not None and _two_addressed(greeting):
        return greeting
    for sent in doc.sents:
        for token in sent:
            if token.lemma_.lower() in COPY_VERBS and any(
                    child.dep_ in ("dobj", "nsubj") and (child.ent_type_ == "PERSON" or child.lower_ == "you")
                    for child in token.children):
                return sent
    addressed = {sent[0].text for sent in doc.sents if len(sent) > 2 and sent[0].pos_ == "PROPN"
                 and sent[1].text == "," and sent[0].ent_type_ in ("PERSON", "")}
    if len(addressed) >= 2:
        return next(sent for sent in doc.sents if sent[0].text in addressed)
    return None


def _writer_wrote_before(lead):
    """The writer points back to their own earlier message: writing again, my note from May, as I promised."""
    for sent in lead:
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma in SAID_VERBS and (any(c.lower_ == "again" for c in token.children)
                                        or (token.tag_ == "VBD" and _subject_is(token, "i"))):
                return sent
            if (lemma in MESSAGE_NOUNS and any(c.lower_ == "my" and c.dep_ == "poss" for c in token.children)
                    and any(t.ent_type_ == "DATE" for t in token.subtree)):
                return sent
    return None


def _thanks_for_the_past(lead):
    """Thanks for something that already passed between them (a call, a session, advice taken)."""
    past_contact = any(_past_contact(sent) for sent in lead)
    for sent in lead:
        thanked = [t for t in sent if t.lemma_.lower() in ("thank", "thanks")
                   and any(c.lower_ in ("for", "again") for c in t.children)]
        if thanked and (past_contact or any(e.label_ in ("DATE", "TIME") for e in sent.ents)):
            return sent
    return None


def _asks_to_be_introduced(lead):
    """The reader asked to introduce the writer, by someone the writer already knows."""
    if not any(_past_contact(sent) for sent in lead):
        return None
    for sent in lead:
        for token in sent:
            if token.lemma_.lower() == "introduce" and any(c.lower_ == "me" for c in token.children):
                return sent
    return None


def _reader_helped_writer(lead):
    """A past helper hears back: the reader did something to or for the writer, and the writer reports on it."""
    return next((sent for sent in lead if _past_contact(sent)), None)


def _past_contact(sent) -> bool:
    """The reader acted on the writer in the past ('you showed me', 'you spoke to our team'), or the writer
    names a relation they had ('your former field tech')."""
    for token in sent:
        if (token.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "your" for c in token.children)
                and any(c.lower_ in PAST_RELATION_WORDS and c.dep_ == "amod" for c in token.children)):
            return True
        if token.tag_ == "VBD" and _subject_is(token, "you") and any(
                t.lower_ in WRITER_WORDS for t in token.subtree if t.i != token.i):
            return True
    return False


def _subject_is(verb, word: str) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass") and child.lower_ == word for child in verb.children)
