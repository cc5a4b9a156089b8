"""Tone check types: exclamation marks and shouted (all-capitals) words."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ...understanding import readability
from ...understanding.lexicon import WordSet
from .base import Check, Context, Hit, Param

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

# How each letter is said on its own (ARPAbet, stress removed): "SQL" said as letters is an acronym.
LETTER_NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY", "h": "EY CH",
    "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY",
    "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW", "v": "V IY", "w": "D AH B AH L Y UW",
    "x": "EH K S", "y": "W AY", "z": "Z IY",
}
# Senses a word has in the model's lemma index; a word with only noun senses, written in capitals,
# reads as a name or abbreviation (NASA, ICU, PhD), never as a raised voice.
VOICE_SENSES = ("verb", "adj", "adv")
SENSES = ("noun", *VOICE_SENSES)
DESCRIBING_SENSES = WordSet("tone", "describing-senses")
ARTICLES = WordSet("tone", "articles")
LIST_JOINERS = WordSet("tone", "list-joiners")
# Brackets around a template slot ("[PROJECT]", "{NAME}", "<COMPANY>").
SLOT_OPENERS = frozenset("[{<")
SLOT_CLOSERS = frozenset("]}>")


class Exclamations(Check):
    """Fires when the scope holds at least `min-count` exclamation marks, at the one that reaches it."""

    params = (Param("min-count", int, 3, "fewest exclamation marks that read as hype"),)

    def __init__(self, options):
        super().__init__(options)
        if self.options["min-count"] < 1:
            raise ValueError(f"min-count must be at least 1, not {self.options['min-count']}")

    def run(self, ctx: Context) -> Iterator[Hit]:
        start, end = ctx.scope
        marks = [i for i in range(start, end) if ctx.message.text[i] == "!"]
        if len(marks) >= self.options["min-count"]:
            count = str(len(marks))
            at = marks[self.options["min-count"] - 1]
            yield Hit(at, at + 1, {"count": count, "match": f"{count} exclamation marks"})


@lru_cache(maxsize=4096)
def spoken_as_word(lower: str) -> bool:
    """Whether an English dictionary knows the word and says it as a word, not letter by letter."""
    spelled = " ".join(LETTER_NAMES.get(ch, "?") for ch in lower)
    said = [" ".join(phone.rstrip("012") for phone in phones) for phones in readability.pronunciations(lower)]
    return bool(said) and spelled not in said


def _code_shaped(token: "Token") -> bool:
    """Capitals ("NOW", "LEED", "AB-12") or letters mixed with digits ("x86", "SKU4")."""
    text = token.text
    mixed = any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text)
    return len(text) > 1 and (text.isupper() or mixed)


class Shouting(Check):
    """Fires once per line on ordinary words written in capitals ("INCREDIBLE", "NOW"), not on acronyms or names.

    An ordinary word is a function word or one the model's lemma index knows as a verb, adjective or
    adverb; the same letters used as a name (after a preposition, before a noun, among other codes)
    or said letter by letter are not raised voice.
    """

    params = (
        Param("min-letters", int, 3, "shortest word considered"),
        Param("acronyms", list, [], "words the user knows are names in their field, never shouting"),
    )
    needs = frozenset({"pos", "lemma", "sents"})

    def prepare(self, nlp: "Language") -> None:
        lookups = nlp.get_pipe("lemmatizer").lookups
        index, rules = lookups.get_table("lemma_index"), lookups.get_table("lemma_rules")
        self.index = {pos: frozenset(index.get(pos, ())) for pos in SENSES}
        self.rules = {pos: [(old, new) for old, new in rules.get(pos, ()) if old] for pos in SENSES}
        self.stop_words = nlp.Defaults.stop_words
        self.acronyms = frozenset(str(word).upper() for word in self.options["acronyms"])
        self.known: dict[str, bool] = {}

    def run(self, ctx: Context) -> Iterator[Hit]:
        names = {part.upper() for name in (ctx.message.to.name, ctx.message.sender) if name for part in name.split()}
        in_scope = [t for t in ctx.doc if ctx.in_scope(t.idx, t.idx + len(t)) and _code_shaped(t)]
        # Capitals that are no ordinary word (LEED, SKU4, AB-12, RN, x86) are codes, names and credentials.
        codes = {t.i for t in in_scope if not (t.is_alpha and t.is_upper and self._ordinary(t.lower_))}
        by_line: dict[int, list["Token"]] = {}
        for token in in_scope:
            if token.i not in codes and self._capitalised(token, names) and self._shouted(token, codes):
                by_line.setdefault(ctx.message.text.count("\n", 0, token.idx), []).append(token)
        for shouted in by_line.values():
            start, end = shouted[0].idx, shouted[-1].idx + len(shouted[-1])
            yield Hit(start, end, {"match": ctx.message.text[start:end]})

    def _capitalised(self, token: "Token", names: set[str]) -> bool:
        text = token.text
        return (len(text) >= self.options["min-letters"] and text.isalpha() and text.isupper()
                and len(set(text)) > 1 and text not in self.acronyms and text not in names)

    def senses(self, lower: str) -> frozenset[str]:
        """The parts of speech the lemma index knows the word in, directly or through an inflection rule."""
        found = set()
        for pos in SENSES:
            forms = {lower} | {lower[:-len(old)] + new for old, new in self.rules[pos] if lower.endswith(old)}
            if forms & self.index[pos]:
                found.add(pos)
        return frozenset(found)

    @staticmethod
    def _listed_with(token: "Token", code: "Token") -> bool:
        """Whether only punctuation and list joiners, on one line, stand between the two tokens."""
        low, high = sorted((token.i, code.i))
        between = token.doc[low + 1:high]
        return len(between) <= 2 and all(
            (t.is_punct or t.lower_ in LIST_JOINERS) and "\n" not in t.text for t in between)

    def _ordinary(self, lower: str) -> bool:
        """Whether the word, said as a word, is a function word or has a verb, adjective or adverb sense."""
        if lower not in self.known:
            self.known[lower] = spoken_as_word(lower) and (
                lower in self.stop_words or bool(self.senses(lower) & set(VOICE_SENSES)))
        return self.known[lower]

    def _shouted(self, token: "Token", codes: set[int]) -> bool:
        doc = token.doc
        if any(self._listed_with(token, doc[i]) for i in codes):
            return False  # among codes it is one of them: "(FAR, REG and AUD)"
        senses = self.senses(token.lower_)
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if before is not None and after is not None and before.text in SLOT_OPENERS and after.text in SLOT_CLOSERS:
            return False  # "[PROJECT]": a template slot left unfilled, not a raised voice
        if after is not None and after.lower_ in ("'s", "’s"):
            return False  # "WHO's guidance": only a name takes a possessive
        before_noun = after is not None and after.pos_ in ("NOUN", "PROPN")
        if "noun" in senses and before_noun and any(doc[i].sent == token.sent for i in codes):
            return False  # "a MIDI controller" beside NYC and SSL: in technical prose, a product's name
        if senses & DESCRIBING_SENSES:
            return True  # "the BEST deal", "an INCREDIBLE designer": a describing word stays one before a noun
        if before is not None and before.lower_ in ARTICLES:
            return False  # "the WHO": a function word after an article stands for a name
        named_slot = (before is not None and before.pos_ == "ADP") or before_noun
        return not ("noun" in senses and named_slot)  # "STEM classes", "at SAP": a noun in a name's place
