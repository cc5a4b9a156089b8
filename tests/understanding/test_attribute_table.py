"""The compiled attribute table gives the model's own attribute ruler's results, token by token."""
from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from bench.corpus import write_corpus  # noqa: E402
from outreach_coach.inputs.messages import format_for, parse  # noqa: E402
from outreach_coach.understanding import nlp as nlp_module  # noqa: E402
from outreach_coach.understanding.attribute_table import (  # noqa: E402
    AttributeTable,
    compile_attribute_ruler,
)

# Words the ruler's own exceptions are about (contractions, "gonna", "y'all", pronouns, existential "there").
EDGE_TEXTS = [
    "gonna wanna y'all ain't let's c'mon gotta there's I'd i'd y all, gets got",
    "There is a cat. There are dogs, and there were birds. Is there time?",
    "Something, anything, nobody and everyone: I, me, myself, you, yours, theirs, its.",
    "but but BUT. The a an this that these those. Will you? Can I? Might we?",
    "   \n\n  x", "", "!!!", "ok",
]


def _model_name() -> str:
    for name in nlp_module.MODEL_CANDIDATES:
        try:
            spacy.util.get_package_path(name)
            return name
        except Exception:  # noqa: BLE001 - not installed
            continue
    pytest.skip("no English model installed")


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    drafts = [parse(path.read_text(), str(path), format_for(str(path))).text for path in write_corpus(folder, 200)]
    return drafts + EDGE_TEXTS


def test_same_attributes_as_the_ruler_on_a_corpus(texts):
    name = _model_name()
    original = spacy.load(name, exclude=["ner", "senter"])
    compiled = spacy.load(name, exclude=["ner", "senter"])
    compile_attribute_ruler(compiled)
    assert isinstance(compiled.get_pipe("attribute_ruler"), AttributeTable)
    differences = [(a, b) for x, y in zip(original.pipe(texts), compiled.pipe(texts))
                   for a, b in zip(_attributes(x), _attributes(y)) if a != b]
    assert differences == []


def test_the_coach_loads_the_compiled_table():
    loaded = nlp_module.load(None, ["lemma", "dep"])
    assert isinstance(loaded.get_pipe("attribute_ruler"), AttributeTable)


def test_a_pipeline_without_the_ruler_is_left_alone():
    blank = spacy.blank("en")
    compile_attribute_ruler(blank)
    assert blank.pipe_names == []


def test_a_ruler_with_features_the_table_lacks_is_kept():
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"SHAPE": "Xxxx"}]], {"POS": "PROPN"})
    with pytest.raises(ValueError, match="SHAPE"):
        AttributeTable(blank.vocab).compile(ruler)
    compile_attribute_ruler(blank)
    assert blank.get_pipe("attribute_ruler") is ruler
