"""Matching check types: phrase lists, spaCy token patterns, and bounded regular expressions."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from .anchors import AnchoredMatcher
from .base import Check, Context, Hit, Param
from .regexsafety import MAX_REPEAT_COUNT, large_count, nested_quantifier

if TYPE_CHECKING:
    from spacy.language import Language

# Token attributes a pattern may use, and the parse feature each one needs.
_ATTRIBUTE_FEATURES = {
    "LEMMA": "lemma", "POS": "pos", "TAG": "pos", "MORPH": "pos", "DEP": "dep",
    "ENT_TYPE": "ents", "IS_SENT_START": "sents",
}
# Token attributes whose values are words (as opposed to flags such as IS_PUNCT or LIKE_NUM).
_WORD_ATTRIBUTES = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE", "SHAPE",
                              "PREFIX", "SUFFIX", "MORPH"})
REGEX_TIMEOUT_SECONDS = 0.5

# Options phrase and pattern checks share to drop matches the writer does not mean as said.
FILTER_PARAMS = (
    Param("skip-negated", bool, False, "ignore matches in a negated clause (\"I won't ...\")"),
    Param("skip-hypothetical", bool, False, "ignore matches in a conditional clause (\"if ...\")"),
    Param("skip-conditional-outcomes", bool, False, "ignore what happens only if (\"if so, I'll ...\")"),
    Param("skip-questions", bool, False, "ignore matches in questions"),
    Param("only-put-to-reader", bool, False, "keep only imperatives, \"you ...\" and \"I need ...\" clauses"),
    Param("unless", list, None, "Matcher patterns whose (non-negated) presence cancels a match"),
    Param("unless-within", str, "scope", "where an `unless` match cancels: sentence or scope"),
    Param("first-only", bool, False, "report only the first match (a judgement on the whole message)"),
    Param("own-words", bool, False, "keep only the writer's own, meant words: not negated, supposed or reported"),
)
_NEEDS_PARSE = ("skip-negated", "skip-hypothetical", "skip-conditional-outcomes", "only-put-to-reader", "own-words")


def _span_hits(ctx: Context, spans) -> Iterator[Hit]:
    for start, end in spans:
        if ctx.in_scope(start, end):
            yield Hit(start, end, {"match": ctx.message.text[start:end]})


def pattern_features(patterns: list) -> set[str]:
    """The parse features a list of Matcher patterns needs, from the token attributes they use."""
    needed = {"tokens"}
    for pattern in patterns:
        for token in pattern:
            needed.update(_ATTRIBUTE_FEATURES[key] for key in token if key in _ATTRIBUTE_FEATURES)
    return needed


_OPERATOR = regex.compile(r"[!?+*]|\{(\d*),?(\d*)\}")


def check_patterns(patterns: list, key: str) -> None:
    """Reject what could hang or exhaust the Matcher (REGEX predicates that backtrack badly, huge counted
    repeats) and the classic YAML slip: unquoted no/on/yes/off read as booleans where words are meant."""
    for index, pattern in enumerate(patterns):
        if not isinstance(pattern, list) or not all(isinstance(token, dict) for token in pattern):
            raise ValueError(f"{key}[{index}] must be a list of token mappings")
        for value in _regex_predicates(pattern):
            # spaCy runs REGEX predicates with `re`, which has no time limit.
            if not isinstance(value, str) or nested_quantifier(value) or large_count(value):
                raise ValueError(f"{key}[{index}]: REGEX {value!r:.60} repeats a repetition, an alternation or "
                                 f"over {MAX_REPEAT_COUNT} times and could hang on a long token; simplify it or "
                                 "use the time-bounded regex check type")
        for token in pattern:
            operator = token.get("OP")
            if operator is not None and not (isinstance(operator, str) and _OPERATOR.fullmatch(operator)
                                             and not large_count(operator)):
                raise ValueError(f"{key}[{index}]: OP {operator!r:.40} must be !, ?, +, * or a count "
                                 f"{{n,m}} of at most {MAX_REPEAT_COUNT}")
            for attr, value in token.items():
                if attr not in _WORD_ATTRIBUTES:
                    continue
                values = list(value.values()) if isinstance(value, dict) else [value]
                words = [word for item in values for word in (item if isinstance(item, list) else [item])]
                if any(isinstance(word, bool) for word in words):
                    raise ValueError(f"{key}[{index}]: {attr} holds true/false; quote words like \"no\" and \"on\"")


class MatchFilter:
    """Drops matches that are negated, hypothetical, questions, not put to the reader, or cancelled."""

    def __init__(self, options: dict):
        self.options = options
        check_patterns(options["unless"] or [], "unless")
        if options["unless-within"] not in ("sentence", "scope"):
            raise ValueError(f"unless-within must be sentence or scope, not {options['unless-within']!r}")

    def features(self) -> set[str]:
        needed = set(pattern_features(self.options["unless"] or []))
        if self.options["unless"] or any(self.options[name] for name in _NEEDS_PARSE):
            needed.update({"dep", "lemma"})
        if self.options["skip-questions"] or self.options["unless-within"] == "sentence":
            needed.add("sents")
        if self.options["own-words"]:
            needed.update({"pos", "sents"})
        return needed

    def prepare(self, nlp: "Language") -> None:
        self.unless = None
        if self.options["unless"]:
            self.unless = AnchoredMatcher(nlp.vocab, "unless", self.options["unless"])

    def spans(self, ctx: Context, matches) -> Iterator[tuple[int, int]]:
        """The (start, end) characters of the matched token spans that survive the filters."""
        from ...understanding import clauses as language

        kept = [ctx.doc[s:e] for _id, s, e in matches]
        kept = [span for span in kept if ctx.in_scope(span.start_char, span.end_char)]
        checks = [(self.options["skip-negated"], lambda token: language.is_negated(token, within_clause=True)),
                  (self.options["skip-hypothetical"], language.is_hypothetical),
                  (self.options["skip-conditional-outcomes"], language.is_conditional_outcome),
                  (self.options["only-put-to-reader"], lambda token: not language.is_put_to_reader(token)),
                  (self.options["own-words"], lambda token: not language.is_writers_own(token, token.sent))]
        for span in sorted(kept, key=lambda found: found.start):
            if any(wanted and test(span.root) for wanted, test in checks):
                continue
            if self.options["skip-questions"] and language.is_question(span.sent):
                continue
            if self._cancelled(ctx, span):
                continue
            yield span.start_char, span.end_char
            if self.options["first-only"]:
                return

    def _cancelled(self, ctx: Context, span) -> bool:
        if self.unless is None:
            return False
        from ...understanding import clauses as language

        if self.options["unless-within"] == "sentence":
            window = (span.sent.start_char, span.sent.end_char)
        else:
            window = ctx.scope
        for _id, s, e in self.unless(ctx.doc):
            found = ctx.doc[s:e]
            if window[0] <= found.start_char and found.end_char <= window[1] and not language.has_verb_negation(found.root):
                return True
        return False


class Phrase(Check):
    """Fires on any of a list of phrases, compared by lower-case text or by lemma."""

    params = (
        Param("phrases", list, required=True, help="phrases to find"),
        Param("attr", str, "LOWER", "compare by LOWER (text) or LEMMA"),
        *FILTER_PARAMS,
    )

    def __init__(self, options):
        super().__init__(options)
        self.filter = MatchFilter(self.options)

    def features(self) -> frozenset[str]:
        return frozenset({"lemma"} if self.options["attr"] == "LEMMA" else {"tokens"}) | self.filter.features()

    def prepare(self, nlp: "Language") -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr=self.options["attr"])
        # make_doc tokenises only; for LEMMA the pattern docs need the lemmatiser too.
        make = nlp if self.options["attr"] == "LEMMA" else nlp.make_doc
        self.matcher.add("phrase", [make(str(phrase)) for phrase in self.options["phrases"]])
        self.filter.prepare(nlp)

    def run(self, ctx: Context) -> Iterator[Hit]:
        yield from _span_hits(ctx, sorted(self.filter.spans(ctx, self.matcher(ctx.doc))))


class Pattern(Check):
    """Fires on spaCy `Matcher` token patterns (lists of token attribute dicts)."""

    params = (Param("patterns", list, required=True, help="spaCy Matcher patterns"), *FILTER_PARAMS)

    def __init__(self, options):
        super().__init__(options)
        check_patterns(self.options["patterns"], "patterns")
        self.filter = MatchFilter(self.options)

    def features(self) -> frozenset[str]:
        return frozenset(pattern_features(self.options["patterns"]) | self.filter.features())

    def prepare(self, nlp: "Language") -> None:
        self.matcher = AnchoredMatcher(nlp.vocab, "pattern", self.options["patterns"], greedy="LONGEST")
        self.filter.prepare(nlp)

    def run(self, ctx: Context) -> Iterator[Hit]:
        yield from _span_hits(ctx, sorted(self.filter.spans(ctx, self.matcher(ctx.doc))))


def _regex_predicates(value) -> Iterator:
    """Every value given to a REGEX operator anywhere inside a token pattern."""
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "REGEX":
                yield inner
            else:
                yield from _regex_predicates(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _regex_predicates(inner)


class Regex(Check):
    """Fires on regular expressions, each search bounded by a time limit so no pattern can hang a run."""

    params = (
        Param("patterns", list, required=True, help="regular expressions"),
        Param("ignore-case", bool, True, "match without regard to case"),
    )

    def __init__(self, options):
        super().__init__(options)
        flags = regex.IGNORECASE if self.options["ignore-case"] else 0
        for pattern in self.options["patterns"]:
            if large_count(str(pattern)):
                raise ValueError(f"pattern {str(pattern)!r:.60} repeats over {MAX_REPEAT_COUNT} times; use a smaller count")
        self.compiled = [regex.compile(str(p), flags) for p in self.options["patterns"]]

    def run(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.message.text
        for pattern in self.compiled:
            try:
                matches = list(pattern.finditer(text, ctx.scope[0], ctx.scope[1], timeout=REGEX_TIMEOUT_SECONDS))
            except TimeoutError:
                raise RuntimeError(f"pattern {pattern.pattern!r} took over {REGEX_TIMEOUT_SECONDS}s; simplify it")
            yield from _span_hits(ctx, ((m.start(), m.end()) for m in matches if m.end() > m.start()))
