"""A spaCy Matcher that runs only the patterns whose required words are all in the doc.

Most pattern rules look for words that few messages contain. Checking a doc's set of words costs far less
than stepping the Matcher's state machine through every token for every pattern. Patterns that cannot
match add nothing, not even to the longest-match choice, so the matches are exactly the full Matcher's.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# Token attributes the Matcher compares by exact value (TEXT is ORTH), all read from one Doc array.
_COLUMNS = ("LOWER", "LEMMA", "ORTH", "NORM")
_ALIASES = {"TEXT": "ORTH"}
_AT_LEAST_ONE = re.compile(r"^\{0*[1-9]\d*(,\d*)?\}$")  # "{2}", "{1,3}", "{1,}"
_VALUES_KEY = "outreach-coach:token-values"
MAX_MATCHERS = 64


def required_words(pattern: list[dict[str, Any]]) -> list[tuple[str, frozenset[str]]]:
    """(attribute, allowed values) for each token of the pattern that must occur and names exact words."""
    found = []
    for token in pattern:
        op = token.get("OP")
        if op is not None and op != "+" and not _AT_LEAST_ONE.match(str(op)):
            continue
        for attr, value in token.items():
            column = _ALIASES.get(attr, attr)
            if column not in _COLUMNS:
                continue
            if isinstance(value, str):
                found.append((column, frozenset({value})))
                break
            if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
                found.append((column, frozenset(value["IN"])))
                break
    return found


class AnchoredMatcher:
    """`Matcher.add(key, patterns, **options)` and `__call__(doc)`, running only the patterns that can match."""

    def __init__(self, vocab: "Vocab", key: str, patterns: list, **options: Any):
        self.vocab = vocab
        self.key = key
        self.patterns = patterns
        self.options = options
        self.needs = [[(column, frozenset(vocab.strings.add(v) for v in values))
                       for column, values in required_words(pattern)] for pattern in patterns]
        self.matchers: dict[tuple[int, ...], Any] = {}
        self.full = self._build(tuple(range(len(patterns))))  # built now, so a bad pattern fails at load time

    def _build(self, indexes: tuple[int, ...]):
        from spacy.matcher import Matcher

        matcher = Matcher(self.vocab)
        matcher.add(self.key, [self.patterns[index] for index in indexes], **self.options)
        return matcher

    def __call__(self, doclike: "Doc | Span") -> list[tuple[int, int, int]]:
        present = _token_values(doclike)
        possible = tuple(index for index, need in enumerate(self.needs)
                         if all(values & present[column] for column, values in need))
        if not possible:
            return []
        if len(possible) == len(self.patterns):
            return self.full(doclike)
        matcher = self.matchers.get(possible)
        if matcher is None:
            if len(self.matchers) >= MAX_MATCHERS:
                self.matchers.clear()
            matcher = self.matchers[possible] = self._build(possible)
        return matcher(doclike)


def _token_values(doclike: "Doc | Span") -> dict[str, set[int]]:
    # The whole doc's words: a superset of a span's, so never skipping a pattern that could match.
    doc = getattr(doclike, "doc", doclike)
    values = doc.user_data.get(_VALUES_KEY)
    if values is None:
        from spacy import attrs

        array = doc.to_array([getattr(attrs, column) for column in _COLUMNS])
        values = {column: set(array[:, index].tolist()) for index, column in enumerate(_COLUMNS)}
        doc.user_data[_VALUES_KEY] = values
    return values
