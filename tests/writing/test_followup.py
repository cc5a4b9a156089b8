"""When to follow up, and the follow-up draft: timing at the edges of each window, and the thread carried on."""
from __future__ import annotations

import datetime as dt

import pytest

from outreach_coach.errors import InputError
from outreach_coach.inputs import messages
from outreach_coach.writing.followup import describe, draft_values, original_ask, plan
from outreach_coach.writing.templates import Catalogue, RenderError, render

CATALOGUE = Catalogue.load()
SENT = dt.date(2026, 11, 2)
COLD = f"""---
kind: cold
subject: Your workshop on tuning handbells
sent: {SENT.isoformat()}
to: {{name: Agnes Moreau, work: ["workshop: Tuning handbells by ear"]}}
---
Hi Agnes,

Your handbell workshop changed how our choir tunes. Is it better to tune before or after the room warms up?
I'd also like to hear how you store the bells.

Best,
Rui
"""


def parse(text: str, fmt: str = "md"):
    return messages.parse(text, f"sent.{fmt}", fmt)


@pytest.mark.parametrize("day, ready", [(6, False), (7, True), (14, True), (15, True)])
def test_no_reply_reminder_window_edges(day, ready):
    chosen = plan(parse(COLD), SENT + dt.timedelta(days=day))
    assert chosen.template_id == "follow-up/no-reply"
    assert chosen.ready is ready
    assert (chosen.due - SENT).days == 7 and (chosen.by - SENT).days == 14
    advice = chosen.advice()
    if not ready:
        assert advice.startswith("not yet") and "2026-11-09" in advice and "1 day)" in advice
    elif day <= 14:
        assert "within the window" in advice
    else:
        assert "window closed" in advice


def test_a_call_or_event_calls_for_a_note_within_two_days():
    met = COLD.replace("sent:", "met: 2026-11-20\nsent:")
    chosen = plan(parse(met), dt.date(2026, 11, 22))
    assert chosen.template_id == "follow-up/thank-you" and chosen.ready and "within the window" in chosen.advice()
    assert "window closed" in plan(parse(met), dt.date(2026, 11, 23)).advice()
    event = met.replace("met:", "event: the handbell festival\nmet:")
    assert plan(parse(event), dt.date(2026, 11, 20)).template_id == "follow-up/after-event"


def test_after_a_thank_you_the_next_note_is_a_check_in_about_three_months_later():
    thanks = COLD.replace("kind: cold", "kind: thank-you")
    early = plan(parse(thanks), SENT + dt.timedelta(days=89))
    assert early.template_id == "follow-up/check-in" and not early.ready
    assert plan(parse(thanks), SENT + dt.timedelta(days=90)).ready


def test_a_message_with_no_sent_date_is_an_input_error():
    with pytest.raises(InputError, match="no sent date"):
        plan(parse(COLD.replace(f"sent: {SENT.isoformat()}\n", "")), SENT)
    with pytest.raises(InputError, match="'met: soon' is not a date"):
        plan(parse(COLD.replace("sent:", "met: soon\nsent:")), SENT)


def test_an_eml_date_header_is_the_sent_date():
    eml = ("From: Rui <rui@example.org>\nTo: Agnes Moreau <agnes@example.org>\nSubject: Handbells\n"
           "Date: Mon, 02 Nov 2026 09:00:00 +0000\n\nHi Agnes,\n\nCould you share your tuning chart?\n\nRui\n")
    chosen = plan(parse(eml, "eml"), dt.date(2026, 11, 8))
    assert chosen.sent == SENT and not chosen.ready


def test_original_ask_is_restated_as_a_clause_of_its_own():
    assert original_ask(parse(COLD)) == "whether it is better to tune before or after the room warms up"
    request = COLD.replace("Is it better to tune before or after the room warms up?\n", "")
    assert original_ask(parse(request)) == "to hear how you store the bells"


@pytest.mark.parametrize("sentence, clause", [
    ("Could you send me the stage plan for the spring recital?", "whether you could send me the stage plan for the "
     "spring recital"),
    ("One question: which glue do you use for the reed tips?", "which glue you use for the reed tips"),
    ("Do you rehearse the brass section apart from the strings?", "whether you rehearse the brass section apart "
     "from the strings"),
    ("Can I sit in on one rehearsal in March?", "whether I could sit in on one rehearsal in March"),
])
def test_questions_become_reported_clauses(sentence, clause):
    text = f"---\nsent: 2026-11-02\n---\nHi Agnes,\n\nThanks for the quick reply and the photos. {sentence}\n\nRui\n"
    assert original_ask(parse(text)) == clause


def test_a_thanks_alone_is_no_ask_so_the_slot_stays_visible():
    text = "---\nsent: 2026-11-02\n---\nHi Agnes,\n\nThank you for the quick reply and the photos.\n\nRui\n"
    assert original_ask(parse(text)) is None


