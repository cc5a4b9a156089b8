"""Hostile request bodies get a 400 (never a 500), JSON's media type is case-blind, every file has the headers."""
from __future__ import annotations

import importlib.util

import pytest

pytest.importorskip("starlette")
if importlib.util.find_spec("httpx2") is None and importlib.util.find_spec("httpx") is None:
    pytest.skip("Starlette's test client needs httpx2 (or httpx)", allow_module_level=True)

from starlette.testclient import TestClient  # noqa: E402

from outreach_coach import config as config_module
from outreach_coach.frontends.web import create_app

from .conftest import GOOD_DRAFT  # noqa: E402

JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client(project):
    app = create_app(config_module.load(start=project), max_bytes=2_000_000)
    with TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize("body", [b"[" * 100_000 + b"]" * 100_000, b'{"text": ' + b"[" * 30 + b"]" * 30 + b"}",
                                  b'{"a": ' * 25 + b"1" + b"}" * 25])
def test_deeply_nested_json_is_refused_with_400(client, body):
    response = client.post("/api/lint", content=body, headers=JSON)
    assert response.status_code == 400 and "nests deeper" in response.json()["error"]


@pytest.mark.parametrize("body", [b'{"text": "Hi \\ud800 there"}', b'{"text": "x", "to": {"name": "\\udfff"}}',
                                  b'{"\\ud83d": 1}'])
def test_a_lone_surrogate_is_refused_with_400(client, body):
    for path in ("/api/lint", "/api/suggest"):
        response = client.post(path, content=body, headers=JSON)
        assert response.status_code == 400 and "surrogate" in response.json()["error"]


def test_a_surrogate_pair_is_an_ordinary_character(client):
    body = '{"text": "%s \\ud83d\\ude00"}' % GOOD_DRAFT.replace("\n", "\\n")
    assert client.post("/api/lint", content=body.encode(), headers=JSON).status_code == 200


@pytest.mark.parametrize("media_type", ["Application/JSON", "APPLICATION/json; charset=UTF-8"])
def test_the_json_media_type_is_matched_without_regard_to_case(client, media_type):
    response = client.post("/api/lint", json={"text": GOOD_DRAFT}, headers={"content-type": media_type})
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/static/app.js", "/static/style.css"])
def test_static_files_carry_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"
