"""The kinds of ask a sentence makes: a meeting, a job or referral, an introduction, advice, to connect."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import clauses as lang
from .lexicon import WordSet
from .meetings import is_meeting_word, with_someone_else

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

JOB_NOUNS = WordSet("asks", "job-nouns")
JOB_VERBS = WordSet("asks", "job-verbs")
WORK_NOUNS = WordSet("asks", "work-nouns")
GIVING_VERBS = WordSet("asks", "giving-verbs")
TAKING_ON_VERBS = WordSet("asks", "taking-on-verbs")
CV_NOUNS = WordSet("asks", "cv-nouns")
INTRO_NOUNS = WordSet("asks", "intro-nouns")
ADVICE_NOUNS = WordSet("asks", "advice-nouns")
PEOPLE = WordSet("asks", "people")
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
SPEAKERS = WordSet("asks", "speakers")


def ask_kinds(piece: "Span", requested: bool) -> set[str]:
    """The kinds of ask a sentence makes; job asks count even outside a request ("any job at all")."""
    kinds = set()

    def found(test) -> bool:
        # The cheap word test first: whether a word is the writer's own meaning walks the tree.
        return any(test(t) and lang.is_writers_own(t, piece) for t in piece)
    # A question asks for the job words in it ("Any chance there's a spot for me?") as a request does.
    asked = requested or lang.is_question(piece)
    if found(lambda t: _job_token(t, asked)):
        kinds.add("job")
    if not requested:
        return kinds
    if found(lambda t: is_meeting_word(t, piece)) and not with_someone_else(piece):
        kinds.add("meeting")
    if found(_intro_token):
        kinds.add("introduction")
    if found(lambda t: t.lemma_ in ADVICE_NOUNS):
        kinds.add("advice")
    if found(lambda t: t.lemma_ == "connect" and _with_reader(t)):
        kinds.add("connect")
    return kinds


def _with_reader(token: "Token") -> bool:
    return any(g.lower_ == "you" for c in token.children if c.dep_ == "prep" for g in c.children) or any(
        c.dep_ == "dobj" and c.lower_ == "you" for c in token.children)


def _job_token(token: "Token", requested: bool) -> bool:
    """Whether a word asks for a job, a referral or openings ("are you hiring?", "any openings?")."""
    if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
        # "a referral pathway", "the job board": the word names a kind of thing; its head is what is meant.
        return False
    if token.pos_ == "NOUN" and lang.lemma_of(token) in JOB_NOUNS:
        return _job_noun(token, requested)
    if token.pos_ == "NOUN" and lang.lemma_of(token) in WORK_NOUNS:
        return requested and _given_to_writer(token)
    if token.pos_ == "NOUN" and is_person(token) and token.dep_ == "dobj":
        return requested and _takes_on_writers_kind(token)
    return _job_phrase(token, requested)


def _given_to_writer(noun: "Token") -> bool:
    """ "Any overflow work you can give me", "send a project my way": paid work handed to the writer."""
    if any(c.dep_ == "poss" for c in noun.children):
        return False
    verbs = [noun.head] + [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    return any(lang.lemma_of(v) in GIVING_VERBS and any(
        c.lower_ in ("me", "us") and c.dep_ in ("dative", "dobj", "iobj") or c.lower_ == "way" and any(
            g.lower_ == "my" for g in c.children) for c in v.children) for v in verbs)


def _takes_on_writers_kind(person: "Token") -> bool:
    """ "Would your practice be taking on another assistant?" from an assistant: asking to be the one taken on.

    "Another" one of a kind, or the kind the writer says they are ("I'm a veterinary assistant"),
    taken on, hired or needed by the reader or their organisation.
    """
    verb = person.head
    if lang.lemma_of(verb) not in TAKING_ON_VERBS or not _theirs_or_mine(verb):
        return False
    if verb.lemma_ == "take" and not any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children):
        return False
    kind = lang.lemma_of(person)
    return any(c.lower_ == "another" for c in person.children) or any(
        t.dep_ == "attr" and lang.lemma_of(t) == kind and t.head.lemma_ == "be" and any(
            c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in t.head.children) for t in person.doc)


def _job_phrase(token: "Token", requested: bool) -> bool:
    lemma = lang.lemma_of(token)
    children = list(token.children)
    if lemma == "hire":
        objects = [c for c in children if c.dep_ == "dobj"]
        if any(o.lower_ in SPEAKERS for o in objects):
            return True
        return requested and token.tag_ == "VBG" and not any(c.lower_ in lang.WH_WORDS - {"if", "whether"}
                                                             for c in lang.near_subtree(token))
    if lemma == "word" and token.head.lemma_ == "put" and (any(c.lower_ == "good" for c in children) or any(
            c.lower_ == "in" and c.dep_ in ("prt", "prep", "advmod") for c in (*children, *token.head.children))):
        # "Put in a (good) word with them" vouches for the writer; "put into words" does not.
        return requested
    if lemma == "refer" and requested:
        return any(c.dep_ == "dobj" and c.lower_ in SPEAKERS for c in children)
    if lemma == "referral" and requested:
        return not any(c.dep_ == "poss" and c.lower_ != "a" for c in children)
    if lemma in ("bring", "take", "get") and any(c.lower_ in ("me", "us") for c in children) and any(
            c.dep_ == "prep" and c.lower_ == "on" and any(g.lower_ == "board" for g in c.children) for c in children):
        return True
    if lemma == "join" and requested and any(c.dep_ == "dobj" and any(g.lower_ == "your" for g in c.children)
                                             for c in children):
        return True
    if token.lower_ in ("anything", "something") and token.head.lemma_ == "have" and token.dep_ == "dobj" and any(
            c.lower_ in ("open", "available") for c in children):
        return requested  # "does the yard have anything open?": an opening someone holds, not opening hours
    if lemma == "application" and requested and token.dep_ == "dobj" and token.head.lemma_ in ("accept", "consider"):
        return True  # "please accept my application": asks the reader to take the writer on
    if lemma in CV_NOUNS - {"application", "portfolio"} and requested:
        return _handed_on(token.head) and not any(c.lower_ == "you" and c.dep_ == "dative" for c in token.head.children)
    if lemma == "name" and requested and any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in children):
        # "put my name forward", "pass my name to whoever hires": the writer proposed for a post
        verb = token.head
        return _handed_on(verb) and (any(c.lower_ == "forward" for c in verb.children) or any(
            lang.lemma_of(t) in JOB_NOUNS | {"hire"} for c in verb.children if c.dep_ == "prep"
            for t in c.subtree))
    return False


def _handed_on(verb: "Token") -> bool:
    """ "Pass it to", "send it along", "put it forward": the writer's papers or name handed to a third party."""
    return verb.lemma_ in ("pass", "forward", "send", "share", "hand", "give", "circulate", "put") and any(
        c.dep_ in ("prep", "prt", "advmod") and c.lower_ in ("to", "along", "on", "in front", "forward")
        for c in verb.children)


