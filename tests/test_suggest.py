"""Ranking templates for a draft: signals read from the draft, and the reason given for each template."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from outreach_coach import messages
from outreach_coach.findings import Finding, Severity
from outreach_coach.suggest import SIGNAL_REASONS, SIGNAL_WEIGHTS, rank, recipient_type, signals
from outreach_coach.templates import SIGNALS, Catalogue

from .conftest import shared_path

CATALOGUE = Catalogue.load()


def parse(text: str, fmt: str = "md"):
    return messages.parse(text, f"draft.{fmt}", fmt)


def top(text: str, fmt: str = "md", fired: tuple[str, ...] = ()) -> str:
    findings = [Finding(rule, Severity.WARNING, "m", 1, 1, 1, 1) for rule in fired]
    return rank(parse(text, fmt), findings, CATALOGUE)[0].id


def test_every_signal_a_template_may_declare_has_a_weight_and_a_reason():
    assert set(SIGNALS) == set(SIGNAL_WEIGHTS) == set(SIGNAL_REASONS)


CASES = [
    ("cold/informational-interview", "---\nkind: cold\nsubject: Stage lighting\nto: {name: Ines}\n---\n"
     "Hi Ines,\n\nCould we grab coffee next week so you can tell me about lighting design?\n\nOla"),
    ("cold/informational-interview", "Subject: Your nursing podcast\n\nHi Sam,\n\nWould you have twenty minutes "
     "for a phone conversation about your episode on night-shift fatigue?\n\nLi", "txt"),
    ("cold/question-about-their-work", "---\nkind: cold\nsubject: Your post on clause libraries\n---\n"
     "Hi Ruth,\n\nIn your post on clause libraries, do you version them per client?\n\nAbe"),
    ("cold/connection-note", "---\nkind: connection-note\nto: {name: Kofi}\n---\nHi Kofi, I teach chemistry "
     "too and would like to connect."),
    ("cold/connection-note", "---\nchannel: linkedin\nto: {name: Kofi}\n---\nHi Kofi, your thread on lab safety "
     "posters was great."),
    ("cold/connection-note", "Hi Kofi, your reels on glazing tiles taught me to test-fire small batches. "
     "I'd be glad to share my kiln log.", "txt"),
    ("cold/question-about-their-work", "Hi Kofi,\n\n" + "Your reel on glazing tiles taught me to test-fire small "
     "batches, and my losses fell from one tile in five to one in twenty. " * 3 + "Which cone do you fire to?\n\nAda",
     "txt"),
    ("cold/recruiter", "---\nkind: cold\nsubject: Sales roles\nto: {name: Pat, type: recruiter}\n---\n"
     "Hi Pat,\n\nAre you hiring account executives in Leeds?\n\nMo"),
    ("cold/recruiter", "---\nkind: cold\nsubject: The tutor opening\nto: {name: Pat, type: hiring-manager}\n---\n"
     "Hi Pat,\n\nWould you be open to a 15-minute call about the tutor opening?\n\nMo"),
    ("cold/researcher", "---\nkind: cold\nsubject: Your coral paper\nto: {name: Dr. Obi, type: researcher}\n"
     "---\nDear Dr. Obi,\n\nWhich temperature did you hold the tanks at?\n\nAl"),
    ("cold/researcher", "---\nkind: cold\nsubject: Bird counts\nto: {name: Dr. Obi}\n---\nDear Dr. Obi,\n\n"
     "I re-ran the counts in Table 3 of your wetland study and got lower totals. Did you merge the two sites?\n\nAl"),
    ("cold/shared-background", "---\nkind: cold\nsubject: Typography\nto: {name: Zoe, shared: [Ravensbourne]}\n"
     "---\nHi Zoe,\n\nHow do you pair serif fonts in your posters?\n\nEd"),
    ("cold/collaboration-offer", "---\nkind: cold\nsubject: Your drum loops\nto: {name: Raj}\n---\nHi Raj,\n\n"
     "I built a practice app on your free drum loops. Would you like to collaborate on a paid version?\n\nJo"),
    ("intro/ask-for-opt-in", "---\nkind: introduction\nsubject: An intro?\nto: {name: Vic}\n---\nHi Vic,\n\n"
     "Would you like to meet Kim, who runs the choir at my school?\n\nBea"),
    ("intro/double-opt-in", "---\nkind: introduction\nsubject: Vic and Kim\n---\nHi Vic and Kim,\n\n"
     "Meet each other: you both run choirs.\n\nBea"),
    ("intro/request", "---\nkind: intro-request\nsubject: One more thing\nto: {name: Lu}\n---\nHi Lu,\n\n"
     "Do you know anyone who teaches ceramics at a prison?\n\nMo"),
    ("follow-up/no-reply", "---\nkind: follow-up\nsubject: 'Re: Grant budgets'\nprevious: 2026-11-01\n"
     "sent: 2026-11-10\n---\nHi Ana,\n\nA gentle nudge on my budget question.\n\nTim"),
    ("follow-up/no-reply", "---\nkind: follow-up\nsubject: Budgets\n---\nHi Ana,\n\nAny thoughts on the budget?\n\nTim"),
    ("follow-up/check-in", "---\nkind: follow-up\nsubject: Budgets\n---\nHi Ana,\n\nI came across a guide to "
     "grant budgets and thought of you: https://example.org/budgets\n\nTim"),
    ("follow-up/thank-you", "---\nkind: thank-you\nsubject: Thanks\n---\nHi Ana,\n\nThank you for the call; "
     "I rewrote my grant budget as you said.\n\nTim"),
    ("follow-up/after-event", "---\nkind: follow-up\nsubject: The quilting fair\n---\nHi Ana,\n\nGreat to "
     "chat at the quilting fair yesterday. Here is the pattern I mentioned.\n\nTim"),
    ("follow-up/update", "---\nkind: follow-up\nsubject: News\n---\nHi Ana,\n\nYou helped me prepare for the "
     "audition in May: I got the second violin seat.\n\nTim"),
    ("follow-up/check-in", "---\nkind: check-in\nsubject: A paper on sleep\n---\nHi Ana,\n\nHere is a paper "
     "on shift work and sleep you might like.\n\nTim"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_top_template_fits_the_situation(case):
    expected, *draft = case
    assert top(*draft) == expected


def test_a_duration_that_is_not_a_meeting_is_not_a_meeting_request():
    text = "Hi Ana,\n\nYour caching tip took our build from 40 minutes to 5. Which cache key do you use?\n\nTim"
    assert "meeting" not in signals(parse(text))
    assert "meeting" in signals(parse("Hi Ana,\n\nCould you spare 15 minutes this week?\n\nTim"))


def test_quoted_history_gives_no_signals_but_continues_a_thread():
    text = ("Subject: Re: Lesson plans\n\nHi Ana,\n\nAny thoughts?\n\nTim\n\n"
            "On Mon, 2 Nov 2026, Tim wrote:\n> Could we have a 20-minute call about your lesson plans?\n")
    found = signals(parse(text, "txt"))
    assert "thread" in found and "meeting" not in found


def test_an_email_with_two_recipients_is_two_sided():
    eml = ("From: Bea <bea@example.org>\nTo: Vic <vic@example.org>, Kim <kim@example.org>\nSubject: You two\n\n"
           "Hello both,\n\nYou run choirs.\n\nBea\n")
    assert "two-sided" in signals(parse(eml, "eml"))


def test_reason_names_the_draft_situation_and_the_findings_a_template_fixes():
    text = "---\nkind: cold\nsubject: Hi\n---\nHi Ana,\n\nCan I pick your brain over coffee?\n\nTim"
    findings = [Finding("pick-your-brain", Severity.ERROR, "m", 1, 1, 1, 1),
                Finding("hard-to-read", Severity.SUGGESTION, "m", 1, 1, 1, 1)]
    best = rank(parse(text), findings, CATALOGUE)[0]
    assert best.id == "cold/informational-interview"
    assert "cold email" in best.reason and "meeting" in best.reason and "pick-your-brain" in best.reason
    assert "hard-to-read" not in best.reason


def test_findings_a_template_fixes_break_ties():
    text = "---\nkind: cold\nsubject: Pottery\nto: {name: Ana, shared: [Glasgow]}\n---\nHi Ana,\n\nHow?\n\nTim"
    plain = rank(parse(text), [], CATALOGUE)
    assert plain[0].id == "cold/shared-background"
    fired = [Finding(rule, Severity.WARNING, "m", 1, 1, 1, 1) for rule in ("unused-common-ground",)]
    assert rank(parse(text), fired, CATALOGUE)[0].score > plain[0].score


def test_templates_for_another_recipient_type_are_not_suggested():
    text = "---\nkind: cold\nsubject: X\nto: {name: Ana, type: peer}\n---\nHi Ana,\n\nYour paper?\n\nTim"
    ids = [s.id for s in rank(parse(text), [], CATALOGUE)]
    assert "cold/researcher" not in ids and "cold/recruiter" not in ids and "follow-up/no-reply" not in ids


def test_dev_set_top_template_is_a_labelled_one_for_at_least_90_percent(coach):
    labels_path = shared_path("eval", "dev", "labels.yaml")
    labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))["messages"]
    wanted = {name: set(entry["templates"]) for name, entry in labels.items() if entry.get("templates")}
    paths = [str(Path(labels_path.parent, name)) for name in sorted(wanted)]
    hits = 0
    for result in coach.lint_paths(paths):
        assert result.message is not None, result.error
        hits += rank(result.message, result.findings, CATALOGUE)[0].id in wanted[Path(result.path).name]
    assert hits / len(wanted) >= 0.9


@pytest.mark.parametrize("front, greeting, expected", [
    ("to: {name: Sol, role: Senior Technical Recruiter}", "Hi Sol,", "recruiter"),
    ("to: {name: Sol}", "Dear Hiring Manager,", "hiring-manager"),
    ("to: {name: Sol Ortiz, role: Associate Professor of Nursing}", "Dear Sol,", "researcher"),
    ("to: {name: Sol, role: Head Chef}", "Hi Sol,", None),
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
])
def test_signal_cues(text, signal, present):
    assert (signal in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))) is present


@pytest.mark.parametrize("text, present", [
    ("Your 2025 paper on soil fungi changed my thesis plan.", True),
    ("I reran the model from your Urban Noise 2024 dataset.", True),
    ("Your talk on making kites from folded paper was fun.", False),
])
def test_research_cue_needs_their_paper_or_dataset(text, present):
    assert ("research" in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))) is present


@pytest.mark.parametrize("text, signal", [
    ("Just checking in on my note below about the grant.", "reminder"),
    ("We finally shipped the braille labels you suggested.", "outcome"),
    ("Lovely meeting you at the choir workshop on Saturday.", "event"),
    ("Would you have a few minutes on the phone next week?", "meeting"),
    ("Your 2019 publication on tidal marshes shaped my fieldwork.", "research"),
])
def test_more_ways_to_say_it(text, signal):
    assert signal in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))



@pytest.mark.parametrize("text, present", [
    ("I accepted an offer from the city orchestra.", True),
    ("I got the grant for the reading programme.", True),
    ("I start at the clinic in March.", True),
    ("I got a lot out of your workshop and started your reading list.", False),
    ("I joined your webinar and finished the exercises.", False),
])
def test_outcome_means_how_it_turned_out(text, present):
    assert ("outcome" in signals(parse(f"Hi Ana,\n\n{text}\n\nTim"))) is present
