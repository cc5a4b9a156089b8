"""Shared notions over the spaCy parse that several judgement rules use.

Rules ask these questions of a sentence or token instead of matching whole sentences:
is it negated, is it the writer's own hypothetical, is the sentence a request, is a topic
specific. Extend this module (not individual checks) when a notion is useful to more than one
rule; what a whole message asks and offers is built on these in `intents.py`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .lexicon import WordSet

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NEGATION_LEMMAS = WordSet("clauses", "negation-lemmas")
CONTRAST_LEMMAS = WordSet("clauses", "contrast-lemmas")
CLAUSE_LINKS = WordSet("clauses", "clause-links")
MAX_PIECE_TOKENS = 150
MAX_TREE_DEPTH = 40
MAX_DEPENDENTS = 40
CONDITION_MARKERS = WordSet("clauses", "condition-markers")
REQUEST_MODALS = WordSet("clauses", "request-modals")
WANT_LEMMAS = WordSet("clauses", "want-lemmas")
DEMAND_LEMMAS = WordSet("clauses", "demand-lemmas")
WISH_WORDS = WordSet("clauses", "wish-words")
REPORTING_VERBS = WordSet("clauses", "reporting-verbs")
IMPERSONAL = WordSet("clauses", "impersonal")
SOLO_ACTS = WordSet("clauses", "solo-acts")
LEMMA_FIXES = {"hoping": "hope", "hoped": "hope"}
WISHING_LEMMAS = WordSet("clauses", "wishing-lemmas")
PLEASANTRIES = WordSet("clauses", "pleasantries")
REQUEST_VERBS = WordSet("clauses", "request-verbs")
ASKING_VERBS = WordSet("clauses", "asking-verbs")
WRITER_PRONOUNS = WordSet("clauses", "writer-pronouns")
EAGER_WORDS = WordSet("clauses", "eager-words")
CLAUSE_BREAKS = WordSet("clauses", "clause-breaks")

GENERIC_TOPICS = WordSet("clauses", "generic-topics")
GENERIC_MARKERS = WordSet("clauses", "generic-markers")
SPECIFIC_DETERMINERS = WordSet("clauses", "specific-determiners")
CAREER_VERBS = WordSet("clauses", "career-verbs")
WH_WORDS = WordSet("clauses", "wh-words")


def sentences(doc: Doc, scope: tuple[int, int]) -> Iterator[Span]:
    """The doc's sentences that overlap a character scope."""
    for sent in doc.sents:
        if sent.end_char > scope[0] and sent.start_char < scope[1]:
            yield sent


def pieces(doc: Doc, scopes: Iterable[tuple[int, int]]) -> list[Span]:
    """Sentences cut at line breaks (a subject, a greeting, list items) and clipped to the scopes.

    A "sentence" longer than `MAX_PIECE_TOKENS` is no sentence a reader would parse either (a
    pasted list, a run of words); it is left out, which also keeps tree walks over it from
    growing with the square of its length.
    """
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for token in (*sent, None):
            if token is None or (token.is_space and "\n" in token.text):
                end = token.i if token is not None else sent.end
                if end - start <= MAX_PIECE_TOKENS:
                    out.extend(_clipped(doc[start:end], scopes))
                start = end + 1
    return out


def _clipped(span: Span, scopes: Iterable[tuple[int, int]]) -> Iterator[Span]:
    for low, high in scopes:
        start, end = max(low, span.start_char), min(high, span.end_char)
        if start < end:
            clipped = span.doc.char_span(start, end, alignment_mode="contract")
            trimmed = _trimmed(clipped) if clipped is not None else None
            if trimmed is not None:
                yield trimmed


def _trimmed(span: Span) -> Span | None:
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return None
    return span.doc[tokens[0].i:tokens[-1].i + 1]


def lemma_of(token: Token) -> str:
    """The token's lemma, lower-cased, with the small model's known slips put right ("hoping" -> "hop")."""
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


def ancestors_and_self(token: Token) -> Iterator[Token]:
    """The token and its heads, up to `MAX_TREE_DEPTH` of them and none with a crowd of dependents.

    A run-on text can nest thousands deep or hang thousands of words on one head; no sentence a
    reader could follow does, and stopping there keeps every walk short.
    """
    yield token
    for depth, node in enumerate(token.ancestors):
        if depth >= MAX_TREE_DEPTH or _crowded(node):
            return
        yield node


def _crowded(node: Token) -> bool:
    return node.n_lefts + node.n_rights > MAX_DEPENDENTS


def near_subtree(token: Token) -> Span:
    """The token's subtree as a span (spaCy's trees are projective), at most `MAX_PIECE_TOKENS` either side."""
    start = max(token.left_edge.i, token.i - MAX_PIECE_TOKENS)
    return token.doc[start:min(token.right_edge.i, token.i + MAX_PIECE_TOKENS) + 1]


