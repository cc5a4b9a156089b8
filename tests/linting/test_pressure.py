"""Pressure check types: deadlines set on the reader's answer, the reader's silence held against them, one finding."""
from __future__ import annotations

import pytest

from ..check_runner import body
from ..conftest import rule_ids


@pytest.mark.parametrize("text, spans", [
    ("Send the scrim VODs by Friday.", ["Send the scrim VODs by Friday"]),  # an order with a date
    ("You must return the loom swatches before noon.", ["return the loom swatches before noon"]),
    ("I'll send the scrim VODs by Friday.", []),  # the writer's own deadline
    ("Our conductor picks the timpani by Friday.", []),  # a third party's
    ("Could you send the scrim VODs by Friday?", []),  # asked, not set
    ("Please send the swatches by courier.", []),  # "by" naming a means, not a time
    ("No rush: send the scrim VODs by Friday or whenever suits.", []),  # urgency lifted in the same breath
    ("No pressure at all.\n\nSend the scrim VODs by Friday if it suits.", []),  # or just before
])
def test_deadline_demand_is_a_limit_set_on_the_readers_doing(run, text, spans):
    assert run("deadline-demand", {}, body(text)) == spans


def test_deadline_demand_lets_the_filters_judge_negation(run):
    text = body("There's no need to send the scrim VODs by Friday.")
    assert run("deadline-demand", {"skip-negated": True}, text) == []


@pytest.mark.parametrize("text, spans", [
    ("This is my third note about the pilot boarding ladder.", ["my third note"]),
    ("I wrote to you four times about the pilot ladder.", ["four times"]),
    ("Five weeks with zero response about the ladder.", ["zero response"]),
    ("I found two notes from the harbour master in the archive.", []),  # counted, but not the writer's
    ("Still no reply from the port authority, so I'm asking you instead.", []),  # someone else's silence
])
def test_reader_silence_counts_the_writers_unanswered_messages(run, text, spans):
    assert run("reader-silence", {}, body(text)) == spans


def test_reader_silence_is_let_off_by_a_softener_in_the_sentence(run):
    options = {"unless-within": "sentence", "unless": [[{"LOWER": "no"}, {"LOWER": "pressure"}]]}
    assert run("reader-silence", options, body("This is my third note about the ladder, no pressure at all.")) == []
    assert run("reader-silence", options, body("This is my third note about the ladder.")) == ["my third note"]


SILENCE_TWO_WAYS = {"checks": [{"type": "reader-silence"},
                               {"type": "pattern", "patterns": [[{"LOWER": "still"}, {"LOWER": "nothing"}]]}]}


@pytest.mark.parametrize("text, spans", [
    # the sentence saying it most is the one reported, once
    ("This is my third note. Still nothing, and my last two pings were opened four times.", ["Still nothing"]),
    ("This is my third note.\n\nStill nothing.", ["my third note"]),  # a tie goes to the first
    ('My students call it "my third note" as a joke. Still nothing on the ladder.', ["Still nothing"]),  # quoted
    ("Thanks for the riser plan.", []),
])
def test_one_finding_reports_the_clearest_sentence_once(run, text, spans):
    assert run("one-finding", SILENCE_TWO_WAYS, body(text)) == spans


def test_quoted_reply_history_is_not_the_writers_pressure(lint):
    head = "---\nkind: follow-up\n---\nHi Jo,\n\n"
    pressing = "This is my third note about the drum riser and I know you saw it."
    assert "pressure-follow-up" in rule_ids(lint(f"{head}{pressing}\n\nAl\n"))
    history = f"{head}Resending the drum riser plan in case it got buried.\n\nAl\n\n> On Monday, Al wrote:\n> {pressing}\n"
    assert "pressure-follow-up" not in rule_ids(lint(history))
