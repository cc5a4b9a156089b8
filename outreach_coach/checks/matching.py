"""Matching check types: phrase lists, spaCy token patterns, and bounded regular expressions."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import regex

from .anchors import AnchoredMatcher
from .base import Check, Context, Hit, Param
from .regexsafety import nested_quantifier

if TYPE_CHECKING:
    from spacy.language import Language

# Token attributes a pattern may use, and the parse feature each one needs.
_ATTRIBUTE_FEATURES = {
    "LEMMA": "lemma", "POS": "pos", "TAG": "pos", "MORPH": "pos", "DEP": "dep",
    "ENT_TYPE": "ents", "IS_SENT_START": "sents",
}
REGEX_TIMEOUT_SECONDS = 0.5


def _span_hits(ctx: Context, spans) -> Iterator[Hit]:
    for start, end in spans:
        if ctx.in_scope(start, end):
            yield Hit(start, end, {"match": ctx.message.text[start:end]})


class Phrase(Check):
    """Fires on any of a list of phrases, compared by lower-case text or by lemma."""

    params = (
        Param("phrases", list, required=True, help="phrases to find"),
        Param("attr", str, "LOWER", "compare by LOWER (text) or LEMMA"),
    )

    def features(self) -> frozenset[str]:
        return frozenset({"lemma"} if self.options["attr"] == "LEMMA" else {"tokens"})

    def prepare(self, nlp: "Language") -> None:
        from spacy.matcher import PhraseMatcher

        self.matcher = PhraseMatcher(nlp.vocab, attr=self.options["attr"])
        # make_doc tokenises only; for LEMMA the pattern docs need the lemmatiser too.
        make = nlp if self.options["attr"] == "LEMMA" else nlp.make_doc
        self.matcher.add("phrase", [make(str(phrase)) for phrase in self.options["phrases"]])

    def run(self, ctx: Context) -> Iterator[Hit]:
        spans = ((ctx.doc[s:e].start_char, ctx.doc[s:e].end_char) for _id, s, e in self.matcher(ctx.doc))
        yield from _span_hits(ctx, spans)


class Pattern(Check):
    """Fires on spaCy `Matcher` token patterns (lists of token attribute dicts)."""

    params = (Param("patterns", list, required=True, help="spaCy Matcher patterns"),)

    def __init__(self, options):
        super().__init__(options)
        for pattern in self.options["patterns"]:
            if not isinstance(pattern, list) or not all(isinstance(token, dict) for token in pattern):
                raise ValueError(f"each pattern must be a list of token mappings, not {pattern!r:.60}")
            for value in _regex_predicates(pattern):
                # spaCy runs REGEX predicates with `re`, which has no time limit.
                if not isinstance(value, str) or nested_quantifier(value):
                    raise ValueError(f"REGEX {value!r:.60} nests repetitions and could hang on a long token; "
                                     "simplify it or use the time-bounded regex check type")

    def features(self) -> frozenset[str]:
        needed = {"tokens"}
        for pattern in self.options["patterns"]:
            for token in pattern:
                needed.update(_ATTRIBUTE_FEATURES[key] for key in token if key in _ATTRIBUTE_FEATURES)
        return frozenset(needed)

    def prepare(self, nlp: "Language") -> None:
        self.matcher = AnchoredMatcher(nlp.vocab, "pattern", self.options["patterns"], greedy="LONGEST")

    def run(self, ctx: Context) -> Iterator[Hit]:
        spans = ((ctx.doc[s:e].start_char, ctx.doc[s:e].end_char) for _id, s, e in self.matcher(ctx.doc))
        yield from _span_hits(ctx, sorted(spans))


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
        self.compiled = [regex.compile(str(p), flags) for p in self.options["patterns"]]

    def run(self, ctx: Context) -> Iterator[Hit]:
        text = ctx.message.text
        for pattern in self.compiled:
            try:
                matches = list(pattern.finditer(text, ctx.scope[0], ctx.scope[1], timeout=REGEX_TIMEOUT_SECONDS))
            except TimeoutError:
                raise RuntimeError(f"pattern {pattern.pattern!r} took over {REGEX_TIMEOUT_SECONDS}s; simplify it")
            yield from _span_hits(ctx, ((m.start(), m.end()) for m in matches if m.end() > m.start()))
