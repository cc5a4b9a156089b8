"""Text made safe for a terminal: control, bidi and undecodable characters shown as escapes, never obeyed."""
from __future__ import annotations

import re

# C0 and C1 controls (ESC sets titles and clears screens, CR and LF forge lines), DEL, the bidi embeddings,
# overrides and isolates that reorder what is shown, line/paragraph separators, and the surrogates a
# non-UTF-8 file name decodes to (surrogateescape), which a strict UTF-8 stream cannot write.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def _escape(match: re.Match) -> str:
    char = match.group(0)
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if 0xDC80 <= code <= 0xDCFF:  # one undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` with every character that could steer a terminal written as a visible escape (`\\e`, `\\n`, `\\u202e`)."""
    return _UNSAFE.sub(_escape, str(text))
