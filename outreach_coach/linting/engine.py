"""The engine: parse each message once, run spaCy once per message in batches, run the rules, stamp findings."""
from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import config as config_module
from ..config import Config
from ..errors import ConfigError, InputError, did_you_mean
from ..inputs import files as reading
from ..inputs import messages
from ..inputs.messages import Message
from ..inputs.sections import quoted_spans
from ..understanding import kinds, lexicon, nlp
from ..understanding.reading import Reading
from .checks.base import Context, Hit
from .findings import Finding, score
from .ruleset import Rule, RuleSet

log = logging.getLogger(__name__)

BATCH_SIZE = 64
# The parser's memory grows with the characters in a batch: long messages go through in smaller batches.
MAX_BATCH_CHARS = 200_000
# Check types that read no English words, so they hold for a draft in any language.
LANGUAGE_FREE_CHECKS = frozenset({"empty", "missing-subject", "length", "days-between", "exclamations", "shouting"})
_PLACEHOLDER_VAR = re.compile(r"\{([a-z_]+)\}")
@dataclass(frozen=True)
class FileResult:
    """The outcome for one file: its findings and score, or the error that stopped it being read."""

    path: str
    findings: tuple[Finding, ...] = ()
    kind: str | None = None
    channel: str | None = None
    error: str | None = None
    message: Message | None = None
    # The Reading the rules used, for suggestions; not kept by cache or workers (it holds the parse).
    reading: Reading | None = None

    @property
    def language(self) -> str | None:
        """The draft's language when it is surely not English: then it is not judged and not scored."""
        return self.message.language if self.message else None

    @property
    def score(self) -> int | None:
        return None if self.error or self.language else score(self.findings)

    def __getstate__(self) -> dict:
        # The parse stays in the process that made it: spaCy spans do not pickle (workers, dask, cache).
        return {**self.__dict__, "reading": None}


