"""Judgement check types about personalisation: does the message show it was written to this person?

They read the parse and the recipient metadata (`to.name`, `to.work`, `to.shared`): whether a
specific piece of the recipient's work is named, whether praise says what helped and how, whether
common ground is used, whether the greeting and subject say anything in particular.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Check, Context, Hit, Param

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
monograph whitepaper show gig play opera
""".split())
# Broad words for someone's work: specific only with what it is about ("your research on coral spawning").
TOPIC_NOUNS = frozenset({"work", "research"})
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


@dataclass(frozen=True)
class Reference:
    """A place where the message names a piece of the recipient's work."""

    start: int
    end: int
    sentence: int


# -- finding references to the recipient's work ---------------------------------------------------

def _owned(doc: "Doc", noun: "Token", sent: "Span") -> bool:
    """Whether the work belongs to the reader: "your post", "the repo you maintain", "that talk of yours"."""
    for token in doc[max(sent.start, noun.i - 5):noun.i]:
        if token.lower_ in ("your", "yours") and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
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
            if not any(o.lemma_.lower() in NOT_SPECIFIC_OBJECTS | PLATFORMS for o in objects):
                return True
    return False


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


def named_references(doc: "Doc", scope: tuple[int, int]) -> list[Reference]:
    """Work nouns the text names clearly: owned by the reader and narrowed to one piece."""
    found = []
    for index, sent in enumerate(doc.sents):
        if sent.end_char <= scope[0] or sent.start_char >= scope[1]:
            continue
        for token in sent:
            if token.lemma_.lower() in TOPIC_NOUNS and _owned(doc, token, sent) and _about_topic(doc, token, sent):
                found.append(Reference(token.idx, token.idx + len(token), index))
                continue
            if not is_work_noun(token):
                continue
            if token.pos_ not in ("NOUN", "PROPN", "VERB") or token.pos_ == "VERB" and token.dep_ not in (
                    "nsubj", "dobj", "pobj", "compound"):
                continue
            if _owned(doc, token, sent) and _specified(doc, token, sent):
                found.append(Reference(token.idx, token.idx + len(token), index))
        found.extend(Reference(t.idx, t.idx + len(t), index) for t in sent
                     if _made_by_reader(t) or _told_as_reader_act(t))
    return found


def _parse_work(entry: str) -> tuple[str, set[str]]:
    """A `to.work` entry "talk: Title (Venue)" as its kind and the stems of its title and venue."""
    kind, _, title = entry.partition(":")
    if not title:
        kind, title = "", entry
    return kind.strip().lower(), content_stems(title)


def listed_references(doc: "Doc", works: tuple[str, ...], scope: tuple[int, int]) -> list[Reference]:
    """Sentences that point at an entry of `to.work` in other words (a work noun or use, plus its title words)."""
    entries = [_parse_work(entry) for entry in works]
    found = []
    for index, sent in enumerate(doc.sents):
        if sent.end_char <= scope[0] or sent.start_char >= scope[1]:
            continue
        stems = {stem(t.text) for t in sent if not t.is_punct} | {stem(t.lemma_) for t in sent}
        pointer = next((t for t in sent if t.lower_ in WORK_NOUNS or t.lemma_.lower() in WORK_NOUNS), None)
        engaged = any(t.lemma_.lower() in ENGAGEMENT_VERBS and t.pos_ == "VERB" for t in sent)
        for kind, words in entries:
            overlap = words & stems
            needed = 1 if len(words) <= 2 else 2
            named_in_full = len(words) >= 2 and overlap == words
            if named_in_full or len(overlap) >= needed and (pointer is not None or engaged):
                anchor = pointer or sent[0]
                found.append(Reference(anchor.idx, anchor.idx + len(anchor), index))
                break
    return found


def work_references(ctx: Context) -> list[Reference]:
    """Every place the message names a piece of the recipient's work (computed once per message)."""
    def compute() -> list[Reference]:
        scope = (0, len(ctx.message.text))
        return (named_references(ctx.doc, scope) + quoted_titles(ctx.doc, scope)
                + listed_references(ctx.doc, ctx.message.to.work, scope))
    return ctx.remember("personal.work-references", compute)