def clause_chain(token: Token) -> Iterator[Token]:
    """The token and the heads above it up to the top of its clause (not into a coordinated clause)."""
    node = token
    for _ in range(MAX_TREE_DEPTH):
        yield node
        if node.head.i == node.i or node.dep_ in CLAUSE_BREAKS and not _purpose(node) or _crowded(node.head):
            return
        node = node.head


def _purpose(verb: Token) -> bool:
    # "I'm not writing to grow my network": an infinitive of purpose belongs to the clause above.
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def own_clause(token: Token) -> Iterator[Token]:
    """The token and its ancestors up to the head of its clause ("you're my last chance" in a longer sentence)."""
    for node in ancestors_and_self(token):
        yield node
        if node.dep_ in CLAUSE_LINKS:
            return


def is_negated(token: Token, within_clause: bool = False) -> bool:
    """Whether the token, or a verb it depends on, is negated or contrasted away ("rather than ask").

    By default a negation reaches down through the token's clause (and an infinitive of purpose)
    but not into a coordinated clause ("I don't know many potters, but I'd love to..."). With
    `within_clause`, only the token's own clause counts: in "you're my last chance, please don't
    ignore this" the "don't" belongs to another clause.
    """
    for node in own_clause(token) if within_clause else clause_chain(token):
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in NEGATION_LEMMAS and child.dep_ in ("advmod", "det", "neg"):
                return True
            if child.lower_ in CONTRAST_LEMMAS:
                return True
        if node.dep_ == "pcomp" and node.head.lower_ in ("than", "of") and any(
                c.lower_ in CONTRAST_LEMMAS for c in near_subtree(node.head)):
            return True
    if within_clause:
        return False
    for node in ancestors_and_self(token):
        if node.dep_ in CLAUSE_BREAKS:
            return _negated_head(node.head) if node.dep_ == "ccomp" else False
    return False


def _negated_head(verb: Token) -> bool:
    # "I won't ask whether I could pick your brain": a negated verb of asking governs its clause.
    return verb.lemma_ in ("ask", "request", "want", "try", "mean", "plan") and any(
        c.dep_ == "neg" for c in verb.children)


def condition_clause(token: Token) -> Token | None:
    """The head of the conditional clause ("if ...", "unless ...") the token sits in, if any."""
    for node in ancestors_and_self(token):
        # A clause's marker opens it: "if" is the first word of "if you are hiring".
        first = node.doc[node.left_edge.i]
        if first.dep_ == "mark" and first.lower_ in CONDITION_MARKERS and first.head.i == node.i:
            return node
    return None


def is_hypothetical(token: Token) -> bool:
    """Whether the token sits in a conditional clause ("if you ever want to chat")."""
    return condition_clause(token) is not None


def is_own_hypothetical(token: Token, sent: Span) -> bool:
    """Whether the token is in the writer's own supposition, not in a request put as a condition.

    "If a call is easier, I'm happy to do one" supposes; "If you could spare 15 minutes, I'd be
    grateful" and "If you're hiring, let me know" ask.
    """
    return is_hypothetical(token) and not is_request(sent)


def is_reported(token: Token, within: Span | None = None) -> bool:
    """Whether the words are someone else's doing ("people often ask to pick your brain")."""
    start = within.start if within is not None else token.sent.start
    for node in ancestors_and_self(token):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.i >= start]
        if subjects:
            if node.i != token.i and node.lemma_ not in REPORTING_VERBS:
                return False
            subject = subjects[0]
            return subject.lower_ not in WRITER_PRONOUNS | {"you"} and subject.pos_ in ("NOUN", "PROPN", "PRON") \
                and subject.lower_ not in IMPERSONAL
    return False


def is_writers_own(token: Token, sent: Span) -> bool:
    """Whether words are the writer's own, meant statement: not negated, set aside, supposed or reported."""
    return not (is_negated(token) or in_contrast_phrase(token, sent) or is_own_hypothetical(token, sent)
                or is_reported(token, sent))


# The two-word markers of what the writer sets aside: "rather than X", "instead of X".
CONTRAST_MARKERS = frozenset({("rather", "than"), ("instead", "of")})
PHRASE_BOUNDS = WordSet("clauses", "phrase-bounds")


def in_contrast_phrase(token: Token, sent: Span) -> bool:
    """Whether the token is in the phrase after "rather than" / "instead of" ("rather than a call, ...").

    Read from the words, not the tree: a greeting on the same line often bends the parse of the
    phrase, while its ends (a comma, or the subject or modal of the clause that follows) stay plain.
    """
    for i in range(token.i - 1, max(sent.start, token.i - MAX_PIECE_TOKENS), -1):
        word = token.doc[i]
        if (token.doc[i - 1].lower_, word.lower_) in CONTRAST_MARKERS:
            return True
        if word.text in PHRASE_BOUNDS or word.dep_ in ("nsubj", "nsubjpass", "expl") or word.tag_ == "MD":
            return False
    return False