class Coach:
    """A configured linter: `Coach.from_config()`, then `lint_text`, `lint_paths` or `lint_messages`."""

    def __init__(self, config: Config | None = None, rules: RuleSet | None = None, today: dt.date | None = None):
        self.config = config or Config()
        lexicon.configure(self.config.lexicon, self.config.source or "<config>")
        self.rules = rules or RuleSet.load(self.config)
        self.today = today
        self._nlp = None

    @classmethod
    def from_config(cls, path: Path | None = None, start: Path | None = None) -> "Coach":
        """A coach with the config at `path`, or the one discovered upward from `start` (or the cwd)."""
        return cls(config_module.load(path, start))

    # -- input -------------------------------------------------------------

    def parse_file(self, path: str, stdin_text: str | bytes | None = None,
                   stdin_filename: str | None = None) -> Message:
        """Read and parse one file (or standard input, given as text or raw bytes, when path is '-')."""
        if path == "-":
            name = stdin_filename or "<stdin>"
            if isinstance(stdin_text, bytes):
                stdin_text = reading.decode(reading.within_limit(stdin_text, name, self.config.max_file_size), name)
            return messages.parse(stdin_text or "", name, messages.format_for(name), self.today)
        text = reading.decode(reading.read_bytes(path, self.config.max_file_size), path)
        return messages.parse(text, path, messages.format_for(path), self.today)

    def lint_text(self, text: str, path: str = "<text>", fmt: str | None = None,
                  extra_meta: Mapping[str, Any] | None = None) -> FileResult:
        """Lint one message given as text; `extra_meta` keys (as in front matter) replace the text's own."""
        try:
            message = messages.parse(text, path, fmt, self.today, extra_meta)
        except InputError as err:
            return FileResult(path, error=err.problem)
        return next(self.lint_messages([message]))

    def read_paths(self, paths: Iterable[str], stdin_text: str | bytes | None = None,
                   stdin_filename: str | None = None) -> Iterator[Message | FileResult]:
        """Parse files and folders one at a time, in input order; unreadable files come as error results."""
        for item in reading.discover(paths, self.config.globs):
            if isinstance(item, InputError):
                yield FileResult(item.path, error=item.problem)
                continue
            try:
                yield self.parse_file(item, stdin_text, stdin_filename)
            except InputError as err:
                yield FileResult(err.path, error=err.problem)

    def lint_paths(self, paths: Iterable[str], stdin_text: str | bytes | None = None,
                   stdin_filename: str | None = None) -> Iterator[FileResult]:
        """Lint files and folders, streaming one result per file in input order."""
        return self.lint_messages(self.read_paths(paths, stdin_text, stdin_filename))

    def lint_messages(self, items: Iterable[Message | FileResult]) -> Iterator[FileResult]:
        """Lint parsed messages in batches through spaCy; FileResults (errors) pass through in order."""
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, BATCH_SIZE)):
            yield from self._lint_batch(batch)

    # -- the work ------------------------------------------------------------

    def _lint_batch(self, batch: list[Message | FileResult]) -> Iterator[FileResult]:
        wanted = [item for item in batch if isinstance(item, Message)]
        # A message whose kind is open is parsed first (in the same single pipe) so its kind is settled
        # before the rules that apply to it are chosen; the others are planned at once.
        open_kind = {id(m) for m in wanted if _kind_is_open(m)}
        plans = {id(m): self._plan(m) for m in wanted if id(m) not in open_kind}
        needs_doc = [m for m in wanted if id(m) in open_kind
                     or any(rule.id in self.rules.parsing for rule in plans[id(m)])]
        docs = dict(zip(map(id, needs_doc), self._pipe([m.text for m in needs_doc]))) if needs_doc else {}
        settled: dict[int, Message] = {}
        for message in wanted:
            if id(message) in open_kind:
                kind, cue = kinds.read_kind(message, docs[id(message)])
                settled[id(message)] = dataclasses.replace(message, kind=kind, kind_cue=cue)
                plans[id(message)] = self._plan(settled[id(message)])
        for item in batch:
            if isinstance(item, FileResult):
                yield item
            else:
                yield self._lint_one(settled.get(id(item), item), plans[id(item)], docs.get(id(item)))

    def settled_message(self, message: Message) -> Message:
        """The message with its kind read from the parse when front matter and structure left it open."""
        if not _kind_is_open(message):
            return message
        kind, cue = kinds.read_kind(message, next(iter(self._pipe([message.text]))))
        return dataclasses.replace(message, kind=kind, kind_cue=cue)

    def _plan(self, message: Message) -> list[Rule]:
        """The enabled rules for this message, less those front matter or `per-file-disable` switch off."""
        for rule_id in sorted(message.disabled - self.rules.all.keys()):
            log.warning("%s: front matter 'disable': no rule '%s'%s", message.path, rule_id,
                        did_you_mean(rule_id, self.rules.all))
        off = self.config.disabled_for(message.path) if self.config.per_file_disable else frozenset()
        rules = [rule for rule in self.rules.enabled if rule.applies(message) and rule.id not in off]
        if message.language:
            log.warning("%s: the draft reads as language '%s'; the coach judges English only, so it checks "
                        "just its form (length, subject, dates) and gives no score", message.path, message.language)
            rules = [rule for rule in rules if rule.check_type in LANGUAGE_FREE_CHECKS]
        return rules

    def _pipe(self, texts: list[str]):
        if self._nlp is None:
            loaded = nlp.load(self.config.model, self.rules.features() | kinds.FEATURES)
            for rule in self.rules.enabled:
                try:
                    rule.check.prepare(loaded)
                except Exception as err:  # e.g. a Matcher pattern spaCy rejects: the rule file is at fault
                    problem = " ".join(str(err).split())
                    raise ConfigError(f"{rule.file}: rule '{rule.id}': key 'check': {problem}") from None
            self._nlp = loaded
        longest = max((len(text) for text in texts), default=1) or 1
        return self._nlp.pipe(map(nlp.tame_punctuation_runs, texts), batch_size=max(1, min(BATCH_SIZE, MAX_BATCH_CHARS // longest)))

    def _lint_one(self, message: Message, rules: list[Rule], doc) -> FileResult:
        reading = Reading(message, doc) if doc is not None else None
        quoted = quoted_spans(message.text)
        findings: list[Finding] = []
        for rule in rules:
            ctx = Context(message, doc, self._scope(message, rule.scope), reading)
            try:
                hits = list(rule.check.run(ctx))
            except Exception as err:  # a rule that raises becomes this file's error; the run goes on
                log.debug("rule %s failed on %s", rule.id, message.path, exc_info=True)
                return FileResult(message.path, error=f"rule '{rule.id}' failed: {err}")
            for hit in hits:
                if not rule.quoted and any(s <= hit.start and hit.end <= e for s, e in quoted):
                    continue
                findings.append(self._finding(message, rule, hit))
        findings.sort(key=lambda f: (f.line, f.column, f.rule))
        return FileResult(message.path, tuple(findings), message.kind, message.channel, message=message,
                          reading=reading)

    def reading_of(self, result: FileResult) -> Reading:
        """The Reading the rules used for a result, parsing the message only when they did not (or a cache hit)."""
        if result.reading is not None:
            return result.reading
        if result.message is None:
            raise ValueError(f"{result.path}: no message to read ({result.error})")
        return Reading(result.message, next(iter(self._pipe([result.message.text]))))

    @staticmethod
    def _scope(message: Message, scope: str) -> tuple[int, int]:
        if scope == "all":
            return 0, len(message.text)
        return message.sections.get(scope, (0, 0))

    @staticmethod
    def _finding(message: Message, rule: Rule, hit: Hit) -> Finding:
        line, column = message.position(hit.start)
        end_line, end_column = message.end_position(hit.end) if hit.end > hit.start else (line, column)
        variables = dict(hit.variables)
        fill = lambda m: variables.get(m.group(1), m.group(0))  # noqa: E731
        return Finding(
            rule=rule.id, severity=rule.severity, message=_PLACEHOLDER_VAR.sub(fill, rule.message),
            line=line, column=column, end_line=end_line, end_column=end_column,
            suggestion=_PLACEHOLDER_VAR.sub(fill, hit.suggestion or rule.suggestion),
        )


def _kind_is_open(message: Message) -> bool:
    """Inferred from wording only, to a kind a clause may overturn (a reply's structure settles it)."""
    return (message.kind_inferred and message.kind_cue != messages.REPLY_CUE and message.kind in kinds.OPEN_KINDS
            and not message.language)
