"""What keeps the language server answering when a client sends bad frames or bad parameters.

pygls reads `Content-Length: N` headers and then N bytes; a header it cannot read is skipped, but the
body after it is then read as header lines and swallows the next message's header, and so on for ever.
"""
from __future__ import annotations

import logging
from typing import BinaryIO

from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol

log = logging.getLogger(__name__)

# Far beyond any document an editor sends; a larger claim would make the server try to hold it all.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
_HEADER = b"Content-Length:"


class FramedInput:
    """Standard input for pygls: refuses absurd lengths, and finds the next header in an unread body."""

    def __init__(self, stream: BinaryIO, max_bytes: int = MAX_MESSAGE_BYTES):
        self.stream = stream
        self.max_bytes = max_bytes
        self._next: bytes = b""

    def readline(self) -> bytes:
        line, self._next = (self._next or self.stream.readline()), b""
        at = line.find(_HEADER)
        if at > 0:  # the tail of a body whose header was refused, then a new message's header
            line, self._next = line[:at], line[at:]
            log.warning("skipped %d bytes of a message with no readable Content-Length", len(line))
        elif at == 0:
            digits = line[len(_HEADER):].strip()
            length = int(digits) if digits.isdigit() and len(digits) <= 20 else None
            # pygls reads only this exact form; anything else, or an absurd size, is refused here.
            if length is None or length > self.max_bytes or line != b"Content-Length: %d\r\n" % length:
                log.warning("refused header %r: not a length up to %d bytes", line[:60], self.max_bytes)
                return b"X-Refused-" + line  # not a length to pygls, which skips the line
        return line

    def read(self, size: int) -> bytes:
        return self.stream.read(size)


class QuietProtocol(LanguageServerProtocol):
    """pygls' protocol, except that errors answered to the client carry a message, never a traceback, and a
    request whose parameters cannot be read is answered (pygls drops it, leaving the client waiting)."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as err:
            if "id" in data and "method" in data:
                err.message = f"{err.message}: cannot read the parameters of {data['method']}"
                self._send_response(data["id"], error=err.to_response_error())
            raise

    def _send_response(self, msg_id, result=None, error=None):
        if error is not None and isinstance(error.data, dict) and "traceback" in error.data:
            error.data = None  # the traceback stays in the server's log (stderr), where pygls wrote it
        super()._send_response(msg_id, result, error)
