"""`stats`: reply rates over a folder and per rule, against counts worked out by hand."""
from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from outreach_coach.campaign.stats import MIN_MEANINGFUL, Rate, RuleRate, stats
from outreach_coach.frontends.cli import cli

from .campaign_folder import draft, email_file

TODAY = dt.date(2026, 12, 1)
TOPICS = ("glazing kilns", "salt firing", "throwing large bowls", "wood ash glazes", "trimming feet", "raku",
          "reclaiming clay", "handles that hold")
PICK = "Hi {name},\n\nI make pots in Sligo. Could I pick your brain about {topic} over coffee some time?\n\nTom\n"
OWN = ("Hi {name},\n\nI make pots in Sligo and your notes on {topic} fixed my cracked rims. Which cone would you "
       "fire a thin porcelain cup to?\n\nTom\n")


def folder(tmp_path):
    """4 drafts ask to pick a brain (1 answered), 4 do not (3 answered), 1 sent yesterday, 1 never sent."""
    replied = {0: "2026-11-05", 4: "2026-11-06", 5: "2026-11-07", 6: False, 7: "2026-11-12"}
    for index, topic in enumerate(TOPICS):
        meta = {"sent": f"2026-11-{index + 1:02}", "to": f"Potter {index}", "subject": topic}
        if index in replied:
            meta["replied"] = replied[index]
        body = (PICK if index < 4 else OWN).format(name=f"Potter {index}", topic=topic)
        draft(tmp_path, f"m{index}.md", body, **meta)
    draft(tmp_path, "recent.md", OWN.format(name="Sam", topic="slips"), sent="2026-11-30", to="Sam")
    draft(tmp_path, "unsent.md", OWN.format(name="Lu", topic="kilns"), to="Lu")
    return tmp_path


def test_overall_and_per_rule_rates(coach, tmp_path):
    result = stats(coach, coach.read_paths([str(folder(tmp_path))]), TODAY)
    assert result.overall == Rate(4, 8) and result.pending == 1
    pick = next(r for r in result.rules if r.rule == "pick-your-brain")
    assert pick.fired == Rate(1, 4) and pick.not_fired == Rate(3, 4) and pick.too_few


def test_a_reply_quoted_in_a_later_email_answers_the_one_before(coach, tmp_path):
    email_file(tmp_path, "ask.eml", {"From": "tom@example.org", "To": "Ada Byrne <ada@clay.example>",
                                     "Subject": "Cones", "Date": "Sun, 01 Nov 2026 09:00:00 +0000"},
               OWN.format(name="Ada", topic="cones"))
    email_file(tmp_path, "thanks.eml", {"From": "tom@example.org", "To": "Ada Byrne <ada@clay.example>",
                                        "Subject": "Re: Cones", "Date": "Wed, 04 Nov 2026 09:00:00 +0000"},
               "Hi Ada,\n\nThank you!\n\nTom\n\nOn Tue, 3 Nov 2026, Ada Byrne <ada@clay.example> wrote:\n> Cone 6.\n")
    flags = stats(coach, coach.read_paths([str(tmp_path)]), TODAY)
    assert flags.overall == Rate(1, 2)


def test_too_few_below_ten_on_either_side():
    enough = Rate(3, MIN_MEANINGFUL)
    assert not RuleRate("x", enough, enough).too_few
    assert RuleRate("x", Rate(3, MIN_MEANINGFUL - 1), enough).too_few
    assert RuleRate("x", enough, Rate(0, MIN_MEANINGFUL - 1)).too_few


def test_the_command_in_text_and_json(tmp_path):
    folder(tmp_path)
    text = CliRunner().invoke(cli, ["stats", str(tmp_path), "--today", TODAY.isoformat()])
    assert text.exit_code == 0
    assert text.output.startswith("Reply rate: 4/8 (50%) of sent messages; 1 sent under a week ago left out\n")
    assert "Fewer than 10 messages" in text.output
    assert any(line.startswith("pick-your-brain") and "1/4 (25%)" in line and "3/4 (75%)" in line
               and "too few to tell" in line for line in text.output.splitlines())
    data = json.loads(CliRunner().invoke(cli, ["stats", str(tmp_path), "--today", TODAY.isoformat(),
                                              "--format", "json"]).output)
    assert data["overall"] == {"replied": 4, "sent": 8, "rate": 50.0}


def test_copies_count_as_the_mass_message_rule_firing(coach, tmp_path):
    copy = ("Hi {name},\n\nI make pots in Sligo and I admire the work your studio does. Could we have a short call "
            "next week so I can learn how you price a commission and how long a kiln load takes you?\n\nTom\n")
    for index, name in enumerate(("Ada", "Ben", "Cy")):
        draft(tmp_path, f"c{index}.md", copy.format(name=name), sent="2026-11-02", to=name,
              **({"replied": "2026-11-04"} if index == 0 else {}))
    draft(tmp_path, "own.md", OWN.format(name="Di", topic="cones"), sent="2026-11-02", to="Di", replied="2026-11-03")
    result = stats(coach, coach.read_paths([str(tmp_path)]), TODAY)
    copies = next(r for r in result.rules if r.rule == "mass-message")
    assert copies.fired == Rate(1, 3) and copies.not_fired == Rate(1, 1)