def _job_noun(token: "Token", requested: bool) -> bool:
    lemma = lang.lemma_of(token)
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "poss")}
    if dets & {"your", "my", "his", "her", "their", "our"}:
        return False
    # "I've applied for the open role": the writer's own step, not an ask of the reader.
    if any(n.lemma_ in ("apply", "interview") for n in lang.clause_chain(token)):
        return False
    # "Any opportunity to learn" is a chance; "any opportunities you have" are the reader's openings.
    if "any" in dets and (lemma != "opportunity" or _held_by_reader(token)):
        return True
    if not requested:
        return False
    if token.head.lower_ == "for" and token.head.head.lemma_ in ("consider", "keep", "recommend", "refer", "put"):
        return True
    return bool(dets & {"open", "available", "any", "new"}) or _on_their_team(token) or (
        token.head.lemma_ in JOB_VERBS and _theirs_or_mine(token.head))


def _held_by_reader(noun: "Token") -> bool:
    """ "Openings (that) you have": a relative clause makes the noun the reader's to give."""
    return any(c.dep_ in ("relcl", "acl") and any(s.dep_ == "nsubj" and s.lower_ == "you" for s in c.children)
               for c in noun.children)


def _theirs_or_mine(verb: "Token") -> bool:
    """Whether a verb's subject is the reader, their organisation, the writer, or none ("any roles?")."""
    for node in lang.clause_chain(verb):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "expl")]
        if subjects:
            break
    else:
        return True
    subject = subjects[0]
    return subject.lower_ in SPEAKERS | {"you", "there"} or any(c.lower_ == "your" for c in subject.children)


def _on_their_team(token: "Token") -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("on", "at", "in", "with") and any(
        g.dep_ == "pobj" and any(x.lower_ == "your" for x in g.children) for g in c.children)
        for c in token.children)


def is_person(token: "Token") -> bool:
    """Whether a word names someone: a name, a pronoun, or a word for a person ("your editor")."""
    lemma = lang.lemma_of(token)
    return token.pos_ in ("PROPN", "PRON") or lemma in PEOPLE or lemma.endswith(PERSON_ENDINGS)


def _introduced(token: "Token", verb: str) -> bool:
    """Whether a word names whom the writer asks to meet: a person, or any group when the verb is "introduce"."""
    if is_person(token):
        return True
    # "Introduce me to the clerks": only people are introduced, so any concrete noun names them.
    return verb == "introduce" and token.pos_ in ("NOUN", "PROPN") and lang.lemma_of(token) not in lang.GENERIC_TOPICS


def _intro_token(token: "Token") -> bool:
    lemma = lang.lemma_of(token)
    children = list(token.children)
    third_party = [g for c in children if c.dep_ == "prep" and c.lower_ in ("to", "with")
                   for g in _whom(c) if g.lower_ not in ("you", "yourself") and _introduced(g, lemma)]
    if lemma in ("introduce", "connect", "refer", "point", "direct", "put"):
        subject = [c for c in children if c.dep_ == "nsubj"]
        if subject and subject[0].lower_ in SPEAKERS:
            return False
        objects = [c for c in children if c.dep_ == "dobj"]
        if lemma == "put":
            return any(o.lower_ in ("me", "us") for o in objects) and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "touch" for g in c.children)
                for c in children)
        return any(o.lower_ in ("me", "us") for o in objects) and bool(third_party)
    if lemma in INTRO_NOUNS:
        if any(c.dep_ == "poss" for c in children) or our_people(third_party):
            return False
        return bool(third_party) or token.head.lemma_ in ("make", "open", "be", "appreciate", "love", "welcome")
    return False


def _whom(prep: "Token") -> list["Token"]:
    """Who a "to"/"with" phrase names: its object, or the subject of a clause there ("to whoever runs the lab")."""
    objects = [g for g in prep.children if g.dep_ == "pobj"]
    return objects + [s for g in prep.children if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj"]


def our_people(people: list["Token"]) -> bool:
    """Whether any of these people are the writer's own ("our editor", "my colleague")."""
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for p in people for c in p.children)
