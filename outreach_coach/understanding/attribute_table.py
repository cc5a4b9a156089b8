"""The model's attribute ruler, compiled into lookup tables: the same tags, a fraction of the time.

spaCy's `attribute_ruler` runs its ~180 patterns (mostly "this tag, this word -> this POS and
morphology") through a Matcher and builds a Span for every match, which costs about as much as the
tagger and parser together on short messages. The patterns only ever look at one or two tokens'
TAG, LOWER, DEP and IS_SPACE, so each token's candidate patterns can be found by dictionary lookup
on its word and tag. Every match is then applied exactly as the ruler does (`set_token_attrs`, in
pattern order, all matches found before any is applied), so the result is identical token by token;
a test checks that token by token on a corpus of drafts.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens._retokenize import set_token_attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

log = logging.getLogger(__name__)

FACTORY = "outreach_coach_attribute_table"
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
# Distinct (tag, word, dependency, space) rows whose matches are remembered: memory stays flat on any corpus.
MAX_REMEMBERED_ROWS = 50_000


class _TokenTest:
    """One token spec of a pattern, as tests on the token's row of (TAG, LOWER, DEP, IS_SPACE) values."""

    def __init__(self, spec: dict[str, Any], vocab: "Vocab"):
        self.equal: list[tuple[int, int]] = []
        self.member: list[tuple[int, frozenset[int]]] = []
        self.excluded: list[tuple[int, frozenset[int]]] = []
        self.regex: list[re.Pattern[str]] = []
        for key, value in spec.items():
            if key not in _COLUMNS:
                raise ValueError(f"attribute ruler pattern key {key!r} is not supported")
            column = _COLUMNS[key]
            if isinstance(value, dict):
                if set(value) in ({"IN"}, {"NOT_IN"}):
                    operator, = value
                    values = frozenset(self._value(key, v, vocab) for v in value[operator])
                    (self.member if operator == "IN" else self.excluded).append((column, values))
                elif set(value) == {"REGEX"} and key == "LOWER":
                    self.regex.append(re.compile(value["REGEX"]))
                else:
                    raise ValueError(f"attribute ruler pattern {spec!r} is not supported")
            else:
                self.equal.append((column, self._value(key, value, vocab)))

    @staticmethod
    def _value(key: str, value: Any, vocab: "Vocab") -> int:
        return int(bool(value)) if key == "IS_SPACE" else vocab.strings.add(value)

    def keys(self) -> list[tuple[int, int]]:
        """Where the spec is indexed: each word it accepts, else each tag, else nowhere (tried on every token)."""
        for column in (1, 0):
            for col, value in self.equal:
                if col == column:
                    return [(column, value)]
            for col, values in self.member:
                if col == column:
                    return [(column, value) for value in values]
        return []

    def accepts(self, row: tuple[int, int, int, int], lower_text: str) -> bool:
        return (all(row[c] == v for c, v in self.equal) and all(row[c] in vs for c, vs in self.member)
                and not any(row[c] in vs for c, vs in self.excluded) and all(r.search(lower_text) for r in self.regex))


class AttributeTable:
    """Applies an attribute ruler's patterns by table lookup; built from the ruler it replaces."""

    def __init__(self, vocab: "Vocab"):
        self.vocab = vocab
        self.indexed: dict[tuple[int, int], list[tuple[int, list[_TokenTest], int]]] = defaultdict(list)
        self.unindexed: list[tuple[int, list[_TokenTest], int]] = []
        self.attrs: list[dict] = []
        # Patterns of two or more tokens, by the first token's word, and those tried at every token.
        self.sequences: dict[int, list[tuple[int, list[_TokenTest], int]]] = defaultdict(list)
        self.open_sequences: list[tuple[int, list[_TokenTest], int]] = []
        self._singles: dict[tuple[int, int, int, int], tuple[int, ...]] = {}
        self._merges: dict[tuple[int, ...], dict] = {}

    def compile(self, ruler) -> None:
        """Take over the ruler's patterns, its normalised attributes and target indices."""
        for number, pattern in enumerate(ruler.patterns):
            for sequence in pattern["patterns"]:
                tests = [_TokenTest(spec, self.vocab) for spec in sequence]
                entry = (number, tests, ruler.indices[number])
                keys = tests[0].keys()
                if len(tests) > 1:
                    words = [value for column, value in keys if column == 1]
                    for word in words:
                        self.sequences[word].append(entry)
                    if not words:
                        self.open_sequences.append(entry)
                    continue
                for key in keys:
                    self.indexed[key].append(entry)
                if not keys:
                    self.unindexed.append(entry)
        self.attrs = list(ruler.attrs)

    def __call__(self, doc: "Doc") -> "Doc":
        if not len(doc):
            return doc
        rows = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        matches: list[tuple[int, int]] = []
        for start, row in enumerate(rows):
            single = self._singles.get(row)
            if single is None:
                if len(self._singles) >= MAX_REMEMBERED_ROWS:
                    self._singles.clear()
                single = self._singles[row] = self._single_matches(row)
            matches.extend((number, start) for number in single)
            for number, tests, index in self.sequences.get(row[1], []) + self.open_sequences:
                end = start + len(tests)
                if end <= len(rows) and all(test.accepts(rows[start + k], self._text(rows[start + k][1], test))
                                            for k, test in enumerate(tests)):
                    matches.append((number, start + index if index >= 0 else end + index))
        # The ruler applies matches in pattern order, later patterns overriding earlier ones.
        by_token: dict[int, list[int]] = defaultdict(list)
        for number, target in sorted(set(matches)):
            by_token[target].append(number)
        for target, numbers in by_token.items():
            set_token_attrs(doc[target], self._merged(tuple(numbers)))
        return doc

    def _text(self, lower: int, test: _TokenTest) -> str:
        return self.vocab.strings[lower] if test.regex else ""

    def _single_matches(self, row: tuple[int, int, int, int]) -> tuple[int, ...]:
        text = self.vocab.strings[row[1]]
        candidates = self.indexed.get((1, row[1]), []) + self.indexed.get((0, row[0]), []) + self.unindexed
        return tuple(sorted({number for number, tests, _ in candidates
                             if len(tests) == 1 and tests[0].accepts(row, text)}))

    def _merged(self, numbers: tuple[int, ...]) -> dict:
        merged = self._merges.get(numbers)
        if merged is None:
            merged = self._merges[numbers] = {k: v for number in numbers for k, v in self.attrs[number].items()}
        return merged


@Language.factory(FACTORY)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.vocab)


def compile_attribute_ruler(nlp: Language) -> None:
    """Replace the pipeline's attribute ruler by its compiled table, in the same place.

    A model whose ruler uses pattern features the table does not handle keeps its own ruler.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        AttributeTable(nlp.vocab).compile(ruler)
    except ValueError as err:
        log.info("keeping spaCy's attribute ruler: %s", err)
        return
    nlp.replace_pipe("attribute_ruler", FACTORY).compile(ruler)
