"""Spotting regular expressions that can backtrack catastrophically, for matchers that have no time limit."""
from __future__ import annotations

import re

_COUNTED = re.compile(r"\{(\d*)(,?)(\d*)\}")
# Counted repeats above this are refused: `a{1,10000000}` builds a huge program when it compiles.
MAX_REPEAT_COUNT = 1000


def large_count(pattern: str, limit: int = MAX_REPEAT_COUNT) -> bool:
    """Whether a counted repeat (`{n}`, `{n,m}`) in the pattern asks for more than `limit` repetitions."""
    return any(int(number) > limit for match in _COUNTED.finditer(pattern) for number in match.group(1, 3) if number)


def nested_quantifier(pattern: str) -> bool:
    """Whether a repeated group itself holds a repetition or an alternation, as in `(a+)+`, `(\\w*\\s?)*` or
    `(a|a)+`: exponential on a miss."""
    stack: list[bool] = []  # per open group: does it hold a quantifier or an alternation?
    closed_with_quantifier = False  # the group just closed held one
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
        elif char == "[":
            index = _class_end(pattern, index)
        else:
            repeats = _quantifier(pattern, index)
            if repeats is not None:
                if closed_with_quantifier and repeats:
                    return True
                if stack:
                    stack[-1] = True
            closed_with_quantifier = False
            if char == "(":
                stack.append(False)
            elif char == "|" and stack:
                stack[-1] = True
            elif char == ")" and stack:
                closed_with_quantifier = stack.pop()
                if stack and closed_with_quantifier:
                    stack[-1] = True
            index += 1
            continue
        closed_with_quantifier = False
    return False


def _quantifier(pattern: str, index: int) -> bool | None:
    """None if no quantifier starts here, else whether it allows more than one repetition."""
    char = pattern[index]
    if char in "*+":
        return True
    if char != "{":
        return None
    counted = _COUNTED.match(pattern, index)
    if not counted or not (counted.group(1) or counted.group(3)):
        return None  # a literal brace
    low, comma, high = counted.groups()
    if not comma:
        return int(low) > 1
    return not high or int(high) > 1


def _class_end(pattern: str, start: int) -> int:
    index = start + 1
    if index < len(pattern) and pattern[index] == "^":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    while index < len(pattern) and pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1
