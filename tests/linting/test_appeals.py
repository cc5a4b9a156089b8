"""Appeal check types: the reader as the writer's last resort, and contact sought for some unnamed future gain."""
from __future__ import annotations

import pytest

from ..check_runner import body


@pytest.mark.parametrize("text, spans", [
    ("You're the last coach I could ask about the roster.", ["last coach"]),  # whoever the noun, what is left
    ("You are my last hope for a conservation placement.", ["last hope"]),
    ("Yours was the last clinic I saw at the expo.", []),  # last in time, not the last resort
    ("If you can't take me on, I'll give up percussion.", ["take me on, I'll give up"]),  # giving up on their no
    ("If you can't take me on, I'll ask the conservatory.", []),  # a plan B is no giving up
    ("I'll be done with the restoration by five.", []),  # finished, not through with it
    ("I'm so eager to join your pilot training and would love a chance.", []),  # plain eagerness
])
def test_last_resort_puts_the_writers_situation_on_one_reply(run, text, spans):
    assert run("last-resort", {}, body(text)) == spans


@pytest.mark.parametrize("text, spans", [
    ("Let's connect and see whatever comes up down the road.", ["whatever comes up down the road"]),  # one span
    ("I'd like to meet as many sommeliers as I can.", ["meet as many sommeliers"]),
    ("I'd like to meet the sommelier who wrote your list.", []),  # one person, for a reason
    ("Our cellar opens down the road from yours.", []),  # a place, not a horizon of gain
])
def test_unnamed_future_gain_is_contact_for_its_own_sake(run, text, spans):
    assert run("unnamed-future-gain", {}, body(text)) == spans


def test_unnamed_future_gain_lets_the_filters_judge_negation(run):
    assert run("unnamed-future-gain", {"skip-negated": True},
               body("I'm not writing to meet as many sommeliers as I can.")) == []