def is_question(sent: Span) -> bool:
    """Whether a sentence ends with a question mark (read off its last word, not a rebuilt text)."""
    for token in reversed(sent):
        if not token.is_space:
            return token.text.rstrip().endswith("?")
    return False


def is_request(sent: Span) -> bool:
    """Whether a sentence asks something of the reader.

    Covers questions with a modal and "you" ("Could you...", "Would you be open to..."),
    the writer's wants ("I'd love to...", "I was hoping you could..."), wishes put as a judgement
    ("It would be great if...", "I'd be grateful for..."), and imperatives addressed to the reader
    ("Let me know if...", "Send me...").
    """
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return False
    lowers = {t.lower_ for t in tokens}
    if is_question(sent) and (lowers & REQUEST_MODALS or lowers & {"you", "your", "we", "i"}):
        return True
    for token in tokens:
        lemma = lemma_of(token)
        if lemma in WANT_LEMMAS and _writer_subject(token):
            # "I wonder whether I should..." muses; "I wonder if you could..." asks.
            if lemma == "wonder" and not any(t.lower_ in ("you", "your") for t in near_subtree(token)):
                continue
            # "I love your post" praises and "I hope you're well" greets; "I'd love to..." asks.
            if lemma in WISHING_LEMMAS and not any(c.lemma_ == "would" for c in token.children):
                continue
            if lemma == "hope" and any(t.lower_ in PLEASANTRIES for t in near_subtree(token)):
                continue
            if _acts_alone(token):
                continue
            return not is_negated(token)
        if token.lower_ in WISH_WORDS and token.dep_ in ("acomp", "attr") and any(
                c.lemma_ == "would" for c in token.head.children):
            return True
        if token.lemma_ in ASKING_VERBS and _asks_reader_whether(token):
            return True
        if lemma in REQUEST_VERBS and token.tag_ != "VBD" and _writers_request(token):
            return True
    root = sent.root
    # Only the sentence's own words count: a greeting on the same line can be mis-parsed as a subject.
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") and c.i >= sent.start
                                         for c in root.children)


def states_eagerness(sent: Span) -> bool:
    """Whether the writer says they are keen on something ("I'm still keen on a call"), a want put as an adjective."""
    return any(t.lower_ in EAGER_WORDS and t.dep_ == "acomp" and _writer_subject(t.head) and not is_negated(t)
               for t in sent)


def _acts_alone(want: Token) -> bool:
    """ "I'd like to thank you", "I wanted to share...": what the writer wants to do needs nothing from the reader."""
    acts = [c for c in want.children if c.dep_ == "xcomp"]
    return bool(acts) and all(a.lemma_ in SOLO_ACTS or a.lemma_ == "introduce" and any(
        c.lower_ in ("myself", "ourselves") for c in a.children) for a in acts)


def _writer_subject(verb: Token) -> bool:
    # "I'm new here and would like to...": a coordinated verb shares its subject.
    holder = verb.head if verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children) else verb
    if holder.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in holder.children):
        # "Would love to hop on a call": a clipped wish, whose unspoken subject is the writer.
        return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in holder.children)
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in holder.children)


def _writers_request(verb: Token) -> bool:
    """ "I'm writing to request...", "I am reaching out to ask for...": the writer asking, not others."""
    for node in ancestors_and_self(verb):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lower_ in ("i", "we") and not is_negated(verb)
        if node.dep_ not in ("xcomp", "advcl", "ROOT"):
            return False
    return False


def _asks_reader_whether(verb: Token) -> bool:
    """ "...to see if you might have time", "I wanted to ask whether you'd be open to...".

    The reader's side counts as the reader ("...ask whether your crew is taking on keepers").
    """
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "advcl", "xcomp") and any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children) and any(
                c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("you", "i", "we") or any(
                    g.dep_ == "poss" and g.lower_ == "your" for g in c.children)) for c in clause.children):
            return True
    return False


