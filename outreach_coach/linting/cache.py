"""Stored lint results: a message whose content, rule set, config and version are unchanged skips spaCy."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .. import __version__
from ..bundled import PACKAGE_DIR
from ..inputs.messages import Message
from ..understanding.nlp import MODEL_CANDIDATES
from .engine import Coach, FileResult
from .findings import Finding, Severity

log = logging.getLogger(__name__)

CACHE_DIR = ".outreach-coach-cache"
_PACKAGE = PACKAGE_DIR
_DB_NAME = "results.sqlite"
# Results are written in small batches, each its own short transaction, so no run holds the write lock for long
# (and never while its output waits on a slow reader).
_BATCH = 25
_SCHEMA = "2"
_TABLES = {"meta": ["name", "value"], "results": ["key", "value"]}
# Rows of every config that shares the folder are kept, up to this many (the oldest go first).
MAX_ROWS = 100_000

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
    import importlib.metadata  # only a run that uses the cache pays for importing it

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


class _Foreign(sqlite3.DatabaseError):
    """The cache file is a database, but not one this version of the coach wrote."""


def _is_broken(err: sqlite3.Error) -> bool:
    """A file that is damaged or not ours (as against one that is locked or cannot be opened at all)."""
    return isinstance(err, sqlite3.DatabaseError) and not isinstance(err, sqlite3.OperationalError)


class ResultCache:
    """Results in a SQLite file under the cache folder, each row keyed by the fingerprint and the message,
    so runs of different rules or configs sharing the folder read only their own rows."""

    def __init__(self, connection: sqlite3.Connection, path: Path, fingerprint_: str, timeout: float):
        self._db = connection
        self._path = path
        self._fingerprint = fingerprint_
        self._timeout = timeout
        self._batch: list[tuple[str, str]] = []
        self._told: set[str] = set()  # notices already given in this run, so each is given once

    @classmethod
    def open(cls, folder: Path | str, coach: Coach, timeout: float = 5.0) -> "ResultCache | None":
        """Open (creating) the cache; a damaged or foreign file is moved aside and rebuilt with one notice;
        None if the folder is unusable."""
        folder = Path(folder)
        path = folder / _DB_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by outreach-coach; the cache never belongs in version control.\n*\n")
            try:
                db = _connect(path, timeout)
            except sqlite3.Error as err:
                if not _is_broken(err):
                    raise
                _move_aside(path, err)
                db = _connect(path, timeout)
        except (OSError, sqlite3.Error) as err:
            log.warning("cache %s unusable, linting without it: %s", folder, err)
            return None
        return cls(db, path, fingerprint(coach), timeout)

    def _key(self, message: Message) -> str:
        return hashlib.sha256(f"{self._fingerprint}\0{message_key(message)}".encode()).hexdigest()

    def get(self, message: Message) -> FileResult | None:
        """The stored result for this message under this fingerprint, or None."""
        if self._db is None:
            return None
        key = self._key(message)
        try:
            rows = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchall()
        except sqlite3.Error as err:
            self._trouble(err)
            return None
        if not rows:
            return None
        try:
            data = json.loads(rows[0][0])
            findings = tuple(Finding(**{**f, "severity": Severity.parse(f["severity"])}) for f in data["findings"])
            # The kind as the engine settled it (from the parse, perhaps), so a hit reads like the run that stored it.
            settled = message if (message.kind, message.kind_cue) == (data["kind"], data["kind_cue"]) else \
                dataclasses.replace(message, kind=data["kind"], kind_cue=data["kind_cue"])
            return FileResult(message.path, findings, data["kind"], data["channel"], message=settled)
        except (TypeError, ValueError, KeyError, AttributeError) as err:  # a damaged row is a miss, and this run replaces it
            self._notice("row", f"cache {self._path}: unreadable stored result replaced ({type(err).__name__})")
            return None

    def put(self, message: Message, result: FileResult) -> None:
        """Store a successful result (errors are not stored: they may be passing troubles)."""
        if result.error or self._db is None:
            return
        kind_cue = result.message.kind_cue if result.message else message.kind_cue
        value = json.dumps({"kind": result.kind, "kind_cue": kind_cue, "channel": result.channel,
                            "findings": [f.to_dict() for f in result.findings]})
        self._batch.append((self._key(message), value))
        if len(self._batch) >= _BATCH:
            self.commit()

    def commit(self) -> None:
        """Write the waiting results in one short transaction."""
        batch, self._batch = self._batch, []
        if not batch or self._db is None:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?)", batch)
        except sqlite3.Error as err:  # e.g. another run holds the lock for too long: lint on, store less
            self._trouble(err)

    def _trouble(self, err: sqlite3.Error) -> None:
        """A damaged file is moved aside and rebuilt (one notice); a busy one is skipped for this batch."""
        if not _is_broken(err):
            self._notice("busy", f"cache {self._path}: cannot store results: {err}")
            return
        self._db.close()
        self._db = None
        try:
            _move_aside(self._path, err)
            self._db = _connect(self._path, self._timeout)
        except (OSError, sqlite3.Error) as again:
            self._notice("lost", f"cache {self._path} unusable, linting without it: {again}")

    def _notice(self, kind: str, text: str) -> None:
        if kind not in self._told:
            self._told.add(kind)
            log.warning("%s", text)

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


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    """Connect and make sure the file holds this version's tables; raises _Foreign if it holds others."""
    db = sqlite3.connect(path, timeout=timeout)
    try:
        tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            with db:
                db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (_SCHEMA,))
        else:
            _check_schema(db, tables)
            _prune(db)
    except BaseException:
        db.close()
        raise
    return db


def _check_schema(db: sqlite3.Connection, tables: set[str]) -> None:
    if tables != set(_TABLES):
        raise _Foreign(f"unexpected tables {', '.join(sorted(tables))}")
    for table, columns in _TABLES.items():
        if [row[1] for row in db.execute(f"PRAGMA table_info({table})")] != columns:
            raise _Foreign(f"unexpected columns in {table}")
    schema = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchall()
    if schema != [(_SCHEMA,)]:
        raise _Foreign("written by another version of outreach-coach")


def _prune(db: sqlite3.Connection) -> None:
    (count,) = db.execute("SELECT count(*) FROM results").fetchone()
    if count > MAX_ROWS:
        with db:
            db.execute("DELETE FROM results WHERE rowid IN (SELECT rowid FROM results ORDER BY rowid LIMIT ?)",
                       (count - MAX_ROWS,))


def _move_aside(path: Path, err: Exception) -> None:
    """Keep a damaged cache file as `<name>.broken` for a look, and start a fresh one (one notice)."""
    log.warning("cache %s is damaged or not ours (%s); moved aside to %s.broken and rebuilt", path, err, path.name)
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(path, f"{path}.broken")
