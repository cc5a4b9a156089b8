"""`outreach-coach serve` and `lsp` as commands: a real process on a loopback port, and the help."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from outreach_coach.frontends.cli import cli

from .conftest import BAD_DRAFT, TEST_RULE_ID


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_answers_on_loopback_with_the_config_found_from_the_working_folder(project):
    pytest.importorskip("starlette")
    pytest.importorskip("uvicorn")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "outreach_coach", "serve", "--port", str(port)],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/lint", method="POST",
                                         data=json.dumps({"text": BAD_DRAFT}).encode(),
                                         headers={"Content-Type": "application/json"})
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    answer = json.load(response)
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.2)
        assert TEST_RULE_ID in {f["rule"] for f in answer["findings"]}
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=20)
    assert f"http://127.0.0.1:{port}/" in stderr.decode()


def test_allowed_hosts_stay_local_unless_a_wildcard_address_is_asked_for():
    pytest.importorskip("starlette")
    from outreach_coach.frontends.web import allowed_hosts

    assert allowed_hosts("127.0.0.1") == ("127.0.0.1", "localhost")
    assert allowed_hosts("studio.lan") == ("127.0.0.1", "localhost", "studio.lan")
    assert allowed_hosts("0.0.0.0") == ("*",)


@pytest.mark.parametrize("command, words", [("serve", "127.0.0.1"), ("lsp", "stdio")])
def test_help_says_what_each_command_does(command, words):
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and words in result.output


@pytest.mark.parametrize("command, extra, module", [("serve", "web", "starlette"), ("lsp", "lsp", "pygls")])
def test_a_missing_extra_is_one_line_saying_what_to_install(monkeypatch, command, extra, module):
    import importlib.util

    from click.testing import CliRunner

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    result = CliRunner().invoke(cli, [command])
    assert result.exit_code != 0
    # Both ways work: from a clone (the package is not yet on an index) and from an index.
    assert f"pip install '.[{extra}]' from a clone" in result.output
    assert f"pip install 'outreach-coach[{extra}]' from an index" in result.output