def is_specific_topic(head: Token) -> bool:
    """Whether a topic names something one could prepare for, not a field or "your career".

    A clause ("how you coded the answers") is specific unless it is about getting on in a field;
    a noun phrase is specific when it points at one thing (a determiner, a number, a modifier
    phrase or clause) and its head is not a general word; "X in general" never is.
    """
    subtree = list(near_subtree(head))
    if any(t.lower_ in GENERIC_MARKERS for t in subtree):
        return False
    if head.pos_ in ("VERB", "AUX"):
        return is_specific_clause(head)
    children = list(head.children)
    if head.lemma_.lower() in GENERIC_TOPICS or head.lower_ in GENERIC_TOPICS or any(
            c.dep_ == "compound" and c.lemma_.lower() in ("career", "job", "life") for c in children):
        return any(is_specific_topic(obj) for obj in topic_objects(head))
    if any(c.dep_ in ("relcl", "acl") for c in children):
        return True
    if any(c.dep_ == "prep" and any(g.dep_ in ("pobj", "pcomp") for g in c.children) for c in children):
        return True
    if any(c.dep_ == "nummod" or c.like_num for c in children):
        return True
    if any(c.dep_ == "det" and c.lower_ in SPECIFIC_DETERMINERS for c in children):
        return True
    # A name points at one thing ("the Quarto template"); a short acronym is usually a field ("UX", "ICU").
    return any(t.dep_ == "poss" or t.pos_ == "PROPN" and not (t.is_upper and len(t) <= 4)
               for t in near_subtree(head) if t.i < head.i)


def is_specific_clause(verb: Token) -> bool:
    """Whether a clause says what exactly it is about (not "how you got into law")."""
    if verb.lemma_ in CAREER_VERBS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "prep", "xcomp", "ccomp", "nsubj")]
        return any(_specific_object(o) for o in objects)
    return any(c.dep_ in ("dobj", "prep", "attr", "xcomp", "ccomp", "advmod", "acomp") for c in verb.children)


def _specific_object(token: Token) -> bool:
    if token.dep_ == "prep":
        return any(is_specific_topic(g) for g in token.children if g.dep_ in ("pobj", "pcomp"))
    if token.pos_ == "PRON":
        # "which of the two kilns in your post": the pronoun points at what its phrase names.
        return any(_specific_object(c) for c in token.children if c.dep_ == "prep")
    return is_specific_topic(token)


def topic_objects(head: Token) -> Iterator[Token]:
    """What a topic word is about: "thoughts *on the migration*", "advice *for a new nurse*"."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("on", "about", "of", "with", "regarding", "around", "for"):
            yield from (g for g in child.children if g.dep_ in ("pobj", "pcomp"))
        elif child.dep_ in ("relcl", "acl") and child.lemma_ not in ("be", "have", "give", "offer"):
            yield child


def _the_reader(subject: Token) -> bool:
    return subject.lower_ == "you" or any(c.dep_ == "poss" and c.lower_ == "your" for c in subject.children)


def asks_about_their_own(sent: Span) -> bool:
    """Whether a wh-question asks the reader about their own doing ("how did you pick the segments?")."""
    for token in sent:
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.pos_ in ("VERB", "AUX") and any(_the_reader(c) for c in subjects):
            wh = any(c.lower_ in WH_WORDS - {"if"} for c in token.children)
            if wh or is_question(sent) and token.i == sent.root.i:
                return is_specific_clause(token)
    return False


def clause_subject(token: Token) -> Token | None:
    """The subject of the nearest verb above the token (itself included); None for an imperative.

    A verb without its own subject that complements or continues another ("I'd love to hear",
    "I fixed it and will push") shares that verb's subject. A name set off by a comma is the
    person addressed ("Omar, please review"), not the subject.
    """
    for node in ancestors_and_self(token):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")
                            and not _is_vocative(c)), None)
            if subject is not None or node.dep_ not in ("xcomp", "conj"):
                return subject
    return None


def _is_vocative(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "PROPN" and following is not None and following.text == ","


def is_put_to_reader(token: Token) -> bool:
    """Whether the token's clause is addressed to the reader: an imperative, "you ...", or "I need X".

    The writer's own doing ("I'll send it ASAP", "I need to finish by Friday"), polite wishes
    ("I'd love to ...") and third parties ("it immediately made sense") are not.
    """
    subject = clause_subject(token)
    if subject is None or subject.lower_ == "you":
        return True
    if subject.lower_ not in ("i", "we") or subject.head.lemma_ not in DEMAND_LEMMAS:
        return False
    return not _complements(token, subject.head)


def _complements(token: Token, verb: Token) -> bool:
    """Whether the token lies in the verb's infinitive complement ("need [to finish by Friday]")."""
    for node in ancestors_and_self(token):
        if node == verb:
            return False
        if node.dep_ == "xcomp" and node.head == verb:
            return True
    return False


def has_verb_negation(token: Token) -> bool:
    """Whether the token's verb is negated ("I didn't check with you"); "no worries" is not a negated verb."""
    verb = token if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT" else token.head
    return any(child.dep_ == "neg" for child in (*token.children, *verb.children))


def is_conditional_outcome(token: Token) -> bool:
    """Whether the token is what happens only on a condition ("If so, I'll connect you both")."""
    for node in ancestors_and_self(token):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for m in child.children):
                return True
    return False
