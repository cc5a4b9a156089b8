"""Ranking templates for a draft: signals read from the draft, and the reason given for each template."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from outreach_coach.linting.engine import Coach
from outreach_coach.linting.findings import Finding, Severity
from outreach_coach.writing.situation import SIGNALS
from outreach_coach.writing.suggest import SIGNAL_REASONS, SIGNAL_WEIGHTS, rank
from outreach_coach.writing.templates import Catalogue, render

from ..conftest import shared_path

CATALOGUE = Catalogue.load()
_COACH: list[Coach] = []


@pytest.fixture(autouse=True)
def _shared_coach(coach):
    _COACH[:] = [coach]


def parse(text: str, fmt: str = "md"):
    """The draft as the rules read it: the coach's parse and shared memo."""
    coach = _COACH[0]
    return coach.reading_of(coach.lint_text(text, f"draft.{fmt}", fmt))


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
    ("follow-up/no-reply", "---\nkind: follow-up\nsubject: Budgets\n---\nHi Ana,\n\nAny thoughts on the budget?"
     "\n\nTim"),
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
    # The same ideas in other fields and wordings: who the recipient is, what is proposed, how a reply opens.
    ("cold/recruiter", "---\nkind: connection-note\nchannel: linkedin\nto: {name: Dana, type: recruiter}\n---\n"
     "Hi Dana, you are filling paralegal openings in Bristol. I have three years of lease work and know a "
     "classmate who would apply too."),
    ("cold/recruiter", "---\nkind: cold\nsubject: Pastry chef vacancy\n---\nDear Talent Team,\n\nI have run the "
     "pastry section at a hotel kitchen for four years. Does the vacancy include weekend shifts?\n\nNoor"),
    ("cold/recruiter", "Subject: Your junior sound engineer opening\n\nHi Lee,\n\nI saw the studio is hiring a "
     "junior sound engineer. I have mixed live sound for forty gigs. Is the role open to part-time "
     "applicants?\n\nSam", "txt"),
    ("cold/collaboration-offer", "---\nkind: cold\nsubject: Your spring concert\nto: {name: Ivo}\n---\nHi Ivo,"
     "\n\nOur bakery would like to sponsor the community orchestra's spring concert. Could we talk for ten "
     "minutes about what the orchestra would need?\n\nMeg"),
    ("cold/collaboration-offer", "---\nkind: cold\nsubject: Your quilt\nto: {name: Rhea}\n---\nHi Rhea,\n\n"
     "We'd love to feature your storm quilt in our autumn exhibition, and we pay every artist a hanging fee. "
     "Would that interest you?\n\nOwen"),
    ("cold/collaboration-offer", "---\nkind: cold\nsubject: Row counter\nto: {name: Tove}\n---\nHi Tove,\n\n"
     "I built a small app that turns your knitting charts into row counters: https://example.org/rows. It's "
     "free; would you try it and tell me what is missing?\n\nAli"),
    ("cold/collaboration-offer", "Subject: Fewer missed appointments\n\nHi Bo,\n\nWe help small dental "
     "clinics cut missed appointments by texting patients. Your practice is growing, so there may be a fit. "
     "Open to a short call?\n\nKit", "txt"),
    ("cold/collaboration-offer", "Subject: A story for your desk\n\nHi Ines,\n\nI'm offering you an exclusive "
     "on a council plan to sell three libraries. May I send the documents?\n\nPaz", "txt"),
    ("follow-up/thank-you", "From: Ana <ana@example.org>\nTo: Tim <tim@example.org>\nSubject: Re: Grant "
     "budget\n\nHi Tim,\n\nThank you for the notes on my budget. I moved the travel costs as you suggested "
     "and the panel approved it.\n\nAna\n\nOn Mon, 2 Nov 2026, Tim wrote:\n> Just following up on this. "
     "Could you reply soon?\n", "eml"),
    ("follow-up/thank-you", "Subject: Re: Choir seating\n\nHi Una,\n\nThanks so much for the call on Tuesday. "
     "We tried your seating plan at rehearsal and the altos could finally hear each other.\n\nGil", "txt"),
    ("follow-up/after-event", "---\nkind: follow-up\nsubject: The robotics expo\n---\nHi Ren,\n\nThank you for "
     "talking with me at the robotics expo yesterday. Here is the gripper drawing I promised.\n\nJo"),
    ("follow-up/no-reply", "---\nkind: follow-up\nsubject: Clinic rota\n---\nHi Una,\n\nThanks for your "
     "patience; I'm following up on my note about the night rota.\n\nGil"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_top_template_fits_the_situation(case):
    expected, *draft = case
    assert top(*draft) == expected


def test_reason_names_the_draft_situation_and_the_findings_a_template_fixes():
    text = "---\nkind: cold\nsubject: Hi\n---\nHi Ana,\n\nCan I pick your brain over coffee?\n\nTim"
    findings = [Finding("pick-your-brain", Severity.ERROR, "m", 1, 1, 1, 1),
                Finding("hard-to-read", Severity.SUGGESTION, "m", 1, 1, 1, 1)]
    best = rank(parse(text), findings, CATALOGUE)[0]
    assert best.id == "cold/informational-interview"
    assert "cold message by email" in best.reason and "meeting" in best.reason and "pick-your-brain" in best.reason
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
        hits += rank(coach.reading_of(result), result.findings, CATALOGUE)[0].id in wanted[Path(result.path).name]
    assert hits / len(wanted) >= 0.95


def test_the_kind_is_the_messages_own_and_an_outcome_alone_does_not_make_a_cold_draft_an_update():
    text = "Subject: News from the studio\n\nHi Ana,\n\nYou looked at my portfolio in June: I got the job at the " \
           "print studio.\n\nTim"
    kind = parse(text, "txt").message.kind
    assert kind in CATALOGUE.get(top(text, "txt")).kinds
    assert top("---\nkind: follow-up\n---\n" + text.split("\n\n", 1)[1]) == "follow-up/update"


def test_reason_is_one_plain_line_saying_what_the_draft_is_and_why():
    text = "---\nkind: cold\nsubject: Stage lighting\n---\nHi Ines,\n\nCould we have a call about lighting?\n\nOla"
    best = rank(parse(text), [], CATALOGUE)[0]
    assert best.reason.startswith("Your draft is a cold message by email, and it asks for a meeting")
    assert "\n" not in best.reason and best.reason.endswith(".")


@pytest.mark.parametrize("text, expected", [
    # A meeting the writer wants in order to present their offer pitches it; one to learn from them does not.
    ("Our surveying firm maps drainage for councils. Would you be free for a coffee next week, so I can walk you "
     "through the flood map we drew for your town?", "cold/collaboration-offer"),
    ("Your flood map of the town changed how I route drains. Would you be free for a coffee next week, so I can "
     "ask how you surveyed the culverts?", "cold/informational-interview"),
    # An offer made before anything is asked is the point of the message.
    ("I'm happy to share our rehearsal-room booking sheet with your choir. Would you be free for a coffee next "
     "week to talk about which evenings suit yours?", "cold/collaboration-offer"),
    ("Would you have 15 minutes next week to talk about how you schedule rehearsals? In return I can share "
     "our room-booking sheet.", "cold/informational-interview"),
])
def test_what_a_meeting_is_for_decides_between_a_pitch_and_an_interview(text, expected):
    assert top(f"---\nkind: cold\nsubject: Rehearsals\n---\nHi Ana,\n\n{text}\n\nTim") == expected


@pytest.mark.parametrize("role, expected", [("Senior Technical Recruiter", "cold/recruiter"),
                                            ("Site Engineer", "cold/question-about-their-work")])
def test_a_known_role_that_is_not_a_recruiters_never_gets_the_recruiter_template(role, expected):
    text = (f"---\nkind: cold\nsubject: The site engineer opening\nto: {{name: Ana, role: {role}}}\n---\nHi Ana,"
            "\n\nIs the graduate site engineer opening still open to part-time applicants?\n\nTim")
    assert top(text) == expected


def test_lint_names_a_template_only_for_a_draft_with_findings_and_says_what_it_fixes(coach):
    from outreach_coach.writing.suggest import top_template

    extra = top_template(CATALOGUE)
    flagged = coach.lint_text("---\nkind: cold\nsubject: Hi\n---\nHi Ana,\n\nCan I pick your brain over coffee "
                              "sometime?\n\nTim", "a.md", "md")
    hint = extra(flagged)
    assert hint["template"] == "cold/informational-interview" and "pick-your-brain" in hint["fixes"]
    template = CATALOGUE.get("cold/researcher")
    clean = coach.lint_text(render(template, template.example_values()), "b.md", "md")
    assert not clean.findings and extra(clean) == {}
