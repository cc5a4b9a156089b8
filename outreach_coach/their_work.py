"""The recipient's work as the message speaks of it: references to a piece of it, and praise of it.

Notions over the spaCy parse shared by the personalisation checks: which words name a piece of
work, when "your post" is narrowed to one post, how a `to.work` entry is recognised in other words,
what praise looks like and what it praises, and when a sentence tells what a work did for the writer.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Nouns that name one piece of someone's work, across fields.
WORK_NOUNS = frozenset("""
post blog article piece essay column op-ed editorial newsletter series thread tweet toot write-up writeup
talk keynote lecture presentation speech panel webinar workshop tutorial course video vlog livestream stream
episode podcast interview paper preprint publication thesis dissertation chapter book report review
dataset notebook kernel repo repository library package project tool app plugin extension framework
gist commit pr release design redesign prototype mockup illustration drawing painting sculpture photo
photograph photography exhibition exhibit installation collection campaign brand logo font typeface album
song track record ep composition arrangement recording performance concert film documentary case brief
amicus ruling filing poster abstract proposal guide handbook checklist template map visualization
visualisation chart dashboard figure slide deck demo walkthrough explainer recipe poem story novel script
lesson curriculum syllabus answer comment survey experiment study trial protocol rubric model analysis
argument motion petition patent unit worksheet module toolkit zine comic game website mixtape playlist sermon
reel clip table kit segment mural sketch print feature edition remix single textbook handout infographic memo
monograph whitepaper show gig play opera crate gem
""".split())
# Broad words for someone's work: specific only with what it is about ("your research on coral spawning").
TOPIC_NOUNS = frozenset({"work", "research"})
# Kinds of work a person usually has one of: "your podcast" names the listed one.
SERIAL_KINDS = frozenset({"newsletter", "podcast", "blog", "app", "channel", "series", "column", "show", "zine",
                          "library", "package", "repo", "repository", "crate", "gem", "plugin", "dataset"})
# Words before a work noun that do not make it any more specific ("your great post").
VAGUE_MODIFIERS = frozenset("""
great amazing awesome recent latest last new old interesting fantastic wonderful incredible excellent
many various other some all several few lot lots every most more whole entire fine nice good cool
inspiring insightful brilliant helpful useful best favorite favourite very really so
""".split())
# Prepositions that attach what a work is about, where it was given, or what it is of.
SPECIFYING_PREPOSITIONS = frozenset({"on", "about", "at", "for", "from", "in", "with", "of", "during", "to",
                                     "regarding", "titled", "called", "named", "comparing", "where"})
# What follows "for", "in", "at" without narrowing the work ("your blog for years", "your talk at all").
NOT_SPECIFIC_OBJECTS = frozenset({"me", "us", "them", "it", "you", "year", "month", "week", "day", "while", "time",
                                  "age", "long", "all", "now", "ever", "decade", "moment", "line", "detail"})
# Where a work was seen, which does not say which work it was ("your post on LinkedIn").
PLATFORMS = frozenset({"linkedin", "twitter", "x", "instagram", "facebook", "tiktok", "social", "media", "online",
                       "internet", "web", "website", "threads", "bluesky", "mastodon"})
# Verbs by which a writer shows they met a named work ("I've been using tidyforecast").
ENGAGEMENT_VERBS = frozenset("""
read watch listen use attend see follow try install fork cite build download run adopt apply reproduce
replicate study enjoy love like hear find come thank work implement subscribe reread rewatch finish
discover stumble catch binge play sing perform quote share recommend assign teach
""".split())
# Verbs of making: "the icon set you maintain" names a piece whatever the noun.
CREATION_VERBS = frozenset("""
maintain write build make design publish release record give present create develop author compose produce
draw paint curate host file argue teach shoot film direct edit illustrate organise organize launch ship
""".split())
# Verbs that tell a talk or a piece of writing by the act ("you spoke at ... about ...").
TELLING_VERBS = frozenset({"speak", "talk", "present", "perform", "write", "blog", "tweet", "post", "lecture"})
# Words that name an opening, for messages to recruiters and hiring managers.
ROLE_NOUNS = frozenset({"role", "position", "opening", "job", "vacancy", "search", "posting", "requisition",
                        "opportunity", "listing", "internship", "fellowship", "residency", "placement"})
STOP = frozenset("""
a an the of and or in on at to for from with by about into over under your my our their his her its you i we
is are was were be been this that these those what how why when where which who it as vs via de la le
""".split())
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


# -- finding references to the recipient's work ---------------------------------------------------

def _owned(doc: "Doc", noun: "Token", sent: "Span", owners: frozenset[str] = frozenset()) -> bool:
    """Whether the work is the reader's: "your post", "Priya's talk", "the repo you maintain", "that talk of yours"."""
    for token in doc[max(sent.start, noun.i - 5):noun.i]:
        named_owner = token.lower_ in owners and token.i + 1 < noun.i and doc[token.i + 1].lower_ in ("'s", "’s")
        if (token.lower_ in ("your", "yours") or named_owner) and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
                                                       for t in doc[token.i + 1:noun.i]):
            return True
    after = doc[noun.i + 1:min(sent.end, noun.i + 4)]
    if any(t.lower_ == "you" for t in after[:2]) and any(t.pos_ in ("VERB", "AUX") for t in after):
        return True
    if any(a.lower_ == "of" and b.lower_ == "your" for a, b in zip(after, after[1:])):
        return True
    return any(t.lower_ == "yours" for t in after)


