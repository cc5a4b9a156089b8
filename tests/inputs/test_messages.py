"""Parsing the three input formats into one Message, with positions mapped back to the file."""
from __future__ import annotations

import datetime as dt

import pytest

from outreach_coach.errors import InputError
from outreach_coach.inputs.messages import parse

TODAY = dt.date(2026, 11, 28)


def test_txt_header_block_is_read_as_headers():
    msg = parse("Subject: Kelp sampling\nTo: Ana Ruiz <ana@example.org>\n\nHi Ana,\n\nOne question.\n\nBest,\nTom\n",
                "a.txt", today=TODAY)
    assert msg.subject == "Kelp sampling"
    assert msg.to.name == "Ana Ruiz"
    assert msg.channel == "email"
    assert msg.section("greeting") == "Hi Ana,"
    assert msg.section("body") == "One question."
    assert msg.section("signature").startswith("Best,")


def test_txt_without_blank_line_after_headers_is_all_body():
    msg = parse("Subject: not a header block\nstill the same paragraph\n", "a.txt", today=TODAY)
    assert msg.subject is None
    assert "Subject" in msg.section("body")


def test_md_front_matter_fields():
    text = ("---\nkind: connection-note\nto:\n  name: Bo Chen\n  type: researcher\n  work: ['paper: Tidal flats']\n"
            "  shared: [Oberlin]\nprevious: 2026-11-01\nsent: 2026-11-09\ndisable: [too-long]\n---\nHi Bo, hello.\n")
    msg = parse(text, "a.md", today=TODAY)
    assert msg.kind == "connection-note" and not msg.kind_inferred
    assert msg.channel == "linkedin"
    assert msg.to.type == "researcher" and msg.to.work == ("paper: Tidal flats",) and msg.to.shared == ("Oberlin",)
    assert (msg.previous, msg.sent) == (dt.date(2026, 11, 1), dt.date(2026, 11, 9))
    assert msg.disabled == {"too-long"}


def test_sent_defaults_to_today():
    assert parse("Hi Bo, hello.", "a.md", today=TODAY).sent == TODAY


@pytest.mark.parametrize("front, problem", [
    ("kind: spam", "kind"),
    ("sent: yesterday", "sent"),
    ("to: 5", "to"),
    ("- a\n- b", "mapping"),
    ("key: [unclosed", "invalid YAML"),
    ("to: {type: boss}", "type"),
])
def test_bad_front_matter_is_an_input_error_naming_the_key(front, problem):
    with pytest.raises(InputError) as err:
        parse(f"---\n{front}\n---\nHi.\n", "bad.md", today=TODAY)
    assert problem in str(err.value) and str(err.value).startswith("bad.md: ")


def test_eml_quoted_history_is_context_not_body():
    eml = ("From: A <a@example.org>\nTo: B <b@example.org>\nSubject: Re: glaze test\n"
           "Date: Tue, 10 Nov 2026 09:00:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
           "Hi B,\n\nAny news on the glaze test?\n\nA\n\nOn Mon, 2 Nov 2026, B <b@example.org> wrote:\n"
           "> Please pick my brain any time.\n")
    msg = parse(eml, "m.eml", today=TODAY)
    assert "pick my brain" not in msg.text
    assert "pick my brain" in msg.context
    assert msg.kind == "follow-up" and msg.kind_inferred
    assert msg.sent == dt.date(2026, 11, 10)
    assert msg.to.name == "B"


def test_quoted_lines_in_txt_are_removed_from_body():
    msg = parse("Hi Li,\n\n> you said you'd send it\n\nStill keen to see the draft.\n", "a.txt", today=TODAY)
    assert "you said" not in msg.text and "you said" in msg.context


