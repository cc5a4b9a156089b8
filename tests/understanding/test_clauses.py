"""The shared notions over the parse: negation, suppositions, reported speech, requests, specific topics."""
from __future__ import annotations

import pytest

from outreach_coach.linting.ruleset import RuleSet
from outreach_coach.understanding import clauses as lang
from outreach_coach.understanding import nlp


@pytest.fixture(scope="session")
def parse():
    """Parse a text with the same pipeline the coach loads (cached, so the model loads once)."""
    return nlp.load(None, RuleSet.load().features())


def first(doc, word):
    return next(t for t in doc if t.lower_ == word)


@pytest.mark.parametrize("text, word, negated", [
    ("I won't ask to pick your brain about the grant.", "pick", True),
    ("Rather than pick your brain, I have one question.", "pick", True),
    ("I'm not writing just to grow my network.", "grow", True),
    ("I don't know many potters, but I'd love to grow my network.", "grow", False),
    ("Could I pick your brain about glazes?", "pick", False),
])
def test_is_negated(parse, text, word, negated):
    assert lang.is_negated(first(parse(text), word)) is negated


@pytest.mark.parametrize("text, word, supposed", [
    ("If a call is easier, I'm happy to do one.", "call", True),
    ("If you could spare a call next week, I'd be grateful.", "call", False),
    ("If you're hiring nurses, please let me know.", "hiring", False),
    ("I'd like a call about your tide gauge paper.", "call", False),
])
def test_is_own_hypothetical(parse, text, word, supposed):
    doc = parse(text)
    assert lang.is_own_hypothetical(first(doc, word), doc[:]) is supposed


@pytest.mark.parametrize("text, word, reported", [
    ("Many students ask to pick your brain after class.", "pick", True),
    ("Everyone wants to grow their network.", "grow", True),
    ("My mentor said I should pick your brain.", "pick", False),
    ("Let me know if your studio has any openings.", "openings", False),
])
def test_is_reported(parse, text, word, reported):
    assert lang.is_reported(first(parse(text), word)) is reported


@pytest.mark.parametrize("text, asks", [
    ("Could you share the slides from your talk?", True),
    ("I'd love to hear how you staff night shifts.", True),
    ("I was hoping you could share the rota template.", True),
    ("I'm writing to request a short call about your tutoring scheme.", True),
    ("Several parents asked about your tutoring scheme.", False),
    ("It would be great if you could send the template.", True),
    ("I'm writing to see if you might have time next week.", True),
    ("Send me the draft when it's ready.", True),
    ("I love your post on sourdough starters.", False),
    ("I hope you're doing well.", False),
    ("I wonder whether I should retrain as a nurse.", False),
    ("I presented the results at our lab meeting.", False),
    ("Would love to see the lesson plan you mentioned.", True),
    ("Would never want to take up your whole afternoon.", False),
])
def test_is_request(parse, text, asks):
    assert lang.is_request(parse(text)[:]) is asks


@pytest.mark.parametrize("text, head, specific", [
    ("We could talk about your career.", "career", False),
    ("We could talk about data engineering.", "engineering", False),
    ("We could talk about your thoughts on the ward rota.", "thoughts", True),
    ("We could talk about the consent form in your trial.", "form", True),
    ("We could talk about how you price fixed-fee cases.", "price", True),
    ("We could talk about how you got into law.", "got", False),
    ("We could talk about Kubernetes in general.", "kubernetes", False),
])
def test_is_specific_topic(parse, text, head, specific):
    assert lang.is_specific_topic(first(parse(text), head)) is specific


def test_pieces_cut_at_line_breaks_and_clip_to_scopes(parse):
    text = "Coffee?\n\nHi Ana, how did you pick the sites?\nThanks,\nBo"
    doc = parse(text)
    body_start = text.index("how")
    pieces = [p.text for p in lang.pieces(doc, [(0, 7), (body_start, text.index("\nThanks"))])]
    assert pieces == ["Coffee?", "how did you pick the sites?"]


@pytest.mark.parametrize("text, own", [
    ("How did you choose the cutoff for low-quality cells?", True),
    ("How did you get into biology?", False),
    ("How are you?", False),
])
def test_asks_about_their_own(parse, text, own):
    assert lang.asks_about_their_own(parse(text)[:]) is own
