"""Splitting a message body into greeting, content and signature, and setting quoted history aside."""
from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTED_LINE = re.compile(r"^\s*>")
# Everything from one of these lines on is earlier correspondence, not the writer's new text.
_HISTORY_START = re.compile(
    r"^\s*(On\b.{0,300}\bwrote:\s*$"
    r"|-{2,}\s*(Original Message|Forwarded message)\s*-{2,}"
    r"|Begin forwarded message:"
    r"|_{10,}\s*$)",
    re.IGNORECASE,
)
_WROTE_CONTINUATION = re.compile(r"^\s*wrote:\s*$", re.IGNORECASE)
_ON_LINE = re.compile(r"^\s*On\b.{0,300}$")

_GREETING = re.compile(
    r"^\s*(?:(?:hi|hello|hey|hiya|howdy|dear|greetings|good (?:morning|afternoon|evening)|morning|to whom it may concern)"
    r"\b[^,!:\n]{0,60}?(?:[,!:]|$)"
    r"|(?:(?:Dr|Prof|Mr|Mrs|Ms|Mx)\.? )?[A-Z][\w.'-]*(?:(?:,| and| &)? [A-Z][\w.'-]*){0,4}\s*[,:—–-]\s*$)",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"^\s*(?:best|thanks|thank you|many thanks|cheers|regards|kind regards|warm regards|best regards|warmly|"
    r"sincerely|yours|all the best|talk soon|take care|cordially|respectfully|with gratitude|gratefully|"
    r"appreciatively|--\s*$|[—–-]\s*[A-Z])",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class BodyParts:
    """A body with quoted history removed; spans are offsets into `kept_text`."""

    kept: tuple[tuple[int, int], ...]
    kept_text: str
    greeting: tuple[int, int]
    content: tuple[int, int]
    signature: tuple[int, int]
    context: str


def split_body(body: str) -> BodyParts:
    """Split a body into kept ranges (quoted history removed), greeting, content and signature."""
    kept: list[tuple[int, int]] = []
    context: list[str] = []
    lines = body.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        end = offset + len(line) + (1 if index < len(lines) - 1 else 0)
        if _starts_history(lines, index):
            context.append(body[offset:])
            break
        if _QUOTED_LINE.match(line):
            context.append(line)
        elif kept and kept[-1][1] == offset:
            kept[-1] = (kept[-1][0], end)
        else:
            kept.append((offset, end))
        offset = end
    kept_text = "".join(body[start:end] for start, end in kept)
    greeting = _greeting_span(kept_text)
    signature = _signature_span(kept_text, greeting[1])
    content = _strip_span(kept_text, greeting[1], signature[0])
    return BodyParts(tuple(kept), kept_text, greeting, content, signature, "\n".join(context))


def _starts_history(lines: list[str], index: int) -> bool:
    line = lines[index]
    if _HISTORY_START.match(line):
        return True
    # Mail clients often wrap "On <date>, <name> wrote:" over two lines.
    return bool(_ON_LINE.match(line) and index + 1 < len(lines) and _WROTE_CONTINUATION.match(lines[index + 1]))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _greeting_span(text: str) -> tuple[int, int]:
    start, _ = _strip_span(text, 0, len(text))
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    match = _GREETING.match(text, start, line_end)
    if not match or len(text[start:match.end()].split()) > 8:
        return start, start
    return start, match.end()


def _signature_span(text: str, floor: int) -> tuple[int, int]:
    """The closing block: the last closing line ("Best,", "Thanks,", "-- ") and what follows it."""
    lines = text.split("\n")
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    filled = [i for i, line in enumerate(lines) if line.strip() and starts[i] >= floor]
    first_line = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for index in reversed(filled[-6:]):
        line = lines[index].strip()
        # A closing needs writing before it, and only short lines (name, title, links) after it.
        after_is_short = all(len(lines[i].split()) <= 8 for i in filled if i > index)
        if index != first_line and after_is_short and _CLOSING.match(line) and len(line.split()) <= 5 \
                and len(line) <= 45:
            return starts[index], len(text)
    # No closing word: a last short paragraph of one to three name-like lines is a sign-off.
    if filled:
        block = [filled[-1]]
        while len(block) < 3 and block[0] - 1 in filled:
            block.insert(0, block[0] - 1)
        first = block[0]
        separated = first > 0 and not lines[first - 1].strip() and first != filled[0]
        if separated and all(_name_like(lines[i]) for i in block):
            return starts[first], len(text)
    end = _strip_span(text, 0, len(text))[1]
    return end, end


def _name_like(line: str) -> bool:
    words = line.strip().split()
    return 0 < len(words) <= 5 and not re.search(r"[.?!]$", line.strip()) and not line.strip().endswith(":")


# Text in quotation marks is the writer mentioning words, not using them ("rather than 'pick your brain'").
_QUOTED = re.compile(r"\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|(?<!\w)'[^'\n]{4,200}'(?!\w)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each stretch of text in quotation marks."""
    return [m.span() for m in _QUOTED.finditer(text)]
