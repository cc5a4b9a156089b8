"""The measured rules at and around their thresholds."""
from __future__ import annotations

import pytest

from ..conftest import rule_ids


def words(n: int) -> str:
    return " ".join(["tide"] * n) + "."


@pytest.mark.parametrize("count, fires", [(200, False), (201, True)])
def test_too_long_word_threshold(lint, count, fires):
    text = f"---\nkind: cold\n---\nHi Ana,\n\n{words(count)}\n\nBest,\nTom\n"
    assert ("too-long" in rule_ids(lint(text))) is fires


@pytest.mark.parametrize("chars, fires", [(300, False), (301, True)])
def test_too_long_connection_note_character_threshold(lint, chars, fires):
    body = ("Hi Ana, " + "x" * chars)[:chars]
    assert ("too-long" in rule_ids(lint(f"---\nkind: connection-note\n---\n{body}"))) is fires


def test_too_long_greeting_and_signature_do_not_count(lint):
    text = f"Hi Ana,\n\n{words(199)}\n\nBest wishes,\nTom\n"
    assert "too-long" not in rule_ids(lint(text))


@pytest.mark.parametrize("questions, fires", [(3, False), (4, True)])
def test_too_many_questions_threshold(lint, questions, fires):
    body = " ".join(f"Question number {i}?" for i in range(questions))
    assert ("too-many-questions" in rule_ids(lint(body))) is fires


@pytest.mark.parametrize("first, second, fires", [(7, 0, False), (8, 4, True), (8, 5, False), (12, 6, True)])
def test_self_centered_threshold(lint, first, second, fires):
    body = " ".join(["I"] * first + ["you"] * second) + "."
    assert ("self-centered" in rule_ids(lint(body))) is fires


@pytest.mark.parametrize("previous, sent, fires", [
    ("2026-11-01", "2026-11-07", True), ("2026-11-01", "2026-11-08", False), ("2026-11-01", "2026-11-15", False),
])
def test_follow_up_too_soon_threshold(lint, previous, sent, fires):
    text = f"---\nkind: follow-up\nprevious: {previous}\nsent: {sent}\n---\nHi Ana, a reminder."
    assert ("follow-up-too-soon" in rule_ids(lint(text))) is fires


def test_follow_up_too_soon_counts_from_today_when_sent_is_absent(coach):
    text = "---\nkind: follow-up\nprevious: 2026-11-25\n---\nHi Ana, a reminder."  # coach's today is 2026-11-28
    assert "follow-up-too-soon" in rule_ids(coach.lint_text(text, "x.md").findings)


def test_hard_to_read_needs_forty_words(lint):
    hard = "Interdisciplinary organizational communication methodologies necessitate considerable administrative deliberation. "
    assert "hard-to-read" not in rule_ids(lint(hard * 4))   # 32 words: too short to judge
    assert "hard-to-read" in rule_ids(lint(hard * 6))       # 48 words


def test_empty_message_fires_on_greeting_and_signature_only(lint):
    assert "empty-message" in rule_ids(lint("Hi Ana,\n\nBest,\nTom\n"))
    assert "empty-message" not in rule_ids(lint("Hi Ana,\n\nOne line.\n\nBest,\nTom\n"))


def test_missing_subject_only_for_email(lint):
    assert "missing-subject" in rule_ids(lint("---\nchannel: email\n---\nHi."))
    assert "missing-subject" not in rule_ids(lint("---\nchannel: linkedin\n---\nHi."))