def role_references(doc: "Doc") -> bool:
    """Whether the message names the opening or search itself ("the analyst position", "your searches")."""
    for token in doc:
        if token.lemma_.lower() in ROLE_NOUNS and token.pos_ in ("NOUN", "PROPN"):
            modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "det", "prep", "nmod")]
            if any(c.lower_ not in VAGUE_MODIFIERS | {"a", "an", "any"} for c in modifiers):
                return True
    return False


class WorkReference(Check):
    """Fires when the message names no specific piece of the recipient's work (or, to recruiters, no role)."""

    params = (Param("role-counts-for", list, ["recruiter", "hiring-manager"],
                    "recipient types for whom naming the role or search counts as the reference"),)
    needs = frozenset({"lemma", "pos", "dep", "sents"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        if work_references(ctx):
            return
        if ctx.message.to.type in self.options["role-counts-for"] and role_references(ctx.doc):
            return
        start, end = ctx.scope
        first_line = ctx.message.text.find("\n", start)
        yield Hit(start, end if first_line < 0 or first_line > end else first_line)


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
perspective posts videos talks articles
""".split())


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


def _praised(token: "Token") -> bool:
    """Whether a token praises the reader or their work."""
    lemma = token.lemma_.lower()
    if lemma in FAN_WORDS and token.pos_ == "NOUN":
        objects = [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for c in prep.children]
        if objects:
            return any(belongs_to_reader(o) for o in objects)
        attribute = token.dep_ == "attr" and any(belongs_to_reader(s) for s in _subjects(token.head))
        return attribute or any(c.dep_ == "amod" for c in token.children) and lemma != "follower"
    if lemma in PRAISE_VERBS and token.pos_ == "VERB":
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children):
            return False  # "I'd love your feedback" asks; it does not praise
        return any(c.dep_ == "dobj" and belongs_to_reader(c) or c.dep_ == "ccomp" and _subject_is_you(c)
                   for c in token.children)
    if lemma in ("impress", "impressed"):
        return any(belongs_to_reader(o) for c in token.children if c.dep_ in ("agent", "prep") for o in c.children)
    if lemma == "work" and token.head.lemma_.lower() in ("keep", "do"):
        return any(c.lemma_.lower() in PRAISE_ADJECTIVES | {"good"} for c in token.children)
    # The tagger reads some praise words as participles ("groundbreaking", "inspiring").
    if token.lower_ in PRAISE_ADJECTIVES and (
            token.pos_ == "ADJ" or token.dep_ in ("amod", "acomp", "attr", "oprd", "conj") or _subjects(token)) and not any(
            c.dep_ == "dobj" for c in token.children):
        return _praises_reader(token)
    return False


def praise_spans(doc: "Doc", scope: tuple[int, int]) -> list[tuple[int, int, int]]:
    """Praise of the reader or their work: (start, end, sentence index) of each expression."""
    return [(token.idx, token.idx + len(token), index)
            for index, sent in enumerate(doc.sents) if sent.end_char > scope[0] and sent.start_char < scope[1]
            for token in sent if _praised(token)]


def _praises_reader(adjective: "Token") -> bool:
    """Whether a praise adjective describes the reader or their work ("your work is amazing", "your great posts")."""
    if adjective.dep_ == "amod":
        noun = adjective.head
        return belongs_to_reader(noun) or noun.dep_ == "dobj" and _made_by_you(noun.head)
    node = adjective
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    own = _subjects(node)
    if own:
        return any(belongs_to_reader(s) for s in own)
    if node.dep_ in ("acomp", "attr", "oprd"):
        return any(belongs_to_reader(s) for s in _subjects(node.head))
    return False


def states_effect(sent: "Span") -> bool:
    """Whether a sentence says what the work did for the writer ("it cut our build time", "I used it")."""
    return any(t.lemma_.lower() in EFFECT_VERBS and t.pos_ in ("VERB", "AUX")
               and any(w.lower_ in FIRST_PERSON for node in (t, t.head) for w in node.subtree) for t in sent)


class GenericPraise(Check):
    """Fires on praise of the reader or their work when no named piece with its effect on the writer backs it."""

    params = (Param("window", int, 2, "sentences after a named piece in which its effect may be told"),)
    needs = frozenset({"lemma", "pos", "dep", "sents"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        praise = praise_spans(ctx.doc, ctx.scope)
        if not praise or self._backed(ctx):
            return
        for start, end, _sentence in praise:
            yield Hit(start, end, {"match": ctx.message.text[start:end]})

    def _backed(self, ctx: Context) -> bool:
        sents = list(ctx.doc.sents)
        for reference in work_references(ctx):
            window = sents[reference.sentence:reference.sentence + self.options["window"] + 1]
            if any(states_effect(sent) for sent in window):
                return True
        return False


# -- common ground ----------------------------------------------------------------------------------

# Words that say what kind of thing is shared, not which one ("University of X", "the Y bootcamp").
INSTITUTION_WORDS = frozenset("""
university college school institute institution bootcamp boot camp program programme academy club society
association group company team class course cohort chapter league community department faculty lab
law business medical medicine med
""".split())
# Words that present something as shared ("a fellow ...", "we both ...", "I'm also an alum").
SHARED_CUES = frozenset("""
fellow alum alumnus alumna alumni alumnae grad graduate also too both same share classmate cohort teammate
former member like attend study
""".split())


def _initials(item: str) -> set[str]:
    """Acronyms the item may go by: "Teach For America" -> TFA, TA; "University of California, Los Angeles" -> UCLA."""
    capitals = [word for word in re.findall(r"[A-Za-z][\w'’-]*", item) if word[0].isupper()]
    if capitals and capitals[0].lower() == "the":
        capitals = capitals[1:]
    variants = {"".join(w[0] for w in capitals), "".join(w[0] for w in capitals if w.lower() not in STOP)}
    return {v.upper() for v in variants if len(v) >= 2}


def _text_pieces(sent: "Span") -> list[str]:
    return [piece for token in sent for piece in re.split(r"[-/]", token.text) if piece]


def mentions_shared(doc: "Doc", item: str) -> bool:
    """Whether the text mentions a shared school, employer or hobby, in its own words or others'."""
    significant = {stem(w) for w in re.findall(r"[\w’'-]+", item)
                   if w.lower() not in STOP and w.lower() not in INSTITUTION_WORDS and len(w) > 1}
    significant = significant or content_stems(item)
    initials = _initials(item)
    for sent in doc.sents:
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
        if matched and any(t.lemma_.lower() in SHARED_CUES for t in sent):
            return True
    return False


class CommonGround(Check):
    """Fires when `to.shared` lists common ground and the message mentions none of it."""

    needs = frozenset({"lemma", "sents"})

    def run(self, ctx: Context) -> Iterator[Hit]:
        shared = ctx.message.to.shared
        if not shared or any(mentions_shared(ctx.doc, item) for item in shared):
            return
        start, end = ctx.scope
        yield Hit(start, start, {"shared": ", ".join(shared)})


# -- greeting and subject ---------------------------------------------------------------------------

SALUTATION = re.compile(r"^\W*(?:(?:hi|hello|hey|hiya|howdy|dear|greetings|good (?:morning|afternoon|evening|day)|"
                        r"morning|yo|respected)\b\W*)+", re.IGNORECASE)
# Ways of addressing a reader without knowing who they are.
GENERIC_ADDRESS = frozenset("""
sir sirs madam madame ma'am team friend friends all everyone everybody folks there colleague colleagues
hiring manager managers recruiter recruiters recruiting talent acquisition committee admissions professor
prof doctor dr mr mrs ms mx miss scientist engineer developer designer nurse lawyer attorney counsel partner
director editor researcher analyst founder ceo cto hr human resources department staff member members
sales marketing lead head officer coordinator representative employer professional reader community
guys gentlemen ladies people data science software product research whom it may concern to and or the
my future dear sir/madam valued customer user owner maintainer maintainers
""".split())
# Job titles and collective nouns that can head an address in place of a name ("Dear Litigation Associate").
ROLE_HEADS = frozenset("""
team manager recruiter committee department professor scientist engineer developer designer director editor
staff officer coordinator representative sir madam sirs friend friends there all everyone maintainer
maintainers members folks concern associate paralegal counsel clerk intern student applicant candidate
specialist consultant administrator supervisor executive principal teacher instructor coach producer artist
writer author journalist reporter physician surgeon pharmacist therapist technician architect planner
strategist advisor adviser owner analyst researcher nurse lawyer attorney partner founder lead head
colleague colleagues professional professionals expert experts leader leaders
""".split())
TITLES = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "doctor"})
PLACEHOLDER_CHARS = re.compile(r"[\[\]{}<>%]|\bX{2,}\b")


