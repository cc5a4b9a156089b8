"""`due`: follow-ups at the 7- and 14-day edges, threads over several files, replies read from .eml history."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from outreach_coach.campaign.due import CHECK_IN, FOLLOW_UP, LEAVE, due
from outreach_coach.frontends.cli import cli

from .campaign_folder import draft, email_file

D = dt.date
BODY = "Hi {name},\n\nI tune church organs in Cork and wondered how you voice reed pipes. Could we talk?\n\nThanks,\nTom\n"


def steps_of(coach, folder, today):
    messages = list(coach.read_paths([str(folder)]))
    return {step.path.rsplit("/", 1)[-1]: step for step in due(messages, today)}


@pytest.mark.parametrize("today, action, late", [
    (D(2026, 11, 7), LEAVE, False),       # 6 days: too soon
    (D(2026, 11, 8), FOLLOW_UP, False),   # 7 days: the window opens
    (D(2026, 11, 15), FOLLOW_UP, False),  # 14 days: the window's last day
    (D(2026, 11, 16), FOLLOW_UP, True),   # 15 days: late, still worth a note
])
def test_follow_up_window_edges(coach, tmp_path, today, action, late):
    draft(tmp_path, "organ.md", BODY.format(name="Ada"), sent="2026-11-01", subject="Reed voicing", to="Ada Byrne")
    step = steps_of(coach, tmp_path, today)["organ.md"]
    assert step.action == action
    assert ("late" in step.reason) == late
    assert (step.command is not None) == (action == FOLLOW_UP)


def test_a_thread_over_files_counts_once_from_its_latest_message(coach, tmp_path):
    draft(tmp_path, "first.md", BODY.format(name="Ada"), sent="2026-11-01", subject="Reed voicing", to="Ada Byrne")
    draft(tmp_path, "nudge.md", "Hi Ada,\n\nA gentle nudge on my note.\n\nTom\n", sent="2026-11-10",
          subject="Re: Reed voicing", to="Ada Byrne", kind="follow-up")
    steps = steps_of(coach, tmp_path, D(2026, 11, 16))
    assert list(steps) == ["nudge.md"]
    assert steps["nudge.md"].action == LEAVE and steps["nudge.md"].due == D(2026, 11, 17)
    assert steps["nudge.md"].files == (str(tmp_path / "first.md"), str(tmp_path / "nudge.md"))
    assert steps_of(coach, tmp_path, D(2026, 11, 17))["nudge.md"].action == FOLLOW_UP


def test_two_follow_ups_without_reply_are_left_alone(coach, tmp_path):
    for index, sent in enumerate(("2026-10-01", "2026-10-10", "2026-10-20")):
        draft(tmp_path, f"m{index}.md", BODY.format(name="Ada"), sent=sent, subject="Re: " * index + "Reeds",
              to="Ada Byrne")
    step = steps_of(coach, tmp_path, D(2026, 11, 20))["m2.md"]
    assert step.action == LEAVE and "2 follow-ups" in step.reason


def test_a_reply_quoted_in_the_eml_history_means_they_answered(coach, tmp_path):
    email_file(tmp_path, "ask.eml", {"From": "Tom <tom@example.org>", "To": "Olu Bakare <olu@pipes.example>",
                                     "Subject": "Reed voicing", "Date": "Sun, 01 Nov 2026 09:00:00 +0000",
                                     "Message-ID": "<ask@example.org>"}, BODY.format(name="Olu"))
    email_file(tmp_path, "thanks.eml", {"From": "Tom <tom@example.org>", "To": "olu@pipes.example",
                                        "Subject": "Thanks for the reed tips", "In-Reply-To": "<ask@example.org>",
                                        "Date": "Fri, 06 Nov 2026 09:00:00 +0000"},
               "Hi Olu,\n\nThank you, that helps.\n\nTom\n\nOn Thu, Nov 5, 2026 at 8:00 AM Olu Bakare "
               "<olu@pipes.example> wrote:\n> Use brass tongues and a lighter curve.\n")
    steps = steps_of(coach, tmp_path, D(2026, 11, 20))
    assert list(steps) == ["thanks.eml"]
    assert steps["thanks.eml"].action == LEAVE and steps["thanks.eml"].due == D(2027, 2, 4)  # 6 Nov + 90 days
    assert steps_of(coach, tmp_path, D(2027, 2, 4))["thanks.eml"].action == CHECK_IN


def test_a_quote_from_someone_else_is_no_answer(coach, tmp_path):
    email_file(tmp_path, "fwd.eml", {"From": "tom@example.org", "To": "Olu Bakare <olu@pipes.example>",
                                     "Subject": "Reeds", "Date": "Sun, 01 Nov 2026 09:00:00 +0000"},
               "Hi Olu,\n\nSee below.\n\nTom\n\nOn Sat, Oct 31, 2026, Kim Lee <kim@x.example> wrote:\n> Hello.\n")
    assert steps_of(coach, tmp_path, D(2026, 11, 9))["fwd.eml"].action == FOLLOW_UP


def test_front_matter_outcomes(coach, tmp_path):
    draft(tmp_path, "yes.md", BODY.format(name="Ada"), sent="2026-08-01", replied="2026-08-03", to="Ada Byrne")
    draft(tmp_path, "no.md", BODY.format(name="Ben"), sent="2026-08-01", outcome="declined", to="Ben Ross")
    draft(tmp_path, "none.md", BODY.format(name="Cy"), sent="2026-11-01", replied=False, to="Cy Moss")
    draft(tmp_path, "unsent.md", BODY.format(name="Di"), to="Di Park")
    steps = steps_of(coach, tmp_path, D(2026, 11, 1))
    assert set(steps) == {"yes.md", "no.md", "none.md"}
    assert steps["yes.md"].action == CHECK_IN and steps["yes.md"].due == D(2026, 11, 1)  # 3 Aug + 90 days
    assert steps["no.md"].action == LEAVE and steps["no.md"].reason == "they declined"
    assert steps["none.md"].action == LEAVE  # sent today


def test_oldest_first_and_ties_by_file_name(coach, tmp_path):
    for name, sent in (("b.md", "2026-11-02"), ("c.md", "2026-11-01"), ("a.md", "2026-11-02")):
        draft(tmp_path, name, BODY.format(name=name), sent=sent, subject=f"Reeds {name}", to=f"Person {name}")
    messages = list(coach.read_paths([str(tmp_path)]))
    assert [s.path.rsplit("/", 1)[-1] for s in due(messages, D(2026, 11, 12))] == ["c.md", "a.md", "b.md"]


def test_the_command_prints_json_and_exits_0(tmp_path):
    draft(tmp_path, "organ.md", BODY.format(name="Ada"), sent="2026-11-01", subject="Reeds", to="Ada Byrne")
    result = CliRunner().invoke(cli, ["due", str(tmp_path), "--today", "2026-11-09", "--format", "json"])
    assert result.exit_code == 0, result.output
    [thread] = json.loads(result.output)["threads"]
    assert thread["action"] == FOLLOW_UP and thread["sent"] == "2026-11-01"
    assert thread["command"] == f"outreach-coach followup {tmp_path / 'organ.md'} --today 2026-11-09"
