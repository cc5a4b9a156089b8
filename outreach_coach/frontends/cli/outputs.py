"""Writing a command's output file: never onto a file the command reads, and atomically, so a failed write
leaves the old file as it was."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """The output file cannot or must not be written; the message names it."""


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def check_target(output: Path, reads: Iterable[str | os.PathLike | None], force: bool) -> None:
    """Refuse a symlink, any file this command reads (by path or, through a hard link, by inode) and,
    without `force`, any existing file."""
    if output.is_symlink():
        raise OutputError(f"{output}: is a symlink; write the message to a plain file")
    target = _identity(output)
    if target is None:
        return
    for source in filter(None, reads):
        if Path(source).resolve() == output.resolve() or _identity(Path(source)) == target:
            raise OutputError(f"{output}: is a file this command reads; write the message to another file")
    if not force:
        raise OutputError(f"{output}: already exists; pass --force to overwrite it")


def write_atomically(output: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename it over `output` (one step on POSIX)."""
    folder = output.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{output}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if _identity(output) is not None:
            os.chmod(temporary, output.stat().st_mode & 0o7777)  # the replacement keeps the old file's mode
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, output)
    except OSError as err:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{output}: cannot write: {err.strerror or err}") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
