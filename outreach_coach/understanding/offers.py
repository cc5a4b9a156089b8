"""Offers: the writer's own giving (work, a resource, help, a bug report), not the CV sent for review."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import clauses as lang
from .asks import CV_NOUNS, INTRO_NOUNS, SPEAKERS, our_people
from .lexicon import WordSet

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OFFER_VERBS = WordSet("offers", "offer-verbs")
OFFER_MODALS = WordSet("offers", "offer-modals")
OFFER_HEADS = WordSet("offers", "offer-heads")
REPORT_NOUNS = WordSet("offers", "report-nouns")
REPORT_VERBS = WordSet("offers", "report-verbs")
BUILT_ON_VERBS = WordSet("offers", "built-on-verbs")
PASSING_VERBS = WordSet("offers", "passing-verbs")
READER_AS_OBJECT = WordSet("offers", "reader-as-object")
ASK_MATERIAL = WordSet("offers", "ask-material")
USEFUL_TO_THEM = re.compile(
    r"\b(in case (it|they|this|these|that)('s| is| are| might| could)?\s*(be\s+)?"
    r"(useful|helpful|handy|help|of (use|interest))"
    r"|if (it|that|this|they)('s|'re| is| are| would| helps| help| might)?\s*(be\s+)?(useful|helpful|handy|help)"
    r"|if (useful|helpful)|(might|may|could) (be )?(useful|helpful|of (use|interest)) (to|for) you"
    r"|thought you might|made me think of you|for your (next|future|upcoming))\b", re.I)
# "Let me know if I can be helpful": an offer of help, even put inside a request.
HELP_OFFERED = re.compile(r"\bif (i|we) can (help|be (of )?(any )?(help|helpful|useful|use|assistance))\b", re.I)
BENEFICIARY_PREPS = WordSet("offers", "beneficiary-preps")
NOT_AGENT_TAGS = WordSet("offers", "not-agent-tags")
URL = re.compile(r"https?://\S+|\bwww\.\S+", re.I)
MADE_VERBS = WordSet("offers", "made-verbs")
INVITING = WordSet("offers", "inviting")
STAGE_VERBS = WordSet("offers", "stage-verbs")


def is_offer(piece: "Span") -> bool:
    """Whether a sentence gives the reader something: the writer's work, a resource, help, a report."""
    if any(t.lemma_ in INTRO_NOUNS and our_people([g for c in t.children if c.dep_ == "prep" for g in c.children])
           for t in piece):
        return True
    material = any(t.lemma_.lower() in CV_NOUNS for t in piece)
    if not material and USEFUL_TO_THEM.search(piece.text) and not lang.is_request(piece):
        return True
    if HELP_OFFERED.search(piece.text):
        return True
    if not material and _links_own_work(piece):
        return True
    return any(_offer_verb(t, piece) or _invites(t) for t in piece)


def _links_own_work(piece: "Span") -> bool:
    """ "I wrote up the results: <link>": past work of the writer's, with where to find it."""
    links = URL.findall(piece.text)
    if not links or any(word in link.lower() for link in links for word in CV_NOUNS):
        return False
    return any(lang.lemma_of(t) in MADE_VERBS and t.tag_ in ("VBD", "VBN") and _writer_does(t) for t in piece)


def _invites(token: "Token") -> bool:
    """ "I'd like to invite you to speak at our meetup", "we'd love to have you on the podcast"."""
    lemma = lang.lemma_of(token)
    reader = [c for c in token.children if c.dep_ in ("dobj", "nsubj") and c.lower_ == "you"]
    if lemma in INVITING and (reader or any(c.dep_ == "dobj" and any(g.lower_ == "your" for g in c.children)
                                            for c in token.children)):
        return _writer_does(token) or token.dep_ == "xcomp"
    if lemma == "have":
        if any(c.dep_ == "dobj" and c.lower_ == "you" for c in token.children):
            return any(c.lemma_ in STAGE_VERBS or c.dep_ == "prep" and c.lower_ == "on" for c in token.children)
        return any(c.lemma_ in STAGE_VERBS and any(g.dep_ == "nsubj" and g.lower_ == "you" for g in c.children)
                   for c in token.children)
    return False


def asks_review_of_own(piece: "Span") -> bool:
    """ "Could you look over our schematic?": a request whose object is the writer's own thing."""
    return lang.is_request(piece) and any(
        _verb_object(t) and any(g.dep_ == "poss" and g.lower_ in ("my", "our") for g in t.children) for t in piece)


def _verb_object(token: "Token") -> bool:
    """The thing a verb acts on: "review my draft", "look over our schematic"."""
    return token.dep_ == "dobj" or token.dep_ == "pobj" and token.head.head.pos_ == "VERB" and token.head.dep_ == "prep"


