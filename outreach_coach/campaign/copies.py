"""Copies sent to many: drafts of one run whose bodies differ only in names, organisations and dates.

Each body becomes word shingles with the parts a mail merge changes masked (capitalised words past a
sentence's start, anything with a digit, the recipient's name and organisation); MinHash signatures go
into an LSH index, so finding a draft's copies costs the same at ten files as at ten thousand.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator

from datasketch import MinHash, MinHashLSH

from ..config import Config
from ..inputs.messages import Message
from ..linting.checks.base import Hit
from ..linting.engine import Coach, FileResult
from ..linting.ruleset import Rule

RULE_ID = "mass-message"
NUM_PERM = 64
SHOWN_COPIES = 5
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# After these (or at the very start) a word is capitalised because a sentence or line begins, not for a name.
_SENTENCE_BREAK = re.compile(r"[.!?:;\n]\s*$")
_DIGIT = re.compile(r"\d")
# The pronoun "I" (and I'm, I'd, I've) is capitalised everywhere: it is part of the message, not a name.
_PRONOUN_I = re.compile(r"I(?:['’]\w+)?")
_MASK = "\0"
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations  # made once: every signature shares them


def masked_words(message: Message) -> list[str]:
    """The body's words, lower-cased, with names, organisations, dates and numbers each replaced by one mask."""
    start, end = message.sections.get("body", (0, 0))
    text = message.text[start:end]
    theirs = _their_spans(text, message)
    words = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        initial = match.start() == 0 or _SENTENCE_BREAK.search(text, max(0, match.start() - 3), match.start())
        name_like = word[0].isupper() and not initial and not _PRONOUN_I.fullmatch(word)
        ours = any(s <= match.start() < e for s, e in theirs)
        words.append(_MASK if name_like or ours or _DIGIT.search(word) else word.lower())
    return words


def _their_spans(text: str, message: Message) -> list[tuple[int, int]]:
    """Where the text names the recipient: their organisation as a whole, their full name or any one of its words
    (an organisation's own words, such as 'and' in 'Nolan and Sons', stay words elsewhere)."""
    name = message.to.name or ""
    phrases = [p for p in (message.to.org, name, *_WORD.findall(name)) if p]
    if not phrases:
        return []
    pattern = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return [m.span() for m in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.IGNORECASE)]


def signature(words: list[str], size: int) -> MinHash:
    """The MinHash of the body's `size`-word shingles."""
    shingles = {" ".join(words[i:i + size]).encode() for i in range(max(1, len(words) - size + 1))}
    minhash = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(list(shingles))
    return minhash


class CopyIndex:
    """The run's bodies as MinHash signatures in an LSH index; `mark` adds a `mass-message` finding to each copy."""

    def __init__(self, rule: Rule, config: Config | None = None):
        self.rule = rule
        self.config = config or Config()
        options = rule.check.options
        self.threshold = float(options["threshold"])
        self.min_words = options["min-words"]
        self.shingle = options["shingle"]
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        # Exact copies (once masked) share one signature: the LSH holds each distinct signature once, so a
        # query's cost follows the number of variants of a message, not the number of files sent.
        self._signature_of: dict[str, bytes] = {}
        self._files: dict[bytes, list[str]] = {}
        self._minhash: dict[bytes, MinHash] = {}
        self._clusters: dict[bytes, list[str]] = {}

    def add(self, message: Message) -> None:
        """Index one draft (a body too short to judge, or a path seen already, is left out)."""
        words = masked_words(message)
        if sum(w != _MASK for w in words) < self.min_words or message.path in self._signature_of:
            return
        minhash = signature(words, self.shingle)
        key = minhash.hashvalues.tobytes()
        if key not in self._files:
            self._files[key], self._minhash[key] = [], minhash
            self._lsh.insert(key, minhash)
        self._files[key].append(message.path)
        self._signature_of[message.path] = key

    def _cluster(self, key: bytes) -> list[str]:
        """Every file whose signature is this one or near it, sorted; worked out once per distinct signature."""
        if key not in self._clusters:
            minhash = self._minhash[key]
            near = [k for k in self._lsh.query(minhash) if minhash.jaccard(self._minhash[k]) >= self.threshold]
            self._clusters[key] = sorted(path for k in near for path in self._files[k])
        return self._clusters[key]

    def copies_of(self, path: str, limit: int | None = None) -> tuple[list[str], int]:
        """The first `limit` other files (all when None) whose bodies are near copies of this one, and how many."""
        key = self._signature_of.get(path)
        if key is None:
            return [], 0
        cluster = self._cluster(key)
        head = cluster if limit is None else cluster[:limit + 1]
        return [p for p in head if p != path][:limit], len(cluster) - 1

    def mark(self, result: FileResult) -> FileResult:
        """The result with a `mass-message` finding added when its draft has copies and the rule applies to it."""
        message = result.message
        if message is None or result.error or not self._applies(message):
            return result
        copies, count = self.copies_of(message.path, SHOWN_COPIES)
        if not count:
            return result
        shown = ", ".join(copies) + (f" and {count - len(copies)} more" if count > len(copies) else "")
        start, end = message.sections.get("body", (0, 0))
        hit = Hit(start, end, {"copies": shown, "count": str(count)})
        finding = Coach._finding(message, self.rule, hit)
        findings = tuple(sorted((*result.findings, finding), key=lambda f: (f.line, f.column, f.rule)))
        return dataclasses.replace(result, findings=findings)

    def _applies(self, message: Message) -> bool:
        off = self.config.disabled_for(message.path) if self.config.per_file_disable else frozenset()
        return self.rule.applies(message) and RULE_ID not in off


def copy_index(coach: Coach, items: Iterable[Message | FileResult]) -> CopyIndex | None:
    """An index of the run's parsed messages, or None when `mass-message` is off (then nothing is read)."""
    rule = coach.rules.get(RULE_ID)
    if rule is None or not rule.enabled:
        return None
    index = CopyIndex(rule, coach.config)
    # The lint pass reads the same files and gives their notices; this first read stays quiet.
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        for item in items:
            if isinstance(item, Message):
                index.add(item)
    finally:
        logging.disable(previous)
    return index


def with_copies(results: Iterable[FileResult], index: CopyIndex | None) -> Iterator[FileResult]:
    """Stream results through, each copy's with its `mass-message` finding."""
    if index is None:
        yield from results
        return
    for result in results:
        yield index.mark(result)


def lint_run(coach: Coach, paths: Iterable[str]) -> list[FileResult]:
    """Lint files as one run, copies marked (for the library and tests; the CLI streams the same two passes)."""
    paths = list(paths)
    index = copy_index(coach, coach.read_paths(paths))
    return list(with_copies(coach.lint_paths(paths), index))
