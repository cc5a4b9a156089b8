"""Shared notions over the spaCy parse that several judgement rules use.

Rules ask these questions of a sentence or token instead of matching whole sentences:
is it negated, is it the writer's own hypothetical, is the sentence a request. Extend this
module (not individual checks) when a notion is useful to more than one rule.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

NEGATION_LEMMAS = frozenset({"not", "never", "no", "n't", "neither", "nor", "without"})
# Words that put what follows out of the writer's actual ask ("rather than X", "instead of X").
CONTRAST_LEMMAS = frozenset({"rather", "instead"})
# Dependencies that attach one clause to another.
CLAUSE_LINKS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "acl"})
CONDITION_MARKERS = frozenset({"if", "unless", "whether"})
REQUEST_MODALS = frozenset({"can", "could", "would", "will", "may", "might"})
WANT_LEMMAS = frozenset({"love", "like", "want", "hope", "appreciate", "wonder", "need"})
# Wants that put a demand on the reader ("I need the file", "I expect a reply"), unlike polite wishes.
DEMAND_LEMMAS = frozenset({"need", "want", "expect", "require", "demand"})


def sentences(doc: Doc, scope: tuple[int, int]) -> Iterator[Span]:
    """The doc's sentences that overlap a character scope."""
    for sent in doc.sents:
        if sent.end_char > scope[0] and sent.start_char < scope[1]:
            yield sent


def ancestors_and_self(token: Token) -> Iterator[Token]:
    yield token
    yield from token.ancestors


def own_clause(token: Token) -> Iterator[Token]:
    """The token and its ancestors up to the head of its clause ("you're my last chance" in a longer sentence)."""
    for node in ancestors_and_self(token):
        yield node
        if node.dep_ in CLAUSE_LINKS:
            return


def is_negated(token: Token, within_clause: bool = False) -> bool:
    """Whether the token, or a verb it depends on, is negated or contrasted away ("rather than ask").

    With `within_clause`, a negation in an enclosing clause does not count: in "you're my last
    chance, please don't ignore this" the "don't" belongs to another clause.
    """
    for node in own_clause(token) if within_clause else ancestors_and_self(token):
        for child in node.children:
            if child.dep_ == "neg" or child.lower_ in NEGATION_LEMMAS and child.dep_ in ("advmod", "det", "neg"):
                return True
            if child.lower_ in CONTRAST_LEMMAS:
                return True
        if node.dep_ == "pcomp" and node.head.lower_ in ("than", "of") and any(
                c.lower_ in CONTRAST_LEMMAS for c in node.head.subtree):
            return True
    return False


def is_hypothetical(token: Token) -> bool:
    """Whether the token sits in a conditional clause ("if you ever want to chat")."""
    for node in ancestors_and_self(token):
        if any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKERS for child in node.children):
            return True
    return False


def is_question(sent: Span) -> bool:
    return sent.text.rstrip().endswith("?")


def is_request(sent: Span) -> bool:
    """Whether a sentence asks something of the reader.

    Covers questions with a modal and "you" ("Could you...", "Would you be open to..."),
    the writer's wants ("I'd love to...", "I was hoping you could..."), and imperatives
    addressed to the reader ("Let me know if...", "Send me...").
    """
    tokens = [t for t in sent if not t.is_space]
    if not tokens:
        return False
    lowers = {t.lower_ for t in tokens}
    if is_question(sent) and (lowers & REQUEST_MODALS or lowers & {"you", "we", "i"}):
        return True
    for token in tokens:
        if token.lemma_ in WANT_LEMMAS and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children):
            return True
    root = sent.root
    return root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)


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