def _specified(doc: "Doc", noun: "Token", sent: "Span") -> bool:
    """Whether the work noun is narrowed to one piece: a topic, venue, year, name or relative clause."""
    owner = next((t for t in reversed(doc[max(sent.start, noun.i - 5):noun.i]) if t.lower_ in ("your", "the",
                                                                                               "that", "this")), None)
    if owner is not None:
        modifiers = [t for t in doc[owner.i + 1:noun.i] if not t.is_punct]
        if any(t.lower_ not in VAGUE_MODIFIERS | PLATFORMS and t.lemma_.lower() not in WORK_NOUNS for t in modifiers):
            return True
    following = doc[noun.i + 1:min(sent.end, noun.i + 7)]
    if not len(following):
        return False
    first = following[0]
    if first.text in ('"', "“", "‘", ":", "'") or first.lower_ == "you" or first.dep_ == "appos" or first.like_num:
        return True
    if first.pos_ == "PROPN" and first.lower_ not in PLATFORMS:
        return True
    for prep, obj in zip(following, following[1:]):
        if prep.is_punct or prep.pos_ in ("VERB", "AUX") and prep.dep_ != "acl":
            break
        if prep.lower_ in SPECIFYING_PREPOSITIONS and not obj.is_punct:
            objects = [c for c in prep.children if c.dep_ == "pobj"] or [obj]
            if not any(o.lemma_.lower() in NOT_SPECIFIC_OBJECTS | PLATFORMS or _writers(o) for o in objects):
                return True
    return False


def _writers(noun: "Token") -> bool:
    """ "my commute", "our team": the writer's own things place a work; they do not say which it is."""
    return any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in noun.children)


def is_work_noun(token: "Token") -> bool:
    """Whether a token names a kind of work ("post", "repo", "op-ed", "pull request")."""
    if token.lower_ in WORK_NOUNS or token.lemma_.lower() in WORK_NOUNS:
        return True
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and f"{doc[i - 2].lower_}-{token.lower_}" in WORK_NOUNS:
        return True
    return token.lower_ == "request" and i >= 1 and doc[i - 1].lower_ in ("pull", "merge")


def _about_topic(doc: "Doc", noun: "Token", sent: "Span") -> bool:
    """ "Your research on coral spawning": a broad word for work, narrowed by what it is about."""
    following = doc[noun.i + 1:min(sent.end, noun.i + 3)]
    return (len(following) == 2 and following[0].lower_ in ("on", "about", "into")
            and following[1].pos_ in ("NOUN", "PROPN", "ADJ", "VERB"))


def _made_by_reader(noun: "Token") -> bool:
    """A noun with a relative clause saying the reader made it ("the icon set you maintain")."""
    return noun.pos_ in ("NOUN", "PROPN") and any(
        clause.dep_ == "relcl" and clause.lemma_.lower() in CREATION_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in clause.children) for clause in noun.children)


