"""Tone check types: exclamation marks and shouted (all-capitals) words."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import readability
from .base import Check, Context, Hit, Param

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

# How each letter is said on its own (ARPAbet, stress removed): "SQL" said as letters is an acronym.
LETTER_NAMES = {
    "a": "EY", "b": "B IY", "c": "S IY", "d": "D IY", "e": "IY", "f": "EH F", "g": "JH IY", "h": "EY CH",
    "i": "AY", "j": "JH EY", "k": "K EY", "l": "EH L", "m": "EH M", "n": "EH N", "o": "OW", "p": "P IY",
    "q": "K Y UW", "r": "AA R", "s": "EH S", "t": "T IY", "u": "Y UW", "v": "V IY", "w": "D AH B AH L Y UW",
    "x": "EH K S", "y": "W AY", "z": "Z IY",
}
# A shouted word is one that, written normally, would describe or drive the sentence; acronyms and
# names are nouns, so a capitalised noun is read as an abbreviation, not as raised voice.
EMPHATIC_POS = frozenset({"ADJ", "ADV", "VERB", "AUX", "DET", "PRON", "PART", "INTJ", "ADP", "CCONJ", "SCONJ"})
# Words of these classes never follow an article nor take a possessive, so when one written in
# capitals does ("the WHO", "WHO's guidance"), it is standing for a name, not raising the voice.
FUNCTION_POS = frozenset({"AUX", "DET", "PRON", "PART", "ADP", "CCONJ", "SCONJ"})
ARTICLES = frozenset({"the", "a", "an"})


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


class Shouting(Check):
    """Fires on words written in capitals for emphasis ("INCREDIBLE", "NOW"), not on acronyms or names."""

    params = (
        Param("min-letters", int, 3, "shortest word considered"),
        Param("acronyms", list, [], "abbreviations said as words that are never shouting (NASA, STEM)"),
    )
    needs = frozenset({"pos", "sents"})

    def prepare(self, nlp: "Language") -> None:
        self.nlp = nlp
        self.acronyms = frozenset(str(word).upper() for word in self.options["acronyms"])

    def run(self, ctx: Context) -> Iterator[Hit]:
        names = {part.upper() for name in (ctx.message.to.name, ctx.message.sender) if name for part in name.split()}
        candidates = [t for t in ctx.doc if ctx.in_scope(t.idx, t.idx + len(t)) and self._candidate(t, names)]
        lowered: dict[int, "Doc"] = {}
        for token in candidates:
            sent = token.sent
            if sent.start not in lowered:
                # The tagger reads most all-capital words as proper nouns, so tag the sentence as
                # it would be written without capitals to see what the word does there.
                lowered[sent.start] = self.nlp(sent.text.lower())
            offset = token.idx - sent.start_char
            pos = next((t.pos_ for t in lowered[sent.start] if t.idx == offset), "")
            if pos in EMPHATIC_POS and not (pos in FUNCTION_POS and self._used_as_name(token)):
                yield Hit(token.idx, token.idx + len(token), {"match": token.text})

    @staticmethod
    def _used_as_name(token: "Token") -> bool:
        """Whether the word sits where only a noun can: after an article or before a possessive."""
        doc = token.doc
        after_article = token.i > 0 and doc[token.i - 1].lower_ in ARTICLES
        possessed = token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("'s", "’s")
        return after_article or possessed

    def _candidate(self, token: "Token", names: set[str]) -> bool:
        text = token.text
        return (len(text) >= self.options["min-letters"] and text.isalpha() and text.isupper()
                and len(set(text)) > 1 and text not in self.acronyms and text not in names
                and spoken_as_word(text.lower()))
