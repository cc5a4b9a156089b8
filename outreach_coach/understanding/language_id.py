"""Whether a draft is confidently written in a language other than English (py3langid: small and offline).

The rules read English; a draft in another language would get findings and a score that mean nothing.
Only a long enough body with a confident result counts, so a short English note is never turned away.
"""
from __future__ import annotations

import functools
import logging
import re

from .lexicon import WordSet

log = logging.getLogger(__name__)

MIN_WORDS = 20
MIN_CONFIDENCE = 0.9
_ENGLISH_FUNCTION_WORDS = WordSet("language-id", "english-function-words")
_ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


def foreign_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in when that is surely not English, else None."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    if sum(word in _ENGLISH_FUNCTION_WORDS for word in words) >= _ENGLISH_SHARE * len(words):
        return None
    identifier = _identifier()
    if identifier is None:
        return None
    language, confidence = identifier.classify(text)
    return language if language != "en" and confidence >= MIN_CONFIDENCE else None


@functools.lru_cache(maxsize=1)
def _identifier():
    """The model, loaded once and only when a draft looks foreign (it takes a moment to load)."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:  # a dependency; without it every draft is read as English
        log.warning("py3langid is not installed: drafts in other languages are linted as English")
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