@pytest.mark.parametrize("body, kind", [
    ("Hi Jo,\n\nI'd like to introduce you to Sam, who restores pianos.\n", "introduction"),
    ("Hi Jo,\n\nThank you for taking the time to talk on Friday.\n", "thank-you"),
    ("Hi Jo,\n\nI'm following up on my note from last week.\n", "follow-up"),
    ("Hi Jo,\n\nYour article on orchard pruning helped me.\n", "cold"),
    ("Hi Jo and Sam,\n\nLooping you both in: Jo grows pears and Sam prunes them.\n", "introduction"),
    ("Hi Jo,\n\nI'm putting you in touch with Sam, who prunes pear trees.\n", "introduction"),
    ("Hi Jo,\n\nI'd love to connect with you about your pruning talk.\n", "cold"),
    ("Hi Jo,\n\nI emailed you last week about pear rootstocks and haven't heard back.\n", "follow-up"),
    ("Hi Jo,\n\nI applied to three orchards and haven't heard back yet.\n", "cold"),
    ("Hi Jo,\n\nYour pruning talk helped me. Hope to hear from you soon.\n", "cold"),
])
def test_kind_is_inferred_from_the_text(body, kind):
    assert parse(body, "a.txt", today=TODAY).kind == kind


def test_positions_point_into_the_original_file():
    text = "---\nsubject: Tides\n---\nHi Ana,\n\nFirst line.\nSecond line has WORD here.\n"
    msg = parse(text, "a.md", today=TODAY)
    offset = msg.text.index("WORD")
    assert msg.position(offset) == (7, 17)
    assert msg.end_position(offset + 4) == (7, 21)
    assert msg.position(msg.text.index("Tides")) == (2, 10)


def test_crlf_keeps_line_numbers():
    from outreach_coach.inputs.files import decode

    text = decode(b"Subject: X\r\n\r\nHi Ana,\r\n\r\nLine with WORD.\r\n", "a.txt")
    msg = parse(text, "a.txt", today=TODAY)
    assert msg.position(msg.text.index("WORD")) == (5, 11)


def test_channel_without_subject_is_other_and_with_subject_email():
    assert parse("Hi Ana, hello.", "a.txt", today=TODAY).channel == "other"
    assert parse("---\nsubject: x\n---\nHi.", "a.md", today=TODAY).channel == "email"
    assert parse("---\nsubject: x\nchannel: linkedin\n---\nHi.", "a.md", today=TODAY).channel == "linkedin"


@pytest.mark.parametrize("greeting", ["Dear Dr. Okafor,", "Hi Ana and Bo,", "Ana, Bo -", "Hello,", "To whom it may concern,"])
def test_greeting_lines_are_recognised(greeting):
    msg = parse(f"{greeting}\n\nThe body.\n", "a.txt", today=TODAY)
    assert msg.section("greeting") == greeting
    assert msg.section("body") == "The body."


def test_signature_without_closing_word_is_a_short_last_paragraph():
    msg = parse("Hi Ana,\n\nYour map of the delta helped me.\n\nTom\n", "a.txt", today=TODAY)
    assert msg.section("signature").strip() == "Tom"
    assert msg.section("body") == "Your map of the delta helped me."


def test_a_thanks_line_at_the_top_is_not_the_signature():
    msg = parse("Thanks, Jo!\n\nHi Sam, good to meet you. Could we talk next week?\n", "a.txt", today=TODAY)
    assert msg.section("signature") == ""
    assert "Could we talk" in msg.section("body")


def test_a_closing_word_followed_by_a_paragraph_is_not_the_signature():
    text = "Hi Sam,\n\nThe survey is done.\n\nThanks!\n\nAlso, one more thing: the second site flooded last week and we lost two traps.\n"
    msg = parse(text, "a.txt", today=TODAY)
    assert "second site flooded" in msg.section("body")


@pytest.mark.parametrize("body, kind", [
    ("Hi Noor,\n\nI enjoyed meeting you at the glassblowing open studio on Saturday. Can we stay in touch?\n",
     "follow-up"),
    ("Hi Noor,\n\nIt was lovely talking with you after the choir concert.\n", "follow-up"),
    ("Hi Noor,\n\nIt would be great to meet you at the open studio next month.\n", "cold"),
    ("Hi Ada and Lin,\n\nAda restores violins and Lin builds bows; I'll let you two take it from here.\n",
     "introduction"),
])
def test_kind_inference_after_a_meeting_and_for_introductions(body, kind):
    assert parse(body, "a.txt", today=TODAY).kind == kind