def name_parts(name: str | None) -> list[str]:
    """The parts of a person's name that address them, without titles ("Dr. Mei-Ling Chou" -> mei-ling, chou)."""
    if not name:
        return []
    words = re.findall(r"[\w'’-]+", name.lower())
    return [w for w in words if w not in GENERIC_ADDRESS and len(w) > 1]


def addresses_name(words: list[str], parts: list[str]) -> bool:
    """Whether address words name the person: first or last name, or a short form of either ("Sam", "Kat")."""
    for word in words:
        for part in parts:
            pieces = [part, *part.split("-")]
            if any(word == p or len(word) >= 3 and p.startswith(word) for p in pieces):
                return True
    return False


class GreetingAddress(Check):
    """Fires when the greeting addresses no one in particular, or has no name when the reader's is known."""

    needs = frozenset()

    def run(self, ctx: Context) -> Iterator[Hit]:
        message, (start, end) = ctx.message, ctx.scope
        greeting = message.text[start:end]
        if PLACEHOLDER_CHARS.search(greeting):
            return
        parts = name_parts(message.to.name)
        words = [w.strip(".'’").lower() for w in re.findall(r"[A-Za-z][\w'’./-]*", SALUTATION.sub("", greeting))]
        words = [w for part in words for w in part.split("/") if w]
        if parts and addresses_name(words, parts):
            return
        if not words:
            if parts and not self._named_early(message, parts):
                yield Hit(start, end, {"greeting": greeting.strip() or "no greeting"})
            return
        known = GENERIC_ADDRESS | self._recipient_words(message)
        titled = len(words) >= 2 and words[-2] in TITLES
        first = next((w for w in words if w not in ("the", "my", "dear")), words[0])
        if not titled and (all(w in known for w in words) or words[-1] in ROLE_HEADS or first in ROLE_HEADS):
            yield Hit(start, end, {"greeting": greeting.strip()})

    @staticmethod
    def _recipient_words(message) -> set[str]:
        text = " ".join(filter(None, (message.to.role, message.to.org)))
        return {w.lower() for w in re.findall(r"[\w'’-]+", text)}

    @staticmethod
    def _named_early(message, parts: list[str]) -> bool:
        start, end = message.sections["message"]
        first_line = message.text[start:end].strip().split("\n", 1)[0]
        return addresses_name([w.lower() for w in re.findall(r"[\w'’-]+", first_line)[:12]], parts)


