"""Kinds read from the parse when front matter and structure leave them open (kinds.py via the Coach)."""
import pytest


def kind_of(coach, text: str) -> str:
    return coach.lint_text(text, "a.txt").kind


@pytest.mark.parametrize("text, kind", [
    # introduction: two people greeted at once, or put on the thread, or each described to the other
    ("Hi Oren and Saskia,\n\nOren keeps forty hives above the orchard and Saskia breeds queens.\n\nDee\n",
     "introduction"),
    ("Hi Oren,\n\nSaskia breeds queens for the valley co-op and your hives above the orchard need requeening.\n\nDee\n",
     "cold"),
    ("Hi Tova,\n\nI've copied Jiri here: he tunes the concert grands at city hall.\n\nRuth\n", "introduction"),
    ("Hi Tova,\n\nMilan tunes the concert grands at city hall; could you tell me how he voices the hammers?\n\nRuth\n",
     "cold"),
    ("Isa, Kofi —\n\nIsa, Kofi anneals borosilicate next door. Kofi, Isa has the spare glory hole.\n\nPia\n",
     "introduction"),
    # thank-you: thanks for something that already passed between them, wherever in the opening it sits
    ("Hi Tova,\n\nThe hammers on our upright finally sound even. Thank you for the hour on Friday you spent "
     "showing me how to voice them.\n\nRuth\n", "thank-you"),
    ("Hi Tova,\n\nThe hammers on our upright sound uneven. Thank you for reading this far.\n\nRuth\n", "cold"),
    # follow-up: the writer points back to their own earlier message
    ("Hi Kofi,\n\nWriting again in case my question about annealing schedules slipped past you.\n\nPia\n",
     "follow-up"),
    ("Hi Kofi,\n\nWriting to ask about annealing schedules for thick borosilicate.\n\nPia\n", "cold"),
    ("Hi Kofi,\n\nHere is the kiln log I promised you at the studio tour.\n\nPia\n", "follow-up"),
    # check-in: a past helper hears how their help turned out
    ("Hi Oren,\n\nThe swarm trap you showed me in June caught a swarm last week, so here is how it went.\n\nDee\n",
     "check-in"),
    ("Hi Oren,\n\nThe swarm trap you designed is in every catalogue, so I have a question about it.\n\nDee\n",
     "cold"),
    # intro-request: the reader, whom the writer already knows, asked to introduce them
    ("Hi Tova,\n\nYou taught me to set pins on your old Bösendorfer. Would you introduce me to Milan?\n\nRuth\n",
     "intro-request"),
])
def test_kind_is_read_from_what_the_message_does(coach, text, kind):
    assert kind_of(coach, text) == kind


def test_front_matter_and_a_reply_settle_the_kind_before_the_parse(coach):
    greeted_two = "Hi Oren and Saskia,\n\nOren keeps hives and Saskia breeds queens.\n"
    assert kind_of(coach, "---\nkind: cold\n---\n" + greeted_two) == "cold"
    result = coach.lint_text("Subject: Re: queens\n\n" + greeted_two, "a.eml")
    assert result.kind == "follow-up" and result.message.kind_cue == "reply"


def test_the_settled_kind_and_its_cue_reach_the_message_and_the_rules(coach):
    result = coach.lint_text("Isa, Kofi —\n\nIsa, Kofi anneals borosilicate next door. Kofi, Isa has a spare "
                             "glory hole.\n\nPia\n", "a.txt")
    assert result.message.kind == "introduction" and "Isa, Kofi" in result.message.kind_cue
    assert "intro-without-opt-in" in {f.rule for f in result.findings}
    assert "no-reference-to-their-work" not in {f.rule for f in result.findings}


def test_copying_a_thing_is_not_putting_a_person_on_the_thread(coach):
    assert kind_of(coach, "Hi Tova,\n\nI've copied Steinway's hammer chart for our upright; how do you voice "
                          "the treble?\n\nRuth\n") == "cold"
    assert kind_of(coach, "Hi Tova,\n\nI've copied Milan Novak here; he voices the treble on concert "
                          "grands.\n\nRuth\n") == "introduction"
