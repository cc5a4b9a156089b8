"""The anchored Matcher finds exactly what spaCy's Matcher finds, skipping patterns whose words are absent."""
from __future__ import annotations

import pytest

from bench.corpus import draft
from outreach_coach.linting.checks.anchors import AnchoredMatcher, required_words
from outreach_coach.understanding import nlp

PATTERNS = [
    [{"LOWER": "pick"}, {"LOWER": "your"}, {"LEMMA": "brain"}],
    [{"LOWER": {"IN": ["i", "we"]}}, {"LEMMA": "be"}, {"LOWER": "really", "OP": "?"},
     {"LOWER": {"IN": ["excited", "thrilled", "desperate"]}}],
    [{"LEMMA": "need"}, {"LOWER": "a"}, {"LOWER": "job"}],
    [{"LOWER": "quick"}],
    [{"LOWER": "quick"}, {"LOWER": "question"}],
    [{"TEXT": "Zoom"}],
    [{"LOWER": "very", "OP": "{1,2}"}, {"LOWER": "busy"}],
    [{"LOWER": "so", "OP": "*"}, {"LOWER": "grateful"}],
    [{"LEMMA": "hop"}, {"LOWER": "on"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": {"IN": ["call", "zoom"]}}],
]
TEXTS = [draft(i)[1] for i in range(60)] + [
    "Quick question: could I pick your brains about the mural grant?",
    "We are really thrilled, and I'm desperate to hop on a quick Zoom.",
    "I needed a job last year; you are very very busy, so so grateful.",
    "Nothing here names any of the words at all.",
    "Can we hop on a call? I am so grateful.",
]


@pytest.fixture(scope="module")
def model():
    return nlp.load(None, {"lemma", "dep"})


@pytest.fixture(scope="module")
def docs(model):
    return list(model.pipe(TEXTS))


@pytest.mark.parametrize("patterns", [PATTERNS, [*PATTERNS, [{"IS_DIGIT": True}]]], ids=["anchored", "one-unanchored"])
@pytest.mark.parametrize("greedy", [None, "LONGEST"])
def test_same_matches_as_spacy_matcher(model, docs, patterns, greedy):
    from spacy.matcher import Matcher

    plain = Matcher(model.vocab)
    plain.add("p", patterns, greedy=greedy)
    anchored = AnchoredMatcher(model.vocab, "p", patterns, greedy=greedy)
    found = 0
    for doc in docs:
        expected = plain(doc)
        assert anchored(doc) == expected, doc.text
        found += bool(expected)
    assert found >= 5


def test_a_doc_without_the_words_builds_and_runs_no_matcher(model):
    anchored = AnchoredMatcher(model.vocab, "p", PATTERNS[:3])
    assert anchored(model("Thanks for the notes on the glaze recipe.")) == []
    assert anchored.matchers == {}


def test_a_bad_pattern_fails_when_built_not_when_first_run(model):
    with pytest.raises(Exception):
        AnchoredMatcher(model.vocab, "p", [[{"LOWER": "x", "OP": "sometimes"}]])


def test_required_words_skip_optional_and_inexact_tokens():
    pattern = [{"LOWER": "so", "OP": "*"}, {"LOWER": {"REGEX": "^gr"}}, {"LEMMA": {"IN": ["be", "seem"]}},
               {"LOWER": "very", "OP": "{2}"}, {"TEXT": "Zoom", "OP": "+"}, {"LOWER": "not", "OP": "!"}]
    assert required_words(pattern) == [("LEMMA", frozenset({"be", "seem"})), ("LOWER", frozenset({"very"})),
                                       ("ORTH", frozenset({"Zoom"}))]
