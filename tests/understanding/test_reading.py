"""What a message asks and offers: ask kinds, bounded meetings, agendas, offers and broad questions."""
from __future__ import annotations

import pytest

from outreach_coach.inputs import messages
from outreach_coach.linting.ruleset import RuleSet
from outreach_coach.understanding import nlp
from outreach_coach.understanding.reading import Reading

from ..conftest import TODAY


@pytest.fixture(scope="session")
def context():
    """Build the context a check sees for a message text (parsed as .md)."""
    model = nlp.load(None, RuleSet.load().features())

    def build(text: str) -> Reading:
        message = messages.parse(text, "t.md", "md", TODAY)
        return Reading(message, model(message.text))
    return build


def kinds(ctx: Reading) -> set[str]:
    return set().union(*(a.kinds for a in ctx.asks))


@pytest.mark.parametrize("text, expected", [
    ("Would you be free for a coffee next week?", {"meeting"}),
    ("Could you introduce me to your studio manager?", {"introduction"}),
    ("Is your clinic hiring night-shift nurses?", {"job"}),
    ("Could you pass my resume along to your recruiter?", {"job"}),
    ("Do you have any advice on tuning a harpsichord for baroque pitch?", {"advice"}),
    ("I'd love to connect with you.", {"connect"}),
    ("Could you send me the slides?", {"other"}),
])
def test_ask_kinds(context, text, expected):
    assert kinds(context(text)) == expected


@pytest.mark.parametrize("text", [
    "Thanks for the chat yesterday.",
    "I used your template on three contracts.",
    "I'd like to introduce myself: I teach chemistry in Leeds.",
    "Congratulations on the new job!",
])
def test_statements_are_not_asks(context, text):
    assert context(text).asks == ()


def test_asks_are_computed_once_per_message(context):
    ctx = context("Could we talk on Friday?")
    assert ctx.asks is ctx.asks


@pytest.mark.parametrize("text, bounded", [
    ("Could we have a 15-minute call on Friday?", True),
    ("Could you spare half an hour next week to talk?", True),
    ("---\nsubject: 20 minutes on your survey?\n---\nCould we talk next week?", True),
    ("Could we have a quick call on Friday?", False),
    ("Could we chat sometime? Your script cut our build from 20 minutes to 3.", False),
])
def test_is_bounded(context, text, bounded):
    assert context(text).meeting_bounded is bounded


@pytest.mark.parametrize("text, agenda", [
    ("Could we talk about how you schedule rehearsals for the youth choir?", True),
    ("Could we talk for 15 minutes? I'd like to ask whether you still use paper charts on the ward.", True),
    ("Could we talk about your career?", False),
    ("Could we meet for coffee? I'd love your advice on design.", False),
    ("Could we chat about law in general?", False),
    ("Would you have 20 minutes to go over the station map in your aftershock paper?", True),
    ("Could we talk for 20 minutes? I want to ask how you weigh a goshawk before its first flight.", True),
    ("Could we talk for 20 minutes when you are back from the field?", False),
    ("Could we chat for 20 minutes about what you think of the bookbinding industry?", False),
])
def test_has_agenda(context, text, agenda):
    assert context(text).has_agenda is agenda


@pytest.mark.parametrize("text, offered", [
    ("I'm happy to share our field notes if they're useful.", True),
    ("Here is the script I wrote from your method: https://example.org/s", True),
    ("I spotted a typo in Table 3 of your paper.", True),
    ("I translated your tutorial into Portuguese.", True),
    ("I could introduce you to our head of grants.", True),
    ("I can send you my CV.", False),
    ("Thank you so much for your talk, it was inspiring.", False),
    ("I'd love to add you to my network.", False),
    ("My portfolio is attached in case it's useful.", False),
])
def test_offers(context, text, offered):
    assert bool(context(text).offers) is offered


@pytest.mark.parametrize("text, broad", [
    ("Do you have any advice for a new teacher?", True),
    ("How do I break into patent law?", True),
    ("What can you tell me about the music industry?", True),
    ("What is it like to work in a hospital lab?", True),
    ("How did you calibrate the flow cytometer for the small-cell panel?", False),
    ("Any tips on how to voice the alto line in your arrangement of the hymn?", False),
    ("I'd love to hear what it takes to break into seismology.", True),
    ("How does a falconer find a mentor for the apprentice licence?", True),
    ("How does a falconer use the weight chart in your handbook?", False),
    ("Would you mind sending the glue recipe when you get a chance?", False),
    ("I tried your suggestions on the spine lining and they worked.", False),
    ("I'd appreciate your view on whether my bindings look ready for a craft fair.", False),
])
def test_broad_questions(context, text, broad):
    assert bool(context(text).broad_questions) is broad


@pytest.mark.parametrize("text, meeting", [
    ("There's no need for a call; email is fine.", False),
    ("Rather than a call, could you answer by email?", False),
    ("I'm still keen on a call about your seismometer vault.", True),
    ("I'm still keen on seismology.", False),
])
def test_meeting_asks(context, text, meeting):
    assert bool(context(text).meeting_asks) is meeting
