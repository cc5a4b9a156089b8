"""Lint on Dask: a bag of texts, (path, text) pairs or messages in, a bag of results out, in order.

Needs the optional extra: `pip install '.[dask]'` from a clone (`'outreach-coach[dask]'` from an index).
Use a process-based scheduler (the local `processes` scheduler or a `dask.distributed` cluster): each
worker process builds one coach, loading the model once, and every partition it runs reuses it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Union

from ..config import Config
from ..errors import InputError
from ..inputs.messages import Message, format_for, parse
from .engine import Coach, FileResult

if TYPE_CHECKING:
    import dask.bag

Item = Union[str, tuple[str, str], Message]
_coaches: dict[tuple[str, dt.date | None], Coach] = {}


def lint_bag(bag: "dask.bag.Bag", config: Config | None = None, today: dt.date | None = None) -> "dask.bag.Bag":
    """A bag of `FileResult`, one per item of `bag`, in the same order."""
    return bag.map_partitions(lint_partition, config or Config(), today)


def lint_partition(items: Iterable[Item], config: Config, today: dt.date | None) -> list[FileResult]:
    """Lint one partition with this worker process's coach for `config` (built, and its model loaded, once)."""
    key = (repr(config), today)
    if key not in _coaches:
        _coaches[key] = Coach(config, today=today)
    return list(_coaches[key].lint_messages(as_messages(items, today)))


def as_messages(items: Iterable[Item], today: dt.date | None = None) -> Iterator[Message | FileResult]:
    """Parse texts and (path, text) pairs into messages; unparsable ones become error results."""
    for index, item in enumerate(items):
        if isinstance(item, Message):
            yield item
            continue
        path, text = item if isinstance(item, tuple) else (f"<text {index}>", item)
        try:
            yield parse(text, path, format_for(path), today)
        except InputError as err:
            yield FileResult(path, error=err.problem)
