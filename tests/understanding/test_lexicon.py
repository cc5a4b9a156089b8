"""The lexicon: validated word-set files, loaded on first use, extended from config."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from outreach_coach.config import from_mapping
from outreach_coach.errors import ConfigError
from outreach_coach.linting.ruleset import RuleSet
from outreach_coach.understanding import lexicon
from outreach_coach.understanding.lexicon import Lexicon, WordSet, load_family

from ..conftest import REPO


def _family(tmp_path, body: str, name: str = "greetings"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(textwrap.dedent(body))
    return path


def test_a_valid_family_loads(tmp_path):
    path = _family(tmp_path, """
        about: How a greeting addresses the reader.
        serves: [generic-greeting]
        sets:
          generic-addressees:
            why: Roles and groups that name no one.
            notions: [addresses_no_one]
            words: [sir, madam, team]
    """)
    family = load_family(path)
    assert family.name == "greetings" and family.serves == ("generic-greeting",)
    assert family.sets["generic-addressees"].words == frozenset({"sir", "madam", "team"})


@pytest.mark.parametrize("body, problem", [
    ("about: x\nsets: {a: {why: y, words: [b]}}\nserve: []\n", "unknown key 'serve' (did you mean 'serves'?)"),
    ("about: x\nsets: {a: {why: y, word: [b]}}\n", "set 'a': unknown key 'word' (did you mean 'words'?)"),
    ("about: x\nsets: {a: {words: [b]}}\n", "set 'a': key 'why'"),
    ("about: x\nsets: {a: {why: y, words: []}}\n", "set 'a': key 'words'"),
    ("about: x\nsets: {a: {why: y, words: [1, 2]}}\n", "set 'a': key 'words'"),
    ("sets: {a: {why: y, words: [b]}}\n", "key 'about'"),
    ("- a list\n", "must be a mapping"),
])
def test_errors_name_the_file_the_set_and_the_key(tmp_path, body, problem):
    path = _family(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_family(path)
    assert str(path) in str(caught.value) and problem in str(caught.value)


def test_every_built_in_set_says_why_and_names_its_readers():
    built_in = Lexicon.load()
    assert built_in.families
    for family in built_in.families.values():
        assert family.about
        for word_set in family.sets.values():
            assert word_set.why and word_set.why != "TODO", (family.name, word_set.name)
            assert word_set.notions and (word_set.words or word_set.includes)


def test_families_serve_only_rules_that_exist():
    known = {rule.id for rule in RuleSet.load().all.values()}
    for family in Lexicon.load().families.values():
        assert set(family.serves) <= known, family.name


def test_every_word_set_constant_names_a_set_that_exists():
    import importlib
    import pkgutil

    import outreach_coach

    for info in pkgutil.walk_packages(outreach_coach.__path__, "outreach_coach."):
        if not info.name.endswith(("__main__", "lsp", ".web", ".app", ".api", "dask_bag")):
            importlib.import_module(info.name)
    built_in = Lexicon.load()
    for word_set in WordSet.instances:
        assert built_in.words(word_set.family, word_set.name), word_set


def test_config_adds_words_to_a_set():
    family, word_set = next((f.name, s) for f in Lexicon.load().families.values() for s in f.sets.values())
    config = from_mapping({"lexicon": {f"{family}.{word_set.name}": ["zyzzyva"]}}, "team.yaml")
    extended = Lexicon.load().extended(config.lexicon)
    assert "zyzzyva" in extended.words(family, word_set.name)
    assert word_set.words < extended.words(family, word_set.name)


def test_config_naming_an_unknown_set_is_an_error_with_a_near_match():
    family, name = next((f.name, s.name) for f in Lexicon.load().families.values() for s in f.sets.values())
    with pytest.raises(ConfigError) as caught:
        from_mapping({"lexicon": {f"{family}.{name}x": ["w"]}}, "team.yaml")
    assert "team.yaml" in str(caught.value) and f"did you mean '{family}.{name}'" in str(caught.value)


def test_config_words_must_be_a_list_of_text():
    family, name = next((f.name, s.name) for f in Lexicon.load().families.values() for s in f.sets.values())
    with pytest.raises(ConfigError, match="list of words"):
        from_mapping({"lexicon": {f"{family}.{name}": [3]}}, "team.yaml")


def test_a_configured_coach_reads_the_added_words():
    family, name = "tone", next(iter(Lexicon.load().families["tone"].sets))
    probe = WordSet(family, name)
    try:
        lexicon.configure({f"{family}.{name}": ("qwxyz",)})
        assert "qwxyz" in probe
        lexicon.configure({})
        assert "qwxyz" not in probe
    finally:
        lexicon.configure({})
        WordSet.instances.remove(probe)


def test_importing_the_package_reads_no_lexicon_file():
    code = ("import outreach_coach, outreach_coach.linting.checks, outreach_coach.understanding.reading\n"
            "from outreach_coach.understanding import lexicon\n"
            "print(lexicon._base is None and lexicon._current is None)")
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_word_sets_combine_like_frozensets():
    family, name = "tone", next(iter(Lexicon.load().families["tone"].sets))
    probe = WordSet(family, name)
    try:
        words = Lexicon.load().words(family, name)
        one = next(iter(words))
        assert probe | {"qqq"} == words | {"qqq"} and {"qqq"} | probe == words | {"qqq"}
        assert probe & {one, "qqq"} == {one} and {one, "qqq"} & probe == {one}
        assert probe - {one} == words - {one} and {one, "qqq"} - probe == {"qqq"}
        assert probe | probe == words
    finally:
        WordSet.instances.remove(probe)
