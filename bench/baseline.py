"""The baseline: load the model with the given components excluded and run nlp.pipe over the given texts."""
from __future__ import annotations

import json
import sys


def main(model: str, exclude: str, texts_file: str, batch_size: str) -> None:
    import spacy

    nlp = spacy.load(model, exclude=[name for name in exclude.split(",") if name])
    with open(texts_file, encoding="utf-8") as handle:
        texts = [json.loads(line) for line in handle]
    for _ in nlp.pipe(texts, batch_size=int(batch_size)):
        pass


if __name__ == "__main__":
    main(*sys.argv[1:])