def test_a_thread_where_they_replied_gets_no_reminder():
    replied = ("Subject: Re: Handbells\nDate: Mon, 02 Nov 2026 09:00:00 +0000\n\nHi Agnes,\n\nThat helps a lot; "
               "I'll tune after the warm-up.\n\nRui\n\nOn Sun, 1 Nov 2026, Agnes Moreau <agnes@example.org> wrote:\n"
               "> Tune after the room warms up.\n")
    chosen = plan(parse(replied, "txt"), dt.date(2026, 11, 12))
    assert chosen.replied_by == "Agnes Moreau" and not chosen.ready
    assert "already replied" in chosen.advice() and "follow-up/thank-you" in chosen.advice()
    gmail = replied.replace("On Sun, 1 Nov 2026, Agnes Moreau", "On Sun, Nov 1, 2026 at 6:47 PM Agnes Moreau")
    assert plan(parse(gmail, "txt"), dt.date(2026, 11, 12)).replied_by == "Agnes Moreau"
    own = replied.replace("Agnes Moreau <agnes@example.org> wrote", "Rui <rui@example.org> wrote")
    assert plan(parse(own, "txt"), dt.date(2026, 11, 12)).ready


def test_the_reminder_keeps_the_greeting_register_and_the_sign_off():
    formal = COLD.replace("Hi Agnes,", "Dear Dr. Moreau,").replace("Best,\nRui", "Kind regards,\nRui Costa, MSc")
    message = parse(formal)
    chosen = plan(message, SENT + dt.timedelta(days=9))
    template = CATALOGUE.get(chosen.template_id)
    draft = parse(render(template, draft_values(message, chosen, template, {})))
    assert draft.section("greeting").startswith("Dear Dr. Moreau,")
    assert draft.section("signature").splitlines()[:2] == ["Kind regards,", "Rui Costa, MSc"]


def test_the_check_in_subject_reads_as_a_phrase():
    message = parse(COLD.replace("kind: cold", "kind: thank-you"))
    chosen = plan(message, SENT + dt.timedelta(days=95))
    template = CATALOGUE.get(chosen.template_id)
    draft = parse(render(template, draft_values(message, chosen, template, {"resource": "a guide", "why": "It helps."})))
    assert draft.subject == "Something useful, after our last exchange in November"
    assert "It's been a while since our last exchange in November" in draft.text


def test_an_unknown_value_name_is_refused_as_render_refuses_it():
    message = parse(COLD)
    chosen = plan(message, SENT + dt.timedelta(days=9))
    template = CATALOGUE.get(chosen.template_id)
    with pytest.raises(RenderError, match="unknown variables: colour"):
        draft_values(message, chosen, template, {"colour": "blue"})


def test_describe_names_the_template_its_values_and_what_each_slot_stands_for():
    message = parse(COLD.replace("sent:", "met: 2026-11-20\nsent:"))
    chosen = plan(message, dt.date(2026, 11, 21))
    template = CATALOGUE.get(chosen.template_id)
    lines = describe(template, draft_values(message, chosen, template, {}))
    assert lines[0].startswith("drafted from template follow-up/thank-you")
    assert any(line.startswith("  name: Agnes") for line in lines)
    assert any(line.startswith("  result: not in the sent message") and "--var result=" in line for line in lines)


def test_the_reminder_carries_the_thread_forward():
    message = parse(COLD)
    chosen = plan(message, SENT + dt.timedelta(days=9))
    template = CATALOGUE.get(chosen.template_id)
    draft = parse(render(template, draft_values(message, chosen, template, {})))
    assert draft.kind == "follow-up"
    assert draft.subject == "Re: Your workshop on tuning handbells"
    assert draft.previous == SENT and draft.sent == SENT + dt.timedelta(days=9)
    assert "I asked whether it is better to tune before or after the room warms up." in draft.text
    assert draft.section("greeting").startswith("Hi Agnes") and "Rui" in draft.section("signature")


def test_what_the_sent_message_cannot_tell_is_left_as_a_visible_slot():
    message = parse(COLD.replace("sent:", "met: 2026-11-20\nsent:"))
    chosen = plan(message, dt.date(2026, 11, 21))
    template = CATALOGUE.get(chosen.template_id)
    values = draft_values(message, chosen, template, {"advice": "your tip on humidity"})
    assert values["advice"] == "your tip on humidity"
    assert values["result"].startswith("[") and values["name"] == "Agnes"


@pytest.mark.parametrize("header, sent", [("Date: 2026-11-02", SENT), ("Date: Mon, 02 Nov 2026 18:00:00 -0500", SENT)])
def test_a_txt_date_header_is_the_sent_date(header, sent):
    text = f"Subject: Handbells\n{header}\n\nHi Agnes,\n\nCould you share your tuning chart?\n\nRui\n"
    assert plan(parse(text, "txt"), dt.date(2026, 12, 1)).sent == sent


def test_an_unreadable_date_header_is_an_input_error():
    text = "Subject: Handbells\nDate: last Tuesday\n\nHi Agnes,\n\nCould you share your chart?\n\nRui\n"
    with pytest.raises(InputError, match="is not a date"):
        plan(parse(text, "txt"), SENT)
