"""The language server keeps answering after bad frames, and never sends a traceback to the client."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import threading

import pytest

pytest.importorskip("pygls")

from outreach_coach.frontends.lsp_guard import FramedInput
from tests.conftest import REPO  # noqa: E402

TIMEOUT = 60


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def request(msg_id: int, method: str, params: dict) -> bytes:
    return frame({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})


class RawClient:
    """Writes bytes to a server on stdio and reads its framed replies on a thread."""

    def __init__(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "outreach_coach", "lsp"], cwd=REPO,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.replies: dict[int, dict] = {}
        self.arrived = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        length = 0
        while header := stream.readline():
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
            elif not header.strip():
                message = json.loads(stream.read(length))
                with self.arrived:
                    if "id" in message:
                        self.replies[message["id"]] = message
                    self.arrived.notify_all()

    def send(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def reply(self, msg_id: int) -> dict:
        with self.arrived:
            assert self.arrived.wait_for(lambda: msg_id in self.replies, TIMEOUT), f"no reply to {msg_id}"
            return self.replies[msg_id]

    def close(self) -> None:
        self.process.kill()
        self.process.wait(10)


@pytest.fixture
def server():
    client = RawClient()
    client.send(request(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {}}))
    assert "capabilities" in client.reply(1)["result"]
    yield client
    client.close()


def hover(msg_id: int) -> bytes:
    return request(msg_id, "textDocument/hover", {"textDocument": {"uri": "file:///tmp/none.md"},
                                                  "position": {"line": 0, "character": 0}})


@pytest.mark.parametrize("bad_header", [b"Content-Length: abc\r\n", b"Content-Length: 99999999999999999999\r\n",
                                        b"Content-Length: -5\r\n"])
def test_a_frame_with_an_unreadable_length_does_not_leave_the_server_deaf(server, bad_header):
    body = json.dumps({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}).encode()
    server.send(bad_header + b"\r\n" + body)
    server.send(hover(3))
    assert server.reply(3)["result"] is None
    assert server.process.poll() is None and 2 not in server.replies


def test_a_malformed_code_action_gets_no_traceback(server):
    diagnostic = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}},
                  "message": "m", "source": "outreach-coach", "code": "x", "data": "not an object"}
    server.send(request(4, "textDocument/codeAction", {
        "textDocument": {"uri": "file:///tmp/none.md"}, "range": diagnostic["range"],
        "context": {"diagnostics": [diagnostic, {**diagnostic, "data": {"suggestion": ["a", "list"]}}]}}))
    assert server.reply(4)["result"] == []
    server.send(request(5, "textDocument/codeAction", {"textDocument": {"uri": "file:///tmp/none.md"}}))
    reply = server.reply(5)
    assert "Invalid Params" in reply["error"]["message"] and "traceback" not in json.dumps(reply).lower()


def test_framed_input_splits_a_header_off_an_unread_body_and_refuses_huge_lengths():
    stream = FramedInput(io.BytesIO(b'{"body"}Content-Length: 12\r\nContent-Length: 999\r\n'), max_bytes=100)
    assert stream.readline() == b'{"body"}'
    assert stream.readline() == b"Content-Length: 12\r\n"
    assert not stream.readline().startswith(b"Content-Length:")


def test_an_internal_error_is_answered_with_its_message_and_no_traceback():
    from pygls.exceptions import JsonRpcInternalError

    from outreach_coach.frontends.lsp_guard import QuietProtocol

    try:
        {}["suggestion"].strip()
    except KeyError:
        error = JsonRpcInternalError.of(sys.exc_info()).to_response_error()
    assert "traceback" in error.data  # what pygls would send
    protocol = QuietProtocol.__new__(QuietProtocol)  # only the answer is under test, not a running server
    sent = []
    protocol._send_data = sent.append
    protocol._send_response(7, error=error)
    (answer,) = sent
    assert answer.id == 7 and "KeyError" in answer.error.message and answer.error.data is None
