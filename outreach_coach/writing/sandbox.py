"""Rendering Jinja the coach did not write (rule examples, user templates): sandboxed, strict, and bounded."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import (
    FunctionLoader,
    StrictUndefined,
    TemplateError,
    TemplateRuntimeError,
    nodes,
)
from jinja2.sandbox import SandboxedEnvironment, SecurityError, safe_range

MAX_OUTPUT_CHARS = 200_000
MAX_LOOP_ITEMS = 1_000_000
# Widths, repeat counts and exponents above this are refused before Python tries to build the result.
MAX_SIZE_ARGUMENT = 100_000
# A width of six digits or more, a `*` width taken from the arguments, or a nested `{...{width}}` field.
_WIDE_FORMAT = re.compile(r"[{%][^{}%]*?\d{6,}|%[-#0 +]*\*|\{[^{}]*\{")
_SIZED_STR_METHODS = frozenset({"ljust", "rjust", "center", "zfill", "expandtabs"})
# Every intermediate value is checked against these, so no chain of steps can grow past them.
MAX_VALUE_ITEMS = MAX_OUTPUT_CHARS
MAX_INT_BITS = 100_000


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with StrictUndefined, plus bounds on loop sizes, repetition, widths and output length."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "**", "%"})

    def __init__(self, **options: Any):
        options.setdefault("undefined", StrictUndefined)
        super().__init__(**options)
        self._loop_items = 0
        self.globals["range"] = self._range
        del self.globals["lipsum"]  # lorem ipsum of any length: no use here, and a way to exhaust memory
        self.filters = {name: _bounded(function) for name, function in self.filters.items()}
        self.filters["format"] = _checked_format(self.filters["format"])
        self.filters["replace"] = _checked_replace(self.filters["replace"])
        self.filters["join"] = _checked_join(self.filters["join"])
        # Filters the parsed template is rewritten to call (see _parse): loops and `~` counted and sized.
        self.filters["_counted_loop"] = self._counted
        self.filters["_sized"] = _sized

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every `for` loop's items pass through a counter, and every `~` result through a size check."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_counted_loop", [], [], None, None, lineno=loop.lineno)
        for concat in list(tree.find_all(nodes.Concat)):
            copy = nodes.Concat(concat.nodes, lineno=concat.lineno)
            concat.__class__ = nodes.Filter  # rewritten in place: its parent keeps pointing at it
            del concat.nodes
            concat.node, concat.name, concat.args, concat.kwargs = copy, "_sized", [], []
            concat.dyn_args = concat.dyn_kwargs = None
        return tree

    def _counted(self, items: Any) -> Any:
        """A loop's items, counted against the bound on all loop items in one rendering (nested loops too)."""
        for item in items:
            self._loop_items += 1
            if self._loop_items > MAX_LOOP_ITEMS:
                raise SecurityError(f"loops over more than {MAX_LOOP_ITEMS:,} items in one rendering")
            yield item

    def _range(self, *args: int) -> range:
        items = safe_range(*args)  # the sandbox's own range, capped per call; this caps them all together
        self._loop_items += len(items)
        if self._loop_items > MAX_LOOP_ITEMS:
            raise SecurityError(f"loops over more than {MAX_LOOP_ITEMS:,} items in one rendering")
        return items

    def call_binop(self, context, op: str, left: Any, right: Any) -> Any:
        if op == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) \
                        and len(sequence) * count > MAX_OUTPUT_CHARS:
                    raise SecurityError(f"repetition longer than {MAX_OUTPUT_CHARS:,} items")
        elif op == "**" and isinstance(right, (int, float)) and abs(right) > 1000:
            raise SecurityError("exponent above 1000")
        elif op == "**" and isinstance(left, int) and isinstance(right, int) \
                and left.bit_length() * right > MAX_INT_BITS:
            raise SecurityError(f"power of more than {MAX_INT_BITS:,} bits")
        elif op == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise SecurityError("format width too large")
        return _sized(super().call_binop(context, op, left, right))

    def call(__self, __context, __obj, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        owner, name = getattr(__obj, "__self__", None), getattr(__obj, "__name__", "")
        if isinstance(owner, str) and name in _SIZED_STR_METHODS:
            _check_sizes(args, kwargs)
        elif isinstance(owner, str) and name == "replace" and len(args) >= 2:
            _check_replace(owner, *args[:2])
        elif isinstance(owner, str) and name == "join" and args:
            _check_join(args[0], owner)
        return _sized(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapped = super().wrap_str_format(value)
        if wrapped is not None and _WIDE_FORMAT.search(value.__self__):
            raise SecurityError("format width too large")
        return wrapped


def _check_sizes(args: tuple, kwargs: Mapping[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_SIZE_ARGUMENT:
            raise SecurityError(f"size argument {value} above {MAX_SIZE_ARGUMENT:,}")


def _sized(value: Any) -> Any:
    """The value, unless it is a text, list or number bigger than an intermediate value may be."""
    if isinstance(value, (str, list, tuple, dict)) and len(value) > MAX_VALUE_ITEMS:
        raise SecurityError(f"a value of more than {MAX_VALUE_ITEMS:,} items")
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise SecurityError(f"a number of more than {MAX_INT_BITS:,} bits")
    return value


def _check_replace(text: Any, old: Any, new: Any) -> None:
    """Refuse a replacement whose result would be too long, before it is built."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = text.count(old) if old else len(text) + 1
        if len(text) + count * (len(new) - len(old)) > MAX_VALUE_ITEMS:
            raise SecurityError(f"replace would make more than {MAX_VALUE_ITEMS:,} characters")


def _check_join(items: Any, separator: Any) -> None:
    """Refuse a join whose result would be too long, before it is built."""
    if isinstance(items, (list, tuple)) and isinstance(separator, str):
        total = sum(len(item) for item in items if isinstance(item, str)) + len(separator) * max(len(items) - 1, 0)
        if total > MAX_VALUE_ITEMS:
            raise SecurityError(f"join would make more than {MAX_VALUE_ITEMS:,} characters")


def _checked_replace(function: Callable) -> Callable:
    @functools.wraps(function)
    def checked(context: Any, value: Any, old: Any, new: Any, *args: Any) -> Any:
        _check_replace(value, old, new)
        return _sized(function(context, value, old, new, *args))
    return checked


def _checked_join(function: Callable) -> Callable:
    @functools.wraps(function)
    def checked(context: Any, value: Any, d: str = "", *args: Any) -> Any:
        items = list(value) if isinstance(value, (list, tuple, str)) else value
        _check_join(list(items) if isinstance(items, str) else items, d)
        return _sized(function(context, items, d, *args))
    return checked


def _bounded(function: Callable) -> Callable:
    """A filter that refuses huge width or count arguments (`center(10**9)`, `indent(10**9)`)."""
    @functools.wraps(function)  # keeps Jinja's pass_context/pass_environment marker
    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_sizes(args[1:], kwargs)
        return function(*args, **kwargs)
    return checked


def _checked_format(function: Callable) -> Callable:
    @functools.wraps(function)
    def checked(value: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(value, str) and _WIDE_FORMAT.search(value):
            raise SecurityError("format width too large")
        return function(value, *args, **kwargs)
    return checked


def _no_includes(name: str) -> None:
    """The default loader: `include`, `import` and `extends` find nothing, so no file can be read."""
    return None


def render(source: str, variables: Mapping[str, Any] | None = None,
           environment: SandboxedEnvironment | None = None) -> str:
    """Render template text (in a fresh bounded sandbox unless given one); any failure is a jinja2.TemplateError."""
    environment = environment or BoundedSandbox(keep_trailing_newline=True, loader=FunctionLoader(_no_includes))
    pieces: list[str] = []
    length = 0
    try:
        for piece in environment.from_string(source).generate(**dict(variables or {})):
            length += len(piece)
            if length > MAX_OUTPUT_CHARS:
                raise SecurityError(f"output longer than {MAX_OUTPUT_CHARS:,} characters")
            pieces.append(piece)
    except TemplateError:
        raise
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError, RecursionError, MemoryError) as err:
        # Template code failing at run time (a bad filter argument, a macro calling itself) is the template's fault.
        raise TemplateRuntimeError(f"{type(err).__name__}: {err}") from None
    return "".join(pieces)
