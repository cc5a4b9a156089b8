"""Tone check types: exclamation marks, and shouted words told apart from acronyms and names."""
from __future__ import annotations

import pytest

from outreach_coach.linting.checks.tone import spoken_as_word

from ..check_runner import make_runner


@pytest.fixture(scope="module")
def run(coach):
    return make_runner(coach)


@pytest.mark.parametrize("word, expected", [
    ("incredible", True), ("now", True), ("free", True),
    ("sql", False), ("pdf", False), ("html", False),  # said letter by letter
    ("himss", False), ("gdpr", False), ("xkcd", False),  # not in the dictionary
])
def test_spoken_as_word(word, expected):
    assert spoken_as_word(word) is expected


def test_exclamations_fire_at_the_threshold_and_report_the_count(run):
    assert run("exclamations", {"min-count": 3}, "Hi Jo!\n\nLoved it! Truly! Yes!\n\nAl") == ["!"]
    assert run("exclamations", {"min-count": 3}, "Hi Jo!\n\nLoved it, truly!\n\nAl") == []
    assert run("exclamations", {"min-count": 3}, "Hi Jo!\n\nLoved it, truly!\n\nAl") == []


@pytest.mark.parametrize("text, shouted", [
    ("Our choir sounds INCREDIBLE this year.", ["INCREDIBLE"]),
    ("Reply NOW, the offer is FREE.", ["NOW, the offer is FREE"]),  # one shouted line, one hit
    ("I will NEVER miss a rehearsal.", ["NEVER"]),
    ("I write SQL for the NYC transit team and have a PhD.", []),  # acronyms said as letters
    ("We met at HIMSS and I filed the XXX form.", []),  # unknown words, placeholders
    ("I teach STEM classes and our LASER lab uses CAD.", []),  # acronyms used as nouns
    ("I am a nurse in the ICU.", []),
    ("OK", []),  # too short to tell
    ("My thesis on malaria nets draws on data from the WHO and the ACLU.", []),  # a name after an article
    ("Our midwives follow WHO's birth-spacing guidance at an NHS trust.", []),  # a name taking a possessive
    ("I coached for FIFA, then ran UNICEF's school sports scheme.", []),
    ("This is the BEST deal, made just for YOU.", ["BEST deal, made just for YOU"]),  # shouted words after "the" still count
    ("The LIMITED edition prints are AMAZING.", ["LIMITED edition prints are AMAZING"]),
])
def test_shouting_finds_emphasis_not_acronyms(run, text, shouted):
    assert run("shouting", {}, f"Hi Jo,\n\n{text}\n\nAl") == shouted


@pytest.mark.parametrize("text, shouted", [
    # ordinary words among codes are codes: sommelier exam levels, a product and its module
    ("I passed the theory (WSET, CMS and FAR) and now pour at the BAR tasting room.", []),
    ("Our roster moved to SAP EWM last year; the AB-12 and SKU4 kits ship Monday.", []),
    ("Ines Duarte, MA, ACR, FAIC\nTextile Conservator", []),  # credentials in a signature
    ("Our scrims CRUSH every bracket and you will LOVE them.\nThe KIT ships FREE.",
     ["CRUSH every bracket and you will LOVE", "FREE"]),  # one hit for each shouted line
    ("Our tannin notes use the STEM and seed counts.", []),  # a noun in a name's place
])
def test_shouting_tells_codes_and_credentials_from_raised_voice(run, text, shouted):
    assert run("shouting", {}, f"Hi Jo,\n\n{text}\n\nAl") == shouted


def test_shouting_skips_listed_acronyms_and_the_people_named(run):
    text = "---\nto: {name: Rose Hill}\n---\nHi ROSE,\n\nI interned at NASA.\n\nAl"
    assert run("shouting", {}, text) == []
    assert run("shouting", {"acronyms": ["NASA"]}, "Hi Jo,\n\nI was AMAZED at NASA.\n\nAl") == ["AMAZED"]


@pytest.mark.parametrize("text, hype", [
    ("My layouts will blow you away.", ["blow you away"]),  # the writer's work overwhelming the reader
    ("My wine lists are better than most of what the big hotels pour.",
     ["better than most of what the big hotels pour"]),  # ranked above others
    ("I'm the hungriest new percussionist in town.", ["the hungriest new percussionist in town"]),
    ("Our fix is faster than the old build.", []),  # compared with the writer's own earlier work
    ("I'm most interested in your score for the Mahler.", []),  # degree, not rank
    ("I'm the biggest fan of your VOD reviews.", []),  # regard for the reader, not a boast
    ("I'm the newest trainee on the pilot roster.", []),  # placed in time, not in worth
    ("Your pilotage guide is the best I've read.", []),  # the reader's work, so praise
    ("My drills will help you.", []),
])
def test_self_hype_reads_rank_and_awe_from_the_clause(run, text, hype):
    assert run("self-hype", {}, f"Hi Jo,\n\n{text}\n\nAl") == hype


def test_self_hype_reports_once_a_message_and_leaves_negation_to_the_filter(run):
    text = "Hi Jo,\n\nMy mounts are the sturdiest in the trade. My dyes will wow you.\n\nAl"
    assert run("self-hype", {}, text) == ["the sturdiest in the trade"]
    assert run("self-hype", {"skip-negated": True}, "Hi Jo,\n\nI'm not better than most coaches.\n\nAl") == []
