"""Finding message files on disk and decoding their bytes into text."""
from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError

log = logging.getLogger(__name__)

MESSAGE_SUFFIXES = (".txt", ".md", ".eml")
DEFAULT_GLOBS = tuple(f"*{suffix}" for suffix in MESSAGE_SUFFIXES)
DEFAULT_MAX_BYTES = 1_000_000


def discover(paths: Iterable[str], globs: Iterable[str] = DEFAULT_GLOBS) -> Iterator[str | InputError]:
    """Yield each message file under the given paths once, in order; problems come as InputError."""
    globs = tuple(globs)
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if not path.exists():
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
            if any(candidate.match(pattern) for pattern in globs):
                yield candidate


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a file, refusing one larger than max_bytes."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (max-file-size)")
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise InputError(path, f"cannot read file: {err.strerror or err}") from None


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
            log.warning("%s: not UTF-8; read as Windows-1252 (cp1252)", path)
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise InputError(path, "binary file, not a text message")
    # Line and column are counted on LF text; dropping the CR of CRLF leaves both unchanged.
    return text.replace("\r\n", "\n").replace("\r", "\n")