def _told_as_reader_act(verb: "Token") -> bool:
    """ "You spoke at NurseCon about falls", "you built the scheduling app": a piece told by what the reader did."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CREATION_VERBS | TELLING_VERBS or not _subject_is_you(verb):
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


def named_references(doc: "Doc", scope: tuple[int, int], owners: frozenset[str] = frozenset()) -> list[Reference]:
    """Work nouns the text names clearly: the reader's (or their named team's) and narrowed to one piece."""
    found = []
    for index, sent in numbered_sentences(doc, scope):
        for token in sent:
            if token.lemma_.lower() in TOPIC_NOUNS and _owned(doc, token, sent) and _about_topic(doc, token, sent):
                found.append(Reference(token.idx, token.idx + len(token), index))
                continue
            if not is_work_noun(token):
                continue
            if token.pos_ not in ("NOUN", "PROPN", "VERB") or token.pos_ == "VERB" and token.dep_ not in (
                    "nsubj", "dobj", "pobj", "compound"):
                continue
            if _owned(doc, token, sent, owners) and _specified(doc, token, sent):
                found.append(Reference(token.idx, token.idx + len(token), index))
        found.extend(Reference(t.idx, t.idx + len(t), index) for t in sent
                     if _made_by_reader(t) or _told_as_reader_act(t))
    return found


def _parse_work(entry: str) -> tuple[str, set[str]]:
    """A `to.work` entry "talk: Title (Venue)" as its kind and the stems of its title and venue."""
    kind, _, title = entry.partition(":")
    return (kind.strip().lower(), content_stems(title)) if title else ("", content_stems(entry))


def listed_references(doc: "Doc", works: tuple[str, ...], scope: tuple[int, int]) -> list[Reference]:
    """Sentences that point at an entry of `to.work` in other words (a work noun or use, plus its title words)."""
    entries = [_parse_work(entry) for entry in works]
    found = []
    for index, sent in numbered_sentences(doc, scope):
        stems = {stem(t.text) for t in sent if not t.is_punct} | {stem(t.lemma_) for t in sent}
        pointer = next((t for t in sent if is_work_noun(t)), None)
        engaged = any(t.lemma_.lower() in ENGAGEMENT_VERBS and t.pos_ == "VERB" for t in sent)
        for kind, words in entries:
            overlap = words & stems
            needed = 1 if len(words) <= 2 else 2
            named_in_full = len(words) >= 2 and overlap == words
            serial = _serial_named(doc, sent, kind)
            if serial is not None or named_in_full or len(overlap) >= needed and (pointer is not None or engaged):
                anchor = serial or pointer or sent[0]
                found.append(Reference(anchor.idx, anchor.idx + len(anchor), index))
                break
    return found


def _serial_named(doc: "Doc", sent: "Span", kind: str) -> "Token | None":
    """ "Your newsletter" for a listed newsletter: a reader has one of these, so its kind names it."""
    if kind not in SERIAL_KINDS:
        return None
    return next((t for t in sent if t.lemma_.lower() == kind and _owned(doc, t, sent)), None)


def role_references(doc: "Doc") -> bool:
    """Whether the message names the opening or search itself ("the analyst position", "your searches")."""
    for token in doc:
        if token.lemma_.lower() in ROLE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "det", "prep", "nmod")]
            if any(c.lower_ not in VAGUE_MODIFIERS | {"a", "an", "any"} for c in modifiers):
                return True
    return False


# -- praise -----------------------------------------------------------------------------------------

PRAISE_ADJECTIVES = frozenset("""
amazing awesome great incredible fantastic inspiring inspirational impressive brilliant excellent wonderful
outstanding phenomenal remarkable stellar superb terrific fabulous cool insightful invaluable admirable
exceptional extraordinary marvelous marvellous stunning beautiful genius legendary top-notch interesting
fascinating compelling neat groundbreaking pioneering innovative impactful influential
""".split())
PRAISE_VERBS = frozenset({"love", "admire", "adore", "enjoy", "dig"})
FAN_WORDS = frozenset({"fan", "admirer", "follower", "inspiration", "admiration", "legend", "hero", "rockstar",
                       "idol"})
MODALS = frozenset({"would", "'d", "could", "might", "may", "will", "'ll", "should"})
# What a writer's gain sounds like: the work changed, fixed, taught, saved or was used for something.
EFFECT_VERBS = frozenset("""
help change fix save cut improve convince teach show make let use apply adopt try reduce drop turn shape
inspire solve clarify unblock speed move rethink switch stop start base learn understand realize realise
click land pass win shift transform guide influence prompt push lead encourage answer explain simplify
halve double raise lower catch spot avoid replace rewrite restructure redesign borrow steal copy
""".split())
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "mine", "ours"})
# Targets a writer praises when they have nothing in particular to say.
GENERIC_TARGETS = frozenset("""
work content profile stuff everything thing career journey experience background achievement
accomplishment writing page channel feed output portfolio research contribution expertise insight
perspective posts videos talks articles impact success story path leadership dedication passion energy
knowledge skill team company organization organisation role job position title
""".split())
READER_WORDS = frozenset({"you", "yours", "what", "everything", "all"})


def belongs_to_reader(noun: "Token") -> bool:
    """Whether a noun is the reader or theirs: "you", "your designs", "the impact you've had", "what you do"."""
    if noun.lower_ in ("you", "yours"):
        return True
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in ("your", "yours"):
            return True
        if child.dep_ in ("relcl", "ccomp") and _subject_is_you(child):
            return True
        if child.dep_ == "prep" and child.lower_ == "of" and any(belongs_to_reader(c) for c in child.children):
            return True
    return noun.lower_ in ("what", "everything", "all") and noun.head.dep_ in ("ccomp", "relcl") and _subject_is_you(
        noun.head)


def _made_by_you(verb: "Token") -> bool:
    """ "You do / have built / make ...": a verb of making whose subject is the reader, stated as fact."""
    return (verb.lemma_.lower() in CREATION_VERBS | {"do", "have"} and _subject_is_you(verb)
            and verb.head.lemma_.lower() not in ("hope", "wish", "trust")
            and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children))


def _subject_is_you(verb: "Token") -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children)


def _subjects(head: "Token") -> list["Token"]:
    return [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]


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
                     or c.dep_ == "ccomp" and _subject_is_you(c)), None)
    if lemma in ("impress", "impressed"):
        return next((o for c in token.children if c.dep_ in ("agent", "prep") for o in c.children
                     if belongs_to_reader(o)), None)
    if lemma == "work" and token.head.lemma_.lower() in ("keep", "do"):
        return token if any(c.lemma_.lower() in PRAISE_ADJECTIVES | {"good"} for c in token.children) else None
    # The tagger reads some praise words as participles ("groundbreaking", "inspiring").
    adjectival = token.pos_ == "ADJ" or token.dep_ in ("amod", "acomp", "attr", "oprd", "conj") or _subjects(token)
    if token.lower_ in PRAISE_ADJECTIVES and adjectival and not any(c.dep_ == "dobj" for c in token.children):
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
                particular = target is not token and target.lemma_.lower() not in GENERIC_TARGETS | READER_WORDS
                found.append(Praise(token.idx, token.idx + len(token), index, particular))
    return found


# "Hope your week is going great": a pleasantry about their time or life, not praise of their work.
PLEASANTRY_NOUNS = frozenset("""
week weekend day morning afternoon evening month year summer winter spring autumn fall holiday holidays vacation
trip travels semester term quarter season health family recovery move start
""".split())


def _described(adjective: "Token") -> "Token | None":
    """The reader's thing a praise adjective describes ("your work is amazing", "your great posts"), if any."""
    if any(node.lemma_.lower() in ("hope", "wish", "trust") for node in adjective.ancestors):
        return None
    if adjective.dep_ == "amod":
        noun = adjective.head
        return noun if belongs_to_reader(noun) or noun.dep_ == "dobj" and _made_by_you(noun.head) else None
    node = adjective
    while node.dep_ == "conj" and node.head is not node:
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
