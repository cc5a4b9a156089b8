"""Front matter `replied:` and `outcome:`: read into the Message, validated with one-line errors."""
from __future__ import annotations

import datetime as dt
import logging

import pytest

from outreach_coach.errors import InputError
from outreach_coach.inputs.messages import parse


def test_replied_is_a_date_or_false_and_outcome_one_of_four():
    message = parse("---\nsent: 2026-11-01\nreplied: 2026-11-04\noutcome: meeting\n---\nHi Ana,\n\nThanks.\n", "a.md")
    assert message.replied == dt.date(2026, 11, 4) and message.outcome == "meeting"
    assert parse("---\nreplied: false\n---\nHi Ana,\n\nThanks.\n", "b.md").replied is False
    plain = parse("Hi Ana,\n\nThanks.\n", "c.txt")
    assert plain.replied is None and plain.outcome is None


@pytest.mark.parametrize("front, key", [("replied: soon", "replied"), ("replied: true", "replied"),
                                        ("outcome: ghosted", "outcome")])
def test_bad_values_name_the_file_and_key(front, key):
    with pytest.raises(InputError) as caught:
        parse(f"---\n{front}\n---\nHi Ana,\n\nThanks.\n", "notes/ana.md")
    assert caught.value.path == "notes/ana.md" and f"'{key}'" in caught.value.problem
    assert "\n" not in caught.value.problem


def test_the_keys_are_known_so_no_notice(caplog):
    with caplog.at_level(logging.WARNING):
        parse("---\nreplied: 2026-11-04\noutcome: replied\n---\nHi Ana,\n\nThanks.\n", "a.md")
        parse("---\noutcomes: replied\n---\nHi Ana,\n\nThanks.\n", "b.md")
    assert [r.getMessage() for r in caplog.records if "a.md" in r.getMessage()] == []
    assert any("'outcomes'" in r.getMessage() and "outcome" in r.getMessage() for r in caplog.records)
