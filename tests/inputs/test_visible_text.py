"""Invisible and space-like characters cannot hide a phrase, and findings still point at the original file."""
from __future__ import annotations

import unicodedata

import pytest

from outreach_coach.inputs.messages import _FORMAT_CHARS, parse, visible_text

BRAIN = "Hi Dana,\n\nCould I {phrase} about choir arrangements?\n\nThanks,\nRui\n"


def test_every_format_character_this_python_knows_is_dropped():
    format_chars = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"]
    assert all(_FORMAT_CHARS.fullmatch(char) for char in format_chars)


def test_visible_text_maps_each_kept_character_to_its_offset():
    text, where = visible_text("a\u200bb\u00a0c\u00add")
    assert text == "ab cd" and where == (0, 2, 3, 4, 6, 7)
    assert visible_text("plain ascii") == ("plain ascii", None)
    assert visible_text("caf\u00e9") == ("caf\u00e9", None)


@pytest.mark.parametrize("phrase, column, end_column", [
    ("pick\u00a0your\u00a0brain", 9, 24),
    ("pick\u202fyour\u2007brain", 9, 24),
    ("pi\u00adck\u200b your\u2060 brain", 9, 27),
    ("\ufeffpick your\u200c\u200d brain", 10, 27),
])
def test_hidden_phrase_is_found_at_its_place_in_the_file(lint, phrase, column, end_column):
    (finding,) = [f for f in lint(BRAIN.format(phrase=phrase), "txt") if f.rule == "pick-your-brain"]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, column, 3, end_column)


def test_positions_after_dropped_characters_stay_exact():
    source = "Subject: Q\u200bQ\n\nHi\u200b\u200b Dana,\n\nA\u00adB line.\n"
    message = parse(source, "x.txt")
    assert message.subject == "QQ" and "Hi Dana" in message.text and "AB line" in message.text
    assert message.source == source
    for offset, char in enumerate(message.text):
        if char != "\n" and offset < len(message.text) - 1:
            line, column = message.position(offset)
            assert source.split("\n")[line - 1][column - 1] == char