def hands_over(piece: "Span") -> bool:
    """ "Here is the script", "Attached is our audit": something handed over, unless it is the CV."""
    if any(t.lemma_.lower() in CV_NOUNS for t in piece):
        return False
    for token in piece:
        if token.lower_ in ("here", "attached", "enclosed", "below"):
            verbs = [token, token.head, *(c for c in token.children if c.lemma_ == "be")]
            things = [c for v in verbs for c in v.children
                      if c.dep_ in ("nsubj", "nsubjpass", "attr") and c.pos_ != "PRON"]
            if things:
                return any(t.lemma_.lower() not in ASK_MATERIAL for t in things)
    return False


def _offer_verb(token: "Token", piece: "Span") -> bool:
    if token.pos_ not in ("VERB", "AUX") or not _writer_does(token) or not lang.is_writers_own(token, piece):
        return False
    if _reports(token):
        return True
    if token.lemma_ not in OFFER_VERBS:
        return _to_reader(token) and _offered(token)
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative", "attr")]
    if token.lemma_ in PASSING_VERBS and not objects:
        return False
    things = [o for o in objects if o.lower_ not in ("you", "it", "them")]
    # "add you to my network" moves the reader, it gives them nothing; "walk you through X" does.
    if objects and all(o.lower_ == "you" for o in objects) and token.lemma_ not in READER_AS_OBJECT:
        return False
    if any(o.lemma_.lower() in ASK_MATERIAL or o.lower_ in ASK_MATERIAL for o in things):
        return False
    return _offered(token) or _standing_offer(token, objects)


def _standing_offer(token: "Token", objects: list["Token"]) -> bool:
    """ "We give maintainers free CI minutes": a programme the writer runs for people like the reader."""
    # The parser marks the double object as dative or as a second dobj.
    recipient = any(o.dep_ == "dative" for o in objects) or len(objects) > 1 or any(
        c.dep_ == "prep" and c.lower_ in ("to", "for") for c in token.children)
    return token.tag_ in ("VBP", "VBZ") and recipient and any(o.dep_ == "dobj" for o in objects)


def _reports(token: "Token") -> bool:
    """A bug found or fixed in their work, or their method carried further ("I ported your parser")."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if token.lemma_ in REPORT_VERBS and any(o.lemma_.lower() in REPORT_NOUNS for o in objects):
        return True
    return token.lemma_ in BUILT_ON_VERBS and token.tag_ in ("VBD", "VBN") and any(
        g.lower_ == "your" for o in objects for g in o.children)


def _reader_receives(token: "Token") -> bool:
    return token.lemma_ in READER_AS_OBJECT and any(c.dep_ in ("dobj", "dative") and c.lower_ == "you"
                                                    for c in token.children) and any(
        c.dep_ in ("prep", "dobj") and c.lower_ != "you" for c in token.children)


def _to_reader(token: "Token") -> bool:
    """ "I can have a draft to you", "I'll take the report off your plate": the reader gets the thing."""
    things = [c for c in token.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    if not things or any(lang.lemma_of(t) in ASK_MATERIAL for t in things):
        return False
    preps = [c for c in (*token.children, *(d for t in things for d in t.subtree))
             if c.dep_ in ("prep", "dative") and c.lower_ in BENEFICIARY_PREPS]
    return any(_is_reader(g) for c in preps for g in c.children)


def _is_reader(token: "Token") -> bool:
    return token.lower_ == "you" or any(g.dep_ == "poss" and g.lower_ == "your" for g in token.children)


def _writer_does(token: "Token") -> bool:
    for node in lang.ancestors_and_self(token):
        # "which I'm happy to send": the relative pronoun is not the agent; a bare number is a split fragment.
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in NOT_AGENT_TAGS]
        if subjects:
            return subjects[0].lower_ in SPEAKERS
        # "I recorded it and can send it over": coordinated verbs share the subject.
        if node.dep_ in lang.CLAUSE_BREAKS and node.dep_ != "conj":
            return False
    return True  # no subject at all: "Happy to share the data", the writer speaking


def _offered(token: "Token") -> bool:
    for node in lang.ancestors_and_self(token):
        if any(c.dep_ == "aux" and c.lemma_ in OFFER_MODALS for c in node.children):
            return True
        if node.lemma_ in OFFER_HEADS or node.lemma_ == "let":
            return True
        # "I'd love to walk you through the plan": a wish to give, with the reader as the one who gets it.
        if node.lemma_ in ("want", "like", "love") and (token.lemma_ in ("share", "send", "give", "show", "offer")
                                                        or _reader_receives(token)):
            return True
        # Coordinated verbs share the modality: "I'd love to buy you lunch and walk you through it".
        if node.dep_ in lang.CLAUSE_BREAKS and node.dep_ != "conj":
            break
    return False
