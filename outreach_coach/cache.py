"""Stored lint results: a message whose content, rule set, config and version are unchanged skips spaCy."""
from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import __version__
from .engine import Coach, FileResult
from .findings import Finding, Severity
from .messages import Message
from .nlp import MODEL_CANDIDATES

log = logging.getLogger(__name__)

CACHE_DIR = ".outreach-coach-cache"
_PACKAGE = Path(__file__).resolve().parent
_COMMIT_EVERY = 200

Runner = Callable[[Iterable[Message | FileResult]], Iterator[FileResult]]


def fingerprint(coach: Coach) -> str:
    """A hash of everything besides the message that decides its findings: code, rules, config, model versions."""
    digest = hashlib.sha256(__version__.encode())
    # The source is hashed as well as the version, so an edited check type invalidates a development install.
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for rule in sorted(coach.rules.all.values(), key=lambda r: r.id):
        digest.update(rule.file.encode() + b"\0" + Path(rule.file).read_bytes())
    digest.update(repr(coach.config).encode())
    for name in ("spacy", *MODEL_CANDIDATES, coach.config.model):
        digest.update(f"{name}={_installed_version(name)}".encode())
    return digest.hexdigest()


def _installed_version(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def message_key(message: Message) -> str:
    """The content hash of one message: its format, its text and the date it goes out."""
    digest = hashlib.sha256(f"{message.format}\0{message.sent.isoformat()}\0".encode())
    digest.update(message.source.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class ResultCache:
    """Results in a SQLite file under the cache folder; entries of another fingerprint are dropped on open."""

    def __init__(self, connection: sqlite3.Connection):
        self._db = connection
        self._pending = 0

    @classmethod
    def open(cls, folder: Path | str, coach: Coach) -> "ResultCache | None":
        """Open (creating) the cache for this coach's rules and config; None if the folder is unusable."""
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by outreach-coach; the cache never belongs in version control.\n*\n")
            db = sqlite3.connect(folder / "results.sqlite", timeout=30)
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT)")
            wanted = fingerprint(coach)
            row = db.execute("SELECT value FROM meta WHERE name = 'fingerprint'").fetchone()
            if row is None or row[0] != wanted:
                log.info("cache %s: rules, config or version changed; starting afresh", folder)
                db.execute("DELETE FROM results")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (wanted,))
                db.commit()
        except (OSError, sqlite3.Error) as err:
            log.warning("cache %s unusable, linting without it: %s", folder, err)
            return None
        return cls(db)

    def get(self, message: Message) -> FileResult | None:
        """The stored result for this message, or None."""
        row = self._db.execute("SELECT value FROM results WHERE key = ?", (message_key(message),)).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        findings = tuple(Finding(**{**f, "severity": Severity.parse(f["severity"])}) for f in data["findings"])
        return FileResult(message.path, findings, data["kind"], data["channel"], message=message)

    def put(self, message: Message, result: FileResult) -> None:
        """Store a successful result (errors are not stored: they may be passing troubles)."""
        if result.error:
            return
        value = json.dumps({"kind": result.kind, "channel": result.channel,
                            "findings": [f.to_dict() for f in result.findings]})
        try:
            self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (message_key(message), value))
        except sqlite3.Error as err:  # e.g. another run holds the lock for too long: lint on, store less
            log.warning("cache: cannot store %s: %s", message.path, err)
            return
        self._pending += 1
        if self._pending >= _COMMIT_EVERY:
            self.commit()

    def commit(self) -> None:
        """Write stored results to disk."""
        try:
            self._db.commit()
        except sqlite3.Error as err:
            log.warning("cache: cannot write results: %s", err)
        self._pending = 0

    def run(self, items: Iterable[Message | FileResult], runner: Runner) -> Iterator[FileResult]:
        """Stream items through: stored results come out directly, the rest go through `runner` and are stored."""
        misses: deque[Message | None] = deque()  # in input order: the message to store, or None for a hit

        def lookup() -> Iterator[Message | FileResult]:
            for item in items:
                hit = self.get(item) if isinstance(item, Message) else None
                misses.append(item if isinstance(item, Message) and hit is None else None)
                yield hit or item

        try:
            for result in runner(lookup()):
                message = misses.popleft()
                if message is not None:
                    self.put(message, result)
                yield result
        finally:
            self.commit()
