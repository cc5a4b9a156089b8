"""Situation cues read from a draft: meeting requests, research, outcomes, events, threads, recipients."""
from __future__ import annotations

import pytest

from outreach_coach import messages
from outreach_coach import cues
from outreach_coach.cues import recipient_type


@pytest.fixture
def signals(coach):
    """The signals of a draft, read through the coach's parse as the rules read it."""
    def read(message):
        return cues.signals(coach.context_of(coach.lint_messages([message]).__next__()))
    return read


def parse(text: str, fmt: str = "md"):
    return messages.parse(text, f"draft.{fmt}", fmt)


def test_a_duration_that_is_not_a_meeting_is_not_a_meeting_request(signals):
    text = "Hi Ana,\n\nYour caching tip took our build from 40 minutes to 5. Which cache key do you use?\n\nTim"
    assert "meeting" not in signals(parse(text))
    assert "meeting" in signals(parse("Hi Ana,\n\nWould you be free for a coffee next week?\n\nTim"))


def test_quoted_history_gives_no_signals_but_continues_a_thread(signals):
    text = ("Subject: Re: Lesson plans\n\nHi Ana,\n\nAny thoughts?\n\nTim\n\n"
            "On Mon, 2 Nov 2026, Tim wrote:\n> Could we have a 20-minute call about your lesson plans?\n")
    found = signals(parse(text, "txt"))
    assert "thread" in found and "meeting" not in found


def test_an_email_with_two_recipients_is_two_sided(signals):
    eml = ("From: Bea <bea@example.org>\nTo: Vic <vic@example.org>, Kim <kim@example.org>\nSubject: You two\n\n"
           "Hello both,\n\nYou run choirs.\n\nBea\n")
    assert "two-sided" in signals(parse(eml, "eml"))


@pytest.mark.parametrize("front, greeting, expected", [
    ("to: {name: Sol, role: Senior Technical Recruiter}", "Hi Sol,", "recruiter"),
    ("to: {name: Sol}", "Dear Hiring Manager,", "hiring-manager"),
    ("to: {name: Sol Ortiz, role: Associate Professor of Nursing}", "Dear Sol,", "researcher"),
    ("to: {name: Sol, role: Head Chef}", "Hi Sol,", "practitioner"),
    ("to: {name: Sol}", "Hi Sol,", None),
    ("to: {name: Sol, type: mentor, role: Recruiter}", "Hi Sol,", "mentor"),
])
def test_recipient_type_is_read_from_role_or_greeting_when_not_given(front, greeting, expected):
    message = parse(f"---\nkind: cold\n{front}\n---\n{greeting}\n\nHow do you plan menus?\n\nTim")
    assert recipient_type(message) == expected


@pytest.mark.parametrize("text, signal, present", [
    ("I collaborated with our nurses on the rota. How did you schedule yours?", "collaboration", False),
    ("Would you like to collaborate on a bilingual songbook?", "collaboration", True),
    ("Would you be open to me translating your zine into Polish?", "collaboration", True),
    ("I watched your talk yesterday. Which mic do you use?", "event", False),
    ("Lovely to meet you at the pottery fair yesterday; here is the glaze recipe.", "event", True),
    ("Our teams use your linter daily; does it handle tabs?", "meeting", False),
    ("Could we hop on a quick call about your linter?", "meeting", True),
    ("Thank you for the tour of the print shop; I have ordered the ink you showed me.", "thanks-first", True),
    ("Which ink do you use? Thanks for any pointers.", "thanks-first", False),
    ("I reprinted the poster the way you showed me. Thank you for taking the time on Monday.", "thanks-first", True),
    ("We won't use the old press again; it jammed twice.", "outcome", False),
    ("Thanks for waiting; I'm following up on my question about ink.", "thanks-first", False),
    ("Has your apiary filled the assistant beekeeper post yet?", "hiring", True),
    ("Is your apiary hiring any beekeepers at all?", "hiring", False),
    ("Is the assistant beekeeper post still open to part-time applicants?", "hiring", True),
    ("In your role as head beekeeper, how do you plan the hive inspections?", "hiring", False),
    ("Would you be free for a coffee next week, so I can walk you through our ferry crew rota app?",
     "collaboration", True),
    ("Would you be free for a coffee next week, so I can hear how you plan the ferry crew rota?",
     "collaboration", False),
    ("I don't want to pick your brain in general; which rota app does your ferry crew use?", "meeting", False),
    ("Your essay on the role of play in maths lessons helped my class.", "hiring", False),
    ("Our foundation would like to fund the next season of your podcast.", "collaboration", True),
    ("I built a plugin that exports your colour palettes to Figma; want to try it?", "collaboration", True),
    ("We help bakeries sell surplus bread at closing time; there could be a fit.", "collaboration", True),
    ("I built my first website last year. Which host do you use?", "collaboration", False),
])
def test_signal_cues(text, signal, present, signals):
    assert (signal in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))) is present


@pytest.mark.parametrize("text, present", [
    ("Your 2025 paper on soil fungi changed my thesis plan.", True),
    ("I reran the model from your Urban Noise 2024 dataset.", True),
    ("Your talk on making kites from folded paper was fun.", False),
])
def test_research_cue_needs_their_paper_or_dataset(text, present, signals):
    assert ("research" in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))) is present


@pytest.mark.parametrize("text, signal", [
    ("Just checking in on my note below about the grant.", "reminder"),
    ("We finally shipped the braille labels you suggested.", "outcome"),
    ("Lovely meeting you at the choir workshop on Saturday.", "event"),
    ("Would you have a few minutes on the phone next week?", "meeting"),
    ("Your 2019 publication on tidal marshes shaped my fieldwork.", "research"),
])
def test_more_ways_to_say_it(text, signal, signals):
    assert signal in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))


@pytest.mark.parametrize("text, present", [
    ("I accepted an offer from the city orchestra.", True),
    ("I got the grant for the reading programme.", True),
    ("I start at the clinic in March.", True),
    ("I got a lot out of your workshop and started your reading list.", False),
    ("I joined your webinar and finished the exercises.", False),
])
def test_outcome_means_how_it_turned_out(text, present, signals):
    assert ("outcome" in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))) is present


@pytest.mark.parametrize("role", ["Lead UX Researcher", "Senior User Researcher", "Market Researcher"])
def test_an_industry_research_role_is_not_an_academic_researcher(role):
    message = parse(f"---\nkind: cold\nto: {{name: Sol, role: {role}}}\n---\nHi Sol,\n\nHow?\n\nTim")
    assert recipient_type(message) == "practitioner"


def test_asking_about_any_opening_is_not_about_a_specific_role(signals):
    found = signals(parse("Hi Ana,\n\nPlease tell me if your gallery has any openings.\n\nTim"))
    assert "hiring" not in found
    assert "hiring" in signals(parse("Hi Ana,\n\nIs your gallery hiring for the technician opening?\n\nTim"))
