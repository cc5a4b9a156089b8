"""Finding message files on disk and decoding their bytes into text."""
from __future__ import annotations

import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError

log = logging.getLogger(__name__)

MESSAGE_SUFFIXES = (".txt", ".md", ".eml")
DEFAULT_GLOBS = tuple(f"*{suffix}" for suffix in MESSAGE_SUFFIXES)
DEFAULT_MAX_BYTES = 1_000_000
# Text with more control characters than this share is some other kind of file (an image, an archive).
_MAX_CONTROL_SHARE = 0.05
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def discover(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> Iterator[str | InputError]:
    """Yield each message file under the given paths once, in order; problems come as InputError."""
    globs = tuple(pattern for pattern in globs if pattern) or DEFAULT_GLOBS  # Path.match refuses ""
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if not os.path.lexists(path):
            yield InputError(raw, "no such file or directory")
            continue
        if path.is_dir():
            found = list(_walk(path, globs))
            if not found:
                yield InputError(raw, f"directory holds no message files ({', '.join(globs)})")
            candidates = found
        else:
            candidates = [path]
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key in seen:
                log.info("skipping %s: already linted", candidate)
                continue
            seen.add(key)
            yield str(candidate)


def _walk(root: Path, globs: tuple[str, ...]) -> Iterator[Path]:
    # os.walk does not follow directory symlinks, so a symlink loop cannot recurse forever.
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            candidate = Path(folder, name)
            if any(candidate.match(pattern) for pattern in globs) and not _special(candidate):
                yield candidate


def _special(path: Path) -> bool:
    """A pipe, socket or device found in a folder: opening it could block, so it is skipped."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # a broken or looping symlink: reading it reports the problem
    special = not stat.S_ISREG(mode)
    if special:
        log.info("skipping %s: not a regular file", path)
    return special


class NotRegularFile(OSError):
    """A pipe, socket or device named as a file: reading it could block forever or never end."""


def open_regular(path: str | os.PathLike):
    """Open a regular file for binary reading; a pipe, socket or device is refused without blocking on it
    (opened non-blocking, then checked on the open descriptor, so nothing can swap it in between)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(descriptor).st_mode
    if stat.S_ISDIR(mode):
        os.close(descriptor)
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise NotRegularFile("not a regular file (a pipe, socket or device); use '-' for standard input")
    if hasattr(os, "set_blocking"):
        os.set_blocking(descriptor, True)
    return os.fdopen(descriptor, "rb")


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file, refusing one larger than max_bytes (also when its size is not known in advance)."""
    try:
        with open_regular(path) as handle:
            # Reading one byte past the limit bounds memory even for pipes and devices that report no size.
            data = handle.read(max_bytes + 1)
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a message file") from None
    except NotRegularFile as err:
        raise InputError(path, str(err)) from None
    except OSError as err:
        raise InputError(path, f"cannot read file: {err.strerror or err}") from None
    return within_limit(data, path, max_bytes)


def within_limit(data: bytes, path: str, max_bytes: int) -> bytes:
    """The data, unless it is over max_bytes (callers read at most max_bytes + 1 to tell)."""
    if len(data) <= max_bytes:
        return data
    try:
        known = os.path.getsize(path)
    except OSError:
        known = 0
    size = f"is {known:,} bytes, over" if known > max_bytes else "is over"
    raise InputError(path, f"input {size} the {max_bytes:,}-byte limit (config key max-file-size)")


def decode(data: bytes, path: str) -> str:
    """Decode message bytes: UTF-8 (BOM optional), UTF-16 with BOM, else cp1252 with a notice."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "invalid UTF-16 text") from None
    else:
        if b"\x00" in data:
            raise InputError(path, "binary file, not a text message")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if not _looks_binary(text):
                log.warning("%s: not UTF-8; read as Windows-1252 (cp1252), check accented letters", path)
    if "\x00" in text or _looks_binary(text):
        raise InputError(path, "binary file, not a text message")
    # Line and column are counted on LF text; dropping the CR of CRLF leaves both unchanged.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    controls = len(_CONTROL.findall(text))
    return controls > _MAX_CONTROL_SHARE * max(len(text), 1)