PICK_BRAIN = re.compile(r"\bpick(?:s|ed|ing)?\W+(?:at\W+)?(?:your|you|ur|yer)\W+brains?\b|\bbrain\W?pick",
                        re.IGNORECASE)
REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|sv)\s*:\s*)+", re.IGNORECASE)
# Words every outreach subject could carry: they say it is outreach, not what it is about.
GENERIC_SUBJECT_WORDS = frozenset("""
hello hi hey hiya greeting greetings question questions query inquiry enquiry request quick brief short small
little network networking connect connection connecting follow following followup follow-up up check
checking touch reach reaching out intro introduction introduce introducing chat coffee call meeting meet
opportunity opportunities help advice favor favour hope hoping thought thoughts idea ideas career time
minute minutes moment note message email mail thing things update important urgent please dear friend
brain brains pick picking session conversation seek seeking look looking want need ask asking wonder
wondering curious interested interest learn learning love like would could can may might quick one two
few some just hoping exciting great amazing interesting new possible potential following-up catch
reconnect reconnecting touching base sync nice hear talk speak discuss discussion let free available
availability schedule informational interview work today tomorrow tonight week weekend month day soon
sometime monday tuesday wednesday thursday friday saturday sunday mentorship mentor mentoring guidance insight insights
feedback collaboration collaborate partnership job jobs role position opening application inquire
""".split())


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
        skip = set(name_parts(ctx.message.to.name)) | set(name_parts(ctx.message.sender))
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
